//! The pieces behind the export prompt (`e`): a default name, the typed path made real,
//! and the write.
//!
//! The prompt is pre-filled with [`default_file_name`] for [`today`]; what the user
//! types goes through [`resolve_target`] (`~` expanded, a folder gets the default name
//! inside it); [`save`] renders the view with the exporters ([`crate::export`]) in the
//! format the extension asks for ([`format_for`]) and writes it atomically, so a failed
//! or interrupted export never leaves a half-written file where a good one was.

use super::env::Env;
use crate::cli::ExportFormat;
pub use crate::export::file_name::{default_file_name, extension, format_for, today};
use crate::model::Briefing;
use std::path::{Path, PathBuf};

/// `~` and `~/…` with `$HOME`; anything else (including `~user`, which would need the
/// password database) unchanged. Without `$HOME`, unchanged too: the write then fails
/// with a message naming the literal path, which is better than guessing a home.
pub fn expand_tilde(input: &str, env: &Env) -> PathBuf {
    match (input.strip_prefix('~'), env.get("HOME")) {
        (Some(""), Some(home)) => PathBuf::from(home),
        (Some(rest), Some(home)) if rest.starts_with('/') => {
            Path::new(home).join(rest.trim_start_matches('/'))
        }
        _ => PathBuf::from(input),
    }
}

/// The file an answer to the prompt means: trimmed, `~` expanded, the default name
/// when empty or when it names an existing folder (or ends with `/`).
pub fn resolve_target(input: &str, default_name: &str, env: &Env) -> PathBuf {
    let input = input.trim();
    if input.is_empty() {
        return PathBuf::from(default_name);
    }
    // The same rule as `brief export -o`: a folder gets the default name inside it.
    crate::export::write::resolve(&expand_tilde(input, env), default_name)
}

/// Exports `view` (the briefing as the screen shows it, from
/// [`crate::export::view::select`]) to `path`, in the format its extension asks for, else
/// `fallback`; returns the format used. Rendering happens before the file is touched, and
/// the write is the exporter's atomic one, so a failure leaves an existing file intact.
/// `inputs` are the files of the whole briefing, which the export must never replace.
pub fn save(
    view: &Briefing,
    path: &Path,
    fallback: ExportFormat,
    inputs: &[PathBuf],
) -> anyhow::Result<ExportFormat> {
    let format = format_for(path).unwrap_or(fallback);
    let text = crate::export::render(view, format)?;
    crate::export::write::to_file(path, text.as_bytes(), inputs)?;
    Ok(format)
}
