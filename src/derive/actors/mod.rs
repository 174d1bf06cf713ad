//! Actors: people, organisations and places, with aliases, roles and quotes.
//!
//! [`extract`] runs in four steps over the whole briefing, so spellings merge across
//! articles:
//! 1. [`candidates`] reads each text of each article (title, headings, paragraphs, list
//!    items, quotes, table cells; never `removed` boilerplate or a byline) into name
//!    mentions, using [`tokens`] for words, [`lexicon`] for the curated lists and
//!    [`gazetteer`] for the packaged ones, and the briefing's [`casing`] statistics
//!    (counted over the same tokens first) for words that open a sentence;
//!    [`roles`] reads the title run or appositive around each person's name;
//!    [`kinds`] weighs the words around each name as evidence of its kind;
//! 2. [`merge`] folds the mentions into actors (aliases, kind, canonical name), with
//!    [`names`] deciding when two spellings are one person; [`ordinary`] then drops
//!    "names" the briefing writes in lower case as often, [`unify`] joins designator
//!    and acronym spellings of organisations, and [`surnames`] adds each
//!    person's bare surname as an alias when it is theirs in the briefing;
//! 3. [`count`] runs an [`ActorMatcher`] over every name and alias to count mentions
//!    per actor and the articles they appear in (a shared bare surname goes to the
//!    namesake the article names), and has [`quotes`] attribute direct quotes to the
//!    named person, or for "he said" to the nearest person named before.

mod candidates;
mod casing;
mod count;
mod gazetteer;
mod kinds;
mod lexicon;
mod matcher;
mod merge;
mod names;
mod ordinary;
mod quotes;
mod roles;
mod surnames;
mod tokens;
mod unify;

pub use matcher::ActorMatcher;

use crate::model::{Actor, Article, Block};

/// One text of an article as the name finder reads it.
struct Text<'a> {
    text: &'a str,
    /// A headline, heading or table cell: its capitals say nothing.
    headline: bool,
    toks: Vec<tokens::Token>,
}

/// Finds the actors of a whole briefing, most mentioned first.
pub fn extract(articles: &[Article]) -> Vec<Actor> {
    let read: Vec<Vec<Text>> = articles
        .iter()
        .map(|a| {
            texts(a)
                .into_iter()
                .filter(|(t, _)| !looks_like_byline(t))
                .map(|(text, fragment)| Text {
                    text,
                    headline: fragment || candidates::is_headline(text),
                    toks: tokens::tokenize(text),
                })
                .collect()
        })
        .collect();
    let mut casing = casing::Casing::default();
    for t in read.iter().flatten().filter(|t| !t.headline) {
        casing.add(t.text, &t.toks);
    }
    let mut found = Vec::new();
    for (i, texts) in read.iter().enumerate() {
        for t in texts {
            let m = candidates::mentions(t.text, &t.toks, t.headline, &casing);
            found.extend(m.into_iter().map(|m| (i, m)));
        }
    }
    let merged = unify::unify(merge::merge(found));
    let kept = ordinary::drop_ordinary_words(merged, &casing);
    let mut clusters = surnames::fold_bare_surnames(kept);
    let by_article: Vec<Vec<&str>> = articles
        .iter()
        .map(|a| texts(a).into_iter().map(|(t, _)| t).collect())
        .collect();
    let surnames = surnames::add_surname_aliases(&mut clusters, &by_article, &casing);

    let mut actors: Vec<Actor> = clusters
        .iter()
        .map(|c| {
            let name = c.canonical();
            let aliases = c
                .spellings
                .keys()
                .filter(|s| **s != name)
                .cloned()
                .collect();
            Actor {
                name,
                kind: c.kind(),
                aliases,
                roles: c.roles.clone(),
                ..Actor::default()
            }
        })
        .collect();
    count::mentions_articles_quotes(&mut actors, &clusters, articles, &by_article, &surnames);
    actors.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    actors
}

/// Every text of an article that may name actors, in reading order, each with whether
/// it is a fragment (heading, table cell) whose capitals carry no signal.
fn texts(article: &Article) -> Vec<(&str, bool)> {
    let mut out = vec![(article.title.as_str(), false)];
    for section in &article.sections {
        out.extend(section.heading.as_deref().map(|h| (h, true)));
        for block in &section.blocks {
            match block {
                Block::Paragraph { text } | Block::Quote { text } => out.push((text, false)),
                Block::Bullets { items } => out.extend(items.iter().map(|i| (i.as_str(), false))),
                Block::Table(t) => {
                    let cells = t.header.iter().chain(t.rows.iter().flatten());
                    out.extend(cells.map(|c| (c.as_str(), true)));
                }
            }
        }
    }
    out
}

/// Author lines left in the body: "By Staff, Agencies", "By Jane Doe and John Roe", or a
/// paragraph that is nothing but a name ("Mia Garcia" under a related-posts headline).
fn looks_like_byline(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let by =
        (t.starts_with("By ") || t.starts_with("by ")) && words.len() <= 8 && !t.ends_with('.');
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let alphabetic = |w: &&str| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    let bare_name =
        (2..=3).contains(&words.len()) && words.iter().all(|w| capital(w) && alphabetic(w));
    by || bare_name
}
