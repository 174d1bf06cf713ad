//! Where the user's config file is: `--config FILE`, else `$BRIEF_CONFIG`, else
//! `$XDG_CONFIG_HOME/brief/config.toml`, else `~/.config/brief/config.toml`. The
//! environment is passed in as an [`Env`] so tests never touch the real one.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Largest config file read; anything bigger is surely not a hand-written config.
pub const MAX_BYTES: u64 = 1 << 20;

/// Environment lookups. The process environment is [`SystemEnv`]; tests pass closures.
pub trait Env {
    fn var(&self, name: &str) -> Option<OsString>;

    /// A variable that is set and not empty (empty counts as unset, as XDG says).
    fn non_empty(&self, name: &str) -> Option<OsString> {
        self.var(name).filter(|v| !v.is_empty())
    }
}

pub struct SystemEnv;

impl Env for SystemEnv {
    fn var(&self, name: &str) -> Option<OsString> {
        std::env::var_os(name)
    }
}

impl<F: Fn(&str) -> Option<OsString>> Env for F {
    fn var(&self, name: &str) -> Option<OsString> {
        self(name)
    }
}

/// The config file to read and how it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub path: PathBuf,
    /// Named by the user (`--config`, `$BRIEF_CONFIG`): it must exist.
    pub explicit: bool,
    /// How it was found, for `brief config path`.
    pub via: &'static str,
}

/// The file brief would read; `None` only when no location can be worked out at all
/// (no `--config`, no `$BRIEF_CONFIG`, no `$XDG_CONFIG_HOME` and no `$HOME`).
pub fn locate(explicit: Option<&Path>, env: &dyn Env) -> Option<Located> {
    if let Some(p) = explicit {
        return Some(Located {
            path: p.to_path_buf(),
            explicit: true,
            via: "--config",
        });
    }
    if let Some(p) = env.non_empty("BRIEF_CONFIG") {
        return Some(Located {
            path: PathBuf::from(p),
            explicit: true,
            via: "$BRIEF_CONFIG",
        });
    }
    // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    if let Some(dir) = env.non_empty("XDG_CONFIG_HOME").map(PathBuf::from) {
        if dir.is_absolute() {
            return Some(Located {
                path: dir.join("brief").join("config.toml"),
                explicit: false,
                via: "$XDG_CONFIG_HOME",
            });
        }
    }
    let home = env.non_empty("HOME").map(PathBuf::from)?;
    Some(Located {
        path: home.join(".config").join("brief").join("config.toml"),
        explicit: false,
        via: "$HOME/.config",
    })
}

/// The file's text; `Ok(None)` when it does not exist. Errors are sentences for the user.
/// Read through [`crate::fsutil::read`]: `--config /dev/zero` or a FIFO is refused at
/// once instead of read forever.
pub fn read(path: &Path) -> Result<Option<String>, String> {
    use crate::fsutil::read::{read_bounded, Follow, ReadError};
    let bytes = match read_bounded(path, MAX_BYTES, Follow::Yes) {
        Ok(b) => b,
        Err(ReadError::NotFound) => return Ok(None),
        Err(ReadError::NotRegular("a folder")) => {
            return Err("this is a folder; point to the config file inside it".to_string())
        }
        Err(e @ ReadError::TooLarge { .. }) => {
            return Err(format!("the config file {e}; is it the right file?"))
        }
        Err(e) => return Err(format!("the config file {e}")),
    };
    String::from_utf8(bytes).map(Some).map_err(|e| {
        format!(
            "the config file is not valid UTF-8 (first bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}
