//! Opening a large briefing (issue 7): 1k and 10k articles written by
//! `scripts/gen-corpus`, cold (empty summary cache) and warm (cache primed by an earlier
//! open), each in its own child process so its peak RSS is its own. The time is until
//! `brief::open::open` returns: the first frame cannot come earlier; scripts/bench-tui
//! times the real first frame of the binary in tmux.
//!
//! Also the generator behind `scripts/gen-corpus`: `cargo bench --bench open --
//! gen-corpus OUT N`. Run: `cargo bench --bench open` (`-- --quick` for CI).

mod support;

use anyhow::{bail, Context};
use brief::open::{open, OpenOptions, Origin};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const CHILD: &str = "BRIEF_BENCH_OPEN_CHILD";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let Some(at) = args.iter().position(|a| a == "gen-corpus") {
        return gen_corpus(&args[at + 1..]);
    }
    if let Ok(dir) = std::env::var(CHILD) {
        return child(Path::new(&dir));
    }
    let sizes: &[usize] = if support::quick() {
        &[200]
    } else {
        &[1_000, 10_000]
    };
    for &n in sizes {
        parent(n)?;
    }
    Ok(())
}

fn gen_corpus(args: &[String]) -> anyhow::Result<()> {
    let [out, n] = args else {
        bail!("usage: scripts/gen-corpus OUT_DIR N_ARTICLES");
    };
    let n: usize = n
        .parse()
        .with_context(|| format!("N_ARTICLES must be a number, not {n:?}"))?;
    let (bytes, origin) = support::corpus::write_briefing(Path::new(out), n)
        .with_context(|| format!("could not write the briefing to {out}"))?;
    eprintln!(
        "wrote {n} articles ({:.1} MB, from {origin}) to {out}",
        bytes as f64 / 1e6
    );
    Ok(())
}

/// One open in this process; prints `<ms> <peak RSS MiB> <articles> <CPU ms>` for the
/// parent.
fn child(dir: &Path) -> anyhow::Result<()> {
    let t = Instant::now();
    let briefing = open(
        &Origin::Paths(vec![dir.to_path_buf()]),
        &OpenOptions::default(),
    )?;
    let ms = t.elapsed().as_secs_f64() * 1e3;
    let rss = support::peak_rss_mib().unwrap_or(f64::NAN);
    let cpu = support::cpu_ms().unwrap_or(f64::NAN);
    println!("{ms:.3} {rss:.1} {} {cpu:.0}", briefing.articles.len());
    Ok(())
}

fn parent(n: usize) -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus");
    // Keyed by where the text comes from, so a run without ../shared never reuses a
    // corpus written from it (or the other way round).
    let origin = if support::bbc_articles().is_some() {
        "bbc"
    } else {
        "generated"
    };
    let dir = root.join(format!("{origin}-{n}"));
    if !dir.join(format!("{:05}.txt", n - 1)).exists() {
        support::corpus::write_briefing(&dir, n).context("could not write the bench corpus")?;
    }
    let text_mib = dir_bytes(&dir)? as f64 / (1024.0 * 1024.0);
    // A private cache and state home: cold really starts empty, and the user's own cache
    // is never touched.
    let home = tempfile::tempdir()?;
    let label = if n >= 1_000 {
        format!("{}k", n / 1_000)
    } else {
        n.to_string()
    };
    // The cold open fills the cache the warm one then reads.
    for phase in ["cold", "warm"] {
        let out = Command::new(std::env::current_exe()?)
            .env(CHILD, &dir)
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .output()
            .context("could not run the open child")?;
        if !out.status.success() {
            bail!(
                "open child failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let line = String::from_utf8_lossy(&out.stdout);
        let f: Vec<f64> = line
            .split_whitespace()
            .filter_map(|v| v.parse().ok())
            .collect();
        let [ms, rss, articles, cpu] = f[..] else {
            bail!("unexpected child output {line:?}");
        };
        if articles == 0.0 {
            bail!("open() returned no articles from {}", dir.display());
        }
        support::report(&format!("open/{label}/{phase}"), ms, "ms");
        support::report(&format!("open/{label}/{phase}/cpu"), cpu, "ms");
        support::report(&format!("open/{label}/{phase}/rss"), rss, "MiB");
        support::report(
            &format!("open/{label}/{phase}/rss-budget"),
            4.0 * text_mib + 50.0,
            "MiB",
        );
    }
    Ok(())
}

fn dir_bytes(dir: &Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        total += entry?.metadata()?.len();
    }
    Ok(total)
}
