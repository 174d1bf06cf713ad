//! Finding the article files under the PATHs a user gives, in a stable order.
//!
//! Each PATH is a root: a file stands for itself, a folder is walked recursively ([`tree`]:
//! sorted by name, hidden entries skipped, each folder read once, links followed only
//! inside the folders given), and what it finds is sorted into articles, summary files and
//! other files here. Problems below a root become warnings; only a root that does not
//! exist, or is neither a file nor a folder (a FIFO, a device), is an error.

pub use crate::fsutil::{clean_name, display};

#[path = "walk_tree.rs"]
mod tree;

pub use tree::Scope;

use anyhow::bail;
use std::path::{Path, PathBuf};
use tree::Found;

/// Extensions `brief` reads; files without an extension are sniffed.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// One candidate article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub path: PathBuf,
    /// Path relative to its root, `/`-separated; empty parts never occur.
    pub rel: String,
}

/// The files of one root and what could not be walked.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<FileEntry>,
    pub warnings: Vec<String>,
}

/// Lists the article files of one root; `scope` says which links may be followed.
pub fn walk(root: &Path, scope: &Scope) -> anyhow::Result<Walked> {
    let meta = match std::fs::metadata(root) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "{}: no such file or folder; give the path of an article file or of a folder of articles",
            display(root)
        ),
        Err(e) => bail!("{}: {e}; check the path and its permissions", display(root)),
    };
    let mut out = Walked::default();
    if meta.is_file() {
        let rel = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| display(root));
        out.files.push(FileEntry {
            path: root.to_path_buf(),
            rel,
        });
        return Ok(out);
    }
    if !meta.is_dir() {
        bail!(
            "{}: {}, not an article file or a folder; give the path of an article file or of a folder of articles",
            display(root),
            crate::fsutil::read::kind_of(&meta)
        );
    }
    tree::visit(root, scope, |found| match found {
        Found::Skipped(warning) => out.warnings.push(warning),
        Found::Special(path) => out
            .warnings
            .push(format!("{}: skipped, not a regular file", display(&path))),
        Found::File(path) => {
            let rel = relative(root, &path);
            match classify(&path) {
                Candidate::Article => out.files.push(FileEntry { path, rel }),
                Candidate::Summary => {}
                Candidate::Other(ext) => out.warnings.push(format!(
                    "{}: skipped, .{ext} is not an article format (brief reads {})",
                    display(&path),
                    formats_list()
                )),
            }
        }
    });
    Ok(out)
}

enum Candidate {
    Article,
    /// `*.summary.toml`: read by the summary loader, never an article.
    Summary,
    Other(String),
}

fn classify(path: &Path) -> Candidate {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".summary.toml") {
        return Candidate::Summary;
    }
    match path.extension() {
        None => Candidate::Article,
        Some(ext) => {
            let ext = ext.to_string_lossy().to_lowercase();
            if ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
                Candidate::Article
            } else {
                Candidate::Other(ext)
            }
        }
    }
}

/// The formats `brief` reads, for messages.
pub fn formats_list() -> &'static str {
    ".txt/.text (scraped text), .md/.markdown, .html/.htm, and files without an extension"
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn scope(d: &Path) -> Scope {
        Scope::new(&[d.to_path_buf()], false)
    }

    fn rels(w: &Walked) -> Vec<&str> {
        w.files.iter().map(|f| f.rel.as_str()).collect()
    }

    #[test]
    fn walks_sorted_and_skips_hidden_summaries_and_other_types() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path();
        fs::create_dir_all(d.join("b/inner")).unwrap();
        fs::create_dir_all(d.join(".git")).unwrap();
        for f in [
            "z.md",
            "a.txt",
            "b/inner/c.HTML",
            "b/a.htm",
            ".hidden.txt",
            ".git/x.txt",
            "a.summary.toml",
            "notes",
            "pic.png",
        ] {
            fs::write(d.join(f), "x").unwrap();
        }
        let w = walk(d, &scope(d)).unwrap();
        assert_eq!(
            rels(&w),
            ["a.txt", "b/a.htm", "b/inner/c.HTML", "notes", "z.md"]
        );
        assert_eq!(w.warnings.len(), 1, "{:?}", w.warnings);
        assert!(w.warnings[0].contains("pic.png") && w.warnings[0].contains(".md"));
    }

    #[test]
    fn a_file_root_is_itself_even_if_hidden_or_unusual() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join(".secret.txt");
        fs::write(&p, "x").unwrap();
        let w = walk(&p, &Scope::default()).unwrap();
        assert_eq!(rels(&w), [".secret.txt"]);
    }

    #[test]
    fn missing_root_is_an_error_naming_it() {
        let err = walk(Path::new("/definitely/not/here-42"), &Scope::default()).unwrap_err();
        let msg = format!("{err:#}");
        assert!(
            msg.contains("not/here-42") && msg.contains("no such file"),
            "{msg}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_dangling_links_are_warnings() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path();
        fs::write(d.join("ok.txt"), "x").unwrap();
        std::os::unix::fs::symlink(d, d.join("cycle")).unwrap();
        std::os::unix::fs::symlink(d.join("gone"), d.join("dangling.txt")).unwrap();
        let w = walk(d, &scope(d)).unwrap();
        assert_eq!(rels(&w), ["ok.txt"]);
        assert!(
            w.warnings
                .iter()
                .any(|m| m.contains("cycle") && m.contains("loop")),
            "{:?}",
            w.warnings
        );
        assert!(
            w.warnings.iter().any(|m| m.contains("dangling.txt")),
            "{:?}",
            w.warnings
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folders_given_are_skipped_unless_allowed() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("in");
        fs::create_dir(&d).unwrap();
        fs::write(t.path().join("secret.txt"), "x").unwrap();
        fs::write(d.join("ok.txt"), "x").unwrap();
        std::os::unix::fs::symlink(t.path().join("secret.txt"), d.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("ok.txt"), d.join("same.txt")).unwrap();
        let w = walk(&d, &scope(&d)).unwrap();
        assert_eq!(rels(&w), ["ok.txt", "same.txt"]);
        assert!(
            w.warnings
                .iter()
                .any(|m| m.contains("leak.txt") && m.contains("outside")),
            "{:?}",
            w.warnings
        );
        let w = walk(&d, &Scope::new(std::slice::from_ref(&d), true)).unwrap();
        assert_eq!(rels(&w), ["leak.txt", "ok.txt", "same.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_reached_twice_is_read_once() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path();
        fs::create_dir_all(d.join("real")).unwrap();
        fs::write(d.join("real/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(d.join("real"), d.join("a")).unwrap();
        std::os::unix::fs::symlink(d.join("real"), d.join("b")).unwrap();
        let w = walk(d, &scope(d)).unwrap();
        assert_eq!(rels(&w), ["a/x.txt"]);
        assert!(w.warnings.is_empty(), "{:?}", w.warnings);
    }

    #[test]
    fn display_escapes_controls() {
        assert_eq!(clean_name("a\nb\u{1b}]0;x"), "a\\nb\\u{1b}]0;x");
    }
}
