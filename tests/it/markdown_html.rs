//! Markdown and HTML articles shaped like the ones people save from the web, opened
//! through the public API exactly as `brief` opens a folder.

use brief::model::{Article, Block, Briefing, Format};
use brief::open::{open, OpenOptions, Origin};
use std::fs;

fn open_files(files: &[(&str, &str)]) -> Briefing {
    let t = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        fs::write(t.path().join(name), text).expect("write");
    }
    open(
        &Origin::Paths(vec![t.path().to_path_buf()]),
        &OpenOptions {
            use_cache: false,
            ..OpenOptions::default()
        },
    )
    .expect("open")
}

fn text_of(a: &Article) -> String {
    let mut s = String::new();
    for sec in &a.sections {
        if let Some(h) = &sec.heading {
            s.push_str(&format!("## {h}\n"));
        }
        for b in &sec.blocks {
            match b {
                Block::Paragraph { text } => s.push_str(&format!("P {text}\n")),
                Block::Quote { text } => s.push_str(&format!("Q {text}\n")),
                Block::Bullets { items } => {
                    items.iter().for_each(|i| s.push_str(&format!("- {i}\n")))
                }
                Block::Table(t) => s.push_str(&format!("T {:?} {:?}\n", t.header, t.rows)),
            }
        }
    }
    s
}

const BLOG_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ceasefire talks stall over border map &#8211; North Ledger</title>
<meta name="description" content="DESCRIPTION_ONLY">
<link rel="canonical" href="https://ledger.example/ceasefire-map">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"Organization","name":"North Ledger"},
 {"@type":"BreadcrumbList","itemListElement":[]},
 {"@type":"NewsArticle","headline":"Ceasefire talks stall over border map","datePublished":"2025-11-30T08:15:00+01:00",
  "author":[{"@type":"Person","name":"Mira Okafor"},{"@type":"Person","name":"Tom Reyes"}],
  "publisher":{"@type":"Organization","name":"North Ledger"}}]}
</script></head>
<body class="single-post">
<div id="cookie-notice">We value your privacy. ACCEPT_COOKIES</div>
<div class="site-wrap">
 <div class="topbar"><ul class="menu"><li><a href="/">Home</a></li><li>MENU_POLITICS</li></ul></div>
 <div class="content-area">
  <div class="entry-content">
   <p>Talks between the two delegations stalled on Sunday after negotiators failed to agree on a border map.</p>
   <p>Officials said the dispute centres on three villages near the river crossing.</p>
   <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li>SHARE_FACEBOOK</li></ul></div>
   <h2>What each side wants</h2>
   <ul><li>The north wants the 2019 line <ul><li>with a demilitarised strip</li></ul></li><li>The south wants a referendum</li></ul>
   <p>A mediator said: <q>We are not there yet.</q></p>
   <div class="jp-relatedposts"><h3>Related</h3><p>RELATED_POST_TITLE</p></div>
  </div>
 </div>
 <div id="secondary" class="widget-area" role="complementary"><p>SIDEBAR_WIDGET</p></div>
</div>
<div class="newsletter-box"><p>NEWSLETTER_PITCH</p></div>
</body></html>"#;

#[test]
fn a_blog_page_without_article_element() {
    let b = open_files(&[("ledger.html", BLOG_PAGE)]);
    let a = &b.articles[0];
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title, "Ceasefire talks stall over border map");
    assert_eq!(a.source.as_deref(), Some("North Ledger"));
    assert_eq!(a.byline.as_deref(), Some("Mira Okafor, Tom Reyes"));
    assert_eq!(a.published.as_deref(), Some("2025-11-30"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://ledger.example/ceasefire-map")
    );
    let text = text_of(a);
    for junk in [
        "ACCEPT_COOKIES",
        "MENU_POLITICS",
        "SHARE_FACEBOOK",
        "RELATED_POST_TITLE",
        "SIDEBAR_WIDGET",
        "NEWSLETTER_PITCH",
        "DESCRIPTION_ONLY",
    ] {
        assert!(!text.contains(junk), "{junk} leaked:\n{text}");
    }
    assert!(
        text.contains("P Talks between the two delegations"),
        "{text}"
    );
    assert!(text.contains("## What each side wants"), "{text}");
    assert!(text.contains("- The north wants the 2019 line\n-   with a demilitarised strip\n- The south wants a referendum"), "{text}");
    assert!(
        text.contains("P A mediator said: “We are not there yet.”"),
        "{text}"
    );
}

const HUGO_POST: &str = "+++\ntitle = \"Grain corridor reopens\"\ndate = 2025-10-02\nauthors = [\"Lena Ruiz\"]\ncategories = [\"Trade\"]\nsource = \"Port Weekly\"\n+++\n\n\
Ships left the port at dawn, the first in six weeks.\n\n\
## Who is shipping\n\n\
| Company | Cargo | Tonnes |\n|:--|:--|--:|\n| **Delta Grain** | Wheat | 30,000 |\n| Sea & Co | Maize, *yellow* | 12,500 |\n\n\
1. Insurance\n   - premiums doubled\n   - war-risk cover returns\n2. Escorts\n\n\
> \"This is fragile,\" said a broker.\n> \"Very fragile.\"\n\n\
### Prices\n\nWheat futures fell 2%.\n";

#[test]
fn a_static_site_post_with_toml_front_matter() {
    let b = open_files(&[("grain.md", HUGO_POST)]);
    let a = &b.articles[0];
    assert_eq!(a.title, "Grain corridor reopens");
    assert_eq!(a.published.as_deref(), Some("2025-10-02"));
    assert_eq!(a.byline.as_deref(), Some("Lena Ruiz"));
    assert_eq!(a.category.as_deref(), Some("Trade"));
    assert_eq!(a.source.as_deref(), Some("Port Weekly"));
    let text = text_of(a);
    let expected = "P Ships left the port at dawn, the first in six weeks.\n\
## Who is shipping\n\
T [\"Company\", \"Cargo\", \"Tonnes\"] [[\"Delta Grain\", \"Wheat\", \"30,000\"], [\"Sea & Co\", \"Maize, yellow\", \"12,500\"]]\n\
- Insurance\n-   premiums doubled\n-   war-risk cover returns\n- Escorts\n\
Q \"This is fragile,\" said a broker. \"Very fragile.\"\n\
## Prices\nP Wheat futures fell 2%.\n";
    assert_eq!(text, expected);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn yaml_front_matter_with_an_unknown_date_warns_but_reads() {
    let b = open_files(&[(
        "note.markdown",
        "---\ntitle: Note\ndate: sometime soon\n---\nBody words.\n",
    )]);
    let a = &b.articles[0];
    assert_eq!(a.title, "Note");
    assert_eq!(a.published, None);
    assert!(
        a.warnings.iter().any(|w| w.contains("sometime soon")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn html_with_several_articles_takes_the_longest() {
    let page = "<main><article class=\"card\"><h2>Teaser</h2><p>Short.</p></article>\
        <article><h1>Main Story</h1><p>The long main story text goes on and on with detail.</p>\
        <p>And a second paragraph with more detail than the teaser.</p></article></main>";
    let b = open_files(&[("multi.htm", page)]);
    let a = &b.articles[0];
    assert_eq!(a.title, "Main Story");
    let text = text_of(a);
    assert!(
        !text.contains("Teaser") && text.contains("second paragraph"),
        "{text}"
    );
}

#[test]
fn markdown_and_html_mixed_with_text_in_one_folder_keep_their_formats() {
    let b = open_files(&[
        ("1.md", "# One\n\nx\n"),
        ("2.html", "<article><h1>Two</h1><p>y</p></article>"),
        ("3.txt", "Three\n\nz\n"),
    ]);
    let formats: Vec<Format> = b.articles.iter().map(|a| a.format).collect();
    assert_eq!(formats, [Format::Markdown, Format::Html, Format::Text]);
}
