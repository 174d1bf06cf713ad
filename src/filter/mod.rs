//! Fuzzy filtering of a pane's items, fast enough to run on every keystroke.
//!
//! Pure and terminal-free. The pieces compose like this:
//! - [`FilterIndex::new`] takes the items once (titles, key point texts, actor names with
//!   their aliases joined by spaces) and keeps, per item, a copy folded to lower case with
//!   typographic punctuation mapped to ASCII one char to one char ([`fold`]), plus a
//!   64-bit signature of the chars it contains.
//! - [`FilterIndex::query`] parses the query ([`query`]: folded, split into terms that must
//!   all match), rejects items by signature and by a byte subsequence check, scores the
//!   rest with fuzzy-matcher's `SkimMatcherV2` (in parallel with rayon on large sets), and
//!   ranks by score, then by item order. When the new query only extends the previous
//!   one (the user typed another char), only the previous hits are scored again.
//! - [`FilterIndex::indices`] gives the char positions to highlight in one item: call it
//!   for the visible rows only.
//! - [`FilterWorker`] ([`worker`]) runs queries on its own thread for sets too large to
//!   filter within a frame: a newer query cancels the running one, and partial rankings
//!   arrive while a long pass runs, so input never waits on a pass.
//!
//! ```
//! use brief::filter::FilterIndex;
//! let index = FilterIndex::new(["Zelensky meets Starmer", "Ceasefire talks", "Kyiv"]);
//! let hits = index.query("zel");
//! assert_eq!(hits[0].index, 0);
//! assert_eq!(index.indices(0, "zel"), vec![0, 1, 2]);
//! ```

pub mod fold;
pub mod query;
pub mod worker;

pub use query::Query;
pub use worker::{FilterUpdate, FilterWorker};

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::sync::{Arc, Mutex, PoisonError};

/// One matching item: its position in the item list and its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hit {
    pub index: usize,
    pub score: i64,
}

/// Below this many candidates a pass runs on the calling thread: rayon's fork/join costs
/// more than it saves on the sizes of ordinary briefings.
const PARALLEL_MIN: usize = 8_192;

/// Candidates per rayon task, and between two checks of the cancel flag.
const CHUNK: usize = 4_096;

/// The items of one pane, prepared for filtering. Build it again when the items change.
pub struct FilterIndex {
    /// All folded items back to back; item `i` is `text[ends[i-1]..ends[i]]`.
    text: String,
    ends: Vec<usize>,
    signatures: Vec<u64>,
    matcher: SkimMatcherV2,
    /// Every item index, the candidate list of a fresh query.
    all: Vec<usize>,
    /// The last completed query and its ranked hits, for narrowing.
    last: Mutex<Option<(Query, Arc<Vec<Hit>>)>>,
}

impl FilterIndex {
    pub fn new<I, S>(items: I) -> FilterIndex
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut text = String::new();
        let mut ends = Vec::new();
        let mut signatures = Vec::new();
        for item in items {
            let start = text.len();
            text.extend(item.as_ref().chars().map(fold::fold_char));
            signatures.push(fold::signature(&text[start..]));
            ends.push(text.len());
        }
        let all = (0..ends.len()).collect();
        FilterIndex {
            text,
            ends,
            signatures,
            matcher: query::matcher(),
            all,
            last: Mutex::new(None),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The folded form of item `index` (same char count as the original), if it exists.
    pub fn folded(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        self.text.get(start..end)
    }

    /// The items matching `q`, best first; equal scores keep item order. An empty or
    /// all-whitespace query gives every item in order, each with score 0.
    pub fn query(&self, q: &str) -> Vec<Hit> {
        self.query_until(q, || false).unwrap_or_default()
    }

    /// [`query`](Self::query) that gives up, returning `None`, soon after `stop` returns
    /// true (it is asked every few thousand items), so a pass made stale by a newer
    /// keystroke ends early.
    pub fn query_until(&self, q: &str, stop: impl Fn() -> bool + Sync) -> Option<Vec<Hit>> {
        self.pass(q, usize::MAX, &stop, |_, _, _| {})
            .map(|(hits, _)| hits)
    }

    /// One filtering pass over the candidates in groups of `group`; after each group but
    /// the last, `progress(hits so far, scanned, candidates)` may show a partial ranking.
    /// A completed pass is remembered for narrowing; it returns the ranked hits and the
    /// number of candidates it scored.
    pub(crate) fn pass(
        &self,
        q: &str,
        group: usize,
        stop: &(dyn Fn() -> bool + Sync),
        mut progress: impl FnMut(&[Hit], usize, usize),
    ) -> Option<(Vec<Hit>, usize)> {
        let parsed = Query::parse(q);
        if parsed.is_empty() {
            // Every query extends the empty one, so remembering it would narrow nothing.
            *self.last.lock().unwrap_or_else(PoisonError::into_inner) = None;
            let hits = self
                .all
                .iter()
                .map(|&index| Hit { index, score: 0 })
                .collect();
            return Some((hits, self.len()));
        }
        let narrowed: Option<Vec<usize>> = self
            .narrowing_base(&parsed)
            .map(|prev| prev.iter().map(|h| h.index).collect());
        let candidates = narrowed.as_deref().unwrap_or(&self.all);
        let mut hits = Vec::new();
        let mut scanned = 0;
        for slice in candidates.chunks(group.max(1)) {
            hits.extend(self.score_slice(&parsed, slice, stop)?);
            scanned += slice.len();
            if scanned < candidates.len() {
                progress(&hits, scanned, candidates.len());
            }
        }
        rank(&mut hits);
        let shared = Arc::new(hits);
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some((parsed, shared.clone()));
        Some((Arc::unwrap_or_clone(shared), candidates.len()))
    }

    /// Char positions of item `index` to highlight for `q`, sorted; empty when the item
    /// does not match or does not exist. Positions count chars of the original item.
    pub fn indices(&self, index: usize, q: &str) -> Vec<usize> {
        match self.folded(index) {
            Some(item) => Query::parse(q).positions(&self.matcher, item),
            None => Vec::new(),
        }
    }

    /// The previous hits when `parsed` only extends the last completed query.
    fn narrowing_base(&self, parsed: &Query) -> Option<Arc<Vec<Hit>>> {
        let last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        match &*last {
            Some((prev, hits)) if parsed.extends(prev) => Some(hits.clone()),
            _ => None,
        }
    }

    /// Unranked hits among `candidates`, `None` if cancelled.
    pub(crate) fn score_slice(
        &self,
        q: &Query,
        candidates: &[usize],
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let score_chunk = |chunk: &[usize]| -> Option<Vec<Hit>> {
            if stop() {
                return None;
            }
            Some(
                chunk
                    .iter()
                    .filter_map(|&index| {
                        let item = self.folded(index)?;
                        let score = q.score(&self.matcher, item, self.signatures[index])?;
                        Some(Hit { index, score })
                    })
                    .collect(),
            )
        };
        let parts: Vec<Vec<Hit>> = if candidates.len() < PARALLEL_MIN {
            candidates
                .chunks(CHUNK)
                .map(score_chunk)
                .collect::<Option<_>>()?
        } else {
            candidates
                .par_chunks(CHUNK)
                .map(score_chunk)
                .collect::<Option<_>>()?
        };
        Some(parts.concat())
    }
}

/// Best score first, then item order: the ranking every caller sees.
pub(crate) fn rank(hits: &mut [Hit]) {
    let key = |h: &Hit| (std::cmp::Reverse(h.score), h.index);
    if hits.len() < PARALLEL_MIN {
        hits.sort_unstable_by_key(key);
    } else {
        hits.par_sort_unstable_by_key(key);
    }
}

impl std::fmt::Debug for FilterIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FilterIndex")
            .field("items", &self.len())
            .field("bytes", &self.text.len())
            .finish()
    }
}
