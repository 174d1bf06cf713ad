//! The briefing-wide merged table: near-duplicates from different articles are grouped,
//! different facts on one topic are not, and the score rewards agreement.

use brief::derive::merge::{self, similarity, Fingerprinter, THRESHOLD};
use brief::model::{Article, KeyPoint, MergedPoint};
use proptest::prelude::*;

fn kp(text: &str, score: f64, actors: &[&str]) -> KeyPoint {
    KeyPoint {
        text: text.into(),
        score,
        actors: actors.iter().map(|s| s.to_string()).collect(),
        location: None,
    }
}

fn art(points: Vec<KeyPoint>) -> Article {
    Article {
        key_points: points,
        ..Article::default()
    }
}

fn sim(a: &str, b: &str) -> f64 {
    let mut f = Fingerprinter::default();
    let (x, y) = (f.fingerprint(a), f.fingerprint(b));
    similarity(&x, &y)
}

/// Reworded reports of one fact, as different outlets write them.
const SAME: &[(&str, &str)] = &[
    (
        "Zelenskyy will travel to London on Monday for talks with Keir Starmer.",
        "Zelensky travels to London on Monday for talks with British Prime Minister Keir Starmer.",
    ),
    (
        "The central bank raised interest rates by half a point on Thursday.",
        "On Thursday the central bank raised interest rates by half a point, its sixth rise.",
    ),
    (
        "European leaders pledged 50 billion euros in long-term aid for Ukraine's reconstruction.",
        "European leaders have pledged 50 billion euros in long-term aid for the reconstruction of Ukraine.",
    ),
    (
        "Ukrainian President Volodymyr Zelenskyy is heading to London for a new round of talks.",
        "Ukrainian President Volodymyr Zelensky is heading to London for a new round of peace talks.",
    ),
];

/// Same topic and many shared words, different facts.
const DIFFERENT: &[(&str, &str)] = &[
    (
        "Russia rejected the ceasefire proposal on Tuesday.",
        "Ukraine rejected the ceasefire proposal on Tuesday.",
    ),
    (
        "Oil prices rose sharply on Monday after the announcement.",
        "Oil prices fell sharply on Monday after the announcement.",
    ),
    (
        "Zelenskyy will meet Starmer in London on Monday.",
        "Zelenskyy said Ukraine will not give up territory in the talks.",
    ),
    (
        "The central bank raised interest rates by half a point.",
        "Mortgage holders will pay more as interest rates rise.",
    ),
    (
        "The minister said the troops would leave by March.",
        "The minister said the troops would not leave by March.",
    ),
    (
        "Talks in London focused on security guarantees for Ukraine.",
        "Talks in Geneva focused on prisoner exchanges with Russia.",
    ),
];

#[test]
fn reworded_reports_of_one_fact_reach_the_threshold() {
    for (a, b) in SAME {
        let s = sim(a, b);
        assert!(s >= THRESHOLD, "{s:.2} {a} | {b}");
    }
}

#[test]
fn different_facts_on_one_topic_stay_below_the_threshold() {
    for (a, b) in DIFFERENT {
        let s = sim(a, b);
        assert!(s < THRESHOLD, "{s:.2} {a} | {b}");
    }
}

#[test]
fn similarity_is_symmetric_and_one_for_identical_text() {
    for (a, b) in SAME.iter().chain(DIFFERENT) {
        assert!((sim(a, b) - sim(b, a)).abs() < 1e-12);
        assert!((sim(a, a) - 1.0).abs() < 1e-12);
    }
    assert_eq!(sim("", ""), 0.0);
    assert_eq!(sim("the and of", "the and of"), 0.0);
}

#[test]
fn near_duplicates_from_three_articles_merge_representative_first() {
    let arts = vec![
        art(vec![kp(
            "Oil output will be cut by two million barrels a day from March.",
            0.6,
            &["OPEC"],
        )]),
        art(vec![
            kp("A storm closed ports along the coast.", 1.0, &[]),
            kp(
                "Oil output will be cut by two million barrels a day starting in March.",
                0.9,
                &["Saudi Arabia"],
            ),
        ]),
        art(vec![kp(
            "From March, oil output will be cut by two million barrels a day.",
            0.5,
            &["OPEC"],
        )]),
    ];
    let merged = merge::merge(&arts);
    assert_eq!(merged.len(), 2);
    let oil = merged
        .iter()
        .find(|m| m.source_count() == 3)
        .expect("oil group");
    assert_eq!(oil.members, vec![(1, 1), (0, 0), (2, 0)]);
    assert_eq!(oil.text, arts[1].key_points[1].text);
    assert_eq!(oil.actors, ["Saudi Arabia", "OPEC"]);
    // Three sources outrank a single stronger one.
    assert_eq!(merged[0].members, oil.members);
    assert!(merged[0].score > merged[1].score);
}

#[test]
fn repeats_inside_one_article_fold_without_counting_as_agreement() {
    let lead = "Ukraine and its allies agreed a new sanctions package against Russia on Friday.";
    let arts = vec![art(vec![kp(lead, 1.0, &[]), kp(lead, 0.4, &[])])];
    let merged = merge::merge(&arts);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].members, vec![(0, 0), (0, 1)]);
    assert_eq!(merged[0].source_count(), 1);
    let alone = merge::merge(&[art(vec![kp(lead, 1.0, &[])])]);
    assert!((merged[0].score - alone[0].score).abs() < 1e-12);
}

#[test]
fn different_facts_from_different_articles_stay_apart() {
    let arts: Vec<Article> = DIFFERENT
        .iter()
        .flat_map(|(a, b)| [art(vec![kp(a, 0.8, &[])]), art(vec![kp(b, 0.8, &[])])])
        .collect();
    let merged = merge::merge(&arts);
    assert_eq!(merged.len(), arts.len());
    assert!(merged.iter().all(|m| m.source_count() == 1));
}

#[test]
fn empty_input_and_one_article() {
    assert!(merge::merge(&[]).is_empty());
    assert!(merge::merge(&[Article::default(), Article::default()]).is_empty());
    let one = art(vec![
        kp("First fact here.", 1.0, &[]),
        kp("Second, unrelated matter.", 0.5, &[]),
    ]);
    let merged = merge::merge(std::slice::from_ref(&one));
    let texts: Vec<&str> = merged.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["First fact here.", "Second, unrelated matter."]);
    assert!(merged[0].score > merged[1].score);
}

#[test]
fn odd_scores_do_not_break_ordering() {
    let arts = vec![art(vec![
        kp("Alpha beta gamma.", f64::NAN, &[]),
        kp("Delta epsilon zeta.", 7.0, &[]),
        kp("Eta theta iota.", -1.0, &[]),
    ])];
    let merged = merge::merge(&arts);
    assert_eq!(merged[0].text, "Delta epsilon zeta.");
    assert!(merged.iter().all(|m| (0.0..=1.0).contains(&m.score)));
}

fn check(arts: &[Article], merged: &[MergedPoint]) {
    let mut all: Vec<(usize, usize)> = merged.iter().flat_map(|m| m.members.clone()).collect();
    all.sort_unstable();
    let expected: Vec<(usize, usize)> = arts
        .iter()
        .enumerate()
        .flat_map(|(a, art)| (0..art.key_points.len()).map(move |k| (a, k)))
        .collect();
    assert_eq!(all, expected, "every key point in exactly one group");
    assert!(merged.windows(2).all(|w| w[0].score >= w[1].score));
    for m in merged {
        let (a, k) = m.members[0];
        assert_eq!(m.text, arts[a].key_points[k].text);
    }
}

proptest! {
    #[test]
    fn every_point_lands_in_exactly_one_group(
        texts in prop::collection::vec(
            prop::collection::vec(("(oil|rates|talks|Kyiv|London|rose|fell|cut) (prices|aid|Zelensky|Zelenskyy|bank|war)( [a-z]{1,6}){0,4}", 0.0f64..1.0), 0..5),
            0..5,
        )
    ) {
        let arts: Vec<Article> = texts
            .iter()
            .map(|pts| art(pts.iter().map(|(t, s)| kp(t, *s, &[])).collect()))
            .collect();
        let merged = merge::merge(&arts);
        check(&arts, &merged);
        prop_assert_eq!(merge::merge(&arts), merged);
    }
}
