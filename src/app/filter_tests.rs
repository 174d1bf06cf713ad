use super::*;

#[test]
fn small_sets_rank_at_once_and_fold() {
    assert_eq!(rank_small(["b", "a", "c"], ""), vec![0, 1, 2]);
    assert_eq!(rank_small(["We Don’t agree", "nothing"], "don't"), vec![0]);
    assert_eq!(rank_small(["the eu said"], "EU"), vec![0]);
    // Every term must match, in any order.
    assert_eq!(
        rank_small(
            ["peace talks with Zelensky", "Zelensky", "talks"],
            "talks zel"
        ),
        vec![0]
    );
}

#[test]
fn highlights_are_char_positions_of_the_original() {
    let text = "Élysée “Macron”";
    let chars: Vec<char> = text.chars().collect();
    let picked: String = highlight(text, "macron")
        .iter()
        .map(|&i| chars[i])
        .collect();
    assert_eq!(picked, "Macron");
    assert!(highlight(text, "zzz").is_empty());
    // A term that matches elsewhere (the source) does not hide the title's match.
    assert_eq!(highlight("Kyiv talks", "kyiv reuters"), vec![0, 1, 2, 3]);
}

fn big(n: usize) -> FilterIndex {
    FilterIndex::new((0..n).map(|i| format!("item {i} zeta")))
}

#[test]
fn large_sets_ask_the_background_once_per_query() {
    let mut f = PaneFilters::default();
    let index = big(BACKGROUND_MIN + 1);
    let mut req = Vec::new();
    let rows = f.rank(Pane::List, &index, "zeta", |_| true, &mut req);
    // Nothing ranked yet: every item shows meanwhile.
    assert_eq!(rows.len(), index.len());
    assert_eq!(req.len(), 1);
    assert!(f.is_pending(Pane::List));
    f.rank(Pane::List, &index, "zeta", |_| true, &mut req);
    assert_eq!(req.len(), 1, "the same query is not queued twice");
    f.rank(Pane::List, &index, "zet", |_| true, &mut req);
    assert_eq!(req.len(), 2);
    // A small set never asks.
    f.rank(Pane::Actors, &big(10), "zeta", |_| true, &mut req);
    assert_eq!(req.len(), 2);
    assert!(!f.is_pending(Pane::Actors));
}

#[test]
fn received_rankings_are_filtered_by_keep() {
    let mut f = PaneFilters::default();
    let index = big(BACKGROUND_MIN + 1);
    let mut req = Vec::new();
    f.rank(Pane::List, &index, "9", |_| true, &mut req);
    f.received[0] = Some(Ranking {
        query: "9".into(),
        items: vec![9, 19, 29],
        complete: true,
    });
    f.pending[0] = None;
    let rows = f.rank(Pane::List, &index, "9", |x| x != 19, &mut req);
    assert_eq!(rows, vec![9, 29]);
    assert_eq!(req.len(), 1, "a complete ranking for the query is reused");
}

fn typed(s: &mut AppState, text: &str) {
    for c in text.chars() {
        let k = crate::keymap::KeyPress::parse(&c.to_string()).expect("key");
        s.handle_key(k);
    }
}

#[test]
fn the_core_takes_partial_then_complete_rankings_and_drops_stale_ones() {
    let mut s = AppState::new(
        super::super::testing::sample(),
        crate::config::Config::default().keymap,
    );
    s.filters.background_min = 0;
    let all = s.rows(Pane::List).len();
    assert!(all >= 2);
    typed(&mut s, "/ta");
    let asked: Vec<String> = s
        .requests
        .iter()
        .filter_map(|r| match r {
            Request::Filter {
                pane: Pane::List,
                query,
            } => Some(query.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(asked, vec!["t", "ta"]);
    assert!(s.filters.is_pending(Pane::List));
    assert_eq!(
        s.rows(Pane::List).len(),
        all,
        "every article shows meanwhile"
    );
    // A late ranking for "t" is stale: the pane's query is "ta" now.
    assert!(!s.apply_filter(Pane::List, "t", vec![0], true));
    assert_eq!(s.rows(Pane::List).len(), all);
    assert!(s.apply_filter(Pane::List, "ta", vec![1], false));
    assert_eq!(s.rows(Pane::List), &[1]);
    assert!(s.filters.is_pending(Pane::List), "partial: still filtering");
    assert!(s.apply_filter(Pane::List, "ta", vec![1, 0], true));
    assert_eq!(s.rows(Pane::List), &[1, 0]);
    assert!(!s.filters.is_pending(Pane::List));
    // Once complete, a repeat is dropped too.
    assert!(!s.apply_filter(Pane::List, "ta", vec![0], true));
}
