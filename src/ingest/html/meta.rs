//! Article metadata from an HTML page's head: Open Graph and `article:` meta tags,
//! JSON-LD (`NewsArticle` and friends, as an object, an array or an `@graph`), `<time>`,
//! canonical links and the `<title>`. Each field takes the most specific source first.

use crate::ingest::markdown::collapse;
use crate::ingest::text::dates;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

/// Metadata found in a page; `title` is only the head's opinion (og:title or `<title>`).
#[derive(Debug, Default, PartialEq)]
pub struct Meta {
    pub og_title: Option<String>,
    pub head_title: Option<String>,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub category: Option<String>,
    pub url: Option<String>,
    pub warnings: Vec<String>,
}

/// Metadata of `doc`; `content` (the article body) is where a `<time>` is looked for
/// first, since page headers carry "last updated" and today's date too.
pub fn extract(doc: &Html, content: Option<ElementRef<'_>>) -> Meta {
    let mut warnings = Vec::new();
    let ld = json_ld(doc, &mut warnings);
    let ld_article = ld.iter().find(|v| is_article(v)).or_else(|| ld.first());
    let ld_str = |key: &str| ld_article.and_then(|v| v.get(key)).and_then(text_of);

    let published = meta(doc, &["article:published_time", "og:published_time"])
        .or_else(|| {
            meta(
                doc,
                &[
                    "date",
                    "pubdate",
                    "publish-date",
                    "dc.date",
                    "datePublished",
                ],
            )
        })
        .or_else(|| ld_str("datePublished"))
        .or_else(|| content.and_then(|c| time_in(c)))
        .or_else(|| first_attr(doc, "time[datetime]", "datetime"))
        .and_then(|d| dates::normalize(&d));
    let byline = meta(doc, &["author", "article:author", "dc.creator"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld_article.and_then(|v| v.get("author")).and_then(names_of));
    let source = meta(doc, &["og:site_name", "application-name"]).or_else(|| {
        ld_article
            .and_then(|v| v.get("publisher"))
            .and_then(names_of)
    });
    Meta {
        og_title: meta(doc, &["og:title", "twitter:title"]).or_else(|| ld_str("headline")),
        head_title: first_text(doc, "title").map(|t| strip_site_suffix(&t)),
        source,
        byline,
        published,
        category: meta(doc, &["article:section"]).or_else(|| ld_str("articleSection")),
        url: meta(doc, &["og:url"]).or_else(|| first_attr(doc, "link[rel=canonical]", "href")),
        warnings,
    }
}

/// `<meta property=… content=…>` or `<meta name=… content=…>`, first non-empty match.
fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    let sel = selector("meta[content]")?;
    keys.iter().find_map(|key| {
        doc.select(&sel).find_map(|m| {
            let el = m.value();
            let named = ["property", "name", "itemprop"]
                .iter()
                .any(|a| el.attr(a).is_some_and(|v| v.eq_ignore_ascii_case(key)));
            named
                .then(|| el.attr("content").map(collapse))
                .flatten()
                .filter(|c| !c.is_empty())
        })
    })
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .find_map(|e| e.value().attr(attr).map(collapse).filter(|s| !s.is_empty()))
}

fn time_in(content: ElementRef<'_>) -> Option<String> {
    let sel = selector("time[datetime]")?;
    content.select(&sel).find_map(|t| {
        t.value()
            .attr("datetime")
            .map(collapse)
            .filter(|s| !s.is_empty())
    })
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .map(|e| element_text(&e))
        .find(|t| !t.is_empty())
}

pub fn element_text(e: &ElementRef<'_>) -> String {
    collapse(&e.text().collect::<String>())
}

pub fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// Every JSON-LD object on the page, with `@graph` members and arrays flattened.
fn json_ld(doc: &Html, warnings: &mut Vec<String>) -> Vec<Value> {
    let Some(sel) = selector("script[type=\"application/ld+json\"]") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for script in doc.select(&sel) {
        let raw: String = script.text().collect();
        match serde_json::from_str::<Value>(raw.trim()) {
            Ok(v) => flatten_ld(v, &mut out, 0),
            Err(e) => warnings.push(format!("JSON-LD block could not be read ({e}); ignored")),
        }
    }
    out
}

fn flatten_ld(v: Value, out: &mut Vec<Value>, depth: usize) {
    // Nesting is bounded: a hostile page cannot make us recurse without end.
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items
            .into_iter()
            .for_each(|i| flatten_ld(i, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, out, depth + 1);
            }
            if !map.is_empty() {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

fn is_article(v: &Value) -> bool {
    let article_type = |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "Report";
    match v.get("@type") {
        Some(Value::String(t)) => article_type(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(article_type),
        _ => false,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// `"A"`, `{"name": "A"}` or a list of either, as "A, B".
fn names_of(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(names_of).collect(),
        Value::Object(map) => map.get("name").and_then(text_of).into_iter().collect(),
        other => text_of(other).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

/// "Talks resume | The Daily" → "Talks resume": the last separator, when what follows
/// is short enough to be a site name.
pub fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if !head.trim().is_empty() && tail.split_whitespace().count() <= 4 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Meta {
        extract(&Html::parse_document(html), None)
    }

    #[test]
    fn open_graph_and_article_meta() {
        let m = meta_of(
            r#"<html><head><title>T | Site</title>
            <meta property="og:title" content=" OG  Title ">
            <meta property="og:site_name" content="Daily Wire">
            <meta property="article:published_time" content="2025-12-08T09:00:00+00:00">
            <meta property="article:section" content="World">
            <meta name="author" content="Jo Bloggs">
            <meta property="og:url" content="https://ex.org/a"></head></html>"#,
        );
        assert_eq!(m.og_title.as_deref(), Some("OG Title"));
        assert_eq!(m.head_title.as_deref(), Some("T"));
        assert_eq!(m.source.as_deref(), Some("Daily Wire"));
        assert_eq!(m.published.as_deref(), Some("2025-12-08"));
        assert_eq!(m.category.as_deref(), Some("World"));
        assert_eq!(m.byline.as_deref(), Some("Jo Bloggs"));
        assert_eq!(m.url.as_deref(), Some("https://ex.org/a"));
    }

    #[test]
    fn json_ld_object_array_and_graph() {
        let object = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-02","author":{"@type":"Person","name":"Ann"}}</script>"#;
        let array = r#"<script type="application/ld+json">[{"@type":"WebSite"},{"@type":"Article","datePublished":"2024-02-03","author":["Bo",{"name":"Cy"}]}]</script>"#;
        let graph = r#"<script type="application/ld+json">{"@context":"x","@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"datePublished":"2024-03-04T10:00Z","author":[{"name":"Di"}],"publisher":{"name":"Pub"}}]}</script>"#;
        let cases = [
            (object, "2024-01-02", "Ann"),
            (array, "2024-02-03", "Bo, Cy"),
            (graph, "2024-03-04", "Di"),
        ];
        for (html, date, by) in cases {
            let m = meta_of(html);
            assert_eq!(m.published.as_deref(), Some(date), "{html}");
            assert_eq!(m.byline.as_deref(), Some(by), "{html}");
        }
        assert_eq!(meta_of(graph).source.as_deref(), Some("Pub"));
    }

    #[test]
    fn broken_json_ld_warns_and_time_element_is_the_fallback() {
        let m = meta_of(
            r#"<script type="application/ld+json">{oops</script><p><time datetime="2023-05-06">May 6</time></p>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2023-05-06"));
        assert!(m.warnings[0].contains("JSON-LD"));
    }

    #[test]
    fn time_in_the_content_beats_time_in_the_page_header() {
        let doc = Html::parse_document(
            r#"<header><time datetime="2030-01-01">today</time></header><article><p><time datetime="2024-06-07">June 7</time></p></article>"#,
        );
        let article = selector("article").and_then(|s| doc.select(&s).next());
        assert_eq!(
            extract(&doc, article).published.as_deref(),
            Some("2024-06-07")
        );
        assert_eq!(extract(&doc, None).published.as_deref(), Some("2030-01-01"));
    }

    #[test]
    fn canonical_link_and_url_authors_ignored() {
        let m = meta_of(
            r#"<link rel="canonical" href="https://c.org/x"><meta property="article:author" content="https://fb.com/someone">"#,
        );
        assert_eq!(m.url.as_deref(), Some("https://c.org/x"));
        assert_eq!(m.byline, None);
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(
            strip_site_suffix("Peace talks resume - BBC News"),
            "Peace talks resume"
        );
        assert_eq!(strip_site_suffix("A | B | The Site"), "A | B");
        assert_eq!(
            strip_site_suffix("Left - right and the long road to peace in the region"),
            "Left - right and the long road to peace in the region"
        );
        assert_eq!(strip_site_suffix(" | Site"), "| Site");
    }

    #[test]
    fn deeply_nested_json_ld_is_bounded() {
        let deep = format!(
            "<script type=\"application/ld+json\">{}{}</script>",
            "[".repeat(100),
            "]".repeat(100)
        );
        let m = meta_of(&deep);
        assert_eq!(m.published, None);
    }
}
