//! Counts and titles in plain words: "1 key point", "3 of 11", "1,907 articles". Every
//! pane title and status message that counts something goes through here, so none reads
//! "1 points" or "(0, 11 points)".

/// `n` with thousands separators: 1907 → "1,907".
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 article", "2 articles", "1,907 articles". `word` is the singular; an English
/// plural in -s is enough for every noun the reader counts.
pub fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{} {word}s", number(n))
    }
}

/// "11" when everything shows, "3 of 11" when something narrows it.
pub fn shown_of(shown: usize, total: usize) -> String {
    if shown == total {
        number(total)
    } else {
        format!("{} of {}", number(shown), number(total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1,000");
        assert_eq!(number(13943), "13,943");
        assert_eq!(number(1234567), "1,234,567");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1, "key point"), "1 key point");
        assert_eq!(count(0, "key point"), "0 key points");
        assert_eq!(count(1907, "article"), "1,907 articles");
        assert_eq!(shown_of(5, 5), "5");
        assert_eq!(shown_of(0, 11), "0 of 11");
    }
}
