//! The reader driven by keys, asserting on its state: opening and marking read,
//! scrolling, jumps between key points, mentions and search matches, and the layout of
//! every block kind at many widths. Briefings are built by hand (`brief::app::testing`).

use brief::app::testing::{app, keys, many, sample, typed, Fixture};
use brief::app::{FilterTarget, Mode, Pane, Viewport};
use brief::model::ActorKind;

#[test]
fn open_reader_marks_read_and_back() {
    let mut s = app(sample());
    let hash = s.briefing.articles[0].content_hash.clone();
    assert!(!s.marks.is_read(&hash));
    keys(&mut s, "enter");
    assert_eq!(s.mode, Mode::Reader);
    assert!(s.marks.is_read(&hash));
    assert!(s.in_reader());
    keys(&mut s, "q");
    assert_eq!(s.mode, Mode::Normal);
    assert!(!s.quit, "q in the reader goes back, it does not quit");
    keys(&mut s, "m");
    assert!(!s.marks.is_read(&hash), "m toggles back to unread");
}

#[test]
fn reader_scrolls_and_clamps() {
    let long: String = (0..60)
        .map(|i| format!("Sentence number {i} is here."))
        .collect::<Vec<_>>()
        .join(" ");
    let b = Fixture::new().article("Long", "X", &long).build();
    let mut s = app(b);
    keys(&mut s, "enter");
    let lines = s.reader.as_ref().map(|r| r.doc.lines.len()).unwrap_or(0);
    assert!(lines > 30, "{lines}");
    keys(&mut s, "j j j");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(3));
    keys(&mut s, "space");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(10));
    keys(&mut s, "G");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(lines - 8));
    keys(&mut s, "j");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(lines - 8));
    keys(&mut s, "g g");
    assert_eq!(s.reader.as_ref().map(|r| r.scroll), Some(0));
    // Narrower reader: more lines, scroll stays valid.
    s.resize(Viewport {
        width: 30,
        height: 10,
        pane_rows: 6,
        reader_cols: 12,
        reader_rows: 6,
        ..Viewport::default()
    });
    assert!(s.reader.as_ref().map(|r| r.doc.lines.len()).unwrap_or(0) > lines);
}

#[test]
fn reader_jumps_between_key_points_and_mentions() {
    let filler: String = (0..20)
        .map(|i| format!("Filler sentence {i}."))
        .collect::<Vec<_>>()
        .join(" ");
    let body =
        format!("{filler}\n\nAda Quill arrived late. {filler}\n\nThe deal was signed. Quill left.");
    let b = Fixture::new()
        .actor("Ada Quill", ActorKind::Person, &["Quill"], "")
        .article("Deal", "X", &body)
        .points(&[(0, 2, 0), (0, 1, 0)])
        .build();
    let mut s = app(b);
    keys(&mut s, "enter");
    let doc = s.reader.as_ref().map(|r| r.doc.clone()).unwrap_or_default();
    assert_eq!(doc.key_points.len(), 2);
    assert!(doc.key_points[0] < doc.key_points[1], "document order");
    keys(&mut s, "]");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.key_points[0])
    );
    keys(&mut s, "]");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.key_points[1])
    );
    keys(&mut s, "[");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.key_points[0])
    );
    // Mentions of the followed actor: `a` follows the article's first actor.
    keys(&mut s, "a");
    let doc = s.reader.as_ref().map(|r| r.doc.clone()).unwrap_or_default();
    assert_eq!(doc.mentions.len(), 2);
    keys(&mut s, "g g }");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.mentions[0])
    );
    keys(&mut s, "}");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.mentions[1])
    );
    keys(&mut s, "}");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(doc.mentions[1]),
        "no wrap past the last"
    );
}

#[test]
fn opening_a_key_point_jumps_to_it() {
    let filler: String = (0..30)
        .map(|i| format!("Filler {i}."))
        .collect::<Vec<_>>()
        .join(" ");
    let b = Fixture::new()
        .article("Deal", "X", &format!("{filler}\n\nThe deal was signed."))
        .points(&[(0, 1, 0)])
        .build();
    let mut s = app(b);
    keys(&mut s, "2 enter");
    let r = s.reader.as_ref().expect("reader open");
    let line = r.doc.key_points[0];
    assert_eq!(r.mark_line, Some(line));
    assert!(r.scroll <= line && line < r.scroll + 8);
}

#[test]
fn reader_search_with_n_and_shift_n() {
    let body = (0..40)
        .map(|i| {
            if i % 10 == 5 {
                "The Harbour is closed.".to_string()
            } else {
                format!("Other news {i}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let b = Fixture::new().article("S", "X", &body).build();
    let mut s = app(b);
    keys(&mut s, "enter /");
    assert_eq!(s.mode, Mode::Filter(FilterTarget::Reader));
    typed(&mut s, "harbour");
    let matches = s
        .reader
        .as_ref()
        .map(|r| r.doc.matches.clone())
        .unwrap_or_default();
    assert_eq!(matches.len(), 4, "{matches:?}");
    keys(&mut s, "enter");
    assert_eq!(s.mode, Mode::Reader);
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(matches[0])
    );
    keys(&mut s, "n n");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(matches[2])
    );
    keys(&mut s, "N");
    assert_eq!(
        s.reader.as_ref().and_then(|r| r.mark_line),
        Some(matches[1])
    );
}

#[test]
fn next_article_in_reader_follows_the_list() {
    let mut s = app(many(4));
    keys(&mut s, "enter J J");
    assert_eq!(s.reader.as_ref().map(|r| r.article), Some(2));
    assert_eq!(s.selected(Pane::List), Some(2));
    keys(&mut s, "K");
    assert_eq!(s.reader.as_ref().map(|r| r.article), Some(1));
}

/// Every laid-out line fits the reader width, whatever the script or block kind.
#[test]
fn reader_lines_fit_the_width_for_any_script_and_block() {
    use unicode_width::UnicodeWidthStr;
    let body = "中文新闻报道说谈判将在日内瓦继续进行各方代表表示乐观。 Emoji 😀😀 test 👍🏽 ok. Ein sehr langes Wort: Donaudampfschifffahrtsgesellschaftskapitänsmütze.\n\n\
                # Überschrift mit Umlauten\n\n\
                - 第一点：和平谈判\n- A bullet that is long enough to wrap around the narrow reader width\n\n\
                > A quoted sentence, with “curly quotes” and — dashes.\n\n\
                | Actor | Priority | Constraint |\n| UK Government | Show leadership on Ukraine | Voters wary of new costs |\n| 欧盟 | 团结 | 预算 |";
    let b = Fixture::new()
        .article("Mixed 中文 title", "X", body)
        .points(&[(0, 0, 0), (1, 2, 0)])
        .build();
    for width in [8u16, 12, 20, 33, 60, 100] {
        let mut s = app(b.clone());
        s.resize(Viewport {
            width: 120,
            height: 40,
            pane_rows: 10,
            reader_cols: width,
            reader_rows: 8,
            ..Viewport::default()
        });
        keys(&mut s, "enter");
        let r = s.reader.as_ref().expect("reader");
        for l in &r.doc.lines {
            let text = l.text();
            assert!(
                text.width() <= usize::from(width),
                "width {width}: {text:?} is {}",
                text.width()
            );
        }
        assert_eq!(
            r.doc.key_points.len(),
            2,
            "both key points located at width {width}"
        );
        let all: String = r
            .doc
            .lines
            .iter()
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            all.contains("Voters") || all.contains("Vote"),
            "table text kept at width {width}"
        );
    }
}

#[test]
fn wide_tables_align_and_narrow_tables_become_records() {
    let b = Fixture::new()
        .article(
            "T",
            "X",
            "| Actor | Priority |\n| UK | Leadership |\n| EU | Unity |",
        )
        .build();
    let mut s = app(b.clone());
    keys(&mut s, "enter");
    let lines: Vec<String> = s
        .reader
        .as_ref()
        .map(|r| r.doc.lines.iter().map(|l| l.text()).collect())
        .unwrap_or_default();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Actor") && l.contains("│ Priority")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("UK    │ Leadership")),
        "{lines:?}"
    );
    let mut s = app(b);
    s.resize(Viewport {
        width: 20,
        height: 10,
        pane_rows: 5,
        reader_cols: 12,
        reader_rows: 5,
        ..Viewport::default()
    });
    keys(&mut s, "enter");
    let lines: Vec<String> = s
        .reader
        .as_ref()
        .map(|r| r.doc.lines.iter().map(|l| l.text()).collect())
        .unwrap_or_default();
    assert!(lines.iter().any(|l| l.contains("Actor: UK")), "{lines:?}");
}
