//! Colours and modifiers per screen element, the built-in presets, and the monochrome
//! form used under `NO_COLOR`. `style.rs` reads `[theme]` onto a [`Theme`].

use ratatui::style::{Color, Modifier, Style};

/// The style of every element the UI draws. Built from `[theme]`; `NO_COLOR` keeps the
/// modifiers and drops the colours so selection and highlights stay visible.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub border: Style,
    pub focus_border: Style,
    pub title: Style,
    pub selection: Style,
    /// The selected row of the panes without focus.
    pub selection_inactive: Style,
    pub match_highlight: Style,
    pub actor_highlight: Style,
    pub key_point: Style,
    pub heading: Style,
    pub dim: Style,
    pub status: Style,
    pub warning: Style,
    pub error: Style,
}

/// The `[theme]` element names, in the order of the reference config.
pub const ELEMENTS: [&str; 14] = [
    "base",
    "border",
    "focus_border",
    "title",
    "selection",
    "selection_inactive",
    "match_highlight",
    "actor_highlight",
    "key_point",
    "heading",
    "dim",
    "status",
    "warning",
    "error",
];

pub const PRESETS: [&str; 2] = ["dark", "light"];

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

fn fg(c: Color) -> Style {
    Style::default().fg(c)
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    /// For dark backgrounds: light accents on the terminal's own background.
    pub fn dark() -> Theme {
        Theme {
            base: Style::default(),
            border: fg(Color::DarkGray),
            focus_border: fg(Color::Cyan),
            title: Style::default().add_modifier(BOLD),
            selection: fg(Color::White).bg(Color::Blue).add_modifier(BOLD),
            selection_inactive: Style::default().bg(Color::DarkGray),
            match_highlight: fg(Color::Yellow).add_modifier(BOLD | Modifier::UNDERLINED),
            actor_highlight: fg(Color::Magenta).add_modifier(BOLD),
            key_point: fg(Color::Green),
            heading: fg(Color::Cyan).add_modifier(BOLD),
            dim: fg(Color::DarkGray),
            status: Style::default().add_modifier(Modifier::REVERSED),
            warning: fg(Color::Yellow).add_modifier(BOLD),
            error: fg(Color::Red).add_modifier(BOLD),
        }
    }

    /// For light backgrounds: darker accents, a pale selection.
    pub fn light() -> Theme {
        Theme {
            base: Style::default(),
            border: fg(Color::Gray),
            focus_border: fg(Color::Blue),
            title: Style::default().add_modifier(BOLD),
            selection: fg(Color::Black).bg(Color::Indexed(153)).add_modifier(BOLD),
            selection_inactive: Style::default().bg(Color::Indexed(252)),
            match_highlight: fg(Color::Red).add_modifier(BOLD | Modifier::UNDERLINED),
            actor_highlight: fg(Color::Magenta).add_modifier(BOLD),
            key_point: fg(Color::Indexed(28)),
            heading: fg(Color::Blue).add_modifier(BOLD),
            dim: fg(Color::Indexed(244)),
            status: Style::default().add_modifier(Modifier::REVERSED),
            warning: fg(Color::Indexed(130)).add_modifier(BOLD),
            error: fg(Color::Red).add_modifier(BOLD),
        }
    }

    pub fn preset(name: &str) -> Option<Theme> {
        match name {
            "dark" => Some(Theme::dark()),
            "light" => Some(Theme::light()),
            _ => None,
        }
    }

    /// No colours at all: what must stand out does so by reverse, bold and underline.
    pub fn monochrome() -> Theme {
        let plain = Style::default();
        let m = |m: Modifier| plain.add_modifier(m);
        Theme {
            base: plain,
            border: plain,
            focus_border: m(BOLD),
            title: m(BOLD),
            selection: m(Modifier::REVERSED),
            selection_inactive: m(Modifier::REVERSED | Modifier::DIM),
            match_highlight: m(BOLD | Modifier::UNDERLINED),
            actor_highlight: m(BOLD),
            key_point: m(Modifier::UNDERLINED),
            heading: m(BOLD),
            dim: m(Modifier::DIM),
            status: m(Modifier::REVERSED),
            warning: m(BOLD),
            error: m(BOLD | Modifier::UNDERLINED),
        }
    }

    /// The theme to draw with, given the value of `NO_COLOR`: any non-empty value (see
    /// no-color.org) drops every colour and adds the monochrome modifiers, keeping the
    /// user's own modifiers too.
    pub fn for_no_color(self, no_color: Option<&str>) -> Theme {
        if !matches!(no_color, Some(v) if !v.is_empty()) {
            return self;
        }
        let mut out = Theme::monochrome();
        for name in ELEMENTS {
            if let (Some(mine), Some(mono)) = (self.get(name), out.get_mut(name)) {
                *mono = mono.add_modifier(mine.add_modifier);
            }
        }
        out
    }

    /// [`Theme::for_no_color`] with the process's own `NO_COLOR`: what the UI calls once
    /// at start-up.
    pub fn honour_no_color(self) -> Theme {
        let value = std::env::var_os("NO_COLOR");
        self.for_no_color(value.as_ref().map(|v| v.to_string_lossy()).as_deref())
    }

    /// The style of a `[theme]` element by its config name.
    pub fn get(&self, element: &str) -> Option<&Style> {
        Some(match element {
            "base" => &self.base,
            "border" => &self.border,
            "focus_border" => &self.focus_border,
            "title" => &self.title,
            "selection" => &self.selection,
            "selection_inactive" => &self.selection_inactive,
            "match_highlight" => &self.match_highlight,
            "actor_highlight" => &self.actor_highlight,
            "key_point" => &self.key_point,
            "heading" => &self.heading,
            "dim" => &self.dim,
            "status" => &self.status,
            "warning" => &self.warning,
            "error" => &self.error,
            _ => return None,
        })
    }

    /// The style of a `[theme]` element by its config name, to change it.
    pub fn get_mut(&mut self, element: &str) -> Option<&mut Style> {
        Some(match element {
            "base" => &mut self.base,
            "border" => &mut self.border,
            "focus_border" => &mut self.focus_border,
            "title" => &mut self.title,
            "selection" => &mut self.selection,
            "selection_inactive" => &mut self.selection_inactive,
            "match_highlight" => &mut self.match_highlight,
            "actor_highlight" => &mut self.actor_highlight,
            "key_point" => &mut self.key_point,
            "heading" => &mut self.heading,
            "dim" => &mut self.dim,
            "status" => &mut self.status,
            "warning" => &mut self.warning,
            "error" => &mut self.error,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_element_name_reaches_a_distinct_field() {
        let mut t = Theme::monochrome();
        for (i, name) in ELEMENTS.iter().enumerate() {
            let style = t.get_mut(name).expect(name);
            *style = Style::default().fg(Color::Indexed(i as u8));
        }
        for (i, name) in ELEMENTS.iter().enumerate() {
            assert_eq!(
                t.get(name).and_then(|s| s.fg),
                Some(Color::Indexed(i as u8))
            );
        }
        assert!(t.get("nope").is_none());
    }

    #[test]
    fn no_color_drops_colours_and_keeps_selection_visible() {
        let t = Theme::dark().for_no_color(Some("1"));
        for name in ELEMENTS {
            let s = t.get(name).expect(name);
            assert_eq!((s.fg, s.bg), (None, None), "{name}");
        }
        assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
        assert!(t
            .match_highlight
            .add_modifier
            .contains(Modifier::UNDERLINED));
        // The user's own bold on the selection survives.
        assert!(t.selection.add_modifier.contains(Modifier::BOLD));
        assert_eq!(Theme::dark().for_no_color(Some("")), Theme::dark());
        assert_eq!(Theme::dark().for_no_color(None), Theme::dark());
    }
}
