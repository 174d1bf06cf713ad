//! The app-state core: everything the reader knows and does, without a terminal.

mod action;

pub use action::Action;
