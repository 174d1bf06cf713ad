//! "Did you mean …?": the closest valid name to a typo, by edit distance.

/// The candidate closest to `typo`, when it is close enough to be a plausible typo:
/// at most two edits (a swap of neighbours counts as one), and fewer edits than the
/// typo has characters so that short unrelated words are not "corrected".
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typo = typo.to_lowercase();
    let len = typo.chars().count();
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&typo, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= 2 && d < len)
        .min_by_key(|&(d, c)| (d, c.len()))
        .map(|(_, c)| c)
}

/// `" — did you mean `x`?"`, or nothing when no candidate is close.
pub fn hint<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(typo, candidates)
        .map(|c| format!(" — did you mean `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_ignores_unrelated_words() {
        let names = ["down", "up", "page_down", "quit"];
        assert_eq!(closest("dwon", names), Some("down"));
        assert_eq!(closest("qiut", names), Some("quit"));
        assert_eq!(closest("page-down", names), Some("page_down"));
        assert_eq!(closest("xyzzy", names), None);
        assert_eq!(closest("a", names), None);
        assert_eq!(hint("uo", names), " — did you mean `up`?");
    }
}
