//! Yank to the clipboard: OSC 52 through the terminal, plus a local tool when one works.
//!
//! [`osc52`] builds the escape sequence (pure, testable byte for byte); [`copy`] writes
//! it to the terminal *and* pipes the text to a local clipboard tool chosen by
//! [`local_tool`], then returns a [`CopyReport`] whose [`CopyReport::status_line`] is what
//! the status bar shows. Both channels are used because neither is enough alone:
//! OSC 52 is the only one that reaches the *local* clipboard over SSH, but many terminals
//! ignore it (or cap it); a local tool works wherever a display is, whatever the terminal.
//!
//! Inside tmux, the recommended setup is `set -g set-clipboard on` in `~/.tmux.conf`: tmux
//! then takes the plain OSC 52 sequence, stores it in its own buffer and forwards it to
//! the outer terminal. Only when that is not possible, [`CopyOptions::tmux_passthrough`]
//! wraps the sequence in a DCS passthrough that tmux (3.3+ with `allow-passthrough on`)
//! hands to the outer terminal untouched.

use super::env::{Env, Os};
use base64::Engine as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Cap on the base64 payload of one OSC 52 sequence, in bytes. Terminals drop longer
/// sequences whole (hterm and tmux near 100 kB, some far less), so a longer text is cut
/// at a character boundary and the report says so: most of a text beats nothing.
pub const MAX_OSC52_PAYLOAD: usize = 100_000;

/// Longest text, in bytes, whose base64 fits [`MAX_OSC52_PAYLOAD`].
pub const MAX_OSC52_TEXT: usize = MAX_OSC52_PAYLOAD / 4 * 3;

/// How long a local clipboard tool may take before it is killed: xclip and wl-copy fork
/// a server and return at once, so waiting longer only means the tool is stuck.
const TOOL_TIMEOUT: Duration = Duration::from_secs(2);

/// One OSC 52 sequence and how much of the text it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Osc52 {
    /// `ESC ] 52 ; c ; <base64> BEL`.
    pub sequence: String,
    /// Characters of the text inside the sequence.
    pub sent_chars: usize,
    /// Characters of the whole text.
    pub total_chars: usize,
}

impl Osc52 {
    pub fn truncated(&self) -> bool {
        self.sent_chars < self.total_chars
    }
}

/// The OSC 52 "set clipboard" sequence for `text`, cut to [`MAX_OSC52_TEXT`] bytes.
/// BEL-terminated because more terminals accept BEL than ST after OSC 52.
pub fn osc52(text: &str) -> Osc52 {
    let mut end = text.len().min(MAX_OSC52_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sent = &text[..end];
    let payload = base64::engine::general_purpose::STANDARD.encode(sent);
    Osc52 {
        sequence: format!("\x1b]52;c;{payload}\x07"),
        sent_chars: sent.chars().count(),
        total_chars: text.chars().count(),
    }
}

/// `sequence` wrapped in tmux's DCS passthrough: `ESC P tmux; … ESC \`, with every ESC
/// inside doubled as tmux requires.
pub fn tmux_passthrough(sequence: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
}

/// What the user asked for (config); the defaults suit almost everyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyOptions {
    /// Send OSC 52 to the terminal.
    pub osc52: bool,
    /// Inside tmux (`$TMUX` set), wrap OSC 52 in a DCS passthrough. Off by default:
    /// `set -g set-clipboard on` is the better fix.
    pub tmux_passthrough: bool,
    /// Also pipe to wl-copy / xclip / xsel / pbcopy when one is usable.
    pub local_tool: bool,
}

impl Default for CopyOptions {
    fn default() -> Self {
        CopyOptions {
            osc52: true,
            tmux_passthrough: false,
            local_tool: true,
        }
    }
}

/// A local clipboard program and the arguments that make it read the text on stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTool {
    pub name: &'static str,
    pub program: PathBuf,
    pub args: &'static [&'static str],
}

/// The local clipboard tool to use, if any: pbcopy on macOS; wl-copy when a Wayland
/// display is set; xclip, else xsel, when an X display is set. Without a display these
/// tools fail or hang (typical over SSH), so none is chosen then.
pub fn local_tool(env: &Env) -> Option<LocalTool> {
    let mut candidates: Vec<(&'static str, &'static [&'static str])> = Vec::new();
    if env.os() == Os::MacOs {
        candidates.push(("pbcopy", &[]));
    }
    if env.get("WAYLAND_DISPLAY").is_some() {
        candidates.push(("wl-copy", &[]));
    }
    if env.get("DISPLAY").is_some() {
        candidates.push(("xclip", &["-selection", "clipboard"]));
        candidates.push(("xsel", &["--clipboard", "--input"]));
    }
    candidates.into_iter().find_map(|(name, args)| {
        env.find_program(name).map(|program| LocalTool {
            name,
            program,
            args,
        })
    })
}

/// One way the text reached a clipboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Channel {
    /// OSC 52 written to the terminal; `sent_chars` < the text's length when cut.
    Osc52 {
        tmux_wrapped: bool,
        sent_chars: usize,
    },
    /// Piped to a local tool (its name).
    Tool(&'static str),
}

/// What [`copy`] did, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    /// Characters in the text the user yanked.
    pub chars: usize,
    pub done: Vec<Channel>,
    /// Failures in words ("xclip: exited with status 1").
    pub failed: Vec<String>,
}

impl CopyReport {
    /// The one-line message: "Copied 1 key point (212 chars) via OSC 52 and xclip".
    /// `what` names the yanked thing ("1 key point", "actor Jane Doe").
    pub fn status_line(&self, what: &str) -> String {
        let mut via = Vec::new();
        let mut cut = None;
        for channel in &self.done {
            match channel {
                Channel::Osc52 {
                    tmux_wrapped,
                    sent_chars,
                } => {
                    via.push(if *tmux_wrapped {
                        "OSC 52 (tmux passthrough)".to_string()
                    } else {
                        "OSC 52".to_string()
                    });
                    if *sent_chars < self.chars {
                        cut = Some(*sent_chars);
                    }
                }
                Channel::Tool(name) => via.push((*name).to_string()),
            }
        }
        let mut line = if via.is_empty() {
            format!("Could not copy {what}")
        } else {
            format!(
                "Copied {what} ({} chars) via {}",
                self.chars,
                via.join(" and ")
            )
        };
        if let Some(n) = cut {
            line.push_str(&format!("; OSC 52 carried only the first {n} chars"));
        }
        if !self.failed.is_empty() {
            line.push_str(&format!(" ({})", self.failed.join("; ")));
        }
        line
    }
}

/// Copies `text`: OSC 52 to `terminal` and, when usable, a local clipboard tool. Never
/// fails: every problem is in the report, since a failed yank must not stop the reader.
pub fn copy(text: &str, terminal: &mut impl Write, env: &Env, opts: &CopyOptions) -> CopyReport {
    let mut report = CopyReport {
        chars: text.chars().count(),
        done: Vec::new(),
        failed: Vec::new(),
    };
    if opts.osc52 {
        let osc = osc52(text);
        let tmux_wrapped = opts.tmux_passthrough && env.get("TMUX").is_some();
        let bytes = if tmux_wrapped {
            tmux_passthrough(&osc.sequence)
        } else {
            osc.sequence
        };
        match terminal
            .write_all(bytes.as_bytes())
            .and_then(|()| terminal.flush())
        {
            Ok(()) => report.done.push(Channel::Osc52 {
                tmux_wrapped,
                sent_chars: osc.sent_chars,
            }),
            Err(e) => report.failed.push(format!("terminal: {e}")),
        }
    }
    if opts.local_tool {
        if let Some(tool) = local_tool(env) {
            match pipe_to(&tool, text) {
                Ok(()) => report.done.push(Channel::Tool(tool.name)),
                Err(e) => report.failed.push(format!("{}: {e}", tool.name)),
            }
        }
    }
    report
}

/// Runs the tool with `text` on stdin. stdout and stderr go nowhere: the tools fork a
/// server that keeps inherited pipes open, so reading them would block until the
/// clipboard is taken over.
fn pipe_to(tool: &LocalTool, text: &str) -> Result<(), String> {
    let mut child = Command::new(&tool.program)
        .args(tool.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start: {e}"))?;
    // Written from a thread so a tool that never reads cannot block us past the timeout.
    let writer = child.stdin.take().map(|mut stdin| {
        let bytes = text.as_bytes().to_vec();
        std::thread::spawn(move || stdin.write_all(&bytes))
    });
    let status = wait_with_timeout(&mut child, TOOL_TIMEOUT)?;
    // The exit status first: a tool that failed early also broke the pipe, and its
    // status is the better message.
    if !status.success() {
        return Err(format!("exited with {status}"));
    }
    match writer.map(|w| w.join()) {
        Some(Ok(Err(e))) => Err(format!("writing the text failed: {e}")),
        _ => Ok(()),
    }
}

fn wait_with_timeout(
    child: &mut Child,
    timeout: Duration,
) -> Result<std::process::ExitStatus, String> {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if start.elapsed() < timeout => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Ok(None) => {
                // Best effort: the tool is stuck either way, and a kill error says nothing new.
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("no answer after {}s", timeout.as_secs()));
            }
            Err(e) => return Err(format!("waiting failed: {e}")),
        }
    }
}
