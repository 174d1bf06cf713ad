//! Markdown articles through pulldown-cmark.
//!
//! Front matter is cut off first ([`frontmatter::split`]); the body's event stream then
//! drives a small builder: headings open sections (the first `#` heading is the title
//! unless front matter gave one), paragraphs, lists, GFM tables and block quotes become
//! blocks, and all inline markup is flattened to its text (link text kept, images dropped).

use crate::ingest::doc::ParsedDoc;
use crate::ingest::frontmatter;
use crate::model::{Block, Section, Table};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Parses a Markdown article.
pub fn parse(raw: &str) -> ParsedDoc {
    let (fm, body) = frontmatter::split(raw);
    let fm = fm.unwrap_or_default();
    let mut b = Builder {
        title: fm.title.clone(),
        title_from_front_matter: fm.title.is_some(),
        ..Builder::default()
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(body, opts) {
        b.event(event);
    }
    b.close_section();
    let mut warnings = fm.warnings;
    if b.sections.is_empty() {
        warnings.push("no article text found in the Markdown body".to_string());
    }
    ParsedDoc {
        title: b.title,
        source: fm.source,
        byline: fm.byline,
        published: fm.published,
        category: fm.category,
        url: fm.url,
        sections: b.sections,
        removed: Vec::new(),
        warnings,
    }
}

#[derive(Default)]
struct Builder {
    title: Option<String>,
    title_from_front_matter: bool,
    sections: Vec<Section>,
    current: Section,
    /// Inline text being collected for the innermost open block.
    buf: String,
    heading: Option<HeadingLevel>,
    /// Items of the outermost open list; nested items are added to it, indented.
    list_items: Vec<String>,
    list_depth: usize,
    /// Text of each open list item, innermost last.
    items: Vec<String>,
    quote_depth: usize,
    quote_parts: Vec<String>,
    table: Option<Table>,
    row: Vec<String>,
    in_head: bool,
    image_depth: usize,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) if self.image_depth == 0 => self.buf.push_str(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.buf.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => self.buf.push_str(&strip_tags(&h)),
            Event::SoftBreak | Event::HardBreak => self.buf.push(' '),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_loose_text();
                self.heading = Some(level);
            }
            Tag::List(_) => {
                // Text of the parent item comes before its children.
                self.flush_item_text();
                self.list_depth += 1;
            }
            Tag::Item => self.items.push(String::new()),
            Tag::BlockQuote(_) => {
                self.flush_loose_text();
                self.quote_depth += 1;
            }
            Tag::Table(_) => self.table = Some(Table::default()),
            Tag::TableHead => self.in_head = true,
            Tag::TableRow => self.row.clear(),
            Tag::TableCell => self.buf.clear(),
            Tag::Image { .. } => self.image_depth += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                let text = take_clean(&mut self.buf);
                self.heading = None;
                self.heading_done(level, text);
            }
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock => self.flush_loose_text(),
            TagEnd::Item => {
                self.flush_item_text();
                self.items.pop();
            }
            TagEnd::List(_) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 && !self.list_items.is_empty() {
                    let items = std::mem::take(&mut self.list_items);
                    self.push_block(Block::Bullets { items });
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush_loose_text();
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 && !self.quote_parts.is_empty() {
                    let text = self.quote_parts.join(" ");
                    self.quote_parts.clear();
                    self.push_block(Block::Quote { text });
                }
            }
            TagEnd::TableCell => {
                let cell = take_clean(&mut self.buf);
                self.row.push(cell);
            }
            TagEnd::TableHead => {
                // GFM puts header cells directly in the head, without a row.
                if let Some(t) = self.table.as_mut() {
                    t.header = std::mem::take(&mut self.row);
                }
                self.in_head = false;
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.rows.push(std::mem::take(&mut self.row));
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.push_block(Block::Table(t));
                }
            }
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            _ => {}
        }
    }

    fn heading_done(&mut self, level: HeadingLevel, text: String) {
        if text.is_empty() {
            return;
        }
        let no_content_yet = self.sections.is_empty() && self.current.blocks.is_empty();
        if level == HeadingLevel::H1 && self.title.is_none() && no_content_yet {
            self.title = Some(text);
            return;
        }
        if self.title_from_front_matter && no_content_yet && self.title.as_deref() == Some(&text) {
            return;
        }
        self.close_section();
        self.current.heading = Some(text);
    }

    /// Paragraph-level text: into the open list item, the open quote, or a paragraph.
    fn flush_loose_text(&mut self) {
        if self.heading.is_some() || self.table.is_some() {
            return;
        }
        if !self.items.is_empty() {
            // A loose list item's paragraphs stay in that item.
            if let Some(item) = self.items.last_mut() {
                if !item.is_empty() {
                    item.push(' ');
                }
                item.push_str(&self.buf);
            }
            self.buf.clear();
            return;
        }
        let text = take_clean(&mut self.buf);
        if text.is_empty() {
            return;
        }
        if self.quote_depth > 0 {
            self.quote_parts.push(text);
        } else {
            self.push_block(Block::Paragraph { text });
        }
    }

    /// Moves the innermost item's text so far into the list, indented by nesting depth.
    fn flush_item_text(&mut self) {
        let pending = std::mem::take(&mut self.buf);
        let Some(item) = self.items.last_mut() else {
            self.buf = pending;
            return;
        };
        item.push_str(&pending);
        let text = collapse(item);
        item.clear();
        if !text.is_empty() {
            let indent = "  ".repeat(self.list_depth.saturating_sub(1));
            self.list_items.push(format!("{indent}{text}"));
        }
    }

    fn push_block(&mut self, block: Block) {
        if self.quote_depth > 0 {
            // Lists and tables inside a quote read as quoted text.
            self.quote_parts.push(block_text(&block));
            return;
        }
        self.current.blocks.push(block);
    }

    fn close_section(&mut self) {
        self.flush_loose_text();
        let section = std::mem::take(&mut self.current);
        if !section.blocks.is_empty() || section.heading.is_some() {
            self.sections.push(section);
        }
    }
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph { text } | Block::Quote { text } => text.clone(),
        Block::Bullets { items } => items
            .iter()
            .map(|i| i.trim())
            .collect::<Vec<_>>()
            .join("; "),
        Block::Table(t) => t
            .rows
            .iter()
            .map(|r| r.join(", "))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn take_clean(buf: &mut String) -> String {
    let s = collapse(buf);
    buf.clear();
    s
}

/// Collapses runs of whitespace to one space and trims.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Raw HTML inside Markdown: keep the words, drop the tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
