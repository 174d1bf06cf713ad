//! Word tokens of one text, with what the name finder needs to know about each: is it
//! capitalised, does a sentence start at it, is it glued to the previous word by spaces
//! only (names never span punctuation), is it a possessive ("Trump's").
//!
//! Dots stay inside dotted acronyms ("U.S.") and known abbreviations ("Lt.", "Mr."), so
//! they do not end a sentence; any other full stop does, even without a space after it
//! ("Russia.The visit").

/// One word: `start..end` is the word without a possessive ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// First letter upper-case.
    pub cap: bool,
    /// A sentence (or the text) starts at this word.
    pub sent_start: bool,
    /// Only spaces separate this word from the previous one.
    pub joined: bool,
    /// The word carried a possessive ending ('s, ’s) that is not part of `start..end`.
    pub possessive: bool,
}

/// Abbreviations whose full stop belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Lt", "Gen", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Sen",
    "Rep", "Gov", "Prof", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Mt", "Ft", "Jan",
    "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into word tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    let mut sent_start = true;
    let mut joined = false;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_word_char(c) {
            match c {
                '.' | '!' | '?' | ':' | ';' | '•' | '|' | '—' | '–' => sent_start = true,
                // An opening quote starts a quoted sentence: `"Analysts expect…`.
                '“' | '‘' => sent_start = true,
                '"' if chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric()) => {
                    sent_start = true
                }
                _ => {}
            }
            if !c.is_whitespace() {
                joined = false;
            }
            i += 1;
            continue;
        }
        let start = i;
        // The word: letters and digits, with inner hyphens and apostrophes.
        while i < chars.len() {
            let c = chars[i].1;
            let inner = (c == '-' || is_apostrophe(c) || c == '&')
                && chars.get(i + 1).is_some_and(|&(_, n)| is_word_char(n));
            if is_word_char(c) || (inner && i > start) {
                i += 1;
            } else {
                break;
            }
        }
        let mut end = i;
        let word = &text[byte_at(start)..byte_at(end)];
        // Dotted acronyms: single letters each followed by a dot (U.S., U.K., J.R.R.).
        let mut dotted = false;
        if word.chars().count() == 1 && chars.get(i).is_some_and(|&(_, c)| c == '.') {
            let mut j = i;
            while chars.get(j).is_some_and(|&(_, c)| c == '.')
                && chars.get(j + 1).is_some_and(|&(_, c)| c.is_alphabetic())
                && !chars.get(j + 2).is_some_and(|&(_, c)| is_word_char(c))
            {
                j += 2;
            }
            end = if chars.get(j).is_some_and(|&(_, c)| c == '.') {
                j + 1
            } else {
                j
            };
            dotted = true;
        } else if chars.get(i).is_some_and(|&(_, c)| c == '.') && ABBREVIATIONS.contains(&word) {
            end = i + 1;
            dotted = true;
        }
        i = end;
        let (s, mut e) = (byte_at(start), byte_at(end));
        let mut possessive = false;
        for suffix in ["'s", "’s", "'S", "’S"] {
            if !dotted && text[s..e].len() > suffix.len() + 1 && text[s..e].ends_with(suffix) {
                e -= suffix.len();
                possessive = true;
            }
        }
        let first = text[s..].chars().next().unwrap_or(' ');
        // "Russian-controlled", "NATO-style": a compound ending in lower case is an adjective.
        let tail_lower = text[s..e]
            .rsplit('-')
            .next()
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_lowercase);
        out.push(Token {
            start: s,
            end: e,
            cap: first.is_uppercase() && !tail_lower,
            sent_start,
            joined: joined && !out.is_empty(),
            possessive,
        });
        sent_start = false;
        joined = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn keeps_acronyms_abbreviations_and_possessives_apart() {
        assert_eq!(
            words("the U.S. and Lt. Gen. Kellogg's team"),
            vec!["the", "U.S.", "and", "Lt.", "Gen.", "Kellogg", "team"]
        );
        let t = tokenize("Trump’s plan");
        assert!(t[0].possessive);
        assert_eq!(words("Russia.The visit"), vec!["Russia", "The", "visit"]);
        assert!(tokenize("Russia.The visit")[1].sent_start);
    }

    #[test]
    fn marks_sentence_starts_and_punctuation_breaks() {
        let t = tokenize("He met Mr. Smith. Then, Jones left");
        assert!(t[0].sent_start);
        assert!(!t[3].sent_start, "Mr. does not end a sentence");
        assert!(t[4].sent_start);
        assert!(!t[5].joined, "a comma separates Then and Jones");
        assert!(t[3].joined);
        let q = tokenize("he said \"Analysts agree\" and “Rivals” too");
        assert!(q[2].sent_start && q[5].sent_start && !q[4].sent_start);
    }

    #[test]
    fn compound_adjectives_are_not_capitalised() {
        let t = tokenize("Russian-controlled land, NATO-style drills, Chester-le-Street");
        assert!(!t[0].cap && !t[2].cap);
        assert!(t[4].cap);
    }

    #[test]
    fn hyphens_and_apostrophes_inside_words() {
        assert_eq!(
            words("Chester-le-Street, O'Neill -- ok"),
            vec!["Chester-le-Street", "O'Neill", "ok"]
        );
    }
}
