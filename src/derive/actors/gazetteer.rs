//! The packaged word lists and gazetteers (see `lexicon/NOTICE.md` for their sources and
//! licences), parsed once into hash tables the candidate and kind steps look words up in.
//!
//! - [`Gazetteer::is_word`]: a lower-case English word (SCOWL), so a capitalised token of
//!   that spelling at a sentence start needs evidence before it counts as a name;
//! - [`Gazetteer::given`]: a given name, with the sexes it is recorded for (US Census);
//! - [`Gazetteer::surname`]: a surname of the US Census lists;
//! - [`Gazetteer::not_actor`]: a word for a kind of people ("Kurds", "Islamic") or a
//!   capitalised common noun ("Oscars", "PC", "AIDS"), never an actor alone (WordNet,
//!   keshvar nationalities);
//! - [`Gazetteer::kinds`]: the kinds a whole proper name is known as: places from GeoNames
//!   and keshvar (countries, capitals, subdivisions, towns), people, places and
//!   organisations from WordNet's instance nouns.
//!
//! Countries, capitals and WordNet organisations also feed the curated lexicon's automaton
//! (see `lexicon.rs`), so they are found inside longer runs; the rest is looked up by whole
//! candidate name, which is one hash probe per candidate rather than a pass over the text.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// Where a name is known from, strongest first for places.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Kinds {
    pub person: bool,
    pub org: bool,
    /// 0 none, 1 a town, 2 a big city, a state or subdivision or a WordNet place, 3 a
    /// country or capital.
    pub place: u8,
}

impl Kinds {
    fn with(mut self, letter: &str) -> Kinds {
        match letter {
            "N" | "C" => self.place = 3,
            "S" | "B" | "place" => self.place = self.place.max(2),
            "T" => self.place = self.place.max(1),
            "person" => self.person = true,
            "organization" => self.org = true,
            _ => {}
        }
        self
    }
}

/// Sexes a given name is recorded for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Sexes {
    pub male: bool,
    pub female: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    words: HashSet<Box<str>>,
    given: HashMap<Box<str>, Sexes>,
    surnames: HashSet<Box<str>>,
    /// Kinds of people and capitalised common nouns.
    groups: HashSet<Box<str>>,
    kinds: HashMap<Box<str>, Kinds>,
    /// Countries, capitals and WordNet organisations of two words or more, for the
    /// automaton: (kind letter, spellings of one entry).
    pub strong: Vec<(&'static str, Vec<&'static str>)>,
}

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            words: lines(include_str!("lexicon/words.txt"))
                .map(Box::from)
                .collect(),
            surnames: lines(include_str!("lexicon/surnames.txt"))
                .map(Box::from)
                .collect(),
            groups: lines(include_str!("lexicon/groups.txt"))
                .chain(lines(include_str!("lexicon/nouns.txt")))
                .map(Box::from)
                .collect(),
            ..Gazetteer::default()
        };
        for line in lines(include_str!("lexicon/given_names.txt")) {
            let (name, sexes) = line.split_once(' ').unwrap_or((line, ""));
            let s = Sexes {
                male: sexes.contains('M'),
                female: sexes.contains('F'),
            };
            g.given.insert(Box::from(name), s);
        }
        let typed = lines(include_str!("lexicon/geo.txt"))
            .chain(lines(include_str!("lexicon/wordnet.txt")));
        for line in typed {
            let Some((kind, names)) = line.split_once('\t') else {
                continue;
            };
            let names: Vec<&'static str> = names.split('|').filter(|n| !n.is_empty()).collect();
            for n in &names {
                let k = g.kinds.entry(Box::from(*n)).or_default();
                *k = k.with(kind);
            }
            if matches!(kind, "N" | "C") {
                g.strong.push((kind, names));
            } else if kind == "organization" {
                // Each spelling its own entry: WordNet's synonyms are too loose to merge on
                // ("Six Nations" is listed as the Iroquois League, "BT" as Brains Trust).
                let long = names.iter().filter(|n| n.contains(' '));
                g.strong.extend(long.map(|n| (kind, vec![*n])));
            }
        }
        g
    }

    /// `word` (any case) is an English word when written in lower case.
    pub fn is_word(&self, word: &str) -> bool {
        if word.chars().all(|c| c.is_lowercase()) {
            return self.words.contains(word);
        }
        self.words.contains(word.to_lowercase().as_str())
    }

    pub fn given(&self, word: &str) -> Option<Sexes> {
        self.given.get(word).copied()
    }

    pub fn surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// A word for a kind of people or their adjective, or a capitalised common noun,
    /// singular or plural, in any case ("Kurds", "Oscars", "Aids").
    pub fn not_actor(&self, word: &str) -> bool {
        let known = |w: &str| {
            self.groups.contains(w) || {
                let loud = w.to_uppercase();
                loud != w && loud.len() <= 5 && self.groups.contains(loud.as_str())
            }
        };
        known(word) || word.strip_suffix('s').is_some_and(known)
    }

    pub fn kinds(&self, name: &str) -> Kinds {
        self.kinds.get(name).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_their_kinds() {
        let g = Gazetteer::get();
        assert!(g.is_word("Rival") && g.is_word("analysts") && !g.is_word("Yukos"));
        assert!(g.given("Tony").is_some_and(|s| s.male));
        assert!(g.given("Mary").is_some_and(|s| s.female && !s.male));
        assert!(g.not_actor("Kurds") && g.not_actor("Islamic") && g.not_actor("Oscars"));
        assert!(g.not_actor("Aids") && g.not_actor("PC") && !g.not_actor("Sony"));
        assert!(g.surname("Davenport") && !g.surname("Gameboy"));
        assert_eq!(g.kinds("France").place, 3);
        assert!(g.kinds("Milwaukee").place >= 1);
        assert!(g.kinds("Tony Blair").person);
        assert!(g.kinds("Red Cross").org);
        assert_eq!(g.kinds("Zzyzx Qqq"), Kinds::default());
    }
}
