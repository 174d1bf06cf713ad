//! Issue 18 through the real binary: what a received folder (or a hostile environment)
//! can do with links, FIFOs, devices, look-alike names and huge files. Every input is
//! generated here; every run has a deadline, so a hang is a failure, not a stuck suite.
//! Run: `cargo test --test it hostile_fs::`.
//!
//! `BRIEF_TEST_BIN=/path/to/brief` runs the same checks on another build: on the build
//! before issue 18 each test here failed (the README's "Reliability" table).

use crate::support;

use std::fs;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    std::env::var_os("BRIEF_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(support::brief_bin)
}

struct Ran {
    /// `None` when it had to be killed at the deadline.
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

impl Ran {
    fn finished(&self) -> bool {
        self.code.is_some()
    }
}

/// Runs brief with `args` in `home` (its XDG folders and HOME), killed after `deadline`.
fn brief(home: &Path, args: &[&str], env: &[(&str, &str)], deadline: Duration) -> Ran {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("BRIEF_CONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("run brief");
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut s);
            }
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let out = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let code = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break Some(status.code().unwrap_or(-1));
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    Ran {
        code,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        took,
    }
}

const SECONDS_5: Duration = Duration::from_secs(5);

fn article(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n")
}

fn tmp() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let t = tempfile::tempdir().expect("tempdir");
    let dir = t.path().join("briefing");
    let home = t.path().join("home");
    fs::create_dir_all(&dir).expect("mkdir");
    fs::create_dir_all(&home).expect("mkdir");
    (t, dir, home)
}

fn mkfifo(p: &Path) -> bool {
    Command::new("mkfifo")
        .arg(p)
        .status()
        .is_ok_and(|s| s.success())
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 test path")
}

/// Case 1: `derive --write --force` once replaced the target of a summary-file link.
#[test]
fn derive_never_writes_through_a_summary_link() {
    let (t, dir, home) = tmp();
    fs::write(
        dir.join("talks.txt"),
        article("Talks Resume", "Envoys met in Geneva."),
    )
    .unwrap();
    let outside = t.path().join("precious.conf");
    fs::write(&outside, "keep me\n").unwrap();
    symlink(&outside, dir.join("talks.summary.toml")).unwrap();
    let r = brief(
        &home,
        &["derive", s(&dir), "--write", "--force"],
        &[],
        SECONDS_5,
    );
    assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me\n");
    assert!(dir.join("talks.summary.toml").is_symlink());
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
}

/// Case 2: two articles with one stem, and names that only differ in invalid bytes.
#[test]
fn summary_files_belong_to_one_article_each() {
    use std::os::unix::ffi::OsStrExt;
    let (_t, dir, home) = tmp();
    fs::write(
        dir.join("talks.txt"),
        article("Text Title", "Envoys met in Geneva."),
    )
    .unwrap();
    fs::write(
        dir.join("talks.html"),
        "<html><head><title>Html Title</title></head><body><article><h1>Html Title</h1>\
         <p>Ministers spoke in Paris on Friday about grain.</p></article></body></html>",
    )
    .unwrap();
    let ff = std::ffi::OsStr::from_bytes(b"inv\xff.txt");
    let fe = std::ffi::OsStr::from_bytes(b"inv\xfe.txt");
    fs::write(dir.join(ff), article("Invalid FF", "One body here.")).unwrap();
    fs::write(dir.join(fe), article("Invalid FE", "Two body here.")).unwrap();
    let r = brief(&home, &["derive", s(&dir), "--write"], &[], SECONDS_5);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("wrote 4 summary file(s)"), "{}", r.stdout);
    for name in ["talks.txt.summary.toml", "talks.html.summary.toml"] {
        assert!(dir.join(name).is_file(), "{name} missing: {}", r.stdout);
    }
    for raw in [&b"inv\xff.summary.toml"[..], b"inv\xfe.summary.toml"] {
        assert!(dir.join(std::ffi::OsStr::from_bytes(raw)).is_file());
    }
    // Each article keeps its own title once the summaries are read back.
    let r = brief(&home, &["export", s(&dir), "--no-cache"], &[], SECONDS_5);
    for title in ["Text Title", "Html Title", "Invalid FF", "Invalid FE"] {
        assert!(
            r.stdout.contains(&format!("\"title\": \"{title}\"")),
            "{title}"
        );
    }
    // A stem file both could claim is used by neither, and each says so.
    for name in ["talks.txt.summary.toml", "talks.html.summary.toml"] {
        fs::remove_file(dir.join(name)).unwrap();
    }
    fs::write(
        dir.join("talks.summary.toml"),
        format!(
            "version = 1\ncontent_hash = \"{}\"\ntitle = \"Whose Title\"\n",
            "0".repeat(64)
        ),
    )
    .unwrap();
    let r = brief(&home, &["export", s(&dir), "--no-cache"], &[], SECONDS_5);
    assert!(
        !r.stdout.contains("Whose Title"),
        "a shared stem file was applied"
    );
    assert_eq!(
        r.stdout.matches("share this name").count(),
        2,
        "{}",
        r.stdout
    );
}

/// Case 3: an export over an input article, by name or by another spelling of it.
#[test]
fn an_export_never_replaces_an_article() {
    let (_t, dir, home) = tmp();
    let a = dir.join("a.txt");
    let text = article("Talks Resume", "Envoys met in Geneva on Monday.");
    fs::write(&a, &text).unwrap();
    let other = dir.join(".").join("a.txt");
    for target in [&a, &other] {
        let r = brief(&home, &["export", s(&dir), "-o", s(target)], &[], SECONDS_5);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(
            r.stderr.contains("article of this briefing"),
            "{}",
            r.stderr
        );
        assert_eq!(fs::read_to_string(&a).unwrap(), text);
    }
}

/// Case 15 (folders): `-o DIR` puts the export inside, as the `e` prompt does.
#[test]
fn export_to_a_folder_writes_the_default_name_inside() {
    let (t, dir, home) = tmp();
    fs::write(dir.join("a.txt"), article("Talks Resume", "Envoys met.")).unwrap();
    let out = t.path().join("out");
    fs::create_dir(&out).unwrap();
    let r = brief(&home, &["export", s(&dir), "-o", s(&out)], &[], SECONDS_5);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("briefing-") && names[0].ends_with(".json"),
        "{names:?}"
    );
}

/// Case 5: a link out of the folder is not read unless asked.
#[test]
fn links_out_of_the_briefing_are_not_followed() {
    let (t, dir, home) = tmp();
    fs::write(dir.join("a.txt"), article("Talks Resume", "Envoys met.")).unwrap();
    let secret = t.path().join("secret.txt");
    fs::write(&secret, article("Secret Title", "root:x:the-secret-value")).unwrap();
    symlink(&secret, dir.join("leak.txt")).unwrap();
    symlink("/", dir.join("root")).unwrap();
    let r = brief(&home, &["export", s(&dir), "--no-cache"], &[], SECONDS_5);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stdout.contains("the-secret-value"));
    assert!(
        r.stdout.contains("outside the folders given"),
        "{}",
        r.stdout
    );
    // Asked for, the link is read (the one to `/` is gone: it would read the machine).
    fs::remove_file(dir.join("root")).unwrap();
    let r = brief(
        &home,
        &["export", s(&dir), "--no-cache", "--follow-outside-links"],
        &[],
        SECONDS_5,
    );
    assert!(r.stdout.contains("the-secret-value"));
}

/// Case 6: a HOME that does not exist is not made to hold a cache.
#[test]
fn a_missing_home_is_not_created() {
    let (t, dir, home) = tmp();
    fs::write(dir.join("a.txt"), article("Talks Resume", "Envoys met.")).unwrap();
    let nohome = t.path().join("no-such-home");
    let mut cmd = Command::new(bin());
    let out = cmd
        .args(["export", s(&dir)])
        .env("HOME", &nohome)
        .env_remove("XDG_CACHE_HOME")
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(!nohome.exists(), "brief created the missing HOME");
}

/// Case 9: a symlink "diamond" 40 levels deep (2^40 paths) reads each folder once.
#[test]
fn a_symlink_diamond_is_walked_once_per_folder() {
    let (_t, dir, home) = tmp();
    for i in 0..=40 {
        fs::create_dir_all(dir.join(format!("l{i:02}"))).unwrap();
    }
    for i in 0..40 {
        let next = format!("../l{:02}", i + 1);
        symlink(&next, dir.join(format!("l{i:02}/a"))).unwrap();
        symlink(&next, dir.join(format!("l{i:02}/b"))).unwrap();
    }
    fs::write(
        dir.join("l40/x.txt"),
        article("Deep Title", "At the bottom."),
    )
    .unwrap();
    let r = brief(&home, &["export", s(&dir), "--no-cache"], &[], SECONDS_5);
    assert!(r.finished(), "still walking after {:?}", r.took);
    assert_eq!(r.stdout.matches("\"title\": \"Deep Title\"").count(), 1);
}

/// Case 10: FIFOs where brief reads a summary, a config or the state file.
#[test]
fn fifos_never_block_a_read() {
    let (_t, dir, home) = tmp();
    fs::write(dir.join("a.txt"), article("Talks Resume", "Envoys met.")).unwrap();
    if !mkfifo(&dir.join("a.summary.toml")) {
        eprintln!("mkfifo not available: skipped");
        return;
    }
    let r = brief(&home, &["export", s(&dir), "--no-cache"], &[], SECONDS_5);
    assert!(r.finished(), "export blocked on a FIFO summary file");
    assert!(r.stdout.contains("FIFO"), "{}", r.stdout);

    let r = brief(
        &home,
        &["derive", s(&dir), "--write", "--force"],
        &[],
        SECONDS_5,
    );
    assert!(r.finished(), "derive blocked on a FIFO summary file");
    assert!(r.stderr.contains("FIFO"), "{}", r.stderr);

    let cfg = home.join("fifo.toml");
    assert!(mkfifo(&cfg));
    let r = brief(&home, &["config", "check", s(&cfg)], &[], SECONDS_5);
    assert!(r.finished(), "config check blocked on a FIFO");
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("FIFO"), "{}", r.stderr);

    fs::create_dir_all(home.join("state/brief")).unwrap();
    assert!(mkfifo(&home.join("state/brief/state.toml")));
    let r = brief(&home, &["export", "--starred", s(&dir)], &[], SECONDS_5);
    assert!(r.finished(), "the state file blocked");
    assert!(r.stderr.contains("FIFO"), "{}", r.stderr);
}

/// Case 15: a FIFO given as PATH is one line, not three.
#[test]
fn a_fifo_as_path_is_one_line() {
    let (_t, dir, home) = tmp();
    let p = dir.join("pipe.txt");
    if !mkfifo(&p) {
        return;
    }
    let r = brief(&home, &["export", s(&p)], &[], SECONDS_5);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("FIFO"), "{}", r.stderr);
}

/// Case 13: endless and huge inputs where brief reads config and state.
#[test]
fn endless_and_huge_files_are_refused_by_size() {
    let (_t, dir, home) = tmp();
    fs::write(dir.join("a.txt"), article("Talks Resume", "Envoys met.")).unwrap();
    for (args, env) in [
        (&["config", "check", "/dev/zero"][..], &[][..]),
        (
            &["config", "check"][..],
            &[("BRIEF_CONFIG", "/dev/zero")][..],
        ),
    ] {
        let r = brief(&home, args, env, SECONDS_5);
        assert!(r.finished(), "{args:?} read forever");
        assert_eq!(r.code, Some(1), "{args:?}");
        assert!(r.stderr.contains("character device"), "{}", r.stderr);
    }

    // 132 MB of state (sparse: no disk, all of it read before).
    let state = home.join("state/brief/state.toml");
    fs::create_dir_all(state.parent().unwrap()).unwrap();
    fs::File::create(&state)
        .and_then(|f| f.set_len(132 * 1024 * 1024))
        .unwrap();
    let r = brief(&home, &["export", "--starred", s(&dir)], &[], SECONDS_5);
    assert!(r.finished());
    assert!(r.stderr.contains("over the 16.0 MiB limit"), "{}", r.stderr);
}

/// Case 15: escapes from a config file never reach the terminal raw.
#[test]
fn config_check_prints_escapes_escaped() {
    let (_t, _dir, home) = tmp();
    let cfg = home.join("esc.toml");
    fs::write(
        &cfg,
        "[keys.global]\n\"\u{1b}]0;pwned\u{7}\" = \"quit\"\nx = \"\u{1b}]52;c;aGk=\u{7}\u{1b}[31mred\"\n",
    )
    .unwrap();
    let r = brief(&home, &["config", "check", s(&cfg)], &[], SECONDS_5);
    assert_eq!(r.code, Some(1));
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    assert!(all.contains("\\u{1b}]52;c;aGk="), "{all}");
}

/// Case 15: a full disk is one message with the real reason.
#[test]
fn a_full_disk_is_one_message_with_its_reason() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let (_t, dir, home) = tmp();
    fs::write(dir.join("a.txt"), article("Talks Resume", "Envoys met.")).unwrap();
    let r = brief(
        &home,
        &["export", s(&dir), "-o", "/dev/full"],
        &[],
        SECONDS_5,
    );
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("No space left on device"), "{}", r.stderr);
    assert!(!r.stderr.contains("writable"), "{}", r.stderr);
    assert_eq!(r.stderr.matches("cannot write").count(), 1, "{}", r.stderr);
}
