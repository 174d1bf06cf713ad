//! The shipped word lists, parsed once into hash sets and one Aho-Corasick automaton.
//!
//! The lists live beside this file as plain text (`lexicon/*.txt`) and are compiled in with
//! `include_str!`, so extraction is offline and deterministic. Known places and
//! organisations ("entries") carry a canonical name and every spelling; the automaton finds
//! all of them in a text in one pass, and [`Lexicon::entries_in`] keeps the hits that sit on
//! word boundaries. The other lists are sets the candidate and role steps consult per token.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::gazetteer::Gazetteer;
use crate::model::ActorKind;

/// A known place or organisation.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub canonical: String,
    pub kind: ActorKind,
}

/// One lexicon hit in a text: the byte range and the entry it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

#[derive(Debug)]
pub(crate) struct Lexicon {
    pub entries: Vec<Entry>,
    /// Spelling -> entry, exactly as written in the lists.
    #[cfg_attr(not(test), allow(dead_code))]
    pub spelling: HashMap<String, usize>,
    /// Case-insensitive so all-caps headlines match too; hits are checked for case after.
    automaton: AhoCorasick,
    patterns: Vec<(String, usize)>,
    pub demonyms: HashSet<String>,
    pub titles: HashSet<String>,
    pub honorifics: HashSet<String>,
    pub role_heads: HashSet<String>,
    pub role_words: HashSet<String>,
    pub common: HashSet<String>,
    pub org_cues: HashSet<String>,
    pub first_names: HashSet<String>,
    /// Lower-cased given name -> variant group id.
    pub name_variants: HashMap<String, usize>,
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(text: &str) -> HashSet<String> {
    lines(text).map(str::to_string).collect()
}

impl Lexicon {
    /// The lexicon built from the shipped lists (parsed on first use).
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut entries = Vec::new();
        let mut spelling = HashMap::default();
        let lists = [
            (include_str!("lexicon/places.txt"), ActorKind::Place),
            (include_str!("lexicon/orgs.txt"), ActorKind::Organization),
        ];
        for (text, kind) in lists {
            for line in lines(text) {
                let id = entries.len();
                let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
                let Some(canonical) = names.next() else {
                    continue;
                };
                entries.push(Entry {
                    canonical: canonical.to_string(),
                    kind,
                });
                spelling.entry(canonical.to_string()).or_insert(id);
                for n in names {
                    spelling.entry(n.to_string()).or_insert(id);
                }
            }
        }
        add_packaged(&mut entries, &mut spelling);
        let mut patterns: Vec<(String, usize)> =
            spelling.iter().map(|(k, v)| (k.clone(), *v)).collect();
        patterns.sort();
        // The lists are fixed at build time and tested, so a failure here is a bug in them.
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // Built once and run over every text: the fastest search is worth its memory.
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|(k, _)| k.as_str()))
            .unwrap_or_else(|e| panic!("shipped lexicon does not build: {e}"));
        let mut role_heads = HashSet::default();
        let mut role_words = HashSet::default();
        for w in lines(include_str!("lexicon/role_words.txt")) {
            let bare = w.trim_end_matches('*');
            if w.ends_with('*') {
                role_heads.insert(bare.to_string());
            }
            role_words.insert(bare.to_string());
        }
        let mut name_variants = HashMap::default();
        for (group, line) in lines(include_str!("lexicon/first_name_variants.txt")).enumerate() {
            for n in line.split('|') {
                name_variants.insert(n.trim().to_lowercase(), group);
            }
        }
        let first_names = lines(include_str!("lexicon/first_names.txt"))
            .flat_map(str::split_whitespace)
            .map(str::to_string)
            .collect();
        Lexicon {
            entries,
            spelling,
            automaton,
            patterns,
            demonyms: set(include_str!("lexicon/demonyms.txt")),
            titles: set(include_str!("lexicon/titles.txt")),
            honorifics: set(include_str!("lexicon/honorifics.txt")),
            role_heads,
            role_words,
            common: set(include_str!("lexicon/common.txt")),
            org_cues: set(include_str!("lexicon/org_cues.txt")),
            first_names,
            name_variants,
        }
    }

    /// Known places and organisations in `text`, on word boundaries, leftmost-longest.
    /// Case must match the list unless `shouting` (an all-caps line).
    pub fn entries_in(&self, text: &str, shouting: bool) -> Vec<Hit> {
        let mut out = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !on_word_boundary(text, start, end) {
                continue;
            }
            let found = &text[start..end];
            let (pattern, entry) = &self.patterns[m.pattern().as_usize()];
            let exact = found == pattern;
            // All-caps words ("NEW YORK" in a results table) are the name shouted, even
            // in a line that is not all caps; short ones must be a shouting line ("IN").
            let caps = !found.chars().any(char::is_lowercase);
            let loud = caps && (shouting || found.len() > 3);
            if exact || loud {
                out.push(Hit {
                    start,
                    end,
                    entry: *entry,
                });
            }
        }
        out
    }

    /// The entry a whole name spells exactly, if any.
    #[cfg(test)]
    pub fn entry_of(&self, name: &str) -> Option<usize> {
        self.spelling.get(name).copied()
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word) || self.honorifics.contains(word)
    }

    pub fn is_role_word(&self, word: &str) -> bool {
        self.role_words.contains(&word.to_lowercase())
    }

    pub fn same_given_name(&self, a: &str, b: &str) -> bool {
        let (a, b) = (a.to_lowercase(), b.to_lowercase());
        match (self.name_variants.get(&a), self.name_variants.get(&b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }
}

/// Countries, capitals and organisations from the packaged gazetteer, unless a curated
/// line already spells them (the curated line keeps its aliases and canonical name).
/// Two-letter acronyms and given names ("Victoria") are left to the candidate step: as
/// entries they would cut "Victoria Beckham" in two.
fn add_packaged(entries: &mut Vec<Entry>, spelling: &mut HashMap<String, usize>) {
    let g = Gazetteer::get();
    for (kind, names) in &g.strong {
        let kind = if *kind == "organization" {
            ActorKind::Organization
        } else {
            ActorKind::Place
        };
        let usable: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| n.chars().count() > 2 && g.given(n).is_none())
            .collect();
        let Some(canonical) = usable.first() else {
            continue;
        };
        if usable.iter().any(|n| spelling.contains_key(*n)) {
            continue;
        }
        let id = entries.len();
        entries.push(Entry {
            canonical: canonical.to_string(),
            kind,
        });
        for n in usable {
            spelling.insert(n.to_string(), id);
        }
    }
}

/// True when `start..end` neither starts nor ends inside a word.
pub(crate) fn on_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_spellings_share_an_entry() {
        let lex = Lexicon::get();
        let us = lex.entry_of("U.S.");
        assert!(us.is_some());
        assert_eq!(us, lex.entry_of("United States"));
        assert_eq!(lex.entry_of("Kiev"), lex.entry_of("Kyiv"));
        assert_ne!(lex.entry_of("Kiev"), lex.entry_of("Moscow"));
        assert!(lex.demonyms.contains("British"));
        assert!(lex.role_heads.contains("spokesperson"));
    }

    #[test]
    fn hits_respect_case_and_word_boundaries() {
        let lex = Lexicon::get();
        let hits = lex.entries_in("the US and us, USAID and NATO's plan", false);
        let found: Vec<_> = hits
            .iter()
            .map(|h| lex.entries[h.entry].canonical.as_str())
            .collect();
        assert_eq!(found, vec!["United States", "NATO"]);
        let loud = lex.entries_in("UKRAINE TALKS IN LONDON", true);
        assert_eq!(loud.len(), 2);
    }
}
