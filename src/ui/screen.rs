//! The whole screen: the layout's areas filled with the panes or the reader, the status
//! bar, then the overlays (help, key-sequence hints) on top.

use super::actors::ActorsPane;
use super::frame::Ctx;
use super::layout::{compute, LayoutInput};
use super::list::ListPane;
use super::overlay::{ActorOverlay, HelpOverlay, HintPopup, Tabs};
use super::points::PointsPane;
use super::reader::ReaderPane;
use super::status::StatusBar;
use crate::app::{FilterTarget, Mode, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Screen<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ctx = self.ctx;
        let s = ctx.state;
        buf.set_style(area, ctx.theme.base);
        let areas = compute(area, &LayoutInput::of(s, ctx.layout, area));
        if let Some(r) = areas.tabs {
            Tabs { ctx }.render(r, buf);
        }
        for (pane, r) in &areas.panes {
            match pane {
                Pane::List => ListPane { ctx }.render(*r, buf),
                Pane::Points => PointsPane { ctx }.render(*r, buf),
                Pane::Actors => ActorsPane { ctx }.render(*r, buf),
            }
        }
        if let Some(r) = areas.reader {
            ReaderPane { ctx }.render(r, buf);
        }
        if let Some(r) = areas.status {
            StatusBar { ctx }.render(r, buf);
        }
        if s.actor_view.is_some() && areas.body.area() > 0 {
            ActorOverlay { ctx }.render(areas.body, buf);
        }
        if matches!(s.mode, Mode::Help | Mode::Filter(FilterTarget::Help)) && areas.body.area() > 0
        {
            HelpOverlay { ctx }.render(areas.body, buf);
        }
        if !s.pending.is_empty() && areas.body.area() > 0 {
            HintPopup { ctx }.render(areas.body, buf);
        }
    }
}

/// The item row of `pane` (drawn in `area`) at screen line `y`, for mouse clicks.
pub fn row_at(ctx: &Ctx, pane: Pane, area: Rect, y: u16) -> Option<usize> {
    let inner = if area.width < 3 || area.height < 3 {
        area
    } else {
        ratatui::widgets::Block::bordered().inner(area)
    };
    if y < inner.y || y >= inner.bottom() {
        return None;
    }
    let dy = usize::from(y - inner.y);
    let header = if pane == Pane::Points {
        ctx.state.points_header_lines()
    } else {
        0
    };
    ctx.state.row_at_line(pane, dy.checked_sub(header)?)
}
