//! Reading marks: read/unread and stars, in one small value the persistence layer can
//! save and load as a whole. Articles are keyed by content hash (so moving a folder keeps
//! the marks) and key points by (article hash, hash of the point's text).

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// Content hashes of articles marked read.
    pub read: BTreeSet<String>,
    /// Content hashes of starred articles.
    pub starred: BTreeSet<String>,
    /// (article content hash, [`point_key`] of the text) of starred key points.
    pub starred_points: BTreeSet<(String, String)>,
}

/// The starred rule, one for the reader's "starred only" (`S`, and `e` under it) and for
/// `brief export --starred`: a starred article counts whole, with every key point; a
/// starred key point counts on its own, and brings its article with only the starred
/// points. `crate::export::view::Starred` applies the same two functions' logic to the
/// state file's marks, and `tests/it/app_starred.rs` holds the two to the same result.
pub fn starred_keeps_point(article_starred: bool, point_starred: bool) -> bool {
    article_starred || point_starred
}

/// The article side of the starred rule: listed when starred or when any point is.
pub fn starred_keeps_article(article_starred: bool, any_point_starred: bool) -> bool {
    article_starred || any_point_starred
}

/// What `undo` takes back: the articles a "mark all read" marked (those already read
/// stay read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Undo {
    pub marked_read: Vec<String>,
}

/// The stable key of a key point's text, so a point keeps its star when its rank changes
/// but loses it when its wording does. The state file's own key, so marks made here and
/// marks read from disk (and `brief export --starred`) agree.
pub use crate::state::point_key;

impl Marks {
    pub fn is_read(&self, article_hash: &str) -> bool {
        self.read.contains(article_hash)
    }

    pub fn set_read(&mut self, article_hash: &str, read: bool) {
        set(&mut self.read, article_hash.to_string(), read);
    }

    pub fn is_starred(&self, article_hash: &str) -> bool {
        self.starred.contains(article_hash)
    }

    pub fn toggle_star(&mut self, article_hash: &str) -> bool {
        let on = !self.is_starred(article_hash);
        set(&mut self.starred, article_hash.to_string(), on);
        on
    }

    pub fn is_point_starred(&self, article_hash: &str, text: &str) -> bool {
        self.starred_points
            .contains(&(article_hash.to_string(), point_key(text)))
    }

    pub fn toggle_point_star(&mut self, article_hash: &str, text: &str) -> bool {
        let key = (article_hash.to_string(), point_key(text));
        let on = !self.starred_points.contains(&key);
        set(&mut self.starred_points, key, on);
        on
    }

    /// Whether "starred only" lists the article (see [`starred_keeps_article`]).
    pub fn keeps_starred_article(&self, a: &crate::model::Article) -> bool {
        let hash = &a.content_hash;
        starred_keeps_article(
            self.is_starred(hash),
            a.key_points
                .iter()
                .any(|k| self.is_point_starred(hash, &k.text)),
        )
    }

    /// Whether "starred only" shows the key point (see [`starred_keeps_point`]).
    pub fn keeps_starred_point(&self, article_hash: &str, text: &str) -> bool {
        starred_keeps_point(
            self.is_starred(article_hash),
            self.is_point_starred(article_hash, text),
        )
    }

    /// Takes every mark of `other` too (two sessions' marks combined; never loses one).
    pub fn merge(&mut self, other: &Marks) {
        self.read.extend(other.read.iter().cloned());
        self.starred.extend(other.starred.iter().cloned());
        self.starred_points
            .extend(other.starred_points.iter().cloned());
    }
}

fn set<T: Ord>(s: &mut BTreeSet<T>, key: T, on: bool) {
    if on {
        s.insert(key);
    } else {
        s.remove(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_and_star_toggle_independently() {
        let mut m = Marks::default();
        m.set_read("h1", true);
        assert!(m.is_read("h1") && !m.is_starred("h1"));
        assert!(m.toggle_star("h1"));
        assert!(!m.toggle_star("h1"));
        m.set_read("h1", false);
        assert_eq!(m, Marks::default());
    }

    #[test]
    fn point_stars_follow_text_not_rank() {
        let mut m = Marks::default();
        assert!(m.toggle_point_star("h", "Talks resumed."));
        assert!(m.is_point_starred("h", " Talks resumed. "));
        assert!(!m.is_point_starred("h", "Talks resumed!"));
        assert!(!m.is_point_starred("other", "Talks resumed."));
    }

    #[test]
    fn merge_keeps_both_sides() {
        let mut a = Marks::default();
        a.set_read("x", true);
        let mut b = Marks::default();
        b.toggle_star("y");
        a.merge(&b);
        assert!(a.is_read("x") && a.is_starred("y"));
    }
}
