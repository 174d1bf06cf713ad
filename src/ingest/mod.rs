//! Reading a briefing: files and folders into structured articles.
//!
//! [`ingest_paths`] walks each PATH ([`walk`]), reads every candidate within the size
//! limit ([`read`]), and turns its bytes into an article ([`article`]), which decodes them
//! and hands the text to the parser of its format: [`text`] for scraped text, [`markdown`]
//! (with [`frontmatter`]) or [`html`]. Parsers return a [`ParsedDoc`]; only [`article`]
//! knows about ids, paths and hashes. Per-file problems never stop the load: they become
//! warnings on the article, or on the briefing when the file was skipped.

pub mod article;
pub mod doc;
pub mod frontmatter;
pub mod html;
pub mod markdown;
pub mod read;
pub mod text;
pub mod walk;

pub use doc::ParsedDoc;

use crate::model::{Article, Briefing};
use rayon::prelude::*;
use read::{Limited, Reject};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One file to read, placed in the briefing.
struct Job {
    id: String,
    display: String,
    ext: Option<String>,
    input: Input,
}

enum Input {
    Disk(PathBuf),
    Memory(&'static [u8]),
}

/// Reads every PATH into a briefing (no summaries yet). Errors only when a PATH does not
/// exist or cannot be looked at; everything below a PATH is a warning at worst.
/// Symbolic links are followed only inside the folders given.
pub fn ingest_paths(paths: &[PathBuf], max_file_bytes: u64) -> anyhow::Result<Briefing> {
    ingest_paths_with(paths, max_file_bytes, false)
}

/// [`ingest_paths`], following links out of the folders given too when `outside_links`.
pub fn ingest_paths_with(
    paths: &[PathBuf],
    max_file_bytes: u64,
    outside_links: bool,
) -> anyhow::Result<Briefing> {
    let scope = walk::Scope::new(paths, outside_links);
    let mut warnings = Vec::new();
    let mut jobs = Vec::new();
    let mut seen_files = HashSet::new();
    let mut seen_ids = HashSet::new();
    let several = paths.len() > 1;
    for root in paths {
        let walked = walk::walk(root, &scope)?;
        warnings.extend(walked.warnings);
        if walked.files.is_empty() {
            warnings.push(format!(
                "{}: no article files here; brief reads {}",
                walk::display(root),
                walk::formats_list()
            ));
        }
        // Several roots: ids carry the folder's name, so `a/x.md` and `b/x.md` differ.
        let prefix = (several && root.is_dir()).then(|| root_label(root));
        for f in walked.files {
            // The same file reached twice (a folder and a file in it) is one article.
            let key = std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone());
            if !seen_files.insert(key) {
                continue;
            }
            let base = match &prefix {
                Some(label) => format!("{label}/{}", f.rel),
                None => f.rel.clone(),
            };
            jobs.push(Job {
                id: unique_id(&base, &mut seen_ids),
                display: walk::display(&f.path),
                ext: extension(&f.path),
                input: Input::Disk(f.path),
            });
        }
    }
    Ok(run(jobs, warnings, max_file_bytes))
}

/// Reads files held in memory (the embedded sample) as if they were in folder `dir`.
pub fn ingest_memory(dir: &str, files: &[(&str, &'static [u8])], max_file_bytes: u64) -> Briefing {
    let mut seen_ids = HashSet::new();
    let jobs = files
        .iter()
        .map(|(name, bytes)| Job {
            id: unique_id(name, &mut seen_ids),
            display: format!("{dir}/{name}"),
            ext: extension(Path::new(name)),
            input: Input::Memory(bytes),
        })
        .collect();
    run(jobs, Vec::new(), max_file_bytes)
}

fn run(jobs: Vec<Job>, mut warnings: Vec<String>, max: u64) -> Briefing {
    // Reading and parsing are independent per file; order is kept by the indexed collect.
    let results: Vec<Result<Article, String>> = jobs.into_par_iter().map(|j| one(j, max)).collect();
    let mut articles = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(w) => warnings.push(w),
        }
    }
    Briefing {
        articles,
        warnings,
        ..Briefing::default()
    }
}

fn one(job: Job, max: u64) -> Result<Article, String> {
    let limited = match &job.input {
        Input::Disk(p) => read::read_limited(p, max).map_err(|e| match e {
            read::ReadError::NotRegular(_) => format!("{}: skipped, {e}", job.display),
            _ => format!(
                "{}: skipped, {e}; check that the file exists and is readable",
                job.display
            ),
        })?,
        Input::Memory(b) => read::check_limit(b.to_vec(), max),
    };
    let bytes = match limited {
        Limited::Bytes(b) => b,
        Limited::TooLarge { limit } => {
            return Err(format!(
                "{}: skipped, larger than {} (limit {limit} bytes); raise it with --max-file-size BYTES",
                job.display,
                human_size(limit)
            ))
        }
    };
    let placed = article::Placed {
        id: job.id,
        path: job.display.clone(),
        ext: job.ext.as_deref(),
    };
    let file = match job.input {
        Input::Disk(p) => Some(p),
        Input::Memory(_) => None,
    };
    let built = article::build(placed, &bytes).map(|a| Article { file, ..a });
    built.map_err(|reject| match reject {
        Reject::Binary => format!(
            "{}: skipped, looks like a binary file (NUL or control bytes); brief reads {}",
            job.display,
            walk::formats_list()
        ),
        Reject::Empty => format!(
            "{}: skipped, the file is empty or only whitespace",
            job.display
        ),
    })
}

fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_lowercase())
}

/// A root's name for ids when several PATHs are opened: its last component.
fn root_label(root: &Path) -> String {
    let name = root
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .or_else(|| root.file_name().map(|n| n.to_string_lossy().into_owned()));
    walk::clean_name(&name.unwrap_or_else(|| "root".to_string()))
}

/// `base`, or `base~2`, `base~3`… when taken: ids stay unique whatever the PATHs share.
fn unique_id(base: &str, seen: &mut HashSet<String>) -> String {
    let base = walk::clean_name(base);
    let mut id = base.clone();
    let mut n = 1;
    while !seen.insert(id.clone()) {
        n += 1;
        id = format!("{base}~{n}");
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_ids_get_suffixes() {
        let mut seen = HashSet::new();
        assert_eq!(unique_id("a.txt", &mut seen), "a.txt");
        assert_eq!(unique_id("a.txt", &mut seen), "a.txt~2");
        assert_eq!(unique_id("a.txt", &mut seen), "a.txt~3");
        assert_eq!(unique_id("a\n.txt", &mut seen), "a\\n.txt");
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(10 * 1024 * 1024), "10.0 MB");
        assert_eq!(human_size(512), "512 bytes");
    }

    #[test]
    fn memory_ingest_keeps_order_and_reports_skips() {
        let files: &[(&str, &'static [u8])] = &[
            ("b.md", b"# Title B\n\nBody."),
            ("a.txt", b""),
            ("c.html", b"<article><h1>C</h1><p>Body c.</p></article>"),
            ("d.txt", &[b'x'; 100]),
        ];
        let b = ingest_memory("dir", files, 60);
        let ids: Vec<_> = b.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b.md", "c.html"]);
        assert_eq!(b.articles[0].path, "dir/b.md");
        assert_eq!(b.articles[1].title, "C");
        assert_eq!(b.warnings.len(), 2, "{:?}", b.warnings);
        assert!(b.warnings[0].contains("dir/a.txt") && b.warnings[0].contains("empty"));
        assert!(b.warnings[1].contains("dir/d.txt") && b.warnings[1].contains("--max-file-size"));
    }
}
