//! Dev harness: the 200 most mentioned actors of the BBC dev set (1,907 articles) against
//! hand labels, and whether every article that names Blair is linked to Tony Blair.
//!
//! Not part of CI (it reads ../shared). Run:
//!   cargo test --release --test it eval_bbc_actors:: -- --ignored --nocapture
//! Labels live in `tests/it/actor_labels/bbc_top.tsv` (name, tab, the right kind or `junk`;
//! `organization|place` accepts either, for a city named for its club). They were written
//! by hand for this harness from what the name means in the articles, not taken from any
//! data set. Unlabelled names are listed so they can be labelled.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use brief::derive::actors;
use brief::model::{Actor, Block};

fn data_dir() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/data/bbc-dev/articles"]
        .iter()
        .map(|p| here.join(p))
        .find(|p| p.is_dir())
}

fn labels() -> Result<HashMap<String, Vec<String>>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/actor_labels/bbc_top.tsv");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (name, kinds) = line
            .split_once('\t')
            .with_context(|| format!("no tab in label line {line:?}"))?;
        let kinds = kinds.split('|').map(|k| k.trim().to_string()).collect();
        out.insert(name.to_string(), kinds);
    }
    Ok(out)
}

#[derive(Default)]
struct Tally {
    junk: Vec<String>,
    wrong: Vec<String>,
    unlabelled: Vec<String>,
}

fn tally(top: &[Actor], labels: &HashMap<String, Vec<String>>) -> Tally {
    let mut t = Tally::default();
    for a in top {
        let line = format!("{} ({})", a.name, a.kind.as_str());
        match labels.get(&a.name) {
            None => t.unlabelled.push(line),
            Some(k) if k.iter().any(|k| k == a.kind.as_str()) => {}
            Some(k) if k.iter().any(|k| k == "junk") => t.junk.push(line),
            Some(_) => t.wrong.push(line),
        }
    }
    t
}

/// Whole-word "Blair" in an article's text.
fn names_blair(text: &str) -> bool {
    text.match_indices("Blair").any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + 5..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The other Blair an article names in full, when it never says Tony Blair or Mr Blair
/// (Cherie, Sir Ian, Selma, Mark, Mike Blair; "The Blair Witch Project").
fn other_blair(text: &str) -> Option<&'static str> {
    if text.contains("Tony Blair") || text.contains("Mr Blair") {
        return None;
    }
    [
        "Cherie Blair",
        "Ian Blair",
        "Selma Blair",
        "Mark Blair",
        "Mike Blair",
        "Lionel Blair",
        "Blair Witch",
    ]
    .into_iter()
    .find(|n| text.contains(n))
}

#[test]
#[ignore = "reads ../shared; see the module comment for the command"]
fn bbc_top_actors() -> Result<()> {
    let Some(dir) = data_dir() else {
        println!("no ../shared/data/bbc-dev: skipped");
        return Ok(());
    };
    let briefing = brief::ingest::ingest_paths(&[dir], 50_000_000)?;
    let found = actors::extract(&briefing.articles);
    let labels = labels()?;
    for n in [100, 200] {
        let t = tally(&found[..n.min(found.len())], &labels);
        println!(
            "top {n}: junk {}, wrong kind {}, unlabelled {}",
            t.junk.len(),
            t.wrong.len(),
            t.unlabelled.len()
        );
        println!("  junk: {:?}", t.junk);
        println!("  wrong kind: {:?}", t.wrong);
        println!("  unlabelled: {:?}", t.unlabelled);
    }
    let tony = found.iter().find(|a| a.name == "Tony Blair");
    let linked: Vec<&str> = tony.map_or(Vec::new(), |a| {
        a.articles.iter().map(String::as_str).collect()
    });
    let mut blair = 0;
    let mut others = 0;
    let mut missing = Vec::new();
    for a in &briefing.articles {
        let mut text = a.title.clone();
        for s in &a.sections {
            for b in &s.blocks {
                if let Block::Paragraph { text: t } = b {
                    text.push('\n');
                    text.push_str(t);
                }
            }
        }
        if names_blair(&text) {
            blair += 1;
            if !linked.contains(&a.id.as_str()) {
                let other = other_blair(&text);
                missing.push(format!("{} ({})", a.path, other.unwrap_or("Tony?")));
                others += usize::from(other.is_some());
            }
        }
    }
    println!(
        "articles naming Blair: {blair}, linked to Tony Blair: {}; of the others, {others} \
         name only another Blair",
        blair - missing.len()
    );
    println!("  not linked: {missing:?}");
    Ok(())
}
