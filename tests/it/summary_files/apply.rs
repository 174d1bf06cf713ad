//! Applying summary files to articles: title and key points replaced, located in the text,
//! stale files detected, supplied actors merged into the derived ones.

use brief::model::{
    Actor, ActorKind, Article, Block, Briefing, KeyPoint, Location, Section, SummaryOrigin, Table,
};
use brief::summary::{apply_articles, locate, summary_path};
use std::path::Path;

fn hash_of(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

fn article(path: &Path, bytes: &[u8]) -> Article {
    Article {
        id: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        content_hash: hash_of(bytes),
        title: "Derived title".into(),
        sections: vec![
            Section {
                heading: None,
                blocks: vec![Block::Paragraph {
                    text: "Envoys met in Geneva on Tuesday. Jane Roe said talks would resume \
                           after the holiday, and Ostrava agreed."
                        .into(),
                }],
            },
            Section {
                heading: Some("Positions".into()),
                blocks: vec![
                    Block::Bullets {
                        items: vec!["A ceasefire first".into(), "Then elections".into()],
                    },
                    Block::Table(Table {
                        header: vec!["Actor".into(), "Priority".into()],
                        rows: vec![
                            vec!["Valmora".into(), "Security guarantees".into()],
                            vec!["Ostrava".into(), "Sanctions relief".into()],
                        ],
                    }),
                ],
            },
        ],
        key_points: vec![KeyPoint {
            text: "Envoys met in Geneva on Tuesday.".into(),
            score: 0.9,
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn loc(section: usize, block: usize, sentence: usize) -> Option<Location> {
    Some(Location {
        section,
        block,
        sentence,
    })
}

#[test]
fn locate_finds_sentences_bullets_and_rows_despite_case_and_spacing() {
    let a = article(Path::new("x.txt"), b"");
    assert_eq!(
        locate(&a, "envoys met in   Geneva on Tuesday"),
        loc(0, 0, 0)
    );
    assert_eq!(
        locate(&a, "Jane Roe said talks would resume after the holiday"),
        loc(0, 0, 1)
    );
    assert_eq!(locate(&a, "Then elections."), loc(1, 0, 1));
    assert_eq!(locate(&a, "Ostrava | Sanctions relief"), loc(1, 1, 1));
    assert_eq!(locate(&a, "Something nobody wrote in this article."), None);
    assert_eq!(
        locate(&a, "Geneva"),
        None,
        "short words do not match by containment"
    );
    assert_eq!(locate(&a, "...!"), None);
}

fn write_summary(article_path: &Path, hash: &str, body: &str) {
    let text = format!("version = 1\ncontent_hash = \"{hash}\"\n{body}");
    std::fs::write(summary_path(article_path), text).expect("write summary");
}

#[test]
fn supplied_title_and_points_replace_derived_ones() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a.txt");
    let bytes = b"the article bytes";
    std::fs::write(&p, bytes)?;
    write_summary(
        &p,
        &hash_of(bytes),
        "title = \"Supplied\"\n[[key_points]]\ntext = \"Then elections\"\n\
         [[key_points]]\ntext = \"A point of my own.\"\nscore = 0.25\n",
    );
    let mut arts = vec![article(&p, bytes), article(&dir.path().join("b.txt"), b"b")];
    let supplied = apply_articles(&mut arts);
    assert!(supplied.actors.is_empty());
    let a = &arts[0];
    assert_eq!(a.title, "Supplied");
    let texts: Vec<&str> = a.key_points.iter().map(|k| k.text.as_str()).collect();
    assert_eq!(texts, ["Then elections", "A point of my own."]);
    assert_eq!(a.key_points[0].location, loc(1, 0, 1));
    assert_eq!(a.key_points[1].location, None);
    assert_eq!(a.key_points[1].score, 0.25);
    assert!(a.key_points[0].score > a.key_points[1].score);
    let expected = summary_path(&p).display().to_string();
    assert_eq!(
        a.summary,
        SummaryOrigin::Supplied {
            path: expected,
            stale: false
        }
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    assert_eq!(
        arts[1].summary,
        SummaryOrigin::Derived,
        "no file, untouched"
    );
    assert_eq!(arts[1].title, "Derived title");
    Ok(())
}

#[test]
fn changed_article_marks_summary_stale_with_a_warning() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a.txt");
    std::fs::write(&p, b"new bytes")?;
    write_summary(&p, &hash_of(b"old bytes"), "");
    let mut arts = vec![article(&p, b"new bytes")];
    apply_articles(&mut arts);
    assert!(matches!(
        arts[0].summary,
        SummaryOrigin::Supplied { stale: true, .. }
    ));
    assert!(
        arts[0].warnings.iter().any(|w| w.contains("stale")),
        "{:?}",
        arts[0].warnings
    );
    assert_eq!(
        arts[0].key_points.len(),
        1,
        "a file without key points keeps the derived ones"
    );
    Ok(())
}

#[test]
fn malformed_file_is_a_warning_and_derived_summaries_stay() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a.txt");
    std::fs::write(&p, b"x")?;
    std::fs::write(summary_path(&p), "version = 1\ntitle = 3\n")?;
    let mut arts = vec![article(&p, b"x")];
    let before = arts[0].clone();
    apply_articles(&mut arts);
    assert_eq!(arts[0].summary, SummaryOrigin::Derived);
    assert_eq!(arts[0].key_points, before.key_points);
    assert_eq!(arts[0].warnings.len(), 1);
    assert!(
        arts[0].warnings[0].contains("a.summary.toml:2:9"),
        "{}",
        arts[0].warnings[0]
    );
    Ok(())
}

#[test]
fn supplied_actors_override_matching_derived_ones_and_join_the_rest() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("a.txt");
    std::fs::write(&p, b"x")?;
    write_summary(
        &p,
        &hash_of(b"x"),
        "[[key_points]]\ntext = \"Jane Roe said talks would resume.\"\n\
         [[actors]]\nname = \"Jane A. Roe\"\nkind = \"person\"\naliases = [\"Jane Roe\"]\n\
         roles = [\"special envoy\"]\n\
         [[actors]]\nname = \"Ostrava\"\nkind = \"place\"\n",
    );
    let mut b = Briefing {
        articles: vec![article(&p, b"x")],
        ..Default::default()
    };
    let supplied = apply_articles(&mut b.articles);
    // What derive would have found: Jane Roe as an organisation (wrongly), in this article.
    b.actors = vec![Actor {
        name: "Jane Roe".into(),
        kind: ActorKind::Organization,
        aliases: vec!["Roe".into()],
        roles: vec!["spokesperson".into()],
        articles: vec!["a.txt".into()],
        mentions: 5,
        ..Default::default()
    }];
    b.articles[0].actors = vec!["Jane Roe".into()];
    b.articles[0].key_points[0].actors = vec!["Jane Roe".into()];
    supplied.merge_into(&mut b);

    let names: Vec<&str> = b.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Jane A. Roe", "Ostrava"]);
    let jane = &b.actors[0];
    assert_eq!(jane.kind, ActorKind::Person);
    assert_eq!(jane.roles, ["special envoy"]);
    assert_eq!(jane.aliases, ["Jane Roe"]);
    assert_eq!(jane.articles, ["a.txt"]);
    assert_eq!(jane.mentions, 5, "same article: mentions not counted twice");
    let ostrava = &b.actors[1];
    assert_eq!(ostrava.kind, ActorKind::Place);
    assert_eq!(ostrava.mentions, 2, "body and table row");
    assert_eq!(b.articles[0].actors, ["Jane A. Roe", "Ostrava"]);
    assert_eq!(b.articles[0].key_points[0].actors, ["Jane A. Roe"]);
    Ok(())
}
