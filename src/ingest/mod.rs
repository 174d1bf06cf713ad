//! Reading a briefing: files and folders into structured articles.

pub mod doc;
pub mod text;

pub use doc::ParsedDoc;
