//! A keymap as text for people: the README's Markdown key table and the `[keys.*]`
//! TOML that rebuilds the same keymap. The help overlay reads the same [`Keymap`], so
//! the README, the help screen and the config cannot disagree (tests pin both).

use super::{format_sequence, Binding, Context, KeyPress, Keymap, Mods};
use crate::action::Action;

/// One row per distinct binding of a context; the keys that share it are listed together
/// (`j` `down`). Rows follow the help order of their first action.
pub fn markdown_table(km: &Keymap) -> String {
    let mut out = String::from("| Context | Keys | Action | What it does |\n|---|---|---|---|\n");
    for ctx in Context::ALL {
        for (keys, binding) in rows(km, ctx) {
            let keys = keys
                .iter()
                .map(|k| code_span(&format_sequence(k)))
                .collect::<Vec<_>>()
                .join(" ");
            let actions = binding
                .actions
                .iter()
                .map(|a| code_span(a.name()))
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&format!(
                "| {} | {keys} | {actions} | {} |\n",
                ctx.name(),
                escape_cell(&binding.description())
            ));
        }
    }
    out
}

/// The bindings of `ctx` grouped by identical binding, in help order, plain keys first
/// in each group. The help overlay lists these rows too, so it matches the README.
pub fn rows(km: &Keymap, ctx: Context) -> Vec<(Vec<Vec<KeyPress>>, &Binding)> {
    let mut groups: Vec<(Vec<Vec<KeyPress>>, &Binding)> = Vec::new();
    for (keys, binding) in km.bindings(ctx) {
        match groups.iter_mut().find(|(_, b)| *b == binding) {
            Some((ks, _)) => ks.push(keys.to_vec()),
            None => groups.push((vec![keys.to_vec()], binding)),
        }
    }
    // Plain keys read first (`q` before `C-c`), as they are the ones to remember.
    for (keys, _) in &mut groups {
        keys.sort_by_key(|k| (k.iter().any(|p| p.mods != Mods::default()), k.clone()));
    }
    let rank = |a: Option<&Action>| a.and_then(|a| Action::all().position(|x| x == *a));
    groups.sort_by(|(ka, a), (kb, b)| {
        rank(a.actions.first())
            .cmp(&rank(b.actions.first()))
            .then_with(|| ka.cmp(kb))
    });
    groups
}

/// Inline code that survives backticks and table pipes in its text.
fn code_span(text: &str) -> String {
    let text = text.replace('|', "\\|");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

fn escape_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The `[keys.*]` tables that rebuild `km` when laid over an empty keymap.
pub fn to_toml(km: &Keymap) -> String {
    let mut out = String::new();
    for ctx in Context::ALL {
        out.push_str(&format!("[keys.{}]\n", ctx.name()));
        for (keys, binding) in km.bindings(ctx) {
            let names: Vec<String> = binding.actions.iter().map(|a| quote(a.name())).collect();
            let run = match names.as_slice() {
                [one] => one.clone(),
                many => format!("[{}]", many.join(", ")),
            };
            let value = match &binding.desc {
                Some(desc) => format!("{{ run = {run}, desc = {} }}", quote(desc)),
                None => run,
            };
            out.push_str(&format!("{} = {value}\n", quote(&format_sequence(keys))));
        }
        for keys in km.masked(ctx) {
            out.push_str(&format!("{} = \"none\"\n", quote(&format_sequence(keys))));
        }
        out.push('\n');
    }
    out
}

/// A TOML basic string, escaped by the toml crate rather than by hand.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_survive_pipes_and_backticks() {
        assert_eq!(code_span("|"), "`\\|`");
        assert_eq!(code_span("`"), "`` ` ``");
        assert_eq!(code_span("g g"), "`g g`");
    }

    #[test]
    fn keys_sharing_a_binding_share_a_row() {
        let mut km = Keymap::default();
        let b = Binding {
            actions: vec![Action::Down],
            desc: None,
        };
        for k in ["j", "down"] {
            let keys = vec![KeyPress::parse(k).expect("valid")];
            km.bind(Context::List, keys, b.clone());
        }
        let table = markdown_table(&km);
        assert!(table.contains("| list | `j` `down` | `down` |"), "{table}");
        assert_eq!(table.lines().count(), 3);
    }
}
