//! Fuzzy filtering (skim's algorithm, from fuzzy-matcher) over precomputed folded forms.
//!
//! [`SearchIndex`] folds every searchable string once at load; [`Matcher::rank`] scores
//! candidates (best form wins, e.g. an actor's alias) and orders them by score, keeping
//! briefing order on ties; [`Matcher::positions`] computes highlight positions, which the
//! panes ask for only for the rows they draw.

use super::text::fold;
use crate::model::Briefing;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// Folded searchable forms of a briefing, built once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Per article: title, then source.
    pub articles: Vec<Vec<String>>,
    /// Per article, per key point: the point text.
    pub points: Vec<Vec<String>>,
    /// Per merged point: its text.
    pub merged: Vec<String>,
    /// Per actor: name, then aliases.
    pub actors: Vec<Vec<String>>,
}

impl SearchIndex {
    pub fn new(b: &Briefing) -> SearchIndex {
        SearchIndex {
            articles: b
                .articles
                .iter()
                .map(|a| {
                    std::iter::once(fold(&a.title))
                        .chain(a.source.iter().map(|s| fold(s)))
                        .collect()
                })
                .collect(),
            points: b
                .articles
                .iter()
                .map(|a| a.key_points.iter().map(|k| fold(&k.text)).collect())
                .collect(),
            merged: b.merged_points.iter().map(|m| fold(&m.text)).collect(),
            actors: b
                .actors
                .iter()
                .map(|a| a.all_names().map(fold).collect())
                .collect(),
        }
    }
}

pub struct Matcher {
    skim: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            skim: SkimMatcherV2::default().ignore_case(),
        }
    }
}

impl Matcher {
    /// Ids of the candidates matching `query`, best first; equal scores keep input order.
    /// An empty query keeps every candidate in input order.
    pub fn rank<'a, I, F>(&self, query: &str, candidates: I) -> Vec<usize>
    where
        I: IntoIterator<Item = (usize, F)>,
        F: IntoIterator<Item = &'a str>,
    {
        let q = fold(query.trim());
        if q.is_empty() {
            return candidates.into_iter().map(|(id, _)| id).collect();
        }
        let mut scored: Vec<(i64, usize)> = candidates
            .into_iter()
            .filter_map(|(id, forms)| {
                forms
                    .into_iter()
                    .filter_map(|f| self.skim.fuzzy_match(f, &q))
                    .max()
                    .map(|s| (s, id))
            })
            .collect();
        // `sort_by_key` is stable: ties stay in briefing order.
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        scored.into_iter().map(|(_, id)| id).collect()
    }

    /// Char positions in `text` that match `query`, for highlighting; empty when none.
    pub fn positions(&self, text: &str, query: &str) -> Vec<usize> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        self.skim
            .fuzzy_indices(&fold(text), &q)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ranks raw strings, folded first as the search index does.
    fn rank(q: &str, items: &[&str]) -> Vec<usize> {
        let folded: Vec<String> = items.iter().map(|s| fold(s)).collect();
        Matcher::default().rank(q, folded.iter().enumerate().map(|(i, s)| (i, [s.as_str()])))
    }

    #[test]
    fn empty_query_keeps_order_and_everything() {
        assert_eq!(rank("", &["b", "a", "c"]), vec![0, 1, 2]);
        assert_eq!(rank("   ", &["b", "a"]), vec![0, 1]);
    }

    #[test]
    fn better_matches_first_and_ties_stable() {
        let items = [
            "Zelensky meets envoy",
            "Talks in Geneva",
            "zelensky",
            "Zelensky",
        ];
        let r = rank("zelensky", &items);
        assert!(!r.contains(&1));
        // The two identical titles tie and keep their order.
        let p2 = r.iter().position(|&i| i == 2);
        let p3 = r.iter().position(|&i| i == 3);
        assert!(p2 < p3, "{r:?}");
    }

    #[test]
    fn curly_quotes_and_case_fold() {
        assert_eq!(rank("don't", &["We Don’t agree", "nothing"]), vec![0]);
        assert_eq!(rank("EU", &["the eu said"]), vec![0]);
    }

    #[test]
    fn best_form_counts_for_multi_form_items() {
        let m = Matcher::default();
        let r = m.rank("kyiv", [(0, vec!["ukraine", "kyiv"]), (1, vec!["moscow"])]);
        assert_eq!(r, vec![0]);
    }

    #[test]
    fn positions_are_char_positions_in_the_original() {
        let m = Matcher::default();
        let text = "Élysée “Macron”";
        let pos = m.positions(text, "macron");
        let chars: Vec<char> = text.chars().collect();
        let picked: String = pos.iter().map(|&i| chars[i]).collect();
        assert_eq!(picked, "Macron");
        assert!(m.positions(text, "zzz").is_empty());
    }
}
