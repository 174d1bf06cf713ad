//! Ranking an article's sentences into key points.

use crate::model::{Article, KeyPoint};

/// The article's key points, best first.
pub fn rank(article: &Article) -> Vec<KeyPoint> {
    let _ = article;
    Vec::new()
}
