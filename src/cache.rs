//! The summary cache: what derivation computes per article, kept on disk by content hash
//! so reopening a large briefing does not derive it again.
//!
//! Per-article entries hold what depends on one article alone (its ranked key points);
//! what is merged across the briefing (actors, the merged table, the actors of each key
//! point) is one entry per exact set of articles, kept by
//! `crate::summary::briefing_cache`. Entries live in `$XDG_CACHE_HOME/brief/<version>/<kind>/<hash[..2]>/<hash>.json`
//! where `<version>` holds [`DERIVE_VERSION`] and the crate version, so a new derivation
//! never reads an old result. The cache is an optimisation and nothing more: a missing,
//! unreadable or corrupt entry is a miss (a corrupt file is deleted), and a failed store
//! is ignored by [`fill_key_points`].
//!
//! `open()` calls [`fill_key_points`] on the ingested articles before
//! `derive::derive_briefing`, which then ranks only articles that still have no key points.

use crate::fsutil::read::{read_bounded, Follow};
use crate::fsutil::AtomicWrite;
use crate::model::{Article, KeyPoint};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Bump whenever derivation can give a different result for the same article bytes.
pub const DERIVE_VERSION: u32 = 2;

const KEY_POINTS: &str = "key_points";

/// The largest cache entry read (a briefing-wide entry of a very large briefing is a few
/// MiB); a larger file is a miss.
const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;

/// A handle on the cache folder; cheap to clone, safe to share between threads.
#[derive(Debug, Clone, Default)]
pub struct SummaryCache {
    /// `None`: disabled, every lookup misses and nothing is stored.
    root: Option<PathBuf>,
}

#[derive(Serialize, Deserialize)]
struct Entry<T> {
    derive_version: u32,
    content_hash: String,
    value: T,
}

impl SummaryCache {
    /// `$XDG_CACHE_HOME/brief` (else `~/.cache/brief`); disabled when neither is known.
    pub fn default_location() -> SummaryCache {
        SummaryCache {
            root: crate::fsutil::xdg_dir("XDG_CACHE_HOME", ".cache").map(|d| d.join("brief")),
        }
    }

    /// The default cache when `use_cache` (`OpenOptions::use_cache`), else a disabled one.
    pub fn from_options(use_cache: bool) -> SummaryCache {
        if use_cache {
            SummaryCache::default_location()
        } else {
            SummaryCache::disabled()
        }
    }

    /// A cache rooted at `dir` (tests, `--cache-dir`-style overrides).
    pub fn at(dir: impl Into<PathBuf>) -> SummaryCache {
        SummaryCache {
            root: Some(dir.into()),
        }
    }

    /// A cache that never hits and never writes (`--no-cache`).
    pub fn disabled() -> SummaryCache {
        SummaryCache { root: None }
    }

    /// The folder of this build's entries, if enabled.
    pub fn dir(&self) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        Some(root.join(format!("d{DERIVE_VERSION}-{}", env!("CARGO_PKG_VERSION"))))
    }

    /// The cached key points of the article with this content hash.
    pub fn key_points(&self, content_hash: &str) -> Option<Vec<KeyPoint>> {
        self.get(KEY_POINTS, content_hash)
    }

    pub fn store_key_points(&self, content_hash: &str, points: &[KeyPoint]) -> anyhow::Result<()> {
        self.put(KEY_POINTS, content_hash, &points)
    }

    /// A cached value of `kind` (a short name such as `"key_points"`) for an article.
    pub fn get<T: DeserializeOwned>(&self, kind: &str, content_hash: &str) -> Option<T> {
        let path = self.entry_path(kind, content_hash)?;
        // Entries are brief's own: a link, a FIFO or an oversized file is not one.
        let bytes = read_bounded(&path, MAX_ENTRY_BYTES, Follow::No).ok()?;
        match serde_json::from_slice::<Entry<T>>(&bytes) {
            Ok(e) if e.derive_version == DERIVE_VERSION && e.content_hash == content_hash => {
                Some(e.value)
            }
            _ => {
                // Corrupt or foreign: drop it so the next store replaces it cleanly.
                let _ = std::fs::remove_file(&path);
                None
            }
        }
    }

    /// Stores a value atomically, so a concurrent reader never sees half an entry. Not
    /// fsynced: an entry lost to a power cut is a miss, and a sync per article would make
    /// a cold open of a large briefing several times slower.
    pub fn put<T: Serialize>(
        &self,
        kind: &str,
        content_hash: &str,
        value: &T,
    ) -> anyhow::Result<()> {
        let Some(path) = self.entry_path(kind, content_hash) else {
            return Ok(());
        };
        let entry = Entry {
            derive_version: DERIVE_VERSION,
            content_hash: content_hash.to_string(),
            value,
        };
        let bytes = serde_json::to_vec(&entry)?;
        AtomicWrite::new(path).create_dirs().no_sync().write(&bytes)
    }

    /// `None` when disabled or when the hash or kind could escape the folder: they become
    /// path components, so only plain hex hashes and simple kind names are accepted.
    fn entry_path(&self, kind: &str, content_hash: &str) -> Option<PathBuf> {
        let hex = content_hash.len() >= 8 && content_hash.bytes().all(|b| b.is_ascii_hexdigit());
        let simple_kind =
            !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !hex || !simple_kind {
            return None;
        }
        let dir = self.dir()?;
        Some(
            dir.join(kind)
                .join(&content_hash[..2])
                .join(format!("{content_hash}.json")),
        )
    }
}

/// Gives every article without key points its ranked key points: from the cache when an
/// entry exists, else from `rank`, then stored. The result is what `rank` alone gives.
pub fn fill_key_points<F>(articles: &mut [Article], cache: &SummaryCache, rank: F)
where
    F: Fn(&Article) -> Vec<KeyPoint> + Sync,
{
    articles
        .par_iter_mut()
        .filter(|a| a.key_points.is_empty())
        .for_each(|a| {
            if let Some(points) = cache.key_points(&a.content_hash) {
                a.key_points = points;
                return;
            }
            a.key_points = rank(a);
            // A cache that cannot be written only costs time on the next open.
            let _ = cache.store_key_points(&a.content_hash, &a.key_points);
        });
}

/// Removes this build's cache entries (for a "clear cache" command or tests).
pub fn clear(cache: &SummaryCache) -> anyhow::Result<()> {
    if let Some(dir) = cache.dir() {
        remove_dir_if_present(&dir)?;
    }
    Ok(())
}

fn remove_dir_if_present(dir: &Path) -> anyhow::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(anyhow::Error::new(e).context(format!("cannot remove {}", dir.display())))
        }
        _ => Ok(()),
    }
}
