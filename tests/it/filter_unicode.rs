//! Unicode in `brief::filter`: typographic punctuation folded to ASCII, CJK, emoji,
//! combining marks; highlight positions must always be char positions of the original.

use brief::filter::FilterIndex;

/// The chars of `item` at `positions`.
fn picked(item: &str, positions: &[usize]) -> String {
    let chars: Vec<char> = item.chars().collect();
    positions.iter().map(|&p| chars[p]).collect()
}

#[test]
fn straight_quotes_in_the_query_find_curly_quotes_in_items() {
    let items = ["Zelensky’s “peace formula”", "Zelensky's plan"];
    let index = FilterIndex::new(items);
    let hits = index.query("zelensky's");
    assert_eq!(hits.len(), 2);
    let pos = index.indices(0, "y's");
    assert_eq!(picked(items[0], &pos), "y’s");
    let pos = index.indices(0, "\"peace\"");
    assert_eq!(picked(items[0], &pos), "“peace”");
}

#[test]
fn curly_quotes_and_dashes_in_the_query_find_straight_ones() {
    let items = ["talks - day 2", "Kyiv's reply"];
    let index = FilterIndex::new(items);
    assert_eq!(index.query("—").len(), 1);
    assert_eq!(index.query("kyiv’s")[0].index, 1);
}

#[test]
fn cjk_positions_are_char_positions() {
    let items = ["東京で会談", "北京"];
    let index = FilterIndex::new(items);
    let hits = index.query("会談");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].index, 0);
    assert_eq!(index.indices(0, "会談"), vec![3, 4]);
    assert_eq!(index.query("京").len(), 2);
}

#[test]
fn emoji_before_the_match_do_not_shift_highlights() {
    let item = "🎉🇺🇦 Ceasefire agreed 🎉";
    let index = FilterIndex::new([item]);
    let pos = index.indices(0, "cease");
    assert_eq!(picked(item, &pos), "Cease");
    assert_eq!(index.query("🎉").len(), 1);
}

#[test]
fn non_ascii_letters_match_case_insensitively() {
    let items = ["ÉLYSÉE PALACE", "Ωmega", "İstanbul summit"];
    let index = FilterIndex::new(items);
    assert_eq!(index.query("élysée")[0].index, 0);
    assert_eq!(index.query("ωmega")[0].index, 1);
    // İ lower-cases to two chars, so it is kept as is; the rest still matches.
    let pos = index.indices(2, "stanbul");
    assert_eq!(picked(items[2], &pos), "stanbul");
}

#[test]
fn combining_marks_and_zero_width_joiners_keep_positions_valid() {
    let item = "Ze\u{301}lensky 👩\u{200D}👩\u{200D}👧 Kyi\u{0308}v";
    let index = FilterIndex::new([item]);
    let n = item.chars().count();
    for q in ["zlensky", "kyv", "ze", "\u{200D}"] {
        let pos = index.indices(0, q);
        assert!(pos.iter().all(|&p| p < n), "{q}: {pos:?}");
    }
    let pos = index.indices(0, "kyv");
    assert_eq!(picked(item, &pos).to_lowercase(), "kyv");
}

#[test]
fn right_to_left_text_filters() {
    let items = ["مفاوضات السلام في جنيف", "שיחות שלום"];
    let index = FilterIndex::new(items);
    assert_eq!(index.query("السلام")[0].index, 0);
    assert_eq!(index.query("שלום")[0].index, 1);
}
