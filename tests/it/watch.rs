//! The watcher on real temporary folders (native and forced polling); the pure rules are
//! in share_watch_rules.rs. Waits poll a channel with a deadline: no fixed sleeps.

use brief::watch::{Backend, ChangeSet, Mode, Watcher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DEBOUNCE: Duration = Duration::from_millis(100);
const POLL: Mode = Mode::Poll(Duration::from_millis(50));
/// Generous: CI machines are shared and slow; a passing test returns far sooner.
const DEADLINE: Duration = Duration::from_secs(15);

/// Batches merged until `done` holds for the merged set, or the deadline passes.
fn wait_for(w: &Watcher, done: impl Fn(&ChangeSet) -> bool) -> ChangeSet {
    let start = Instant::now();
    let mut all = ChangeSet::default();
    while !done(&all) {
        let left = DEADLINE.checked_sub(start.elapsed());
        let Some(left) = left else {
            panic!("timed out; got {all:?}")
        };
        if let Some(batch) = w.recv_timeout(left) {
            all.merge(batch);
        }
    }
    all
}

fn has(list: &[PathBuf], p: &Path) -> bool {
    list.iter().any(|x| x == p)
}

fn lifecycle(mode: Mode) {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    std::fs::write(&old, "before").unwrap();
    let w = Watcher::start_with(&[dir.path().to_path_buf()], DEBOUNCE, mode).unwrap();
    if mode != Mode::Auto {
        assert!(matches!(w.backend(), Backend::Polling(_)));
    }

    let new = dir.path().join("sub").join("new.md");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(&new, "hello").unwrap();
    let got = wait_for(&w, |c| has(&c.added, &new));
    assert!(got.changed.is_empty() && got.removed.is_empty(), "{got:?}");

    std::fs::write(&old, "after, and longer").unwrap();
    let got = wait_for(&w, |c| has(&c.changed, &old));
    assert!(got.added.is_empty(), "{got:?}");

    std::fs::remove_file(&old).unwrap();
    wait_for(&w, |c| has(&c.removed, &old));

    std::fs::remove_dir_all(dir.path().join("sub")).unwrap();
    wait_for(&w, |c| has(&c.removed, &new));
}

#[test]
fn native_watcher_sees_create_modify_remove() {
    lifecycle(Mode::Auto);
}

#[test]
fn polling_watcher_sees_create_modify_remove() {
    lifecycle(POLL);
}

#[test]
fn ignored_files_alone_produce_no_batch_and_real_ones_still_do() {
    for mode in [Mode::Auto, POLL] {
        let dir = tempfile::tempdir().unwrap();
        let w = Watcher::start_with(&[dir.path().to_path_buf()], DEBOUNCE, mode).unwrap();
        for noise in [
            ".hidden",
            "a.summary.toml",
            "a.txt~",
            ".a.txt.swp",
            "4913",
            "#a.txt#",
        ] {
            std::fs::write(dir.path().join(noise), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git").join("HEAD"), "x").unwrap();
        // A real file written last: once it shows up, the noise had its chance too.
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "x").unwrap();
        let got = wait_for(&w, |c| has(&c.added, &real));
        assert_eq!(got.added, vec![real], "{mode:?}");
        assert!(got.changed.is_empty() && got.removed.is_empty(), "{got:?}");
    }
}

#[test]
fn reading_files_is_not_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "x").unwrap();
    let w = Watcher::start(&[dir.path().to_path_buf()], DEBOUNCE).unwrap();
    for _ in 0..5 {
        std::fs::read_to_string(&a).unwrap();
    }
    let marker = dir.path().join("marker.txt");
    std::fs::write(&marker, "x").unwrap();
    let got = wait_for(&w, |c| has(&c.added, &marker));
    assert!(got.changed.is_empty(), "{got:?}");
}

#[test]
fn editor_style_save_is_one_change() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "v1").unwrap();
    let w = Watcher::start(&[dir.path().to_path_buf()], DEBOUNCE).unwrap();
    // Write a temp file, move the original to a backup, rename the temp over it.
    let tmp = dir.path().join("4913");
    std::fs::write(&tmp, "").unwrap();
    std::fs::remove_file(&tmp).unwrap();
    let swap = dir.path().join(".a.txt.swp");
    std::fs::write(&swap, "swap").unwrap();
    std::fs::rename(&a, dir.path().join("a.txt~")).unwrap();
    std::fs::write(dir.path().join(".a.txt.new"), "version two").unwrap();
    std::fs::rename(dir.path().join(".a.txt.new"), &a).unwrap();
    std::fs::remove_file(&swap).unwrap();
    let got = wait_for(&w, |c| has(&c.changed, &a));
    assert_eq!(
        got,
        ChangeSet {
            changed: vec![a],
            ..ChangeSet::default()
        }
    );
}

#[test]
fn single_file_roots_watch_only_that_file() {
    for mode in [Mode::Auto, POLL] {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "1").unwrap();
        std::fs::write(&b, "1").unwrap();
        let w = Watcher::start_with(std::slice::from_ref(&a), DEBOUNCE, mode).unwrap();
        std::fs::write(&b, "2, other file").unwrap();
        std::fs::write(&a, "2, watched file").unwrap();
        let got = wait_for(&w, |c| has(&c.changed, &a));
        assert_eq!(got.changed, vec![a.clone()], "{mode:?}");
        assert!(got.added.is_empty() && got.removed.is_empty(), "{got:?}");
    }
}

#[test]
fn try_recv_merges_everything_pending_and_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let w = Watcher::start(&[dir.path().to_path_buf()], DEBOUNCE).unwrap();
    let start = Instant::now();
    assert_eq!(w.try_recv(), None);
    assert!(start.elapsed() < Duration::from_millis(50));
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "x").unwrap();
    wait_for(&w, |c| has(&c.added, &a));
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let err = Watcher::start(&[PathBuf::from("/no/such/brief/dir")], DEBOUNCE).err();
    let msg = format!("{:#}", err.expect("must fail"));
    assert!(msg.contains("/no/such/brief/dir"), "{msg}");
}

/// Dev harness, not run in CI (it reads ../shared): how long watching the BBC folder
/// (3,814 files) takes to start and to notice a file dropped in, with each backend.
/// `cargo test --test it watch::measure_on_bbc -- --ignored --nocapture`
#[test]
#[ignore]
fn measure_on_bbc() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/bbc-dev");
    let data = if data.is_dir() {
        data
    } else {
        PathBuf::from("/work/shared/data/bbc-dev")
    };
    for mode in [Mode::Auto, Mode::Poll(Duration::from_millis(500))] {
        // Watch a copy-free view: the data read-only, plus a temp folder to drop into.
        let drop_dir = tempfile::tempdir().unwrap();
        let started = Instant::now();
        let w = Watcher::start_with(
            &[data.clone(), drop_dir.path().to_path_buf()],
            DEBOUNCE,
            mode,
        )
        .unwrap();
        let start_time = started.elapsed();
        let file = drop_dir.path().join("dropped.txt");
        let written = Instant::now();
        std::fs::write(&file, "news").unwrap();
        wait_for(&w, |c| has(&c.added, &file));
        eprintln!(
            "{mode:?}: start {start_time:?}, dropped file seen after {:?} (debounce {DEBOUNCE:?})",
            written.elapsed()
        );
    }
}

/// Issue 18, case 14: the watched folder is deleted and made again (a sync tool, `git
/// checkout` of a parent, `rm -r` then a fresh download). The OS watch died with the old
/// folder; the watcher must notice and watch the new one.
fn survives_a_recreated_folder(mode: Mode) {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("briefing");
    std::fs::create_dir(&dir).unwrap();
    let first = dir.join("first.txt");
    std::fs::write(&first, "one").unwrap();
    let w = Watcher::start_with(std::slice::from_ref(&dir), DEBOUNCE, mode).unwrap();

    std::fs::remove_dir_all(&dir).unwrap();
    wait_for(&w, |c| has(&c.removed, &first));

    std::fs::create_dir(&dir).unwrap();
    let second = dir.join("second.txt");
    std::fs::write(&second, "two").unwrap();
    wait_for(&w, |c| has(&c.added, &second));

    // And it keeps watching the new folder, not just the one look.
    let third = dir.join("third.md");
    std::fs::write(&third, "three").unwrap();
    wait_for(&w, |c| has(&c.added, &third));
}

#[test]
fn native_watcher_survives_a_recreated_folder() {
    survives_a_recreated_folder(Mode::Auto);
}

#[test]
fn polling_watcher_survives_a_recreated_folder() {
    survives_a_recreated_folder(POLL);
}

/// The same when the folder is swapped in by a rename while the old one still exists.
#[test]
fn native_watcher_follows_a_folder_swapped_by_rename() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("briefing");
    std::fs::create_dir(&dir).unwrap();
    let w = Watcher::start_with(std::slice::from_ref(&dir), DEBOUNCE, Mode::Auto).unwrap();
    let fresh = top.path().join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    std::fs::write(fresh.join("a.txt"), "a").unwrap();
    std::fs::rename(&dir, top.path().join("old")).unwrap();
    std::fs::rename(&fresh, &dir).unwrap();
    let a = dir.join("a.txt");
    wait_for(&w, |c| has(&c.added, &a));
    let b = dir.join("b.txt");
    std::fs::write(&b, "b").unwrap();
    wait_for(&w, |c| has(&c.added, &b));
}
