//! Cutting a header line into a known number of cells.
//!
//! Header cells are all Title Case, so capitals give no clue; what is left is phrase
//! shape. A cell never ends on a function word ("Signal | What It May Mean", not
//! "Signal What | It May Mean"), rarely on a leading modifier ("Key Goal", "United
//! Kingdom"), and header cells tend to be of similar length.

use crate::ingest::text::words::{is_function_word, is_leading_modifier, is_lowercase_word};

/// The header cut into `k` cells with the cost of that cut (0 for one word per cell), or
/// `None` when it has too few words or every cut would end a cell on a function word.
pub fn split(tokens: &[&str], k: usize) -> Option<(Vec<String>, f64)> {
    if k < 2 || tokens.len() < k {
        return None;
    }
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut cuts = Vec::with_capacity(k - 1);
    search(tokens, k - 1, 1, &mut cuts, &mut best);
    let (cost, cuts) = best?;
    let mut bounds = vec![0];
    bounds.extend(cuts);
    bounds.push(tokens.len());
    let cells = bounds
        .windows(2)
        .map(|w| tokens[w[0]..w[1]].join(" "))
        .collect();
    Some((cells, cost))
}

fn search(
    tokens: &[&str],
    n: usize,
    from: usize,
    cuts: &mut Vec<usize>,
    best: &mut Option<(f64, Vec<usize>)>,
) {
    if cuts.len() == n {
        let cost = cost(tokens, cuts);
        if best.as_ref().map_or(true, |(c, _)| cost < *c) {
            *best = Some((cost, cuts.clone()));
        }
        return;
    }
    for i in from..tokens.len() {
        if tokens.len() - i < n - cuts.len() {
            break;
        }
        if is_function_word(tokens[i - 1])
            || tokens[i - 1].ends_with(['-', '&', '/'])
            || is_lowercase_word(tokens[i])
        {
            continue;
        }
        cuts.push(i);
        search(tokens, n, i + 1, cuts, best);
        cuts.pop();
    }
}

/// Lower is better: modifiers left dangling cost most, then uneven cell lengths.
fn cost(tokens: &[&str], cuts: &[usize]) -> f64 {
    let dangling = cuts
        .iter()
        .filter(|&&i| is_leading_modifier(tokens[i - 1]))
        .count();
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(tokens.len());
    let lens: Vec<f64> = bounds.windows(2).map(|w| (w[1] - w[0]) as f64).collect();
    let mean = lens.iter().sum::<f64>() / lens.len() as f64;
    let spread: f64 = lens.iter().map(|l| (l - mean).powi(2)).sum();
    3.0 * dangling as f64 + spread
}

#[cfg(test)]
mod tests {
    use super::split;

    fn cut(s: &str, k: usize) -> Option<Vec<String>> {
        split(&s.split(' ').collect::<Vec<_>>(), k).map(|(cells, _)| cells)
    }

    #[test]
    fn keeps_phrases_whole() {
        assert_eq!(
            cut("Signal What It May Mean", 2).unwrap_or_default(),
            ["Signal", "What It May Mean"]
        );
        assert_eq!(
            cut("Key Goal London Role", 2).unwrap_or_default(),
            ["Key Goal", "London Role"]
        );
        assert_eq!(
            cut("Rate of Change Year", 2).unwrap_or_default(),
            ["Rate of Change", "Year"]
        );
        assert_eq!(
            cut("Actor Priority Constraint", 3).unwrap_or_default(),
            ["Actor", "Priority", "Constraint"]
        );
        assert_eq!(cut("Actor Priority", 3), None);
    }
}
