//! Atomic writes never replace what a name stands for: `brief export -o /dev/null` once
//! renamed a regular file over the machine's /dev/null. Devices and pipes are written
//! into, a symlink's target is replaced (the link stays), regular files are replaced.

use brief::fsutil::{write_atomic, AtomicWrite};
use std::io::Read;
use std::path::Path;
use std::process::Command;

/// A FIFO stands in for devices such as /dev/null (same path through the writer):
/// a test that regressed on the real /dev/null would break the machine it runs on.
fn fifo(dir: &Path) -> Option<std::path::PathBuf> {
    let p = dir.join("pipe");
    let made = Command::new("mkfifo").arg(&p).status();
    if made.is_ok_and(|s| s.success()) {
        Some(p)
    } else {
        eprintln!("mkfifo is not available here: skipped");
        None
    }
}

/// Reads the FIFO to its end on another thread.
fn drain(p: &Path) -> std::thread::JoinHandle<std::io::Result<String>> {
    let p = p.to_path_buf();
    std::thread::spawn(move || {
        let mut s = String::new();
        std::fs::File::open(&p)
            .and_then(|mut f| f.read_to_string(&mut s))
            .map(|_| s)
    })
}

#[test]
fn the_cli_export_writes_into_a_pipe_and_keeps_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(p) = fifo(dir.path()) else { return };
    let reader = drain(&p);
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", "--format", "json", "-o"])
        .arg(&p)
        .output()
        .expect("run brief");
    assert!(out.status.success(), "{out:?}");
    let got = reader.join().expect("reader").expect("read");
    assert!(got.trim_start().starts_with('{'), "{got:.80}");
    assert!(
        !std::fs::metadata(&p).expect("fifo").is_file(),
        "the pipe became a file"
    );
}

#[test]
fn a_fifo_is_written_into() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(p) = fifo(dir.path()) else { return };
    let reader = drain(&p);
    write_atomic(&p, b"through the pipe").expect("write to a fifo");
    assert_eq!(
        reader.join().expect("reader").expect("read"),
        "through the pipe"
    );
    assert!(!std::fs::metadata(&p).expect("fifo").is_file());
}

#[test]
fn a_symlink_keeps_pointing_at_its_target() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("real.md");
    let link = dir.path().join("link.md");
    std::fs::write(&target, "old").expect("write");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    write_atomic(&link, b"new").expect("write through the link");
    assert!(link.is_symlink(), "the link was replaced by a file");
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
}

#[test]
fn no_clobber_refuses_a_special_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(p) = fifo(dir.path()) else { return };
    let err = AtomicWrite::new(&p)
        .no_clobber()
        .write(b"x")
        .expect_err("no_clobber must refuse an existing file");
    assert!(format!("{err:#}").contains("already exists"), "{err:#}");
}

#[test]
fn regular_files_are_still_replaced_atomically() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("out.json");
    std::fs::write(&p, "old").expect("write");
    write_atomic(&p, b"new").expect("replace");
    assert_eq!(std::fs::read_to_string(&p).expect("read"), "new");
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
    assert_eq!(names.len(), 1, "a temporary file was left behind");
}
