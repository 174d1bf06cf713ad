//! The article body of an HTML page: find the main content, drop page furniture, and
//! turn what is left into sections and blocks.
//!
//! [`main_content`] picks the root (`<article>`, else `<main>`/`[role=main]`, else the
//! element holding the most paragraph text); [`Blocks::walk`] then visits it depth-first,
//! skipping [`is_junk`](super::junk::is_junk) elements, opening a section at each h2–h4 and gathering loose
//! inline text into paragraphs.

pub use super::junk::is_junk;
use super::meta::{element_text, selector};
use crate::ingest::markdown::collapse;
use crate::model::{Block, Section, Table};
use scraper::{ElementRef, Html, Node};

/// Inline elements whose text continues the current paragraph.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "del",
    "ins", "label",
];

/// The element holding the article body.
pub fn main_content(doc: &Html) -> Option<ElementRef<'_>> {
    let by_text = |css: &str| {
        let sel = selector(css)?;
        doc.select(&sel)
            .filter(|e| !is_junk(e) && !inside_junk(e))
            .max_by_key(|e| paragraph_chars(e))
    };
    by_text("article")
        .filter(|e| paragraph_chars(e) > 0 || element_text(e).len() > 40)
        .or_else(|| by_text("main, [role=main]"))
        .or_else(|| densest_block(doc))
        .or_else(|| selector("body").and_then(|s| doc.select(&s).next()))
}

fn inside_junk(e: &ElementRef<'_>) -> bool {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| is_junk(&a))
}

/// Text in the `<p>` elements under `e`, the measure of "where the article is".
fn paragraph_chars(e: &ElementRef<'_>) -> usize {
    selector("p").map_or(0, |p| {
        e.select(&p)
            .filter(|p| !inside_junk(p))
            .map(|p| element_text(&p).len())
            .sum()
    })
}

/// The element whose direct `<p>` children hold the most text.
fn densest_block(doc: &Html) -> Option<ElementRef<'_>> {
    let sel = selector("p")?;
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for p in doc.select(&sel) {
        let Some(parent) = p.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        if is_junk(&parent) || inside_junk(&parent) {
            continue;
        }
        let score: usize = parent
            .child_elements()
            .filter(|c| c.value().name() == "p")
            .map(|c| element_text(&c).len())
            .sum();
        if best.as_ref().map_or(true, |(s, _)| score > *s) {
            best = Some((score, parent));
        }
    }
    best.map(|(_, e)| e)
}

/// Stands for a `<br>` in collected text until paragraphs are split.
const BR: char = '\u{2028}';

/// Sections being built from the content root.
#[derive(Default)]
pub struct Blocks {
    pub sections: Vec<Section>,
    current: Section,
    inline: String,
    /// The title, so its `<h1>` is not repeated as a section.
    title: Option<String>,
}

impl Blocks {
    /// A builder that skips an `<h1>` equal to `title`.
    pub fn new(title: Option<String>) -> Self {
        Blocks {
            title,
            ..Blocks::default()
        }
    }

    pub fn finish(mut self) -> Vec<Section> {
        self.close_section();
        self.sections
    }

    pub fn walk(&mut self, el: ElementRef<'_>, depth: usize) {
        // Pathological nesting is flattened to its text rather than recursed into.
        if depth > 200 {
            self.inline.push_str(&element_text(&el));
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.inline.push_str(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        if !is_junk(&e) {
                            self.element(e, depth);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, e: ElementRef<'_>, depth: usize) {
        let name = e.value().name();
        if name == "q" {
            // Browsers draw the quotation marks of <q>; as text they must be written.
            self.inline.push('“');
            self.walk(e, depth + 1);
            self.inline.push('”');
            return;
        }
        if INLINE.contains(&name) {
            return self.walk(e, depth + 1);
        }
        match name {
            "br" => self.inline.push(BR),
            "h1" | "h2" | "h3" | "h4" => {
                let text = element_text(&e);
                if name == "h1" && self.title.as_deref() == Some(text.as_str()) {
                    return;
                }
                self.close_section();
                self.current.heading = Some(text).filter(|t| !t.is_empty());
            }
            "p" | "h5" | "h6" | "pre" | "figcaption" | "dt" | "dd" | "address" => {
                self.flush_inline();
                self.walk(e, depth + 1);
                self.flush_inline();
            }
            "ul" | "ol" => {
                self.flush_inline();
                let mut items = Vec::new();
                list_items(e, 0, &mut items);
                if !items.is_empty() {
                    self.current.blocks.push(Block::Bullets { items });
                }
            }
            "table" => {
                self.flush_inline();
                if let Some(t) = table(e) {
                    self.current.blocks.push(Block::Table(t));
                }
            }
            "blockquote" => {
                self.flush_inline();
                let text = element_text(&e);
                if !text.is_empty() {
                    self.current.blocks.push(Block::Quote { text });
                }
            }
            _ => {
                // A container (div, section, figure…): its own loose text is a paragraph.
                self.flush_inline();
                self.walk(e, depth + 1);
                self.flush_inline();
            }
        }
    }

    /// Loose text becomes paragraphs; `<br><br>` (an empty line) separates them, as in
    /// pages that never use `<p>`.
    fn flush_inline(&mut self) {
        let raw = std::mem::take(&mut self.inline);
        let segments: Vec<&str> = raw.split(BR).collect();
        let mut para = String::new();
        for (i, seg) in segments.iter().enumerate() {
            let between_breaks = i > 0 && i + 1 < segments.len();
            if between_breaks && seg.trim().is_empty() {
                self.push_paragraph(&para);
                para.clear();
            } else {
                para.push_str(seg);
                para.push(' ');
            }
        }
        self.push_paragraph(&para);
    }

    fn push_paragraph(&mut self, raw: &str) {
        let text = collapse(raw);
        if !text.is_empty() {
            self.current.blocks.push(Block::Paragraph { text });
        }
    }

    fn close_section(&mut self) {
        self.flush_inline();
        let s = std::mem::take(&mut self.current);
        if !s.blocks.is_empty() || s.heading.is_some() {
            self.sections.push(s);
        }
    }
}

/// Items of a list, nested lists flattened after their parent item, indented.
fn list_items(list: ElementRef<'_>, depth: usize, out: &mut Vec<String>) {
    if depth > 20 {
        return;
    }
    for li in list
        .child_elements()
        .filter(|c| c.value().name() == "li" && !is_junk(c))
    {
        let mut own = String::new();
        let mut nested = Vec::new();
        for child in li.children() {
            match ElementRef::wrap(child) {
                Some(e) if matches!(e.value().name(), "ul" | "ol") => nested.push(e),
                Some(e) if !is_junk(&e) => own.push_str(&e.text().collect::<String>()),
                Some(_) => {}
                None => {
                    if let Some(t) = child.value().as_text() {
                        own.push_str(t);
                    }
                }
            }
            own.push(' ');
        }
        let own = collapse(&own);
        if !own.is_empty() {
            out.push(format!("{}{own}", "  ".repeat(depth)));
        }
        for n in nested {
            list_items(n, depth + 1, out);
        }
    }
}

/// A table: header from `<th>` cells (in `<thead>` or the first row), rows from the rest.
fn table(t: ElementRef<'_>) -> Option<Table> {
    let tr = selector("tr")?;
    let mut header = Vec::new();
    let mut rows = Vec::new();
    // Only this table's rows: a nested table is read as the text of its cell.
    let own_rows = t.select(&tr).filter(|r| {
        r.ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| a.value().name() == "table")
            .is_some_and(|a| a.id() == t.id())
    });
    for row in own_rows {
        let cells: Vec<ElementRef<'_>> = row
            .child_elements()
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .collect();
        let all_th = !cells.is_empty() && cells.iter().all(|c| c.value().name() == "th");
        let in_head = row
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| p.value().name() == "thead");
        let texts: Vec<String> = cells.iter().map(element_text).collect();
        if texts.iter().all(String::is_empty) {
            continue;
        }
        if header.is_empty() && rows.is_empty() && (all_th || in_head) {
            header = texts;
        } else {
            rows.push(texts);
        }
    }
    (!header.is_empty() || !rows.is_empty()).then_some(Table { header, rows })
}
