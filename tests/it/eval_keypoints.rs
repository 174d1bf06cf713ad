//! Dev harness for key point quality and speed on the BBC dev set (not run in CI).
//!
//! Run:
//!   PY=$(../shared/scripts/setup-eval-venv.sh)
//!   BRIEF_EVAL_PY=$PY cargo test --release --test it eval_keypoints:: -- --ignored --nocapture
//!
//! It reads `$BRIEF_SHARED/data/bbc-dev` (default `../shared`), builds one Article per BBC
//! file (line 1 = headline, then one paragraph block per paragraph), ranks it with our
//! ranker and with the TextRank baseline, and writes exports shaped like `brief export`
//! into `target/eval-keypoints/`: `ours-tune.json` (business + entertainment, the split
//! the weights were tuned on), `ours-all.json`, `ours-uncut-all.json` (every candidate,
//! no 40% cut) and `textrank-all.json`. With `BRIEF_EVAL_PY` set it runs the shared ROUGE
//! scorer on each. `BRIEF_KP_PARAMS="half_life=0.3,redundancy=0.2"` overrides weights.
//! `BRIEF_EVAL_ONLY=ours-tune` writes and scores only the exports whose name starts so.
//! It also prints the ranking throughput in MB/s on one core.

use brief::derive::keypoints::{self, Params, Ranker};
use brief::model::{Article, Block, KeyPoint, Section};
use std::path::{Path, PathBuf};
use std::time::Instant;

const TUNE: &[&str] = &["business", "entertainment"];

fn shared() -> PathBuf {
    std::env::var_os("BRIEF_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    )
}

/// CPU time of the calling thread in seconds (Linux: first field of schedstat, in ns).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns: f64 = stat
        .split_whitespace()
        .next()
        .and_then(|f| f.parse().ok())
        .unwrap_or(0.0);
    ns / 1e9
}

fn params() -> Params {
    let mut p = Params::default();
    let spec = std::env::var("BRIEF_KP_PARAMS").unwrap_or_default();
    for kv in spec.split(',').filter(|s| !s.is_empty()) {
        let (k, v) = kv.split_once('=').expect("BRIEF_KP_PARAMS is key=value,…");
        let v: f64 = v.parse().expect("a number");
        match k {
            "position" => p.position = v,
            "half_life" => p.half_life = v,
            "centrality" => p.centrality = v,
            "headline" => p.headline = v,
            "min_terms" => p.min_terms = v,
            "redundancy" => p.redundancy = v,
            "length_power" => p.length_power = v,
            _ => panic!("unknown parameter {k}"),
        }
    }
    p
}

/// (category, absolute path, raw text) of every article, in a stable order.
fn corpus(root: &Path) -> Vec<(String, PathBuf, String)> {
    let mut out = Vec::new();
    let mut cats: Vec<_> = std::fs::read_dir(root)
        .expect("bbc-dev/articles")
        .flatten()
        .collect();
    cats.sort_by_key(|e| e.path());
    for cat in cats {
        let name = cat.file_name().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(cat.path())
            .expect("category")
            .flatten()
            .collect();
        files.sort_by_key(|e| e.path());
        for f in files {
            let path = f.path().canonicalize().expect("path");
            let raw = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
            out.push((name.clone(), path, raw));
        }
    }
    out
}

fn article(path: &Path, raw: &str) -> Article {
    let mut lines = raw.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or_default().to_string();
    let blocks = lines
        .map(|l| Block::Paragraph {
            text: l.to_string(),
        })
        .collect();
    Article {
        path: path.display().to_string(),
        title,
        sections: vec![Section {
            heading: None,
            blocks,
        }],
        ..Article::default()
    }
}

fn export(name: &str, rows: &[(&Article, Vec<KeyPoint>)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/eval-keypoints");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let arts: Vec<_> = rows
        .iter()
        .map(|(a, kps)| {
            let kps: Vec<_> = kps
                .iter()
                .map(|k| serde_json::json!({"text": k.text}))
                .collect();
            serde_json::json!({"path": a.path, "key_points": kps})
        })
        .collect();
    let file = dir.join(format!("{name}.json"));
    let doc = serde_json::json!({ "articles": arts });
    std::fs::write(&file, serde_json::to_string(&doc).expect("json")).expect("write");
    file
}

fn score(file: &Path, data: &Path) {
    let Some(py) = std::env::var_os("BRIEF_EVAL_PY") else {
        println!("wrote {} (set BRIEF_EVAL_PY to score it)", file.display());
        return;
    };
    let script = shared().join("scripts/score_keypoints.py");
    let out = std::process::Command::new(py)
        .arg(script)
        .arg(file)
        .arg("--data")
        .arg(data)
        .output()
        .expect("run scorer");
    let text = String::from_utf8_lossy(&out.stdout);
    let name = file.file_stem().unwrap_or_default().to_string_lossy();
    println!(
        "{name:20} {}",
        text.lines().last().unwrap_or("scorer printed nothing")
    );
}

#[test]
#[ignore = "dev harness: needs ../shared/data/bbc-dev"]
fn bbc_dev_rouge_and_speed() {
    let data = shared().join("data/bbc-dev");
    let docs = corpus(&data.join("articles"));
    let articles: Vec<(String, Article)> = docs
        .iter()
        .map(|(c, p, raw)| (c.clone(), article(p, raw)))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.2.len()).sum();
    let p = params();
    let only = std::env::var("BRIEF_EVAL_ONLY").ok();

    // Speed, best of three passes on one thread: `rank` (a fresh lexicon per article)
    // and one `Ranker` over the whole corpus (each word stemmed once, as `derive` does).
    // CPU time of this thread, so a busy machine does not distort the figure.
    let mb = bytes as f64 / 1e6;
    let mut best = (f64::INFINITY, f64::INFINITY, f64::INFINITY);
    for _ in 0..3 {
        let (t, wall) = (cpu_secs(), Instant::now());
        let n: usize = articles.iter().map(|(_, a)| keypoints::rank(a).len()).sum();
        best.0 = best.0.min(cpu_secs() - t);
        best.2 = best.2.min(wall.elapsed().as_secs_f64());
        let t = cpu_secs();
        let mut ranker = Ranker::default();
        let m: usize = articles.iter().map(|(_, a)| ranker.rank(a).len()).sum();
        best.1 = best.1.min(cpu_secs() - t);
        assert_eq!(n, m);
    }
    println!(
        "{} articles, {mb:.1} MB, CPU time: rank {:.1} MB/s, Ranker {:.1} MB/s (one core; \
         rank by wall clock {:.1} MB/s)",
        articles.len(),
        mb / best.0,
        mb / best.1,
        mb / best.2
    );

    let mut ranker = Ranker::with_params(p);
    let mut cut = |a: &Article| ranker.rank(a);
    let tune: Vec<_> = articles
        .iter()
        .filter(|(c, _)| TUNE.contains(&c.as_str()))
        .map(|(_, a)| (a, cut(a)))
        .collect();
    let all: Vec<_> = articles.iter().map(|(_, a)| (a, cut(a))).collect();
    let mut ranker = Ranker::with_params(p);
    let uncut: Vec<_> = articles
        .iter()
        .map(|(_, a)| (a, ranker.rank_all(a)))
        .collect();
    let tr: Vec<_> = articles
        .iter()
        .map(|(_, a)| (a, ranker.rank_textrank(a)))
        .collect();
    let tr_tune: Vec<_> = articles
        .iter()
        .filter(|(c, _)| TUNE.contains(&c.as_str()))
        .map(|(_, a)| (a, ranker.rank_textrank(a)))
        .collect();
    for (name, rows) in [
        ("ours-tune", &tune),
        ("ours-all", &all),
        ("ours-uncut-all", &uncut),
        ("textrank-all", &tr),
        ("textrank-tune", &tr_tune),
    ] {
        if only.as_deref().is_some_and(|o| !name.starts_with(o)) {
            continue;
        }
        score(&export(name, rows), &data);
    }
}
