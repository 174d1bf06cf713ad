//! Bare surnames as aliases: once merging is done, each person's surname becomes an alias
//! when no other person in the briefing shares it and it stands alone somewhere in the
//! briefing (not inside a longer name), so "Healey met NATO" counts as a mention of John Healey even
//! where the bare name was never a candidate (a sentence start). One Aho-Corasick pass
//! over the texts finds the bare surnames.

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::lexicon::{on_word_boundary, Lexicon};
use super::merge::Cluster;
use super::names;
use super::ordinary::lower_case_seen;
use crate::model::ActorKind;

/// Adds each person's unambiguous surname to their spellings (seen zero times);
/// `texts` holds every text of each article, by article index.
pub(crate) fn add_surname_aliases(clusters: &mut [Cluster], texts: &[Vec<&str>]) {
    let lex = Lexicon::get();
    let mut owners: HashMap<String, Vec<usize>> = HashMap::default();
    let mut surnames: Vec<Option<String>> = vec![None; clusters.len()];
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
            let key = names::surname_key(surname);
            let list = owners.entry(key).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
            if lends && given.is_some() && surnames[i].is_none() {
                surnames[i] = Some(surname.to_string());
            }
        }
    }
    let mut wanted: Vec<(String, usize)> = Vec::new();
    for (i, surname) in surnames.into_iter().enumerate() {
        let Some(surname) = surname else { continue };
        let alone = owners
            .get(&names::surname_key(&surname))
            .is_some_and(|o| o.len() == 1);
        let plain = !lex.common.contains(&surname) && lex.entries_in(&surname, false).is_empty();
        if alone
            && plain
            && surname.chars().count() >= 3
            && !clusters[i].spellings.contains_key(&surname)
        {
            wanted.push((surname, i));
        }
    }
    // A surname that is also an ordinary word ("Major", "Rice") stays with the full name.
    let flat: Vec<&str> = texts.iter().flatten().copied().collect();
    let lower: Vec<String> = wanted.iter().map(|(s, _)| s.to_lowercase()).collect();
    let ordinary = lower_case_seen(&lower, &flat);
    wanted.retain(|(s, _)| !ordinary.contains(&s.to_lowercase()));
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
        return;
    };
    let mut found = Vec::new();
    for texts in texts {
        for text in texts {
            for m in ac.find_iter(text) {
                let Some((surname, i)) = wanted.get(m.pattern().as_usize()) else {
                    continue;
                };
                let bare = on_word_boundary(text, m.start(), m.end());
                if bare {
                    found.push((surname.clone(), *i));
                }
            }
        }
    }
    for (surname, i) in found {
        clusters[i].spellings.entry(surname).or_insert(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(names: &[&str]) -> Cluster {
        let mut c = Cluster::default();
        c.evidence.person = 3;
        c.evidence.strong = 1;
        for n in names {
            c.spellings.insert(n.to_string(), 1);
        }
        c.articles.insert(0);
        c
    }

    #[test]
    fn unique_surnames_only() {
        let mut cs = vec![
            person(&["John Smith"]),
            person(&["Jane Smith"]),
            person(&["Ursula von der Leyen"]),
        ];
        let texts = vec![vec!["Smith and von der Leyen met Ursula von der Leyen."]];
        add_surname_aliases(&mut cs, &texts);
        assert!(!cs[0].spellings.contains_key("Smith"));
        assert!(!cs[1].spellings.contains_key("Smith"));
        assert!(cs[2].spellings.contains_key("von der Leyen"));
        let mut elsewhere = vec![person(&["Mark Rutte"])];
        add_surname_aliases(
            &mut elsewhere,
            &[vec!["no surname here"], vec!["Rutte spoke"]],
        );
        assert!(
            elsewhere[0].spellings.contains_key("Rutte"),
            "any article counts"
        );
    }
}
