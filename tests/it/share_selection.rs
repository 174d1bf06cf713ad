//! Keeping the selection across a reload: examples and properties.

use brief::share::remap_selection;
use proptest::prelude::*;

fn ids(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

#[test]
fn examples() {
    let cases = [
        ("a b c", "a b c", 1, 1),
        ("a b c", "x a b c", 1, 2), // inserted before: follows the item
        ("a b c", "c b a", 0, 2),   // reordered
        ("a b c d", "a c d", 1, 1), // removed: the following neighbour
        ("a b c d", "a d", 1, 0),   // b, c gone: a (1 away) beats d (2 away)
        ("a b c", "a b", 2, 1),     // last removed: the one before
        ("a b c", "x y", 2, 1),     // nothing survived: clamp
        ("a b c", "x y z w", 1, 1),
        ("", "x y", 5, 1),
        ("a b", "", 1, 0),
        ("a b c", "a b c", 99, 2), // out-of-range selection clamps
    ];
    for (old, new, sel, want) in cases {
        assert_eq!(
            remap_selection(&ids(old), &ids(new), sel),
            want,
            "{old:?} -> {new:?} at {sel}"
        );
    }
}

fn lists() -> impl Strategy<Value = (Vec<String>, Vec<String>, usize)> {
    // Small alphabets so old and new lists share ids often.
    (
        prop::collection::btree_set(0u8..30, 0..20),
        prop::collection::btree_set(0u8..30, 0..20),
        any::<prop::sample::Index>(),
        any::<u64>(),
    )
        .prop_map(|(old, new, sel, seed)| {
            let mut old: Vec<String> = old.into_iter().map(|i| format!("id{i}")).collect();
            let mut new: Vec<String> = new.into_iter().map(|i| format!("id{i}")).collect();
            // Deterministic shuffles, so order differs between the lists.
            old.sort_by_key(|s| blake3::hash(format!("{seed}{s}").as_bytes()).as_bytes()[0]);
            new.sort_by_key(|s| blake3::hash(format!("{s}{seed}").as_bytes()).as_bytes()[0]);
            let selected = if old.is_empty() {
                0
            } else {
                sel.index(old.len())
            };
            (old, new, selected)
        })
}

proptest! {
    #[test]
    fn result_is_in_range((old, new, sel) in lists()) {
        let got = remap_selection(&old, &new, sel);
        if new.is_empty() { prop_assert_eq!(got, 0) } else { prop_assert!(got < new.len()) }
    }

    #[test]
    fn surviving_selection_is_kept((old, new, sel) in lists()) {
        prop_assume!(!old.is_empty());
        if let Some(pos) = new.iter().position(|id| *id == old[sel]) {
            prop_assert_eq!(remap_selection(&old, &new, sel), pos);
        }
    }

    #[test]
    fn lost_selection_goes_to_the_nearest_survivor((old, new, sel) in lists()) {
        prop_assume!(!old.is_empty() && !new.contains(&old[sel]));
        let survivors: Vec<usize> = (0..old.len()).filter(|&i| new.contains(&old[i])).collect();
        let got = remap_selection(&old, &new, sel);
        match survivors.iter().map(|&i| i.abs_diff(sel)).min() {
            None => prop_assert_eq!(got, sel.min(new.len().saturating_sub(1))),
            Some(best) => {
                let old_index = old.iter().position(|id| *id == new[got]);
                prop_assert!(old_index.is_some(), "must land on a survivor");
                let old_index = old_index.unwrap_or_default();
                prop_assert_eq!(old_index.abs_diff(sel), best);
                // On a tie, the following neighbour.
                if survivors.contains(&(sel + best)) { prop_assert_eq!(old_index, sel + best) }
            }
        }
    }

    #[test]
    fn unchanged_list_is_identity((old, _new, sel) in lists()) {
        prop_assume!(!old.is_empty());
        prop_assert_eq!(remap_selection(&old, &old, sel), sel);
    }
}
