//! The actor sidebar: one line per actor — name (matched characters highlighted), kind,
//! mentions — and, at its foot, a fixed box with the selected actor's details (kind,
//! reach, other names, roles). The box keeps its place and height, so moving the
//! selection rewrites two rows and the box's text, never the rows below.
//! `t` narrows the sidebar to one kind; `i` opens everything about the actor.

use super::frame::{Ctx, DrawRow};
use super::layout::actor_detail_lines;
use super::textline::one_line;
use crate::app::wording::{count, shown_of};
use crate::app::{highlight, Pane};
use crate::model::{Actor, ActorKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct ActorsPane<'a> {
    pub ctx: &'a Ctx<'a>,
}

/// The kind as the sidebar's column shows it.
pub fn kind_tag(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "person",
        ActorKind::Organization => "org",
        ActorKind::Place => "place",
    }
}

impl ActorsPane<'_> {
    fn title(&self) -> String {
        let s = self.ctx.state;
        let shown = s.rows(Pane::Actors).len();
        let total = s.briefing.actors.len();
        match s.actor_kind {
            None => format!("3 Actors ({})", shown_of(shown, total)),
            Some(k) => {
                let of_kind = s.briefing.actors.iter().filter(|a| a.kind == k).count();
                let what = match k {
                    ActorKind::Person => "People",
                    ActorKind::Organization => "Organisations",
                    ActorKind::Place => "Places",
                };
                format!("3 {what} ({})", shown_of(shown, of_kind))
            }
        }
    }

    fn row(&self, pos: usize, a: &Actor, id: usize, name_w: usize, show_kind: bool) -> DrawRow {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let name_style = if s.linked_actor == Some(id) {
            t.actor_highlight.patch(t.title)
        } else {
            t.base
        };
        let hits = highlight(&a.name, s.query(Pane::Actors));
        let name = one_line(
            &a.name,
            name_w,
            &hits,
            name_style,
            t.match_highlight,
            sym.ellipsis,
        );
        let mut cells = vec![vec![name]];
        if show_kind {
            cells.push(vec![Line::styled(kind_tag(a.kind), t.dim)]);
        }
        cells.push(vec![Line::styled(format!("{:>4}", a.mentions), t.dim)]);
        DrawRow {
            pos,
            height: 1,
            cells,
        }
    }

    /// The selected actor's details: a rule, then kind and reach, other names, roles.
    fn detail(&self, area: Rect, buf: &mut Buffer) {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let Some(a) = s
            .selected(Pane::Actors)
            .and_then(|i| s.briefing.actors.get(i))
        else {
            return;
        };
        let w = usize::from(area.width);
        let info = s.key_for(crate::app::Action::ActorInfo);
        let rule = format!("{} {info} more ", sym.border.horizontal_top.repeat(2));
        let mut lines = vec![Line::from(vec![
            Span::styled(rule, t.border),
            Span::styled(
                sym.border
                    .horizontal_top
                    .repeat(w.saturating_sub(6 + info.len())),
                t.border,
            ),
        ])];
        // The count first: a narrow sidebar cuts the kind, which the row shows anyway.
        let reach = format!(
            "in {}{}{}",
            count(a.articles.len(), "article"),
            sym.dot,
            kind_tag(a.kind),
        );
        lines.push(one_line(&reach, w, &[], t.dim, t.dim, sym.ellipsis));
        let aka = if a.aliases.is_empty() {
            String::new()
        } else {
            format!("aka {}", a.aliases.join(", "))
        };
        lines.push(one_line(&aka, w, &[], t.dim, t.dim, sym.ellipsis));
        let roles = a.roles.join("; ");
        lines.push(one_line(&roles, w, &[], t.dim, t.dim, sym.ellipsis));
        for (i, l) in lines.into_iter().enumerate().take(usize::from(area.height)) {
            l.render(Rect::new(area.x, area.y + i as u16, area.width, 1), buf);
        }
    }
}

impl Widget for ActorsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.ctx.state, self.ctx.theme);
        let block = self.ctx.pane_block(Pane::Actors, self.title());
        let inner = Ctx::inner(&block, area);
        if area.width >= 3 && area.height >= 3 {
            block.render(area, buf);
        }
        let rows = s.rows(Pane::Actors);
        if rows.is_empty() {
            let msg = if s.actor_kind.is_some() {
                "No actor of this kind (t shows the next)"
            } else if s.briefing.actors.is_empty() {
                "No actors"
            } else {
                "No actor matches (Esc clears the filter)"
            };
            Line::styled(msg, t.dim).render(inner, buf);
            return;
        }
        let detail = actor_detail_lines(inner.height);
        let list = Rect::new(inner.x, inner.y, inner.width, inner.height - detail);
        if detail > 0 {
            let foot = Rect::new(inner.x, list.bottom(), inner.width, detail);
            self.detail(foot, buf);
        }
        let show_kind = inner.width >= 24;
        let fixed = if show_kind { 6 + 1 + 4 + 1 } else { 4 + 1 };
        let name_w = usize::from(inner.width.saturating_sub(fixed)).max(1);
        let drawn: Vec<DrawRow> = s
            .window(Pane::Actors)
            .into_iter()
            .filter_map(|(pos, _)| {
                let id = *rows.get(pos)?;
                let a = s.briefing.actors.get(id)?;
                Some(self.row(pos, a, id, name_w, show_kind))
            })
            .collect();
        let widths: &[u16] = if show_kind { &[0, 6, 4] } else { &[0, 4] };
        self.ctx.draw_rows(Pane::Actors, drawn, widths, list, buf);
    }
}
