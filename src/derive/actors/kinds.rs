//! Evidence of a candidate's kind from the words in and around it: a title or a given
//! name says person, an organisation word or an acronym says organisation, "in X" or a
//! place word ("San", "River") says place. [`Evidence`] adds up over all mentions of an
//! actor and the merge votes on the sum.

use super::lexicon::Lexicon;

/// How strongly mentions point at each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    pub person: u32,
    pub org: u32,
    pub place: u32,
    /// Mentions with a cue no ordinary word has: a title, a given name, a role.
    pub strong: u32,
}

impl Evidence {
    pub fn add(&mut self, o: Evidence) {
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
        self.strong += o.strong;
    }
}

/// What is known around one candidate name.
pub(crate) struct Cues<'a> {
    pub words: &'a [&'a str],
    pub prev: Option<&'a str>,
    pub next: Option<&'a str>,
    pub titled: bool,
}

pub(crate) const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "warned",
    "wrote",
    "argued",
    "noted",
    "insisted",
    "declared",
    "announced",
    "claimed",
    "replied",
    "tweeted",
    "explained",
];
const PLACE_BEFORE: &[&str] = &[
    "in", "from", "at", "near", "across", "into", "outside", "to",
];
const PLACE_FIRST: &[&str] = &[
    "San", "Santa", "Santo", "Saint", "St", "St.", "Port", "Fort", "Mount", "Lake", "Cape", "Los",
    "Las", "North", "South", "East", "West", "Upper", "Lower", "Greater",
];
const PLACE_LAST: &[&str] = &[
    "City",
    "River",
    "Island",
    "Islands",
    "Mountains",
    "Valley",
    "Bay",
    "Beach",
    "County",
    "Province",
    "Region",
    "Street",
    "Square",
    "Airport",
    "Strait",
    "Sea",
    "Ocean",
    "Peninsula",
    "Desert",
    "Coast",
    "Heights",
    "Hills",
    "Wells",
    "Park",
];

/// The evidence one mention gives.
pub(crate) fn evidence(c: &Cues) -> Evidence {
    let lex = Lexicon::get();
    let mut ev = Evidence::default();
    let (Some(first), Some(last)) = (c.words.first(), c.words.last()) else {
        return ev;
    };
    let n = c.words.len();
    if c.titled {
        ev.person += 3;
        ev.strong += 1;
    }
    if n >= 2 && lex.first_names.contains(*first) {
        ev.person += 2;
        ev.strong += 1;
    } else if n >= 2 {
        ev.person += 1;
    }
    if c.next.is_some_and(|w| SPEECH.contains(&w)) {
        ev.person += 2;
    }
    let letters = first.chars().filter(|c| c.is_alphabetic());
    if n == 1
        && first.len() <= 6
        && letters.clone().count() >= 2
        && letters.into_iter().all(char::is_uppercase)
    {
        ev.org += 2;
    }
    if n >= 2 && PLACE_FIRST.contains(first) {
        ev.place += 2;
    }
    if n >= 2 && PLACE_LAST.contains(last) {
        ev.place += 3;
    }
    match c.prev {
        Some(p) if PLACE_BEFORE.contains(&p) => ev.place += 1,
        Some("the") | Some("The") => ev.org += 1,
        _ => {}
    }
    ev
}

/// Whether the evidence leans to a person enough to look for a role.
pub(crate) fn leans_person(ev: &Evidence) -> bool {
    ev.person > 0 && ev.person >= ev.org.max(ev.place)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(words: &[&str], prev: Option<&str>, next: Option<&str>, titled: bool) -> Evidence {
        evidence(&Cues {
            words,
            prev,
            next,
            titled,
        })
    }

    #[test]
    fn cues() {
        assert!(ev(&["Keir", "Starmer"], None, None, false).person >= 2);
        assert!(ev(&["Healey"], None, Some("said"), false).person > 0);
        assert!(ev(&["IMF"], Some("the"), None, false).org >= 2);
        let place = ev(&["San", "Diego"], Some("in"), None, false);
        assert!(place.place > place.person);
        assert_eq!(ev(&["Rutte"], None, None, true).strong, 1);
    }
}
