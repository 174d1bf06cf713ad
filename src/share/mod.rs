//! Sharing what the reader shows: yank, open elsewhere, export the view, keep the
//! place across reloads. Pure building blocks the TUI wires to keys; none of them
//! touches the terminal library.
//!
//! How they compose, per key:
//! - `y`: [`yank_text`] turns the selection into text; [`clipboard::copy`] writes it as
//!   OSC 52 to the terminal (any `impl Write`) and to a local clipboard tool, and its
//!   [`clipboard::CopyReport::status_line`] goes to the status bar.
//! - open: [`open::browser_command`] / [`open::editor_command`] / [`open::pager_command`]
//!   build a `Command` from the [`env::Env`]; [`open::run_suspended`] runs it with the
//!   terminal handed over between the TUI's `suspend` and `resume` callbacks.
//! - `e`: [`export_prompt`] supplies the default file name, resolves what the user
//!   typed, and saves the view (from `export::view::select`) through the exporters.
//! - `r` / `--watch`: after [`crate::watch`] reports changes and the briefing is
//!   reloaded, [`selection::remap_selection`] keeps the selection and scroll position.
//!
//! Everything reads the environment through [`env::Env`], so tests describe any machine.

pub mod clipboard;
pub mod env;
pub mod export_prompt;
pub mod open;
pub mod selection;
pub mod yank_text;

pub use env::{Env, Os};
pub use selection::remap_selection;
