//! Tables in the reader: aligned columns with a header rule when they fit the width,
//! else each row as "Header: value" lines; a key-point row is marked as a whole.

use super::doc::{push, Builder, DocLine, SpanKind, FOCUS_ACTOR, KEY_POINT, SEARCH};
use super::text::sanitize;
use crate::model::{Location, Table};
use unicode_width::UnicodeWidthStr;

impl Builder<'_> {
    pub(super) fn table(&mut self, t: &Table, is_kp: impl Fn(usize) -> Option<Location>) {
        let cols = t
            .header
            .len()
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        let cell =
            |row: &[String], c: usize| sanitize(row.get(c).map_or("", String::as_str)).into_owned();
        let mut widths = vec![0usize; cols];
        for row in std::iter::once(&t.header).chain(&t.rows) {
            for (c, w) in widths.iter_mut().enumerate() {
                *w = (*w).max(cell(row, c).width());
            }
        }
        let sep = if self.input.ascii { " | " } else { " │ " };
        if widths.iter().sum::<usize>() + 3 * (cols - 1) > self.width {
            // Too wide for aligned columns: each row as "Header: value" lines.
            for (r, row) in t.rows.iter().enumerate() {
                let marked = is_kp(r);
                for c in 0..cols {
                    let text = format!("{}: {}", cell(&t.header, c), cell(row, c));
                    let all: Vec<_> = marked.map(|l| (0..text.len(), l)).into_iter().collect();
                    let lead = if c == 0 { "▸ " } else { "  " };
                    let lead = if self.input.ascii && c == 0 {
                        "> "
                    } else {
                        lead
                    };
                    self.flow(&text, lead, "  ", SpanKind::Text, &all);
                }
            }
            return;
        }
        let render = |row: &[String]| -> Vec<String> {
            (0..cols)
                .map(|c| {
                    let v = cell(row, c);
                    let pad = widths[c] - v.width();
                    format!("{v}{}", " ".repeat(pad))
                })
                .collect()
        };
        if !t.header.is_empty() {
            let mut line = DocLine::default();
            for (c, v) in render(&t.header).iter().enumerate() {
                if c > 0 {
                    push(&mut line.spans, sep, SpanKind::Marker, 0);
                }
                push(&mut line.spans, v, SpanKind::TableHeader, 0);
            }
            self.doc.lines.push(line);
            let (h, x) = if self.input.ascii {
                ("-", "-+-")
            } else {
                ("─", "─┼─")
            };
            let rule: Vec<String> = widths.iter().map(|w| h.repeat(*w)).collect();
            let mut line = DocLine::default();
            push(&mut line.spans, &rule.join(x), SpanKind::Marker, 0);
            self.doc.lines.push(line);
        }
        for (r, row) in t.rows.iter().enumerate() {
            let loc = is_kp(r);
            let kp = if loc.is_some() { KEY_POINT } else { 0 };
            if let Some(l) = loc {
                self.doc.key_points.push(self.doc.lines.len());
                self.doc.point_locations.push(l);
            }
            let mut line = DocLine {
                key_point: kp != 0,
                ..DocLine::default()
            };
            for (c, v) in render(row).iter().enumerate() {
                if c > 0 {
                    push(&mut line.spans, sep, SpanKind::Marker, kp);
                }
                let flags = self.flags(v, &[]);
                let (mut s, end) = (0, v.len());
                while s < end {
                    let mut e = s + 1;
                    while e < end && flags[e] == flags[s] {
                        e += 1;
                    }
                    push(&mut line.spans, &v[s..e], SpanKind::Text, flags[s] | kp);
                    s = e;
                }
                let line_no = self.doc.lines.len();
                if flags.iter().any(|f| f & FOCUS_ACTOR != 0)
                    && self.doc.mentions.last() != Some(&line_no)
                {
                    self.doc.mentions.push(line_no);
                }
                if flags.iter().any(|f| f & SEARCH != 0)
                    && self.doc.matches.last() != Some(&line_no)
                {
                    self.doc.matches.push(line_no);
                }
            }
            self.doc.lines.push(line);
        }
    }
}
