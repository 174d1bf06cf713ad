//! `[keys.<context>]`: lays the user's bindings over the keymap, binding by binding.
//!
//! Each entry is parsed (key notation, then the action value) and checked against the
//! entries before it in the same table (the same key through aliases, a sequence that
//! hides another); a bad entry is reported and skipped, a good one applies. A user
//! binding that clashes with an inherited one (the user's `g` against the default
//! `g g`) wins, and the inherited one is dropped with a warning saying so.

use super::problem::Report;
use super::source::{self, entries, Options, Value};
use super::{suggest, terminal};
use crate::app::Action;
use crate::keymap::{format_sequence, parse_sequence, Binding, Context, KeyPress, Keymap};
use std::collections::HashSet;
use toml::de::DeValue;

const BINDING_FIELDS: [&str; 2] = ["run", "desc"];

pub fn apply(km: &mut Keymap, value: &Value<'_>, report: &mut Report<'_>, opts: Options) {
    let Some(tables) = source::table(value, "keys", report) else {
        return;
    };
    let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
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
            apply_context(km, ctx, table, report, opts);
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
) {
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
        for k in &keys {
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
            if km.unbind(ctx, &keys).is_none() && !unbound_here.contains(&keys) {
                report.warning(
                    key.span(),
                    format!(
                        "`{written}` is not bound in [keys.{}], so there is nothing to unbind",
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
        km.bind(ctx, keys, binding);
    }
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

/// `"down"`, `["mark_read", "open"]` or `{ run = …, desc = "…" }`.
fn binding(value: &Value<'_>, report: &mut Report<'_>) -> Option<Binding> {
    match value.get_ref() {
        DeValue::Table(t) => {
            let mut actions = None;
            let mut desc = None;
            let mut ok = true;
            for (k, v) in entries(t) {
                match k.get_ref().as_ref() {
                    "run" => actions = action_list(v, report),
                    "desc" => desc = source::string(v, "desc", report).map(str::to_string),
                    other => {
                        source::unknown_field(report, k, other, "binding", &BINDING_FIELDS);
                        ok = false;
                    }
                }
            }
            if !t.contains_key("run") {
                report.error(
                    value.span(),
                    "a binding table needs `run`, e.g. `{ run = \"yank\", desc = \"Copy\" }`",
                );
                return None;
            }
            Some(Binding {
                actions: actions.filter(|_| ok)?,
                desc,
            })
        }
        _ => action_list(value, report).map(|actions| Binding {
            actions,
            desc: None,
        }),
    }
}

fn action_list(value: &Value<'_>, report: &mut Report<'_>) -> Option<Vec<Action>> {
    let actions = match value.get_ref() {
        DeValue::String(s) => vec![action(s, value, report)?],
        DeValue::Array(items) => {
            if items.is_empty() {
                report.error(
                    value.span(),
                    "an empty list runs nothing; write \"none\" to unbind the key",
                );
                return None;
            }
            let mut out = Vec::new();
            let mut ok = true;
            for item in items.iter() {
                match item.get_ref().as_str() {
                    Some(s) => match action(s, item, report) {
                        Some(a) => out.push(a),
                        None => ok = false,
                    },
                    None => {
                        report.error(item.span(), "each action in the list must be a string");
                        ok = false;
                    }
                }
            }
            if !ok {
                return None;
            }
            if out.len() > 1 && out.contains(&Action::None) {
                report.error(
                    value.span(),
                    "\"none\" unbinds the key and cannot be combined with other actions",
                );
                return None;
            }
            out
        }
        other => {
            report.error(
                value.span(),
                format!(
                    "a binding must be an action name (\"down\"), a list ([\"mark_read\", \
                     \"open\"]) or a table ({{ run = \"yank\", desc = \"…\" }}), not {}",
                    source::article(other.type_str())
                ),
            );
            return None;
        }
    };
    Some(actions)
}

fn action(name: &str, at: &Value<'_>, report: &mut Report<'_>) -> Option<Action> {
    if let Some(a) = Action::from_name(name) {
        return Some(a);
    }
    let names: Vec<&str> = Action::all().map(Action::name).collect();
    let fix = match suggest::closest(name, names.iter().copied()) {
        Some(c) => format!(" — did you mean `{c}`?"),
        None => ": `brief config default` lists every action".to_string(),
    };
    report.error(at.span(), format!("unknown action `{name}`{fix}"));
    None
}
