//! `brief derive --write [--force]`: writes only where no summary file exists unless
//! forced, atomically, and never touches the article files. Tested on the writer itself
//! and through the real binary in temp folders.

use brief::model::{Article, Briefing, KeyPoint};
use brief::summary::cli::write_summaries;
use brief::summary::{from_article, load, summary_path};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

const ARTICLES: [(&str, &str); 3] = [
    (
        "alpha.txt",
        "Harbour Talks Resume in Valmora\n\nNegotiators from Valmora and Ostrava met on \
         Monday in the port city. Minister Elena Markova said the harbour deal was close. \
         Talks will continue next week.\n",
    ),
    (
        "beta.txt",
        "Ostrava Signals Flexibility\n\nOstrava's foreign ministry said on Tuesday it could \
         accept joint patrols. Elena Markova welcomed the signal. Critics in parliament \
         called the offer vague.\n",
    ),
    (
        "gamma.md",
        "# Markets calm\n\nShares in Valmora rose 2.5% after the talks. Traders said the \
         outlook had improved.\n",
    ),
];

/// Bytes and modification time of every file in `dir`, by name.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let meta = e.metadata().expect("metadata");
        if meta.is_file() {
            let bytes = std::fs::read(e.path()).expect("read");
            let mtime = meta.modified().expect("mtime");
            out.insert(e.file_name().to_string_lossy().into_owned(), (bytes, mtime));
        }
    }
    out
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("briefing");
    std::fs::create_dir(&dir).expect("mkdir");
    for (name, text) in ARTICLES {
        std::fs::write(dir.join(name), text).expect("write article");
    }
    (tmp, dir)
}

fn articles_only(snap: &BTreeMap<String, (Vec<u8>, SystemTime)>) -> BTreeMap<String, Vec<u8>> {
    snap.iter()
        .filter(|(n, _)| !n.ends_with(".summary.toml"))
        .map(|(n, (b, _))| (n.clone(), b.clone()))
        .collect()
}

fn briefing_of(dir: &Path) -> Briefing {
    let articles = ARTICLES
        .iter()
        .map(|(name, text)| Article {
            id: name.to_string(),
            path: dir.join(name).display().to_string(),
            content_hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
            title: format!("Title of {name}"),
            key_points: vec![KeyPoint {
                text: format!("The point of {name}."),
                score: 0.5,
                ..Default::default()
            }],
            ..Default::default()
        })
        .collect();
    Briefing {
        articles,
        ..Default::default()
    }
}

#[test]
fn writer_skips_existing_files_unless_forced() -> anyhow::Result<()> {
    let (_tmp, dir) = folder();
    let b = briefing_of(&dir);
    let hand_written = "version = 1\n# by hand\n";
    std::fs::write(summary_path(&dir.join("beta.txt")), hand_written)?;
    let before = snapshot(&dir);

    let mut out = Vec::new();
    let r = write_summaries(&b, false, &mut out)?;
    assert_eq!((r.wrote, r.skipped, r.failed), (2, 1, 0));
    let shown = String::from_utf8(out)?;
    assert!(
        shown.contains("skipped") && shown.contains("beta.summary.toml"),
        "{shown}"
    );
    assert_eq!(
        std::fs::read_to_string(summary_path(&dir.join("beta.txt")))?,
        hand_written
    );
    let alpha = load(&dir.join("alpha.txt")).map_err(|w| anyhow::anyhow!("{w}"))?;
    assert_eq!(alpha, Some(from_article(&b.articles[0], &[])));

    let r = write_summaries(&b, true, &mut Vec::new())?;
    assert_eq!((r.wrote, r.skipped), (3, 0));
    assert!(load(&dir.join("beta.txt"))
        .map_err(|w| anyhow::anyhow!("{w}"))?
        .is_some());

    let after = snapshot(&dir);
    assert_eq!(articles_only(&before), articles_only(&after));
    for (name, _) in ARTICLES {
        assert_eq!(before[name].1, after[name].1, "{name} mtime");
    }
    let names: Vec<&String> = after.keys().collect();
    assert_eq!(
        names.len(),
        6,
        "three articles, three summaries, no temporaries: {names:?}"
    );
    Ok(())
}

#[test]
fn writer_counts_failures_and_goes_on() -> anyhow::Result<()> {
    let (_tmp, dir) = folder();
    let b = briefing_of(&dir);
    // A folder where the summary file should go cannot be replaced by a file.
    std::fs::create_dir(summary_path(&dir.join("alpha.txt")))?;
    let r = write_summaries(&b, true, &mut Vec::new())?;
    assert_eq!((r.wrote, r.failed), (2, 1));
    Ok(())
}

fn brief(args: &[&str], dir: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .arg(dir)
        .env("XDG_CACHE_HOME", dir.parent().unwrap_or(dir).join("cache"))
        .output()
        .expect("run brief");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn binary_derive_write_and_force_never_touch_articles() {
    let (_tmp, dir) = folder();
    let before = snapshot(&dir);

    let (ok, out, err) = brief(&["derive"], &dir);
    assert!(ok, "{err}");
    assert!(
        out.contains("alpha.txt") && out.contains("derived"),
        "{out}"
    );
    assert_eq!(snapshot(&dir), before, "without --write nothing is written");

    let (ok, out, err) = brief(&["derive", "--write"], &dir);
    assert!(ok, "{err}");
    assert!(out.contains("wrote 3"), "{out}");
    let written = snapshot(&dir);
    for (name, _) in ARTICLES {
        let s = load(&dir.join(name)).unwrap_or_else(|w| panic!("{w}"));
        let s = s.unwrap_or_else(|| panic!("no summary for {name}"));
        let text = ARTICLES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
        assert_eq!(
            Some(s.content_hash),
            text.map(|t| blake3::hash(t.as_bytes()).to_hex().to_string())
        );
    }

    // A second run skips all of them, and a hand edit survives it.
    std::fs::write(summary_path(&dir.join("beta.txt")), "version = 1\n# mine\n").expect("edit");
    let (ok, out, _) = brief(&["derive", "--write"], &dir);
    assert!(ok && out.contains("skipped 3"), "{out}");
    let edited = std::fs::read_to_string(summary_path(&dir.join("beta.txt"))).expect("read");
    assert_eq!(edited, "version = 1\n# mine\n");

    let (ok, out, err) = brief(&["derive", "--write", "--force"], &dir);
    assert!(ok, "{err}");
    assert!(out.contains("wrote 3"), "{out}");
    assert!(load(&dir.join("beta.txt")).is_ok_and(|s| s.is_some()));

    let after = snapshot(&dir);
    assert_eq!(articles_only(&before), articles_only(&after));
    for (name, _) in ARTICLES {
        assert_eq!(before[name].1, after[name].1, "{name} mtime");
    }
    assert_eq!(after.len(), 6, "no temporary files: {:?}", after.keys());
    assert_eq!(written.len(), 6);
}

#[test]
fn binary_force_requires_write() {
    let (_tmp, dir) = folder();
    let (ok, _, err) = brief(&["derive", "--force"], &dir);
    assert!(!ok);
    assert!(err.contains("--write"), "{err}");
}
