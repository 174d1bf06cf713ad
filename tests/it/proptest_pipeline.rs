//! Never-panic suites for the whole pipeline: deriving a briefing from several generated
//! articles, and `brief::open::open` on a real folder holding one arbitrary file, as
//! the CLI would. Cases: `PROPTEST_CASES` (defaults below are small: each case of the
//! folder suite writes files and runs the full derive).

use crate::proptest_support;

use brief::derive::derive_briefing;
use brief::ingest::article::{build, Placed};
use brief::model::Briefing;
use brief::open::{open, OpenOptions, Origin};
use proptest::prelude::*;
use proptest_support::{config, scraped_text};

/// An article as a file's bytes: generated text in one of the three formats, or bytes.
fn article_bytes() -> impl Strategy<Value = (Vec<u8>, Option<&'static str>)> {
    let ext = prop_oneof![
        Just(Some("txt")),
        Just(Some("md")),
        Just(Some("html")),
        Just(None)
    ];
    let body = prop_oneof![
        3 => scraped_text().prop_map(String::into_bytes),
        1 => scraped_text().prop_map(|t| format!("---\ntitle: {t}\n---\n# {t}\n\n- {t}\n").into_bytes()),
        1 => scraped_text().prop_map(|t| format!("<html><body><article><h1>{t}</h1><p>{t}<li>{t}</article>").into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..300),
    ];
    (body, ext)
}

/// What every derived briefing must hold whatever went in.
fn check_derived(b: &Briefing) -> Result<(), TestCaseError> {
    let ids: Vec<&str> = b.articles.iter().map(|a| a.id.as_str()).collect();
    for a in &b.articles {
        for kp in &a.key_points {
            prop_assert!(kp.score.is_finite(), "score {} of {:?}", kp.score, kp.text);
            prop_assert!(!kp.text.trim().is_empty());
        }
    }
    for actor in &b.actors {
        prop_assert!(!actor.name.trim().is_empty());
        for id in &actor.articles {
            prop_assert!(
                ids.contains(&id.as_str()),
                "actor {} names {id}",
                actor.name
            );
        }
    }
    for m in &b.merged_points {
        for &(article, point) in &m.members {
            let kp = b
                .articles
                .get(article)
                .and_then(|a| a.key_points.get(point));
            prop_assert!(
                kp.is_some(),
                "merged point member ({article}, {point}) is dangling"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn derive_survives_generated_briefings(files in prop::collection::vec(article_bytes(), 0..5)) {
        let mut briefing = Briefing::default();
        for (i, (bytes, ext)) in files.iter().enumerate() {
            let place = Placed { id: format!("a{i}"), path: format!("gen/a{i}"), ext: *ext };
            if let Ok(article) = build(place, bytes) {
                briefing.articles.push(article);
            }
        }
        derive_briefing(&mut briefing);
        check_derived(&briefing)?;
    }
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn open_survives_a_folder_with_one_arbitrary_file(
        (bytes, ext) in article_bytes(),
        limit in prop_oneof![Just(64u64), Just(4096), Just(1 << 20)],
    ) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let name = ext.map_or("article".to_string(), |e| format!("article.{e}"));
        std::fs::write(dir.path().join(&name), &bytes)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let opts = OpenOptions { max_file_bytes: limit, use_cache: false, ..OpenOptions::default() };
        match open(&Origin::Paths(vec![dir.path().to_path_buf()]), &opts) {
            Ok(briefing) => {
                prop_assert_eq!(briefing.articles.len(), 1);
                prop_assert!(bytes.len() as u64 <= limit, "a file over the limit was read");
                check_derived(&briefing)?;
            }
            // Nothing to read: the message must say where it looked.
            Err(e) => prop_assert!(format!("{e:#}").contains("no articles"), "{e:#}"),
        }
    }
}
