//! What the top of a scraped article says about it: title, outlet, byline, date, category,
//! URL. [`scan`] reads the head (the lines before the first paragraph of prose), takes
//! what each metadata line tells and marks it [`Role::Removed`], so the line is kept
//! aside rather than shown. `Category:` lines count anywhere; a `Document Date:` (a crawl
//! date) never becomes the publication date.

use super::lines::{Kind, Line};
use super::title::{clean_headline, is_headline, split_source};
use super::words::{ends_sentence, is_capitalised, is_month};
use super::{dates, tables, Role};

/// Metadata lines are looked for among this many non-blank lines at the top.
const HEAD_LINES: usize = 20;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub category: Option<String>,
    pub url: Option<String>,
}

/// Reads the metadata and assigns roles to the lines it consumed.
pub fn scan(lines: &[Line], roles: &mut [Role]) -> Meta {
    let mut meta = Meta::default();
    for (line, role) in lines.iter().zip(roles.iter_mut()) {
        if let Some(value) = labelled(&line.text, &["category", "categories", "section"]) {
            meta.category = meta.category.take().or_else(|| clean_category(value));
            *role = Role::Removed;
        }
    }
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && roles[i] == Role::Body)
        .take(HEAD_LINES)
        .collect();
    // Wire copy writes its headline as a sentence ("Jones Medical completes
    // acquisition.") and puts a dateline under it: that pair is a headline.
    if let [first, second, ..] = candidates[..] {
        let text = &lines[first].text;
        let short = (2..=16).contains(&lines[first].words().count());
        let marked =
            dateline(&lines[second].text).is_some() || byline(&lines[second].text).is_some();
        if short && marked && ends_sentence(text) && is_capitalised(text) && !is_headline(text) {
            meta.title = Some(text.trim_end_matches('.').to_string());
            roles[first] = Role::Title;
        }
    }
    let head = candidates
        .iter()
        .copied()
        .filter(|&i| roles[i] == Role::Body)
        .take_while(|&i| !is_prose(&lines[i]))
        .collect::<Vec<_>>();
    for (n, i) in head.into_iter().enumerate() {
        if meta.title.is_none() && starts_table(&lines[i..]) {
            break;
        }
        roles[i] = read_line(&lines[i].text, n == 0, &mut meta);
    }
    meta
}

fn starts_table(lines: &[Line]) -> bool {
    let run = lines.iter().take_while(|l| l.kind == Kind::Text).count();
    run >= 3 && tables::starts_here(&lines[..run])
}

/// The first line of prose ends the head (a wire headline in capitals is not prose).
fn is_prose(line: &Line) -> bool {
    line.kind == Kind::Bullet
        || (line.kind == Kind::Text
            && line.words().count() >= 8
            && (ends_sentence(&line.text) || line.text.ends_with(':'))
            && !is_headline(&line.text))
}

fn read_line(text: &str, first: bool, meta: &mut Meta) -> Role {
    if first && meta.title.is_none() && is_section_word(text) {
        meta.category = meta.category.take().or_else(|| Some(text.to_string()));
        return Role::Removed;
    }
    if let Some(value) = labelled(
        text,
        &["published", "posted", "published on", "posted on", "date"],
    ) {
        if let Some(date) = dates::normalize(value) {
            meta.published.get_or_insert(date);
            return Role::Removed;
        }
    }
    if let Some(value) = labelled(text, &["updated", "last updated", "modified"]) {
        if dates::normalize(value).is_some() {
            return Role::Removed;
        }
    }
    if let Some(date) = bare_date(text) {
        meta.published.get_or_insert(date);
        return Role::Removed;
    }
    if let Some(date) = dateline(text) {
        meta.published.get_or_insert(date);
        return Role::Dateline;
    }
    if let Some(name) = byline(text) {
        meta.byline.get_or_insert(name);
        return Role::Removed;
    }
    if let Some(url) = url_line(text) {
        meta.url.get_or_insert(url);
        return Role::Removed;
    }
    if let Some(value) = labelled(text, &["source", "outlet", "publisher"]) {
        if !value.is_empty() && value.split(' ').count() <= 6 {
            meta.source.get_or_insert(value.to_string());
            return Role::Removed;
        }
    }
    if is_domain(text) {
        meta.source.get_or_insert(text.to_string());
        return Role::Removed;
    }
    if let Some((headline, outlet)) = split_source(text) {
        meta.source.get_or_insert(outlet.to_string());
        if meta.title.is_none() {
            meta.title = Some(headline.to_string());
            return Role::Title;
        }
        return Role::Removed;
    }
    if meta.title.is_none() && is_headline(text) {
        meta.title = Some(clean_headline(text));
        return Role::Title;
    }
    Role::Body
}

/// `Label: value` / `Label on value` with one of the labels (case-insensitive).
fn labelled<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|label| {
        let head = text.get(..label.len())?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        let rest = &text[label.len()..];
        let value = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix(" :"))
            .or_else(|| {
                // "Published on …", "Updated 8 Dec …": date labels also go without a colon.
                const SPACED: &[&str] = &["published", "posted", "updated", "last updated"];
                let spaced = label.ends_with(" on") || SPACED.contains(label);
                spaced.then(|| rest.strip_prefix(' ')).flatten()
            })?;
        Some(value.trim())
    })
}

/// "Category: ,English,International - ,Snippets" → "International": languages and
/// site furniture ("Snippets", "Uncategorized") are not what the story is about.
fn clean_category(value: &str) -> Option<String> {
    const NOISE: &[&str] = &[
        "english",
        "french",
        "german",
        "spanish",
        "arabic",
        "russian",
        "ukrainian",
        "en",
        "snippets",
        "uncategorized",
        "uncategorised",
        "news",
        "featured",
        "general",
        "latest",
        "home",
        "all",
        "top stories",
        "blog",
        "posts",
    ];
    let parts: Vec<&str> = value
        .split([',', '|', '/', '>', '»', ';'])
        .flat_map(|p| p.split(" - "))
        .map(|p| p.trim().trim_matches(['-', '–']).trim())
        .filter(|p| !p.is_empty())
        .collect();
    let kept: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|p| !NOISE.contains(&p.to_lowercase().as_str()))
        .collect();
    let chosen = if kept.is_empty() { parts } else { kept };
    (!chosen.is_empty()).then(|| chosen.join(", "))
}

/// A lone section word on the first line ("Politics", "World News").
fn is_section_word(text: &str) -> bool {
    const SECTIONS: &[&str] = &[
        "politics",
        "world",
        "world news",
        "business",
        "economy",
        "economics",
        "markets",
        "finance",
        "money",
        "sport",
        "sports",
        "tech",
        "technology",
        "science",
        "health",
        "entertainment",
        "culture",
        "arts",
        "opinion",
        "news",
        "uk",
        "us",
        "europe",
        "international",
        "environment",
        "climate",
        "education",
        "lifestyle",
        "travel",
        "media",
        "local",
        "national",
        "breaking news",
        "defence",
        "defense",
        "security",
        "diplomacy",
        "war",
        "conflict",
        "analysis",
        "commentary",
        "middle east",
        "asia",
        "africa",
        "americas",
        "uk news",
        "us news",
        "europe news",
        "ukraine",
        "russia",
    ];
    SECTIONS.contains(&text.trim_end_matches(['.', ':']).to_lowercase().as_str())
}

/// A line that is only a date ("December 8, 2025", "Mon 8 Dec 2025 10.00 GMT").
fn bare_date(text: &str) -> Option<String> {
    let words = text.split(' ').count();
    if words > 8 || text.chars().filter(|c| c.is_alphabetic()).count() > 30 {
        return None;
    }
    let date = dates::normalize(text)?;
    // Every word must be part of the date, a weekday, a time or a zone: "LONDON
    // 1996-08-30" is a dateline, not a date line.
    const OTHER: &[&str] = &[
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "am",
        "pm",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "est",
        "edt",
        "pst",
        "pdt",
        "et",
        "pt",
        "on",
        "at",
        "of",
        "th",
        "st",
        "nd",
        "rd",
    ];
    let dateish = text.split(' ').all(|w| {
        let w = w.trim_matches([',', '.', '(', ')']);
        let lower = w.to_lowercase();
        w.is_empty()
            || w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '-' | '/' | '+'))
            || is_month(w)
            || OTHER.contains(&lower.as_str())
            || lower.trim_start_matches(|c: char| c.is_ascii_digit()).len() <= 2
                && w.starts_with(|c: char| c.is_ascii_digit())
    });
    dateish.then_some(date)
}

/// A wire dateline: "LONDON 1996-08-30", "KYIV, Dec 8 2025".
fn dateline(text: &str) -> Option<String> {
    let place: String = text
        .split([' ', ','])
        .take_while(|w| w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_lowercase()))
        .collect::<Vec<_>>()
        .join(" ");
    if place.is_empty() || text.split(' ').count() > 8 {
        return None;
    }
    let date = dates::normalize(&text[place.len()..])?;
    Some(date)
}

/// "By Staff, Agencies" → "Staff, Agencies"; "Written by Jane Doe and John Roe".
fn byline(text: &str) -> Option<String> {
    let rest = [
        "By ",
        "BY ",
        "Written by ",
        "Words by ",
        "Author: ",
        "Authors: ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p))?
    .trim();
    let names = rest.split(['|', '•']).next().unwrap_or(rest).trim();
    let words: Vec<&str> = names.split(' ').filter(|w| !w.is_empty()).collect();
    let ok = (1..=10).contains(&words.len())
        && words
            .iter()
            .all(|w| is_capitalised(w) || matches!(*w, "and" | "&" | "de" | "van" | "von" | "al"))
        && !ends_sentence(names);
    ok.then(|| names.trim_end_matches(',').to_string())
}

fn url_line(text: &str) -> Option<String> {
    let value = labelled(text, &["url", "source url", "original url", "link"]).unwrap_or(text);
    let ok =
        (value.starts_with("https://") || value.starts_with("http://")) && !value.contains(' ');
    ok.then(|| value.to_string())
}

/// "rki.news", "www.bbc.co.uk": a bare outlet domain.
fn is_domain(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() >= 2
        && text.len() <= 60
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && parts
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_line_shapes() {
        assert_eq!(
            byline("By Staff, Agencies").as_deref(),
            Some("Staff, Agencies")
        );
        assert_eq!(byline("By contrast, prices fell."), None);
        assert_eq!(dateline("LONDON 1996-08-30").as_deref(), Some("1996-08-30"));
        assert_eq!(dateline("Talks 1996-08-30"), None);
        assert_eq!(
            bare_date("Mon 8 Dec 2025 10.00 GMT").as_deref(),
            Some("2025-12-08")
        );
        assert!(is_domain("rki.news") && is_domain("www.bbc.co.uk"));
        assert!(!is_domain("U.S.") && !is_domain("3.5") && !is_domain("end."));
        assert_eq!(
            clean_category(",English,International - ,Snippets").as_deref(),
            Some("International")
        );
        assert_eq!(
            labelled("Published on December 8, 2025", &["published on"]),
            Some("December 8, 2025")
        );
        assert_eq!(labelled("Publishers agree", &["published"]), None);
    }
}
