//! Mentions into actors: spellings of one actor merged, the kind voted, the canonical
//! name chosen.
//!
//! Order matters. Known places and organisations group by their lexicon entry. Full
//! person names (two words or more) come next, most frequent first, so the common spelling
//! anchors a person and variants (transliterated surname, variant given name) join it;
//! a different given name with the same surname is a different person. Single words come
//! last: a bare surname joins the one person it names, and is dropped when it could be two
//! ("Smith" with John and Jane Smith); a titled given name ("Sir Keir") joins the one
//! person of that name; an acronym joins the organisation it abbreviates.

use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

use super::candidates::{Evidence, Mention};
use super::casing::is_english;
use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;
use super::names;
use crate::model::ActorKind;

/// One merged actor before mentions are counted.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cluster {
    /// Spelling -> times seen.
    pub spellings: BTreeMap<String, usize>,
    pub lexicon: Option<usize>,
    pub evidence: Evidence,
    pub roles: Vec<String>,
    pub articles: BTreeSet<usize>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Surface {
    count: usize,
    evidence: Evidence,
    roles: Vec<String>,
    articles: BTreeSet<usize>,
    lexicon: Option<usize>,
}

impl Cluster {
    pub(crate) fn absorb(&mut self, name: &str, s: &Surface) {
        *self.spellings.entry(name.to_string()).or_default() += s.count;
        self.evidence.add(s.evidence);
        self.articles.extend(s.articles.iter().copied());
        for r in &s.roles {
            self.add_role(r);
        }
    }

    /// Adds a role unless it is one already held, written differently ("US special envoy"
    /// and "U.S. Special Envoy").
    pub(crate) fn add_role(&mut self, role: &str) {
        let key = role_key(role);
        if !self.roles.iter().any(|x| role_key(x) == key) {
            self.roles.push(role.to_string());
        }
    }

    /// Takes over everything `other` knew.
    pub(crate) fn join(&mut self, other: Cluster) {
        for (name, n) in other.spellings {
            *self.spellings.entry(name).or_default() += n;
        }
        self.evidence.add(other.evidence);
        self.articles.extend(other.articles);
        self.lexicon = self.lexicon.or(other.lexicon);
        for r in &other.roles {
            self.add_role(r);
        }
    }

    /// Every spelling is one word.
    pub(crate) fn single_word(&self) -> bool {
        self.spellings.keys().all(|s| !s.contains(' '))
    }

    pub fn kind(&self) -> ActorKind {
        if let Some(e) = self.lexicon {
            return Lexicon::get().entries[e].kind;
        }
        let ev = self.evidence;
        let (person, org, place) = ev.votes();
        // A lone word is a person's by a title, a given name, a role or a known surname;
        // "Nintendo said" alone says no more than an organisation speaking.
        let single = self.single_word();
        let person = if single && ev.strong == 0 { 0 } else { person };
        if org > person && org >= place {
            ActorKind::Organization
        } else if place > person && place > org {
            ActorKind::Place
        } else if single && person == 0 {
            ActorKind::Organization
        } else {
            ActorKind::Person
        }
    }

    /// A known entry keeps its list name; a person the most frequent spelling of two words
    /// or more; anything else its most frequent spelling (ties: the fuller).
    pub fn canonical(&self) -> String {
        if let Some(e) = self.lexicon {
            return Lexicon::get().entries[e].canonical.clone();
        }
        let person = self.kind() == ActorKind::Person;
        self.spellings
            .iter()
            .max_by(|a, b| {
                let words = |s: &str| s.split_whitespace().count();
                let full = |s: &str| person && words(s) >= 2;
                (full(a.0), a.1, words(a.0), std::cmp::Reverse(a.0)).cmp(&(
                    full(b.0),
                    b.1,
                    words(b.0),
                    std::cmp::Reverse(b.0),
                ))
            })
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    }
}

/// A role's comparison key: case, dots, spacing and British or American spelling folded
/// ("U.S. Special Envoy", "British Defense Secretary").
pub(crate) fn role_key(role: &str) -> String {
    role.split_whitespace()
        .map(|w| match names::fold(w).as_str() {
            "defense" => "defence".to_string(),
            "organization" => "organisation".to_string(),
            "labor" => "labour".to_string(),
            f => f.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Merges `(article index, mention)` pairs into actors.
pub(crate) fn merge(mentions: Vec<(usize, Mention)>) -> Vec<Cluster> {
    let mut surfaces: BTreeMap<String, Surface> = BTreeMap::new();
    for (article, m) in mentions {
        let s = surfaces.entry(m.name).or_default();
        s.count += 1;
        s.evidence.add(m.evidence);
        s.articles.insert(article);
        s.lexicon = s.lexicon.or(m.lexicon);
        if let Some(r) = m.role {
            s.roles.push(r);
        }
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_entry: BTreeMap<usize, usize> = BTreeMap::new();
    let mut full: Vec<(&String, &Surface)> = Vec::new();
    let mut single: Vec<(&String, &Surface)> = Vec::new();
    for (name, s) in &surfaces {
        if let Some(e) = s.lexicon {
            let at = *by_entry.entry(e).or_insert_with(|| {
                clusters.push(Cluster {
                    lexicon: Some(e),
                    ..Cluster::default()
                });
                clusters.len() - 1
            });
            clusters[at].absorb(name, s);
        } else if name.split_whitespace().count() >= 2 {
            full.push((name, s));
        } else {
            single.push((name, s));
        }
    }
    full.sort_by(|a, b| {
        b.1.count
            .cmp(&a.1.count)
            .then(b.0.len().cmp(&a.0.len()))
            .then(a.0.cmp(b.0))
    });
    let mut index = Index::default();
    for (name, s) in full {
        let person = person_like(s.evidence);
        let home = if person { index.person(name) } else { None };
        let at = home.unwrap_or_else(|| {
            clusters.push(Cluster::default());
            clusters.len() - 1
        });
        clusters[at].absorb(name, s);
        if person {
            index.add_person(name, at);
        } else {
            index.acronyms.entry(initials(name)).or_default().push(at);
        }
    }
    for (name, s) in single {
        match index.single(name, &s.evidence) {
            Some(Home::Join(i)) if person_like(clusters[i].evidence) => {
                let as_person = Surface {
                    evidence: s.evidence.as_person(),
                    ..s.clone()
                };
                clusters[i].absorb(name, &as_person)
            }
            Some(Home::Join(i)) => clusters[i].absorb(name, s),
            Some(Home::Ambiguous) => {}
            None => {
                clusters.push(Cluster::default());
                let at = clusters.len() - 1;
                clusters[at].absorb(name, s);
                if person_like(s.evidence) {
                    index.add_person(name, at);
                }
            }
        }
    }
    clusters
}

fn person_like(e: Evidence) -> bool {
    let (person, org, place) = e.votes();
    person >= org && person >= place
}

enum Home {
    Join(usize),
    Ambiguous,
}

/// Lookups over the clusters made so far, so merging stays linear in the names.
#[derive(Default)]
struct Index {
    /// First letter of the surname key -> (surname key, given name, cluster).
    people: HashMap<char, Vec<(String, Option<String>, usize)>>,
    /// Initials of multi-word organisations and places -> clusters.
    acronyms: HashMap<String, Vec<usize>>,
    /// Folded given name -> person clusters, for "Sir Keir": a scan of every person
    /// per titled word was a twentieth of all derive time on 1,900 articles.
    given: HashMap<String, Vec<usize>>,
}

impl Index {
    fn add_person(&mut self, name: &str, cluster: usize) {
        let (given, surname) = names::split(name);
        let key = names::surname_key(surname);
        let first = key.chars().next().unwrap_or(' ');
        if let Some(g) = given {
            self.given.entry(names::fold(g)).or_default().push(cluster);
        }
        self.people
            .entry(first)
            .or_default()
            .push((key, given.map(str::to_string), cluster));
    }

    /// More people of the briefing so far have `word` as their given name than as their
    /// surname.
    pub(crate) fn given_more_than_surname(&self, word: &str) -> bool {
        let as_given = self.given.get(&names::fold(word)).map_or(0, Vec::len);
        as_given > 0 && as_given > self.same_surname(word).count()
    }

    fn same_surname<'a>(
        &'a self,
        surname: &str,
    ) -> impl Iterator<Item = &'a (String, Option<String>, usize)> {
        let key = names::surname_key(surname);
        let first = key.chars().next().unwrap_or(' ');
        self.people
            .get(&first)
            .into_iter()
            .flatten()
            .filter(move |(k, _, _)| names::same_key(k, &key))
    }

    /// The person cluster a full name belongs to: same surname, compatible given name.
    fn person(&self, name: &str) -> Option<usize> {
        let (given, surname) = names::split(name);
        let given = given?;
        self.same_surname(surname)
            .find(|(_, g, _)| g.as_deref().is_some_and(|g| names::same_given(g, given)))
            .map(|(_, _, c)| *c)
    }

    /// Where a single word goes: the one person whose surname it is, or the one
    /// multi-word organisation or place it abbreviates.
    fn single(&self, word: &str, ev: &Evidence) -> Option<Home> {
        // Strong evidence that is not the gazetteer's is a title or a role.
        let titled = ev.strong > 0 && ev.place_tier == 0 && !ev.known_org && !ev.known_person;
        // A country or a big city is no one's surname ("Jordan" beside Eddie Jordan).
        // "John" alone is rarely Elton John: a word the briefing's people have as a given
        // name more often than as a surname joins by surname only after a title. An
        // English word ("Analysts") must spell the surname exactly.
        let given = self.given_more_than_surname(word);
        let exact = is_english(word).then(|| names::surname_key(word));
        let mut people: Vec<usize> = if ev.place_tier >= 2 || (given && !titled) {
            Vec::new()
        } else {
            self.same_surname(word)
                .filter(|(k, _, _)| exact.as_ref().map_or(true, |e| e == k))
                .map(|(_, _, c)| *c)
                .collect()
        };
        people.sort_unstable();
        people.dedup();
        match people.len() {
            0 => {}
            1 => return Some(Home::Join(people[0])),
            _ => return Some(Home::Ambiguous),
        }
        let acronym =
            word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.');
        // "IN", "AT": a shouted small word is not an acronym.
        let mut titled_case = word.to_lowercase();
        if let Some(f) = titled_case.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        if acronym && !Lexicon::get().common.contains(&titled_case) {
            let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
            if let Some([one]) = self.acronyms.get(&letters).map(Vec::as_slice) {
                return Some(Home::Join(*one));
            }
        }
        // "Sir Keir": a title before a given name points at the one person of that name;
        // so does a given name that is no English word ("Lindsay" beside Lindsay Lohan).
        let known_given = Gazetteer::get().given(word).is_some();
        if titled || (known_given && !is_english(word) && ev.place_tier < 2) {
            let mut named: Vec<usize> = self
                .given
                .get(&names::fold(word))
                .cloned()
                .unwrap_or_default();
            named.sort_unstable();
            named.dedup();
            if let [one] = named.as_slice() {
                return Some(Home::Join(*one));
            }
        }
        None
    }
}

/// "European Union" -> "EU"; small words do not count.
fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !["of", "the", "and", "for", "&"].contains(w))
        .collect();
    if words.len() < 2 {
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
    use crate::derive::actors::candidates::mentions_alone;

    #[test]
    fn titled_given_name_joins() {
        let texts = [
            "Prime Minister Keir Starmer visited the base.",
            "Later, Sir Keir held a call, and Mr Starmer said it went well.",
        ];
        let m: Vec<(usize, Mention)> = texts
            .iter()
            .flat_map(|t| mentions_alone(t, false))
            .map(|m| (0, m))
            .collect();
        let names: Vec<&str> = m.iter().map(|(_, m)| m.name.as_str()).collect();
        assert_eq!(names, vec!["Keir Starmer", "Keir", "Starmer"]);
        let clusters = merge(m);
        assert_eq!(clusters.len(), 1, "{clusters:?}");
    }
}
