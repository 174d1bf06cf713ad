//! The state file on disk: `version = 1` and one table per article hash.
//!
//! ```toml
//! version = 1
//!
//! [articles.9f2c…]            # blake3 of the article bytes
//! read = true
//! starred = false
//! starred_points = ["3b1e0c2a9d4f7e61"]   # state::point_key of each starred point
//! ```

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The version this build reads and writes.
pub const STATE_VERSION: i64 = 1;

/// All marks, by article content hash. Articles with no mark are not stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleMarks>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMarks {
    #[serde(default, skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub starred: bool,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub starred_points: BTreeSet<String>,
}

impl ArticleMarks {
    fn is_empty(&self) -> bool {
        !self.read && !self.starred && self.starred_points.is_empty()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What a state file's text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Current(Marks),
    /// Written by a newer brief: what could be read with this build's schema, if anything.
    Newer {
        version: i64,
        marks: Marks,
    },
    /// Not a state file this build understands; the reason, in words.
    Corrupt(String),
}

#[derive(Serialize)]
struct Out<'a> {
    version: i64,
    articles: &'a BTreeMap<String, ArticleMarks>,
}

pub fn parse(text: &str) -> Parsed {
    let table: toml::Table = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => return Parsed::Corrupt(e.to_string().trim().to_string()),
    };
    let version = match table.get("version") {
        Some(toml::Value::Integer(v)) => *v,
        Some(_) => return Parsed::Corrupt("`version` is not an integer".into()),
        None => return Parsed::Corrupt("no `version`".into()),
    };
    let marks = toml::Value::Table(table).try_into::<Marks>();
    match (version, marks) {
        (v, Ok(m)) if v == STATE_VERSION => Parsed::Current(m),
        (v, Err(e)) if v == STATE_VERSION => Parsed::Corrupt(e.to_string().trim().to_string()),
        (v, m) if v > STATE_VERSION => Parsed::Newer {
            version: v,
            marks: m.unwrap_or_default(),
        },
        (v, _) => Parsed::Corrupt(format!("unknown version {v}")),
    }
}

pub fn to_toml_string(marks: &Marks) -> anyhow::Result<String> {
    let mut articles = marks.articles.clone();
    articles.retain(|_, m| !m.is_empty());
    Ok(toml::to_string(&Out {
        version: STATE_VERSION,
        articles: &articles,
    })?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_drops_empty_articles() -> anyhow::Result<()> {
        let mut m = Marks::default();
        m.articles.insert(
            "aa".into(),
            ArticleMarks {
                read: true,
                ..Default::default()
            },
        );
        m.articles.insert("bb".into(), ArticleMarks::default());
        let text = to_toml_string(&m)?;
        assert!(!text.contains("bb"));
        let Parsed::Current(back) = parse(&text) else {
            panic!("not current: {text}");
        };
        assert_eq!(back.articles.len(), 1);
        assert!(back.articles["aa"].read);
        Ok(())
    }

    #[test]
    fn kinds_of_files() {
        assert!(matches!(parse("version = 1"), Parsed::Current(_)));
        assert!(matches!(parse(""), Parsed::Corrupt(_)));
        assert!(matches!(parse("version = \"1\""), Parsed::Corrupt(_)));
        assert!(matches!(parse("version = 0"), Parsed::Corrupt(_)));
        assert!(matches!(
            parse("version = 1\narticles = 3"),
            Parsed::Corrupt(_)
        ));
        assert!(matches!(
            parse("version = 1\n[articles.x]\nread = \"yes\""),
            Parsed::Corrupt(_)
        ));
        assert!(matches!(parse("version = [[["), Parsed::Corrupt(_)));
        match parse("version = 7\n[articles.x]\nread = true\nfuture = 1") {
            Parsed::Newer { version, marks } => {
                assert_eq!(version, 7);
                assert!(marks.articles["x"].read);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse("version = 2\narticles = \"changed shape\""),
            Parsed::Newer { version: 2, .. }
        ));
    }

    fn marks() -> impl proptest::strategy::Strategy<Value = Marks> {
        use proptest::prelude::*;
        let article = (
            any::<bool>(),
            any::<bool>(),
            proptest::collection::btree_set("\\PC{0,6}", 0..3),
        )
            .prop_map(|(read, starred, starred_points)| ArticleMarks {
                read,
                starred,
                starred_points,
            });
        proptest::collection::btree_map("\\PC{0,8}", article, 0..6)
            .prop_map(|articles| Marks { articles })
    }

    proptest::proptest! {
        #[test]
        fn any_marks_round_trip(m in marks()) {
            let text = to_toml_string(&m).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let mut expected = m.clone();
            expected.articles.retain(|_, a| !a.is_empty());
            proptest::prop_assert_eq!(parse(&text), Parsed::Current(expected));
        }

        #[test]
        fn parse_never_panics(text in "\\PC{0,200}") {
            let _ = parse(&text);
        }

        #[test]
        fn parse_never_panics_on_state_like_text(
            parts in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just("version = 1\n"),
                proptest::strategy::Just("version = 99\n"),
                proptest::strategy::Just("[articles.ab]\n"),
                proptest::strategy::Just("read = true\n"),
                proptest::strategy::Just("starred = 1\n"),
                proptest::strategy::Just("starred_points = [\"x\", 2]\n"),
                proptest::strategy::Just("[[articles]]\n"),
                proptest::strategy::Just("\"\n"),
            ], 0..12)
        ) {
            let _ = parse(&parts.concat());
        }
    }
}
