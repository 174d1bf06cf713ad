//! Name candidates in one text: capitalised word runs, cut into a role prefix, known
//! places/organisations and the leftover name, each with evidence of its kind.
//!
//! A run is words glued by spaces only, capitalised, with name particles ("von der") and
//! "of" after an organisation word ("Bank of England") inside; a possessive ends it. Common
//! capitalised words (sentence starters, days, months) and nationality adjectives split
//! it. Title words strip into the role ("Prime Minister Keir Starmer"). Headlines (all
//! caps or title case) give only known places and organisations: their capitals say nothing.
//! A capitalised word opening a sentence joins the name only with evidence from the
//! briefing's [`Casing`] ("Could Yukos" is Yukos, "Earlier Tony Blair" is Tony Blair); a
//! given name inside a run starts a new name ("Blairite Alan Milburn").

use super::casing::{is_english, Casing};
use super::gazetteer::Gazetteer;
pub(crate) use super::kinds::Evidence;
use super::kinds::{self, Cues};
use super::lexicon::{Hit, Lexicon};
use super::roles;
use super::tokens::Token;
use crate::model::ActorKind;

/// One name as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub name: String,
    pub lexicon: Option<usize>,
    pub evidence: Evidence,
    pub role: Option<String>,
}

const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn",
    "al", "el", "dos", "das", "ter", "zu",
];
/// Last words of events, prizes and works: not people, organisations or places.
const EVENTS: &[&str] = &[
    "Cup",
    "Open",
    "Championship",
    "Championships",
    "Games",
    "Olympics",
    "Awards",
    "Award",
    "Prize",
    "Festival",
    "Tour",
    "Trophy",
    "Classic",
    "Prix",
    "Series",
    "Bowl",
    "Marathon",
    "Show",
    "War",
    "Day",
    "Week",
    "Summit",
    "Conference",
    "Act",
    "Bill",
    "Treaty",
    "Accord",
];

/// "South African", "Southern African": a compass word before a nationality.
const COMPASS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
];

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    hits: Vec<Hit>,
    lex: &'static Lexicon,
    gaz: &'static Gazetteer,
    casing: &'a Casing<'a>,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }
    fn hit_at(&self, i: usize) -> Option<&Hit> {
        let t = self.toks[i];
        self.hits
            .iter()
            .find(|h| h.start <= t.start && t.end <= h.end)
    }
    fn covered(&self, i: usize) -> bool {
        self.hit_at(i).is_some()
    }
}

/// True for a line whose capitals carry no signal: all caps, or most words capitalised
/// and no closing full stop.
pub(crate) fn is_headline(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    // All caps, even a two-word dateline ("LONDON 1996-08-30"), says nothing about names.
    let loud = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !text.chars().any(char::is_lowercase) && words.iter().any(loud) {
        return true;
    }
    if words.len() < 3 {
        return false;
    }
    // A sentence full of names still ends like a sentence; a headline does not.
    if text.trim_end().ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let caps = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 3 && caps * 10 >= long.len() * 7
}

/// Every name candidate in `text`, given its tokens and the briefing's casing.
/// `headline` marks a text whose capitals say nothing either way (a headline, a table
/// cell, a heading): it gives known places and organisations only.
pub(crate) fn mentions(
    text: &str,
    toks: &[Token],
    headline: bool,
    casing: &Casing,
) -> Vec<Mention> {
    let lex = Lexicon::get();
    let shouting = headline && !text.chars().any(char::is_lowercase);
    let cx = Ctx {
        text,
        toks,
        hits: lex.entries_in(text, shouting),
        lex,
        gaz: Gazetteer::get(),
        casing,
    };
    let mut out = Vec::new();
    if headline {
        for h in &cx.hits {
            out.push(known(h.entry));
        }
        return out;
    }
    let mut i = 0;
    while i < cx.toks.len() {
        let end = run_end(&cx, i);
        if end > i {
            split_run(&cx, i, end, &mut out);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// A known place or organisation, under its canonical name.
fn known(entry: usize) -> Mention {
    let lex = Lexicon::get();
    Mention {
        name: lex.entries[entry].canonical.clone(),
        lexicon: Some(entry),
        evidence: Evidence::default(),
        role: None,
    }
}

/// A known place or organisation as written ("U.S."), so the spelling becomes an alias.
fn written(text: &str, h: &Hit) -> Mention {
    Mention {
        name: text[h.start..h.end].to_string(),
        ..known(h.entry)
    }
}

/// End (exclusive) of the capitalised run starting at `i`; `i` when none starts there.
fn run_end(cx: &Ctx, i: usize) -> usize {
    if !cx.toks[i].cap && !cx.covered(i) {
        return i;
    }
    let mut j = i + 1;
    while j < cx.toks.len() && cx.toks[j].joined && !cx.toks[j - 1].possessive {
        let t = cx.toks[j];
        let w = cx.word(j);
        if t.cap || cx.covered(j) {
            j += 1;
            continue;
        }
        // Particles ("von der") and "of" after an organisation word glue capitals together.
        let mut k = j;
        while k < cx.toks.len() && cx.toks[k].joined && PARTICLES.contains(&cx.word(k)) {
            k += 1;
        }
        let head = cx.word(j - 1);
        if k == j && w == "of" && (cx.lex.org_cues.contains(head) || cx.lex.titles.contains(head)) {
            k += 1;
            // "Secretary of the Interior Ken Salazar".
            if k < cx.toks.len() && cx.word(k) == "the" && cx.toks[k].joined {
                k += 1;
            }
        }
        if k > j && cx.toks.get(k).is_some_and(|n| n.cap && n.joined) {
            j = k + 1;
        } else {
            break;
        }
    }
    j.min(cx.toks.len())
}

/// Cuts a run at common words and nationality adjectives, then reads each piece; a
/// piece that opens a sentence loses its first word unless that word is a name.
fn split_run(cx: &Ctx, from: usize, to: usize, out: &mut Vec<Mention>) {
    let mut start = from;
    for i in from..=to {
        let cut = i == to || {
            let w = cx.word(i);
            // "British Phonographic Industry": a nationality opening an organisation's name.
            let opens_org = cx.lex.org_cues.contains(cx.word(to - 1)) && to - i > 1;
            let demonym = cx.lex.demonyms.contains(w) && !opens_org;
            !cx.covered(i) && (cx.lex.common.contains(w) || demonym)
        };
        if cut {
            if i > start && !name_at_start(cx, start, i) {
                start += 1;
            }
            if i > start {
                read_piece(cx, start, i, out);
            }
            start = i + 1;
        }
    }
}

/// Whether the first word of the piece `from..to` belongs to a name: always unless it
/// opens a sentence, where a title ("President"), a known name or the casing says so.
fn name_at_start(cx: &Ctx, from: usize, to: usize) -> bool {
    let w = cx.word(from);
    if !cx.toks[from].sent_start || cx.covered(from) || cx.lex.is_title(w) {
        return true;
    }
    let next_cap = from + 1 < to && cx.toks[from + 1].cap;
    cx.casing.name_at_start(w, next_cap)
}

/// The first given name inside `from..to` that follows words which are no given names
/// ("Blairite Alan Milburn", "RB Pierre Thomas"): where a second name starts.
fn given_name_inside(cx: &Ctx, from: usize, to: usize) -> Option<usize> {
    let plain_given = |i: usize| {
        let w = cx.word(i);
        cx.gaz.given(w).is_some() && !is_english(w)
    };
    if (from..to).any(|i| cx.covered(i)) || plain_given(from) {
        return None;
    }
    (from + 1..to.saturating_sub(1)).find(|&k| {
        plain_given(k)
            && (from..k).all(|i| {
                let w = cx.word(i);
                cx.gaz.given(w).is_none() && !PARTICLES.contains(&w)
            })
    })
}

fn read_piece(cx: &Ctx, from: usize, to: usize, out: &mut Vec<Mention>) {
    // The role prefix ends at the last title word that is not inside a known name.
    let mut name_from = from;
    let mut titled = false;
    for i in from..to {
        if cx.lex.is_title(cx.word(i)) && !cx.covered(i) {
            name_from = i + 1;
            titled = true;
            // "Secretary of State X", "Chancellor of the Exchequer X".
            let mut k = i + 1;
            if k < to && cx.word(k) == "of" {
                k += 1;
                if k < to && cx.word(k) == "the" {
                    k += 1;
                }
                // Nothing after "of X" means X belongs to the title, not a name.
                name_from = if k + 1 < to { k + 1 } else { to };
            }
        }
    }
    emit_known(cx, from, name_from.min(to), out);
    if name_from >= to {
        return;
    }
    let (from, to) = (name_from, to);
    if (from..to).all(|i| cx.covered(i)) {
        emit_known(cx, from, to, out);
        return;
    }
    // "Chad Pennington": a place spelt like a given name, then a surname, is a person.
    let given_place = to - from >= 2
        && cx.hit_at(from).is_some_and(|h| h.end == cx.toks[from].end)
        && cx.gaz.given(cx.word(from)).is_some()
        && !cx.covered(from + 1);
    if given_place {
        out.extend(candidate(cx, from, to, titled));
        return;
    }
    let cue_at = |i: usize| cx.lex.org_cues.contains(cx.word(i));
    let org_cue = to - from > 1
        && (cue_at(to - 1) || (from..to - 1).any(|i| cue_at(i) && cx.word(i + 1) == "of"));
    // "BBC Sport", "BBC Radio Leicester": a known organisation's division.
    let org_head = cx.hit_at(from).is_some_and(|h| {
        cx.lex.entries[h.entry].kind == ActorKind::Organization
            && h.end < cx.toks[to - 1].end
            && !(from..to).any(|i| cx.covered(i) && cx.toks[i].start >= h.end)
    });
    if (org_cue || org_head) && !EVENTS.contains(&cx.word(to - 1)) {
        let name = cx.text[cx.toks[from].start..cx.toks[to - 1].end].to_string();
        let evidence = Evidence {
            org: 3,
            strong: 1,
            ..Evidence::default()
        };
        out.push(Mention {
            name,
            lexicon: None,
            evidence,
            role: None,
        });
        return;
    }
    // Known names inside the piece stand alone; the rest are new candidates.
    let mut i = from;
    while i < to {
        if cx.covered(i) {
            let mut j = i;
            while j < to && cx.covered(j) {
                j += 1;
            }
            emit_known(cx, i, j, out);
            i = j;
        } else {
            let mut j = i;
            while j < to && !cx.covered(j) {
                j += 1;
            }
            let split = given_name_inside(cx, i, j);
            if let Some(k) = split {
                out.extend(candidate(cx, i, k, false));
            }
            let first = split.unwrap_or(i);
            // "Suffolk Coastal UKIP": an acronym closing a run of words is a name of its own.
            let loud = |k: usize| {
                let w = cx.word(k);
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            };
            let acronym_tail = j - first >= 2 && loud(j - 1) && !loud(j - 2);
            let end = if acronym_tail { j - 1 } else { j };
            out.extend(candidate(cx, first, end, titled && first == from));
            if acronym_tail {
                out.extend(candidate(cx, j - 1, j, false));
            }
            i = j;
        }
    }
}

fn emit_known(cx: &Ctx, from: usize, to: usize, out: &mut Vec<Mention>) {
    if from >= to {
        return;
    }
    let (lo, hi) = (cx.toks[from].start, cx.toks[to - 1].end);
    for h in cx.hits.iter().filter(|h| h.start >= lo && h.end <= hi) {
        out.push(written(cx.text, h));
    }
}

fn candidate(cx: &Ctx, from: usize, to: usize, titled: bool) -> Option<Mention> {
    let n = to - from;
    if n == 0 || n > 4 {
        return None;
    }
    let first = cx.word(from);
    let near = |i: Option<usize>| i.map(|i| &cx.text[cx.toks[i].start..cx.toks[i].end]);
    let joined_next = (to < cx.toks.len() && cx.toks[to].joined).then_some(to);
    let next = near(joined_next);
    let next2 = near(
        joined_next
            .filter(|&i| i + 1 < cx.toks.len() && cx.toks[i + 1].joined)
            .map(|i| i + 1),
    );
    let prev_at = from.checked_sub(1).filter(|_| cx.toks[from].joined);
    let prev = near(prev_at);
    let prev2 = near(
        prev_at
            .filter(|&p| p > 0 && cx.toks[p].joined)
            .map(|p| p - 1),
    );
    // A run of capitals in a mixed line ("San Diego 3 NEW YORK 2") is shouting, not a name.
    let shouted = n >= 2 && (from..to).all(|i| !cx.word(i).chars().any(char::is_lowercase));
    if !cx.toks[from].cap || shouted {
        return None;
    }
    let lone_particle = n == 1 && PARTICLES.contains(&first.to_lowercase().as_str());
    // "MPs", "CEOs": a plural of an acronym is a group, not an actor.
    let plural_acronym = n == 1
        && first
            .strip_suffix('s')
            .is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_uppercase()));
    if plural_acronym {
        return None;
    }
    if lone_particle || first.chars().count() < 2 || !first.chars().any(char::is_alphabetic) {
        return None;
    }
    // "Kurds", "Asian Britons": kinds of people; "Oscars", "PC": common nouns; "World
    // Cup": an event.
    let group = (from..to).all(|i| {
        let w = cx.word(i);
        cx.gaz.not_actor(w) || cx.lex.demonyms.contains(w) || (n > 1 && COMPASS.contains(&w))
    });
    // "Commission", "League" alone: the head of some organisation's name, not a name.
    let head_word = n == 1 && cx.lex.org_cues.contains(first);
    if group || head_word || EVENTS.contains(&cx.word(to - 1)) {
        return None;
    }
    // "Justice Act", "Chief Operating Officer": a title before ordinary words is no
    // person's title.
    let titled = titled && !(from..to).all(|i| cx.casing.ordinary(cx.word(i)));
    // "Vice City", "Justice Department": a title word inside a place or organisation name.
    if titled && n == 1 && (cx.lex.org_cues.contains(first) || kinds::PLACE_LAST.contains(&first)) {
        return None;
    }
    let words: Vec<&str> = (from..to).map(|i| cx.word(i)).collect();
    let mut ev = kinds::evidence(&Cues {
        words: &words,
        prev,
        prev2,
        next,
        next2,
        titled,
    });
    let name = cx.text[cx.toks[from].start..cx.toks[to - 1].end].to_string();
    let mut role = None;
    if kinds::leans_person(&ev) {
        let covered = |i: usize| cx.covered(i);
        role = roles::role_before(cx.text, cx.toks, from, &covered);
        // A title run right before the name is strong; an appositive is looser prose.
        if role.is_some() {
            ev.person += 2;
            ev.strong += 1;
        } else {
            role = roles::appositive_after(cx.text, cx.toks[to - 1].end);
            ev.person += 2 * u32::from(role.is_some());
        }
    }
    Some(Mention {
        name,
        lexicon: None,
        evidence: ev,
        role,
    })
}

/// [`mentions`] of a text read alone, as a one-text briefing.
#[cfg(test)]
pub(crate) fn mentions_alone(text: &str, fragment: bool) -> Vec<Mention> {
    let toks = super::tokens::tokenize(text);
    let headline = fragment || is_headline(text);
    let mut casing = Casing::default();
    if !headline {
        casing.add(text, &toks);
    }
    mentions(text, &toks, headline, &casing)
}

#[cfg(test)]
#[path = "candidates_tests.rs"]
mod tests;
