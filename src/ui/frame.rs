//! What every widget needs to draw: the state, the theme, the symbols, the layout
//! settings, bundled so panes take one argument instead of many.

use super::symbols::Symbols;
use crate::app::{AppState, Mode, Pane};
use crate::config::{LayoutConfig, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, StatefulWidget, Table, TableState};

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

    /// A block's inner area, or the area itself when too small for borders.
    /// Draws a pane's visible rows (built from the cursor's offset) as a table, with the
    /// cursor's row in the selection style.
    pub fn render_rows<'r>(
        &self,
        pane: Pane,
        rows: impl IntoIterator<Item = Row<'r>>,
        widths: impl IntoIterator<Item = Constraint>,
        inner: Rect,
        buf: &mut Buffer,
    ) {
        let c = self.state.cursor(pane);
        let mut ts = TableState::default().with_selected(Some(c.selected.saturating_sub(c.offset)));
        StatefulWidget::render(
            Table::new(rows, widths)
                .column_spacing(1)
                .row_highlight_style(self.theme.selection),
            inner,
            buf,
            &mut ts,
        );
    }

    pub fn inner(block: &Block, area: Rect) -> Rect {
        if area.width < 3 || area.height < 3 {
            area
        } else {
            block.inner(area)
        }
    }
}

/// The row at line `y` of a table whose visible rows (from `offset`) have `heights`.
pub fn row_at(heights: &[u16], offset: usize, y: u16) -> Option<usize> {
    let mut top = 0u16;
    for (i, h) in heights.iter().enumerate() {
        top = top.saturating_add(*h);
        if y < top {
            return Some(offset + i);
        }
    }
    None
}
