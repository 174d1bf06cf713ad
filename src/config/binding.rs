//! A binding's value: `"down"`, `["mark_read", "open"]` or `{ run = …, desc = "…" }`,
//! turned into a [`Binding`] with every bad action name reported with the closest one.

use super::problem::Report;
use super::source::{self, entries, Value};
use crate::action::Action;
use crate::keymap::Binding;
use crate::suggest;
use toml::de::DeValue;

const BINDING_FIELDS: [&str; 2] = ["run", "desc"];

/// `"down"`, `["mark_read", "open"]` or `{ run = …, desc = "…" }`.
pub fn binding(value: &Value<'_>, report: &mut Report<'_>) -> Option<Binding> {
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
