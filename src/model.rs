//! The briefing data model: what ingest produces and derive fills in.
//!
//! Ingest turns files into [`Article`]s (structure only); derive adds each article's
//! [`KeyPoint`]s, the briefing-wide [`MergedPoint`]s and the [`Actor`]s. Everything here
//! is plain data: no I/O, no terminal, so every layer above can be tested on values.

use serde::{Deserialize, Serialize};

/// A whole briefing: the articles of one or more folders, and what was derived from them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// Articles in reading order (sorted by path within each given PATH).
    pub articles: Vec<Article>,
    /// Actors across the briefing, most mentioned first.
    pub actors: Vec<Actor>,
    /// Key points of all articles, near-duplicates grouped, best first.
    pub merged_points: Vec<MergedPoint>,
    /// Problems that belong to no single article (unreadable folders, skipped files…).
    pub warnings: Vec<String>,
}

/// How an article file was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
}

/// Whether the summary fields (title, key points, actors) were derived or supplied by a
/// `*.summary.toml` file beside the article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryOrigin {
    #[default]
    Derived,
    /// Loaded from a summary file; `stale` when the article changed since it was written.
    Supplied { path: String, stale: bool },
}

/// One article with its recovered structure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: derived from the path relative to the opened root.
    pub id: String,
    /// Path as given on the command line joined with the relative path (display form).
    pub path: String,
    /// The file it was read from, as the file system names it (bytes, not the display
    /// form): summary files are named from it. `None` when held in memory (the sample).
    #[serde(skip)]
    pub file: Option<std::path::PathBuf>,
    pub format: Format,
    /// Hex content hash of the raw bytes (blake3), for state, caches and summary files.
    pub content_hash: String,
    pub title: String,
    pub source: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub category: Option<String>,
    /// Canonical URL when the file says where it came from.
    pub url: Option<String>,
    pub sections: Vec<Section>,
    /// Lines removed as boilerplate; kept so nothing is silently lost.
    pub removed: Vec<String>,
    /// Ranked key points, best first (derived or supplied).
    pub key_points: Vec<KeyPoint>,
    /// Actor names (canonical) this article mentions; filled by derive.
    pub actors: Vec<String>,
    pub summary: SummaryOrigin,
    /// What could not be read or recovered, in words.
    pub warnings: Vec<String>,
}

/// A run of blocks under one heading; `heading` is `None` before the first heading.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph { text: String },
    Bullets { items: Vec<String> },
    Table(Table),
    Quote { text: String },
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Where a key point sits in its article, so the reader can jump to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub section: usize,
    pub block: usize,
    /// Sentence index within a paragraph/quote, item index in bullets, row index in a table.
    pub sentence: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KeyPoint {
    /// One sentence or one table row, as it reads in the article.
    pub text: String,
    /// In 0..=1, higher is more central.
    pub score: f64,
    /// Canonical names of the actors the point mentions.
    pub actors: Vec<String>,
    /// `None` for supplied points that could not be located in the text.
    pub location: Option<Location>,
}

/// A key point shared by one or more articles ("3 sources").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MergedPoint {
    /// The representative wording (from the best-scoring member).
    pub text: String,
    pub score: f64,
    pub actors: Vec<String>,
    /// (article index, key point index) of every member, representative first.
    pub members: Vec<(usize, usize)>,
}

impl MergedPoint {
    /// Distinct articles backing this point.
    pub fn source_count(&self) -> usize {
        let mut seen: Vec<usize> = self.members.iter().map(|m| m.0).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    #[default]
    Person,
    Organization,
    Place,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    /// Other spellings seen in the text (not including `name`).
    pub aliases: Vec<String>,
    /// Roles and titles as written ("British Defence Secretary").
    pub roles: Vec<String>,
    /// Ids of the articles the actor appears in, in briefing order.
    pub articles: Vec<String>,
    pub mentions: usize,
    pub quotes: Vec<Quote>,
}

impl Actor {
    /// The name followed by its aliases: every form a reader may search for.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// Article id.
    pub article: String,
}

impl Article {
    /// Every table block of the article, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
    }
}
