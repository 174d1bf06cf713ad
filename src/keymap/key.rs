//! One key press, independent of any terminal library, and its notation (`C-x`, `g`,
//! `enter`). The UI converts crossterm events into [`KeyPress`]; the core only sees these.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mods {
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// A key with modifiers, normalised so that equal keys compare equal: a shifted
/// character is stored as the character itself (`G`, `?`), never as `S-g`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyPress {
    pub code: KeyCode,
    pub mods: Mods,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

impl KeyPress {
    pub fn new(code: KeyCode, mods: Mods) -> KeyPress {
        KeyPress { code, mods }.normalized()
    }

    pub fn plain(c: char) -> KeyPress {
        KeyPress::new(KeyCode::Char(c), Mods::default())
    }

    /// Folds shift into characters (`S-g` is `G`) so notation and terminals agree.
    fn normalized(mut self) -> KeyPress {
        if let KeyCode::Char(c) = self.code {
            if self.mods.shift {
                if c.is_ascii_lowercase() {
                    self.code = KeyCode::Char(c.to_ascii_uppercase());
                }
                self.mods.shift = false;
            }
        }
        if self.code == KeyCode::BackTab {
            self.mods.shift = false;
        }
        self
    }

    /// A key that types text in filter mode (a character without ctrl/alt).
    pub fn is_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.mods.ctrl && !self.mods.alt
    }

    /// Parses one key in the notation `C-x`, `A-x`, `S-x`, `enter`, `f5`, `G`.
    pub fn parse(s: &str) -> Result<KeyPress, String> {
        let mut mods = Mods::default();
        let mut rest = s;
        while rest.len() > 2 && rest.as_bytes()[1] == b'-' {
            match rest.as_bytes()[0] {
                b'C' => mods.ctrl = true,
                b'A' => mods.alt = true,
                b'S' => mods.shift = true,
                _ => break,
            }
            rest = &rest[2..];
        }
        let lower = rest.to_ascii_lowercase();
        let code = if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
            *code
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if !(1..=12).contains(&n) {
                return Err(format!("unknown key `{s}`: function keys are f1 to f12"));
            }
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => return Err(format!("unknown key name `{s}`")),
            }
        };
        Ok(KeyPress::new(code, mods))
    }
}

impl fmt::Display for KeyPress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.ctrl {
            f.write_str("C-")?;
        }
        if self.mods.alt {
            f.write_str("A-")?;
        }
        if self.mods.shift {
            f.write_str("S-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == other)
                    .map(|(n, _)| *n)
                    .unwrap_or("?");
                f.write_str(name)
            }
        }
    }
}

/// Writes a sequence the way users write it in the config: keys joined by spaces.
pub fn format_sequence(keys: &[KeyPress]) -> String {
    keys.iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays_round_trip() {
        for s in ["j", "G", "C-d", "A-x", "enter", "space", "f5", "pagedown", "?"] {
            let k = KeyPress::parse(s).expect(s);
            assert_eq!(k.to_string(), s);
        }
    }

    #[test]
    fn shift_letter_is_upper_case() {
        assert_eq!(KeyPress::parse("S-g"), KeyPress::parse("G"));
    }

    #[test]
    fn rejects_unknown_names() {
        assert!(KeyPress::parse("enterr").is_err());
        assert!(KeyPress::parse("f13").is_err());
    }
}
