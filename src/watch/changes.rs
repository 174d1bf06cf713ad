//! [`ChangeSet`]: one batch of file changes, and how later batches fold into it.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Files added, changed and removed since the previous batch. Each list is sorted and a
/// path is in at most one of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    pub added: Vec<PathBuf>,
    pub changed: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    Added,
    Changed,
    Removed,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// Number of files in the batch.
    pub fn len(&self) -> usize {
        self.added.len() + self.changed.len() + self.removed.len()
    }

    /// Folds a later batch into this one, so the result says what changed from before
    /// `self` to after `later`: added then removed is nothing, removed then added is a
    /// change, added then changed is still an addition.
    pub fn merge(&mut self, later: ChangeSet) {
        let mut all = self.by_path();
        for (path, next) in later.by_path() {
            let folded = match (all.get(&path).copied(), next) {
                (None, next) => Some(next),
                (Some(Change::Added), Change::Removed) => None,
                (Some(Change::Added), _) => Some(Change::Added),
                (Some(Change::Removed), Change::Removed) => Some(Change::Removed),
                (Some(Change::Removed), _) => Some(Change::Changed),
                (Some(Change::Changed), Change::Removed) => Some(Change::Removed),
                (Some(Change::Changed), _) => Some(Change::Changed),
            };
            match folded {
                Some(change) => all.insert(path, change),
                None => all.remove(&path),
            };
        }
        *self = ChangeSet::from_map(all);
    }

    fn by_path(&self) -> BTreeMap<PathBuf, Change> {
        let lists = [
            (&self.added, Change::Added),
            (&self.changed, Change::Changed),
            (&self.removed, Change::Removed),
        ];
        lists
            .into_iter()
            .flat_map(|(list, change)| list.iter().map(move |p| (p.clone(), change)))
            .collect()
    }

    pub(crate) fn from_map(map: BTreeMap<PathBuf, Change>) -> ChangeSet {
        let mut set = ChangeSet::default();
        for (path, change) in map {
            match change {
                Change::Added => set.added.push(path),
                Change::Changed => set.changed.push(path),
                Change::Removed => set.removed.push(path),
            }
        }
        set
    }
}
