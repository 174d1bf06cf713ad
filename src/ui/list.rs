//! The article list: read/unread and star marks, title (matched characters
//! highlighted), source, date and the number of key points — beside the title where the
//! pane is wide enough (`layout::LIST_ONE_LINE`), else on a second, dim line.

use super::frame::{Ctx, DrawRow};
use super::layout::list_row_lines;
use super::textline::one_line;
use crate::app::text::sanitize;
use crate::app::wording::{count, shown_of};
use crate::app::{highlight, Pane};
use crate::config::format_date;
use crate::model::Article;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct ListPane<'a> {
    pub ctx: &'a Ctx<'a>,
}

/// Widths of the source and date columns on a one-line row.
const SRC_W: u16 = 12;
const DATE_W: u16 = 10;

impl ListPane<'_> {
    fn title(&self) -> String {
        let s = self.ctx.state;
        let shown = shown_of(s.rows(Pane::List).len(), s.briefing.articles.len());
        let order = match s.sort {
            crate::app::SortOrder::Briefing => String::new(),
            o if s.query(Pane::List).trim().is_empty() => format!(", by {}", o.name()),
            _ => String::new(),
        };
        format!("1 Articles ({shown}{order})")
    }

    fn meta(&self, a: &Article) -> (String, String) {
        let src = sanitize(a.source.as_deref().unwrap_or("")).into_owned();
        let date = a
            .published
            .as_deref()
            .map(|d| format_date(d, &self.ctx.layout.date_format))
            .unwrap_or_default();
        (src, date)
    }

    fn row(&self, pos: usize, id: usize, inner: Rect, lines: u16) -> Option<DrawRow> {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let a = s.briefing.articles.get(id)?;
        let read = s.marks.is_read(&a.content_hash);
        let unread = if read { " " } else { sym.unread };
        let star = if s.marks.is_starred(&a.content_hash) {
            sym.star
        } else {
            " "
        };
        let marks = Line::from(vec![
            Span::styled(unread, t.key_point),
            Span::styled(star, t.warning),
        ]);
        let title_style = if read { t.base } else { t.base.patch(t.title) };
        let hits = highlight(&a.title, s.query(Pane::List));
        let (src, date) = self.meta(a);
        let points = a.key_points.len();
        if lines == 1 {
            // marks | title | source | date | count
            let title_w = inner.width.saturating_sub(2 + SRC_W + DATE_W + 3 + 4);
            let title = one_line(
                &a.title,
                title_w.into(),
                &hits,
                title_style,
                t.match_highlight,
                sym.ellipsis,
            );
            let cells = vec![
                vec![marks],
                vec![title],
                vec![one_line(
                    &src,
                    SRC_W.into(),
                    &[],
                    t.dim,
                    t.dim,
                    sym.ellipsis,
                )],
                vec![one_line(
                    &date,
                    DATE_W.into(),
                    &[],
                    t.dim,
                    t.dim,
                    sym.ellipsis,
                )],
                vec![Line::styled(format!("{points:>3}"), t.dim)],
            ];
            return Some(DrawRow {
                pos,
                height: 1,
                cells,
            });
        }
        let title_w = inner.width.saturating_sub(3);
        let title = one_line(
            &a.title,
            title_w.into(),
            &hits,
            title_style,
            t.match_highlight,
            sym.ellipsis,
        );
        let mut meta: Vec<String> = [src, date].into_iter().filter(|x| !x.is_empty()).collect();
        meta.push(count(points, "point"));
        let meta = one_line(
            &meta.join(sym.dot),
            title_w.into(),
            &[],
            t.dim,
            t.dim,
            sym.ellipsis,
        );
        let cells = vec![vec![marks, Line::raw("")], vec![title, meta]];
        Some(DrawRow {
            pos,
            height: 2,
            cells,
        })
    }
}

impl Widget for ListPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.ctx.state, self.ctx.theme);
        let block = self.ctx.pane_block(Pane::List, self.title());
        let inner = Ctx::inner(&block, area);
        if area.width >= 3 && area.height >= 3 {
            block.render(area, buf);
        }
        let rows = s.rows(Pane::List);
        if rows.is_empty() {
            let msg = if s.briefing.articles.is_empty() {
                "No articles"
            } else {
                "No article matches (Esc clears the filter)"
            };
            Line::styled(msg, t.dim).render(inner, buf);
            return;
        }
        let lines = list_row_lines(inner.width);
        let drawn: Vec<DrawRow> = s
            .window(Pane::List)
            .into_iter()
            .filter_map(|(pos, _)| self.row(pos, *rows.get(pos)?, inner, lines))
            .collect();
        let widths: &[u16] = if lines == 1 {
            &[2, 0, SRC_W, DATE_W, 3]
        } else {
            &[2, 0]
        };
        self.ctx.draw_rows(Pane::List, drawn, widths, inner, buf);
    }
}
