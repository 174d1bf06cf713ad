//! Ranking of `brief::filter`: order, stability, empty queries, multi-term queries and
//! agreement with a plain fuzzy-matcher pass (so the prefilters never drop a match).

use brief::filter::{fold::fold, FilterIndex, Hit};
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use proptest::prelude::*;

fn indices(hits: &[Hit]) -> Vec<usize> {
    hits.iter().map(|h| h.index).collect()
}

fn assert_ranked(hits: &[Hit]) {
    for pair in hits.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(
            a.score > b.score || (a.score == b.score && a.index < b.index),
            "{a:?} before {b:?}"
        );
    }
}

/// The slow, obvious filter: every term through SkimMatcherV2 on the folded item.
fn oracle(items: &[String], q: &str) -> Vec<(usize, i64)> {
    let folded_q = fold(q);
    let terms: Vec<&str> = folded_q.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let f = fold(item);
        // A new matcher per call: fuzzy-matcher's per-thread cache leaks state between
        // calls, and the reference must not.
        let scores: Option<Vec<i64>> = terms
            .iter()
            .map(|t| SkimMatcherV2::default().respect_case().fuzzy_match(&f, t))
            .collect();
        if let Some(s) = scores {
            out.push((i, s.iter().sum()));
        }
    }
    out.sort_by_key(|&(i, s)| (std::cmp::Reverse(s), i));
    out
}

#[test]
fn contiguous_word_start_beats_scattered_letters() {
    let items = [
        "Ukraine talks resume in Geneva",
        "A zealous envoy left early",
        "Zelensky meets Starmer",
        "Prize money for the eleven",
    ];
    let hits = index_of(&items).query("zel");
    assert_ranked(&hits);
    let order = indices(&hits);
    assert!(!order.contains(&0), "no z in item 0: {order:?}");
    let pos = |i| order.iter().position(|&x| x == i);
    assert!(pos(2) < pos(1), "{order:?}");
}

#[test]
fn equal_scores_keep_item_order() {
    let mut items = vec!["Kyiv says no".to_string(); 50];
    for i in (0..50).step_by(7) {
        items[i] = "Moscow says yes".to_string();
    }
    let hits = FilterIndex::new(&items).query("kyiv");
    assert_ranked(&hits);
    let expected: Vec<usize> = (0..50).filter(|i| i % 7 != 0).collect();
    assert_eq!(indices(&hits), expected);
}

#[test]
fn empty_and_whitespace_queries_list_everything_in_order() {
    let items = ["b", "a", "", "  "];
    let index = index_of(&items);
    for q in ["", " ", "\t \u{00A0}", "\u{3000}"] {
        let hits = index.query(q);
        assert_eq!(indices(&hits), vec![0, 1, 2, 3], "{q:?}");
        assert!(hits.iter().all(|h| h.score == 0));
    }
    assert!(FilterIndex::new(Vec::<String>::new()).query("x").is_empty());
    assert!(FilterIndex::new(Vec::<String>::new()).is_empty());
}

#[test]
fn every_term_of_a_two_word_query_must_match() {
    let items = [
        "Zelensky rejects the plan",
        "Peace talks in Geneva",
        "Zelensky joins peace talks",
        "Talks, then Zelensky",
    ];
    let index = index_of(&items);
    let mut got = indices(&index.query("zel talks"));
    got.sort_unstable();
    assert_eq!(got, vec![2, 3]);
    // Term order does not matter: both orders find the same items.
    let mut swapped = indices(&index.query("talks zel"));
    swapped.sort_unstable();
    assert_eq!(swapped, got);
}

#[test]
fn case_is_ignored_both_ways() {
    let index = index_of(&["NATO SUMMIT", "nato summit", "NaTo SuMmIt"]);
    let a = index.query("nato");
    let b = index.query("NATO");
    assert_eq!(a, b);
    assert_eq!(indices(&a), vec![0, 1, 2]);
}

#[test]
fn highlight_positions_spell_the_query() {
    let items = ["The Kremlin rejected the proposal"];
    let index = index_of(&items);
    let pos = index.indices(0, "kreml");
    let chars: Vec<char> = items[0].chars().collect();
    let picked: String = pos.iter().map(|&i| chars[i].to_ascii_lowercase()).collect();
    assert_eq!(picked, "kreml");
    assert!(index.indices(0, "xyz").is_empty());
    assert!(index.indices(7, "k").is_empty());
    assert!(index.indices(0, "").is_empty());
}

#[test]
fn pathological_items_do_not_break_scoring() {
    let long_word = "z".repeat(200_000);
    let many_spaces = " ".repeat(10_000) + "zelensky";
    let items = [long_word.as_str(), many_spaces.as_str(), "\0\u{1b}[2Jzel"];
    let index = index_of(&items);
    let hits = index.query("zzzzzzzzzzzzzzzzzzzz zel");
    assert!(indices(&hits).iter().all(|&i| i < 3));
    assert_eq!(indices(&index.query("zel")).len(), 2);
    let pos = index.indices(0, "zzzz");
    assert_eq!(pos.len(), 4);
}

fn index_of(items: &[&str]) -> FilterIndex {
    FilterIndex::new(items)
}

fn items_strategy() -> impl Strategy<Value = Vec<String>> {
    let word = prop_oneof![
        Just("Zelensky".to_string()),
        Just("zeal".to_string()),
        Just("ceasefire".to_string()),
        Just("“Kyiv’s”".to_string()),
        Just("東京".to_string()),
        Just("🎉".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(
        prop::collection::vec(word, 0..8).prop_map(|w| w.join(" ")),
        0..40,
    )
}

proptest! {
    #[test]
    fn agrees_with_a_plain_matcher_pass(items in items_strategy(), q in "[a-z ’“ ]{0,6}") {
        let hits = FilterIndex::new(&items).query(&q);
        let got: Vec<(usize, i64)> = hits.iter().map(|h| (h.index, h.score)).collect();
        if q.trim().is_empty() {
            prop_assert_eq!(got.len(), items.len());
        } else {
            prop_assert_eq!(got, oracle(&items, &q));
        }
    }

    #[test]
    fn never_panics_and_stays_ranked(items in prop::collection::vec("\\PC{0,30}", 0..30), q in "\\PC{0,8}") {
        let index = FilterIndex::new(&items);
        let hits = index.query(&q);
        assert_ranked(&hits);
        for h in hits.iter().take(5) {
            let n = items[h.index].chars().count();
            prop_assert!(index.indices(h.index, &q).iter().all(|&p| p < n));
        }
    }
}
