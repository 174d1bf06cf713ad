//! The key points pane: the selected article's title, then its points; or the whole
//! briefing's merged table ("3 sources"). Every point shows its whole text, wrapped, so
//! rows never change height when the selection moves (a move restyles two lines and
//! writes nothing else); the core sizes the rows with the same wrapping
//! (`AppState::row_height`). Titles and empty states say plainly what is shown and why.

use super::frame::{Ctx, DrawRow};
use super::layout::points_columns;
use super::textline::{highlighted, one_line, wrapped};
use crate::app::text::{sanitize, wrap_ranges};
use crate::app::wording::{count, shown_of};
use crate::app::{highlight, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

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
    /// The pane's title: what the rows are and how many of how many (the linked actor
    /// too, where the pane is wide enough; the status bar always names them).
    fn title(&self, width: u16) -> String {
        let s = self.ctx.state;
        let shown = s.rows(Pane::Points).len();
        let linked = s
            .linked_actor
            .and_then(|a| s.briefing.actors.get(a))
            .map(|a| sanitize(&a.name).into_owned());
        let total = if s.briefing_points {
            s.briefing.merged_points.len()
        } else {
            s.selected_article()
                .and_then(|a| s.briefing.articles.get(a))
                .map_or(0, |a| a.key_points.len())
        };
        let what = if s.briefing_points {
            "2 Key points of the briefing"
        } else {
            "2 Key points"
        };
        let mut t = format!("{what} ({})", shown_of(shown, total));
        if let Some(n) = linked {
            let named = format!("{t} naming {n}");
            if unicode_width::UnicodeWidthStr::width(named.as_str()) + 2 <= usize::from(width) {
                t = named;
            }
        }
        if s.starred_only {
            t.push_str(", starred");
        }
        t
    }

    /// Why nothing shows, in words.
    fn empty_message(&self) -> Vec<String> {
        let s = self.ctx.state;
        let b = &s.briefing;
        let article = s.selected_article().and_then(|a| b.articles.get(a));
        if !s.briefing_points && article.is_none() {
            return vec!["No article selected".into()];
        }
        let total = if s.briefing_points {
            b.merged_points.len()
        } else {
            article.map_or(0, |a| a.key_points.len())
        };
        if total == 0 {
            return vec!["This article has no key points".into()];
        }
        let q = s.query(Pane::Points).trim();
        if !q.is_empty() {
            return vec![format!("No key point matches /{q} (Esc clears the filter)")];
        }
        if let Some(a) = s.linked_actor.and_then(|a| b.actors.get(a)) {
            let open = s.key_for(crate::app::Action::Open);
            return vec![
                format!(
                    "None of the {} names {}.",
                    count(total, "key point"),
                    sanitize(&a.name)
                ),
                format!("{open} reads the article from the first mention."),
            ];
        }
        if s.starred_only {
            return vec!["No starred key point here".into()];
        }
        vec!["No key points".into()]
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
                sources: String::new(),
                actors: k.actors.clone(),
                starred: s.marks.is_point_starred(&a.content_hash, &k.text),
            })
        }
    }

    fn draw_row(&self, pos: usize, height: usize, cols: (u16, u16, u16, u16)) -> Option<DrawRow> {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let id = *s.rows(Pane::Points).get(pos)?;
        let r = self.row(id)?;
        let (_, text_w, src_w, act_w) = cols;
        let text = sanitize(&r.text).into_owned();
        let hits = highlight(&text, s.query(Pane::Points));
        let lines: Vec<Line<'static>> = wrap_ranges(&text, text_w.into())
            .into_iter()
            .map(|range| highlighted(&text, range, &hits, t.base, t.match_highlight))
            .collect();
        // The bullet in the text's own style: one style change less per restyled row.
        let mark = if r.starred {
            Line::styled(sym.star, t.warning)
        } else {
            Line::styled(sym.bullet, t.base)
        };
        let mut cells = vec![vec![mark], lines];
        if src_w > 0 {
            let src = sanitize(&r.sources).into_owned();
            cells.push(vec![one_line(
                &src,
                src_w.into(),
                &[],
                t.dim,
                t.dim,
                sym.ellipsis,
            )]);
        }
        if act_w > 0 {
            let names = sanitize(&r.actors.join(", ")).into_owned();
            let style = t.actor_highlight;
            cells.push(wrapped(
                &names,
                act_w.into(),
                height,
                &[],
                style,
                style,
                sym.ellipsis,
            ));
        }
        Some(DrawRow { pos, height, cells })
    }
}

impl Widget for PointsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let block = self.ctx.pane_block(Pane::Points, self.title(area.width));
        let mut inner = Ctx::inner(&block, area);
        if area.width >= 3 && area.height >= 3 {
            block.render(area, buf);
        }
        // The article the points belong to, whole (two lines at most).
        let header = s.points_header_lines() as u16;
        if header > 0 && !s.briefing_points {
            if let Some(a) = s
                .selected_article()
                .and_then(|a| s.briefing.articles.get(a))
            {
                let lines = wrapped(
                    &a.title,
                    inner.width.into(),
                    2,
                    &[],
                    t.title,
                    t.title,
                    sym.ellipsis,
                );
                for (i, l) in lines.into_iter().take(usize::from(header)).enumerate() {
                    if i as u16 >= inner.height {
                        break;
                    }
                    l.render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
                }
            }
            let h = header.min(inner.height);
            inner = Rect::new(inner.x, inner.y + h, inner.width, inner.height - h);
        }
        if s.rows(Pane::Points).is_empty() {
            let width = usize::from(inner.width);
            let lines: Vec<Line> = self
                .empty_message()
                .iter()
                .flat_map(|m| wrapped(m, width, 3, &[], t.dim, t.dim, sym.ellipsis))
                .collect();
            ratatui::widgets::Paragraph::new(lines).render(inner, buf);
            return;
        }
        let cols = points_columns(inner.width, s.briefing_points);
        let drawn: Vec<DrawRow> = s
            .window(Pane::Points)
            .into_iter()
            .filter_map(|(pos, h)| self.draw_row(pos, h, cols))
            .collect();
        let (gutter, _, src, act) = cols;
        let mut widths = vec![gutter.saturating_sub(1), 0];
        widths.extend([src, act].into_iter().filter(|w| *w > 0));
        self.ctx.draw_rows(Pane::Points, drawn, &widths, inner, buf);
    }
}
