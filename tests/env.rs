//! Tests that change the process environment (variables, working directory). They live in
//! a test binary of their own, away from `tests/it`, because a change to the environment
//! is seen by every thread of the process: a test elsewhere that spawns `brief` or opens
//! a relative path at the same moment would see it. Within this binary a lock runs them
//! one at a time.

use brief::model::Briefing;
use brief::state::{Mark, StateStore};
use brief::watch::{ChangeSet, Mode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

static ENV: Mutex<()> = Mutex::new(());

fn env_lock() -> std::sync::MutexGuard<'static, ()> {
    // A test that panicked while holding the lock restored what it changed (or failed
    // loudly); the next one may go on.
    ENV.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Opening a real folder with a cold cache, a warm cache and no cache gives one briefing.
#[test]
fn open_with_cache_equals_open_without() -> anyhow::Result<()> {
    use brief::open::{open, OpenOptions, Origin};
    let _env = env_lock();
    let tmp = tempfile::tempdir()?;
    let folder = tmp.path().join("briefing");
    std::fs::create_dir(&folder)?;
    let texts = [
        "Envoys met in Geneva on Tuesday. Jane Roe said talks would resume. Ostrava agreed.",
        "Shares rose 2.5% after the talks. Traders were calm.",
        "Ostrava's ministry said it could accept joint patrols.",
    ];
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(
            folder.join(format!("a{i}.txt")),
            format!("Headline {i}\n\n{text}\n"),
        )?;
    }
    let before = std::env::var_os("XDG_CACHE_HOME");
    std::env::set_var("XDG_CACHE_HOME", tmp.path().join("xdg-cache"));
    let origin = Origin::Paths(vec![folder]);
    let with = OpenOptions::default();
    let without = OpenOptions {
        use_cache: false,
        ..OpenOptions::default()
    };
    let opened = (|| -> anyhow::Result<(Briefing, Briefing, Briefing)> {
        Ok((
            open(&origin, &without)?,
            open(&origin, &with)?,
            open(&origin, &with)?,
        ))
    })();
    match before {
        Some(v) => std::env::set_var("XDG_CACHE_HOME", v),
        None => std::env::remove_var("XDG_CACHE_HOME"),
    }
    let (fresh, cold, warm) = opened?;
    assert!(
        tmp.path().join("xdg-cache/brief").is_dir(),
        "the cold open stored entries under XDG_CACHE_HOME"
    );
    assert_eq!(cold, fresh);
    assert_eq!(warm, fresh);
    Ok(())
}

#[test]
fn without_a_home_marks_live_for_the_run_only() {
    let _env = env_lock();
    let home = std::env::var_os("HOME");
    let xdg = std::env::var_os("XDG_STATE_HOME");
    std::env::remove_var("HOME");
    std::env::remove_var("XDG_STATE_HOME");
    let (mut s, warnings) = StateStore::open_default();
    if let Some(h) = home {
        std::env::set_var("HOME", h);
    }
    if let Some(x) = xdg {
        std::env::set_var("XDG_STATE_HOME", x);
    }
    assert_eq!(warnings.len(), 1);
    s.set(Mark::Read("x".into()), true);
    assert!(s.is_read("x"));
    let err = s.save().expect_err("nowhere to save");
    assert!(format!("{err}").contains("home"), "{err}");
}

const DEBOUNCE: Duration = Duration::from_millis(100);
const POLL: Mode = Mode::Poll(Duration::from_millis(50));
/// Generous: CI machines are shared and slow; a passing test returns far sooner.
const DEADLINE: Duration = Duration::from_secs(15);

fn wait_for(w: &Watcher, done: impl Fn(&ChangeSet) -> bool) -> ChangeSet {
    let start = Instant::now();
    let mut all = ChangeSet::default();
    while !done(&all) {
        let Some(left) = DEADLINE.checked_sub(start.elapsed()) else {
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

/// Paths come back as the caller gave them (relative stays relative), so they match the
/// article paths ingest builds from the same command-line arguments.
#[test]
fn relative_roots_report_relative_paths() {
    let _env = env_lock();
    let dir = tempfile::tempdir().unwrap();
    let before = std::env::current_dir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    std::fs::create_dir("sub").unwrap();
    std::fs::write("a.txt", "1").unwrap();
    let roots = [PathBuf::from("a.txt"), PathBuf::from("sub")];
    let result = std::panic::catch_unwind(|| {
        for mode in [Mode::Auto, POLL] {
            let w = Watcher::start_with(&roots, DEBOUNCE, mode).unwrap();
            let b = PathBuf::from("sub").join(format!("{mode:?}.txt"));
            std::fs::write(&b, "new").unwrap();
            std::fs::write("a.txt", format!("changed for {mode:?}")).unwrap();
            let got = wait_for(&w, |c| {
                has(&c.added, &b) && has(&c.changed, Path::new("a.txt"))
            });
            assert_eq!(got.added, vec![b], "{mode:?}");
            assert_eq!(got.changed, vec![PathBuf::from("a.txt")], "{mode:?}");
        }
    });
    std::env::set_current_dir(before).unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
