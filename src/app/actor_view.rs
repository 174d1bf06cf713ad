//! The actor overlay (`i`): everything the briefing knows about one actor — kind,
//! mentions, other names, roles, quotes — and the articles that name them, one of which
//! is selected; Enter reads it from the actor's first mention. Opened from the sidebar
//! (the selected actor), the reader (the followed actor) or any pane while an actor is
//! linked. Lines are laid out here, at the overlay's width, so scrolling is exact.

use super::help::{push_wrapped, HelpLine, LineKind};
use super::reader::Landmark;
use super::{AppState, Level, Mode, Pane};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorView {
    /// Index into `briefing.actors`.
    pub actor: usize,
    /// The articles naming the actor (indices into `briefing.articles`), in order.
    pub articles: Vec<usize>,
    /// Position of the selected article in `articles`.
    pub selected: usize,
    /// First line shown.
    pub scroll: usize,
    /// The mode to return to.
    pub back: Mode,
}

impl AppState {
    /// `i`: the overlay for the actor the context means.
    pub(crate) fn open_actor_view(&mut self) {
        if self.mode == Mode::Actor {
            self.close_actor_view();
            return;
        }
        let actor = match self.mode {
            Mode::Reader => self.focus_actor(),
            Mode::Normal if self.focus == Pane::Actors => self.selected(Pane::Actors),
            Mode::Normal => self.linked_actor,
            _ => return,
        };
        let Some(actor) = actor.filter(|&a| a < self.briefing.actors.len()) else {
            let hint = if self.mode == Mode::Reader {
                format!(
                    "no actor followed ({} picks one)",
                    self.key_for(crate::action::Action::FollowNextActor)
                )
            } else {
                "select an actor in the sidebar first (3)".to_string()
            };
            self.say(Level::Info, hint);
            return;
        };
        let ids = &self.briefing.actors[actor].articles;
        let articles = self
            .briefing
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| ids.contains(&a.id))
            .map(|(i, _)| i)
            .collect();
        self.actor_view = Some(ActorView {
            actor,
            articles,
            selected: 0,
            scroll: 0,
            back: self.mode,
        });
        self.mode = Mode::Actor;
    }

    pub(crate) fn close_actor_view(&mut self) {
        if let Some(v) = self.actor_view.take() {
            self.mode = v.back;
        }
    }

    /// Moves the article selection, scrolling to keep it in view (and the actor's
    /// details when the first article is selected).
    pub(crate) fn step_actor_view(&mut self, delta: isize) {
        let lines = self.actor_lines();
        let rows = usize::from(self.view.overlay_rows.max(1));
        let Some(v) = self.actor_view.as_mut() else {
            return;
        };
        let n = v.articles.len();
        if n == 0 {
            let max = lines.len().saturating_sub(rows) as isize;
            v.scroll = (v.scroll as isize).saturating_add(delta).clamp(0, max) as usize;
            return;
        }
        v.selected = (v.selected as isize)
            .saturating_add(delta)
            .clamp(0, n as isize - 1) as usize;
        let at = lines
            .iter()
            .position(|l| l.kind == LineKind::Article(v.selected))
            .unwrap_or(0);
        if v.selected == 0 {
            v.scroll = 0;
        }
        if at < v.scroll {
            v.scroll = at;
        } else if at >= v.scroll + rows {
            v.scroll = at + 1 - rows;
        }
    }

    /// Enter in the overlay: the selected article in the reader, at the first mention.
    pub(crate) fn open_from_actor_view(&mut self) {
        let Some(v) = self.actor_view.take() else {
            return;
        };
        let Some(&article) = v.articles.get(v.selected) else {
            self.mode = v.back;
            return;
        };
        self.mode = Mode::Normal;
        self.open_reader(article);
        if let Some(r) = self.reader.as_mut() {
            r.follow = Some(v.actor);
        }
        self.rewrap_reader();
        self.jump_to_first(Landmark::Mention);
    }

    /// The overlay's lines at its width.
    pub fn actor_lines(&self) -> Vec<HelpLine> {
        let mut out = Vec::new();
        let Some(v) = self.actor_view.as_ref() else {
            return out;
        };
        let Some(a) = self.briefing.actors.get(v.actor) else {
            return out;
        };
        let w = usize::from(self.view.overlay_cols).max(20);
        let words = super::wording::count;
        push_wrapped(&mut out, LineKind::Heading, "", &a.name, w);
        let kind = match a.kind {
            crate::model::ActorKind::Person => "person",
            crate::model::ActorKind::Organization => "organisation",
            crate::model::ActorKind::Place => "place",
        };
        let facts = format!(
            "{kind} · {} · named in {}",
            words(a.mentions, "mention"),
            words(v.articles.len(), "article")
        );
        push_wrapped(&mut out, LineKind::Dim, "", &facts, w);
        if !a.aliases.is_empty() {
            let aka = format!("also written {}", a.aliases.join(", "));
            push_wrapped(&mut out, LineKind::Text, "", &aka, w);
        }
        if !a.roles.is_empty() {
            push_wrapped(&mut out, LineKind::Heading, "", "roles", w);
            for r in &a.roles {
                push_wrapped(&mut out, LineKind::Text, "", r, w);
            }
        }
        if !a.quotes.is_empty() {
            let head = format!("quotes ({})", a.quotes.len());
            push_wrapped(&mut out, LineKind::Heading, "", &head, w);
            for q in &a.quotes {
                let from = self
                    .briefing
                    .articles
                    .iter()
                    .find(|x| x.id == q.article)
                    .map_or(q.article.as_str(), |x| x.title.as_str());
                push_wrapped(&mut out, LineKind::Text, "", &format!("“{}”", q.text), w);
                push_wrapped(&mut out, LineKind::Dim, "", &format!("  — {from}"), w);
            }
        }
        let head = format!(
            "articles ({}; Enter reads one from the first mention)",
            v.articles.len()
        );
        push_wrapped(&mut out, LineKind::Heading, "", &head, w);
        for (pos, &i) in v.articles.iter().enumerate() {
            if let Some(art) = self.briefing.articles.get(i) {
                let text = super::text::sanitize(&art.title).into_owned();
                let range = 0..text.len();
                out.push(HelpLine {
                    kind: LineKind::Article(pos),
                    keys: String::new(),
                    text,
                    range,
                });
            }
        }
        out
    }
}
