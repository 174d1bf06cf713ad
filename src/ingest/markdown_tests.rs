use super::*;

fn blocks(doc: &ParsedDoc) -> Vec<&Block> {
    doc.sections.iter().flat_map(|s| s.blocks.iter()).collect()
}

#[test]
fn first_h1_is_the_title_and_h2_opens_sections() {
    let doc = parse("# Harbour Talks\n\nLead *para* with [a link](http://x) and `code`.\n\n## Background\n\nMore.\n");
    assert_eq!(doc.title.as_deref(), Some("Harbour Talks"));
    assert_eq!(doc.sections.len(), 2);
    assert_eq!(doc.sections[0].heading, None);
    assert_eq!(
        doc.sections[0].blocks,
        vec![Block::Paragraph {
            text: "Lead para with a link and code.".into()
        }]
    );
    assert_eq!(doc.sections[1].heading.as_deref(), Some("Background"));
}

#[test]
fn front_matter_title_wins_and_a_repeated_h1_is_not_a_section() {
    let doc = parse("---\ntitle: Real Title\nauthor: Kim\n---\n# Real Title\n\nBody.\n\n# Second Part\n\nMore.\n");
    assert_eq!(doc.title.as_deref(), Some("Real Title"));
    assert_eq!(doc.byline.as_deref(), Some("Kim"));
    let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [None, Some("Second Part")]);
}

#[test]
fn h1_after_content_is_a_section_not_the_title() {
    let doc = parse("Intro words.\n\n# Late Heading\n\nText.\n");
    assert_eq!(doc.title, None);
    assert_eq!(doc.sections[1].heading.as_deref(), Some("Late Heading"));
}

#[test]
fn nested_lists_flatten_parent_first_with_indent() {
    let doc =
        parse("- one\n  - one.a\n    - deep\n  - one.b\n- two **bold**\n\n1. first\n2. second\n");
    assert_eq!(
        blocks(&doc),
        vec![
            &Block::Bullets {
                items: vec![
                    "one".into(),
                    "  one.a".into(),
                    "    deep".into(),
                    "  one.b".into(),
                    "two bold".into()
                ]
            },
            &Block::Bullets {
                items: vec!["first".into(), "second".into()]
            }
        ]
    );
}

#[test]
fn loose_list_items_keep_all_their_paragraphs() {
    let doc = parse("* Alpha\n\n  continues here.\n\n* Beta\n");
    assert_eq!(
        blocks(&doc),
        vec![&Block::Bullets {
            items: vec!["Alpha continues here.".into(), "Beta".into()]
        }]
    );
}

#[test]
fn gfm_table_with_inline_markup_in_cells() {
    let doc = parse(
        "| Actor | *Goal* |\n|---|:-:|\n| **UK** | [Lead](u) talks |\n| EU | `sanctions` |\n",
    );
    assert_eq!(
        blocks(&doc),
        vec![&Block::Table(Table {
            header: vec!["Actor".into(), "Goal".into()],
            rows: vec![
                vec!["UK".into(), "Lead talks".into()],
                vec!["EU".into(), "sanctions".into()]
            ]
        })]
    );
}

#[test]
fn block_quotes_join_their_paragraphs_and_lists() {
    let doc =
        parse("> \"We will not yield,\" she said.\n>\n> Second line\n> - a point\n\nAfter.\n");
    let b = blocks(&doc);
    assert_eq!(
        b[0],
        &Block::Quote {
            text: "\"We will not yield,\" she said. Second line a point".into()
        }
    );
    assert_eq!(
        b[1],
        &Block::Paragraph {
            text: "After.".into()
        }
    );
}

#[test]
fn images_are_dropped_html_tags_stripped_and_breaks_become_spaces() {
    let doc = parse("Text ![alt words](p.png) end\nnext line  \nhard <b>bold</b>.\n\n<div class=\"x\">Block html</div>\n");
    let b = blocks(&doc);
    assert_eq!(
        b[0],
        &Block::Paragraph {
            text: "Text end next line hard bold .".into()
        }
    );
    assert_eq!(
        b[1],
        &Block::Paragraph {
            text: "Block html".into()
        }
    );
}

#[test]
fn only_front_matter_warns() {
    let doc = parse("---\ntitle: Empty\n---\n\n");
    assert!(doc.sections.is_empty());
    assert_eq!(doc.title.as_deref(), Some("Empty"));
    assert!(doc.warnings[0].contains("no article text"));
}

#[test]
fn broken_markup_still_yields_text() {
    let doc =
        parse("## Unclosed [link(\n\n| a | b\n|--\n*dangling **emph\n> quote\n```\nnever closed");
    let all: String = blocks(&doc).iter().map(|b| format!("{b:?}")).collect();
    assert!(all.contains("dangling"), "{all}");
    assert!(all.contains("never closed"), "{all}");
}

#[test]
fn empty_headings_are_ignored() {
    let doc = parse("##\n\nText\n");
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].heading, None);
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC*") {
        let _ = parse(&s);
    }

    #[test]
    fn never_panics_on_markdown_shaped_input(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("# ".to_string()),
                proptest::strategy::Just("- ".to_string()),
                proptest::strategy::Just("  * ".to_string()),
                proptest::strategy::Just("> ".to_string()),
                proptest::strategy::Just("| a | b |\n|---|---|\n".to_string()),
                proptest::strategy::Just("---\n".to_string()),
                proptest::strategy::Just("+++\n".to_string()),
                proptest::strategy::Just("```\n".to_string()),
                proptest::strategy::Just("\n\n".to_string()),
                "[a-z :*_\\[\\]()|<>`]{0,12}",
            ],
            0..40,
        )
    ) {
        let _ = parse(&parts.concat());
    }
}
