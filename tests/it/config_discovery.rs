//! Finding the config file: `--config`, `$BRIEF_CONFIG`, `$XDG_CONFIG_HOME`, `~/.config`,
//! with the environment passed in so the real one is never read or changed.

use brief::config::discover::{locate, Located};
use brief::config::{load_with, Config};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
    let map: HashMap<String, OsString> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), OsString::from(v)))
        .collect();
    move |k: &str| map.get(k).cloned()
}

fn path_of(found: Option<Located>) -> Option<PathBuf> {
    found.map(|l| l.path)
}

#[test]
fn precedence_of_locations() {
    let all = env(&[
        ("BRIEF_CONFIG", "/b/brief.toml"),
        ("XDG_CONFIG_HOME", "/xdg"),
        ("HOME", "/home/u"),
    ]);
    let cli = Path::new("/cli.toml");
    assert_eq!(path_of(locate(Some(cli), &all)), Some(cli.to_path_buf()));
    assert_eq!(path_of(locate(None, &all)), Some("/b/brief.toml".into()));
    let xdg = env(&[("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/u")]);
    assert_eq!(
        path_of(locate(None, &xdg)),
        Some("/xdg/brief/config.toml".into())
    );
    let home = env(&[("HOME", "/home/u")]);
    assert_eq!(
        path_of(locate(None, &home)),
        Some("/home/u/.config/brief/config.toml".into())
    );
    // Empty variables count as unset; a relative XDG_CONFIG_HOME is ignored (XDG spec).
    let odd = env(&[
        ("BRIEF_CONFIG", ""),
        ("XDG_CONFIG_HOME", "rel"),
        ("HOME", "/h"),
    ]);
    assert_eq!(
        path_of(locate(None, &odd)),
        Some("/h/.config/brief/config.toml".into())
    );
    assert_eq!(locate(None, &env(&[])), None);
}

#[test]
fn explicit_locations_must_exist_default_ones_need_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope.toml");
    let home = env(&[("HOME", dir.path().to_str().expect("utf-8 temp path"))]);

    let (config, problems) = load_with(None, &home);
    assert!(problems.is_empty());
    assert_eq!(config, Config::default());

    let (config, problems) = load_with(Some(&missing), &home);
    assert_eq!(config, Config::default());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].is_error && problems[0].message.contains("not found"));
    assert!(problems[0].message.contains("--config"));

    let via_env = env(&[("BRIEF_CONFIG", missing.to_str().expect("utf-8"))]);
    let (_, problems) = load_with(None, &via_env);
    assert!(
        problems[0].message.contains("$BRIEF_CONFIG"),
        "{problems:#?}"
    );
}

#[test]
fn reads_the_file_from_xdg_config_home() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("brief").join("config.toml");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    std::fs::write(&file, "[ui]\nmouse = false\n[keys.global]\nj = \"dwon\"\n").expect("write");
    let xdg = env(&[("XDG_CONFIG_HOME", dir.path().to_str().expect("utf-8"))]);
    let (config, problems) = load_with(None, &xdg);
    assert!(!config.ui.mouse);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, file.display().to_string());
    assert_eq!((problems[0].line, problems[0].column), (4, 5));
}

#[test]
fn unreadable_files_are_problems_not_failures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: Vec<(PathBuf, &str)> = vec![
        (dir.path().to_path_buf(), "folder"),
        (
            write(dir.path(), "bad.toml", b"[ui]\nmouse = \xff\n"),
            "UTF-8",
        ),
        (write(dir.path(), "big.toml", &vec![b'#'; 2 << 20]), "limit"),
    ];
    for (path, says) in cases {
        let (config, problems) = load_with(Some(&path), &env(&[]));
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 1, "{path:?}");
        assert!(problems[0].message.contains(says), "{problems:#?}");
        assert_eq!(problems[0].line, 0);
    }
}

#[test]
fn term_linux_turns_on_alt_key_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "c.toml", b"[keys.global]\n\"A-x\" = \"help\"\n");
    assert!(load_with(Some(&file), &env(&[("TERM", "xterm-256color")]))
        .1
        .is_empty());
    assert_eq!(
        load_with(Some(&file), &env(&[("TERM", "linux")])).1.len(),
        1
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}
