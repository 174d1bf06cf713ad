//! Mouse reporting for clicks, drags and the wheel only (modes 1000, 1002 and SGR 1006):
//! crossterm's `EnableMouseCapture` also asks for any-motion tracking (1003), which
//! makes the terminal report every pointer move — a stream of events over SSH for a
//! reader that only needs clicks and the wheel.

use crossterm::Command;
use std::fmt;

/// Turns on button-event mouse reporting in SGR encoding.
pub struct EnableMouse;

/// Turns it off again (and any-motion or urxvt reporting a previous program may have
/// left on).
pub struct DisableMouse;

impl Command for EnableMouse {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1002h\x1b[?1006h")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> std::io::Result<()> {
        crossterm::event::EnableMouseCapture.execute_winapi()
    }
}

impl Command for DisableMouse {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[?1006l\x1b[?1003l\x1b[?1002l\x1b[?1000l")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> std::io::Result<()> {
        crossterm::event::DisableMouseCapture.execute_winapi()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_events_without_any_motion() {
        let mut on = String::new();
        EnableMouse.write_ansi(&mut on).unwrap_or(());
        assert!(on.contains("?1002h") && on.contains("?1006h"));
        assert!(!on.contains("1003"));
        let mut off = String::new();
        DisableMouse.write_ansi(&mut off).unwrap_or(());
        assert!(off.contains("?1002l") && off.contains("?1003l"));
    }
}
