//! Keeping a native watch on the folder a name stands for now.
//!
//! inotify (and its kin) watch an inode: once the watched folder is deleted, the watch
//! is gone, and a folder made again under the same name is not watched. [`Rearm`] knows
//! each watched folder by device and inode; [`Rearm::check`] compares with what the name
//! holds now and, where it differs, drops the old watch and watches the new folder. A
//! folder that is missing is looked for again at the next check.

use super::snapshot::Root;
use notify::RecursiveMode;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Weak};
use std::time::Duration;

/// How often the worker looks, at the latest, whether a watched folder was replaced.
pub const REARM_CHECK: Duration = Duration::from_secs(1);

/// The OS watcher, shared between the [`super::Watcher`] (which owns it) and the worker.
pub(crate) type NativeWatch = std::sync::Arc<Mutex<Box<dyn notify::Watcher + Send>>>;

struct Armed {
    path: PathBuf,
    mode: RecursiveMode,
    /// Device and inode of the folder watched; `None` while the name holds none.
    id: Option<(u64, u64)>,
}

pub(crate) struct Rearm {
    watcher: Weak<Mutex<Box<dyn notify::Watcher + Send>>>,
    targets: Vec<Armed>,
}

impl Rearm {
    pub(crate) fn new(
        watcher: Weak<Mutex<Box<dyn notify::Watcher + Send>>>,
        roots: &[Root],
    ) -> Rearm {
        let targets = roots
            .iter()
            .map(|r| {
                let (path, recursive) = r.watch_target();
                Armed {
                    path: path.to_path_buf(),
                    mode: if recursive {
                        RecursiveMode::Recursive
                    } else {
                        RecursiveMode::NonRecursive
                    },
                    id: identity(path),
                }
            })
            .collect();
        Rearm { watcher, targets }
    }

    /// Re-watches every target whose folder changed identity; true when any did (the
    /// caller then compares everything: the new folder's files are news).
    pub(crate) fn check(&mut self) -> bool {
        let mut changed = false;
        for t in &mut self.targets {
            let now = identity(&t.path);
            if now == t.id {
                continue;
            }
            changed = true;
            t.id = now;
            if now.is_none() {
                continue;
            }
            let Some(watcher) = self.watcher.upgrade() else {
                return changed;
            };
            let Ok(mut w) = watcher.lock() else {
                return changed;
            };
            // The old watch may already be gone with its folder; either way, a new one.
            let _ = w.unwatch(&t.path);
            if w.watch(&t.path, t.mode).is_err() {
                // Not watchable yet (made but not filled, permissions): try next time.
                t.id = None;
            }
        }
        changed
    }
}

fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    m.is_dir().then(|| (m.dev(), m.ino()))
}
