//! The watcher's pure rules: which paths are ignored, and how batches merge.

use brief::watch::{filter::is_ignored, ChangeSet};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[test]
fn ignore_rules() {
    for p in [
        ".x",
        "a/.git/HEAD",
        "a.summary.toml",
        "d/A.SUMMARY.TOML",
        "a.txt~",
        "x.swp",
        "x.SWO",
        "4913",
        "#a#",
        "a.txt___jb_tmp___",
    ] {
        assert!(is_ignored(Path::new(p)), "{p}");
    }
    for p in [
        "a.txt",
        "sub/b.md",
        "summary.toml.txt",
        "a4913",
        "#a",
        "tilde~/a.txt",
        "a.swp.txt",
        "",
    ] {
        assert!(!is_ignored(Path::new(p)), "{p}");
    }
}

/// A folder's history: each step sets a file to a new version or removes it.
fn diff(before: &BTreeMap<u8, u32>, after: &BTreeMap<u8, u32>) -> ChangeSet {
    let p = |k: &u8| PathBuf::from(format!("f{k}"));
    let mut set = ChangeSet::default();
    for (k, v) in after {
        match before.get(k) {
            None => set.added.push(p(k)),
            Some(old) if old != v => set.changed.push(p(k)),
            Some(_) => {}
        }
    }
    set.removed = before
        .keys()
        .filter(|k| !after.contains_key(k))
        .map(p)
        .collect();
    for l in [&mut set.added, &mut set.changed, &mut set.removed] {
        l.sort();
    }
    set
}

proptest! {
    /// Merging the diffs of consecutive states equals the diff of first and last state
    /// (versions only grow, so a file never silently returns to an old content).
    #[test]
    fn merge_composes_diffs(steps in prop::collection::vec(prop::collection::vec((0u8..8, prop::option::of(Just(()))), 0..6), 1..6)) {
        let mut version = 0u32;
        let mut states = vec![BTreeMap::new()];
        for step in steps {
            let mut next = states.last().cloned().unwrap_or_default();
            for (file, keep) in step {
                version += 1;
                match keep {
                    Some(()) => { next.insert(file, version); }
                    None => { next.remove(&file); }
                }
            }
            states.push(next);
        }
        let mut merged = ChangeSet::default();
        for pair in states.windows(2) {
            merged.merge(diff(&pair[0], &pair[1]));
        }
        let first = &states[0];
        let last = &states[states.len() - 1];
        prop_assert_eq!(merged, diff(first, last));
    }
}

proptest! {
    #[test]
    fn ignore_rules_never_panic_and_hide_dot_components(
        parts in prop::collection::vec("[^/\u{0}]{1,8}".prop_filter("not . or ..", |p| p != "." && p != ".."), 1..5)
    ) {
        let path: PathBuf = parts.iter().collect();
        let hidden = parts.iter().any(|p| p.starts_with('.'));
        let article = path.join("article.txt");
        // Folders are ignored only for being hidden; file-name rules apply to files.
        prop_assert_eq!(is_ignored(&article), hidden, "{:?}", article);
        if hidden {
            prop_assert!(is_ignored(&path), "{:?}", path);
        }
    }
}
