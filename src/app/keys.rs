//! Keys to actions: the pending sequence (`g` waiting for `g g`) lives here, the
//! keymap answers, and text typed in filter mode goes into the query.

use super::{AppState, Mode};
use crate::keymap::{KeyCode, KeyPress, Lookup};

impl AppState {
    /// One key from the terminal. Bound keys run their actions through `update`.
    pub fn handle_key(&mut self, key: KeyPress) {
        self.pending.push(key);
        let looked = self.keymap.lookup(self.context(), &self.pending);
        let actions = match looked {
            Lookup::Bound(b) => Some(b.actions.clone()),
            Lookup::Prefix(_) => return,
            Lookup::Unbound => None,
        };
        let was_sequence = self.pending.len() > 1;
        self.pending.clear();
        match actions {
            Some(actions) => {
                for a in actions {
                    self.update(a);
                }
            }
            // A broken sequence (`g x`): forget the prefix and read `x` on its own.
            None if was_sequence => self.handle_key(key),
            None => self.unbound(key),
        }
    }

    /// The continuations of the pending prefix, for the hint popup: (keys, description).
    pub fn pending_hints(&self) -> Vec<(String, String)> {
        if self.pending.is_empty() {
            return Vec::new();
        }
        match self.keymap.lookup(self.context(), &self.pending) {
            Lookup::Prefix(list) => list
                .into_iter()
                .map(|(keys, b)| (crate::keymap::format_sequence(keys), b.description()))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn unbound(&mut self, key: KeyPress) {
        match (self.mode, key.code) {
            (Mode::Filter(_), KeyCode::Char(c)) if key.is_text() => {
                let mut q = self.filter_query().to_string();
                q.push(c);
                self.set_filter_query(q);
            }
            (Mode::Filter(_), _) => {}
            _ => {
                self.say(
                    super::Level::Info,
                    format!("{key} is not bound here (? lists the keys)"),
                );
            }
        }
    }
}
