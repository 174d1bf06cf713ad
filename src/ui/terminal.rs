//! Entering and leaving the terminal's reader mode (raw mode, alternate screen, hidden
//! cursor, mouse capture, bracketed paste), and making sure it is left on every exit
//! path: a guard for normal returns and errors, a panic hook that restores before the
//! message prints, a signal thread for SIGTERM/SIGHUP/SIGINT/SIGQUIT that saves state,
//! restores and exits, Ctrl-Z suspension that restores, stops, and re-enters on `fg`,
//! and for the exits no code of ours sees (an abort, SIGKILL) the [`watchdog`] process.

#[path = "terminal_watchdog.rs"]
pub mod watchdog;

pub use watchdog::Watchdog;

use super::mouse::{DisableMouse as DisableMouseCapture, EnableMouse as EnableMouseCapture};
use anyhow::Context as _;
use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::io::{stdout, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Puts the terminal in reader mode.
pub fn enter(mouse: bool) -> anyhow::Result<()> {
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    let mut out = stdout();
    execute!(out, EnterAlternateScreen, Hide).context("cannot enter the alternate screen")?;
    // Pasted text arrives as one event, never as keys (see `input::paste`).
    execute!(out, EnableBracketedPaste).context("cannot enable bracketed paste")?;
    if mouse {
        execute!(out, EnableMouseCapture).context("cannot enable mouse reporting")?;
    }
    Ok(())
}

/// Gives the terminal back as it was. Never fails: on a dead terminal (SSH dropped)
/// there is nothing left to restore, and every step is tried regardless.
pub fn leave() {
    let mut out = stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Leaves reader mode when dropped: covers `?` returns and normal exits. The watchdog
/// is told the terminal is restored once it is.
pub struct Guard {
    watchdog: Watchdog,
}

impl Guard {
    pub fn enter(mouse: bool, watchdog: Watchdog) -> anyhow::Result<Guard> {
        // Installed before entering so that a failure half-way still restores.
        let g = Guard { watchdog };
        enter(mouse)?;
        Ok(g)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
        self.watchdog.stand_down();
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

/// How long after a foreground program ends its Ctrl-C (or Ctrl-\) still counts as
/// its own: the signal reaches brief's signal thread asynchronously, and on a loaded
/// machine that thread can run after the program is gone and brief is back. Without
/// the grace brief then took the pager's Ctrl-C as its own and quit (seen under a
/// fully loaded parallel test run).
const CHILD_SIGNAL_GRACE: Duration = Duration::from_secs(2);

/// Whether SIGINT and SIGQUIT belong to a program brief runs in the foreground (a
/// pager, an editor): it shares brief's process group, so its Ctrl-C reaches brief too.
#[derive(Clone, Default)]
pub struct ChildSignals(Arc<Mutex<(bool, Option<Instant>)>>);

impl ChildSignals {
    /// A foreground program starts.
    pub fn begin(&self) {
        if let Ok(mut s) = self.0.lock() {
            *s = (true, None);
        }
    }

    /// It ended: its signals are still let pass for [`CHILD_SIGNAL_GRACE`].
    pub fn end(&self) {
        if let Ok(mut s) = self.0.lock() {
            *s = (false, Some(Instant::now()));
        }
    }

    fn holds(&self) -> bool {
        self.0.lock().is_ok_and(|s| {
            s.0 || s
                .1
                .is_some_and(|ended| ended.elapsed() < CHILD_SIGNAL_GRACE)
        })
    }
}

/// Watches SIGTERM, SIGHUP (the SSH link dropped), SIGINT and SIGQUIT (sent from
/// outside: in raw mode Ctrl-C is a key): runs `on_exit`, restores, exits 128+signal.
/// SIGINT and SIGQUIT are let pass while `child` holds them (see [`ChildSignals`]).
pub fn install_signal_handler(
    on_exit: OnExit,
    child: ChildSignals,
    watchdog: Watchdog,
) -> anyhow::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        .context("cannot install the signal handlers")?;
    std::thread::Builder::new()
        .name("brief-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if (sig == SIGINT || sig == SIGQUIT) && child.holds() {
                    continue;
                }
                on_exit();
                leave();
                watchdog.stand_down();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn child_signals_are_held_while_it_runs_and_a_grace_after() {
        let c = ChildSignals::default();
        assert!(!c.holds(), "nothing runs: Ctrl-C from outside quits brief");
        c.begin();
        assert!(c.holds());
        c.end();
        assert!(
            c.holds(),
            "a late signal of the program that just ended is its own"
        );
        if let Ok(mut s) = c.0.lock() {
            s.1 = Instant::now().checked_sub(CHILD_SIGNAL_GRACE + Duration::from_millis(1));
        }
        assert!(!c.holds(), "after the grace, signals are brief's again");
    }
}
