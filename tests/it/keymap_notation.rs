//! The key notation: every accepted spelling, the canonical form, and properties over
//! arbitrary input (never panics; display then parse gives the same key back).

use brief::keymap::{format_sequence, parse_sequence, KeyCode, KeyPress, Mods};
use proptest::prelude::*;

fn k(code: KeyCode, ctrl: bool, alt: bool, shift: bool) -> KeyPress {
    KeyPress::new(code, Mods { ctrl, alt, shift })
}

#[test]
fn spellings_of_the_same_key() {
    let c = |ch| KeyCode::Char(ch);
    let table: &[(&[&str], KeyPress)] = &[
        (
            &[
                "C-x",
                "ctrl-x",
                "Ctrl-x",
                "CTRL+x",
                "control-x",
                "<C-x>",
                "c-x",
            ],
            k(c('x'), true, false, false),
        ),
        (
            &["A-x", "alt-x", "M-x", "meta-x", "<A-x>", "Alt+x"],
            k(c('x'), false, true, false),
        ),
        (
            &["G", "S-g", "shift-g", "<S-g>"],
            k(c('G'), false, false, false),
        ),
        (
            &["C-A-d", "A-C-d", "ctrl-alt-d", "<C-A-d>"],
            k(c('d'), true, true, false),
        ),
        (
            &["enter", "Enter", "return", "<CR>", "<enter>"],
            k(KeyCode::Enter, false, false, false),
        ),
        (
            &["esc", "escape", "<Esc>"],
            k(KeyCode::Esc, false, false, false),
        ),
        (
            &["backtab", "S-tab", "shift-tab"],
            k(KeyCode::BackTab, false, false, false),
        ),
        (
            &["space", "<space>", "Space"],
            k(c(' '), false, false, false),
        ),
        (
            &["pagedown", "pgdn", "PageDown"],
            k(KeyCode::PageDown, false, false, false),
        ),
        (&["f5", "F5", "<F5>"], k(KeyCode::F(5), false, false, false)),
        (&["S-up", "shift-up"], k(KeyCode::Up, false, false, true)),
        (&["C--"], k(c('-'), true, false, false)),
        (&["-"], k(c('-'), false, false, false)),
        (&["<"], k(c('<'), false, false, false)),
        (&["C-<"], k(c('<'), true, false, false)),
        (&["é"], k(c('é'), false, false, false)),
    ];
    for (spellings, want) in table {
        for s in *spellings {
            assert_eq!(KeyPress::parse(s).as_ref(), Ok(want), "{s}");
        }
    }
}

#[test]
fn canonical_forms() {
    for (input, canonical) in [
        ("ctrl-x", "C-x"),
        ("<A-x>", "A-x"),
        ("S-g", "G"),
        ("shift-tab", "backtab"),
        ("return", "enter"),
        ("pgup", "pageup"),
        ("alt-ctrl-shift-up", "C-A-S-up"),
    ] {
        assert_eq!(
            KeyPress::parse(input).map(|k| k.to_string()),
            Ok(canonical.into()),
            "{input}"
        );
    }
}

#[test]
fn rejected_notations_say_why() {
    for (input, says) in [
        ("", "space"),
        ("entr", "`enter`"),
        ("gg", "g g"),
        ("f0", "f1 to f12"),
        ("f13", "f1 to f12"),
        ("S-1", "`!`"),
        ("C-", "no key after"),
        ("C-A-", "no key after"),
        ("ctrl-", "no key after"),
        ("\u{7}", "control character"),
        ("hyper-x", "unknown key"),
    ] {
        match KeyPress::parse(input) {
            Ok(k) => panic!("{input:?} parsed as {k}"),
            Err(msg) => assert!(msg.contains(says), "{input:?}: {msg}"),
        }
    }
}

#[test]
fn sequences() {
    let seq = parse_sequence("g  g").expect("two keys");
    assert_eq!(format_sequence(&seq), "g g");
    assert_eq!(parse_sequence("C-w j z z").map(|s| s.len()), Ok(4));
    assert!(parse_sequence("   ").is_err());
    assert!(parse_sequence("g entr").is_err());
}

fn any_key() -> impl Strategy<Value = KeyPress> {
    let named = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::Insert),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        (1u8..=12).prop_map(KeyCode::F),
    ];
    let chars = any::<char>()
        .prop_filter("keys are printable", |c| {
            !c.is_control() && !c.is_whitespace()
        })
        .prop_map(KeyCode::Char);
    let code = prop_oneof![named, chars, Just(KeyCode::Char(' '))];
    (code, any::<bool>(), any::<bool>(), any::<bool>())
        .prop_map(|(code, ctrl, alt, shift)| k(code, ctrl, alt, shift))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_never_panics(s in "\\PC{0,12}") {
        let _ = KeyPress::parse(&s);
        let _ = parse_sequence(&s);
    }

    #[test]
    fn parse_never_panics_on_notation_like_input(s in "(<)?([CcAaSsMm]|ctrl|alt|shift)?[-+]?.{0,3}(>)?") {
        let _ = KeyPress::parse(&s);
    }

    #[test]
    fn display_then_parse_is_the_same_key(key in any_key()) {
        prop_assert_eq!(KeyPress::parse(&key.to_string()), Ok(key));
    }

    #[test]
    fn sequences_round_trip(keys in prop::collection::vec(any_key(), 1..5)) {
        prop_assert_eq!(parse_sequence(&format_sequence(&keys)), Ok(keys));
    }

    #[test]
    fn parsed_keys_print_in_canonical_form(s in "\\PC{1,8}") {
        if let Ok(key) = KeyPress::parse(&s) {
            let shown = key.to_string();
            prop_assert_eq!(KeyPress::parse(&shown), Ok(key));
        }
    }
}
