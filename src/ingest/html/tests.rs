use super::*;
use crate::model::{Block, Table};

fn blocks(doc: &ParsedDoc) -> Vec<&Block> {
    doc.sections.iter().flat_map(|s| s.blocks.iter()).collect()
}

fn all_text(doc: &ParsedDoc) -> String {
    format!("{:?}", doc.sections)
}

const NEWS_PAGE: &str = r##"<!doctype html><html><head>
<title>Harbour deal signed | The Coastal Times</title>
<meta property="og:site_name" content="The Coastal Times">
<script>var tracking = "SECRET_SCRIPT";</script><style>.x{}</style>
</head><body>
<header><a href="/">Home</a> SITE_HEADER</header>
<nav><ul><li>World</li><li>NAV_ITEM</li></ul></nav>
<div class="cookie-banner">We use cookies COOKIE_TEXT</div>
<article>
  <header><h1>Harbour deal signed</h1><p class="byline">By Ann</p></header>
  <p>Negotiators met on <b>Monday</b> &amp; agreed&nbsp;terms.</p>
  <div class="share-tools"><a>Share on X</a> SHARE_TEXT</div>
  <h2>What is in it</h2>
  <ul><li>Tariffs cut <ul><li>by 10%</li></ul></li><li>Ports reopen</li></ul>
  <table><thead><tr><th>Actor</th><th>Goal</th></tr></thead>
    <tbody><tr><td><a href="#">Valmora</a></td><td>Access to <em>the sea</em></td></tr>
    <tr><td>Ostrava</td><td>Fees</td></tr></tbody></table>
  <blockquote><p>"It is done," the minister said.</p></blockquote>
  <aside>ASIDE_TEXT</aside>
  <section class="related-articles"><p>RELATED_TEXT</p></section>
  <div id="comments"><p>COMMENT_TEXT</p></div>
  <h3>Next steps</h3><p>Ratification   follows.</p>
  <form>NEWSLETTER_FORM</form><div class="newsletter-signup">SIGNUP</div>
</article>
<footer>FOOTER_TEXT</footer>
</body></html>"##;

#[test]
fn news_page_structure_and_junk_removed() {
    let doc = parse(NEWS_PAGE);
    assert_eq!(doc.title.as_deref(), Some("Harbour deal signed"));
    assert_eq!(doc.source.as_deref(), Some("The Coastal Times"));
    let text = all_text(&doc);
    for junk in [
        "SECRET_SCRIPT",
        "SITE_HEADER",
        "NAV_ITEM",
        "COOKIE_TEXT",
        "SHARE_TEXT",
        "ASIDE_TEXT",
        "RELATED_TEXT",
        "COMMENT_TEXT",
        "NEWSLETTER_FORM",
        "SIGNUP",
        "FOOTER_TEXT",
        "By Ann",
    ] {
        assert!(!text.contains(junk), "{junk} leaked: {text}");
    }
    let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [None, Some("What is in it"), Some("Next steps")]);
    assert_eq!(
        doc.sections[0].blocks,
        vec![Block::Paragraph {
            text: "Negotiators met on Monday & agreed terms.".into()
        }]
    );
    assert_eq!(
        doc.sections[1].blocks,
        vec![
            Block::Bullets {
                items: vec![
                    "Tariffs cut".into(),
                    "  by 10%".into(),
                    "Ports reopen".into()
                ]
            },
            Block::Table(Table {
                header: vec!["Actor".into(), "Goal".into()],
                rows: vec![
                    vec!["Valmora".into(), "Access to the sea".into()],
                    vec!["Ostrava".into(), "Fees".into()]
                ]
            }),
            Block::Quote {
                text: "\"It is done,\" the minister said.".into()
            }
        ]
    );
    assert_eq!(
        doc.sections[2].blocks,
        vec![Block::Paragraph {
            text: "Ratification follows.".into()
        }]
    );
}

#[test]
fn without_article_the_densest_paragraph_block_wins() {
    let html = r#"<body><div class="menu"><p>Short menu</p></div>
        <div id="story"><p>First real paragraph with plenty of words in it.</p>
        <p>Second real paragraph, also long enough to count.</p></div>
        <div class="sidebar"><p>Tiny</p></div></body>"#;
    let doc = parse(html);
    let text = all_text(&doc);
    assert!(
        text.contains("First real") && text.contains("Second real"),
        "{text}"
    );
    assert!(
        !text.contains("Short menu") && !text.contains("Tiny"),
        "{text}"
    );
}

#[test]
fn main_element_or_role_main_is_used() {
    for html in [
        "<body><div><p>OUTSIDE outside outside outside</p></div><main><p>Inside main.</p></main></body>",
        "<body><div><p>OUTSIDE</p></div><div role=\"main\"><p>Inside main.</p></div></body>",
    ] {
        let text = all_text(&parse(html));
        assert!(text.contains("Inside main.") && !text.contains("OUTSIDE"), "{text}");
    }
}

#[test]
fn title_fallbacks_h1_then_title_without_suffix() {
    let doc = parse("<title>Page Title - Site</title><article><h1>Story H1</h1><p>Text of the story here.</p></article>");
    assert_eq!(doc.title.as_deref(), Some("Story H1"));
    assert!(!all_text(&doc).contains("Story H1"));
    let doc = parse("<title>Page Title - Site</title><article><p>Text of the story here, long enough.</p></article>");
    assert_eq!(doc.title.as_deref(), Some("Page Title"));
    let doc = parse("<p>no title anywhere</p>");
    assert_eq!(doc.title, None);
}

#[test]
fn og_title_wins_and_the_h1_is_not_repeated() {
    let doc = parse(
        r#"<meta property="og:title" content="OG Headline"><article><h1>Site H1 Headline</h1><p>Body text for the story.</p></article>"#,
    );
    assert_eq!(doc.title.as_deref(), Some("OG Headline"));
    assert!(!all_text(&doc).contains("Site H1"));
}

#[test]
fn loose_text_in_divs_becomes_paragraphs_and_br_splits_words() {
    let doc = parse("<article><div>Loose text<br>after break <span>inline</span></div><div><div>Deeper text</div></div></article>");
    assert_eq!(
        blocks(&doc),
        vec![
            &Block::Paragraph {
                text: "Loose text after break inline".into()
            },
            &Block::Paragraph {
                text: "Deeper text".into()
            }
        ]
    );
}

#[test]
fn double_br_separates_paragraphs_single_br_does_not() {
    let doc = parse(
        "<article><div>One line<br>same para<br><br>Second para<br> <br/>Third</div></article>",
    );
    assert_eq!(
        blocks(&doc),
        vec![
            &Block::Paragraph {
                text: "One line same para".into()
            },
            &Block::Paragraph {
                text: "Second para".into()
            },
            &Block::Paragraph {
                text: "Third".into()
            }
        ]
    );
}

#[test]
fn table_without_thead_uses_a_th_row_and_ignores_nested_tables_rows() {
    let doc = parse("<article><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><table><tr><td>in</td></tr></table></td></tr><tr><td></td><td></td></tr></table></article>");
    assert_eq!(
        blocks(&doc),
        vec![&Block::Table(Table {
            header: vec!["A".into(), "B".into()],
            rows: vec![vec!["1".into(), "in".into()]]
        })]
    );
}

#[test]
fn hidden_and_aria_hidden_and_role_widgets_are_dropped() {
    let doc = parse(
        r#"<article><p>Keep me.</p><div hidden>H1DDEN</div><p aria-hidden="true">ARIA</p><div role="complementary">COMP</div><div class="advertisement">ADV</div><div class="commentary"><p>Commentary stays.</p></div></article>"#,
    );
    let text = all_text(&doc);
    assert!(
        text.contains("Keep me.") && text.contains("Commentary stays."),
        "{text}"
    );
    for junk in ["H1DDEN", "ARIA", "COMP", "ADV"] {
        assert!(!text.contains(junk), "{junk}: {text}");
    }
}

#[test]
fn page_wide_flags_on_body_do_not_hide_the_page() {
    for html in [
        "<html class=\"cookie-consent\"><body class=\"has-ads social-on\"><article><p>Story text that matters.</p></article></body></html>",
        "<body id=\"promo-page\"><div class=\"links\"><p>OTHER_LINKS</p></div><div><p>Story text that matters.</p><p>More of it.</p></div></body>",
    ] {
        let text = all_text(&parse(html));
        assert!(text.contains("Story text that matters."), "{html}");
        assert!(!text.contains("OTHER_LINKS"), "{text}");
    }
}

#[test]
fn broken_markup_is_repaired_not_fatal() {
    let doc = parse(
        "<article><p>Unclosed <b>bold <i>both</p><ul><li>one<li>two</ul><table><td>cell</article>",
    );
    let text = all_text(&doc);
    assert!(text.contains("Unclosed bold both"), "{text}");
    assert!(
        text.contains("\"one\"") && text.contains("\"two\""),
        "{text}"
    );
    assert!(text.contains("cell"), "{text}");
}

#[test]
fn an_empty_page_warns() {
    let doc = parse("<html><head><title>x</title></head><body><nav>only nav</nav></body></html>");
    assert!(doc.sections.is_empty());
    assert!(doc.warnings.iter().any(|w| w.contains("no article text")));
}

#[test]
fn entities_and_whitespace() {
    let doc =
        parse("<article><p>Caf&eacute; &lt;tag&gt; &#8212;\n\t  end &quot;q&quot;</p></article>");
    assert_eq!(
        blocks(&doc),
        vec![&Block::Paragraph {
            text: "Café <tag> — end \"q\"".into()
        }]
    );
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = format!(
        "<article>{}deep text{}</article>",
        "<div>".repeat(5000),
        "</div>".repeat(5000)
    );
    let doc = parse(&html);
    assert!(all_text(&doc).contains("deep text"));
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC*") {
        let _ = parse(&s);
    }

    #[test]
    fn never_panics_on_tag_soup(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("<article>".to_string()),
                proptest::strategy::Just("</article>".to_string()),
                proptest::strategy::Just("<p>".to_string()),
                proptest::strategy::Just("<ul><li>".to_string()),
                proptest::strategy::Just("<table><tr><th>".to_string()),
                proptest::strategy::Just("<td>".to_string()),
                proptest::strategy::Just("<h2>".to_string()),
                proptest::strategy::Just("<blockquote>".to_string()),
                proptest::strategy::Just("<script type=\"application/ld+json\">{\"@graph\":[".to_string()),
                proptest::strategy::Just("<div class=\"share\">".to_string()),
                proptest::strategy::Just("</div>".to_string()),
                "[a-z <>/&;\"=]{0,12}",
            ],
            0..40,
        )
    ) {
        let _ = parse(&parts.concat());
    }
}
