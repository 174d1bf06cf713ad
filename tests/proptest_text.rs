//! Never-panic suites for scraped-text structure recovery and sentence splitting, on
//! arbitrary strings and on generated articles (bullets, glued tables, bylines, dates,
//! boilerplate, nasty characters). Cases: `PROPTEST_CASES` (default below).
//!
//! Besides not panicking, each output is checked for what a caller relies on: sentence
//! ranges slice the text, and the parser keeps words rather than inventing them.

mod proptest_support;

use brief::derive::sentences::split;
use brief::ingest::text::parse;
use brief::model::Block;
use proptest::prelude::*;
use proptest_support::{config, scraped_text};
use std::ops::Range;

/// The promises of [`split`]: ordered, disjoint, non-empty, trimmed, on char boundaries.
fn check_sentences(text: &str, ranges: &[Range<usize>]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for r in ranges {
        prop_assert!(
            r.start >= last_end && r.start < r.end,
            "{r:?} after {last_end}"
        );
        let s = text.get(r.clone());
        prop_assert!(s.is_some(), "{r:?} does not slice {text:?}");
        let s = s.unwrap_or_default();
        prop_assert_eq!(s, s.trim());
        last_end = r.end;
    }
    Ok(())
}

/// Every word a parsed block shows must come from the input (less the control and
/// invisible format characters the parser drops on purpose): a parser that makes up text, or garbles it
/// across a multi-byte boundary, fails here.
fn check_words_come_from(raw: &str, text: &str) -> Result<(), TestCaseError> {
    for word in text.split_whitespace() {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        if core.chars().count() >= 3 && core.chars().all(char::is_alphanumeric) {
            prop_assert!(raw.contains(core), "{core:?} is not in the input");
        }
    }
    Ok(())
}

fn check_parse(input: &str) -> Result<(), TestCaseError> {
    let doc = parse(input);
    let invisible = |c: &char| {
        c.is_control()
            || matches!(
                c,
                '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{feff}' | '\u{ad}'
            )
    };
    let raw: String = input.chars().filter(|c| !invisible(c)).collect();
    let raw = raw.as_str();
    for section in &doc.sections {
        for block in &section.blocks {
            match block {
                Block::Paragraph { text } | Block::Quote { text } => {
                    check_words_come_from(raw, text)?
                }
                Block::Bullets { items } => {
                    for item in items {
                        check_words_come_from(raw, item)?;
                    }
                }
                Block::Table(t) => {
                    for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                        check_words_come_from(raw, cell)?;
                    }
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn text_parse_survives_any_string(raw in "\\PC{0,400}") {
        check_parse(&raw)?;
    }

    #[test]
    fn text_parse_survives_any_chars_with_controls(raw in prop::collection::vec(any::<char>(), 0..300)) {
        let raw: String = raw.into_iter().collect();
        check_parse(&raw)?;
    }

    #[test]
    fn text_parse_survives_scraped_articles(raw in scraped_text()) {
        check_parse(&raw)?;
    }

    #[test]
    fn sentences_hold_on_any_string(text in "\\PC{0,300}") {
        check_sentences(&text, &split(&text))?;
    }

    #[test]
    fn sentences_hold_on_punctuation_runs(text in "([A-Za-zé]{0,4}[.!?…]{0,3}[ \u{a0}\n\t]{0,2}){0,40}") {
        check_sentences(&text, &split(&text))?;
    }

    #[test]
    fn sentences_hold_on_scraped_articles(text in scraped_text()) {
        check_sentences(&text, &split(&text))?;
    }
}
