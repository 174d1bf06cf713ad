//! What `y` and the open keys act on: the focused selection, as the panes show it.
//!
//! Pure functions of the app state, so every pane, mode and empty case is tested
//! without a terminal; `external.rs` hands their results to the clipboard and programs.

use crate::app::{AppState, Pane};
use crate::share::yank_text::{self, PointRef};

/// The article a key means: the reader's, the selected key point's, else the list's.
pub fn target_article(state: &AppState) -> Option<usize> {
    if state.in_reader() {
        return state.reader.as_ref().map(|r| r.article);
    }
    if state.focus == Pane::Points {
        let p = state.selected(Pane::Points)?;
        if state.briefing_points {
            return state
                .briefing
                .merged_points
                .get(p)?
                .members
                .first()
                .map(|m| m.0);
        }
    }
    state.selected_article()
}

/// The text `y` copies for the focused selection, and how the status bar names it.
pub fn yank_target(state: &AppState) -> Option<(String, String)> {
    let b = &state.briefing;
    let article = |i: usize| {
        b.articles.get(i).map(|a| {
            (
                yank_text::article(a),
                format!("article \"{}\"", a.title.trim()),
            )
        })
    };
    if state.in_reader() {
        return article(state.reader.as_ref()?.article);
    }
    match state.focus {
        Pane::List => article(state.selected_article()?),
        Pane::Points => {
            let p = state.selected(Pane::Points)?;
            let r = if state.briefing_points {
                PointRef::Merged(p)
            } else {
                PointRef::Article {
                    article: state.selected_article()?,
                    point: p,
                }
            };
            yank_text::key_point(b, r).map(|t| (t, "1 key point".to_string()))
        }
        Pane::Actors => {
            let a = b.actors.get(state.selected(Pane::Actors)?)?;
            Some((yank_text::actor(a), format!("actor {}", a.name.trim())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{app, keys, Fixture};
    use crate::model::{ActorKind, Briefing};

    fn briefing() -> Briefing {
        Fixture::new()
            .article(
                "Harbour talks resume",
                "Wire",
                "Jane Doe met the envoy. Talks went on.",
            )
            .points(&[(0, 0, 1), (0, 0, 0)])
            .article(
                "Grain corridor reopens",
                "Post",
                "Ships left. Jane Doe praised crews.",
            )
            .points(&[(0, 0, 0), (0, 0, 1)])
            .actor("Jane Doe", ActorKind::Person, &["J. Doe"], "Minister")
            .build()
    }

    #[test]
    fn each_pane_yanks_its_own_selection() {
        let mut s = app(briefing());
        let (text, what) = yank_target(&s).expect("article");
        assert!(text.starts_with("Harbour talks resume\nWire"), "{text}");
        assert_eq!(what, "article \"Harbour talks resume\"");

        keys(&mut s, "j 2 j");
        let (text, what) = yank_target(&s).expect("point");
        let second = &s.briefing.articles[1].key_points[1].text;
        assert!(text.starts_with(second.as_str()), "{text}");
        assert!(text.contains("Grain corridor reopens"), "{text}");
        assert_eq!(what, "1 key point");
        assert_eq!(target_article(&s), Some(1));

        keys(&mut s, "3");
        let (text, what) = yank_target(&s).expect("actor");
        assert!(text.starts_with("Jane Doe (person)"), "{text}");
        assert_eq!(what, "actor Jane Doe");
    }

    #[test]
    fn briefing_points_yank_the_merged_point_and_open_its_first_source() {
        let mut s = app(briefing());
        keys(&mut s, "2 b");
        let p = s.selected(Pane::Points).expect("a merged point");
        let merged = &s.briefing.merged_points[p];
        let (text, _) = yank_target(&s).expect("merged");
        assert!(text.starts_with(merged.text.trim()), "{text}");
        assert_eq!(target_article(&s), merged.members.first().map(|m| m.0));
    }

    #[test]
    fn the_reader_yanks_and_opens_the_open_article() {
        let mut s = app(briefing());
        keys(&mut s, "j enter");
        assert!(s.in_reader());
        assert_eq!(target_article(&s), Some(1));
        let (_, what) = yank_target(&s).expect("article");
        assert_eq!(what, "article \"Grain corridor reopens\"");
    }

    #[test]
    fn nothing_selected_means_nothing_to_yank() {
        let mut s = app(Briefing::default());
        assert_eq!(yank_target(&s), None);
        assert_eq!(target_article(&s), None);
        keys(&mut s, "2");
        assert_eq!(yank_target(&s), None);
        keys(&mut s, "3");
        assert_eq!(yank_target(&s), None);
    }
}
