//! What users of newsboat, lazygit and vim reach for: the next unread article, marking
//! everything read (with undo), sorting the list, stepping through a pane's filter
//! matches with `n`/`N`, panes left and right, and the actor sidebar by kind. Counts
//! (`5j`) are typed in `keys.rs`.

use super::marks::Undo;
use super::{highlight, AppState, Level, Mode, Pane};
use crate::model::ActorKind;

/// The order of the article list when no query ranks it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// As the briefing reads (files in name order).
    #[default]
    Briefing,
    /// Newest first; undated articles last.
    Date,
    Source,
    Title,
    /// Unread articles first, each group in briefing order.
    Unread,
}

impl AppState {
    /// Selects the next unread article of the list after the selection (wrapping); in
    /// the reader, opens it.
    pub(crate) fn next_unread(&mut self) {
        let rows = self.rows(Pane::List).to_vec();
        let here = self.cursor(Pane::List).selected;
        let unread = |pos: &usize| {
            let a = rows.get(*pos).and_then(|&i| self.briefing.articles.get(i));
            a.is_some_and(|a| !self.marks.is_read(&a.content_hash))
        };
        let n = rows.len();
        let next = (1..=n).map(|d| (here + d) % n.max(1)).find(unread);
        match next {
            Some(pos) => {
                let wrapped = pos <= here;
                self.move_selection(Pane::List, pos as isize - here as isize);
                if self.mode == Mode::Reader {
                    if let Some(a) = self.selected(Pane::List) {
                        self.open_reader(a);
                    }
                }
                if wrapped {
                    self.say(Level::Info, "next unread: back at the top of the list");
                }
            }
            None => self.say(Level::Info, "no unread article in the list"),
        }
    }

    /// Marks every article the list shows read; `undo` takes it back.
    pub(crate) fn mark_all_read(&mut self) {
        let mut marked = Vec::new();
        for &i in self.rows(Pane::List) {
            if let Some(a) = self.briefing.articles.get(i) {
                if !self.marks.is_read(&a.content_hash) {
                    marked.push(a.content_hash.clone());
                }
            }
        }
        if marked.is_empty() {
            self.say(Level::Info, "every listed article is already read");
            return;
        }
        for h in &marked {
            self.marks.set_read(h, true);
        }
        self.marks_version += 1;
        let n = marked.len();
        self.undo = Some(Undo {
            marked_read: marked,
        });
        let undo = self.key_for(crate::action::Action::Undo);
        self.say(
            Level::Info,
            format!(
                "marked {} read ({undo} undoes it)",
                super::wording::count(n, "article")
            ),
        );
        self.refresh();
    }

    pub(crate) fn undo(&mut self) {
        let Some(u) = self.undo.take() else {
            self.say(Level::Info, "nothing to undo");
            return;
        };
        for h in &u.marked_read {
            self.marks.set_read(h, false);
        }
        self.marks_version += 1;
        self.say(
            Level::Info,
            format!(
                "{} unread again",
                super::wording::count(u.marked_read.len(), "article")
            ),
        );
        self.refresh();
    }

    /// The next order of the article list.
    pub(crate) fn cycle_sort(&mut self) {
        self.sort = match self.sort {
            SortOrder::Briefing => SortOrder::Date,
            SortOrder::Date => SortOrder::Source,
            SortOrder::Source => SortOrder::Title,
            SortOrder::Title => SortOrder::Unread,
            SortOrder::Unread => SortOrder::Briefing,
        };
        let mut text = format!("articles sorted by {}", self.sort.name());
        if !self.query(Pane::List).trim().is_empty() {
            text.push_str(" (the filter ranks by match until Esc clears it)");
        }
        self.say(Level::Info, text);
        self.refresh();
    }

    /// The sidebar's next kind: every kind, people, organisations, places.
    pub(crate) fn cycle_actor_kind(&mut self) {
        self.actor_kind = match self.actor_kind {
            None => Some(ActorKind::Person),
            Some(ActorKind::Person) => Some(ActorKind::Organization),
            Some(ActorKind::Organization) => Some(ActorKind::Place),
            Some(ActorKind::Place) => None,
        };
        self.cursors[Pane::Actors.index()] = Default::default();
        self.refresh_pane(Pane::Actors);
        let n = self.rows(Pane::Actors).len();
        let what = match self.actor_kind {
            None => "every kind".to_string(),
            Some(k) => kind_plural(k).to_string(),
        };
        self.say(
            Level::Info,
            format!("actors: {what} ({})", super::wording::number(n)),
        );
    }

    /// `n`/`N` in a pane: the next (or previous) row that matches the pane's query,
    /// wrapping at the ends.
    pub(crate) fn step_match(&mut self, forward: bool) {
        let pane = self.focus;
        let q = self.query(pane).trim().to_string();
        if q.is_empty() {
            let key = self.key_for(crate::action::Action::Filter);
            self.say(
                Level::Info,
                format!("no filter in this pane ({key} types one, then n/N step through it)"),
            );
            return;
        }
        let matches: Vec<usize> = (0..self.rows(pane).len())
            .filter(|&pos| self.row_matches(pane, pos, &q))
            .collect();
        if matches.is_empty() {
            self.say(Level::Info, format!("no match for /{q}"));
            return;
        }
        let here = self.cursor(pane).selected;
        let (target, wrapped) = if forward {
            match matches.iter().find(|&&p| p > here) {
                Some(&p) => (p, false),
                None => (matches[0], true),
            }
        } else {
            match matches.iter().rev().find(|&&p| p < here) {
                Some(&p) => (p, false),
                None => (matches[matches.len() - 1], true),
            }
        };
        self.move_selection(pane, target as isize - here as isize);
        let k = matches
            .iter()
            .position(|&p| p == target)
            .map_or(0, |p| p + 1);
        let mut text = format!("match {k} of {}", matches.len());
        if wrapped && matches.len() > 1 {
            text.push_str(if forward {
                " (wrapped to the top)"
            } else {
                " (wrapped to the bottom)"
            });
        }
        self.say(Level::Info, text);
    }

    /// Whether the row at `pos` matches `q`: the filter's own highlight finds it.
    fn row_matches(&self, pane: Pane, pos: usize, q: &str) -> bool {
        let Some(&id) = self.rows(pane).get(pos) else {
            return false;
        };
        let b = &self.briefing;
        match pane {
            Pane::List => b.articles.get(id).is_some_and(|a| {
                !highlight(&a.title, q).is_empty()
                    || a.source
                        .as_deref()
                        .is_some_and(|s| !highlight(s, q).is_empty())
            }),
            Pane::Points => self
                .point_text(id)
                .is_some_and(|t| !highlight(t, q).is_empty()),
            Pane::Actors => b
                .actors
                .get(id)
                .is_some_and(|a| a.all_names().any(|n| !highlight(n, q).is_empty())),
        }
    }

    /// The shortest key bound to `action` in the current context or globally, for
    /// messages that name a key ("z undoes it").
    pub fn key_for(&self, action: crate::action::Action) -> String {
        use crate::keymap::{format_sequence, Context};
        [self.context(), Context::Global]
            .iter()
            .find_map(|c| {
                self.keymap
                    .bindings(*c)
                    .filter(|(_, b)| b.actions.first() == Some(&action))
                    .map(|(k, _)| format_sequence(k))
                    .min_by_key(|k| (k.len(), k.clone()))
            })
            .unwrap_or_else(|| format!("`{action}`"))
    }
}

impl SortOrder {
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Briefing => "briefing order",
            SortOrder::Date => "date, newest first",
            SortOrder::Source => "source",
            SortOrder::Title => "title",
            SortOrder::Unread => "unread first",
        }
    }
}

pub fn kind_plural(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "people",
        ActorKind::Organization => "organisations",
        ActorKind::Place => "places",
    }
}
