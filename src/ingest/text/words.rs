//! Word shapes and small closed word classes shared by the table splitter, the heading
//! rules and the title deriver. Closed classes (articles, prepositions, pronouns…) are
//! the only vocabulary used: open-class knowledge would tune the rules to one story.

/// Words that cannot end a phrase: articles, prepositions, conjunctions, pronouns,
/// auxiliaries and question words. A table cell or a derived title never ends in one.
pub fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into",
        "onto", "over", "under", "about", "after", "before", "between", "among", "against",
        "through", "during", "without", "within", "via", "per", "as", "than", "and", "or", "but",
        "nor", "so", "yet", "if", "that", "which", "who", "whom", "whose", "what", "when", "where",
        "why", "how", "it", "its", "it's", "they", "their", "we", "our", "you", "your", "he",
        "his", "she", "her", "i", "my", "is", "are", "was", "were", "be", "been", "being", "has",
        "have", "had", "do", "does", "did", "can", "could", "will", "would", "shall", "should",
        "may", "might", "must", "not", "no", "this", "these", "those", "such", "very", "more",
        "most", "less", "least", "toward", "towards", "upon", "amid", "across", "around", "behind",
        "beyond", "despite", "near", "since", "until", "while", "both", "either", "neither",
        "each", "every",
    ];
    let lower = bare(word).to_lowercase();
    WORDS.contains(&lower.as_str())
}

/// Capitalised words that name a kind of thing only together with the next word
/// ("United Kingdom", "Key Goal", "Prime Minister"): a cell rarely ends on one.
pub fn is_leading_modifier(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "united", "new", "north", "south", "east", "west", "northern", "southern", "eastern",
        "western", "central", "saudi", "sri", "hong", "san", "los", "las", "el", "la", "le", "al",
        "costa", "puerto", "key", "main", "prime", "vice", "deputy", "chief", "total", "average",
        "annual", "net", "gross", "global", "general", "national", "federal", "royal", "supreme",
        "st", "mr", "mrs", "ms", "dr", "sir", "lord", "lady",
    ];
    let lower = bare(word).to_lowercase();
    WORDS.contains(&lower.as_str())
}

pub fn is_month(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = bare(word).to_lowercase();
    MONTHS.contains(&lower.as_str())
}

/// The word without surrounding quotes and brackets, and without trailing punctuation.
pub fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '“' | '”' | '‘' | '’' | '(' | ')' | '[' | ']'
        ) || (c.is_ascii_punctuation() && !matches!(c, '%' | '$' | '#' | '&' | '-'))
    })
}

/// First letter upper case ("Kyiv", "NATO", "Fast-track", "“Security").
pub fn is_capitalised(word: &str) -> bool {
    first_alnum(word).is_some_and(char::is_uppercase)
}

/// First letter lower case ("leader-level", "talks").
pub fn is_lowercase_word(word: &str) -> bool {
    first_alnum(word).is_some_and(char::is_lowercase)
}

/// Starts with a digit or a currency sign: "2025", "4.5%", "£30bn", "-3".
pub fn is_numeric(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '+', '-', '−', '~', '≈']);
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('$' | '£' | '€' | '¥' | '₴' | '₽') => {
            chars.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Two or more letters, all upper case: "NATO", "UK", "G7" counts too.
pub fn is_acronym(word: &str) -> bool {
    let w = bare(word);
    w.chars().count() >= 2
        && w.chars().any(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&')
}

fn first_alnum(word: &str) -> Option<char> {
    word.chars().find(|c| c.is_alphanumeric())
}

/// Sentence-final punctuation, looking through closing quotes and brackets.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_capitalised("“Security"));
        assert!(is_capitalised("NATO"));
        assert!(!is_capitalised("leader-level"));
        assert!(is_lowercase_word("talks,"));
        assert!(is_numeric("£30bn") && is_numeric("4.5%") && is_numeric("-3"));
        assert!(!is_numeric("$") && !is_numeric("G7"));
        assert!(is_acronym("NATO") && is_acronym("G7") && is_acronym("U.S."));
        assert!(!is_acronym("I") && !is_acronym("Kyiv"));
        assert!(is_function_word("For") && is_function_word("of,") && !is_function_word("Kyiv"));
        assert!(ends_sentence("he said.”") && !ends_sentence("Overview"));
    }
}
