//! Dropping merged "actors" that are ordinary words: a capitalised word the briefing also
//! writes in lower case ("Police said…" next to "the police") is a sentence start or a
//! headline word, not a name. One pass over all texts collects the lower-case forms of
//! every candidate's words.

use rustc_hash::FxHashSet as HashSet;

use super::merge::Cluster;

const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "da", "di", "du", "la", "le", "bin", "al", "of",
];

/// Keeps the clusters that are names, given every text of the briefing.
pub(crate) fn drop_ordinary_words(clusters: Vec<Cluster>, texts: &[&str]) -> Vec<Cluster> {
    let mut words: Vec<String> = clusters
        .iter()
        .filter(|c| c.lexicon.is_none())
        .flat_map(|c| c.spellings.keys())
        .flat_map(|s| s.split_whitespace())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 2 && !PARTICLES.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    let seen = lower_case_seen(&words, texts);
    clusters
        .into_iter()
        .filter(|c| {
            c.lexicon.is_some()
                || !(c.spellings.keys().all(|s| ordinary(s, &seen) && weak(c)) || unsupported(c))
        })
        .collect()
}

/// One word seen once with nothing around it that says name ("Leverage" opening a
/// table row): too little to list it as an actor.
fn unsupported(c: &Cluster) -> bool {
    let ev = c.evidence;
    let once =
        c.spellings.len() == 1 && c.spellings.iter().all(|(s, n)| *n == 1 && !s.contains(' '));
    once && ev.person + ev.org + ev.place + ev.strong == 0
}

/// Every word of the name is written in lower case somewhere.
fn ordinary(name: &str, seen: &HashSet<String>) -> bool {
    name.split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !PARTICLES.contains(&w.as_str()))
        .all(|w| seen.contains(&w) || w.chars().count() < 2)
}

/// A title, given name or role on any mention outweighs the lower-case evidence.
fn weak(c: &Cluster) -> bool {
    c.evidence.strong == 0
}

/// Which of `words` (lower case) occur as whole words in `texts`.
pub(crate) fn lower_case_seen(words: &[String], texts: &[&str]) -> HashSet<String> {
    // One pass collecting every lower-case word of the texts is cheaper than searching
    // for thousands of candidate words; only the wanted ones are kept.
    let wanted: HashSet<&str> = words.iter().map(String::as_str).collect();
    let mut seen = HashSet::default();
    for text in texts {
        let split =
            text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'));
        for w in split {
            if w.chars().next().is_some_and(char::is_lowercase) && wanted.contains(w) {
                seen.insert(w.to_string());
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::actors::candidates::Evidence;

    fn cluster(name: &str, strong: u32) -> Cluster {
        let evidence = Evidence {
            strong,
            person: 2,
            ..Evidence::default()
        };
        let mut c = Cluster {
            evidence,
            ..Cluster::default()
        };
        c.spellings.insert(name.to_string(), 1);
        c
    }

    #[test]
    fn words_also_written_in_lower_case_go() {
        let texts = ["Police said the world cup was on.", "the police came"];
        let kept = drop_ordinary_words(
            vec![
                cluster("Police", 0),
                cluster("World Cup", 0),
                cluster("Healey", 0),
            ],
            &texts,
        );
        let names: Vec<&String> = kept.iter().flat_map(|c| c.spellings.keys()).collect();
        assert_eq!(names, vec!["Healey"]);
    }

    #[test]
    fn titled_names_stay_even_when_the_word_is_common() {
        let texts = ["President Bush went into the bush."];
        let kept = drop_ordinary_words(vec![cluster("Bush", 1)], &texts);
        assert_eq!(kept.len(), 1);
    }
}
