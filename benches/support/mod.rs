//! What every bench shares: where the real corpus is, a deterministic generated corpus
//! when it is absent, percentiles, and the `BENCH` lines `scripts/bench` tabulates.
//!
//! Real text comes from `$BRIEF_SHARED/data/bbc-dev/articles` (default: `../shared`, then
//! `../../shared` from the crate root). Without it every bench says so on stderr and uses
//! [`generated_article`], a fixed pseudo-random news text, so CI still runs the benches.

#![allow(dead_code)] // each bench uses a different subset of these helpers

use std::path::{Path, PathBuf};
use std::time::Duration;

pub mod corpus;

/// Whether the run is the quick one (CI): `--quick` on the command line or
/// `BRIEF_BENCH_QUICK=1`. Quick runs use small sizes and one repetition.
pub fn quick() -> bool {
    std::env::args().any(|a| a == "--quick")
        || std::env::var("BRIEF_BENCH_QUICK").is_ok_and(|v| v == "1")
}

/// The shared data folder, when this machine has it.
pub fn shared_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BRIEF_SHARED") {
        return Some(PathBuf::from(dir)).filter(|d| d.is_dir());
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|rel| root.join(rel))
        .find(|d| d.join("data/bbc-dev/articles").is_dir())
}

/// The BBC dev articles folder, when present.
pub fn bbc_articles() -> Option<PathBuf> {
    shared_dir().map(|d| d.join("data/bbc-dev/articles"))
}

/// One machine-readable result line: `BENCH <name> <value> <unit>`, tab-separated.
pub fn report(name: &str, value: f64, unit: &str) {
    println!("BENCH\t{name}\t{value:.3}\t{unit}");
}

/// A note `scripts/bench` prints under its table (what was not measured, and why).
pub fn note(text: &str) {
    println!("NOTE\t{text}");
    eprintln!("note: {text}");
}

/// p50, p95 and max of `samples`, in milliseconds.
pub fn percentiles(samples: &mut [Duration]) -> (f64, f64, f64) {
    if samples.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    samples.sort_unstable();
    let at = |q: f64| {
        let i = ((samples.len() - 1) as f64 * q).round() as usize;
        samples[i].as_secs_f64() * 1e3
    };
    (at(0.5), at(0.95), at(1.0))
}

/// Peak resident set size of this process so far, in MiB (Linux; `None` elsewhere).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// User + system CPU time of this process so far, in milliseconds (Linux, assuming the
/// usual 100 clock ticks per second; `None` elsewhere). On a shared machine wall time
/// includes waiting for a core; CPU time does not.
pub fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) * 10.0)
}
