use super::*;
use crate::model::{KeyPoint, MergedPoint, Quote};

fn kp(text: &str, actors: &[&str]) -> KeyPoint {
    KeyPoint {
        text: text.into(),
        score: 0.5,
        actors: actors.iter().map(|s| s.to_string()).collect(),
        location: None,
    }
}

fn actor(name: &str, aliases: &[&str], articles: &[&str]) -> Actor {
    Actor {
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        articles: articles.iter().map(|s| s.to_string()).collect(),
        mentions: articles.len(),
        quotes: articles
            .iter()
            .map(|a| Quote {
                text: format!("{name} in {a}"),
                article: a.to_string(),
            })
            .collect(),
        ..Actor::default()
    }
}

fn briefing() -> Briefing {
    let a = Article {
        id: "a".into(),
        title: "Harbour talks resume in Valmora".into(),
        key_points: vec![
            kp("Markova said the deal was close.", &["Elena Markova"]),
            kp("Tariffs will fall next spring.", &[]),
        ],
        ..Article::default()
    };
    let b = Article {
        id: "b".into(),
        title: "Fishing quotas dispute".into(),
        key_points: vec![
            kp("Quotas were cut by a third.", &[]),
            kp("Markova rejected the quota plan.", &["Elena Markova"]),
        ],
        ..Article::default()
    };
    let c = Article {
        id: "c".into(),
        title: "Weather".into(),
        key_points: vec![kp("Storms closed the port.", &["Port Authority"])],
        ..Article::default()
    };
    Briefing {
        articles: vec![a, b, c],
        actors: vec![
            actor(
                "Elena Markova",
                &["Markova", "Minister Markova"],
                &["a", "b"],
            ),
            actor("Port Authority", &[], &["c"]),
        ],
        merged_points: vec![
            MergedPoint {
                text: "Markova said the deal was close.".into(),
                members: vec![(0, 0), (1, 1)],
                ..MergedPoint::default()
            },
            MergedPoint {
                text: "Storms closed the port.".into(),
                members: vec![(2, 0)],
                ..MergedPoint::default()
            },
        ],
        warnings: vec!["w".into()],
    }
}

fn ids(b: &Briefing) -> Vec<&str> {
    b.articles.iter().map(|a| a.id.as_str()).collect()
}

/// Every merged point member and actor article id points into the view.
fn consistent(b: &Briefing) {
    for m in &b.merged_points {
        for (ai, ki) in &m.members {
            assert!(b.articles[*ai].key_points.get(*ki).is_some(), "{m:?}");
        }
    }
    for a in &b.actors {
        for id in a.articles.iter().chain(a.quotes.iter().map(|q| &q.article)) {
            assert!(ids(b).contains(&id.as_str()), "{id} missing");
        }
    }
}

#[test]
fn empty_filter_keeps_everything() {
    let b = briefing();
    assert_eq!(select(&b, &ViewFilter::default()).unwrap(), b);
}

#[test]
fn actor_by_alias_any_case_narrows_articles_points_and_actors() {
    let b = briefing();
    let v = select(
        &b,
        &ViewFilter {
            actor: Some("minister markova".into()),
            query: None,
            starred: None,
        },
    )
    .unwrap();
    assert_eq!(ids(&v), ["a", "b"]);
    assert_eq!(v.articles[0].key_points.len(), 1);
    assert_eq!(
        v.articles[1].key_points[0].text,
        "Markova rejected the quota plan."
    );
    assert_eq!(v.actors.len(), 1);
    assert_eq!(v.merged_points.len(), 1);
    assert_eq!(v.merged_points[0].members, vec![(0, 0), (1, 0)]);
    consistent(&v);
}

#[test]
fn unknown_actor_is_an_error_listing_known_ones() {
    let err = select(
        &briefing(),
        &ViewFilter {
            actor: Some("Zzyzx".into()),
            query: None,
            starred: None,
        },
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("Zzyzx") && msg.contains("Elena Markova"),
        "{msg}"
    );
}

#[test]
fn query_matches_titles_whole_and_key_points_alone() {
    let b = briefing();
    let q = |s: &str| ViewFilter {
        actor: None,
        query: Some(s.into()),
        starred: None,
    };
    // Title match keeps the whole article.
    let v = select(&b, &q("fishing")).unwrap();
    assert_eq!(ids(&v), ["b"]);
    assert_eq!(v.articles[0].key_points.len(), 2);
    consistent(&v);
    // A key point match keeps that point only.
    let v = select(&b, &q("tariffs")).unwrap();
    assert_eq!(ids(&v), ["a"]);
    assert_eq!(v.articles[0].key_points.len(), 1);
    assert!(v.merged_points.is_empty());
    consistent(&v);
    // An actor name keeps the actor and the articles it appears in.
    let v = select(&b, &q("port auth")).unwrap();
    assert_eq!(ids(&v), ["c"]);
    assert_eq!(v.actors.len(), 1);
    consistent(&v);
    assert!(select(&b, &q("xylophone")).unwrap().articles.is_empty());
}

#[test]
fn scattered_letters_in_long_sentences_do_not_count() {
    let b = briefing();
    let v = select(
        &b,
        &ViewFilter {
            actor: None,
            query: Some("mkv".into()),
            starred: None,
        },
    )
    .unwrap();
    assert!(v.articles.is_empty(), "{:?}", ids(&v));
}

#[test]
fn blank_query_is_no_query() {
    let b = briefing();
    let v = select(
        &b,
        &ViewFilter {
            actor: None,
            query: Some("   ".into()),
            starred: None,
        },
    )
    .unwrap();
    assert_eq!(v, b);
}
#[test]
fn a_long_contiguous_query_beats_the_same_letters_scattered() {
    let m = Matcher::new("zelensky");
    assert!(m.hit("Volodymyr Zelenskyy heads to London for talks with the British"));
    assert!(!m.hit("The zone of the lens kept yelling"));
}

fn random_briefing(
    shape: Vec<Vec<(u8, bool)>>,
    actor_articles: Vec<Vec<usize>>,
    merged: Vec<Vec<(usize, usize)>>,
) -> Briefing {
    let names = ["Ann Vale", "Bo Ostrava", "Port Authority"];
    let words = ["harbour", "quota", "tariff", "storm"];
    let articles: Vec<Article> = shape
        .iter()
        .enumerate()
        .map(|(i, kps)| Article {
            id: format!("a{i}"),
            title: format!("{} story {i}", words[i % words.len()]),
            key_points: kps
                .iter()
                .map(|(w, with_actor)| {
                    let name = names[*w as usize % names.len()];
                    let text = format!("The {} point", words[*w as usize % words.len()]);
                    let named = [name];
                    kp(&text, if *with_actor { &named[..] } else { &[] })
                })
                .collect(),
            ..Article::default()
        })
        .collect();
    let n = articles.len().max(1);
    let actors = actor_articles
        .iter()
        .zip(names)
        .map(|(arts, name)| {
            let mut ids: Vec<String> = arts.iter().map(|i| format!("a{}", i % n)).collect();
            ids.dedup();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            actor(name, &[], &ids)
        })
        .collect();
    let merged_points = merged
        .iter()
        .map(|members| MergedPoint {
            text: "m".into(),
            members: members
                .iter()
                .filter_map(|(a, k)| {
                    let art = articles.get(a % n)?;
                    (!art.key_points.is_empty()).then(|| (a % n, k % art.key_points.len()))
                })
                .collect(),
            ..MergedPoint::default()
        })
        .filter(|m| !m.members.is_empty())
        .collect();
    Briefing {
        articles,
        actors,
        merged_points,
        warnings: Vec::new(),
    }
}

proptest::proptest! {
    #[test]
    fn any_view_of_any_briefing_stays_consistent(
        shape in proptest::collection::vec(proptest::collection::vec((0u8..8, proptest::bool::ANY), 0..4), 0..6),
        actor_articles in proptest::collection::vec(proptest::collection::vec(0usize..6, 1..4), 0..3),
        merged in proptest::collection::vec(proptest::collection::vec((0usize..6, 0usize..4), 1..3), 0..4),
        query in proptest::option::of("[a-z ]{0,8}"),
        actor_pick in proptest::option::of(0usize..3),
    ) {
        let b = random_briefing(shape, actor_articles, merged);
        let actor = actor_pick.and_then(|i| b.actors.get(i)).map(|a| a.name.to_lowercase());
        let v = select(&b, &ViewFilter { actor: actor.clone(), query, starred: None }).unwrap();
        consistent(&v);
        proptest::prop_assert!(v.articles.len() <= b.articles.len());
        if let Some(name) = actor {
            proptest::prop_assert!(v.actors.len() <= 1);
            proptest::prop_assert!(v.actors.iter().all(|a| a.name.to_lowercase() == name));
        }
    }
}

#[test]
fn starred_keeps_starred_articles_whole_and_starred_points_alone() {
    let mut b = briefing();
    for (a, hash) in b.articles.iter_mut().zip(["ha", "hb", "hc"]) {
        a.content_hash = hash.into();
    }
    let mut starred = Starred::default();
    starred.articles.insert("hc".into());
    starred.points.insert((
        "hb".into(),
        crate::state::point_key("Quotas were cut by a third."),
    ));
    let v = select(
        &b,
        &ViewFilter {
            starred: Some(starred.clone()),
            ..ViewFilter::default()
        },
    )
    .unwrap();
    consistent(&v);
    assert_eq!(ids(&v), vec!["b", "c"]);
    assert_eq!(v.articles[0].key_points.len(), 1);
    assert_eq!(
        v.articles[0].key_points[0].text,
        "Quotas were cut by a third."
    );
    assert_eq!(v.articles[1].key_points.len(), 1);

    // Stars and a query narrow together.
    let v = select(
        &b,
        &ViewFilter {
            starred: Some(starred),
            query: Some("storms port".into()),
            ..ViewFilter::default()
        },
    )
    .unwrap();
    assert_eq!(ids(&v), vec!["c"]);

    // Nothing starred: nothing shown.
    let v = select(
        &b,
        &ViewFilter {
            starred: Some(Starred::default()),
            ..ViewFilter::default()
        },
    )
    .unwrap();
    assert!(v.articles.is_empty());
}

#[test]
fn query_words_match_in_any_order_and_fold_like_the_panes() {
    let mut b = briefing();
    b.articles[2].key_points[0].text = "Storms closed the port’s “main” quay.".into();
    let q = |s: &str| ViewFilter {
        query: Some(s.into()),
        ..ViewFilter::default()
    };
    let forward = select(&b, &q("storms quay")).unwrap();
    assert_eq!(ids(&forward), ["c"]);
    assert_eq!(select(&b, &q("quay storms")).unwrap(), forward);
    assert_eq!(select(&b, &q("QUAY   Storms")).unwrap(), forward);
    // Straight quotes find curly ones.
    assert_eq!(ids(&select(&b, &q("port's \"main\"")).unwrap()), ["c"]);
    // Every word must match the same item.
    assert!(select(&b, &q("storms tariffs"))
        .unwrap()
        .articles
        .is_empty());
}
