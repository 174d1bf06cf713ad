//! After merging, organisations and places written two ways become one actor:
//! - a name plus a designator ("BBC News", "Microsoft Corp") joins the plain name;
//! - an acronym joins the one multi-word name of the briefing it abbreviates, known or
//!   found ("FBI" and "Federal Bureau of Investigation", "AMPAS" and "Academy of Motion
//!   Picture Arts and Sciences", "THR" and "(The) Hollywood Reporter");
//! - a name that ends exactly one longer name joins it ("Trail Blazers" and "Portland
//!   Trail Blazers").
//!
//! People are never joined here: "Mr" names and surnames are the merge's job.

use rustc_hash::FxHashMap as HashMap;

use super::merge::Cluster;
use crate::model::ActorKind;

/// Words that name the same organisation as the name before them.
const DESIGNATORS: &[&str] = &[
    "News",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Co",
    "Co.",
    "Ltd",
    "Ltd.",
    "Limited",
    "plc",
    "Plc",
    "PLC",
    "LLC",
    "Group",
    "Holdings",
    "AG",
    "SA",
    "NV",
];

/// Folds designator and acronym spellings into one cluster each; the cluster that came
/// first (a known entry before a found name) keeps its place.
pub(crate) fn unify(clusters: Vec<Cluster>) -> Vec<Cluster> {
    let mut slots: Vec<Option<Cluster>> = clusters.into_iter().map(Some).collect();
    let kinds: Vec<ActorKind> = slots.iter().flatten().map(Cluster::kind).collect();
    let named = |k: ActorKind| k != ActorKind::Person;
    // Spelling -> the non-person clusters with it.
    let mut by_spelling: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_suffix: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, c) in slots.iter().enumerate() {
        let Some(c) = c.as_ref().filter(|_| named(kinds[i])) else {
            continue;
        };
        for s in c.spellings.keys() {
            push(&mut by_spelling, s.clone(), i);
            let init = initials(s);
            if init.len() >= 2 {
                push(&mut by_initials, format!("T{init}"), i);
                push(&mut by_initials, init, i);
            }
            // Every shorter word suffix of a name of three capitalised words or more
            // ("State University of New York" is no kind of New York).
            let words: Vec<&str> = s.split_whitespace().collect();
            let capitalised = words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            for k in 1..words.len().saturating_sub(1) {
                if capitalised {
                    push(&mut by_suffix, words[k..].join(" "), i);
                }
            }
        }
    }
    let mut into: Vec<usize> = (0..slots.len()).collect();
    for (i, c) in slots.iter().enumerate() {
        let Some(c) = c.as_ref().filter(|_| named(kinds[i])) else {
            continue;
        };
        // Only a cluster that is nothing but an acronym looks for its expansion: "USA" of
        // the United States must not join "University of St Andrews".
        let bare = c.spellings.keys().all(|s| acronym(s).is_some());
        for s in c.spellings.keys() {
            let target = plain_name(s)
                .and_then(|p| only_other(by_spelling.get(p), i))
                .or_else(|| {
                    let a = acronym(s).filter(|_| bare)?;
                    only_other(by_initials.get(&a), i)
                })
                .or_else(|| {
                    let found = c.lexicon.is_none().then(|| by_suffix.get(s.as_str()))?;
                    only_other(found, i)
                });
            if let Some(t) = target {
                into[i] = t;
                break;
            }
        }
    }
    // Follow chains ("BBC News Online" -> "BBC News" -> "BBC"), never in a circle.
    for i in 0..into.len() {
        let mut t = i;
        for _ in 0..into.len() {
            if into[t] == t {
                break;
            }
            t = into[t];
        }
        into[i] = t;
    }
    for i in 0..slots.len() {
        let t = into[i];
        if t != i {
            let (Some(src), true) = (slots[i].take(), slots[t].is_some()) else {
                continue;
            };
            if let Some(dst) = slots[t].as_mut() {
                dst.join(src);
            }
        }
    }
    slots.into_iter().flatten().collect()
}

fn push(map: &mut HashMap<String, Vec<usize>>, key: String, i: usize) {
    let list = map.entry(key).or_default();
    if !list.contains(&i) {
        list.push(i);
    }
}

/// The one cluster in `list` that is not `me`.
fn only_other(list: Option<&Vec<usize>>, me: usize) -> Option<usize> {
    let others: Vec<usize> = list?.iter().copied().filter(|&c| c != me).collect();
    match others.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "BBC News" -> "BBC".
fn plain_name(name: &str) -> Option<&str> {
    let (head, last) = name.rsplit_once(' ')?;
    DESIGNATORS
        .contains(&last)
        .then_some(head.trim_end_matches(','))
}

/// The letters of an acronym ("F.B.I." -> "FBI"); `None` for any other word.
fn acronym(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    let loud = letters.chars().all(|c| c.is_ascii_uppercase());
    (loud && (2..=6).contains(&n)).then_some(letters)
}

/// "Federal Bureau of Investigation" -> "FBI"; empty for one word. Small words do not
/// count, and neither do names that are not all capitalised words.
pub(crate) fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !["of", "the", "and", "for", "&", "de", "du"].contains(w))
        .collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    // "HRH Duchess" is no expansion of "HD".
    let loud = words.iter().any(|w| w.len() > 1 && acronym(w).is_some());
    if words.len() < 2 || !capitalised || loud {
        return String::new();
    }
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::actors::kinds::Evidence;

    fn org(names: &[&str]) -> Cluster {
        let mut c = Cluster {
            evidence: Evidence {
                org: 3,
                ..Evidence::default()
            },
            ..Cluster::default()
        };
        for n in names {
            c.spellings.insert(n.to_string(), 2);
        }
        c
    }

    fn person(name: &str) -> Cluster {
        let mut c = Cluster {
            evidence: Evidence {
                person: 3,
                strong: 1,
                ..Evidence::default()
            },
            ..Cluster::default()
        };
        c.spellings.insert(name.to_string(), 1);
        c
    }

    fn names(cs: &[Cluster]) -> Vec<Vec<&str>> {
        cs.iter()
            .map(|c| c.spellings.keys().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn designators_and_acronyms_join() {
        let cs = unify(vec![
            org(&["BBC"]),
            org(&["BBC News"]),
            org(&["Microsoft Corp."]),
            org(&["Microsoft"]),
            org(&["Federal Bureau of Investigation"]),
            org(&["F.B.I."]),
            org(&["Portland Trail Blazers"]),
            org(&["Trail Blazers"]),
        ]);
        assert_eq!(
            names(&cs),
            vec![
                vec!["BBC", "BBC News"],
                vec!["Microsoft", "Microsoft Corp."],
                vec!["F.B.I.", "Federal Bureau of Investigation"],
                vec!["Portland Trail Blazers", "Trail Blazers"],
            ]
        );
    }

    #[test]
    fn ambiguous_acronyms_and_people_stay_apart() {
        let cs = unify(vec![
            org(&["British Airways"]),
            org(&["British Academy"]),
            org(&["BA"]),
            person("Bob Andrews"),
            org(&["BBC"]),
            person("Dan Smith News"),
            org(&["United States", "USA"]),
            org(&["University of St Andrews"]),
        ]);
        assert_eq!(cs.len(), 8, "{:?}", names(&cs));
    }
}
