//! Atomic writes never replace what a name stands for: `brief export -o /dev/null` once
//! renamed a regular file over the machine's /dev/null. Regular files are replaced;
//! symbolic links are never written through (`derive --write --force` once replaced the
//! target of a `talks.summary.toml` link); character devices and pipes are written into
//! only by an export the user aims there (`-o /dev/stdout`), and refused everywhere else.

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
fn the_cli_export_writes_into_a_link_to_a_pipe_as_to_dev_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(p) = fifo(dir.path()) else { return };
    let link = dir.path().join("stdout-like");
    std::os::unix::fs::symlink(&p, &link).expect("symlink");
    let reader = drain(&p);
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", "--format", "markdown", "-o"])
        .arg(&link)
        .output()
        .expect("run brief");
    assert!(out.status.success(), "{out:?}");
    assert!(reader.join().expect("reader").expect("read").contains('#'));
    assert!(link.is_symlink(), "the link was replaced");
}

#[test]
fn files_brief_names_itself_are_never_a_fifo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(p) = fifo(dir.path()) else { return };
    // No reader: writing into the FIFO would block, so a regression hangs here.
    let err = write_atomic(&p, b"through the pipe").expect_err("a FIFO is refused");
    let msg = format!("{err:#}");
    assert!(msg.contains("is a FIFO") && msg.contains("pipe"), "{msg}");
    assert!(!std::fs::metadata(&p).expect("fifo").is_file());
}

#[test]
fn a_symlink_is_never_written_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("real.md");
    let link = dir.path().join("link.md");
    std::fs::write(&target, "old").expect("write");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    for streams in [false, true] {
        let w = AtomicWrite::new(&link);
        let w = if streams { w.into_streams() } else { w };
        let err = w.write(b"new").expect_err("a link is refused");
        let msg = format!("{err:#}");
        assert!(
            msg.contains("symbolic link") && msg.contains("real.md"),
            "{msg}"
        );
        assert!(link.is_symlink(), "the link was replaced by a file");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
    }
    // A dangling link is refused too: following it would create a file elsewhere.
    let dangling = dir.path().join("dangling.md");
    std::os::unix::fs::symlink(dir.path().join("elsewhere.md"), &dangling).expect("symlink");
    assert!(write_atomic(&dangling, b"x").is_err());
    assert!(!dir.path().join("elsewhere.md").exists());
}

#[test]
fn no_clobber_refuses_a_special_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(p) = fifo(dir.path()) else { return };
    let err = AtomicWrite::new(&p)
        .into_streams()
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
