//! The help overlay's content, built from the live keymap (so a remapped key shows as
//! remapped) plus the notes the user should be able to reach: config problems and
//! warnings of the briefing and its articles.

use super::text::sanitize;
use super::{rank_small, AppState};
use crate::keymap::{format_sequence, Context};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A context heading ("global", "reader"…) or a notes heading.
    Heading(String),
    Key {
        keys: String,
        description: String,
    },
    Note(String),
}

impl AppState {
    /// Every help row matching the help filter (on keys and descriptions).
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let q = self.help_query.trim();
        let mut out = Vec::new();
        for ctx in Context::ALL {
            // In the order of the action list (related keys together), not key order.
            let mut bound: Vec<_> = self.keymap.bindings(ctx).collect();
            bound.sort_by_key(|(_, b)| b.actions.first().copied());
            let rows: Vec<(String, String)> = bound
                .into_iter()
                .map(|(k, b)| (format_sequence(k), b.description()))
                .collect();
            let ids = rank_small(rows.iter().map(|(k, d)| format!("{k} {d}")), q);
            if ids.is_empty() {
                continue;
            }
            out.push(HelpRow::Heading(ctx.name().to_string()));
            // Keep the keymap's order inside a context; the filter only hides rows.
            let mut ids = ids;
            ids.sort_unstable();
            for i in ids {
                let (keys, description) = rows[i].clone();
                out.push(HelpRow::Key { keys, description });
            }
        }
        let notes = self.all_notes();
        if !notes.is_empty() {
            out.push(HelpRow::Heading(format!("warnings ({})", notes.len())));
            out.extend(notes.into_iter().map(HelpRow::Note));
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
}
