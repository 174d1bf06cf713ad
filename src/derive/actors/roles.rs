//! Roles as written around a person's name: the title run before it ("British Defence
//! Secretary John Healey", "Kremlin spokesperson Dmitry Peskov") and an appositive after it
//! ("Keith Kellogg, President Trump's special envoy for Ukraine and Russia, is …").
//!
//! Both return the words as they read in the text; honorifics (Mr, Sir) are not roles.

use super::lexicon::Lexicon;
use super::tokens::Token;

const JOINERS: &[&str] = &["of", "the", "for"];

/// The role run written right before the name starting at token `first`.
/// `covered` says whether a token is part of a known place or organisation.
pub(crate) fn role_before(
    text: &str,
    tokens: &[Token],
    first: usize,
    covered: &dyn Fn(usize) -> bool,
) -> Option<String> {
    let lex = Lexicon::get();
    let mut from = first;
    let mut j = first;
    // Whether the word after `j` is a role word, so a capitalised word may modify it
    // ("Labour leader") while a name before "and" may not ("Rutte and … President").
    let mut after_role = false;
    while j > 0 && tokens[j].joined {
        j -= 1;
        let t = tokens[j];
        let word = &text[t.start..t.end];
        let role_word = lex.is_title(word) || lex.is_role_word(word);
        let roleish =
            role_word || lex.demonyms.contains(word) || covered(j) || JOINERS.contains(&word);
        let modifier = t.cap && !lex.common.contains(word) && after_role;
        // "Ukraine's Zelensky": a possessor right before the name is not a role.
        if t.possessive && j + 1 == first {
            break;
        }
        if !(roleish || modifier) {
            break;
        }
        let head = lex.role_heads.contains(&word.to_lowercase())
            || (lex.titles.contains(word) && !lex.honorifics.contains(word));
        after_role = head;
        from = j;
        if t.sent_start {
            break;
        }
    }
    let words: Vec<usize> = (from..first).collect();
    trim_role(text, tokens, &words)
}

/// Drops honorifics and loose joiners at either end; `None` unless a role head remains.
fn trim_role(text: &str, tokens: &[Token], idx: &[usize]) -> Option<String> {
    let lex = Lexicon::get();
    let word = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut lo = 0;
    let mut hi = idx.len();
    while hi > lo
        && (lex.honorifics.contains(word(idx[hi - 1])) || JOINERS.contains(&word(idx[hi - 1])))
    {
        hi -= 1;
    }
    while lo < hi && (lex.honorifics.contains(word(idx[lo])) || JOINERS.contains(&word(idx[lo]))) {
        lo += 1;
    }
    let kept = &idx[lo..hi];
    let has_head = kept.iter().any(|&i| {
        let w = word(i);
        (lex.titles.contains(w) && !lex.honorifics.contains(w))
            || lex.role_heads.contains(&w.to_lowercase())
    });
    if !has_head {
        return None;
    }
    let (first, last) = (kept.first()?, kept.last()?);
    Some(squash(&text[tokens[*first].start..tokens[*last].end]))
}

/// An appositive role after the name ending at byte `end`: ", the president of Ukraine,".
pub(crate) fn appositive_after(text: &str, end: usize) -> Option<String> {
    let lex = Lexicon::get();
    let rest = text.get(end..)?;
    let rest = rest.strip_prefix(',')?.trim_start();
    let stop = rest
        .find(|c: char| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–'
            )
        })
        .unwrap_or(rest.len());
    let phrase = rest[..stop].trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let first = words[0];
    if [
        "who", "whose", "which", "that", "and", "but", "or", "as", "while", "when", "he", "she",
        "it", "they",
    ]
    .contains(&first.to_lowercase().as_str())
    {
        return None;
    }
    let bare = |w: &str| w.trim_end_matches("'s").trim_end_matches("’s").to_string();
    let has_head = words.iter().any(|w| {
        let b = bare(w);
        lex.role_heads.contains(&b.to_lowercase())
            || (lex.titles.contains(&b) && !lex.honorifics.contains(&b))
    });
    // A proper list of names ("Lammy, Healey and Starmer") has no head word; a list that
    // goes on to another name ("Kate Winslet and director Mike Leigh") is no role.
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let names_another =
        capital(words[0]) && words.get(1).is_some_and(|w| capital(w)) && !lex.is_title(words[0]);
    if !has_head || names_another {
        return None;
    }
    let skip = usize::from(["a", "an", "the"].contains(&first.to_lowercase().as_str()));
    let role = words[skip..].join(" ");
    (!role.is_empty()).then_some(role)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn before(text: &str, name: &str) -> Option<String> {
        let toks = tokenize(text);
        let at = text.find(name).unwrap_or(0);
        let first = toks.iter().position(|t| t.start == at).unwrap_or(0);
        let lex = Lexicon::get();
        let hits = lex.entries_in(text, false);
        let covered = |i: usize| {
            hits.iter()
                .any(|h| h.start <= toks[i].start && toks[i].end <= h.end)
        };
        role_before(text, &toks, first, &covered)
    }

    #[test]
    fn title_runs_before_names() {
        assert_eq!(
            before("British Defence Secretary John Healey said", "John").as_deref(),
            Some("British Defence Secretary")
        );
        assert_eq!(
            before("The Kremlin spokesperson Dmitry Peskov said", "Dmitry").as_deref(),
            Some("Kremlin spokesperson")
        );
        assert_eq!(
            before("Labour leader Sir Keir Starmer met", "Keir").as_deref(),
            Some("Labour leader")
        );
        assert_eq!(before("then Mr Healey said", "Healey"), None);
        assert_eq!(before("a deal with Donald Trump", "Donald"), None);
        assert_eq!(
            before("with NATO Secretary General Mark Rutte", "Mark").as_deref(),
            Some("NATO Secretary General")
        );
        let both = "meet NATO Secretary General Mark Rutte and European Commission President Ursula von der Leyen";
        assert_eq!(
            before(both, "Ursula").as_deref(),
            Some("European Commission President")
        );
        let after_name = "with Keir Starmer Foreign Secretary David Lammy";
        assert_eq!(
            before(after_name, "David").as_deref(),
            Some("Foreign Secretary")
        );
    }

    #[test]
    fn appositives() {
        let t = "Keith Kellogg, President Trump's special envoy for Ukraine and Russia, is leading";
        assert_eq!(
            appositive_after(t, 13).as_deref(),
            Some("President Trump's special envoy for Ukraine and Russia")
        );
        assert_eq!(appositive_after("Lammy, Healey and Starmer met", 5), None);
        let list = "Imelda Staunton, Kate Winslet and director Mike Leigh were there";
        assert_eq!(appositive_after(list, 15), None);
        assert_eq!(appositive_after("Putin, who says he wants peace", 5), None);
        assert_eq!(
            appositive_after("Zelensky, the president of Ukraine, said", 8).as_deref(),
            Some("president of Ukraine")
        );
    }
}
