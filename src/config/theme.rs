//! Colours and modifiers per screen element.

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
    pub match_highlight: Style,
    pub actor_highlight: Style,
    pub key_point: Style,
    pub heading: Style,
    pub dim: Style,
    pub status: Style,
    pub warning: Style,
    pub error: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    pub fn dark() -> Theme {
        Theme {
            base: Style::default(),
            border: Style::default().fg(Color::DarkGray),
            focus_border: Style::default().fg(Color::Cyan),
            title: Style::default().add_modifier(Modifier::BOLD),
            selection: Style::default()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::REVERSED),
            match_highlight: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            actor_highlight: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            key_point: Style::default().fg(Color::Green),
            heading: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            dim: Style::default().fg(Color::DarkGray),
            status: Style::default().add_modifier(Modifier::REVERSED),
            warning: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }
}
