//! Writing an export: to stdout (a closed pipe is not an error), or to a file atomically,
//! so a reader of that file never sees half an export and a failed write leaves the old
//! file in place.

use anyhow::Context;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename
/// (a device such as `/dev/null` is written into: see [`crate::fsutil::AtomicWrite`]).
pub fn atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let shown = crate::ingest::walk::display(path);
    crate::fsutil::write_atomic(path, bytes)
        .with_context(|| format!("cannot write {shown}: is the folder there and writable?"))
}

/// Writes to stdout; a reader that went away (`brief export | head`) ends quietly.
pub fn stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
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
        atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("no/such/dir/out.md");
        let msg = format!("{:#}", atomic(&p, b"x").unwrap_err());
        assert!(msg.contains("out.md") && msg.contains("folder"), "{msg}");
    }
}
