//! Word statistics shared by key point ranking and merging: a tokenizer, a stopword list
//! and a [`Lexicon`] that turns text into interned stem ids.
//!
//! Text is tokenised once into `u32` term ids so that everything downstream (similarity,
//! centrality, grouping) compares integers, never strings. The lexicon caches the stem of
//! every surface form it has seen, so the Snowball stemmer runs once per distinct word,
//! not once per occurrence: that is what keeps derive well above 20 MB/s.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;

/// English function words: they carry no topic, so they are left out of term vectors.
/// Sorted, so membership is a binary search.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether `lower` (already lower-cased) is a function word.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.binary_search(&lower).is_ok()
}

/// The words of `text`: maximal runs of letters and digits. Apostrophes and hyphens split
/// words, which is what a bag-of-words model wants ("Greenspan's" counts as "Greenspan").
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Interns the stems of words as dense ids.
pub struct Lexicon {
    stemmer: Stemmer,
    /// Surface form (lower case) to its stem id, `None` for stopwords.
    surface: HashMap<String, Option<u32>>,
    stems: HashMap<String, u32>,
    /// Stems longer than this many chars are cut, so spelling variants of one name
    /// ("Zelensky", "Zelenskyy") meet; `usize::MAX` keeps stems whole.
    prefix: usize,
    lower: String,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

impl Lexicon {
    pub fn new() -> Lexicon {
        Lexicon::with_prefix(usize::MAX)
    }

    /// A lexicon whose stems are cut to `prefix` chars (a coarser notion of "same word").
    pub fn with_prefix(prefix: usize) -> Lexicon {
        Lexicon {
            stemmer: Stemmer::create(Algorithm::English),
            surface: HashMap::default(),
            stems: HashMap::default(),
            prefix: prefix.max(1),
            lower: String::new(),
        }
    }

    /// Number of distinct stems seen so far; ids are `0..len()`.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// Appends the stem ids of the content words of `text` to `out`, in text order.
    /// Returns the number of words seen, stopwords included.
    pub fn terms(&mut self, text: &str, out: &mut Vec<u32>) -> usize {
        let mut n = 0;
        for w in words(text) {
            n += 1;
            if let Some(id) = self.term(w) {
                out.push(id);
            }
        }
        n
    }

    /// The stem id of one word, `None` for stopwords and single letters.
    pub fn term(&mut self, word: &str) -> Option<u32> {
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Some(id) = self.surface.get(self.lower.as_str()) {
            return *id;
        }
        let id = if self.lower.chars().nth(1).is_none() || is_stopword(&self.lower) {
            None
        } else {
            let stem = self.stemmer.stem(&self.lower);
            let stem = match stem.char_indices().nth(self.prefix) {
                Some((cut, _)) => &stem[..cut],
                None => &stem[..],
            };
            let next = self.stems.len() as u32;
            Some(*self.stems.entry(stem.to_string()).or_insert(next))
        };
        self.surface.insert(self.lower.clone(), id);
        id
    }
}

/// Size of the intersection of two sorted lists (repeats counted as often as both have them).
pub fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn inflections_share_a_stem_and_stopwords_vanish() {
        let mut lex = Lexicon::new();
        let mut a = Vec::new();
        let mut b = Vec::new();
        assert_eq!(lex.terms("The talks were talking of talk", &mut a), 6);
        lex.terms("TALKS", &mut b);
        assert_eq!(a.len(), 3);
        assert!(a.iter().all(|&t| t == b[0]));
    }

    #[test]
    fn prefix_joins_spelling_variants() {
        let mut lex = Lexicon::with_prefix(7);
        assert_eq!(lex.term("Zelenskyy"), lex.term("Zelensky"));
        let mut whole = Lexicon::new();
        assert_ne!(whole.term("Zelenskyy"), whole.term("Zelenski"));
    }
}
