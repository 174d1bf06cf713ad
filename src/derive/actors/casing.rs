//! The briefing's own casing statistics: how often each word is written capitalised in
//! the middle of a sentence, and how often in lower case. A capitalised word at a sentence
//! start says nothing by its capital; these counts, with the English word list for words
//! the briefing never writes otherwise, decide whether it is a name ("Yukos", "Brown" in
//! a briefing full of "Mr Brown") or an ordinary word ("Could", "Rival", "Analysts").
//!
//! Built in one pass over the tokens of every text that is not a headline or a fragment
//! (whose capitals are unreliable); keys borrow from the texts, so nothing is copied.

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::Gazetteer;
use super::tokens::Token;

#[derive(Debug, Default)]
pub(crate) struct Casing<'a> {
    /// Capitalised, not at a sentence start, as written.
    mid_cap: HashMap<&'a str, u32>,
    /// Starting with a lower-case letter, as written.
    lower: HashMap<&'a str, u32>,
}

impl<'a> Casing<'a> {
    /// Counts the words of one text (tokens from `tokens::tokenize(text)`).
    pub fn add(&mut self, text: &'a str, toks: &[Token]) {
        for t in toks {
            let w = &text[t.start..t.end];
            let Some(first) = w.chars().next() else {
                continue;
            };
            if first.is_lowercase() {
                *self.lower.entry(w).or_default() += 1;
            } else if t.cap && !t.sent_start {
                *self.mid_cap.entry(w).or_default() += 1;
            }
        }
    }

    /// Times `word` (as written, capitalised) appears capitalised mid-sentence.
    pub fn capitalised(&self, word: &str) -> u32 {
        self.mid_cap.get(word).copied().unwrap_or(0)
    }

    /// Times the lower-case form of `word` appears.
    pub fn lowered(&self, word: &str) -> u32 {
        let low = word.to_lowercase();
        self.lower.get(low.as_str()).copied().unwrap_or(0)
    }

    /// Whether a capitalised `word` that opens a sentence is part of a name: the briefing
    /// writes it capitalised mid-sentence at least half as often as in lower case; or it
    /// is never written either way and it is no English word; or it is a given name seen
    /// capitalised mid-sentence, followed by another capitalised word ("Mark Thompson").
    pub fn name_at_start(&self, word: &str, next_capitalised: bool) -> bool {
        let (mid, low) = (self.capitalised(word), self.lowered(word));
        if mid == 0 && low == 0 {
            let g = Gazetteer::get();
            return !is_english(word) || (next_capitalised && g.given(word).is_some());
        }
        mid * 2 > low || (next_capitalised && mid > 0 && Gazetteer::get().given(word).is_some())
    }

    /// Whether the briefing uses `word` as an ordinary word: in lower case at least as
    /// often as capitalised mid-sentence, or, never written either way, an English word.
    pub fn ordinary(&self, word: &str) -> bool {
        let (mid, low) = (self.capitalised(word), self.lowered(word));
        if mid == 0 && low == 0 {
            return is_english(word);
        }
        low >= mid
    }
}

/// An English word, or a hyphenated compound of English words ("Anti-war").
pub(crate) fn is_english(word: &str) -> bool {
    let g = Gazetteer::get();
    if g.is_word(word) {
        return true;
    }
    word.contains('-') && word.split('-').all(|p| !p.is_empty() && g.is_word(p))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn casing<'a>(texts: &[&'a str]) -> Casing<'a> {
        let mut c = Casing::default();
        for t in texts {
            c.add(t, &tokenize(t));
        }
        c
    }

    #[test]
    fn sentence_starters_need_evidence() {
        let c = casing(&[
            "Rival firms said Brown would go. Mr Brown and Gordon Brown left in a brown car.",
            "Analysts expect analysts to agree with Yukos.",
        ]);
        assert!(!c.name_at_start("Rival", true), "a word, never capitalised");
        assert!(!c.name_at_start("Analysts", false));
        assert!(c.name_at_start("Brown", false), "capitalised mid-sentence");
        assert!(c.name_at_start("Yukos", false));
        assert!(c.name_at_start("Zorblax", false), "unseen, not a word");
        assert!(!c.name_at_start("Could", true), "unseen, a word");
        assert!(
            c.name_at_start("Tony", true),
            "a given name before a capital"
        );
        assert!(!c.name_at_start("Tony", false));
        assert!(!c.name_at_start("Anti-war", false), "a compound of words");
    }

    #[test]
    fn ordinary_words_by_count() {
        let c = casing(&["the police and the police met Metropolitan Police officers"]);
        assert!(c.ordinary("Police"));
        assert!(
            !c.ordinary("Metropolitan"),
            "capitalised more than lower case"
        );
        assert!(c.ordinary("Commission"), "unseen English word");
        assert!(!c.ordinary("Gazprom"));
    }
}
