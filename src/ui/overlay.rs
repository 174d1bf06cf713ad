//! Overlays drawn over the body: the help (built from the live keymap, filterable,
//! with every warning reachable at its end), the hint popup listing the continuations
//! of a pending key sequence, and the tab line of the narrow layout.

use super::frame::Ctx;
use super::textline::{one_line, wrapped};
use crate::app::text::sanitize;
use crate::app::{highlight, FilterTarget, HelpRow, Mode, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub struct HelpOverlay<'a> {
    pub ctx: &'a Ctx<'a>,
}

/// A rectangle of at most `w`x`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let popup = centered(
            area,
            area.width.saturating_sub(4).max(area.width.min(20)),
            area.height,
        );
        Clear.render(popup, buf);
        let typing = s.mode == Mode::Filter(FilterTarget::Help);
        let mut title = String::from(" Help: keys of this session ");
        if typing || !s.help_query.is_empty() {
            title = format!(
                " Help /{}{} ",
                sanitize(&s.help_query),
                if typing { "_" } else { "" }
            );
        }
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(sym.border)
            .border_style(t.focus_border)
            .title(Span::styled(title, t.title))
            .title_bottom(Line::styled(" / filter  j/k scroll  ? close ", t.dim).right_aligned());
        let inner = Ctx::inner(&block, popup);
        if popup.width >= 3 && popup.height >= 3 {
            block.render(popup, buf);
        }
        let key_w = 12usize;
        let desc_w = usize::from(inner.width).saturating_sub(key_w + 1).max(1);
        let mut lines = Vec::new();
        for row in s.help_rows() {
            match row {
                HelpRow::Heading(h) => lines.push(Line::styled(h, t.heading)),
                HelpRow::Key { keys, description } => {
                    let hits = highlight(&description, &s.help_query);
                    let k = format!("  {keys:<w$}", w = key_w - 2);
                    let mut l = one_line(
                        &description,
                        desc_w,
                        &hits,
                        t.base,
                        t.match_highlight,
                        sym.ellipsis,
                    );
                    l.spans.insert(0, Span::styled(k, t.key_point));
                    lines.push(l);
                }
                HelpRow::Note(n) => {
                    for l in wrapped(
                        &n,
                        usize::from(inner.width).saturating_sub(2),
                        4,
                        &[],
                        t.warning,
                        t.warning,
                        sym.ellipsis,
                    ) {
                        let mut l = l;
                        l.spans.insert(0, Span::raw("  "));
                        lines.push(l);
                    }
                }
            }
        }
        if lines.is_empty() {
            lines.push(Line::styled("No key matches the filter", t.dim));
        }
        let scroll = s.help_scroll.min(lines.len().saturating_sub(1));
        Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()).render(inner, buf);
    }
}

/// The "which key" popup while a prefix (`g`) waits for the rest of its sequence.
pub struct HintPopup<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl Widget for HintPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let hints = s.pending_hints();
        if hints.is_empty() || area.height < 3 {
            return;
        }
        let lines: Vec<Line> = hints
            .iter()
            .map(|(k, d)| {
                Line::from(vec![
                    Span::styled(format!("{k:<6} "), t.key_point),
                    Span::styled(d.clone(), t.base),
                ])
            })
            .collect();
        let w = lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16 + 2;
        let h = lines.len() as u16 + 2;
        let w = w.min(area.width);
        let h = h.min(area.height);
        let r = Rect::new(area.right() - w, area.bottom() - h, w, h);
        Clear.render(r, buf);
        let title = format!(" {} ", crate::keymap::format_sequence(&s.pending));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_set(sym.border)
            .border_style(t.focus_border)
            .title(title);
        let inner = Ctx::inner(&block, r);
        block.render(r, buf);
        Paragraph::new(lines).render(inner, buf);
    }
}

/// `1 Articles | 2 Key points | 3 Actors` with the focused pane highlighted.
pub struct Tabs<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl Widget for Tabs<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t, sym) = (self.ctx.state, self.ctx.theme, self.ctx.sym);
        let mut spans = Vec::new();
        for (i, p) in Pane::ALL.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(sym.sep, t.dim));
            }
            let label = format!("{} {}", i + 1, p.title());
            let label = if area.width < 40 {
                label.split(' ').take(2).collect::<Vec<_>>().join(" ")
            } else {
                label
            };
            let st = if *p == s.focus { t.selection } else { t.dim };
            spans.push(Span::styled(label, st));
        }
        let line = Line::from(spans);
        if line.width() > usize::from(area.width) {
            Line::styled(
                format!(
                    "{}/3 {}",
                    Pane::ALL
                        .iter()
                        .position(|p| *p == s.focus)
                        .map_or(1, |i| i + 1),
                    s.focus.title()
                ),
                t.title,
            )
            .render(area, buf);
        } else {
            line.render(area, buf);
        }
    }
}
