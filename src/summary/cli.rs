//! `brief derive PATH... [--write [--force]]`: print the summaries of a briefing, or save
//! them as summary files beside the articles. Article files are only ever read, and
//! nothing is written through a link or onto a device (see [`crate::fsutil`]).

use super::apply::article_file;
use super::naming::Names;
use super::pipeline::rederive;
use super::schema::{from_article, to_toml_string};
use crate::cache::SummaryCache;
use crate::cli::DeriveArgs;
use crate::fsutil::{display, AtomicWrite};
use crate::model::{Briefing, SummaryOrigin};
use crate::open::{open, Origin};
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Key points shown per article when printing.
const PRINTED_POINTS: usize = 5;

pub fn run(args: &DeriveArgs) -> anyhow::Result<ExitCode> {
    let opts = args.load.open_options();
    let mut briefing = open(&Origin::Paths(args.paths.clone()), &opts)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !args.write {
        return match print_summaries(&briefing, &mut out) {
            Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
            other => other.map(|()| ExitCode::SUCCESS),
        };
    }
    if args.force {
        // Opening applied the existing summary files; --force writes derived ones.
        rederive(
            &mut briefing,
            &SummaryCache::from_options(!args.load.no_cache),
        );
    }
    let report = write_summaries(&briefing, args.force, &mut out)?;
    writeln!(
        out,
        "wrote {} summary file(s), skipped {}, failed {}",
        report.wrote, report.skipped, report.failed
    )?;
    Ok(if report.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteReport {
    pub wrote: usize,
    pub skipped: usize,
    pub failed: usize,
}

/// Writes a summary file for every article (only where none exists unless `force`), one
/// line per file on `out`; errors on single files are counted, not fatal. Names come
/// from [`Names`]; a link, device or FIFO where the file would go is refused
/// ([`AtomicWrite`]), and two articles never share one file.
pub fn write_summaries(
    briefing: &Briefing,
    force: bool,
    out: &mut dyn Write,
) -> anyhow::Result<WriteReport> {
    let mut report = WriteReport::default();
    let mut names = Names::new();
    let mut written: HashMap<PathBuf, String> = HashMap::new();
    for article in &briefing.articles {
        let article_path = article_file(article);
        let target = names.for_writing(&article_path);
        let shown = display(&target);
        if target == article_path {
            report.skipped += 1;
            continue;
        }
        if let Some(first) = written.get(&target) {
            eprintln!(
                "brief: skipped {shown}: it already holds the summary of {first}, and {} would overwrite it",
                article.path
            );
            report.failed += 1;
            continue;
        }
        if !force && std::fs::symlink_metadata(&target).is_ok() {
            writeln!(out, "skipped {shown} (exists; --force overwrites)")?;
            report.skipped += 1;
            continue;
        }
        let file = from_article(article, &briefing.actors);
        let result = to_toml_string(&file).and_then(|text| {
            let w = AtomicWrite::new(&target);
            // no_clobber re-checks at the rename: a file created meanwhile is kept.
            let w = if force { w } else { w.no_clobber() };
            w.write(text.as_bytes())
        });
        match result {
            Ok(()) => {
                writeln!(out, "wrote {shown}")?;
                written.insert(target, article.path.clone());
                report.wrote += 1;
            }
            Err(e) => {
                eprintln!("brief: {e:#}");
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

/// A short plain-text view: per article its title, origin, best key points and actors.
pub fn print_summaries(briefing: &Briefing, out: &mut dyn Write) -> anyhow::Result<()> {
    for article in &briefing.articles {
        let origin = match &article.summary {
            SummaryOrigin::Derived => "derived".to_string(),
            SummaryOrigin::Supplied { path, stale: false } => format!("supplied by {path}"),
            SummaryOrigin::Supplied { path, stale: true } => {
                format!("supplied by {path}, STALE")
            }
        };
        writeln!(out, "{} ({origin})", article.path)?;
        writeln!(out, "  {}", article.title)?;
        for (i, kp) in article.key_points.iter().take(PRINTED_POINTS).enumerate() {
            writeln!(out, "  {}. [{:.2}] {}", i + 1, kp.score, one_line(&kp.text))?;
        }
        if !article.actors.is_empty() {
            writeln!(out, "  actors: {}", article.actors.join(", "))?;
        }
        for w in &article.warnings {
            writeln!(out, "  warning: {w}")?;
        }
        writeln!(out)?;
    }
    for w in &briefing.warnings {
        writeln!(out, "warning: {w}")?;
    }
    Ok(())
}

/// `brief derive DIR | head` closes the pipe early; that is not an error worth reporting.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
