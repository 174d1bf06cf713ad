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
    pub fn of(state: &AppState, cfg: &LayoutConfig) -> LayoutInput {
        LayoutInput {
            reader: state.in_reader(),
            sidebar: state.sidebar_visible(),
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

/// The geometry the app core needs for paging and wrapping.
pub fn viewport(area: Rect, state: &AppState, cfg: &LayoutConfig) -> Viewport {
    let mut input = LayoutInput::of(state, cfg);
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
    Viewport {
        width: area.width,
        height: area.height,
        pane_rows: pane_rows.max(1),
        // Borders (2), the key-point gutter (2) and one column of air on the right.
        reader_cols: reader.width.saturating_sub(5).max(1),
        reader_rows: inner_rows(reader).max(1),
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
