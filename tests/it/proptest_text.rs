//! Scraped-text structure recovery never invents or garbles a word, on arbitrary
//! characters (controls included) and on generated articles with the mess of real scrapes
//! (glued lines, CR-only line ends, escapes, right-to-left marks, 600-letter words).
//! Cases: `PROPTEST_CASES` (default below).
//!
//! The plain never-panic and sentence-range properties are the owners' own
//! (tests/ingest_text_props.rs, tests/derive_sentences.rs) and are not repeated here;
//! the libFuzzer targets `text_parse` and `sentences` push both much further.

use crate::proptest_support;

use brief::ingest::text::parse;
use brief::model::Block;
use proptest::prelude::*;
use proptest_support::{config, scraped_text};

/// Every word shown must come from the input (less the control and invisible format
/// characters the parser drops on purpose): a parser that makes up text, or garbles it
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
    for shown in doc
        .title
        .iter()
        .chain(doc.sections.iter().filter_map(|s| s.heading.as_ref()))
    {
        check_words_come_from(raw, shown)?;
    }
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
    fn text_parse_invents_no_words_on_any_string(raw in "\\PC{0,400}") {
        check_parse(&raw)?;
    }

    #[test]
    fn text_parse_invents_no_words_on_any_chars(raw in prop::collection::vec(any::<char>(), 0..300)) {
        let raw: String = raw.into_iter().collect();
        check_parse(&raw)?;
    }

    #[test]
    fn text_parse_invents_no_words_on_scraped_articles(raw in scraped_text()) {
        check_parse(&raw)?;
    }
}
