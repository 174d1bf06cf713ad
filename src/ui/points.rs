//! The key points table: the selected article's points, or the briefing's merged table
//! ("N sources"); cells wrap, the selected row shows in full, the others in two lines.

use super::frame::Ctx;
use super::textline::wrapped;
use crate::app::text::sanitize;
use crate::app::{highlight, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Row, Widget};

pub struct PointsPane<'a> {
    pub ctx: &'a Ctx<'a>,
}

/// One row's content, whichever table it comes from.
struct PointRow {
    text: String,
    sources: String,
    actors: Vec<String>,
    starred: bool,
}

impl PointsPane<'_> {
    /// The visible rows from the cursor's offset, their heights and the column widths.
    fn build(&self, inner: Rect) -> (Vec<Row<'static>>, Vec<u16>, Vec<Constraint>) {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let rows = s.rows(Pane::Points);
        let q = s.query(Pane::Points);
        let (src_w, act_w) = match inner.width {
            70.. => (12u16, 18u16),
            48.. => (10, 14),
            36.. => (10, 0),
            _ => (0, 0),
        };
        // One article's points all share its source: the column only says something
        // in the briefing table ("3 sources").
        let src_w = if s.briefing_points { src_w } else { 0 };
        let spacing = [src_w, act_w].iter().filter(|w| **w > 0).count() as u16 + 1;
        let text_w = usize::from(inner.width.saturating_sub(1 + src_w + act_w + spacing)).max(1);
        // Only the rows that can show are built (and matched for highlights): the
        // cursor's offset is the first, and every row takes at least one line.
        let c = s.cursor(Pane::Points);
        let window = rows
            .iter()
            .enumerate()
            .skip(c.offset)
            .take(usize::from(inner.height));
        let mut heights = Vec::new();
        let table_rows: Vec<Row<'static>> = window
            .filter_map(|(pos, &id)| {
                let r = self.row(id)?;
                let max = if pos == c.selected { usize::MAX } else { 2 };
                let hits = highlight(&r.text, q);
                let lines = wrapped(
                    &r.text,
                    text_w,
                    max,
                    &hits,
                    t.base,
                    t.match_highlight,
                    sym.ellipsis,
                );
                let mut height = lines.len().max(1);
                let star = if r.starred { sym.star } else { " " };
                let mut cells = vec![
                    Cell::from(Span::styled(star, t.warning)),
                    Cell::from(Text::from(lines)),
                ];
                if src_w > 0 {
                    let src = sanitize(&r.sources).into_owned();
                    let lines = wrapped(&src, src_w.into(), max, &[], t.dim, t.dim, sym.ellipsis);
                    height = height.max(lines.len());
                    cells.push(Cell::from(Text::from(lines)));
                }
                if act_w > 0 {
                    let names = sanitize(&r.actors.join(", ")).into_owned();
                    let style = t.actor_highlight;
                    let lines = wrapped(&names, act_w.into(), max, &[], style, style, sym.ellipsis);
                    height = height.max(lines.len());
                    cells.push(Cell::from(Text::from(lines)));
                }
                let height = u16::try_from(height).unwrap_or(u16::MAX);
                heights.push(height);
                Some(Row::new(cells).height(height))
            })
            .collect();
        let mut widths = vec![Constraint::Length(1), Constraint::Fill(1)];
        if src_w > 0 {
            widths.push(Constraint::Length(src_w));
        }
        if act_w > 0 {
            widths.push(Constraint::Length(act_w));
        }
        (table_rows, heights, widths)
    }

    /// The row (index into the pane's rows) drawn at line `y` of the inner area.
    pub fn row_at(&self, inner: Rect, y: u16) -> Option<usize> {
        let (_, heights, _) = self.build(inner);
        super::frame::row_at(&heights, self.ctx.state.cursor(Pane::Points).offset, y)
    }

    fn row(&self, id: usize) -> Option<PointRow> {
        let s = self.ctx.state;
        let b = &s.briefing;
        if s.briefing_points {
            let m = b.merged_points.get(id)?;
            let n = m.source_count();
            let sources = if n == 1 {
                let a = m.members.first().and_then(|x| b.articles.get(x.0));
                a.and_then(|a| a.source.clone())
                    .unwrap_or_else(|| "1 source".into())
            } else {
                format!("{n} sources")
            };
            Some(PointRow {
                text: m.text.clone(),
                sources,
                actors: m.actors.clone(),
                starred: s.merged_starred(id),
            })
        } else {
            let a = b.articles.get(s.selected_article()?)?;
            let k = a.key_points.get(id)?;
            Some(PointRow {
                text: k.text.clone(),
                sources: a.source.clone().unwrap_or_default(),
                actors: k.actors.clone(),
                starred: s.marks.is_point_starred(&a.content_hash, &k.text),
            })
        }
    }
}

impl Widget for PointsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.ctx.state, self.ctx.theme);
        let rows = s.rows(Pane::Points);
        let scope = if s.briefing_points {
            "whole briefing".to_string()
        } else {
            s.selected_article()
                .and_then(|a| s.briefing.articles.get(a))
                .map(|a| format!("{} points", a.key_points.len()))
                .unwrap_or_else(|| "no article".into())
        };
        let block = self.ctx.pane_block(
            Pane::Points,
            format!("2 Key points ({}, {scope})", rows.len()),
        );
        let inner = Ctx::inner(&block, area);
        if area.width >= 3 && area.height >= 3 {
            block.render(area, buf);
        }
        if rows.is_empty() {
            Line::styled("No key points", t.dim).render(inner, buf);
            return;
        }
        let (table_rows, _, widths) = self.build(inner);
        self.ctx
            .render_rows(Pane::Points, table_rows, widths, inner, buf);
    }
}
