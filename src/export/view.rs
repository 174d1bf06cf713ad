//! Narrowing a briefing to a view: one actor, a fuzzy query, or both.
//!
//! [`select`] is pure: it returns a smaller [`Briefing`] with the same invariants as the
//! original (merged points index the kept articles and key points, actors list only kept
//! articles), so the exporter and the TUI can write exactly what a view shows.

use crate::model::{Actor, Article, Briefing};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::collections::{HashMap, HashSet};

/// What to keep. An empty filter keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewFilter {
    /// Canonical name or alias of one actor (case-insensitive).
    pub actor: Option<String>,
    /// Fuzzy query over titles, key points and actor names with aliases.
    pub query: Option<String>,
    /// Only starred articles (all their points) and starred key points.
    pub starred: Option<Starred>,
}

/// What the reading state marks as starred: article content hashes, and
/// (article content hash, [`crate::state::point_key`]) pairs for key points.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Starred {
    pub articles: HashSet<String>,
    pub points: HashSet<(String, String)>,
}

impl Starred {
    /// The stars of a reading state, for the articles of a briefing.
    pub fn from_state(state: &crate::state::StateStore, b: &Briefing) -> Starred {
        let mut out = Starred::default();
        for a in &b.articles {
            if state.is_starred(&a.content_hash) {
                out.articles.insert(a.content_hash.clone());
            }
            for kp in &a.key_points {
                if state.is_point_starred(&a.content_hash, &kp.text) {
                    out.points
                        .insert((a.content_hash.clone(), crate::state::point_key(&kp.text)));
                }
            }
        }
        out
    }

    fn keeps_article(&self, a: &Article) -> bool {
        self.articles.contains(&a.content_hash)
    }

    fn keeps_point(&self, a: &Article, text: &str) -> bool {
        self.keeps_article(a)
            || self
                .points
                .contains(&(a.content_hash.clone(), crate::state::point_key(text)))
    }
}

/// Finds the actor a user named: exact name or alias first (any case), else the best
/// fuzzy match. `None` when nothing comes close.
pub fn find_actor<'a>(b: &'a Briefing, name: &str) -> Option<&'a Actor> {
    let wanted = name.trim().to_lowercase();
    b.actors
        .iter()
        .find(|a| a.all_names().any(|n| n.to_lowercase() == wanted))
        .or_else(|| {
            let m = Matcher::new(name);
            b.actors
                .iter()
                .filter_map(|a| m.best(a.all_names()).map(|s| (s, a)))
                .max_by_key(|(s, _)| *s)
                .map(|(_, a)| a)
        })
}

/// The briefing as the view shows it.
pub fn select(b: &Briefing, f: &ViewFilter) -> anyhow::Result<Briefing> {
    let actor = match &f.actor {
        Some(name) => Some(find_actor(b, name).ok_or_else(|| {
            let known: Vec<&str> = b.actors.iter().take(12).map(|a| a.name.as_str()).collect();
            anyhow::anyhow!(
                "no actor matches {name:?}; actors in this briefing include: {}",
                if known.is_empty() {
                    "(none)".to_string()
                } else {
                    known.join(", ")
                }
            )
        })?),
        None => None,
    };
    let query = f
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(Matcher::new);

    let mut out = Briefing {
        warnings: b.warnings.clone(),
        ..Briefing::default()
    };
    // (old article index, old key point index) → new pair, for merged points.
    let mut remap: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for (ai, article) in b.articles.iter().enumerate() {
        if let Some(actor) = actor {
            if !actor.articles.contains(&article.id) {
                continue;
            }
        }
        let starred_whole = f.starred.as_ref().none_or(|s| s.keeps_article(article));
        let whole = starred_whole && query.as_ref().none_or(|q| article_matches(q, article, b));
        let mut kept = article.clone();
        kept.key_points.clear();
        for (ki, kp) in article.key_points.iter().enumerate() {
            let about_actor = actor.none_or(|a| kp.actors.contains(&a.name));
            let text_ok = whole || query.as_ref().none_or(|q| q.hit(&kp.text));
            let star_ok = f
                .starred
                .as_ref()
                .none_or(|s| s.keeps_point(article, &kp.text));
            if about_actor && text_ok && star_ok {
                remap.insert((ai, ki), (out.articles.len(), kept.key_points.len()));
                kept.key_points.push(kp.clone());
            }
        }
        if whole || !kept.key_points.is_empty() {
            out.articles.push(kept);
        }
    }
    out.merged_points = b
        .merged_points
        .iter()
        .filter_map(|mp| {
            let members: Vec<(usize, usize)> = mp
                .members
                .iter()
                .filter_map(|m| remap.get(m).copied())
                .collect();
            (!members.is_empty()).then(|| crate::model::MergedPoint {
                members,
                ..mp.clone()
            })
        })
        .collect();
    // A set: actors of a 10k-article briefing name thousands of articles each.
    let kept_ids: HashSet<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
    out.actors = b
        .actors
        .iter()
        .filter(|a| match (actor, &query) {
            (Some(chosen), _) => chosen.name == a.name,
            (None, Some(q)) => q.best(a.all_names()).is_some(),
            (None, None) => true,
        })
        .map(|a| restrict_actor(a, &kept_ids))
        .filter(|a| !a.articles.is_empty())
        .collect();
    Ok(out)
}

/// An actor with only the articles and quotes that remain in the view.
fn restrict_actor(a: &Actor, kept: &HashSet<&str>) -> Actor {
    let mut a = a.clone();
    a.articles.retain(|id| kept.contains(id.as_str()));
    a.quotes.retain(|q| kept.contains(q.article.as_str()));
    a
}

/// An article matches on its title or on an actor it mentions (names and aliases).
fn article_matches(q: &Matcher, article: &Article, b: &Briefing) -> bool {
    q.hit(&article.title)
        || b.actors
            .iter()
            .filter(|a| a.articles.contains(&article.id))
            .any(|a| q.best(a.all_names()).is_some())
}

/// Skim scores about 16 per matched character plus bonuses for runs and word starts;
/// letters scattered through a sentence score 13–18 per character, runs 20 and more.
const FLOOR_PER_CHAR: i64 = 19;

/// Fuzzy matching with a floor, with the reader's query syntax: the query is folded like
/// the panes fold it (case, curly quotes and dashes) and split on spaces, and every word
/// must match the text. Unlike the panes, which rank, this keeps or drops: in long
/// sentences almost any short word is a scattered subsequence, so each word must score
/// like mostly-contiguous characters to count.
struct Matcher {
    inner: SkimMatcherV2,
    /// Folded words, each with its floor.
    words: Vec<(String, i64)>,
}

impl Matcher {
    fn new(query: &str) -> Self {
        let words = crate::filter::fold::fold(query)
            .split_whitespace()
            .map(|w| (w.to_string(), w.chars().count() as i64 * FLOOR_PER_CHAR))
            .collect();
        Matcher {
            inner: SkimMatcherV2::default(),
            words,
        }
    }

    fn score(&self, text: &str) -> Option<i64> {
        let text = crate::filter::fold::fold(text);
        self.words.iter().try_fold(0, |total, (word, floor)| {
            self.inner
                .fuzzy_match(&text, word)
                .filter(|s| s >= floor)
                .map(|s| total + s)
        })
    }

    fn hit(&self, text: &str) -> bool {
        self.score(text).is_some()
    }

    fn best<'a>(&self, names: impl Iterator<Item = &'a str>) -> Option<i64> {
        names.filter_map(|n| self.score(n)).max()
    }
}

/// `Option::is_none_or` for the MSRV, named for what it means here.
trait NoneOrMatch<T> {
    fn none_or(self, f: impl FnOnce(T) -> bool) -> bool;
}

impl<T> NoneOrMatch<T> for Option<T> {
    fn none_or(self, f: impl FnOnce(T) -> bool) -> bool {
        self.map_or(true, f)
    }
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
