//! Derived summaries: key points and actors, offline and deterministic.
//!
//! Order matters: actors are found first (across the whole briefing, so aliases merge
//! across articles), then each article's key points are ranked and tagged with the actors
//! they mention, then the key points of all articles are merged into the briefing table.

pub mod actors;
pub mod keypoints;
pub mod merge;
pub mod sentences;
pub mod text;

use crate::model::{Article, Briefing};

/// Fills key points, actors and merged points of a briefing whose articles are ingested.
/// Articles whose summary was supplied by a summary file keep their key points.
pub fn derive_briefing(briefing: &mut Briefing) {
    let actors = actors::extract(&briefing.articles);
    let matcher = actors::ActorMatcher::new(&actors);
    // One ranker for the briefing: each distinct word is stemmed once, not once per article.
    let mut ranker = keypoints::Ranker::default();
    for article in &mut briefing.articles {
        if article.key_points.is_empty() {
            article.key_points = ranker.rank(article);
        }
        tag_actors(article, &matcher);
    }
    briefing.merged_points = merge::merge(&briefing.articles);
    briefing.actors = actors;
}

fn tag_actors(article: &mut Article, matcher: &actors::ActorMatcher) {
    for kp in &mut article.key_points {
        if kp.actors.is_empty() {
            kp.actors = matcher.names_in(&kp.text);
        }
    }
}
