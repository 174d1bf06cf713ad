//! Merging the key points of all articles into one briefing-wide table.
//!
//! Every key point becomes a fingerprint: its content-word stems (cut to 7 chars so
//! spelling variants such as "Zelensky"/"Zelenskyy" meet), the bigrams of those stems,
//! and its names (capitalised content words). Points are then clustered greedily, best
//! first: each point joins the most similar existing group if [`similarity`] to the
//! group's representative reaches [`THRESHOLD`], else it starts a group of its own. An
//! inverted index from stems to groups keeps this near-linear on large briefings.
//!
//! Similarity is `0.4 · Dice(stems) + 0.6 · Dice(bigrams)`, multiplied by how well the
//! names agree, and halved when the two move in opposite directions ("rose"/"fell") or
//! one is negated and the other not: "prices rose sharply" and "prices fell sharply"
//! stay apart, and the name factor keeps "Russia rejected the plan" away from "Ukraine
//! rejected the plan". The threshold is pinned by the tests in
//! `tests/it/derive_keypoints.rs`: reworded reports of one fact merge, different facts on
//! the same topic do not.
//!
//! A group's score is a noisy-or over its articles, `1 - Π(1 - 0.8 · best score in that
//! article)`: a point backed by several sources outranks a lone point of equal strength,
//! while repeats inside one article add nothing.

use crate::derive::text::{self, Lexicon};
use crate::model::{Article, MergedPoint};
use rustc_hash::FxHashMap;

/// Minimum [`similarity`] for two key points to count as the same point: between the
/// lowest reworded pair (0.73) and the highest different-fact pair (0.39) of the tests.
pub const THRESHOLD: f64 = 0.55;

/// Words that say which way something moved; sorted for binary search.
const UP: &[&str] = &[
    "climb",
    "climbed",
    "gain",
    "gained",
    "grew",
    "higher",
    "increase",
    "increased",
    "jump",
    "jumped",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "soar",
    "soared",
    "surge",
    "surged",
    "up",
];
const DOWN: &[&str] = &[
    "decline",
    "declined",
    "decrease",
    "decreased",
    "down",
    "drop",
    "dropped",
    "fall",
    "fallen",
    "falling",
    "falls",
    "fell",
    "lower",
    "plunge",
    "plunged",
    "shrank",
    "slid",
    "slump",
    "slumped",
];
/// Negations ("t" is what is left of "n't" once apostrophes split words).
const NOT: &[&str] = &["never", "no", "nor", "not", "t", "without"];

/// How much one article's best score counts in the noisy-or (below 1, so agreement
/// always adds something).
const SOURCE_WEIGHT: f64 = 0.8;

/// Stems that appear in more groups than this are too common to find candidates by.
const COMMON: usize = 64;

/// What two key points are compared by.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    stems: Vec<u32>,
    bigrams: Vec<u64>,
    /// Stem occurrences beyond the first of each stem: bounds how many distinct bigrams
    /// can start with the stems two points share.
    repeats: usize,
    names: Vec<u32>,
    up: bool,
    down: bool,
    negated: bool,
}

/// What a word says about direction and negation: bits [`UP_BIT`], [`DOWN_BIT`],
/// [`NOT_BIT`]. One hash probe per word on a lower-cased stack copy (no allocation):
/// three binary searches per word were a thirtieth of all derive time.
fn word_flags(word: &str) -> u8 {
    static FLAGS: std::sync::LazyLock<FxHashMap<&'static [u8], u8>> =
        std::sync::LazyLock::new(|| {
            let mut m = FxHashMap::default();
            for (list, bit) in [(UP, UP_BIT), (DOWN, DOWN_BIT), (NOT, NOT_BIT)] {
                for w in list {
                    *m.entry(w.as_bytes()).or_insert(0) |= bit;
                }
            }
            m
        });
    let mut buf = [0u8; 16];
    let Some(dst) = buf.get_mut(..word.len()) else {
        return 0;
    };
    dst.copy_from_slice(word.as_bytes());
    dst.make_ascii_lowercase();
    FLAGS.get(&*dst).copied().unwrap_or(0)
}

const UP_BIT: u8 = 1;
const DOWN_BIT: u8 = 2;
const NOT_BIT: u8 = 4;

/// Builds fingerprints that are comparable with each other (one shared lexicon).
pub struct Fingerprinter {
    lex: Lexicon,
}

impl Default for Fingerprinter {
    fn default() -> Self {
        Fingerprinter {
            lex: Lexicon::with_prefix(7),
        }
    }
}

impl Fingerprinter {
    pub fn fingerprint(&mut self, sentence: &str) -> Fingerprint {
        let mut fp = Fingerprint::default();
        let mut prev: Option<u32> = None;
        for w in text::words(sentence) {
            let flags = word_flags(w);
            fp.up |= flags & UP_BIT != 0;
            fp.down |= flags & DOWN_BIT != 0;
            fp.negated |= flags & NOT_BIT != 0;
            let Some(id) = self.lex.term(w) else { continue };
            fp.stems.push(id);
            if let Some(p) = prev {
                fp.bigrams.push(u64::from(p) << 32 | u64::from(id));
            }
            prev = Some(id);
            if w.chars().next().is_some_and(char::is_uppercase) {
                fp.names.push(id);
            }
        }
        let occurrences = fp.stems.len();
        for v in [&mut fp.stems, &mut fp.names] {
            v.sort_unstable();
            v.dedup();
        }
        fp.repeats = occurrences - fp.stems.len();
        fp.bigrams.sort_unstable();
        fp.bigrams.dedup();
        fp
    }
}

fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    dice_of(text::overlap(a, b), a.len(), b.len())
}

/// Dice of two sets of sizes `na` and `nb` sharing `shared` elements.
fn dice_of(shared: usize, na: usize, nb: usize) -> f64 {
    if na + nb == 0 {
        return 0.0;
    }
    2.0 * shared as f64 / (na + nb) as f64
}

/// Similarity of two key points in 0..=1 (see the module doc).
pub fn similarity(a: &Fingerprint, b: &Fingerprint) -> f64 {
    // A floor of minus one prunes nothing: every bound is at least zero.
    similarity_from(a, b, -1.0, usize::MAX).unwrap_or(0.0)
}

/// [`similarity`], or `None` as soon as it cannot reach `floor`; `shared_max` is an upper
/// bound on the stems the two share (the merge counts them from its index). The merge
/// compares each point with up to a thousand groups; the cheap factors (names,
/// direction, negation) and bounds from sizes and shared counts rule most of them out
/// before the two overlap walks. Each bound is an upper bound of the exact value, so
/// the result is the same as computing it in full.
fn similarity_from(a: &Fingerprint, b: &Fingerprint, floor: f64, shared_max: usize) -> Option<f64> {
    // A hair of slack so float rounding in a bound never prunes a pair that would
    // reach the floor exactly.
    let below = |bound: f64| bound + 1e-9 < floor;
    // Opposite directions or one negated claim: the same words, a different fact.
    let one_way = |f: &Fingerprint| f.up != f.down;
    let opposite = one_way(a) && one_way(b) && a.up != b.up;
    let conflict = if opposite || a.negated != b.negated {
        0.5
    } else {
        1.0
    };
    // A shared bigram starts with a shared stem, and a point has at most (its distinct
    // stems + its repeats) bigram starts: so `shared + fewer repeats` bounds them.
    let bigram_bound = |shared: usize| {
        let (na, nb) = (a.bigrams.len(), b.bigrams.len());
        let most = shared
            .saturating_add(a.repeats.min(b.repeats))
            .min(na)
            .min(nb);
        0.6 * dice_of(most, na, nb)
    };
    let (sa, sb) = (a.stems.len(), b.stems.len());
    let shared_max = shared_max.min(sa).min(sb);
    let words_bound = 0.4 * dice_of(shared_max, sa, sb) + bigram_bound(shared_max);
    // The names factor is at most 1: most candidates are ruled out before it is walked.
    if below(words_bound * conflict) {
        return None;
    }
    let names = if a.names.is_empty() || b.names.is_empty() {
        1.0
    } else {
        text::overlap(&a.names, &b.names) as f64 / a.names.len().min(b.names.len()) as f64
    };
    let factor = names * conflict;
    if below(words_bound * factor) {
        return None;
    }
    let shared = text::overlap(&a.stems, &b.stems);
    let stems = 0.4 * dice_of(shared, sa, sb);
    if below((stems + bigram_bound(shared)) * factor) {
        return None;
    }
    let sim = (stems + 0.6 * dice(&a.bigrams, &b.bigrams)) * factor;
    (!below(sim)).then_some(sim)
}

struct Group {
    /// (article, key point) of the members, representative first.
    members: Vec<(usize, usize)>,
    fp: Fingerprint,
}

/// Key points of all articles, near-duplicates grouped, best first.
pub fn merge(articles: &[Article]) -> Vec<MergedPoint> {
    let mut fpr = Fingerprinter::default();
    let mut points: Vec<(usize, usize, f64)> = Vec::new();
    let mut fps: FxHashMap<(usize, usize), Fingerprint> = FxHashMap::default();
    for (a, art) in articles.iter().enumerate() {
        for (k, kp) in art.key_points.iter().enumerate() {
            points.push((a, k, finite(kp.score)));
            fps.insert((a, k), fpr.fingerprint(&kp.text));
        }
    }
    points.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));

    let mut groups: Vec<Group> = Vec::new();
    let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    // Which point last listed each group as a candidate: dedups without sorting.
    let mut stamp: Vec<usize> = Vec::new();
    // Per group: how many of this point's uncommon stems it has (valid where stamped).
    let mut count: Vec<usize> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for (turn, (a, k, _)) in points.into_iter().enumerate() {
        let fp = fps.remove(&(a, k)).unwrap_or_default();
        seen.clear();
        // Stems too common to list candidates by: each may still be shared.
        let mut common = 0;
        for list in fp.stems.iter().filter_map(|s| index.get(s)) {
            if list.len() > COMMON {
                common += 1;
                continue;
            }
            for &g in list {
                if stamp[g] != turn + 1 {
                    stamp[g] = turn + 1;
                    count[g] = 0;
                    seen.push(g);
                }
                count[g] += 1;
            }
        }
        // Ascending group order, as before: ties go to the oldest group.
        seen.sort_unstable();
        let mut best: Option<(usize, f64)> = None;
        for &g in &seen {
            // Only a strictly better group can replace the best so far.
            let floor = best.map_or(THRESHOLD, |(_, b)| b.max(THRESHOLD));
            let Some(s) = similarity_from(&fp, &groups[g].fp, floor, count[g] + common) else {
                continue;
            };
            let better = match best {
                Some((_, b)) => s > b,
                None => s >= THRESHOLD,
            };
            if better {
                best = Some((g, s));
            }
        }
        match best {
            Some((g, _)) => groups[g].members.push((a, k)),
            None => {
                for &s in &fp.stems {
                    index.entry(s).or_default().push(groups.len());
                }
                stamp.push(0);
                count.push(0);
                groups.push(Group {
                    members: vec![(a, k)],
                    fp,
                });
            }
        }
    }

    let mut out: Vec<MergedPoint> = groups
        .into_iter()
        .map(|g| to_merged(articles, g.members))
        .collect();
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(y.source_count().cmp(&x.source_count()))
            .then(x.members.first().cmp(&y.members.first()))
    });
    out
}

fn finite(score: f64) -> f64 {
    if score.is_finite() {
        score.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn to_merged(articles: &[Article], members: Vec<(usize, usize)>) -> MergedPoint {
    let kp = |&(a, k): &(usize, usize)| &articles[a].key_points[k];
    let mut best_per_article: Vec<(usize, f64)> = Vec::new();
    let mut actors: Vec<String> = Vec::new();
    for m in &members {
        let s = finite(kp(m).score);
        match best_per_article.iter_mut().find(|(a, _)| *a == m.0) {
            Some(entry) => entry.1 = entry.1.max(s),
            None => best_per_article.push((m.0, s)),
        }
        for actor in &kp(m).actors {
            if !actors.contains(actor) {
                actors.push(actor.clone());
            }
        }
    }
    let miss: f64 = best_per_article
        .iter()
        .map(|(_, s)| 1.0 - SOURCE_WEIGHT * s)
        .product();
    MergedPoint {
        text: members
            .first()
            .map(|m| kp(m).text.clone())
            .unwrap_or_default(),
        score: (1.0 - miss).clamp(0.0, 1.0),
        actors,
        members,
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
