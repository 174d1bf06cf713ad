//! Sentence splitting on inputs written for each rule (and to break it), plus property
//! tests that the splitter never panics and returns well-formed ranges.

use brief::derive::sentences::split;
use proptest::prelude::*;

fn sents(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn plain_sentences_and_terminators() {
    assert_eq!(
        sents("One. Two! Three? Four"),
        ["One.", "Two!", "Three?", "Four"]
    );
    assert_eq!(sents("  Padded.   Out.  "), ["Padded.", "Out."]);
    assert!(sents("").is_empty());
    assert!(sents("   \n\t ").is_empty());
    assert_eq!(sents("Wait?! Really."), ["Wait?!", "Really."]);
}

#[test]
fn titles_never_end_a_sentence() {
    for t in [
        "Mr. Smith arrived.",
        "Mrs. Jones left.",
        "Dr. Who spoke.",
        "Lt. Gen. Keith Kellogg met them.",
        "Sen. Warren and Gov. Newsom spoke.",
        "Prof. Ada Lovelace wrote it.",
        "They met at No. 10 Downing St. In the evening.",
        "Some fruit, e.g. Apples, were sold.",
        "The cup, i.e. The trophy, was lost.",
    ] {
        assert_eq!(sents(t).len(), 1, "{t}: {:?}", sents(t));
    }
    assert_eq!(
        sents("Mr Smith arrived. He sat."),
        ["Mr Smith arrived.", "He sat."]
    );
}

#[test]
fn dotted_abbreviations_end_only_before_an_opener() {
    assert_eq!(sents("The U.S. President spoke.").len(), 1);
    assert_eq!(sents("The U.K. Government agreed.").len(), 1);
    assert_eq!(
        sents("He lives in the U.S. The visit ended."),
        ["He lives in the U.S.", "The visit ended."]
    );
    assert_eq!(sents("It starts at 9 a.m. Monday in Kyiv.").len(), 1);
    assert_eq!(sents("It ended at 5 p.m. on Friday.").len(), 1);
    assert_eq!(
        sents("It ended at 5 p.m. He left."),
        ["It ended at 5 p.m.", "He left."]
    );
}

#[test]
fn company_and_month_abbreviations() {
    assert_eq!(
        sents("Acme Inc. Chief Executive Jo Bloggs said so.").len(),
        1
    );
    assert_eq!(
        sents("Shares of Acme Inc. The firm rose."),
        ["Shares of Acme Inc.", "The firm rose."]
    );
    assert_eq!(sents("Barclays Ltd. and Foo Corp. merged.").len(), 1);
    assert_eq!(sents("Published Dec. 8, 2025 in London.").len(), 1);
    assert_eq!(sents("On Jan. 5 talks began.").len(), 1);
    assert_eq!(
        sents("It was due in Sept. But it slipped."),
        ["It was due in Sept.", "But it slipped."]
    );
}

#[test]
fn initials_stay_with_their_name() {
    assert_eq!(sents("J. R. R. Tolkien wrote it.").len(), 1);
    assert_eq!(sents("J.R.R. Tolkien wrote it.").len(), 1);
    assert_eq!(sents("Analyst P. Simmons agreed.").len(), 1);
    assert_eq!(
        sents("They chose plan B. It failed."),
        ["They chose plan B.", "It failed."]
    );
}

#[test]
fn numbers_and_money() {
    assert_eq!(
        sents("The dollar reached $1.2871 against the euro.").len(),
        1
    );
    assert_eq!(sents("Inflation hit 3.5% in May. Rates rose.").len(), 2);
    assert_eq!(sents("Version 2.0.1 shipped.").len(), 1);
    assert_eq!(
        sents("Sales rose in 2004. 2005 was worse."),
        ["Sales rose in 2004.", "2005 was worse."]
    );
    assert_eq!(
        sents("1. Coordinate positions ahead of the summit.").len(),
        1
    );
}

#[test]
fn ellipses() {
    assert_eq!(sents("He paused... and went on.").len(), 1);
    assert_eq!(
        sents("He paused... Then he left."),
        ["He paused...", "Then he left."]
    );
    assert_eq!(sents("Wait… Then go."), ["Wait…", "Then go."]);
    assert_eq!(sents("and so on… or not.").len(), 1);
}

#[test]
fn sentences_ending_inside_quotes() {
    assert_eq!(
        sents("“We will meet this week.” He added that talks would go on."),
        [
            "“We will meet this week.”",
            "He added that talks would go on."
        ]
    );
    assert_eq!(
        sents("\"We are ready,\" he said. \"Now.\""),
        ["\"We are ready,\" he said.", "\"Now.\""]
    );
    assert_eq!(sents("\"Is it over?\" he asked.").len(), 1);
    assert_eq!(sents("She said: \"No way.\" Then she left.").len(), 2);
    assert_eq!(sents("(See the table.) Next comes the list.").len(), 2);
    assert_eq!(
        sents("It was “final.”The talks ended."),
        ["It was “final.”", "The talks ended."]
    );
}

#[test]
fn missing_space_after_a_full_stop() {
    assert_eq!(
        sents("peace in his country’s war with Russia.The visit comes as the conflict nears"),
        [
            "peace in his country’s war with Russia.",
            "The visit comes as the conflict nears"
        ]
    );
    assert_eq!(
        sents("Why now?The answer is money."),
        ["Why now?", "The answer is money."]
    );
    assert_eq!(sents("Read it at rki.news today.").len(), 1);
    assert_eq!(sents("See example.com or www.bbc.co.uk for more.").len(), 1);
    assert_eq!(sents("Visit https://Example.Org/path now.").len(), 1);
    assert_eq!(sents("Aid for reconstruction,and security.").len(), 1);
    assert_eq!(sents("The U.S.A is big.").len(), 1);
}

#[test]
fn blank_lines_end_sentences_single_newlines_do_not() {
    assert_eq!(
        sents("A heading\n\nBody text here."),
        ["A heading", "Body text here."]
    );
    assert_eq!(
        sents("Body text\ncontinues here."),
        ["Body text\ncontinues here."]
    );
}

#[test]
fn unicode_text_splits_on_char_boundaries() {
    assert_eq!(
        sents("Зеленский прибыл. Он сказал."),
        ["Зеленский прибыл.", "Он сказал."]
    );
    assert_eq!(
        sents("日本語の文。 Ünïcödé Ärger. Éclair!"),
        ["日本語の文。 Ünïcödé Ärger.", "Éclair!"]
    );
}

fn check_ranges(text: &str) {
    let rs = split(text);
    let mut last = 0;
    for r in &rs {
        assert!(r.start >= last && r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let s = &text[r.clone()];
        assert_eq!(s, s.trim());
        last = r.end;
    }
    // Nothing but whitespace is left out.
    let covered: usize = rs
        .iter()
        .map(|r| text[r.clone()].split_whitespace().count())
        .sum();
    let words = text.split_whitespace().count();
    assert!(covered >= words, "{text:?}");
}

proptest! {
    #[test]
    fn split_ranges_are_ordered_trimmed_and_cover_the_text(text in "\\PC{0,200}") {
        check_ranges(&text);
    }

    #[test]
    fn split_survives_punctuation_storms(text in "[a-zA-Z .!?…\"“”’'()\\n$%0-9,]{0,200}") {
        check_ranges(&text);
    }
}
