//! The status bar: mode, pane, filter, counts and narrowing on the left; the newest
//! message, or else the most useful keys, on the right.

use super::frame::Ctx;
use super::textline::truncate;
use crate::app::text::sanitize;
use crate::app::{FilterTarget, Level, Mode, Pane};
use crate::keymap::format_sequence;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

pub struct StatusBar<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl StatusBar<'_> {
    fn left(&self) -> String {
        let s = self.ctx.state;
        let mode = match s.mode {
            Mode::Normal => "NORMAL",
            Mode::Filter(FilterTarget::Reader) => "SEARCH",
            Mode::Filter(_) => "FILTER",
            Mode::Reader => "READER",
            Mode::Help => "HELP",
        };
        let mut parts = vec![format!(" {mode} ")];
        // The pane name shares the first part: "NORMAL Articles".
        if !s.in_reader() {
            parts[0].push_str(s.focus.title());
        }
        match s.mode {
            Mode::Filter(FilterTarget::Reader) | Mode::Filter(FilterTarget::Help) => {
                parts.push(format!("/{}_", sanitize(s.filter_query())));
            }
            _ => {}
        }
        if let Some(a) = s.linked_actor.and_then(|i| s.briefing.actors.get(i)) {
            parts.push(format!("actor: {}", sanitize(&a.name)));
        } else if let Some(a) = s.focus_actor().filter(|_| s.in_reader()) {
            // Whose mentions `}`/`{` jump between.
            let name = s.briefing.actors.get(a).map_or("", |x| x.name.as_str());
            parts.push(format!("mentions: {}", sanitize(name)));
        }
        if s.unread_only {
            parts.push("unread only".into());
        }
        if s.starred_only {
            parts.push("starred only".into());
        }
        parts.push(format!(
            "{}/{} articles, {} points",
            s.rows(Pane::List).len(),
            s.briefing.articles.len(),
            s.rows(Pane::Points).len(),
        ));
        let filtering: Vec<&str> = Pane::ALL
            .iter()
            .filter(|&&p| s.filters.is_pending(p))
            .map(|p| p.title())
            .collect();
        if !filtering.is_empty() {
            let more = self.ctx.sym.ellipsis;
            parts.push(format!(
                "filtering {}{more}",
                filtering.join(", ").to_lowercase()
            ));
        }
        let notes = s.all_notes().len();
        if notes > 0 {
            let plural = if notes == 1 { "" } else { "s" };
            parts.push(format!("{notes} warning{plural} (?)"));
        }
        if !s.pending.is_empty() {
            parts.push(format!("keys: {}", format_sequence(&s.pending)));
        }
        parts.join(self.ctx.sym.dot)
    }

    /// The keys a newcomer needs first, as bound in the live keymap.
    fn hints(&self) -> String {
        use crate::app::Action as A;
        let s = self.ctx.state;
        let wanted: &[(A, &str)] = match s.mode {
            Mode::Reader => &[
                (A::Back, "back"),
                (A::NextKeyPoint, "key point"),
                (A::NextMention, "mention"),
                (A::Filter, "search"),
                (A::Help, "help"),
            ],
            Mode::Filter(_) => &[(A::FilterAccept, "keep"), (A::FilterClear, "clear")],
            Mode::Help => &[(A::Help, "close"), (A::Filter, "filter")],
            Mode::Normal => &[
                (A::Open, "open"),
                (A::Filter, "filter"),
                (A::FocusNext, "pane"),
                (A::ToggleActorLink, "link actor"),
                (A::Help, "help"),
                (A::Quit, "quit"),
            ],
        };
        let ctx = s.context();
        let mut out = Vec::new();
        for (action, label) in wanted {
            // The shortest key for the action (`q` rather than `C-c`), context first.
            let key = [ctx, crate::keymap::Context::Global].iter().find_map(|c| {
                s.keymap
                    .bindings(*c)
                    .filter(|(_, b)| b.actions.first() == Some(action))
                    .map(|(k, _)| format_sequence(k))
                    .min_by_key(|k| (k.len(), k.clone()))
            });
            if let Some(k) = key {
                out.push(format!("{k} {label}"));
            }
        }
        out.join("  ")
    }
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.ctx.theme;
        buf.set_style(area, t.status);
        let left = self.left();
        let (right, style) = match &self.ctx.state.message {
            Some(m) => {
                let st = match m.level {
                    Level::Info => t.status,
                    Level::Warning => t.status.patch(t.warning),
                    Level::Error => t.status.patch(t.error),
                };
                (sanitize(&m.text).into_owned(), st)
            }
            None => (self.hints(), t.status),
        };
        let width = usize::from(area.width);
        let room = width.saturating_sub(left.width() + 2);
        let mut spans = vec![Span::styled(left.clone(), t.status)];
        if room >= 8 {
            let r = truncate(Line::from(right), room);
            let rw: usize = r.spans.iter().map(|s| s.content.width()).sum();
            spans.push(Span::styled(
                " ".repeat(width - left.width() - rw),
                t.status,
            ));
            spans.extend(
                r.spans
                    .into_iter()
                    .map(|sp| Span::styled(sp.content, style)),
            );
        }
        truncate(Line::from(spans), width).render(area, buf);
    }
}
