//! The pieces behind the export prompt (`e`): a default name, the typed path made real,
//! and an atomic write.
//!
//! The prompt is pre-filled with [`default_file_name`] for [`today`]; what the user
//! types goes through [`resolve_target`] (`~` expanded, a folder gets the default name
//! inside it), [`format_for`] picks JSON or Markdown from the extension, and
//! [`write_atomic`] hands a writer to the exporter and only replaces the target once
//! everything was written and synced, so a failed or interrupted export never leaves a
//! half-written file where a good one was.

use super::env::Env;
use crate::cli::ExportFormat;
use anyhow::Context as _;
use jiff::civil::Date;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Today's date in the system time zone (`$TZ` or `/etc/localtime`), since the file is
/// named for the reader's day, not UTC's.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// `briefing-YYYY-MM-DD.md` or `.json`.
pub fn default_file_name(format: ExportFormat, date: Date) -> String {
    format!("briefing-{}.{}", date, extension(format))
}

pub fn extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => "json",
        ExportFormat::Markdown => "md",
    }
}

/// The format a file name asks for by its extension (case-insensitive), if any.
pub fn format_for(path: &Path) -> Option<ExportFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(ExportFormat::Json),
        "md" | "markdown" => Some(ExportFormat::Markdown),
        _ => None,
    }
}

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
    let path = expand_tilde(input, env);
    if input.ends_with('/') || path.is_dir() {
        path.join(default_name)
    } else {
        path
    }
}

/// Writes `path` atomically: `write` fills a temporary file in the same folder, which is
/// synced and renamed over `path` only when `write` succeeded. On error the temporary
/// file is removed and `path` is untouched.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.file_name().is_none() {
        anyhow::bail!("{} names no file", path.display());
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".brief-export-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in folder {}", dir.display()))?;
    {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut buffered).with_context(|| format!("export to {} failed", path.display()))?;
        buffered
            .flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot sync {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}
