//! Name candidates in one text: capitalised word runs, cut into a role prefix, known
//! places/organisations and the leftover name, each with evidence of its kind.
//!
//! A run is words glued by spaces only, capitalised, with name particles ("von der") and
//! "of" after an organisation word ("Bank of England") inside; a possessive ends it. Common
//! capitalised words (sentence starters, days, months) and nationality adjectives split
//! it. Title words strip into the role ("Prime Minister Keir Starmer"). Headlines (all
//! caps or title case) give only known places and organisations: their capitals say nothing.

pub(crate) use super::kinds::Evidence;
use super::kinds::{self, Cues, SPEECH};
use super::lexicon::{Hit, Lexicon};
use super::roles;
use super::tokens::{tokenize, Token};

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
struct Ctx<'a> {
    text: &'a str,
    toks: Vec<Token>,
    hits: Vec<Hit>,
    lex: &'static Lexicon,
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

/// Every name candidate in `text`.
pub(crate) fn mentions(text: &str) -> Vec<Mention> {
    let lex = Lexicon::get();
    let headline = is_headline(text);
    let shouting = headline && !text.chars().any(char::is_lowercase);
    let cx = Ctx {
        text,
        toks: tokenize(text),
        hits: lex.entries_in(text, shouting),
        lex,
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
        if k == j && w == "of" && cx.lex.org_cues.contains(cx.word(j - 1)) {
            k += 1;
        }
        if k > j && cx.toks.get(k).is_some_and(|n| n.cap && n.joined) {
            j = k + 1;
        } else {
            break;
        }
    }
    j.min(cx.toks.len())
}

/// Cuts a run at common words and nationality adjectives, then reads each piece.
fn split_run(cx: &Ctx, from: usize, to: usize, out: &mut Vec<Mention>) {
    let mut start = from;
    for i in from..=to {
        let cut = i == to || {
            let w = cx.word(i);
            !cx.covered(i) && (cx.lex.common.contains(w) || cx.lex.demonyms.contains(w))
        };
        if cut {
            if i > start {
                read_piece(cx, start, i, out);
            }
            start = i + 1;
        }
    }
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
                if k + 1 < to {
                    name_from = k + 1;
                }
            }
        }
    }
    emit_known(cx, from, name_from.min(to), out);
    if name_from >= to {
        return;
    }
    let (from, to) = (name_from, to);
    let cue_at = |i: usize| cx.lex.org_cues.contains(cx.word(i));
    let org_cue = to - from > 1
        && (cue_at(to - 1) || (from..to - 1).any(|i| cue_at(i) && cx.word(i + 1) == "of"));
    if org_cue {
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
            if let Some(m) = candidate(cx, i, j, titled && i == from) {
                out.push(m);
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
    let first = cx.word(from);
    let next = cx
        .toks
        .get(to)
        .filter(|t| t.joined)
        .map(|t| &cx.text[t.start..t.end]);
    let prev = from
        .checked_sub(1)
        .filter(|_| cx.toks[from].joined)
        .map(|p| cx.word(p));
    let speaks = next.is_some_and(|w| SPEECH.contains(&w));
    if n > 4 || (n == 1 && cx.toks[from].sent_start && !titled && !speaks) {
        return None;
    }
    let lone_particle = n == 1 && PARTICLES.contains(&first.to_lowercase().as_str());
    if lone_particle || first.chars().count() < 2 || !first.chars().any(char::is_alphabetic) {
        return None;
    }
    let words: Vec<&str> = (from..to).map(|i| cx.word(i)).collect();
    let mut ev = kinds::evidence(&Cues {
        words: &words,
        prev,
        next,
        titled,
    });
    let name = cx.text[cx.toks[from].start..cx.toks[to - 1].end].to_string();
    let role = if kinds::leans_person(&ev) {
        let covered = |i: usize| cx.covered(i);
        roles::role_before(cx.text, &cx.toks, from, &covered)
            .or_else(|| roles::appositive_after(cx.text, cx.toks[to - 1].end))
    } else {
        None
    };
    if role.is_some() {
        ev.person += 2;
        ev.strong += 1;
    }
    Some(Mention {
        name,
        lexicon: None,
        evidence: ev,
        role,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn strips_titles_and_keeps_known_names() {
        let m = mentions(
            "British Defence Secretary John Healey met NATO Secretary General Mark Rutte in Kyiv.",
        );
        let n: Vec<&str> = m.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(n, vec!["John Healey", "NATO", "Mark Rutte", "Kyiv"]);
        assert_eq!(m[0].role.as_deref(), Some("British Defence Secretary"));
    }

    #[test]
    fn particles_possessives_and_sentence_starts() {
        assert_eq!(
            names("They met Ursula von der Leyen and Trump's aides."),
            vec!["Ursula von der Leyen", "Trump"]
        );
        assert!(names("Officials met on Monday.").is_empty());
        assert_eq!(names("Healey said the talks would go on."), vec!["Healey"]);
    }

    #[test]
    fn headlines_give_known_names_only() {
        assert_eq!(
            names("London Talks Seek Path to Ceasefire in Ukraine Conflict"),
            vec!["London", "Ukraine"]
        );
        assert_eq!(
            names("SOCCER - JAPAN GET LATE WIN, CHINA IN SURPRISE DEFEAT"),
            vec!["Japan", "China"]
        );
    }

    #[test]
    fn organisation_cues() {
        let m =
            mentions("a statement from the Defence Ministry and the Bank of England on Friday.");
        let n: Vec<&str> = m.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(n, vec!["Defence Ministry", "Bank of England"]);
        assert!(m.iter().all(|m| m.evidence.org > 0));
    }
}
