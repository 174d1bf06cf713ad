//! Helpers shared by the end-to-end tests: a tmux server of the test's own, driven like
//! a person at a terminal, and polling with timeouts instead of fixed sleeps.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The `brief` binary cargo built for this test run.
pub fn brief_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_brief"))
}

/// True when `tool` is on PATH (or at an absolute path).
pub fn have(tool: &str) -> bool {
    if Path::new(tool).is_absolute() {
        return Path::new(tool).exists();
    }
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
        .unwrap_or(false)
}

/// Under CI a missing tool is a failure (`.ci/run` installs it); locally a loud skip.
pub fn require(tool: &str) -> bool {
    if have(tool) {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{tool} is required under CI (.ci/run installs it) but was not found");
    }
    eprintln!("SKIPPED: {tool} not installed; install it to run this end-to-end test");
    false
}

/// A tmux server private to one test (its own socket), killed on drop.
pub struct Tmux {
    socket: String,
    pub session: String,
}

impl Tmux {
    /// Starts `cmd` (a shell command line) in a detached session of the given size.
    pub fn start(name: &str, cols: u16, rows: u16, cmd: &str) -> Tmux {
        let socket = format!("brief-test-{}-{}", name, std::process::id());
        let t = Tmux {
            socket,
            session: "t".to_string(),
        };
        let out = t.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
            cmd,
        ]);
        assert!(out.status.success(), "tmux new-session failed: {out:?}");
        // Keep the pane after the program exits so its last screen can be read.
        t.run(&["set-option", "-t", "t", "remain-on-exit", "on"]);
        t
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Sends tmux key names (`Down`, `Enter`, `C-c`) or words typed as-is.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally (never read as key names).
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// A format variable of the pane, e.g. `alternate_on`, `pane_dead`, `cursor_flag`.
    pub fn var(&self, name: &str) -> String {
        let fmt = format!("#{{{name}}}");
        String::from_utf8_lossy(&self.run(&["display-message", "-p", "-t", "t", &fmt]).stdout)
            .trim()
            .to_string()
    }

    /// Waits until `pred(screen)` holds; panics with the last screen after `timeout`.
    pub fn wait_for(&self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > timeout {
                panic!("timed out waiting for {what}; screen was:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), Duration::from_secs(30), |s| {
            s.contains(text)
        })
    }

    /// Waits until the pane's program has exited.
    pub fn wait_dead(&self, timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.var("pane_dead") == "1" {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
        ]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Quotes a string for a POSIX shell command line.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
