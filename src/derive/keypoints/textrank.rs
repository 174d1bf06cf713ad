//! TextRank (Mihalcea & Tarau, 2004) as a comparison baseline for the dev harness: the
//! sentences are nodes, edges weigh shared content words normalised by the log of the
//! sentence lengths, and PageRank on that graph gives each sentence's centrality. It
//! ignores position and headline, which is exactly what the real ranker adds.

use super::score::{overlap, Terms};

/// PageRank scores of the candidates (same order as `terms.sets`).
pub fn scores(terms: &Terms) -> Vec<f64> {
    scores_of(&terms.sets)
}

/// PageRank over the given sorted term lists (sets or bags).
pub fn scores_of(sets: &[Vec<u32>]) -> Vec<f64> {
    let n = sets.len();
    if n == 0 {
        return Vec::new();
    }
    let log_len: Vec<f64> = sets.iter().map(|s| (s.len() as f64).ln_1p()).collect();
    let mut w = vec![0.0f64; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&sets[i], &sets[j]);
            let denom = log_len[i] + log_len[j];
            if denom > 0.0 {
                let s = overlap(a, b) as f64 / denom;
                w[i * n + j] = s;
                w[j * n + i] = s;
            }
        }
    }
    // Row-normalise once so each iteration is a plain matrix-vector product.
    for i in 0..n {
        let row = &mut w[i * n..(i + 1) * n];
        let sum: f64 = row.iter().sum();
        if sum > 0.0 {
            row.iter_mut().for_each(|x| *x /= sum);
        }
    }
    let damping = 0.85;
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..30 {
        next.iter_mut()
            .for_each(|x| *x = (1.0 - damping) / n as f64);
        for i in 0..n {
            let from = damping * rank[i];
            for (x, wij) in next.iter_mut().zip(&w[i * n..(i + 1) * n]) {
                *x += from * wij;
            }
        }
        std::mem::swap(&mut rank, &mut next);
    }
    rank
}
