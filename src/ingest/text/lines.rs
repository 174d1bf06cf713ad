//! Raw text into classified lines: the first step of structure recovery.
//!
//! [`split`] cleans the text (line endings, control characters, odd spaces), repairs
//! sentences glued by scraping, and tags each line as blank, bullet item, quote or plain
//! text. Every later step works on these [`Line`]s and never sees raw bytes.

/// What a line looks like on its own, before its neighbours are considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Blank,
    /// A list item; `text` holds the item without its marker.
    Bullet,
    /// A `>` line; `text` holds it without the marker.
    Quote,
    /// A Markdown-style `## Heading` kept by the scrape; `text` holds it without hashes.
    Heading,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the input, for warnings.
    pub no: usize,
    pub kind: Kind,
    /// Cleaned text: trimmed, runs of spaces collapsed, marker removed.
    pub text: String,
    /// The line as it was (control characters removed), for `removed`.
    pub raw: String,
    /// Leading spaces (a tab counts as four): deeper bullets continue or nest.
    pub indent: usize,
    /// Widest run of spaces inside the line: scraped tables sometimes keep a wide gap.
    pub widest_gap: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.kind == Kind::Blank
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.text.split(' ').filter(|w| !w.is_empty())
    }
}

/// Splits text into classified lines.
pub fn split(raw: &str) -> Vec<Line> {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // CRLF and a lone CR (old Mac files, some scrapers: "Share\rComments") end lines
    // too; file reading normalises them already, callers of `parse` may not have.
    let text: std::borrow::Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    text.split('\n')
        .enumerate()
        .map(|(i, l)| classify(i + 1, &clean(l)))
        .collect()
}

/// Removes what a terminal or a reader should never see and evens out spacing.
fn clean(line: &str) -> String {
    line.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{3000}' => Some(' '),
            '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{feff}' | '\u{ad}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

fn classify(no: usize, line: &str) -> Line {
    let indent = line.chars().take_while(|c| *c == ' ').count();
    let trimmed = line.trim();
    let widest_gap = widest_gap(trimmed);
    let make = |kind, text: &str| Line {
        no,
        kind,
        text: repair_glue(&collapse_spaces(text)),
        raw: trimmed.to_string(),
        indent,
        widest_gap,
    };
    if trimmed.is_empty() || is_rule(trimmed) {
        return make(Kind::Blank, "");
    }
    if let Some(rest) = trimmed.strip_prefix('>') {
        return make(Kind::Quote, rest.trim());
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        let rest = trimmed[hashes..].trim().trim_end_matches('#').trim();
        if !rest.is_empty() {
            return make(Kind::Heading, rest);
        }
    }
    if let Some(item) = bullet_item(trimmed) {
        return make(Kind::Bullet, item);
    }
    make(Kind::Text, trimmed)
}

/// `***`, `---`, `===`: a visual break, not content.
fn is_rule(s: &str) -> bool {
    s.chars().count() >= 3
        && s.chars()
            .all(|c| matches!(c, '*' | '-' | '_' | '=' | ' ' | '~'))
}

/// The item text when the line starts with a list marker.
fn bullet_item(s: &str) -> Option<&str> {
    const SYMBOLS: [char; 10] = ['•', '◦', '▪', '●', '·', '‣', '○', '■', '►', '▸'];
    let first = s.chars().next()?;
    if SYMBOLS.contains(&first) {
        let rest = s[first.len_utf8()..].trim_start();
        return (!rest.is_empty()).then_some(rest);
    }
    if matches!(first, '-' | '*' | '+' | '–') {
        let rest = s[first.len_utf8()..].strip_prefix(' ')?.trim_start();
        return (!rest.is_empty()).then_some(rest);
    }
    // "1." / "12)" / "a)"; a number followed by a dot and a space is a list item, but
    // "1996." on its own or "3.5 million" is not.
    let marker_len = s.bytes().take_while(u8::is_ascii_digit).count();
    let marker_len = match marker_len {
        1..=3 => marker_len,
        0 if s.len() > 1 && s.as_bytes()[0].is_ascii_lowercase() && s.as_bytes()[1] == b')' => 1,
        _ => return None,
    };
    let after = s.get(marker_len..)?;
    let rest = after
        .strip_prefix(". ")
        .or_else(|| after.strip_prefix(") "))?
        .trim_start();
    (!rest.is_empty()).then_some(rest)
}

fn widest_gap(s: &str) -> usize {
    let (mut widest, mut run) = (0, 0);
    for c in s.chars() {
        run = if c == ' ' { run + 1 } else { 0 };
        widest = widest.max(run);
    }
    widest
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Puts back the space scraping dropped between sentences ("with Russia.The visit") and
/// after commas ("reconstruction,and"), so readers and the sentence splitter see two
/// sentences. Only a lower-case word end followed by a capitalised word counts, which
/// leaves `U.S.`, `3.5`, `1,000`, `rki.news` and `e.g.` alone.
pub fn repair_glue(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let prev2 = i >= 2 && chars[i - 1].is_lowercase() && chars[i - 2].is_lowercase();
        let next = chars.get(i + 1).copied();
        let next2 = chars.get(i + 2).copied();
        let glued = match c {
            '.' | '!' | '?' => {
                prev2
                    && next.is_some_and(char::is_uppercase)
                    && next2.is_some_and(char::is_lowercase)
            }
            ',' => {
                prev2
                    && next.is_some_and(char::is_lowercase)
                    && next2.is_some_and(char::is_lowercase)
            }
            _ => false,
        };
        if glued {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        split(text).into_iter().map(|l| (l.kind, l.text)).collect()
    }

    #[test]
    fn tags_markers_and_strips_them() {
        assert_eq!(
            kinds("## Background ##")[0],
            (Kind::Heading, "Background".to_string())
        );
        assert_eq!(kinds("#hashtag")[0].0, Kind::Text);
        let got = kinds("  • one\n- two\n* three\n1. four\n12) five\na) six\n> said\nplain\n\n---");
        let want = [
            (Kind::Bullet, "one"),
            (Kind::Bullet, "two"),
            (Kind::Bullet, "three"),
            (Kind::Bullet, "four"),
            (Kind::Bullet, "five"),
            (Kind::Bullet, "six"),
            (Kind::Quote, "said"),
            (Kind::Text, "plain"),
            (Kind::Blank, ""),
            (Kind::Blank, ""),
        ];
        let want: Vec<(Kind, String)> = want.iter().map(|(k, t)| (*k, t.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn numbers_and_dashes_in_prose_are_not_markers() {
        for s in [
            "3.5 million people",
            "1996.",
            "-5 degrees",
            "4 - Goran Ivanisevic",
            "*emphasis*",
        ] {
            assert_eq!(split(s)[0].kind, Kind::Text, "{s}");
        }
    }

    #[test]
    fn repairs_glued_sentences_only() {
        assert_eq!(
            repair_glue("with Russia.The visit"),
            "with Russia. The visit"
        );
        assert_eq!(
            repair_glue("reconstruction,and aid"),
            "reconstruction, and aid"
        );
        for keep in [
            "the U.S. plan",
            "3.5 billion",
            "1,000 km",
            "rki.news",
            "e.g. Kyiv",
            "ASP.NET",
        ] {
            assert_eq!(repair_glue(keep), keep);
        }
    }

    #[test]
    fn cleans_controls_and_odd_spaces() {
        let l = &split("\u{feff}a\u{a0}\u{a0}b\u{1b}[31m c\r\n")[0];
        assert_eq!(l.text, "a b[31m c");
        assert_eq!(l.widest_gap, 2);
    }

    #[test]
    fn every_newline_convention_ends_a_line() {
        let texts: Vec<String> = split("Share\rComments\r\nMore\n\rLast")
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, ["Share", "Comments", "More", "", "Last"]);
    }
}
