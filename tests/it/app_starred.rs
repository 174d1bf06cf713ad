//! One starred rule (issue 15, item 4): "starred only" in the reader (`S`, and the
//! export `e` makes of it) and `brief export --starred` keep the same articles and the
//! same key points for the same marks — a starred article whole, a starred key point on
//! its own with its article.

use brief::app::testing::{app, keys, Fixture};
use brief::export::view::{select, Starred, ViewFilter};
use brief::model::Briefing;

fn briefing() -> Briefing {
    Fixture::new()
        .article(
            "Harbour talks resume",
            "Wire",
            "Envoys met. The harbour reopened. Cranes moved.",
        )
        .points(&[(0, 0, 0), (0, 0, 1), (0, 0, 2)])
        .article(
            "Grain corridor reopens",
            "Post",
            "Ships left. Crews cheered. Prices fell.",
        )
        .points(&[(0, 0, 0), (0, 0, 1), (0, 0, 2)])
        .article(
            "Storm warning",
            "Daily",
            "Rain is expected. Roads may flood.",
        )
        .points(&[(0, 0, 0), (0, 0, 1)])
        .build()
}

fn shape(b: &Briefing) -> Vec<(String, Vec<String>)> {
    b.articles
        .iter()
        .map(|a| {
            let points = a.key_points.iter().map(|k| k.text.clone()).collect();
            (a.title.clone(), points)
        })
        .collect()
}

#[test]
fn the_reader_and_export_starred_keep_the_same_things() {
    let mut s = app(briefing());
    // Star the second article, one of its points, and one point of the first.
    keys(&mut s, "j * 2 j * 1 k 2 j *");
    assert!(s.marks.is_starred(&s.briefing.articles[1].content_hash));
    assert_eq!(s.marks.starred_points.len(), 2);
    keys(&mut s, "S");
    let view = s.visible_briefing();

    let stars = Starred {
        articles: s.marks.starred.iter().cloned().collect(),
        points: s.marks.starred_points.iter().cloned().collect(),
    };
    let filter = ViewFilter {
        starred: Some(stars),
        ..ViewFilter::default()
    };
    let exported = select(&s.briefing, &filter).expect("select");
    assert_eq!(shape(&view), shape(&exported));
    // The rule itself, written out: the starred article with all three points, the
    // other article with its one starred point, the unstarred article not at all.
    let want = vec![
        (
            "Harbour talks resume".to_string(),
            vec!["The harbour reopened.".to_string()],
        ),
        (
            "Grain corridor reopens".to_string(),
            vec![
                "Ships left.".into(),
                "Crews cheered.".into(),
                "Prices fell.".into(),
            ],
        ),
    ];
    assert_eq!(shape(&view), want);
    // The panes show the same: the list, and the starred article's points.
    assert_eq!(s.rows(brief::app::Pane::List).len(), 2);
}
