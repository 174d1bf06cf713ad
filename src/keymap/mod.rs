//! Keys to actions, per context, with multi-key sequences.
//!
//! The keymap is a pure lookup table: given a context and the keys pressed so far it
//! answers "these actions", "a prefix of longer bindings" or "unbound". The pending
//! sequence lives in the app state, not here, so the table stays immutable and shared.

mod key;

pub use key::{format_sequence, KeyCode, KeyPress, Mods};

use crate::app::Action;
use std::collections::BTreeMap;

/// Where a binding applies. Lookups try the specific context, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    List,
    Points,
    Actors,
    Reader,
    Filter,
    Help,
}

impl Context {
    pub const ALL: [Context; 7] = [
        Context::Global,
        Context::List,
        Context::Points,
        Context::Actors,
        Context::Reader,
        Context::Filter,
        Context::Help,
    ];

    /// The TOML table name under `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Points => "points",
            Context::Actors => "actors",
            Context::Reader => "reader",
            Context::Filter => "filter",
            Context::Help => "help",
        }
    }
}

/// What a key sequence is bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub actions: Vec<Action>,
    /// Overrides the first action's description in help when set.
    pub desc: Option<String>,
}

impl Binding {
    pub fn description(&self) -> String {
        match &self.desc {
            Some(d) => d.clone(),
            None => self
                .actions
                .iter()
                .map(|a| a.description())
                .collect::<Vec<_>>()
                .join(", then "),
        }
    }
}

/// The answer to "what do these keys do here?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// A complete binding.
    Bound(&'a Binding),
    /// The keys are a prefix of longer bindings: (full sequence, binding) of each.
    Prefix(Vec<(&'a [KeyPress], &'a Binding)>),
    Unbound,
}

/// Bindings per context. Built from the defaults and the user's config.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    tables: BTreeMap<Context, BTreeMap<Vec<KeyPress>, Binding>>,
}

impl Keymap {
    /// Binds `keys` in `ctx`, replacing any earlier binding of the same sequence.
    /// Binding to `[Action::None]` removes the sequence.
    pub fn bind(&mut self, ctx: Context, keys: Vec<KeyPress>, binding: Binding) {
        let table = self.tables.entry(ctx).or_default();
        if binding.actions == [Action::None] {
            table.remove(&keys);
        } else {
            table.insert(keys, binding);
        }
    }

    /// Looks `keys` up in `ctx`, then in `Global`. A specific context wins over global.
    pub fn lookup(&self, ctx: Context, keys: &[KeyPress]) -> Lookup<'_> {
        let specific = self.lookup_in(ctx, keys);
        if ctx == Context::Global || !matches!(specific, Lookup::Unbound) {
            return specific;
        }
        // Filter mode types characters into the query; global single keys must not
        // steal them, so only non-character keys fall back to global there.
        if ctx == Context::Filter && keys.iter().any(|k| k.is_text()) {
            return Lookup::Unbound;
        }
        self.lookup_in(Context::Global, keys)
    }

    fn lookup_in(&self, ctx: Context, keys: &[KeyPress]) -> Lookup<'_> {
        let Some(table) = self.tables.get(&ctx) else {
            return Lookup::Unbound;
        };
        if let Some(b) = table.get(keys) {
            return Lookup::Bound(b);
        }
        let longer: Vec<_> = table
            .range(keys.to_vec()..)
            .take_while(|(k, _)| k.starts_with(keys))
            .map(|(k, b)| (k.as_slice(), b))
            .collect();
        if longer.is_empty() {
            Lookup::Unbound
        } else {
            Lookup::Prefix(longer)
        }
    }

    /// Every binding of a context, sorted by key sequence (for help and docs).
    pub fn bindings(&self, ctx: Context) -> impl Iterator<Item = (&[KeyPress], &Binding)> {
        self.tables
            .get(&ctx)
            .into_iter()
            .flat_map(|t| t.iter().map(|(k, b)| (k.as_slice(), b)))
    }

    /// The built-in bindings. The configuration issue replaces this with the parsed
    /// `config/default.toml`; until then it is the same list written in code.
    pub fn builtin() -> Keymap {
        use Action as A;
        let mut km = Keymap::default();
        let mut b = |ctx: Context, keys: &str, actions: &[Action]| {
            let seq = keys
                .split(' ')
                .map(|k| KeyPress::parse(k).expect("builtin key notation is valid"))
                .collect();
            km.bind(
                ctx,
                seq,
                Binding {
                    actions: actions.to_vec(),
                    desc: None,
                },
            );
        };
        let g = Context::Global;
        b(g, "q", &[A::Quit]);
        b(g, "C-c", &[A::Quit]);
        b(g, "?", &[A::Help]);
        b(g, "esc", &[A::Cancel]);
        b(g, "j", &[A::Down]);
        b(g, "down", &[A::Down]);
        b(g, "k", &[A::Up]);
        b(g, "up", &[A::Up]);
        b(g, "pagedown", &[A::PageDown]);
        b(g, "pageup", &[A::PageUp]);
        b(g, "C-d", &[A::HalfPageDown]);
        b(g, "C-u", &[A::HalfPageUp]);
        b(g, "g g", &[A::Top]);
        b(g, "home", &[A::Top]);
        b(g, "G", &[A::Bottom]);
        b(g, "end", &[A::Bottom]);
        b(g, "tab", &[A::FocusNext]);
        b(g, "backtab", &[A::FocusPrev]);
        b(g, "1", &[A::FocusList]);
        b(g, "2", &[A::FocusPoints]);
        b(g, "3", &[A::FocusActors]);
        b(g, "enter", &[A::Open]);
        b(g, "/", &[A::Filter]);
        b(g, "b", &[A::ToggleBriefing]);
        b(g, "a", &[A::ToggleActorLink]);
        b(g, "s", &[A::ToggleSidebar]);
        b(g, "m", &[A::ToggleRead]);
        b(g, "*", &[A::ToggleStar]);
        b(g, "u", &[A::UnreadOnly]);
        b(g, "S", &[A::StarredOnly]);
        b(g, "y", &[A::Yank]);
        b(g, "e", &[A::Export]);
        b(g, "r", &[A::Reload]);
        b(g, "C-l", &[A::Redraw]);
        b(g, "C-z", &[A::Suspend]);
        let r = Context::Reader;
        b(r, "q", &[A::Back]);
        b(r, "esc", &[A::Back]);
        b(r, "j", &[A::ScrollDown]);
        b(r, "down", &[A::ScrollDown]);
        b(r, "k", &[A::ScrollUp]);
        b(r, "up", &[A::ScrollUp]);
        b(r, "space", &[A::PageDown]);
        b(r, "n", &[A::SearchNext]);
        b(r, "N", &[A::SearchPrev]);
        b(r, "]", &[A::NextKeyPoint]);
        b(r, "[", &[A::PrevKeyPoint]);
        b(r, "}", &[A::NextMention]);
        b(r, "{", &[A::PrevMention]);
        b(r, "J", &[A::NextArticle]);
        b(r, "K", &[A::PrevArticle]);
        b(r, "o", &[A::OpenSource]);
        b(r, "E", &[A::OpenEditor]);
        let f = Context::Filter;
        b(f, "enter", &[A::FilterAccept]);
        b(f, "esc", &[A::FilterClear]);
        b(f, "backspace", &[A::FilterBackspace]);
        let h = Context::Help;
        b(h, "q", &[A::Help]);
        b(h, "?", &[A::Help]);
        b(h, "esc", &[A::Help]);
        b(h, "/", &[A::Filter]);
        km
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<KeyPress> {
        s.split(' ')
            .map(|k| KeyPress::parse(k).expect("valid"))
            .collect()
    }

    #[test]
    fn specific_context_wins_and_global_is_fallback() {
        let km = Keymap::builtin();
        match km.lookup(Context::Reader, &keys("j")) {
            Lookup::Bound(b) => assert_eq!(b.actions, vec![Action::ScrollDown]),
            other => panic!("{other:?}"),
        }
        match km.lookup(Context::List, &keys("j")) {
            Lookup::Bound(b) => assert_eq!(b.actions, vec![Action::Down]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn prefix_lists_continuations() {
        let km = Keymap::builtin();
        match km.lookup(Context::List, &keys("g")) {
            Lookup::Prefix(c) => assert_eq!(c.len(), 1),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            km.lookup(Context::List, &keys("g g")),
            Lookup::Bound(_)
        ));
        assert_eq!(km.lookup(Context::List, &keys("g x")), Lookup::Unbound);
    }

    #[test]
    fn filter_context_does_not_steal_text_from_global() {
        let km = Keymap::builtin();
        assert_eq!(km.lookup(Context::Filter, &keys("q")), Lookup::Unbound);
        assert!(matches!(
            km.lookup(Context::Filter, &keys("enter")),
            Lookup::Bound(_)
        ));
    }

    #[test]
    fn none_unbinds() {
        let mut km = Keymap::builtin();
        km.bind(
            Context::Global,
            keys("q"),
            Binding {
                actions: vec![Action::None],
                desc: None,
            },
        );
        assert_eq!(km.lookup(Context::List, &keys("q")), Lookup::Unbound);
    }
}
