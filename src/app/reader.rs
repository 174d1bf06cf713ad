//! The reader: one article laid out for the reader pane, with a scroll position and
//! jumps between landmarks (key points, mentions of the focused actor, search matches).

use super::doc::{layout, Doc, DocInput};
use super::{AppState, Level, Mode};
use crate::derive::actors::ActorMatcher;

/// Lines kept above a jump target so it reads in context.
const CONTEXT: usize = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    /// Index into `briefing.articles`.
    pub article: usize,
    /// First visible line.
    pub scroll: usize,
    pub doc: Doc,
    pub search: String,
    /// The line the last jump landed on; manual scrolling forgets it.
    pub mark_line: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Landmark {
    KeyPoint,
    Mention,
    Match,
}

impl AppState {
    /// Opens `article` in the reader and marks it read.
    pub(crate) fn open_reader(&mut self, article: usize) {
        let Some(a) = self.briefing.articles.get(article) else {
            return;
        };
        let hash = a.content_hash.clone();
        self.marks.set_read(&hash, true);
        self.marks_version += 1;
        self.reader = Some(Reader {
            article,
            scroll: 0,
            doc: Doc::default(),
            search: String::new(),
            mark_line: None,
        });
        self.mode = Mode::Reader;
        self.rewrap_reader();
    }

    /// Lays the reader's article out again (width, search or focused actor changed).
    pub(crate) fn rewrap_reader(&mut self) {
        let width = self.reader_width();
        let focus = self.focus_actor();
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        let Some(article) = self.briefing.articles.get(r.article) else {
            return;
        };
        let matcher = ActorMatcher::new(&self.briefing.actors);
        r.doc = layout(&DocInput {
            article,
            matcher: &matcher,
            focus_actor: focus,
            search: &r.search,
            width,
            ascii: self.ascii,
        });
        let max = max_scroll(r.doc.lines.len(), self.view.reader_rows);
        r.scroll = r.scroll.min(max);
    }

    /// Text columns of the reader: the pane, capped by `layout.reader_width`.
    pub fn reader_width(&self) -> usize {
        let pane = usize::from(self.view.reader_cols.max(1));
        match self.reader_max_width {
            0 => pane,
            w => pane.min(usize::from(w)),
        }
    }

    pub(crate) fn scroll_reader(&mut self, delta: isize) {
        let rows = self.view.reader_rows;
        if let Some(r) = self.reader.as_mut() {
            let max = max_scroll(r.doc.lines.len(), rows) as isize;
            r.scroll = (r.scroll as isize).saturating_add(delta).clamp(0, max) as usize;
            r.mark_line = None;
        }
    }

    pub(crate) fn reader_page(&self) -> isize {
        (usize::from(self.view.reader_rows).max(2) - 1) as isize
    }

    /// Jumps to the next (`forward`) or previous landmark of a kind.
    pub(crate) fn jump(&mut self, what: Landmark, forward: bool) {
        let rows = self.view.reader_rows;
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        let lines = match what {
            Landmark::KeyPoint => &r.doc.key_points,
            Landmark::Mention => &r.doc.mentions,
            Landmark::Match => &r.doc.matches,
        };
        let here = r.mark_line.unwrap_or(r.scroll + CONTEXT);
        let target = if forward {
            lines.iter().copied().find(|&l| l > here)
        } else {
            lines.iter().copied().rev().find(|&l| l < here)
        };
        let name = match what {
            Landmark::KeyPoint => "key point",
            Landmark::Mention => "mention of the selected actor",
            Landmark::Match => "match",
        };
        match target {
            Some(line) => {
                let n = lines.iter().position(|&l| l == line).map_or(0, |p| p + 1);
                let total = lines.len();
                r.mark_line = Some(line);
                r.scroll = line
                    .saturating_sub(CONTEXT)
                    .min(max_scroll(r.doc.lines.len(), rows));
                self.say(Level::Info, format!("{name} {n} of {total}"));
            }
            None if lines.is_empty() => self.say(Level::Info, format!("no {name} in this article")),
            None => {
                let dir = if forward { "after" } else { "before" };
                self.say(Level::Info, format!("no {name} {dir} this point"));
            }
        }
    }

    /// Scrolls so that the key point with this location is in view.
    pub(crate) fn jump_to_point(&mut self, point: usize) {
        let Some(r) = self.reader.as_ref() else {
            return;
        };
        let Some(a) = self.briefing.articles.get(r.article) else {
            return;
        };
        let Some(loc) = a.key_points.get(point).and_then(|k| k.location) else {
            return;
        };
        let line = r
            .doc
            .point_locations
            .iter()
            .position(|l| *l == loc)
            .map(|i| r.doc.key_points[i]);
        let rows = self.view.reader_rows;
        if let (Some(line), Some(r)) = (line, self.reader.as_mut()) {
            r.mark_line = Some(line);
            r.scroll = line
                .saturating_sub(CONTEXT)
                .min(max_scroll(r.doc.lines.len(), rows));
        }
    }

    pub(crate) fn set_search(&mut self, query: String) {
        if let Some(r) = self.reader.as_mut() {
            r.search = query;
        }
        self.rewrap_reader();
    }
}

fn max_scroll(lines: usize, rows: u16) -> usize {
    lines.saturating_sub(usize::from(rows.max(1)))
}
