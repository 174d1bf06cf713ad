//! Export file names: the default `briefing-DATE.ext` and the format an extension asks
//! for. Shared by `brief export -o DIR` and the reader's export prompt, so the two name
//! files alike.

use crate::cli::ExportFormat;
use jiff::civil::Date;
use std::path::Path;

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
