//! Evidence of a candidate's kind from the words in and around it: a title or a given
//! name says person, an organisation word or an acronym says organisation, "in X" or a
//! place word ("San", "River") says place; the packaged gazetteer says what a whole name
//! is known as, and phrases around it ("shares in X", "chief executive of X", "the X
//! party", "the city of X") add to the vote. [`Evidence`] adds up over all mentions of an
//! actor and the merge votes on the sum.

use super::casing::is_english;
use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;

/// How strongly mentions point at each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    pub person: u32,
    pub org: u32,
    pub place: u32,
    /// Mentions with a cue no ordinary word has: a title, a given name, a role.
    pub strong: u32,
    /// What the gazetteer knows the name as, once for the actor however often it is
    /// seen: the place tier (see `Kinds::place`), a known person, a known organisation.
    pub place_tier: u8,
    pub known_person: bool,
    pub known_org: bool,
    /// Cues of a work or product ("the film X", "X sequel"): not an actor at all.
    pub work: u32,
}

impl Evidence {
    pub fn add(&mut self, o: Evidence) {
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
        self.strong += o.strong;
        self.place_tier = self.place_tier.max(o.place_tier);
        self.known_person |= o.known_person;
        self.known_org |= o.known_org;
        self.work += o.work;
    }

    /// The votes with the gazetteer's word counted once.
    pub fn votes(&self) -> (u32, u32, u32) {
        (
            self.person + 4 * u32::from(self.known_person),
            self.org + 4 * u32::from(self.known_org),
            self.place + 2 * u32::from(self.place_tier),
        )
    }

    /// The evidence of a bare surname joining a person: a town of that name ("Davenport"
    /// beside Lindsay Davenport) says nothing once the person is known.
    pub fn as_person(self) -> Evidence {
        Evidence {
            org: 0,
            place: 0,
            place_tier: 0,
            known_org: false,
            ..self
        }
    }
}

/// What is known around one candidate name.
pub(crate) struct Cues<'a> {
    pub words: &'a [&'a str],
    /// The word before (glued by spaces only) and the one before that.
    pub prev: Option<&'a str>,
    pub prev2: Option<&'a str>,
    /// The word after and the one after that.
    pub next: Option<&'a str>,
    pub next2: Option<&'a str>,
    pub titled: bool,
}

/// "chief executive of X", "spokesman for X": X is an organisation.
const ORG_HEAD_OF: &[&str] = &[
    "executive",
    "executives",
    "chairman",
    "chairwoman",
    "boss",
    "bosses",
    "founder",
    "shareholders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "owner",
    "owners",
    "subsidiary",
    "unit",
    "division",
    "shares",
    "stake",
    "stakes",
    "takeover",
    "employees",
    "staff",
    "workers",
    "members",
    "member",
];
/// "X shares", "X spokesman", "the X party": X is an organisation.
const ORG_BEFORE: &[&str] = &[
    "shares",
    "stock",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "boss",
    "shareholders",
    "subsidiary",
    "party",
    "executives",
    "employees",
    "staff",
    "workers",
    "bosses",
    "manager",
    "coach",
    "captain",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "fans",
    "players",
    "squad",
    "team",
    "chief",
];
/// "the film X", "X sequel": X is a work or a product, no actor.
const WORK_BEFORE: &[&str] = &[
    "film",
    "films",
    "movie",
    "movies",
    "album",
    "song",
    "novel",
    "book",
    "drama",
    "comedy",
    "musical",
    "sequel",
    "blockbuster",
    "biopic",
    "thriller",
    "documentary",
    "sitcom",
    "soap",
    "console",
    "handset",
    "software",
    "browser",
    "programme",
];
const WORK_AFTER: &[&str] = &[
    "sequel",
    "soundtrack",
    "console",
    "consoles",
    "handset",
    "handsets",
    "software",
];
/// "the city of X", "the capital, X": X is a place.
const PLACE_HEAD_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "capital",
    "province",
    "region",
    "state",
    "county",
    "suburb",
    "outskirts",
    "port",
    "island",
    "district",
    "streets",
];

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
/// "in X" rarely precedes a person; "from X" or "at X" may ("a call from Keir Starmer").
const PLACE_BEFORE_STRONG: &[&str] = &["in", "near", "across", "outside"];
const PLACE_BEFORE: &[&str] = &["from", "at", "into"];
const PLACE_FIRST: &[&str] = &[
    "San", "Santa", "Santo", "Saint", "St", "St.", "Port", "Fort", "Mount", "Lake", "Cape", "Los",
    "Las", "North", "South", "East", "West", "Upper", "Lower", "Greater",
];
pub(crate) const PLACE_LAST: &[&str] = &[
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
    let gaz = Gazetteer::get();
    let mut ev = Evidence::default();
    let (Some(first), Some(last)) = (c.words.first(), c.words.last()) else {
        return ev;
    };
    let n = c.words.len();
    if c.titled {
        ev.person += 3;
        ev.strong += 1;
    }
    let given = lex.first_names.contains(*first) || gaz.given(first).is_some();
    if n >= 2 && given {
        ev.person += 2;
        ev.strong += 1;
    } else if n >= 2 && !c.words.iter().all(|w| is_english(w)) {
        ev.person += 1 + u32::from(gaz.surname(last));
    }
    if c.next.is_some_and(|w| SPEECH.contains(&w)) {
        ev.person += 1;
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
        Some(p) if PLACE_BEFORE_STRONG.contains(&p) => ev.place += 2,
        Some(p) if PLACE_BEFORE.contains(&p) => ev.place += 1,
        Some("the") | Some("The") => ev.org += 1,
        _ => {}
    }
    // "Portland Trail Blazers", "the Colts": a name ending in a plural noun is a team
    // or a band, not a person ("Williams" is a surname, not a plural).
    let plural = last.len() > 3
        && last.ends_with('s')
        && !gaz.surname(last)
        && last.chars().skip(1).all(char::is_lowercase)
        && is_english(last);
    if plural && !c.titled {
        ev.org += 2;
    }
    context(c, &mut ev);
    known(&c.words.join(" "), &mut ev);
    ev
}

/// Phrases around the name.
fn context(c: &Cues, ev: &mut Evidence) {
    let head_of = |heads: &[&str]| {
        matches!(c.prev, Some("of" | "for" | "in" | "at"))
            && c.prev2
                .is_some_and(|w| heads.contains(&w.to_lowercase().as_str()))
    };
    if head_of(ORG_HEAD_OF) || c.next.is_some_and(|w| ORG_BEFORE.contains(&w)) {
        ev.org += 3;
    }
    if head_of(PLACE_HEAD_OF) || c.prev == Some("capital") {
        ev.place += 3;
    }
    // "the film Sideways", "movie The Aviator", "The Aviator" mid-sentence.
    let work_before = |w: Option<&str>| w.is_some_and(|w| WORK_BEFORE.contains(&w));
    let the_title =
        c.prev == Some("The") && (work_before(c.prev2) || c.words.iter().all(|w| is_english(w)));
    if work_before(c.prev) || the_title || c.next.is_some_and(|w| WORK_AFTER.contains(&w)) {
        ev.work += 2;
    }
    // "X chief executive", "X finance director": a role of the organisation.
    if c.next2
        .is_some_and(|w| ["executive", "director", "officer"].contains(&w))
        && c.next.is_some_and(|w| w.chars().all(char::is_lowercase))
    {
        ev.org += 2;
    }
}

/// What the gazetteer knows the whole name as: a known name is strong evidence, except
/// a small town spelt like an English word ("Reading"). It votes once per actor (see
/// [`Evidence::votes`]), so context read over many mentions can outvote it ("Chelsea
/// manager" against a town in Massachusetts).
fn known(name: &str, ev: &mut Evidence) {
    let k = Gazetteer::get().kinds(name);
    ev.known_person = k.person;
    ev.known_org = k.org;
    ev.place_tier = k.place;
    let place = k.place > 1 || (k.place == 1 && !is_english(name));
    ev.strong += u32::from(k.person || k.org || place);
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
            prev2: None,
            next,
            next2: None,
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
