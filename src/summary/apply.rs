//! Putting supplied summaries into a briefing, in two steps around derivation:
//! [`apply_articles`] before (titles and key points, so derive keeps them) and
//! [`Supplied::merge_into`] after (actors, which derive computes briefing-wide).

use super::load::{ambiguous, load_file};
use super::naming::{Names, Reading};
use super::schema::{SummaryFile, SuppliedActor};
use crate::model::{Actor, Article, Block, Briefing, KeyPoint, Location, SummaryOrigin};
use std::path::{Path, PathBuf};

/// The supplied actors of each article, waiting for the derived actors to exist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Supplied {
    /// (article index, its supplied actors)
    pub actors: Vec<(usize, Vec<SuppliedActor>)>,
}

/// Loads the summary file beside every article and applies it; a malformed file becomes a
/// warning on its article, which keeps the derived summaries.
pub fn apply_articles(articles: &mut [Article]) -> Supplied {
    let mut supplied = Supplied::default();
    let mut names = Names::new();
    for (i, article) in articles.iter_mut().enumerate() {
        let path = article_file(article);
        let loaded = match names.for_reading(&path) {
            Reading::None => continue,
            Reading::File(file) => load_file(&file).map(|f| f.map(|f| (f, file))),
            Reading::Ambiguous { file, others } => Err(ambiguous(&path, &file, &others)),
        };
        match loaded {
            Ok(None) => {}
            Ok(Some((file, at))) => {
                let actors = apply_file(article, file, &at);
                if !actors.is_empty() {
                    supplied.actors.push((i, actors));
                }
            }
            Err(w) => article
                .warnings
                .push(format!("{w}; using derived summaries instead")),
        }
    }
    supplied
}

/// The article's file as the file system names it; its display path when it has none
/// recorded (articles built by hand).
pub fn article_file(article: &Article) -> PathBuf {
    article
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from(&article.path))
}

/// Applies one loaded summary file to its article and returns the supplied actors.
pub fn apply_file(article: &mut Article, file: SummaryFile, path: &Path) -> Vec<SuppliedActor> {
    let stale = !file
        .content_hash
        .eq_ignore_ascii_case(&article.content_hash);
    if stale {
        article.warnings.push(format!(
            "summary file {} was written for another version of this article (content hash differs); it may be stale",
            crate::fsutil::display(path)
        ));
    }
    if let Some(title) = file.title {
        article.title = title;
    }
    if !file.key_points.is_empty() {
        let n = file.key_points.len() as f64;
        article.key_points = file
            .key_points
            .into_iter()
            .enumerate()
            .map(|(rank, p)| KeyPoint {
                location: locate(article, &p.text),
                // Without a score, the order in the file is the ranking.
                score: p.score.unwrap_or(1.0 - rank as f64 / n),
                text: p.text,
                actors: Vec::new(),
            })
            .collect();
    }
    article.summary = SummaryOrigin::Supplied {
        path: crate::fsutil::display(path),
        stale,
    };
    file.actors
}

impl Supplied {
    /// Merges the supplied actors into the derived ones: an actor with a shared name or
    /// alias takes the supplied name, kind, aliases and roles; others are added.
    pub fn merge_into(self, briefing: &mut Briefing) {
        for (idx, actors) in self.actors {
            for sa in actors {
                merge_actor(briefing, idx, sa);
            }
        }
        briefing
            .actors
            .sort_by_key(|a| std::cmp::Reverse(a.mentions));
    }
}

fn merge_actor(briefing: &mut Briefing, idx: usize, sa: SuppliedActor) {
    let Some(article) = briefing.articles.get(idx) else {
        return;
    };
    let article_id = article.id.clone();
    let mentions = sa
        .all_names()
        .map(|n| count_mentions(article, n))
        .max()
        .unwrap_or(0);
    let found = briefing.actors.iter().position(|a| {
        a.all_names()
            .any(|n| sa.all_names().any(|s| s.eq_ignore_ascii_case(n)))
    });
    let name = match found {
        Some(i) => {
            let old = std::mem::take(&mut briefing.actors[i].name);
            let actor = &mut briefing.actors[i];
            actor.kind = sa.kind;
            actor.aliases = sa.aliases.clone();
            // The derived name stays searchable even when the file chose another.
            if !sa.all_names().any(|n| n == old) {
                actor.aliases.push(old.clone());
            }
            if !sa.roles.is_empty() {
                actor.roles = sa.roles.clone();
            }
            actor.name = sa.name.clone();
            if !actor.articles.contains(&article_id) {
                actor.articles.push(article_id);
                actor.mentions += mentions;
            }
            if old != sa.name {
                rename_everywhere(briefing, &old, &sa.name);
            }
            sa.name.clone()
        }
        None => {
            briefing.actors.push(Actor {
                name: sa.name.clone(),
                kind: sa.kind,
                aliases: sa.aliases.clone(),
                roles: sa.roles.clone(),
                articles: vec![article_id],
                mentions,
                quotes: Vec::new(),
            });
            sa.name.clone()
        }
    };
    let article = &mut briefing.articles[idx];
    if !article.actors.contains(&name) {
        article.actors.push(name.clone());
    }
    for kp in &mut article.key_points {
        if !kp.actors.contains(&name) && sa.all_names().any(|n| count_in(&kp.text, n) > 0) {
            kp.actors.push(name.clone());
        }
    }
}

fn rename_everywhere(briefing: &mut Briefing, old: &str, new: &str) {
    let fix = |names: &mut Vec<String>| {
        for n in names.iter_mut() {
            if n == old {
                *n = new.to_string();
            }
        }
        let mut seen = Vec::new();
        names.retain(|n| {
            let fresh = !seen.contains(n);
            seen.push(n.clone());
            fresh
        });
    };
    for a in &mut briefing.articles {
        fix(&mut a.actors);
        a.key_points.iter_mut().for_each(|kp| fix(&mut kp.actors));
    }
    briefing
        .merged_points
        .iter_mut()
        .for_each(|m| fix(&mut m.actors));
}

/// Where `text` reads in the article: a sentence of a paragraph or quote, a bullet, or a
/// table row, compared ignoring case, punctuation and spacing; exact matches win over a
/// point that contains or is contained in a sentence.
pub fn locate(article: &Article, text: &str) -> Option<Location> {
    let want = normalize(text);
    if want.is_empty() {
        return None;
    }
    let units = units(article);
    if let Some((loc, _)) = units.iter().find(|(_, u)| *u == want) {
        return Some(*loc);
    }
    // Containment only for points long enough not to match by accident.
    if want.len() < 20 {
        return None;
    }
    units
        .iter()
        .find(|(_, u)| u.len() >= 20 && (u.contains(&want) || want.contains(u.as_str())))
        .map(|(loc, _)| *loc)
}

fn units(article: &Article) -> Vec<(Location, String)> {
    let mut out = Vec::new();
    for (section, s) in article.sections.iter().enumerate() {
        for (block, b) in s.blocks.iter().enumerate() {
            let at = |sentence| Location {
                section,
                block,
                sentence,
            };
            match b {
                Block::Paragraph { text } | Block::Quote { text } => {
                    for (i, r) in crate::derive::sentences::split(text)
                        .into_iter()
                        .enumerate()
                    {
                        if let Some(sent) = text.get(r) {
                            out.push((at(i), normalize(sent)));
                        }
                    }
                }
                Block::Bullets { items } => {
                    out.extend(items.iter().enumerate().map(|(i, t)| (at(i), normalize(t))));
                }
                Block::Table(t) => {
                    for (i, row) in t.rows.iter().enumerate() {
                        out.push((at(i), normalize(&row.join(" "))));
                    }
                }
            }
        }
    }
    out
}

/// Lowercase words of letters and digits separated by single spaces.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn count_mentions(article: &Article, name: &str) -> usize {
    let title = count_in(&article.title, name);
    let body: usize = article
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| match b {
            Block::Paragraph { text } | Block::Quote { text } => count_in(text, name),
            Block::Bullets { items } => items.iter().map(|t| count_in(t, name)).sum(),
            Block::Table(t) => t.rows.iter().flatten().map(|c| count_in(c, name)).sum(),
        })
        .sum();
    title + body
}

/// Occurrences of `name` in `text` as whole words.
fn count_in(text: &str, name: &str) -> usize {
    if name.is_empty() {
        return 0;
    }
    text.match_indices(name)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}
