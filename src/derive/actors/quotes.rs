//! Direct quotes and who said them.
//!
//! Quoted spans are paired per text (curly “…”, straight "…", «…»; an unclosed mark opens
//! nothing). A quote is attributed by the words around it: after it (`"…," Healey told
//! MPs`, `"…", said Healey`, `"…," he stated`) or before it (`Healey said: "…"`,
//! `Zelensky … stated: "…"`). A pronoun stands for the nearest person named before the
//! quote, which the caller tracks across the article's texts.

use std::ops::Range;

/// Verbs that introduce or close a direct quote.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "states",
    "warned",
    "wrote",
    "argued",
    "noted",
    "insisted",
    "declared",
    "announced",
    "claimed",
    "replied",
    "tweeted",
    "explained",
    "continued",
    "asked",
    "say",
];
const PRONOUNS: &[&str] = &["he", "she"];

/// Who a quote is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Speaker {
    /// The person mention at this index of the text's person mentions.
    Named(usize),
    /// A pronoun: the nearest person named before the quote.
    Pronoun,
}

/// One attributed quote in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attributed {
    pub text: String,
    /// Byte offset of the opening mark, to find the nearest person before it.
    pub at: usize,
    pub speaker: Speaker,
}

/// Quoted spans of `text`: (whole span with marks, inside).
pub(crate) fn quoted(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '"' | '«') => open = Some((i, c)),
            (Some((o, oc)), '”' | '"' | '»')
                if matches!(
                    (oc, c),
                    ('“', '”') | ('“', '"') | ('"', '"') | ('"', '”') | ('«', '»')
                ) =>
            {
                let inner = o + oc.len_utf8()..i;
                out.push((o..i + c.len_utf8(), inner));
                open = None;
            }
            // A second opening mark before a close: the first one was stray.
            (Some(_), '“' | '«') => open = Some((i, c)),
            _ => {}
        }
    }
    out
}

fn words_of(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let wordy = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (start, wordy) {
            (None, true) => start = Some(i),
            (Some(b), false) => {
                out.push((b, &s[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

/// Quotes of `text` attributed by the words around them; `people` are the byte ranges of
/// person mentions in `text`, in order.
pub(crate) fn attribute(text: &str, people: &[Range<usize>]) -> Vec<Attributed> {
    let spans = quoted(text);
    let mut out = Vec::new();
    for (k, (whole, inner)) in spans.iter().enumerate() {
        let body = clean(&text[inner.clone()]);
        if body.split_whitespace().count() < 2 {
            continue;
        }
        let next_open = spans.get(k + 1).map_or(text.len(), |s| s.0.start);
        let speaker =
            after(text, whole.end, next_open, people).or_else(|| before(text, whole.start, people));
        if let Some(speaker) = speaker {
            out.push(Attributed {
                text: body,
                at: whole.start,
                speaker,
            });
        }
    }
    out
}

/// `"…," Healey told`, `"…", said Healey`, `"…," he stated`.
fn after(text: &str, from: usize, limit: usize, people: &[Range<usize>]) -> Option<Speaker> {
    let rest = &text[from..limit.max(from)];
    let clause_end = rest.find(['.', '!', '?', ';']).unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    let words = words_of(clause);
    let verb = words
        .iter()
        .take(6)
        .position(|(_, w)| SPEECH.contains(&w.to_lowercase().as_str()))?;
    let verb_at = from + words[verb].0;
    let verb_end = verb_at + words[verb].1.len();
    // A name between the quote and the verb, or right after the verb.
    if let Some(i) = people
        .iter()
        .position(|p| p.start >= from && p.end <= verb_at)
    {
        return Some(Speaker::Named(i));
    }
    if verb > 0 && PRONOUNS.contains(&words[verb - 1].1.to_lowercase().as_str()) {
        return Some(Speaker::Pronoun);
    }
    let gap_ok =
        |p: &Range<usize>| p.start >= verb_end && text[verb_end..p.start].trim().is_empty();
    people.iter().position(gap_ok).map(Speaker::Named)
}

/// `Healey said: "…"`, `Zelensky firmly stated: "…"`, `he said, "…"`.
fn before(text: &str, open: usize, people: &[Range<usize>]) -> Option<Speaker> {
    let head = text[..open].trim_end();
    let head = head.strip_suffix([':', ',']).unwrap_or(head).trim_end();
    let sentence_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let words = words_of(&head[sentence_start..]);
    let (_, last) = words.last()?;
    if !SPEECH.contains(&last.to_lowercase().as_str()) {
        return None;
    }
    let found = people
        .iter()
        .rposition(|p| p.start >= sentence_start && p.end <= head.len());
    if let Some(i) = found {
        return Some(Speaker::Named(i));
    }
    words
        .iter()
        .any(|(_, w)| PRONOUNS.contains(&w.to_lowercase().as_str()))
        .then_some(Speaker::Pronoun)
}

/// The quote without its marks, spacing folded, and a trailing comma dropped.
fn clean(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_end_matches(',').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str, names: &[&str]) -> Vec<Range<usize>> {
        let mut v: Vec<Range<usize>> = names
            .iter()
            .filter_map(|n| text.find(n).map(|s| s..s + n.len()))
            .collect();
        v.sort_by_key(|r| r.start);
        v
    }

    #[test]
    fn pairs_marks() {
        assert_eq!(quoted("a “b” c \"d\" e").len(), 2);
        assert!(quoted("an “unclosed quote here").is_empty());
        let q = quoted("“outer ‘inner’ still” done");
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn patterns_after_and_before() {
        let t = "“We will not stop,” Healey told MPs.";
        let a = attribute(t, &people(t, &["Healey"]));
        assert_eq!(a[0].speaker, Speaker::Named(0));
        assert_eq!(a[0].text, "We will not stop");
        let t = "\"It is our land, our people\", said Zelensky.";
        assert_eq!(
            attribute(t, &people(t, &["Zelensky"]))[0].speaker,
            Speaker::Named(0)
        );
        let t = "\"It is our land,\" he stated.";
        assert_eq!(attribute(t, &[])[0].speaker, Speaker::Pronoun);
        let t = "Zelensky firmly stated: \"Nothing to talk about.\"";
        assert_eq!(
            attribute(t, &people(t, &["Zelensky"]))[0].speaker,
            Speaker::Named(0)
        );
    }

    #[test]
    fn scare_quotes_and_unattributed_are_left() {
        let t = "The talks would explore “next steps”, including a ceasefire.";
        assert!(attribute(t, &[]).is_empty());
        let t = "Trump said negotiations were “coming to a head,” warning of a pause.";
        assert!(attribute(t, &people(t, &["Trump"])).is_empty());
    }
}
