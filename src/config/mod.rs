//! Configuration: keybindings, theme and layout from TOML.
//!
//! How the pieces compose: [`discover`] finds the user's file; `source` parses TOML text
//! with spans and walks it, handing `[keys.*]` to `keys` (values via `binding`, with
//! `terminal` for keys that terminals eat), `[theme]` to `style` (onto a [`Theme`]) and
//! `[layout]`/`[ui]` to [`layout`]; every problem lands in a `problem::Report` with its
//! line and column and, via `suggest`, the closest valid name. The defaults are not written in code: they are
//! `config/default.toml`, laid over a blank config the same way a user file is laid over
//! the defaults. `cli` is `brief config path|default|check`.

mod binding;
mod cli;
pub mod discover;
mod keys;
pub mod layout;
mod problem;
pub(crate) mod source;
mod style;

mod terminal;
mod theme;

pub use cli::run_cli;
pub use discover::{Env, SystemEnv};
pub use layout::format_date;
pub use problem::Problem;
pub use source::Options;
pub use style::{parse_colour, parse_short as parse_style};
pub use theme::{Theme, ELEMENTS as THEME_ELEMENTS};

use crate::keymap::Keymap;
use std::path::Path;

/// The documented reference config; it is also the defaults (see [`Config::default`]).
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");

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
    /// How dates show in the panes (`%Y-%m-%d` style, see the reference config and
    /// [`format_date`]).
    pub date_format: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UiConfig {
    pub mouse: bool,
    pub ascii: bool,
    pub watch: bool,
}

impl Default for Config {
    /// `config/default.toml` laid over [`Config::blank`]. A test asserts that the file
    /// loads without a single problem and sets every setting, so this is exactly the file.
    fn default() -> Self {
        let mut config = Config::blank();
        let _ = config.layer(DEFAULT_TOML, "config/default.toml", Options::default());
        config
    }
}

impl Config {
    /// No bindings and placeholder settings: the ground the reference file is laid on.
    pub fn blank() -> Config {
        Config {
            keymap: Keymap::default(),
            theme: Theme::dark(),
            layout: LayoutConfig {
                list_pct: 34,
                points_pct: 33,
                actors_pct: 33,
                sidebar: true,
                reader_width: 0,
                date_format: "%Y-%m-%d".to_string(),
            },
            ui: UiConfig {
                mouse: true,
                ascii: false,
                watch: false,
            },
        }
    }

    /// The defaults with `text` laid over them. `path` only labels the problems.
    pub fn overlay(text: &str, path: &str, opts: Options) -> (Config, Vec<Problem>) {
        let mut config = Config::default();
        let problems = config.layer(text, path, opts);
        (config, problems)
    }

    /// Lays `text` over this config, setting by setting and binding by binding; the
    /// valid parts apply and the rest comes back as problems.
    pub fn layer(&mut self, text: &str, path: &str, opts: Options) -> Vec<Problem> {
        source::apply(self, path, text, opts)
    }
}

impl Options {
    pub fn from_env(env: &dyn Env) -> Options {
        Options {
            linux_console: env.var("TERM").is_some_and(|t| t == "linux"),
        }
    }
}

/// The config to run with, and every problem met on the way. Never fails: a broken
/// user file applies what it can and reports the rest.
pub fn load(explicit: Option<&Path>) -> (Config, Vec<Problem>) {
    load_with(explicit, &SystemEnv)
}

/// [`load`] with the environment passed in.
pub fn load_with(explicit: Option<&Path>, env: &dyn Env) -> (Config, Vec<Problem>) {
    let Some(located) = discover::locate(explicit, env) else {
        return (Config::default(), Vec::new());
    };
    let label = located.path.display().to_string();
    match discover::read(&located.path) {
        Ok(Some(text)) => Config::overlay(&text, &label, Options::from_env(env)),
        Ok(None) if located.explicit => (
            Config::default(),
            vec![Problem::file(
                &label,
                format!(
                    "config file not found (named by {}); using the defaults",
                    located.via
                ),
            )],
        ),
        Ok(None) => (Config::default(), Vec::new()),
        Err(msg) => (
            Config::default(),
            vec![Problem::file(&label, format!("{msg}; using the defaults"))],
        ),
    }
}
