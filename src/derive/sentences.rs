//! Sentence splitting for news text, scraped or clean.
//!
//! [`split`] walks the text once. Every run of terminal punctuation (`.`, `!`, `?`, `…`),
//! together with the closing quotes and brackets right after it, is a candidate end;
//! [`ends_here`] then decides from the word before it and the text after it:
//! - a lower-case continuation never starts a sentence (`"…?" he asked`, `3 p.m. on`);
//! - titles (`Mr.`, `Lt.`, `e.g.`) never end one; initials, dotted abbreviations (`U.S.`,
//!   `a.m.`) and company/month abbreviations (`Inc.`, `Dec.`) end one only when a typical
//!   sentence opener follows (`… in the U.S. The visit`, but `U.S. President`);
//! - a full stop glued to the next word ends a sentence only between two words
//!   (`Russia.The`), never inside numbers (`$1.2871`) or domains (`rki.news`).
//!
//! A blank line always ends a sentence. Ranges are byte ranges, trimmed, in order.

use std::ops::Range;

/// Abbreviations that are never the last word of a sentence (case-sensitive, no dot).
const TITLES: &[&str] = &[
    "Adm", "Capt", "Cmdr", "Col", "Dr", "Fig", "Ft", "Gen", "Gov", "Hon", "Lt", "Maj", "Mr", "Mrs",
    "Ms", "Mt", "No", "Nos", "Prof", "Rep", "Rev", "Sen", "Sgt", "St", "cf", "e.g", "i.e", "vs",
];

/// Abbreviations that may end a sentence: "shares of Acme Inc. The company…".
const MAY_END: &[&str] = &[
    "Apr", "Aug", "Ave", "Bros", "Co", "Corp", "Dec", "Feb", "Inc", "Jan", "Jr", "Jul", "Jun",
    "Ltd", "Mar", "Nov", "Oct", "Sep", "Sept", "Sr", "approx", "etc", "plc",
];

/// Capitalised words that commonly open a sentence but are not stopwords.
const OPENERS: &[&str] = &[
    "Earlier",
    "However",
    "Last",
    "Later",
    "Meanwhile",
    "Still",
    "Yet",
];

/// Byte ranges of the sentences of `text`, trimmed, in order, never overlapping.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if c == '\n' && blank_line_follows(&text[i + 1..]) {
            push_trimmed(text, start..i, &mut out);
            start = i;
            i += 1;
        } else if is_terminal(c) {
            let end_terms = skip_while(text, i, is_terminal);
            let end = skip_while(text, end_terms, is_closer);
            if ends_here(text, start, i, end_terms, end) {
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i = end;
        } else {
            i += c.len_utf8();
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

fn skip_while(text: &str, from: usize, pred: fn(char) -> bool) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| !pred(c))
        .map_or(text.len(), |(k, _)| from + k)
}

fn blank_line_follows(rest: &str) -> bool {
    rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n')
}

/// Whether a sentence ends after the terminal run `term..term_end` and its closers
/// (`term_end..end`); `start` is where the current sentence began.
fn ends_here(text: &str, start: usize, term: usize, term_end: usize, end: usize) -> bool {
    let rest = &text[end..];
    let Some(next) = rest.chars().next() else {
        return true;
    };
    let prev = prev_token(&text[start..term]);
    let single_dot = &text[term..term_end] == ".";
    if !next.is_whitespace() {
        return glued_end(prev, end > term_end, rest);
    }
    let after = rest.trim_start().trim_start_matches(is_opener);
    let Some(first) = after.chars().next() else {
        return true;
    };
    if first.is_lowercase() {
        return false;
    }
    if !single_dot {
        return true;
    }
    let word: &str = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    if TITLES.contains(&prev) {
        return false;
    }
    let is_list_number = prev.len() <= 2
        && prev.bytes().all(|b| b.is_ascii_digit())
        && text[start..term].trim() == prev;
    if is_list_number {
        return false;
    }
    if MAY_END.contains(&prev) || is_initials(prev) {
        return !first.is_ascii_digit() && opens_sentence(word);
    }
    true
}

/// A terminal glued to what follows: `Russia.The`, `week.”He`, but not `$1.28`,
/// `rki.news` or `U.S.A`.
fn glued_end(prev: &str, closed: bool, rest: &str) -> bool {
    let mut chars = rest.chars();
    let (Some(a), b) = (chars.next(), chars.next()) else {
        return false;
    };
    if !a.is_uppercase() {
        return false;
    }
    if closed {
        return true;
    }
    let word_follows = b.is_some_and(char::is_lowercase);
    let word_before = prev.chars().count() >= 2
        && prev.chars().last().is_some_and(char::is_lowercase)
        && !prev.contains(['/', '@', ':', '.']);
    word_follows && word_before
}

/// The last whitespace-separated token before a terminal, without opening punctuation.
fn prev_token(before: &str) -> &str {
    let tok = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    tok.trim_start_matches(|c: char| is_opener(c) || c == '—' || c == '-')
}

/// `P`, `J.R.R`, `U.S`, `a.m`: letters of one or two chars joined by dots.
fn is_initials(tok: &str) -> bool {
    !tok.is_empty()
        && tok.split('.').all(|p| {
            let n = p.chars().count();
            (1..=2).contains(&n) && p.chars().all(char::is_alphabetic)
        })
        && (tok.contains('.') || tok.chars().all(char::is_uppercase))
}

/// A capitalised word that typically opens a sentence ("The", "He", "However").
fn opens_sentence(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest_lower = chars.clone().all(char::is_lowercase);
    if !first.is_uppercase() || !rest_lower {
        return false;
    }
    OPENERS.contains(&word) || super::text::is_stopword(&word.to_lowercase())
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_hold_no_dots_at_the_end() {
        for w in TITLES.iter().chain(MAY_END).chain(OPENERS) {
            assert!(!w.ends_with('.'), "{w}");
        }
    }

    #[test]
    fn initials_shapes() {
        assert!(is_initials("P"));
        assert!(is_initials("J.R.R"));
        assert!(is_initials("a.m"));
        assert!(!is_initials("Russia"));
        assert!(!is_initials("a"));
        assert!(!is_initials("U.S-led"));
    }
}
