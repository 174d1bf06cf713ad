//! Summary files: reading hostile files (every problem a warning with line and column),
//! applying them to articles, and `brief derive --write` through the real binary.

#[path = "summary_files/apply.rs"]
mod apply;
#[path = "summary_files/cli.rs"]
mod cli;
#[path = "summary_files/pipeline.rs"]
mod pipeline;

use brief::summary::{load, parse, summary_path, SummaryFile, Warning};
use proptest::prelude::*;
use std::path::Path;

const HASH: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

fn parse_str(text: &str) -> Result<SummaryFile, Warning> {
    parse(Path::new("a.summary.toml"), text.as_bytes())
}

fn warning(text: &str) -> Warning {
    match parse_str(text) {
        Ok(f) => panic!("accepted {text:?} as {f:?}"),
        Err(w) => w,
    }
}

#[test]
fn summary_path_is_beside_the_article_with_the_same_stem() {
    assert_eq!(
        summary_path(Path::new("d/foo.txt")),
        Path::new("d/foo.summary.toml")
    );
    assert_eq!(
        summary_path(Path::new("foo.md")),
        Path::new("foo.summary.toml")
    );
    assert_eq!(
        summary_path(Path::new("d/noext")),
        Path::new("d/noext.summary.toml")
    );
    assert_eq!(
        summary_path(Path::new("a.b.html")),
        Path::new("a.b.summary.toml")
    );
    assert!(brief::summary::is_summary_file(Path::new(
        "x/a.summary.toml"
    )));
    assert!(!brief::summary::is_summary_file(Path::new(
        "x/summary.toml"
    )));
    assert!(!brief::summary::is_summary_file(Path::new("x/a.txt")));
}

#[test]
fn the_readme_example_is_a_valid_summary_file() {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("## Summary files")
        .nth(1)
        .expect("README has a Summary files section");
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("the section has a toml example");
    let f = parse_str(example).unwrap_or_else(|w| panic!("{w}"));
    assert_eq!(f.version, 1);
    assert!(!f.key_points.is_empty());
    assert!(!f.actors.is_empty());
}

#[test]
fn minimal_and_full_files_parse() {
    let f = parse_str(&format!(
        "version = 1\ncontent_hash = \"{}\"\n",
        HASH.to_uppercase()
    ))
    .unwrap_or_else(|w| panic!("{w}"));
    assert_eq!(f.content_hash, HASH, "hash is normalised to lowercase");
    assert!(f.title.is_none() && f.key_points.is_empty() && f.actors.is_empty());

    let full = format!(
        "version = 1\ncontent_hash = \"{HASH}\"\ntitle = \" Talks \"\n\
         [[key_points]]\ntext = \"First.\"\nscore = 1\n\
         [[key_points]]\ntext = \"Second.\"\n\
         [[actors]]\nname = \"NATO\"\nkind = \"Organisation\"\naliases = [\"the alliance\"]\n"
    );
    let f = parse_str(&full).unwrap_or_else(|w| panic!("{w}"));
    assert_eq!(f.title.as_deref(), Some("Talks"));
    assert_eq!(f.key_points[0].score, Some(1.0));
    assert_eq!(f.key_points[1].score, None);
    assert_eq!(f.actors[0].kind, brief::model::ActorKind::Organization);
}

/// (file text, expected line, expected column, a word the message must contain)
fn bad_files() -> Vec<(String, usize, usize, &'static str)> {
    let head = format!("version = 1\ncontent_hash = \"{HASH}\"\n");
    vec![
        (format!("{head}colour = \"red\"\n"), 3, 1, "colour"),
        (format!("{head}[[key_points]]\ntext = 3\n"), 4, 8, "string"),
        (format!("{head}key_points = \"all of them\"\n"), 3, 14, ""),
        (
            format!("{head}[[key_points]]\ntext = \"x\"\nweight = 2\n"),
            5,
            1,
            "weight",
        ),
        (
            format!("{head}[[key_points]]\ntext = \"x\"\nscore = 1.5\n"),
            5,
            9,
            "between 0 and 1",
        ),
        (
            format!("{head}[[key_points]]\ntext = \"   \"\n"),
            4,
            8,
            "empty",
        ),
        (
            format!("{head}[[actors]]\nname = \"X\"\nkind = \"robot\"\n"),
            5,
            8,
            "robot",
        ),
        (format!("{head}[[actors]]\nname = \"X\"\n"), 3, 1, "kind"),
        (
            format!("{head}[[actors]]\nname = \"X\"\nkind = \"person\"\nroles = \"envoy\"\n"),
            6,
            9,
            "",
        ),
        (format!("{head}title = [1, 2]\n"), 3, 9, ""),
        (
            "version = 2\ncontent_hash = \"ab\"\n".to_string(),
            1,
            11,
            "newer",
        ),
        ("version = 0\n".to_string(), 1, 1, ""),
        ("version = \"1\"\n".to_string(), 1, 11, ""),
        (
            "version = 1\ncontent_hash = \"not hex\"\n".to_string(),
            2,
            16,
            "hex",
        ),
        (
            "version = 1\ncontent_hash = \"ab\"\n".to_string(),
            2,
            16,
            "64",
        ),
        ("content_hash = 1\nversion = 1\n".to_string(), 1, 16, ""),
        ("version = 1\ncontent_hash = \"".to_string(), 2, 17, ""),
        // Columns count characters, not bytes.
        ("title = \"é\" x\n".to_string(), 1, 13, ""),
    ]
}

#[test]
fn malformed_files_name_line_and_column() {
    for (text, line, column, word) in bad_files() {
        let w = warning(&text);
        assert_eq!(w.position, Some((line, column)), "{text:?}: {w}");
        assert!(
            w.message.to_lowercase().contains(&word.to_lowercase()),
            "{text:?}: message {:?} lacks {word:?}",
            w.message
        );
        let shown = w.to_string();
        assert!(
            shown.starts_with(&format!("a.summary.toml:{line}:{column}: ")),
            "{shown}"
        );
    }
}

#[test]
fn oversized_parts_are_refused() {
    let head = format!("version = 1\ncontent_hash = \"{HASH}\"\n");
    let long_text = format!(
        "{head}[[key_points]]\ntext = \"{}\"\n",
        "word ".repeat(1000)
    );
    assert!(warning(&long_text).message.contains("longer than"));
    let long_name = format!(
        "{head}[[actors]]\nname = \"{}\"\nkind = \"person\"\n",
        "N".repeat(201)
    );
    assert!(warning(&long_name).message.contains("longer than"));
    let many = format!("{head}{}", "[[key_points]]\ntext = \"p\"\n".repeat(201));
    let w = warning(&many);
    assert!(w.message.contains("more than 200"), "{w}");
    let aliases = format!(
        "{head}[[actors]]\nname = \"X\"\nkind = \"place\"\naliases = [{}]\n",
        vec!["\"a\""; 51].join(",")
    );
    assert!(warning(&aliases).message.contains("aliases"));
}

#[test]
fn fifty_megabyte_string_is_refused_without_reading_it_all() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "text")?;
    let mut big = format!("version = 1\ncontent_hash = \"{HASH}\"\ntitle = \"").into_bytes();
    big.resize(big.len() + 50 * 1024 * 1024, b'x');
    big.extend_from_slice(b"\"\n");
    std::fs::write(summary_path(&article), &big)?;
    let started = std::time::Instant::now();
    let w = load(&article).expect_err("a 50 MB summary file is refused");
    assert!(w.message.contains("larger than"), "{w}");
    let (line, col) = w.position.expect("position of the cut");
    assert_eq!(line, 3);
    assert!(col > 1000, "the cut is far into the title: {col}");
    assert!(started.elapsed().as_secs() < 10);
    Ok(())
}

#[test]
fn invalid_utf8_and_missing_files() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let article = dir.path().join("a.txt");
    assert_eq!(load(&article), Ok(None), "no summary file is not a problem");
    std::fs::write(
        summary_path(&article),
        b"version = 1\ntitle = \"caf\xe9\"\n",
    )?;
    let w = load(&article).expect_err("not UTF-8");
    assert_eq!(w.position, Some((2, 13)));
    std::fs::remove_file(summary_path(&article))?;
    std::fs::create_dir(summary_path(&article))?;
    let w = load(&article).expect_err("a folder is not a summary file");
    assert!(w.to_string().contains("a.summary.toml"), "{w}");
    Ok(())
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    for text in [
        format!("a = {}1{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!("a = {}", "{ b = ".repeat(50_000)),
        "[[key_points]]\n".repeat(100_000),
    ] {
        assert!(parse_str(&text).is_err());
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("version = 1\n".to_string()),
        Just(format!("content_hash = \"{HASH}\"\n")),
        Just("[[key_points]]\n".to_string()),
        Just("[[actors]]\n".to_string()),
        Just("kind = \"person\"\n".to_string()),
        Just("name = \"A\"\n".to_string()),
        Just("score = nan\n".to_string()),
        Just("score = -inf\n".to_string()),
        Just("text = \"\"\"\n".to_string()),
        Just("aliases = [\"x\", 1]\n".to_string()),
        "[a-z_]{1,8} = [0-9\"\\[\\]{}]{0,6}\n",
        "\\PC{0,20}",
    ]
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse(Path::new("p.summary.toml"), &bytes);
    }

    #[test]
    fn never_panics_on_summary_like_text(parts in proptest::collection::vec(fragment(), 0..20)) {
        let text = parts.concat();
        if let Err(w) = parse_str(&text) {
            if let Some((line, col)) = w.position {
                prop_assert!(line >= 1 && col >= 1);
                prop_assert!(line <= text.lines().count() + 1);
            }
        }
    }
}
