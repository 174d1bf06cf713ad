//! `brief config path|default|check` through the real binary, with a controlled
//! environment (no inherited HOME or XDG variables).

use std::path::Path;
use std::process::{Command, Output};

fn brief(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .output()
        .expect("run brief")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn default_prints_the_reference_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = brief(&["config", "default"], home.path());
    assert!(out.status.success());
    assert_eq!(stdout(&out), brief::config::DEFAULT_TOML);
}

#[test]
fn path_prints_the_file_under_home() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = brief(&["config", "path"], home.path());
    assert!(out.status.success());
    let want = home.path().join(".config/brief/config.toml");
    assert_eq!(stdout(&out).trim_end(), want.display().to_string());
    assert!(String::from_utf8_lossy(&out.stderr).contains("defaults"));
}

#[test]
fn check_exit_codes_and_output() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).expect("write");
        p.display().to_string()
    };
    let clean = write("clean.toml", "version = 1\n[keys.global]\nx = \"quit\"\n");
    let warn = write("warn.toml", "[keys.global]\n\"C-b\" = \"quit\"\n");
    let bad = write("bad.toml", "[keys.global]\nj = \"dwon\"\nk = \"uo\"\n");

    let out = brief(&["config", "check", &clean], dir);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("ok:"));

    let out = brief(&["config", "check", &warn], dir);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(":2:1: warning:"), "{}", stdout(&out));

    let out = brief(&["config", "check", &bad], dir);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(":2:5: error: unknown action `dwon` — did you mean `down`?"),
        "{text}"
    );
    assert!(
        text.contains(":3:5: error: unknown action `uo` — did you mean `up`?"),
        "{text}"
    );
    assert!(text.contains("2 errors, 0 warnings"), "{text}");

    let missing = dir.join("missing.toml").display().to_string();
    let out = brief(&["config", "check", &missing], dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));

    // No file argument and no file at the default location: the defaults are fine.
    let out = brief(&["config", "check"], dir);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("does not exist"));
}
