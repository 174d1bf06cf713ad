//! The JSON export contract (`spec/export-json.md`, summarised in the README).
//!
//! These structs exist only to be serialised: they pin field names, order and nullability
//! independently of the model, so the model can change without breaking scripts. Fields
//! beyond the contract (`format`, `url`, `content_hash`, `merged_points`, `warnings` at the
//! top) are additions the contract allows.

use crate::model::{self, Briefing};
use serde::Serialize;

pub const VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub version: u32,
    pub articles: Vec<Article<'a>>,
    pub actors: Vec<Actor<'a>>,
    pub merged_points: Vec<MergedPoint<'a>>,
    pub warnings: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct Article<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub category: Option<&'a str>,
    pub sections: Vec<Section<'a>>,
    pub key_points: Vec<KeyPoint<'a>>,
    pub tables: Vec<Table<'a>>,
    pub warnings: &'a [String],
    pub format: &'static str,
    pub url: Option<&'a str>,
    pub content_hash: &'a str,
}

#[derive(Debug, Serialize)]
pub struct Section<'a> {
    pub heading: Option<&'a str>,
    pub blocks: Vec<Block<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block<'a> {
    Paragraph { text: &'a str },
    Bullets { items: &'a [String] },
    Table(Table<'a>),
    Quote { text: &'a str },
}

#[derive(Debug, Serialize)]
pub struct Table<'a> {
    pub header: &'a [String],
    pub rows: &'a [Vec<String>],
}

#[derive(Debug, Serialize)]
pub struct KeyPoint<'a> {
    pub text: &'a str,
    pub score: f64,
    pub actors: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct Actor<'a> {
    pub name: &'a str,
    pub kind: &'static str,
    pub aliases: &'a [String],
    pub roles: &'a [String],
    pub articles: &'a [String],
    pub mentions: usize,
    pub quotes: Vec<Quote<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Quote<'a> {
    pub text: &'a str,
    pub article: &'a str,
}

/// A briefing-wide key point with the ids of the articles backing it.
#[derive(Debug, Serialize)]
pub struct MergedPoint<'a> {
    pub text: &'a str,
    pub score: f64,
    pub actors: &'a [String],
    pub sources: Vec<&'a str>,
}

/// The contract view of a briefing.
pub fn from_briefing(b: &Briefing) -> Export<'_> {
    let mut actors: Vec<&model::Actor> = b.actors.iter().collect();
    // The contract orders actors by mentions; a stable sort keeps derive's tie order.
    actors.sort_by_key(|a| std::cmp::Reverse(a.mentions));
    Export {
        version: VERSION,
        articles: b.articles.iter().map(article).collect(),
        actors: actors.into_iter().map(actor).collect(),
        merged_points: b.merged_points.iter().map(|m| merged(b, m)).collect(),
        warnings: &b.warnings,
    }
}

/// Pretty JSON with a final newline.
pub fn render(b: &Briefing) -> anyhow::Result<String> {
    let mut s = serde_json::to_string_pretty(&from_briefing(b))?;
    s.push('\n');
    Ok(s)
}

fn article(a: &model::Article) -> Article<'_> {
    Article {
        id: &a.id,
        path: &a.path,
        title: &a.title,
        source: a.source.as_deref(),
        byline: a.byline.as_deref(),
        published: a.published.as_deref(),
        category: a.category.as_deref(),
        sections: a.sections.iter().map(section).collect(),
        key_points: a
            .key_points
            .iter()
            .map(|k| KeyPoint {
                text: &k.text,
                score: finite(k.score),
                actors: &k.actors,
            })
            .collect(),
        tables: a.tables().map(table).collect(),
        warnings: &a.warnings,
        format: match a.format {
            model::Format::Text => "text",
            model::Format::Markdown => "markdown",
            model::Format::Html => "html",
        },
        url: a.url.as_deref(),
        content_hash: &a.content_hash,
    }
}

fn section(s: &model::Section) -> Section<'_> {
    Section {
        heading: s.heading.as_deref(),
        blocks: s
            .blocks
            .iter()
            .map(|b| match b {
                model::Block::Paragraph { text } => Block::Paragraph { text },
                model::Block::Bullets { items } => Block::Bullets { items },
                model::Block::Table(t) => Block::Table(table(t)),
                model::Block::Quote { text } => Block::Quote { text },
            })
            .collect(),
    }
}

fn table(t: &model::Table) -> Table<'_> {
    Table {
        header: &t.header,
        rows: &t.rows,
    }
}

fn actor(a: &model::Actor) -> Actor<'_> {
    Actor {
        name: &a.name,
        kind: a.kind.as_str(),
        aliases: &a.aliases,
        roles: &a.roles,
        articles: &a.articles,
        mentions: a.mentions,
        quotes: a
            .quotes
            .iter()
            .map(|q| Quote {
                text: &q.text,
                article: &q.article,
            })
            .collect(),
    }
}

fn merged<'a>(b: &'a Briefing, m: &'a model::MergedPoint) -> MergedPoint<'a> {
    let mut sources: Vec<&str> = Vec::new();
    for (ai, _) in &m.members {
        if let Some(a) = b.articles.get(*ai) {
            if !sources.contains(&a.id.as_str()) {
                sources.push(&a.id);
            }
        }
    }
    MergedPoint {
        text: &m.text,
        score: finite(m.score),
        actors: &m.actors,
        sources,
    }
}

/// JSON has no NaN or infinity; serde_json would write `null` where a number is promised.
fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Article, Block, KeyPoint, Quote, Section, Table};

    fn sample() -> Briefing {
        let table = Table {
            header: vec!["A".into()],
            rows: vec![vec!["1".into()]],
        };
        let article = |id: &str| Article {
            id: id.into(),
            path: format!("dir/{id}"),
            title: id.to_uppercase(),
            sections: vec![Section {
                heading: None,
                blocks: vec![
                    Block::Paragraph { text: "p".into() },
                    Block::Table(table.clone()),
                ],
            }],
            key_points: vec![KeyPoint {
                text: "k".into(),
                score: f64::NAN,
                ..KeyPoint::default()
            }],
            ..Article::default()
        };
        let actor = |name: &str, mentions| Actor {
            name: name.into(),
            mentions,
            articles: vec!["a".into()],
            quotes: vec![Quote {
                text: "q".into(),
                article: "a".into(),
            }],
            ..Actor::default()
        };
        Briefing {
            articles: vec![article("a"), article("b")],
            actors: vec![actor("Few", 1), actor("Many", 9), actor("AlsoFew", 1)],
            merged_points: vec![model::MergedPoint {
                text: "k".into(),
                score: 0.5,
                members: vec![(1, 0), (0, 0), (1, 0), (7, 0)],
                ..model::MergedPoint::default()
            }],
            warnings: vec![],
        }
    }

    #[test]
    fn optional_fields_are_null_and_never_absent() {
        let v: serde_json::Value = serde_json::from_str(&render(&sample()).unwrap()).unwrap();
        let a = &v["articles"][0];
        for k in ["source", "byline", "published", "category", "url"] {
            assert!(a.get(k).is_some_and(serde_json::Value::is_null), "{k}: {a}");
        }
        assert_eq!(a["sections"][0]["heading"], serde_json::Value::Null);
        assert_eq!(a["sections"][0]["blocks"][1]["kind"], "table");
        assert_eq!(
            a["tables"],
            serde_json::json!([{"header": ["A"], "rows": [["1"]]}])
        );
        assert_eq!(a["key_points"][0]["score"], 0.0, "NaN is not JSON");
        assert_eq!(a["warnings"], serde_json::json!([]));
    }

    #[test]
    fn actors_by_mentions_stably_and_sources_deduplicated() {
        let b = sample();
        let e = from_briefing(&b);
        let names: Vec<&str> = e.actors.iter().map(|a| a.name).collect();
        assert_eq!(names, ["Many", "Few", "AlsoFew"]);
        assert_eq!(e.merged_points[0].sources, ["b", "a"]);
        assert_eq!(e.version, 1);
    }
}
