//! Reading a briefing: files and folders into structured articles.

pub mod doc;
pub mod frontmatter;
pub mod html;
pub mod markdown;
pub mod read;
pub mod text;
pub mod walk;

pub use doc::ParsedDoc;
