//! Finding known actors in any text, in one Aho-Corasick pass over every name and alias.
//!
//! The automaton reports all (overlapping) matches; those that do not sit on word
//! boundaries are dropped, then the longest match wins at each start and later matches
//! may not overlap earlier ones, so "Volodymyr Zelenskyy" is one mention, not two.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::lexicon::on_word_boundary;
use crate::model::Actor;

/// Finds mentions of known actors (by name or alias) in any text.
#[derive(Debug, Clone, Default)]
pub struct ActorMatcher {
    automaton: Option<AhoCorasick>,
    /// Pattern index -> actor index.
    owner: Vec<usize>,
    canonical: Vec<String>,
}

impl ActorMatcher {
    pub fn new(actors: &[Actor]) -> ActorMatcher {
        let mut patterns: Vec<&str> = Vec::new();
        let mut owner = Vec::new();
        for (i, a) in actors.iter().enumerate() {
            for n in a.all_names() {
                if !n.trim().is_empty() {
                    patterns.push(n);
                    owner.push(i);
                }
            }
        }
        // Building only fails past size limits far beyond any briefing's names; then the
        // matcher finds nothing rather than taking the reader down.
        let automaton = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
        };
        ActorMatcher {
            automaton,
            owner,
            canonical: actors.iter().map(|a| a.name.clone()).collect(),
        }
    }

    /// Byte ranges of every mention in `text`, with the actor's index, in text order:
    /// whole words only, longest first, never overlapping.
    pub fn find(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut all: Vec<(Range<usize>, usize)> = ac
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundary(text, m.start(), m.end()))
            .map(|m| (m.start()..m.end(), self.owner[m.pattern().as_usize()]))
            .collect();
        all.sort_by_key(|(r, i)| (r.start, std::cmp::Reverse(r.end), *i));
        let mut out: Vec<(Range<usize>, usize)> = Vec::with_capacity(all.len());
        let mut reached = 0;
        for (r, i) in all {
            if r.start >= reached {
                reached = r.end;
                out.push((r, i));
            }
        }
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
