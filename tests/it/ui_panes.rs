//! The panes, the status bar and the help as drawn (issue 15), at 80x24 and 120x35 with
//! ratatui's TestBackend: plain titles and counts, status messages that never push out
//! `? help` and `q quit`, help that opens at the warnings and stops at its last page,
//! the list's source and date at 120 columns, the focused pane's selection, and the
//! ASCII marks.

use brief::app::testing::{self, Fixture};
use brief::app::{AppState, Level, Message};
use brief::config::Config;
use brief::keymap::KeyPress;
use brief::model::{ActorKind, Briefing};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 35)];

fn keys(s: &mut AppState, seq: &str) {
    for k in seq.split(' ').filter(|k| !k.is_empty()) {
        s.handle_key(KeyPress::parse(k).expect("key"));
    }
}

fn draw(s: &mut AppState, w: u16, h: u16, ascii: bool) -> Buffer {
    let cfg = Config::default();
    brief::ui::sync_viewport(s, Rect::new(0, 0, w, h), &cfg.layout);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| brief::ui::draw(f, s, &cfg.theme, &cfg.layout, ascii))
        .expect("draw");
    term.backend().buffer().clone()
}

fn line(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let sym = buf[(x, y)].symbol();
        skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        out.push_str(sym);
    }
    out
}

fn screen(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| line(buf, y).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn status(buf: &Buffer) -> String {
    line(buf, buf.area.height - 1)
}

/// Two articles name Ada Quill; the first only outside its two key points.
fn quill() -> Briefing {
    let mut f = Fixture::new()
        .actor("Ada Quill", ActorKind::Person, &[], "harbour envoy")
        .article(
            "Harbour reopens",
            "Wire",
            "Ships left at dawn. Cranes resumed work. Ada Quill watched from the quay.",
        )
        .points(&[(0, 0, 0), (0, 0, 1)])
        .article(
            "Council votes",
            "Post",
            "Ada Quill said the vote was fair. Rain fell.",
        )
        .points(&[(0, 0, 0), (0, 0, 1)]);
    for i in 0..4 {
        f = f.article(&format!("Story {i}"), "Daily", "Ada Quill was there.");
    }
    f.build()
}

#[test]
fn a_linked_actor_reads_plainly_when_no_point_names_them() {
    for (w, h) in SIZES {
        let mut s = AppState::new(quill(), Config::default().keymap);
        draw(&mut s, w, h, false);
        keys(&mut s, "3 a 1");
        let buf = draw(&mut s, w, h, false);
        let text = screen(&buf);
        assert!(text.contains("2 Key points (0 of 2)"), "{w}x{h}:\n{text}");
        if w >= 120 {
            assert!(
                text.contains("2 Key points (0 of 2) naming Ada Quill"),
                "{text}"
            );
            assert!(
                text.contains("None of the 2 key points names Ada Quill."),
                "{text}"
            );
        } else {
            assert!(text.contains("None of the 2 key points names"), "{text}");
        }
        assert!(!text.contains("(0, 2 points)"));
        keys(&mut s, "j");
        let buf = draw(&mut s, w, h, false);
        let st = status(&buf);
        assert!(st.contains("6 articles, 1 key point "), "{st}");
        assert!(!st.contains("1 points"));
    }
}

#[test]
fn help_and_quit_always_fit_and_cut_text_ends_in_an_ellipsis() {
    for (w, h) in SIZES {
        let mut s = AppState::new(quill(), Config::default().keymap);
        draw(&mut s, w, h, false);
        // Everything that can crowd the left part at once.
        keys(&mut s, "3 a u S");
        s.notes.push(Message {
            text: "config: a problem".into(),
            level: Level::Warning,
        });
        let st = status(&draw(&mut s, w, h, false));
        assert!(st.trim_end().ends_with("? help  q quit"), "{w}: {st:?}");
        s.say(
            Level::Error,
            "cannot write /root/nonexist-dir/x.md: is the folder there and writable? it was not, so nothing was written",
        );
        let st = status(&draw(&mut s, w, h, false));
        assert!(st.trim_end().ends_with("? help  q quit"), "{w}: {st:?}");
        assert!(st.contains("cannot write /root/"), "{st:?}");
        assert!(
            st.contains('…'),
            "a cut message ends in an ellipsis: {st:?}"
        );
    }
}

#[test]
fn in_the_reader_a_stale_message_never_hides_the_readers_keys() {
    let mut s = AppState::new(testing::sample(), Config::default().keymap);
    draw(&mut s, 80, 24, false);
    keys(&mut s, "enter / c l o s e enter n");
    let st = status(&draw(&mut s, 80, 24, false));
    assert!(st.contains("match"), "{st}");
    assert!(st.trim_end().ends_with("q back  ? help"), "{st:?}");
    keys(&mut s, "j");
    let st = status(&draw(&mut s, 80, 24, false));
    assert!(!st.contains("match"), "the next key took the message: {st}");
    assert!(
        st.contains("] key point"),
        "the reader's hints are back: {st}"
    );
}

#[test]
fn help_opens_at_the_warnings_and_stops_at_its_last_page() {
    for (w, h) in SIZES {
        let mut s = AppState::new(testing::sample(), Config::default().keymap);
        for i in 0..5 {
            s.notes.push(Message {
                text: format!("config: problem {i}"),
                level: Level::Warning,
            });
        }
        draw(&mut s, w, h, false);
        keys(&mut s, "?");
        let buf = draw(&mut s, w, h, false);
        assert!(line(&buf, 1).contains("warnings (6)"), "{}", screen(&buf));
        assert!(line(&buf, 2).contains("config: problem 0"));
        // Keys of one action share a row.
        let text = screen(&buf);
        assert!(text.contains("k, up"), "{text}");
        // No slivers of the panes: the box spans the whole body.
        for y in 0..h - 1 {
            let l = line(&buf, y);
            let (first, last) = (l.chars().next(), l.chars().last());
            assert!(
                matches!(first, Some('╭' | '│' | '╰')),
                "{w}x{h} row {y}: {l:?}"
            );
            assert!(
                matches!(last, Some('╮' | '│' | '╯')),
                "{w}x{h} row {y}: {l:?}"
            );
        }
        // G shows the last page: its last row holds text, not a blank page.
        keys(&mut s, "G");
        let buf = draw(&mut s, w, h, false);
        let last_text_row = line(&buf, h - 3);
        assert!(
            !last_text_row
                .trim_matches(|c| c == '│' || c == ' ')
                .is_empty(),
            "{w}x{h}:\n{}",
            screen(&buf)
        );
        let before = s.help_scroll;
        keys(&mut s, "j j G");
        assert_eq!(s.help_scroll, before, "no scrolling past the end");
    }
}

#[test]
fn the_list_shows_source_date_and_points_at_120_columns() {
    let mut s = AppState::new(quill(), Config::default().keymap);
    let text = screen(&draw(&mut s, 120, 35, false));
    assert!(text.contains("Wire · 2026-01-01 · 2 points"), "{text}");
    let text = screen(&draw(&mut s, 80, 24, false));
    assert!(text.contains("Wire · 2026-01-01 · 2 poi"), "{text}");
}

#[test]
fn the_sidebar_detail_says_in_how_many_articles_at_80_columns() {
    let mut s = AppState::new(quill(), Config::default().keymap);
    draw(&mut s, 80, 24, false);
    keys(&mut s, "3");
    let text = screen(&draw(&mut s, 80, 24, false));
    assert!(text.contains("in 6 articles"), "{text}");
}

#[test]
fn the_focused_panes_selection_differs_from_the_others() {
    let cfg = Config::default();
    for (w, h) in SIZES {
        let mut s = AppState::new(quill(), cfg.keymap.clone());
        let buf = draw(&mut s, w, h, false);
        // Row 1 is the first row of every pane: the list's has the focus.
        let list = buf[(3, 1)].style();
        let actors_or_points = buf[(w - 5, 1)].style();
        assert_eq!(list.bg, cfg.theme.selection.bg, "{w}x{h}");
        assert_ne!(list, actors_or_points, "{w}x{h}");
        let points_x = (0..w)
            .find(|&x| line(&buf, 0).chars().nth(usize::from(x)) == Some('2'))
            .unwrap_or(0);
        keys(&mut s, "2");
        let buf = draw(&mut s, w, h, false);
        assert_eq!(buf[(3, 1)].style().bg, cfg.theme.selection_inactive.bg);
        // The points pane's first row (under the article title) is now the strong one.
        let title_lines = s.points_header_lines() as u16;
        assert_eq!(
            buf[(points_x + 2, 1 + title_lines)].style().bg,
            cfg.theme.selection.bg
        );
    }
}

#[test]
fn ascii_key_point_marks_do_not_double_the_border() {
    let mut s = AppState::new(testing::sample(), Config::default().keymap);
    s.ascii = true;
    draw(&mut s, 80, 24, true);
    keys(&mut s, "enter");
    let text = screen(&draw(&mut s, 80, 24, true));
    assert!(text.contains("|#"), "{text}");
    assert!(!text.contains("||"), "{text}");
}
