//! Property tests of the reader layout: any text, actors, search and width lay out
//! without panicking, and no line is wider than the width.

use super::doc::{layout, DocInput};
use crate::derive::actors::ActorMatcher;
use crate::model::{Actor, Article, Block, KeyPoint, Location, Section, Table};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

fn article(texts: Vec<String>, cells: Vec<String>, kp: (usize, usize, usize)) -> Article {
    let mut blocks: Vec<Block> = texts
        .iter()
        .map(|t| Block::Paragraph { text: t.clone() })
        .collect();
    blocks.push(Block::Bullets {
        items: texts.clone(),
    });
    blocks.push(Block::Quote {
        text: texts.join(" "),
    });
    blocks.push(Block::Table(Table {
        header: cells.iter().take(3).cloned().collect(),
        rows: vec![cells.clone(), cells.iter().rev().cloned().collect()],
    }));
    Article {
        title: texts.first().cloned().unwrap_or_default(),
        sections: vec![Section {
            heading: texts.last().cloned(),
            blocks,
        }],
        key_points: vec![KeyPoint {
            text: String::new(),
            location: Some(Location {
                section: kp.0,
                block: kp.1,
                sentence: kp.2,
            }),
            ..KeyPoint::default()
        }],
        warnings: texts.clone(),
        ..Article::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn layout_never_panics_and_fits(
        texts in proptest::collection::vec("\\PC{0,80}|[a-z .]{0,60}|[\\x00-\\x1f\\x7f-\\u{9f}a ]{0,20}", 1..4),
        cells in proptest::collection::vec("\\PC{0,12}", 0..5),
        names in proptest::collection::vec("\\PC{1,6}", 0..3),
        search in "\\PC{0,4}",
        width in 0usize..50,
        kp in (0usize..2, 0usize..6, 0usize..4),
        ascii in any::<bool>(),
    ) {
        let a = article(texts, cells, kp);
        let actors: Vec<Actor> = names.iter().map(|n| Actor { name: n.clone(), ..Actor::default() }).collect();
        let matcher = ActorMatcher::new(&actors);
        let doc = layout(&DocInput { article: &a, matcher: &matcher, focus_actor: Some(0), search: &search, width, ascii });
        let w = width.max(4);
        for l in &doc.lines {
            let t = l.text();
            prop_assert!(t.width() <= w, "{:?} wider than {}", t, w);
            prop_assert!(!t.chars().any(|c| c.is_control()));
        }
        for &line in doc.key_points.iter().chain(&doc.mentions).chain(&doc.matches) {
            prop_assert!(line < doc.lines.len());
        }
    }
}
