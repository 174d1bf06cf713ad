//! The reading-state file: round trips, corrupt and newer files, and two writers at once.

#[path = "state_file/concurrency.rs"]
mod concurrency;

use brief::state::{point_key, Mark, StateStore};
use std::path::{Path, PathBuf};

fn tmp_state() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("brief").join("state.toml");
    (dir, path)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn open(path: &Path) -> StateStore {
    let (s, warnings) = StateStore::open(path);
    assert!(warnings.is_empty(), "{warnings:?}");
    s
}

fn star(article: &str, text: &str) -> Mark {
    Mark::PointStarred {
        article: article.into(),
        point: point_key(text),
    }
}

#[test]
fn marks_survive_a_restart() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    let mut s = open(&path);
    assert!(!s.is_read("h1") && !s.is_dirty());
    s.save()?;
    assert!(!path.exists(), "nothing changed, nothing written");

    s.set(Mark::Read("h1".into()), true);
    s.set(Mark::Starred("h2".into()), true);
    s.set(star("h1", "Talks resume on Monday."), true);
    assert!(s.toggle(Mark::Read("h3".into())));
    assert!(!s.toggle(Mark::Read("h3".into())));
    assert!(s.is_dirty());
    s.save()?;
    assert!(!s.is_dirty());

    let again = open(&path);
    assert!(again.is_read("h1") && !again.is_read("h2") && !again.is_read("h3"));
    assert!(again.is_starred("h2") && !again.is_starred("h1"));
    assert!(again.is_point_starred("h1", "Talks  resume on\nMonday."));
    assert!(!again.is_point_starred("h2", "Talks resume on Monday."));
    let text = std::fs::read_to_string(&path)?;
    assert!(text.starts_with("version = 1"), "{text}");
    assert!(
        !text.contains("h3"),
        "articles with no marks are not stored: {text}"
    );
    let dir = path.parent().expect("parent");
    assert_eq!(
        names(dir),
        ["state.toml", "state.toml.lock"],
        "no temporaries"
    );
    Ok(())
}

#[test]
fn unmarking_everything_is_saved_too() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    let mut s = open(&path);
    s.set(Mark::Starred("h".into()), true);
    s.save()?;
    s.set(Mark::Starred("h".into()), false);
    s.save()?;
    assert!(!open(&path).is_starred("h"));
    Ok(())
}

#[test]
fn point_key_ignores_spacing_only() {
    let k = point_key("A  point\n about talks.");
    assert_eq!(k, point_key(" A point about talks. "));
    assert_ne!(k, point_key("A point about Talks."));
    assert_eq!(k.len(), 16);
    assert!(k.bytes().all(|b| b.is_ascii_hexdigit()));
}

#[cfg(unix)]
#[test]
fn state_file_is_private() -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let (_d, path) = tmp_state();
    let mut s = open(&path);
    s.set(Mark::Read("h".into()), true);
    s.save()?;
    assert_eq!(
        std::fs::metadata(&path)?.permissions().mode() & 0o777,
        0o600
    );
    Ok(())
}

fn corrupt_cases() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("garbage", b"\x00\x01 not toml at all {{{".to_vec()),
        ("invalid utf-8", b"version = 1\n[articles.\xff]\n".to_vec()),
        (
            "truncated",
            b"version = 1\n[articles.abc]\nread = tr".to_vec(),
        ),
        (
            "wrong type",
            b"version = 1\n[articles.abc]\nread = \"yes\"\n".to_vec(),
        ),
        ("no version", b"[articles.abc]\nread = true\n".to_vec()),
        ("empty", Vec::new()),
        ("old version", b"version = 0\n".to_vec()),
        (
            "articles not a table",
            b"version = 1\narticles = [1, 2]\n".to_vec(),
        ),
    ]
}

#[test]
fn corrupt_files_are_kept_aside_and_brief_starts_empty() -> anyhow::Result<()> {
    for (what, bytes) in corrupt_cases() {
        let (_d, path) = tmp_state();
        let dir = path.parent().expect("parent").to_path_buf();
        std::fs::create_dir_all(&dir)?;
        std::fs::write(&path, &bytes)?;
        let (mut s, warnings) = StateStore::open(&path);
        assert_eq!(warnings.len(), 1, "{what}: {warnings:?}");
        assert!(
            warnings[0].contains("state.toml.bad-"),
            "{what}: {}",
            warnings[0]
        );
        assert!(!s.is_read("abc"), "{what}");
        let aside: Vec<String> = names(&dir)
            .into_iter()
            .filter(|n| n.contains(".bad-"))
            .collect();
        assert_eq!(aside.len(), 1, "{what}");
        assert_eq!(
            std::fs::read(dir.join(&aside[0]))?,
            bytes,
            "{what}: kept as it was"
        );

        s.set(Mark::Read("new".into()), true);
        s.save()?;
        assert!(
            open(&path).is_read("new"),
            "{what}: a fresh file replaces it"
        );
    }
    Ok(())
}

#[test]
fn a_folder_in_place_of_the_file_is_moved_aside() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    std::fs::create_dir_all(path.join("inner"))?;
    let (mut s, warnings) = StateStore::open(&path);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    s.set(Mark::Read("x".into()), true);
    s.save()?;
    assert!(open(&path).is_read("x"));
    Ok(())
}

#[test]
fn a_file_corrupted_while_running_is_set_aside_on_save() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    let mut s = open(&path);
    s.set(Mark::Read("a".into()), true);
    s.save()?;
    std::fs::write(&path, "version = 1\n[articles.a\n")?;
    s.set(Mark::Read("b".into()), true);
    s.save()?;
    let warnings = s.take_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let reopened = open(&path);
    assert!(reopened.is_read("b"));
    assert!(
        !reopened.is_read("a"),
        "what was on disk was unusable, not invented"
    );
    Ok(())
}

#[test]
fn a_newer_file_is_read_but_never_overwritten() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    std::fs::create_dir_all(path.parent().expect("parent"))?;
    let newer = "version = 2\nsync = \"cloud\"\n[articles.h1]\nread = true\nlabels = [\"x\"]\n";
    std::fs::write(&path, newer)?;
    let (mut s, warnings) = StateStore::open(&path);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("newer"), "{}", warnings[0]);
    assert!(s.is_read("h1"), "what this version understands is read");
    assert!(s.read_only_reason().is_some());
    s.set(Mark::Starred("h1".into()), true);
    let err = s.save().expect_err("saving over a newer file is refused");
    assert!(format!("{err:#}").contains("version 2"), "{err:#}");
    assert_eq!(std::fs::read_to_string(&path)?, newer);
    Ok(())
}

#[test]
fn a_newer_file_written_by_another_brief_meanwhile_is_not_overwritten() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    let mut s = open(&path);
    s.set(Mark::Read("a".into()), true);
    s.save()?;
    std::fs::write(&path, "version = 9\n")?;
    s.set(Mark::Read("b".into()), true);
    assert!(s.save().is_err());
    assert_eq!(std::fs::read_to_string(&path)?, "version = 9\n");
    Ok(())
}

#[test]
fn save_fails_with_a_message_when_the_folder_cannot_exist() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("brief"), "a file, not a folder")?;
    let path = dir.path().join("brief").join("state.toml");
    let (mut s, warnings) = StateStore::open(&path);
    assert!(warnings.is_empty() || warnings[0].contains("state.toml"));
    s.set(Mark::Read("x".into()), true);
    let err = s.save().expect_err("cannot save under a file");
    assert!(format!("{err:#}").contains("brief"), "{err:#}");
    assert!(s.is_dirty(), "the change is kept for a later save");
    Ok(())
}
