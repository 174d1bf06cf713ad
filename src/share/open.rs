//! Open an article elsewhere: its URL in a browser, its file in an editor or a pager.
//!
//! [`browser_command`], [`editor_command`] and [`pager_command`] are pure: they turn the
//! user's `$BROWSER`, `$VISUAL`/`$EDITOR` and `$PAGER` (read from an [`Env`]) into a
//! [`Command`], and fail only on a value that cannot be parsed. [`run_suspended`] then
//! runs any of them with the terminal handed over, so one contract covers all three:
//!
//! ```text
//! suspend()   the TUI leaves the alternate screen and raw mode, shows the cursor
//! command     runs in the foreground with the real terminal (stdin/stdout/stderr)
//! resume()    the TUI re-enters raw mode and the alternate screen, then redraws fully
//!             (`terminal.clear()`), since the command left anything on the screen
//! ```
//!
//! `resume` runs whatever happened to the command. Browsers go through the same path:
//! a terminal browser (w3m, lynx) needs the terminal, and `xdg-open` handing the URL to a
//! graphical browser returns at once, costing only a blink of the screen. The commands never go through a
//! shell: variables are split with shell quoting rules (`code -w`, `"my editor" --wait`)
//! and the URL or path is one argument, so a URL with `;` or spaces cannot inject. A URL
//! must be `http` or `https` ([`checked_url`]): it comes from the article, and
//! `--gpu-launcher=…` as a browser's first argument, or a `javascript:` or `file:` link,
//! would run or reveal something on the reader's machine.
//! While the command runs it shares the terminal's foreground process group, so a
//! Ctrl-C typed in a pager also reaches `brief`: a caller that handles SIGINT should
//! ignore it between `suspend` and `resume`.

use super::env::{Env, Os};
use anyhow::{bail, Context as _};
use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

/// A command for `url` from `$BROWSER`, else `open` (macOS) or `xdg-open`.
///
/// `$BROWSER` is a colon-separated list of commands, tried in order: the first whose
/// program is installed wins (the first one, when none is, so the error names it). In
/// each, `%s` stands for the URL and `%%` for a literal `%`; without `%s` the URL is
/// appended as the last argument.
///
/// Only an `http` or `https` URL is handed over (see [`checked_url`]): the URL comes from
/// the article, and a browser given `--gpu-launcher=…` or `javascript:` runs it.
pub fn browser_command(url: &str, env: &Env) -> anyhow::Result<Command> {
    let url = checked_url(url)?;
    let mut entries = Vec::new();
    if let Some(list) = env.get("BROWSER") {
        for entry in list.split(':').filter(|e| !e.trim().is_empty()) {
            let words = split_words("$BROWSER", entry)?;
            entries.push(words);
        }
    }
    let chosen = entries
        .iter()
        .find(|words| env.find_program(&words[0]).is_some())
        .or(entries.first());
    let words = match chosen {
        Some(words) => words.clone(),
        None if env.os() == Os::MacOs => vec!["open".to_string()],
        None => vec!["xdg-open".to_string()],
    };
    let mut substituted = false;
    let args: Vec<String> = words[1..]
        .iter()
        .map(|arg| {
            let (arg, had) = substitute_url(arg, url);
            substituted |= had;
            arg
        })
        .collect();
    let mut cmd = Command::new(&words[0]);
    cmd.args(args);
    if !substituted {
        cmd.arg(url);
    }
    Ok(cmd)
}

/// `url` when it is an absolute `http` or `https` URL with a host and no control
/// characters, else an error that says why. Such a URL starts with a letter, so
/// no program can take it for an option, and it names no local file or script.
pub fn checked_url(url: &str) -> anyhow::Result<&str> {
    let url = url.trim();
    let shown = || {
        let s: String = crate::fsutil::clean_name(url).chars().take(80).collect();
        if url.chars().count() > 80 {
            format!("{s}…")
        } else {
            s
        }
    };
    let scheme_end = url.find(':').unwrap_or(0);
    let scheme = url[..scheme_end].to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        let what = if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphanumeric()) {
            "it has no scheme".to_string()
        } else {
            format!("it is a {scheme}: link")
        };
        bail!(
            "will not open {}: only http and https links are opened, and {what}",
            shown()
        );
    }
    let rest = &url[scheme_end + 1..];
    let host_start = rest.strip_prefix("//").unwrap_or("");
    if host_start.is_empty() || host_start.starts_with(['/', '?', '#']) {
        bail!("will not open {}: the link names no host", shown());
    }
    if url.chars().any(char::is_control) {
        bail!(
            "will not open {}: a link cannot hold control characters",
            shown()
        );
    }
    Ok(url)
}

/// A command editing `path` with `$VISUAL`, else `$EDITOR`, else `vi`. `$VISUAL` comes
/// first because the reader is a full-screen program, which is what it is meant for.
pub fn editor_command(path: &Path, env: &Env) -> anyhow::Result<Command> {
    let (var, value) = match (env.get("VISUAL"), env.get("EDITOR")) {
        (Some(v), _) => ("$VISUAL", v),
        (None, Some(e)) => ("$EDITOR", e),
        (None, None) => ("the default editor", "vi"),
    };
    command_with_file(var, value, path.as_os_str())
}

/// A command showing `path` with `$PAGER`, else `less`.
pub fn pager_command(path: &Path, env: &Env) -> anyhow::Result<Command> {
    let value = env.get("PAGER").unwrap_or("less");
    command_with_file("$PAGER", value, path.as_os_str())
}

/// Runs `cmd` with the terminal: `suspend` before, `resume` after (always), and the
/// outcome as an error message fit for the status bar: "cannot start `nvim`: No such
/// file or directory", "`less` exited with exit status: 2".
pub fn run_suspended(
    cmd: &mut Command,
    suspend: impl FnOnce(),
    resume: impl FnOnce(),
) -> anyhow::Result<()> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    suspend();
    let status = cmd.status();
    resume();
    let status = status.with_context(|| format!("cannot start `{program}`"))?;
    if !status.success() {
        bail!("`{program}` exited with {status}");
    }
    Ok(())
}

fn command_with_file(var: &str, value: &str, file: &OsStr) -> anyhow::Result<Command> {
    let words = split_words(var, value)?;
    let mut cmd = Command::new(&words[0]);
    cmd.args(&words[1..]).arg(file);
    Ok(cmd)
}

/// Splits a variable's value into program and arguments; errors when it has unbalanced
/// quotes or names no program (`EDITOR='""'`).
fn split_words(var: &str, value: &str) -> anyhow::Result<Vec<String>> {
    let words =
        shell_words::split(value).with_context(|| format!("cannot parse {var} ({value:?})"))?;
    match words.first() {
        Some(program) if !program.is_empty() => Ok(words),
        _ => bail!("{var} ({value:?}) names no program"),
    }
}

/// Replaces `%s` with `url` and `%%` with `%` in one pass (so `%%s` stays a literal
/// `%s`); says whether a `%s` was seen.
fn substitute_url(arg: &str, url: &str) -> (String, bool) {
    let mut out = String::with_capacity(arg.len() + url.len());
    let mut seen = false;
    let mut chars = arg.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => {
                out.push_str(url);
                seen = true;
            }
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    (out, seen)
}
