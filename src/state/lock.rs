//! An advisory lock beside the state file (`state.toml.lock`), held while a process
//! re-reads, merges and replaces the state file. The lock is on a separate file because the
//! state file itself is replaced by rename, which would leave a lock on a dead inode.

use anyhow::Context;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long to wait for another brief to finish saving before giving up with a message.
const WAIT: Duration = Duration::from_secs(5);

/// Held until dropped: closing the file releases the lock, even if the process dies.
#[derive(Debug)]
pub struct LockGuard {
    _file: File,
}

pub fn lock_path(state_path: &Path) -> PathBuf {
    let mut name = state_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    state_path.with_file_name(name)
}

pub fn acquire(state_path: &Path) -> anyhow::Result<LockGuard> {
    let path = lock_path(state_path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open lock file {}", path.display()))?;
    let start = Instant::now();
    loop {
        // Fully qualified: std's File::try_lock is newer than the crate's minimum Rust.
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => return Ok(LockGuard { _file: file }),
            Err(fs4::TryLockError::WouldBlock) if start.elapsed() < WAIT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs4::TryLockError::WouldBlock) => anyhow::bail!(
                "another brief has been saving reading state for {}s (lock {}); marks not saved",
                WAIT.as_secs(),
                path.display()
            ),
            Err(fs4::TryLockError::Error(e)) => {
                return Err(anyhow::Error::new(e).context(format!("cannot lock {}", path.display())))
            }
        }
    }
}
