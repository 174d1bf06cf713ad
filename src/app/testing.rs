//! Hand-built briefings for tests (unit, render and integration), independent of ingest
//! and derive: articles from a small markup, key points by location, actors by name.
//!
//! Body markup, one block per blank-line-separated chunk: `# Heading` starts a section,
//! `- item` lines are bullets, `> text` is a quote, `| a | b |` lines are a table (first
//! row the header), anything else a paragraph.
#![doc(hidden)]

use super::{AppState, Pane, Viewport};
use crate::derive::actors::ActorMatcher;
use crate::derive::sentences;
use crate::keymap::KeyPress;
use crate::model::*;

#[derive(Debug, Default)]
pub struct Fixture {
    b: Briefing,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture::default()
    }

    pub fn article(mut self, title: &str, source: &str, body: &str) -> Fixture {
        let n = self.b.articles.len();
        self.b.articles.push(Article {
            id: format!("a{n}"),
            path: format!("fixture/{n:03}.txt"),
            content_hash: blake3::hash(format!("{title}\n{body}").as_bytes())
                .to_hex()
                .to_string(),
            title: title.to_string(),
            source: Some(source.to_string()),
            published: Some(format!("2026-01-{:02}", n % 28 + 1)),
            sections: parse_body(body),
            ..Article::default()
        });
        self
    }

    /// Key points of the last article, best first, by (section, block, sentence/item/row).
    pub fn points(mut self, locs: &[(usize, usize, usize)]) -> Fixture {
        if let Some(a) = self.b.articles.last_mut() {
            let total = locs.len().max(1) as f64;
            a.key_points = locs
                .iter()
                .enumerate()
                .filter_map(|(rank, &(s, bl, n))| {
                    let text = unit_text(a, s, bl, n)?;
                    Some(KeyPoint {
                        text,
                        score: 1.0 - rank as f64 / total,
                        actors: Vec::new(),
                        location: Some(Location {
                            section: s,
                            block: bl,
                            sentence: n,
                        }),
                    })
                })
                .collect();
        }
        self
    }

    pub fn actor(mut self, name: &str, kind: ActorKind, aliases: &[&str], role: &str) -> Fixture {
        self.b.actors.push(Actor {
            name: name.to_string(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: if role.is_empty() {
                vec![]
            } else {
                vec![role.to_string()]
            },
            ..Actor::default()
        });
        self
    }

    pub fn warning(mut self, text: &str) -> Fixture {
        if let Some(a) = self.b.articles.last_mut() {
            a.warnings.push(text.to_string());
        }
        self
    }

    /// Fills mentions, article lists, point actors and the merged table.
    pub fn build(mut self) -> Briefing {
        let m = ActorMatcher::new(&self.b.actors);
        for a in &mut self.b.articles {
            let text = all_text(a);
            for (_, i) in m.find(&text) {
                let actor = &mut self.b.actors[i];
                actor.mentions += 1;
                if !actor.articles.contains(&a.id) {
                    actor.articles.push(a.id.clone());
                }
            }
            a.actors = m.names_in(&text);
            for k in &mut a.key_points {
                k.actors = m.names_in(&k.text);
            }
        }
        let mut merged: Vec<MergedPoint> = Vec::new();
        for (ai, a) in self.b.articles.iter().enumerate() {
            for (ki, k) in a.key_points.iter().enumerate() {
                match merged.iter_mut().find(|mp| mp.text == k.text) {
                    Some(mp) => mp.members.push((ai, ki)),
                    None => merged.push(MergedPoint {
                        text: k.text.clone(),
                        score: k.score,
                        actors: k.actors.clone(),
                        members: vec![(ai, ki)],
                    }),
                }
            }
        }
        merged.sort_by(|a, b| b.score.total_cmp(&a.score));
        self.b.merged_points = merged;
        self.b
    }
}

fn parse_body(body: &str) -> Vec<Section> {
    let mut sections = vec![Section::default()];
    for chunk in body.split("\n\n").map(str::trim).filter(|c| !c.is_empty()) {
        if let Some(h) = chunk.strip_prefix("# ") {
            sections.push(Section {
                heading: Some(h.to_string()),
                blocks: vec![],
            });
            continue;
        }
        let lines: Vec<&str> = chunk.lines().map(str::trim).collect();
        let block = if lines.iter().all(|l| l.starts_with("- ")) {
            Block::Bullets {
                items: lines.iter().map(|l| l[2..].to_string()).collect(),
            }
        } else if lines.iter().all(|l| l.starts_with('|')) {
            let mut rows = lines.iter().map(|l| {
                l.trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect::<Vec<_>>()
            });
            let header = rows.next().unwrap_or_default();
            Block::Table(Table {
                header,
                rows: rows.collect(),
            })
        } else if let Some(q) = chunk.strip_prefix("> ") {
            Block::Quote {
                text: q.to_string(),
            }
        } else {
            Block::Paragraph {
                text: lines.join(" "),
            }
        };
        if let Some(s) = sections.last_mut() {
            s.blocks.push(block);
        }
    }
    if sections.len() > 1 && sections[0].blocks.is_empty() {
        sections.remove(0);
    }
    sections
}

fn unit_text(a: &Article, s: usize, bl: usize, n: usize) -> Option<String> {
    match a.sections.get(s)?.blocks.get(bl)? {
        Block::Paragraph { text } | Block::Quote { text } => sentences::split(text)
            .get(n)
            .map(|r| text[r.clone()].to_string()),
        Block::Bullets { items } => items.get(n).cloned(),
        Block::Table(t) => t.rows.get(n).map(|r| r.join(" ")),
    }
}

fn all_text(a: &Article) -> String {
    let mut out = a.title.clone();
    for s in &a.sections {
        out.push('\n');
        out.push_str(s.heading.as_deref().unwrap_or(""));
        for b in &s.blocks {
            out.push('\n');
            match b {
                Block::Paragraph { text } | Block::Quote { text } => out.push_str(text),
                Block::Bullets { items } => out.push_str(&items.join("\n")),
                Block::Table(t) => {
                    for r in std::iter::once(&t.header).chain(&t.rows) {
                        out.push_str(&r.join(" "));
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}

/// An app over `b` with a fixed geometry (10 rows per pane, a 40x8 reader) and the
/// default keymap, so paging in tests does not depend on a terminal.
pub fn app(b: Briefing) -> AppState {
    let mut s = AppState::new(b, crate::config::Config::default().keymap);
    s.resize(Viewport {
        width: 120,
        height: 40,
        pane_rows: 10,
        reader_cols: 40,
        reader_rows: 8,
        ..Viewport::default()
    });
    s
}

/// Presses keys written in the config notation, separated by spaces (`"g g j"`).
///
/// # Panics
/// On a key the notation does not know: a typo in a test must fail it.
pub fn keys(s: &mut AppState, seq: &str) {
    for k in seq.split(' ').filter(|k| !k.is_empty()) {
        match KeyPress::parse(k) {
            Ok(key) => s.handle_key(key),
            Err(e) => panic!("test key sequence {seq:?}: {e}"),
        }
    }
}

/// Types text one character at a time (as into a filter prompt).
pub fn typed(s: &mut AppState, text: &str) {
    for c in text.chars() {
        s.handle_key(KeyPress::plain(c));
    }
}

/// Titles of the article list, in display order.
pub fn titles(s: &AppState) -> Vec<String> {
    s.rows(Pane::List)
        .iter()
        .map(|&i| s.briefing.articles[i].title.clone())
        .collect()
}

/// `n` articles with two key points each; "Ada Quill" appears in every third.
pub fn many(n: usize) -> Briefing {
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

/// A small briefing of three articles and four actors, with every block kind.
pub fn sample() -> Briefing {
    Fixture::new()
        .article(
            "Talks resume in Geneva",
            "Reuters",
            "Envoys from Valmora and Ostrava met in Geneva on Monday. Elena Markova said a deal was close. The talks will continue on Friday.\n\n\
             # Positions\n\n\
             | Actor | Priority |\n| Valmora | Harbour access |\n| Ostrava | Tariff relief |\n\n\
             - Markova wants a ceasefire first\n- Ostrava asks for guarantees",
        )
        .points(&[(0, 0, 1), (1, 0, 0), (0, 0, 0)])
        .actor("Elena Markova", ActorKind::Person, &["Markova"], "Foreign Minister of Valmora")
        .actor("Valmora", ActorKind::Place, &[], "")
        .actor("Ostrava", ActorKind::Place, &[], "")
        .actor("Harbour Authority", ActorKind::Organization, &["the Authority"], "")
        .article(
            "Ostrava signals flexibility",
            "BBC",
            "Ostrava's delegation signalled flexibility on tariffs. Analysts were surprised.\n\n\
             > \"We are ready to move,\" an Ostrava official said.",
        )
        .points(&[(0, 0, 0), (0, 1, 0)])
        .article(
            "Harbour Authority warns of delays",
            "AP",
            "The Harbour Authority warned that shipping would be delayed. Elena Markova said a deal was close.",
        )
        .points(&[(0, 0, 0), (0, 0, 1)])
        .warning("table could not be split into columns; kept as a paragraph")
        .build()
}
