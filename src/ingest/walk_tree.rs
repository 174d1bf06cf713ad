//! The folder walk under one PATH: every folder read once, links kept inside the briefing.
//!
//! [`visit`] goes depth first, entries sorted by name, hidden ones skipped, and hands each
//! file it meets to the caller as a [`Found`]. Two rules bound it whatever the folder holds:
//! - each folder is read once, known by device and inode: a "diamond" of links (two links
//!   per level to the next folder) costs one visit per folder instead of 2^levels paths,
//!   and a link back to an ancestor is a loop, reported once;
//! - a symbolic link is followed only when its target lies inside one of the folders the
//!   user gave ([`Scope`]); a link to `/etc/shadow`, `/` or `/proc` in a received folder
//!   is skipped with a warning, unless the user allows links out.
//!
//! The stack of open folders is an explicit `Vec`, so a deep tree cannot overflow the
//! thread's stack.

use crate::fsutil::display;
use std::collections::HashSet;
use std::fs::{FileType, Metadata};
use std::path::{Path, PathBuf};

/// The folders a briefing may read from, made canonical once.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    roots: Vec<PathBuf>,
    /// `--follow-outside-links`: follow links wherever they go.
    outside_links: bool,
}

impl Scope {
    /// The scope of the PATHs given (folders, and the folders of files given alone).
    pub fn new(paths: &[PathBuf], outside_links: bool) -> Scope {
        let roots = paths
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .filter(|p| p.is_dir())
            .collect();
        Scope {
            roots,
            outside_links,
        }
    }

    /// Whether a link whose resolved target is `target` may be followed.
    fn allows(&self, target: &Path) -> bool {
        self.outside_links || self.roots.iter().any(|r| target.starts_with(r))
    }
}

/// What the walk met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A regular file (perhaps through a link inside the scope).
    File(PathBuf),
    /// Something that is neither a file nor a folder (FIFO, socket, device).
    Special(PathBuf),
    /// A skipped entry, with the warning that says why.
    Skipped(String),
}

/// One open folder: its identity, its path, and its entries still to visit (reversed, so
/// the next is at the end).
struct Open {
    id: (u64, u64),
    path: PathBuf,
    /// Names with their type as the folder listing gave it (no `stat` needed).
    pending: Vec<(std::ffi::OsString, Option<FileType>)>,
}

/// Walks the folder `root` (already known to be one), calling `found` for each entry.
pub fn visit(root: &Path, scope: &Scope, mut found: impl FnMut(Found)) {
    let mut seen: HashSet<(u64, u64)> = HashSet::new();
    let mut stack: Vec<Open> = Vec::new();
    match std::fs::metadata(root) {
        Ok(m) => {
            seen.insert(id(&m));
            enter(root.to_path_buf(), id(&m), &mut stack, &mut found);
        }
        Err(e) => found(Found::Skipped(unreadable(root, &e))),
    }
    while let Some(top) = stack.last_mut() {
        let Some((name, listed)) = top.pending.pop() else {
            stack.pop();
            continue;
        };
        if name.as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        let path = top.path.join(&name);
        // Most entries are plain files, known as such from the listing alone.
        if listed.is_some_and(|t| t.is_file()) {
            found(Found::File(path));
            continue;
        }
        let lmeta = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                found(Found::Skipped(unreadable(&path, &e)));
                continue;
            }
        };
        let meta = if lmeta.file_type().is_symlink() {
            match follow(&path, scope) {
                Ok(m) => m,
                Err(warning) => {
                    found(Found::Skipped(warning));
                    continue;
                }
            }
        } else {
            lmeta
        };
        if meta.is_dir() {
            let key = id(&meta);
            if seen.insert(key) {
                enter(path, key, &mut stack, &mut found);
            } else if let Some(open) = stack.iter().find(|o| o.id == key) {
                found(Found::Skipped(format!(
                    "{}: skipped, a symlink loop back to {}",
                    display(&path),
                    display(&open.path)
                )));
            }
            // Else a folder already read by another way (a diamond): nothing new there.
        } else if meta.is_file() {
            found(Found::File(path));
        } else {
            found(Found::Special(path));
        }
    }
}

/// Reads a folder's entries and pushes it on the stack.
fn enter(path: PathBuf, key: (u64, u64), stack: &mut Vec<Open>, found: &mut impl FnMut(Found)) {
    let entries = match std::fs::read_dir(&path) {
        Ok(rd) => rd,
        Err(e) => {
            found(Found::Skipped(unreadable(&path, &e)));
            return;
        }
    };
    let mut names = Vec::new();
    for e in entries {
        match e {
            Ok(e) => names.push((e.file_name(), e.file_type().ok())),
            Err(e) => found(Found::Skipped(unreadable(&path, &e))),
        }
    }
    // Sorted by name, then reversed: `pop` hands them out in order.
    names.sort_unstable_by(|a, b| b.0.cmp(&a.0));
    stack.push(Open {
        id: key,
        path,
        pending: names,
    });
}

/// The metadata of a link's target when the link may be followed, else the warning.
fn follow(link: &Path, scope: &Scope) -> Result<Metadata, String> {
    let target = std::fs::canonicalize(link).map_err(|e| unreadable(link, &e))?;
    if !scope.allows(&target) {
        return Err(format!(
            "{}: skipped, a symbolic link to {}, outside the folders given \
             (--follow-outside-links reads it)",
            display(link),
            display(&target)
        ));
    }
    std::fs::metadata(&target).map_err(|e| unreadable(link, &e))
}

fn unreadable(path: &Path, e: &std::io::Error) -> String {
    format!(
        "{}: skipped, cannot be read ({e}); check that it exists and its permissions",
        display(path)
    )
}

fn id(m: &Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}
