//! Reading a summary file defensively: anyone may have written it, so every problem is a
//! [`Warning`] that names file, line and column, and sizes are capped before parsing.
//!
//! The file is parsed into a private mirror of the schema whose fields carry their byte
//! spans ([`toml::Spanned`]), validated field by field, then turned into the public
//! [`SummaryFile`].

use super::naming::{Names, Reading};
use super::schema::{SummaryFile, SuppliedActor, SuppliedPoint, SUMMARY_VERSION};
use crate::fsutil::display;
use crate::fsutil::read::{read_head, Follow, ReadError};
use crate::model::ActorKind;
use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A summary file larger than this is refused: hand-written summaries are a few KiB.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
const MAX_TEXT_CHARS: usize = 2_000;
const MAX_NAME_CHARS: usize = 200;
const MAX_KEY_POINTS: usize = 200;
const MAX_ACTORS: usize = 500;
const MAX_NAMES_PER_ACTOR: usize = 50;

/// Why a summary file was not used. `line`/`column` are 1-based, `None` for the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", display(&self.path), self.message)
            }
            None => write!(f, "{}: {}", display(&self.path), self.message),
        }
    }
}

/// True for `*.summary.toml`: ingest must not read these as articles.
pub fn is_summary_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.len() > ".summary.toml".len() && n.ends_with(".summary.toml"))
}

/// The summary file of `article_path` (see [`super::naming`]): `Ok(None)` when there is
/// none; a stem file several articles could claim is a warning.
pub fn load(article_path: &Path) -> Result<Option<SummaryFile>, Warning> {
    match Names::new().for_reading(article_path) {
        Reading::None => Ok(None),
        Reading::File(path) => load_file(&path),
        Reading::Ambiguous { file, others } => Err(ambiguous(article_path, &file, &others)),
    }
}

/// The warning for a summary file named after a stem several articles share.
pub fn ambiguous(article: &Path, file: &Path, others: &[std::ffi::OsString]) -> Warning {
    let mut names = vec![article.file_name().unwrap_or_default().to_os_string()];
    names.extend(others.iter().cloned());
    let shown: Vec<String> = names.iter().map(|n| display(Path::new(n))).collect();
    let renames: Vec<String> = shown.iter().map(|n| format!("{n}.summary.toml")).collect();
    whole(
        file,
        format!(
            "not used: {} share this name; rename it to {}",
            shown.join(" and "),
            renames.join(" or ")
        ),
    )
}

/// Reads the summary file at `path`: `Ok(None)` when there is none.
pub fn load_file(path: &Path) -> Result<Option<SummaryFile>, Warning> {
    // Bounded, never blocking on a FIFO, and never through a symbolic link: a link could
    // make a received folder show (in warnings, in exports) what a file elsewhere holds.
    // One byte past the cap tells "exactly at the cap" from "too large" (parse then says
    // where it stopped) without reading a hostile 50 MB file into memory.
    match read_head(path, MAX_FILE_BYTES as u64, Follow::No) {
        Ok(bytes) => parse(path, &bytes).map(Some),
        Err(ReadError::NotFound) => Ok(None),
        Err(e) => Err(whole(path, format!("summary file {e}; not read"))),
    }
}

/// Parses and validates the bytes of a summary file; `path` only names it in warnings.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<SummaryFile, Warning> {
    if bytes.len() > MAX_FILE_BYTES {
        let at = floor_char_boundary(bytes, MAX_FILE_BYTES);
        return Err(at_offset(
            path,
            bytes,
            at,
            format!(
                "summary file is larger than {} KiB; stopped reading here",
                MAX_FILE_BYTES / 1024
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        at_offset(
            path,
            bytes,
            e.valid_up_to(),
            "summary file is not valid UTF-8".into(),
        )
    })?;
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().to_string();
        match e.span() {
            Some(span) => at_offset(path, bytes, span.start, msg),
            None => whole(path, msg),
        }
    })?;
    Validator { path, bytes }.file(raw)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: Spanned<i64>,
    content_hash: Spanned<String>,
    title: Option<Spanned<String>>,
    key_points: Option<Spanned<Vec<RawPoint>>>,
    actors: Option<Spanned<Vec<RawActor>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    text: Spanned<String>,
    score: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    name: Spanned<String>,
    kind: Spanned<String>,
    aliases: Option<Spanned<Vec<Spanned<String>>>>,
    roles: Option<Spanned<Vec<Spanned<String>>>>,
}

struct Validator<'a> {
    path: &'a Path,
    bytes: &'a [u8],
}

impl Validator<'_> {
    fn file(&self, raw: RawFile) -> Result<SummaryFile, Warning> {
        let version = *raw.version.get_ref();
        if version > i64::from(SUMMARY_VERSION) {
            return Err(self.at(&raw.version.span(), format!(
                "summary file version {version} was written by a newer brief; this one reads version {SUMMARY_VERSION}"
            )));
        }
        if version < 1 {
            return Err(self.at(
                &raw.version.span(),
                format!("version must be {SUMMARY_VERSION}"),
            ));
        }
        let hash = raw.content_hash.get_ref().trim();
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.at(
                &raw.content_hash.span(),
                "content_hash must be 64 hex digits (the blake3 hash of the article)".into(),
            ));
        }
        let title = match raw.title {
            Some(t) => Some(self.text(t, MAX_NAME_CHARS * 5, "title")?),
            None => None,
        };
        self.count(&raw.key_points, MAX_KEY_POINTS, "key_points")?;
        self.count(&raw.actors, MAX_ACTORS, "actors")?;
        let key_points = raw
            .key_points
            .map(Spanned::into_inner)
            .unwrap_or_default()
            .into_iter()
            .map(|p| self.point(p))
            .collect::<Result<_, _>>()?;
        let actors = raw
            .actors
            .map(Spanned::into_inner)
            .unwrap_or_default()
            .into_iter()
            .map(|a| self.actor(a))
            .collect::<Result<_, _>>()?;
        Ok(SummaryFile {
            version: SUMMARY_VERSION,
            content_hash: hash.to_ascii_lowercase(),
            title,
            key_points,
            actors,
        })
    }

    fn point(&self, p: RawPoint) -> Result<SuppliedPoint, Warning> {
        let score = match p.score {
            Some(s) => {
                let v = *s.get_ref();
                if !(0.0..=1.0).contains(&v) {
                    return Err(
                        self.at(&s.span(), format!("score must be between 0 and 1, not {v}"))
                    );
                }
                Some(v)
            }
            None => None,
        };
        Ok(SuppliedPoint {
            text: self.text(p.text, MAX_TEXT_CHARS, "key point text")?,
            score,
        })
    }

    fn actor(&self, a: RawActor) -> Result<SuppliedActor, Warning> {
        let kind = match a.kind.get_ref().trim().to_ascii_lowercase().as_str() {
            "person" => ActorKind::Person,
            "organization" | "organisation" => ActorKind::Organization,
            "place" => ActorKind::Place,
            other => {
                return Err(self.at(&a.kind.span(), format!(
                    "unknown actor kind {other:?}: expected \"person\", \"organization\" or \"place\""
                )))
            }
        };
        self.count(&a.aliases, MAX_NAMES_PER_ACTOR, "aliases")?;
        self.count(&a.roles, MAX_NAMES_PER_ACTOR, "roles")?;
        let names = |list: Option<Spanned<Vec<Spanned<String>>>>, what: &str| {
            list.map(Spanned::into_inner)
                .unwrap_or_default()
                .into_iter()
                .map(|s| self.text(s, MAX_NAME_CHARS, what))
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(SuppliedActor {
            name: self.text(a.name, MAX_NAME_CHARS, "actor name")?,
            kind,
            aliases: names(a.aliases, "alias")?,
            roles: names(a.roles, "role")?,
        })
    }

    /// A trimmed, non-empty string of at most `max` characters.
    fn text(&self, s: Spanned<String>, max: usize, what: &str) -> Result<String, Warning> {
        let span = s.span();
        let t = s.into_inner().trim().to_string();
        if t.is_empty() {
            return Err(self.at(&span, format!("{what} is empty")));
        }
        if t.chars().count() > max {
            return Err(self.at(&span, format!("{what} is longer than {max} characters")));
        }
        Ok(t)
    }

    fn count<T>(
        &self,
        list: &Option<Spanned<Vec<T>>>,
        max: usize,
        what: &str,
    ) -> Result<(), Warning> {
        match list {
            Some(l) if l.get_ref().len() > max => {
                Err(self.at(&l.span(), format!("more than {max} {what}")))
            }
            _ => Ok(()),
        }
    }

    fn at(&self, span: &Range<usize>, message: String) -> Warning {
        at_offset(self.path, self.bytes, span.start, message)
    }
}

fn whole(path: &Path, message: String) -> Warning {
    Warning {
        path: path.to_path_buf(),
        position: None,
        message,
    }
}

/// 1-based line and column (in characters) of byte `offset`.
fn at_offset(path: &Path, bytes: &[u8], offset: usize, message: String) -> Warning {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Warning {
        path: path.to_path_buf(),
        position: Some((line, column)),
        message,
    }
}

/// The largest offset `<= at` that does not split a UTF-8 sequence.
fn floor_char_boundary(bytes: &[u8], at: usize) -> usize {
    let mut i = at.min(bytes.len());
    while i > 0 && i < bytes.len() && (bytes[i] & 0b1100_0000) == 0b1000_0000 {
        i -= 1;
    }
    i
}
