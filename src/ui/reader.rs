//! The reader pane: the article's laid-out lines from the scroll position, a gutter
//! marking key-point lines and the last jump, styles from the span kinds and flags.

use super::frame::Ctx;
use crate::app::doc_flags::{ACTOR, FOCUS_ACTOR, KEY_POINT, SEARCH};
use crate::app::{text::sanitize, DocLine, SpanKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

pub struct ReaderPane<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl ReaderPane<'_> {
    fn style(&self, kind: SpanKind, flags: u8) -> Style {
        let t = self.ctx.theme;
        let mut st = match kind {
            SpanKind::Text => t.base,
            SpanKind::Title => t.title,
            SpanKind::Meta | SpanKind::Marker => t.dim,
            SpanKind::Heading => t.heading,
            SpanKind::TableHeader => t.title,
            SpanKind::Warning => t.warning,
        };
        if flags & KEY_POINT != 0 {
            st = st.patch(t.key_point);
        }
        if flags & ACTOR != 0 {
            st = st.patch(t.actor_highlight);
        }
        if flags & FOCUS_ACTOR != 0 {
            st = st.add_modifier(Modifier::UNDERLINED);
        }
        if flags & SEARCH != 0 {
            st = st.patch(t.match_highlight);
        }
        st
    }

    fn line(&self, l: &DocLine, marked: bool) -> Line<'static> {
        let (t, sym) = (self.ctx.theme, self.ctx.sym);
        let gutter = if marked {
            Span::styled(format!("{} ", sym.jump), t.match_highlight)
        } else if l.key_point {
            Span::styled(format!("{} ", sym.key_point), t.key_point)
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![gutter];
        spans.extend(
            l.spans
                .iter()
                .map(|s| Span::styled(s.text.clone(), self.style(s.kind, s.flags))),
        );
        Line::from(spans)
    }
}

impl Widget for ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t) = (self.ctx.state, self.ctx.theme);
        let Some(r) = s.reader.as_ref() else { return };
        let Some(article) = s.briefing.articles.get(r.article) else {
            return;
        };
        let total = r.doc.lines.len();
        let rows = usize::from(area.height.saturating_sub(2));
        let pos = if total <= rows {
            "all".to_string()
        } else {
            format!("{}%", (r.scroll + rows).min(total) * 100 / total.max(1))
        };
        let title = format!(" {} ", sanitize(&article.path));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(self.ctx.sym.border)
            .border_style(t.focus_border)
            .title(Span::styled(title, t.dim))
            .title_bottom(Line::styled(format!(" {pos} "), t.dim).right_aligned());
        let inner = Ctx::inner(&block, area);
        if area.width >= 3 && area.height >= 3 {
            block.render(area, buf);
        }
        let width = s.reader_width() + 2;
        let text_area = Rect {
            width: inner.width.min(width as u16),
            ..inner
        };
        let lines: Vec<Line> = r
            .doc
            .lines
            .iter()
            .enumerate()
            .skip(r.scroll)
            .take(usize::from(inner.height))
            .map(|(i, l)| self.line(l, r.mark_line == Some(i)))
            .collect();
        Paragraph::new(lines).render(text_area, buf);
    }
}
