//! Default export names, path resolution and atomic writes.

use brief::cli::ExportFormat;
use brief::share::export_prompt::{
    default_file_name, expand_tilde, format_for, resolve_target, today, write_atomic,
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

#[test]
fn atomic_write_creates_and_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.md");
    write_atomic(&target, |w| Ok(w.write_all(b"first")?)).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "first");
    write_atomic(&target, |w| Ok(w.write_all(b"second")?)).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "second");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn failed_export_keeps_the_old_file_and_leaves_no_temp() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    std::fs::write(&target, "good").unwrap();
    let err = write_atomic(&target, |w| {
        w.write_all(b"half")?;
        anyhow::bail!("exporter broke")
    })
    .unwrap_err();
    let msg = format!("{err:#}");
    assert!(
        msg.contains("exporter broke") && msg.contains("out.json"),
        "{msg}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "good");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn missing_folder_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nope").join("out.md");
    let msg = format!("{:#}", write_atomic(&target, |_| Ok(())).unwrap_err());
    assert!(msg.contains("nope"), "{msg}");
    assert!(write_atomic(Path::new("/"), |_| Ok(())).is_err());
}
