//! Which rows of a pane are on screen: row heights, the window's first row, and jumps.
//!
//! Rows do not all take one line: an article takes two where its source and date go under
//! the title, and a key point takes as many lines as its whole text wraps to (so no row
//! ever grows when selected and pushes the others down). Heights come from the geometry
//! the shell reports ([`super::Viewport`]) and the same wrapping the pane draws with
//! ([`super::text::wrap_ranges`]).
//!
//! The window moves only when the selection leaves it, and then by half a window (the
//! selection lands mid-pane), never line by line: each scroll rewrites the whole pane on
//! the terminal, so scrolling rarely keeps a slow link fast.

use super::text::{sanitize, wrap_ranges};
use super::{AppState, Pane};

/// A selection and the first visible row of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

/// Rows each pane has on screen, as the shell's layout last computed them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    pub width: u16,
    pub height: u16,
    /// Visible item rows of the panes (inside borders).
    pub pane_rows: u16,
    /// Text columns and rows of the reader (inside borders).
    pub reader_cols: u16,
    pub reader_rows: u16,
    /// Per pane, the lines its items may use (inside borders, without a detail box);
    /// 0 where unknown: `pane_rows` then. See `scroll.rs`.
    pub item_lines: [u16; 3],
    /// Lines of one article row (1, or 2 where source and date go under the title).
    pub list_row_lines: u16,
    /// Columns of the key points pane (inside borders) and of its text column, which
    /// key points wrap to in full; 0 where unknown: one line per point.
    pub points_cols: u16,
    pub points_text_cols: u16,
    /// Text columns and rows inside the help and actor overlays.
    pub overlay_cols: u16,
    pub overlay_rows: u16,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            width: 120,
            height: 40,
            pane_rows: 36,
            reader_cols: 100,
            reader_rows: 36,
            item_lines: [0; 3],
            list_row_lines: 1,
            points_cols: 0,
            points_text_cols: 0,
            overlay_cols: 100,
            overlay_rows: 36,
        }
    }
}

impl AppState {
    /// Lines the pane's item rows may use: the pane's inside, less the key points pane's
    /// article title.
    pub fn item_lines(&self, pane: Pane) -> usize {
        let given = match self.view.item_lines[pane.index()] {
            0 => self.view.pane_rows,
            n => n,
        };
        let header = if pane == Pane::Points {
            self.points_header_lines()
        } else {
            0
        };
        usize::from(given).saturating_sub(header).max(1)
    }

    /// Lines of the row at `pos` of the pane.
    pub fn row_height(&self, pane: Pane, pos: usize) -> usize {
        match pane {
            Pane::List => usize::from(self.view.list_row_lines.max(1)),
            Pane::Actors => 1,
            Pane::Points => {
                let cols = usize::from(self.view.points_text_cols);
                match self
                    .rows(Pane::Points)
                    .get(pos)
                    .and_then(|&id| self.point_text(id))
                {
                    Some(text) if cols > 0 => wrap_ranges(&sanitize(text), cols).len().max(1),
                    _ => 1,
                }
            }
        }
    }

    /// The text of a key points pane item (an article's point, or a merged point).
    pub fn point_text(&self, id: usize) -> Option<&str> {
        let b = &self.briefing;
        if self.briefing_points {
            b.merged_points.get(id).map(|m| m.text.as_str())
        } else {
            let a = b.articles.get(self.selected_article()?)?;
            a.key_points.get(id).map(|k| k.text.as_str())
        }
    }

    /// Lines of the selected article's title above its key points (at most two; none
    /// for the whole briefing's table).
    pub fn points_header_lines(&self) -> usize {
        let cols = usize::from(self.view.points_cols);
        if self.briefing_points || cols == 0 {
            return 0;
        }
        match self
            .selected_article()
            .and_then(|a| self.briefing.articles.get(a))
        {
            Some(a) => wrap_ranges(&sanitize(&a.title), cols).len().clamp(1, 2),
            None => 0,
        }
    }

    /// The rows on screen from the window's first row: (row position, lines drawn). The
    /// last row may be cut short.
    pub fn window(&self, pane: Pane) -> Vec<(usize, usize)> {
        let (len, page) = (self.rows(pane).len(), self.item_lines(pane));
        let mut out = Vec::new();
        let mut used = 0;
        let mut pos = self.cursor(pane).offset;
        while pos < len && used < page {
            let h = self.row_height(pane, pos).min(page - used);
            out.push((pos, h));
            used += h;
            pos += 1;
        }
        out
    }

    /// The row drawn at line `y` of the pane's item area (a mouse click).
    pub fn row_at_line(&self, pane: Pane, y: usize) -> Option<usize> {
        let mut top = 0;
        for (pos, h) in self.window(pane) {
            if y < top + h {
                return Some(pos);
            }
            top += h;
        }
        None
    }

    pub(crate) fn clamp_all(&mut self) {
        for p in Pane::ALL {
            self.clamp(p);
        }
    }

    /// Keeps the selection inside the rows and wholly on screen, moving the window by
    /// half its height when the selection left it.
    pub(crate) fn clamp(&mut self, pane: Pane) {
        let len = self.rows(pane).len();
        let i = pane.index();
        let selected = self.cursors[i].selected.min(len.saturating_sub(1));
        let page = self.item_lines(pane);
        let mut offset = self.cursors[i].offset.min(len.saturating_sub(1));
        if selected < offset || !self.fits(pane, offset, selected, page) {
            let half = (page / 2).max(self.row_height(pane, selected));
            offset = self.fit_above(pane, selected, half);
        }
        // No blank lines under the last row while rows above are hidden.
        if len > 0 {
            offset = offset.min(self.fit_above(pane, len - 1, page));
        }
        self.cursors[i].selected = selected;
        self.cursors[i].offset = offset;
    }

    /// Whether rows `from..=to` fit in `lines`.
    fn fits(&self, pane: Pane, from: usize, to: usize, lines: usize) -> bool {
        let mut used = 0;
        for pos in from..=to {
            used += self.row_height(pane, pos);
            if used > lines {
                return false;
            }
        }
        true
    }

    /// The first row of the window that ends with row `pos` and uses at most `lines`
    /// (always `pos` itself when that row alone is taller).
    fn fit_above(&self, pane: Pane, pos: usize, lines: usize) -> usize {
        let mut first = pos;
        let mut used = self.row_height(pane, pos);
        while first > 0 {
            let h = self.row_height(pane, first - 1);
            if used + h > lines {
                break;
            }
            used += h;
            first -= 1;
        }
        first
    }
}
