//! Fuzzy filter per keystroke (issue 7): typing "zelensk" char by char, backspacing to
//! "z", clearing, then typing the two-word query "peace talks", over 100k and 1M key
//! points built from real sentences. Prints p50/p95/max per keystroke for
//! - `sync`: `FilterIndex::query`, the complete ranking on the calling thread;
//! - `worker`: through `FilterWorker`, the time until the first ranking to show
//!   (partial or complete) and until the complete one;
//! - `fzf`: `fzf --filter` as a process on the same items, when fzf is installed;
//!
//! then runs criterion on building the index and on the whole typing sequence.
//! Run: `cargo bench --bench filter` (add `-- --quick` for the seconds-long CI run).

mod support;

use brief::filter::{FilterIndex, FilterWorker};
use criterion::Criterion;
use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn keystrokes() -> Vec<String> {
    let word = "zelensk";
    let two = "peace talks";
    let mut out: Vec<String> = (1..=word.len()).map(|n| word[..n].to_string()).collect();
    out.extend((1..word.len()).rev().map(|n| word[..n].to_string()));
    out.push(String::new());
    out.extend((1..=two.len()).map(|n| two[..n].to_string()));
    out
}

fn label(n: usize) -> String {
    if n >= 1_000_000 {
        format!("{}M", n / 1_000_000)
    } else {
        format!("{}k", n / 1_000)
    }
}

fn report_percentiles(name: &str, samples: &mut [Duration]) {
    let (p50, p95, max) = support::percentiles(samples);
    support::report(&format!("{name}/p50"), p50, "ms");
    support::report(&format!("{name}/p95"), p95, "ms");
    support::report(&format!("{name}/max"), max, "ms");
}

fn sync_keystrokes(items: &[String], reps: usize) -> Vec<Duration> {
    let index = FilterIndex::new(items);
    let mut samples = Vec::new();
    for _ in 0..reps {
        for q in keystrokes() {
            let t = Instant::now();
            black_box(index.query(&q));
            samples.push(t.elapsed());
        }
    }
    samples
}

/// (time to the first ranking shown, time to the complete ranking) per keystroke.
fn worker_keystrokes(items: &[String], reps: usize) -> (Vec<Duration>, Vec<Duration>) {
    let index = Arc::new(FilterIndex::new(items));
    let Ok(mut worker) = FilterWorker::spawn(index) else {
        support::note("could not start the filter worker thread");
        return (Vec::new(), Vec::new());
    };
    let (mut first, mut complete) = (Vec::new(), Vec::new());
    for _ in 0..reps {
        for q in keystrokes() {
            let t = Instant::now();
            worker.submit(&q);
            let mut seen_first = false;
            while let Some(update) = worker.recv_timeout(Duration::from_secs(30)) {
                if !seen_first {
                    first.push(t.elapsed());
                    seen_first = true;
                }
                if update.complete {
                    complete.push(t.elapsed());
                    break;
                }
            }
        }
    }
    (first, complete)
}

/// `fzf --filter Q < items` per keystroke, as a process (the peer figure).
fn fzf_keystrokes(items: &[String]) -> Option<Vec<Duration>> {
    Command::new("fzf").arg("--version").output().ok()?;
    let mut file = tempfile::NamedTempFile::new().ok()?;
    for item in items {
        writeln!(file, "{item}").ok()?;
    }
    let mut samples = Vec::new();
    for q in keystrokes().iter().filter(|q| !q.is_empty()) {
        let input = std::fs::File::open(file.path()).ok()?;
        let t = Instant::now();
        let status = Command::new("fzf")
            .args(["--filter", q])
            .stdin(input)
            .stdout(Stdio::null())
            .status()
            .ok()?;
        samples.push(t.elapsed());
        // fzf exits 1 when nothing matches; only a crash or a missing binary is an error.
        if !matches!(status.code(), Some(0 | 1)) {
            return None;
        }
    }
    Some(samples)
}

fn main() {
    let quick = support::quick();
    let sizes: &[usize] = if quick {
        &[5_000]
    } else {
        &[100_000, 1_000_000]
    };
    // 1M-item passes take seconds each on two busy cores: one round of typing there.
    let reps_for = |n: usize| if quick || n >= 1_000_000 { 1 } else { 3 };
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(if quick { 1 } else { 5 }))
        .configure_from_args();
    for &n in sizes {
        let (items, origin) = support::corpus::key_points(n);
        let name = label(n);
        eprintln!("filter: {n} items from {origin}");

        let t = Instant::now();
        let index = FilterIndex::new(&items);
        support::report(
            &format!("filter/{name}/build"),
            t.elapsed().as_secs_f64() * 1e3,
            "ms",
        );
        drop(index);

        report_percentiles(
            &format!("filter/{name}/sync"),
            &mut sync_keystrokes(&items, reps_for(n)),
        );
        let (mut first, mut complete) = worker_keystrokes(&items, reps_for(n));
        report_percentiles(&format!("filter/{name}/worker-first"), &mut first);
        report_percentiles(&format!("filter/{name}/worker-complete"), &mut complete);
        match fzf_keystrokes(&items) {
            Some(mut s) => report_percentiles(&format!("filter/{name}/fzf"), &mut s),
            None => support::note("fzf is not installed: no peer figure for the filter"),
        }

        if n >= 1_000_000 {
            continue; // criterion's ten samples of the whole sequence would take minutes
        }
        let mut group = criterion.benchmark_group(format!("filter/{name}"));
        group.bench_function("build_index", |b| {
            b.iter(|| FilterIndex::new(black_box(&items)))
        });
        let index = FilterIndex::new(&items);
        group.bench_function("typing_sequence", |b| {
            b.iter(|| {
                for q in keystrokes() {
                    black_box(index.query(&q));
                }
            })
        });
        group.finish();
    }
    criterion.final_summary();
}
