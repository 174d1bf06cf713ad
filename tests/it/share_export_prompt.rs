//! Default export names, path resolution and atomic writes.

use brief::cli::ExportFormat;
use brief::model::{Article, Briefing};
use brief::share::export_prompt::{
    default_file_name, expand_tilde, format_for, resolve_target, save, today,
};
use brief::share::{Env, Os};
use jiff::civil::date;
use std::path::{Path, PathBuf};

#[test]
fn default_names_carry_date_and_extension() {
    assert_eq!(
        default_file_name(ExportFormat::Markdown, date(2025, 12, 8)),
        "briefing-2025-12-08.md"
    );
    assert_eq!(
        default_file_name(ExportFormat::Json, date(2026, 1, 31)),
        "briefing-2026-01-31.json"
    );
    let name = default_file_name(ExportFormat::Json, today());
    assert!(name.contains(&today().year().to_string()), "{name}");
}

#[test]
fn extension_decides_the_format() {
    for (name, want) in [
        ("a.json", Some(ExportFormat::Json)),
        ("A.JSON", Some(ExportFormat::Json)),
        ("x/y.md", Some(ExportFormat::Markdown)),
        ("y.Markdown", Some(ExportFormat::Markdown)),
        ("y.txt", None),
        ("json", None),
        (".md", None),
        ("", None),
    ] {
        assert_eq!(format_for(Path::new(name)), want, "{name:?}");
    }
}

#[test]
fn tilde_expands_only_for_the_current_user() {
    let env = Env::empty(Os::Other).with("HOME", "/home/reader");
    assert_eq!(expand_tilde("~", &env), PathBuf::from("/home/reader"));
    assert_eq!(
        expand_tilde("~/out/b.md", &env),
        PathBuf::from("/home/reader/out/b.md")
    );
    assert_eq!(
        expand_tilde("~//b.md", &env),
        PathBuf::from("/home/reader/b.md")
    );
    assert_eq!(expand_tilde("~bob/b.md", &env), PathBuf::from("~bob/b.md"));
    assert_eq!(expand_tilde("a/~/b", &env), PathBuf::from("a/~/b"));
    assert_eq!(
        expand_tilde("~/b.md", &Env::empty(Os::Other)),
        PathBuf::from("~/b.md")
    );
}

#[test]
fn folders_and_empty_answers_get_the_default_name() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_str().unwrap();
    let env = Env::empty(Os::Other).with("HOME", home);
    let d = "briefing-2025-12-08.md";
    assert_eq!(resolve_target("", d, &env), PathBuf::from(d));
    assert_eq!(resolve_target("   ", d, &env), PathBuf::from(d));
    assert_eq!(resolve_target("~", d, &env), dir.path().join(d));
    assert_eq!(
        resolve_target(&format!(" {home} "), d, &env),
        dir.path().join(d)
    );
    assert_eq!(
        resolve_target("new-folder/", d, &env),
        PathBuf::from("new-folder").join(d)
    );
    assert_eq!(
        resolve_target("~/mine.json", d, &env),
        dir.path().join("mine.json")
    );
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

fn view() -> Briefing {
    Briefing {
        articles: vec![Article {
            id: "a".into(),
            path: "news/a.txt".into(),
            title: "Talks «resume» in London".into(),
            ..Article::default()
        }],
        ..Briefing::default()
    }
}

#[test]
fn save_picks_the_format_from_the_extension_else_the_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("out.JSON");
    assert_eq!(
        save(&view(), &json, ExportFormat::Markdown, &[]).unwrap(),
        ExportFormat::Json
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["articles"][0]["title"], "Talks «resume» in London");

    let md = dir.path().join("out.md");
    assert_eq!(
        save(&view(), &md, ExportFormat::Json, &[]).unwrap(),
        ExportFormat::Markdown
    );
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("Talks «resume» in London")
            && serde_json::from_str::<serde_json::Value>(&text).is_err()
    );

    let other = dir.path().join("out.txt");
    assert_eq!(
        save(&view(), &other, ExportFormat::Json, &[]).unwrap(),
        ExportFormat::Json
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn save_replaces_an_existing_export() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("b.json");
    std::fs::write(&target, "old").unwrap();
    save(&view(), &target, ExportFormat::Json, &[]).unwrap();
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("news/a.txt"));
}

#[test]
fn missing_folder_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nope").join("out.md");
    let msg = format!(
        "{:#}",
        save(&view(), &target, ExportFormat::Json, &[]).unwrap_err()
    );
    assert!(msg.contains("out.md"), "{msg}");
    assert!(!target.exists());
}
