//! Key point ranking: candidates and their locations, score shape, determinism, and that
//! central sentences beat peripheral ones, on articles written for each case.

use brief::derive::keypoints::{self, candidates, Params, Ranker};
use brief::model::{Article, Block, KeyPoint, Location, Section, Table};
use proptest::prelude::*;

fn para(t: &str) -> Block {
    Block::Paragraph { text: t.into() }
}

fn article(title: &str, blocks: Vec<Block>) -> Article {
    Article {
        title: title.into(),
        sections: vec![Section {
            heading: None,
            blocks,
        }],
        ..Article::default()
    }
}

const BANK: &[&str] = &[
    "The central bank raised interest rates by half a point on Thursday to fight inflation.",
    "Inflation has climbed for six months as energy prices and food prices rose.",
    "The weather in the capital was mild for the season.",
    "Economists said the bank could raise interest rates again if inflation keeps rising.",
    "A local football club opened a new stadium.",
    "Mortgage holders will pay more as interest rates rise, the bank said.",
    "Yes.",
];

fn bank() -> Article {
    article(
        "Central bank raises interest rates to curb inflation",
        BANK.iter().map(|s| para(s)).collect(),
    )
}

fn location_text(a: &Article, loc: Location) -> Option<String> {
    let block = a.sections.get(loc.section)?.blocks.get(loc.block)?;
    let raw = match block {
        Block::Paragraph { text } | Block::Quote { text } => {
            let r = brief::derive::sentences::split(text)
                .into_iter()
                .nth(loc.sentence)?;
            text[r].to_string()
        }
        Block::Bullets { items } => items.get(loc.sentence)?.clone(),
        Block::Table(t) => candidates::row_text(t.rows.get(loc.sentence)?),
    };
    // Key points read on one line: runs of whitespace become one space.
    Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn central_sentences_outrank_off_topic_ones() {
    let a = bank();
    let all = Ranker::default().rank_all(&a);
    assert_eq!(all.len(), BANK.len());
    let pos = |needle: &str| all.iter().position(|k| k.text.contains(needle));
    for on_topic in [
        "raised interest rates",
        "raise interest rates again",
        "Mortgage",
    ] {
        for off_topic in ["weather", "football", "Yes."] {
            assert!(
                pos(on_topic) < pos(off_topic),
                "{on_topic} vs {off_topic}: {all:#?}"
            );
        }
    }
}

#[test]
fn scores_are_in_range_best_first_and_the_best_is_one() {
    let all = Ranker::default().rank_all(&bank());
    assert!((all[0].score - 1.0).abs() < 1e-9);
    assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(all.iter().all(|k| (0.0..=1.0).contains(&k.score)));
}

#[test]
fn rank_keeps_forty_percent_and_at_least_three() {
    assert_eq!(keypoints::rank(&bank()).len(), 3);
    assert_eq!(keypoints::keep_count(0), 0);
    assert_eq!(keypoints::keep_count(2), 2);
    assert_eq!(keypoints::keep_count(3), 3);
    assert_eq!(keypoints::keep_count(10), 4);
    assert_eq!(keypoints::keep_count(11), 5);
}

#[test]
fn ranking_is_deterministic_and_independent_of_earlier_articles() {
    let a = bank();
    let fresh = keypoints::rank(&a);
    let mut ranker = Ranker::default();
    ranker.rank(&article(
        "Other news",
        vec![para("Football clubs sold weather rates.")],
    ));
    assert_eq!(ranker.rank(&a), fresh);
    assert_eq!(keypoints::rank(&a), fresh);
    // `keypoints::rank` keeps one ranker per thread: what it ranked before on this
    // thread must not change the result either.
    for other in [
        "Weather rates rose for football.",
        "Inflation banks the club.",
    ] {
        keypoints::rank(&article("More news", vec![para(other)]));
    }
    let on_fresh_thread = std::thread::spawn(move || keypoints::rank(&a))
        .join()
        .expect("ranking thread");
    assert_eq!(on_fresh_thread, fresh);
    assert_eq!(keypoints::rank(&bank()), fresh);
}

#[test]
fn equal_scores_keep_reading_order() {
    // No shared words: every sentence is equally central, so position decides.
    let a = article(
        "",
        vec![para(
            "Apples grow quickly. Bridges rust slowly. Comets travel far. Dunes shift daily.",
        )],
    );
    let all = Ranker::with_params(Params {
        position: 0.0,
        ..Params::default()
    })
    .rank_all(&a);
    let order: Vec<usize> = all
        .iter()
        .filter_map(|k| k.location.map(|l| l.sentence))
        .collect();
    assert_eq!(order, [0, 1, 2, 3]);
}

#[test]
fn bullets_tables_and_quotes_are_candidates_with_locations() {
    let table = Table {
        header: vec!["Actor".into(), "Priority".into(), "Constraint".into()],
        rows: vec![
            vec!["Actor".into(), "Priority".into(), "Constraint".into()],
            vec![
                "UK Government".into(),
                "Show leadership".into(),
                "Voters wary".into(),
            ],
        ],
    };
    let a = Article {
        title: "Talks".into(),
        sections: vec![
            Section {
                heading: None,
                blocks: vec![para("First point here. Second point there.")],
            },
            Section {
                heading: Some("Details".into()),
                blocks: vec![
                    Block::Bullets {
                        items: vec![
                            "Coordinate positions.".into(),
                            "  Align   sanctions. ".into(),
                        ],
                    },
                    Block::Table(table),
                    Block::Quote {
                        text: "We will not give up.".into(),
                    },
                ],
            },
        ],
        ..Article::default()
    };
    let c = candidates::candidates(&a);
    let got: Vec<(&str, usize, usize, usize)> = c
        .iter()
        .map(|c| {
            (
                c.text.as_str(),
                c.location.section,
                c.location.block,
                c.location.sentence,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("First point here.", 0, 0, 0),
            ("Second point there.", 0, 0, 1),
            ("Coordinate positions.", 1, 0, 0),
            ("Align sanctions.", 1, 0, 1),
            ("UK Government: Show leadership; Voters wary", 1, 1, 1),
            ("We will not give up.", 1, 2, 0),
        ]
    );
    for kp in Ranker::default().rank_all(&a) {
        let loc = kp.location.expect("derived points are located");
        assert_eq!(location_text(&a, loc).as_deref(), Some(kp.text.as_str()));
    }
}

#[test]
fn empty_and_punctuation_only_articles_have_no_points() {
    assert!(keypoints::rank(&Article::default()).is_empty());
    assert!(keypoints::rank(&article("Title only", vec![])).is_empty());
    assert!(keypoints::rank(&article("T", vec![para("... — !!! ??")])).is_empty());
    let one = keypoints::rank(&article("T", vec![para("Just one sentence here.")]));
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].score, 1.0);
}

#[test]
fn textrank_baseline_orders_by_centrality_alone() {
    let tr = Ranker::default().rank_textrank(&bank());
    assert_eq!(tr.len(), BANK.len());
    assert!(tr.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(tr.last().is_some_and(|k| k.text == "Yes."));
}

fn block() -> impl Strategy<Value = Block> {
    let text = "[A-Za-z .,!?\"“”$0-9\\n]{0,120}";
    prop_oneof![
        text.prop_map(|t| Block::Paragraph { text: t }),
        text.prop_map(|t| Block::Quote { text: t }),
        prop::collection::vec(text, 0..4).prop_map(|items| Block::Bullets { items }),
        (
            prop::collection::vec(text, 0..3),
            prop::collection::vec(prop::collection::vec(text, 0..3), 0..3)
        )
            .prop_map(|(header, rows)| Block::Table(Table { header, rows })),
    ]
}

proptest! {
    #[test]
    fn rank_never_panics_and_every_point_is_located(
        title in "\\PC{0,40}",
        blocks in prop::collection::vec(block(), 0..6),
    ) {
        let a = article(&title, blocks);
        let points: Vec<KeyPoint> = Ranker::default().rank_all(&a);
        prop_assert_eq!(points.len(), candidates::candidates(&a).len());
        for kp in &points {
            prop_assert!((0.0..=1.0).contains(&kp.score));
            let loc = kp.location.expect("located");
            prop_assert_eq!(location_text(&a, loc), Some(kp.text.clone()));
        }
        prop_assert_eq!(keypoints::rank(&a).len(), keypoints::keep_count(points.len()));
    }
}

#[test]
fn the_repeated_headline_is_skipped_and_flattened_headings_rank_low() {
    let a = article(
        "Central bank raises interest rates: what it means",
        vec![
            para("Central Bank Raises Interest Rates — What It Means"),
            para("Interest rates and the central bank"),
            para(BANK[0]),
            para(BANK[3]),
            para(BANK[5]),
        ],
    );
    let all = Ranker::default().rank_all(&a);
    assert!(all
        .iter()
        .all(|k| !k.text.starts_with("Central Bank Raises")));
    assert_eq!(all.len(), 4);
    assert_eq!(
        all.last().map(|k| k.text.as_str()),
        Some("Interest rates and the central bank")
    );
}
