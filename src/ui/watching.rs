//! Reload (`r`) and live reload (`--watch`, `ui.watch`).
//!
//! Both open the briefing again with the origin and options of the start and hand it to
//! `AppState::set_briefing`, which keeps selections and the open article where their
//! items still exist; [`change_summary`] says in the status bar what changed. Without a
//! watcher the event loop blocks on input (no wake-ups at all); with one,
//! [`Shell::next_event`] waits for input at most [`WAKE_UP`] and [`Shell::poll_watch`]
//! takes the watcher's debounced changes after every wake-up (see `crate::watch`).

use super::background::POLL;
use super::external::Shell;
use crate::app::{AppState, Level};
use crate::model::Briefing;
use crate::open::Origin;
use crate::watch::{Backend, Watcher};
use crossterm::event::{self, Event};
use std::collections::HashMap;
use std::time::Duration;

/// How long file events settle before a reload: an editor's save is several events.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// The longest wait for input while watching, so a change shows within this much
/// (plus the debounce).
const WAKE_UP: Duration = Duration::from_millis(250);

impl Shell {
    /// Starts watching the briefing's paths. Called before the first load, so a file
    /// written meanwhile is reported rather than missed; returns what the status bar
    /// should say about it, if anything.
    pub fn start_watch(&mut self) -> Option<(Level, String)> {
        let paths = match &self.origin {
            Origin::Sample => {
                return Some((
                    Level::Warning,
                    "--watch: the built-in sample never changes; name a folder to watch".into(),
                ))
            }
            Origin::Paths(p) => p.clone(),
        };
        match Watcher::start(&paths, DEBOUNCE) {
            Ok(w) => {
                let note = match (w.backend(), w.fallback_reason()) {
                    (Backend::Polling(every), Some(why)) => Some((
                        Level::Warning,
                        format!("watching by polling every {}s ({why})", every.as_secs()),
                    )),
                    _ => None,
                };
                self.watcher = Some(w);
                note
            }
            Err(e) => Some((Level::Warning, format!("cannot watch: {e:#}"))),
        }
    }

    /// The next terminal event; `None` when nothing came within [`WAKE_UP`] while
    /// watching, or within [`POLL`] while background work runs. With neither it blocks.
    pub fn next_event(&self) -> std::io::Result<Option<Event>> {
        let wait = if self.bg.busy() {
            POLL
        } else if self.watcher.is_some() {
            WAKE_UP
        } else {
            return event::read().map(Some);
        };
        if event::poll(wait)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Reloads when the watcher reported changes; true when it did.
    pub fn poll_watch(&mut self, state: &mut AppState) -> bool {
        let Some(changes) = self.watcher.as_ref().and_then(Watcher::try_recv) else {
            return false;
        };
        let files = changes.len();
        let what = if files == 1 {
            "1 file changed".to_string()
        } else {
            format!("{files} files changed")
        };
        self.reload(state, &what);
        true
    }

    /// Opens the briefing again off the input thread (see `background.rs`), which
    /// swaps it in when it is ready; `why` starts the status message.
    pub fn reload(&mut self, state: &mut AppState, why: &str) {
        self.bg.reload(state, &self.origin, &self.opts, why);
    }
}

/// "+1 −2 ~3 articles" by article id (changed: same id, other content), or "no changes".
pub fn change_summary(old: &Briefing, new: &Briefing) -> String {
    let before: HashMap<&str, &str> = old
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.content_hash.as_str()))
        .collect();
    let after: HashMap<&str, &str> = new
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.content_hash.as_str()))
        .collect();
    let added = after.keys().filter(|id| !before.contains_key(*id)).count();
    let removed = before.keys().filter(|id| !after.contains_key(*id)).count();
    let changed = after
        .iter()
        .filter(|(id, hash)| before.get(*id).is_some_and(|h| h != *hash))
        .count();
    if added + removed + changed == 0 {
        return format!("no changes ({} articles)", new.articles.len());
    }
    format!(
        "+{added} \u{2212}{removed} ~{changed} articles ({} now)",
        new.articles.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    fn b(items: &[(&str, &str)]) -> Briefing {
        Briefing {
            articles: items
                .iter()
                .map(|(id, hash)| Article {
                    id: id.to_string(),
                    content_hash: hash.to_string(),
                    ..Article::default()
                })
                .collect(),
            ..Briefing::default()
        }
    }

    #[test]
    fn summary_counts_added_removed_and_changed_by_id() {
        let old = b(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let new = b(&[("a", "1"), ("c", "9"), ("d", "4"), ("e", "5")]);
        assert_eq!(
            change_summary(&old, &new),
            "+2 \u{2212}1 ~1 articles (4 now)"
        );
        assert_eq!(change_summary(&old, &old), "no changes (3 articles)");
        assert_eq!(
            change_summary(&Briefing::default(), &old),
            "+3 \u{2212}0 ~0 articles (3 now)"
        );
        assert_eq!(
            change_summary(&old, &Briefing::default()),
            "+0 \u{2212}3 ~0 articles (0 now)"
        );
    }

    #[test]
    fn a_moved_article_is_a_removal_and_an_addition() {
        let old = b(&[("x/a", "1")]);
        let new = b(&[("y/a", "1")]);
        assert_eq!(
            change_summary(&old, &new),
            "+1 \u{2212}1 ~0 articles (1 now)"
        );
    }
}
