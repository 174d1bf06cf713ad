//! Turning untrusted strings into styled lines: sanitize, highlight matched characters,
//! wrap to a width (unicode widths) and truncate with an ellipsis.
//!
//! The cost is that of what is drawn, not of the string: a key point can be a whole
//! 0.9 MB line without a full stop, and laying all of it out for every frame (and
//! rescanning it from the start for every wrapped line) once left the reader without a
//! first frame for 40 s. So [`wrapped`] and [`one_line`] sanitize and wrap a prefix of
//! the string, grown fourfold until it fills the lines asked for (at most
//! [`MAX_LINES`]), and wrapping stops at the first line past them. Sanitizing works
//! character by character, so a prefix's lines are the whole string's lines.

use crate::app::text::sanitize;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::borrow::Cow;
use std::ops::Range;
use textwrap::core::{Fragment, Word};
use textwrap::WordSeparator;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The most lines one string is ever wrapped to: more than any terminal shows.
pub const MAX_LINES: usize = 1000;

/// Byte ranges of the wrapped lines of `text` at `width` columns.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let (ranges, _) = wrap_lines(text, width, usize::MAX);
    if ranges.is_empty() {
        // Empty text still takes one (empty) line.
        std::iter::once(0..0).collect()
    } else {
        ranges
    }
}

/// First-fit wrapping as textwrap does it (words split at ASCII spaces, words wider than
/// the line broken apart), but lazily: it stops when line `max + 1` would begin, and
/// says so (`true`). Work is proportional to the text of the lines returned.
fn wrap_lines(text: &str, width: usize, max: usize) -> (Vec<Range<usize>>, bool) {
    let width = width.max(1);
    let limit = width as f64;
    let base = text.as_ptr() as usize;
    let mut lines = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut used = 0.0;
    let mut place = |piece: &Word<'_>| -> bool {
        if current.is_some() && used + piece.width() + piece.penalty_width() > limit {
            lines.extend(current.take());
            used = 0.0;
            if lines.len() >= max {
                return false;
            }
        }
        let start = piece.word.as_ptr() as usize - base;
        let end = start + piece.word.len();
        current = Some(current.take().map_or(start..end, |c| c.start..end));
        used += piece.width() + piece.whitespace_width();
        true
    };
    for word in WordSeparator::AsciiSpace.find_words(text) {
        let more = if word.width() > limit {
            word.break_apart(width).all(|p| place(&p))
        } else {
            place(&word)
        };
        if !more {
            return (lines, true);
        }
    }
    lines.extend(current);
    (lines, false)
}

/// The sanitized prefix of `raw` that holds its first `max` wrapped lines, those lines,
/// and whether more would follow.
fn layout(raw: &str, width: usize, max: usize) -> (Cow<'_, str>, Vec<Range<usize>>, bool) {
    let mut budget = max
        .saturating_add(1)
        .saturating_mul(width.saturating_add(1))
        .saturating_mul(4)
        .max(256);
    loop {
        let end = floor_char_boundary(raw, budget);
        let text = sanitize(&raw[..end]);
        let (ranges, more) = wrap_lines(&text, width, max);
        // Lines before the one `max + 1` starts are final; without it, only the whole
        // string says where its last line ends.
        if more || end == raw.len() {
            return (text, ranges, more);
        }
        budget = budget.saturating_mul(4);
    }
}

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    let mut i = at;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A line of `text[range]` with the chars at `hits` (char positions in the whole of
/// `text`) in `hl` style, the rest in `base`.
pub fn highlighted(
    text: &str,
    range: Range<usize>,
    hits: &[usize],
    base: Style,
    hl: Style,
) -> Line<'static> {
    let first = text[..range.start].chars().count();
    highlighted_from(text, range, first, hits, base, hl)
}

/// [`highlighted`] when the caller knows that `range` starts at char `first`: only the
/// range itself is read.
fn highlighted_from(
    text: &str,
    range: Range<usize>,
    first: usize,
    hits: &[usize],
    base: Style,
    hl: Style,
) -> Line<'static> {
    let style = |hit: bool| if hit { base.patch(hl) } else { base };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut cur = String::new();
    let mut cur_hit = false;
    for (ci, c) in text[range].chars().enumerate() {
        let hit = hits.binary_search(&(first + ci)).is_ok();
        if hit != cur_hit && !cur.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut cur), style(cur_hit)));
        }
        cur_hit = hit;
        cur.push(c);
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, style(cur_hit)));
    }
    Line::from(spans)
}

/// Wrapped, highlighted lines of an untrusted string, at most `max_lines` (and at most
/// [`MAX_LINES`]), the last one ending in `ellipsis` when text was cut.
pub fn wrapped(
    raw: &str,
    width: usize,
    max_lines: usize,
    hits: &[usize],
    base: Style,
    hl: Style,
    ellipsis: &str,
) -> Vec<Line<'static>> {
    let max = max_lines.clamp(1, MAX_LINES);
    let (text, mut ranges, cut) = layout(raw, width, max);
    if ranges.is_empty() {
        ranges.push(0..0);
    }
    let mut lines = Vec::with_capacity(ranges.len());
    let (mut byte, mut chars) = (0, 0);
    for r in ranges {
        chars += text[byte..r.start].chars().count();
        byte = r.start;
        lines.push(highlighted_from(&text, r, chars, hits, base, hl));
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            *last = truncate(std::mem::take(last), width.saturating_sub(1));
            last.spans.push(Span::styled(ellipsis.to_string(), base));
        }
    }
    lines
}

/// One line, cut to `width` columns with an ellipsis when longer.
pub fn one_line(
    raw: &str,
    width: usize,
    hits: &[usize],
    base: Style,
    hl: Style,
    ellipsis: &str,
) -> Line<'static> {
    // Only as much of the string as can show (and one column more, to know it is cut).
    let mut budget = width.saturating_add(1).saturating_mul(4).max(64);
    let text = loop {
        let end = floor_char_boundary(raw, budget);
        let text = sanitize(&raw[..end]);
        if end == raw.len() || text.width() > width {
            break text;
        }
        budget = budget.saturating_mul(4);
    };
    let line = highlighted_from(&text, 0..text.len(), 0, hits, base, hl);
    if text.width() <= width {
        return line;
    }
    let mut l = truncate(line, width.saturating_sub(1));
    l.spans.push(Span::styled(ellipsis.to_string(), base));
    l
}

/// Keeps at most `width` columns of a line (never splitting a wide char).
pub fn truncate(line: Line<'static>, width: usize) -> Line<'static> {
    let mut left = width;
    let mut out = Vec::new();
    for span in line.spans {
        if left == 0 {
            break;
        }
        let mut s = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if w > left {
                left = 0;
                break;
            }
            left -= w;
            s.push(c);
        }
        out.push(Span::styled(s, span.style));
    }
    Line::from(out)
}

#[cfg(test)]
#[path = "textline_tests.rs"]
mod more_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn plain(l: &Line) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn wraps_by_display_width() {
        let r = wrap_ranges("中文字符 测试文本", 4);
        let text = "中文字符 测试文本";
        for x in &r {
            assert!(text[x.clone()].width() <= 4, "{:?}", &text[x.clone()]);
        }
        assert_eq!(r.len(), 4);
        assert_eq!(wrap_ranges("", 10), vec![0..0]);
    }

    #[test]
    fn highlight_marks_exact_chars() {
        let hl = Style::default().add_modifier(Modifier::BOLD);
        let l = highlighted("héllo", 0..6, &[1, 2], Style::default(), hl);
        assert_eq!(l.spans.len(), 3);
        assert_eq!(l.spans[1].content, "él");
        assert_eq!(l.spans[1].style, hl);
    }

    #[test]
    fn one_line_truncates_with_ellipsis_and_sanitizes() {
        let l = one_line(
            "Breaking\u{1b}[2J news today",
            12,
            &[],
            Style::default(),
            Style::default(),
            "…",
        );
        let s = plain(&l);
        assert!(s.width() <= 12, "{s}");
        assert!(s.ends_with('…') && s.starts_with("Breaking^["), "{s}");
        let emoji = one_line("😀😀😀", 5, &[], Style::default(), Style::default(), "…");
        assert!(plain(&emoji).width() <= 5);
    }

    #[test]
    fn wrapped_caps_lines() {
        let ls = wrapped(
            "one two three four five six",
            9,
            2,
            &[],
            Style::default(),
            Style::default(),
            "…",
        );
        assert_eq!(ls.len(), 2);
        assert!(plain(&ls[1]).ends_with('…'));
        assert!(ls.iter().all(|l| plain(l).width() <= 9));
    }
}
