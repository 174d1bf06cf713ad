//! Whether a key point is about an actor: derive attributed it (the point's own actor
//! list), or its text names the actor in any of their forms — the name, an alias, or a
//! person's surname alone ("Witkoff said…") — as whole words. The linked view, the export
//! of that view and the reader's "first mention" all ask this one question.

use crate::derive::actors::ActorMatcher;
use crate::model::{Actor, ActorKind, KeyPoint, MergedPoint};

pub struct Mentions {
    name: String,
    matcher: ActorMatcher,
}

impl Mentions {
    pub fn of(actor: &Actor) -> Mentions {
        let mut forms = actor.clone();
        if let Some(surname) = surname(actor) {
            if !forms.aliases.iter().any(|a| a == surname) {
                forms.aliases.push(surname.to_string());
            }
        }
        Mentions {
            name: actor.name.clone(),
            matcher: ActorMatcher::new(std::slice::from_ref(&forms)),
        }
    }

    /// The text names the actor (whole words, case as written).
    pub fn in_text(&self, text: &str) -> bool {
        !self.matcher.find(text).is_empty()
    }

    pub fn point(&self, k: &KeyPoint) -> bool {
        k.actors.contains(&self.name) || self.in_text(&k.text)
    }

    pub fn merged(&self, m: &MergedPoint) -> bool {
        m.actors.contains(&self.name) || self.in_text(&m.text)
    }
}

/// A person's last name when the name has several words and it reads as a name
/// ("Witkoff" of "Steve Witkoff"; not "Jr" or a lower-case particle).
fn surname(actor: &Actor) -> Option<&str> {
    if actor.kind != ActorKind::Person {
        return None;
    }
    let mut words = actor.name.split_whitespace();
    let last = words.next_back()?;
    words.next()?;
    let first = last.chars().next()?;
    (first.is_uppercase() && last.chars().count() >= 3 && !matches!(last, "Jr" | "Sr"))
        .then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> Actor {
        Actor {
            name: name.into(),
            kind: ActorKind::Person,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            ..Actor::default()
        }
    }

    fn point(text: &str, actors: &[&str]) -> KeyPoint {
        KeyPoint {
            text: text.into(),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            ..KeyPoint::default()
        }
    }

    #[test]
    fn name_alias_surname_or_attribution_count() {
        let m = Mentions::of(&person("Steve Witkoff", &["S. Witkoff"]));
        assert!(m.point(&point("Steve Witkoff flew in.", &[])));
        assert!(m.point(&point("Talks with S. Witkoff ended.", &[])));
        assert!(m.point(&point("Witkoff said the plan held.", &[])));
        assert!(m.point(&point("The envoy said so.", &["Steve Witkoff"])));
        assert!(!m.point(&point("The envoy said so.", &["Jared Kushner"])));
        // Whole words only.
        assert!(!m.point(&point("Witkoffs are a family.", &[])));
    }

    #[test]
    fn places_and_organisations_have_no_surname() {
        let place = Actor {
            name: "New Zealand".into(),
            kind: ActorKind::Place,
            ..Actor::default()
        };
        let m = Mentions::of(&place);
        assert!(!m.in_text("Zealand alone is not the country."));
        assert!(m.in_text("New Zealand sent aid."));
        let single = Mentions::of(&person("Madonna", &[]));
        assert!(single.in_text("Madonna sang."));
    }
}
