//! The shapes of single metadata lines: `Label: value`, bylines, datelines, bare dates,
//! outlet domains, URLs and category lists. Each function reads one line and says what it
//! holds, or `None`; [`super::meta`] decides which lines of the head to ask.

use super::dates;
use super::words::{ends_sentence, is_capitalised, is_month};

/// `Label: value` / `Label on value` with one of the labels (case-insensitive).
pub fn labelled<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
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
pub fn clean_category(value: &str) -> Option<String> {
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
pub fn is_section_word(text: &str) -> bool {
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
pub fn bare_date(text: &str) -> Option<String> {
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
pub fn dateline(text: &str) -> Option<String> {
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
pub fn byline(text: &str) -> Option<String> {
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
    let names = rest.split(['|', '•', '·']).next().unwrap_or(rest).trim();
    let words: Vec<&str> = names.split(' ').filter(|w| !w.is_empty()).collect();
    let ok = (1..=10).contains(&words.len())
        && words
            .iter()
            .all(|w| is_capitalised(w) || matches!(*w, "and" | "&" | "de" | "van" | "von" | "al"))
        && !ends_sentence(names);
    ok.then(|| names.trim_end_matches(',').to_string())
}

pub fn url_line(text: &str) -> Option<String> {
    let value = labelled(text, &["url", "source url", "original url", "link"]).unwrap_or(text);
    let ok =
        (value.starts_with("https://") || value.starts_with("http://")) && !value.contains(' ');
    ok.then(|| value.to_string())
}

/// "rki.news", "www.bbc.co.uk": a bare outlet domain.
pub fn is_domain(text: &str) -> bool {
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
