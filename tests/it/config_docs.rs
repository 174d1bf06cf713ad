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

/// The README's example screen is brief on its built-in sample at 100x16, as drawn now.
/// To regenerate it after a deliberate change of the screen or of what derive finds:
/// `BRIEF_UPDATE_README=1 cargo test --test it config_docs::`.
#[test]
fn readme_example_screen_is_what_brief_shows() {
    use brief::open::{open, OpenOptions, Origin};
    const SCREEN_START: &str = "<!-- screen:start -->\n";
    const SCREEN_END: &str = "<!-- screen:end -->";
    let b = open(
        &Origin::Sample,
        &OpenOptions {
            use_cache: false,
            ..OpenOptions::default()
        },
    )
    .expect("the sample opens");
    let cfg = Config::default();
    let mut s = brief::app::AppState::new(b, cfg.keymap.clone());
    let (w, h) = (100u16, 16u16);
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    brief::ui::sync_viewport(&mut s, area, &cfg.layout);
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| brief::ui::draw(f, &s, &cfg.theme, &cfg.layout, false))
        .expect("draw");
    let buf = term.backend().buffer().clone();
    let mut lines = Vec::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        lines.push(line.trim_end().to_string());
    }
    let screen = format!("```text\n{}\n```\n", lines.join("\n"));
    let text = readme();
    let start = text
        .find(SCREEN_START)
        .expect("README has <!-- screen:start -->")
        + SCREEN_START.len();
    let end = text
        .find(SCREEN_END)
        .expect("README has <!-- screen:end -->");
    if std::env::var_os("BRIEF_UPDATE_README").is_some() {
        let updated = format!("{}{screen}{}", &text[..start], &text[end..]);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        std::fs::write(path, updated).expect("write README.md");
        return;
    }
    assert_eq!(
        &text[start..end],
        screen,
        "the README's example screen is out of date: run BRIEF_UPDATE_README=1 cargo test --test it config_docs::"
    );
}
