//! The summary stage of opening a briefing, in the one order that is correct: supplied
//! summaries first (so derive keeps their key points), cached or freshly ranked key points
//! for the rest, the briefing-wide derivation (cached too: `briefing_cache.rs`), then
//! supplied actors on top of derived ones.

use super::apply::apply_articles;
use crate::cache::{fill_key_points, SummaryCache};
use crate::derive::keypoints;
use crate::model::{Briefing, SummaryOrigin};

/// Fills every summary field of an ingested briefing. `summary_files: false` ignores
/// `*.summary.toml` (the built-in sample, `brief derive --write --force`).
pub fn summarize(briefing: &mut Briefing, cache: &SummaryCache, summary_files: bool) {
    summarize_counting(briefing, cache, summary_files, &|| {});
}

/// [`summarize`], calling `ranked` after each article whose key points were ranked (not
/// taken from the cache), so a loading screen can count.
pub fn summarize_counting(
    briefing: &mut Briefing,
    cache: &SummaryCache,
    summary_files: bool,
    ranked: &(dyn Fn() + Sync),
) {
    let supplied = summary_files.then(|| apply_articles(&mut briefing.articles));
    fill_key_points(&mut briefing.articles, cache, |a| {
        let points = keypoints::rank(a);
        ranked();
        points
    });
    super::briefing_cache::derive_cached(briefing, cache);
    if let Some(s) = supplied {
        s.merge_into(briefing);
    }
}

/// Replaces supplied summaries with derived ones in an opened briefing (what
/// `--force` writes). A supplied title stays: the derived one is no longer known.
pub fn rederive(briefing: &mut Briefing, cache: &SummaryCache) {
    if !briefing
        .articles
        .iter()
        .any(|a| matches!(a.summary, SummaryOrigin::Supplied { .. }))
    {
        return;
    }
    // Everything derived may carry names of supplied actors, so all of it goes.
    for a in &mut briefing.articles {
        a.key_points.clear();
        a.actors.clear();
        a.summary = SummaryOrigin::Derived;
    }
    summarize(briefing, cache, false);
}
