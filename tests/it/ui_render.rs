//! Rendered screens: every pane and the whole screen drawn with ratatui's TestBackend at
//! fixed sizes and compared with insta snapshots (`cargo insta review` after a deliberate
//! change), plus asserts that hold at any size and no-panic checks down to 1x1.

use brief::app::{testing, AppState};
use brief::config::Config;
use brief::keymap::KeyPress;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn state() -> AppState {
    AppState::new(testing::sample(), Config::default().keymap)
}

/// Draws `state` at `w`x`h` and returns the screen as text lines.
fn render(state: &mut AppState, w: u16, h: u16, ascii: bool) -> String {
    let cfg = Config::default();
    brief::ui::sync_viewport(state, Rect::new(0, 0, w, h), &cfg.layout);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| brief::ui::draw(f, state, &cfg.theme, &cfg.layout, ascii))
        .expect("draw");
    let buf = term.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                line.push_str(sym);
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn keys(s: &mut AppState, seq: &str) {
    for k in seq.split(' ').filter(|k| !k.is_empty()) {
        s.handle_key(KeyPress::parse(k).expect("key"));
    }
}

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 10)];

/// Named situations, each a key sequence from a fresh state.
const SCENES: &[(&str, &str)] = &[
    ("main", ""),
    ("points_briefing", "2 b j"),
    ("actor_selected_and_linked", "3 a"),
    ("list_filtered", "/ h a r b"),
    ("reader", "enter"),
    ("reader_scrolled_to_table", "enter ] ]"),
    ("reader_search", "enter / c l o s e enter"),
    ("help", "?"),
    ("help_filtered", "? / s t a r"),
    ("sequence_hint", "g"),
];

#[test]
fn scenes_at_every_size() {
    for (name, seq) in SCENES {
        for (w, h) in SIZES {
            let mut s = state();
            // Keys are played at the size they are drawn at: paging depends on it.
            render(&mut s, w, h, false);
            keys(&mut s, seq);
            let screen = render(&mut s, w, h, false);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn ascii_mode_draws_only_ascii() {
    for seq in ["", "enter", "?", "3", "2 b"] {
        let mut s = state();
        s.ascii = true;
        keys(&mut s, seq);
        let screen = render(&mut s, 100, 30, true);
        assert!(screen.is_ascii(), "non-ASCII after {seq:?}:\n{screen}");
    }
    let mut s = state();
    s.ascii = true;
    insta::assert_snapshot!("ascii_main_100x30", render(&mut s, 100, 30, true));
}

#[test]
fn sidebar_folds_below_100_columns_and_toggles() {
    let mut s = state();
    assert!(render(&mut s, 100, 30, false).contains("3 Actors"));
    assert!(!render(&mut s, 99, 30, false).contains("3 Actors"));
    keys(&mut s, "s");
    assert!(render(&mut s, 99, 30, false).contains("3 Actors"));
}

#[test]
fn zero_sized_terminals_draw_nothing_and_do_not_panic() {
    let cfg = Config::default();
    for (w, h) in [(0, 0), (80, 0), (0, 24), (1, 0)] {
        let mut s = state();
        brief::ui::sync_viewport(&mut s, Rect::new(0, 0, w, h), &cfg.layout);
        keys(&mut s, "j");
        keys(&mut s, "enter");
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        term.draw(|f| brief::ui::draw(f, &s, &cfg.theme, &cfg.layout, false))
            .expect("draw");
        // Back to a real size: the state is still whole.
        let screen = render(&mut s, 100, 30, false);
        assert!(
            screen.contains("READER") || screen.contains("NORMAL"),
            "{screen}"
        );
    }
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (20, 5),
        (10, 3),
        (59, 4),
        (200, 2),
        (3, 60),
    ] {
        for seq in ["", "enter", "?", "g", "3", "/ x"] {
            let mut s = state();
            render(&mut s, w, h, false);
            keys(&mut s, seq);
            let screen = render(&mut s, w, h, false);
            assert_eq!(screen.split('\n').count(), usize::from(h));
        }
    }
    let mut s = state();
    let small = render(&mut s, 20, 5, false);
    assert!(
        small.contains("Talks"),
        "20x5 still shows an article:\n{small}"
    );
}

#[test]
fn selection_and_matches_are_visible_without_colour() {
    let cfg = Config::default();
    let mut s = state();
    keys(&mut s, "/ h a r b enter");
    let (w, h) = (120, 40);
    brief::ui::sync_viewport(&mut s, Rect::new(0, 0, w, h), &cfg.layout);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| brief::ui::draw(f, &s, &cfg.theme, &cfg.layout, false))
        .expect("draw");
    let buf = term.backend().buffer();
    // Row 1 is the first (selected) article row; its title starts after the marks.
    let row: String = (0..40u16)
        .map(|x| buf[(x, 1)].symbol().to_string())
        .collect();
    let x = row.find("Harbour").expect("filtered title on row 1") as u16;
    let x = row[..x as usize].chars().count() as u16;
    let sel = cfg.theme.selection.add_modifier;
    let hl = cfg.theme.match_highlight.add_modifier;
    assert!(
        !sel.is_empty() && !hl.is_empty(),
        "theme keeps modifiers for NO_COLOR"
    );
    assert!(
        buf[(x, 1)].modifier.contains(hl),
        "matched H is highlighted"
    );
    assert!(
        buf[(x + 1, 1)].modifier.contains(sel),
        "the row is selected"
    );
    assert!(buf[(x + 4, 1)].modifier.contains(sel) && !buf[(x + 4, 1)].modifier.contains(hl - sel));
}

#[test]
fn control_characters_in_articles_never_reach_the_screen() {
    let b = brief::app::testing::Fixture::new()
        .article(
            "Evil \u{1b}]0;owned\u{7} title\u{9b}2J",
            "Src\u{1b}[31m",
            "Body \u{1b}]52;c;ZXZpbA==\u{7} text.\n\n- item \u{1b}[2J",
        )
        .points(&[(0, 0, 0)])
        .build();
    let mut s = AppState::new(b, Config::default().keymap);
    for seq in ["", "enter", "2 b", "?"] {
        keys(&mut s, seq);
        let screen = render(&mut s, 100, 30, false);
        assert!(
            !screen.chars().any(|c| c.is_control() && c != '\n'),
            "{screen:?}"
        );
        if seq == "enter" {
            assert!(
                screen.contains("^[]0;owned^G"),
                "escapes are shown as text:\n{screen}"
            );
        }
    }
}

#[test]
fn long_lists_scroll_with_the_selection() {
    let mut f = testing::Fixture::new();
    for i in 0..60 {
        f = f.article(&format!("Story {i:02}"), "Wire", "Text.");
    }
    let mut s = AppState::new(f.build(), Config::default().keymap);
    render(&mut s, 80, 24, false);
    keys(&mut s, "G");
    let screen = render(&mut s, 80, 24, false);
    assert!(
        screen.contains("Story 59") && !screen.contains("Story 00"),
        "{screen}"
    );
    keys(&mut s, "g g j j");
    let screen = render(&mut s, 80, 24, false);
    assert!(
        screen.contains("Story 00") && !screen.contains("Story 59"),
        "{screen}"
    );
}

#[test]
fn clicks_land_on_the_row_drawn_there() {
    use brief::app::Pane;
    let cfg = Config::default();
    let mut s = state();
    let size = Rect::new(0, 0, 120, 40);
    render(&mut s, 120, 40, false);
    keys(&mut s, "3");
    let screen = render(&mut s, 120, 40, false);
    // The selected actor takes several lines; the next actor is below them.
    let y = screen
        .lines()
        .position(|l| l.contains("place") && l.contains("│Valmora "))
        .expect("Valmora row") as u16;
    let x = screen
        .lines()
        .nth(usize::from(y))
        .and_then(|l| l.find("│Valmora ").map(|i| i + "│".len()))
        .expect("x") as u16;
    let x = screen
        .lines()
        .nth(usize::from(y))
        .map(|l| l[..usize::from(x)].chars().count())
        .unwrap_or(0) as u16;
    assert_eq!(
        brief::ui::hit(&s, &cfg, size, x, y),
        Some((Pane::Actors, Some(1)))
    );
    assert_eq!(
        brief::ui::hit(&s, &cfg, size, x, 0),
        Some((Pane::Actors, None)),
        "the border"
    );
    // At 120 columns an article takes two lines: title, then source and date.
    assert_eq!(
        brief::ui::hit(&s, &cfg, size, 2, 2),
        Some((Pane::List, Some(0))),
        "the second line of the first article"
    );
    assert_eq!(
        brief::ui::hit(&s, &cfg, size, 2, 3),
        Some((Pane::List, Some(1)))
    );
    assert_eq!(
        brief::ui::hit(&s, &cfg, size, 2, 30),
        Some((Pane::List, None)),
        "below the rows"
    );
    assert_eq!(
        brief::ui::hit(&s, &cfg, size, 2, 39),
        None,
        "the status bar"
    );
}

/// A measurement, not a check: render time and bytes sent for a first frame, one
/// selection move and one filter keystroke over 1,000 articles. Run with
/// `cargo test --test it ui_render::frame_cost -- --ignored --nocapture`.
#[test]
#[ignore]
fn frame_cost_report() {
    use ratatui::backend::CrosstermBackend;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    struct Count(Arc<AtomicUsize>);
    impl std::io::Write for Count {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.fetch_add(b.len(), Ordering::SeqCst);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let cfg = Config::default();
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let mut s = AppState::new(testing::many(1000), cfg.keymap.clone());
        let area = Rect::new(0, 0, w, h);
        brief::ui::sync_viewport(&mut s, area, &cfg.layout);
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let n = 200;
        let t0 = std::time::Instant::now();
        for _ in 0..n {
            term.draw(|f| brief::ui::draw(f, &s, &cfg.theme, &cfg.layout, false))
                .expect("draw");
        }
        let per = t0.elapsed() / n;
        let bytes = Arc::new(AtomicUsize::new(0));
        let backend = CrosstermBackend::new(Count(bytes.clone()));
        let opts = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(area),
        };
        let mut ct = Terminal::with_options(backend, opts).expect("terminal");
        let mut frame = |s: &AppState| {
            ct.draw(|f| brief::ui::draw(f, s, &cfg.theme, &cfg.layout, false))
                .expect("draw");
            bytes.swap(0, Ordering::SeqCst)
        };
        let first = frame(&s);
        keys(&mut s, "j");
        let moved = frame(&s);
        keys(&mut s, "/ s");
        let typed = frame(&s);
        println!("{w}x{h}: frame {per:?}, first frame {first} B, selection move {moved} B, filter keystroke {typed} B");
    }
}
