//! What can become a key point: every sentence of a paragraph or quote, every bullet item
//! and every recovered table row, each with the [`Location`] the reader jumps to.
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
}

/// Every candidate of the article in reading order.
pub fn candidates(article: &Article) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (si, section) in article.sections.iter().enumerate() {
        for (bi, block) in section.blocks.iter().enumerate() {
            let at = |sentence| Location {
                section: si,
                block: bi,
                sentence,
            };
            match block {
                Block::Paragraph { text } | Block::Quote { text } => {
                    for (i, r) in sentences::split(text).into_iter().enumerate() {
                        push(&mut out, &text[r], at(i));
                    }
                }
                Block::Bullets { items } => {
                    for (i, item) in items.iter().enumerate() {
                        push(&mut out, item, at(i));
                    }
                }
                Block::Table(table) => {
                    for (i, row) in table.rows.iter().enumerate() {
                        if *row != table.header {
                            push(&mut out, &row_text(row), at(i));
                        }
                    }
                }
            }
        }
    }
    out
}

fn push(out: &mut Vec<Candidate>, text: &str, location: Location) {
    // Scraped text carries runs of spaces and line breaks; a key point reads on one line.
    let tidy = text.split_whitespace().eq(text.split(' '));
    let text = if tidy {
        text.to_string()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if text.chars().any(char::is_alphanumeric) {
        out.push(Candidate { text, location });
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
    fn row_text_shapes() {
        assert_eq!(row_text(&cells(&["A", "b", "c"])), "A: b; c");
        assert_eq!(row_text(&cells(&["A:", " b "])), "A: b");
        assert_eq!(row_text(&cells(&["", "b", ""])), "b");
        assert_eq!(row_text(&cells(&["", " "])), "");
        assert_eq!(row_text(&[]), "");
    }
}
