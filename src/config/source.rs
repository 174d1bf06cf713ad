//! Reads one TOML text onto a [`Config`]: parses it with spans (recovering past syntax
//! errors so the valid parts still apply), walks the top-level tables in file order and
//! hands each to its section (`keys`, `theme`, `layout`, `ui`). The typed getters here
//! are shared by the sections so every type error reads the same way.

use super::problem::{Problem, Report};
use super::{keys, layout, style, Config};
use crate::suggest;
use toml::de::{DeString, DeTable, DeValue};
use toml::Spanned;

/// The format version this build reads; `version = 1` in the file.
pub const VERSION: i64 = 1;

const SECTIONS: [&str; 5] = ["version", "keys", "theme", "layout", "ui"];

/// What the loader needs to know about the world beyond the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// `TERM=linux`: Alt keys are unreliable there, so binding them earns a warning.
    pub linux_console: bool,
}

pub type Value<'i> = Spanned<DeValue<'i>>;
pub type Key<'i> = Spanned<DeString<'i>>;

/// Lays `text` over `config`, setting by setting. Returns every problem; never fails.
pub fn apply(config: &mut Config, path: &str, text: &str, opts: Options) -> Vec<Problem> {
    let mut report = Report::new(path, text);
    let (doc, errors) = DeTable::parse_recoverable(text);
    // After the first few, syntax errors are mostly echoes of the same mistake.
    const SHOWN: usize = 5;
    for e in errors.iter().take(SHOWN) {
        let span = e.span().unwrap_or(0..0);
        report.error(span, format!("TOML syntax: {}", e.message().trim_end()));
    }
    if errors.len() > SHOWN {
        let span = errors[SHOWN].span().unwrap_or(0..0);
        report.error(
            span,
            format!(
                "{} more TOML syntax errors follow; fix the ones above first",
                errors.len() - SHOWN
            ),
        );
    }
    let doc = doc.get_ref();
    if let Some(v) = doc.get("version") {
        check_version(v, &mut report);
    }
    for (key, value) in entries(doc) {
        match key.get_ref().as_ref() {
            "version" => {}
            // The reference file's bindings are brief's choice, not the user's: the
            // caveats about keys a terminal may eat (C-b in tmux) are for user files.
            "keys" => {
                let caveats = text != super::DEFAULT_TOML;
                keys::apply(&mut config.keymap, value, &mut report, opts, caveats)
            }
            "theme" => style::apply(&mut config.theme, value, &mut report),
            "layout" => layout::apply_layout(&mut config.layout, value, &mut report),
            "ui" => layout::apply_ui(&mut config.ui, value, &mut report),
            other => unknown_field(&mut report, key, other, "", &SECTIONS),
        }
    }
    report.finish()
}

fn check_version(v: &Value<'_>, report: &mut Report<'_>) {
    match int(v, "version", report) {
        Some(VERSION) => {}
        Some(n) => report.error(
            v.span(),
            format!(
                "this file is config version {n}, but this brief reads version {VERSION}; \
                 the settings it understands still apply — upgrade brief or set `version = 1`"
            ),
        ),
        None => {}
    }
}

/// A table's entries in the order they appear in the file (the parser sorts them).
pub fn entries<'a, 'i>(table: &'a DeTable<'i>) -> Vec<(&'a Key<'i>, &'a Value<'i>)> {
    let mut v: Vec<_> = table.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

/// Reports an unknown key of `table` (`""` for the top level), with the closest name.
pub fn unknown_field(
    report: &mut Report<'_>,
    key: &Key<'_>,
    name: &str,
    table: &str,
    known: &[&str],
) {
    let full = if table.is_empty() {
        name.to_string()
    } else {
        format!("{table}.{name}")
    };
    let what = if table.is_empty() {
        "setting or table"
    } else {
        "field"
    };
    let fix = match suggest::closest(name, known.iter().copied()) {
        Some(c) => format!(" — did you mean `{c}`?"),
        None => format!("; expected one of: {}", known.join(", ")),
    };
    report.error(key.span(), format!("unknown {what} `{full}`{fix}"));
}

fn type_error(v: &Value<'_>, what: &str, expected: &str, report: &mut Report<'_>) {
    report.error(
        v.span(),
        format!(
            "`{what}` must be {expected}, not {}",
            article(v.get_ref().type_str())
        ),
    );
}

pub fn article(type_str: &str) -> String {
    let an = type_str.starts_with(|c: char| "aeiou".contains(c));
    format!("{} {type_str}", if an { "an" } else { "a" })
}

pub fn table<'a, 'i>(
    v: &'a Value<'i>,
    what: &str,
    report: &mut Report<'_>,
) -> Option<&'a DeTable<'i>> {
    let t = v.get_ref().as_table();
    if t.is_none() {
        type_error(v, what, "a table", report);
    }
    t
}

pub fn string<'a>(v: &'a Value<'_>, what: &str, report: &mut Report<'_>) -> Option<&'a str> {
    let s = v.get_ref().as_str();
    if s.is_none() {
        type_error(v, what, "a string", report);
    }
    s
}

pub fn boolean(v: &Value<'_>, what: &str, report: &mut Report<'_>) -> Option<bool> {
    let b = v.get_ref().as_bool();
    if b.is_none() {
        type_error(v, what, "`true` or `false`", report);
    }
    b
}

pub fn int(v: &Value<'_>, what: &str, report: &mut Report<'_>) -> Option<i64> {
    let Some(i) = v.get_ref().as_integer() else {
        type_error(v, what, "a whole number", report);
        return None;
    };
    match i64::from_str_radix(i.as_str(), i.radix()) {
        Ok(n) => Some(n),
        Err(_) => {
            report.error(v.span(), format!("`{what}` is out of range"));
            None
        }
    }
}

/// An integer within `range`, else an error that names the range.
pub fn int_in(
    v: &Value<'_>,
    what: &str,
    range: std::ops::RangeInclusive<i64>,
    report: &mut Report<'_>,
) -> Option<i64> {
    let n = int(v, what, report)?;
    if range.contains(&n) {
        Some(n)
    } else {
        report.error(
            v.span(),
            format!(
                "`{what}` must be between {} and {}, not {n}",
                range.start(),
                range.end()
            ),
        );
        None
    }
}
