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

/// Where [`folder_tree`] puts things: folders below the briefing's root, file names
/// (article formats, stems shared, hidden, summary files) and link targets (inside,
/// the root itself, `/`, a secret outside, dangling).
const TREE_DIRS: [&str; 5] = ["", "a", "a/b", "c", "a/b/d"];
const TREE_NAMES: [&str; 8] = [
    "x.txt",
    "y.md",
    "talks.txt",
    "talks.html",
    "z",
    ".h.txt",
    "w.summary.toml",
    "l",
];
const SECRET: &str = "OUTSIDE-SECRET-MARKER";

/// The walk and every read behind `open` on a folder built by the bytes: three bytes
/// per step make a folder, write a file, or make a link (to a file or folder inside, to
/// the root, to `/`, to a secret file outside, dangling, to itself). Whatever the shape
/// (loops, diamonds, links out), opening ends (libFuzzer's -timeout), reads nothing from
/// outside the folder, and finds no more articles than files were written.
pub fn folder_tree(data: &[u8]) {
    let Ok(top) = tempfile::tempdir() else {
        return;
    };
    let root = top.path().join("inside");
    let outside = top.path().join("outside");
    if std::fs::create_dir_all(&root).is_err() || std::fs::create_dir_all(&outside).is_err() {
        return;
    }
    let secret = outside.join("secret.txt");
    let _ = std::fs::write(&secret, format!("Secret\n\n{SECRET} in the body.\n"));
    let mut written = std::collections::BTreeSet::new();
    for step in data.chunks_exact(3).take(64) {
        let dir = root.join(TREE_DIRS[usize::from(step[1]) % TREE_DIRS.len()]);
        let name = TREE_NAMES[usize::from(step[2]) % TREE_NAMES.len()];
        let at = dir.join(name);
        let _ = std::fs::create_dir_all(&dir);
        match step[0] % 4 {
            0 => {
                let _ = std::fs::create_dir_all(root.join(TREE_DIRS[usize::from(step[2]) % 5]));
            }
            1 => {
                let text = format!(
                    "Title {} {}\n\nBody number {}.\n",
                    step[1], step[2], step[0]
                );
                if std::fs::write(&at, text).is_ok() {
                    written.insert(at);
                }
            }
            2 => {
                let targets = [
                    root.join("a"),
                    root.clone(),
                    Path::new("/").to_path_buf(),
                    secret.clone(),
                    outside.clone(),
                    root.join("gone"),
                    at.clone(),
                    root.join("x.txt"),
                ];
                let target = &targets[usize::from(step[0] / 4) % targets.len()];
                let _ = std::os::unix::fs::symlink(target, &at);
            }
            _ => {
                let to = root.join(TREE_DIRS[usize::from(step[0] / 4) % TREE_DIRS.len()]);
                let _ = std::os::unix::fs::symlink(to, dir.join(format!("s{}", step[2] % 3)));
            }
        }
    }
    let opts = OpenOptions {
        max_file_bytes: 4096,
        use_cache: false,
        ..OpenOptions::default()
    };
    let Ok(briefing) = open(&Origin::Paths(vec![root.clone()]), &opts) else {
        return;
    };
    let canonical_root = std::fs::canonicalize(&root).unwrap_or(root);
    assert!(briefing.articles.len() <= written.len().max(1));
    for a in &briefing.articles {
        let text = format!("{a:?}");
        assert!(!text.contains(SECRET), "{} read from outside", a.path);
        if let Some(file) = a.file.as_ref().and_then(|f| std::fs::canonicalize(f).ok()) {
            assert!(
                file.starts_with(&canonical_root),
                "{} is outside",
                file.display()
            );
        }
    }
}

/// The reader's text layout on any string and width: at most the lines asked for, none
/// wider than the width (when every character fits), and the visible characters are the
/// string's own, in order, from its start; all of them when nothing was cut.
pub fn textline(data: &[u8]) {
    use brief::ui::textline::{one_line, wrapped};
    use ratatui::style::Style;
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    let width = usize::from(pick % 40);
    let max = usize::from(pick / 40) + 1;
    let plain = Style::default();
    let lines = wrapped(&text, width, max, &[0, 3, 7], plain, plain, "…");
    assert!(!lines.is_empty() && lines.len() <= max);
    let clean = brief::app::text::sanitize(&text);
    let fits = clean
        .chars()
        .all(|c| c.width().unwrap_or(0) <= width.max(1));
    let shown: Vec<String> = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    if fits && width > 0 {
        for l in &shown {
            assert!(l.width() <= width, "{l:?} is wider than {width}");
        }
    }
    let visible: String = shown
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '…')
        .collect();
    let source: String = clean
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '…')
        .collect();
    assert!(source.starts_with(&visible), "{visible:?} is not a prefix");
    // Without an ellipsis at the end nothing was cut (with one, the string may simply
    // end in `…` itself: not a cut, and then the prefix check above is all there is).
    if !shown.last().is_some_and(|l| l.ends_with('…')) {
        assert_eq!(visible, source);
    }
    let one: String = one_line(&text, width, &[], plain, plain, "…")
        .spans
        .iter()
        .map(|s| s.content.as_ref())
        .collect();
    assert!(one.width() <= width.max(1));
}

/// A URL that may be handed to a browser is `http(s)://` with a host, no control
/// character, and cannot be read as an option.
pub fn share_url(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(url) = brief::share::open::checked_url(&text) {
        let lower = url.to_ascii_lowercase();
        assert!(
            lower.starts_with("http://") || lower.starts_with("https://"),
            "{url:?}"
        );
        assert!(
            !url.starts_with('-') && !url.chars().any(char::is_control),
            "{url:?}"
        );
        assert!(
            url.len() > lower.find("//").unwrap_or(0) + 2,
            "{url:?} has no host"
        );
    }
}
