//! The loader on arbitrary input: it must never panic, every problem must point inside
//! the file, and a file with errors must still yield a usable config.

use brief::config::{Config, Options};
use proptest::prelude::*;

/// Pieces of plausible configs, so the generator reaches deep into each section rather
/// than stopping at the TOML parser.
fn fragment() -> impl Strategy<Value = String> {
    let table = prop_oneof![
        Just("[keys.global]"),
        Just("[keys.list]"),
        Just("[keys.reader]"),
        Just("[keys.filter]"),
        Just("[keys.nope]"),
        Just("[theme]"),
        Just("[layout]"),
        Just("[ui]"),
        Just("[keys]"),
        Just("version = 1"),
        Just("version = 99999999999999999999"),
    ]
    .prop_map(str::to_string);
    let key = prop_oneof![
        Just("j".to_string()),
        Just("\"g g\"".to_string()),
        Just("\"C-x\"".to_string()),
        Just("\"ctrl-x\"".to_string()),
        Just("g".to_string()),
        Just("selection".to_string()),
        Just("preset".to_string()),
        Just("list_width".to_string()),
        Just("mouse".to_string()),
        "\"[^\"\\\\\\n]{0,6}\"",
    ];
    let value = prop_oneof![
        Just("\"down\"".to_string()),
        Just("\"none\"".to_string()),
        Just("[\"mark_read\", \"open\"]".to_string()),
        Just("{ run = \"yank\", desc = \"x\" }".to_string()),
        Just("{ fg = \"red\", bg = \"#ffaa00\", modifiers = [\"bold\"] }".to_string()),
        Just("\"bold yellow on 238\"".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("true".to_string()),
        Just("-9223372036854775808".to_string()),
        Just("1e400".to_string()),
        Just("1979-05-27T07:32:00Z".to_string()),
        "-?[0-9]{1,5}",
        "\"[^\"\\\\\\n]{0,8}\"",
    ];
    prop_oneof![table, (key, value).prop_map(|(k, v)| format!("{k} = {v}"))]
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let (config, problems) = Config::overlay(
        text,
        "fuzz.toml",
        Options {
            linux_console: true,
        },
    );
    let lines = text.split('\n').count();
    for p in &problems {
        prop_assert!(p.line >= 1 && p.line <= lines, "{p} outside {lines} lines");
        prop_assert!(p.column >= 1);
        prop_assert!(!p.message.is_empty());
    }
    let l = &config.layout;
    prop_assert_eq!(l.list_pct + l.points_pct + l.actors_pct, 100);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn plausible_configs(lines in prop::collection::vec(fragment(), 0..24)) {
        check(&lines.join("\n"))?;
    }
}

#[test]
fn deeply_nested_input_neither_crashes_nor_floods() {
    for text in [
        format!("a = {}", "[".repeat(100_000)),
        format!("a = {}", "{b=".repeat(50_000)),
        format!("[keys.global]\n{}", "j = \"dwon\n".repeat(1_000)),
    ] {
        let (_, problems) = Config::overlay(&text, "deep.toml", Options::default());
        assert!(!problems.is_empty());
        assert!(problems.len() <= 10, "{} problems", problems.len());
    }
}
