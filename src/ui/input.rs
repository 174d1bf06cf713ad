//! Crossterm events to the core's terms: key events to [`KeyPress`], mouse events to
//! clicks and wheel steps on the pane under the pointer, and a bracketed paste to one
//! edit of the filter query ([`paste`]).
//!
//! Bracketed paste (`terminal::enter` asks for it) delivers pasted text as one event
//! instead of one key per character: in filter mode it is one edit and one ranking
//! (8 KB typed into `/` once meant 8,000 rankings and a minute without a frame), and
//! outside a text field it is never read as commands (an `e` in the text opened the
//! export prompt, a `q` quit).

use crate::app::{AppState, Level, Mode, Pane};
use crate::keymap::{KeyCode, KeyPress, Mods};
use crossterm::event::{self as ct, KeyEventKind, MouseButton, MouseEventKind};

/// The key press, or `None` for releases and keys the core has no name for.
pub fn key(ev: &ct::KeyEvent) -> Option<KeyPress> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let code = match ev.code {
        ct::KeyCode::Char(c) => KeyCode::Char(c),
        ct::KeyCode::Enter => KeyCode::Enter,
        ct::KeyCode::Esc => KeyCode::Esc,
        ct::KeyCode::Tab => KeyCode::Tab,
        ct::KeyCode::BackTab => KeyCode::BackTab,
        ct::KeyCode::Backspace => KeyCode::Backspace,
        ct::KeyCode::Delete => KeyCode::Delete,
        ct::KeyCode::Insert => KeyCode::Insert,
        ct::KeyCode::Up => KeyCode::Up,
        ct::KeyCode::Down => KeyCode::Down,
        ct::KeyCode::Left => KeyCode::Left,
        ct::KeyCode::Right => KeyCode::Right,
        ct::KeyCode::Home => KeyCode::Home,
        ct::KeyCode::End => KeyCode::End,
        ct::KeyCode::PageUp => KeyCode::PageUp,
        ct::KeyCode::PageDown => KeyCode::PageDown,
        ct::KeyCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let m = ev.modifiers;
    let mods = Mods {
        ctrl: m.contains(ct::KeyModifiers::CONTROL),
        alt: m.contains(ct::KeyModifiers::ALT),
        shift: m.contains(ct::KeyModifiers::SHIFT),
    };
    Some(KeyPress::new(code, mods))
}

/// The most characters a paste adds to a query: a filter is a few words, and ranking
/// cost grows with the query's length.
pub const MAX_PASTE_CHARS: usize = 200;

/// The pasted text as one line a text field can take: control characters and line
/// breaks become single spaces, and at most `max` characters are kept. Returns the text
/// and whether it was cut.
pub fn paste_text(text: &str, max: usize) -> (String, bool) {
    let mut out = String::new();
    let mut n = 0;
    for c in text.chars() {
        if n == max {
            return (out, true);
        }
        let c = if c.is_control() { ' ' } else { c };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
        n += 1;
    }
    (out, false)
}

/// A bracketed paste outside any prompt: into the query in filter mode, as one edit;
/// anywhere else it is not run as keys, and the status bar says how to filter by it.
/// True when the state changed.
pub fn paste(state: &mut AppState, text: &str) -> bool {
    if !matches!(state.mode, Mode::Filter(_)) {
        state.say(Level::Info, "paste ignored: press / first to filter by it");
        return true;
    }
    let (added, cut) = paste_text(text, MAX_PASTE_CHARS);
    let mut q = state.filter_query().to_string();
    q.push_str(&added);
    state.set_filter_query(q);
    if cut {
        state.say(
            Level::Info,
            format!("pasted the first {MAX_PASTE_CHARS} characters into the filter"),
        );
    }
    true
}

/// Lines one wheel notch scrolls.
const WHEEL: isize = 3;

/// Applies a mouse event over `pane`; `row` is the item row under a click, as the
/// pane's layout says. True when the state may have changed.
pub fn mouse(
    state: &mut AppState,
    pane: Option<Pane>,
    ev: &ct::MouseEvent,
    row: Option<usize>,
) -> bool {
    match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => match pane {
            Some(p) => {
                state.click(p, row);
                true
            }
            None => false,
        },
        MouseEventKind::ScrollDown => {
            state.wheel(pane, WHEEL);
            true
        }
        MouseEventKind::ScrollUp => {
            state.wheel(pane, -WHEEL);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEvent, KeyModifiers};

    #[test]
    fn pasted_text_becomes_one_clean_line() {
        assert_eq!(paste_text("a\nb\r\n\tc", 50), ("a b c".to_string(), false));
        assert_eq!(
            paste_text("\u{1b}]0;x\u{7}y", 50),
            ("]0;x y".to_string(), false)
        );
        assert_eq!(paste_text("  lead", 50), ("lead".to_string(), false));
        let (cut, was_cut) = paste_text(&"é".repeat(300), 200);
        assert!(was_cut);
        assert_eq!(cut.chars().count(), 200);
    }

    #[test]
    fn shifted_letters_and_ctrl_keys_convert() {
        let g = KeyEvent::new(ct::KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key(&g), KeyPress::parse("G").ok());
        let cd = KeyEvent::new(ct::KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(key(&cd), KeyPress::parse("C-d").ok());
        let bt = KeyEvent::new(ct::KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(key(&bt), KeyPress::parse("backtab").ok());
        let mut rel = KeyEvent::new(ct::KeyCode::Char('j'), KeyModifiers::NONE);
        rel.kind = KeyEventKind::Release;
        assert_eq!(key(&rel), None);
    }
}
