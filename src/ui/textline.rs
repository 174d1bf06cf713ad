//! Turning untrusted strings into styled lines: sanitize, highlight matched characters,
//! wrap to a width (unicode widths) and truncate with an ellipsis.

use crate::app::text::sanitize;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Byte ranges of the wrapped lines of `text` at `width` columns.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let words: Vec<_> = WordSeparator::AsciiSpace.find_words(text).collect();
    let words = break_words(words, width);
    let base = text.as_ptr() as usize;
    let lines = wrap_first_fit(&words, &[width as f64]);
    let out: Vec<Range<usize>> = lines
        .iter()
        .filter_map(|l| {
            let first = l.first()?;
            let last = l.last()?;
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            Some(start..end)
        })
        .collect();
    if out.is_empty() {
        // Empty text still takes one (empty) line.
        std::iter::once(0..0).collect()
    } else {
        out
    }
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
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut cur = String::new();
    let mut cur_hit = false;
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        if bi < range.start || bi >= range.end {
            continue;
        }
        let hit = hits.binary_search(&ci).is_ok();
        if hit != cur_hit && !cur.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hit { base.patch(hl) } else { base },
            ));
        }
        cur_hit = hit;
        cur.push(c);
    }
    if !cur.is_empty() {
        spans.push(Span::styled(
            cur,
            if cur_hit { base.patch(hl) } else { base },
        ));
    }
    Line::from(spans)
}

/// Wrapped, highlighted lines of an untrusted string, at most `max_lines` (the last one
/// ending in `ellipsis` when text was cut).
pub fn wrapped(
    raw: &str,
    width: usize,
    max_lines: usize,
    hits: &[usize],
    base: Style,
    hl: Style,
    ellipsis: &str,
) -> Vec<Line<'static>> {
    let text = sanitize(raw);
    let ranges = wrap_ranges(&text, width);
    let cut = ranges.len() > max_lines.max(1);
    let mut lines: Vec<Line<'static>> = ranges
        .iter()
        .take(max_lines.max(1))
        .map(|r| highlighted(&text, r.clone(), hits, base, hl))
        .collect();
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
    let text = sanitize(raw);
    let line = highlighted(&text, 0..text.len(), hits, base, hl);
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
