//! Problems found in a config file, and the [`Report`] that collects them while the
//! loader walks the file: it turns byte spans from the TOML parser into line:column.

use std::fmt;
use std::ops::Range;

/// A problem found in a config file: where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    /// 1-based; 0 when the problem is about the whole file (missing, unreadable).
    pub line: usize,
    /// 1-based, in characters; 0 with `line` 0.
    pub column: usize,
    pub message: String,
    /// Warnings still apply the setting; errors skip it.
    pub is_error: bool,
}

impl Problem {
    /// A problem with the file as a whole.
    pub fn file(path: &str, message: String) -> Problem {
        Problem {
            path: path.to_string(),
            line: 0,
            column: 0,
            message,
            is_error: true,
        }
    }
}

impl Problem {
    /// One line for the status bar: the file name without its folder, then as `Display`.
    pub fn short(&self) -> String {
        let name = std::path::Path::new(&self.path)
            .file_name()
            .map_or_else(|| self.path.clone(), |n| n.to_string_lossy().into_owned());
        Problem {
            path: name,
            ..self.clone()
        }
        .to_string()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = if self.is_error { "error" } else { "warning" };
        if self.line == 0 {
            write!(f, "{}: {level}: {}", self.path, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {level}: {}",
                self.path, self.line, self.column, self.message
            )
        }
    }
}

/// Collects problems for one file. Spans are byte ranges into `text`.
pub struct Report<'t> {
    path: String,
    text: &'t str,
    problems: Vec<Problem>,
}

impl<'t> Report<'t> {
    pub fn new(path: &str, text: &'t str) -> Report<'t> {
        Report {
            path: path.to_string(),
            text,
            problems: Vec::new(),
        }
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(span, message.into(), true);
    }

    pub fn warning(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(span, message.into(), false);
    }

    fn push(&mut self, span: Range<usize>, message: String, is_error: bool) {
        let (line, column) = line_column(self.text, span.start);
        self.problems.push(Problem {
            path: self.path.clone(),
            line,
            column,
            message,
            is_error,
        });
    }

    /// The 1-based line of byte `offset`, for messages that point at another entry.
    pub fn line_of(&self, offset: usize) -> usize {
        line_column(self.text, offset).0
    }

    /// The problems in the order of the file, so `config check` reads top to bottom.
    pub fn finish(mut self) -> Vec<Problem> {
        self.problems.sort_by_key(|p| (p.line, p.column));
        self.problems
    }
}

/// 1-based line and column (in characters) of byte `offset`; offsets past the end or
/// inside a character are clamped rather than trusted.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // After the two-byte `é`, the column is 3, not 4.
        assert_eq!(line_column(text, 9), (2, 3));
        // Inside `é` and past the end: clamped, no panic.
        assert_eq!(line_column(text, 8), (2, 2));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn display_omits_position_for_whole_file_problems() {
        let p = Problem::file("x.toml", "not found".into());
        assert_eq!(p.to_string(), "x.toml: error: not found");
        let mut q = Problem::file("/home/u/.config/brief/config.toml", "bad".into());
        (q.line, q.column, q.is_error) = (3, 7, false);
        assert_eq!(q.short(), "config.toml:3:7: warning: bad");
    }
}
