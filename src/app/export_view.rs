//! The briefing as the screen shows it, for the export prompt (`e`): the articles the
//! list shows (in its order), each with the key points the key-points pane would show
//! for it (linked actor, "starred only", and the pane's query unless it lists the whole
//! briefing), the merged points those keep (only the pane's rows in briefing mode), and
//! the actors the sidebar shows, restricted to the kept articles. The same narrowing as
//! `views.rs`, applied to every listed article rather than the selected one, so the
//! file holds exactly what the panes can show.

use super::{rank_small, AppState, Pane};
use crate::model::{Briefing, MergedPoint};
use std::collections::HashMap;

impl AppState {
    /// The current view as a smaller briefing with the same invariants (merged points
    /// index kept articles and points; actors list only kept articles).
    pub fn visible_briefing(&self) -> Briefing {
        let b = &self.briefing;
        let linked = self
            .linked_actor
            .and_then(|a| b.actors.get(a))
            .map(|a| a.name.as_str());
        let about = self
            .linked_actor
            .and_then(|a| b.actors.get(a))
            .map(super::mentions::Mentions::of);
        let point_query = if self.briefing_points {
            ""
        } else {
            self.query(Pane::Points)
        };
        let mut out = Briefing {
            warnings: b.warnings.clone(),
            ..Briefing::default()
        };
        let mut remap: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
        for &ai in self.rows(Pane::List) {
            let Some(article) = b.articles.get(ai) else {
                continue;
            };
            // The same ranking as the key points pane's (`views.rs`).
            let ranked: Vec<usize> = rank_small(
                article.key_points.iter().map(|k| k.text.as_str()),
                point_query,
            )
            .into_iter()
            .filter(|&i| {
                let k = &article.key_points[i];
                about.as_ref().map_or(true, |m| m.point(k))
                    && (!self.starred_only
                        || self
                            .marks
                            .keeps_starred_point(&article.content_hash, &k.text))
            })
            .collect();
            let mut kept = article.clone();
            kept.key_points = ranked
                .iter()
                .filter_map(|&ki| article.key_points.get(ki).cloned())
                .collect();
            let new_ai = out.articles.len();
            for (new_ki, &ki) in ranked.iter().enumerate() {
                remap.insert((ai, ki), (new_ai, new_ki));
            }
            out.articles.push(kept);
        }
        let merged_rows: Vec<usize> = if self.briefing_points {
            self.rows(Pane::Points).to_vec()
        } else {
            (0..b.merged_points.len()).collect()
        };
        out.merged_points = merged_rows
            .iter()
            .filter_map(|&mi| b.merged_points.get(mi))
            .filter_map(|mp| {
                let members: Vec<(usize, usize)> = mp
                    .members
                    .iter()
                    .filter_map(|m| remap.get(m).copied())
                    .collect();
                (!members.is_empty()).then(|| MergedPoint {
                    members,
                    ..mp.clone()
                })
            })
            .collect();
        let kept_ids: std::collections::HashSet<&str> =
            out.articles.iter().map(|a| a.id.as_str()).collect();
        out.actors = self
            .rows(Pane::Actors)
            .iter()
            .filter_map(|&i| b.actors.get(i))
            .filter(|a| linked.map_or(true, |n| a.name == n))
            .map(|a| {
                let mut a = a.clone();
                a.articles.retain(|id| kept_ids.contains(id.as_str()));
                a.quotes.retain(|q| kept_ids.contains(q.article.as_str()));
                a
            })
            .filter(|a| !a.articles.is_empty())
            .collect();
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::app::testing::{app, keys, typed, Fixture};
    use crate::app::Pane;
    use crate::model::{ActorKind, Briefing};

    fn briefing() -> Briefing {
        Fixture::new()
            .article(
                "Harbour talks resume",
                "Wire",
                "Jane Doe met the envoy. The harbour reopened at dawn.",
            )
            .points(&[(0, 0, 0), (0, 0, 1)])
            .article(
                "Grain corridor reopens",
                "Post",
                "Ships left Meridia. Jane Doe praised the crews.",
            )
            .points(&[(0, 0, 0), (0, 0, 1)])
            .article("Storm warning", "Daily", "Rain is expected all week.")
            .points(&[(0, 0, 0)])
            .actor("Jane Doe", ActorKind::Person, &["J. Doe"], "Minister")
            .build()
    }

    fn titles(b: &Briefing) -> Vec<&str> {
        b.articles.iter().map(|a| a.title.as_str()).collect()
    }

    #[test]
    fn without_narrowing_everything_is_kept() {
        let b = briefing();
        let s = app(b.clone());
        let v = s.visible_briefing();
        assert_eq!(titles(&v), titles(&b));
        let points: usize = v.articles.iter().map(|a| a.key_points.len()).sum();
        assert_eq!(points, 5);
        assert_eq!(v.merged_points.len(), b.merged_points.len());
        assert_eq!(v.actors.len(), b.actors.len());
    }

    #[test]
    fn the_list_query_keeps_the_listed_articles_in_list_order() {
        let mut s = app(briefing());
        keys(&mut s, "/");
        typed(&mut s, "grain");
        keys(&mut s, "enter");
        let v = s.visible_briefing();
        assert_eq!(titles(&v), vec!["Grain corridor reopens"]);
        let shown: Vec<usize> = s.rows(Pane::List).to_vec();
        assert_eq!(shown.len(), v.articles.len());
        // Merged points only point at kept articles and points.
        for m in &v.merged_points {
            for &(a, k) in &m.members {
                assert!(v.articles[a].key_points.get(k).is_some());
            }
        }
    }

    #[test]
    fn a_linked_actor_keeps_only_their_articles_points_and_themself() {
        let mut s = app(briefing());
        keys(&mut s, "3 a");
        let v = s.visible_briefing();
        assert_eq!(
            titles(&v),
            vec!["Harbour talks resume", "Grain corridor reopens"]
        );
        assert!(v.articles.iter().any(|a| !a.key_points.is_empty()));
        for a in &v.articles {
            assert!(a
                .key_points
                .iter()
                .all(|k| k.actors.iter().any(|n| n == "Jane Doe")));
        }
        assert_eq!(v.actors.len(), 1);
        assert_eq!(v.actors[0].name, "Jane Doe");
    }

    #[test]
    fn starred_only_keeps_starred_articles_and_points() {
        let mut s = app(briefing());
        keys(&mut s, "j *");
        keys(&mut s, "S");
        let v = s.visible_briefing();
        assert_eq!(titles(&v), vec!["Grain corridor reopens"]);
        // A starred article counts whole, as `brief export --starred` has it.
        assert_eq!(v.articles[0].key_points.len(), 2);
    }

    #[test]
    fn an_empty_view_is_an_empty_briefing() {
        let mut s = app(briefing());
        keys(&mut s, "/");
        typed(&mut s, "zzzzqqq");
        let v = s.visible_briefing();
        assert!(v.articles.is_empty() && v.merged_points.is_empty() && v.actors.is_empty());
        let empty = app(Briefing::default()).visible_briefing();
        assert!(empty.articles.is_empty());
    }
}
