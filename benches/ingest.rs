//! Ingest + derive throughput (issue 7): MB/s of article text through `brief::open::open`
//! (read, recover structure, derive key points and actors) on the BBC dev articles, with
//! one rayon thread and with all cores, plus derive alone on the opened briefing. Without
//! `../shared` it says so and uses a generated corpus of the same size.
//! Run: `cargo bench --bench ingest` (add `-- --quick` for the CI run).

mod support;

use brief::model::Briefing;
use brief::open::{open, OpenOptions, Origin};
use criterion::{Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The folder to open and its size in bytes; the temp dir keeps a generated one alive.
fn corpus() -> anyhow::Result<(PathBuf, u64, Option<tempfile::TempDir>)> {
    if let Some(dir) = support::bbc_articles() {
        let bytes = folder_bytes(&dir)?;
        return Ok((dir, bytes, None));
    }
    support::note("../shared/data/bbc-dev is absent: ingest measured on a generated corpus");
    let tmp = tempfile::tempdir()?;
    let (bytes, _) = support::corpus::write_briefing(tmp.path(), 1_907)?;
    Ok((tmp.path().to_path_buf(), bytes, Some(tmp)))
}

fn folder_bytes(dir: &Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            folder_bytes(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}

fn open_uncached(dir: &Path) -> anyhow::Result<Briefing> {
    let opts = OpenOptions {
        use_cache: false,
        ..OpenOptions::default()
    };
    open(&Origin::Paths(vec![dir.to_path_buf()]), &opts)
}

/// Median wall time of `reps` runs of `f` on a pool of `threads` rayon threads.
fn median_on(threads: usize, reps: usize, f: impl Fn() + Sync + Send) -> anyhow::Result<Duration> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            pool.install(&f);
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    Ok(times[times.len() / 2])
}

fn mb_per_s(bytes: u64, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9)
}

fn main() -> anyhow::Result<()> {
    let quick = support::quick();
    let reps = if quick { 1 } else { 5 };
    let (dir, bytes, _keep) = corpus()?;
    let opened = open_uncached(&dir)?;
    // A throughput of nothing would be a fast, wrong figure: fail instead.
    if opened.articles.is_empty() || opened.articles.iter().all(|a| a.key_points.is_empty()) {
        anyhow::bail!(
            "the corpus opened with {} articles and no key points: nothing to measure",
            opened.articles.len()
        );
    }
    eprintln!(
        "ingest: {} articles, {:.1} MB from {}",
        opened.articles.len(),
        bytes as f64 / 1e6,
        dir.display()
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (label, threads) in [("1-thread", 1), ("all-cores", cores)] {
        let t = median_on(threads, reps, || {
            let _ = black_box(open_uncached(&dir));
        })?;
        support::report(
            &format!("ingest+derive/{label}"),
            mb_per_s(bytes, t),
            "MB/s",
        );
        let t = median_on(threads, reps, || {
            let mut b = opened.clone();
            for a in &mut b.articles {
                a.key_points.clear();
                a.actors.clear();
            }
            b.actors.clear();
            b.merged_points.clear();
            brief::derive::derive_briefing(&mut b);
            black_box(b);
        })?;
        support::report(&format!("derive/{label}"), mb_per_s(bytes, t), "MB/s");
    }

    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(if quick { 1 } else { 10 }))
        .configure_from_args();
    let mut group = criterion.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("open_uncached", |b| b.iter(|| open_uncached(&dir)));
    group.finish();
    criterion.final_summary();
    Ok(())
}
