//! Keys to actions, per context, with multi-key sequences.
//!
//! The keymap is a pure lookup table: given a context and the keys pressed so far it
//! answers "these actions", "a prefix of longer bindings" or "unbound". The pending
//! sequence lives in the app state, not here, so the table stays immutable and shared.
//!
//! `key` is the notation (`C-x`, `g g`), this file the table, [`docs`] renders a keymap
//! as the README's Markdown table. The built-in bindings are not written here: they are
//! the `[keys.*]` tables of `config/default.toml`, read by [`crate::config`].

pub mod docs;
mod key;

pub use key::{format_sequence, key_names, parse_sequence, KeyCode, KeyPress, Mods};

use crate::action::Action;
use std::collections::{BTreeMap, BTreeSet};

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
    /// The actor overlay (`i`).
    Actor,
}

impl Context {
    pub const ALL: [Context; 8] = [
        Context::Global,
        Context::List,
        Context::Points,
        Context::Actors,
        Context::Reader,
        Context::Filter,
        Context::Help,
        Context::Actor,
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
            Context::Actor => "actor",
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
    /// Sequences a pane unbinds although `Global` binds them (`q = "none"` in
    /// `[keys.reader]`): the lookup stops there instead of falling back to global.
    masked: BTreeSet<(Context, Vec<KeyPress>)>,
}

impl Keymap {
    /// Binds `keys` in `ctx`, replacing any earlier binding of the same sequence.
    /// Binding to `[Action::None]` removes the sequence; in a pane it also stops the
    /// global binding of the same sequence from applying there.
    pub fn bind(&mut self, ctx: Context, keys: Vec<KeyPress>, binding: Binding) {
        let table = self.tables.entry(ctx).or_default();
        if binding.actions == [Action::None] {
            table.remove(&keys);
            if ctx != Context::Global {
                self.masked.insert((ctx, keys));
            }
        } else {
            self.masked.remove(&(ctx, keys.clone()));
            table.insert(keys, binding);
        }
    }

    /// Looks `keys` up in `ctx`, then in `Global`. A specific context wins over global.
    pub fn lookup(&self, ctx: Context, keys: &[KeyPress]) -> Lookup<'_> {
        let specific = self.lookup_in(ctx, keys);
        if ctx == Context::Global || !matches!(specific, Lookup::Unbound) {
            return specific;
        }
        if self.masked.contains(&(ctx, keys.to_vec())) {
            return Lookup::Unbound;
        }
        // Filter mode types characters into the query; global single keys must not
        // steal them, so only non-character keys fall back to global there.
        if ctx == Context::Filter && keys.iter().any(|k| k.is_text()) {
            return Lookup::Unbound;
        }
        match self.lookup_in(Context::Global, keys) {
            Lookup::Prefix(longer) => {
                let open: Vec<_> = longer
                    .into_iter()
                    .filter(|(k, _)| !self.masked.contains(&(ctx, k.to_vec())))
                    .collect();
                if open.is_empty() {
                    Lookup::Unbound
                } else {
                    Lookup::Prefix(open)
                }
            }
            other => other,
        }
    }

    /// The sequences `ctx` unbinds over global ones (see [`Keymap::bind`]).
    pub fn masked(&self, ctx: Context) -> impl Iterator<Item = &[KeyPress]> {
        self.masked
            .iter()
            .filter(move |(c, _)| *c == ctx)
            .map(|(_, k)| k.as_slice())
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

    /// Removes the binding of exactly `keys` in `ctx`, returning it.
    pub fn unbind(&mut self, ctx: Context, keys: &[KeyPress]) -> Option<Binding> {
        self.tables.get_mut(&ctx)?.remove(keys)
    }

    /// The bindings of `ctx` that `keys` would make untypable or that would make `keys`
    /// untypable: strict prefixes and strict extensions of it.
    pub fn overlapping(&self, ctx: Context, keys: &[KeyPress]) -> Vec<(Vec<KeyPress>, Binding)> {
        self.bindings(ctx)
            .filter(|(k, _)| *k != keys && (k.starts_with(keys) || keys.starts_with(k)))
            .map(|(k, b)| (k.to_vec(), b.clone()))
            .collect()
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

    /// A small keymap written here, so these tests pin the lookup rules and not the
    /// shipped defaults (`tests/it/config_defaults.rs` covers those).
    fn sample() -> Keymap {
        let mut km = Keymap::default();
        let mut bind = |ctx, k: &str, action| {
            km.bind(
                ctx,
                keys(k),
                Binding {
                    actions: vec![action],
                    desc: None,
                },
            )
        };
        bind(Context::Global, "q", Action::Quit);
        bind(Context::Global, "j", Action::Down);
        bind(Context::Global, "g g", Action::Top);
        bind(Context::Global, "enter", Action::Open);
        bind(Context::Reader, "j", Action::ScrollDown);
        bind(Context::Filter, "enter", Action::FilterAccept);
        km
    }

    #[test]
    fn specific_context_wins_and_global_is_fallback() {
        let km = sample();
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
        let km = sample();
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
        let km = sample();
        assert_eq!(km.lookup(Context::Filter, &keys("q")), Lookup::Unbound);
        assert!(matches!(
            km.lookup(Context::Filter, &keys("enter")),
            Lookup::Bound(_)
        ));
    }

    #[test]
    fn none_unbinds() {
        let mut km = sample();
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

    #[test]
    fn none_in_a_pane_masks_the_global_key_there_only() {
        let mut km = sample();
        let none = Binding {
            actions: vec![Action::None],
            desc: None,
        };
        km.bind(Context::List, keys("q"), none.clone());
        km.bind(Context::List, keys("g g"), none);
        assert_eq!(km.lookup(Context::List, &keys("q")), Lookup::Unbound);
        assert_eq!(km.lookup(Context::List, &keys("g")), Lookup::Unbound);
        assert!(matches!(
            km.lookup(Context::Points, &keys("q")),
            Lookup::Bound(_)
        ));
        assert!(matches!(
            km.lookup(Context::Points, &keys("g")),
            Lookup::Prefix(_)
        ));
        assert_eq!(km.masked(Context::List).count(), 2);
        // Binding the key again in the pane lifts the mask.
        let quit = Binding {
            actions: vec![Action::Quit],
            desc: None,
        };
        km.bind(Context::List, keys("q"), quit);
        assert!(matches!(
            km.lookup(Context::List, &keys("q")),
            Lookup::Bound(_)
        ));
    }
}
