//! File-system helpers every writer in `brief` shares: atomic writes and the XDG base
//! directories.
//!
//! An atomic write creates a temporary file in the target's own folder (a rename is only
//! atomic within one file system), writes and fsyncs it, renames it over the target, then
//! fsyncs the folder so the rename itself survives a crash. A reader therefore sees either
//! the old file or the new one, never a half-written file, and a failed write leaves the
//! old file as it was and no temporary file behind (the temporary is deleted on drop).
//!
//! ```no_run
//! brief::fsutil::write_atomic(std::path::Path::new("out.json"), b"{}")?;
//! # Ok::<(), anyhow::Error>(())
//! ```

use anyhow::Context;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How an atomic write treats the target; build with [`AtomicWrite::new`].
#[derive(Debug, Clone)]
pub struct AtomicWrite {
    path: PathBuf,
    no_clobber: bool,
    mode: Option<u32>,
    create_dirs: bool,
    sync: bool,
}

impl AtomicWrite {
    pub fn new(path: impl Into<PathBuf>) -> AtomicWrite {
        AtomicWrite {
            path: path.into(),
            no_clobber: false,
            mode: None,
            create_dirs: false,
            sync: true,
        }
    }

    /// Fail instead of replacing a file that exists, checked at the rename itself so a
    /// file created meanwhile by another process is not overwritten either.
    pub fn no_clobber(mut self) -> Self {
        self.no_clobber = true;
        self
    }

    /// Unix permission bits for the new file. Default: those of the file being replaced,
    /// else 0o644 (a temporary file would otherwise keep its private 0o600).
    pub fn mode(mut self, mode: u32) -> Self {
        self.mode = Some(mode);
        self
    }

    /// Create the target's missing parent folders first.
    pub fn create_dirs(mut self) -> Self {
        self.create_dirs = true;
        self
    }

    /// Skip the fsyncs: still atomic for readers, but after a power cut the file may be
    /// empty or missing. Only for files that can be recomputed (cache entries), where an
    /// fsync per file would cost more than the work it saves.
    pub fn no_sync(mut self) -> Self {
        self.sync = false;
        self
    }

    /// Writes `bytes` as the whole new content of the file.
    pub fn write(&self, bytes: &[u8]) -> anyhow::Result<()> {
        self.write_with(|w| w.write_all(bytes))
    }

    /// Streams the new content through `fill`; when `fill` fails, the target is untouched.
    pub fn write_with(
        &self,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        // A rename would replace what the name stands for: a device or a pipe
        // (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written into instead, and a
        // symlink's target is replaced, not the link.
        let resolved;
        let path = match std::fs::metadata(&self.path) {
            Ok(m) if !m.is_file() && !m.is_dir() => return self.write_in_place(fill),
            Ok(_) if self.path.is_symlink() => {
                resolved = std::fs::canonicalize(&self.path)
                    .with_context(|| format!("cannot resolve {}", self.path.display()))?;
                &resolved
            }
            _ => &self.path,
        };
        let dir = parent_dir(path);
        let prefix = format!(".{}.", file_name(path));
        let builder = || {
            tempfile::Builder::new()
                .prefix(&prefix)
                .suffix(".tmp")
                .tempfile_in(&dir)
        };
        // Folders are created only when missing: most writes (cache entries) go to
        // folders that exist, and this saves their system calls.
        let tmp = match builder() {
            Err(e) if self.create_dirs && e.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create folder {}", dir.display()))?;
                builder()
            }
            other => other,
        };
        let mut tmp =
            tmp.with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        set_mode(tmp.as_file(), self.mode.or_else(|| existing_mode(path)));
        {
            let mut w = io::BufWriter::new(tmp.as_file_mut());
            fill(&mut w).with_context(|| format!("cannot write {}", path.display()))?;
            w.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        if self.sync {
            tmp.as_file()
                .sync_all()
                .with_context(|| format!("cannot sync {}", path.display()))?;
        }
        let persisted = if self.no_clobber {
            tmp.persist_noclobber(path)
        } else {
            tmp.persist(path)
        };
        // On error the returned temporary file is dropped here, which deletes it.
        persisted.map_err(|e| e.error).with_context(|| {
            if self.no_clobber && path.exists() {
                format!("{} already exists", path.display())
            } else {
                format!("cannot replace {}", path.display())
            }
        })?;
        if self.sync {
            sync_dir(&dir);
        }
        Ok(())
    }
}

impl AtomicWrite {
    /// Writes into a special file (device, FIFO) that has no content to replace.
    fn write_in_place(
        &self,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        let path = &self.path;
        if self.no_clobber {
            anyhow::bail!("{} already exists", path.display());
        }
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        let mut w = io::BufWriter::new(file);
        fill(&mut w)
            .and_then(|()| w.flush())
            .with_context(|| format!("cannot write {}", path.display()))
    }
}

/// Replaces `path` atomically with `bytes` (see the module doc).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    AtomicWrite::new(path).write(bytes)
}

/// `$VAR` when it is set to an absolute path (the XDG spec says relative values are to be
/// ignored), else `$HOME/<fallback>`; `None` when neither is known.
pub fn xdg_dir(var: &str, fallback: &str) -> Option<PathBuf> {
    if let Some(v) = std::env::var_os(var) {
        let p = PathBuf::from(v);
        if p.is_absolute() {
            return Some(p);
        }
    }
    let home = PathBuf::from(std::env::var_os("HOME")?);
    home.is_absolute().then(|| home.join(fallback))
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "brief".to_string())
}

#[cfg(unix)]
fn existing_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| meta.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn existing_mode(_path: &Path) -> Option<u32> {
    None
}

#[cfg(unix)]
fn set_mode(file: &std::fs::File, mode: Option<u32>) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: a file system without permissions (FAT, some mounts) is still writable.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode.unwrap_or(0o644)));
}

#[cfg(not(unix))]
fn set_mode(_file: &std::fs::File, _mode: Option<u32>) {}

/// Makes the rename durable. Some file systems refuse to fsync a folder; the data itself is
/// already synced, so that is not worth failing the write for.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
#[path = "fsutil_tests.rs"]
mod tests;
