//! Configuration: keybindings, theme and layout from TOML.

mod theme;

pub use theme::Theme;

use crate::cli::ConfigCommand;
use crate::keymap::Keymap;
use std::path::Path;
use std::process::ExitCode;

/// Everything the user can configure, after the user file is laid over the defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub layout: LayoutConfig,
    pub ui: UiConfig,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LayoutConfig {
    /// Pane widths in percent when all three panes show: list, key points, actors.
    pub list_pct: u16,
    pub points_pct: u16,
    pub actors_pct: u16,
    /// Show the actor sidebar when the terminal is wide enough.
    pub sidebar: bool,
    /// Maximum text width in the reader (0: the pane width).
    pub reader_width: u16,
    /// How dates show in the panes (`%Y-%m-%d` style, see the reference config).
    pub date_format: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UiConfig {
    pub mouse: bool,
    pub ascii: bool,
    pub watch: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keymap: Keymap::builtin(),
            theme: Theme::default(),
            layout: LayoutConfig {
                list_pct: 30,
                points_pct: 45,
                actors_pct: 25,
                sidebar: true,
                reader_width: 100,
                date_format: "%Y-%m-%d".to_string(),
            },
            ui: UiConfig {
                mouse: true,
                ascii: false,
                watch: false,
            },
        }
    }
}

/// A problem found in a config file: where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// Warnings still apply the setting; errors skip it.
    pub is_error: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.is_error { "error" } else { "warning" };
        write!(
            f,
            "{}:{}:{}: {level}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

/// The config to run with, and every problem met on the way. Never fails: a broken
/// user file applies what it can and reports the rest.
pub fn load(explicit: Option<&Path>) -> (Config, Vec<Problem>) {
    let _ = explicit;
    (Config::default(), Vec::new())
}

/// `brief config …`
pub fn run_cli(cmd: &ConfigCommand) -> anyhow::Result<ExitCode> {
    let _ = cmd;
    anyhow::bail!("`brief config` is not available yet")
}
