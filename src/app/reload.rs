//! Swapping in a freshly loaded briefing (reload, `--watch`) without losing the reader's
//! place: selections follow their article (by id), actor (by name) and key point (by
//! text); the open article stays open at its scroll position while it still exists.

use super::{AppState, Cursor, FilterTarget, Mode, Pane};
use crate::model::Briefing;

impl AppState {
    /// Replaces the briefing, keeping selections, the linked actor and the reader where
    /// their items still exist.
    pub fn set_briefing(&mut self, briefing: Briefing) {
        let old = &self.briefing;
        let article_id =
            |i: Option<usize>| i.and_then(|i| old.articles.get(i)).map(|a| a.id.clone());
        let actor_name =
            |i: Option<usize>| i.and_then(|i| old.actors.get(i)).map(|a| a.name.clone());
        let list = article_id(self.selected(Pane::List));
        let reader = article_id(self.reader.as_ref().map(|r| r.article));
        let actor = actor_name(self.selected(Pane::Actors));
        let linked = actor_name(self.linked_actor);
        let point = self.selected(Pane::Points).and_then(|p| {
            if self.briefing_points {
                old.merged_points.get(p).map(|m| m.text.clone())
            } else {
                let a = old.articles.get(self.selected_article()?)?;
                a.key_points.get(p).map(|k| k.text.clone())
            }
        });

        self.briefing = briefing;
        self.rebuild_filters();
        let b = &self.briefing;
        let find_article = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| b.articles.iter().position(|a| &a.id == id))
        };
        let find_actor = |n: &Option<String>| {
            n.as_ref()
                .and_then(|n| b.actors.iter().position(|a| &a.name == n))
        };
        let (list_at, reader_at) = (find_article(&list), find_article(&reader));
        let (actor_at, linked_at) = (find_actor(&actor), find_actor(&linked));
        self.linked_actor = linked_at;

        self.refresh();
        self.select_item(Pane::Actors, actor_at);
        self.select_item(Pane::List, list_at);
        let point_at = point.and_then(|text| {
            if self.briefing_points {
                self.briefing
                    .merged_points
                    .iter()
                    .position(|m| m.text == text)
            } else {
                let a = self.briefing.articles.get(self.selected_article()?)?;
                a.key_points.iter().position(|k| k.text == text)
            }
        });
        self.select_item(Pane::Points, point_at);

        match (reader_at, self.reader.as_mut()) {
            (Some(at), Some(r)) => {
                r.article = at;
                self.rewrap_reader();
            }
            (None, Some(_)) => {
                self.reader = None;
                if matches!(self.mode, Mode::Reader | Mode::Filter(FilterTarget::Reader)) {
                    self.mode = Mode::Normal;
                }
                for m in [&mut self.return_mode, &mut self.filter_return] {
                    if *m == Mode::Reader {
                        *m = Mode::Normal;
                    }
                }
                self.say(
                    super::Level::Warning,
                    "the open article is gone from the briefing",
                );
            }
            _ => {}
        }
    }

    /// Puts the pane's selection on item `item` when it is shown, else keeps the row.
    fn select_item(&mut self, pane: Pane, item: Option<usize>) {
        if let Some(pos) = item.and_then(|it| self.rows(pane).iter().position(|&r| r == it)) {
            let c = self.cursor(pane);
            self.set_cursor(pane, Cursor { selected: pos, ..c });
            if pane == Pane::List && !self.briefing_points {
                self.refresh();
            }
        }
    }
}
