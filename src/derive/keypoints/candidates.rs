//! What can become a key point: every sentence of a paragraph or quote, every bullet item
//! and every recovered table row, each with the [`Location`] the reader jumps to.
//!
//! The headline repeated in the body is not a candidate (it is already the title), and a
//! paragraph that is one short line without end punctuation is most likely a heading
//! that scraping flattened: it stays a candidate with a low [`Candidate::prior`].
//!
//! A table row reads as "first cell: the other cells", the other cells joined by "; ",
//! e.g. "Defense Support: Lock in multi-year arms deals; Budget fights in Congress". The
//! first column of a recovered table names the row (an actor, a goal, a topic), so this
//! shape reads as a sentence about that name without repeating the header on every row.

use crate::derive::sentences;
use crate::model::{Article, Block, Location};

/// One candidate key point, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub text: String,
    pub location: Location,
    /// Multiplies the candidate's salience: 1 for body text, less for heading-like lines.
    pub prior: f64,
}

/// Salience multiplier of a paragraph that reads like a flattened heading.
pub const HEADING_PRIOR: f64 = 0.3;

/// Every candidate of the article in reading order.
pub fn candidates(article: &Article) -> Vec<Candidate> {
    let mut out = Vec::new();
    let title = fold(&article.title);
    for (si, section) in article.sections.iter().enumerate() {
        for (bi, block) in section.blocks.iter().enumerate() {
            let at = |sentence| Location {
                section: si,
                block: bi,
                sentence,
            };
            match block {
                Block::Paragraph { text } | Block::Quote { text } => {
                    let ranges = sentences::split(text);
                    let heading = ranges.len() == 1 && looks_like_heading(text);
                    for (i, r) in ranges.into_iter().enumerate() {
                        let s = &text[r];
                        // Byte lengths first: folding every sentence would cost more.
                        let near = s.len() + 8 >= article.title.len()
                            && s.len() <= article.title.len() + 8;
                        if near && !title.is_empty() && fold(s) == title {
                            continue;
                        }
                        let prior = if heading { HEADING_PRIOR } else { 1.0 };
                        push(&mut out, s, at(i), prior);
                    }
                }
                Block::Bullets { items } => {
                    for (i, item) in items.iter().enumerate() {
                        push(&mut out, item, at(i), 1.0);
                    }
                }
                Block::Table(table) => {
                    for (i, row) in table.rows.iter().enumerate() {
                        if *row != table.header {
                            push(&mut out, &row_text(row), at(i), 1.0);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Lower-case words only, so "Talks: Key Details" and "talks key details" compare equal.
fn fold(text: &str) -> String {
    crate::derive::text::words(text)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One short line without end punctuation: what a flattened heading looks like.
fn looks_like_heading(text: &str) -> bool {
    let t = text.trim_end();
    let words = t.split_whitespace().count();
    let ends = t.ends_with(['.', '!', '?', '…', '"', '”', '’', ')', ':']);
    (1..=16).contains(&words) && !ends
}

fn push(out: &mut Vec<Candidate>, text: &str, location: Location, prior: f64) {
    // Scraped text carries runs of spaces and line breaks; a key point reads on one line.
    let tidy = text.split_whitespace().eq(text.split(' '));
    let text = if tidy {
        text.to_string()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if text.chars().any(char::is_alphanumeric) {
        out.push(Candidate {
            text,
            location,
            prior,
        });
    }
}

/// The readable text of a table row: "first: second; third". Empty cells are skipped.
pub fn row_text(row: &[String]) -> String {
    let mut cells = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let Some(first) = cells.next() else {
        return String::new();
    };
    let rest: Vec<&str> = cells.collect();
    if rest.is_empty() {
        first.to_string()
    } else {
        format!("{}: {}", first.trim_end_matches(':'), rest.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn heading_shapes() {
        assert!(looks_like_heading("Key issues on the London agenda"));
        assert!(!looks_like_heading("Talks resumed in London."));
        assert!(!looks_like_heading("He said: \"We will win\""));
        assert!(!looks_like_heading(&"word ".repeat(30)));
        assert_eq!(fold("Talks: Key Details!"), fold("talks key   details"));
    }

    #[test]
    fn row_text_shapes() {
        assert_eq!(row_text(&cells(&["A", "b", "c"])), "A: b; c");
        assert_eq!(row_text(&cells(&["A:", " b "])), "A: b");
        assert_eq!(row_text(&cells(&["", "b", ""])), "b");
        assert_eq!(row_text(&cells(&["", " "])), "");
        assert_eq!(row_text(&[]), "");
    }
}
