//! The app-state core: everything the reader knows and does, without a terminal.
//!
//! [`AppState`] holds the briefing, the focus, one [`Cursor`] per pane, the mode, the
//! filters, the [`Marks`] and the reader. Keys come in through [`AppState::handle_key`]
//! (`keys.rs`: the keymap turns them into [`Action`]s; the pending sequence and count
//! live here), and [`AppState::update`] (`update.rs`) is where every action changes
//! state. After each change `views.rs` recomputes what each pane shows (linked actor via
//! `mentions.rs`, unread/starred filters, fuzzy query, sort) and `scroll.rs` keeps each
//! selection on screen with rows of their real heights. The reader's wrapped document
//! lives in `reader.rs` and `doc.rs`; the help's and the actor overlay's lines in
//! `help.rs` and `actor_view.rs`; messages and their log in `status.rs`; next unread,
//! mark all read, sort and `n`/`N` in panes in `habits.rs`; counts in words in
//! `wording.rs`. The terminal shell only reads this state, reports the screen geometry
//! ([`AppState::resize`]) and mouse clicks, and carries out [`Request`]s that need the
//! terminal.

mod actor_view;
mod doc;
mod doc_table;
#[cfg(test)]
mod doc_tests;
mod export_view;
mod filter;
mod habits;
mod help;
mod keys;
mod marks;
mod mentions;
mod pick;
mod reader;
mod reload;
mod scroll;
mod status;
pub mod testing;
pub mod text;
mod update;
mod views;
pub mod wording;

pub use crate::action::Action;
pub use actor_view::ActorView;
pub use doc::{DocLine, DocSpan, SpanKind};
pub use habits::SortOrder;
pub use scroll::{Cursor, Viewport};
/// The flag bits of a [`DocSpan`].
pub mod doc_flags {
    pub use super::doc::{ACTOR, FOCUS_ACTOR, KEY_POINT, SEARCH};
}
pub use filter::{highlight, rank_small, PaneFilters, BACKGROUND_MIN};
pub use help::{HelpLine, LineKind, KEYS_WIDTH as HELP_KEYS_WIDTH};
pub use marks::{point_key, Marks};
pub use reader::Reader;

use crate::keymap::{Context, KeyPress, Keymap};
use crate::model::Briefing;

/// The three panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Points,
    Actors,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Points, Pane::Actors];

    pub fn title(self) -> &'static str {
        match self {
            Pane::List => "Articles",
            Pane::Points => "Key points",
            Pane::Actors => "Actors",
        }
    }

    /// The pane's position in per-pane arrays (`rows`, `cursors`, the shell's workers).
    pub fn index(self) -> usize {
        match self {
            Pane::List => 0,
            Pane::Points => 1,
            Pane::Actors => 2,
        }
    }
}

/// What the keys currently drive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a query for `target`; keys that are not bound go into the query.
    Filter(FilterTarget),
    Reader,
    Help,
    /// The actor overlay ([`ActorView`]): roles, aliases, quotes, articles.
    Actor,
}

/// What a query typed in filter mode applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterTarget {
    Pane(Pane),
    /// In-article search.
    Reader,
    Help,
}

/// Something only the terminal shell can do, asked for by an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Suspend,
    Redraw,
    /// Yank, export, open, reload: carried out by the shell (or reported unavailable).
    External(Action),
    /// Rank `query` over the pane's large item set off the input thread, and hand the
    /// rankings to [`AppState::apply_filter`] (see `filter.rs`).
    Filter {
        pane: Pane,
        query: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub level: Level,
}

/// The whole state of the reader.
pub struct AppState {
    pub briefing: Briefing,
    pub keymap: Keymap,
    pub marks: Marks,
    pub focus: Pane,
    pub mode: Mode,
    /// Mode to go back to when help closes.
    return_mode: Mode,
    /// Mode to go back to when the filter prompt closes (help can hold a filter).
    filter_return: Mode,
    cursors: [Cursor; 3],
    queries: [String; 3],
    /// Item ids shown by each pane, in display order (see `views.rs`).
    rows: [Vec<usize>; 3],
    /// Key points: the whole briefing's merged table instead of the selected article's.
    pub briefing_points: bool,
    /// Narrow articles and key points to this actor (index into `briefing.actors`).
    pub linked_actor: Option<usize>,
    /// The user's sidebar choice; `None` follows the width.
    sidebar_choice: Option<bool>,
    pub unread_only: bool,
    pub starred_only: bool,
    pub pending: Vec<KeyPress>,
    /// A count typed before a key (`5j`), while it is being typed.
    pub count: Option<usize>,
    /// The status bar's message; it goes at the next key (see `status.rs`).
    pub message: Option<Message>,
    /// Bumped on every new message, so the shell can time messages out.
    pub message_seq: u64,
    /// Every message of the session, oldest first (bounded), listed under `?`.
    pub log: std::collections::VecDeque<Message>,
    /// Config problems and other start-up warnings, listed in the help overlay.
    pub notes: Vec<Message>,
    pub reader: Option<Reader>,
    pub help_query: String,
    pub help_scroll: usize,
    /// The actor overlay, while open (or under help opened from it).
    pub actor_view: Option<ActorView>,
    /// The article list's order when no query ranks it.
    pub sort: SortOrder,
    /// The actor sidebar shows only this kind (`None`: every kind).
    pub actor_kind: Option<crate::model::ActorKind>,
    /// What `undo` restores: the read marks a "mark all read" changed.
    pub(crate) undo: Option<marks::Undo>,
    pub view: Viewport,
    pub requests: Vec<Request>,
    pub quit: bool,
    /// The panes' filter indices and the rankings the background sent.
    pub filters: PaneFilters,
    /// Bumped on every change of `marks`, so the shell knows when to publish them.
    pub marks_version: u64,
    /// ASCII-only marks in the reader's document (`--ascii`, non-UTF-8 locale).
    pub ascii: bool,
    /// `layout.reader_width`: the reader's maximum text width (0: the pane's).
    pub reader_max_width: u16,
}

impl AppState {
    pub fn new(briefing: Briefing, keymap: Keymap) -> AppState {
        let filters = PaneFilters::new(&briefing);
        let mut s = AppState {
            briefing,
            keymap,
            marks: Marks::default(),
            focus: Pane::List,
            mode: Mode::Normal,
            return_mode: Mode::Normal,
            filter_return: Mode::Normal,
            cursors: [Cursor::default(); 3],
            queries: Default::default(),
            rows: Default::default(),
            briefing_points: false,
            linked_actor: None,
            sidebar_choice: None,
            unread_only: false,
            starred_only: false,
            pending: Vec::new(),
            count: None,
            message: None,
            message_seq: 0,
            log: Default::default(),
            notes: Vec::new(),
            reader: None,
            help_query: String::new(),
            help_scroll: 0,
            actor_view: None,
            sort: SortOrder::default(),
            actor_kind: None,
            undo: None,
            view: Viewport::default(),
            requests: Vec::new(),
            quit: false,
            filters,
            marks_version: 0,
            ascii: false,
            reader_max_width: 0,
        };
        s.refresh();
        s
    }

    /// The keymap context the keys are looked up in.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Filter(_) => Context::Filter,
            Mode::Reader => Context::Reader,
            Mode::Help => Context::Help,
            Mode::Actor => Context::Actor,
            Mode::Normal => match self.focus {
                Pane::List => Context::List,
                Pane::Points => Context::Points,
                Pane::Actors => Context::Actors,
            },
        }
    }

    pub fn cursor(&self, pane: Pane) -> Cursor {
        self.cursors[pane.index()]
    }

    /// Item ids the pane shows, in order: article indices, key point indices of the
    /// selected article (or merged point indices in briefing mode), actor indices.
    pub fn rows(&self, pane: Pane) -> &[usize] {
        &self.rows[pane.index()]
    }

    pub fn query(&self, pane: Pane) -> &str {
        &self.queries[pane.index()]
    }

    /// The item id under the pane's selection.
    pub fn selected(&self, pane: Pane) -> Option<usize> {
        self.rows(pane).get(self.cursor(pane).selected).copied()
    }

    /// The article the key points pane follows: the list's selection.
    pub fn selected_article(&self) -> Option<usize> {
        self.selected(Pane::List)
    }

    /// The actor the reader highlights and jumps between: the one it follows (the
    /// linked actor when the article names them, else the one picked with `a`).
    pub fn focus_actor(&self) -> Option<usize> {
        self.reader.as_ref().and_then(|r| r.follow)
    }

    /// Whether the reader is on screen (also under its search prompt, help and the
    /// actor overlay).
    pub fn in_reader(&self) -> bool {
        let over_reader = |m: Mode| match m {
            Mode::Reader | Mode::Filter(FilterTarget::Reader) => true,
            Mode::Actor => self
                .actor_view
                .as_ref()
                .is_some_and(|v| v.back == Mode::Reader),
            _ => false,
        };
        self.reader.is_some()
            && match self.mode {
                Mode::Help => over_reader(self.return_mode),
                m => over_reader(m),
            }
    }

    /// Whether the actor sidebar shows at the current width.
    pub fn sidebar_visible(&self) -> bool {
        self.sidebar_visible_at(self.view.width)
    }

    /// Whether the actor sidebar shows on a screen `width` columns wide.
    pub fn sidebar_visible_at(&self, width: u16) -> bool {
        self.sidebar_choice.unwrap_or(width >= 100)
    }

    pub fn set_sidebar_default(&mut self, on: bool) {
        if !on {
            self.sidebar_choice = Some(false);
        }
    }

    /// The shell reports the geometry (before every frame: pane widths follow the
    /// sidebar and the key points' mode); the reader rewraps when its size changed.
    pub fn resize(&mut self, view: Viewport) {
        if view == self.view {
            return;
        }
        let rewrap =
            (view.reader_cols, view.reader_rows) != (self.view.reader_cols, self.view.reader_rows);
        self.view = view;
        if rewrap {
            self.rewrap_reader();
        }
        self.clamp_all();
        // The help keeps its place, within its new last page.
        self.help_scroll = self.help_scroll.min(self.help_max_scroll());
    }
}
