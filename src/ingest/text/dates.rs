//! Publication dates in the many ways news sites write them, normalised to `YYYY-MM-DD`.

/// Normalises a date as written (`December 8, 2025`, `Thu, Apr 23 2026`, `2025-12-08T10:00Z`)
/// to `YYYY-MM-DD`; `None` when it is not a date.
pub fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    iso.then(|| s[..10].to_string())
}
