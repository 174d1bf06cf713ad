//! One check per fuzz target: feed the bytes to a brief parser and assert what callers
//! rely on besides "no panic". The libFuzzer binaries in `fuzz_targets/` are one-line
//! wrappers around these, and `tests/it/fuzz_regressions.rs` includes this very file to
//! replay the seeds and every minimised crash, so a fix is checked the way it was found.
//!
//! Text targets read the bytes as UTF-8 with invalid sequences replaced, which is what
//! the decoder in front of every parser hands on. Targets that need a choice (a file
//! extension) take it from the first byte, so the fuzzer can steer between formats.

use brief::config::{load_with, Env};
use brief::ingest::article::{build, Placed};
use brief::keymap::{format_sequence, parse_sequence, KeyPress};
use brief::model::Briefing;
use brief::open::{open, OpenOptions, Origin};
use std::ffi::OsString;
use std::path::Path;

pub fn text_parse(data: &[u8]) {
    let _ = brief::ingest::text::parse(&String::from_utf8_lossy(data));
}

pub fn markdown(data: &[u8]) {
    let _ = brief::ingest::markdown::parse(&String::from_utf8_lossy(data));
}

pub fn html(data: &[u8]) {
    let _ = brief::ingest::html::parse(&String::from_utf8_lossy(data));
}

/// Sentence ranges must slice the text (in bounds, on character boundaries), be
/// trimmed and non-empty, and come in order without overlap.
pub fn sentences(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut last_end = 0;
    for r in brief::derive::sentences::split(&text) {
        assert!(
            r.start >= last_end && r.start < r.end,
            "{r:?} after {last_end}"
        );
        let Some(s) = text.get(r.clone()) else {
            panic!("{r:?} does not slice the text on character boundaries");
        };
        assert_eq!(s, s.trim(), "sentence {r:?} is not trimmed");
        last_end = r.end;
    }
}

const EXTS: [Option<&str>; 6] = [
    None,
    Some("txt"),
    Some("md"),
    Some("html"),
    Some("htm"),
    Some("markdown"),
];

/// One file's bytes into an article: decoding (BOMs, UTF-16, binary sniffing), format
/// sniffing, the parser, the scrub. What reaches the terminal keeps no control character.
pub fn article_bytes(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let place = Placed {
        id: "fuzz".to_string(),
        path: "fuzz/article".to_string(),
        ext: EXTS[usize::from(pick) % EXTS.len()],
    };
    if let Ok(article) = build(place, bytes) {
        assert!(
            !article.title.chars().any(char::is_control),
            "{:?}",
            article.title
        );
    }
}

/// A key (or sequence) that parses prints as notation that parses back to itself.
pub fn keys(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(key) = KeyPress::parse(&text) {
        assert_eq!(KeyPress::parse(&key.to_string()), Ok(key), "{text:?}");
    }
    if let Ok(keys) = parse_sequence(&text) {
        assert_eq!(
            parse_sequence(&format_sequence(&keys)),
            Ok(keys),
            "{text:?}"
        );
    }
}

/// An environment with nothing set, so discovery never reaches the real home folder.
struct NoEnv;

impl Env for NoEnv {
    fn var(&self, _name: &str) -> Option<OsString> {
        None
    }
}

/// The config loader end to end: the bytes as the user's file, named explicitly, read,
/// decoded and laid over the defaults. Problems point inside the file; the pane widths
/// still add up.
pub fn config(data: &[u8]) {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join("config.toml");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let (config, problems) = load_with(Some(&path), &NoEnv);
    let lines = String::from_utf8_lossy(data).split('\n').count();
    for p in &problems {
        assert!(p.line <= lines, "{p} is past line {lines}");
    }
    let l = &config.layout;
    assert_eq!(l.list_pct + l.points_pct + l.actors_pct, 100);
}

/// The summary file loader: size cap, UTF-8 check, TOML with spans, field validation.
pub fn summary(data: &[u8]) {
    let _ = brief::summary::load::parse(Path::new("fuzz.summary.toml"), data);
}

/// Deriving a briefing (actors across articles, ranked and merged key points) from up to
/// four articles cut from the input at 0xFF bytes, each built as ingest would.
pub fn derive(data: &[u8]) {
    let mut briefing = Briefing::default();
    for (i, chunk) in data.split(|&b| b == 0xFF).take(4).enumerate() {
        let place = Placed {
            id: format!("a{i}"),
            path: format!("fuzz/a{i}"),
            ext: EXTS[1 + i % 3],
        };
        if let Ok(article) = build(place, chunk) {
            briefing.articles.push(article);
        }
    }
    brief::derive::derive_briefing(&mut briefing);
    for a in &briefing.articles {
        for kp in &a.key_points {
            assert!(kp.score.is_finite(), "score {} for {:?}", kp.score, kp.text);
        }
    }
    for m in &briefing.merged_points {
        for &(a, p) in &m.members {
            let member = briefing.articles.get(a).and_then(|x| x.key_points.get(p));
            assert!(member.is_some(), "merged member ({a}, {p}) is dangling");
        }
    }
}

const NAMES: [&str; 5] = ["a.txt", "a.md", "a.html", "a", "a.summary.toml"];

/// The whole pipeline as the CLI runs it: a real folder holding one file (its name
/// picked by the first byte), opened with `brief::open::open` under a small size limit
/// so the "too large" path is crossed too.
pub fn open_folder(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    if std::fs::write(dir.path().join(name), bytes).is_err() {
        return;
    }
    let opts = OpenOptions {
        max_file_bytes: 4096,
        use_cache: false,
        ..OpenOptions::default()
    };
    if let Ok(briefing) = open(&Origin::Paths(vec![dir.path().to_path_buf()]), &opts) {
        assert!(briefing.articles.len() <= 1);
    }
}
