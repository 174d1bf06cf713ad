//! Properties of the scraped-text parser on generated input: it never panics, never
//! shows a control character, loses no word of a table row, and derived titles stay short.

use brief::ingest::text::{dates, parse, title_from_lead};
use brief::model::Block;
use proptest::prelude::*;

/// Lines built from the pieces real scrapes are made of, so the generator reaches the
/// table, heading, list and metadata rules rather than only random bytes.
fn scraped_line() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Kyiv".to_string()),
        Just("NATO".to_string()),
        Just("the".to_string()),
        Just("of".to_string()),
        Just("talks".to_string()),
        Just("2025".to_string()),
        Just("€3.5".to_string()),
        Just("(France)".to_string()),
        Just("U.S.".to_string()),
        Just("Russia.The".to_string()),
        Just("Ukraine’s".to_string()),
        Just("December".to_string()),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}[,.:;]?",
        "[0-9]{1,4}(-[0-9]{1,2})?",
        "\\PC{1,6}",
    ];
    let prefix = prop_oneof![
        Just(""),
        Just("• "),
        Just("- "),
        Just("  * "),
        Just("1. "),
        Just("> "),
        Just("By "),
        Just("Published on "),
        Just("Category: "),
        Just("Document Date: "),
        Just("Related posts"),
        Just("Sources ("),
    ];
    (prefix, prop::collection::vec(word, 0..14)).prop_map(|(p, w)| format!("{p}{}", w.join(" ")))
}

fn scraped_doc() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![scraped_line(), Just(String::new()), Just("   ".to_string())],
        0..40,
    )
    .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_any_string(s in "\\PC{0,400}|[\\x00-\\x7f]{0,400}") {
        let _ = parse(&s);
        let _ = dates::normalize(&s);
        let _ = title_from_lead(&s);
    }

    #[test]
    fn never_panics_on_scraped_shapes(doc in scraped_doc()) {
        let d = parse(&doc);
        for s in &d.sections {
            prop_assert!(s.heading.is_some() || !s.blocks.is_empty());
            for b in &s.blocks {
                if let Block::Table(t) = b {
                    prop_assert!(t.header.len() >= 2);
                    prop_assert!(t.rows.iter().all(|r| r.len() == t.header.len()));
                    prop_assert!(t.rows.iter().flatten().all(|c| !c.is_empty()));
                }
            }
        }
    }

    #[test]
    fn nothing_shown_holds_a_control_character(doc in scraped_doc(), junk in "[\\x00-\\x1f\\x7f\\x{80}-\\x{9f}]{1,4}") {
        let mixed = doc.replacen(' ', &junk, 3);
        let d = parse(&mixed);
        let mut shown: Vec<String> = d.title.iter().cloned().collect();
        for s in &d.sections {
            shown.extend(s.heading.clone());
            for b in &s.blocks {
                match b {
                    Block::Paragraph { text } | Block::Quote { text } => shown.push(text.clone()),
                    Block::Bullets { items } => shown.extend(items.iter().cloned()),
                    Block::Table(t) => shown.extend(t.rows.iter().flatten().cloned()),
                }
            }
        }
        for text in shown {
            prop_assert!(!text.chars().any(char::is_control), "{text:?}");
        }
    }

    #[test]
    fn derived_titles_are_a_few_words_of_the_lead(lead in "[A-Z][a-z]{1,8}( [a-z]{1,9}[,.]?){0,60}") {
        let t = title_from_lead(&lead);
        prop_assert!(!t.is_empty());
        prop_assert!(t.split(' ').count() <= 12, "{}", t);
        let words: Vec<&str> = t.trim_end_matches('…').split(' ').collect();
        let lead_words: Vec<&str> = lead.split(' ').collect();
        prop_assert!(words.len() <= lead_words.len());
        prop_assert_eq!(words[0], lead_words[0]);
    }

    #[test]
    fn dates_come_out_iso_or_not_at_all(y in 1800u32..2200, m in 0u32..14, d in 0u32..33) {
        for s in [format!("{y}-{m:02}-{d:02}"), format!("{d} {} {y}", month(m)), format!("{} {d}, {y}", month(m))] {
            if let Some(out) = dates::normalize(&s) {
                prop_assert_eq!(out.len(), 10);
                prop_assert_eq!(&out[..4], format!("{y:04}"));
                prop_assert!((1..=12).contains(&m) && (1..=31).contains(&d));
            }
        }
    }
}

fn month(m: u32) -> &'static str {
    const NAMES: [&str; 14] = [
        "Nonember",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Smarch",
    ];
    NAMES[m as usize]
}
