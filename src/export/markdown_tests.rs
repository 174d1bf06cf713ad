use super::*;
use crate::model::{Actor, KeyPoint, Quote, Section, Table};

fn briefing() -> Briefing {
    let article = Article {
        id: "a.md".into(),
        path: "dir/a.md".into(),
        title: "Harbour | talks".into(),
        source: Some("Wire".into()),
        published: Some("2024-01-02".into()),
        sections: vec![Section {
            heading: Some("Terms".into()),
            blocks: vec![
                Block::Bullets {
                    items: vec!["top".into(), "  nested".into()],
                },
                Block::Table(Table {
                    header: vec!["A".into(), "B".into()],
                    rows: vec![vec!["x|y".into()], vec!["1".into(), "2".into(), "3".into()]],
                }),
                Block::Quote {
                    text: "Said\nthis".into(),
                },
            ],
        }],
        key_points: vec![KeyPoint {
            text: "Deal close.".into(),
            ..KeyPoint::default()
        }],
        ..Article::default()
    };
    let mut second = article.clone();
    second.id = "b.md".into();
    second.source = Some("Post".into());
    Briefing {
        articles: vec![article, second],
        merged_points: vec![MergedPoint {
            text: "Deal close.".into(),
            members: vec![(0, 0), (1, 0)],
            ..MergedPoint::default()
        }],
        actors: vec![Actor {
            name: "Elena Markova".into(),
            roles: vec!["Minister".into()],
            mentions: 3,
            articles: vec!["a.md".into()],
            quotes: vec![Quote {
                text: "Close.".into(),
                article: "a.md".into(),
            }],
            ..Actor::default()
        }],
        warnings: vec!["x.bin: skipped".into()],
    }
}

#[test]
fn memo_has_every_part() {
    let md = render(&briefing());
    assert!(
        md.contains("2 articles from Post, Wire, published 2024-01-02; 1 actor."),
        "{md}"
    );
    assert!(md.contains("| 1 | Deal close. | 2 sources |  |"), "{md}");
    assert!(
        md.contains("- **Elena Markova** (person, 3 mentions): Minister"),
        "{md}"
    );
    assert!(md.contains("  > “Close.” — _Harbour | talks_"), "{md}");
    assert!(md.contains("#### Terms"), "{md}");
    assert!(md.contains("- top\n  - nested\n"), "{md}");
    assert!(
        md.contains("| A | B |  |\n| --- | --- | --- |\n| x\\|y |  |  |\n| 1 | 2 | 3 |"),
        "{md}"
    );
    assert!(md.contains("> Said this"), "{md}");
    assert!(md.contains("## Files not read\n\n- x.bin: skipped"), "{md}");
}

#[test]
fn one_source_names_it_and_empty_views_say_so() {
    let mut b = briefing();
    b.merged_points[0].members.truncate(1);
    assert!(render(&b).contains("| Deal close. | Wire |"));
    let empty = Briefing::default();
    let md = render(&empty);
    assert!(
        md.contains("_No key points in this view._") && md.contains("_No actors in this view._")
    );
}
