//! The ranking model: a salience score per candidate, then redundancy-aware selection.
//!
//! Salience is centrality plus two priors, multiplied by a length factor:
//! - centrality: PageRank over the article's sentence-similarity graph (see
//!   [`textrank`](super::textrank)), with repeated terms counted, so a sentence that
//!   restates what the rest of the article keeps saying ranks high;
//! - position: journalists put the gist first (inverted pyramid): a prior that halves
//!   every `half_life` of the article;
//! - headline overlap: the headline is the editor's own one-line summary;
//! - length: a fragment ("Here is what to know.") is scaled down below `min_terms`, and
//!   salience is divided by a small power of the length, because PageRank over shared
//!   words favours long sentences more than readers (and the references) do.
//!
//! Selection is maximal marginal relevance: candidates are taken best first, each one's
//! salience reduced by its similarity to what was already taken, so a paraphrase of a
//! point does not crowd out the next fact.
//!
//! The weights were tuned on the BBC dev set's business and entertainment articles
//! (`tests/it/eval_keypoints.rs`). There, centrality dominates: the human extractive summaries
//! favour sentences central to the article; a strong position or headline prior, or
//! redundancy control, lowered ROUGE, so they are kept small or off, while the length
//! power (0.15; 0.1 and 0.3 both scored lower) gained about one ROUGE-1 point.

use crate::derive::text::Lexicon;

/// Weights of the ranking model; [`Params::default`] is what `rank` uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    pub centrality: f64,
    pub position: f64,
    /// Fraction of the article over which the position prior halves (at least 1 candidate).
    pub half_life: f64,
    pub headline: f64,
    /// Candidates with fewer content words than this are scaled down in proportion.
    pub min_terms: f64,
    /// Weight of similarity to already selected points (0 disables redundancy control).
    pub redundancy: f64,
    /// Salience is divided by (content words)^length_power: above 0 favours concise points.
    pub length_power: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            centrality: 1.0,
            position: 0.05,
            half_life: 0.1,
            headline: 0.0,
            min_terms: 3.0,
            redundancy: 0.0,
            length_power: 0.15,
        }
    }
}

/// The content terms of a list of texts, all interned in one lexicon.
pub struct Terms {
    /// Sorted, deduplicated term ids of each text.
    pub sets: Vec<Vec<u32>>,
    /// The same terms with repeats kept (sorted), for similarity that counts them.
    pub bags: Vec<Vec<u32>>,
}

pub fn term_sets(lex: &mut Lexicon, texts: &[&str]) -> Terms {
    let mut sets = Vec::with_capacity(texts.len());
    let mut bags = Vec::with_capacity(texts.len());
    for t in texts {
        let mut v = Vec::new();
        lex.terms(t, &mut v);
        v.sort_unstable();
        let mut set = v.clone();
        set.dedup();
        bags.push(v);
        sets.push(set);
    }
    Terms { sets, bags }
}

pub use crate::derive::text::overlap;

/// Cosine similarity of two sorted sets seen as binary vectors.
pub fn cosine(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    overlap(a, b) as f64 / ((a.len() * b.len()) as f64).sqrt()
}

/// Salience of each candidate (same order as `terms.sets`), non-negative.
/// `priors` multiply each candidate's salience (see [`Candidate::prior`](super::candidates::Candidate)).
pub fn salience(terms: &Terms, headline: &[u32], priors: &[f64], p: &Params) -> Vec<f64> {
    let n = terms.sets.len();
    let central = if p.centrality > 0.0 {
        super::textrank::scores_of(&terms.bags)
    } else {
        vec![0.0; n]
    };
    let max_central = central.iter().copied().fold(0.0, f64::max).max(1e-12);
    let half = (p.half_life * n as f64).max(1.0);
    let total = (p.centrality + p.position + p.headline).max(1e-12);
    (0..n)
        .map(|i| {
            let set = &terms.sets[i];
            let pos = 0.5f64.powf(i as f64 / half);
            let head = if headline.is_empty() {
                0.0
            } else {
                overlap(set, headline) as f64 / headline.len() as f64
            };
            let len = (set.len() as f64 / p.min_terms.max(1.0)).min(1.0)
                / (set.len() as f64).max(1.0).powf(p.length_power);
            let raw =
                p.centrality * central[i] / max_central + p.position * pos + p.headline * head;
            let prior = priors.get(i).copied().unwrap_or(1.0);
            (prior * len * raw / total).max(0.0)
        })
        .collect()
}

/// Order of the candidates by maximal marginal relevance, with each one's adjusted
/// score. Ties go to the earlier candidate, so the order is deterministic.
pub fn select(terms: &Terms, salience: &[f64], redundancy: f64) -> Vec<(usize, f64)> {
    let n = salience.len();
    if redundancy <= 0.0 {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| salience[b].total_cmp(&salience[a]).then(a.cmp(&b)));
        return order.into_iter().map(|i| (i, salience[i])).collect();
    }
    let mut taken = vec![false; n];
    // Highest similarity of each candidate to anything selected so far.
    let mut max_sim = vec![0.0f64; n];
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let mut best: Option<(usize, f64)> = None;
        for i in (0..n).filter(|&i| !taken[i]) {
            let s = salience[i] - redundancy * max_sim[i];
            match best {
                Some((_, b)) if s <= b => {}
                _ => best = Some((i, s)),
            }
        }
        let Some((i, s)) = best else { break };
        taken[i] = true;
        out.push((i, s));
        for j in (0..n).filter(|&j| !taken[j]) {
            max_sim[j] = max_sim[j].max(cosine(&terms.sets[i], &terms.sets[j]));
        }
    }
    out
}
