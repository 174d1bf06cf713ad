//! Overlays drawn over the body: the help (warnings, the live keymap's keys, the message
//! log; filterable), the actor overlay, the hint popup listing the continuations of a
//! pending key sequence, and the tab line of the narrow layout. Help and actor lines are
//! laid out by the core (`app/help.rs`, `app/actor_view.rs`), which also clamps their
//! scrolling; here they are only drawn.

use super::frame::Ctx;
use super::textline::{highlighted, one_line, truncate};
use crate::app::text::sanitize;
use crate::app::{
    highlight, FilterTarget, HelpLine, Level, LineKind, Mode, Pane, HELP_KEYS_WIDTH as KEYS_WIDTH,
};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub struct HelpOverlay<'a> {
    pub ctx: &'a Ctx<'a>,
}

/// The overlays' frame: the whole body is cleared (no slivers of the panes show at the
/// edges), then a bordered box with a column of air inside each side. Returns the text
/// area, which is the geometry `layout::viewport` tells the core.
fn overlay_box(ctx: &Ctx, area: Rect, title: String, foot: String, buf: &mut Buffer) -> Rect {
    let (t, sym) = (ctx.theme, ctx.sym);
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(sym.border)
        .border_style(t.focus_border)
        .title(Span::styled(title, t.title))
        .title_bottom(Line::styled(foot, t.dim).right_aligned());
    let inner = Ctx::inner(&block, area);
    if area.width >= 3 && area.height >= 3 {
        block.render(area, buf);
    }
    Rect::new(
        inner.x + 1.min(inner.width),
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

/// Draws overlay lines from `scroll` into `area`.
fn draw_lines(
    ctx: &Ctx,
    lines: &[HelpLine],
    scroll: usize,
    query: &str,
    selected: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
) {
    let (t, sym) = (ctx.theme, ctx.sym);
    for (i, l) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let row = Rect::new(area.x, area.y + i as u16, area.width, 1);
        let width = usize::from(area.width);
        let line = match l.kind {
            LineKind::Heading => {
                one_line(l.shown(), width, &[], t.heading, t.heading, sym.ellipsis)
            }
            LineKind::Key => {
                let hits = highlight(&l.text, query);
                let keys = format!("  {:<w$}", l.keys, w = KEYS_WIDTH - 2);
                let mut line =
                    highlighted(&l.text, l.range.clone(), &hits, t.base, t.match_highlight);
                line.spans.insert(0, Span::styled(keys, t.key_point));
                truncate(line, width)
            }
            LineKind::Note(level) => {
                let st = match level {
                    Level::Error => t.error,
                    Level::Warning => t.warning,
                    Level::Info => t.base,
                };
                Line::from(vec![
                    Span::raw("  "),
                    Span::styled(l.shown().to_string(), st),
                ])
            }
            LineKind::Text => Line::styled(l.shown().to_string(), t.base),
            LineKind::Dim => Line::styled(l.shown().to_string(), t.dim),
            LineKind::Article(_) => {
                let line = one_line(
                    &l.text,
                    width.saturating_sub(2),
                    &[],
                    t.base,
                    t.base,
                    sym.ellipsis,
                );
                let mut line = line;
                line.spans.insert(0, Span::raw("  "));
                line
            }
        };
        line.render(row, buf);
        if let LineKind::Article(pos) = l.kind {
            if Some(pos) == selected {
                buf.set_style(row, t.selection);
            }
        }
    }
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.ctx.state;
        let typing = s.mode == Mode::Filter(FilterTarget::Help);
        let mut title = String::from(" Help: keys of this session ");
        if typing || !s.help_query.is_empty() {
            title = format!(
                " Help /{}{} ",
                sanitize(&s.help_query),
                if typing { "_" } else { "" }
            );
        }
        let lines = s.help_lines();
        let scroll = s.help_scroll.min(s.help_max_scroll());
        let shown_to = (scroll + usize::from(area.height.saturating_sub(2))).min(lines.len());
        let mut foot = format!(" {}-{} of {} ", scroll + 1, shown_to, lines.len());
        if area.width >= 60 {
            foot = format!(
                "{}{}/ filter  j/k scroll  ? close ",
                foot.trim_end(),
                self.ctx.sym.dot
            );
        }
        let inner = overlay_box(self.ctx, area, title, foot, buf);
        draw_lines(self.ctx, &lines, scroll, &s.help_query, None, inner, buf);
    }
}

/// Everything about one actor (`i`), with the articles that name them.
pub struct ActorOverlay<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl Widget for ActorOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.ctx.state;
        let Some(v) = s.actor_view.as_ref() else {
            return;
        };
        let lines = s.actor_lines();
        let title = " Actor ".to_string();
        let foot = " j/k article  enter read it  q close ".to_string();
        let inner = overlay_box(self.ctx, area, title, foot, buf);
        draw_lines(self.ctx, &lines, v.scroll, "", Some(v.selected), inner, buf);
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
