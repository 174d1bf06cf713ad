//! What the watched paths held at the last batch, and the diff against what they hold now.
//!
//! Events only say *where* to look; [`Snapshot::reconcile`] decides what happened by
//! comparing a fresh scan of that place with the remembered one. That one rule serves
//! every backend and event kind (inotify renames, poll-detected mtimes, overflows that
//! ask for a rescan), and turns an editor's save dance (temp file, rename, backup) into
//! the one "changed" a reader cares about.

use super::changes::{Change, ChangeSet};
use super::filter::is_ignored;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A watched path as the user gave it.
#[derive(Debug, Clone)]
pub(crate) enum Root {
    /// Watched recursively.
    Dir(PathBuf),
    /// A single file; its folder is watched (editors replace files by renaming, which
    /// would end a watch on the file itself) and events for other files are dropped.
    File { path: PathBuf, dir: PathBuf },
}

impl Root {
    pub(crate) fn new(path: &Path) -> std::io::Result<Root> {
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            return Ok(Root::Dir(path.to_path_buf()));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Ok(Root::File {
            path: path.to_path_buf(),
            dir,
        })
    }

    /// What to hand to the OS watcher, and whether recursively.
    pub(crate) fn watch_target(&self) -> (&Path, bool) {
        match self {
            Root::Dir(d) => (d, true),
            Root::File { dir, .. } => (dir, false),
        }
    }

    /// The path as reported to the caller for an event path, or `None` when the event
    /// is outside this root or ignored.
    fn resolve(&self, event: &Path) -> Option<PathBuf> {
        match self {
            Root::Dir(d) => {
                let rel = event.strip_prefix(d).ok()?;
                (!is_ignored(rel)).then(|| event.to_path_buf())
            }
            Root::File { path, dir } => {
                let same_dir = event.parent().is_some_and(|p| same_path(p, dir));
                (same_dir && event.file_name() == path.file_name()).then(|| path.clone())
            }
        }
    }
}

/// `a` and `./a` (and `` and `.`) are one folder to the OS but not to `==`.
fn same_path(a: &Path, b: &Path) -> bool {
    let a = if a.as_os_str().is_empty() {
        Path::new(".")
    } else {
        a
    };
    if a.components().eq(b.components()) {
        return true;
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Size and modification time: a content change moves at least one of them, a plain
/// read moves neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
}

#[derive(Debug)]
pub(crate) struct Snapshot {
    roots: Vec<Root>,
    files: BTreeMap<PathBuf, Fingerprint>,
}

impl Snapshot {
    pub(crate) fn new(roots: Vec<Root>) -> Snapshot {
        let mut snap = Snapshot {
            roots,
            files: BTreeMap::new(),
        };
        let all: Vec<PathBuf> = snap.root_paths();
        for root in all {
            snap.files.extend(snap.scan(&root));
        }
        snap
    }

    /// The first root that claims `event`, in caller terms.
    pub(crate) fn resolve(&self, event: &Path) -> Option<PathBuf> {
        self.roots.iter().find_map(|r| r.resolve(event))
    }

    pub(crate) fn root_paths(&self) -> Vec<PathBuf> {
        self.roots
            .iter()
            .map(|r| match r {
                Root::Dir(d) => d.clone(),
                Root::File { path, .. } => path.clone(),
            })
            .collect()
    }

    /// Compares what is now at each of `places` (files or folders, already resolved) with
    /// what was there, updates the snapshot, and returns the difference.
    pub(crate) fn reconcile(&mut self, places: &[PathBuf]) -> ChangeSet {
        let mut changes = BTreeMap::new();
        for place in places {
            let fresh: BTreeMap<PathBuf, Fingerprint> = self.scan(place).into_iter().collect();
            let known: Vec<PathBuf> = self
                .files
                .range(place.clone()..)
                .take_while(|(p, _)| p.starts_with(place))
                .map(|(p, _)| p.clone())
                .collect();
            for path in known {
                if !fresh.contains_key(&path) {
                    self.files.remove(&path);
                    changes.insert(path, Change::Removed);
                }
            }
            for (path, print) in fresh {
                match self.files.insert(path.clone(), print) {
                    None => changes.insert(path, Change::Added),
                    Some(old) if old != print => changes.insert(path, Change::Changed),
                    Some(_) => None,
                };
            }
        }
        ChangeSet::from_map(changes)
    }

    /// Every file at or under `place` that a root claims, with its fingerprint. Symbolic
    /// links are not followed, so a link loop cannot hang the watcher.
    fn scan(&self, place: &Path) -> Vec<(PathBuf, Fingerprint)> {
        walkdir::WalkDir::new(place)
            .into_iter()
            // Hidden folders below (`.git`) can hold thousands of files, all ignored.
            .filter_entry(|e| {
                e.depth() == 0 || e.file_name().as_encoded_bytes().first() != Some(&b'.')
            })
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let path = self.resolve(e.path())?;
                let meta = e.metadata().ok()?;
                let print = Fingerprint {
                    len: meta.len(),
                    modified: meta.modified().ok(),
                };
                Some((path, print))
            })
            .collect()
    }
}
