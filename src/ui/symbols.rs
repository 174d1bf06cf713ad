//! The marks and borders the panes draw, in Unicode or ASCII-only (`--ascii`, or a
//! locale that is not UTF-8, where box drawing shows as garbage).

use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    pub border: border::Set<'static>,
    pub unread: &'static str,
    pub star: &'static str,
    pub key_point: &'static str,
    /// Marks each key point in the key points pane.
    pub bullet: &'static str,
    pub jump: &'static str,
    pub sep: &'static str,
    pub ellipsis: &'static str,
    /// Separates the status bar's parts.
    pub dot: &'static str,
}

pub const UNICODE: Symbols = Symbols {
    border: border::ROUNDED,
    unread: "•",
    star: "★",
    key_point: "▌",
    bullet: "·",
    jump: "▶",
    sep: " │ ",
    ellipsis: "…",
    dot: " · ",
};

pub const ASCII: Symbols = Symbols {
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
    unread: "+",
    star: "*",
    // Not `|`: beside the reader's `|` border it read as `||`.
    key_point: "#",
    bullet: "-",
    jump: ">",
    sep: " | ",
    ellipsis: "~",
    dot: " | ",
};

impl Symbols {
    pub fn pick(ascii: bool) -> Symbols {
        if ascii {
            ASCII
        } else {
            UNICODE
        }
    }
}

/// Whether the locale promises UTF-8: the first of LC_ALL, LC_CTYPE, LANG that is set
/// decides (as the C library does); none set means the "C" locale, which is ASCII.
pub fn locale_is_utf8(get: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| get(k).filter(|v| !v.is_empty()))
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn locale_precedence_follows_libc() {
        assert!(locale_is_utf8(env(&[("LANG", "en_US.UTF-8")])));
        assert!(locale_is_utf8(env(&[("LC_ALL", "C.utf8"), ("LANG", "C")])));
        assert!(!locale_is_utf8(env(&[
            ("LC_ALL", "C"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(!locale_is_utf8(env(&[])));
        assert!(locale_is_utf8(env(&[
            ("LC_ALL", ""),
            ("LC_CTYPE", "de_DE.UTF-8")
        ])));
    }

    #[test]
    fn ascii_set_is_ascii() {
        let s = ASCII;
        let all = [
            s.unread,
            s.star,
            s.key_point,
            s.bullet,
            s.jump,
            s.sep,
            s.ellipsis,
            s.border.top_left,
            s.border.horizontal_top,
            s.border.vertical_left,
        ];
        assert!(all.iter().all(|x| x.is_ascii()));
    }
}
