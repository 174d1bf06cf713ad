//! Reading a file brief did not write, defensively: every file it reads (articles,
//! summary files, config, state, cache entries) goes through [`read_bounded`].
//!
//! Three things can make a plain `std::fs::read` hang or exhaust memory, and each has
//! its guard here:
//! - a FIFO (`X.summary.toml` made with `mkfifo`) blocks in `open` until a writer
//!   comes, forever: the path is looked at first and only a regular file is opened,
//!   with `O_NONBLOCK` so a file swapped for a FIFO in between cannot block either, and
//!   the opened file's type is checked again (`fstat`) before a byte is read;
//! - a device (`--config /dev/zero`) never ends: it is not a regular file, so it is
//!   refused before it is opened (opening some devices has effects of its own);
//! - a huge regular file: its size is checked before reading and the read stops one
//!   byte past the limit (sizes can lie: `/proc`, a file that grows meanwhile).
//!
//! [`Follow::No`] also refuses a symbolic link (`O_NOFOLLOW`): for files brief keeps
//! beside the articles or in its own folders, a link is never what brief wrote.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// Whether a symbolic link at the path itself is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    Yes,
    No,
}

/// Why a file was not read. The messages are phrases meant to follow the file's name.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// Not a regular file: what it is instead ("a FIFO (named pipe)").
    NotRegular(&'static str),
    /// Larger than `limit` bytes; `size` when the file system said how large.
    TooLarge {
        limit: u64,
        size: Option<u64>,
    },
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "does not exist"),
            ReadError::NotRegular(kind) => write!(f, "is {kind}, not a regular file"),
            ReadError::TooLarge {
                limit,
                size: Some(size),
            } => write!(
                f,
                "is {}, over the {} limit",
                human_bytes(*size),
                human_bytes(*limit)
            ),
            ReadError::TooLarge { limit, size: None } => {
                write!(f, "is larger than the {} limit", human_bytes(*limit))
            }
            ReadError::Io(e) => write!(f, "cannot be read ({e})"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        match e.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            _ if is_eloop(&e) => ReadError::NotRegular("a symbolic link"),
            _ => ReadError::Io(e),
        }
    }
}

/// The whole content of the regular file at `path`, at most `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64, follow: Follow) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path, follow)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            limit,
            size: Some(meta.len()),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit, size: None });
    }
    Ok(bytes)
}

/// At most `limit + 1` bytes of the regular file at `path`: for callers that report where
/// a too-large file was cut ([`read_bounded`] refuses it outright).
pub fn read_head(path: &Path, limit: u64, follow: Follow) -> Result<Vec<u8>, ReadError> {
    let (file, _) = open_regular(path, follow)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    Ok(bytes)
}

/// Opens the regular file at `path` for reading without ever blocking in `open`.
pub fn open_regular(path: &Path, follow: Follow) -> Result<(File, Metadata), ReadError> {
    let before = match follow {
        Follow::Yes => std::fs::metadata(path)?,
        Follow::No => std::fs::symlink_metadata(path)?,
    };
    if !before.is_file() {
        return Err(ReadError::NotRegular(kind_of(&before)));
    }
    open_known_regular(path, follow)
}

/// [`open_regular`] for a path the caller has just seen to be a regular file (the
/// folder walk): no second look before opening, only the check of what was opened.
pub fn open_known_regular(path: &Path, follow: Follow) -> Result<(File, Metadata), ReadError> {
    let file = open_nonblocking(path, follow)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    Ok((file, meta))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path, follow: Follow) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut flags = libc::O_NONBLOCK;
    if follow == Follow::No {
        flags |= libc::O_NOFOLLOW;
    }
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path, _follow: Follow) -> io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn is_eloop(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_eloop(_e: &io::Error) -> bool {
    false
}

/// What a non-regular file is, for messages: "a folder", "a FIFO (named pipe)"…
pub fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// `512 bytes`, `1.0 MiB`, `132.0 MiB`.
pub fn human_bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    const GIB: u64 = 1024 * MIB;
    match n {
        n if n >= GIB => format!("{:.1} GiB", n as f64 / GIB as f64),
        n if n >= MIB => format!("{:.1} MiB", n as f64 / MIB as f64),
        n if n >= KIB => format!("{:.1} KiB", n as f64 / KIB as f64),
        n => format!("{n} bytes"),
    }
}

#[cfg(test)]
#[path = "fsutil_read_tests.rs"]
mod tests;
