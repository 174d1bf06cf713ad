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

/// A watched path as the user gave it, and made absolute: `notify` reports events under
/// relative paths as absolute ones, while callers want them back as they gave them
/// (they match the article paths ingest built from the same arguments).
#[derive(Debug, Clone)]
pub(crate) struct Root {
    given: PathBuf,
    absolute: PathBuf,
    kind: RootKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RootKind {
    /// Watched recursively.
    Dir,
    /// A single file; its folder is watched (editors replace files by renaming, which
    /// would end a watch on the file itself) and events for other files are dropped.
    File,
}

impl Root {
    pub(crate) fn new(path: &Path) -> std::io::Result<Root> {
        let meta = std::fs::metadata(path)?;
        Ok(Root {
            given: path.to_path_buf(),
            absolute: std::path::absolute(path)?,
            kind: if meta.is_dir() {
                RootKind::Dir
            } else {
                RootKind::File
            },
        })
    }

    pub(crate) fn given(&self) -> &Path {
        &self.given
    }

    /// What to hand to the OS watcher, and whether recursively.
    pub(crate) fn watch_target(&self) -> (&Path, bool) {
        match self.kind {
            RootKind::Dir => (&self.given, true),
            RootKind::File => match self.given.parent() {
                Some(p) if !p.as_os_str().is_empty() => (p, false),
                _ => (Path::new("."), false),
            },
        }
    }

    /// The path as reported to the caller for an event path, or `None` when the event
    /// is outside this root or ignored. Paths compare by components, so `a/./b` is `a/b`.
    fn resolve(&self, event: &Path) -> Option<PathBuf> {
        let rel = event
            .strip_prefix(&self.given)
            .or_else(|_| event.strip_prefix(&self.absolute))
            .ok()?;
        match self.kind {
            RootKind::Dir => (!is_ignored(rel)).then(|| self.given.join(rel)),
            // Only the file itself: `rel` is empty then.
            RootKind::File => (rel.as_os_str().is_empty()).then(|| self.given.clone()),
        }
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
        self.roots.iter().map(|r| r.given().to_path_buf()).collect()
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
