//! Entering and leaving the terminal's reader mode (raw mode, alternate screen, hidden
//! cursor, mouse capture), and making sure it is left on every exit path: a guard for
//! normal returns and errors, a panic hook that restores before the message prints, a
//! signal thread for SIGTERM/SIGHUP/SIGINT/SIGQUIT that saves state, restores and
//! exits, and Ctrl-Z suspension that restores, stops, and re-enters on `fg`.

use anyhow::Context as _;
use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::io::{stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Puts the terminal in reader mode.
pub fn enter(mouse: bool) -> anyhow::Result<()> {
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    let mut out = stdout();
    execute!(out, EnterAlternateScreen, Hide).context("cannot enter the alternate screen")?;
    if mouse {
        execute!(out, EnableMouseCapture).context("cannot enable mouse reporting")?;
    }
    Ok(())
}

/// Gives the terminal back as it was. Never fails: on a dead terminal (SSH dropped)
/// there is nothing left to restore, and every step is tried regardless.
pub fn leave() {
    let mut out = stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Leaves reader mode when dropped: covers `?` returns and normal exits.
pub struct Guard;

impl Guard {
    pub fn enter(mouse: bool) -> anyhow::Result<Guard> {
        // Installed before entering so that a failure half-way still restores.
        let g = Guard;
        enter(mouse)?;
        Ok(g)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

/// Restores the terminal before the default hook prints the panic, so the message
/// lands on the normal screen and stays readable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

/// What to run on a fatal signal before the terminal is restored (saving the state).
pub type OnExit = Arc<dyn Fn() + Send + Sync>;

/// Watches SIGTERM, SIGHUP (the SSH link dropped), SIGINT and SIGQUIT (sent from
/// outside: in raw mode Ctrl-C is a key): runs `on_exit`, restores, exits 128+signal.
/// SIGINT is let pass while `hold_sigint` is set: a pager or editor brief runs in the
/// foreground shares its process group, so a Ctrl-C meant for it reaches brief too.
pub fn install_signal_handler(on_exit: OnExit, hold_sigint: Arc<AtomicBool>) -> anyhow::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        .context("cannot install the signal handlers")?;
    std::thread::Builder::new()
        .name("brief-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if sig == SIGINT && hold_sigint.load(Ordering::SeqCst) {
                    continue;
                }
                on_exit();
                leave();
                std::process::exit(128 + sig);
            }
        })
        .context("cannot start the signal thread")?;
    Ok(())
}

/// Ctrl-Z: restore the terminal, stop like any job, and re-enter on `fg` (the caller
/// then redraws everything).
pub fn suspend(mouse: bool) -> anyhow::Result<()> {
    leave();
    signal_hook::low_level::raise(SIGTSTP).context("cannot suspend")?;
    enter(mouse)
}
