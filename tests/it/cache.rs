//! The summary cache: hits give exactly what deriving gives, corrupt entries are misses,
//! and nothing about the cache can make opening fail.

use brief::cache::{fill_key_points, SummaryCache};
use brief::model::{Article, Block, Briefing, KeyPoint, Location, Section};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

fn article(i: usize, text: &str) -> Article {
    Article {
        id: format!("a{i}"),
        path: format!("/nowhere/a{i}.txt"),
        content_hash: blake3::hash(text.as_bytes()).to_hex().to_string(),
        title: format!("Article {i}"),
        sections: vec![Section {
            heading: None,
            blocks: vec![Block::Paragraph { text: text.into() }],
        }],
        ..Default::default()
    }
}

fn articles() -> Vec<Article> {
    [
        "Envoys met in Geneva on Tuesday. Jane Roe said talks would resume. Ostrava agreed.",
        "Shares rose 2.5% after the talks. Traders were calm.",
        "Ostrava's ministry said it could accept joint patrols.",
        "",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| article(i, t))
    .collect()
}

/// A stand-in ranker that depends on the whole article, so a wrong cache key shows.
fn rank(a: &Article) -> Vec<KeyPoint> {
    let text = match a.sections.first().and_then(|s| s.blocks.first()) {
        Some(Block::Paragraph { text }) => text.clone(),
        _ => String::new(),
    };
    text.split(". ")
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, s)| KeyPoint {
            text: s.to_string(),
            score: 1.0 / (i as f64 + 1.0) + 0.1 / 3.0,
            actors: vec![format!("actor of {}", a.id)],
            location: Some(Location {
                section: 0,
                block: 0,
                sentence: i,
            }),
        })
        .collect()
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_warm_cache_gives_what_ranking_gives_without_ranking() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let cache = SummaryCache::at(dir.path());
    let calls = AtomicUsize::new(0);
    let counting = |a: &Article| {
        calls.fetch_add(1, Ordering::SeqCst);
        rank(a)
    };

    let mut plain = articles();
    fill_key_points(&mut plain, &SummaryCache::disabled(), rank);
    let mut cold = articles();
    fill_key_points(&mut cold, &cache, counting);
    assert_eq!(calls.swap(0, Ordering::SeqCst), 4);
    let mut warm = articles();
    fill_key_points(&mut warm, &cache, counting);
    assert_eq!(
        calls.load(Ordering::SeqCst),
        0,
        "every article came from the cache"
    );
    assert_eq!(cold, plain);
    assert_eq!(warm, plain, "floats, locations and actors survive exactly");
    Ok(())
}

#[test]
fn articles_with_key_points_are_left_alone() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut arts = articles();
    arts[0].key_points = vec![KeyPoint {
        text: "supplied".into(),
        ..Default::default()
    }];
    fill_key_points(&mut arts, &SummaryCache::at(dir.path()), rank);
    assert_eq!(arts[0].key_points.len(), 1);
    assert_eq!(arts[0].key_points[0].text, "supplied");
    assert_eq!(files_under(dir.path()).len(), 3);
    Ok(())
}

#[test]
fn corrupt_entries_are_misses_and_are_replaced() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let cache = SummaryCache::at(dir.path());
    let a = &articles()[0];
    let good = rank(a);
    let other_hash = "ab".repeat(32);
    let bad: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"{\"derive_version\":1,".to_vec(),
        b"\xff\xfe garbage".to_vec(),
        b"[1,2,3]".to_vec(),
        format!("{{\"derive_version\":1,\"content_hash\":\"{other_hash}\",\"value\":[]}}")
            .into_bytes(),
        format!(
            "{{\"derive_version\":999,\"content_hash\":\"{}\",\"value\":[]}}",
            a.content_hash
        )
        .into_bytes(),
        format!(
            "{{\"derive_version\":1,\"content_hash\":\"{}\",\"value\":[{{\"text\":3}}]}}",
            a.content_hash
        )
        .into_bytes(),
    ];
    for bytes in bad {
        cache.store_key_points(&a.content_hash, &good)?;
        let files = files_under(dir.path());
        assert_eq!(files.len(), 1);
        std::fs::write(&files[0], &bytes)?;
        assert_eq!(
            cache.key_points(&a.content_hash),
            None,
            "{:?}",
            String::from_utf8_lossy(&bytes)
        );
        assert!(
            files_under(dir.path()).is_empty(),
            "the corrupt entry is deleted"
        );
        let mut arts = vec![a.clone()];
        fill_key_points(&mut arts, &cache, rank);
        assert_eq!(arts[0].key_points, good);
        assert_eq!(cache.key_points(&a.content_hash), Some(good.clone()));
        std::fs::remove_file(&files_under(dir.path())[0])?;
    }
    Ok(())
}

#[test]
fn odd_hashes_and_kinds_never_leave_the_cache_folder() -> anyhow::Result<()> {
    let outer = tempfile::tempdir()?;
    let root = outer.path().join("cache");
    let cache = SummaryCache::at(&root);
    for hash in [
        "",
        "../../../etc",
        "abc/def0123",
        "ab",
        "zz".repeat(32).as_str(),
    ] {
        cache.put("key_points", hash, &1)?;
        assert_eq!(cache.get::<i32>("key_points", hash), None);
    }
    cache.put("../x", &"ab".repeat(32), &1)?;
    cache.put("", &"ab".repeat(32), &1)?;
    assert!(files_under(outer.path()).is_empty());
    Ok(())
}

#[test]
fn disabled_or_unusable_caches_only_cost_time() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut expected = articles();
    fill_key_points(&mut expected, &SummaryCache::disabled(), rank);

    // The cache root is a file: every store fails, every lookup misses, nothing breaks.
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, "not a folder")?;
    let mut arts = articles();
    fill_key_points(&mut arts, &SummaryCache::at(&blocked), rank);
    assert_eq!(arts, expected);
    assert!(SummaryCache::disabled().dir().is_none());
    assert!(SummaryCache::disabled()
        .store_key_points(&"ab".repeat(32), &[])
        .is_ok());
    Ok(())
}

#[test]
fn entries_are_per_derive_version() {
    let cache = SummaryCache::at("/c");
    let dir = cache.dir().expect("enabled");
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    assert_eq!(
        name,
        Some(format!(
            "d{}-{}",
            brief::cache::DERIVE_VERSION,
            env!("CARGO_PKG_VERSION")
        ))
    );
}
/// Dev harness, not run by CI (it reads the shared BBC dev set, 1,907 articles): ranks
/// every article with the real ranker through the summary stage, with no cache, a cold
/// cache and a warm cache, and prints the times.
/// Run: `cargo test --release --test it cache::bbc_dev_cache_timing -- --ignored --nocapture`
#[test]
#[ignore]
fn bbc_dev_cache_timing() -> anyhow::Result<()> {
    use std::time::Instant;
    let root = ["../shared", "../../shared"]
        .iter()
        .map(|p| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(p)
                .join("data/bbc-dev/articles")
        })
        .find(|p| p.is_dir())
        .ok_or_else(|| anyhow::anyhow!("shared/data/bbc-dev not found beside the repository"))?;
    let mut arts = Vec::new();
    for cat in std::fs::read_dir(&root)?.flatten() {
        for f in std::fs::read_dir(cat.path())?.flatten() {
            let bytes = std::fs::read(f.path())?;
            let text = String::from_utf8_lossy(&bytes);
            let mut paras = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
            let title = paras.next().unwrap_or_default().to_string();
            arts.push(Article {
                id: f.path().display().to_string(),
                path: f.path().display().to_string(),
                content_hash: blake3::hash(&bytes).to_hex().to_string(),
                title,
                sections: vec![Section {
                    heading: None,
                    blocks: paras.map(|p| Block::Paragraph { text: p.into() }).collect(),
                }],
                ..Default::default()
            });
        }
    }
    let cache_dir = tempfile::tempdir()?;
    let cache = SummaryCache::at(cache_dir.path());
    // Key points alone (the part the cache replaces), then the whole summary stage.
    let fill = |cache: &SummaryCache| {
        let mut a = arts.clone();
        let t = Instant::now();
        fill_key_points(&mut a, cache, brief::derive::keypoints::rank);
        (t.elapsed(), a)
    };
    let (rank_t, ranked) = fill(&SummaryCache::disabled());
    let (cold_t, cold) = fill(&cache);
    let (warm_t, warm) = fill(&cache);
    println!(
        "{} articles, key points: ranked {rank_t:.2?}, cold cache {cold_t:.2?}, warm cache {warm_t:.2?}",
        arts.len()
    );
    for (label, got) in [("cold", &cold), ("warm", &warm)] {
        let differ: Vec<&str> = ranked
            .iter()
            .zip(got.iter())
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a.id.as_str())
            .collect();
        assert!(
            differ.is_empty(),
            "{label}: {} differ, first {:?}",
            differ.len(),
            differ.first()
        );
    }
    let whole = |cache: &SummaryCache| {
        let mut b = Briefing {
            articles: arts.clone(),
            ..Default::default()
        };
        let t = Instant::now();
        brief::summary::summarize(&mut b, cache, false);
        (t.elapsed(), b)
    };
    let (plain_t, plain) = whole(&SummaryCache::disabled());
    let (warm_t, warm) = whole(&cache);
    println!("whole summary stage: no cache {plain_t:.2?}, warm cache {warm_t:.2?}");
    assert!(warm == plain, "the summary stage differs with a warm cache");
    Ok(())
}

fn any_points() -> impl proptest::strategy::Strategy<Value = Vec<KeyPoint>> {
    use proptest::prelude::*;
    let score = prop_oneof![
        proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO,
        0.0..1.0f64,
    ];
    let point = (
        "\\PC{0,40}",
        score,
        proptest::collection::vec("\\PC{0,10}", 0..3),
        any::<Option<(usize, usize, usize)>>(),
    )
        .prop_map(|(text, score, actors, loc)| KeyPoint {
            text,
            score,
            actors,
            location: loc.map(|(section, block, sentence)| Location {
                section,
                block,
                sentence,
            }),
        });
    proptest::collection::vec(point, 0..6)
}

proptest::proptest! {
    /// A cache hit must be bit-identical to what was stored: scores included (JSON
    /// number parsing is only exact with serde_json's `float_roundtrip`).
    #[test]
    fn stored_key_points_come_back_bit_identical(points in any_points()) {
        let dir = tempfile::tempdir().map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let cache = SummaryCache::at(dir.path());
        let hash = "cd".repeat(32);
        cache.store_key_points(&hash, &points).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let back = cache.key_points(&hash);
        proptest::prop_assert!(back.is_some());
        let back = back.unwrap_or_default();
        proptest::prop_assert_eq!(back.len(), points.len());
        for (a, b) in back.iter().zip(points.iter()) {
            proptest::prop_assert_eq!(a.score.to_bits(), b.score.to_bits());
            proptest::prop_assert_eq!(a, b);
        }
    }
}
