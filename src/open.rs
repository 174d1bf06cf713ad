//! Opening a briefing: ingest, then summaries (supplied or derived). The one entry point
//! the CLI, the exporter and the TUI share.

use crate::ingest;
use crate::model::Briefing;
use anyhow::bail;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Files above this size are skipped with a warning unless `--max-file-size` says more.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct OpenOptions {
    pub max_file_bytes: u64,
    pub use_cache: bool,
    /// Follow symbolic links that lead out of the folders given (off: they are skipped
    /// with a warning, so a received folder cannot make brief read `/etc/shadow`).
    pub follow_outside_links: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            use_cache: true,
            follow_outside_links: false,
        }
    }
}

/// How far an open has come: the articles read, and how many of them have their key
/// points ranked so far (only articles the cache did not hold are ranked).
#[derive(Debug, Default)]
pub struct Progress {
    pub articles: AtomicUsize,
    pub ranked: AtomicUsize,
}

impl Progress {
    /// (articles read, ranked so far); (0, 0) while files are still being read.
    pub fn get(&self) -> (usize, usize) {
        (
            self.articles.load(Ordering::Relaxed),
            self.ranked.load(Ordering::Relaxed),
        )
    }
}

/// Where a briefing comes from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The sample briefing compiled into the binary.
    Sample,
    Paths(Vec<PathBuf>),
}

/// Reads and derives a whole briefing. Errors only when nothing can be opened at all (a
/// PATH that does not exist, or no article anywhere, with the reasons files were skipped);
/// every per-file problem becomes a warning instead.
pub fn open(origin: &Origin, opts: &OpenOptions) -> anyhow::Result<Briefing> {
    open_counting(origin, opts, &Progress::default())
}

/// [`open`], counting in `progress` the articles read and ranked (the loading screen).
pub fn open_counting(
    origin: &Origin,
    opts: &OpenOptions,
    progress: &Progress,
) -> anyhow::Result<Briefing> {
    let mut briefing = match origin {
        Origin::Sample => ingest::ingest_memory(
            crate::samples::SAMPLE_DIR,
            crate::samples::SAMPLE_FILES,
            opts.max_file_bytes,
        ),
        Origin::Paths(paths) if paths.is_empty() => {
            bail!("no PATH given; name article files or folders, or give none to open the sample")
        }
        Origin::Paths(paths) => {
            ingest::ingest_paths_with(paths, opts.max_file_bytes, opts.follow_outside_links)?
        }
    };
    if briefing.articles.is_empty() {
        bail!("{}", no_articles_message(origin, &briefing.warnings));
    }
    // Summary files (never for the built-in sample), cached or fresh key points, then the
    // briefing-wide derivation, then supplied actors on top.
    let cache = crate::cache::SummaryCache::from_options(opts.use_cache);
    let files = matches!(origin, Origin::Paths(_));
    progress
        .articles
        .store(briefing.articles.len(), Ordering::Relaxed);
    let tick = || {
        progress.ranked.fetch_add(1, Ordering::Relaxed);
    };
    crate::summary::summarize_counting(&mut briefing, &cache, files, &tick);
    Ok(briefing)
}

/// Says where nothing was found, what brief reads, and why files were skipped.
fn no_articles_message(origin: &Origin, warnings: &[String]) -> String {
    let place = match origin {
        Origin::Sample => crate::samples::SAMPLE_DIR.to_string(),
        Origin::Paths(paths) => paths
            .iter()
            .map(|p| ingest::walk::display(p))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut msg = format!(
        "{place}: no articles found; brief reads {}",
        ingest::walk::formats_list()
    );
    const SHOWN: usize = 5;
    // The first line already says where nothing was found and what brief reads; the
    // walk's own "no article files here" would say it again.
    let why: Vec<&String> = warnings
        .iter()
        .filter(|w| !w.contains(": no article files here; "))
        .collect();
    for w in why.iter().take(SHOWN) {
        msg.push_str("\n  ");
        msg.push_str(w);
    }
    if why.len() > SHOWN {
        msg.push_str(&format!("\n  … and {} more", why.len() - SHOWN));
    }
    msg
}
