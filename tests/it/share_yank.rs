//! The text `y` copies for key points, actors and articles.

use brief::model::{Actor, ActorKind, Article, Briefing, KeyPoint, MergedPoint, Quote};
use brief::share::yank_text::{actor, article, key_point, PointRef};

fn art(
    id: &str,
    title: &str,
    source: Option<&str>,
    date: Option<&str>,
    url: Option<&str>,
) -> Article {
    Article {
        id: id.into(),
        path: format!("news/{id}.txt"),
        title: title.into(),
        source: source.map(Into::into),
        published: date.map(Into::into),
        url: url.map(Into::into),
        key_points: vec![KeyPoint {
            text: format!("  Point of {id}.  "),
            ..KeyPoint::default()
        }],
        ..Article::default()
    }
}

fn briefing() -> Briefing {
    Briefing {
        articles: vec![
            art(
                "a",
                "Talks in London",
                Some("KGOU"),
                Some("2025-12-08"),
                Some("https://kgou.org/x"),
            ),
            art("b", "", None, None, None),
            art("c", "Third", Some("BBC"), None, Some("  ")),
        ],
        merged_points: vec![MergedPoint {
            text: "Talks resume Monday.".into(),
            members: vec![(2, 0), (0, 0), (2, 1)],
            ..MergedPoint::default()
        }],
        ..Briefing::default()
    }
}

#[test]
fn merged_point_lists_each_source_once_representative_first() {
    let text = key_point(&briefing(), PointRef::Merged(0)).unwrap();
    assert_eq!(
        text,
        "Talks resume Monday.\n\nSources:\n- BBC: Third <news/c.txt>\n- KGOU, 2025-12-08: Talks in London <https://kgou.org/x>"
    );
}

#[test]
fn article_point_has_its_single_source() {
    let text = key_point(
        &briefing(),
        PointRef::Article {
            article: 1,
            point: 0,
        },
    )
    .unwrap();
    assert_eq!(text, "Point of b.\n\nSource:\n- (untitled) <news/b.txt>");
}

#[test]
fn dangling_references_give_none() {
    let b = briefing();
    assert_eq!(key_point(&b, PointRef::Merged(1)), None);
    assert_eq!(
        key_point(
            &b,
            PointRef::Article {
                article: 3,
                point: 0
            }
        ),
        None
    );
    assert_eq!(
        key_point(
            &b,
            PointRef::Article {
                article: 0,
                point: 1
            }
        ),
        None
    );
    let mut broken = b.clone();
    broken.merged_points[0].members = vec![(9, 0)];
    assert_eq!(
        key_point(&broken, PointRef::Merged(0)).unwrap(),
        "Talks resume Monday."
    );
}

#[test]
fn article_text_uses_url_when_known_else_path() {
    let b = briefing();
    assert_eq!(
        article(&b.articles[0]),
        "Talks in London\nKGOU, 2025-12-08\nhttps://kgou.org/x"
    );
    assert_eq!(article(&b.articles[1]), "(untitled)\nnews/b.txt");
    assert_eq!(article(&b.articles[2]), "Third\nBBC\nnews/c.txt");
}

#[test]
fn actor_text_has_kind_roles_reach_and_first_quote() {
    let a = Actor {
        name: "Jane Doe".into(),
        kind: ActorKind::Person,
        aliases: vec!["J. Doe".into()],
        roles: vec!["Foreign Minister".into(), "MP".into()],
        articles: vec!["a".into()],
        mentions: 12,
        quotes: vec![
            Quote {
                text: " We will not sign. ".into(),
                article: "a".into(),
            },
            Quote {
                text: "Second".into(),
                article: "b".into(),
            },
        ],
    };
    assert_eq!(
        actor(&a),
        "Jane Doe (person)\nAlso: J. Doe\nRoles: Foreign Minister; MP\nIn 1 article, 12 mentions\n\"We will not sign.\" (a)"
    );
    let bare = Actor {
        name: "NATO".into(),
        kind: ActorKind::Organization,
        mentions: 1,
        ..Actor::default()
    };
    assert_eq!(
        actor(&bare),
        "NATO (organization)\nIn 0 articles, 1 mention"
    );
}
