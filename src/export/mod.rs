//! JSON (the contract in the README) and Markdown output of a briefing.
//!
//! `brief export` opens the briefing ([`crate::open`]), narrows it to the requested view
//! ([`view::select`], shared with the TUI), renders it ([`json`] or [`markdown`]) and
//! writes it to stdout or atomically to a file ([`write`]).

pub mod file_name;
pub mod json;
pub mod markdown;
pub mod view;
pub mod write;

use crate::cli::{ExportArgs, ExportFormat};
use crate::model::Briefing;
use crate::open::Origin;
use std::process::ExitCode;

/// Renders a (possibly narrowed) briefing in the given format.
pub fn render(b: &Briefing, format: ExportFormat) -> anyhow::Result<String> {
    match format {
        ExportFormat::Json => json::render(b),
        ExportFormat::Markdown => Ok(markdown::render(b)),
    }
}

/// The files the briefing was read from: an export must never replace one of them.
pub fn input_files(b: &Briefing) -> Vec<std::path::PathBuf> {
    b.articles.iter().filter_map(|a| a.file.clone()).collect()
}

/// `brief export …`
pub fn run_cli(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let origin = if args.paths.is_empty() {
        Origin::Sample
    } else {
        Origin::Paths(args.paths.clone())
    };
    let opts = args.load.open_options();
    let briefing = crate::open::open(&origin, &opts)?;
    let starred = if args.starred {
        let (state, warnings) = crate::state::StateStore::open_default();
        for w in warnings {
            eprintln!("brief: {w}");
        }
        Some(view::Starred::from_state(&state, &briefing))
    } else {
        None
    };
    let filter = view::ViewFilter {
        actor: args.actor.clone(),
        query: args.filter.clone(),
        starred,
    };
    let shown = view::select(&briefing, &filter)?;
    let text = render(&shown, args.format)?;
    match &args.output {
        Some(path) => {
            let name = file_name::default_file_name(args.format, file_name::today());
            let target = write::resolve(path, &name);
            write::to_file(&target, text.as_bytes(), &input_files(&briefing))?;
            if target != *path {
                eprintln!("brief: exported to {}", crate::fsutil::display(&target));
            }
        }
        None => write::stdout(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
