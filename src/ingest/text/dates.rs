//! Publication dates in the many ways news sites write them, normalised to `YYYY-MM-DD`.
//!
//! [`normalize`] looks for the first date-shaped run in a short string: numeric forms
//! (`2025-12-08`, `2025-12-08T10:00Z`, `2025/12/08`, `23/04/2026`) first, then forms with
//! a month name (`December 8, 2025`, `Dec. 8 2025`, `8th of December 2025`,
//! `Thu, Apr 23 2026 02:39:41 pm`). Weekdays, times and words around the date are
//! ignored, so `Published on December 8, 2025` works too. The calendar check (leap
//! years, month lengths) is left to the `time` crate, so `February 30` is rejected.

use regex::Regex;
use std::sync::LazyLock;
use time::{Date, Month};

/// Years outside this range are far more likely to be counts or ids than dates.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Longer strings are not date fields; scanning them would find dates in prose.
const MAX_LEN: usize = 120;

static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^\d])")
        .expect("static pattern")
});

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[^\d])")
        .expect("static pattern")
});

static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z]+|\d+(?:st|nd|rd|th)?").expect("static pattern"));

/// Normalises a date as written (`December 8, 2025`, `Thu, Apr 23 2026`, `2025-12-08T10:00Z`)
/// to `YYYY-MM-DD`; `None` when it holds no valid date.
///
/// All-numeric day/month orders are read only when unambiguous: `23/04/2026` is 23 April,
/// `04/23/2026` is 23 April, but `04/05/2026` gives `None` rather than a guess.
pub fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_LEN {
        return None;
    }
    numeric(s).or_else(|| with_month_name(s))
}

fn numeric(s: &str) -> Option<String> {
    if let Some(c) = YMD.captures(s) {
        return ymd(num(&c[1])?, num(&c[2])?, num(&c[3])?);
    }
    let c = DMY.captures(s)?;
    let (a, b, year) = (num(&c[1])?, num(&c[2])?, num(&c[3])?);
    match (a > 12, b > 12) {
        (true, false) => ymd(year, b, a),
        (false, true) => ymd(year, a, b),
        _ => None,
    }
}

fn with_month_name(s: &str) -> Option<String> {
    let tokens: Vec<&str> = TOKEN.find_iter(s).map(|m| m.as_str()).collect();
    for (i, tok) in tokens.iter().enumerate() {
        let Some(month) = month_number(tok) else {
            continue;
        };
        // "December 8, 2025" / "Dec 8th 2025"
        if let (Some(d), Some(y)) = (tokens.get(i + 1), tokens.get(i + 2)) {
            if let (Some(day), Some(year)) = (day_number(d), year_number(y)) {
                if let Some(date) = ymd(year, month, day) {
                    return Some(date);
                }
            }
        }
        // "8 December 2025" / "8th of December 2025"
        let before = match i.checked_sub(1).map(|j| tokens[j]) {
            Some(t) if t.eq_ignore_ascii_case("of") => i.checked_sub(2).map(|j| tokens[j]),
            other => other,
        };
        if let (Some(d), Some(y)) = (before, tokens.get(i + 1)) {
            if let (Some(day), Some(year)) = (day_number(d), year_number(y)) {
                if let Some(date) = ymd(year, month, day) {
                    return Some(date);
                }
            }
        }
    }
    None
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

fn day_number(tok: &str) -> Option<u32> {
    let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (digits.len() <= 2).then(|| num(digits)).flatten()
}

fn year_number(tok: &str) -> Option<u32> {
    (tok.len() == 4).then(|| num(tok)).flatten()
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_ascii_lowercase();
    if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let found = MONTHS.iter().position(|m| {
        // Full names, three-letter abbreviations, and "Sept".
        *m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && *m == "september")
    })?;
    u32::try_from(found + 1).ok()
}

/// Formats a calendar date, or `None` when it does not exist (February 30, month 13…).
fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    let year = i32::try_from(year).ok().filter(|y| YEARS.contains(y))?;
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date = Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn reads_the_common_shapes() {
        let cases = [
            ("2025-12-08", "2025-12-08"),
            ("2025-12-08T10:00:00Z", "2025-12-08"),
            ("2025/12/8", "2025-12-08"),
            ("December 8, 2025", "2025-12-08"),
            ("Dec. 8, 2025", "2025-12-08"),
            ("8 December 2025", "2025-12-08"),
            ("8th of December, 2025", "2025-12-08"),
            ("Monday, December 8th 2025", "2025-12-08"),
            ("Thu, Apr 23 2026 02:39:41 pm", "2026-04-23"),
            ("Thu, 23 Apr 2026 14:39:41 +0000", "2026-04-23"),
            ("Published on Sept. 3, 2024", "2024-09-03"),
            ("23/04/2026", "2026-04-23"),
            ("04/23/2026", "2026-04-23"),
            ("LONDON 1996-08-30", "1996-08-30"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for input in [
            "",
            "February 30, 2025",
            "2025-13-01",
            "2025-02-29",
            "04/05/2026",
            "December 2025",
            "May the force be with you",
            "Sources (19)",
            "3000-01-01",
            "12345-12-08",
        ] {
            assert_eq!(normalize(input), None, "{input}");
        }
        assert_eq!(normalize("2024-02-29").as_deref(), Some("2024-02-29"));
    }
}
