//! Page furniture: the elements of a news page that are not the article (navigation,
//! share bars, related links, newsletters, comments, adverts, cookie banners), known by
//! tag, ARIA role, `hidden`, or the words in their class and id.

use scraper::ElementRef;

const DROP_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "iframe",
    "template", "svg", "button", "select", "input", "textarea", "dialog", "head", "object",
    "embed", "canvas", "img", "picture", "video", "audio",
];
const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alert",
];
/// Class/id words that mark widgets; whole words only ("commentary" is content).
const JUNK_WORDS: &[&str] = &[
    "ad",
    "ads",
    "comment",
    "comments",
    "consent",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "outbrain",
    "taboola",
    "recommended",
    "signup",
    "paywall",
    "share",
    "sharing",
];
/// Class/id word prefixes that mark widgets ("sharebar", "newsletter-box", "advertisement").
const JUNK_PREFIXES: &[&str] = &[
    "social",
    "newsletter",
    "subscri",
    "advert",
    "cookie",
    "promo",
    "sponsor",
    "sharebar",
    "related",
    "sharetool",
];
/// Whether an element is page furniture rather than article text.
pub fn is_junk(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    if DROP_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if v.attr("role")
        .is_some_and(|r| DROP_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    {
        return true;
    }
    // Sites put page-wide flags on <html>/<body> ("has-ads", "cookie-accepted"): they
    // describe the page, not a widget, so class words only count below them.
    if matches!(v.name(), "html" | "body") {
        return false;
    }
    let names = v.attr("class").into_iter().chain(v.attr("id"));
    names.flat_map(|n| n.split_whitespace()).any(junk_name)
}

fn junk_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| JUNK_WORDS.contains(&w) || JUNK_PREFIXES.iter().any(|p| w.starts_with(p)))
}

#[cfg(test)]
mod tests {
    use super::junk_name;

    #[test]
    fn class_words_not_substrings() {
        for junk in [
            "share",
            "social-links",
            "newsletterBox",
            "ad",
            "ad-slot",
            "related_posts",
            "comments",
            "cookie-consent",
            "promo1",
            "js-subscribe",
        ] {
            assert!(junk_name(junk), "{junk}");
        }
        for content in [
            "commentary",
            "header-title",
            "read-more-body",
            "shareholders-report",
            "adapt",
            "loaded",
            "story",
        ] {
            assert!(!junk_name(content), "{content}");
        }
    }
}
