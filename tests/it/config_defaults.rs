//! The reference file is the defaults: it loads without a problem, sets every setting,
//! binds every action (or says it leaves one unbound) and round-trips through the docs.

use brief::app::Action;
use brief::config::{Config, Options, Theme, DEFAULT_TOML};
use brief::keymap::{docs, Context, Keymap};

/// Actions the reference file leaves unbound on purpose (it says so in a comment).
const UNBOUND_BY_DESIGN: [Action; 2] = [Action::None, Action::MarkRead];

#[test]
fn reference_file_loads_without_problems() {
    let (config, problems) = Config::overlay(DEFAULT_TOML, "default.toml", Options::default());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(config, Config::default());
}

#[test]
fn reference_file_sets_every_setting() {
    // Laid over two different blanks, the file must give the same result: any setting
    // it left out would show through as a difference.
    let mut a = Config::blank();
    let mut b = Config::blank();
    b.theme = Theme::monochrome();
    b.layout.list_pct = 7;
    b.layout.points_pct = 9;
    b.layout.actors_pct = 84;
    b.layout.sidebar = !a.layout.sidebar;
    b.layout.reader_width = 999;
    b.layout.date_format = "%B".into();
    b.ui.mouse = !a.ui.mouse;
    b.ui.ascii = !a.ui.ascii;
    b.ui.watch = !a.ui.watch;
    assert_ne!(a, b);
    for c in [&mut a, &mut b] {
        let problems = c.layer(DEFAULT_TOML, "default.toml", Options::default());
        assert!(problems.is_empty(), "{problems:#?}");
    }
    assert_eq!(a, b);
    assert_eq!(a, Config::default());
}

#[test]
fn theme_in_the_file_is_the_dark_preset() {
    assert_eq!(Config::default().theme, Theme::dark());
}

#[test]
fn every_action_is_bound_somewhere_or_unbound_by_design() {
    let km = brief::config::Config::default().keymap;
    let bound: Vec<Action> = Context::ALL
        .iter()
        .flat_map(|&c| km.bindings(c).flat_map(|(_, b)| b.actions.clone()))
        .collect();
    for a in Action::all() {
        if UNBOUND_BY_DESIGN.contains(&a) {
            assert!(
                !bound.contains(&a),
                "{a} is bound; drop it from UNBOUND_BY_DESIGN"
            );
        } else {
            assert!(bound.contains(&a), "{a} has no default key");
        }
    }
}

#[test]
fn the_reference_names_the_actions_it_leaves_unbound() {
    let line = DEFAULT_TOML
        .lines()
        .find(|l| l.starts_with("# Not bound by default:"))
        .expect("the reference lists its unbound actions");
    for a in UNBOUND_BY_DESIGN.iter().filter(|a| **a != Action::None) {
        assert!(
            line.contains(&format!("`{}`", a.name())),
            "{a} missing from: {line}"
        );
    }
}

#[test]
fn keymap_round_trips_through_toml() {
    let km = brief::config::Config::default().keymap;
    let text = docs::to_toml(&km);
    let mut config = Config::blank();
    assert_eq!(config.keymap, Keymap::default());
    let problems = config.layer(&text, "rt.toml", Options::default());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(config.keymap, km);
}

#[test]
fn defaults_are_vim_like() {
    use brief::keymap::{KeyPress, Lookup};
    let km = brief::config::Config::default().keymap;
    let k = |s: &str| -> Vec<KeyPress> { brief::keymap::parse_sequence(s).expect(s) };
    let action = |ctx, s: &str| match km.lookup(ctx, &k(s)) {
        Lookup::Bound(b) => b.actions.first().copied(),
        _ => None,
    };
    assert_eq!(action(Context::List, "j"), Some(Action::Down));
    assert_eq!(action(Context::List, "g g"), Some(Action::Top));
    assert_eq!(action(Context::List, "G"), Some(Action::Bottom));
    assert_eq!(action(Context::Reader, "j"), Some(Action::ScrollDown));
    assert_eq!(action(Context::Filter, "esc"), Some(Action::FilterClear));
}
