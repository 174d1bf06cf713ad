//! What the `proptest_*` never-panic suites share: the case count, and generators for
//! the kinds of mess scraped articles carry. Each suite builds its inputs from these
//! pieces, so one generator reaches every parser it feeds.

use proptest::prelude::*;
use proptest::test_runner::Config;

/// The case count: `PROPTEST_CASES` when set (a long local run), else `default`, which
/// each suite keeps small enough for CI to finish the lot in seconds.
pub fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        ..Config::default()
    }
}

/// Text that breaks naive code: multi-byte and zero-width characters, right-to-left
/// marks, combining marks, controls and escapes, stray CRs, very long words.
pub fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\u{200d}".to_string()),
        Just("\u{202e}gnp.exe".to_string()),
        Just("e\u{301}\u{301}\u{301}".to_string()),
        Just("\u{1b}]0;pwned\u{7}".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\r".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{2028}".to_string()),
        Just("👍🏽".to_string()),
        Just("…".to_string()),
        Just("—".to_string()),
        "[a-z]{300,600}",
        "\\PC{1,8}",
    ]
}

/// A word or a short run of them, now and then with something nasty glued on.
pub fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Z][a-z]{1,8}( [a-z]{1,8}){0,12}[.!?]?",
        1 => "[A-Z]{2,10}( [A-Z]{2,10}){0,3}",
        1 => "[0-9]{1,4}(\\.[0-9]{1,2})?%?",
        1 => nasty(),
    ]
}

/// One line of scraped text: the shapes the text parser has rules for, each in forms
/// near the edge of its rule.
pub fn scraped_line() -> impl Strategy<Value = String> {
    let bullet = prop_oneof![
        Just("•"),
        Just("-"),
        Just("*"),
        Just("·"),
        Just("1."),
        Just("a)")
    ];
    prop_oneof![
        4 => words(),
        2 => (bullet, words()).prop_map(|(b, w)| format!("{b} {w}")),
        1 => prop::collection::vec("[A-Za-z0-9.%$]{1,8}", 2..7).prop_map(|c| c.join(" ")),
        1 => prop::collection::vec("[A-Za-z0-9.%$ ]{0,8}", 2..7).prop_map(|c| c.join("\t")),
        1 => prop::collection::vec("[A-Za-z0-9]{0,6}", 2..6).prop_map(|c| format!("|{}|", c.join("|"))),
        1 => "(By|BY|Written by) [A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?(,| and)?",
        1 => "(Published|Updated|Posted)?:? ?[0-9]{1,2} (January|March|Dec) [0-9]{2,4}",
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?",
        1 => "https?://[a-z.]{1,20}/[a-z0-9/?=&-]{0,30}",
        1 => "(Share|Tweet|Read more|Related( posts)?|Advertisement|Comments \\([0-9]+\\))",
        1 => "[A-Z ]{3,30}",
        1 => "(\"|“|> )[A-Z][a-z ]{0,40}(\"|”)?",
        1 => "[A-Z]{3,8} [0-9]{4}-[0-9]{2}-[0-9]{2}",
        1 => Just(String::new()),
        1 => " {1,8}\t*",
    ]
}

/// A scraped article: lines joined by a newline flavour, or glued with none at all.
pub fn scraped_text() -> impl Strategy<Value = String> {
    let sep = prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just(" "), Just("")];
    (prop::collection::vec(scraped_line(), 0..40), sep).prop_map(|(lines, sep)| lines.join(sep))
}
