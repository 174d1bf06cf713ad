//! Merging the key points of all articles into one briefing-wide table.

use crate::model::{Article, MergedPoint};

/// Key points of all articles, near-duplicates grouped, best first.
pub fn merge(articles: &[Article]) -> Vec<MergedPoint> {
    let _ = articles;
    Vec::new()
}
