//! `FilterWorker`: the newest query wins, stale passes are dropped, partial rankings are
//! well formed, and dropping the worker stops its thread. No timing asserts.

use brief::filter::{FilterIndex, FilterUpdate, FilterWorker};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

fn items(n: usize) -> Vec<String> {
    let words = [
        "Zelensky",
        "ceasefire",
        "talks",
        "Kremlin",
        "zeal",
        "Geneva",
        "Kyiv",
    ];
    (0..n)
        .map(|i| {
            format!(
                "{} {} {i}",
                words[i % words.len()],
                words[(i / 7) % words.len()]
            )
        })
        .collect()
}

/// Waits for the complete update of the newest query (a generous bound, not a timing
/// check: it only keeps a broken worker from hanging the test run), checking that every
/// partial ranking before it is well formed and agrees with the complete one.
fn complete(worker: &mut FilterWorker) -> FilterUpdate {
    let mut partials: Vec<FilterUpdate> = Vec::new();
    for _ in 0..600 {
        let Some(update) = worker.recv_timeout(Duration::from_millis(100)) else {
            continue;
        };
        if !update.complete {
            assert!(update.hits.len() <= brief::filter::worker::PARTIAL_LIMIT);
            assert!(update.scanned < update.total);
            partials.push(update);
            continue;
        }
        let scores: HashMap<usize, i64> = update.hits.iter().map(|h| (h.index, h.score)).collect();
        for p in &partials {
            assert_eq!(p.generation, update.generation);
            assert!(p
                .hits
                .windows(2)
                .all(|w| (w[0].score, w[1].index) >= (w[1].score, w[0].index)));
            for h in &p.hits {
                assert_eq!(
                    scores.get(&h.index),
                    Some(&h.score),
                    "partial hit {h:?} not final"
                );
            }
        }
        return update;
    }
    panic!("the worker sent no complete result within a minute");
}

#[test]
fn the_newest_query_wins() {
    let list = items(50_000);
    let index = Arc::new(FilterIndex::new(&list));
    let mut worker = FilterWorker::spawn(index).expect("spawn");
    let mut last = 0;
    for q in ["z", "ze", "zel", "zele", "zel ta", "c", "ce", "ceasefire 1"] {
        last = worker.submit(q);
    }
    assert!(worker.is_busy());
    let update = complete(&mut worker);
    assert_eq!(update.generation, last);
    assert_eq!(update.query, "ceasefire 1");
    assert_eq!(update.hits, FilterIndex::new(&list).query("ceasefire 1"));
    assert!(!worker.is_busy());
    assert!(
        worker.try_recv().is_none(),
        "nothing after the complete result"
    );
}

#[test]
fn stale_results_are_never_delivered() {
    let list = items(200_000);
    let mut worker = FilterWorker::spawn(Arc::new(FilterIndex::new(&list))).expect("spawn");
    let first = worker.submit("e");
    // Let the broad pass start, then supersede it.
    let _ = worker.recv_timeout(Duration::from_millis(20));
    let second = worker.submit("kremlin geneva");
    assert!(second > first);
    let update = complete(&mut worker);
    assert_eq!(update.generation, second);
    assert_eq!(update.hits, FilterIndex::new(&list).query("kremlin geneva"));
}

#[test]
fn results_match_the_direct_query_as_typing_narrows() {
    let list = items(20_000);
    let mut worker = FilterWorker::spawn(Arc::new(FilterIndex::new(&list))).expect("spawn");
    for q in ["k", "ky", "kyi", "kyiv", "kyi", ""] {
        worker.submit(q);
        let update = complete(&mut worker);
        assert_eq!(update.hits, FilterIndex::new(&list).query(q), "{q:?}");
    }
}

#[test]
fn dropping_a_busy_worker_returns() {
    let list = items(300_000);
    let mut worker = FilterWorker::spawn(Arc::new(FilterIndex::new(&list))).expect("spawn");
    worker.submit("e");
    drop(worker);
}

#[test]
fn an_idle_worker_has_nothing_to_poll() {
    let mut worker = FilterWorker::spawn(Arc::new(FilterIndex::new(items(10)))).expect("spawn");
    assert!(!worker.is_busy());
    assert!(worker.try_recv().is_none());
}

#[test]
fn a_broad_pass_ends_with_the_full_ranking() {
    // Broad enough that a pass takes several groups, so partial rankings are likely
    // (their shape is checked in `complete`); their number depends on speed, not asserted.
    let list = items(150_000);
    let mut worker = FilterWorker::spawn(Arc::new(FilterIndex::new(&list))).expect("spawn");
    worker.submit("e");
    let update = complete(&mut worker);
    assert_eq!(update.hits, FilterIndex::new(&list).query("e"));
    assert_eq!(update.scanned, update.total);
}
