//! Summary files: `ARTICLE.summary.toml` beside an article supplies its title, key points
//! and actors instead of the derived ones (see the README, "Summary files").
//!
//! How the pieces compose:
//! - [`schema`] is the file as data, and [`from_article`] + [`to_toml_string`] write one;
//! - [`naming`] says which file is whose (`talks.summary.toml`, or
//!   `talks.txt.summary.toml` when `talks.html` shares the stem);
//! - [`load`] reads one defensively, turning every problem into a [`Warning`] with line
//!   and column;
//! - [`apply`] puts loaded files into a briefing: [`apply_articles`] runs before
//!   derivation (so derive keeps supplied key points), [`Supplied::merge_into`] after it
//!   (supplied actors override or join the briefing-wide derived actors);
//! - [`pipeline::summarize`] is the whole summary stage of `open()`: supplied files, then
//!   cached or ranked key points, then derivation, then supplied actors;
//! - [`cli`] is `brief derive [--write [--force]]`.

pub mod apply;
pub mod briefing_cache;
pub mod cli;
pub mod load;
pub mod naming;
pub mod pipeline;
pub mod schema;

pub use apply::{apply_articles, apply_file, locate, Supplied};
pub use load::{is_summary_file, load, load_file, parse, Warning};
pub use naming::{full_summary_path, summary_path, Names};
pub use pipeline::{rederive, summarize, summarize_counting};
pub use schema::{from_article, to_toml_string, SummaryFile, SuppliedActor, SuppliedPoint};
