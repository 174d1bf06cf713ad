//! Tests of name candidates: title stripping, particles, headlines, organisation cues.

use super::*;

fn names(text: &str) -> Vec<String> {
    mentions_alone(text, false)
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn strips_titles_and_keeps_known_names() {
    let text =
        "British Defence Secretary John Healey met NATO Secretary General Mark Rutte in Kyiv.";
    let m = mentions_alone(text, false);
    let n: Vec<&str> = m.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(n, vec!["John Healey", "NATO", "Mark Rutte", "Kyiv"]);
    assert_eq!(m[0].role.as_deref(), Some("British Defence Secretary"));
}

#[test]
fn particles_possessives_and_sentence_starts() {
    assert_eq!(
        names("They met Ursula von der Leyen and Trump's aides."),
        vec!["Ursula von der Leyen", "Trump"]
    );
    assert!(names("Officials met on Monday.").is_empty());
    assert_eq!(names("Healey said the talks would go on."), vec!["Healey"]);
}

#[test]
fn headlines_give_known_names_only() {
    assert_eq!(
        names("London Talks Seek Path to Ceasefire in Ukraine Conflict"),
        vec!["London", "Ukraine"]
    );
    assert_eq!(
        names("SOCCER - JAPAN GET LATE WIN, CHINA IN SURPRISE DEFEAT"),
        vec!["Japan", "China"]
    );
}

#[test]
fn organisation_cues() {
    let m = mentions_alone(
        "a statement from the Defence Ministry and the Bank of England on Friday.",
        false,
    );
    let n: Vec<&str> = m.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(n, vec!["Defence Ministry", "Bank of England"]);
    // "Bank of England" is a known organisation (WordNet); the ministry is one by its cue.
    assert!(m[0].evidence.org > 0 && m[0].lexicon.is_none());
    assert!(m[1].lexicon.is_some());
}
