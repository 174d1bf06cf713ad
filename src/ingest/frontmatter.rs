//! Front matter at the top of a Markdown (or text) file: `---` YAML-style `key: value`
//! lines or a `+++` TOML table. [`split`] cuts it off the body and maps the keys static
//! site generators use (title, source/site, date, author(s), category, url) to metadata.

use crate::ingest::text::dates;

/// The metadata a front matter block gave, raw strings except `published`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub category: Option<String>,
    pub url: Option<String>,
    pub warnings: Vec<String>,
}

/// Splits `text` into its front matter (if any) and the body after it.
pub fn split(text: &str) -> (Option<FrontMatter>, &str) {
    let Some((fence, after_open)) = opening(text) else {
        return (None, text);
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end();
        let closes = bare == fence || (fence == "---" && bare == "...");
        if closes {
            let inner = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            let fm = if fence == "+++" {
                toml_block(inner)
            } else {
                yaml_block(inner)
            };
            return (Some(fm), body);
        }
        offset += line.len();
    }
    // An opening fence without a closing one is a thematic break, not front matter.
    (None, text)
}

/// Whether the text starts with a front matter block (for sniffing the format).
pub fn starts_with_front_matter(text: &str) -> bool {
    split(text).0.is_some()
}

fn opening(text: &str) -> Option<(&'static str, &str)> {
    let text = text.trim_start_matches('\u{feff}');
    let first_end = text.find('\n')?;
    let first = text[..first_end].trim_end();
    let fence = match first {
        "---" => "---",
        "+++" => "+++",
        _ => return None,
    };
    Some((fence, &text[first_end + 1..]))
}

#[derive(Default)]
struct Raw {
    pairs: Vec<(String, String)>,
}

impl Raw {
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.pairs
                .iter()
                .find(|(key, v)| key.eq_ignore_ascii_case(k) && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
        })
    }
}

fn yaml_block(inner: &str) -> FrontMatter {
    let mut raw = Raw::default();
    let mut warnings = Vec::new();
    // After `key: |` or `key: >`, indented lines continue that value; after a bare `key:`
    // they do too, unless they are a nested mapping (`  name: Ann`).
    let mut open_block = false;
    let mut bare_key = false;
    for line in inner.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        // `- item` under the previous key: a YAML list, joined into that key's value.
        if let Some(item) = trimmed.strip_prefix("- ") {
            append(&mut raw, &unquote(item), ", ");
            continue;
        }
        if indented && (open_block || (bare_key && !trimmed.contains(':'))) {
            append(&mut raw, trimmed, " ");
            continue;
        }
        match trimmed.split_once(':') {
            Some((k, v)) if !k.trim().is_empty() && !indented => {
                let v = v.trim();
                open_block = v.starts_with(['|', '>']);
                bare_key = v.is_empty();
                let value = if open_block || bare_key {
                    String::new()
                } else {
                    yaml_value(v)
                };
                raw.pairs.push((k.trim().to_string(), value));
            }
            // Nested mappings (`author:` then `  name: Ann`) keep a `name` as the value.
            Some((k, v)) if indented && k.trim() == "name" => append(&mut raw, &unquote(v), ", "),
            Some(_) => {}
            None => warnings.push(format!("front matter line not understood: {trimmed:?}")),
        }
    }
    finish(&raw, warnings)
}

/// Adds to the last key's value, with `sep` when it already has one.
fn append(raw: &mut Raw, text: &str, sep: &str) {
    if let Some((_, v)) = raw.pairs.last_mut() {
        if !v.is_empty() {
            v.push_str(sep);
        }
        v.push_str(text);
    }
}

/// `"quoted"`, `'quoted'`, `[a, b]` flow lists and plain scalars.
fn yaml_value(v: &str) -> String {
    if let Some(list) = v.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return list
            .split(',')
            .map(|s| unquote(s.trim()))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
    }
    unquote(v)
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    v.to_string()
}

fn toml_block(inner: &str) -> FrontMatter {
    let mut raw = Raw::default();
    let mut warnings = Vec::new();
    match inner.parse::<toml::Table>() {
        Ok(table) => {
            for (k, v) in table {
                if let Some(s) = toml_text(&v) {
                    raw.pairs.push((k, s));
                }
            }
        }
        Err(e) => warnings.push(format!(
            "TOML front matter could not be read: {}",
            e.message()
        )),
    }
    finish(&raw, warnings)
}

fn toml_text(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(toml_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        toml::Value::Table(t) => t.get("name").and_then(toml_text),
        _ => None,
    }
}

fn finish(raw: &Raw, mut warnings: Vec<String>) -> FrontMatter {
    let date = raw.get(&[
        "date",
        "published",
        "published_at",
        "publishdate",
        "pubdate",
    ]);
    let published = date.as_deref().and_then(|d| {
        let normalized = dates::normalize(d);
        if normalized.is_none() {
            warnings.push(format!(
                "front matter date {d:?} is not a date brief understands"
            ));
        }
        normalized
    });
    FrontMatter {
        title: raw.get(&["title", "headline"]),
        source: raw.get(&["source", "site", "publisher", "outlet", "site_name"]),
        byline: raw.get(&["author", "authors", "byline"]),
        published,
        category: raw.get(&["category", "categories", "section"]),
        url: raw.get(&["url", "link", "canonical", "canonical_url", "canonicalurl"]),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_style_with_quotes_lists_and_synonyms() {
        let text = "---\ntitle: \"Talks: day two\"\nsite: 'KGOU'\ndate: 2025-12-08T10:00:00Z\nauthors:\n  - Ann Lee\n  - Bo Chen\ncategories: [Politics, World]\nlink: https://ex.org/a\nextra: ignored\n---\n# Body\n";
        let (fm, body) = split(text);
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("Talks: day two"));
        assert_eq!(fm.source.as_deref(), Some("KGOU"));
        assert_eq!(fm.published.as_deref(), Some("2025-12-08"));
        assert_eq!(fm.byline.as_deref(), Some("Ann Lee, Bo Chen"));
        assert_eq!(fm.category.as_deref(), Some("Politics, World"));
        assert_eq!(fm.url.as_deref(), Some("https://ex.org/a"));
        assert_eq!(body, "# Body\n");
        assert!(fm.warnings.is_empty(), "{:?}", fm.warnings);
    }

    #[test]
    fn toml_style_with_datetime_and_array() {
        let text = "+++\ntitle = \"Harbour deal\"\ndate = 2024-03-01T09:00:00Z\nauthor = [\"A. B.\"]\nsource = \"Wire\"\n+++\nBody text\n";
        let (fm, body) = split(text);
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("Harbour deal"));
        assert_eq!(fm.published.as_deref(), Some("2024-03-01"));
        assert_eq!(fm.byline.as_deref(), Some("A. B."));
        assert_eq!(fm.source.as_deref(), Some("Wire"));
        assert_eq!(body, "Body text\n");
    }

    #[test]
    fn broken_toml_is_a_warning_not_a_failure() {
        let (fm, body) = split("+++\ntitle = \n+++\nrest");
        assert!(fm.unwrap().warnings[0].contains("TOML"));
        assert_eq!(body, "rest");
    }

    #[test]
    fn unclosed_fence_or_late_fence_is_not_front_matter() {
        assert_eq!(
            split("---\ntitle: x\nno close"),
            (None, "---\ntitle: x\nno close")
        );
        assert!(split("Intro\n---\ntitle: x\n---\n").0.is_none());
        assert!(split("").0.is_none());
        assert!(!starts_with_front_matter("--- \n"));
    }

    #[test]
    fn yaml_closing_with_dots_and_crlf() {
        let (fm, body) = split("---\r\ntitle: A\r\n...\r\nbody");
        assert_eq!(fm.unwrap().title.as_deref(), Some("A"));
        assert_eq!(body, "body");
    }

    #[test]
    fn block_scalars_and_nested_author_names() {
        let text = "---\ntitle: >\n  A folded\n  long title\nsummary: |\n  kept aside\nauthor:\n  name: Ann Lee\n  url: https://x\nsource: Wire\n---\n";
        let fm = split(text).0.unwrap();
        assert_eq!(fm.title.as_deref(), Some("A folded long title"));
        assert_eq!(fm.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(fm.source.as_deref(), Some("Wire"));
        assert!(fm.warnings.is_empty(), "{:?}", fm.warnings);
    }

    #[test]
    fn empty_values_and_odd_lines_do_not_fill_fields() {
        let (fm, _) = split("---\ntitle:\njust words\n---\n");
        let fm = fm.unwrap();
        assert_eq!(fm.title, None);
        assert_eq!(fm.warnings.len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_body_is_a_suffix(
            fence in proptest::prop_oneof![proptest::strategy::Just("---"), proptest::strategy::Just("+++")],
            inner in "[a-z =:\"'\\[\\],\n-]{0,80}",
            rest in "\\PC{0,40}",
        ) {
            let text = format!("{fence}\n{inner}\n{fence}\n{rest}");
            let (_, body) = split(&text);
            proptest::prop_assert!(text.ends_with(body));
        }
    }
}
