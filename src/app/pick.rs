//! Actions on the selected item: opening it in the reader (an article, a key point's
//! article at the point, an actor's linked view), read marks and stars, and the mouse.

use super::{AppState, Level, Mode, Pane};

impl AppState {
    pub(crate) fn open(&mut self) {
        match (self.mode, self.focus) {
            (Mode::Normal, Pane::List) => {
                if let Some(a) = self.selected(Pane::List) {
                    self.open_reader(a);
                }
            }
            (Mode::Normal, Pane::Points) => {
                let Some(p) = self.selected(Pane::Points) else {
                    // No point names the linked actor: read the article from the
                    // first mention instead.
                    if let Some(a) = self.selected_article().filter(|_| !self.briefing_points) {
                        self.open_reader(a);
                    }
                    return;
                };
                let (article, point) = if self.briefing_points {
                    match self
                        .briefing
                        .merged_points
                        .get(p)
                        .and_then(|m| m.members.first())
                    {
                        Some(&m) => m,
                        None => return,
                    }
                } else {
                    match self.selected_article() {
                        Some(a) => (a, p),
                        None => return,
                    }
                };
                self.open_reader(article);
                self.jump_to_point(point);
            }
            (Mode::Normal, Pane::Actors) => {
                // Enter on an actor: show where they appear.
                if self.linked_actor.is_none() {
                    self.toggle_link();
                }
                self.focus = Pane::List;
            }
            (Mode::Actor, _) => self.open_from_actor_view(),
            _ => {}
        }
    }

    pub(crate) fn back(&mut self) {
        match self.mode {
            Mode::Reader => {
                self.mode = Mode::Normal;
                self.refresh();
            }
            Mode::Actor => self.close_actor_view(),
            _ => {}
        }
    }

    pub(crate) fn next_article(&mut self, dir: isize) {
        if self.mode != Mode::Reader {
            return;
        }
        let before = self.cursor(Pane::List).selected;
        self.move_selection(Pane::List, dir);
        if self.cursor(Pane::List).selected == before {
            let which = if dir > 0 { "last" } else { "first" };
            let n = self.rows(Pane::List).len();
            self.say(
                Level::Info,
                format!(
                    "this is the {which} article of the list ({})",
                    super::wording::count(n, "article")
                ),
            );
            return;
        }
        if let Some(a) = self.selected(Pane::List) {
            if self.reader.as_ref().is_some_and(|r| r.article != a) {
                self.open_reader(a);
            }
        }
    }

    /// The article an article-level mark applies to: the reader's, else the list's.
    fn mark_target(&self) -> Option<usize> {
        match self.mode {
            Mode::Reader => self.reader.as_ref().map(|r| r.article),
            _ => self.selected(Pane::List),
        }
    }

    pub(crate) fn mark_read(&mut self, only_mark: bool) {
        let Some(a) = self.mark_target() else { return };
        let hash = self.briefing.articles[a].content_hash.clone();
        let read = only_mark || !self.marks.is_read(&hash);
        self.marks.set_read(&hash, read);
        self.marks_version += 1;
        self.say(
            Level::Info,
            if read { "marked read" } else { "marked unread" },
        );
        self.refresh();
    }

    pub(crate) fn toggle_star(&mut self) {
        let target = match (self.mode, self.focus) {
            (Mode::Normal, Pane::Points) => self.selected_point(),
            (Mode::Normal, Pane::Actors) => {
                self.say(Level::Info, "stars are for articles and key points");
                return;
            }
            _ => None,
        };
        let on = if let Some((a, k)) = target {
            let art = &self.briefing.articles[a];
            let (hash, text) = (art.content_hash.clone(), art.key_points[k].text.clone());
            self.marks.toggle_point_star(&hash, &text)
        } else if let Some(a) = self
            .mark_target()
            .filter(|_| self.focus != Pane::Points || self.mode == Mode::Reader)
        {
            let hash = self.briefing.articles[a].content_hash.clone();
            self.marks.toggle_star(&hash)
        } else {
            return;
        };
        self.marks_version += 1;
        self.say(Level::Info, if on { "starred" } else { "star removed" });
        self.refresh();
    }

    /// (article, key point) under the points pane's selection; a merged point's
    /// representative member.
    pub fn selected_point(&self) -> Option<(usize, usize)> {
        let p = self.selected(Pane::Points)?;
        if self.briefing_points {
            self.briefing.merged_points.get(p)?.members.first().copied()
        } else {
            Some((self.selected_article()?, p))
        }
        .filter(|&(a, k)| {
            self.briefing
                .articles
                .get(a)
                .is_some_and(|x| k < x.key_points.len())
        })
    }

    /// A mouse click on a pane: focus it, and select `row` (an index into the pane's
    /// rows) when the click was on one.
    pub fn click(&mut self, pane: Pane, row: Option<usize>) {
        if self.mode != Mode::Normal {
            return;
        }
        self.focus = pane;
        if let Some(row) = row {
            self.select_row(pane, row);
        }
    }

    /// A mouse wheel over a pane (or the reader): scroll by `delta`.
    pub fn wheel(&mut self, pane: Option<Pane>, delta: isize) {
        match (self.mode, pane) {
            (Mode::Reader, _) => self.scroll_reader(delta),
            (Mode::Normal, Some(p)) => self.move_selection(p, delta),
            _ => {}
        }
    }
}
