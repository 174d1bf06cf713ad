//! The Markdown briefing memo: a header, the merged key points table with its sources,
//! the actors with roles and quotes, then every article with its metadata and structure.
//!
//! Each part is a small function appending to one `String`; tables go through
//! [`md_table`] so cells are escaped the same way everywhere.

use crate::model::{Article, Block, Briefing, MergedPoint};
use std::fmt::Write;

/// Renders the memo.
pub fn render(b: &Briefing) -> String {
    let mut out = String::new();
    header(&mut out, b);
    key_points(&mut out, b);
    actors(&mut out, b);
    out.push_str("## Articles\n\n");
    for a in &b.articles {
        article(&mut out, a);
    }
    if !b.warnings.is_empty() {
        out.push_str("## Files not read\n\n");
        for w in &b.warnings {
            let _ = writeln!(out, "- {}", inline(w));
        }
        out.push('\n');
    }
    out
}

fn header(out: &mut String, b: &Briefing) {
    out.push_str("# Briefing\n\n");
    let mut sources: Vec<&str> = b
        .articles
        .iter()
        .filter_map(|a| a.source.as_deref())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let mut dates: Vec<&str> = b
        .articles
        .iter()
        .filter_map(|a| a.published.as_deref())
        .collect();
    dates.sort_unstable();
    let _ = write!(
        out,
        "{} {}",
        b.articles.len(),
        plural(b.articles.len(), "article")
    );
    if !sources.is_empty() {
        let _ = write!(out, " from {}", inline(&sources.join(", ")));
    }
    if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
        if first == last {
            let _ = write!(out, ", published {first}");
        } else {
            let _ = write!(out, ", published {first} to {last}");
        }
    }
    let _ = writeln!(
        out,
        "; {} {}.\n",
        b.actors.len(),
        plural(b.actors.len(), "actor")
    );
}

fn key_points(out: &mut String, b: &Briefing) {
    out.push_str("## Key points\n\n");
    if b.merged_points.is_empty() {
        out.push_str("_No key points in this view._\n\n");
        return;
    }
    let rows: Vec<Vec<String>> = b
        .merged_points
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                (i + 1).to_string(),
                m.text.clone(),
                sources_cell(b, m),
                m.actors.join(", "),
            ]
        })
        .collect();
    let header = ["#", "Key point", "Sources", "Actors"].map(String::from);
    md_table(out, &header, &rows);
}

/// "3 sources", or the one article's title when a point has a single source.
fn sources_cell(b: &Briefing, m: &MergedPoint) -> String {
    match m.source_count() {
        1 => m
            .members
            .first()
            .and_then(|(ai, _)| b.articles.get(*ai))
            .map(|a| a.source.clone().unwrap_or_else(|| a.title.clone()))
            .unwrap_or_else(|| "1 source".to_string()),
        n => format!("{n} sources"),
    }
}

fn actors(out: &mut String, b: &Briefing) {
    out.push_str("## Actors\n\n");
    if b.actors.is_empty() {
        out.push_str("_No actors in this view._\n\n");
        return;
    }
    for a in &b.actors {
        let _ = write!(
            out,
            "- **{}** ({}, {} {})",
            inline(&a.name),
            a.kind.as_str(),
            a.mentions,
            plural(a.mentions, "mention")
        );
        if !a.roles.is_empty() {
            let _ = write!(out, ": {}", inline(&a.roles.join("; ")));
        }
        if !a.aliases.is_empty() {
            let _ = write!(out, ". Also: {}", inline(&a.aliases.join(", ")));
        }
        out.push('\n');
        for q in &a.quotes {
            let title = b
                .articles
                .iter()
                .find(|x| x.id == q.article)
                .map_or(q.article.as_str(), |x| x.title.as_str());
            let _ = writeln!(out, "  > “{}” — _{}_", inline(&q.text), inline(title));
        }
    }
    out.push('\n');
}

fn article(out: &mut String, a: &Article) {
    let _ = writeln!(out, "### {}\n", inline(&a.title));
    let meta = [
        ("Source", a.source.as_deref()),
        ("Published", a.published.as_deref()),
        ("By", a.byline.as_deref()),
        ("Category", a.category.as_deref()),
        ("URL", a.url.as_deref()),
        ("File", Some(a.path.as_str())),
    ];
    for (label, value) in meta {
        if let Some(v) = value {
            let _ = writeln!(out, "- {label}: {}", inline(v));
        }
    }
    out.push('\n');
    if !a.key_points.is_empty() {
        out.push_str("**Key points**\n\n");
        for kp in &a.key_points {
            let _ = writeln!(out, "- {}", inline(&kp.text));
        }
        out.push('\n');
    }
    for s in &a.sections {
        if let Some(h) = &s.heading {
            let _ = writeln!(out, "#### {}\n", inline(h));
        }
        for block in &s.blocks {
            match block {
                Block::Paragraph { text } => {
                    let _ = writeln!(out, "{}\n", inline(text));
                }
                Block::Quote { text } => {
                    let _ = writeln!(out, "> {}\n", inline(text));
                }
                Block::Bullets { items } => {
                    for item in items {
                        let depth = (item.len() - item.trim_start().len()) / 2;
                        let _ = writeln!(out, "{}- {}", "  ".repeat(depth), inline(item.trim()));
                    }
                    out.push('\n');
                }
                Block::Table(t) => md_table(out, &t.header, &t.rows),
            }
        }
    }
    if !a.warnings.is_empty() {
        let _ = writeln!(out, "_Warnings: {}_\n", inline(&a.warnings.join("; ")));
    }
}

/// A GFM table; rows are padded to the widest row so ragged tables still render.
pub fn md_table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let width = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    if width == 0 {
        return;
    }
    let line = |cells: &[String]| {
        let mut s = String::from("|");
        for i in 0..width {
            let cell = cells.get(i).map_or(String::new(), |c| cell(c));
            let _ = write!(s, " {cell} |");
        }
        s.push('\n');
        s
    };
    out.push_str(&line(header));
    out.push('|');
    out.push_str(&" --- |".repeat(width));
    out.push('\n');
    for r in rows {
        out.push_str(&line(r));
    }
    out.push('\n');
}

fn cell(s: &str) -> String {
    inline(s).replace('|', "\\|")
}

/// One line of text: newlines would break lists and tables.
fn inline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
