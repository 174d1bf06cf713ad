//! Two `brief`s on one state file: merges on save, the lock, reloads.

use super::{open, star, tmp_state};
use brief::state::{Mark, StateStore};

#[test]
fn two_stores_keep_each_others_marks() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    let mut a = open(&path);
    let mut b = open(&path);
    a.set(Mark::Read("x".into()), true);
    b.set(Mark::Starred("y".into()), true);
    a.save()?;
    b.set(star("x", "point"), true);
    b.save()?;
    a.set(Mark::Starred("z".into()), true);
    a.save()?;
    let c = open(&path);
    assert!(c.is_read("x") && c.is_starred("y") && c.is_starred("z"));
    assert!(c.is_point_starred("x", "point"));
    assert!(
        a.is_starred("y"),
        "a save also brings in the other process's marks"
    );

    // The same mark changed by both: the last save wins, others are untouched.
    a.set(Mark::Starred("y".into()), false);
    a.save()?;
    let c = open(&path);
    assert!(!c.is_starred("y") && c.is_read("x") && c.is_starred("z"));
    Ok(())
}

#[test]
fn concurrent_saves_from_many_threads_lose_nothing() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let path = path.clone();
            std::thread::spawn(move || -> anyhow::Result<()> {
                let (mut s, _) = StateStore::open(&path);
                for round in 0..5 {
                    s.set(Mark::Read(format!("t{i}-{round}")), true);
                    s.save()?;
                }
                Ok(())
            })
        })
        .collect();
    for h in handles {
        h.join().map_err(|_| anyhow::anyhow!("thread panicked"))??;
    }
    let s = open(&path);
    for i in 0..8 {
        for round in 0..5 {
            assert!(s.is_read(&format!("t{i}-{round}")), "t{i}-{round} lost");
        }
    }
    Ok(())
}

#[test]
fn save_waits_for_a_held_lock() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    std::fs::create_dir_all(path.parent().expect("parent"))?;
    let lock = std::fs::File::create(brief::state::lock::lock_path(&path))?;
    fs4::FileExt::lock(&lock)?;
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(lock);
    });
    let mut s = open(&path);
    s.set(Mark::Read("x".into()), true);
    let started = std::time::Instant::now();
    s.save()?;
    assert!(started.elapsed() >= std::time::Duration::from_millis(250));
    releaser
        .join()
        .map_err(|_| anyhow::anyhow!("thread panicked"))?;
    assert!(open(&path).is_read("x"));
    Ok(())
}

#[test]
fn reload_brings_in_other_marks_and_keeps_unsaved_ones() -> anyhow::Result<()> {
    let (_d, path) = tmp_state();
    let mut a = open(&path);
    let mut b = open(&path);
    a.set(Mark::Read("from-a".into()), true);
    a.save()?;
    b.set(Mark::Starred("from-b".into()), true);
    assert!(b.reload().is_empty());
    assert!(b.is_read("from-a"), "saved by the other store");
    assert!(
        b.is_starred("from-b") && b.is_dirty(),
        "unsaved change kept"
    );
    b.save()?;
    assert!(a.reload().is_empty());
    assert!(a.is_starred("from-b"));
    Ok(())
}
