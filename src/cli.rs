//! The command line, as clap parses it. Dispatch lives in `main.rs`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal reader for news briefings: a folder of articles on one story, with key
/// points and actors derived offline.
///
/// With no PATH, opens the sample briefing built into the binary.
#[derive(Debug, Parser)]
#[command(name = "brief", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub open: OpenArgs,
}

#[derive(Debug, Args, Clone, Default)]
pub struct OpenArgs {
    /// Article files or folders (walked recursively). Default: the built-in sample.
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub load: LoadArgs,

    /// Configuration file (default: $BRIEF_CONFIG, then $XDG_CONFIG_HOME/brief/config.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Draw borders and marks with ASCII only (automatic when the locale is not UTF-8).
    #[arg(long)]
    pub ascii: bool,

    /// Watch the folders and show new, changed and removed articles while reading.
    #[arg(long)]
    pub watch: bool,
}

/// Options that change how a briefing is read, shared by every command that reads one.
#[derive(Debug, Args, Clone)]
pub struct LoadArgs {
    /// Skip files larger than this many bytes (with a warning).
    #[arg(long, value_name = "BYTES", default_value_t = crate::open::DEFAULT_MAX_FILE_BYTES)]
    pub max_file_size: u64,

    /// Derive summaries again instead of using the summary cache.
    #[arg(long)]
    pub no_cache: bool,

    /// Also read files and folders that symbolic links lead to outside the PATHs given
    /// (by default they are skipped with a warning).
    #[arg(long)]
    pub follow_outside_links: bool,
}

impl Default for LoadArgs {
    fn default() -> Self {
        LoadArgs {
            max_file_size: crate::open::DEFAULT_MAX_FILE_BYTES,
            no_cache: false,
            follow_outside_links: false,
        }
    }
}

impl LoadArgs {
    /// How to open the briefing these arguments describe.
    pub fn open_options(&self) -> crate::open::OpenOptions {
        crate::open::OpenOptions {
            max_file_bytes: self.max_file_size,
            use_cache: !self.no_cache,
            follow_outside_links: self.follow_outside_links,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the briefing as JSON (a stable contract) or as a Markdown memo.
    Export(ExportArgs),
    /// Derive summaries; with --write, save them as ARTICLE.summary.toml beside each article.
    Derive(DeriveArgs),
    /// Inspect the configuration.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Internal: the process that restores the terminal if the reader dies without
    /// doing it (see `ui::terminal::watchdog`).
    #[command(name = "__watch-terminal", hide = true)]
    WatchTerminal {
        /// The terminal's settings as `stty -g` printed them.
        saved: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,

    /// Article files or folders. Default: the built-in sample.
    pub paths: Vec<PathBuf>,

    /// Only articles and key points where this actor appears (name or alias).
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,

    /// Only articles, key points and actors matching this fuzzy query.
    #[arg(long, value_name = "QUERY")]
    pub filter: Option<String>,

    /// Only starred articles and key points (from the reading state).
    #[arg(long)]
    pub starred: bool,

    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub load: LoadArgs,
}

#[derive(Debug, Args)]
pub struct DeriveArgs {
    /// Article files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Write ARTICLE.summary.toml beside each article that has none.
    #[arg(long)]
    pub write: bool,

    /// With --write, overwrite existing summary files too.
    #[arg(long, requires = "write")]
    pub force: bool,

    #[command(flatten)]
    pub load: LoadArgs,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the configuration file brief would read.
    Path,
    /// Print the documented default configuration (a complete reference).
    Default,
    /// Validate a configuration file; lists every problem with line and column.
    Check {
        /// The file to check (default: the file `brief config path` prints).
        file: Option<PathBuf>,
    },
}
