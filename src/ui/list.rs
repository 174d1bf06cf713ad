//! The article list: read/unread and star marks, title (matched characters
//! highlighted), source, date and the number of key points.

use super::frame::Ctx;
use super::textline::one_line;
use crate::app::text::sanitize;
use crate::app::{highlight, Pane};
use crate::config::format_date;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Widget};

pub struct ListPane<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl Widget for ListPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let rows = s.rows(Pane::List);
        let total = s.briefing.articles.len();
        let title = if rows.len() == total {
            format!("1 Articles ({total})")
        } else {
            format!("1 Articles ({}/{total})", rows.len())
        };
        let block = self.ctx.pane_block(Pane::List, title);
        let inner = Ctx::inner(&block, area);
        if area.width >= 3 && area.height >= 3 {
            block.render(area, buf);
        }
        if rows.is_empty() {
            let msg = if total == 0 {
                "No articles"
            } else {
                "No article matches"
            };
            Line::styled(msg, t.dim).render(inner, buf);
            return;
        }
        let wide = inner.width >= 50;
        let (src_w, date_w) = if wide { (12u16, 10u16) } else { (0, 0) };
        // The key point count only when the title keeps room to read.
        let count = inner.width >= 40;
        // Marks, count and the column gaps, plus source and date when wide.
        let fixed = 3 + if count { 4 } else { 0 } + if wide { src_w + date_w + 2 } else { 0 };
        let title_w = usize::from(inner.width.saturating_sub(fixed));
        let q = s.query(Pane::List);
        // Only the rows that can show are built (and matched for highlights): the
        // cursor's offset is the first, and every row takes at least one line.
        let c = s.cursor(Pane::List);
        let window = rows
            .iter()
            .enumerate()
            .skip(c.offset)
            .take(usize::from(inner.height));
        let table_rows = window.map(|(_, &i)| {
            let a = &s.briefing.articles[i];
            let unread = if s.marks.is_read(&a.content_hash) {
                " "
            } else {
                sym.unread
            };
            let star = if s.marks.is_starred(&a.content_hash) {
                sym.star
            } else {
                " "
            };
            let hits = highlight(&a.title, q);
            let title_style = if s.marks.is_read(&a.content_hash) {
                t.base
            } else {
                t.base.patch(t.title)
            };
            let mut cells = vec![
                Cell::from(Line::from(vec![
                    Span::styled(unread, t.key_point),
                    Span::styled(star, t.warning),
                ])),
                Cell::from(one_line(
                    &a.title,
                    title_w,
                    &hits,
                    title_style,
                    t.match_highlight,
                    sym.ellipsis,
                )),
            ];
            if wide {
                let src = sanitize(a.source.as_deref().unwrap_or("")).into_owned();
                cells.push(Cell::from(one_line(
                    &src,
                    usize::from(src_w),
                    &[],
                    t.dim,
                    t.dim,
                    sym.ellipsis,
                )));
                let date = a
                    .published
                    .as_deref()
                    .map(|d| format_date(d, &self.ctx.layout.date_format))
                    .unwrap_or_default();
                cells.push(Cell::from(one_line(
                    &date,
                    usize::from(date_w),
                    &[],
                    t.dim,
                    t.dim,
                    sym.ellipsis,
                )));
            }
            if count {
                cells.push(Cell::from(Span::styled(
                    format!("{:>3}", a.key_points.len()),
                    t.dim,
                )));
            }
            Row::new(cells)
        });
        let mut widths = vec![Constraint::Length(2), Constraint::Fill(1)];
        if wide {
            widths.push(Constraint::Length(src_w));
            widths.push(Constraint::Length(date_w));
        }
        if count {
            widths.push(Constraint::Length(3));
        }
        self.ctx
            .render_rows(Pane::List, table_rows, widths, inner, buf);
    }
}
