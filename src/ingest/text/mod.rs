//! Structure recovery for scraped plain text.
//!
//! Scraping keeps the words of an article and loses its markup. [`parse`] recovers what it
//! can, in passes that each own one job:
//! 1. [`lines`] cleans the text, repairs glued sentences and tags bullet, quote, blank and
//!    text lines;
//! 2. [`boilerplate`] flags page furniture (share lines, counters, "Related posts" blocks);
//! 3. [`meta`] reads the head: title ([`title`]), outlet, byline, date ([`dates`]),
//!    category, URL, asking [`fields`] what each line holds;
//! 4. [`blocks`] turns the remaining body into sections of paragraphs, lists, quotes and
//!    tables ([`tables`] recovers tables whose column separators were lost).
//!
//! Each line gets one [`Role`]; removed lines (boilerplate and consumed metadata) are kept
//! in [`ParsedDoc::removed`] so nothing is silently lost. Every pass is linear in the
//! number of lines or bounded per line, and none can panic on any input.

mod blocks;
mod boilerplate;
pub mod dates;
mod fields;
mod lines;
mod meta;
mod tables;
mod title;
mod words;

use super::ParsedDoc;

pub use title::title_from_lead;

/// What a line is for, once the head and the boilerplate are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Part of the article body.
    Body,
    /// The headline (not repeated in the body).
    Title,
    /// A wire dateline ("LONDON 1996-08-30"): its date is read, its text stays.
    Dateline,
    /// Boilerplate or consumed metadata: kept aside in `removed`.
    Removed,
}

/// Recovers title, metadata, headings, lists, tables and boilerplate from scraped text.
pub fn parse(raw: &str) -> ParsedDoc {
    let lines = lines::split(raw);
    let mut roles: Vec<Role> = boilerplate::mark(&lines)
        .into_iter()
        .map(|b| if b { Role::Removed } else { Role::Body })
        .collect();
    let meta = meta::scan(&lines, &mut roles);
    let (sections, warnings) = blocks::build(&lines, &roles);
    let removed = lines
        .iter()
        .zip(&roles)
        .filter(|(l, r)| **r == Role::Removed && !l.is_blank())
        .map(|(l, _)| l.raw.clone())
        .collect();
    ParsedDoc {
        title: meta.title,
        source: meta.source,
        byline: meta.byline,
        published: meta.published,
        category: meta.category,
        url: meta.url,
        sections,
        removed,
        warnings,
    }
}
