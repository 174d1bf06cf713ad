//! Folding text for matching, and the cheap prefilter signature.
//!
//! Every item is folded once, when the index is built, so no keystroke pays for case
//! conversion or typographic punctuation again. Folding maps one char to exactly one
//! char: char position `i` in the folded copy is char position `i` in the original, which
//! is what keeps highlight positions valid without a translation table.

/// Folds one char: ASCII to lower case, typographic quotes, dashes and spaces to their
/// ASCII look-alikes, other letters to their lower case when that is a single char.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{00AD}' => '-',
        '\u{2026}' => '.',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => single_lowercase(c),
    }
}

/// `char::to_lowercase` may expand (`İ` gives two chars); expansion would shift every
/// later position, so such letters are kept as they are.
fn single_lowercase(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The folded copy of `text`, with exactly as many chars as `text`.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// A 64-bit set of the chars that occur in a folded text: one bit per ASCII letter and
/// digit, and the other chars hashed onto the remaining bits. An item can match a query
/// only if its signature holds every bit of the query's, so one AND rejects most items
/// for selective queries before any scoring.
pub fn signature(folded: &str) -> u64 {
    folded.chars().fold(0, |sig, c| sig | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    let slot = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        // Spaces separate query terms and never need to match.
        ' ' => return 0,
        _ => 36 + (c as u32 % 28),
    };
    1 << slot
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_char_count() {
        for s in ["İstanbul ß “Zelensky’s” — 東京 🎉", "ǅemal", "ΣΑΣ", ""] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn typographic_punctuation_becomes_ascii() {
        assert_eq!(fold("“Kyiv’s” — Talks…"), "\"kyiv's\" - talks.");
    }

    #[test]
    fn signature_is_a_superset_check() {
        let item = signature(&fold("Zelensky met Starmer"));
        let q = signature("zel");
        assert_eq!(item & q, q);
        let absent = signature("q");
        assert_ne!(item & absent, absent);
    }
}
