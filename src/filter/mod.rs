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

pub use query::{Query, Scored};
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

struct Last {
    query: Query,
    hits: Arc<Vec<(Hit, Scored)>>,
}

/// The items of one pane, prepared for filtering. Build it again when the items change.
pub struct FilterIndex {
    /// All folded items back to back; item `i` is `text[ends[i-1]..ends[i]]`.
    text: String,
    ends: Vec<usize>,
    signatures: Vec<u64>,
    matcher: SkimMatcherV2,
    /// The last completed query and its ranked hits with their split scores, so the
    /// next keystroke rescans only these and rescores only the terms that changed.
    last: Mutex<Option<Last>>,
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
        FilterIndex {
            text,
            ends,
            signatures,
            matcher: query::matcher(),
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

    /// One filtering pass over the candidates in groups, the first of `first_group`
    /// candidates and each next one twice as large; after each group but the last,
    /// `progress(hits so far, scanned, candidates)` may show a partial ranking. A
    /// completed pass is remembered for narrowing; it returns the ranked hits and the
    /// number of candidates it scored.
    pub(crate) fn pass(
        &self,
        q: &str,
        first_group: usize,
        stop: &(dyn Fn() -> bool + Sync),
        mut progress: impl FnMut(&[Hit], usize, usize),
    ) -> Option<(Vec<Hit>, usize)> {
        let parsed = Query::parse(q);
        if parsed.is_empty() {
            // Every query extends the empty one, so remembering it would narrow nothing.
            *self.last.lock().unwrap_or_else(PoisonError::into_inner) = None;
            let hits = (0..self.len())
                .map(|index| Hit { index, score: 0 })
                .collect();
            return Some((hits, self.len()));
        }
        let base = self.narrowing_base(&parsed);
        if let Some((prev, reuse)) = &base {
            if *reuse == parsed.terms_len() {
                // Same terms (only spacing changed): the previous ranking stands.
                let ranked = prev.hits.iter().map(|(h, _)| *h).collect();
                let count = prev.hits.len();
                self.remember(parsed, prev.hits.clone());
                return Some((ranked, count));
            }
        }
        let (candidates, from): (Vec<(usize, i64)>, usize) = match &base {
            Some((prev, reuse)) => {
                let keep_total = *reuse == prev.query.terms_len();
                let list = prev
                    .hits
                    .iter()
                    .map(|(h, s)| (h.index, if keep_total { s.total } else { s.head }));
                (list.collect(), *reuse)
            }
            None => ((0..self.len()).map(|i| (i, 0)).collect(), 0),
        };
        let mut scored: Vec<(Hit, Scored)> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let (mut at, mut group) = (0, first_group.max(1));
        while at < candidates.len() {
            let end = candidates.len().min(at.saturating_add(group));
            let part = self.score_slice(&parsed, &candidates[at..end], from, stop)?;
            hits.extend(part.iter().map(|(h, _)| *h));
            scored.extend(part);
            at = end;
            group = group.saturating_mul(2);
            if at < candidates.len() {
                progress(&hits, at, candidates.len());
            }
        }
        rank(&mut scored);
        let ranked = scored.iter().map(|(h, _)| *h).collect();
        self.remember(parsed, Arc::new(scored));
        Some((ranked, candidates.len()))
    }

    fn remember(&self, query: Query, hits: Arc<Vec<(Hit, Scored)>>) {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(Last { query, hits });
    }

    /// Char positions of item `index` to highlight for `q`, sorted; empty when the item
    /// does not match or does not exist. Positions count chars of the original item.
    pub fn indices(&self, index: usize, q: &str) -> Vec<usize> {
        match self.folded(index) {
            Some(item) => Query::parse(q).positions(&self.matcher, item),
            None => Vec::new(),
        }
    }

    /// The last completed pass and how many of its terms `parsed` reuses, when
    /// `parsed` only extends its query.
    fn narrowing_base(&self, parsed: &Query) -> Option<(Last, usize)> {
        let last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        let prev = last.as_ref().filter(|l| parsed.extends(&l.query))?;
        let reuse = parsed.reusable_terms(&prev.query);
        Some((
            Last {
                query: prev.query.clone(),
                hits: prev.hits.clone(),
            },
            reuse,
        ))
    }

    /// Unranked hits among `candidates` (index, known score of the terms before `from`),
    /// `None` if stopped.
    pub(crate) fn score_slice(
        &self,
        q: &Query,
        candidates: &[(usize, i64)],
        from: usize,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(Hit, Scored)>> {
        let score_chunk = |chunk: &[(usize, i64)]| -> Option<Vec<(Hit, Scored)>> {
            if stop() {
                return None;
            }
            Some(
                chunk
                    .iter()
                    .filter_map(|&(index, base)| {
                        let item = self.folded(index)?;
                        let s =
                            q.score_from(&self.matcher, item, self.signatures[index], from, base)?;
                        Some((
                            Hit {
                                index,
                                score: s.total,
                            },
                            s,
                        ))
                    })
                    .collect(),
            )
        };
        let parts: Vec<Vec<(Hit, Scored)>> = if candidates.len() < PARALLEL_MIN {
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
pub(crate) fn rank<T: Ranked + Send>(hits: &mut [T]) {
    let key = |h: &T| (std::cmp::Reverse(h.hit().score), h.hit().index);
    if hits.len() < PARALLEL_MIN {
        hits.sort_unstable_by_key(key);
    } else {
        hits.par_sort_unstable_by_key(key);
    }
}

/// Anything that carries a [`Hit`], so hits and hits with split scores rank alike.
pub(crate) trait Ranked {
    fn hit(&self) -> Hit;
}

impl Ranked for Hit {
    fn hit(&self) -> Hit {
        *self
    }
}

impl Ranked for (Hit, Scored) {
    fn hit(&self) -> Hit {
        self.0
    }
}

impl Default for FilterIndex {
    /// An index of no items.
    fn default() -> Self {
        FilterIndex::new(std::iter::empty::<&str>())
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
