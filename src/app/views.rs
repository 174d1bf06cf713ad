//! What each pane shows, recomputed after every change: the linked actor narrows
//! articles and key points, "unread only"/"starred only" narrow further, then the pane's
//! fuzzy query ranks what is left. Selections follow their item when it is still shown.

use super::mentions::Mentions;
use super::{rank_small, AppState, Cursor, Marks, Pane, SortOrder};
use crate::model::Briefing;

impl AppState {
    /// Recomputes every pane's rows, keeping each selection on its item when possible.
    pub(crate) fn refresh(&mut self) {
        // Order matters: the key points follow the article list's selection.
        self.refresh_pane(Pane::Actors);
        self.refresh_pane(Pane::List);
        self.refresh_pane(Pane::Points);
    }

    pub(crate) fn refresh_pane(&mut self, pane: Pane) {
        let before = self.selected(pane);
        let rows = match pane {
            Pane::List => self.list_rows(),
            Pane::Points => self.point_rows(),
            Pane::Actors => self.actor_rows(),
        };
        let i = pane.index();
        self.rows[i] = rows;
        if let Some(pos) = before.and_then(|b| self.rows[i].iter().position(|&r| r == b)) {
            self.cursors[i].selected = pos;
        }
        self.clamp(pane);
    }

    fn list_rows(&mut self) -> Vec<usize> {
        let index = self.filters.articles.clone();
        let b = &self.briefing;
        let actor = self.linked_actor.and_then(|a| b.actors.get(a));
        let (marks, unread, starred) = (&self.marks, self.unread_only, self.starred_only);
        let keep = |i: usize| {
            b.articles.get(i).is_some_and(|a| {
                actor.map_or(true, |act| {
                    act.articles.contains(&a.id) || a.actors.contains(&act.name)
                }) && (!unread || !marks.is_read(&a.content_hash))
                    && (!starred || marks.keeps_starred_article(a))
            })
        };
        let q = &self.queries[Pane::List.index()];
        let mut rows = self
            .filters
            .rank(Pane::List, &index, q, keep, &mut self.requests);
        // A query ranks by match; without one the chosen order applies.
        if q.trim().is_empty() {
            sort_articles(&mut rows, &self.briefing, &self.marks, self.sort);
        }
        rows
    }

    fn point_rows(&mut self) -> Vec<usize> {
        let b = &self.briefing;
        // About the linked actor: attributed by derive, or naming them in any form.
        let actor = self
            .linked_actor
            .and_then(|a| b.actors.get(a))
            .map(Mentions::of);
        let q = &self.queries[Pane::Points.index()];
        if self.briefing_points {
            let index = self.filters.merged.clone();
            let (marks, starred) = (&self.marks, self.starred_only);
            let keep = |i: usize| {
                b.merged_points.get(i).is_some_and(|m| {
                    actor.as_ref().map_or(true, |a| a.merged(m))
                        && (!starred || merged_kept_by_stars(b, marks, i))
                })
            };
            return self
                .filters
                .rank(Pane::Points, &index, q, keep, &mut self.requests);
        }
        let Some(a) = self.selected_article().and_then(|art| b.articles.get(art)) else {
            return Vec::new();
        };
        rank_small(a.key_points.iter().map(|k| k.text.as_str()), q)
            .into_iter()
            .filter(|&i| {
                let k = &a.key_points[i];
                actor.as_ref().map_or(true, |m| m.point(k))
                    && (!self.starred_only
                        || self.marks.keeps_starred_point(&a.content_hash, &k.text))
            })
            .collect()
    }

    fn actor_rows(&mut self) -> Vec<usize> {
        let index = self.filters.actors.clone();
        let q = &self.queries[Pane::Actors.index()];
        let (actors, kind) = (&self.briefing.actors, self.actor_kind);
        let keep = |i: usize| kind.map_or(true, |k| actors.get(i).is_some_and(|a| a.kind == k));
        self.filters
            .rank(Pane::Actors, &index, q, keep, &mut self.requests)
    }

    /// A merged point is starred when any of its members is.
    pub fn merged_starred(&self, merged: usize) -> bool {
        merged_starred(&self.briefing, &self.marks, merged)
    }

    pub(crate) fn set_cursor(&mut self, pane: Pane, c: Cursor) {
        self.cursors[pane.index()] = c;
        self.clamp(pane);
    }

    /// Moves the pane's selection by `delta` rows (clamped), then recomputes the panes
    /// that follow it.
    pub(crate) fn move_selection(&mut self, pane: Pane, delta: isize) {
        let len = self.rows(pane).len();
        let c: &mut Cursor = &mut self.cursors[pane.index()];
        let target = (c.selected as isize).saturating_add(delta);
        c.selected = target.clamp(0, len.saturating_sub(1) as isize) as usize;
        self.after_selection(pane);
    }

    /// Selects row `row` of the pane (a mouse click); out-of-range rows are ignored.
    pub(crate) fn select_row(&mut self, pane: Pane, row: usize) {
        if row < self.rows(pane).len() {
            self.cursors[pane.index()].selected = row;
            self.after_selection(pane);
        }
    }

    fn after_selection(&mut self, pane: Pane) {
        self.clamp(pane);
        if pane == Pane::Actors && self.linked_actor.is_some() {
            // A linked view follows the actor under the cursor, so browsing the sidebar
            // narrows the articles live.
            self.linked_actor = self.selected(Pane::Actors);
            self.refresh();
        } else if pane == Pane::List && !self.briefing_points {
            self.cursors[Pane::Points.index()] = Cursor::default();
            self.refresh_pane(Pane::Points);
        }
    }

    pub(crate) fn set_query(&mut self, pane: Pane, query: String) {
        self.queries[pane.index()] = query;
        // A new query starts at its best match.
        self.cursors[pane.index()] = Cursor::default();
        // Per keystroke, rank only the pane typed in (and the key points, which follow
        // the list's selection).
        self.refresh_pane(pane);
        if pane == Pane::List {
            self.refresh_pane(Pane::Points);
        }
    }
}

/// "Starred only" keeps a merged point when it keeps any of its members.
fn merged_kept_by_stars(b: &Briefing, marks: &super::Marks, merged: usize) -> bool {
    b.merged_points.get(merged).is_some_and(|m| {
        m.members.iter().any(|&(a, k)| {
            let art = b.articles.get(a);
            let kp = art.and_then(|x| x.key_points.get(k));
            matches!((art, kp), (Some(x), Some(p)) if marks.keeps_starred_point(&x.content_hash, &p.text))
        })
    })
}

pub(crate) fn merged_starred(b: &Briefing, marks: &super::Marks, merged: usize) -> bool {
    b.merged_points.get(merged).is_some_and(|m| {
        m.members.iter().any(|&(a, k)| {
            let art = b.articles.get(a);
            let kp = art.and_then(|x| x.key_points.get(k));
            matches!((art, kp), (Some(x), Some(p)) if marks.is_point_starred(&x.content_hash, &p.text))
        })
    })
}

/// Puts article ids in the chosen order; stable, so ties keep briefing order.
fn sort_articles(rows: &mut [usize], b: &Briefing, marks: &Marks, order: SortOrder) {
    let art = |i: &usize| b.articles.get(*i);
    let lower = |s: Option<&str>| s.map(|s| s.trim().to_lowercase());
    match order {
        SortOrder::Briefing => {}
        // Newest first; undated last (`None` sorts after every `Reverse(Some)`).
        SortOrder::Date => rows.sort_by_key(|i| {
            let d = art(i).and_then(|a| a.published.clone());
            (d.is_none(), std::cmp::Reverse(d))
        }),
        SortOrder::Source => rows.sort_by_key(|i| {
            let s = lower(art(i).and_then(|a| a.source.as_deref()));
            (s.is_none(), s)
        }),
        SortOrder::Title => rows.sort_by_key(|i| lower(art(i).map(|a| a.title.as_str()))),
        SortOrder::Unread => {
            rows.sort_by_key(|i| art(i).is_some_and(|a| marks.is_read(&a.content_hash)))
        }
    }
}
