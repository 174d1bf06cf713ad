//! The first load, with the terminal already in reader mode: a cold open of 10k
//! articles takes seconds, and in raw mode Ctrl-C is a key, not a signal. So the load
//! runs on its own thread while this one draws a "loading" line (once a second, with
//! the time so far) and answers `q`, Esc and Ctrl-C by giving up.

use super::Term;
use crate::model::Briefing;
use crate::open::{open, OpenOptions, Origin};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How the first load ended.
pub enum Loaded {
    Ready(Briefing),
    /// The user gave up waiting.
    Cancelled,
}

/// Opens the briefing off the input thread, drawing progress on `term`.
pub fn load(term: &mut Term, origin: &Origin, opts: &OpenOptions) -> anyhow::Result<Loaded> {
    let (tx, rx) = mpsc::channel();
    {
        let (origin, opts) = (origin.clone(), opts.clone());
        std::thread::Builder::new()
            .name("brief-load".into())
            .spawn(move || {
                // Nobody listens once the user cancelled: the process is exiting.
                let _ = tx.send(open(&origin, &opts));
            })?;
    }
    let start = Instant::now();
    let mut shown = None;
    loop {
        let secs = start.elapsed().as_secs();
        if shown != Some(secs) {
            shown = Some(secs);
            let text = if secs == 0 {
                "Loading the briefing... (q to give up)".to_string()
            } else {
                format!("Loading the briefing... {secs} s (q to give up)")
            };
            term.draw(|f| Line::from(text).render(f.area(), f.buffer_mut()))?;
        }
        // Input is read between short waits for the result, so a key is answered
        // within this long and the load is not slowed by polling.
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(result) => return result.map(Loaded::Ready),
            Err(RecvTimeoutError::Disconnected) => {
                anyhow::bail!("the briefing could not be loaded (the loader stopped)")
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        while event::poll(Duration::ZERO)? {
            if let Event::Key(k) = event::read()? {
                let ctrl_c =
                    k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                let quit = matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c;
                if quit && k.kind != KeyEventKind::Release {
                    return Ok(Loaded::Cancelled);
                }
            }
        }
    }
}
