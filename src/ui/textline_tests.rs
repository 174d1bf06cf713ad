//! The lazy layout against textwrap's own (the second implementation these tests trust),
//! and its cost on the huge single line of issue 18 (case 8).

use super::*;
use proptest::prelude::*;
use std::time::{Duration, Instant};
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;

/// Wrapping as the reader did it before: textwrap over the whole text.
fn reference(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let words: Vec<_> = WordSeparator::AsciiSpace.find_words(text).collect();
    let words = break_words(words, width);
    let base = text.as_ptr() as usize;
    let lines = wrap_first_fit(&words, &[width as f64]);
    let out: Vec<Range<usize>> = lines
        .iter()
        .filter_map(|l| {
            let first = l.first()?;
            let last = l.last()?;
            let start = first.word.as_ptr() as usize - base;
            Some(start..last.word.as_ptr() as usize - base + last.word.len())
        })
        .collect();
    if out.is_empty() {
        std::iter::once(0..0).collect()
    } else {
        out
    }
}

fn plain(l: &Line) -> String {
    l.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Text with the shapes that matter: spaces and runs of them, long words, wide and
/// zero-width characters, control characters that sanitizing widens.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" ".to_string()),
        Just("   ".to_string()),
        "[a-z]{1,6}",
        "[a-z]{20,60}",
        Just("中文".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\t".to_string()),
        Just("😀".to_string()),
        // Many bytes per column: where a prefix of the string holds few lines.
        Just("\u{301}".repeat(40)),
        Just(" ".repeat(50)),
    ];
    proptest::collection::vec(piece, 0..400).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn lazy_wrapping_matches_textwrap(text in texty(), width in 1usize..30) {
        prop_assert_eq!(wrap_ranges(&text, width), reference(&text, width));
    }

    #[test]
    fn a_prefix_lays_out_as_the_whole_string(
        raw in texty(),
        width in 1usize..20,
        max in 1usize..6,
    ) {
        let got: Vec<String> = wrapped(&raw, width, max, &[], Style::default(), Style::default(), "…")
            .iter()
            .map(plain)
            .collect();
        let whole = sanitize(&raw);
        let all = reference(&whole, width);
        let cut = all.len() > max;
        let mut want: Vec<String> = all.iter().take(max).map(|r| whole[r.clone()].to_string()).collect();
        if cut {
            let last = want.pop().unwrap_or_default();
            let kept = plain(&truncate(Line::from(last), width.saturating_sub(1)));
            want.push(format!("{kept}…"));
        }
        prop_assert_eq!(got, want);
    }

    #[test]
    fn one_line_is_the_whole_string_cut(raw in texty(), width in 0usize..40) {
        let got = plain(&one_line(&raw, width, &[], Style::default(), Style::default(), "…"));
        let whole = sanitize(&raw);
        let want = if whole.width() <= width {
            whole.to_string()
        } else {
            format!("{}…", plain(&truncate(Line::from(whole.to_string()), width.saturating_sub(1))))
        };
        prop_assert_eq!(got, want);
    }
}

#[test]
fn highlights_stay_on_their_characters_across_lines() {
    let hl = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
    let text = "alpha beta gamma delta";
    // 'g' of gamma is char 11, 'd' of delta char 17.
    let lines = wrapped(text, 6, 10, &[11, 17], Style::default(), hl, "…");
    let bold: Vec<String> = lines
        .iter()
        .flat_map(|l| l.spans.iter())
        .filter(|s| s.style == hl)
        .map(|s| s.content.to_string())
        .collect();
    assert_eq!(bold, ["g", "d"]);
}

/// The bound of case 8: a 0.9 MB line without a full stop, as the selected key point
/// (all lines asked for) and as a list title. Before, the selected point alone took
/// minutes per frame; the budget here is generous for a debug build.
#[test]
fn a_huge_line_costs_what_is_drawn() {
    let words = [
        "talks",
        "envoy",
        "geneva",
        "minister",
        "harbour",
        "delegation",
    ];
    let mut line = String::new();
    let mut i = 0usize;
    while line.len() < 900_000 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7);
    }
    let start = Instant::now();
    let lines = wrapped(
        &line,
        80,
        usize::MAX,
        &[1, 2],
        Style::default(),
        Style::default(),
        "…",
    );
    let title = one_line(&line, 40, &[], Style::default(), Style::default(), "…");
    let took = start.elapsed();
    assert_eq!(lines.len(), MAX_LINES);
    assert!(plain(&title).ends_with('…'));
    assert!(took < Duration::from_secs(2), "took {took:?}");
    // One 9 MB word (the file size limit) is no worse.
    let word = "x".repeat(9 << 20);
    let start = Instant::now();
    let lines = wrapped(&word, 80, 3, &[], Style::default(), Style::default(), "…");
    assert_eq!(lines.len(), 3);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}
