//! Narrowing and cancellation in `brief::filter`: typing, deleting and retyping must give
//! exactly what a fresh index gives, and a cancelled pass must leave no trace.

use brief::filter::FilterIndex;
use proptest::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

fn headlines(n: usize) -> Vec<String> {
    let words = [
        "Zelensky",
        "ceasefire",
        "talks",
        "Kremlin",
        "envoy",
        "Geneva",
        "zeal",
        "sanctions",
        "Starmer",
        "Kyiv",
        "Europe",
        "drones",
        "“deal”",
        "reconstruction",
        "Putin’s",
    ];
    // A fixed LCG so the list is varied but the same on every run.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n)
        .map(|_| {
            let len = 3 + (x % 6) as usize;
            (0..len)
                .map(|_| {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    words[(x >> 33) as usize % words.len()]
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn typing_then_backspacing_matches_fresh_queries() {
    let items = headlines(3_000);
    let typed = FilterIndex::new(&items);
    let steps = [
        "z", "ze", "zel", "zele", "zelen", "zelens", "zelensk", "zelens", "zele", "zel", "zel ",
        "zel t", "zel ta", "zel tal", "", "c", "ce", "cease",
    ];
    for q in steps {
        let fresh = FilterIndex::new(&items).query(q);
        assert_eq!(typed.query(q), fresh, "after typing {q:?}");
    }
}

#[test]
fn a_cancelled_pass_returns_none_and_is_not_remembered() {
    let items = headlines(20_000);
    let index = FilterIndex::new(&items);
    assert!(index.query_until("ze", || true).is_none());
    // Stop after a few chunks: a pass over many chunks cannot finish.
    let calls = AtomicUsize::new(0);
    let stop = || calls.fetch_add(1, Ordering::Relaxed) >= 2;
    assert!(index.query_until("z", stop).is_none());
    // Neither cancelled pass may be used to narrow the next query.
    assert_eq!(index.query("zel"), FilterIndex::new(&items).query("zel"));
}

#[test]
fn a_huge_item_count_filters() {
    // No timing here (benches/filter.rs measures it); this checks a million items work.
    let items: Vec<String> = (0..1_000_000)
        .map(|i| {
            if i % 1000 == 0 {
                format!("Zelensky {i}")
            } else {
                format!("talks {i}")
            }
        })
        .collect();
    let index = FilterIndex::new(&items);
    assert_eq!(index.len(), 1_000_000);
    let hits = index.query("zelensky");
    assert_eq!(hits.len(), 1_000);
    assert!(hits.windows(2).all(|w| w[0].index < w[1].index));
    // Only 999000 has three nines among the multiples of 1000.
    let nines = index.query("zelensky 999");
    assert_eq!(nines.len(), 1);
    assert_eq!(nines[0].index, 999_000);
    assert_eq!(index.query("").len(), 1_000_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn narrowing_equals_a_fresh_query(
        items in prop::collection::vec("[a-e ’]{0,12}", 0..60),
        q in "[a-e ’]{1,6}",
        back in 0usize..4,
    ) {
        let typed = FilterIndex::new(&items);
        let chars: Vec<char> = q.chars().collect();
        for n in 0..=chars.len() {
            let prefix: String = chars[..n].iter().collect();
            typed.query(&prefix);
        }
        let kept = chars.len().saturating_sub(back);
        let after_backspace: String = chars[..kept].iter().collect();
        prop_assert_eq!(typed.query(&after_backspace), FilterIndex::new(&items).query(&after_backspace));
        prop_assert_eq!(typed.query(&q), FilterIndex::new(&items).query(&q));
    }
}
