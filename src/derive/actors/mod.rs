//! Actors: people, organisations and places, with aliases, roles and quotes.
//!
//! [`extract`] runs in four steps over the whole briefing, so spellings merge across
//! articles:
//! 1. [`candidates`] reads each text of each article (title, headings, paragraphs, list
//!    items, quotes, table cells; never `removed` boilerplate or a byline) into name
//!    mentions, using [`tokens`] for words and [`lexicon`] for the shipped word lists;
//!    [`roles`] reads the title run or appositive around each person's name;
//!    [`kinds`] weighs the words around each name as evidence of its kind;
//! 2. [`merge`] folds the mentions into actors (aliases, kind, canonical name), with
//!    [`names`] deciding when two spellings are one person; [`ordinary`] then drops
//!    "names" the briefing also writes in lower case;
//! 3. an [`ActorMatcher`] over every name and alias counts mentions per actor and the
//!    articles they appear in;
//! 4. [`quotes`] finds direct quotes and attributes them to the named person, or for
//!    "he said" to the nearest person named before.

mod candidates;
mod kinds;
mod lexicon;
mod matcher;
mod merge;
mod names;
mod ordinary;
mod quotes;
mod roles;
mod tokens;

pub use matcher::ActorMatcher;

use crate::model::{Actor, ActorKind, Article, Block, Quote};

/// Finds the actors of a whole briefing, most mentioned first.
pub fn extract(articles: &[Article]) -> Vec<Actor> {
    let mut found = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        for text in texts(article) {
            if !looks_like_byline(text) {
                found.extend(candidates::mentions(text).into_iter().map(|m| (i, m)));
            }
        }
    }
    let all_texts: Vec<&str> = articles.iter().flat_map(texts).collect();
    let clusters = ordinary::drop_ordinary_words(merge::merge(found), &all_texts);
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
    let matcher = ActorMatcher::new(&actors);
    let mut seen_in: Vec<Vec<bool>> = vec![vec![false; articles.len()]; actors.len()];
    for (c, seen) in clusters.iter().zip(seen_in.iter_mut()) {
        for &a in &c.articles {
            seen[a] = true;
        }
    }
    for (ai, article) in articles.iter().enumerate() {
        let mut last_person: Option<usize> = None;
        for text in texts(article) {
            let hits = matcher.find(text);
            for (_, i) in &hits {
                actors[*i].mentions += 1;
                seen_in[*i][ai] = true;
            }
            attach_quotes(text, &hits, &mut actors, &article.id, &mut last_person);
        }
    }
    for ((actor, seen), c) in actors.iter_mut().zip(&seen_in).zip(&clusters) {
        actor.mentions = actor.mentions.max(c.spellings.values().sum());
        actor.articles = seen
            .iter()
            .zip(articles)
            .filter(|(s, _)| **s)
            .map(|(_, a)| a.id.clone())
            .collect();
    }
    actors.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    actors
}

/// Attributes the quotes of one text; `last_person` carries the nearest person named so
/// far in the article, for "he said".
fn attach_quotes(
    text: &str,
    hits: &[(std::ops::Range<usize>, usize)],
    actors: &mut [Actor],
    article: &str,
    last_person: &mut Option<usize>,
) {
    let people: Vec<(std::ops::Range<usize>, usize)> = hits
        .iter()
        .filter(|(_, i)| actors[*i].kind == ActorKind::Person)
        .cloned()
        .collect();
    let ranges: Vec<std::ops::Range<usize>> = people.iter().map(|(r, _)| r.clone()).collect();
    for q in quotes::attribute(text, &ranges) {
        let who = match q.speaker {
            quotes::Speaker::Named(k) => people.get(k).map(|(_, i)| *i),
            quotes::Speaker::Pronoun => people
                .iter()
                .rev()
                .find(|(r, _)| r.end <= q.at)
                .map(|(_, i)| *i)
                .or(*last_person),
        };
        if let Some(i) = who {
            let quote = Quote {
                text: q.text,
                article: article.to_string(),
            };
            if !actors[i].quotes.contains(&quote) {
                actors[i].quotes.push(quote);
            }
        }
    }
    if let Some((_, i)) = people.last() {
        *last_person = Some(*i);
    }
}

/// Every text of an article that may name actors, in reading order.
fn texts(article: &Article) -> Vec<&str> {
    let mut out = vec![article.title.as_str()];
    for section in &article.sections {
        out.extend(section.heading.as_deref());
        for block in &section.blocks {
            match block {
                Block::Paragraph { text } | Block::Quote { text } => out.push(text),
                Block::Bullets { items } => out.extend(items.iter().map(String::as_str)),
                Block::Table(t) => {
                    out.extend(t.header.iter().map(String::as_str));
                    out.extend(t.rows.iter().flatten().map(String::as_str));
                }
            }
        }
    }
    out
}

/// "By Staff, Agencies", "By Jane Doe and John Roe": author lines left in the body.
fn looks_like_byline(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("By ") || t.starts_with("by "))
        && t.split_whitespace().count() <= 8
        && !t.ends_with('.')
}
