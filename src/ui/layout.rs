//! The screen layout as a pure function of the terminal size and a few state bits.
//!
//! ```text
//! wide (>= 60 cols)                      narrow (< 60 cols)
//! +--------+--------------+--------+     1 Articles | 2 Key points | 3 Actors
//! | list   | key points   | actors |     +-------------------------------+
//! |        |              | (>=100 |     | the focused pane only         |
//! |        |              |  cols) |     +-------------------------------+
//! +--------+--------------+--------+     status
//! status
//! ```
//! The reader (and its overlays) replace the panes' body; the status bar keeps the
//! last row whenever there are at least two.

use crate::app::{AppState, Pane, Viewport};
use crate::config::LayoutConfig;
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this width one pane shows at a time, with a tab line.
pub const NARROW: u16 = 60;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Option<Rect>,
    pub panes: Vec<(Pane, Rect)>,
    pub reader: Option<Rect>,
    pub status: Option<Rect>,
    /// Everything but the status bar (overlays are centred in it).
    pub body: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutInput {
    pub reader: bool,
    pub sidebar: bool,
    pub focus: Pane,
    pub pcts: (u16, u16, u16),
}

impl LayoutInput {
    /// The layout's inputs for a screen of `area` (its width decides the sidebar, not
    /// the width the state last heard of: the first frame comes before that).
    pub fn of(state: &AppState, cfg: &LayoutConfig, area: Rect) -> LayoutInput {
        LayoutInput {
            reader: state.in_reader(),
            sidebar: state.sidebar_visible_at(area.width),
            focus: state.focus,
            pcts: (cfg.list_pct, cfg.points_pct, cfg.actors_pct),
        }
    }
}

pub fn compute(area: Rect, input: &LayoutInput) -> Areas {
    let mut a = Areas::default();
    if area.width == 0 || area.height == 0 {
        return a;
    }
    let body = if area.height >= 2 {
        let [body, status] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        a.status = Some(status);
        body
    } else {
        a.status = Some(area);
        return a;
    };
    a.body = body;
    if input.reader {
        a.reader = Some(body);
        return a;
    }
    if body.width < NARROW {
        let pane_area = if body.height >= 3 {
            let [tabs, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
            a.tabs = Some(tabs);
            rest
        } else {
            body
        };
        a.panes.push((input.focus, pane_area));
        return a;
    }
    let (l, p, s) = input.pcts;
    let mut panes = vec![(Pane::List, l.max(1)), (Pane::Points, p.max(1))];
    if input.sidebar {
        panes.push((Pane::Actors, s.max(1)));
    }
    let total: u32 = panes.iter().map(|(_, w)| u32::from(*w)).sum();
    // Titles are what a reader scans first: the list never gets less than a third of
    // the width, whatever the percentages say; the others share the rest.
    let list_w = (u32::from(body.width) * u32::from(panes[0].1) / total.max(1))
        .max(u32::from(body.width) / 3) as u16;
    let constraints = std::iter::once(Constraint::Length(list_w))
        .chain(panes[1..].iter().map(|(_, w)| Constraint::Fill(*w)));
    let rects = Layout::horizontal(constraints).split(body);
    a.panes = panes
        .iter()
        .map(|(p, _)| *p)
        .zip(rects.iter().copied())
        .collect();
    a
}

/// Rows inside a bordered box of `r` (0 when there is no room for borders).
pub fn inner_rows(r: Rect) -> u16 {
    r.height.saturating_sub(2)
}

/// Columns inside a bordered box of `r`.
pub fn inner_cols(r: Rect) -> u16 {
    if r.width < 3 || r.height < 3 {
        r.width
    } else {
        r.width - 2
    }
}

/// Below this many columns an article takes two lines: the title, then its source,
/// date and key point count (which do not fit beside a readable title).
pub const LIST_ONE_LINE: u16 = 60;

/// Lines of one article row in a list pane of `cols` inner columns.
pub fn list_row_lines(cols: u16) -> u16 {
    if cols >= LIST_ONE_LINE {
        1
    } else {
        2
    }
}

/// The key points pane's columns at `cols` inner columns: (gutter, text, sources,
/// actors); 0 for a column that does not show. The sources column only says something
/// in the briefing table ("3 sources"); the actors column only where the text keeps
/// 60 columns beside it.
pub fn points_columns(cols: u16, briefing: bool) -> (u16, u16, u16, u16) {
    let gutter = 2;
    let src = match cols {
        _ if !briefing => 0,
        60.. => 12,
        36.. => 10,
        _ => 0,
    };
    let act = if cols >= 80 { 18 } else { 0 };
    let gaps = [src, act].iter().filter(|w| **w > 0).count() as u16;
    let text = cols.saturating_sub(gutter + src + act + gaps).max(1);
    (gutter, text, src, act)
}

/// Lines of the selected actor's details at the foot of the sidebar (a rule and three
/// lines), when the sidebar has room for them beside at least eight actors.
pub fn actor_detail_lines(rows: u16) -> u16 {
    if rows >= 12 {
        4
    } else {
        0
    }
}

/// The geometry the app core needs for paging, wrapping and scrolling.
pub fn viewport(area: Rect, state: &AppState, cfg: &LayoutConfig) -> Viewport {
    let mut input = LayoutInput::of(state, cfg, area);
    input.reader = false;
    let panes = compute(area, &input);
    input.reader = true;
    let reader = compute(area, &input).reader.unwrap_or_default();
    let pane_rows = panes
        .panes
        .iter()
        .map(|(_, r)| inner_rows(*r))
        .min()
        .unwrap_or(0);
    let rect = |p: Pane| panes.panes.iter().find(|(q, _)| *q == p).map(|(_, r)| *r);
    let rows_of = |p: Pane| rect(p).map_or(0, inner_rows);
    let points_cols = rect(Pane::Points).map_or(0, inner_cols);
    let actor_rows = rows_of(Pane::Actors);
    let body = compute(area, &input).body;
    Viewport {
        width: area.width,
        height: area.height,
        pane_rows: pane_rows.max(1),
        // Borders (2), the key-point gutter (2) and one column of air on the right.
        reader_cols: reader.width.saturating_sub(5).max(1),
        reader_rows: inner_rows(reader).max(1),
        item_lines: [
            rows_of(Pane::List),
            rows_of(Pane::Points),
            actor_rows.saturating_sub(actor_detail_lines(actor_rows)),
        ],
        list_row_lines: list_row_lines(rect(Pane::List).map_or(80, inner_cols)),
        points_cols,
        points_text_cols: points_columns(points_cols, state.briefing_points).1,
        // The overlays take the whole body, inside a border, a column of air each side.
        overlay_cols: body.width.saturating_sub(4).max(1),
        overlay_rows: inner_rows(body).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(reader: bool, sidebar: bool) -> LayoutInput {
        LayoutInput {
            reader,
            sidebar,
            focus: Pane::Points,
            pcts: (30, 45, 25),
        }
    }

    #[test]
    fn wide_has_three_panes_and_status() {
        let a = compute(Rect::new(0, 0, 120, 40), &input(false, true));
        assert_eq!(a.panes.len(), 3);
        assert_eq!(a.status, Some(Rect::new(0, 39, 120, 1)));
        let widths: u16 = a.panes.iter().map(|(_, r)| r.width).sum();
        assert_eq!(widths, 120);
        assert!(a.tabs.is_none());
    }

    #[test]
    fn folded_sidebar_gives_two_panes() {
        let a = compute(Rect::new(0, 0, 80, 24), &input(false, false));
        assert_eq!(
            a.panes.iter().map(|p| p.0).collect::<Vec<_>>(),
            vec![Pane::List, Pane::Points]
        );
    }

    #[test]
    fn narrow_shows_focused_pane_with_tabs() {
        let a = compute(Rect::new(0, 0, 40, 10), &input(false, true));
        assert_eq!(a.panes.len(), 1);
        assert_eq!(a.panes[0].0, Pane::Points);
        assert_eq!(a.tabs, Some(Rect::new(0, 0, 40, 1)));
    }

    #[test]
    fn reader_takes_the_body() {
        let a = compute(Rect::new(0, 0, 80, 24), &input(true, true));
        assert_eq!(a.reader, Some(Rect::new(0, 0, 80, 23)));
        assert!(a.panes.is_empty());
    }

    #[test]
    fn tiny_sizes_never_overflow() {
        for (w, h) in [(1, 1), (0, 0), (20, 5), (5, 2), (300, 1), (1, 300)] {
            for reader in [false, true] {
                let area = Rect::new(0, 0, w, h);
                let a = compute(area, &input(reader, true));
                for r in a
                    .panes
                    .iter()
                    .map(|p| p.1)
                    .chain(a.reader)
                    .chain(a.status)
                    .chain(a.tabs)
                {
                    assert!(
                        area.contains(r.as_position()) || r.area() == 0,
                        "{w}x{h}: {r:?}"
                    );
                    assert!(r.right() <= area.right() && r.bottom() <= area.bottom());
                }
            }
        }
    }
}
