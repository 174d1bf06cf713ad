//! The hostile input corpus: files built to break a reader. For each one the loader must
//! finish, name the file in a warning when it could not read it properly, and still open
//! the rest of the briefing. Large inputs are generated here rather than committed.

use brief::model::{Block, Briefing};
use brief::open::{open, OpenOptions, Origin};
use std::fs;
use std::path::{Path, PathBuf};

const GOOD: &str =
    "Harbour Talks Resume in Valmora\n\nNegotiators from Valmora and Ostrava met on Monday. \
Minister Elena Markova said the harbour deal was close.\n";

fn folder_with_good_article() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("briefing");
    fs::create_dir_all(&dir).expect("mkdir");
    fs::write(dir.join("good.txt"), GOOD).expect("write");
    (tmp, dir)
}

fn load(dir: &Path) -> Briefing {
    open(
        &Origin::Paths(vec![dir.to_path_buf()]),
        &OpenOptions {
            use_cache: false,
            ..OpenOptions::default()
        },
    )
    .expect("the briefing opens despite hostile files")
}

fn all_text(b: &Briefing) -> String {
    let mut s = String::new();
    for a in &b.articles {
        s.push_str(&a.title);
        s.push('\n');
        for sec in &a.sections {
            if let Some(h) = &sec.heading {
                s.push_str(h);
            }
            for block in &sec.blocks {
                match block {
                    Block::Paragraph { text } | Block::Quote { text } => s.push_str(text),
                    Block::Bullets { items } => items.iter().for_each(|i| s.push_str(i)),
                    Block::Table(t) => t.rows.iter().flatten().for_each(|c| s.push_str(c)),
                }
                s.push('\n');
            }
        }
    }
    s
}

fn warnings_mentioning(b: &Briefing, name: &str) -> usize {
    let article_warnings = b
        .articles
        .iter()
        .filter(|a| a.path.contains(name))
        .map(|a| a.warnings.len())
        .sum::<usize>();
    article_warnings + b.warnings.iter().filter(|w| w.contains(name)).count()
}

fn good_article_survives(b: &Briefing) {
    assert!(
        b.articles.iter().any(|a| a.title.contains("Harbour Talks")),
        "the good article still opens: {:?}",
        b.articles.iter().map(|a| &a.title).collect::<Vec<_>>()
    );
}

/// Every case: (file name, bytes, must it be reported with a warning?)
fn small_cases() -> Vec<(&'static str, Vec<u8>, bool)> {
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Dispatch from Valmora\n\nThe port reopened on Friday.\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let mut nul = b"Binary Blob\n\n".to_vec();
    nul.extend((0..4096u32).map(|i| (i % 7) as u8));
    vec![
        (
            "invalid-utf8.txt",
            b"Broken Bytes Headline\n\nSome text \xff\xfe\x80 more text.\n".to_vec(),
            true,
        ),
        ("utf16-bom.txt", utf16, false),
        ("nul-bytes.txt", nul, true),
        ("empty.txt", Vec::new(), true),
        ("whitespace.txt", b"   \n\n\t\n".to_vec(), true),
        (
            "rtl.txt",
            "\u{5d7}\u{5d3}\u{5e9}\u{5d5}\u{5ea} \u{5de}\u{5d4}\u{5e0}\u{5de}\u{5dc}\n\n\u{627}\u{644}\u{645}\u{64a}\u{646}\u{627}\u{621} \u{641}\u{62a}\u{62d}.\n"
                .as_bytes()
                .to_vec(),
            false,
        ),
        (
            "combining.txt",
            "Cafe\u{301} Talks\n\nZ\u{334}\u{335}\u{336}a\u{337}\u{338}l\u{339}g\u{33a}o text.\n"
                .as_bytes()
                .to_vec(),
            false,
        ),
        (
            "zwj.txt",
            "Family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} News\n\nA\u{200D}B\u{200B}C joined.\n"
                .as_bytes()
                .to_vec(),
            false,
        ),
        (
            "long-word.txt",
            format!("Long Word Story\n\n{} ends here.\n", "x".repeat(10_000)).into_bytes(),
            false,
        ),
        (
            "escapes.txt",
            b"Escape \x1b]0;pwned\x07 Title\n\nText \x1b[31mred\x1b[0m and \x1b]52;c;aGVsbG8=\x07 clip \x08\x0b\x0c.\n"
                .to_vec(),
            false,
        ),
    ]
}

#[test]
fn small_hostile_files_are_read_or_reported_and_the_rest_opens() {
    let (_tmp, dir) = folder_with_good_article();
    let cases = small_cases();
    for (name, bytes, _) in &cases {
        fs::write(dir.join(name), bytes).expect("write case");
    }
    let b = load(&dir);
    good_article_survives(&b);
    for (name, _, must_warn) in &cases {
        if *must_warn {
            assert!(
                warnings_mentioning(&b, name) > 0,
                "{name} needs a warning naming it; warnings: {:?} / {:?}",
                b.warnings,
                b.articles
                    .iter()
                    .map(|a| (&a.path, &a.warnings))
                    .collect::<Vec<_>>()
            );
        }
    }
    // UTF-16 is decoded, not shown as mojibake.
    assert!(
        all_text(&b).contains("The port reopened on Friday."),
        "UTF-16 with BOM is decoded"
    );
}

#[test]
fn escape_sequences_never_survive_into_displayed_text() {
    let (_tmp, dir) = folder_with_good_article();
    for (name, bytes, _) in small_cases() {
        fs::write(dir.join(name), bytes).expect("write case");
    }
    let b = load(&dir);
    let text = all_text(&b);
    for a in &b.articles {
        for field in [&a.title].into_iter().chain(a.source.iter()) {
            assert!(
                !field.chars().any(|c| c.is_control()),
                "control char in {field:?}"
            );
        }
    }
    assert!(!text.contains('\u{1b}'), "ESC must not reach article text");
    assert!(!text.contains('\u{7}'), "BEL must not reach article text");
}

#[test]
fn a_file_over_the_size_limit_is_skipped_without_reading_it_all() {
    let (_tmp, dir) = folder_with_good_article();
    let big = dir.join("huge-single-line.txt");
    // 50 MB on one line, written in chunks so the test itself stays small in memory.
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(fs::File::create(&big).expect("create"));
        let chunk = "word ".repeat(200_000);
        for _ in 0..50 {
            f.write_all(chunk.as_bytes()).expect("write chunk");
        }
    }
    let b = load(&dir);
    good_article_survives(&b);
    assert!(warnings_mentioning(&b, "huge-single-line.txt") > 0);
    assert!(!b
        .articles
        .iter()
        .any(|a| a.path.contains("huge-single-line")));
}

#[test]
fn deep_nesting_symlink_loops_and_odd_names_do_not_stop_the_load() {
    let (_tmp, dir) = folder_with_good_article();
    let mut deep = dir.join("deep");
    for i in 0..60 {
        deep = deep.join(format!("d{i}"));
    }
    fs::create_dir_all(&deep).expect("deep dirs");
    fs::write(
        deep.join("bottom.txt"),
        "Bottom Story\n\nFound at the bottom.\n",
    )
    .expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&dir, dir.join("loop")).expect("symlink loop");
        std::os::unix::fs::symlink(dir.join("missing"), dir.join("dangling.txt"))
            .expect("dangling symlink");
        use std::os::unix::ffi::OsStrExt;
        let odd = std::ffi::OsStr::from_bytes(b"odd\nname\xff.txt");
        fs::write(
            dir.join(odd),
            "Odd Name Story\n\nA file with a strange name.\n",
        )
        .expect("odd name");
    }
    let b = load(&dir);
    good_article_survives(&b);
    assert!(b.articles.iter().any(|a| a.title.contains("Bottom Story")));
    #[cfg(unix)]
    {
        assert!(b
            .articles
            .iter()
            .any(|a| a.title.contains("Odd Name Story")));
        assert!(
            b.warnings.iter().any(|w| w.contains("loop")),
            "the symlink loop is reported: {:?}",
            b.warnings
        );
    }
}

#[test]
fn many_tiny_files_open() {
    let (_tmp, dir) = folder_with_good_article();
    let n = std::env::var("BRIEF_HOSTILE_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000usize);
    let many = dir.join("many");
    fs::create_dir_all(&many).expect("mkdir");
    for i in 0..n {
        fs::write(
            many.join(format!("{i:06}.txt")),
            format!("Note {i}\n\nTiny note number {i}.\n"),
        )
        .expect("write tiny");
    }
    let b = load(&dir);
    good_article_survives(&b);
    assert_eq!(b.articles.len(), n + 1, "every tiny file is an article");
}
