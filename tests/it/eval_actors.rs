//! Dev harness: actor extraction on the CoNLL news set, scored by the shared scorer.
//!
//! Not part of CI (it reads ../shared). Run:
//!   cargo test --release --test it eval_actors:: -- --ignored --nocapture
//!   python3 ../shared/scripts/score_actors.py score target/eval_actors.json \
//!       ../shared/data/conll-dev/gold.json
//! Set `EVAL_PER_DOC=1` to extract each document as its own briefing.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use brief::derive::actors;
use brief::model::{Article, Block, Section};

fn data_dir() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        "../shared/data/conll-dev",
        "../../shared/data/conll-dev",
        "/work/shared/data/conll-dev",
    ]
    .iter()
    .map(|p| here.join(p))
    .find(|p| p.is_dir())
    .unwrap_or_else(|| here.join("../shared/data/conll-dev"))
}

fn load(dir: &Path) -> Result<Vec<Article>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text =
            std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        let mut lines = text.lines();
        let title = lines.next().unwrap_or_default().to_string();
        let blocks = lines
            .filter(|l| !l.trim().is_empty())
            .map(|l| Block::Paragraph {
                text: l.to_string(),
            })
            .collect();
        let path = std::fs::canonicalize(&p)?.display().to_string();
        let id = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        out.push(Article {
            id,
            path,
            title,
            sections: vec![Section {
                heading: None,
                blocks,
            }],
            ..Article::default()
        });
    }
    Ok(out)
}

/// User + system CPU seconds of the calling thread, from /proc (Linux only).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the ")" that closes the command name; utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

#[test]
#[ignore = "reads ../shared; see the module comment for the command"]
fn conll_export() -> Result<()> {
    let articles = load(&data_dir())?;
    let bytes: usize = articles
        .iter()
        .flat_map(|a| a.sections.iter().flat_map(|s| s.blocks.iter()))
        .map(|b| match b {
            Block::Paragraph { text } => text.len(),
            _ => 0,
        })
        .sum();
    // Warm up: the word lists are parsed on first use, which is not what we measure.
    let _ = actors::extract(&articles[..1]);
    let run = || {
        if std::env::var_os("EVAL_PER_DOC").is_some() {
            articles
                .iter()
                .flat_map(|a| actors::extract(std::slice::from_ref(a)))
                .collect()
        } else {
            actors::extract(&articles)
        }
    };
    // The machine is shared, so wall time says little: measure this thread's CPU time
    // (Linux /proc, in clock ticks of 10 ms) over enough runs to be well above a tick.
    let runs = 20;
    let cpu_before = thread_cpu_seconds();
    let started = std::time::Instant::now();
    let mut found = Vec::new();
    for _ in 0..runs {
        found = run();
    }
    let took = started.elapsed().as_secs_f64() / runs as f64;
    let cpu = thread_cpu_seconds().map(|after| (after - cpu_before.unwrap_or(after)) / runs as f64);
    if let Some(cpu) = cpu {
        println!(
            "CPU {:.4}s per run: {:.1} MB/s per core",
            cpu,
            bytes as f64 / cpu / 1e6
        );
    }
    println!(
        "{} articles, {} bytes, {} actors in {:.3}s wall: {:.1} MB/s",
        articles.len(),
        bytes,
        found.len(),
        took,
        bytes as f64 / took / 1e6
    );
    let doc = serde_json::json!({
        "articles": articles.iter().map(|a| serde_json::json!({"id": a.id, "path": a.path})).collect::<Vec<_>>(),
        "actors": found.iter().map(|a| serde_json::json!({
            "name": a.name, "kind": a.kind.as_str(), "aliases": a.aliases, "articles": a.articles,
        })).collect::<Vec<_>>(),
    });
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/eval_actors.json");
    std::fs::write(&out, serde_json::to_string_pretty(&doc)?)?;
    println!("wrote {}", out.display());
    Ok(())
}

/// Prints the actors of the sample briefing (through the real ingest), one line per
/// actor, for eyeballing:
///   cargo test --test it eval_actors::samples_dump -- --ignored --nocapture
#[test]
#[ignore = "prints for a human to read"]
fn samples_dump() -> Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/ukraine-talks");
    let briefing = brief::ingest::ingest_paths(&[dir], 50_000_000)?;
    for a in actors::extract(&briefing.articles) {
        println!(
            "{:4} {:12} {:28} aliases={:?} roles={:?} in={:?} quotes={}",
            a.mentions,
            a.kind.as_str(),
            a.name,
            a.aliases,
            a.roles,
            a.articles,
            a.quotes.len()
        );
        for q in &a.quotes {
            println!("        [{}] {}", q.article, q.text);
        }
    }
    Ok(())
}
