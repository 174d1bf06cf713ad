//! Page furniture that scraping keeps: share buttons, cookie notices, aggregator counters,
//! "Related posts" blocks with their authors. [`mark`] flags such lines; the parser moves
//! them to `removed`, so they are never shown and names in them never reach the sections
//! (a later stage finds actors there), but nothing is silently lost.

use super::lines::Line;
use super::words::ends_sentence;

/// Which lines are boilerplate, one flag per line.
pub fn mark(lines: &[Line]) -> Vec<bool> {
    let mut flags: Vec<bool> = lines
        .iter()
        .map(|l| !l.is_blank() && is_boilerplate_line(&l.text))
        .collect();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].is_blank() && is_related_marker(&lines[i].text) {
            flags[i] = true;
            let mut j = i + 1;
            // The block lists headlines and author names: short lines, no prose.
            while j < lines.len() && (lines[j].is_blank() || is_listing_line(&lines[j].text)) {
                flags[j] = !lines[j].is_blank();
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    flags
}

fn is_listing_line(text: &str) -> bool {
    let words = text.split(' ').count();
    words <= 20 && !(words >= 8 && ends_sentence(text) && !text.ends_with('?'))
}

/// The heading of a block of links to other stories.
pub fn is_related_marker(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    const MARKERS: &[&str] = &[
        "related posts",
        "related articles",
        "related stories",
        "related news",
        "related content",
        "related",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "recommended stories",
        "more stories",
        "more from this author",
        "more on this story",
        "most read",
        "most popular",
        "popular posts",
        "trending",
        "trending now",
        "latest news",
        "latest stories",
        "also read",
        "see also",
        "read next",
        "up next",
    ];
    let t = normalised(text);
    MARKERS.contains(&t.as_str())
}

/// One line of page furniture.
pub fn is_boilerplate_line(text: &str) -> bool {
    // Furniture is short; the guard also keeps a megabyte-long line from being lowered.
    if text.len() > 400 {
        return false;
    }
    const EXACT: &[&str] = &[
        "share",
        "share this",
        "share this article",
        "share this story",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "email",
        "print",
        "reddit",
        "telegram",
        "copy link",
        "advertisement",
        "sponsored",
        "skip to content",
        "skip to main content",
        "loading",
        "comments",
        "this story does not have any previous versions",
    ];
    const PREFIXES: &[&str] = &[
        "show on website",
        "share on ",
        "share via ",
        "share this ",
        "subscribe to ",
        "subscribe now",
        "sign up for ",
        "sign up to ",
        "follow us",
        "click here",
        "read more",
        "continue reading",
        "read the full ",
        "we use cookies",
        "this site uses cookies",
        "this website uses cookies",
        "accept cookies",
        "accept all cookies",
        "cookie policy",
        "all rights reserved",
        "copyright ©",
        "©",
        "listen to this article",
        "download our app",
        "get the latest ",
        "document date",
        // Photo credits name photographers, who must not become actors.
        "image:",
        "image caption",
        "image source",
        "image copyright",
        "photo:",
        "photo by ",
        "(photo by ",
        "photo credit",
        "photograph:",
        "picture:",
        "credit:",
        "getty images",
    ];
    let t = normalised(text);
    if t.is_empty() {
        return false;
    }
    let short = text.split(' ').count() <= 16;
    EXACT.contains(&t.as_str())
        || (short && PREFIXES.iter().any(|p| t.starts_with(p)))
        || text.contains("](#)")
        || is_counter(text)
        || is_breadcrumb(text)
        || is_reading_time(&t)
}

/// "Sources (19)", "Center (7)", "Lean Left (3)": aggregator counters.
fn is_counter(text: &str) -> bool {
    let Some(open) = text.rfind(" (") else {
        return false;
    };
    let (label, count) = text.split_at(open);
    let count = count.trim_start_matches(" (");
    let Some(digits) = count.strip_suffix(')') else {
        return false;
    };
    const LABELS: &[&str] = &[
        "sources",
        "center",
        "centre",
        "left",
        "right",
        "lean left",
        "lean right",
        "far left",
        "far right",
        "comments",
        "replies",
        "reactions",
        "shares",
        "likes",
        "views",
        "photos",
        "videos",
        "coverage",
        "updates",
        "articles",
        "stories",
        "versions",
        "related",
    ];
    (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && LABELS.contains(&label.trim().to_lowercase().as_str())
}

/// "Home > World > Europe": site navigation.
pub fn is_breadcrumb(text: &str) -> bool {
    let parts = text.split(' ').count();
    let seps =
        text.matches(" > ").count() + text.matches(" › ").count() + text.matches(" » ").count();
    seps >= 2 && parts <= 16
}

/// "5 min read", "3 minute read".
fn is_reading_time(t: &str) -> bool {
    let words: Vec<&str> = t.split(' ').collect();
    words.len() == 3
        && words[0].bytes().all(|b| b.is_ascii_digit())
        && matches!(words[1], "min" | "mins" | "minute" | "minutes")
        && words[2] == "read"
}

/// Lower case, no trailing punctuation or marks, for comparisons.
fn normalised(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', ':', '!', '…', '»', '›', '>', ' '])
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::lines::split;

    #[test]
    fn flags_furniture_lines() {
        for s in [
            "Show on website : [Click Here](#)",
            "Sources (19)",
            "Center (7)",
            "Lean Left (3)",
            "This story does not have any previous versions.",
            "Share this article",
            "Subscribe to our newsletter",
            "We use cookies to improve your experience.",
            "5 min read",
            "Document Date: Thu, Apr 23 2026 02:39:41 pm",
            "Photo: Jane Smith/Getty Images",
            "Image caption: Envoys arrive in Geneva",
            "Home > World > Europe",
        ] {
            assert!(is_boilerplate_line(s), "{s}");
        }
        for s in [
            "Share prices fell sharply on Monday after the announcement.",
            "Sources close to the talks said a deal was near.",
            "Ukraine (1991)",
            "Read the room, the minister told her aides, before she spoke to reporters about it again.",
        ] {
            assert!(!is_boilerplate_line(s), "{s}");
        }
    }

    #[test]
    fn related_block_takes_titles_and_authors_but_stops_at_prose() {
        let text = "Body.\n\nRelated posts\n\nA Headline About Something\n\nJane Doe\n\nAnother One?\nJohn Roe\n\nThe talks resumed on Monday after a long pause, officials in both capitals said.";
        let lines = split(text);
        let flags = mark(&lines);
        let removed: Vec<&str> = lines
            .iter()
            .zip(&flags)
            .filter(|(_, f)| **f)
            .map(|(l, _)| l.text.as_str())
            .collect();
        assert_eq!(
            removed,
            [
                "Related posts",
                "A Headline About Something",
                "Jane Doe",
                "Another One?",
                "John Roe"
            ]
        );
    }
}
