//! The plain text that `y` copies for each kind of selection.
//!
//! Each function turns one model value into text that stands on its own when pasted
//! into a chat or a document: it names its sources, because a key point without them is
//! a rumour. Pure functions over [`crate::model`]; [`super::clipboard::copy`] sends the
//! result.

use crate::model::{Actor, Article, Briefing};

/// Which key point is selected: a briefing-wide merged point or one article's point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointRef {
    /// Index into [`Briefing::merged_points`].
    Merged(usize),
    /// Article index and key point index within it.
    Article { article: usize, point: usize },
}

/// The key point's text, then one line per distinct source article:
///
/// ```text
/// Talks will resume in London on Monday.
///
/// Sources:
/// - KGOU, 2025-12-08: Zelenskyy Heads to London <https://…>
/// ```
///
/// `None` when the reference points nowhere (the briefing was reloaded meanwhile).
pub fn key_point(briefing: &Briefing, point: PointRef) -> Option<String> {
    let (text, mut articles) = match point {
        PointRef::Merged(i) => {
            let merged = briefing.merged_points.get(i)?;
            let ids: Vec<usize> = merged.members.iter().map(|m| m.0).collect();
            (merged.text.as_str(), ids)
        }
        PointRef::Article { article, point } => {
            let kp = briefing.articles.get(article)?.key_points.get(point)?;
            (kp.text.as_str(), vec![article])
        }
    };
    // Members keep the representative first; later duplicates of one article add nothing.
    let mut seen = Vec::new();
    articles.retain(|a| {
        let fresh = !seen.contains(a);
        seen.push(*a);
        fresh
    });
    let sources: Vec<String> = articles
        .iter()
        .filter_map(|&a| briefing.articles.get(a))
        .map(|a| format!("- {}", source_line(a)))
        .collect();
    let mut out = text.trim().to_string();
    if !sources.is_empty() {
        out.push_str(if sources.len() == 1 {
            "\n\nSource:\n"
        } else {
            "\n\nSources:\n"
        });
        out.push_str(&sources.join("\n"));
    }
    Some(out)
}

/// Name and kind, other names, roles, reach, and the first quote:
///
/// ```text
/// Jane Doe (person)
/// Also: J. Doe
/// Roles: Foreign Minister
/// In 3 articles, 12 mentions
/// "We will not sign." (article-id)
/// ```
pub fn actor(actor: &Actor) -> String {
    let mut lines = vec![format!("{} ({})", actor.name.trim(), actor.kind.as_str())];
    if !actor.aliases.is_empty() {
        lines.push(format!("Also: {}", actor.aliases.join(", ")));
    }
    if !actor.roles.is_empty() {
        lines.push(format!("Roles: {}", actor.roles.join("; ")));
    }
    lines.push(format!(
        "In {}, {}",
        plural(actor.articles.len(), "article"),
        plural(actor.mentions, "mention")
    ));
    if let Some(q) = actor.quotes.first() {
        lines.push(format!("\"{}\" ({})", q.text.trim(), q.article));
    }
    lines.join("\n")
}

/// Title, then source and date, then where to read it (URL when known, else the path).
pub fn article(article: &Article) -> String {
    let mut lines = vec![title_of(article).to_string()];
    let meta: Vec<&str> = [article.source.as_deref(), article.published.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !meta.is_empty() {
        lines.push(meta.join(", "));
    }
    lines.push(location(article).to_string());
    lines.join("\n")
}

/// "Source, date: Title <where>", leaving out what the article does not say.
fn source_line(a: &Article) -> String {
    let meta: Vec<&str> = [a.source.as_deref(), a.published.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    let head = if meta.is_empty() {
        String::new()
    } else {
        format!("{}: ", meta.join(", "))
    };
    format!("{head}{} <{}>", title_of(a), location(a))
}

fn title_of(a: &Article) -> &str {
    let t = a.title.trim();
    if t.is_empty() {
        "(untitled)"
    } else {
        t
    }
}

fn location(a: &Article) -> &str {
    match a.url.as_deref().map(str::trim) {
        Some(url) if !url.is_empty() => url,
        _ => &a.path,
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
