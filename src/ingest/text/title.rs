//! Titles: recognising a headline line, splitting an outlet off a page title
//! ("Headline – KGOU"), and deriving a short title from a lead sentence when an article
//! has no headline at all.

use super::words::{bare, ends_sentence, is_capitalised, is_function_word, is_lowercase_word};

/// Derived titles stop at about this many words…
const TITLE_WORDS: usize = 8;
/// …unless the first clause ends a little later: a whole clause reads better.
const CLAUSE_WORDS: usize = 12;

/// Whether a line reads as a headline: short, capitalised, not a sentence of prose.
/// All-capitals wire headlines keep their final full stop ("SOCCER - BAN LIFTED.").
pub fn is_headline(text: &str) -> bool {
    if text.len() > 1000 {
        return false;
    }
    let words: Vec<&str> = text.split(' ').collect();
    let shouting = is_all_caps(text);
    (2..=30).contains(&words.len())
        && text.chars().count() <= 250
        // "iTunes now selling…", "£400 Apple…", "&#163;1.8m fine…" start a headline too;
        // a plain lower-case word does not.
        && (!is_lowercase_word(words[0]) || words[0].chars().any(char::is_uppercase))
        && !text.ends_with([':', ',', ';', '-', '–'])
        && (!ends_sentence(text)
            || shouting
            || text.ends_with(['?', '!'])
            || trailing_ellipsis(text))
        && super::dates::normalize(text).is_none()
}

fn trailing_ellipsis(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’']);
    t.ends_with("...") || t.ends_with('…')
}

/// The headline as shown: wire-style trailing full stops dropped.
pub fn clean_headline(text: &str) -> String {
    if is_all_caps(text) {
        text.trim_end_matches('.').trim_end().to_string()
    } else {
        text.to_string()
    }
}

fn is_all_caps(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut total) = (0, 0);
    for c in letters {
        total += 1;
        upper += usize::from(c.is_uppercase());
    }
    total >= 4 && upper == total
}

/// Splits "Headline words here – Outlet" into the headline and the outlet, when the part
/// after the last dash or bar is short and reads as a name.
pub fn split_source(text: &str) -> Option<(&str, &str)> {
    let (cut, sep_len) = [" – ", " — ", " | ", " - "]
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i)?;
    let (left, right) = (text[..cut].trim(), text[cut + sep_len..].trim());
    let right_words: Vec<&str> = right.split(' ').collect();
    let reads_as_name = right_words
        .iter()
        .all(|w| is_capitalised(w) || w.contains('.') || matches!(*w, "&" | "of" | "the"));
    let ok = (1..=4).contains(&right_words.len())
        && right.chars().count() <= 30
        && reads_as_name
        && !ends_sentence(right)
        && super::dates::normalize(right).is_none()
        && left.split(' ').count() >= 3;
    ok.then_some((left, right))
}

/// A short title from the lead of an article without a headline: the first sentence
/// when it is short, else its first clause, else its first words cut at a word boundary
/// and marked with an ellipsis. Never the whole paragraph, never ending on "of the".
pub fn title_from_lead(text: &str) -> String {
    let sentence = first_sentence(text.trim());
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.is_empty() {
        return "Untitled".to_string();
    }
    if words.len() <= CLAUSE_WORDS - 2 {
        return strip_end(&words.join(" "));
    }
    // The first clause, when it ends at a comma, colon or dash within reach.
    if let Some(end) = (3..CLAUSE_WORDS.min(words.len())).find(|&i| {
        words[i].ends_with([',', ';', ':'])
            || words.get(i + 1).is_some_and(|w| matches!(*w, "–" | "—"))
    }) {
        return strip_end(&words[..=end].join(" "));
    }
    let mut take = words[..TITLE_WORDS.min(words.len())].to_vec();
    while take.len() > 3 && take.last().is_some_and(|w| is_function_word(w)) {
        take.pop();
    }
    format!("{}…", strip_end(&take.join(" ")))
}

fn strip_end(s: &str) -> String {
    s.trim_end_matches(|c: char| {
        c.is_ascii_punctuation() && !matches!(c, ')' | '"' | '%' | '?' | '!')
    })
    .trim_end_matches(['–', '—', ' '])
    .to_string()
}

/// The text up to the first full stop that ends a sentence (not "U.S." or "Mr.").
fn first_sentence(text: &str) -> &str {
    let mut pos = 0;
    for word in text.split(' ') {
        let end = pos + word.len();
        let next = text.get(end..).unwrap_or("").trim_start();
        let next_starts =
            next.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘'));
        if ends_sentence(word) && !is_abbreviation(word) && next_starts {
            return text[..end].trim();
        }
        pos = end + 1;
    }
    text
}

fn is_abbreviation(word: &str) -> bool {
    const ABBR: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "gov", "sen", "rep", "prof",
        "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "inc", "ltd", "co", "corp", "jr", "sr",
    ];
    let w = bare(word).to_lowercase();
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    ABBR.contains(&w.as_str()) || letters <= 1 || w.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_shapes() {
        assert!(is_headline(
            "Zelensky Intensifies Diplomatic Push with Key European Leaders"
        ));
        assert!(is_headline("Dollar gains on Greenspan speech"));
        assert!(is_headline("SOCCER - BLINKER BAN LIFTED."));
        assert!(is_headline("Will the ceasefire hold?"));
        assert!(is_headline("iTunes now selling Band Aid song"));
        assert!(is_headline("'My memories of Marley...'"));
        assert!(is_headline("£400 phones on sale"));
        assert!(!is_headline("the talks went on"));
        assert!(!is_headline(
            "The talks resumed on Monday after a long pause."
        ));
        assert!(!is_headline("Politics"));
        assert!(!is_headline("December 8, 2025"));
        assert!(!is_headline("including:"));
        assert_eq!(
            clean_headline("SOCCER - BLINKER BAN LIFTED."),
            "SOCCER - BLINKER BAN LIFTED"
        );
    }

    #[test]
    fn splits_outlet_from_page_title() {
        assert_eq!(
            split_source("Zelenskyy heads to London for more talks. Here’s what to know – KGOU"),
            Some((
                "Zelenskyy heads to London for more talks. Here’s what to know",
                "KGOU"
            ))
        );
        assert_eq!(
            split_source("Talks stall in Geneva | The Guardian"),
            Some(("Talks stall in Geneva", "The Guardian"))
        );
        assert_eq!(
            split_source("CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES."),
            None
        );
        assert_eq!(split_source("Prices rose - and then they fell again"), None);
    }

    #[test]
    fn derived_titles_are_short_and_end_on_a_word() {
        let lead = "London is once again the diplomatic stage for high-stakes negotiations, as Ukraine’s allies convene for the latest round of talks. More follows.";
        assert_eq!(
            title_from_lead(lead),
            "London is once again the diplomatic stage for high-stakes negotiations"
        );
        let t = title_from_lead("The head of the agency said on Monday that the plan for the region would be published before the end of the year.");
        assert!(
            t.ends_with('…') && t.split(' ').count() <= TITLE_WORDS,
            "{t}"
        );
        assert!(!t.trim_end_matches('…').ends_with(" the"), "{t}");
        assert_eq!(
            title_from_lead("Mr. Smith went to Washington. Then he left."),
            "Mr. Smith went to Washington"
        );
        assert_eq!(title_from_lead("   "), "Untitled");
        // Found by proptest: eleven words, no clause break.
        let eleven = "one two three four five six seven eight nine ten eleven";
        assert_eq!(
            title_from_lead(eleven),
            "one two three four five six seven eight…"
        );
    }
}
