//! Writing an export: to stdout (a closed pipe is not an error), or to a file atomically,
//! so a reader of that file never sees half an export and a failed write leaves the old
//! file in place.
//!
//! `brief export -o` and the reader's export prompt (`e`) share the two rules here:
//! [`resolve`] says what a folder means (the default file name inside it), and
//! [`to_file`] refuses to replace any article of the briefing being exported.

use crate::fsutil::{display, AtomicWrite};
use anyhow::bail;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file an export to `path` goes to: `path` itself, or `default_name` inside it when
/// it names a folder (one that exists, or any path written with a trailing `/`).
pub fn resolve(path: &Path, default_name: &str) -> PathBuf {
    let written_as_folder = path.as_os_str().to_string_lossy().ends_with('/');
    if written_as_folder || path.is_dir() {
        path.join(default_name)
    } else {
        path.to_path_buf()
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename;
/// a character device or FIFO the user names (`/dev/stdout`, `/dev/null`, a pipe) is
/// written into. Refused: any of `inputs` (the articles' files, however `path` reaches
/// them), a symbolic link to a regular file, a folder, a block device.
pub fn to_file(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> anyhow::Result<()> {
    if let Some(input) = same_file_as_input(path, inputs) {
        bail!(
            "cannot write {}: it is an article of this briefing ({}); choose another name",
            display(path),
            display(input)
        );
    }
    AtomicWrite::new(path).into_streams().write(bytes)
}

/// The input that `path` is (same device and inode), if any.
fn same_file_as_input<'a>(path: &Path, inputs: &'a [PathBuf]) -> Option<&'a PathBuf> {
    let target = std::fs::metadata(path).ok()?;
    if !target.is_file() {
        return None;
    }
    inputs
        .iter()
        .find(|input| std::fs::metadata(input).is_ok_and(|m| same_inode(&m, &target)))
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_a: &std::fs::Metadata, _b: &std::fs::Metadata) -> bool {
    false
}

/// Writes to stdout; a reader that went away (`brief export | head`) ends quietly.
pub fn stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow::Error::new(e).context("cannot write to standard output")),
        Ok(()) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("out.json");
        std::fs::write(&p, "old").unwrap();
        to_file(&p, b"new", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_missing_folder_is_one_message_naming_file_and_folder() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("no/such/dir/out.md");
        let msg = format!("{:#}", to_file(&p, b"x", &[]).unwrap_err());
        assert!(
            msg.contains("out.md") && msg.contains("folder") && msg.contains("does not exist"),
            "{msg}"
        );
        assert_eq!(msg.matches("cannot write").count(), 1, "{msg}");
    }

    #[test]
    fn an_input_article_is_never_replaced_whatever_the_spelling() {
        let t = tempfile::tempdir().unwrap();
        let article = t.path().join("a.txt");
        std::fs::write(&article, "Title\n\nBody.").unwrap();
        let spelled = t.path().join(".").join("a.txt");
        for target in [&article, &spelled] {
            let msg = format!(
                "{:#}",
                to_file(target, b"{}", std::slice::from_ref(&article)).unwrap_err()
            );
            assert!(msg.contains("article of this briefing"), "{msg}");
        }
        assert_eq!(std::fs::read_to_string(&article).unwrap(), "Title\n\nBody.");
        let other = t.path().join("out.json");
        to_file(&other, b"{}", &[article]).unwrap();
    }

    #[test]
    fn a_folder_means_the_default_name_inside_it() {
        let t = tempfile::tempdir().unwrap();
        assert_eq!(resolve(t.path(), "b.md"), t.path().join("b.md"));
        assert_eq!(
            resolve(Path::new("new-dir/"), "b.md"),
            Path::new("new-dir/b.md")
        );
        assert_eq!(resolve(Path::new("x.json"), "b.md"), Path::new("x.json"));
    }
}
