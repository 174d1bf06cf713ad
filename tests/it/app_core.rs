//! The app-state core driven by key sequences and actions, asserting on state: no
//! terminal involved. Briefings are built by hand (`brief::app::testing`); the reader's
//! own sequences are in `app_reader.rs`.

use brief::app::testing::{app, keys, many, sample, titles, typed, Fixture};
use brief::app::{Action, AppState, FilterTarget, LineKind, Mode, Pane};
use brief::keymap::KeyPress;
use brief::model::Briefing;

#[test]
fn navigation_moves_and_clamps() {
    let mut s = app(many(25));
    assert_eq!(s.selected(Pane::List), Some(0));
    keys(&mut s, "j j j");
    assert_eq!(s.selected(Pane::List), Some(3));
    keys(&mut s, "k k k k k");
    assert_eq!(s.selected(Pane::List), Some(0));
    keys(&mut s, "G");
    assert_eq!(s.selected(Pane::List), Some(24));
    assert!(
        s.cursor(Pane::List).offset + 10 > 24,
        "selection stays on screen"
    );
    keys(&mut s, "g g");
    assert_eq!(s.cursor(Pane::List), Default::default());
    keys(&mut s, "pagedown");
    assert_eq!(s.selected(Pane::List), Some(9));
    keys(&mut s, "C-d");
    assert_eq!(s.selected(Pane::List), Some(14));
}

#[test]
fn empty_briefing_never_panics() {
    let mut s = app(Briefing::default());
    for a in Action::all() {
        if a != Action::Quit {
            s.update(a);
        }
    }
    keys(&mut s, "j k enter / x y enter tab tab ? / q esc esc G g g");
    assert!(s.rows(Pane::List).is_empty());
}

#[test]
fn focus_cycles_through_visible_panes() {
    let mut s = app(sample());
    keys(&mut s, "tab");
    assert_eq!(s.focus, Pane::Points);
    keys(&mut s, "tab");
    assert_eq!(s.focus, Pane::Actors);
    keys(&mut s, "tab");
    assert_eq!(s.focus, Pane::List);
    keys(&mut s, "backtab");
    assert_eq!(s.focus, Pane::Actors);
    // Folding the sidebar takes the actors out of the cycle.
    keys(&mut s, "s");
    assert!(!s.sidebar_visible());
    assert_eq!(s.focus, Pane::List);
    keys(&mut s, "tab tab");
    assert_eq!(s.focus, Pane::List);
    keys(&mut s, "3");
    assert!(
        s.sidebar_visible(),
        "focusing the actors unfolds the sidebar"
    );
}

#[test]
fn key_points_follow_the_article_and_briefing_toggle() {
    let mut s = app(sample());
    let first: Vec<usize> = s.rows(Pane::Points).to_vec();
    assert_eq!(first.len(), 3);
    keys(&mut s, "j");
    assert_eq!(s.rows(Pane::Points).len(), 2);
    keys(&mut s, "b");
    assert!(s.briefing_points);
    // The shared sentence of articles 0 and 2 merges into one row.
    assert_eq!(s.rows(Pane::Points).len(), s.briefing.merged_points.len());
    assert!(s
        .briefing
        .merged_points
        .iter()
        .any(|m| m.source_count() == 2));
    keys(&mut s, "b");
    assert_eq!(s.rows(Pane::Points).len(), 2);
}

#[test]
fn filter_typing_accept_and_clear() {
    let mut s = app(sample());
    keys(&mut s, "/");
    assert_eq!(s.mode, Mode::Filter(FilterTarget::Pane(Pane::List)));
    typed(&mut s, "harb");
    assert_eq!(titles(&s), vec!["Harbour Authority warns of delays"]);
    // `q` and `j` are typed, not quit/move, while filtering.
    typed(&mut s, "q");
    assert!(!s.quit);
    assert_eq!(s.query(Pane::List), "harbq");
    assert!(titles(&s).is_empty());
    keys(&mut s, "backspace");
    assert_eq!(titles(&s).len(), 1);
    keys(&mut s, "enter");
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.query(Pane::List), "harb", "enter keeps the filter");
    keys(&mut s, "/");
    keys(&mut s, "esc");
    assert_eq!(s.query(Pane::List), "");
    assert_eq!(titles(&s).len(), 3);
}

#[test]
fn filter_ranks_by_score_and_keeps_ties_in_order() {
    let b = Fixture::new()
        .article("Ceasefire talks", "A", "x.")
        .article(
            "Central agency sets extra fees in regional elections",
            "B",
            "x.",
        )
        .article("Ceasefire talks", "C", "x.")
        .article("Economy", "D", "x.")
        .build();
    let mut s = app(b);
    keys(&mut s, "/");
    typed(&mut s, "ceasefire");
    let rows = s.rows(Pane::List).to_vec();
    assert!(!rows.contains(&3));
    let p0 = rows.iter().position(|&r| r == 0);
    let p2 = rows.iter().position(|&r| r == 2);
    assert!(p0 < p2, "equal titles keep briefing order: {rows:?}");
    assert_eq!(
        rows.last(),
        Some(&1),
        "the scattered match ranks last: {rows:?}"
    );
}

#[test]
fn actor_filter_matches_aliases() {
    let mut s = app(sample());
    keys(&mut s, "3 /");
    typed(&mut s, "authority");
    let names: Vec<_> = s
        .rows(Pane::Actors)
        .iter()
        .map(|&i| s.briefing.actors[i].name.clone())
        .collect();
    assert_eq!(names, vec!["Harbour Authority"]);
    keys(&mut s, "esc");
    keys(&mut s, "/");
    typed(&mut s, "the auth");
    assert_eq!(
        s.rows(Pane::Actors).len(),
        1,
        "alias 'the Authority' matches"
    );
}

#[test]
fn actor_link_narrows_articles_and_points() {
    let mut s = app(many(9));
    keys(&mut s, "3");
    keys(&mut s, "a");
    assert_eq!(s.linked_actor, Some(0));
    assert_eq!(
        titles(&s),
        vec!["Story number 0", "Story number 3", "Story number 6"]
    );
    // Key points narrow to the ones naming the actor.
    assert_eq!(s.rows(Pane::Points).len(), 1);
    keys(&mut s, "a");
    assert_eq!(s.linked_actor, None);
    assert_eq!(titles(&s).len(), 9);
    // Enter on an actor links and jumps to the articles.
    keys(&mut s, "3 enter");
    assert_eq!(s.focus, Pane::List);
    assert_eq!(titles(&s).len(), 3);
    keys(&mut s, "esc");
    assert_eq!(s.linked_actor, None, "esc in the list clears the link");
}

#[test]
fn help_toggles_filters_and_returns_to_the_reader() {
    let mut s = app(sample());
    keys(&mut s, "?");
    assert_eq!(s.mode, Mode::Help);
    let all = s.help_lines().len();
    keys(&mut s, "/");
    typed(&mut s, "quit");
    assert!(s.help_lines().len() < all);
    assert!(s
        .help_lines()
        .iter()
        .any(|l| l.kind == LineKind::Key && l.text == "Quit brief"));
    keys(&mut s, "enter ?");
    assert_eq!(s.mode, Mode::Normal);
    keys(&mut s, "enter ? esc");
    assert_eq!(s.mode, Mode::Reader, "help over the reader returns to it");
}

#[test]
fn help_lists_the_live_keymap_and_notes() {
    let mut km = brief::config::Config::default().keymap;
    let seq = vec![
        KeyPress::parse("Z").expect("Z"),
        KeyPress::parse("Z").expect("Z"),
    ];
    km.bind(
        brief::keymap::Context::Global,
        seq,
        brief::keymap::Binding {
            actions: vec![Action::Top],
            desc: Some("Custom top".into()),
        },
    );
    let mut s = AppState::new(sample(), km);
    let lines = s.help_lines();
    assert!(lines
        .iter()
        .any(|l| l.kind == LineKind::Key && l.keys == "Z Z" && l.text == "Custom top"));
    assert!(lines.iter().any(
        |l| matches!(l.kind, LineKind::Note(_)) && l.text.contains("table could not be split")
    ));
    // A pending prefix lists its continuations.
    keys(&mut s, "Z");
    assert_eq!(s.pending.len(), 1);
    assert!(s
        .pending_hints()
        .iter()
        .any(|(k, d)| k == "Z Z" && d == "Custom top"));
    keys(&mut s, "x");
    assert!(s.pending.is_empty());
}

#[test]
fn broken_sequence_replays_the_last_key() {
    let mut s = app(many(5));
    keys(&mut s, "g j");
    assert!(s.pending.is_empty());
    assert_eq!(
        s.selected(Pane::List),
        Some(1),
        "`g j` forgets g and moves down"
    );
}

#[test]
fn stars_and_marks_filters() {
    let mut s = app(sample());
    keys(&mut s, "j *");
    let h1 = s.briefing.articles[1].content_hash.clone();
    assert!(s.marks.is_starred(&h1));
    keys(&mut s, "S");
    assert_eq!(titles(&s), vec!["Ostrava signals flexibility"]);
    keys(&mut s, "S");
    // Star a key point: by (article hash, point text hash).
    keys(&mut s, "2 *");
    let a = &s.briefing.articles[1];
    assert!(s
        .marks
        .is_point_starred(&a.content_hash, &a.key_points[0].text));
    keys(&mut s, "b");
    let starred_merged = s
        .rows(Pane::Points)
        .iter()
        .filter(|&&m| s.merged_starred(m))
        .count();
    assert_eq!(starred_merged, 1);
    keys(&mut s, "S");
    assert_eq!(
        s.rows(Pane::Points).len(),
        s.briefing.articles[1].key_points.len(),
        "starred only narrows the merged table too: the starred article's points"
    );
    keys(&mut s, "S 1 enter q u");
    assert_eq!(
        titles(&s).len(),
        2,
        "unread only hides the article just read"
    );
    let before = s.marks_version;
    keys(&mut s, "m");
    assert!(s.marks_version > before);
}

#[test]
fn external_actions_become_requests() {
    let mut s = app(sample());
    keys(&mut s, "y C-z C-l");
    assert_eq!(
        s.requests,
        vec![
            brief::app::Request::External(Action::Yank),
            brief::app::Request::Suspend,
            brief::app::Request::Redraw,
        ]
    );
}

#[test]
fn quit_from_normal_mode() {
    let mut s = app(sample());
    keys(&mut s, "q");
    assert!(s.quit);
}

#[test]
fn clicks_select_and_focus() {
    let mut s = app(many(6));
    s.click(Pane::Points, Some(1));
    assert_eq!(s.focus, Pane::Points);
    assert_eq!(s.cursor(Pane::Points).selected, 1);
    s.click(Pane::List, Some(4));
    assert_eq!(s.selected(Pane::List), Some(4));
    s.click(Pane::List, Some(40));
    assert_eq!(
        s.selected(Pane::List),
        Some(4),
        "a click below the rows changes nothing"
    );
    s.click(Pane::Actors, None);
    assert_eq!(s.focus, Pane::Actors);
    s.wheel(Some(Pane::List), -3);
    assert_eq!(s.selected(Pane::List), Some(1));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any key sequence on any small briefing: no panic, selections stay in range.
    #[test]
    fn random_keys_never_break_invariants(seq in proptest::collection::vec(0usize..40, 0..80), n in 0usize..6) {
        let names = ["j","k","G","g","enter","q","esc","tab","backtab","/","a","b","s","m","*","u","S","?","]","[","}","{","n","N","J","K","space","C-d","C-u","x","z","3","2","1","backspace","pagedown","pageup","home","end","y"];
        let mut s = app(many(n));
        for i in seq {
            s.handle_key(KeyPress::parse(names[i]).expect("valid"));
            if s.quit { break; }
            for p in Pane::ALL {
                let len = s.rows(p).len();
                proptest::prop_assert!(len == 0 || s.cursor(p).selected < len);
            }
            if let Some(r) = &s.reader {
                proptest::prop_assert!(r.scroll <= r.doc.lines.len());
            }
        }
    }
}

#[test]
fn a_reloaded_briefing_keeps_selections_and_the_open_article() {
    let mut s = app(many(6));
    keys(&mut s, "j j j 2 j 1");
    let article = s.briefing.articles[3].id.clone();
    keys(&mut s, "enter j j");
    let scroll = s.reader.as_ref().map(|r| r.scroll);
    // The new briefing has an article in front: every index shifts by one.
    let mut b = many(6);
    b.articles.insert(
        0,
        Fixture::new()
            .article("Breaking", "Wire", "New.")
            .build()
            .articles
            .remove(0),
    );
    b.articles[0].id = "new".into();
    s.set_briefing(b);
    assert_eq!(
        s.selected(Pane::List)
            .map(|i| s.briefing.articles[i].id.clone()),
        Some(article.clone())
    );
    assert_eq!(
        s.reader
            .as_ref()
            .map(|r| s.briefing.articles[r.article].id.clone()),
        Some(article)
    );
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), scroll);
    assert_eq!(
        s.cursor(Pane::Points).selected,
        1,
        "the key point stays selected"
    );
    // The open article disappears: back to the panes, with a message.
    s.set_briefing(many(2));
    assert!(s.reader.is_none());
    assert_eq!(s.mode, Mode::Normal);
    assert!(s.message.is_some());
    assert!(s.selected(Pane::List).is_some_and(|i| i < 2));
}
