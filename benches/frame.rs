//! Frame cost (issue 7): the three-pane screen over a 1k-article briefing drawn through
//! the real terminal path — `ratatui::Terminal` over a `CrosstermBackend` whose writer
//! only counts bytes — at 80x24, 200x60 and 400x120.
//!
//! Per size it reports the time of one frame after a selection move (criterion, and a
//! median over many moves for the table), and the bytes sent for the full first frame,
//! for one selection move (`j`) in the article list and in the key points pane, and for
//! one filter keystroke (`/`, then `z`). Bytes are
//! what ratatui's diff leaves to write, so they are what an SSH link carries.
//! Run: `cargo bench --bench frame` (`-- --quick` for CI).

mod support;

use anyhow::Context;
use brief::app::AppState;
use brief::config::Config;
use brief::keymap::KeyPress;
use brief::open::{open, OpenOptions, Origin};
use criterion::Criterion;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// A terminal that swallows what it is sent and counts it.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<u64>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len() as u64);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type Term = Terminal<CrosstermBackend<Counter>>;

struct Screen {
    term: Term,
    bytes: Counter,
    state: AppState,
    config: Config,
}

impl Screen {
    fn new(state: AppState, w: u16, h: u16) -> anyhow::Result<Screen> {
        let bytes = Counter::default();
        let area = Rect::new(0, 0, w, h);
        // A fixed viewport: the backend is never asked for a real terminal's size.
        let term = Terminal::with_options(
            CrosstermBackend::new(bytes.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )?;
        let config = Config::default();
        let mut s = Screen {
            term,
            bytes,
            state,
            config,
        };
        brief::ui::sync_viewport(&mut s.state, area, &s.config.layout);
        Ok(s)
    }

    /// Draws one frame; returns the bytes it sent.
    fn draw(&mut self) -> anyhow::Result<u64> {
        let before = self.bytes.0.get();
        let (state, cfg) = (&self.state, &self.config);
        self.term
            .draw(|f| brief::ui::draw(f, state, &cfg.theme, &cfg.layout, false))?;
        Ok(self.bytes.0.get() - before)
    }

    fn key(&mut self, notation: &str) -> anyhow::Result<()> {
        let k = KeyPress::parse(notation).map_err(anyhow::Error::msg)?;
        self.state.handle_key(k);
        Ok(())
    }

    /// Presses each key in turn, drawing after each; returns the bytes of the last frame.
    fn press(&mut self, keys: &[&str]) -> anyhow::Result<u64> {
        let mut last = 0;
        for k in keys {
            self.key(k)?;
            last = self.draw()?;
        }
        Ok(last)
    }
}

fn briefing_dir(n: usize) -> anyhow::Result<std::path::PathBuf> {
    let origin = if support::bbc_articles().is_some() {
        "bbc"
    } else {
        "generated"
    };
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("target/bench-corpus/{origin}-{n}"));
    if !dir.join(format!("{:05}.txt", n - 1)).exists() {
        support::corpus::write_briefing(&dir, n).context("could not write the bench corpus")?;
    }
    Ok(dir)
}

fn main() -> anyhow::Result<()> {
    let n = if support::quick() { 200 } else { 1_000 };
    let dir = briefing_dir(n)?;
    let briefing = open(&Origin::Paths(vec![dir]), &OpenOptions::default())?;
    let keymap = Config::default().keymap;
    let mut criterion = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(if support::quick() { 1 } else { 3 }));
    for (w, h) in [(80u16, 24u16), (200, 60), (400, 120)] {
        let size = format!("{w}x{h}");
        let mut s = Screen::new(AppState::new(briefing.clone(), keymap.clone()), w, h)?;
        let first = s.draw()?;
        support::report(&format!("frame/{size}/first-bytes"), first as f64, "B");

        // In the article list a move also swaps the key points pane's rows (they follow
        // the selected article); in the key points pane only the selection moves.
        let moved = s.press(&["j"])?;
        support::report(&format!("frame/{size}/move-bytes"), moved as f64, "B");
        let moved = s.press(&["2", "j"])?;
        support::report(&format!("frame/{size}/point-move-bytes"), moved as f64, "B");
        s.press(&["1"])?;
        let typed = s.press(&["/", "z"])?;
        support::report(&format!("frame/{size}/keystroke-bytes"), typed as f64, "B");
        s.press(&["Esc"])?;

        // One frame after a selection move, alternating down and up so every frame has
        // real changes to diff and send.
        let reps = if support::quick() { 50 } else { 500 };
        let mut times = Vec::with_capacity(reps);
        for i in 0..reps {
            s.key(if i % 2 == 0 { "j" } else { "k" })?;
            let t = Instant::now();
            s.draw()?;
            times.push(t.elapsed());
        }
        let (p50, p95, _) = support::percentiles(&mut times);
        support::report(&format!("frame/{size}/p50"), p50, "ms");
        support::report(&format!("frame/{size}/p95"), p95, "ms");

        let mut down = false;
        criterion.bench_function(&format!("frame/{size}/move+draw"), |b| {
            b.iter(|| {
                down = !down;
                s.key(if down { "j" } else { "k" }).ok();
                s.draw().ok()
            })
        });
    }
    criterion.final_summary();
    Ok(())
}
