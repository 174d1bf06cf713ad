//! The summary stage as `open()` runs it: supplied files, cache, derivation, actors.

use brief::cache::SummaryCache;
use brief::model::{ActorKind, Article, Block, Briefing, Section, SummaryOrigin};
use brief::summary::{rederive, summarize, summary_path};
use std::path::Path;

const TEXTS: [&str; 3] = [
    "Envoys from Valmora and Ostrava met in Geneva on Tuesday. Minister Elena Markova said \
     talks would resume after the holiday. Ostrava agreed to a second round.",
    "Shares in Valmora rose 2.5% after the talks. Traders said the outlook had improved. \
     Elena Markova declined to comment on the markets.",
    "Critics in the Ostrava parliament called the offer vague. The opposition leader Tomas \
     Brandt said a vote was needed.",
];

fn briefing(dir: &Path) -> Briefing {
    let articles = TEXTS
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.join(format!("a{i}.txt"));
            std::fs::write(&path, text).expect("write article");
            Article {
                id: format!("a{i}.txt"),
                path: path.display().to_string(),
                content_hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
                title: format!("Article {i}"),
                sections: vec![Section {
                    heading: None,
                    blocks: vec![Block::Paragraph {
                        text: text.to_string(),
                    }],
                }],
                ..Default::default()
            }
        })
        .collect();
    Briefing {
        articles,
        ..Default::default()
    }
}

fn supply(dir: &Path) {
    let hash = blake3::hash(TEXTS[1].as_bytes()).to_hex().to_string();
    let text = format!(
        "version = 1\ncontent_hash = \"{hash}\"\ntitle = \"Markets rally\"\n\
         [[key_points]]\ntext = \"Traders said the outlook had improved.\"\n\
         [[actors]]\nname = \"Valmora Stock Exchange\"\nkind = \"organization\"\n"
    );
    std::fs::write(summary_path(&dir.join("a1.txt")), text).expect("write summary");
}

#[test]
fn supplied_key_points_and_actors_survive_derivation() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut b = briefing(dir.path());
    supply(dir.path());
    summarize(&mut b, &SummaryCache::disabled(), true);
    let a = &b.articles[1];
    assert!(matches!(
        a.summary,
        SummaryOrigin::Supplied { stale: false, .. }
    ));
    assert_eq!(a.title, "Markets rally");
    let texts: Vec<&str> = a.key_points.iter().map(|k| k.text.as_str()).collect();
    assert_eq!(texts, ["Traders said the outlook had improved."]);
    assert!(a.key_points[0].location.is_some());
    let exchange = b.actors.iter().find(|x| x.name == "Valmora Stock Exchange");
    assert_eq!(exchange.map(|x| x.kind), Some(ActorKind::Organization));
    assert_eq!(b.articles[0].summary, SummaryOrigin::Derived);

    let mut ignoring = briefing(dir.path());
    summarize(&mut ignoring, &SummaryCache::disabled(), false);
    assert_eq!(ignoring.articles[1].summary, SummaryOrigin::Derived);
    assert_eq!(ignoring.articles[1].title, "Article 1");
    Ok(())
}

#[test]
fn with_cache_equals_without_cold_and_warm() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let cache_dir = tempfile::tempdir()?;
    supply(dir.path());
    let cache = SummaryCache::at(cache_dir.path());
    let mut plain = briefing(dir.path());
    summarize(&mut plain, &SummaryCache::disabled(), true);
    for _ in 0..2 {
        let mut cached = briefing(dir.path());
        summarize(&mut cached, &cache, true);
        assert_eq!(cached, plain);
    }
    Ok(())
}

#[test]
fn rederive_gives_what_a_briefing_without_summary_files_has() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    supply(dir.path());
    let mut b = briefing(dir.path());
    summarize(&mut b, &SummaryCache::disabled(), true);
    rederive(&mut b, &SummaryCache::disabled());
    let mut expected = briefing(dir.path());
    summarize(&mut expected, &SummaryCache::disabled(), false);
    // The supplied title is kept (documented); everything else is as derived.
    expected.articles[1].title = "Markets rally".into();
    assert_eq!(b.articles, expected.articles);
    assert_eq!(b.actors, expected.actors);
    assert_eq!(b.merged_points, expected.merged_points);
    Ok(())
}
