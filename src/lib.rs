//! `brief`: a terminal reader for news briefings.
//!
//! The crate is a pure core and a thin terminal shell:
//! - [`ingest`] reads files into [`model::Article`]s (structure only);
//! - [`derive`] adds key points, merged points and actors;
//! - [`app`] is the app state and its [`app::Action`]s, driven through the [`keymap`];
//! - [`config`] loads keybindings, theme and layout from TOML;
//! - [`export`] writes JSON and Markdown;
//! - [`summary`], [`cache`] and [`state`] are everything brief keeps on disk (summary
//!   files, the derived-summary cache, reading marks), all written through [`fsutil`];
//! - [`ui`] is the only module that touches the terminal.

pub mod action;
pub mod app;
pub mod cache;
pub mod cli;
pub mod config;
pub mod derive;
pub mod export;
pub mod filter;
pub mod fsutil;
pub mod ingest;
pub mod keymap;
pub mod model;
pub mod open;
pub mod samples;
pub mod share;
pub mod state;
pub mod suggest;
pub mod summary;
pub mod ui;
pub mod watch;
