//! The reader's marks on disk: [`hooks`] plugs a [`StateStore`] into the reader.
//!
//! The app core keeps its marks as one plain [`Marks`] value and bumps a counter on every
//! change; the shell hands the whole value to the save hook (after each change, on quit,
//! from the signal thread on SIGHUP/SIGTERM/SIGINT). The store, though, merges *changes*
//! into whatever the file holds now, so two `brief`s at once keep each other's marks.
//! [`changes`] bridges the two: it compares the marks last handed to the store with the
//! new ones and turns the difference into [`Mark`]s set or cleared, so a mark this
//! process never touched is never written back stale. [`from_state`] goes the other way
//! at start.

use super::{Hooks, SaveMarks};
use crate::app::Marks;
use crate::state::file::Marks as FileMarks;
use crate::state::{Mark, StateStore};
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

/// The reader's marks as the state file holds them.
pub fn from_state(file: &FileMarks) -> Marks {
    let mut m = Marks::default();
    for (hash, a) in &file.articles {
        if a.read {
            m.read.insert(hash.clone());
        }
        if a.starred {
            m.starred.insert(hash.clone());
        }
        for p in &a.starred_points {
            m.starred_points.insert((hash.clone(), p.clone()));
        }
    }
    m
}

/// What turns `old` into `new`, as marks to set (`true`) or clear (`false`).
pub fn changes(old: &Marks, new: &Marks) -> Vec<(Mark, bool)> {
    let mut out = Vec::new();
    diff(&old.read, &new.read, &mut out, |h| Mark::Read(h.clone()));
    diff(&old.starred, &new.starred, &mut out, |h| {
        Mark::Starred(h.clone())
    });
    diff(
        &old.starred_points,
        &new.starred_points,
        &mut out,
        |(article, point)| Mark::PointStarred {
            article: article.clone(),
            point: point.clone(),
        },
    );
    out
}

fn diff<T: Ord>(
    old: &BTreeSet<T>,
    new: &BTreeSet<T>,
    out: &mut Vec<(Mark, bool)>,
    mark: impl Fn(&T) -> Mark,
) {
    out.extend(new.difference(old).map(|k| (mark(k), true)));
    out.extend(old.difference(new).map(|k| (mark(k), false)));
}

/// The store and the marks it was last given.
struct Synced {
    store: StateStore,
    synced: Marks,
}

impl Synced {
    fn save(&mut self, now: &Marks) -> Result<(), String> {
        for (mark, on) in changes(&self.synced, now) {
            self.store.set(mark, on);
        }
        // Recorded before saving: a failed save keeps the changes pending in the store,
        // which retries them on the next call.
        self.synced.clone_from(now);
        let saved = self.store.save().map_err(|e| format!("{e:#}"));
        let warnings = self.store.take_warnings();
        match (saved, warnings.is_empty()) {
            (Err(e), _) => Err(e),
            (Ok(()), true) => Ok(()),
            // Saved, but the file on disk was unusable and set aside: worth telling.
            (Ok(()), false) => Err(warnings.join("; ")),
        }
    }
}

/// Hooks over `store`: its marks to start with, `notes` as start-up warnings.
pub fn hooks_for(store: StateStore, notes: Vec<String>) -> Hooks {
    let initial = from_state(store.marks());
    let synced = Arc::new(Mutex::new(Synced {
        store,
        synced: initial.clone(),
    }));
    let save: SaveMarks = Arc::new(move |now: &Marks| match synced.lock() {
        Ok(mut s) => s.save(now),
        Err(_) => Err("the reading state is unavailable after an internal error".into()),
    });
    Hooks {
        initial,
        notes: notes
            .into_iter()
            .map(|n| format!("reading state: {n}"))
            .collect(),
        save,
    }
}

/// Hooks over the default state file (`$XDG_STATE_HOME/brief/state.toml`).
pub fn hooks() -> Hooks {
    let (store, warnings) = StateStore::open_default();
    hooks_for(store, warnings)
}

/// Saves once more when the reader panics, before the terminal is restored and the
/// message printed. Every change is already saved as it happens, so this only matters
/// for a panic between a change and its save. The save runs on its own thread with a
/// time limit: a panic while a lock is held must not turn into a hang.
pub fn save_on_panic(shared: Arc<Mutex<Marks>>, save: SaveMarks) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let (shared, save) = (shared.clone(), save.clone());
        let (done, wait) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("brief-panic-save".into())
            .spawn(move || {
                let marks = shared.lock().unwrap_or_else(|e| e.into_inner()).clone();
                // Nothing can show an error now; the panic message follows.
                let _ = save(&marks);
                let _ = done.send(());
            });
        if spawned.is_ok() {
            let _ = wait.recv_timeout(PANIC_SAVE_LIMIT);
        }
        previous(info);
    }));
}

/// How long a panicking reader waits for its last save.
const PANIC_SAVE_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(read: &[&str], starred: &[&str], points: &[(&str, &str)]) -> Marks {
        Marks {
            read: read.iter().map(|s| s.to_string()).collect(),
            starred: starred.iter().map(|s| s.to_string()).collect(),
            starred_points: points
                .iter()
                .map(|(a, p)| (a.to_string(), p.to_string()))
                .collect(),
        }
    }

    #[test]
    fn changes_list_only_what_differs() {
        let old = marks(&["a", "b"], &["a"], &[("a", "p1")]);
        let new = marks(&["a", "c"], &[], &[("a", "p1"), ("c", "p2")]);
        let mut got = changes(&old, &new);
        got.sort();
        let mut want = vec![
            (Mark::Read("c".into()), true),
            (Mark::Read("b".into()), false),
            (Mark::Starred("a".into()), false),
            (
                Mark::PointStarred {
                    article: "c".into(),
                    point: "p2".into(),
                },
                true,
            ),
        ];
        want.sort();
        assert_eq!(got, want);
        assert!(changes(&new, &new).is_empty());
    }

    #[test]
    fn saving_round_trips_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        let (store, notes) = StateStore::open(&path);
        assert!(notes.is_empty());
        let h = hooks_for(store, notes);
        assert_eq!(h.initial, Marks::default());
        let mut m = h.initial.clone();
        m.set_read("h1", true);
        m.toggle_star("h2");
        m.toggle_point_star("h2", "Talks resumed on Monday.");
        (h.save)(&m).unwrap();
        let (again, _) = StateStore::open(&path);
        assert_eq!(from_state(again.marks()), m);
        assert!(again.is_point_starred("h2", "Talks  resumed on Monday."));
        // Unstarring is saved too.
        m.toggle_star("h2");
        (h.save)(&m).unwrap();
        let (third, _) = StateStore::open(&path);
        assert!(!third.is_starred("h2") && third.is_read("h1"));
    }

    #[test]
    fn two_readers_keep_each_others_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        let a = hooks_for(StateStore::open(&path).0, Vec::new());
        let b = hooks_for(StateStore::open(&path).0, Vec::new());
        let mut ma = a.initial.clone();
        ma.toggle_star("from-a");
        (a.save)(&ma).unwrap();
        // B never saw A's star: saving B's own change must not remove it.
        let mut mb = b.initial.clone();
        mb.set_read("from-b", true);
        (b.save)(&mb).unwrap();
        let (store, _) = StateStore::open(&path);
        assert!(store.is_starred("from-a") && store.is_read("from-b"));
    }

    #[test]
    fn a_corrupt_file_is_a_note_and_an_empty_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        std::fs::write(&path, "version = [oops").unwrap();
        let (store, notes) = StateStore::open(&path);
        let h = hooks_for(store, notes);
        assert_eq!(h.initial, Marks::default());
        assert!(
            h.notes.iter().any(|n| n.starts_with("reading state: ")),
            "{:?}",
            h.notes
        );
    }

    #[test]
    fn a_newer_file_is_not_overwritten_and_saving_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        let newer = "version = 99\n[articles.h1]\nread = true\n";
        std::fs::write(&path, newer).unwrap();
        let (store, notes) = StateStore::open(&path);
        let h = hooks_for(store, notes);
        let mut m = h.initial.clone();
        m.toggle_star("h9");
        let err = (h.save)(&m).unwrap_err();
        assert!(err.contains("newer"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    }
}
