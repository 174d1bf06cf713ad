//! Work the shell runs off the input thread, so a keystroke never waits on it: filter
//! passes over large panes ([`crate::app::Request::Filter`]) on one
//! [`FilterWorker`] per pane, and reloads (`r`, `--watch`) on a thread of their own.
//!
//! The event loop asks [`Background::busy`] before it waits for input: while something
//! runs it polls the terminal with [`POLL`] as timeout and calls [`Background::poll`]
//! after every wake-up; when nothing runs it blocks, so an idle reader never wakes.

use crate::app::{AppState, Level, Pane};
use crate::filter::{FilterIndex, FilterWorker};
use crate::model::Briefing;
use crate::open::{open, OpenOptions, Origin};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::Duration;

/// How often the loop looks for results while background work runs: about two frames.
pub const POLL: Duration = Duration::from_millis(30);

/// A reload under way: what caused it and where its result arrives.
struct Reload {
    why: String,
    result: Receiver<anyhow::Result<Briefing>>,
}

#[derive(Default)]
pub struct Background {
    /// Per pane: the index a worker serves, and the worker.
    workers: [Option<(Arc<FilterIndex>, FilterWorker)>; 3],
    reload: Option<Reload>,
}

impl Background {
    /// Whether results may still arrive (the loop then polls instead of blocking).
    pub fn busy(&self) -> bool {
        self.reload.is_some() || self.workers.iter().flatten().any(|(_, w)| w.is_busy())
    }

    /// Runs `query` over the pane's large item set in the background.
    pub fn filter(&mut self, state: &mut AppState, pane: Pane, query: &str) {
        let Some(index) = state.filters.index(pane, state.briefing_points).cloned() else {
            return;
        };
        let slot = &mut self.workers[pane.index()];
        // A reload rebuilds the indices: a worker of the old one is dropped (it stops).
        if !slot.as_ref().is_some_and(|(i, _)| Arc::ptr_eq(i, &index)) {
            *slot = match FilterWorker::spawn(index.clone()) {
                Ok(w) => Some((index, w)),
                Err(e) => {
                    state.say(Level::Error, format!("cannot filter: {e:#}"));
                    None
                }
            };
        }
        if let Some((_, w)) = slot {
            w.submit(query);
        }
    }

    /// Opens the briefing again on its own thread; a newer reload supersedes this one
    /// (its result is dropped when it arrives).
    pub fn reload(&mut self, state: &mut AppState, origin: &Origin, opts: &OpenOptions, why: &str) {
        let (tx, rx) = mpsc::channel();
        let (origin, opts) = (origin.clone(), opts.clone());
        let spawned = std::thread::Builder::new()
            .name("brief-reload".into())
            .spawn(move || {
                // The receiver is gone when a newer reload replaced this one.
                let _ = tx.send(open(&origin, &opts));
            });
        match spawned {
            Ok(_) => {
                state.say(Level::Info, format!("{why}: reloading..."));
                self.reload = Some(Reload {
                    why: why.to_string(),
                    result: rx,
                });
            }
            Err(e) => state.say(Level::Error, format!("{why}, but cannot reload: {e}")),
        }
    }

    /// Hands finished work to the core; true when the screen changed.
    pub fn poll(&mut self, state: &mut AppState) -> bool {
        let mut dirty = false;
        for pane in Pane::ALL {
            let Some((_, w)) = self.workers[pane.index()].as_mut() else {
                continue;
            };
            while let Some(u) = w.try_recv() {
                let items = u.hits.iter().map(|h| h.index).collect();
                dirty |= state.apply_filter(pane, &u.query, items, u.complete);
            }
        }
        if let Some(r) = &self.reload {
            match r.result.try_recv() {
                Ok(result) => {
                    let why = r.why.clone();
                    self.reload = None;
                    apply_reload(state, &why, result);
                    dirty = true;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    let why = r.why.clone();
                    self.reload = None;
                    state.say(Level::Error, format!("{why}, but the reload stopped"));
                    dirty = true;
                }
            }
        }
        dirty
    }
}

/// Swaps a reloaded briefing in and says what changed.
fn apply_reload(state: &mut AppState, why: &str, result: anyhow::Result<Briefing>) {
    match result {
        Ok(b) => {
            let summary = super::watching::change_summary(&state.briefing, &b);
            state.set_briefing(b);
            // set_briefing may have said the open article is gone: keep that visible.
            let gone = state
                .message
                .as_ref()
                .filter(|m| m.level == Level::Warning)
                .map(|m| format!("; {}", m.text))
                .unwrap_or_default();
            state.say(Level::Info, format!("{why}: {summary}{gone}"));
        }
        Err(e) => state.say(
            Level::Error,
            format!("{why}, but the briefing cannot be opened: {e:#}"),
        ),
    }
}
