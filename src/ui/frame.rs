//! What every widget needs to draw: the state, the theme, the symbols, the layout
//! settings, bundled so panes take one argument instead of many.

use super::symbols::Symbols;
use crate::app::{AppState, Mode, Pane};
use crate::config::{LayoutConfig, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// One row of a pane as drawn by [`Ctx::draw_rows`]: its position in the pane's rows,
/// its height and each column's lines.
pub struct DrawRow {
    pub pos: usize,
    pub height: usize,
    pub cells: Vec<Vec<Line<'static>>>,
}

pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub theme: &'a Theme,
    pub sym: Symbols,
    pub layout: &'a LayoutConfig,
}

impl Ctx<'_> {
    /// The bordered box of a pane, its border in the focus style when focused; the
    /// title shows the pane's number, name, count and filter.
    pub fn pane_block(&self, pane: Pane, title: String) -> Block<'static> {
        let focused = self.state.focus == pane && !self.state.in_reader();
        let border = if focused {
            self.theme.focus_border
        } else {
            self.theme.border
        };
        let mut title_spans = vec![Span::styled(title, self.theme.title)];
        let q = self.state.query(pane);
        let typing = self.state.mode == Mode::Filter(crate::app::FilterTarget::Pane(pane));
        if !q.is_empty() || typing {
            let shown = crate::app::text::sanitize(q).into_owned();
            let cursor = if typing { "_" } else { "" };
            title_spans.push(Span::styled(
                format!(" /{shown}{cursor}"),
                self.theme.match_highlight,
            ));
        }
        Block::default()
            .borders(Borders::ALL)
            .border_set(self.sym.border)
            .border_style(border)
            .title(Line::from(title_spans))
    }

    /// Whether `pane` has the keys (its selection then shows in the strong style).
    pub fn focused(&self, pane: Pane) -> bool {
        let s = self.state;
        s.focus == pane
            && matches!(
                s.mode,
                Mode::Normal | Mode::Filter(crate::app::FilterTarget::Pane(_))
            )
    }

    /// Draws the pane's window of rows (`AppState::window`): each row is its cells'
    /// lines side by side in columns of `widths` (0 = the rest) one column apart, cut
    /// to the row's height. The selection style goes on the first line of the selected
    /// row only, so that a move restyles two lines, whatever the rows' heights.
    pub fn draw_rows(
        &self,
        pane: Pane,
        rows: Vec<DrawRow>,
        widths: &[u16],
        area: Rect,
        buf: &mut Buffer,
    ) {
        let fixed: u16 = widths.iter().sum::<u16>() + widths.len().saturating_sub(1) as u16;
        let fill = area.width.saturating_sub(fixed);
        let mut xs = Vec::with_capacity(widths.len());
        let mut x = area.x;
        for w in widths {
            let w = if *w == 0 { fill } else { *w };
            let w = w.min(area.right().saturating_sub(x));
            xs.push((x, w));
            x = x.saturating_add(w + 1).min(area.right());
        }
        let selected = self.state.cursor(pane).selected;
        let style = if self.focused(pane) {
            self.theme.selection
        } else {
            self.theme.selection_inactive
        };
        let mut y = area.y;
        for row in rows {
            let h = u16::try_from(row.height).unwrap_or(u16::MAX);
            let h = h.min(area.bottom().saturating_sub(y));
            if h == 0 {
                break;
            }
            for (cell, &(x, w)) in row.cells.into_iter().zip(&xs) {
                for (i, line) in cell.into_iter().take(usize::from(h)).enumerate() {
                    line.render(Rect::new(x, y + i as u16, w, 1), buf);
                }
            }
            if row.pos == selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            }
            y += h;
        }
    }

    pub fn inner(block: &Block, area: Rect) -> Rect {
        if area.width < 3 || area.height < 3 {
            area
        } else {
            block.inner(area)
        }
    }
}
