use super::*;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Russia",
    "Ukraine",
    "talks",
    "ceasefire",
    "prices",
    "rose",
    "fell",
    "not",
    "the",
    "Geneva",
    "envoy",
    "said",
    "plan",
    "rejected",
    "deal",
    "oil",
    "markets",
    "up",
];

proptest! {
    /// The pruned similarity the merge uses is the full one wherever it can reach
    /// the floor, and gives up only where the full one is below it (words repeat in
    /// these sentences, which is what the bigram bound must survive).
    #[test]
    fn pruning_never_changes_a_similarity(
        a in proptest::collection::vec(0..WORDS.len(), 1..14),
        b in proptest::collection::vec(0..WORDS.len(), 1..14),
        floor in 0.0f64..1.0,
        slack in 0usize..4,
    ) {
        let mut fpr = Fingerprinter::default();
        let sentence = |ids: &[usize]| ids.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
        let (fa, fb) = (fpr.fingerprint(&sentence(&a)), fpr.fingerprint(&sentence(&b)));
        let full = similarity(&fa, &fb);
        // The merge passes an upper bound of the shared stems, sometimes a loose one.
        let shared_max = text::overlap(&fa.stems, &fb.stems) + slack;
        match similarity_from(&fa, &fb, floor, shared_max) {
            Some(s) => prop_assert!((s - full).abs() < 1e-12 && s + 1e-9 >= floor),
            None => prop_assert!(full < floor, "pruned {full} at floor {floor}"),
        }
    }
}

#[test]
fn word_lists_are_sorted_lowercase_and_short() {
    for list in [UP, DOWN, NOT] {
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(list.iter().all(|w| w.len() <= 16 && *w == w.to_lowercase()));
    }
    assert_eq!(word_flags("Rose"), UP_BIT);
    assert_eq!(word_flags("FELL"), DOWN_BIT);
    assert_eq!(word_flags("not"), NOT_BIT);
    assert_eq!(word_flags("Roses"), 0);
    assert_eq!(word_flags("notwithstandingly"), 0);
    // Non-ASCII bytes are lower-cased as bytes only: never a false match.
    assert_eq!(word_flags("Rosé"), 0);
}
