//! A parsed query and how one item is scored against it.
//!
//! A query is folded like the items, then split on whitespace into terms; an item matches
//! when every term matches it fuzzily (as in fzf's extended mode, so "zel talks" finds
//! "Zelensky … peace talks"), and its score is the sum of the terms' scores. Each term
//! first passes a byte-level subsequence check (memchr jumps, no allocation) that rejects
//! most non-matching items before SkimMatcherV2 runs its quadratic alignment.

use super::fold::{fold, signature};
use fuzzy_matcher::skim::SkimMatcherV2;

/// Cells above which SkimMatcherV2 falls back to its linear greedy scorer: bounds the
/// matrix memory a pathological item (a 10 MB one-line article) could make it allocate.
const MATRIX_CELL_LIMIT: usize = 1 << 20;

/// The matcher every index uses: items and queries are both folded to lower case
/// already, so a case-sensitive comparison is exact and the cheapest.
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
        .respect_case()
        .element_limit(MATRIX_CELL_LIMIT)
}

/// An item's score split so that the next keystroke can reuse it: `head` covers every
/// term but the last, `total` all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub head: i64,
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The folded terms, in query order.
    terms: Vec<String>,
    /// Union of the terms' signatures.
    signature: u64,
    /// The folded query with runs of whitespace collapsed, used to tell whether a new
    /// query only extends the previous one.
    key: String,
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        let folded = fold(raw);
        let terms: Vec<String> = folded.split_whitespace().map(str::to_owned).collect();
        let signature = terms.iter().fold(0, |s, t| s | signature(t));
        let mut key = terms.join(" ");
        // A trailing space starts a new term: keep it so "zel " is not "zel" extended.
        if folded.ends_with(char::is_whitespace) && !key.is_empty() {
            key.push(' ');
        }
        Query {
            terms,
            signature,
            key,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn terms_len(&self) -> usize {
        self.terms.len()
    }

    /// Whether every item matching `self` also matches `previous`: true when `self` was
    /// typed by appending to `previous` (each old term is then a prefix of a new term,
    /// and a fuzzy match of a longer pattern implies one of its prefix).
    pub fn extends(&self, previous: &Query) -> bool {
        self.key.starts_with(&previous.key)
    }

    /// How many leading terms of `self` are scored exactly as in `previous` (which
    /// `self` extends): all of them when `previous` ended with a space or is the same
    /// query, else all but the last, which grew.
    pub fn reusable_terms(&self, previous: &Query) -> usize {
        let same = self
            .terms
            .iter()
            .zip(&previous.terms)
            .take_while(|(a, b)| a == b)
            .count();
        // Only whole terms of `previous` can be reused, and only when they are also
        // whole terms here.
        if same == previous.terms.len() {
            same
        } else {
            same.min(previous.terms.len().saturating_sub(1))
        }
    }

    /// Scores an item on the terms from `from` on, given `base`, the known score of the
    /// terms before `from`. Returns the item's [`Scored`] or `None` when some term does
    /// not match.
    pub fn score_from(
        &self,
        matcher: &SkimMatcherV2,
        item: &str,
        item_signature: u64,
        from: usize,
        base: i64,
    ) -> Option<Scored> {
        if item_signature & self.signature != self.signature {
            return None;
        }
        let rest = self.terms.get(from..)?;
        if !rest.iter().all(|t| is_subsequence(item, t)) {
            return None;
        }
        let mut head = base;
        let mut last = 0;
        for (i, term) in rest.iter().enumerate() {
            let (score, _) = fuzzy(matcher, item, term, false)?;
            if from + i + 1 == self.terms.len() {
                last = score;
            } else {
                head = head.saturating_add(score);
            }
        }
        Some(Scored {
            head,
            total: head.saturating_add(last),
        })
    }

    /// Char positions in `item` to highlight: the union of every term's match, sorted;
    /// empty when the item does not match.
    pub fn positions(&self, matcher: &SkimMatcherV2, item: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for term in &self.terms {
            match fuzzy(matcher, item, term, true) {
                Some((_, pos)) => out.extend(pos),
                None => return Vec::new(),
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// `SkimMatcherV2::fuzzy` made a pure function of its inputs. fuzzy-matcher 0.3.7 keeps
/// its score matrix per thread and grows it with `Vec::resize`, which keeps the previous
/// call's cells, and some of them are read before being written: an item's score then
/// depended on what the same thread scored before (found by the narrowing property test:
/// 64 fresh, 70 after another item). Its `use_cache(false)` switch panics (a `RefCell`
/// borrowed twice). So a one-char call first shrinks the matrix to four cells it fully
/// writes; the real call's resize then starts from known cells, as a fresh matcher would.
fn fuzzy(
    matcher: &SkimMatcherV2,
    item: &str,
    term: &str,
    with_pos: bool,
) -> Option<(i64, Vec<usize>)> {
    let _ = matcher.fuzzy("x", "x", false);
    matcher.fuzzy(item, term, with_pos)
}

/// Whether the bytes of `needle` occur in order in `hay`. Necessary for a char-level
/// fuzzy match (UTF-8 keeps each char's bytes together), so it may only reject items that
/// cannot match.
fn is_subsequence(hay: &str, needle: &str) -> bool {
    let hay = hay.as_bytes();
    let mut at = 0;
    for &b in needle.as_bytes() {
        match memchr::memchr(b, &hay[at..]) {
            Some(i) => at += i + 1,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_split_on_any_whitespace() {
        let q = Query::parse("  Zel\u{00A0}TALKS\t");
        assert_eq!(q.terms, ["zel", "talks"]);
        assert!(Query::parse(" \t ").is_empty());
    }

    #[test]
    fn extension_follows_typing() {
        let zel = Query::parse("zel");
        assert!(Query::parse("zele").extends(&zel));
        assert!(Query::parse("zel t").extends(&zel));
        assert!(!Query::parse("ze").extends(&zel));
        assert!(!Query::parse("zel").extends(&Query::parse("zel ")));
        assert!(Query::parse("zel t").extends(&Query::parse("zel ")));
    }

    #[test]
    fn reusable_terms_are_the_unchanged_whole_ones() {
        let reuse = |new: &str, old: &str| Query::parse(new).reusable_terms(&Query::parse(old));
        assert_eq!(reuse("zele", "zel"), 0);
        assert_eq!(reuse("zel t", "zel "), 1);
        assert_eq!(reuse("zel ta", "zel t"), 1);
        assert_eq!(reuse("zel ta", "zel ta"), 2);
        assert_eq!(reuse("a b c", "a b"), 2);
        assert_eq!(reuse("a bc", "a b"), 1);
    }

    #[test]
    fn subsequence_check() {
        assert!(is_subsequence("zelensky", "zlk"));
        assert!(!is_subsequence("zelensky", "kz"));
        assert!(is_subsequence("anything", ""));
        assert!(is_subsequence("東京タワー", "京ワ"));
    }
}
