use super::*;

fn place(ext: Option<&str>) -> Placed<'_> {
    Placed {
        id: "id".into(),
        path: "dir/file".into(),
        ext,
    }
}

#[test]
fn extension_decides_unless_markup_says_otherwise() {
    assert_eq!(sniff(Some("md"), "<html><body>"), Format::Markdown);
    assert_eq!(sniff(Some("htm"), "plain words"), Format::Html);
    assert_eq!(sniff(Some("txt"), "plain words\n\nmore"), Format::Text);
    assert_eq!(sniff(Some("txt"), "  <!DOCTYPE html><p>x"), Format::Html);
    assert_eq!(
        sniff(Some("txt"), "<div class=a><p>story</p></div>"),
        Format::Html
    );
    // One tag-like start is not enough: "<Reuters> wrote" stays text.
    assert_eq!(
        sniff(Some("txt"), "<Reuters> wrote about <p>"),
        Format::Text
    );
    assert_eq!(
        sniff(Some("txt"), "<p>Only paragraphs</p>\n<p>here</p>"),
        Format::Html
    );
    assert_eq!(sniff(None, "---\ntitle: A\n---\nbody"), Format::Markdown);
    assert_eq!(sniff(None, "Intro\n\n## Heading\n"), Format::Markdown);
    assert_eq!(sniff(None, "<html>"), Format::Html);
    assert_eq!(sniff(None, "Just a scraped story.\n"), Format::Text);
}

#[test]
fn hash_is_of_raw_bytes_and_warnings_are_merged() {
    let bytes = b"\xEF\xBB\xBF# T\n\nBody \xff text.\n";
    let a = build(place(Some("md")), bytes).unwrap();
    assert_eq!(a.content_hash, blake3::hash(bytes).to_hex().to_string());
    assert_eq!(a.content_hash.len(), 64);
    assert_eq!(a.title, "T");
    assert_eq!(a.format, Format::Markdown);
    assert!(
        a.warnings.iter().any(|w| w.contains("UTF-8")),
        "{:?}",
        a.warnings
    );
    let other = build(place(Some("md")), b"# T\n\nBody text.\n").unwrap();
    assert_ne!(other.content_hash, a.content_hash);
}

#[test]
fn missing_title_comes_from_the_lead_never_the_whole_paragraph() {
    let long = "Negotiators from both sides met late on Monday in the harbour city to settle the remaining questions of the deal. More follows.";
    let a = build(place(Some("md")), format!("{long}\n").as_bytes()).unwrap();
    assert!(a.title.split_whitespace().count() <= 11, "{}", a.title);
    assert!(
        a.title.starts_with("Negotiators from both sides"),
        "{}",
        a.title
    );
    assert!(!a.title.contains("More follows"));
}

#[test]
fn a_document_without_text_is_titled_by_its_file_name() {
    let a = build(place(Some("html")), b"<html><nav>menu only</nav></html>").unwrap();
    assert_eq!(a.title, "file");
    assert!(a.warnings.iter().any(|w| w.contains("no article text")));
}

#[test]
fn front_matter_on_a_text_file_fills_metadata() {
    let a = build(
        place(Some("txt")),
        b"---\ntitle: Declared\nsource: Wire\ndate: 2024-05-06\n---\nScraped body text.\n",
    )
    .unwrap();
    assert_eq!(a.format, Format::Text);
    assert_eq!(a.title, "Declared");
    assert_eq!(a.source.as_deref(), Some("Wire"));
    assert_eq!(a.published.as_deref(), Some("2024-05-06"));
    let words = format!("{:?}", a.sections);
    assert!(
        words.contains("Scraped body text.") && !words.contains("Declared"),
        "{words}"
    );
}

#[test]
fn character_references_cannot_smuggle_control_characters() {
    let html = b"<title>T&#27;]0;pwned&#7;</title><article><p>a&#x1b;[31mred</p><ul><li>&#155;x</li></ul></article>";
    let md = b"# T&#27;]0;x&#7;\n\ntext &#x1b;[2J here\n\n| a&#27; |\n|---|\n| b&#7; |\n";
    for (ext, bytes) in [("html", &html[..]), ("md", &md[..])] {
        let a = build(place(Some(ext)), bytes).unwrap();
        let all = format!("{} {:?}", a.title, a.sections);
        assert!(
            !a.title.chars().any(char::is_control),
            "{ext}: {:?}",
            a.title
        );
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}') && !all.contains('\u{9b}'),
            "{ext}: {all}"
        );
        assert!(!all.contains("\\u{1b}"), "{ext}: {all}");
    }
}

#[test]
fn rejects_pass_through() {
    assert_eq!(build(place(None), b"").unwrap_err(), Reject::Empty);
    assert_eq!(build(place(None), b"a\0b").unwrap_err(), Reject::Binary);
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600), ext in proptest::option::of("(txt|md|html)")) {
        let _ = build(place(ext.as_deref()), &bytes);
    }
}
