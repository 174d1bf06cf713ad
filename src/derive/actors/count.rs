//! Mentions, articles and quotes per actor: one [`ActorMatcher`] pass over each text of
//! each article. An article's hits are collected first, so a bare surname shared by
//! several people ("Blair") goes to the one the article names in full, and only then are
//! mentions counted and quotes attributed, text by text in reading order.

use std::ops::Range;

use super::matcher::ActorMatcher;
use super::merge::Cluster;
use super::quotes;
use super::surnames::Surnames;
use crate::model::{Actor, ActorKind, Article, Quote};

/// Fills `mentions`, `articles` and `quotes` of `actors` (made from `clusters`, same
/// order); `texts` holds every text of each article, by article index.
pub(crate) fn mentions_articles_quotes(
    actors: &mut [Actor],
    clusters: &[Cluster],
    articles: &[Article],
    texts: &[Vec<&str>],
    surnames: &Surnames,
) {
    let matcher = ActorMatcher::new(actors);
    let mut seen_in: Vec<Vec<bool>> = vec![vec![false; articles.len()]; actors.len()];
    for (c, seen) in clusters.iter().zip(seen_in.iter_mut()) {
        for &a in &c.articles {
            seen[a] = true;
        }
    }
    for (ai, (article, texts)) in articles.iter().zip(texts).enumerate() {
        let mut hits: Vec<Vec<(Range<usize>, usize)>> =
            texts.iter().map(|t| matcher.find(t)).collect();
        resolve_surnames(&mut hits, texts, actors, surnames);
        let mut last_person: Option<usize> = None;
        for (text, hits) in texts.iter().zip(&hits) {
            for (_, i) in hits {
                actors[*i].mentions += 1;
                seen_in[*i][ai] = true;
            }
            attach_quotes(text, hits, actors, &article.id, &mut last_person);
        }
    }
    for ((actor, seen), c) in actors.iter_mut().zip(&seen_in).zip(clusters) {
        actor.mentions = actor.mentions.max(c.spellings.values().sum());
        actor.articles = seen
            .iter()
            .zip(articles)
            .filter(|(s, _)| **s)
            .map(|(_, a)| a.id.clone())
            .collect();
    }
}

/// Gives each bare-surname hit of one article to the namesake the article names in full.
fn resolve_surnames(
    hits: &mut [Vec<(Range<usize>, usize)>],
    texts: &[&str],
    actors: &[Actor],
    surnames: &Surnames,
) {
    if surnames.owners.is_empty() {
        return;
    }
    // Actors named here by any spelling but a bare surname alias.
    let mut named: Vec<usize> = Vec::new();
    for (text, hits) in texts.iter().zip(hits.iter()) {
        for (r, i) in hits {
            if !surnames.owners.contains_key(&text[r.clone()]) {
                named.push(*i);
            }
        }
    }
    let named_here = |c: usize| named.contains(&c);
    for (text, hits) in texts.iter().zip(hits.iter_mut()) {
        for (r, i) in hits.iter_mut() {
            let written = &text[r.clone()];
            if actors[*i].name != written && surnames.owners.contains_key(written) {
                *i = surnames.resolve(written, text, r.start, *i, &named_here);
            }
        }
    }
}

/// Attributes the quotes of one text; `last_person` carries the nearest person named so
/// far in the article, for "he said".
fn attach_quotes(
    text: &str,
    hits: &[(Range<usize>, usize)],
    actors: &mut [Actor],
    article: &str,
    last_person: &mut Option<usize>,
) {
    let people: Vec<(Range<usize>, usize)> = hits
        .iter()
        .filter(|(_, i)| actors[*i].kind == ActorKind::Person)
        .cloned()
        .collect();
    let ranges: Vec<Range<usize>> = people.iter().map(|(r, _)| r.clone()).collect();
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
