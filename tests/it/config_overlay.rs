//! The user file overlays the defaults setting by setting and binding by binding: what
//! it does not mention stays, what it breaks is skipped, and the rest applies.

use brief::app::Action;
use brief::config::{Config, Options};
use brief::keymap::{parse_sequence, Context, Keymap, Lookup};
use ratatui::style::{Color, Modifier};

fn overlay(toml: &str) -> Config {
    let (config, problems) = Config::overlay(toml, "user.toml", Options::default());
    assert!(problems.iter().all(|p| !p.is_error), "{problems:#?}");
    config
}

fn actions(km: &Keymap, ctx: Context, keys: &str) -> Option<Vec<Action>> {
    match km.lookup(ctx, &parse_sequence(keys).expect(keys)) {
        Lookup::Bound(b) => Some(b.actions.clone()),
        _ => None,
    }
}

#[test]
fn the_three_line_readme_example_works() {
    let c = overlay(
        "keys.global = { j = \"up\", k = \"down\", \"z z\" = \"top\" }\n\
         theme.selection = { bg = \"#ffaa00\" }\n",
    );
    assert_eq!(
        actions(&c.keymap, Context::List, "j"),
        Some(vec![Action::Up])
    );
    assert_eq!(
        actions(&c.keymap, Context::List, "k"),
        Some(vec![Action::Down])
    );
    assert_eq!(
        actions(&c.keymap, Context::List, "z z"),
        Some(vec![Action::Top])
    );
    assert_eq!(c.theme.selection.bg, Some(Color::Rgb(0xff, 0xaa, 0x00)));
    // Fields of the element not mentioned keep the preset's values.
    assert_eq!(c.theme.selection.fg, Config::default().theme.selection.fg);
    // Everything else is untouched.
    assert_eq!(
        actions(&c.keymap, Context::List, "g g"),
        Some(vec![Action::Top])
    );
    assert_eq!(c.layout, Config::default().layout);
}

#[test]
fn bindings_overlay_one_by_one() {
    let c = overlay(
        "[keys.global]\nq = \"none\"\nx = \"quit\"\n\
         [keys.reader]\no = [\"mark_read\", \"open_source\"]\n\
         y = { run = \"yank\", desc = \"Copy the key point\" }\n",
    );
    let km = &c.keymap;
    assert_eq!(actions(km, Context::List, "q"), None);
    assert_eq!(actions(km, Context::List, "x"), Some(vec![Action::Quit]));
    assert_eq!(
        actions(km, Context::Reader, "o"),
        Some(vec![Action::MarkRead, Action::OpenSource])
    );
    match km.lookup(Context::Reader, &parse_sequence("y").expect("y")) {
        Lookup::Bound(b) => assert_eq!(b.description(), "Copy the key point"),
        other => panic!("{other:?}"),
    }
    // The reader's own `q` was not touched by unbinding the global one.
    assert_eq!(actions(km, Context::Reader, "q"), Some(vec![Action::Back]));
    // Only the changed bindings differ from the defaults.
    let default = brief::config::Config::default().keymap;
    let changed = |ctx| {
        km.bindings(ctx)
            .filter(|(k, b)| !default.bindings(ctx).any(|(dk, db)| dk == *k && db == *b))
            .count()
    };
    assert_eq!(changed(Context::Global), 1);
    assert_eq!(changed(Context::Reader), 2);
}

#[test]
fn a_user_prefix_replaces_the_default_sequence() {
    let (c, problems) = Config::overlay("[keys.global]\ng = \"bottom\"\n", "u", Options::default());
    assert_eq!(problems.len(), 1);
    assert_eq!(
        actions(&c.keymap, Context::List, "g"),
        Some(vec![Action::Bottom])
    );
    assert_eq!(actions(&c.keymap, Context::List, "g g"), None);
    // Unbinding the sequence first says the user meant it: no warning.
    let (_, problems) = Config::overlay(
        "[keys.global]\n\"g g\" = \"none\"\ng = \"bottom\"\n",
        "u",
        Options::default(),
    );
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn broken_entries_are_skipped_and_the_rest_applies() {
    let (c, problems) = Config::overlay(
        "[keys.global]\nj = \"dwon\"\nx = \"quit\"\n[theme]\nselection = { fg = \"nope\", bg = \"red\" }\n\
         [layout]\nsidebar = 3\nreader_width = 80\n[ui]\nmouse = false\n",
        "u",
        Options::default(),
    );
    assert_eq!(
        problems.iter().filter(|p| p.is_error).count(),
        3,
        "{problems:#?}"
    );
    assert_eq!(
        actions(&c.keymap, Context::List, "j"),
        Some(vec![Action::Down])
    );
    assert_eq!(
        actions(&c.keymap, Context::List, "x"),
        Some(vec![Action::Quit])
    );
    assert_eq!(c.theme.selection.bg, Some(Color::Red));
    assert_eq!(c.theme.selection.fg, Config::default().theme.selection.fg);
    assert_eq!(c.layout.sidebar, Config::default().layout.sidebar);
    assert_eq!(c.layout.reader_width, 80);
    assert!(!c.ui.mouse);
}

#[test]
fn a_syntax_error_does_not_lose_the_valid_tables() {
    let (c, problems) = Config::overlay(
        "[ui]\nmouse = false\n[keys.global]\nj = \"down\n[layout]\nreader_width = 72\n",
        "u",
        Options::default(),
    );
    assert!(problems
        .iter()
        .any(|p| p.is_error && p.message.contains("TOML syntax")));
    assert!(!c.ui.mouse);
    assert_eq!(c.layout.reader_width, 72);
}

#[test]
fn theme_presets_and_forms() {
    let c = overlay("[theme]\npreset = \"light\"\n");
    assert_eq!(c.theme, brief::config::Theme::light());
    // The preset applies first even when written after an element.
    let c = overlay("[theme]\ndim = \"blue\"\npreset = \"light\"\n");
    assert_eq!(c.theme.dim.fg, Some(Color::Blue));
    assert_eq!(c.theme.selection, brief::config::Theme::light().selection);
    // The short form replaces the whole style.
    let c = overlay("[theme]\nselection = \"bold underlined light red on 238\"\n");
    let s = c.theme.selection;
    assert_eq!(
        (s.fg, s.bg),
        (Some(Color::LightRed), Some(Color::Indexed(238)))
    );
    assert_eq!(s.add_modifier, Modifier::BOLD | Modifier::UNDERLINED);
    // A modifiers list replaces the element's modifiers; "default" clears a colour.
    let c = overlay("[theme]\nselection = { fg = \"default\", modifiers = [\"italic\"] }\n");
    assert_eq!(c.theme.selection.fg, None);
    assert_eq!(c.theme.selection.add_modifier, Modifier::ITALIC);
}

#[test]
fn colour_notations() {
    use brief::config::parse_colour;
    for (text, colour) in [
        ("yellow", Some(Color::Yellow)),
        ("Light-Blue", Some(Color::LightBlue)),
        ("dark_gray", Some(Color::DarkGray)),
        ("0", Some(Color::Indexed(0))),
        ("255", Some(Color::Indexed(255))),
        ("#00ff7f", Some(Color::Rgb(0, 255, 127))),
        ("default", None),
    ] {
        assert_eq!(parse_colour(text), Ok(colour), "{text}");
    }
    for bad in ["", "256", "-1", "#12345", "#gggggg", "yelow", "rgb(1,2,3)"] {
        assert!(parse_colour(bad).is_err(), "{bad}");
    }
}

#[test]
fn layout_and_ui_overlay_field_by_field() {
    let c = overlay(
        "[layout]\nlist_width = 20\npoints_width = 60\nactors_width = 20\nsidebar = false\n\
         date_format = \"%-d %b\"\n[ui]\nascii = true\nwatch = true\n",
    );
    assert_eq!(
        (c.layout.list_pct, c.layout.points_pct, c.layout.actors_pct),
        (20, 60, 20)
    );
    assert!(!c.layout.sidebar && c.ui.ascii && c.ui.watch && c.ui.mouse);
    assert_eq!(
        brief::config::format_date("2025-12-08", &c.layout.date_format),
        "8 Dec"
    );
    // Widths that do not add up are scaled, keeping the proportions.
    let (c, problems) = Config::overlay(
        "[layout]\nlist_width = 50\npoints_width = 50\nactors_width = 50\n",
        "u",
        Options::default(),
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(
        c.layout.list_pct + c.layout.points_pct + c.layout.actors_pct,
        100
    );
    assert_eq!(c.layout.list_pct, c.layout.actors_pct);
}

#[test]
fn version_one_and_a_missing_version_are_both_fine() {
    assert!(Config::overlay("version = 1\n", "u", Options::default())
        .1
        .is_empty());
    assert!(
        Config::overlay("[ui]\nmouse = true\n", "u", Options::default())
            .1
            .is_empty()
    );
    // A newer version still applies what it can.
    let (c, problems) = Config::overlay(
        "version = 2\n[ui]\nmouse = false\n",
        "u",
        Options::default(),
    );
    assert_eq!(problems.len(), 1);
    assert!(!c.ui.mouse);
}

#[test]
fn empty_and_comment_only_files_change_nothing() {
    for text in ["", "\n\n", "# just a comment\n", "[keys.global]\n"] {
        let (c, problems) = Config::overlay(text, "u", Options::default());
        assert!(problems.is_empty(), "{text:?}");
        assert_eq!(c, Config::default());
    }
}

#[test]
fn a_pane_key_that_hides_a_global_sequence_is_a_warning() {
    let (c, problems) = Config::overlay("[keys.reader]\ng = \"top\"\n", "u", Options::default());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(!problems[0].is_error && problems[0].message.contains("hides the global `g g`"));
    assert_eq!(
        actions(&c.keymap, Context::Reader, "g"),
        Some(vec![Action::Top])
    );
    // Other panes keep the global sequence.
    assert_eq!(
        actions(&c.keymap, Context::List, "g g"),
        Some(vec![Action::Top])
    );
}

#[test]
fn none_in_a_pane_unbinds_a_global_key_in_that_pane_only() {
    let (c, problems) = Config::overlay("[keys.actors]\nq = \"none\"\n", "u", Options::default());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(actions(&c.keymap, Context::Actors, "q"), None);
    assert_eq!(
        actions(&c.keymap, Context::List, "q"),
        Some(vec![Action::Quit])
    );
    // The docs' TOML keeps the mask, so the keymap still round-trips.
    let mut blank = Config::blank();
    let problems = blank.layer(
        &brief::keymap::docs::to_toml(&c.keymap),
        "rt",
        Options::default(),
    );
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(blank.keymap, c.keymap);
}
