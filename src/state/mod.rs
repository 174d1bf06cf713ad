//! Reading state: which articles are read or starred and which key points are starred,
//! kept across runs in `$XDG_STATE_HOME/brief/state.toml` and keyed by content hash, so
//! moving or renaming a folder keeps the marks.
//!
//! How the pieces compose: [`file`] is the on-disk format, [`lock`] the advisory lock,
//! and [`StateStore`] the in-memory marks plus the changes this process made since its
//! last save. [`StateStore::save`] takes the lock, re-reads the file, applies only this
//! process's changes on top and writes it atomically: two `brief`s at once keep each
//! other's marks. A corrupt file is moved aside and a newer-version file is never
//! overwritten; both are reported as warnings, never as a failure to start.

pub mod file;
pub mod lock;

use crate::fsutil::read::{read_bounded, Follow, ReadError};
use crate::fsutil::AtomicWrite;
use anyhow::Context;
use file::{Marks, Parsed};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The largest state file read: about 140,000 articles with marks. Parsing TOML takes
/// some 20 times the file's size in memory, so this bounds a start at ~350 MB.
pub const MAX_STATE_BYTES: u64 = 16 * 1024 * 1024;

/// One mark. Articles are named by `Article.content_hash`, points by [`point_key`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mark {
    Read(String),
    Starred(String),
    PointStarred { article: String, point: String },
}

/// The key of a key point within its article: a short hash of its text with spacing
/// normalised, so re-flowed text keeps its star.
pub fn point_key(text: &str) -> String {
    let normal = text.split_whitespace().collect::<Vec<_>>().join(" ");
    blake3::hash(normal.as_bytes()).to_hex()[..16].to_string()
}

#[derive(Debug)]
pub struct StateStore {
    path: PathBuf,
    marks: Marks,
    /// This process's changes since the last save: the last value set for each mark.
    pending: BTreeMap<Mark, bool>,
    /// Why saving is refused (a newer-version file), in words for the status bar.
    read_only: Option<String>,
    /// Problems met while saving (a file found corrupt and set aside), for the status bar.
    warnings: Vec<String>,
}

impl StateStore {
    /// `$XDG_STATE_HOME/brief/state.toml`, else `~/.local/state/brief/state.toml`.
    pub fn default_path() -> Option<PathBuf> {
        crate::fsutil::xdg_dir("XDG_STATE_HOME", ".local/state")
            .map(|d| d.join("brief").join("state.toml"))
    }

    /// Reads the state file; never fails. Problems come back as warnings for the status
    /// bar: a corrupt or unreadable file is moved aside and the marks start empty.
    pub fn open(path: impl Into<PathBuf>) -> (StateStore, Vec<String>) {
        let path = path.into();
        let mut warnings = Vec::new();
        let (marks, read_only) = read_marks(&path, &mut warnings);
        let store = StateStore {
            path,
            marks,
            pending: BTreeMap::new(),
            read_only,
            warnings: Vec::new(),
        };
        (store, warnings)
    }

    /// [`open`](Self::open) at [`default_path`](Self::default_path); without a home
    /// folder, marks are kept for this run only and saving says why it cannot.
    pub fn open_default() -> (StateStore, Vec<String>) {
        match StateStore::default_path() {
            Some(p) => StateStore::open(p),
            None => {
                let reason = "no home folder (XDG_STATE_HOME unset, and HOME unset or not an existing folder): marks are kept for this run only";
                let (mut store, _) = StateStore::open(PathBuf::new());
                store.read_only = Some(reason.to_string());
                (store, vec![reason.to_string()])
            }
        }
    }

    /// Picks up marks other processes saved meanwhile; this process's unsaved changes stay
    /// on top. Returns warnings as [`open`](Self::open) does.
    pub fn reload(&mut self) -> Vec<String> {
        let mut warnings = Vec::new();
        let (mut marks, read_only) = read_marks(&self.path, &mut warnings);
        for (mark, on) in &self.pending {
            set_in(&mut marks, mark, *on);
        }
        self.marks = marks;
        if read_only.is_some() {
            self.read_only = read_only;
        }
        warnings
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every mark as this process sees it: the file as last read or saved, with this
    /// process's unsaved changes on top (the reader loads its marks from here).
    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    /// Why [`save`](Self::save) will refuse, when it will.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// True when there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        !self.pending.is_empty()
    }

    pub fn get(&self, mark: &Mark) -> bool {
        get_in(&self.marks, mark)
    }

    pub fn set(&mut self, mark: Mark, on: bool) {
        set_in(&mut self.marks, &mark, on);
        self.pending.insert(mark, on);
    }

    /// Flips a mark and returns its new value.
    pub fn toggle(&mut self, mark: Mark) -> bool {
        let on = !self.get(&mark);
        self.set(mark, on);
        on
    }

    pub fn is_read(&self, article: &str) -> bool {
        self.get(&Mark::Read(article.to_string()))
    }

    pub fn is_starred(&self, article: &str) -> bool {
        self.get(&Mark::Starred(article.to_string()))
    }

    pub fn is_point_starred(&self, article: &str, point_text: &str) -> bool {
        self.get(&Mark::PointStarred {
            article: article.to_string(),
            point: point_key(point_text),
        })
    }

    /// Writes this process's changes, merged into whatever the file holds now.
    /// A no-op when nothing changed. Errors say why in words (locked, newer version, I/O).
    pub fn save(&mut self) -> anyhow::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        if let Some(reason) = &self.read_only {
            anyhow::bail!("{reason}");
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let _lock = lock::acquire(&self.path)?;
        let (mut disk, read_only) = read_marks(&self.path, &mut self.warnings);
        if let Some(reason) = read_only {
            self.read_only = Some(reason.clone());
            anyhow::bail!("{reason}");
        }
        for (mark, on) in &self.pending {
            set_in(&mut disk, mark, *on);
        }
        let text = file::to_toml_string(&disk)?;
        AtomicWrite::new(&self.path)
            .mode(0o600)
            .write(text.as_bytes())
            .context("cannot save reading state")?;
        self.marks = disk;
        self.pending.clear();
        Ok(())
    }

    /// Warnings from saves since the last call (a file found corrupt was set aside).
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }
}

fn get_in(marks: &Marks, mark: &Mark) -> bool {
    match mark {
        Mark::Read(a) => marks.articles.get(a).is_some_and(|m| m.read),
        Mark::Starred(a) => marks.articles.get(a).is_some_and(|m| m.starred),
        Mark::PointStarred { article, point } => marks
            .articles
            .get(article)
            .is_some_and(|m| m.starred_points.contains(point)),
    }
}

fn set_in(marks: &mut Marks, mark: &Mark, on: bool) {
    match mark {
        Mark::Read(a) => marks.articles.entry(a.clone()).or_default().read = on,
        Mark::Starred(a) => marks.articles.entry(a.clone()).or_default().starred = on,
        Mark::PointStarred { article, point } => {
            let points = &mut marks
                .articles
                .entry(article.clone())
                .or_default()
                .starred_points;
            if on {
                points.insert(point.clone());
            } else {
                points.remove(point);
            }
        }
    }
}

/// The marks in the file and, for a newer-version file, why it must not be written.
fn read_marks(path: &Path, warnings: &mut Vec<String>) -> (Marks, Option<String>) {
    let bytes = match read_bounded(path, MAX_STATE_BYTES, Follow::Yes) {
        Ok(b) => b,
        Err(ReadError::NotFound) => return (Marks::default(), None),
        // A device or FIFO (`state.toml -> /dev/null` to keep no state) is left alone:
        // nothing is read from it, nothing written to it.
        Err(e @ ReadError::NotRegular(kind)) if kind != "a folder" => {
            let reason = format!(
                "reading state {} {e}; marks are kept for this run only",
                path.display()
            );
            warnings.push(reason.clone());
            return (Marks::default(), Some(reason));
        }
        // Too large or unreadable: moved aside, so nothing is lost and brief starts afresh.
        Err(e) => return (set_aside(path, &format!("it {e}"), warnings), None),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return (set_aside(path, "not UTF-8 text", warnings), None);
    };
    match file::parse(&text) {
        Parsed::Current(m) => (m, None),
        Parsed::Newer { version, marks } => {
            let reason = format!(
                "reading state {} is from a newer brief (version {version}); marks made now will not be saved",
                path.display()
            );
            warnings.push(reason.clone());
            let reason = Some(reason);
            (marks, reason)
        }
        Parsed::Corrupt(why) => (set_aside(path, &why, warnings), None),
    }
}

/// Moves a bad state file to `state.toml.bad-<unix time>` so nothing is lost, and starts
/// empty. A file that cannot be moved sits in a folder brief cannot write either, so the
/// next save fails with a message rather than destroying it.
fn set_aside(path: &Path, why: &str, warnings: &mut Vec<String>) -> Marks {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state.toml".into());
    let mut aside = path.with_file_name(format!("{name}.bad-{secs}"));
    let mut n = 1;
    while aside.exists() {
        aside = path.with_file_name(format!("{name}.bad-{secs}-{n}"));
        n += 1;
    }
    match std::fs::rename(path, &aside) {
        Ok(()) => warnings.push(format!(
            "reading state {} was unusable ({why}); kept it as {} and started afresh",
            path.display(),
            aside.display()
        )),
        Err(e) => warnings.push(format!(
            "reading state {} was unusable ({why}) and could not be moved aside ({e})",
            path.display()
        )),
    }
    Marks::default()
}
