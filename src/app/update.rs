//! `AppState::update`: the one place an [`Action`] changes state. Moves go to whatever
//! the mode drives (pane, reader, help); filter mode edits the query of its target.

use super::reader::Landmark;
use super::{Action, AppState, FilterTarget, Level, Mode, Pane, Request};

impl AppState {
    pub fn update(&mut self, action: Action) {
        use Action as A;
        match action {
            A::Quit => self.quit = true,
            A::Help => self.toggle_help(),
            A::Cancel => self.cancel(),
            A::Up | A::ScrollUp => self.step(-1),
            A::Down | A::ScrollDown => self.step(1),
            A::PageUp => self.step(-self.page()),
            A::PageDown => self.step(self.page()),
            A::HalfPageUp => self.step(-((self.page() + 1) / 2).max(1)),
            A::HalfPageDown => self.step(((self.page() + 1) / 2).max(1)),
            A::Top => self.step(isize::MIN / 2),
            A::Bottom => self.step(isize::MAX / 2),
            A::FocusNext => self.cycle_focus(1),
            A::FocusPrev => self.cycle_focus(-1),
            A::FocusLeft => self.focus_side(-1),
            A::FocusRight => self.focus_side(1),
            A::FocusList => self.set_focus(Pane::List),
            A::FocusPoints => self.set_focus(Pane::Points),
            A::FocusActors => self.set_focus(Pane::Actors),
            A::Open => self.open(),
            A::Back => self.back(),
            A::ToggleBriefing => {
                self.briefing_points = !self.briefing_points;
                let what = if self.briefing_points {
                    "the whole briefing"
                } else {
                    "the selected article"
                };
                self.say(Level::Info, format!("key points of {what}"));
                self.refresh();
            }
            A::ToggleActorLink => self.toggle_link(),
            A::ActorInfo => self.open_actor_view(),
            A::CycleActorKind => self.cycle_actor_kind(),
            A::ToggleSidebar => {
                self.sidebar_choice = Some(!self.sidebar_visible());
                if !self.sidebar_visible() && self.focus == Pane::Actors {
                    self.focus = Pane::List;
                }
            }
            A::Filter => self.start_filter(),
            A::FilterAccept => self.accept_filter(),
            A::FilterClear => {
                self.set_filter_query(String::new());
                self.mode = self.filter_return;
            }
            A::FilterBackspace => {
                let mut q = self.filter_query().to_string();
                q.pop();
                self.set_filter_query(q);
            }
            A::SearchNext | A::SearchPrev if self.mode == Mode::Normal => {
                self.step_match(action == A::SearchNext)
            }
            A::SearchNext => self.jump(Landmark::Match, true),
            A::SearchPrev => self.jump(Landmark::Match, false),
            A::NextKeyPoint => self.jump(Landmark::KeyPoint, true),
            A::PrevKeyPoint => self.jump(Landmark::KeyPoint, false),
            A::NextMention => self.jump(Landmark::Mention, true),
            A::PrevMention => self.jump(Landmark::Mention, false),
            A::FollowNextActor => self.follow_next(1),
            A::FollowPrevActor => self.follow_next(-1),
            A::NextArticle => self.next_article(1),
            A::PrevArticle => self.next_article(-1),
            A::NextUnread => self.next_unread(),
            A::ToggleRead | A::MarkRead => self.mark_read(action == A::MarkRead),
            A::MarkAllRead => self.mark_all_read(),
            A::Undo => self.undo(),
            A::Sort => self.cycle_sort(),
            A::ToggleStar => self.toggle_star(),
            A::UnreadOnly => {
                self.unread_only = !self.unread_only;
                self.refresh();
            }
            A::StarredOnly => {
                self.starred_only = !self.starred_only;
                self.refresh();
            }
            A::Redraw => self.requests.push(Request::Redraw),
            A::Suspend => self.requests.push(Request::Suspend),
            A::Yank | A::Export | A::OpenSource | A::OpenEditor | A::OpenPager | A::Reload => {
                self.requests.push(Request::External(action));
            }
            A::None => {}
        }
    }

    fn page(&self) -> isize {
        match self.mode {
            Mode::Reader | Mode::Filter(FilterTarget::Reader) => self.reader_page(),
            Mode::Help | Mode::Filter(FilterTarget::Help) | Mode::Actor => {
                (usize::from(self.view.overlay_rows).max(2) - 1) as isize
            }
            // A page of rows: as many as the pane shows (rows of several lines count
            // once each), less one kept for context.
            _ => (self.window(self.focus).len().max(2) - 1) as isize,
        }
    }

    /// Moves whatever the mode drives by `delta` rows or lines.
    fn step(&mut self, delta: isize) {
        match self.mode {
            Mode::Reader | Mode::Filter(FilterTarget::Reader) => self.scroll_reader(delta),
            Mode::Help | Mode::Filter(FilterTarget::Help) => {
                // Never past the last page: `G` shows the end, not a blank page.
                let max = self.help_max_scroll() as isize;
                self.help_scroll = (self.help_scroll as isize)
                    .saturating_add(delta)
                    .clamp(0, max) as usize;
            }
            Mode::Actor => self.step_actor_view(delta),
            Mode::Normal | Mode::Filter(FilterTarget::Pane(_)) => {
                self.move_selection(self.focus, delta)
            }
        }
    }

    /// `12G`, `12 g g`: row 12 of the pane (line 12 in the reader and help).
    pub(crate) fn go_to_row(&mut self, n: usize) {
        let target = n.saturating_sub(1) as isize;
        let here = match self.mode {
            Mode::Reader | Mode::Filter(FilterTarget::Reader) => {
                self.reader.as_ref().map_or(0, |r| r.scroll)
            }
            Mode::Help | Mode::Filter(FilterTarget::Help) => self.help_scroll,
            Mode::Actor => self.actor_view.as_ref().map_or(0, |v| v.selected),
            _ => self.cursor(self.focus).selected,
        };
        self.step(target - here as isize);
    }

    fn toggle_help(&mut self) {
        if self.mode == Mode::Help {
            self.mode = self.return_mode;
        } else {
            // Help from a filter prompt abandons the prompt, keeping its query.
            self.return_mode = match self.mode {
                Mode::Filter(_) => self.filter_return,
                m => m,
            };
            self.mode = Mode::Help;
            self.help_scroll = 0;
        }
    }

    fn cancel(&mut self) {
        match self.mode {
            Mode::Help => self.mode = self.return_mode,
            Mode::Actor => self.close_actor_view(),
            Mode::Filter(_) => self.update(Action::FilterClear),
            Mode::Reader => self.back(),
            Mode::Normal => {
                if !self.query(self.focus).is_empty() {
                    self.set_query(self.focus, String::new());
                } else if self.linked_actor.is_some() {
                    self.toggle_link();
                } else {
                    self.message = None;
                }
            }
        }
    }

    fn visible_panes(&self) -> Vec<Pane> {
        let mut v = vec![Pane::List, Pane::Points];
        if self.sidebar_visible() || self.view.width < 60 {
            v.push(Pane::Actors);
        }
        v
    }

    /// The pane left (`dir` < 0) or right of the focused one; no wrapping.
    fn focus_side(&mut self, dir: isize) {
        if self.mode != Mode::Normal {
            return;
        }
        let panes = self.visible_panes();
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let to = (at + dir).clamp(0, panes.len() as isize - 1) as usize;
        self.focus = panes[to];
    }

    fn cycle_focus(&mut self, dir: isize) {
        if self.mode != Mode::Normal {
            return;
        }
        let panes = self.visible_panes();
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let n = panes.len() as isize;
        self.focus = panes[((at + dir).rem_euclid(n)) as usize];
    }

    fn set_focus(&mut self, pane: Pane) {
        if self.mode != Mode::Normal {
            return;
        }
        if pane == Pane::Actors && !self.sidebar_visible() && self.view.width >= 60 {
            self.sidebar_choice = Some(true);
        }
        self.focus = pane;
    }

    pub(crate) fn toggle_link(&mut self) {
        if self.linked_actor.take().is_some() {
            self.say(Level::Info, "actor link off: showing everything");
        } else if let Some(a) = self.selected(Pane::Actors) {
            self.linked_actor = Some(a);
            let name = self.briefing.actors[a].name.clone();
            self.say(
                Level::Info,
                format!("showing only where {name} appears (a: off)"),
            );
        } else {
            self.say(Level::Warning, "no actor selected to link");
        }
        self.refresh();
        self.rewrap_reader();
    }

    fn start_filter(&mut self) {
        let target = match self.mode {
            Mode::Normal => FilterTarget::Pane(self.focus),
            Mode::Reader => FilterTarget::Reader,
            Mode::Help => FilterTarget::Help,
            Mode::Filter(_) | Mode::Actor => return,
        };
        self.filter_return = self.mode;
        self.mode = Mode::Filter(target);
        if target == FilterTarget::Reader {
            self.set_search(String::new());
        }
    }

    fn accept_filter(&mut self) {
        let target = match self.mode {
            Mode::Filter(t) => t,
            _ => return,
        };
        self.mode = self.filter_return;
        if target == FilterTarget::Reader {
            if let Some(r) = self.reader.as_mut() {
                r.mark_line = None;
                r.scroll = r.scroll.saturating_sub(1);
            }
            self.jump(Landmark::Match, true);
        }
    }

    /// The query the filter mode edits.
    pub fn filter_query(&self) -> &str {
        match self.mode {
            Mode::Filter(FilterTarget::Pane(p)) => self.query(p),
            Mode::Filter(FilterTarget::Reader) => {
                self.reader.as_ref().map_or("", |r| r.search.as_str())
            }
            Mode::Filter(FilterTarget::Help) => &self.help_query,
            _ => "",
        }
    }

    pub(crate) fn set_filter_query(&mut self, q: String) {
        match self.mode {
            Mode::Filter(FilterTarget::Pane(p)) => self.set_query(p, q),
            Mode::Filter(FilterTarget::Reader) => self.set_search(q),
            Mode::Filter(FilterTarget::Help) => {
                self.help_query = q;
                self.help_scroll = 0;
            }
            _ => {}
        }
    }
}
