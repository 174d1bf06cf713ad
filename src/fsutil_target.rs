//! What a write target is before brief writes it, judged by the name itself (`lstat`), and
//! how a path is shown in messages.
//!
//! [`Target::of`] sorts the name into what the atomic writer may replace (missing,
//! regular), what it may write into (a stream: only when the caller allows streams) and
//! what it refuses, with [`Target::refusal`] saying why in words.

use super::read::kind_of;
use anyhow::{bail, Context};
use std::fs::{File, Metadata};
use std::path::{Path, PathBuf};

/// What a write target's name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Missing,
    Regular,
    /// A character device or FIFO the caller allowed writing into.
    Stream,
    /// A symbolic link, and where it points when that could be read.
    Link(Option<PathBuf>),
    /// Anything else: a folder, a block device, a socket, a stream not allowed here.
    Other(&'static str),
}

impl Target {
    /// Looks at `path` without following it; a link counts as a stream only when
    /// `streams` and it ends at one (`/dev/stdout` → `/proc/self/fd/1` → a pipe).
    pub fn of(path: &Path, streams: bool) -> anyhow::Result<Target> {
        let meta = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Missing),
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!("cannot write {}", display(path))))
            }
        };
        if meta.is_file() {
            return Ok(Target::Regular);
        }
        if meta.file_type().is_symlink() {
            let ends_in_stream = std::fs::metadata(path).is_ok_and(|m| is_stream(&m));
            if streams && ends_in_stream {
                return Ok(Target::Stream);
            }
            return Ok(Target::Link(std::fs::read_link(path).ok()));
        }
        if streams && is_stream(&meta) {
            return Ok(Target::Stream);
        }
        Ok(Target::Other(kind_of(&meta)))
    }

    /// Why this target is not written, as a phrase after "cannot write X: ".
    pub fn refusal(&self) -> String {
        match self {
            Target::Link(Some(to)) => format!(
                "it is a symbolic link (to {}); brief never writes through links \
                 (remove the link, or name the file it points to)",
                display(to)
            ),
            Target::Link(None) => "it is a symbolic link; brief never writes through links \
                 (remove the link, or name the file it points to)"
                .to_string(),
            Target::Other("a folder") => {
                "it is a folder; name a file (inside it, or elsewhere)".to_string()
            }
            Target::Other(kind) => format!("it is {kind}; brief writes only regular files here"),
            Target::Missing | Target::Regular | Target::Stream => "it can be written".to_string(),
        }
    }
}

/// A character device or a FIFO: written into, never replaced.
fn is_stream(meta: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        t.is_char_device() || t.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Opens a stream for writing (never creating or truncating anything) and checks that
/// what was opened is still one: a name swapped for a regular file meanwhile is refused
/// before a byte is written.
pub fn open_stream(path: &Path) -> anyhow::Result<File> {
    let shown = display(path);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open {shown}"))?;
    let meta = file
        .metadata()
        .with_context(|| format!("cannot open {shown}"))?;
    if !is_stream(&meta) {
        bail!(
            "cannot write {shown}: it became {} while being opened",
            kind_of(&meta)
        );
    }
    Ok(file)
}

/// A path as shown to users: lossy UTF-8, with control characters made visible so a file
/// name cannot inject escape sequences into a terminal or break a one-line message.
pub fn display(path: &Path) -> String {
    clean_name(&path.to_string_lossy())
}

/// Control characters written as escapes (`\n`, `\u{1b}`), the rest kept.
pub fn clean_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
