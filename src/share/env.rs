//! A snapshot of the environment that sharing depends on: variables and the OS.
//!
//! Clipboard, open and export decisions read `$TMUX`, `$DISPLAY`, `$BROWSER`, `$PATH`…
//! Reading them through one value instead of `std::env` keeps those decisions pure, so
//! tests can describe any machine (macOS without a display, Wayland inside tmux…)
//! without touching the process environment, which is shared by every test thread.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::PathBuf;

/// The operating systems whose conventions differ for sharing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    /// `pbcopy` and `open`: no display variable needed.
    MacOs,
    /// Everything else: X11/Wayland tools and `xdg-open`.
    Other,
}

impl Os {
    /// The OS this binary was built for.
    pub fn current() -> Os {
        if cfg!(target_os = "macos") {
            Os::MacOs
        } else {
            Os::Other
        }
    }
}

/// Environment variables and OS, as sharing sees them.
#[derive(Debug, Clone)]
pub struct Env {
    vars: BTreeMap<String, String>,
    os: Os,
    /// Where relative `$PATH` entries are resolved; only `which` needs it.
    cwd: PathBuf,
}

impl Env {
    /// The environment of this process. Variables that are not valid UTF-8 are left out:
    /// none of the ones sharing reads can be used when mangled.
    pub fn from_process() -> Env {
        let vars = std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .collect();
        Env {
            vars,
            os: Os::current(),
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")),
        }
    }

    /// An empty environment (no variables at all) for the given OS.
    pub fn empty(os: Os) -> Env {
        Env {
            vars: BTreeMap::new(),
            os,
            cwd: PathBuf::from("/"),
        }
    }

    /// The same environment with `key` set to `value`.
    pub fn with(mut self, key: &str, value: &str) -> Env {
        self.vars.insert(key.to_string(), value.to_string());
        self
    }

    pub fn os(&self) -> Os {
        self.os
    }

    /// The value of `key`, treating an empty value as unset: `EDITOR=` and `DISPLAY=` are
    /// how people switch a setting off, and an empty program name can never run.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.vars
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    /// Where `program` would be found on this environment's `$PATH` (or the program
    /// itself when it is a path). `None` when it is not installed.
    pub fn find_program(&self, program: &str) -> Option<PathBuf> {
        let path: OsString = self
            .vars
            .get("PATH")
            .map(OsString::from)
            .unwrap_or_default();
        which::which_in(program, Some(path), &self.cwd).ok()
    }
}
