//! Dropping merged "actors" that are ordinary words: a capitalised word the briefing
//! writes in lower case at least as often ("Police said…" next to "the police") is a
//! sentence start or a headline word, not a name. The counts are the briefing's
//! [`Casing`]; a word it never writes either way is ordinary when it is an English word.

use super::casing::Casing;
use super::gazetteer::Gazetteer;
use super::merge::Cluster;

const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "da", "di", "du", "la", "le", "bin", "al", "of",
];

/// Keeps the clusters that are names, given the briefing's casing.
pub(crate) fn drop_ordinary_words(clusters: Vec<Cluster>, casing: &Casing) -> Vec<Cluster> {
    clusters
        .into_iter()
        .filter(|c| {
            c.lexicon.is_some()
                || !(c.spellings.keys().all(|s| ordinary(s, casing) && weak(c))
                    || unsupported(c)
                    || work(c)
                    || lone_given_name(c))
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

/// A given name alone ("Steven", "James") that joined no one: which of its many bearers
/// it names is unknown. A title ("Prince Charles") or a surname use keeps it.
fn lone_given_name(c: &Cluster) -> bool {
    let g = Gazetteer::get();
    c.spellings
        .keys()
        .all(|s| !s.contains(' ') && g.given(s).is_some() && !g.surname(s))
        && weak(c)
}

/// Named as a film, a game or a product more than as anything else ("the film Sideways").
fn work(c: &Cluster) -> bool {
    let (person, org, place) = c.evidence.votes();
    let work = c.evidence.work;
    work > 0 && work >= person.max(org).max(place)
}

/// Every word of the name is an ordinary word in this briefing.
fn ordinary(name: &str, casing: &Casing) -> bool {
    name.split_whitespace()
        .filter(|w| !PARTICLES.contains(w))
        .all(|w| casing.ordinary(w) || w.chars().count() < 2)
}

/// A title, given name or role on any mention outweighs the lower-case evidence.
fn weak(c: &Cluster) -> bool {
    c.evidence.strong == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::actors::candidates::Evidence;
    use crate::derive::actors::tokens::tokenize;

    fn casing<'a>(texts: &[&'a str]) -> Casing<'a> {
        let mut c = Casing::default();
        for t in texts {
            c.add(t, &tokenize(t));
        }
        c
    }

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
            &casing(&texts),
        );
        let names: Vec<&String> = kept.iter().flat_map(|c| c.spellings.keys()).collect();
        assert_eq!(names, vec!["Healey"]);
    }

    #[test]
    fn titled_names_stay_even_when_the_word_is_common() {
        let texts = ["President Bush went into the bush."];
        let kept = drop_ordinary_words(vec![cluster("Bush", 1)], &casing(&texts));
        assert_eq!(kept.len(), 1);
    }
}
