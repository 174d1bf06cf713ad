//! Structure recovery for scraped plain text: the sample briefing's done checks, and many
//! input shapes of our own (metadata lines, headings, lists, quotes, boilerplate, glued
//! and wrapped text, wire copy, one sentence per line).

use brief::ingest::text::{dates, parse, title_from_lead};
use brief::ingest::ParsedDoc;
use brief::model::Block;

fn headings(doc: &ParsedDoc) -> Vec<&str> {
    doc.sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect()
}

fn blocks(doc: &ParsedDoc) -> Vec<&Block> {
    doc.sections.iter().flat_map(|s| &s.blocks).collect()
}

fn paragraphs(doc: &ParsedDoc) -> Vec<&str> {
    blocks(doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn bullet_lists(doc: &ParsedDoc) -> Vec<Vec<String>> {
    blocks(doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::Bullets { items } => Some(items.clone()),
            _ => None,
        })
        .collect()
}

/// Everything a reader sees: headings and block text.
fn shown(doc: &ParsedDoc) -> String {
    let mut out = Vec::new();
    for s in &doc.sections {
        out.extend(s.heading.clone());
        for b in &s.blocks {
            out.push(match b {
                Block::Paragraph { text } | Block::Quote { text } => text.clone(),
                Block::Bullets { items } => items.join("\n"),
                Block::Table(t) => {
                    let mut cells = t.header.clone();
                    cells.extend(t.rows.iter().flatten().cloned());
                    cells.join("\n")
                }
            });
        }
    }
    out.join("\n")
}

const S000: &str = include_str!("../../samples/ukraine-talks/000_283513d952b592bb.txt");
const S001: &str = include_str!("../../samples/ukraine-talks/001_70a42e6bfbcecba7.txt");
const S002: &str = include_str!("../../samples/ukraine-talks/002_2bdf8af0f159c7e7.txt");
const S003: &str = include_str!("../../samples/ukraine-talks/003_6fc9c2d93c119ec1.txt");
const S004: &str = include_str!("../../samples/ukraine-talks/004_ea395bd22a47b23a.txt");

#[test]
fn sample_000_structure() {
    let d = parse(S000);
    assert_eq!(d.category.as_deref(), Some("Politics"));
    assert_eq!(
        d.title.as_deref(),
        Some("Zelenskyy Heads to London for Pivotal Ukraine Peace Talks: Key Details Inside")
    );
    assert_eq!(d.source.as_deref(), Some("KGOU"));
    assert_eq!(headings(&d).len(), 5, "{:?}", headings(&d));
    assert_eq!(headings(&d)[4], "to sum up");
    assert_eq!(bullet_lists(&d).len(), 4);
    assert!(bullet_lists(&d).iter().all(|l| l.len() == 4));
    assert_eq!(d.tables_count(), 4);
    for name in [
        "Related posts",
        "Mia Garcia",
        "Olivia Williams",
        "Isabella Rossi",
    ] {
        assert!(d.removed.iter().any(|r| r == name), "{name} not removed");
        assert!(!shown(&d).contains(name), "{name} shown");
    }
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // The glued sentences are two sentences of one paragraph.
    assert!(shown(&d).contains("with Russia. The visit comes"));
}

trait Tables {
    fn tables_count(&self) -> usize;
}

impl Tables for ParsedDoc {
    fn tables_count(&self) -> usize {
        blocks(self)
            .iter()
            .filter(|b| matches!(b, Block::Table(_)))
            .count()
    }
}

#[test]
fn sample_001_has_no_headline_and_a_short_derived_title() {
    let d = parse(S001);
    assert_eq!(d.title, None);
    let lead = paragraphs(&d)[0];
    let t = title_from_lead(lead);
    assert!(t.split(' ').count() <= 12, "{t}");
    assert!(t.len() < lead.len() / 3, "{t}");
    assert!(lead.starts_with(t.trim_end_matches('…')), "{t}");
    assert_eq!(paragraphs(&d).len(), 11);
}

#[test]
fn sample_002_title_and_byline() {
    let d = parse(S002);
    assert_eq!(
        d.title.as_deref(),
        Some("London Talks Seek Path to Ceasefire in Ukraine Conflict")
    );
    assert_eq!(d.byline.as_deref(), Some("Staff, Agencies"));
    assert!(!shown(&d).contains("By Staff"));
    assert!(headings(&d).is_empty());
}

#[test]
fn sample_003_metadata() {
    let d = parse(S003);
    assert_eq!(
        d.title.as_deref(),
        Some("Zelensky Intensifies Diplomatic Push with Key European Leaders")
    );
    assert_eq!(d.published.as_deref(), Some("2025-12-08"));
    assert_eq!(d.source.as_deref(), Some("rki.news"));
    assert_eq!(d.category.as_deref(), Some("International"));
    let text = shown(&d);
    for gone in ["Document Date", "Category:", "Click Here", "Published on"] {
        assert!(!text.contains(gone), "{gone} shown");
    }
    assert_eq!(paragraphs(&d).len(), 5);
}

#[test]
fn sample_004_headings_and_aggregator_counters() {
    let d = parse(S004);
    assert_eq!(
        d.title.as_deref(),
        Some("Diplomatic Push Intensifies for Ukraine Peace Amidst Ongoing Conflict and New US-Led Talks")
    );
    assert_eq!(headings(&d), ["Overview", "Analysis", "FAQ", "History"]);
    for gone in [
        "Sources (19)",
        "Center (7)",
        "This story does not have any previous versions.",
    ] {
        assert!(d.removed.iter().any(|r| r == gone), "{gone}");
        assert!(!shown(&d).contains(gone));
    }
}

#[test]
fn metadata_lines_of_many_shapes() {
    let d = parse(
        "World\n\nEnvoys Gather in Geneva – Daily Planet\n\nBy Jane Doe and John Roe\nUpdated 9 December 2025\nPosted: 8 Dec 2025 10:00 GMT\nhttps://example.org/news/envoys\n\nEnvoys from twelve countries gathered in Geneva on Monday for a new round of talks.",
    );
    assert_eq!(d.category.as_deref(), Some("World"));
    assert_eq!(d.title.as_deref(), Some("Envoys Gather in Geneva"));
    assert_eq!(d.source.as_deref(), Some("Daily Planet"));
    assert_eq!(d.byline.as_deref(), Some("Jane Doe and John Roe"));
    assert_eq!(d.published.as_deref(), Some("2025-12-08"));
    assert_eq!(d.url.as_deref(), Some("https://example.org/news/envoys"));
    assert_eq!(paragraphs(&d).len(), 1);
}

#[test]
fn a_crawl_date_is_not_the_publication_date() {
    let d = parse("Talks Resume\n\nDocument Date: Thu, Apr 23 2026 02:39:41 pm\n\nThe talks resumed on Monday after a pause of several weeks.");
    assert_eq!(d.published, None);
    assert_eq!(d.removed, ["Document Date: Thu, Apr 23 2026 02:39:41 pm"]);
}

#[test]
fn bare_date_lines_and_source_labels() {
    let d = parse("Talks Resume\nMonday, December 8, 2025\nSource: Wire Service\n\nThe talks resumed on Monday after a pause of several weeks.");
    assert_eq!(d.published.as_deref(), Some("2025-12-08"));
    assert_eq!(d.source.as_deref(), Some("Wire Service"));
}

#[test]
fn dates_normalise_and_reject_impossible_ones() {
    assert_eq!(
        dates::normalize("Dec. 8, 2025").as_deref(),
        Some("2025-12-08")
    );
    assert_eq!(
        dates::normalize("Thu, Apr 23 2026 02:39:41 pm").as_deref(),
        Some("2026-04-23")
    );
    assert_eq!(
        dates::normalize("2025/12/08").as_deref(),
        Some("2025-12-08")
    );
    assert_eq!(
        dates::normalize("2025-12-08T23:59:59+02:00").as_deref(),
        Some("2025-12-08")
    );
    assert_eq!(dates::normalize("31 April 2025"), None);
    assert_eq!(dates::normalize("2023-02-29"), None);
}

#[test]
fn bullets_of_every_marker_and_continuations() {
    let d = parse(
        "Plan Details\n\nThe plan has several parts, officials said:\n\n- first part\n- second part\n  that wraps onto a second line\n* third part\n\n1. one\n2) two\n3. three\n\n• dot\n◦ circle\n\nThe plan will be debated next week by the parliament in Kyiv.",
    );
    let lists = bullet_lists(&d);
    assert_eq!(lists.len(), 3, "{lists:?}");
    assert_eq!(
        lists[0],
        [
            "first part",
            "second part that wraps onto a second line",
            "third part"
        ]
    );
    assert_eq!(lists[1], ["one", "two", "three"]);
    assert_eq!(lists[2], ["dot", "circle"]);
}

#[test]
fn block_quotes() {
    let d = parse("Quote Of The Day\n\nThe minister spoke briefly.\n\n> We will not give up\n> our land.\n\nShe then left the room without taking questions.");
    let quotes: Vec<&Block> = blocks(&d)
        .into_iter()
        .filter(|b| matches!(b, Block::Quote { .. }))
        .collect();
    assert_eq!(
        quotes,
        [&Block::Quote {
            text: "We will not give up our land.".into()
        }]
    );
}

#[test]
fn headings_in_blank_separated_text() {
    let d = parse(
        "Main Title Here\n\nThe first paragraph explains what happened on Monday in the capital.\n\nWhat comes next\n\nThe second paragraph looks ahead to the summit planned for spring.\n\nWhy it matters\n\n- Point one\n- Point two\n",
    );
    assert_eq!(headings(&d), ["What comes next", "Why it matters"]);
    assert_eq!(paragraphs(&d).len(), 2);
}

#[test]
fn headings_in_one_paragraph_per_line_text() {
    let d = parse(
        "Main Title Here\nThe first paragraph explains what happened on Monday in the capital.\nBackground\nThe war began in 2022 and has since displaced millions of people.\nIt continues today with no end in sight, analysts say.\nReactions\nLeaders across Europe welcomed the move on Tuesday, saying it was overdue.",
    );
    assert_eq!(headings(&d), ["Background", "Reactions"]);
    assert_eq!(paragraphs(&d).len(), 4);
}

#[test]
fn no_false_headings() {
    // Short lines that do not introduce body text, end in punctuation, trail off on a
    // preposition, or continue a broken sentence are not headings.
    for text in [
        "Title Line Here\n\nThe results came in late.\n\nWomen's singles, third round\nSandrine Testud (France) beat Ines Gorrochategui (Argentina) 4-6 6-2 6-1",
        "Title Line Here\n\nThe men's 800m went to form in Sheffield as\n\nqualified fastest in the heats on Saturday, the organisers said.",
        "Title Line Here\n\nHe said the plan was sound but that it\n\nNeeded more work\n\nbefore anyone could sign it, according to aides.",
        "Title Line Here\n\nResults of the vote:\n\nPassed narrowly\n\nThe vote passed by three votes after a long debate in the chamber.",
    ] {
        let d = parse(text);
        assert!(headings(&d).is_empty(), "{:?} in {text:?}", headings(&d));
    }
}

#[test]
fn wrapped_lines_join_into_one_paragraph() {
    let d = parse(
        "Wrapped Article\n\nThe dollar has hit its highest level against the euro in almost three\nmonths after the Federal Reserve head said the US trade deficit is set\nto stabilise, and analysts expect further gains in the coming weeks as\nmarkets digest the news.\n\nA second paragraph follows here, short and complete.",
    );
    let p = paragraphs(&d);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].contains("almost three months after the Federal Reserve head"));
}

#[test]
fn wire_copy_one_sentence_per_line() {
    let d = parse(
        "Jones Medical completes acquisition.\nST. LOUIS 1996-08-30\nJones Medical Industries Inc said Friday it completed the acquisition of Daniels Pharmaceuticals Inc.\nThe deal was valued at about $50 million.\nShares rose 3 percent\nin early trading.",
    );
    assert_eq!(
        d.title.as_deref(),
        Some("Jones Medical completes acquisition")
    );
    assert_eq!(d.published.as_deref(), Some("1996-08-30"));
    assert!(headings(&d).is_empty());
    assert_eq!(d.tables_count(), 0);
    let p = paragraphs(&d);
    assert_eq!(p[0], "ST. LOUIS 1996-08-30");
    assert_eq!(
        p.last().copied(),
        Some("Shares rose 3 percent in early trading.")
    );
}

#[test]
fn wire_headline_in_capitals() {
    let d = parse("SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN.\nLONDON 1996-08-30\nThe world's costliest footballer Alan Shearer was named as the new England captain on Friday.");
    assert_eq!(
        d.title.as_deref(),
        Some("SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN")
    );
    assert_eq!(d.source, None);
}

#[test]
fn boilerplate_is_kept_aside_and_names_never_shown() {
    let d = parse(
        "Big Story Today\n\nShare this article\nFacebook\nTwitter\n\nThe story itself is told here, in a full paragraph of prose.\n\nWe use cookies to improve your experience.\nSubscribe to our newsletter\n3 min read\n\nRelated articles\n\nAnother Story About Something Else\nPriya Sharma\n\nYet Another Story\nTomasz Nowak\n",
    );
    assert_eq!(
        paragraphs(&d),
        ["The story itself is told here, in a full paragraph of prose."]
    );
    for name in [
        "Priya Sharma",
        "Tomasz Nowak",
        "Facebook",
        "Subscribe to our newsletter",
        "3 min read",
    ] {
        assert!(d.removed.iter().any(|r| r == name), "{name} not kept aside");
        assert!(!shown(&d).contains(name), "{name} shown");
    }
}

#[test]
fn related_block_stops_at_prose() {
    let d = parse("Story\n\nFirst paragraph of the story, complete with a full stop.\n\nRelated\nA Headline\nA Name\n\nThe story goes on after the box with another full paragraph of text.");
    assert_eq!(paragraphs(&d).len(), 2);
    assert_eq!(d.removed, ["Related", "A Headline", "A Name"]);
}

#[test]
fn empty_and_degenerate_inputs() {
    for raw in [
        "",
        "\n\n\n",
        "   ",
        "\u{feff}",
        "-",
        "•",
        ">",
        "1.",
        "Politics",
        "By",
        "Category:",
    ] {
        let d = parse(raw);
        assert!(
            d.sections
                .iter()
                .all(|s| s.heading.is_some() || !s.blocks.is_empty()),
            "{raw:?}"
        );
    }
    let d = parse("Only a title line");
    assert_eq!(d.title.as_deref(), Some("Only a title line"));
}

#[test]
fn control_characters_never_reach_the_text() {
    let d = parse("A Title\u{1b}]0;evil\u{7} Here\n\nBody \u{1b}[31mred\u{1b}[0m text with a bell\u{7} in it.");
    assert!(!shown(&d).contains('\u{1b}') && !shown(&d).contains('\u{7}'));
    assert!(d.title.as_deref().is_some_and(|t| !t.contains('\u{1b}')));
}

#[test]
fn derived_titles_are_short() {
    for lead in [
        "Ukrainian President Volodymyr Zelensky continued an intensive round of diplomatic engagements on Monday, departing Downing Street after holding discussions.",
        "Officials from Ukraine, the US, the UK and several European countries gathered in London on Wednesday as part of ongoing efforts to explore possibilities.",
        "Short lead.",
        "A single enormously long sentence without any commas that keeps going and going far beyond what any reasonable headline would ever contain in print",
    ] {
        let t = title_from_lead(lead);
        assert!(!t.is_empty());
        assert!(t.split(' ').count() <= 12, "{t}");
        assert!(!t.ends_with(' ') && !t.ends_with(','), "{t}");
    }
    assert_eq!(title_from_lead("Short lead."), "Short lead");
}

#[test]
fn a_ten_megabyte_single_line_parses() {
    let line = "word ".repeat(2_000_000);
    let d = parse(&line);
    assert_eq!(paragraphs(&d).len(), 1);
    let glued = "Sentence one.Sentence two,and three ".repeat(200_000);
    assert!(!parse(&glued).sections.is_empty());
}

#[test]
fn a_heading_may_introduce_a_table() {
    let d = parse(
        "Aid Figures\n\nThe donors published their latest figures on Friday.\n\nKey figures\n\nDonor Pledged Delivered\nGermany €7.5 billion €4.2 billion\nFrance €3 billion €1.1 billion\n\nThe figures will be updated next month.",
    );
    assert_eq!(headings(&d), ["Key figures"]);
    assert_eq!(d.tables_count(), 1);
}

#[test]
fn byline_with_a_date_after_a_bar() {
    let d = parse("Talks Resume\nBy Jane Doe | December 8, 2025\n\nThe talks resumed on Monday after a pause of several weeks.");
    assert_eq!(d.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(d.published.as_deref(), Some("2025-12-08"));
}

#[test]
fn a_table_at_the_top_is_not_a_headline() {
    let d = parse("Year Growth Inflation\n2023 2.1% 3.4%\n2024 1.8% 2.9%\n\nGrowth slowed as inflation eased, the statistics office said.");
    assert_eq!(d.title, None);
    assert_eq!(d.tables_count(), 1);
}

#[test]
fn breadcrumbs_and_photo_credits_are_set_aside() {
    let d = parse("Home > World > Europe\n\nEnvoys Gather in Geneva\n\nPhoto: Anna Kowalska/Getty Images\n\nEnvoys from twelve countries gathered in Geneva on Monday for a new round of talks.");
    assert_eq!(d.category.as_deref(), Some("Europe"));
    assert_eq!(d.title.as_deref(), Some("Envoys Gather in Geneva"));
    assert!(!shown(&d).contains("Kowalska"));
    assert!(d.removed.iter().any(|r| r.contains("Kowalska")));
}

#[test]
fn wire_headline_with_an_author_line_and_a_two_line_dateline() {
    let d = parse("Twilight zone for Wall Street as race heats up.\nPierre Belec\nNEW YORK 1996-08-30\nFor Wall Street, this is the season to be cautious.");
    assert_eq!(
        d.title.as_deref(),
        Some("Twilight zone for Wall Street as race heats up")
    );
    assert_eq!(d.published.as_deref(), Some("1996-08-30"));
    let d = parse("Douglas & Lomason shares rise on merger.\nFARMINGTON HILLS, Mich.\n1996-08-30\nShares of Douglas & Lomason Co were up on Friday.");
    assert_eq!(
        d.title.as_deref(),
        Some("Douglas & Lomason shares rise on merger")
    );
    assert_eq!(d.published.as_deref(), Some("1996-08-30"));
    // A short lead sentence with no date or byline near it stays body text.
    let d = parse("Talks resumed today.\nThe envoys met for three hours in Geneva, officials said afterwards.");
    assert_eq!(d.title, None);
}

#[test]
fn markdown_style_headings_survive_in_text() {
    let d = parse("# Envoys Gather in Geneva\n\nThe envoys met on Monday.\n\n## Background\n## Why now\n\nThe war began in 2022.");
    assert_eq!(d.title.as_deref(), Some("Envoys Gather in Geneva"));
    assert_eq!(headings(&d), ["Background", "Why now"]);
}

#[test]
fn a_source_note_under_a_table_does_not_spoil_it() {
    let d = parse("Growth Outlook\n\nThe fund revised its forecasts on Tuesday.\n\nYear Growth Inflation\n2023 2.1% 3.4%\n2024 1.8% 2.9%\nSource: IMF\n\nThe revisions were small.");
    assert_eq!(d.tables_count(), 1);
    assert!(shown(&d).contains("Source: IMF"));
}
