//! One file's bytes into an [`Article`]: decode, choose the format, parse, and fill in
//! what every article needs whatever its format (id, path, hash, a title, warnings).
//!
//! The format comes from the extension, corrected by sniffing: HTML markup in a `.txt`,
//! front matter or Markdown syntax in a file without an extension. Front matter on a
//! scraped text file is split off here, so the text parser sees only the body.

use super::doc::ParsedDoc;
use super::read::{self, Reject};
use super::{frontmatter, html, markdown, text};
use crate::model::{Article, Block, Format, Section};

/// Where a file sits: the id and display path the caller chose for it.
#[derive(Debug, Clone)]
pub struct Placed<'a> {
    pub id: String,
    pub path: String,
    /// Lower-case extension without the dot, if any.
    pub ext: Option<&'a str>,
}

/// Builds an article from the raw bytes of a file, or says why the file is no article.
pub fn build(place: Placed<'_>, bytes: &[u8]) -> Result<Article, Reject> {
    let decoded = read::decode(bytes)?;
    let format = sniff(place.ext, &decoded.text);
    let mut doc = parse_as(format, &decoded.text);
    scrub(&mut doc);
    if format == Format::Text && doc.sections.is_empty() && doc.removed.is_empty() {
        // Whatever the text parser missed, the words stay readable: nothing is lost.
        doc.sections = plain_paragraphs(frontmatter::split(&decoded.text).1);
    }
    let title = doc
        .title
        .take()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| fallback_title(&doc, &place.path));
    let mut warnings = decoded.warnings;
    warnings.append(&mut doc.warnings);
    Ok(Article {
        id: place.id,
        path: place.path,
        format,
        content_hash: blake3::hash(bytes).to_hex().to_string(),
        title,
        source: doc.source,
        byline: doc.byline,
        published: doc.published,
        category: doc.category,
        url: doc.url,
        sections: doc.sections,
        removed: doc.removed,
        warnings,
        ..Article::default()
    })
}

/// Character references (`&#27;` in HTML and Markdown) can put control characters back
/// after decoding removed them; no string that reaches a terminal may keep one.
fn scrub(doc: &mut ParsedDoc) {
    let clean = |s: &mut String| {
        if s.chars().any(char::is_control) {
            *s = s.chars().filter(|c| !c.is_control()).collect();
        }
    };
    let fields = [
        &mut doc.title,
        &mut doc.source,
        &mut doc.byline,
        &mut doc.published,
        &mut doc.category,
        &mut doc.url,
    ];
    fields.into_iter().flatten().for_each(clean);
    doc.removed.iter_mut().for_each(clean);
    for section in &mut doc.sections {
        section.heading.iter_mut().for_each(clean);
        for block in &mut section.blocks {
            match block {
                Block::Paragraph { text } | Block::Quote { text } => clean(text),
                Block::Bullets { items } => items.iter_mut().for_each(clean),
                Block::Table(t) => t
                    .header
                    .iter_mut()
                    .chain(t.rows.iter_mut().flatten())
                    .for_each(clean),
            }
        }
    }
}

/// The format to parse `text` as, given the file's extension.
pub fn sniff(ext: Option<&str>, text: &str) -> Format {
    match ext {
        Some("md" | "markdown") => Format::Markdown,
        Some("html" | "htm") => Format::Html,
        Some(_) if looks_like_html(text) => Format::Html,
        Some(_) => Format::Text,
        None if looks_like_html(text) => Format::Html,
        None if looks_like_markdown(text) => Format::Markdown,
        None => Format::Text,
    }
}

fn parse_as(format: Format, text: &str) -> ParsedDoc {
    match format {
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
        Format::Text => match frontmatter::split(text) {
            (Some(fm), body) => with_front_matter(text::parse(body), fm),
            (None, _) => text::parse(text),
        },
    }
}

/// Front matter is what the author declared, so it wins over what was recovered.
fn with_front_matter(mut doc: ParsedDoc, fm: frontmatter::FrontMatter) -> ParsedDoc {
    doc.title = fm.title.or(doc.title);
    doc.source = fm.source.or(doc.source);
    doc.byline = fm.byline.or(doc.byline);
    doc.published = fm.published.or(doc.published);
    doc.category = fm.category.or(doc.category);
    doc.url = fm.url.or(doc.url);
    doc.warnings.extend(fm.warnings);
    doc
}

/// A document that starts like HTML, or is mostly made of well-known tags.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    if !head.starts_with('<') {
        return false;
    }
    let tags = [
        "<head", "<body", "<p>", "<p ", "<div", "<article", "<h1", "<h2", "<ul", "<table", "<meta",
    ];
    let closers = [
        "</p>",
        "</div>",
        "</article>",
        "</li>",
        "</h1>",
        "</h2>",
        "</span>",
    ];
    tags.iter().filter(|t| head.contains(*t)).count() >= 2
        || closers.iter().any(|c| head.contains(c))
}

fn looks_like_markdown(text: &str) -> bool {
    if frontmatter::starts_with_front_matter(text) {
        return true;
    }
    text.lines().take(200).any(|l| {
        let l = l.trim_end();
        l.starts_with("# ")
            || l.starts_with("## ")
            || l.starts_with("```")
            || l.starts_with("|---")
            || l.starts_with("| --")
    })
}

fn plain_paragraphs(text: &str) -> Vec<Section> {
    // Scraped text puts one paragraph on a line.
    let blocks: Vec<Block> = text
        .lines()
        .map(markdown::collapse)
        .filter(|p| !p.is_empty())
        .map(|text| Block::Paragraph { text })
        .collect();
    if blocks.is_empty() {
        return Vec::new();
    }
    vec![Section {
        heading: None,
        blocks,
    }]
}

/// A title when the parser found none: from the lead text, else the file name.
fn fallback_title(doc: &ParsedDoc, path: &str) -> String {
    let lead = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Paragraph { text } | Block::Quote { text } => Some(text.as_str()),
            Block::Bullets { items } => items.first().map(String::as_str),
            Block::Table(_) => None,
        });
    match lead {
        Some(lead) => text::title_from_lead(lead),
        None => path.rsplit('/').next().unwrap_or(path).to_string(),
    }
}

#[cfg(test)]
#[path = "article_tests.rs"]
mod tests;
