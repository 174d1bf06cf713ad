//! One key press, independent of any terminal library, and its notation (`C-x`, `g`,
//! `enter`). The UI converts crossterm events into [`KeyPress`]; the core only sees these.
//!
//! The notation is what users write in the config: modifiers `C-`/`ctrl-`, `A-`/`alt-`
//! (`M-`/`meta-` too), `S-`/`shift-`, optionally wrapped vim-style in `<…>`; then one
//! character or a key name. `Display` writes the canonical form, which `parse` reads back.

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

/// Canonical names first: `Display` uses the first name listed for a code.
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
    // Aliases people write out of habit from other tools.
    ("return", KeyCode::Enter),
    ("cr", KeyCode::Enter),
    ("escape", KeyCode::Esc),
    ("del", KeyCode::Delete),
    ("ins", KeyCode::Insert),
    ("pgup", KeyCode::PageUp),
    ("pgdown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
];

/// Sets one modifier flag.
type SetMod = fn(&mut Mods);

/// Modifier prefixes, matched case-insensitively and followed by `-` or `+`.
const MODIFIERS: &[(&str, SetMod)] = &[
    ("ctrl", |m| m.ctrl = true),
    ("control", |m| m.ctrl = true),
    ("alt", |m| m.alt = true),
    ("meta", |m| m.alt = true),
    ("shift", |m| m.shift = true),
    ("c", |m| m.ctrl = true),
    ("a", |m| m.alt = true),
    ("m", |m| m.alt = true),
    ("s", |m| m.shift = true),
];

/// The canonical key names, for suggestions in error messages.
pub fn key_names() -> impl Iterator<Item = &'static str> {
    NAMED
        .iter()
        .map(|(n, _)| *n)
        .chain(["f1", "f5", "f12"].iter().copied())
}

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
        if self.code == KeyCode::Tab && self.mods.shift {
            self.code = KeyCode::BackTab;
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

    /// Parses one key in the notation `C-x`, `ctrl-x`, `<C-x>`, `A-x`, `S-x`, `enter`,
    /// `f5`, `G`. The error says what is wrong and, where it can, what to write instead.
    pub fn parse(s: &str) -> Result<KeyPress, String> {
        let inner = match s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
            Some(inner) if !inner.is_empty() => inner,
            _ => s,
        };
        let mut mods = Mods::default();
        let mut rest = inner;
        'strip: loop {
            for (name, set) in MODIFIERS {
                if let Some(after) = strip_modifier(rest, name) {
                    set(&mut mods);
                    rest = after;
                    continue 'strip;
                }
            }
            break;
        }
        if rest.is_empty() {
            return Err(if s.trim().is_empty() {
                "empty key: write `space` for the space bar".to_string()
            } else {
                format!("`{s}` has no key after its modifiers")
            });
        }
        let lower = rest.to_ascii_lowercase();
        let code = if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == lower) {
            *code
        } else if let Some(n) = function_key(&lower) {
            if !(1..=12).contains(&n) {
                return Err(format!("unknown key `{s}`: function keys are f1 to f12"));
            }
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => char_code(c, s)?,
                _ => return Err(unknown_name(s, rest)),
            }
        };
        if mods.shift {
            if let KeyCode::Char(c) = code {
                if !c.is_ascii_alphabetic() {
                    return Err(format!(
                        "`{s}`: terminals send the shifted character itself, so write that \
                         character (e.g. `!` rather than `S-1`)"
                    ));
                }
            }
        }
        Ok(KeyPress::new(code, mods))
    }
}

/// `rest` without a leading `name-`/`name+` modifier, when one is there and a key follows.
fn strip_modifier<'a>(rest: &'a str, name: &str) -> Option<&'a str> {
    let head = rest.get(..name.len())?;
    if !head.eq_ignore_ascii_case(name) {
        return None;
    }
    let after = rest[name.len()..]
        .strip_prefix('-')
        .or_else(|| rest[name.len()..].strip_prefix('+'))?;
    (!after.is_empty()).then_some(after)
}

fn function_key(lower: &str) -> Option<u8> {
    let digits = lower.strip_prefix('f')?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn char_code(c: char, s: &str) -> Result<KeyCode, String> {
    if c.is_control() {
        return Err(format!(
            "`{}` is a control character, not a key name: write e.g. `C-x`, `tab` or `enter`",
            s.escape_debug()
        ));
    }
    if c.is_whitespace() {
        return Err("a blank is not a key: write `space` for the space bar".to_string());
    }
    Ok(KeyCode::Char(c))
}

fn unknown_name(s: &str, rest: &str) -> String {
    let lower = rest.to_ascii_lowercase();
    let only_modifiers = lower.strip_suffix(['-', '+']).is_some_and(|m| {
        m.split(['-', '+'])
            .all(|w| MODIFIERS.iter().any(|(n, _)| *n == w))
    });
    if only_modifiers {
        return format!("`{s}` has no key after its modifiers: write e.g. `C-x`");
    }
    // `gg` is a common way to mean the sequence `g g`.
    let plain = rest.chars().count() <= 4
        && rest
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_ascii_punctuation());
    let closest = crate::suggest::closest(&lower, key_names());
    match closest {
        Some(name) => format!("unknown key `{s}` — did you mean `{name}`?"),
        None if plain => format!(
            "unknown key `{s}`: for a sequence put spaces between the keys (`{}`)",
            rest.chars()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        ),
        None => format!(
            "unknown key `{s}`: write one character, a name such as `enter`, `pagedown` \
             or `f5`, with modifiers `C-`, `A-`, `S-`"
        ),
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

/// Parses a sequence written with spaces between keys (`g g`, `C-w j`).
pub fn parse_sequence(s: &str) -> Result<Vec<KeyPress>, String> {
    let keys = s
        .split_whitespace()
        .map(KeyPress::parse)
        .collect::<Result<Vec<_>, _>>()?;
    if keys.is_empty() {
        return Err("empty key: write `space` for the space bar".to_string());
    }
    Ok(keys)
}

/// Writes a sequence the way users write it in the config: keys joined by spaces.
pub fn format_sequence(keys: &[KeyPress]) -> String {
    keys.iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}
