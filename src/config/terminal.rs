//! Keys that are legal to bind but unreliable in practice: terminals send some of them
//! as the same bytes as other keys, and tmux, screen and flow control eat others before
//! brief sees them. Binding one is a warning, not an error: it may work on the user's
//! setup, and they should know why it might not.

use super::source::Options;
use crate::keymap::{KeyCode, KeyPress};

/// Why `key` may not reach brief, if there is a reason.
pub fn caveat(key: &KeyPress, opts: Options) -> Option<String> {
    if key.mods.alt && opts.linux_console {
        return Some(format!(
            "`{key}`: the Linux console (TERM=linux) sends Alt keys as Esc followed by the key, \
             which can arrive as two separate keys; prefer a C- binding there"
        ));
    }
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if !key.mods.ctrl || key.mods.alt {
        return None;
    }
    let same_as = |other: &str| {
        Some(format!(
            "`{key}`: most terminals send it as the same byte as `{other}`, so brief cannot \
             tell the two apart; pick another key unless you mean both"
        ))
    };
    match c.to_ascii_lowercase() {
        'h' => same_as("backspace"),
        'i' => same_as("tab"),
        'm' | 'j' => same_as("enter"),
        '[' => same_as("esc"),
        's' | 'q' => Some(format!(
            "`{key}`: C-s and C-q are terminal flow control (XOFF/XON) on many systems: C-s \
             freezes the screen until C-q; they reach brief only after `stty -ixon`"
        )),
        'b' => Some(format!(
            "`{key}`: C-b is tmux's prefix key; inside tmux it never reaches brief"
        )),
        'a' => Some(format!(
            "`{key}`: C-a is GNU screen's prefix key (and a common tmux prefix); inside them it \
             never reaches brief"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caveat_of(s: &str, linux: bool) -> Option<String> {
        let k = KeyPress::parse(s).expect("valid key");
        caveat(
            &k,
            Options {
                linux_console: linux,
            },
        )
    }

    #[test]
    fn warns_about_indistinguishable_and_eaten_keys() {
        for (key, word) in [
            ("C-h", "backspace"),
            ("C-i", "tab"),
            ("C-m", "enter"),
            ("C-j", "enter"),
            ("C-[", "esc"),
            ("C-s", "flow control"),
            ("C-q", "flow control"),
            ("C-b", "tmux"),
            ("C-a", "screen"),
        ] {
            let msg = caveat_of(key, false).unwrap_or_default();
            assert!(msg.contains(word), "{key}: {msg}");
        }
    }

    #[test]
    fn ordinary_keys_and_alt_outside_the_console_are_fine() {
        for key in ["C-d", "C-u", "j", "enter", "backspace", "A-x", "h"] {
            assert_eq!(caveat_of(key, false), None, "{key}");
        }
        assert!(caveat_of("A-x", true).is_some());
    }
}
