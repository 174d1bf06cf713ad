//! The app-state core driven by key sequences and actions, asserting on state: no
//! terminal involved. Briefings are built by hand (`brief::app::testing`).

use brief::app::testing::{sample, Fixture};
use brief::app::{Action, AppState, FilterTarget, Mode, Pane, Viewport};
use brief::config::Config;
use brief::keymap::{KeyPress, Keymap};
use brief::model::{ActorKind, Briefing};

fn app(b: Briefing) -> AppState {
    let mut s = AppState::new(b, Config::default().keymap);
    s.resize(Viewport {
        width: 120,
        height: 40,
        pane_rows: 10,
        reader_cols: 40,
        reader_rows: 8,
    });
    s
}

fn keys(s: &mut AppState, seq: &str) {
    for k in seq.split(' ').filter(|k| !k.is_empty()) {
        s.handle_key(KeyPress::parse(k).unwrap_or_else(|e| panic!("{e}")));
    }
}

fn typed(s: &mut AppState, text: &str) {
    for c in text.chars() {
        s.handle_key(KeyPress::plain(c));
    }
}

fn titles(s: &AppState) -> Vec<String> {
    s.rows(Pane::List)
        .iter()
        .map(|&i| s.briefing.articles[i].title.clone())
        .collect()
}

/// `n` articles with one paragraph each, and one actor in every third.
fn many(n: usize) -> Briefing {
    let mut f = Fixture::new().actor("Ada Quill", ActorKind::Person, &["Quill"], "envoy");
    for i in 0..n {
        let who = if i % 3 == 0 {
            "Ada Quill spoke."
        } else {
            "Nobody spoke."
        };
        f = f
            .article(
                &format!("Story number {i}"),
                "Wire",
                &format!("{who} Line two of {i}."),
            )
            .points(&[(0, 0, 0), (0, 0, 1)]);
    }
    f.build()
}

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
fn open_reader_marks_read_and_back() {
    let mut s = app(sample());
    let hash = s.briefing.articles[0].content_hash.clone();
    assert!(!s.marks.is_read(&hash));
    keys(&mut s, "enter");
    assert_eq!(s.mode, Mode::Reader);
    assert!(s.marks.is_read(&hash));
    assert!(s.in_reader());
    keys(&mut s, "q");
    assert_eq!(s.mode, Mode::Normal);
    assert!(!s.quit, "q in the reader goes back, it does not quit");
    keys(&mut s, "m");
    assert!(!s.marks.is_read(&hash), "m toggles back to unread");
}

#[test]
fn reader_scrolls_and_clamps() {
    let long: String = (0..60)
        .map(|i| format!("Sentence number {i} is here."))
        .collect::<Vec<_>>()
        .join(" ");
    let b = Fixture::new().article("Long", "X", &long).build();
    let mut s = app(b);
    keys(&mut s, "enter");
    let lines = s.reader.as_ref().map(|r| r.doc.lines.len()).unwrap_or(0);
    assert!(lines > 30, "{lines}");
    keys(&mut s, "j j j");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(3));
    keys(&mut s, "space");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(10));
    keys(&mut s, "G");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(lines - 8));
    keys(&mut s, "j");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(lines - 8));
    keys(&mut s, "g g");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(0));
    // Narrower reader: more lines, scroll stays valid.
    s.resize(Viewport {
        width: 30,
        height: 10,
        pane_rows: 6,
        reader_cols: 12,
        reader_rows: 6,
    });
    assert!(s.reader.as_ref().map(|r| r.doc.lines.len()).unwrap_or(0) > lines);
}

#[test]
fn reader_jumps_between_key_points_and_mentions() {
    let filler: String = (0..20)
        .map(|i| format!("Filler sentence {i}."))
        .collect::<Vec<_>>()
        .join(" ");
    let body =
        format!("{filler}\n\nAda Quill arrived late. {filler}\n\nThe deal was signed. Quill left.");
    let b = Fixture::new()
        .actor("Ada Quill", ActorKind::Person, &["Quill"], "")
        .article("Deal", "X", &body)
        .points(&[(0, 2, 0), (0, 1, 0)])
        .build();
    let mut s = app(b);
    keys(&mut s, "enter");
    let doc = s.reader.as_ref().map(|r| r.doc.clone()).unwrap_or_default();
    assert_eq!(doc.key_points.len(), 2);
    assert!(doc.key_points[0] < doc.key_points[1], "document order");
    keys(&mut s, "]");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.key_points[0])
    );
    keys(&mut s, "]");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.key_points[1])
    );
    keys(&mut s, "[");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.key_points[0])
    );
    // Mentions of the selected actor (the sidebar's selection).
    assert_eq!(doc.mentions.len(), 2);
    keys(&mut s, "g g }");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.mentions[0])
    );
    keys(&mut s, "}");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.mentions[1])
    );
    keys(&mut s, "}");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.mentions[1]),
        "no wrap past the last"
    );
}

#[test]
fn opening_a_key_point_jumps_to_it() {
    let filler: String = (0..30)
        .map(|i| format!("Filler {i}."))
        .collect::<Vec<_>>()
        .join(" ");
    let b = Fixture::new()
        .article("Deal", "X", &format!("{filler}\n\nThe deal was signed."))
        .points(&[(0, 1, 0)])
        .build();
    let mut s = app(b);
    keys(&mut s, "2 enter");
    let r = s.reader.as_ref().expect("reader open");
    let line = r.doc.key_points[0];
    assert_eq!(r.mark_line, Some(line));
    assert!(r.scroll <= line && line < r.scroll + 8);
}

#[test]
fn reader_search_with_n_and_shift_n() {
    let body = (0..40)
        .map(|i| {
            if i % 10 == 5 {
                "The Harbour is closed.".to_string()
            } else {
                format!("Other news {i}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let b = Fixture::new().article("S", "X", &body).build();
    let mut s = app(b);
    keys(&mut s, "enter /");
    assert_eq!(s.mode, Mode::Filter(FilterTarget::Reader));
    typed(&mut s, "harbour");
    let matches = s
        .reader
        .as_ref()
        .map(|r| r.doc.matches.clone())
        .unwrap_or_default();
    assert_eq!(matches.len(), 4, "{matches:?}");
    keys(&mut s, "enter");
    assert_eq!(s.mode, Mode::Reader);
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(matches[0])
    );
    keys(&mut s, "n n");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(matches[2])
    );
    keys(&mut s, "N");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(matches[1])
    );
}

#[test]
fn help_toggles_filters_and_returns_to_the_reader() {
    let mut s = app(sample());
    keys(&mut s, "?");
    assert_eq!(s.mode, Mode::Help);
    let all = s.help_rows().len();
    keys(&mut s, "/");
    typed(&mut s, "quit");
    assert!(s.help_rows().len() < all);
    assert!(s.help_rows().iter().any(
        |r| matches!(r, brief::app::HelpRow::Key { description, .. } if description == "Quit brief")
    ));
    keys(&mut s, "enter ?");
    assert_eq!(s.mode, Mode::Normal);
    keys(&mut s, "enter ? esc");
    assert_eq!(s.mode, Mode::Reader, "help over the reader returns to it");
}

#[test]
fn help_lists_the_live_keymap_and_notes() {
    let mut km = Keymap::builtin();
    let seq = vec![
        KeyPress::parse("z").expect("z"),
        KeyPress::parse("z").expect("z"),
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
    let rows = s.help_rows();
    assert!(rows.iter().any(|r| matches!(r, brief::app::HelpRow::Key { keys, description } if keys == "z z" && description == "Custom top")));
    assert!(rows.iter().any(
        |r| matches!(r, brief::app::HelpRow::Note(n) if n.contains("table could not be split"))
    ));
    // A pending prefix lists its continuations.
    keys(&mut s, "z");
    assert_eq!(s.pending.len(), 1);
    assert!(s
        .pending_hints()
        .iter()
        .any(|(k, d)| k == "z z" && d == "Custom top"));
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
        1,
        "starred only narrows the merged table too"
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
fn next_article_in_reader_follows_the_list() {
    let mut s = app(many(4));
    keys(&mut s, "enter J J");
    assert_eq!(s.reader.as_ref().map(|r| r.article), Some(2));
    assert_eq!(s.selected(Pane::List), Some(2));
    keys(&mut s, "K");
    assert_eq!(s.reader.as_ref().map(|r| r.article), Some(1));
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

/// Every laid-out line fits the reader width, whatever the script or block kind.
#[test]
fn reader_lines_fit_the_width_for_any_script_and_block() {
    use unicode_width::UnicodeWidthStr;
    let body = "中文新闻报道说谈判将在日内瓦继续进行各方代表表示乐观。 Emoji 😀😀 test 👍🏽 ok. Ein sehr langes Wort: Donaudampfschifffahrtsgesellschaftskapitänsmütze.\n\n\
                # Überschrift mit Umlauten\n\n\
                - 第一点：和平谈判\n- A bullet that is long enough to wrap around the narrow reader width\n\n\
                > A quoted sentence, with “curly quotes” and — dashes.\n\n\
                | Actor | Priority | Constraint |\n| UK Government | Show leadership on Ukraine | Voters wary of new costs |\n| 欧盟 | 团结 | 预算 |";
    let b = Fixture::new()
        .article("Mixed 中文 title", "X", body)
        .points(&[(0, 0, 0), (1, 2, 0)])
        .build();
    for width in [8u16, 12, 20, 33, 60, 100] {
        let mut s = app(b.clone());
        s.resize(Viewport {
            width: 120,
            height: 40,
            pane_rows: 10,
            reader_cols: width,
            reader_rows: 8,
        });
        keys(&mut s, "enter");
        let r = s.reader.as_ref().expect("reader");
        for l in &r.doc.lines {
            let text = l.text();
            assert!(
                text.width() <= usize::from(width),
                "width {width}: {text:?} is {}",
                text.width()
            );
        }
        assert_eq!(
            r.doc.key_points.len(),
            2,
            "both key points located at width {width}"
        );
        let all: String = r
            .doc
            .lines
            .iter()
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            all.contains("Voters") || all.contains("Vote"),
            "table text kept at width {width}"
        );
    }
}

#[test]
fn wide_tables_align_and_narrow_tables_become_records() {
    let b = Fixture::new()
        .article(
            "T",
            "X",
            "| Actor | Priority |\n| UK | Leadership |\n| EU | Unity |",
        )
        .build();
    let mut s = app(b.clone());
    keys(&mut s, "enter");
    let lines: Vec<String> = s
        .reader
        .as_ref()
        .map(|r| r.doc.lines.iter().map(|l| l.text()).collect())
        .unwrap_or_default();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Actor") && l.contains("│ Priority")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("UK    │ Leadership")),
        "{lines:?}"
    );
    let mut s = app(b);
    s.resize(Viewport {
        width: 20,
        height: 10,
        pane_rows: 5,
        reader_cols: 12,
        reader_rows: 5,
    });
    keys(&mut s, "enter");
    let lines: Vec<String> = s
        .reader
        .as_ref()
        .map(|r| r.doc.lines.iter().map(|l| l.text()).collect())
        .unwrap_or_default();
    assert!(lines.iter().any(|l| l.contains("Actor: UK")), "{lines:?}");
}
