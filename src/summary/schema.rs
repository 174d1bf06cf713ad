//! The summary file as data: what `ARTICLE.summary.toml` holds, and how `brief derive
//! --write` produces one from a derived article.

use crate::model::{Actor, ActorKind, Article};
use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SUMMARY_VERSION: u32 = 1;

/// A validated summary file (see the README, "Summary files").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryFile {
    pub version: u32,
    /// blake3 hex of the article bytes when the summary was written; a different hash
    /// now means the summary is stale.
    pub content_hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_points: Vec<SuppliedPoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<SuppliedActor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuppliedPoint {
    pub text: String,
    /// In 0..=1; when absent, the rank in the file decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuppliedActor {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

impl SuppliedActor {
    /// The name followed by its aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// The summary file `brief derive --write` saves for `article`: its title, key points
/// and the actors (from the briefing-wide `actors`) that appear in it.
pub fn from_article(article: &Article, actors: &[Actor]) -> SummaryFile {
    let key_points = article
        .key_points
        .iter()
        .map(|kp| SuppliedPoint {
            text: kp.text.clone(),
            // Three decimals are all a reader can use, and keep the file tidy to edit.
            score: kp
                .score
                .is_finite()
                .then(|| (kp.score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0),
        })
        .collect();
    let actors = actors
        .iter()
        .filter(|a| a.articles.contains(&article.id) || article.actors.contains(&a.name))
        .map(|a| SuppliedActor {
            name: a.name.clone(),
            kind: a.kind,
            aliases: a.aliases.clone(),
            roles: a.roles.clone(),
        })
        .collect();
    SummaryFile {
        version: SUMMARY_VERSION,
        content_hash: article.content_hash.clone(),
        title: (!article.title.trim().is_empty()).then(|| article.title.clone()),
        key_points,
        actors,
    }
}

/// The file's text, with a comment saying where it came from.
pub fn to_toml_string(file: &SummaryFile) -> anyhow::Result<String> {
    let body = toml::to_string(file)?;
    Ok(format!(
        "# Summary of the article beside this file, read by brief.\n\
         # Edit freely: brief shows these fields instead of the derived ones.\n{body}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KeyPoint;

    fn article() -> Article {
        Article {
            id: "a1".into(),
            content_hash: "ab".repeat(32),
            title: "Talks \"resume\" in Geneva".into(),
            key_points: vec![
                KeyPoint {
                    text: "Envoys met on Tuesday.\nA second line".into(),
                    score: 0.87654,
                    ..Default::default()
                },
                KeyPoint {
                    text: "Nobody spoke.".into(),
                    score: f64::NAN,
                    ..Default::default()
                },
            ],
            actors: vec!["Jane Roe".into()],
            ..Default::default()
        }
    }

    fn actors() -> Vec<Actor> {
        vec![
            Actor {
                name: "Jane Roe".into(),
                aliases: vec!["Ms Roe".into()],
                roles: vec!["special envoy".into()],
                ..Default::default()
            },
            Actor {
                name: "NATO".into(),
                kind: ActorKind::Organization,
                articles: vec!["other".into()],
                ..Default::default()
            },
        ]
    }

    #[test]
    fn from_article_keeps_only_this_articles_actors_and_rounds_scores() {
        let f = from_article(&article(), &actors());
        assert_eq!(f.actors.len(), 1);
        assert_eq!(f.actors[0].name, "Jane Roe");
        assert_eq!(f.key_points[0].score, Some(0.877));
        assert_eq!(f.key_points[1].score, None);
        assert_eq!(f.title.as_deref(), Some("Talks \"resume\" in Geneva"));
    }

    #[test]
    fn toml_text_round_trips() -> anyhow::Result<()> {
        let f = from_article(&article(), &actors());
        let text = to_toml_string(&f)?;
        assert!(text.contains("[[key_points]]"));
        assert!(text.contains("[[actors]]"));
        let back: SummaryFile = toml::from_str(&text)?;
        assert_eq!(back, f);
        Ok(())
    }

    #[test]
    fn empty_title_is_left_out() -> anyhow::Result<()> {
        let mut a = article();
        a.title = "  ".into();
        let text = to_toml_string(&from_article(&a, &[]))?;
        assert!(!text.contains("title"));
        Ok(())
    }
}
