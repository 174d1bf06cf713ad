//! The terminal's last line of defence: a small process that restores the terminal when
//! `brief` dies without doing it itself.
//!
//! A panic, a signal brief handles, or a normal exit all restore the terminal in
//! process. An abort does not: an allocation that fails (out of memory), `panic=abort`,
//! SIGABRT, SIGSEGV or SIGKILL end the process at once, and the shell was left in raw
//! mode on the alternate screen with the cursor hidden. No handler inside a dying
//! process is reliable (and ours could not be written without `unsafe`), so the
//! restore lives outside it:
//!
//! ```text
//! brief (reader)                         brief __watch-terminal SAVED  (the watchdog)
//!   stty -g          -> SAVED              blocks reading its stdin (a pipe from brief)
//!   spawn watchdog, keep the pipe's end    ...
//!   enter raw mode, alternate screen       ...
//!   normal exit: restore, write "done"  -> reads "done", EOF: exits, touches nothing
//!   abort: the kernel closes the pipe   -> EOF without "done": leaves the alternate
//!                                          screen, shows the cursor, ends mouse and
//!                                          paste reporting, `stty SAVED`, exits
//! ```
//!
//! The watchdog ignores SIGINT and SIGQUIT, which a Ctrl-C in a pager sends to the
//! whole foreground group. Without `stty` or a terminal it is simply not started.

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
use crossterm::execute;
use crossterm::terminal::LeaveAlternateScreen;
use std::io::{Read, Write};
use std::process::{ChildStdin, Command, ExitCode, Stdio};
use std::sync::{Arc, Mutex};

/// The subcommand the watchdog runs as (hidden from `--help`).
pub const SUBCOMMAND: &str = "__watch-terminal";

/// What brief writes to the watchdog once the terminal is restored.
const DONE: &[u8] = b"done\n";

/// The reader's end of the watchdog's pipe; clones share it.
#[derive(Clone, Default)]
pub struct Watchdog(Arc<Mutex<Option<ChildStdin>>>);

impl Watchdog {
    /// Saves the terminal's settings and starts the watchdog; inert when that cannot be
    /// done (no `stty`, no terminal, no executable path).
    pub fn start() -> Watchdog {
        Watchdog(Arc::new(Mutex::new(spawn())))
    }

    /// The terminal has been restored: the watchdog exits without touching it.
    pub fn stand_down(&self) {
        if let Ok(mut pipe) = self.0.lock() {
            if let Some(mut p) = pipe.take() {
                // A watchdog already gone has nothing left to do either.
                let _ = p.write_all(DONE);
            }
        }
    }
}

fn spawn() -> Option<ChildStdin> {
    // `stty` reads the settings of its stdin: brief's, the terminal.
    let saved = Command::new("stty")
        .arg("-g")
        .stdin(Stdio::inherit())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let saved = String::from_utf8(saved.stdout).ok()?.trim().to_string();
    if saved.is_empty() || saved.starts_with('-') {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let mut child = Command::new(exe)
        .arg(SUBCOMMAND)
        .arg(saved)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()
}

/// `brief __watch-terminal SAVED`: waits for brief to end, and restores the terminal
/// unless brief said it had.
pub fn run(saved: &str) -> ExitCode {
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGQUIT] {
        // Registering a flag replaces the default action (exit) with "note and go on".
        let _ = signal_hook::flag::register(sig, Arc::new(Default::default()));
    }
    let mut heard = Vec::new();
    // Brief never writes more than DONE; whatever happens, EOF comes when it is gone.
    let _ = std::io::stdin().lock().take(64).read_to_end(&mut heard);
    if heard.starts_with(DONE) {
        return ExitCode::SUCCESS;
    }
    restore(saved);
    ExitCode::SUCCESS
}

fn restore(saved: &str) {
    if let Ok(tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        let mut tty = std::io::BufWriter::new(tty);
        let _ = execute!(
            tty,
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            Show
        );
    }
    if let Ok(tty) = std::fs::File::open("/dev/tty") {
        let _ = Command::new("stty")
            .arg(saved)
            .stdin(tty)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}
