//! Crossterm events to the core's terms: key events to [`KeyPress`], mouse events to
//! clicks and wheel steps on the pane under the pointer.

use crate::app::{AppState, Pane};
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
