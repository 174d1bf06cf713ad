//! Replays through the fuzz checks every input the fuzzers start from or have broken:
//! the seeds in `fuzz/seeds/TARGET/`, the minimised crashes in `fuzz/regressions/TARGET/`
//! (one file each, named after the bug), and the sample briefing. The checks are the
//! fuzz crate's own (`fuzz/src/lib.rs`, included below), so CI tests exactly what the
//! fuzzers assert, without building libFuzzer.
//!
//! A crash found by `scripts/fuzz` lands in `fuzz/artifacts/TARGET/`; once its owner has
//! fixed it, copy the minimised file (`cargo fuzz tmin -s none -a TARGET FILE`) into
//! `fuzz/regressions/TARGET/`. One still open gets its own `#[ignore]`d test below,
//! naming the bug, until it is fixed.

#[path = "../../fuzz/src/lib.rs"]
mod checks;

use std::path::{Path, PathBuf};

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 13] = [
    ("text_parse", checks::text_parse),
    ("sentences", checks::sentences),
    ("markdown", checks::markdown),
    ("html", checks::html),
    ("article_bytes", checks::article_bytes),
    ("keys", checks::keys),
    ("config", checks::config),
    ("summary", checks::summary),
    ("derive", checks::derive),
    ("open_folder", checks::open_folder),
    ("folder_tree", checks::folder_tree),
    ("textline", checks::textline),
    ("share_url", checks::share_url),
];

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `check` on each file, naming the file when the check panics.
fn replay(target: &str, check: Check, files: &[PathBuf]) -> usize {
    for file in files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{target} fails on {}", file.display());
    }
    files.len()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_target_has_a_check_and_a_libfuzzer_entry() {
    for (target, _) in TARGETS {
        let entry = root()
            .join("fuzz/fuzz_targets")
            .join(format!("{target}.rs"));
        assert!(entry.is_file(), "no {}", entry.display());
    }
    let entries = files_in(&root().join("fuzz/fuzz_targets"));
    assert_eq!(
        entries.len(),
        TARGETS.len(),
        "a target is missing from TARGETS"
    );
}

#[test]
fn seeds_pass_their_checks() {
    let mut seen = 0;
    for (target, check) in TARGETS {
        seen += replay(
            target,
            check,
            &files_in(&root().join("fuzz/seeds").join(target)),
        );
    }
    assert!(seen >= 10, "only {seen} seeds found: were they moved?");
}

#[test]
fn fixed_crashes_stay_fixed() {
    for (target, check) in TARGETS {
        replay(
            target,
            check,
            &files_in(&root().join("fuzz/regressions").join(target)),
        );
    }
}

/// Every target also sees each sample article whole; the ones that take a leading
/// choice byte get each choice.
#[test]
fn sample_articles_pass_every_check() {
    let samples = files_in(&root().join("samples/ukraine-talks"));
    assert!(!samples.is_empty());
    for file in &samples {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (target, check) in TARGETS {
            for choice in 0u8..6 {
                let mut input = vec![choice];
                input.extend_from_slice(&bytes);
                let outcome = std::panic::catch_unwind(|| check(&input));
                assert!(
                    outcome.is_ok(),
                    "{target} fails on {} ({choice})",
                    file.display()
                );
            }
        }
    }
}
