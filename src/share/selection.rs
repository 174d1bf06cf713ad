//! Keeping the reader's place across a reload.
//!
//! After `r` or a watched change the lists are rebuilt; [`remap_selection`] maps the old
//! selected index to the new list by article id. Applied to the selected row it keeps
//! the selection; applied to the first visible row (the scroll offset) it keeps the
//! scroll position, so the same item stays at the top. The caller then clamps the
//! offset so the selection is visible, as after any move.

use std::collections::HashMap;

/// The index in `new_ids` to select after a reload, given the old list and selection.
///
/// - the selected id still exists: its new index;
/// - it is gone: the nearest old neighbour that survived (the following one on a tie,
///   as when an item is deleted from a list), at its new index;
/// - nothing survived: the same position, clamped to the new list.
///
/// Returns 0 for an empty new list (there is nothing to select; callers check that).
/// Ids are expected unique; with duplicates the first occurrence wins.
pub fn remap_selection(old_ids: &[String], new_ids: &[String], selected: usize) -> usize {
    let Some(last_new) = new_ids.len().checked_sub(1) else {
        return 0;
    };
    let Some(last_old) = old_ids.len().checked_sub(1) else {
        return selected.min(last_new);
    };
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(new_ids.len());
    for (i, id) in new_ids.iter().enumerate() {
        index.entry(id.as_str()).or_insert(i);
    }
    let sel = selected.min(last_old);
    let lookup = |old: usize| {
        old_ids
            .get(old)
            .and_then(|id| index.get(id.as_str()).copied())
    };
    for distance in 0..=last_old {
        let after = sel.checked_add(distance).and_then(lookup);
        let before = sel.checked_sub(distance).and_then(lookup);
        if let Some(found) = after.or(before) {
            return found;
        }
    }
    sel.min(last_new)
}
