//! File-system helpers every writer in `brief` shares: atomic writes, the XDG base
//! directories, and ([`read`]) the bounded reads of files brief did not write.
//!
//! An atomic write creates a temporary file in the target's own folder (a rename is only
//! atomic within one file system), writes and fsyncs it, renames it over the target, then
//! fsyncs the folder so the rename itself survives a crash. A reader therefore sees either
//! the old file or the new one, never a half-written file, and a failed write leaves the
//! old file as it was and no temporary file behind (the temporary is deleted on drop).
//!
//! What may be replaced is decided from the name itself (`lstat`), never through it: a
//! regular file is replaced, a missing one created; a symbolic link, a folder, a device,
//! a FIFO or a socket is refused with a message that says what it is. A folder received
//! from someone else can hold `talks.summary.toml -> ~/.bashrc` or a link to a block
//! device; the rename would only ever replace the link, but brief refuses it outright so
//! nobody is surprised. Only a write the user aims at a stream on purpose
//! ([`AtomicWrite::into_streams`]: `brief export -o /dev/stdout`, `-o /dev/null`, a FIFO)
//! writes into a character device or FIFO, after checking the opened file's type.
//!
//! ```no_run
//! brief::fsutil::write_atomic(std::path::Path::new("out.json"), b"{}")?;
//! # Ok::<(), anyhow::Error>(())
//! ```

#[path = "fsutil_read.rs"]
pub mod read;
#[path = "fsutil_target.rs"]
mod target;

pub use target::{clean_name, display, Target};

use anyhow::{bail, Context};
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
    streams: bool,
}

impl AtomicWrite {
    pub fn new(path: impl Into<PathBuf>) -> AtomicWrite {
        AtomicWrite {
            path: path.into(),
            no_clobber: false,
            mode: None,
            create_dirs: false,
            sync: true,
            streams: false,
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

    /// A target that is a character device or a FIFO, named directly or by a link
    /// (`/dev/stdout`), is written into instead of refused: for output the user aimed
    /// there (`brief export -o`). Block devices, folders and links to regular files are
    /// still refused.
    pub fn into_streams(mut self) -> Self {
        self.streams = true;
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
        let path = &self.path;
        let shown = display(path);
        match Target::of(path, self.streams)? {
            Target::Missing | Target::Regular => {}
            Target::Stream => return self.write_in_place(fill),
            refused => bail!("cannot write {shown}: {}", refused.refusal()),
        }
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
                    .with_context(|| format!("cannot create folder {}", display(&dir)))?;
                builder()
            }
            other => other,
        };
        let mut tmp = tmp.map_err(|e| create_error(&shown, &dir, e))?;
        set_mode(tmp.as_file(), self.mode.or_else(|| existing_mode(path)));
        {
            let mut w = io::BufWriter::new(tmp.as_file_mut());
            fill(&mut w)
                .and_then(|()| w.flush())
                .with_context(|| format!("cannot write {shown}"))?;
        }
        if self.sync {
            tmp.as_file()
                .sync_all()
                .with_context(|| format!("cannot write {shown}"))?;
        }
        // The rename replaces the name, whatever it stands for by then: a link put there
        // since the check above is replaced itself, its target never touched.
        let persisted = if self.no_clobber {
            tmp.persist_noclobber(path)
        } else {
            tmp.persist(path)
        };
        // On error the returned temporary file is dropped here, which deletes it.
        if let Err(e) = persisted {
            if self.no_clobber && std::fs::symlink_metadata(path).is_ok() {
                bail!("{shown} already exists");
            }
            return Err(anyhow::Error::new(e.error).context(format!("cannot replace {shown}")));
        }
        if self.sync {
            sync_dir(&dir);
        }
        Ok(())
    }
}

impl AtomicWrite {
    /// Writes into a character device or FIFO, which has no content to replace.
    fn write_in_place(
        &self,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        let shown = display(&self.path);
        if self.no_clobber {
            bail!("{shown} already exists");
        }
        let file = target::open_stream(&self.path)?;
        let mut w = io::BufWriter::new(file);
        fill(&mut w)
            .and_then(|()| w.flush())
            .with_context(|| format!("cannot write {shown}"))
    }
}

/// One message per cause: the temporary file could not be made in `dir`.
fn create_error(shown: &str, dir: &Path, e: io::Error) -> anyhow::Error {
    let dir = display(dir);
    match e.kind() {
        io::ErrorKind::NotFound => {
            anyhow::anyhow!("cannot write {shown}: the folder {dir} does not exist")
        }
        io::ErrorKind::PermissionDenied => anyhow::anyhow!(
            "cannot write {shown}: no permission to create files in the folder {dir}"
        ),
        _ => anyhow::Error::new(e).context(format!("cannot write {shown}")),
    }
}

/// Replaces `path` atomically with `bytes` (see the module doc).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    AtomicWrite::new(path).write(bytes)
}

/// `$VAR` when it is set to an absolute path (the XDG spec says relative values are to be
/// ignored), else `$HOME/<fallback>`; `None` when neither is known. A `$HOME` that is not
/// an existing folder counts as unknown: brief creates folders below a home, never the
/// home itself (`HOME=/nonexistent` in a service or container).
pub fn xdg_dir(var: &str, fallback: &str) -> Option<PathBuf> {
    if let Some(v) = std::env::var_os(var) {
        let p = PathBuf::from(v);
        if p.is_absolute() {
            return Some(p);
        }
    }
    let home = PathBuf::from(std::env::var_os("HOME")?);
    (home.is_absolute() && home.is_dir()).then(|| home.join(fallback))
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
    let meta = std::fs::symlink_metadata(path).ok()?;
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
