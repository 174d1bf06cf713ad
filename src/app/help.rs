//! The help overlay's content, laid out as screen lines for the overlay's width: the
//! warnings first (config problems, the briefing's and its articles' warnings), then the
//! keys of the live keymap (so a remapped key shows as remapped), one row per action
//! with all its keys, then the session's messages, newest first, each in full. The
//! core lays the lines out so that scrolling can stop at the last page (`update.rs`).

use super::text::{sanitize, wrap_ranges};
use super::{rank_small, AppState, Level};
use crate::keymap::{docs, format_sequence, Context};
use std::ops::Range;

/// What a line of the help (or actor) overlay is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A section heading ("global", "warnings (2)").
    Heading,
    /// A key row, or the continuation of its description (`keys` empty).
    Key,
    /// A warning, error or message line.
    Note(Level),
    /// Plain text.
    Text,
    /// Secondary text (sources, counts).
    Dim,
    /// An article of the actor overlay, by its position in the overlay's list.
    Article(usize),
}

/// One screen line of an overlay: `text[range]` is what it shows (the whole `text` is
/// kept so a filter highlights by position in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub kind: LineKind,
    pub keys: String,
    pub text: String,
    pub range: Range<usize>,
}

impl HelpLine {
    pub fn shown(&self) -> &str {
        self.text.get(self.range.clone()).unwrap_or("")
    }
}

/// Columns of the keys in the help overlay (longer key lists wrap their description).
pub const KEYS_WIDTH: usize = 16;

/// Pushes `text` wrapped to `width` as lines of `kind`; `keys` labels the first line.
pub(crate) fn push_wrapped(
    out: &mut Vec<HelpLine>,
    kind: LineKind,
    keys: &str,
    text: &str,
    width: usize,
) {
    let text = sanitize(text).into_owned();
    for (i, range) in wrap_ranges(&text, width).into_iter().enumerate() {
        out.push(HelpLine {
            kind,
            keys: if i == 0 {
                keys.to_string()
            } else {
                String::new()
            },
            text: text.clone(),
            range,
        });
    }
}

fn heading(out: &mut Vec<HelpLine>, text: String) {
    let range = 0..text.len();
    out.push(HelpLine {
        kind: LineKind::Heading,
        keys: String::new(),
        text,
        range,
    });
}

impl AppState {
    /// Every line of the help overlay at its current width, the key rows narrowed to
    /// those matching the help filter.
    pub fn help_lines(&self) -> Vec<HelpLine> {
        let width = usize::from(self.view.overlay_cols).max(20);
        let note_w = width.saturating_sub(2);
        let q = self.help_query.trim();
        let mut out = Vec::new();
        let notes = self.all_notes();
        if !notes.is_empty() {
            heading(&mut out, format!("warnings ({})", notes.len()));
            for n in &notes {
                push_wrapped(&mut out, LineKind::Note(Level::Warning), "", n, note_w);
            }
        }
        for ctx in Context::ALL {
            let rows: Vec<(String, String)> = docs::rows(&self.keymap, ctx)
                .into_iter()
                .map(|(keys, b)| {
                    let keys: Vec<String> = keys.iter().map(|k| format_sequence(k)).collect();
                    (keys.join(", "), b.description())
                })
                .collect();
            let mut ids = rank_small(rows.iter().map(|(k, d)| format!("{k} {d}")), q);
            if ids.is_empty() {
                continue;
            }
            heading(&mut out, ctx.name().to_string());
            // Keep the keymap's order inside a context; the filter only hides rows.
            ids.sort_unstable();
            for i in ids {
                let (keys, description) = &rows[i];
                let desc_w = width.saturating_sub(KEYS_WIDTH);
                let fits = keys.chars().count() + 3 <= KEYS_WIDTH;
                if !fits {
                    // A long key list takes its own line; the description goes under it.
                    push_wrapped(&mut out, LineKind::Key, keys, "", 1);
                }
                let first = out.len();
                push_wrapped(&mut out, LineKind::Key, "", description, desc_w);
                if fits {
                    out[first].keys.clone_from(keys);
                }
            }
        }
        if !self.log.is_empty() {
            heading(
                &mut out,
                format!("messages ({}, newest first)", self.log.len()),
            );
            for m in self.log.iter().rev() {
                push_wrapped(&mut out, LineKind::Note(m.level), "", &m.text, note_w);
            }
        }
        if out.is_empty() {
            heading(&mut out, "No key matches the filter".to_string());
        }
        out
    }

    /// Config problems, briefing warnings and every article's warnings, in words.
    pub fn all_notes(&self) -> Vec<String> {
        let mut v: Vec<String> = self.notes.iter().map(|m| m.text.clone()).collect();
        v.extend(self.briefing.warnings.iter().cloned());
        for a in &self.briefing.articles {
            v.extend(a.warnings.iter().map(|w| format!("{}: {w}", a.path)));
        }
        v.into_iter().map(|s| sanitize(&s).into_owned()).collect()
    }

    /// The first line the help may scroll to: its last page starts there.
    pub fn help_max_scroll(&self) -> usize {
        let lines = self.help_lines().len();
        lines.saturating_sub(usize::from(self.view.overlay_rows.max(1)))
    }
}
