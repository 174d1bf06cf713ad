//! A one-line input in the status bar (the export prompt's file name).
//!
//! [`Prompt`] is the line being edited and [`Prompt::key`] its whole behaviour, pure so
//! it is tested on key presses; [`PromptLine`] draws it over the status bar and says
//! where the cursor goes. While a prompt is open the shell sends it every key instead of
//! the keymap, so bindings like `q` or `e` type letters.

use crate::app::text::sanitize;
use crate::keymap::{KeyCode, KeyPress};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What is asked ("Export to").
    pub label: String,
    /// The answer so far; the cursor is always at its end.
    pub input: String,
}

/// What a key did to the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Editing,
    /// Enter: the answer.
    Submit(String),
    /// Esc or Ctrl-C: no answer.
    Cancel,
}

impl Prompt {
    pub fn new(label: impl Into<String>, initial: impl Into<String>) -> Prompt {
        Prompt {
            label: label.into(),
            input: initial.into(),
        }
    }

    /// Applies one key: characters type, Backspace deletes one, Ctrl-W a word, Ctrl-U
    /// the whole line; Enter submits, Esc and Ctrl-C cancel; other keys do nothing.
    pub fn key(&mut self, k: KeyPress) -> Outcome {
        let ctrl = k.mods.ctrl;
        match k.code {
            KeyCode::Enter => return Outcome::Submit(self.input.clone()),
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Char('c') if ctrl => return Outcome::Cancel,
            KeyCode::Char('u') if ctrl => self.input.clear(),
            KeyCode::Char('w') if ctrl => {
                let trimmed = self.input.trim_end_matches([' ', '/']);
                let cut = trimmed.rfind([' ', '/']).map_or(0, |i| i + 1);
                self.input.truncate(cut);
            }
            KeyCode::Backspace => {
                self.input.pop();
            }
            // A pasted control character would only corrupt the file name.
            KeyCode::Char(c) if !ctrl && !k.mods.alt && !c.is_control() => self.input.push(c),
            _ => {}
        }
        Outcome::Editing
    }
}

impl Prompt {
    /// A bracketed paste: one edit, on one line (line breaks and control characters
    /// become spaces), at most 4,096 characters (a path is never longer).
    pub fn paste(&mut self, text: &str) {
        let (clean, _) = super::input::paste_text(text, 4096);
        self.input.push_str(&clean);
    }
}

/// The prompt drawn over a one-row area: `Export to: answer▏   Enter save  Esc cancel`.
pub struct PromptLine<'a> {
    pub prompt: &'a Prompt,
    pub style: Style,
    pub hint: &'a str,
}

impl PromptLine<'_> {
    /// Draws the line and returns where the terminal cursor belongs (after the answer).
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        buf.set_style(area, self.style);
        let head = format!(" {}: ", self.prompt.label);
        let width = usize::from(area.width);
        let answer = sanitize(&self.prompt.input).into_owned();
        // Room for the head, the answer and the cursor; the hint only when it fits.
        let room = width.saturating_sub(head.width() + 1);
        let shown = tail_fitting(&answer, room);
        let used = head.width() + shown.width();
        let mut spans = vec![
            Span::styled(head, self.style),
            Span::styled(shown.to_string(), self.style),
        ];
        let hint_w = self.hint.width() + 2;
        if used + 1 + hint_w <= width {
            spans.push(Span::styled(" ".repeat(width - used - hint_w), self.style));
            spans.push(Span::styled(format!("{}  ", self.hint), self.style));
        }
        Line::from(spans).render(area, buf);
        let x = area.x + u16::try_from(used.min(width - 1)).unwrap_or(area.width - 1);
        Some(Position::new(x, area.y))
    }
}

/// The longest end of `s` at most `width` columns wide: a long path shows where it ends.
fn tail_fitting(s: &str, width: usize) -> &str {
    let mut start = s.len();
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::Mods;

    fn press(p: &mut Prompt, keys: &str) -> Outcome {
        let mut last = Outcome::Editing;
        for k in keys.split(' ').filter(|k| !k.is_empty()) {
            last = p.key(KeyPress::parse(k).expect("test key"));
        }
        last
    }

    #[test]
    fn typing_editing_and_submitting() {
        let mut p = Prompt::new("Export to", "briefing.md");
        assert_eq!(
            press(&mut p, "backspace backspace backspace"),
            Outcome::Editing
        );
        assert_eq!(p.input, "briefing");
        for c in ".json".chars() {
            p.key(KeyPress::plain(c));
        }
        // Bound letters like q and e are text here.
        assert_eq!(press(&mut p, "q e"), Outcome::Editing);
        assert_eq!(
            press(&mut p, "enter"),
            Outcome::Submit("briefing.jsonqe".into())
        );
    }

    #[test]
    fn word_and_line_deletion() {
        let mut p = Prompt::new("Export to", "~/notes/today briefing.md");
        press(&mut p, "C-w");
        assert_eq!(p.input, "~/notes/today ");
        press(&mut p, "C-w");
        assert_eq!(p.input, "~/notes/");
        press(&mut p, "C-w");
        assert_eq!(p.input, "~/");
        press(&mut p, "C-u");
        assert_eq!(p.input, "");
        press(&mut p, "backspace C-w");
        assert_eq!(p.input, "");
    }

    #[test]
    fn esc_and_ctrl_c_cancel_and_control_keys_do_not_type() {
        let mut p = Prompt::new("Export to", "x");
        assert_eq!(press(&mut p, "esc"), Outcome::Cancel);
        assert_eq!(press(&mut p, "C-c"), Outcome::Cancel);
        press(&mut p, "C-a A-b tab up f5");
        p.key(KeyPress::new(KeyCode::Char('\u{1b}'), Mods::default()));
        assert_eq!(p.input, "x");
    }

    #[test]
    fn drawing_shows_the_end_of_a_long_answer_and_places_the_cursor() {
        let p = Prompt::new("Export to", "/very/long/path/to/the/briefing-2026-01-01.md");
        let area = Rect::new(0, 0, 30, 1);
        let mut buf = Buffer::empty(area);
        let line = PromptLine {
            prompt: &p,
            style: Style::default(),
            hint: "Enter save  Esc cancel",
        };
        let at = line.draw(area, &mut buf).expect("a cursor");
        let text: String = (0..30).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(text.starts_with(" Export to: "), "{text:?}");
        assert!(text.trim_end().ends_with("2026-01-01.md"), "{text:?}");
        assert!(at.x < 30 && at.y == 0);
        // Wide and tiny areas: the hint when it fits, nothing drawn at zero size.
        let wide = Rect::new(0, 0, 100, 1);
        let mut buf = Buffer::empty(wide);
        let at = PromptLine {
            prompt: &p,
            style: Style::default(),
            hint: "Enter save  Esc cancel",
        }
        .draw(wide, &mut buf);
        let text: String = (0..100).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(text.contains("Esc cancel"), "{text:?}");
        assert_eq!(at.map(|p| p.x), Some(12 + 45));
        for w in 0..4 {
            let r = Rect::new(0, 0, w, 1);
            let mut b = Buffer::empty(r);
            let _ = PromptLine {
                prompt: &p,
                style: Style::default(),
                hint: "h",
            }
            .draw(r, &mut b);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_keys_never_panic_or_type_control_characters(
            keys in proptest::collection::vec((proptest::char::any(), 0u8..8), 0..60),
            width in 0u16..50,
        ) {
            let mut p = Prompt::new("Export to", "start");
            for (c, k) in keys {
                let mods = Mods { ctrl: k & 1 != 0, alt: k & 2 != 0, shift: false };
                let code = match k >> 1 {
                    2 => KeyCode::Backspace,
                    3 => KeyCode::Enter,
                    _ => KeyCode::Char(c),
                };
                let _ = p.key(KeyPress::new(code, mods));
            }
            proptest::prop_assert!(!p.input.chars().any(char::is_control));
            let area = Rect::new(0, 0, width, 1);
            let mut buf = Buffer::empty(area);
            let at = PromptLine { prompt: &p, style: Style::default(), hint: "h" }.draw(area, &mut buf);
            if let Some(pos) = at {
                proptest::prop_assert!(pos.x < width);
            }
        }
    }

    #[test]
    fn tail_fitting_respects_wide_characters() {
        assert_eq!(tail_fitting("abc", 2), "bc");
        assert_eq!(tail_fitting("日本語", 4), "本語");
        assert_eq!(tail_fitting("日本語", 3), "語");
        assert_eq!(tail_fitting("", 5), "");
        assert_eq!(tail_fitting("abc", 0), "");
    }
}
