//! How reading a briefing flows (issue 15), on the app core: the linked actor's points,
//! messages that go at the next key, following an actor in the reader and the actor
//! overlay, the sidebar by kind, and the habits of newsboat, lazygit and vim users
//! (counts, h/l, paging, n/N, next unread, mark all read with undo, sort).

use brief::app::testing::{app, keys, many, titles, typed, Fixture};
use brief::app::{Level, LineKind, Mode, Pane, SortOrder};
use brief::model::{ActorKind, Briefing};

/// Article 0 names Ada Quill only outside its key points; article 1 has a point that
/// says "Quill" alone (not attributed by derive); article 2 does not name her.
fn quill() -> Briefing {
    let mut b = Fixture::new()
        .actor("Ada Quill", ActorKind::Person, &[], "harbour envoy")
        .actor(
            "Port Council",
            ActorKind::Organization,
            &["the Council"],
            "",
        )
        .actor("Meridia", ActorKind::Place, &[], "")
        .article(
            "Harbour reopens",
            "Wire",
            "Ships left Meridia at dawn. Cranes resumed work. Ada Quill watched from the quay.",
        )
        .points(&[(0, 0, 0), (0, 0, 1)])
        .article(
            "Council votes on tariffs",
            "Post",
            "The Port Council met. Quill said the vote was fair. Rain fell all day.",
        )
        .points(&[(0, 0, 1), (0, 0, 2)])
        .article(
            "Storm warning",
            "Daily",
            "Rain is expected all week in Meridia.",
        )
        .points(&[(0, 0, 0)])
        .build();
    // Derive attributes "Quill" alone to nobody: the point's actor list stays empty.
    for a in &mut b.articles {
        for k in &mut a.key_points {
            k.actors.retain(|n| n != "Ada Quill");
        }
    }
    b.actors[0].articles = vec!["a0".into(), "a1".into()];
    b.articles[0].actors = vec!["Ada Quill".into(), "Meridia".into()];
    b.articles[1].actors = vec!["Port Council".into(), "Ada Quill".into()];
    b
}

#[test]
fn linking_an_actor_shows_the_points_that_name_them_in_any_form() {
    let mut s = app(quill());
    keys(&mut s, "3 a 1");
    assert_eq!(
        titles(&s),
        vec!["Harbour reopens", "Council votes on tariffs"]
    );
    // Article 0's points do not name her: none show, and Enter reads the article from
    // the first mention instead.
    assert!(s.rows(Pane::Points).is_empty());
    keys(&mut s, "j");
    let points: Vec<String> = s
        .rows(Pane::Points)
        .iter()
        .map(|&k| s.briefing.articles[1].key_points[k].text.clone())
        .collect();
    assert_eq!(points, vec!["Quill said the vote was fair."]);
    // The same narrowing in the whole briefing's table.
    keys(&mut s, "b");
    assert_eq!(s.rows(Pane::Points).len(), 1);
}

#[test]
fn enter_on_an_empty_linked_points_pane_reads_from_the_first_mention() {
    let mut s = app(quill());
    keys(&mut s, "3 a 2 enter");
    assert_eq!(s.mode, Mode::Reader);
    let r = s.reader.as_ref().expect("reader");
    assert_eq!(r.article, 0);
    assert_eq!(r.follow, Some(0), "the linked actor is followed");
    let first = *r.doc.mentions.first().expect("a mention of Ada Quill");
    assert_eq!(r.mark_line, Some(first), "starts at the first mention");
}

#[test]
fn a_message_goes_at_the_next_key_and_stays_in_the_log() {
    let mut s = app(many(5));
    keys(&mut s, "*");
    assert_eq!(s.message.as_ref().map(|m| m.text.as_str()), Some("starred"));
    keys(&mut s, "j");
    assert_eq!(s.message, None, "the next key takes it away");
    assert_eq!(s.log.back().map(|m| m.text.as_str()), Some("starred"));
    // Info messages time out; warnings and errors wait for a key.
    keys(&mut s, "*");
    assert!(s.message_timeout().is_some());
    s.say(
        Level::Error,
        "cannot write /nonexistent/x.md: no such folder",
    );
    assert!(s.message_timeout().is_none());
    let lines = s.help_lines();
    assert!(
        lines.iter().any(|l| l.kind == LineKind::Note(Level::Error)
            && l.text == "cannot write /nonexistent/x.md: no such folder"),
        "the help's log holds the whole error"
    );
}

#[test]
fn the_reader_follows_an_actor_picked_among_the_articles_actors() {
    let mut s = app(quill());
    keys(&mut s, "j enter");
    assert_eq!(s.focus_actor(), None, "nobody followed until asked");
    keys(&mut s, "a");
    assert_eq!(
        s.focus_actor(),
        Some(1),
        "the article's first actor: Port Council"
    );
    let msg = s.message.clone().expect("a message names the actor");
    assert!(
        msg.text.contains("following Port Council (1 of 2)"),
        "{}",
        msg.text
    );
    keys(&mut s, "a");
    assert_eq!(s.focus_actor(), Some(0), "then Ada Quill");
    keys(&mut s, "a");
    assert_eq!(s.focus_actor(), Some(1), "and round again");
    keys(&mut s, "A");
    assert_eq!(s.focus_actor(), Some(0));
    // The sidebar's selection (Ada Quill, Meridia…) no longer decides.
    keys(&mut s, "q 3 j j enter");
    assert_eq!(
        s.mode,
        Mode::Normal,
        "enter on an actor links it and goes to the list"
    );
}

#[test]
fn the_actor_overlay_has_roles_aliases_quotes_and_articles() {
    let mut b = quill();
    b.actors[1].quotes.push(brief::model::Quote {
        text: "The vote was fair".into(),
        article: "a1".into(),
    });
    b.actors[1].articles = vec!["a1".into()];
    let mut s = app(b);
    keys(&mut s, "3 j i");
    assert_eq!(s.mode, Mode::Actor);
    let text: Vec<String> = s
        .actor_lines()
        .iter()
        .map(|l| l.shown().to_string())
        .collect();
    let all = text.join("\n");
    for want in [
        "Port Council",
        "organisation",
        "also written the Council",
        "“The vote was fair”",
        "Council votes on tariffs",
    ] {
        assert!(all.contains(want), "{want:?} missing from:\n{all}");
    }
    keys(&mut s, "enter");
    assert_eq!(s.mode, Mode::Reader);
    let r = s.reader.as_ref().expect("reader");
    assert_eq!((r.article, r.follow), (1, Some(1)));
    assert!(r.mark_line.is_some(), "at the first mention");
    // From the reader, `i` shows the followed actor; q closes it again.
    keys(&mut s, "i");
    assert_eq!(s.mode, Mode::Actor);
    assert!(s.in_reader(), "the reader stays under the overlay");
    keys(&mut s, "q");
    assert_eq!(s.mode, Mode::Reader);
}

#[test]
fn the_sidebar_narrows_to_one_kind_at_a_time() {
    let mut s = app(quill());
    let kinds = |s: &brief::app::AppState| {
        s.rows(Pane::Actors)
            .iter()
            .map(|&i| s.briefing.actors[i].kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(&s).len(), 3);
    keys(&mut s, "t");
    assert_eq!(kinds(&s), vec![ActorKind::Person]);
    keys(&mut s, "t");
    assert_eq!(kinds(&s), vec![ActorKind::Organization]);
    keys(&mut s, "t");
    assert_eq!(kinds(&s), vec![ActorKind::Place]);
    keys(&mut s, "t");
    assert_eq!(kinds(&s).len(), 3);
}

#[test]
fn counts_repeat_motions_and_pick_rows() {
    let mut s = app(many(40));
    keys(&mut s, "5 j");
    assert_eq!(s.selected(Pane::List), Some(5));
    keys(&mut s, "4 0 j");
    assert_eq!(s.selected(Pane::List), Some(39), "clamped at the end");
    keys(&mut s, "7 G");
    assert_eq!(s.selected(Pane::List), Some(6), "7G: the seventh row");
    keys(&mut s, "9 g g");
    assert_eq!(s.selected(Pane::List), Some(8));
    // 1, 2 and 3 still pick panes; once a count runs they are digits.
    keys(&mut s, "2");
    assert_eq!(s.focus, Pane::Points);
    keys(&mut s, "1 4 1 j");
    assert_eq!(s.focus, Pane::List);
    assert_eq!(
        s.selected(Pane::List),
        Some(39),
        "41 rows down from 8, clamped"
    );
}

#[test]
fn h_l_and_arrows_change_pane_without_wrapping() {
    let mut s = app(many(3));
    keys(&mut s, "l");
    assert_eq!(s.focus, Pane::Points);
    keys(&mut s, "right right");
    assert_eq!(s.focus, Pane::Actors, "stops at the last pane");
    keys(&mut s, "h left left");
    assert_eq!(s.focus, Pane::List);
}

#[test]
fn space_c_f_and_c_b_page_in_lists() {
    let mut s = app(many(40));
    keys(&mut s, "space");
    assert_eq!(s.selected(Pane::List), Some(9));
    keys(&mut s, "C-f");
    assert_eq!(s.selected(Pane::List), Some(18));
    keys(&mut s, "C-b");
    assert_eq!(s.selected(Pane::List), Some(9));
}

#[test]
fn n_and_shift_n_step_through_a_panes_filter_matches_and_wrap() {
    let mut s = app(many(30));
    keys(&mut s, "/");
    typed(&mut s, "number 1");
    keys(&mut s, "enter");
    let matched = s.rows(Pane::List).len();
    assert!(matched >= 2);
    keys(&mut s, "g g n");
    assert_eq!(s.cursor(Pane::List).selected, 1);
    let msg = s.message.clone().expect("a count");
    assert!(
        msg.text.starts_with(&format!("match 2 of {matched}")),
        "{}",
        msg.text
    );
    keys(&mut s, "G n");
    assert_eq!(s.cursor(Pane::List).selected, 0, "wraps to the top");
    keys(&mut s, "N");
    assert_eq!(
        s.cursor(Pane::List).selected,
        matched - 1,
        "and back to the bottom"
    );
    keys(&mut s, "esc n");
    assert!(s.message.expect("message").text.contains("no filter"));
}

#[test]
fn next_unread_mark_all_read_and_undo() {
    let mut s = app(many(6));
    keys(&mut s, "enter q j j enter q");
    // Articles 0 and 2 are read; from 2, the next unread is 3.
    keys(&mut s, "U");
    assert_eq!(s.selected(Pane::List), Some(3));
    keys(&mut s, "G U");
    assert_eq!(s.selected(Pane::List), Some(1), "wraps past the end");
    keys(&mut s, "A");
    let read = |s: &brief::app::AppState| {
        s.briefing
            .articles
            .iter()
            .filter(|a| s.marks.is_read(&a.content_hash))
            .count()
    };
    assert_eq!(read(&s), 6);
    assert!(s
        .message
        .clone()
        .expect("message")
        .text
        .contains("marked 4 articles read"));
    keys(&mut s, "z");
    assert_eq!(read(&s), 2, "undo takes back only what A marked");
    keys(&mut s, "z");
    assert!(s
        .message
        .clone()
        .expect("message")
        .text
        .contains("nothing to undo"));
    // In the reader, U opens the next unread article.
    keys(&mut s, "g g enter U");
    assert_eq!(s.reader.as_ref().map(|r| r.article), Some(1));
}

#[test]
fn sort_cycles_date_source_title_unread() {
    let b = Fixture::new()
        .article("Beta", "Zeta News", "x.")
        .article("alpha", "Acme", "x.")
        .article("Gamma", "Midway", "x.")
        .build();
    let mut s = app(b);
    // Fixture dates rise with the index: newest first is the reverse.
    keys(&mut s, "o");
    assert_eq!(s.sort, SortOrder::Date);
    assert_eq!(titles(&s), vec!["Gamma", "alpha", "Beta"]);
    keys(&mut s, "o");
    assert_eq!(titles(&s), vec!["alpha", "Gamma", "Beta"], "by source");
    keys(&mut s, "o");
    assert_eq!(
        titles(&s),
        vec!["alpha", "Beta", "Gamma"],
        "by title, any case"
    );
    keys(&mut s, "g g j enter q o");
    assert_eq!(s.sort, SortOrder::Unread);
    assert_eq!(
        titles(&s),
        vec!["alpha", "Gamma", "Beta"],
        "unread first, read last"
    );
    keys(&mut s, "o");
    assert_eq!(
        titles(&s),
        vec!["Beta", "alpha", "Gamma"],
        "briefing order again"
    );
}

#[test]
fn the_last_article_and_search_ends_say_so() {
    let mut s = app(many(2));
    keys(&mut s, "j enter J");
    let msg = s.message.clone().expect("message");
    assert!(msg.text.contains("last article"), "{}", msg.text);
    assert_eq!(s.reader.as_ref().map(|r| r.article), Some(1));
    keys(&mut s, "/");
    typed(&mut s, "line");
    keys(&mut s, "enter n");
    let msg = s.message.clone().expect("message");
    assert!(msg.text.contains("wrapped to the top"), "{}", msg.text);
}
