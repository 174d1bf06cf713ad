//! Turning one file's bytes into clean text: bounded reads, binary sniffing, encodings.
//!
//! [`read_limited`] opens only regular files, never blocking (a FIFO is refused, see
//! [`crate::fsutil::read`]), and never reads more than the size limit plus one byte, so a
//! 50 MB file costs nothing beyond the limit. [`decode`] then decides whether the bytes are text at
//! all, decodes UTF-8 (BOM stripped, invalid sequences replaced) or UTF-16 with a BOM, and
//! strips control characters so an article can never drive the terminal.

pub use crate::fsutil::read::ReadError;
use crate::fsutil::read::{open_known_regular, Follow};
use std::io::Read;
use std::path::Path;

/// The outcome of reading one file within the size limit.
#[derive(Debug)]
pub enum Limited {
    Bytes(Vec<u8>),
    /// The file holds more than the limit; nothing beyond `limit + 1` bytes was read.
    TooLarge {
        limit: u64,
    },
}

/// Reads at most `limit + 1` bytes: one more than allowed tells "too large" apart from
/// "exactly at the limit" without trusting metadata, which can lie (pipes, /proc, growth).
/// Symbolic links are followed: the walk has already decided which ones may be read, and
/// seen that the path is a regular file (what is opened is checked again).
pub fn read_limited(path: &Path, limit: u64) -> Result<Limited, ReadError> {
    let (file, meta) = open_known_regular(path, Follow::Yes)?;
    if meta.len() > limit {
        return Ok(Limited::TooLarge { limit });
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    Ok(check_limit(bytes, limit))
}

/// Applies the limit to bytes already in memory (the embedded sample).
pub fn check_limit(bytes: Vec<u8>, limit: u64) -> Limited {
    if bytes.len() as u64 > limit {
        Limited::TooLarge { limit }
    } else {
        Limited::Bytes(bytes)
    }
}

/// Decoded text with what a reader should know about how it was decoded.
#[derive(Debug, Default, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Why a file's bytes are not an article.
#[derive(Debug, PartialEq, Eq)]
pub enum Reject {
    Binary,
    Empty,
}

/// Decodes bytes as article text, or says why they are not one.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Reject> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        warnings.push("decoded from UTF-16 (little-endian)".to_string());
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        warnings.push("decoded from UTF-16 (big-endian)".to_string());
        utf16(rest, u16::from_be_bytes)
    } else {
        utf8(bytes, &mut warnings)?
    };
    let (text, stripped) = strip_controls(&text);
    if stripped > 0 {
        warnings.push(format!(
            "removed {stripped} control character(s) that could change the terminal"
        ));
    }
    if text.trim().is_empty() {
        return Err(Reject::Empty);
    }
    Ok(Decoded { text, warnings })
}

fn utf8(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, Reject> {
    if looks_binary(bytes) {
        return Err(Reject::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let bad = s
                .chars()
                .filter(|&c| c == char::REPLACEMENT_CHARACTER)
                .count();
            warnings.push(format!(
                "not valid UTF-8: {bad} invalid byte sequence(s) replaced with \u{FFFD}"
            ));
            Ok(s)
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Text files have no NULs and few control bytes; the sniff looks at the first 8 KiB,
/// as `file` and git do, so a huge file is judged quickly.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    // Scraped text can carry a few stray control bytes (escape sequences, form feeds);
    // real binaries have them everywhere.
    controls * 10 > head.len()
}

/// Removes C0/C1 controls except newline and tab (an ESC left in would let an article set
/// the terminal's title or clipboard). CR is dropped too: CRLF files read as LF.
fn strip_controls(s: &str) -> (String, usize) {
    if !has_controls(s) {
        return (s.to_string(), 0);
    }
    let mut out = String::with_capacity(s.len());
    let mut stripped = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{1b}' => {
                stripped += 1;
                skip_escape(&mut chars, &mut stripped);
            }
            c if c.is_control() => stripped += 1,
            c => out.push(c),
        }
    }
    (out, stripped)
}

/// A byte scan for C0/DEL (other than newline and tab) and C1 (`C2 80`–`C2 9F` in UTF-8):
/// nearly every file has none, and then the char-by-char pass is skipped.
fn has_controls(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        (c < 0x20 && c != b'\n' && c != b'\t')
            || c == 0x7f
            || (c == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    })
}

/// Drops the body of an escape sequence after ESC, so `ESC]0;pwned BEL` leaves no
/// "]0;pwned" behind: CSI (`[` … final byte) and OSC (`]` … BEL or ESC \).
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, stripped: &mut usize) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    *stripped += 1;
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    *stripped += 1;
                    break;
                }
                if c == '\n' {
                    break;
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_without_warning() {
        let d = decode(b"\xEF\xBB\xBFHello world").unwrap();
        assert_eq!(d.text, "Hello world");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_both_orders_decode_with_a_note() {
        let s = "Café talks\nresume";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        for (bytes, word) in [(le, "little"), (be, "big")] {
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, s);
            assert!(d.warnings[0].contains(word), "{:?}", d.warnings);
        }
    }

    #[test]
    fn invalid_utf8_is_lossy_with_a_count() {
        let d = decode(b"ok \xff\xfe then \x80 end").unwrap();
        assert!(d.text.starts_with("ok ") && d.text.ends_with(" end"));
        assert!(
            d.warnings.iter().any(|w| w.contains("not valid UTF-8")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn binary_and_empty_are_rejected() {
        assert_eq!(decode(b"abc\0def"), Err(Reject::Binary));
        let noisy: Vec<u8> = (0..400u32).map(|i| (i % 5) as u8 + 1).collect();
        assert_eq!(decode(&noisy), Err(Reject::Binary));
        assert_eq!(decode(b""), Err(Reject::Empty));
        assert_eq!(decode(b" \n\t\r\n  "), Err(Reject::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF  "), Err(Reject::Empty));
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        let d = decode(b"A \x1b]0;pwned\x07 B \x1b[31mred\x1b[0m C\x08\x0b").unwrap();
        assert_eq!(d.text, "A  B red C");
        assert!(d.warnings.iter().any(|w| w.contains("control")));
    }

    #[test]
    fn c1_controls_and_del_are_found_and_removed() {
        for raw in ["a\u{9b}31mb", "a\u{7f}b", "a\u{85}b"] {
            assert!(has_controls(raw), "{raw:?}");
            let d = decode(raw.as_bytes()).unwrap();
            assert!(!d.text.chars().any(char::is_control), "{:?}", d.text);
        }
        assert!(!has_controls("plain\ttext\nwith é and — and \u{a0}"));
    }

    #[test]
    fn crlf_and_lone_cr_become_newlines() {
        let d = decode(b"one\r\ntwo\rthree").unwrap();
        assert_eq!(d.text, "one\ntwo\nthree");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn limit_is_exclusive_of_the_limit_itself() {
        assert!(matches!(check_limit(vec![1; 10], 10), Limited::Bytes(_)));
        assert!(matches!(
            check_limit(vec![1; 11], 10),
            Limited::TooLarge { limit: 10 }
        ));
    }

    #[test]
    fn read_limited_stops_after_limit_plus_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, vec![b'a'; 5000]).unwrap();
        assert!(matches!(
            read_limited(&p, 100).unwrap(),
            Limited::TooLarge { .. }
        ));
        match read_limited(&p, 5000).unwrap() {
            Limited::Bytes(b) => assert_eq!(b.len(), 5000),
            Limited::TooLarge { .. } => panic!("exactly at the limit is allowed"),
        }
        let err = read_limited(&dir.path().join("nope"), 10).unwrap_err();
        assert!(matches!(err, ReadError::NotFound), "{err:?}");
    }
}
