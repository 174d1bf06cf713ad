//! Bare surnames as aliases: once merging is done, each person's surname becomes an alias
//! when it is theirs in the briefing — no other person has it, or they are named in at
//! least three times as many articles as all the others with that surname together (Tony
//! Blair beside Cherie and Ian Blair) — and it stands alone somewhere in the briefing (not
//! inside a longer name), so "Healey met NATO" counts as a mention of John Healey even
//! where the bare name was never a candidate (a sentence start). One Aho-Corasick pass
//! over the texts finds the bare surnames.
//!
//! [`Surnames`] keeps, per alias, every person with that surname, so the counting step
//! can give "Mrs Blair" in an article about Cherie Blair to her rather than to the
//! briefing's main Blair (see [`Surnames::resolve`]).

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::casing::Casing;
use super::gazetteer::{Gazetteer, Sexes};
use super::lexicon::{on_word_boundary, Lexicon};
use super::merge::Cluster;
use super::names;
use crate::model::ActorKind;

/// A surname's owner must be named in this many times the articles of all the others.
const DOMINANCE: usize = 3;

/// Every person sharing each bare-surname alias, and the sexes of each person.
#[derive(Debug, Default)]
pub(crate) struct Surnames {
    /// Alias as written -> person clusters with that surname (the alias owner first).
    pub owners: HashMap<String, Vec<usize>>,
    sexes: HashMap<usize, Sexes>,
}

impl Surnames {
    /// Who a bare surname at byte `at` of `text` names, when the matcher gave it to
    /// `owner`: the one person of that surname whose full name the article gives (`named`
    /// says whether cluster i is named in full in the article), after an honorific that
    /// fits their sex; else `owner`.
    pub fn resolve(
        &self,
        surname: &str,
        text: &str,
        at: usize,
        owner: usize,
        named: &dyn Fn(usize) -> bool,
    ) -> usize {
        let Some(all) = self.owners.get(surname) else {
            return owner;
        };
        let before = text[..at].split_whitespace().next_back().unwrap_or("");
        let fits = |c: &usize| {
            let s = self.sexes.get(c).copied().unwrap_or(Sexes {
                male: true,
                female: true,
            });
            match before.trim_end_matches('.') {
                "Mr" | "Sir" | "Lord" => s.male,
                "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" => s.female,
                _ => true,
            }
        };
        let here: Vec<usize> = all
            .iter()
            .copied()
            .filter(|c| named(*c) && fits(c))
            .collect();
        match here.as_slice() {
            [one] => *one,
            _ if fits(&owner) => owner,
            _ => all.iter().copied().find(fits).unwrap_or(owner),
        }
    }
}

/// Who owns each surname: person clusters with a given name, by surname key, and the
/// articles they are named in.
fn full_names(clusters: &[Cluster]) -> HashMap<String, Vec<usize>> {
    let mut owners: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, c) in clusters.iter().enumerate() {
        if c.lexicon.is_some() || c.single_word() || c.kind() != ActorKind::Person {
            continue;
        }
        for spelling in c.spellings.keys() {
            let (given, surname) = names::split(spelling);
            if given.is_some() {
                let list = owners.entry(names::surname_key(surname)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
    }
    owners
}

/// The one person of `sharing` named in at least [`DOMINANCE`] times the articles of all
/// the others together, and in [`DOMINANCE`] articles or more.
fn dominant(clusters: &[Cluster], sharing: &[usize]) -> Option<usize> {
    let total: usize = sharing.iter().map(|&o| clusters[o].articles.len()).sum();
    sharing.iter().copied().find(|&i| {
        let own = clusters[i].articles.len();
        let others = total - own;
        others == 0 || (own >= DOMINANCE && own >= DOMINANCE * others)
    })
}

/// Folds people known only by a surname ("Kennedy", kept apart while merging because
/// several Kennedys are named) into the briefing's dominant person of that surname.
pub(crate) fn fold_bare_surnames(clusters: Vec<Cluster>) -> Vec<Cluster> {
    let owners = full_names(&clusters);
    let mut into: Vec<Option<usize>> = vec![None; clusters.len()];
    for (i, c) in clusters.iter().enumerate() {
        let bare = c.lexicon.is_none() && c.single_word() && c.kind() == ActorKind::Person;
        let Some(name) = c.spellings.keys().next().filter(|_| bare) else {
            continue;
        };
        let sharing = owners.get(&names::surname_key(name));
        into[i] = sharing.and_then(|s| dominant(&clusters, s));
    }
    let mut slots: Vec<Option<Cluster>> = clusters.into_iter().map(Some).collect();
    for (i, target) in into.iter().enumerate() {
        if let Some(t) = *target {
            if let Some(bare) = slots[i].take() {
                if let Some(owner) = slots[t].as_mut() {
                    owner.join(bare);
                }
            }
        }
    }
    slots.into_iter().flatten().collect()
}

/// Adds each person's surname to their spellings (seen zero times) where it is theirs;
/// `texts` holds every text of each article, by article index.
pub(crate) fn add_surname_aliases(
    clusters: &mut [Cluster],
    texts: &[Vec<&str>],
    casing: &Casing,
) -> Surnames {
    let lex = Lexicon::get();
    let mut owners: HashMap<String, Vec<usize>> = HashMap::default();
    let mut surnames: Vec<Option<String>> = vec![None; clusters.len()];
    let mut out = Surnames::default();
    for (i, c) in clusters.iter().enumerate() {
        if c.lexicon.is_some() || c.kind() != ActorKind::Person {
            continue;
        }
        // Every person claims a surname, but only people known as people (a title, a given
        // name, a role) lend it as an alias: "Wall Street" taken for a person would lend
        // "Street".
        let lends = c.evidence.strong > 0;
        for spelling in c.spellings.keys() {
            let (given, surname) = names::split(spelling);
            let list = owners.entry(names::surname_key(surname)).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
            if let Some(s) = given.and_then(|g| Gazetteer::get().given(g)) {
                out.sexes.entry(i).or_insert(s);
            }
            if lends && given.is_some() && surnames[i].is_none() {
                surnames[i] = Some(surname.to_string());
            }
        }
    }
    // "John" is more often a given name than Elton John's surname: no alias.
    let mut as_given: HashMap<String, usize> = HashMap::default();
    for c in clusters.iter().filter(|c| c.lexicon.is_none()) {
        for (given, _) in c.spellings.keys().map(|s| names::split(s)) {
            if let Some(g) = given {
                *as_given.entry(names::fold(g)).or_default() += 1;
            }
        }
    }
    let mut wanted: Vec<(String, usize)> = Vec::new();
    for (i, surname) in surnames.into_iter().enumerate() {
        let Some(surname) = surname else { continue };
        let Some(sharing) = owners.get(&names::surname_key(&surname)) else {
            continue;
        };
        let given_too = as_given.get(&names::fold(&surname)).copied().unwrap_or(0);
        let theirs = dominant(clusters, sharing) == Some(i) && given_too <= sharing.len();
        let plain = !lex.common.contains(&surname) && lex.entries_in(&surname, false).is_empty();
        // A surname that is also an ordinary word ("Major", "Rice") stays with the full name.
        if theirs
            && plain
            && !casing.ordinary(&surname)
            && surname.chars().count() >= 3
            && !clusters[i].spellings.contains_key(&surname)
        {
            let mut all = vec![i];
            all.extend(sharing.iter().copied().filter(|&o| o != i));
            out.owners.insert(surname.clone(), all);
            wanted.push((surname, i));
        }
    }
    // Longer names are patterns too, so the surname inside "John Healey" is not a bare one.
    let longer: Vec<&str> = clusters
        .iter()
        .flat_map(|c| c.spellings.keys())
        .filter(|s| s.contains(' '))
        .map(String::as_str)
        .collect();
    let patterns = wanted
        .iter()
        .map(|(s, _)| s.as_str())
        .chain(longer.iter().copied());
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
    else {
        return out;
    };
    let mut found = Vec::new();
    for text in texts.iter().flatten() {
        for m in ac.find_iter(text) {
            let Some((surname, i)) = wanted.get(m.pattern().as_usize()) else {
                continue;
            };
            if on_word_boundary(text, m.start(), m.end()) {
                found.push((surname.clone(), *i));
            }
        }
    }
    for (surname, i) in found {
        clusters[i].spellings.entry(surname).or_insert(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn person(names: &[&str], articles: &[usize]) -> Cluster {
        let mut c = Cluster::default();
        c.evidence.person = 3;
        c.evidence.strong = 1;
        for n in names {
            c.spellings.insert(n.to_string(), 1);
        }
        c.articles.extend(articles.iter().copied());
        c
    }

    fn add(cs: &mut [Cluster], texts: &[Vec<&str>]) -> Surnames {
        let mut casing = Casing::default();
        for t in texts.iter().flatten() {
            casing.add(t, &tokenize(t));
        }
        add_surname_aliases(cs, texts, &casing)
    }

    #[test]
    fn unique_surnames_only() {
        let mut cs = vec![
            person(&["John Smith"], &[0]),
            person(&["Jane Smith"], &[0]),
            person(&["Ursula von der Leyen"], &[0]),
        ];
        let texts = vec![vec!["Smith and von der Leyen met Ursula von der Leyen."]];
        add(&mut cs, &texts);
        assert!(!cs[0].spellings.contains_key("Smith"));
        assert!(!cs[1].spellings.contains_key("Smith"));
        assert!(cs[2].spellings.contains_key("von der Leyen"));
        let mut elsewhere = vec![person(&["Mark Rutte"], &[0])];
        add(
            &mut elsewhere,
            &[vec!["no surname here"], vec!["Rutte spoke"]],
        );
        assert!(
            elsewhere[0].spellings.contains_key("Rutte"),
            "any article counts"
        );
    }

    #[test]
    fn a_dominant_namesake_takes_the_surname_and_honorifics_pick_by_sex() {
        let tony = person(&["Tony Blair"], &[0, 1, 2, 3, 4, 5]);
        let cherie = person(&["Cherie Blair"], &[5]);
        let mut cs = vec![tony, cherie];
        let texts = vec![vec!["Mr Blair spoke."], vec!["Mrs Blair and Blair."]];
        let s = add(&mut cs, &texts);
        assert!(cs[0].spellings.contains_key("Blair"));
        assert!(!cs[1].spellings.contains_key("Blair"));
        let t = "Then Mrs Blair left.";
        let at = t.find("Blair").unwrap_or(0);
        let nobody = |_: usize| false;
        let both = |_: usize| true;
        let only_cherie = |c: usize| c == 1;
        assert_eq!(s.resolve("Blair", t, at, 0, &only_cherie), 1);
        assert_eq!(s.resolve("Blair", t, at, 0, &both), 1, "Mrs is not Tony");
        assert_eq!(s.resolve("Blair", "Blair", 0, 0, &nobody), 0);
        assert_eq!(s.resolve("Blair", "Mr Blair", 3, 0, &both), 0);
        assert_eq!(s.resolve("Blair", "Blair", 0, 0, &only_cherie), 1);
    }
}
