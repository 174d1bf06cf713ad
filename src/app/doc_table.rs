//! Tables in the reader. Columns get their natural widths when they fit; otherwise the
//! widest columns are narrowed (each column keeps at least its fair share) and their
//! cells wrap inside the column. When even that leaves a column too narrow to read,
//! each row becomes "Header: value" lines. A key-point row is marked as a whole.

use super::doc::{push, Builder, DocLine, SpanKind, FOCUS_ACTOR, KEY_POINT, SEARCH};
use super::text::sanitize;
use crate::model::{Location, Table};
use unicode_width::UnicodeWidthStr;

/// Below this many columns a wrapped table cell reads worse than a record layout.
const MIN_COL: usize = 8;

impl Builder<'_> {
    pub(super) fn table(&mut self, t: &Table, is_kp: impl Fn(usize) -> Option<Location>) {
        let cols = t
            .header
            .len()
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        let clean = |row: &[String]| -> Vec<String> {
            (0..cols)
                .map(|c| sanitize(row.get(c).map_or("", String::as_str)).into_owned())
                .collect()
        };
        let header = clean(&t.header);
        let rows: Vec<Vec<String>> = t.rows.iter().map(|r| clean(r)).collect();
        let mut natural = vec![0usize; cols];
        for row in std::iter::once(&header).chain(&rows) {
            for (w, v) in natural.iter_mut().zip(row) {
                *w = (*w).max(v.width());
            }
        }
        let avail = self.width.saturating_sub(3 * (cols - 1));
        match fit_columns(&natural, avail) {
            Some(widths) => self.grid(&header, &rows, &widths, is_kp),
            None => self.records(&header, &rows, is_kp),
        }
    }

    fn grid(
        &mut self,
        header: &[String],
        rows: &[Vec<String>],
        widths: &[usize],
        is_kp: impl Fn(usize) -> Option<Location>,
    ) {
        if header.iter().any(|h| !h.is_empty()) {
            self.grid_row(header, widths, SpanKind::TableHeader, 0);
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
        for (r, row) in rows.iter().enumerate() {
            let loc = is_kp(r);
            if let Some(l) = loc {
                self.doc.key_points.push(self.doc.lines.len());
                self.doc.point_locations.push(l);
            }
            let kp = if loc.is_some() { KEY_POINT } else { 0 };
            self.grid_row(row, widths, SpanKind::Text, kp);
        }
    }

    /// One table row: every cell wrapped to its column, as many lines as the tallest.
    fn grid_row(&mut self, cells: &[String], widths: &[usize], kind: SpanKind, kp: u8) {
        let sep = if self.input.ascii { " | " } else { " │ " };
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(widths)
            .map(|(v, w)| {
                textwrap::wrap(v, (*w).max(1))
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for k in 0..height {
            let line_no = self.doc.lines.len();
            let mut line = DocLine {
                key_point: kp != 0,
                ..DocLine::default()
            };
            for (c, (pieces, w)) in wrapped.iter().zip(widths).enumerate() {
                if c > 0 {
                    push(&mut line.spans, sep, SpanKind::Marker, kp);
                }
                let piece = pieces.get(k).map_or("", String::as_str);
                let flags = self.flags(piece, &[]);
                let mut s = 0;
                while s < piece.len() {
                    let mut e = s + 1;
                    while e < piece.len() && flags[e] == flags[s] {
                        e += 1;
                    }
                    push(&mut line.spans, &piece[s..e], kind, flags[s] | kp);
                    s = e;
                }
                let pad = w.saturating_sub(piece.width());
                if pad > 0 && c + 1 < widths.len() {
                    push(&mut line.spans, &" ".repeat(pad), kind, kp);
                }
                for (bit, list) in [
                    (FOCUS_ACTOR, &mut self.doc.mentions),
                    (SEARCH, &mut self.doc.matches),
                ] {
                    if flags.iter().any(|f| f & bit != 0) && list.last() != Some(&line_no) {
                        list.push(line_no);
                    }
                }
            }
            self.doc.lines.push(line);
        }
    }

    /// Each row as "Header: value" lines, for tables too wide to keep as columns.
    fn records(
        &mut self,
        header: &[String],
        rows: &[Vec<String>],
        is_kp: impl Fn(usize) -> Option<Location>,
    ) {
        let lead = if self.input.ascii { "> " } else { "▸ " };
        for (r, row) in rows.iter().enumerate() {
            let marked = is_kp(r);
            for (c, v) in row.iter().enumerate() {
                let h = header.get(c).map_or("", String::as_str);
                let text = if h.is_empty() {
                    v.clone()
                } else {
                    format!("{h}: {v}")
                };
                let all: Vec<_> = marked.map(|l| (0..text.len(), l)).into_iter().collect();
                let first = if c == 0 { lead } else { "  " };
                self.flow(&text, first, "  ", SpanKind::Text, &all);
            }
        }
    }
}

/// Column widths within `avail`: natural widths when they fit, else columns narrower
/// than an equal share keep theirs and the rest share what is left. `None` when a
/// column would drop below [`MIN_COL`] (and is wider than that naturally).
pub(super) fn fit_columns(natural: &[usize], avail: usize) -> Option<Vec<usize>> {
    if natural.iter().sum::<usize>() <= avail {
        return Some(natural.to_vec());
    }
    let mut widths = natural.to_vec();
    let mut open: Vec<usize> = (0..natural.len()).collect();
    let mut left = avail;
    loop {
        let share = left / open.len().max(1);
        let (fits, wide): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&c| natural[c] <= share);
        if fits.is_empty() {
            if share < MIN_COL {
                return None;
            }
            let mut extra = left - share * wide.len();
            for c in wide {
                widths[c] = share + usize::from(extra > 0);
                extra = extra.saturating_sub(1);
            }
            return Some(widths);
        }
        left -= fits.iter().map(|&c| natural[c]).sum::<usize>();
        open = wide;
        if open.is_empty() {
            return Some(widths);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_natural_widths_when_they_fit() {
        assert_eq!(fit_columns(&[5, 10], 20), Some(vec![5, 10]));
    }

    #[test]
    fn fit_narrows_only_the_wide_columns() {
        let w = fit_columns(&[6, 40, 30], 50).expect("fits");
        assert_eq!(w[0], 6);
        assert_eq!(w.iter().sum::<usize>(), 50);
        assert!(w[1] >= 8 && w[2] >= 8);
    }

    #[test]
    fn fit_gives_up_below_the_minimum() {
        assert_eq!(fit_columns(&[30, 30, 30], 20), None);
        assert_eq!(fit_columns(&[], 10), Some(vec![]));
    }
}
