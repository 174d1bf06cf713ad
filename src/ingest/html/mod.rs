//! HTML articles through scraper (html5ever): metadata from the head ([`meta`]), the body
//! from the main content element with page furniture removed ([`content`]).
//!
//! The title is the page's own claim first (og:title), else the content's `<h1>`, else
//! `<title>` without its " | Site" suffix; the `<h1>` equal to the title is not repeated.

pub mod content;
pub mod junk;
pub mod meta;

use crate::ingest::doc::ParsedDoc;
use scraper::Html;

/// Parses an HTML page into an article.
pub fn parse(raw: &str) -> ParsedDoc {
    let doc = Html::parse_document(raw);
    let root = content::main_content(&doc);
    let m = meta::extract(&doc, root);
    let h1 = root.and_then(|r| {
        let sel = meta::selector("h1")?;
        r.select(&sel)
            .map(|h| meta::element_text(&h))
            .find(|t| !t.is_empty())
    });
    let title = m.og_title.clone().or(h1.clone()).or(m.head_title.clone());
    // The content's own h1 is skipped whichever title won: it is the headline.
    let mut blocks = content::Blocks::new(h1.or(title.clone()));
    if let Some(r) = root {
        blocks.walk(r, 0);
    }
    let sections = blocks.finish();
    let mut warnings = m.warnings;
    if sections.is_empty() {
        warnings.push("no article text found in the HTML page".to_string());
    }
    ParsedDoc {
        title,
        source: m.source,
        byline: m.byline,
        published: m.published,
        category: m.category,
        url: m.url,
        sections,
        removed: Vec::new(),
        warnings,
    }
}

#[cfg(test)]
mod tests;
