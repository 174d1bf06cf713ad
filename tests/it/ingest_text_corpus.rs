//! Dev harness: the scraped-text rules on real news that has no tables and few headings.
//!
//! BBC articles (line 1 headline, blank line, paragraphs) and CoNLL Reuters files (one
//! sentence a line, wire headlines and datelines) must parse without false tables or
//! headings. Needs `../shared`, so it is ignored by default; run it with
//!
//! ```sh
//! cargo test --test it ingest_text_corpus:: -- --ignored --nocapture
//! ```

use brief::ingest::text::parse;
use brief::model::Block;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    ["../shared", "../../shared", "/work/shared"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.join("data").is_dir())
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

#[derive(Default)]
struct Tally {
    docs: usize,
    with_table: usize,
    over_3_headings: usize,
    with_heading: usize,
    untitled: usize,
    dated: usize,
    warned: usize,
}

fn survey(dir: &Path, show: usize) -> Tally {
    let mut paths = Vec::new();
    files(dir, &mut paths);
    let mut t = Tally::default();
    let mut shown = 0;
    let texts: Vec<(PathBuf, String)> = paths
        .iter()
        .filter_map(|p| Some((p.clone(), std::fs::read_to_string(p).ok()?)))
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let started = std::time::Instant::now();
    let mut slowest = Vec::new();
    let docs: Vec<_> = texts
        .iter()
        .map(|(p, t)| {
            let one = std::time::Instant::now();
            let doc = parse(t);
            slowest.push((one.elapsed(), p.display().to_string()));
            doc
        })
        .collect();
    let secs = started.elapsed().as_secs_f64();
    slowest.sort();
    println!(
        "slowest: {:?}",
        slowest.iter().rev().take(3).collect::<Vec<_>>()
    );
    println!(
        "parsed {:.1} MB in {:.3} s: {:.1} MB/s (this build's profile)",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
    for ((p, _), doc) in texts.iter().zip(docs) {
        let headings: Vec<&str> = doc
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        let tables = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| matches!(b, Block::Table(_)))
            .count();
        t.docs += 1;
        t.with_table += usize::from(tables > 0);
        t.over_3_headings += usize::from(headings.len() > 3);
        t.with_heading += usize::from(!headings.is_empty());
        t.untitled += usize::from(doc.title.is_none());
        t.dated += usize::from(doc.published.is_some());
        t.warned += usize::from(!doc.warnings.is_empty());
        if (tables > 0 || !headings.is_empty()) && shown < show {
            shown += 1;
            println!("{}: headings {:?} tables {}", p.display(), headings, tables);
        }
    }
    println!(
        "{}: {} docs, {} with a table, {} with >3 headings, {} with any heading, {} untitled, {} dated, {} with warnings",
        dir.display(),
        t.docs,
        t.with_table,
        t.over_3_headings,
        t.with_heading,
        t.untitled,
        t.dated,
        t.warned
    );
    t
}

#[test]
#[ignore = "reads ../shared/data; run with --ignored"]
fn bbc_articles_have_no_false_tables_or_headings() {
    let Some(root) = shared() else {
        eprintln!("../shared not found; skipped");
        return;
    };
    let t = survey(&root.join("data/bbc-dev/articles"), 15);
    assert!(t.docs > 1000);
    assert!(
        t.with_table * 200 <= t.docs,
        "tables in {} BBC articles",
        t.with_table
    );
    assert!(t.over_3_headings * 200 <= t.docs);
    assert!(t.untitled * 100 <= t.docs);
}

#[test]
#[ignore = "reads ../shared/data; run with --ignored"]
fn conll_files_have_no_false_tables_or_headings() {
    let Some(root) = shared() else {
        eprintln!("../shared not found; skipped");
        return;
    };
    let t = survey(&root.join("data/conll-dev"), 15);
    assert!(t.docs > 200);
    assert!(
        t.with_table * 50 <= t.docs,
        "tables in {} CoNLL files",
        t.with_table
    );
    assert!(t.over_3_headings * 50 <= t.docs);
}
