//! Every validation rule, table-driven: the file, then where the problem must be, how
//! severe, and words its message must contain (so a vague message fails the test).

use brief::config::{Config, Options, Problem};

struct Case {
    name: &'static str,
    toml: &'static str,
    line: usize,
    column: usize,
    error: bool,
    says: &'static [&'static str],
}

const fn case(
    name: &'static str,
    toml: &'static str,
    line: usize,
    column: usize,
    error: bool,
    says: &'static [&'static str],
) -> Case {
    Case {
        name,
        toml,
        line,
        column,
        error,
        says,
    }
}

const E: bool = true;
const W: bool = false;

#[rustfmt::skip]
const CASES: &[Case] = &[    // Actions.
    case("typo in action", "[keys.global]\nj = \"dwon\"\n", 2, 5, E, &["unknown action `dwon`", "did you mean `down`?"]),
    case("no close action", "[keys.global]\nj = \"frobnicate\"\n", 2, 5, E, &["unknown action `frobnicate`", "brief config default"]),
    case("typo in list", "[keys.list]\no = [\"mark_read\", \"opne\"]\n", 2, 19, E, &["`opne`", "`open`"]),
    case("typo in run", "[keys.points]\ny = { run = \"ynak\" }\n", 2, 13, E, &["`ynak`", "`yank`"]),
    case("typo in run list", "[keys.points]\ny = { run = [\"yank\", \"qiut\"] }\n", 2, 22, E, &["`quit`"]),
    case("wrong type", "[keys.global]\nj = 5\n", 2, 5, E, &["an action name", "not an integer"]),
    case("empty list", "[keys.global]\nj = []\n", 2, 5, E, &["empty list", "\"none\""]),
    case("none with others", "[keys.global]\nj = [\"none\", \"down\"]\n", 2, 5, E, &["cannot be combined"]),
    case("non-string in list", "[keys.global]\nj = [\"down\", 3]\n", 2, 14, E, &["must be a string"]),
    case("binding field typo", "[keys.global]\ny = { run = \"yank\", descr = \"x\" }\n", 2, 21, E, &["`binding.descr`", "`desc`"]),
    case("binding without run", "[keys.global]\ny = { desc = \"x\" }\n", 2, 5, E, &["needs `run`"]),
    case("desc not a string", "[keys.global]\ny = { run = \"yank\", desc = 1 }\n", 2, 28, E, &["`desc` must be a string"]),
    // Key names.
    case("typo in key name", "[keys.global]\n\"entr\" = \"down\"\n", 2, 1, E, &["unknown key `entr`", "`enter`"]),
    case("function key range", "[keys.global]\nf13 = \"down\"\n", 2, 1, E, &["f1 to f12"]),
    case("glued sequence", "[keys.global]\nzz = \"top\"\n", 2, 1, E, &["spaces", "`z z`"]),
    case("shift on a symbol", "[keys.global]\n\"S-1\" = \"top\"\n", 2, 1, E, &["`!`"]),
    case("modifier alone", "[keys.global]\n\"C-\" = \"top\"\n", 2, 1, E, &["`C-` has no key after its modifiers"]),
    case("blank key", "[keys.global]\n\" \" = \"top\"\n", 2, 1, E, &["`space`"]),
    case("bad key in a sequence", "[keys.reader]\n\"z qq\" = \"top\"\n", 2, 1, E, &["`qq`"]),
    // Sequences that hide each other in one table.
    case("prefix then sequence", "[keys.list]\nz = \"top\"\n\"z z\" = \"bottom\"\n", 3, 1, E, &["clashes with `z` on line 2", "could never be typed"]),
    case("sequence then prefix", "[keys.list]\n\"z z x\" = \"top\"\nz = \"bottom\"\n", 3, 1, E, &["`z z x`", "line 2"]),
    // The same key through aliases.
    case("C- and ctrl-", "[keys.global]\n\"C-x\" = \"quit\"\n\"ctrl-x\" = \"help\"\n", 3, 1, E, &["`ctrl-x` is the same key as `C-x` on line 2"]),
    case("vim brackets", "[keys.global]\n\"<C-x>\" = \"quit\"\n\"C-x\" = \"quit\"\n", 3, 1, E, &["same key as `<C-x>`"]),
    case("S-g and G", "[keys.global]\nG = \"bottom\"\n\"S-g\" = \"top\"\n", 3, 1, E, &["same key as `G`"]),
    case("alias in a sequence", "[keys.global]\n\"g C-x\" = \"top\"\n\"g ctrl-x\" = \"top\"\n", 3, 1, E, &["same key"]),
    case("return and enter", "[keys.list]\nenter = \"open\"\nreturn = \"open\"\n", 3, 1, E, &["same key as `enter`"]),
    // Tables and fields.
    case("unknown key table", "[keys.lsit]\nj = \"down\"\n", 1, 7, E, &["unknown table `keys.lsit`", "`keys.list`"]),
    case("unknown key table, no hint", "[keys.sidebar]\n", 1, 7, E, &["keys.global, keys.list"]),
    case("keys table not a table", "[keys]\nglobal = 3\n", 2, 10, E, &["`keys.global` must be a table"]),
    case("unknown section", "[theem]\n", 1, 2, E, &["unknown setting or table `theem`", "`theme`"]),
    case("unknown top-level key", "colour = 1\n", 1, 1, E, &["`colour`"]),
    case("future version", "version = 2\n", 1, 11, E, &["version 2", "version 1"]),
    case("version as text", "version = \"1\"\n", 1, 11, E, &["`version` must be a whole number, not a string"]),
    case("syntax error", "[keys.global]\nj = \"down\nk = \"up\"\n", 2, 10, E, &["TOML syntax"]),
    // Theme.
    case("unknown element", "[theme]\nselecton = \"red\"\n", 2, 1, E, &["`theme.selecton`", "`selection`"]),
    case("unknown colour", "[theme]\nselection = { fg = \"yelow\" }\n", 2, 20, E, &["unknown colour `yelow`", "`yellow`"]),
    case("index out of range", "[theme]\nselection = { bg = \"256\" }\n", 2, 20, E, &["0 to 255"]),
    case("bad hex", "[theme]\nselection = { bg = \"#ffaa0\" }\n", 2, 20, E, &["#ffaa00"]),
    case("bad modifier", "[theme]\nselection = { modifiers = [\"bolt\"] }\n", 2, 27, E, &["unknown modifier `bolt`", "`bold`"]),
    case("style field typo", "[theme]\nselection = { fgg = \"red\" }\n", 2, 15, E, &["`theme.selection.fgg`", "`fg`"]),
    case("unknown preset", "[theme]\npreset = \"drak\"\n", 2, 10, E, &["unknown preset `drak`", "`dark`"]),
    case("element wrong type", "[theme]\nselection = 3\n", 2, 13, E, &["not an integer"]),
    case("short form, two colours", "[theme]\nselection = \"red blue\"\n", 2, 13, E, &["`on blue`"]),
    case("short form, dangling on", "[theme]\nselection = \"red on\"\n", 2, 13, E, &["background"]),
    // Layout and ui.
    case("width out of range", "[layout]\nlist_width = 0\n", 2, 14, E, &["between 5 and 90"]),
    case("bool as text", "[layout]\nsidebar = \"yes\"\n", 2, 11, E, &["`true` or `false`", "not a string"]),
    case("reader width negative", "[layout]\nreader_width = -1\n", 2, 16, E, &["between 0 and 1000"]),
    case("bad date format", "[layout]\ndate_format = \"%Q\"\n", 2, 15, E, &["`%Q`"]),
    case("layout field typo", "[layout]\nsidebr = true\n", 2, 1, E, &["`layout.sidebr`", "`sidebar`"]),
    case("ui field typo", "[ui]\nmouse_mode = true\n", 2, 1, E, &["`ui.mouse_mode`", "mouse, ascii, watch"]),
    case("widths not 100", "[layout]\nlist_width = 40\n", 2, 1, W, &["110%", "36/41/23"]),
    // Warnings: keys terminals cannot tell apart or that tmux, screen and flow control eat.
    case("C-h", "[keys.global]\n\"C-h\" = \"help\"\n", 2, 1, W, &["backspace"]),
    case("C-i", "[keys.global]\n\"C-i\" = \"help\"\n", 2, 1, W, &["tab"]),
    case("C-m", "[keys.global]\n\"C-m\" = \"help\"\n", 2, 1, W, &["enter"]),
    case("C-j", "[keys.global]\n\"C-j\" = \"help\"\n", 2, 1, W, &["enter"]),
    case("C-s", "[keys.global]\n\"C-s\" = \"help\"\n", 2, 1, W, &["flow control"]),
    case("C-q", "[keys.global]\n\"C-q\" = \"help\"\n", 2, 1, W, &["flow control"]),
    case("C-b", "[keys.global]\n\"C-b\" = \"help\"\n", 2, 1, W, &["tmux"]),
    case("C-a", "[keys.global]\n\"C-a\" = \"help\"\n", 2, 1, W, &["screen"]),
    case("C-h in a sequence", "[keys.global]\n\"g C-h\" = \"help\"\n", 2, 1, W, &["backspace"]),
    case("text key in filter", "[keys.filter]\nq = \"filter_clear\"\n", 2, 1, W, &["typed into the filter"]),
    case("unbinding nothing", "[keys.global]\nx = \"none\"\n", 2, 1, W, &["nothing to unbind"]),
    case("replacing a default sequence", "[keys.global]\ng = \"top\"\n", 2, 1, W, &["replaces", "`g g`"]),
];

fn problems(toml: &str, opts: Options) -> Vec<Problem> {
    Config::overlay(toml, "t.toml", opts).1
}

#[test]
fn every_rule_reports_line_column_severity_and_fix() {
    let mut failures = Vec::new();
    for c in CASES {
        let found = problems(c.toml, Options::default());
        let hit = found.iter().find(|p| {
            p.line == c.line
                && p.column == c.column
                && p.is_error == c.error
                && c.says.iter().all(|s| p.message.contains(s))
        });
        if hit.is_none() {
            failures.push(format!("{}: got {found:#?}", c.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn each_case_reports_exactly_one_problem() {
    // One mistake, one message: no cascades of follow-up errors.
    for c in CASES {
        let found = problems(c.toml, Options::default());
        // A TOML syntax error may be followed by the parser's own recovery notes.
        if c.name != "syntax error" {
            assert_eq!(found.len(), 1, "{}: {found:#?}", c.name);
        }
    }
}

#[test]
fn alt_keys_warn_only_on_the_linux_console() {
    let toml = "[keys.global]\n\"A-x\" = \"help\"\n";
    assert!(problems(toml, Options::default()).is_empty());
    let on_console = problems(
        toml,
        Options {
            linux_console: true,
        },
    );
    assert_eq!(on_console.len(), 1);
    assert!(!on_console[0].is_error && on_console[0].message.contains("Linux console"));
}

#[test]
fn warned_keys_still_apply_and_erroneous_ones_do_not() {
    use brief::keymap::{parse_sequence, Context, Lookup};
    let toml = "[keys.global]\n\"C-s\" = \"help\"\nw = \"dwon\"\n";
    let (config, _) = Config::overlay(toml, "t.toml", Options::default());
    let keys = |s: &str| parse_sequence(s).expect(s);
    assert!(matches!(
        config.keymap.lookup(Context::List, &keys("C-s")),
        Lookup::Bound(_)
    ));
    assert_eq!(
        config.keymap.lookup(Context::List, &keys("w")),
        Lookup::Unbound
    );
}

#[test]
fn problems_come_in_file_order() {
    let toml =
        "[keys.global]\nj = \"dwon\"\n[theme]\nselecton = \"red\"\n[keys.list]\nk = \"uo\"\n";
    let lines: Vec<usize> = problems(toml, Options::default())
        .iter()
        .map(|p| p.line)
        .collect();
    assert_eq!(lines, vec![2, 4, 6]);
}
