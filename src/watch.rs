//! Live reload: watch the briefing's files and deliver debounced [`ChangeSet`]s.
//!
//! How the pieces compose: an OS watcher from `notify` (inotify, FSEvents…) sends raw
//! events to a worker thread. The worker gathers them until they pause for the debounce
//! time (or for ten debounce times at most, so a steady stream still shows up), then
//! asks the snapshot what those places hold now compared with before; a non-empty
//! difference is sent as one [`ChangeSet`] on a std channel. [`filter::is_ignored`]
//! drops hidden files, our own `*.summary.toml` writes and editor temp files.
//!
//! Polling is the same worker with a clock instead of events: every interval it
//! compares the whole snapshot (a walk and a `stat` per file). `notify::PollWatcher`
//! is not used for it because it compares modification times in whole seconds, so a
//! file saved twice within a second looks unchanged, and its content comparison reads
//! every file on every round.
//!
//! When polling is used: [`Mode::Auto`] falls back to polling, every
//! [`FALLBACK_POLL_INTERVAL`], when the native watcher cannot start or cannot watch a
//! path — typically inotify limits reached (`fs.inotify.max_user_watches` or
//! `max_user_instances`), or a kernel or container without inotify;
//! [`Watcher::backend`] and [`Watcher::fallback_reason`] say so for the status bar.
//! Network and FUSE file systems (NFS, SMB, sshfs) accept a native watch but never
//! report remote changes; no check can tell, so the user asks for [`Mode::Poll`].
//!
//! A native watch belongs to a folder, not to its name: when the watched folder is
//! deleted and made again (or another folder renamed over it) the OS watch ends with the
//! old one, and the reader once stopped seeing changes without a word. So the worker
//! also knows each watched folder by device and inode ([`rearm`]), looks again after
//! every batch and at least every [`REARM_CHECK`], and when the name stands for another
//! folder (or for one again) it watches the new one and compares everything, which
//! reports what the new folder holds.
//!
//! Event loop: the reader blocks on terminal input and must not spin. With a watcher,
//! wait for input with a timeout and drain the watcher after each wake-up:
//!
//! ```text
//! loop {
//!     let input = match &watcher {
//!         Some(_) => poll_input(Duration::from_millis(250))?, // Some(event) or None
//!         None => Some(read_input()?),                      // no watcher: block
//!     };
//!     if let Some(event) = input { app.handle(event) }
//!     if let Some(changes) = watcher.as_ref().and_then(Watcher::try_recv) {
//!         app.reload(&changes) // then share::remap_selection for selection and scroll
//!     }
//!     redraw if something changed
//! }
//! ```
//!
//! The trade-off is deliberate: without `--watch` there are no idle wake-ups at all;
//! with it, four cheap wake-ups a second bound the delay before a change shows, and no
//! thread has to forward terminal input. Start the watcher before the first load, so a
//! file written in between is reported rather than missed.

mod changes;
pub mod filter;
mod rearm;
mod snapshot;

pub use changes::ChangeSet;

use anyhow::Context as _;
use notify::{EventKind, RecursiveMode};
use rearm::{NativeWatch, Rearm};
use snapshot::{Root, Snapshot};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use rearm::REARM_CHECK;

/// Poll interval when [`Mode::Auto`] has to fall back to polling.
pub const FALLBACK_POLL_INTERVAL: Duration = Duration::from_secs(1);

/// How to watch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The OS's watcher, polling when it cannot be used.
    Auto,
    /// Compare everything at this interval (network file systems).
    Poll(Duration),
}

/// The watcher actually in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Native,
    Polling(Duration),
}

/// A running watch. Dropping it stops the OS watcher and the worker thread.
pub struct Watcher {
    changes: Receiver<ChangeSet>,
    backend: Backend,
    fallback_reason: Option<String>,
    // Held for its drop: the worker ends once every sender of raw events is gone,
    // the OS watcher's (native) or this one (polling).
    _feed: Feed,
}

enum Feed {
    Native { _watcher: NativeWatch },
    Polling { _clock: Sender<RawEvent> },
}

type RawEvent = notify::Result<notify::Event>;

impl Watcher {
    /// Watches `paths` (folders recursively, single files) with [`Mode::Auto`].
    pub fn start(paths: &[PathBuf], debounce: Duration) -> anyhow::Result<Watcher> {
        Watcher::start_with(paths, debounce, Mode::Auto)
    }

    /// Watches `paths`; fails when a path does not exist or the thread cannot start.
    pub fn start_with(
        paths: &[PathBuf],
        debounce: Duration,
        mode: Mode,
    ) -> anyhow::Result<Watcher> {
        let roots = paths
            .iter()
            .map(|p| Root::new(p).with_context(|| format!("cannot watch {}", p.display())))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let (raw_tx, raw_rx) = mpsc::channel::<RawEvent>();
        let (feed, backend, fallback_reason) = match mode {
            Mode::Poll(interval) => (
                Feed::Polling { _clock: raw_tx },
                Backend::Polling(interval),
                None,
            ),
            Mode::Auto => match native_watcher(&roots, &raw_tx) {
                Ok(w) => (
                    Feed::Native {
                        _watcher: Arc::new(Mutex::new(w)),
                    },
                    Backend::Native,
                    None,
                ),
                Err(e) => (
                    Feed::Polling { _clock: raw_tx },
                    Backend::Polling(FALLBACK_POLL_INTERVAL),
                    Some(format!("{e:#}")),
                ),
            },
        };
        let poll = match backend {
            Backend::Native => None,
            Backend::Polling(interval) => Some(interval),
        };
        // The worker holds the native watch weakly: dropping the Watcher still ends it.
        let rearm = match &feed {
            Feed::Native { _watcher: w } => Some(Rearm::new(Arc::downgrade(w), &roots)),
            Feed::Polling { .. } => None,
        };
        // Scanned after the watches are set: a change in between is then both in the
        // snapshot and queued as an event, which reconciles to nothing, instead of lost.
        let snapshot = Snapshot::new(roots);
        let (tx, changes) = mpsc::channel();
        std::thread::Builder::new()
            .name("brief-watch".into())
            .spawn(move || run(raw_rx, tx, snapshot, debounce, poll, rearm))
            .context("cannot start the watch thread")?;
        Ok(Watcher {
            changes,
            backend,
            fallback_reason,
            _feed: feed,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Why the native watcher was not used, when [`Mode::Auto`] fell back to polling.
    pub fn fallback_reason(&self) -> Option<&str> {
        self.fallback_reason.as_deref()
    }

    /// Every batch delivered so far, merged into one; `None` when there is none. Never
    /// blocks: call it after each wake-up of the event loop.
    pub fn try_recv(&self) -> Option<ChangeSet> {
        let mut merged: Option<ChangeSet> = None;
        while let Ok(batch) = self.changes.try_recv() {
            match &mut merged {
                Some(m) => m.merge(batch),
                None => merged = Some(batch),
            }
        }
        merged.filter(|m| !m.is_empty())
    }

    /// The next batch, waiting at most `timeout` (for tests and simple loops).
    pub fn recv_timeout(&self, timeout: Duration) -> Option<ChangeSet> {
        self.changes.recv_timeout(timeout).ok()
    }
}

fn native_watcher(
    roots: &[Root],
    tx: &Sender<RawEvent>,
) -> anyhow::Result<Box<dyn notify::Watcher + Send>> {
    let tx = tx.clone();
    let handler = move |event: RawEvent| {
        // The worker is gone only when the Watcher is being dropped: nothing to tell.
        let _ = tx.send(event);
    };
    let mut w = notify::recommended_watcher(handler).context("cannot start the native watcher")?;
    for root in roots {
        let (target, recursive) = root.watch_target();
        let mode = if recursive {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        notify::Watcher::watch(&mut w, target, mode)
            .with_context(|| format!("cannot watch {} natively", target.display()))?;
    }
    Ok(Box::new(w))
}

/// Places touched since the last batch, or a request to look everywhere.
#[derive(Default)]
struct Pending {
    places: BTreeSet<PathBuf>,
    rescan: bool,
}

impl Pending {
    fn add(&mut self, event: RawEvent, snapshot: &Snapshot) {
        match event {
            // Opening or reading a file (our own reload does) changes nothing.
            Ok(e) if matches!(e.kind, EventKind::Access(_)) => {}
            Ok(e) => {
                self.rescan |= e.need_rescan();
                self.places
                    .extend(e.paths.iter().filter_map(|p| snapshot.resolve(p)));
            }
            // The OS dropped or could not read something: only a full look is safe.
            Err(_) => self.rescan = true,
        }
    }

    fn places(self, snapshot: &Snapshot) -> Vec<PathBuf> {
        if self.rescan {
            snapshot.root_paths()
        } else {
            self.places.into_iter().collect()
        }
    }
}

/// The worker: wait for events (or the poll clock), gather, reconcile, send. With a
/// native watch it also wakes every [`REARM_CHECK`] to see that each watched folder is
/// still the one watched.
fn run(
    raw: Receiver<RawEvent>,
    out: Sender<ChangeSet>,
    mut snapshot: Snapshot,
    debounce: Duration,
    poll: Option<Duration>,
    mut rearm: Option<Rearm>,
) {
    loop {
        let wait = poll.or(rearm.as_ref().map(|_| REARM_CHECK));
        let first = match wait {
            Some(interval) => match raw.recv_timeout(interval) {
                Ok(event) => Some(event),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            },
            None => match raw.recv() {
                Ok(event) => Some(event),
                Err(_) => return,
            },
        };
        let mut places = match first {
            None if poll.is_some() => snapshot.root_paths(),
            None => Vec::new(),
            Some(first) => match gather(first, &raw, &snapshot, debounce) {
                Some(pending) => pending.places(&snapshot),
                None => return,
            },
        };
        // A folder deleted, made again or swapped: watched anew, and looked at whole.
        if rearm.as_mut().is_some_and(Rearm::check) {
            places = snapshot.root_paths();
        }
        if places.is_empty() {
            continue;
        }
        let changes = snapshot.reconcile(&places);
        if !changes.is_empty() && out.send(changes).is_err() {
            return;
        }
    }
}

/// Collects events until they pause for `debounce` (at most ten times that in all);
/// `None` when the feed is gone.
fn gather(
    first: RawEvent,
    raw: &Receiver<RawEvent>,
    snapshot: &Snapshot,
    debounce: Duration,
) -> Option<Pending> {
    let longest = debounce.saturating_mul(10);
    let mut pending = Pending::default();
    pending.add(first, snapshot);
    let started = Instant::now();
    loop {
        let left = longest.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Some(pending);
        }
        match raw.recv_timeout(debounce.min(left)) {
            Ok(event) => pending.add(event, snapshot),
            Err(RecvTimeoutError::Timeout) => return Some(pending),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}
