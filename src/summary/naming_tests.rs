use super::*;
use std::fs;

fn touch(dir: &Path, names: &[&str]) {
    for n in names {
        fs::write(dir.join(n), "x").unwrap();
    }
}

#[test]
fn a_lone_article_uses_its_stem_and_others_do_not_count() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    touch(
        d,
        &["talks.txt", "talks.png", ".talks.md", "talks.summary.toml"],
    );
    fs::create_dir(d.join("talks")).unwrap();
    let mut names = Names::new();
    assert_eq!(
        names.for_writing(&d.join("talks.txt")),
        d.join("talks.summary.toml")
    );
    assert_eq!(
        names.for_reading(&d.join("talks.txt")),
        Reading::File(d.join("talks.summary.toml"))
    );
}

#[test]
fn two_articles_with_one_stem_each_get_their_whole_name() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    touch(d, &["talks.txt", "talks.html", "other.md"]);
    let mut names = Names::new();
    assert_eq!(
        names.for_writing(&d.join("talks.txt")),
        d.join("talks.txt.summary.toml")
    );
    assert_eq!(
        names.for_writing(&d.join("talks.html")),
        d.join("talks.html.summary.toml")
    );
    assert_eq!(
        names.for_writing(&d.join("other.md")),
        d.join("other.summary.toml")
    );
}

#[test]
fn a_shared_stem_file_is_used_by_none_and_a_whole_name_wins() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    touch(d, &["talks.txt", "talks.HTML", "talks.summary.toml"]);
    let mut names = Names::new();
    match names.for_reading(&d.join("talks.txt")) {
        Reading::Ambiguous { file, others } => {
            assert_eq!(file, d.join("talks.summary.toml"));
            assert_eq!(others, vec![OsString::from("talks.HTML")]);
        }
        other => panic!("{other:?}"),
    }
    touch(d, &["talks.HTML.summary.toml"]);
    let mut names = Names::new();
    assert_eq!(
        names.for_reading(&d.join("talks.HTML")),
        Reading::File(d.join("talks.HTML.summary.toml"))
    );
    assert!(matches!(
        names.for_reading(&d.join("talks.txt")),
        Reading::Ambiguous { .. }
    ));
}

#[test]
fn an_article_without_extension_owns_the_stem_file() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    touch(d, &["talks", "talks.txt", "talks.summary.toml"]);
    let mut names = Names::new();
    assert_eq!(
        names.for_reading(&d.join("talks")),
        Reading::File(d.join("talks.summary.toml"))
    );
    assert_eq!(names.for_reading(&d.join("talks.txt")), Reading::None);
    assert_eq!(
        names.for_writing(&d.join("talks.txt")),
        d.join("talks.txt.summary.toml")
    );
}

#[cfg(unix)]
#[test]
fn names_keep_the_bytes_of_the_file_name() {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    let a = d.join(OsString::from_vec(b"inv\xff.txt".to_vec()));
    let b = d.join(OsString::from_vec(b"inv\xfe.txt".to_vec()));
    let esc = d.join("esc\u{1b}.txt");
    let literal = d.join("esc\\u{1b}.txt");
    let paths = [&a, &b, &esc, &literal].map(|p| summary_path(p));
    assert_eq!(
        paths[0].file_name().unwrap().as_bytes(),
        b"inv\xff.summary.toml"
    );
    assert_eq!(
        paths[1].file_name().unwrap().as_bytes(),
        b"inv\xfe.summary.toml"
    );
    for i in 0..paths.len() {
        for j in i + 1..paths.len() {
            assert_ne!(paths[i], paths[j]);
        }
    }
}
