//! Text hygiene for everything drawn: article text is untrusted, so control and escape
//! characters become visible caret notation before any widget sees them, and filter
//! matching runs on a folded copy whose characters map one to one onto the original.

use std::borrow::Cow;

/// Byte ranges of the lines `text` wraps to at `width` columns (unicode widths; words
/// longer than a line are broken). Empty text is one empty line. The key points pane
/// draws with these ranges and the core sizes its rows with them, so both agree.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<std::ops::Range<usize>> {
    use textwrap::core::break_words;
    use textwrap::wrap_algorithms::wrap_first_fit;
    use textwrap::WordSeparator;
    let width = width.max(1);
    let words: Vec<_> = WordSeparator::AsciiSpace.find_words(text).collect();
    let words = break_words(words, width);
    let base = text.as_ptr() as usize;
    let lines = wrap_first_fit(&words, &[width as f64]);
    let out: Vec<std::ops::Range<usize>> = lines
        .iter()
        .filter_map(|l| {
            let first = l.first()?;
            let last = l.last()?;
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            Some(start..end)
        })
        .collect();
    if out.is_empty() {
        std::iter::once(0..0).collect()
    } else {
        out
    }
}

/// Replaces control characters (C0, DEL, C1) with visible text so an article can never
/// send an escape sequence to the terminal (title, colours, clipboard). Tabs become a
/// space; newlines are kept only when `keep_newlines`.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    sanitize_with(s, false)
}

/// Like [`sanitize`] but keeps `\n` (for multi-line blocks the caller splits itself).
pub fn sanitize_keep_newlines(s: &str) -> Cow<'_, str> {
    sanitize_with(s, true)
}

fn sanitize_with(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = s
        .chars()
        .any(|c| is_unsafe(c) && !(keep_newlines && c == '\n'));
    if !needs {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            '\u{7f}' => out.push_str("^?"),
            c if is_unsafe(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Characters a terminal could act on instead of printing, or that reorder what follows.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A lowercase, ASCII-leaning copy for matching: exactly one `char` out per `char` in, so
/// match positions in the folded copy are positions in the original.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201f}' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        // Some lowercase forms are several chars ('İ'); keeping the first keeps the
        // one-to-one mapping that highlight positions rely on.
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Byte ranges of case- and quote-insensitive occurrences of `query` in `text`.
pub fn find_folded(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let q: Vec<char> = fold(query).chars().collect();
    if q.is_empty() || q.iter().all(|c| c.is_whitespace()) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded: Vec<char> = fold(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= folded.len() {
        if folded[i..i + q.len()] == q[..] {
            let start = chars[i].0;
            let end = chars.get(i + q.len()).map_or(text.len(), |c| c.0);
            out.push(start..end);
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        let s = sanitize("a\u{1b}]0;pwned\u{7}b\u{9b}c\u{7f}");
        assert_eq!(s, "a^[]0;pwned^Gb\u{fffd}c^?");
        assert!(!s.chars().any(|c| c.is_control()));
    }

    #[test]
    fn clean_text_is_borrowed_and_newlines_optional() {
        assert!(matches!(sanitize("plain ü 中文"), Cow::Borrowed(_)));
        assert_eq!(sanitize("a\nb\tc"), "a b c");
        assert_eq!(sanitize_keep_newlines("a\nb\tc"), "a\nb c");
        assert_eq!(sanitize("x\u{202e}y"), "x\u{fffd}y");
    }

    #[test]
    fn fold_keeps_char_count() {
        for s in ["İstanbul “Zelensky” — talks", "ÀÉÎ ß 中文 😀", "ABC"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
        assert_eq!(fold("“Zelensky’s” – ÉU"), "\"zelensky's\" - éu");
    }

    #[test]
    fn find_folded_ignores_case_and_quotes() {
        let text = "The “Harbour” deal; harbour fees. HARBOUR!";
        let hits = find_folded(text, "\"harbour\"");
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].clone()], "“Harbour”");
        assert_eq!(find_folded(text, "harbour").len(), 3);
        assert!(find_folded(text, "  ").is_empty());
        assert!(find_folded("İİ", "i").len() == 2);
    }

    proptest::proptest! {
        #[test]
        fn sanitize_never_leaves_controls(s in ".*") {
            let out = sanitize(&s);
            proptest::prop_assert!(!out.chars().any(is_unsafe));
            proptest::prop_assert_eq!(fold(&s).chars().count(), s.chars().count());
        }
    }
}
