//! What each pane's fuzzy query keeps, through the one filter engine ([`crate::filter`]).
//!
//! [`PaneFilters`] holds a [`FilterIndex`] per briefing-wide item set — articles (title,
//! then source), the merged key points, actors (name, then aliases) — built once per
//! load. A query over a set of at most [`BACKGROUND_MIN`] items ranks at once, on the
//! calling thread. A larger one is not ranked here: [`PaneFilters::rank`] answers with
//! the newest ranking it has (or every item) and asks the shell, through
//! [`super::Request::Filter`], to run the query on a [`crate::filter::FilterWorker`];
//! [`AppState::apply_filter`] takes the partial and complete rankings as they arrive
//! and drops those for a query the user has since changed. So a keystroke never waits
//! on a pass over a million key points, and the core stays free of threads.
//! The selected article's own key points and the help rows are small and always rank
//! at once ([`rank_small`]).

use super::{AppState, Pane, Request};
use crate::filter::{FilterIndex, Hit};
use crate::model::Briefing;
use std::sync::Arc;

/// Items above which a pane filters in the background. One full pass over 20k short
/// items takes about 8–12 ms on one core of the 2-core machine we measure on (benches/
/// filter.rs: 100k items take 40–60 ms), so up to here a keystroke stays within a frame.
pub const BACKGROUND_MIN: usize = 20_000;

/// A ranking of one pane's items for one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Ranking {
    query: String,
    /// Item indices, best first.
    items: Vec<usize>,
    complete: bool,
}

/// The filter indices of a briefing and the background rankings received for them.
#[derive(Debug)]
pub struct PaneFilters {
    pub articles: Arc<FilterIndex>,
    pub merged: Arc<FilterIndex>,
    pub actors: Arc<FilterIndex>,
    /// Per pane: the newest ranking from the background.
    received: [Option<Ranking>; 3],
    /// Per pane: the query the background is working on.
    pending: [Option<String>; 3],
    /// Sets larger than this filter in the background: [`BACKGROUND_MIN`] unless the
    /// shell was told otherwise (the end-to-end tests send small sets there too).
    pub background_min: usize,
}

impl Default for PaneFilters {
    fn default() -> Self {
        PaneFilters::new(&Briefing::default())
    }
}

impl PaneFilters {
    pub fn new(b: &Briefing) -> PaneFilters {
        let joined = |first: &str, rest: &mut dyn Iterator<Item = &str>| {
            let mut s = first.to_string();
            for r in rest {
                s.push(' ');
                s.push_str(r);
            }
            s
        };
        PaneFilters {
            articles: Arc::new(FilterIndex::new(
                b.articles
                    .iter()
                    .map(|a| joined(&a.title, &mut a.source.iter().map(String::as_str))),
            )),
            merged: Arc::new(FilterIndex::new(
                b.merged_points.iter().map(|m| m.text.as_str()),
            )),
            actors: Arc::new(FilterIndex::new(
                b.actors
                    .iter()
                    .map(|a| joined(&a.name, &mut a.aliases.iter().map(String::as_str))),
            )),
            received: Default::default(),
            pending: Default::default(),
            background_min: BACKGROUND_MIN,
        }
    }

    /// The briefing-wide index a pane filters (`briefing_points`: the key points pane
    /// lists the merged points); `None` for one article's key points.
    pub fn index(&self, pane: Pane, briefing_points: bool) -> Option<&Arc<FilterIndex>> {
        match pane {
            Pane::List => Some(&self.articles),
            Pane::Points if briefing_points => Some(&self.merged),
            Pane::Points => None,
            Pane::Actors => Some(&self.actors),
        }
    }

    /// Whether the pane waits on a background pass (the status bar says so).
    pub fn is_pending(&self, pane: Pane) -> bool {
        self.pending[pane.index()].is_some()
    }

    /// Item indices of `index` matching `query`, best first, kept by `keep`; queues a
    /// background pass (in `requests`) when the set is large and no ranking for this
    /// query has arrived yet.
    pub(super) fn rank(
        &mut self,
        pane: Pane,
        index: &FilterIndex,
        query: &str,
        keep: impl Fn(usize) -> bool,
        requests: &mut Vec<Request>,
    ) -> Vec<usize> {
        let i = pane.index();
        if query.trim().is_empty() || index.len() <= self.background_min {
            self.pending[i] = None;
            return hits_kept(index.query(query), keep);
        }
        let got = self.received[i].as_ref();
        if !got.is_some_and(|r| r.query == query && r.complete)
            && self.pending[i].as_deref() != Some(query)
        {
            self.pending[i] = Some(query.to_string());
            requests.push(Request::Filter {
                pane,
                query: query.to_string(),
            });
        }
        match got {
            // The newest ranking, even one for a shorter query: better than nothing
            // while the pass for this one runs.
            Some(r) => r.items.iter().copied().filter(|&x| keep(x)).collect(),
            None => (0..index.len()).filter(|&x| keep(x)).collect(),
        }
    }
}

fn hits_kept(hits: Vec<Hit>, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    hits.into_iter()
        .map(|h| h.index)
        .filter(|&x| keep(x))
        .collect()
}

/// Indices of `items` matching `query`, best first (equal scores keep item order); every
/// item in order for an empty query. For small sets, ranked at once.
pub fn rank_small<I, S>(items: I, query: &str) -> Vec<usize>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    FilterIndex::new(items)
        .query(query)
        .into_iter()
        .map(|h| h.index)
        .collect()
}

/// Char positions of `text` to highlight for `query`: where each term of the query that
/// matches `text` matches. Per term, because an item matches when each term matches
/// any of its forms: "kyiv reuters" shows a title that says Kyiv and a source Reuters.
pub fn highlight(text: &str, query: &str) -> Vec<usize> {
    let index = FilterIndex::new([text]);
    let mut out: Vec<usize> = query
        .split_whitespace()
        .flat_map(|term| index.indices(0, term))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl AppState {
    /// A ranking from the background for `query` in `pane`: partial ones show at once,
    /// the complete one replaces them; rankings for a query the pane no longer has are
    /// dropped. True when the screen changed.
    pub fn apply_filter(
        &mut self,
        pane: Pane,
        query: &str,
        items: Vec<usize>,
        complete: bool,
    ) -> bool {
        let i = pane.index();
        if self.filters.pending[i].as_deref() != Some(query) || self.query(pane) != query {
            return false;
        }
        if complete {
            self.filters.pending[i] = None;
        }
        self.filters.received[i] = Some(Ranking {
            query: query.to_string(),
            items,
            complete,
        });
        self.refresh();
        true
    }

    /// Rebuilds the filter indices for a new briefing.
    pub(crate) fn rebuild_filters(&mut self) {
        let min = self.filters.background_min;
        self.filters = PaneFilters::new(&self.briefing);
        self.filters.background_min = min;
    }
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
