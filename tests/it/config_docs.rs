//! The README's key table is generated from the built-in keymap and its example config
//! works: a test per claim, so the docs cannot drift from the code.

use brief::config::{Config, Options};
use brief::keymap::docs;

const START: &str = "<!-- keys:start -->\n";
const END: &str = "<!-- keys:end -->";

fn readme() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    std::fs::read_to_string(path).expect("README.md is in the repository")
}

/// To regenerate the README section after changing the defaults:
/// `BRIEF_UPDATE_README=1 cargo test --test it config_docs::`.
#[test]
fn readme_key_table_is_the_builtin_keymap() {
    let text = readme();
    let start = text.find(START).expect("README has <!-- keys:start -->") + START.len();
    let end = text.find(END).expect("README has <!-- keys:end -->");
    let table = docs::markdown_table(&brief::config::Config::default().keymap);
    if std::env::var_os("BRIEF_UPDATE_README").is_some() {
        let updated = format!("{}{table}{}", &text[..start], &text[end..]);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        std::fs::write(path, updated).expect("write README.md");
        return;
    }
    assert_eq!(
        &text[start..end],
        table,
        "the README key table is out of date: run BRIEF_UPDATE_README=1 cargo test --test it config_docs::"
    );
}

#[test]
fn key_table_snapshot() {
    insta::assert_snapshot!(docs::markdown_table(
        &brief::config::Config::default().keymap
    ));
}

#[test]
fn readme_example_config_applies_cleanly() {
    let text = readme();
    let section = &text[text
        .find("## Configuration")
        .expect("README has ## Configuration")..];
    let body = section
        .split("```toml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a toml example in the Configuration section");
    assert_eq!(body.lines().count(), 3, "the example is three lines");
    let (config, problems) = Config::overlay(body, "README", Options::default());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_ne!(config.keymap, brief::config::Config::default().keymap);
    assert_ne!(config.theme, Config::default().theme);
}
