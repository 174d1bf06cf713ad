//! Which summary file belongs to which article. Names are built from the file's real name
//! (bytes, never the escaped display form, so `inv\xff.txt` and `inv\xfe.txt` keep apart).
//!
//! `talks.txt` → `talks.summary.toml`, unless another article file in the same folder has
//! the same stem (`talks.html`, `talks`): then each uses its whole name,
//! `talks.txt.summary.toml` and `talks.html.summary.toml`. Reading, the whole-name file
//! comes first; a stem file that several articles could claim is used by none of them,
//! and each says so. [`Names`] lists each folder once, however many articles it holds.

use crate::ingest::walk::ARTICLE_EXTENSIONS;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

const SUFFIX: &str = ".summary.toml";

/// `foo.txt` → `foo.summary.toml`, in the same folder.
pub fn summary_path(article: &Path) -> PathBuf {
    let mut name = article.file_stem().unwrap_or_default().to_os_string();
    name.push(SUFFIX);
    article.with_file_name(name)
}

/// `foo.txt` → `foo.txt.summary.toml`, in the same folder.
pub fn full_summary_path(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(SUFFIX);
    article.with_file_name(name)
}

/// Where an article's summary is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    None,
    File(PathBuf),
    /// A stem file several articles share; `others` are the other articles' names.
    Ambiguous {
        file: PathBuf,
        others: Vec<OsString>,
    },
}

/// The article files of each folder met so far, by stem.
#[derive(Debug, Default)]
pub struct Names {
    folders: HashMap<PathBuf, HashMap<OsString, Vec<OsString>>>,
}

impl Names {
    pub fn new() -> Names {
        Names::default()
    }

    /// The summary file `article` uses, if there is one.
    pub fn for_reading(&mut self, article: &Path) -> Reading {
        let full = full_summary_path(article);
        if exists(&full) {
            return Reading::File(full);
        }
        let stem = summary_path(article);
        if stem == full || !exists(&stem) {
            return Reading::None;
        }
        let others = self.others(article);
        if others.is_empty() {
            return Reading::File(stem);
        }
        // `talks` (no extension) owns `talks.summary.toml` by its whole name.
        let stem_name = article.file_stem().unwrap_or_default();
        if others.iter().any(|o| o.as_os_str() == stem_name) {
            return Reading::None;
        }
        Reading::Ambiguous { file: stem, others }
    }

    /// The summary file `derive --write` writes for `article`.
    pub fn for_writing(&mut self, article: &Path) -> PathBuf {
        let full = full_summary_path(article);
        if exists(&full) || !self.others(article).is_empty() {
            full
        } else {
            summary_path(article)
        }
    }

    /// The other article files beside `article` that share its stem.
    fn others(&mut self, article: &Path) -> Vec<OsString> {
        let (Some(name), Some(stem)) = (article.file_name(), article.file_stem()) else {
            return Vec::new();
        };
        let folder = match article.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let stems = self
            .folders
            .entry(folder)
            .or_insert_with_key(|dir| list(dir));
        stems
            .get(stem)
            .map(|names| names.iter().filter(|n| *n != name).cloned().collect())
            .unwrap_or_default()
    }
}

/// Article file names in `dir`, by stem (what the walk would read: not hidden, not a
/// summary file, an article extension or none; folders left out).
fn list(dir: &Path) -> HashMap<OsString, Vec<OsString>> {
    let mut stems: HashMap<OsString, Vec<OsString>> = HashMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return stems;
    };
    for e in entries.flatten() {
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let name = e.file_name();
        let path = Path::new(&name);
        if !is_article_name(path) {
            continue;
        }
        if let Some(stem) = path.file_stem() {
            stems
                .entry(stem.to_os_string())
                .or_default()
                .push(name.clone());
        }
    }
    stems
}

fn is_article_name(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if name.starts_with('.') || name.to_lowercase().ends_with(SUFFIX) {
        return false;
    }
    match path.extension().map(OsStr::to_string_lossy) {
        None => true,
        Some(ext) => ARTICLE_EXTENSIONS.contains(&ext.to_lowercase().as_str()),
    }
}

/// Anything at the name, a dangling link included (it is still a name taken).
fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

#[cfg(test)]
#[path = "naming_tests.rs"]
mod tests;
