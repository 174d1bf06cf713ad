//! Filtering off the input thread, for item sets too large to rank within one frame.
//!
//! The worker owns one thread and an `Arc` of the index. [`FilterWorker::submit`] bumps a
//! generation counter and queues the query; the running pass polls the counter every few
//! thousand items and stops as soon as it is stale, and queued queries older than the
//! newest are skipped, so fast typing costs one pass, not one per key. A pass that runs
//! longer than a frame sends partial rankings (the best [`PARTIAL_LIMIT`] hits of the
//! items scanned so far) before the complete one.
//!
//! How an event loop waits on it without idle ticks: block on terminal input while the
//! worker is idle, and poll with a short timeout only while a pass is in flight.
//!
//! ```no_run
//! # use std::{sync::Arc, time::Duration};
//! # use brief::filter::{FilterIndex, FilterWorker};
//! # fn main() -> anyhow::Result<()> {
//! let mut worker = FilterWorker::spawn(Arc::new(FilterIndex::new(["a", "b"])))?;
//! worker.submit("a");
//! loop {
//!     if worker.is_busy() {
//!         if crossterm::event::poll(Duration::from_millis(8))? {
//!             let _key = crossterm::event::read()?; // may call worker.submit(..)
//!         }
//!         while let Some(update) = worker.try_recv() {
//!             let _ranked = update.hits; // show it; `update.complete` says if final
//!         }
//!     } else {
//!         let _key = crossterm::event::read()?; // blocks: an idle reader never wakes
//!         # break;
//!     }
//! }
//! # Ok(()) }
//! ```

use super::{rank, FilterIndex, Hit};
use anyhow::Context;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Hits carried by a partial update: more than any screen shows.
pub const PARTIAL_LIMIT: usize = 1_000;

/// Candidates scored before the first chance to send a partial ranking; each later group
/// is twice as large, so a long pass shows something early and stops rarely after.
const FIRST_GROUP: usize = 1_024;

/// One frame: a pass expected to finish within it sends only its complete result.
const FRAME: Duration = Duration::from_millis(16);

/// After the first partial ranking, later ones come at most this often, so a long pass
/// does not make the screen redraw on every group.
const PARTIAL_EVERY: Duration = Duration::from_millis(50);

/// A ranking for one submitted query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterUpdate {
    /// The value [`FilterWorker::submit`] returned for the query.
    pub generation: u64,
    pub query: String,
    /// Ranked hits: all of them when `complete`, else the best of the items scanned.
    pub hits: Vec<Hit>,
    pub complete: bool,
    /// Candidates scored so far, of `total` (the previous hits when the query only
    /// grew, else every item).
    pub scanned: usize,
    pub total: usize,
}

struct Job {
    generation: u64,
    query: String,
}

/// A filter thread for one [`FilterIndex`]; dropping it stops the thread.
pub struct FilterWorker {
    jobs: Option<Sender<Job>>,
    updates: Receiver<FilterUpdate>,
    latest: Arc<AtomicU64>,
    in_flight: bool,
    thread: Option<JoinHandle<()>>,
}

impl FilterWorker {
    pub fn spawn(index: Arc<FilterIndex>) -> anyhow::Result<FilterWorker> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (update_tx, updates) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let shared = latest.clone();
        let thread = std::thread::Builder::new()
            .name("brief-filter".into())
            .spawn(move || serve(&index, &job_rx, &update_tx, &shared))
            .context("could not start the filter thread")?;
        Ok(FilterWorker {
            jobs: Some(jobs),
            updates,
            latest,
            in_flight: false,
            thread: Some(thread),
        })
    }

    /// Queues `query`, cancelling any older pass; returns its generation.
    pub fn submit(&mut self, query: &str) -> u64 {
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let job = Job {
            generation,
            query: query.to_owned(),
        };
        // A dead thread (it only dies with a panic in a pass) leaves the worker idle:
        // the caller then sees no results rather than a crash.
        self.in_flight = self.jobs.as_ref().is_some_and(|tx| tx.send(job).is_ok());
        generation
    }

    /// Whether the newest query has no complete result yet: poll only while true.
    pub fn is_busy(&self) -> bool {
        self.in_flight
    }

    /// The next update for the newest query, without waiting; stale ones are dropped.
    pub fn try_recv(&mut self) -> Option<FilterUpdate> {
        while let Ok(update) = self.updates.try_recv() {
            if let Some(update) = self.accept(update) {
                return Some(update);
            }
        }
        None
    }

    /// Like [`try_recv`](Self::try_recv), waiting up to `timeout` for an update.
    pub fn recv_timeout(&mut self, timeout: Duration) -> Option<FilterUpdate> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.updates.recv_timeout(left) {
                Ok(update) => {
                    if let Some(update) = self.accept(update) {
                        return Some(update);
                    }
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    fn accept(&mut self, update: FilterUpdate) -> Option<FilterUpdate> {
        if update.generation != self.latest.load(Ordering::SeqCst) {
            return None;
        }
        if update.complete {
            self.in_flight = false;
        }
        Some(update)
    }
}

impl Drop for FilterWorker {
    fn drop(&mut self) {
        // Make the running pass stale, then close the queue so the thread's loop ends.
        self.latest.fetch_add(1, Ordering::SeqCst);
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    index: &FilterIndex,
    jobs: &Receiver<Job>,
    updates: &Sender<FilterUpdate>,
    latest: &AtomicU64,
) {
    while let Ok(mut job) = jobs.recv() {
        // Only the newest queued query matters: the others are already stale.
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        let generation = job.generation;
        if latest.load(Ordering::SeqCst) != generation {
            continue;
        }
        let stale = || latest.load(Ordering::Relaxed) != generation;
        let started = Instant::now();
        let mut last_sent: Option<Instant> = None;
        let mut send_failed = false;
        let progress = |hits: &[Hit], scanned: usize, total: usize| {
            let due = match last_sent {
                // The first partial goes out as soon as the pass, at its current pace,
                // would not finish within a frame (or half a frame has gone): the user
                // sees matches at once, ranked among the items scanned so far.
                None => {
                    let spent = started.elapsed();
                    spent >= FRAME / 2
                        || spent.mul_f64(total as f64 / scanned.max(1) as f64) > FRAME
                }
                Some(at) => at.elapsed() >= PARTIAL_EVERY,
            };
            if !due || send_failed {
                return;
            }
            last_sent = Some(Instant::now());
            let update = FilterUpdate {
                generation,
                query: job.query.clone(),
                hits: best(hits, PARTIAL_LIMIT),
                complete: false,
                scanned,
                total,
            };
            send_failed = updates.send(update).is_err();
        };
        let Some((hits, total)) = index.pass(&job.query, FIRST_GROUP, &stale, progress) else {
            continue;
        };
        let update = FilterUpdate {
            generation,
            scanned: total,
            total,
            query: job.query,
            hits,
            complete: true,
        };
        if updates.send(update).is_err() {
            return;
        }
    }
}

/// The `limit` best hits, ranked, without sorting all of them.
fn best(hits: &[Hit], limit: usize) -> Vec<Hit> {
    let mut top = hits.to_vec();
    if top.len() > limit {
        top.select_nth_unstable_by_key(limit, |h| (std::cmp::Reverse(h.score), h.index));
        top.truncate(limit);
    }
    rank(&mut top);
    top
}
