//! `[keys.<context>]`: lays the user's bindings over the keymap, binding by binding.
//!
//! Each entry is parsed (key notation, then the action value) and checked against the
//! entries before it in the same table (the same key through aliases, a sequence that
//! hides another); a bad entry is reported and skipped, a good one applies. A user
//! binding that clashes with an inherited one (the user's `g` against the default
//! `g g`) wins, and the inherited one is dropped with a warning saying so.

use super::binding::binding;
use super::problem::Report;
use super::source::{self, entries, Options, Value};
use super::terminal;
use crate::action::Action;
use crate::keymap::{format_sequence, parse_sequence, Context, KeyPress, Keymap, Lookup};
use crate::suggest;
use std::collections::HashSet;
use std::ops::Range;

pub fn apply(
    km: &mut Keymap,
    value: &Value<'_>,
    report: &mut Report<'_>,
    opts: Options,
    caveats: bool,
) {
    let Some(tables) = source::table(value, "keys", report) else {
        return;
    };
    let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
    let mut applied = Vec::new();
    for (key, value) in entries(tables) {
        let name = key.get_ref().as_ref();
        let Some(ctx) = Context::ALL.into_iter().find(|c| c.name() == name) else {
            let fix = match suggest::closest(name, names.iter().copied()) {
                Some(c) => format!(" — did you mean `keys.{c}`?"),
                None => format!("; the tables are keys.{}", names.join(", keys.")),
            };
            report.error(key.span(), format!("unknown table `keys.{name}`{fix}"));
            continue;
        };
        let what = format!("keys.{name}");
        if let Some(table) = source::table(value, &what, report) {
            let added = apply_context(km, ctx, table, report, opts, caveats);
            if ctx != Context::Global {
                applied.extend(added.into_iter().map(|(k, span, w)| (ctx, k, span, w)));
            }
        }
    }
    // Checked once every table is in, so the order of the tables does not matter.
    for (ctx, keys, span, written) in applied {
        for (longer, b) in km.overlapping(Context::Global, &keys) {
            if longer.len() > keys.len() {
                report.warning(
                    span.clone(),
                    format!(
                        "`{written}` in [keys.{}] hides the global `{}` ({}) there: the pane's \
                         own binding runs first",
                        ctx.name(),
                        format_sequence(&longer),
                        action_names(&b.actions)
                    ),
                );
            }
        }
    }
}

/// One entry already accepted from this table of this file.
struct Seen {
    keys: Vec<KeyPress>,
    written: String,
    line_of: usize,
    unbinds: bool,
}

fn apply_context(
    km: &mut Keymap,
    ctx: Context,
    table: &toml::de::DeTable<'_>,
    report: &mut Report<'_>,
    opts: Options,
    caveats: bool,
) -> Vec<(Vec<KeyPress>, Range<usize>, String)> {
    let mut applied = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    let mut unbound_here: HashSet<Vec<KeyPress>> = HashSet::new();
    for (key, value) in entries(table) {
        let written = key.get_ref().as_ref();
        let keys = match parse_sequence(written) {
            Ok(keys) => keys,
            Err(msg) => {
                report.error(key.span(), msg);
                continue;
            }
        };
        let Some(binding) = binding(value, report) else {
            continue;
        };
        let unbinds = binding.actions == [Action::None];
        let line = report.line_of(key.span().start);
        if let Some(prev) = seen.iter().find(|s| s.keys == keys) {
            report.error(
                key.span(),
                format!(
                    "`{written}` is the same key as `{}` on line {} of [keys.{}]; keep one of them",
                    prev.written,
                    prev.line_of,
                    ctx.name()
                ),
            );
            continue;
        }
        if !unbinds {
            if let Some(prev) = seen.iter().find(|s| !s.unbinds && overlaps(&s.keys, &keys)) {
                report.error(key.span(), shadow_message(written, &keys, prev, ctx));
                continue;
            }
        }
        let chosen = caveats && !is_reference(ctx, &keys, &binding);
        for k in keys.iter().filter(|_| chosen) {
            if let Some(why) = terminal::caveat(k, opts) {
                report.warning(key.span(), why);
            }
        }
        if ctx == Context::Filter && keys.first().is_some_and(KeyPress::is_text) && !unbinds {
            report.warning(
                key.span(),
                format!(
                    "`{written}` in [keys.filter] can no longer be typed into the filter query; \
                     bind a key with C- or A- instead"
                ),
            );
        }
        seen.push(Seen {
            keys: keys.clone(),
            written: written.to_string(),
            line_of: line,
            unbinds,
        });
        if unbinds {
            let was_bound = matches!(km.lookup(ctx, &keys), Lookup::Bound(_));
            km.bind(ctx, keys.clone(), binding);
            if !was_bound && !unbound_here.contains(&keys) {
                report.warning(
                    key.span(),
                    format!(
                        "`{written}` is not bound in [keys.{}] (nor globally), so there is \
                         nothing to unbind",
                        ctx.name()
                    ),
                );
            }
            unbound_here.insert(keys);
            continue;
        }
        for (other, old) in km.overlapping(ctx, &keys) {
            km.unbind(ctx, &other);
            unbound_here.insert(other.clone());
            report.warning(
                key.span(),
                format!(
                    "`{written}` replaces the inherited binding `{}` ({}), which could no longer \
                     be typed; write `\"{}\" = \"none\"` to drop it explicitly",
                    format_sequence(&other),
                    action_names(&old.actions),
                    format_sequence(&other)
                ),
            );
        }
        applied.push((keys.clone(), key.span(), written.to_string()));
        km.bind(ctx, keys, binding);
    }
    applied
}

/// One sequence is a strict prefix of the other (equal ones are reported as aliases).
pub fn overlaps(a: &[KeyPress], b: &[KeyPress]) -> bool {
    a != b && (a.starts_with(b) || b.starts_with(a))
}

fn shadow_message(written: &str, keys: &[KeyPress], prev: &Seen, ctx: Context) -> String {
    let (short, long) = if keys.len() < prev.keys.len() {
        (written, prev.written.as_str())
    } else {
        (prev.written.as_str(), written)
    };
    format!(
        "`{written}` clashes with `{}` on line {} of [keys.{}]: `{short}` runs as soon as it is \
         pressed, so `{long}` could never be typed; choose a different first key for one of them",
        prev.written,
        prev.line_of,
        ctx.name()
    )
}

fn action_names(actions: &[Action]) -> String {
    actions
        .iter()
        .map(|a| a.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the reference file binds `keys` to `binding` in `ctx`: such a binding is
/// brief's choice, restated, so the caveats about keys a terminal may eat (C-b inside
/// tmux) are not the user's to hear about again.
fn is_reference(ctx: Context, keys: &[KeyPress], binding: &crate::keymap::Binding) -> bool {
    static REFERENCE: std::sync::OnceLock<Keymap> = std::sync::OnceLock::new();
    // Laying the reference file never asks this (no caveats there), so no recursion.
    let km = REFERENCE.get_or_init(|| super::Config::default().keymap);
    matches!(km.lookup(ctx, keys), Lookup::Bound(b) if b == binding)
}
