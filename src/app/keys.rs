//! Keys to actions: the pending sequence (`g` waiting for `g g`) and count (`5` waiting
//! for `j`) live here, the keymap answers, and text typed in filter mode goes into the
//! query. Every key first takes the previous key's message away (`status.rs`).
//!
//! A count starts with a digit the context does not bind (`1` `2` `3` focus panes, so
//! counts start with 4–9) and goes on with any digit; motions repeat that many times,
//! and `G` / `g g` go to that row (`12G`).

use super::{Action, AppState, Mode};
use crate::keymap::{KeyCode, KeyPress, Lookup};

/// Repeats beyond this are the same as the end of any list.
const MAX_COUNT: usize = 99_999;

impl AppState {
    /// One key from the terminal. Bound keys run their actions through `update`.
    pub fn handle_key(&mut self, key: KeyPress) {
        self.expire_message();
        if self.take_count_digit(key) {
            return;
        }
        self.pending.push(key);
        let looked = self.keymap.lookup(self.context(), &self.pending);
        let actions = match looked {
            Lookup::Bound(b) => Some(b.actions.clone()),
            Lookup::Prefix(_) => return,
            Lookup::Unbound => None,
        };
        let was_sequence = self.pending.len() > 1;
        self.pending.clear();
        let count = self.count.take();
        match actions {
            Some(actions) => {
                for a in actions {
                    self.run_counted(a, count);
                }
            }
            // A broken sequence (`g x`): forget the prefix and read `x` on its own.
            None if was_sequence => self.handle_key(key),
            None => self.unbound(key),
        }
    }

    /// A digit that starts or continues a count; true when it was taken.
    fn take_count_digit(&mut self, key: KeyPress) -> bool {
        let KeyCode::Char(c) = key.code else {
            return false;
        };
        let Some(d) = c.to_digit(10) else {
            return false;
        };
        if !key.is_text() || !self.pending.is_empty() || matches!(self.mode, Mode::Filter(_)) {
            return false;
        }
        let starts = self.count.is_none()
            && d != 0
            && matches!(self.keymap.lookup(self.context(), &[key]), Lookup::Unbound);
        if self.count.is_none() && !starts {
            return false;
        }
        let n = self.count.unwrap_or(0).saturating_mul(10) + d as usize;
        self.count = Some(n.min(MAX_COUNT));
        true
    }

    /// Runs `a` once, or `count` times for motions; `G`/`g g` with a count go to a row.
    fn run_counted(&mut self, a: Action, count: Option<usize>) {
        use Action as A;
        let Some(n) = count else {
            self.update(a);
            return;
        };
        match a {
            A::Top | A::Bottom => self.go_to_row(n),
            A::Up
            | A::Down
            | A::ScrollUp
            | A::ScrollDown
            | A::PageUp
            | A::PageDown
            | A::HalfPageUp
            | A::HalfPageDown
            | A::NextKeyPoint
            | A::PrevKeyPoint
            | A::NextMention
            | A::PrevMention
            | A::SearchNext
            | A::SearchPrev
            | A::NextArticle
            | A::PrevArticle
            | A::NextUnread
            | A::FocusLeft
            | A::FocusRight => {
                for _ in 0..n {
                    self.update(a);
                }
            }
            _ => self.update(a),
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
