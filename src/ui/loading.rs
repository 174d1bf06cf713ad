//! The first load, with the terminal already in reader mode: a cold open of 10k
//! articles takes seconds, and in raw mode Ctrl-C is a key, not a signal. So the load
//! runs on its own thread while this one draws a "loading" line (how many articles
//! were read and how many of them are ranked so far, and the time) and answers `q`, Esc
//! and Ctrl-C by giving up.

use super::Term;
use crate::model::Briefing;
use crate::open::{open_counting, OpenOptions, Origin, Progress};
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How the first load ended.
pub enum Loaded {
    Ready(Briefing),
    /// The user gave up waiting.
    Cancelled,
}

/// Opens the briefing off the input thread, drawing progress on `term`.
pub fn load(term: &mut Term, origin: &Origin, opts: &OpenOptions) -> anyhow::Result<Loaded> {
    let (tx, rx) = mpsc::channel();
    let progress = Arc::new(Progress::default());
    {
        let (origin, opts, progress) = (origin.clone(), opts.clone(), progress.clone());
        std::thread::Builder::new()
            .name("brief-load".into())
            .spawn(move || {
                // Nobody listens once the user cancelled: the process is exiting.
                let _ = tx.send(open_counting(&origin, &opts, &progress));
            })?;
    }
    let start = Instant::now();
    let mut shown = None;
    loop {
        let secs = start.elapsed().as_secs();
        let counts = progress.get();
        // Redrawn when the count or the second changes, at most every 100 ms.
        if shown != Some((secs, counts)) {
            shown = Some((secs, counts));
            let text = loading_line(secs, counts);
            term.draw(|f| Line::from(text).render(f.area(), f.buffer_mut()))?;
        }
        // Input is read between short waits for the result, so a key is answered
        // within this long and the load is not slowed by polling.
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(result) => return result.map(Loaded::Ready),
            Err(RecvTimeoutError::Disconnected) => {
                anyhow::bail!("the briefing could not be loaded (the loader stopped)")
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        while event::poll(Duration::ZERO)? {
            if let Event::Key(k) = event::read()? {
                let ctrl_c =
                    k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                let quit = matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c;
                if quit && k.kind != KeyEventKind::Release {
                    return Ok(Loaded::Cancelled);
                }
            }
        }
    }
}

/// "Loading the briefing… 312 of 1,907 articles ranked · 4 s (q to give up)".
pub fn loading_line(secs: u64, (articles, ranked): (usize, usize)) -> String {
    use crate::app::wording::{count, number};
    let what = match (articles, ranked) {
        (0, _) => "reading the files".to_string(),
        (n, 0) => format!("{} read", count(n, "article")),
        (n, r) => format!(
            "key points of {} of {} ranked",
            number(r.min(n)),
            count(n, "article")
        ),
    };
    let time = if secs == 0 {
        String::new()
    } else {
        format!(" · {secs} s")
    };
    format!("Loading the briefing: {what}{time} (q to give up)")
}

#[cfg(test)]
mod tests {
    use super::loading_line;

    #[test]
    fn the_loading_line_counts_what_is_done() {
        assert_eq!(
            loading_line(0, (0, 0)),
            "Loading the briefing: reading the files (q to give up)"
        );
        assert_eq!(
            loading_line(4, (1907, 312)),
            "Loading the briefing: key points of 312 of 1,907 articles ranked · 4 s (q to give up)"
        );
        assert_eq!(
            loading_line(2, (1, 0)),
            "Loading the briefing: 1 article read · 2 s (q to give up)"
        );
    }
}
