use super::*;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// Runs `f` on a thread and fails the test if it has not returned within 5 s: the bug
/// these tests guard against is a read that never returns.
fn within_5s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(5)) {
        Ok(v) => v,
        Err(_) => panic!("the read blocked for more than 5 s"),
    }
}

fn mkfifo(p: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_regular_file_is_read_whole_up_to_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.toml");
    std::fs::write(&p, b"0123456789").unwrap();
    assert_eq!(read_bounded(&p, 10, Follow::No).unwrap(), b"0123456789");
    let err = read_bounded(&p, 9, Follow::No).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::TooLarge {
                limit: 9,
                size: Some(10)
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "is 10 bytes, over the 9 bytes limit");
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.summary.toml");
    if !mkfifo(&p) {
        eprintln!("mkfifo not available: skipped");
        return;
    }
    for follow in [Follow::Yes, Follow::No] {
        let q: PathBuf = p.clone();
        let err = within_5s(move || read_bounded(&q, 1024, follow)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "is a FIFO (named pipe), not a regular file"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_device_is_refused_before_reading() {
    let err = within_5s(|| read_bounded(Path::new("/dev/zero"), 1 << 20, Follow::Yes));
    let err = err.unwrap_err();
    assert!(
        matches!(err, ReadError::NotRegular("a character device")),
        "{err:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_is_followed_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.toml");
    let link = dir.path().join("link.toml");
    std::fs::write(&target, b"x = 1").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(read_bounded(&link, 100, Follow::Yes).unwrap(), b"x = 1");
    let err = read_bounded(&link, 100, Follow::No).unwrap_err();
    assert!(
        matches!(err, ReadError::NotRegular("a symbolic link")),
        "{err:?}"
    );
}

#[test]
fn folders_and_missing_files_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_bounded(dir.path(), 100, Follow::Yes).unwrap_err();
    assert_eq!(err.to_string(), "is a folder, not a regular file");
    let err = read_bounded(&dir.path().join("nope"), 100, Follow::Yes).unwrap_err();
    assert!(matches!(err, ReadError::NotFound), "{err:?}");
}

#[test]
fn sizes_read_well() {
    assert_eq!(human_bytes(512), "512 bytes");
    assert_eq!(human_bytes(16 * 1024 * 1024), "16.0 MiB");
    assert_eq!(human_bytes(138_412_146), "132.0 MiB");
}
