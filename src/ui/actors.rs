//! The actor sidebar: name (matched characters highlighted, aliases matched too), kind
//! and mentions; the selected actor shows its roles and article count underneath.

use super::frame::Ctx;
use super::textline::{one_line, wrapped};
use crate::app::{highlight, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Row, Widget};

pub struct ActorsPane<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl ActorsPane<'_> {
    /// The visible rows from the cursor's offset, their heights and the column widths.
    fn build(&self, inner: Rect) -> (Vec<Row<'static>>, Vec<u16>, Vec<Constraint>) {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let rows = s.rows(Pane::Actors);
        let show_kind = inner.width >= 24;
        let name_w = usize::from(inner.width.saturating_sub(if show_kind { 12 } else { 5 })).max(1);
        let q = s.query(Pane::Actors);
        // Only the rows that can show are built (and matched for highlights): the
        // cursor's offset is the first, and every row takes at least one line.
        let c = s.cursor(Pane::Actors);
        let window = rows
            .iter()
            .enumerate()
            .skip(c.offset)
            .take(usize::from(inner.height));
        let mut heights = Vec::new();
        let table_rows: Vec<Row<'static>> = window
            .map(|(pos, &id)| {
                let a = &s.briefing.actors[id];
                let linked = s.linked_actor == Some(id);
                let name_style = if linked {
                    t.actor_highlight.patch(t.title)
                } else {
                    t.base
                };
                let hits = highlight(&a.name, q);
                let mut lines = vec![one_line(
                    &a.name,
                    name_w,
                    &hits,
                    name_style,
                    t.match_highlight,
                    sym.ellipsis,
                )];
                if pos == c.selected {
                    // The full story of the selected actor: aliases that matched, roles, reach.
                    if !a.aliases.is_empty() {
                        let aka = format!("aka {}", a.aliases.join(", "));
                        lines.extend(wrapped(&aka, name_w, 3, &[], t.dim, t.dim, sym.ellipsis));
                    }
                    for role in a.roles.iter().take(3) {
                        lines.extend(wrapped(role, name_w, 3, &[], t.dim, t.dim, sym.ellipsis));
                    }
                    let n = a.articles.len();
                    let plural = if n == 1 { "" } else { "s" };
                    lines.push(Line::styled(format!("in {n} article{plural}"), t.dim));
                }
                let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
                heights.push(height);
                let mut cells = vec![Cell::from(Text::from(lines))];
                if show_kind {
                    let kind = match a.kind {
                        crate::model::ActorKind::Person => "person",
                        crate::model::ActorKind::Organization => "org",
                        crate::model::ActorKind::Place => "place",
                    };
                    cells.push(Cell::from(Span::styled(kind, t.dim)));
                }
                cells.push(Cell::from(Span::styled(
                    format!("{:>4}", a.mentions),
                    t.dim,
                )));
                Row::new(cells).height(height)
            })
            .collect();
        let mut widths = vec![Constraint::Fill(1)];
        if show_kind {
            widths.push(Constraint::Length(6));
        }
        widths.push(Constraint::Length(4));
        (table_rows, heights, widths)
    }

    /// The row (index into the pane's rows) drawn at line `y` of the inner area.
    pub fn row_at(&self, inner: Rect, y: u16) -> Option<usize> {
        let (_, heights, _) = self.build(inner);
        super::frame::row_at(&heights, self.ctx.state.cursor(Pane::Actors).offset, y)
    }
}

impl Widget for ActorsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.ctx.state, self.ctx.theme);
        let rows = s.rows(Pane::Actors);
        let block = self
            .ctx
            .pane_block(Pane::Actors, format!("3 Actors ({})", rows.len()));
        let inner = Ctx::inner(&block, area);
        if area.width >= 3 && area.height >= 3 {
            block.render(area, buf);
        }
        if rows.is_empty() {
            Line::styled("No actors", t.dim).render(inner, buf);
            return;
        }
        let (table_rows, _, widths) = self.build(inner);
        self.ctx
            .render_rows(Pane::Actors, table_rows, widths, inner, buf);
    }
}
