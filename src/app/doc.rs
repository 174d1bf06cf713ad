//! The reader's document: an article laid out as wrapped, classified lines for a width.
//!
//! Each text block is sanitized, then every byte gets flags (inside a key-point
//! sentence, an actor mention, the focused actor, a search match); textwrap's word
//! splitting and first-fit wrapping (unicode widths) cut it into lines, and each line
//! becomes spans of equal flags. The widget maps kinds and flags to theme styles; the
//! line numbers of key points, mentions and matches drive the reader's jumps.

use super::text::{find_folded, sanitize};
use crate::derive::actors::ActorMatcher;
use crate::derive::sentences;
use crate::model::{Article, Block, Location};
use std::ops::Range;
use textwrap::core::{break_words, Word};
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;
use unicode_width::UnicodeWidthStr;

pub const KEY_POINT: u8 = 1;
pub const ACTOR: u8 = 2;
pub const FOCUS_ACTOR: u8 = 4;
pub const SEARCH: u8 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Text,
    Title,
    Meta,
    Heading,
    /// Bullet, quote bar and table rules.
    Marker,
    TableHeader,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSpan {
    pub text: String,
    pub kind: SpanKind,
    /// [`KEY_POINT`] | [`ACTOR`] | [`FOCUS_ACTOR`] | [`SEARCH`].
    pub flags: u8,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLine {
    pub spans: Vec<DocSpan>,
    /// The line carries (part of) a key point: the widget marks it in the gutter.
    pub key_point: bool,
}

impl DocLine {
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// The laid-out article and where its landmarks are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub lines: Vec<DocLine>,
    /// First line of each marked key point, in document order.
    pub key_points: Vec<usize>,
    /// The location of each entry of `key_points`.
    pub point_locations: Vec<Location>,
    /// Lines mentioning the focused actor.
    pub mentions: Vec<usize>,
    /// Lines with a search match.
    pub matches: Vec<usize>,
}

pub struct DocInput<'a> {
    pub article: &'a Article,
    pub matcher: &'a ActorMatcher,
    pub focus_actor: Option<usize>,
    pub search: &'a str,
    pub width: usize,
    pub ascii: bool,
}

pub(super) struct Builder<'a> {
    pub(super) input: &'a DocInput<'a>,
    pub(super) doc: Doc,
    pub(super) width: usize,
}

pub fn layout(input: &DocInput<'_>) -> Doc {
    let mut b = Builder {
        input,
        doc: Doc::default(),
        width: input.width.max(4),
    };
    b.front_matter();
    let kp_at = |section: usize, block: usize, sentence: usize| {
        let loc = Location {
            section,
            block,
            sentence,
        };
        input
            .article
            .key_points
            .iter()
            .any(|k| k.location == Some(loc))
            .then_some(loc)
    };
    for (si, section) in input.article.sections.iter().enumerate() {
        if let Some(h) = &section.heading {
            b.blank();
            b.flow(&sanitize(h), "", "", SpanKind::Heading, &[]);
        }
        for (bi, block) in section.blocks.iter().enumerate() {
            b.blank();
            match block {
                Block::Paragraph { text } | Block::Quote { text } => {
                    let clean = sanitize(text);
                    let marked: Vec<_> = sentences::split(&clean)
                        .into_iter()
                        .enumerate()
                        .filter_map(|(n, r)| kp_at(si, bi, n).map(|l| (r, l)))
                        .collect();
                    let bar = if input.ascii { "| " } else { "│ " };
                    let (first, rest) = match block {
                        Block::Quote { .. } => (bar, bar),
                        _ => ("", ""),
                    };
                    b.flow(&clean, first, rest, SpanKind::Text, &marked);
                }
                Block::Bullets { items } => {
                    let dot = if input.ascii { "* " } else { "• " };
                    for (n, item) in items.iter().enumerate() {
                        let clean = sanitize(item);
                        let all: Vec<_> = kp_at(si, bi, n)
                            .map(|l| (0..clean.len(), l))
                            .into_iter()
                            .collect();
                        b.flow(&clean, dot, "  ", SpanKind::Text, &all);
                    }
                }
                Block::Table(t) => b.table(t, |row| kp_at(si, bi, row)),
            }
        }
    }
    // A table row laid out as several lines registers once, at its first line.
    let mut doc = b.doc;
    let mut seen = Vec::new();
    let pairs: Vec<_> = doc
        .point_locations
        .iter()
        .copied()
        .zip(doc.key_points.iter().copied())
        .collect();
    let (mut locs, mut lines) = (Vec::new(), Vec::new());
    for (loc, line) in pairs {
        if !seen.contains(&loc) {
            seen.push(loc);
            locs.push(loc);
            lines.push(line);
        }
    }
    doc.point_locations = locs;
    doc.key_points = lines;
    doc
}

impl Builder<'_> {
    fn blank(&mut self) {
        if self.doc.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.doc.lines.push(DocLine::default());
        }
    }

    fn front_matter(&mut self) {
        let a = self.input.article;
        self.flow(&sanitize(&a.title), "", "", SpanKind::Title, &[]);
        let meta: Vec<&str> = [&a.source, &a.byline, &a.published, &a.category]
            .into_iter()
            .filter_map(|x| x.as_deref())
            .collect();
        if !meta.is_empty() {
            let sep = if self.input.ascii { " - " } else { " · " };
            self.flow(&sanitize(&meta.join(sep)), "", "", SpanKind::Meta, &[]);
        }
        if let crate::model::SummaryOrigin::Supplied { path, stale } = &a.summary {
            let note = if *stale {
                format!("Summary supplied by {path} (stale: the article changed since)")
            } else {
                format!("Summary supplied by {path}")
            };
            self.flow(&sanitize(&note), "", "", SpanKind::Meta, &[]);
        }
        for w in &a.warnings {
            self.flow(&sanitize(w), "! ", "  ", SpanKind::Warning, &[]);
        }
    }

    /// Wraps one block of sanitized text; `marked` are its key-point byte ranges.
    pub(super) fn flow(
        &mut self,
        text: &str,
        first: &str,
        rest: &str,
        kind: SpanKind,
        marked: &[(Range<usize>, Location)],
    ) {
        let flags = self.flags(text, marked);
        let first_w = self.width.saturating_sub(first.width()).max(1);
        let rest_w = self.width.saturating_sub(rest.width()).max(1);
        let words: Vec<Word> = WordSeparator::AsciiSpace.find_words(text).collect();
        let words = break_words(words, first_w.min(rest_w));
        let lines = wrap_first_fit(&words, &[first_w as f64, rest_w as f64]);
        let base = text.as_ptr() as usize;
        let mut kp_lines_seen = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            let prefix = if n == 0 { first } else { rest };
            let mut out = DocLine::default();
            if !prefix.is_empty() {
                push(&mut out.spans, prefix, SpanKind::Marker, 0);
            }
            for (wi, w) in line.iter().enumerate() {
                let start = w.word.as_ptr() as usize - base;
                let end = start + w.word.len();
                if wi > 0 {
                    let prev = flags.get(start.wrapping_sub(1)).copied().unwrap_or(0);
                    let here = flags.get(start).copied().unwrap_or(0);
                    push(&mut out.spans, " ", kind, prev & here);
                }
                let mut s = start;
                while s < end {
                    let f = flags[s];
                    let mut e = s + 1;
                    while e < end && flags[e] == f {
                        e += 1;
                    }
                    push(&mut out.spans, &text[s..e], kind, f);
                    s = e;
                }
                self.note(start, end, &flags, marked, &mut kp_lines_seen);
            }
            out.key_point = out.spans.iter().any(|s| s.flags & KEY_POINT != 0);
            self.doc.lines.push(out);
        }
    }

    /// Records landmarks of the line about to be pushed.
    fn note(
        &mut self,
        start: usize,
        end: usize,
        flags: &[u8],
        marked: &[(Range<usize>, Location)],
        seen: &mut Vec<usize>,
    ) {
        let line = self.doc.lines.len();
        for (i, (r, loc)) in marked.iter().enumerate() {
            if r.start >= start && r.start < end.max(start + 1) && !seen.contains(&i) {
                seen.push(i);
                self.doc.key_points.push(line);
                self.doc.point_locations.push(*loc);
            }
        }
        let add = |v: &mut Vec<usize>, bit: u8| {
            if flags[start..end].iter().any(|f| f & bit != 0) && v.last() != Some(&line) {
                v.push(line);
            }
        };
        add(&mut self.doc.mentions, FOCUS_ACTOR);
        add(&mut self.doc.matches, SEARCH);
    }

    pub(super) fn flags(&self, text: &str, marked: &[(Range<usize>, Location)]) -> Vec<u8> {
        let mut f = vec![0u8; text.len()];
        for (r, _) in marked {
            f[r.clone()].iter_mut().for_each(|x| *x |= KEY_POINT);
        }
        for (r, actor) in self.input.matcher.find(text) {
            let bit = if Some(actor) == self.input.focus_actor {
                ACTOR | FOCUS_ACTOR
            } else {
                ACTOR
            };
            if let Some(slice) = f.get_mut(r) {
                slice.iter_mut().for_each(|x| *x |= bit);
            }
        }
        for r in find_folded(text, self.input.search) {
            f[r].iter_mut().for_each(|x| *x |= SEARCH);
        }
        f
    }
}

/// Appends text, merging with the previous span when kind and flags agree.
pub(super) fn push(spans: &mut Vec<DocSpan>, text: &str, kind: SpanKind, flags: u8) {
    if let Some(last) = spans.last_mut() {
        if last.kind == kind && last.flags == flags {
            last.text.push_str(text);
            return;
        }
    }
    spans.push(DocSpan {
        text: text.to_string(),
        kind,
        flags,
    });
}
