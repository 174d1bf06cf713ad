//! Splitting one glued row into cells: where can a cell boundary fall, and how likely is it.
//!
//! A scraped row is the cells joined by single spaces, so a boundary can only fall
//! between two words. [`strengths`] rates every gap from the words around it (a cell
//! starts with a capitalised word or a number; it never ends on an article,
//! preposition, possessive or comma; inside brackets and dates nothing splits), and
//! [`best`] ranks every way of choosing `k - 1` gaps, rewarding strong gaps it uses and
//! penalising strong gaps it leaves inside a cell.

use crate::ingest::text::words::{
    bare, is_acronym, is_capitalised, is_function_word, is_leading_modifier, is_lowercase_word,
    is_month, is_numeric,
};

/// A gap at least this strong looks like a lost column separator on its own.
pub const STRONG: f64 = 2.0;

/// Rows longer than this are prose, and would make the search too wide.
pub const MAX_TOKENS: usize = 24;

/// Gaps considered per row.
const MAX_GAPS: usize = 12;

/// One way to cut a row: `cuts[j]` is the index of the first token of cell `j + 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    pub cuts: Vec<usize>,
    pub score: f64,
    /// The weakest gap used; a row cut only at strong gaps needs no other evidence.
    pub weakest: f64,
}

/// The strength of a boundary before each token (`None`: a boundary cannot fall there).
/// Index 0 is always `None`.
pub fn strengths(tokens: &[&str]) -> Vec<Option<f64>> {
    let mut depth = 0i32;
    let mut out = vec![None];
    for i in 1..tokens.len() {
        depth += bracket_change(tokens[i - 1]);
        out.push(if depth > 0 { None } else { gap(tokens, i) });
    }
    out
}

fn bracket_change(token: &str) -> i32 {
    let open = token.matches(['(', '[']).count();
    let close = token.matches([')', ']']).count();
    i32::try_from(open).unwrap_or(0) - i32::try_from(close).unwrap_or(0)
}

fn gap(tokens: &[&str], i: usize) -> Option<f64> {
    let (p, c, n) = (tokens[i - 1], tokens[i], tokens.get(i + 1).copied());
    let c_starts = is_capitalised(c) || is_numeric(c);
    if !c_starts || bare(c) == "I" || c.starts_with([')', ']', ',', '.', ';', ':']) {
        return None;
    }
    if p.ends_with([',', ';', ':', '-', '–', '—', '/', '&', '+']) || bare(p).is_empty() {
        return None;
    }
    if p.ends_with("'s") || p.ends_with("’s") || p.ends_with("s'") || p.ends_with("s’") {
        return None;
    }
    let month_after_day = is_month(p) && i >= 2 && is_numeric(tokens[i - 2]);
    if is_function_word(p) && !month_after_day {
        return None;
    }
    // "8 December", "December 8", "May 2025": one date, never two cells.
    if (is_numeric(p) && is_month(c) && !is_numeric(c)) || (is_month(p) && is_numeric(c)) {
        return None;
    }
    let mut s = if is_numeric(c) {
        if is_lowercase_word(p) {
            2.5
        } else {
            2.0
        }
    } else if is_lowercase_word(p) {
        // Inside a sentence-case cell a capital follows a preposition ("to Moscow");
        // after any other lower-case word it usually starts the next cell.
        if is_demonym(c) {
            1.5
        } else {
            3.0
        }
    } else if is_acronym(c) && spells(c, &tokens[..i]) {
        2.5
    } else if n.is_some_and(is_lowercase_word) {
        // End of a capitalised run followed by a sentence-case start: "UK Government Show
        // leadership", "Global South Bid for".
        2.5
    } else if is_numeric(p) {
        2.0
    } else if n.is_some_and(is_numeric) || is_acronym(p) != is_acronym(c) {
        // Before a number column, or where capitals change style ("Downing Street BBC").
        1.0
    } else {
        0.5
    };
    // "United Kingdom", "Prime Minister": a modifier leads into the next capitalised word,
    // unless that word starts a sentence-case cell ("Global South | Bid for…").
    if is_leading_modifier(p) && !n.is_some_and(is_lowercase_word) {
        s = (s - 2.0_f64).max(0.0);
    }
    Some(s)
}

/// "Russian", "British", "Chinese", "European", "American": capitalised mid-sentence.
fn is_demonym(word: &str) -> bool {
    let w = bare(word).to_lowercase();
    ["ian", "ish", "ese", "ean", "can"]
        .iter()
        .any(|s| w.ends_with(s))
        && w.len() > 4
}

/// Whether `acronym` spells the initials of the capitalised words just before it
/// ("North Atlantic Treaty Organization NATO").
fn spells(acronym: &str, before: &[&str]) -> bool {
    let letters: Vec<char> = bare(acronym)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let initials: Vec<char> = before
        .iter()
        .rev()
        .filter(|w| !is_function_word(w))
        .take(letters.len())
        .filter_map(|w| bare(w).chars().next())
        .collect();
    initials.len() == letters.len() && initials.iter().rev().eq(letters.iter())
}

/// The best `keep` ways to cut a row into `k` cells, best first; empty when impossible.
pub fn best(strengths: &[Option<f64>], k: usize, keep: usize) -> Vec<Cut> {
    let mut allowed: Vec<usize> = (1..strengths.len())
        .filter(|&i| strengths[i].is_some())
        .collect();
    // Only the strongest gaps are worth combining; this bounds the search at C(12, 5).
    if allowed.len() > MAX_GAPS {
        allowed.sort_by(|a, b| {
            let s = |i: &usize| strengths[*i].unwrap_or(0.0);
            s(b).total_cmp(&s(a))
        });
        allowed.truncate(MAX_GAPS);
        allowed.sort_unstable();
    }
    if k < 2 || allowed.len() < k - 1 || strengths.len() > MAX_TOKENS {
        return Vec::new();
    }
    let strength = |i: usize| strengths.get(i).copied().flatten().unwrap_or(0.0);
    let mut found = Vec::new();
    let mut pick = Vec::with_capacity(k - 1);
    choose(&allowed, k - 1, 0, &mut pick, &mut |cuts: &[usize]| {
        let used: f64 = cuts.iter().map(|&i| strength(i) - 1.0).sum();
        let left: f64 = allowed
            .iter()
            .filter(|i| !cuts.contains(i) && strength(**i) >= STRONG)
            .map(|&i| 0.8 * (strength(i) - 1.0))
            .sum();
        let weakest = cuts.iter().map(|&i| strength(i)).fold(f64::MAX, f64::min);
        found.push(Cut {
            cuts: cuts.to_vec(),
            score: used - left,
            weakest,
        });
    });
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found.truncate(keep);
    found
}

fn choose(
    from: &[usize],
    n: usize,
    start: usize,
    pick: &mut Vec<usize>,
    f: &mut impl FnMut(&[usize]),
) {
    if pick.len() == n {
        f(pick);
        return;
    }
    for j in start..from.len() {
        if from.len() - j < n - pick.len() {
            break;
        }
        pick.push(from[j]);
        choose(from, n, j + 1, pick, f);
        pick.pop();
    }
}

/// The cells of a row for a set of cuts.
pub fn cells(tokens: &[&str], cuts: &[usize]) -> Vec<String> {
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(tokens.len());
    bounds
        .windows(2)
        .map(|w| tokens[w[0]..w[1]].join(" "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(row: &str, k: usize) -> Vec<String> {
        let tokens: Vec<&str> = row.split(' ').collect();
        let best = best(&strengths(&tokens), k, 1);
        best.first()
            .map(|c| cells(&tokens, &c.cuts))
            .unwrap_or_default()
    }

    #[test]
    fn cuts_before_a_sentence_case_start() {
        assert_eq!(
            split(
                "Signal resolve to Moscow Public pledges of long-term support",
                2
            ),
            [
                "Signal resolve to Moscow",
                "Public pledges of long-term support"
            ]
        );
        assert_eq!(
            split(
                "Shape terms for eventual talks Refine Ukraine’s peace proposals",
                2
            ),
            [
                "Shape terms for eventual talks",
                "Refine Ukraine’s peace proposals"
            ]
        );
    }

    #[test]
    fn never_cuts_dates_brackets_or_after_prepositions() {
        let tokens = [
            "Talks", "on", "8", "December", "2025", "(Paris", "Summit)", "Held",
        ];
        let s = strengths(&tokens);
        assert_eq!(s[1], None, "lower-case word");
        assert_eq!(s[2], None, "after a preposition");
        assert_eq!(s[3], None, "inside a date");
        assert_eq!(s[4], None, "inside a date");
        assert_eq!(s[6], None, "inside brackets");
        assert!(s[7].is_some());
    }

    #[test]
    fn acronyms_after_their_expansion_start_a_cell() {
        assert_eq!(
            split("North Atlantic Treaty Organization NATO", 2),
            ["North Atlantic Treaty Organization", "NATO"]
        );
    }

    #[test]
    fn impossible_when_too_few_gaps() {
        assert!(split("Maintain unity among allies", 2).is_empty());
        assert!(split("One", 2).is_empty());
    }
}
