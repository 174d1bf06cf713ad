//! The status bar: mode, pane, narrowing, counts and warnings on the left; on the right
//! the keys that matter now, ending with the ones that must always show (`? help`,
//! `q quit`; `q back` in the reader). A message (which goes at the next key, see
//! `app/status.rs`) takes the place of the left part and the optional keys, never of
//! the essential ones; whatever is cut ends in an ellipsis, and the help lists every
//! message in full.

use super::frame::Ctx;
use super::textline::truncate;
use crate::app::text::sanitize;
use crate::app::wording::{count, shown_of};
use crate::app::{Action as A, FilterTarget, Level, Mode, Pane};
use crate::keymap::format_sequence;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

pub struct StatusBar<'a> {
    pub ctx: &'a Ctx<'a>,
}

impl StatusBar<'_> {
    fn mode_name(&self) -> &'static str {
        match self.ctx.state.mode {
            Mode::Normal => "NORMAL",
            Mode::Filter(FilterTarget::Reader) => "SEARCH",
            Mode::Filter(_) => "FILTER",
            Mode::Reader => "READER",
            Mode::Help => "HELP",
            Mode::Actor => "ACTOR",
        }
    }

    /// Mode and pane, then what narrows the view and the counts.
    fn left(&self) -> String {
        let s = self.ctx.state;
        let mut parts = vec![format!(" {}", self.mode_name())];
        // The pane name shares the first part: "NORMAL Articles".
        if !s.in_reader() && s.mode != Mode::Actor {
            parts[0].push(' ');
            parts[0].push_str(s.focus.title());
        }
        // Keys being typed first: they say what the next key will do.
        if let Some(n) = s.count {
            parts.push(format!("count: {n}"));
        }
        if !s.pending.is_empty() {
            parts.push(format!("keys: {}", format_sequence(&s.pending)));
        }
        match s.mode {
            Mode::Filter(FilterTarget::Reader) | Mode::Filter(FilterTarget::Help) => {
                parts.push(format!("/{}_", sanitize(s.filter_query())));
            }
            _ => {}
        }
        if s.in_reader() {
            // Whose mentions `}`/`{` jump between, and which of the article's actors.
            if let (Some(r), Some(f)) = (s.reader.as_ref(), s.focus_actor()) {
                let actors = s.article_actors(r.article);
                let name = s.briefing.actors.get(f).map_or("", |x| x.name.as_str());
                let at = actors.iter().position(|&a| a == f).map_or(0, |p| p + 1);
                parts.push(format!(
                    "following {} ({at} of {})",
                    sanitize(name),
                    actors.len()
                ));
            }
        } else if let Some(a) = s.linked_actor.and_then(|i| s.briefing.actors.get(i)) {
            parts.push(format!("actor: {}", sanitize(&a.name)));
        }
        if s.unread_only {
            parts.push("unread only".into());
        }
        if s.starred_only {
            parts.push("starred only".into());
        }
        if !s.in_reader() {
            parts.push(format!(
                "{} articles, {}",
                shown_of(s.rows(Pane::List).len(), s.briefing.articles.len()),
                count(s.rows(Pane::Points).len(), "key point"),
            ));
        }
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
            parts.push(format!("{} (?)", count(notes, "warning")));
        }
        parts.join(self.ctx.sym.dot)
    }

    /// (optional keys, essential keys) for the mode, as bound in the live keymap.
    fn hints(&self) -> (Vec<String>, Vec<String>) {
        let s = self.ctx.state;
        type Keys = &'static [(A, &'static str)];
        let (optional, essential): (Keys, Keys) = match s.mode {
            Mode::Reader => (
                &[
                    (A::NextKeyPoint, "key point"),
                    (A::NextMention, "mention"),
                    (A::FollowNextActor, "follow"),
                    (A::Filter, "search"),
                ],
                &[(A::Back, "back"), (A::Help, "help")],
            ),
            Mode::Filter(_) => (&[], &[(A::FilterAccept, "keep"), (A::FilterClear, "clear")]),
            Mode::Help => (&[(A::Filter, "filter")], &[(A::Help, "close")]),
            Mode::Actor => (&[(A::Open, "read")], &[(A::Back, "close")]),
            Mode::Normal => (
                &[
                    (A::Open, "open"),
                    (A::Filter, "filter"),
                    (A::FocusNext, "pane"),
                    (A::ToggleActorLink, "link actor"),
                ],
                &[(A::Help, "help"), (A::Quit, "quit")],
            ),
        };
        let keyed = |list: &[(A, &str)]| -> Vec<String> {
            list.iter()
                .filter_map(|(action, label)| {
                    self.shortest_key(*action).map(|k| format!("{k} {label}"))
                })
                .collect()
        };
        (keyed(optional), keyed(essential))
    }

    /// The shortest key for the action (`q` rather than `C-c`), context first.
    fn shortest_key(&self, action: A) -> Option<String> {
        let s = self.ctx.state;
        [s.context(), crate::keymap::Context::Global]
            .iter()
            .find_map(|c| {
                s.keymap
                    .bindings(*c)
                    .filter(|(_, b)| b.actions.first() == Some(&action))
                    .map(|(k, _)| format_sequence(k))
                    .min_by_key(|k| (k.len(), k.clone()))
            })
    }
}

/// `text` cut to `width` columns, ending in `ellipsis` when cut.
fn fit(text: &str, width: usize, ellipsis: &str) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let cut = truncate(
        Line::from(text.to_string()),
        width.saturating_sub(ellipsis.width()),
    );
    let mut out: String = cut.spans.iter().map(|s| s.content.as_ref()).collect();
    out.push_str(ellipsis);
    out
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, s, sym) = (self.ctx.theme, self.ctx.state, self.ctx.sym);
        buf.set_style(area, t.status);
        let width = usize::from(area.width);
        let (mut optional, essential) = self.hints();
        let essential = essential.join("  ");
        // The essential keys keep their place as long as anything fits beside them.
        let room = width.saturating_sub(essential.width() + 2);
        let (left, middle, middle_style): (String, String, Style) = match &s.message {
            Some(m) => {
                let st = match m.level {
                    Level::Info => t.status,
                    Level::Warning => t.status.patch(t.warning),
                    Level::Error => t.status.patch(t.error),
                };
                // The whole left part when the message fits beside it, else only the
                // mode: the message matters more than the counts for one key.
                let text = sanitize(&m.text).into_owned();
                let full = format!("{}  ", self.left());
                let left = if full.width() + text.width() < room {
                    full
                } else {
                    format!(" {} ", self.mode_name())
                };
                let text = fit(&text, room.saturating_sub(left.width() + 1), sym.ellipsis);
                (left, text, st)
            }
            None => {
                let left = self.left();
                // Optional keys go first when space runs short, the last one first.
                while !optional.is_empty()
                    && left.width() + 2 + optional.join("  ").width() + 2 > room
                {
                    optional.pop();
                }
                let left = fit(&left, room, sym.ellipsis);
                (left, optional.join("  "), t.status)
            }
        };
        let mut spans = vec![Span::styled(left.clone(), t.status)];
        // A message sits after the chip; the optional keys sit with the essential ones.
        let (taken, right) = if s.message.is_some() {
            spans.push(Span::styled(middle.clone(), middle_style));
            (left.width() + middle.width(), essential)
        } else if middle.is_empty() {
            (left.width(), essential)
        } else {
            (left.width(), format!("{middle}  {essential}"))
        };
        if taken + right.width() < width {
            let pad = width - (taken + right.width() + 1);
            spans.push(Span::styled(" ".repeat(pad), t.status));
            spans.push(Span::styled(right, t.status));
            spans.push(Span::styled(" ", t.status));
        }
        truncate(Line::from(spans), width).render(area, buf);
    }
}
