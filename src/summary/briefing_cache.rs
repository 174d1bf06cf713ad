//! The briefing-wide half of derivation, cached: actors merged across articles, the
//! merged key point table and the actors tagged on each key point depend on every
//! article at once, so the per-article cache cannot hold them, and on a warm open of
//! 10k articles they were nine tenths of the time (3.1 s of open()'s 3.4 s).
//!
//! The entry is keyed by a hash of everything [`derive_briefing`] reads once the key
//! points are filled: each article's id, content hash and key points (text, score,
//! supplied actors, location), in order. Any change to one article, to a supplied
//! summary or to the set of files is a different key, so a stale entry is never read;
//! it is only left behind for `brief`'s cache clearing. A miss, or an entry whose shape
//! does not fit the briefing, derives afresh and stores the result.

use crate::cache::SummaryCache;
use crate::derive::derive_briefing;
use crate::model::{Actor, Article, Briefing, MergedPoint};
use serde::{Deserialize, Serialize};

const KIND: &str = "briefing";

#[derive(Serialize, Deserialize)]
struct Derived {
    actors: Vec<Actor>,
    merged_points: Vec<MergedPoint>,
    /// Per article, per key point: the actors it names.
    point_actors: Vec<Vec<Vec<String>>>,
}

/// `derive_briefing`, through the cache.
pub fn derive_cached(briefing: &mut Briefing, cache: &SummaryCache) {
    let key = cache.dir().map(|_| key_of(&briefing.articles));
    if let Some(key) = &key {
        if let Some(d) = cache.get::<Derived>(KIND, key) {
            if fits(&d, &briefing.articles) {
                apply(briefing, d);
                return;
            }
        }
    }
    derive_briefing(briefing);
    if let Some(key) = key {
        let d = Derived {
            actors: briefing.actors.clone(),
            merged_points: briefing.merged_points.clone(),
            point_actors: briefing
                .articles
                .iter()
                .map(|a| a.key_points.iter().map(|k| k.actors.clone()).collect())
                .collect(),
        };
        // A cache that cannot be written only costs time on the next open.
        let _ = cache.put(KIND, &key, &d);
    }
}

/// The hex hash of what derivation reads, for the entry's name.
fn key_of(articles: &[Article]) -> String {
    let mut h = blake3::Hasher::new();
    let mut field = |bytes: &[u8]| {
        // Length-prefixed, so two fields can never run together into the same bytes.
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(&(articles.len() as u64).to_le_bytes());
    for a in articles {
        field(a.id.as_bytes());
        field(a.content_hash.as_bytes());
        field(&(a.key_points.len() as u64).to_le_bytes());
        for k in &a.key_points {
            field(k.text.as_bytes());
            field(&k.score.to_bits().to_le_bytes());
            field(k.actors.join("\u{1f}").as_bytes());
            field(format!("{:?}", k.location).as_bytes());
        }
    }
    h.finalize().to_hex().to_string()
}

/// Whether a cached entry can belong to these articles: the same number of articles
/// and of key points in each (the hash says the rest; this guards against a damaged
/// entry that still parses).
fn fits(d: &Derived, articles: &[Article]) -> bool {
    d.point_actors.len() == articles.len()
        && d.point_actors
            .iter()
            .zip(articles)
            .all(|(p, a)| p.len() == a.key_points.len())
        && d.merged_points.iter().all(|m| {
            m.members
                .iter()
                .all(|&(a, k)| articles.get(a).is_some_and(|art| k < art.key_points.len()))
        })
}

fn apply(briefing: &mut Briefing, d: Derived) {
    for (a, actors) in briefing.articles.iter_mut().zip(d.point_actors) {
        for (k, names) in a.key_points.iter_mut().zip(actors) {
            k.actors = names;
        }
    }
    briefing.actors = d.actors;
    briefing.merged_points = d.merged_points;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KeyPoint;

    fn briefing() -> Briefing {
        let article = |id: &str, hash: &str, texts: &[&str]| Article {
            id: id.into(),
            content_hash: hash.into(),
            title: format!("Article {id}"),
            key_points: texts
                .iter()
                .map(|t| KeyPoint {
                    text: (*t).into(),
                    score: 0.5,
                    ..KeyPoint::default()
                })
                .collect(),
            ..Article::default()
        };
        Briefing {
            articles: vec![
                article("a", "aa11", &["Elena Markova said the deal was close."]),
                article(
                    "b",
                    "bb22",
                    &["Elena Markova welcomed the deal.", "Ships left."],
                ),
            ],
            ..Briefing::default()
        }
    }

    #[test]
    fn a_warm_derive_gives_what_a_cold_one_gave() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = SummaryCache::at(dir.path());
        let mut cold = briefing();
        derive_cached(&mut cold, &cache);
        let mut plain = briefing();
        derive_briefing(&mut plain);
        assert_eq!(cold, plain, "the cache never changes a result");
        let mut warm = briefing();
        derive_cached(&mut warm, &cache);
        assert_eq!(warm, plain);
    }

    #[test]
    fn any_change_to_what_derive_reads_changes_the_key() {
        let base = key_of(&briefing().articles);
        let mut changes: Vec<Briefing> = Vec::new();
        let mut b = briefing();
        b.articles[0].content_hash = "aa12".into();
        changes.push(b);
        let mut b = briefing();
        b.articles[1].key_points[1].text = "Ships left port.".into();
        changes.push(b);
        let mut b = briefing();
        b.articles[1].key_points[0].score = 0.6;
        changes.push(b);
        let mut b = briefing();
        b.articles[0].key_points[0].actors = vec!["Elena Markova".into()];
        changes.push(b);
        let mut b = briefing();
        b.articles.swap(0, 1);
        changes.push(b);
        let mut b = briefing();
        b.articles.pop();
        changes.push(b);
        for (i, b) in changes.iter().enumerate() {
            assert_ne!(key_of(&b.articles), base, "change {i} kept the key");
        }
        assert_eq!(
            key_of(&briefing().articles),
            base,
            "the key is deterministic"
        );
    }

    #[test]
    fn an_entry_that_does_not_fit_is_derived_afresh() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = SummaryCache::at(dir.path());
        let key = key_of(&briefing().articles);
        let bogus = Derived {
            actors: Vec::new(),
            merged_points: vec![MergedPoint {
                members: vec![(7, 7)],
                ..MergedPoint::default()
            }],
            point_actors: vec![Vec::new()],
        };
        cache.put(KIND, &key, &bogus).expect("store");
        let mut b = briefing();
        derive_cached(&mut b, &cache);
        let mut plain = briefing();
        derive_briefing(&mut plain);
        assert_eq!(b, plain);
    }
}
