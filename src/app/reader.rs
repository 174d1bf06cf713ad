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
    /// The actor whose mentions are underlined and `}`/`{` jump between (index into
    /// `briefing.actors`): the linked actor when the article names them, else the one
    /// picked with `a`.
    pub follow: Option<usize>,
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
        let follow = self
            .linked_actor
            .filter(|&l| self.article_actors(article).contains(&l));
        self.marks.set_read(&hash, true);
        self.marks_version += 1;
        self.reader = Some(Reader {
            article,
            scroll: 0,
            doc: Doc::default(),
            search: String::new(),
            mark_line: None,
            follow,
        });
        self.mode = Mode::Reader;
        self.rewrap_reader();
        // Opened to see where the linked actor appears: start at the first mention.
        if follow.is_some() {
            self.jump_to_first(Landmark::Mention);
        }
    }

    /// The actors an article names (indices into `briefing.actors`), in the article's
    /// own order.
    pub fn article_actors(&self, article: usize) -> Vec<usize> {
        let b = &self.briefing;
        let Some(a) = b.articles.get(article) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = a
            .actors
            .iter()
            .filter_map(|n| b.actors.iter().position(|x| &x.name == n))
            .collect();
        // Derive lists names per article; an actor whose article list names this one
        // counts too (summary files can add actors).
        for (i, x) in b.actors.iter().enumerate() {
            if !out.contains(&i) && x.articles.contains(&a.id) {
                out.push(i);
            }
        }
        out
    }

    /// `a`/`A` in the reader: follow the next (or previous) actor of the article.
    pub(crate) fn follow_next(&mut self, dir: isize) {
        let Some(r) = self.reader.as_ref() else {
            return;
        };
        let actors = self.article_actors(r.article);
        if actors.is_empty() {
            self.say(Level::Info, "this article names no actor");
            return;
        }
        let n = actors.len() as isize;
        let at = r
            .follow
            .and_then(|f| actors.iter().position(|&a| a == f))
            .map_or(if dir > 0 { -1 } else { 0 }, |p| p as isize);
        let pick = (at + dir).rem_euclid(n) as usize;
        if let Some(r) = self.reader.as_mut() {
            r.follow = Some(actors[pick]);
        }
        self.rewrap_reader();
        let name = self.briefing.actors[actors[pick]].name.clone();
        let mentions = self.reader.as_ref().map_or(0, |r| r.doc.mentions.len());
        let next = self.key_for(crate::action::Action::NextMention);
        self.say(
            Level::Info,
            format!(
                "following {name} ({} of {n}): {} here, {next} jumps",
                pick + 1,
                super::wording::count(mentions, "line")
            ),
        );
    }

    /// Scrolls to the first landmark of a kind, when there is one.
    pub(crate) fn jump_to_first(&mut self, what: Landmark) {
        if let Some(r) = self.reader.as_mut() {
            r.mark_line = None;
            r.scroll = 0;
        }
        let first = self.reader.as_ref().and_then(|r| {
            let lines = match what {
                Landmark::KeyPoint => &r.doc.key_points,
                Landmark::Mention => &r.doc.mentions,
                Landmark::Match => &r.doc.matches,
            };
            lines.first().copied()
        });
        if let Some(line) = first {
            let rows = self.view.reader_rows;
            if let Some(r) = self.reader.as_mut() {
                r.mark_line = Some(line);
                r.scroll = line
                    .saturating_sub(CONTEXT)
                    .min(max_scroll(r.doc.lines.len(), rows));
            }
        }
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

    /// Jumps to the next (`forward`) or previous landmark of a kind; search matches
    /// wrap around the ends.
    pub(crate) fn jump(&mut self, what: Landmark, forward: bool) {
        if what == Landmark::Mention && self.focus_actor().is_none() && self.reader.is_some() {
            // Nobody followed yet: follow the article's first actor, then jump.
            self.follow_next(1);
            if self.focus_actor().is_none() {
                return;
            }
        }
        let rows = self.view.reader_rows;
        let follow_name = self
            .focus_actor()
            .and_then(|a| self.briefing.actors.get(a))
            .map(|a| a.name.clone());
        let Some(r) = self.reader.as_mut() else {
            return;
        };
        let lines = match what {
            Landmark::KeyPoint => &r.doc.key_points,
            Landmark::Mention => &r.doc.mentions,
            Landmark::Match => &r.doc.matches,
        };
        let here = r.mark_line.unwrap_or(r.scroll + CONTEXT);
        let mut target = if forward {
            lines.iter().copied().find(|&l| l > here)
        } else {
            lines.iter().copied().rev().find(|&l| l < here)
        };
        // Search wraps as in less and vim; key points and mentions say they ended.
        let wrapped = target.is_none() && what == Landmark::Match && !lines.is_empty();
        if wrapped {
            target = if forward {
                lines.first().copied()
            } else {
                lines.last().copied()
            };
        }
        let name = match what {
            Landmark::KeyPoint => "key point".to_string(),
            Landmark::Mention => match &follow_name {
                Some(n) => format!("mention of {n}"),
                None => "mention".to_string(),
            },
            Landmark::Match => "match".to_string(),
        };
        match target {
            Some(line) => {
                let n = lines.iter().position(|&l| l == line).map_or(0, |p| p + 1);
                let total = lines.len();
                r.mark_line = Some(line);
                r.scroll = line
                    .saturating_sub(CONTEXT)
                    .min(max_scroll(r.doc.lines.len(), rows));
                let mut text = format!("{name} {n} of {total}");
                if wrapped {
                    text.push_str(if forward {
                        " (search wrapped to the top)"
                    } else {
                        " (search wrapped to the bottom)"
                    });
                }
                self.say(Level::Info, text);
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
