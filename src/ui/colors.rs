//! Colour depth from the terminal: what the theme may use, and how colours are sent.
//!
//! [`Depth::detect`] reads the environment the way terminfo-aware programs do: none with
//! `NO_COLOR` (set and non-empty) or `TERM=dumb`; true colour when `COLORTERM` says so;
//! 256 colours when `TERM` names them (`xterm-256color`, `tmux-256color`); else the 16
//! ANSI colours (`linux`, `vt100`, `xterm`, `screen`). [`Depth::theme`] brings the theme
//! within the depth (indexed and RGB colours to the nearest one the terminal has), and
//! [`Sgr16`] rewrites crossterm's `38;5;N` for the 16 colours into the classic `3x`/`9x`
//! codes that the Linux console and vt100-likes understand.

use crate::config::Theme;
use ratatui::style::{Color, Style};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    None,
    Ansi16,
    Ansi256,
    TrueColor,
}

impl Depth {
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> Depth {
        let set = |k: &str| var(k).filter(|v| !v.is_empty());
        let term = set("TERM").unwrap_or_default().to_ascii_lowercase();
        if set("NO_COLOR").is_some() || term == "dumb" {
            return Depth::None;
        }
        let colorterm = set("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" || term.ends_with("-direct") {
            return Depth::TrueColor;
        }
        if term.contains("256color") || term.contains("256colour") {
            return Depth::Ansi256;
        }
        Depth::Ansi16
    }

    /// The theme as this terminal can show it.
    pub fn theme(self, theme: Theme) -> Theme {
        let map = |c: Color| match self {
            Depth::Ansi16 => to_16(c),
            Depth::Ansi256 => to_256(c),
            Depth::TrueColor | Depth::None => c,
        };
        if self == Depth::None {
            return theme.for_no_color(Some("1"));
        }
        let mut out = theme;
        for name in crate::config::THEME_ELEMENTS {
            if let Some(st) = out.get_mut(name) {
                *st = Style {
                    fg: st.fg.map(map),
                    bg: st.bg.map(map),
                    ..*st
                };
            }
        }
        out
    }
}

/// The 16 ANSI colours as RGB (xterm's defaults), index = colour number.
const ANSI: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

const NAMED: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

/// The RGB of an xterm 256-colour index.
fn rgb_of_index(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI[usize::from(i)],
        16..=231 => {
            let i = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            (level(i / 36), level((i / 6) % 6), level(i % 6))
        }
        _ => {
            let g = 8 + (i - 232) * 10;
            (g, g, g)
        }
    }
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs();
    d(a.0, b.0).pow(2) + d(a.1, b.1).pow(2) + d(a.2, b.2).pow(2)
}

fn nearest_16(rgb: (u8, u8, u8)) -> Color {
    let best = (0..16).min_by_key(|&i| distance(ANSI[i], rgb)).unwrap_or(7);
    NAMED[best]
}

/// A colour within the 16 ANSI colours.
pub fn to_16(c: Color) -> Color {
    match c {
        Color::Indexed(i) if i < 16 => NAMED[usize::from(i)],
        Color::Indexed(i) => nearest_16(rgb_of_index(i)),
        Color::Rgb(r, g, b) => nearest_16((r, g, b)),
        other => other,
    }
}

/// A colour within the 256 xterm colours.
pub fn to_256(c: Color) -> Color {
    match c {
        Color::Rgb(r, g, b) => {
            let best = (16..=255u8)
                .min_by_key(|&i| distance(rgb_of_index(i), (r, g, b)))
                .unwrap_or(16);
            Color::Indexed(best)
        }
        other => other,
    }
}

/// A writer that holds a frame until `flush` and sends the 16 colours as `3x`/`9x` and
/// `4x`/`10x` instead of crossterm's `38;5;N`/`48;5;N`, which 16-colour terminals read
/// as garbage or ignore. With `rewrite` off it passes bytes through unchanged.
pub struct Sgr16<W: Write> {
    inner: W,
    rewrite: bool,
    buf: Vec<u8>,
}

impl<W: Write> Sgr16<W> {
    pub fn new(inner: W, rewrite: bool) -> Sgr16<W> {
        Sgr16 {
            inner,
            rewrite,
            buf: Vec::new(),
        }
    }
}

impl<W: Write> Write for Sgr16<W> {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        if !self.rewrite {
            return self.inner.write(b);
        }
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            let out = rewrite_sgr(&self.buf);
            self.buf.clear();
            self.inner.write_all(&out)?;
        }
        self.inner.flush()
    }
}

/// In every SGR sequence (`ESC [ params m`), `38;5;N` with N < 16 becomes `3N` (N < 8)
/// or `9(N-8)`, and `48;5;N` becomes `4N` or `10(N-8)`; crossterm joins colours in one
/// sequence (`38;5;8;49`). Other bytes and parameters are copied as they are.
pub fn rewrite_sgr(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if let Some((params, len)) = sgr_at(&input[i..]) {
            out.extend_from_slice(b"\x1b[");
            out.extend_from_slice(classic(params).as_bytes());
            out.push(b'm');
            i += len;
        } else {
            out.push(input[i]);
            i += 1;
        }
    }
    out
}

/// The parameters of an SGR sequence at the start of `s`, and its length.
fn sgr_at(s: &[u8]) -> Option<(&str, usize)> {
    let rest = s.strip_prefix(b"\x1b[")?;
    let n = rest
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b';')
        .count();
    if rest.get(n) != Some(&b'm') {
        return None;
    }
    let params = std::str::from_utf8(&rest[..n]).ok()?;
    Some((params, 2 + n + 1))
}

fn classic(params: &str) -> String {
    let p: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(p.len());
    let mut i = 0;
    while i < p.len() {
        let colour = p
            .get(i + 2)
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| *n < 16);
        match (p[i], p.get(i + 1), colour) {
            ("38", Some(&"5"), Some(n)) => {
                out.push(if n < 8 { 30 + n } else { 90 + n - 8 }.to_string());
                i += 3;
            }
            ("48", Some(&"5"), Some(n)) => {
                out.push(
                    if n < 8 {
                        40 + u16::from(n)
                    } else {
                        100 + u16::from(n) - 8
                    }
                    .to_string(),
                );
                i += 3;
            }
            // Any other colour form is copied whole, so its numbers are not misread.
            ("38" | "48" | "58", Some(&"5"), None) => {
                out.extend(p[i..(i + 3).min(p.len())].iter().map(|x| x.to_string()));
                i += 3;
            }
            ("38" | "48" | "58", Some(&"2"), _) => {
                out.extend(p[i..(i + 5).min(p.len())].iter().map(|x| x.to_string()));
                i += 5;
            }
            (x, _, _) => {
                out.push(x.to_string());
                i += 1;
            }
        }
    }
    out.join(";")
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
    fn depth_follows_term_colorterm_and_no_color() {
        assert_eq!(Depth::detect(env(&[("TERM", "linux")])), Depth::Ansi16);
        assert_eq!(Depth::detect(env(&[("TERM", "vt100")])), Depth::Ansi16);
        assert_eq!(
            Depth::detect(env(&[("TERM", "xterm-256color")])),
            Depth::Ansi256
        );
        assert_eq!(
            Depth::detect(env(&[("TERM", "tmux-256color")])),
            Depth::Ansi256
        );
        assert_eq!(
            Depth::detect(env(&[
                ("TERM", "xterm-256color"),
                ("COLORTERM", "truecolor")
            ])),
            Depth::TrueColor
        );
        assert_eq!(
            Depth::detect(env(&[("TERM", "xterm-256color"), ("NO_COLOR", "1")])),
            Depth::None
        );
        assert_eq!(
            Depth::detect(env(&[("TERM", "linux"), ("NO_COLOR", "")])),
            Depth::Ansi16,
            "an empty NO_COLOR does not count"
        );
        assert_eq!(Depth::detect(env(&[("TERM", "dumb")])), Depth::None);
    }

    #[test]
    fn colours_come_down_to_the_nearest_the_terminal_has() {
        assert_eq!(to_16(Color::Indexed(196)), Color::LightRed);
        assert_eq!(to_16(Color::Indexed(153)), Color::Gray);
        assert_eq!(to_16(Color::Rgb(0, 0, 0)), Color::Black);
        assert_eq!(to_16(Color::Indexed(4)), Color::Blue);
        assert_eq!(to_16(Color::Cyan), Color::Cyan);
        assert_eq!(to_256(Color::Rgb(255, 0, 0)), Color::Indexed(196));
        assert_eq!(to_256(Color::Indexed(153)), Color::Indexed(153));
        let light = Depth::Ansi16.theme(Theme::light());
        for name in crate::config::THEME_ELEMENTS {
            let st = light.get(name).copied().unwrap_or_default();
            for c in [st.fg, st.bg].into_iter().flatten() {
                assert!(
                    !matches!(c, Color::Indexed(_) | Color::Rgb(..)),
                    "{name}: {c:?}"
                );
            }
        }
        let none = Depth::None.theme(Theme::dark());
        assert_eq!(none.selection.bg, None);
    }

    #[test]
    fn sixteen_colour_sequences_become_classic_codes() {
        let out = rewrite_sgr(b"a\x1b[38;5;8mb\x1b[48;5;4m\x1b[38;5;15mc\x1b[38;5;196m\x1b[1m");
        assert_eq!(
            out,
            b"a\x1b[90mb\x1b[44m\x1b[97mc\x1b[38;5;196m\x1b[1m".to_vec()
        );
        // Joined colours, as crossterm writes them, and other parameters around them.
        let out = rewrite_sgr(b"\x1b[38;5;8;49m\x1b[1;38;5;15;48;5;12mx\x1b[38;2;1;5;9m\x1b[2J");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "\x1b[90;49m\x1b[1;97;104mx\x1b[38;2;1;5;9m\x1b[2J"
        );
        // Split writes are joined at flush, so a sequence cut in two still converts.
        let mut w = Sgr16::new(Vec::new(), true);
        w.write_all(b"\x1b[38;").unwrap_or(());
        w.write_all(b"5;1m!").unwrap_or(());
        w.flush().unwrap_or(());
        assert_eq!(w.inner, b"\x1b[31m!".to_vec());
    }
}
