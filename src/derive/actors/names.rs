//! How two spellings of a person's name compare: folding (case, accents, transliteration
//! endings), the surname of a written name, and whether two given names can be one.

use strsim::levenshtein;

use super::lexicon::Lexicon;

const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn",
    "al", "el", "dos", "das", "ter", "zu",
];

/// Lower case without accents, dots or apostrophes: "Zelenskyy's" and "ZELENSKYY" agree.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ç' | 'ć' | 'č' => 'c',
            'ñ' | 'ń' => 'n',
            'š' | 'ś' | 'ş' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ý' | 'ÿ' => 'y',
            '.' | '\'' | '’' => continue,
            c => c,
        };
        out.push(plain);
    }
    out
}

/// A surname's comparison key: folded, with transliteration endings made one
/// (Zelenskyy, Zelenskiy, Zelenskii and Zelensky all become "zelensky").
pub(crate) fn surname_key(s: &str) -> String {
    let mut k = fold(s).replace("yy", "y");
    for (from, to) in [("iy", "y"), ("ii", "y"), ("yi", "y"), ("ij", "y")] {
        if let Some(stem) = k.strip_suffix(from) {
            k = format!("{stem}{to}");
            break;
        }
    }
    k
}

/// (given name, surname) of a written person's name; the surname starts at the first
/// particle ("Ursula" + "von der Leyen"), else it is the last word.
pub(crate) fn split(name: &str) -> (Option<&str>, &str) {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return (None, name.trim());
    }
    let at = words
        .iter()
        .position(|w| PARTICLES.contains(w))
        .filter(|&p| p > 0)
        .unwrap_or(words.len() - 1);
    let offset = name.find(words[at]).unwrap_or(0);
    (Some(words[0]), &name[offset..])
}

/// Two surnames that may be the same person's: equal keys, or one edit apart when long.
#[cfg(test)]
pub(crate) fn same_surname(a: &str, b: &str) -> bool {
    same_key(&surname_key(a), &surname_key(b))
}

/// [`same_surname`] on keys made by [`surname_key`].
pub(crate) fn same_key(ka: &str, kb: &str) -> bool {
    if ka == kb {
        return true;
    }
    // Cheap byte-length rejections first: this runs for every pair of surnames.
    if ka.len().abs_diff(kb.len()) > 4 || ka.len().min(kb.len()) < 6 {
        return false;
    }
    let (la, lb) = (ka.chars().count(), kb.chars().count());
    la.min(lb) >= 6 && la.abs_diff(lb) <= 1 && within_one_edit(ka, kb)
}

/// `levenshtein(a, b) <= 1` without its table: this runs for every pair of surnames
/// that share a first letter, and the table was a twentieth of all derive time.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return within_one(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    within_one(&a, &b)
}

fn within_one<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        // One substitution at most: everything after the first difference agrees.
        short.get(head + 1..) == long.get(head + 1..) || head == short.len()
    } else {
        // One insertion: skipping one char of the longer at the first difference.
        short.get(head..) == long.get(head + 1..)
    }
}

/// Two given names that may be one person's: equal, an initial of the other, listed as
/// transliterations of one name, or a small misspelling of a long name.
pub(crate) fn same_given(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    if initial(&fa, &fb) || initial(&fb, &fa) {
        return true;
    }
    if Lexicon::get().same_given_name(&fa, &fb) {
        return true;
    }
    let long = fa.chars().count().min(fb.chars().count()) >= 6;
    long && fa.chars().next() == fb.chars().next() && levenshtein(&fa, &fb) <= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn within_one_edit_is_levenshtein_at_most_one(
            a in "[abcé]{0,7}",
            b in "[abcé]{0,7}",
        ) {
            prop_assert_eq!(within_one_edit(&a, &b), levenshtein(&a, &b) <= 1, "{} {}", a, b);
        }
    }

    #[test]
    fn transliterated_surnames_agree() {
        for s in [
            "Zelenskyy",
            "Zelensky",
            "Zelenskiy",
            "Zelenskii",
            "ZELENSKY",
        ] {
            assert_eq!(surname_key(s), "zelensky", "{s}");
        }
        assert!(same_surname("Zelenskyy", "Zelenskky"));
        assert!(
            !same_surname("Putin", "Puton"),
            "short names must match exactly"
        );
        assert!(!same_surname("Smith", "Smyth"));
    }

    #[test]
    fn given_names() {
        assert!(same_given("Vladimir", "Volodymyr"));
        assert!(same_given("J.", "John"));
        assert!(same_given("Volodomyr", "Volodymyr"));
        assert!(!same_given("John", "Jane"));
        assert!(!same_given("Vladimir", "Volodya"));
    }

    #[test]
    fn surnames_with_particles() {
        assert_eq!(
            split("Ursula von der Leyen"),
            (Some("Ursula"), "von der Leyen")
        );
        assert_eq!(split("Keir Starmer"), (Some("Keir"), "Starmer"));
        assert_eq!(split("Healey"), (None, "Healey"));
    }
}
