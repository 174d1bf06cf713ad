//! The status bar's message and the session's message log.
//!
//! A message answers the key that caused it, so the next key takes it away
//! ([`AppState::handle_key`] calls [`AppState::expire_message`] first); the shell also
//! times out info messages after a few seconds ([`AppState::message_timeout`]). Each
//! message is kept whole in [`AppState::log`], which the help overlay lists, so a cut
//! or vanished error can still be read in full.

use super::{AppState, Level, Message};
use std::time::Duration;

/// Messages kept for the help overlay; older ones drop off.
const LOG_LEN: usize = 200;

/// How long an info message stays without a key. Warnings and errors wait for a key.
const INFO_TIMEOUT: Duration = Duration::from_secs(5);

impl AppState {
    /// Shows a message in the status bar (the newest wins) and logs it.
    pub fn say(&mut self, level: Level, text: impl Into<String>) {
        let m = Message {
            text: text.into(),
            level,
        };
        if self.log.len() == LOG_LEN {
            self.log.pop_front();
        }
        self.log.push_back(m.clone());
        self.message = Some(m);
        self.message_seq += 1;
    }

    /// Clears the status bar's message (it stays in the log).
    pub fn expire_message(&mut self) {
        self.message = None;
    }

    /// How long the current message may stay on screen without a key, if it times out.
    pub fn message_timeout(&self) -> Option<Duration> {
        match self.message.as_ref()?.level {
            Level::Info => Some(INFO_TIMEOUT),
            Level::Warning | Level::Error => None,
        }
    }
}
