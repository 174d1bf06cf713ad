//! Bytes written to the terminal per selection move, in every pane (issue 17, item 1):
//! the real drawing code through crossterm's backend into a byte counter, at 80x24 and
//! 200x60, on briefings whose key points are long sentences (the case where a row that
//! grew when selected used to push every row below it and rewrite the whole pane).
//! Moves that scroll rewrite the pane and are not what these budgets are about; the
//! briefings here fit a pane, and `scripts/bench-tui --moves` measures the real binary.

use brief::app::{testing, AppState, Pane};
use brief::config::Config;
use brief::keymap::KeyPress;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;
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

fn keys(s: &mut AppState, seq: &str) {
    for k in seq.split(' ').filter(|k| !k.is_empty()) {
        s.handle_key(KeyPress::parse(k).expect("key"));
    }
}

/// Five articles of four long key points each, and a dozen actors with roles.
fn long_points() -> brief::model::Briefing {
    let sentence = |a: usize, i: usize| {
        format!(
            "Officials from the {a}th delegation said on Tuesday that talk number {i} \
             would continue next week in the capital, after a long night of negotiation \
             over harbour access, tariffs and the guarantees each side wants in writing."
        )
    };
    let mut f = testing::Fixture::new();
    for n in 0..12 {
        f = f.actor(
            &format!("Envoy Number{n}"),
            brief::model::ActorKind::Person,
            &[&format!("Number{n}")],
            &format!("Special envoy of the {n}th delegation to the talks"),
        );
    }
    for a in 0..5 {
        let body = (0..4).map(|i| sentence(a, i)).collect::<Vec<_>>().join(" ");
        let who = (0..12)
            .map(|n| format!("Envoy Number{n} spoke."))
            .collect::<Vec<_>>()
            .join(" ");
        f = f
            .article(
                &format!("Delegation {a} resumes the harbour talks after a long pause"),
                "Wire",
                &format!("{body}\n\n{who}"),
            )
            .points(&[(0, 0, 0), (0, 0, 1), (0, 0, 2), (0, 0, 3)]);
    }
    f.build()
}

/// Bytes of each of `moves` presses of `key` after `setup`, at `w`x`h`, for the moves
/// that did not scroll the pane.
pub fn bytes_per_move(
    b: brief::model::Briefing,
    w: u16,
    h: u16,
    setup: &str,
    key: &str,
    moves: usize,
) -> Vec<usize> {
    let cfg = Config::default();
    let mut s = AppState::new(b, cfg.keymap.clone());
    let area = Rect::new(0, 0, w, h);
    let bytes = Arc::new(AtomicUsize::new(0));
    let opts = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(area),
    };
    let mut term = Terminal::with_options(CrosstermBackend::new(Count(bytes.clone())), opts)
        .expect("terminal");
    let mut frame = |s: &mut AppState| {
        brief::ui::sync_viewport(s, area, &cfg.layout);
        term.draw(|f| brief::ui::draw(f, s, &cfg.theme, &cfg.layout, false))
            .expect("draw");
        bytes.swap(0, Ordering::SeqCst)
    };
    frame(&mut s);
    keys(&mut s, setup);
    // Steady state: the setup's own message (e.g. "key points of the whole briefing")
    // would go at the first move and cost a status bar redraw once.
    s.expire_message();
    frame(&mut s);
    let pane = s.focus;
    (0..moves)
        .filter_map(|_| {
            let offset = s.cursor(pane).offset;
            keys(&mut s, key);
            let n = frame(&mut s);
            // A move that scrolls rewrites the pane: not what the budget is about.
            (s.cursor(pane).offset == offset).then_some(n)
        })
        .collect()
}

#[test]
fn a_move_in_any_pane_writes_at_most_the_budget() {
    for (w, h, budget) in [(80u16, 24u16, 200usize), (200, 60, 400)] {
        for (pane, setup) in [
            ("list", "1"),
            ("points", "2"),
            ("actors", "3"),
            ("briefing points", "2 b"),
        ] {
            for b in [long_points(), testing::sample()] {
                let n = if pane == "list" { 2 } else { 3 };
                let got = bytes_per_move(b, w, h, setup, "j", n);
                assert!(
                    got.len() >= 2,
                    "{pane} at {w}x{h}: moves without scrolling: {got:?}"
                );
                // A list move also redraws the key points that follow it (measured
                // apart below); every other pane keeps to its budget.
                if pane == "list" {
                    continue;
                }
                assert!(
                    got.iter().all(|&n| n <= budget),
                    "{pane} at {w}x{h}: {got:?} bytes per move, budget {budget}"
                );
            }
        }
    }
}

#[test]
fn a_list_move_alone_stays_small() {
    // With the key points on the whole briefing (`b`), nothing follows the list.
    for (w, h, budget) in [(80u16, 24u16, 200usize), (200, 60, 400)] {
        let got = bytes_per_move(long_points(), w, h, "2 b 1", "j", 3);
        assert!(got.iter().all(|&n| n <= budget), "list at {w}x{h}: {got:?}");
    }
}

#[test]
fn nothing_moves_nothing_is_written() {
    let got = bytes_per_move(long_points(), 200, 60, "2 G", "j", 2);
    // Every frame ends with the same style reset (ratatui's), and nothing else.
    assert!(
        got.iter().all(|&n| n <= 32),
        "j on the last row changes nothing: {got:?}"
    );
}

#[test]
fn the_selected_row_never_pushes_the_rows_below_it() {
    // The line each key point starts on is the same whichever row is selected.
    let cfg = Config::default();
    let mut s = AppState::new(long_points(), cfg.keymap.clone());
    brief::ui::sync_viewport(&mut s, Rect::new(0, 0, 200, 60), &cfg.layout);
    keys(&mut s, "2");
    let starts = |s: &AppState| {
        let mut top = 0;
        s.window(Pane::Points)
            .iter()
            .map(|&(pos, h)| {
                let at = (pos, top);
                top += h;
                at
            })
            .collect::<Vec<_>>()
    };
    let first = starts(&s);
    assert!(first.len() >= 3, "{first:?}");
    assert!(first
        .iter()
        .any(|&(pos, _)| pos > 0 && s.row_height(Pane::Points, pos) > 1));
    keys(&mut s, "j j");
    assert_eq!(starts(&s), first);
}

/// What one move writes, escaped, to see where the bytes go:
/// `cargo test --test it ui_bytes::show -- --ignored --nocapture`.
#[test]
#[ignore]
fn show_the_bytes_of_one_move() {
    for (setup, w, h) in [
        ("2 b", 80u16, 24u16),
        ("3", 80, 24),
        ("2", 80, 24),
        ("2", 200, 60),
        ("3", 200, 60),
        ("1", 200, 60),
    ] {
        let cfg = Config::default();
        let mut s = AppState::new(long_points(), cfg.keymap.clone());
        let area = Rect::new(0, 0, w, h);
        let out = Arc::new(std::sync::Mutex::new(Vec::new()));
        struct Tee(Arc<std::sync::Mutex<Vec<u8>>>);
        impl std::io::Write for Tee {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                if let Ok(mut v) = self.0.lock() {
                    v.extend_from_slice(b);
                }
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let opts = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(area),
        };
        let mut term = Terminal::with_options(CrosstermBackend::new(Tee(out.clone())), opts)
            .expect("terminal");
        for step in [setup, "j", "j", "j"] {
            keys(&mut s, step);
            brief::ui::sync_viewport(&mut s, area, &cfg.layout);
            if let Ok(mut v) = out.lock() {
                v.clear();
            }
            term.draw(|f| brief::ui::draw(f, &s, &cfg.theme, &cfg.layout, false))
                .expect("draw");
        }
        let bytes = out.lock().map(|v| v.clone()).unwrap_or_default();
        println!(
            "{setup} {w}x{h}: {} B\n{}\n",
            bytes.len(),
            String::from_utf8_lossy(&bytes).replace('\x1b', "⎋")
        );
    }
}

#[test]
#[ignore]
fn show_two_frames() {
    let cfg = Config::default();
    let mut s = AppState::new(long_points(), cfg.keymap.clone());
    let area = Rect::new(0, 0, 80, 24);
    for step in ["2", "j"] {
        keys(&mut s, step);
        brief::ui::sync_viewport(&mut s, area, &cfg.layout);
        let mut term = Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("t");
        term.draw(|f| brief::ui::draw(f, &s, &cfg.theme, &cfg.layout, false))
            .expect("draw");
        println!(
            "{:?} {:?}\n{}",
            s.cursor(Pane::Points),
            s.window(Pane::Points),
            term.backend()
        );
    }
}
