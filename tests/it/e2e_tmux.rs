//! The real `brief` binary in tmux, driven like a person: navigation, filtering, actor
//! linking, reader scrolling, help, resize, quitting to a clean shell, SIGHUP, several
//! TERM values and NO_COLOR; plus the message when stdout is not a terminal.
//!
//! Each test has its own tmux server (`support::Tmux`, a socket per test) and polls the
//! screen with timeouts instead of sleeping. Without tmux the tests skip loudly (under
//! CI they fail: `.ci/run` installs tmux).

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::{sh_quote, Tmux};

const WAIT: Duration = Duration::from_secs(10);

struct Briefing {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    home: PathBuf,
}

/// A folder of plain-text articles of our own (titles, bodies, one long article).
fn briefing() -> Briefing {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("news");
    fs::create_dir_all(&dir).expect("mkdir");
    let long: String = (1..=80)
        .map(|i| format!("Paragraph line {i} of the long report on the corridor."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let files = [
        ("a.txt", "Harbour Talks Resume in Valmora".to_string(), "Negotiators from Valmora met on Monday. Elena Markova said the harbour deal was close.".to_string()),
        ("b.txt", "Ostrava Signals Flexibility".to_string(), "The delegation signalled flexibility on tariffs. Elena Markova welcomed the move.".to_string()),
        ("c.txt", "Grain Corridor Reopens".to_string(), format!("Ships left the port of Meridia at dawn on Tuesday.\n\n{long}\n\nFinal line of the corridor report.")),
    ];
    for (name, title, body) in files {
        fs::write(dir.join(name), format!("{title}\n\n{body}\n")).expect("write");
    }
    let home = tmp.path().join("home");
    Briefing {
        _tmp: tmp,
        dir,
        home,
    }
}

fn command(b: &Briefing, env: &str, args: &str) -> String {
    format!(
        "env LANG=C.UTF-8 XDG_STATE_HOME={h}/state XDG_CACHE_HOME={h}/cache XDG_CONFIG_HOME={h}/config {env} {bin} {args}",
        h = sh_quote(&b.home.to_string_lossy()),
        bin = sh_quote(&support::brief_bin().to_string_lossy()),
    )
}

fn open_folder(name: &str, b: &Briefing, cols: u16, rows: u16) -> Tmux {
    let cmd = command(
        b,
        "TERM=xterm-256color",
        &sh_quote(&b.dir.to_string_lossy()),
    );
    let t = Tmux::start(name, cols, rows, &cmd);
    t.wait_for("the first frame", WAIT, |s| s.contains("Articles"));
    t
}

/// Until ingest is merged the briefing opens empty: say so loudly and skip.
fn has_articles(t: &Tmux) -> bool {
    let s = t.wait_for("articles or an empty list", WAIT, |s| {
        s.contains("Harbour Talks") || s.contains("No articles")
    });
    if s.contains("No articles") {
        eprintln!("SKIPPED: this build opens no articles (ingest not merged yet)");
        return false;
    }
    true
}

fn restored(t: &Tmux) {
    assert_eq!(t.var("alternate_on"), "0", "alternate screen left on");
    assert_eq!(t.var("cursor_flag"), "1", "cursor left hidden");
}

fn children(pid: &str) -> Vec<String> {
    let path = Path::new("/proc")
        .join(pid)
        .join("task")
        .join(pid)
        .join("children");
    fs::read_to_string(path)
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect()
}

#[test]
fn navigation_opens_the_selected_article_and_comes_back() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let t = open_folder("nav", &b, 120, 40);
    if !has_articles(&t) {
        return;
    }
    t.keys(&["j", "Enter"]);
    t.wait_text("signalled flexibility");
    t.wait_text("READER");
    t.keys(&["q"]);
    t.wait_for("the panes again", WAIT, |s| {
        s.contains("NORMAL") && s.contains("Grain Corridor")
    });
    t.keys(&["G", "Enter"]);
    t.wait_text("Ships left the port");
}

#[test]
fn filtering_narrows_as_you_type_and_esc_clears() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let t = open_folder("filter", &b, 120, 40);
    if !has_articles(&t) {
        return;
    }
    t.keys(&["/"]);
    t.type_text("grain");
    t.wait_for("only the grain article", WAIT, |s| {
        s.contains("Grain Corridor") && !s.contains("Ostrava Signals")
    });
    t.keys(&["Enter"]);
    t.wait_text("/grain");
    t.keys(&["Escape"]);
    t.wait_for("all articles again", WAIT, |s| {
        s.contains("Ostrava Signals") && s.contains("Grain Corridor")
    });
}

#[test]
fn actor_linking_narrows_the_articles() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let t = open_folder("link", &b, 120, 40);
    if !has_articles(&t) {
        return;
    }
    let s = t.screen();
    if !s.contains("Markova") {
        eprintln!("SKIPPED: no actors derived in this build (derive not merged yet)");
        return;
    }
    t.keys(&["3", "/"]);
    t.type_text("markova");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("the linked view", WAIT, |s| {
        s.contains("actor: Elena Markova") && !s.contains("Grain Corridor")
    });
    t.keys(&["a"]);
    t.wait_text("Grain Corridor");
}

#[test]
fn reader_scrolls_by_page_and_to_the_end() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let t = open_folder("scroll", &b, 100, 30);
    if !has_articles(&t) {
        return;
    }
    t.keys(&["G", "Enter"]);
    t.wait_text("Ships left the port");
    t.keys(&["Space"]);
    t.wait_for("the next page", WAIT, |s| {
        !s.contains("Ships left the port") && s.contains("Paragraph line")
    });
    t.keys(&["G"]);
    t.wait_text("Final line of the corridor report");
    t.keys(&["g", "g"]);
    t.wait_text("Ships left the port");
}

#[test]
fn help_lists_keys_and_filters() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let t = open_folder("help", &b, 120, 40);
    t.keys(&["?"]);
    t.wait_text("Help: keys of this session");
    t.wait_text("Move the selection down");
    t.keys(&["/"]);
    t.type_text("quit");
    t.wait_for("only matching keys", WAIT, |s| {
        s.contains("Quit brief") && !s.contains("Move the selection down")
    });
    t.keys(&["Enter", "q"]);
    t.wait_for("the help closed", WAIT, |s| {
        !s.contains("Help") && s.contains("NORMAL")
    });
}

#[test]
fn resize_switches_layouts_at_once() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let t = open_folder("resize", &b, 120, 40);
    t.wait_text("3 Actors");
    t.resize(80, 24);
    t.wait_for("the folded sidebar", WAIT, |s| {
        !s.contains("3 Actors") && s.contains("2 Key points")
    });
    t.resize(50, 20);
    t.wait_for("the tab line", WAIT, |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("1 Articles") && l.contains("3 Actors"))
    });
    t.resize(20, 5);
    t.resize(1, 1);
    t.resize(120, 40);
    t.wait_text("3 Actors");
    assert_eq!(t.var("pane_dead"), "0");
}

/// Starts a shell with a known prompt, runs brief in it, returns (tmux, shell pid).
fn in_shell(name: &str, b: &Briefing, env: &str) -> (Tmux, String) {
    let t = Tmux::start(name, 100, 30, "env PS1='READY$ ' sh");
    t.wait_text("READY$");
    let shell = t.var("pane_pid");
    t.type_text(&command(b, env, &sh_quote(&b.dir.to_string_lossy())));
    t.keys(&["Enter"]);
    t.wait_for("brief's first frame", WAIT, |s| {
        s.contains("Articles") && s.contains("NORMAL")
    });
    (t, shell)
}

fn prompt_back(t: &Tmux) {
    t.wait_for("the shell prompt", WAIT, |s| {
        s.trim_end().ends_with("READY$")
    });
    restored(t);
}

#[test]
fn quit_returns_to_a_clean_shell() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let (t, _) = in_shell("quit", &b, "TERM=xterm-256color");
    assert_eq!(t.var("alternate_on"), "1");
    t.keys(&["q"]);
    prompt_back(&t);
}

#[test]
fn sighup_restores_the_terminal() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let (t, shell) = in_shell("hup", &b, "TERM=xterm-256color");
    let kids = children(&shell);
    assert_eq!(kids.len(), 1, "one child of the shell: {kids:?}");
    // `env` execs brief, so the shell's child is brief itself.
    let st = std::process::Command::new("kill")
        .args(["-HUP", &kids[0]])
        .status()
        .expect("kill");
    assert!(st.success());
    prompt_back(&t);
}

#[test]
fn works_under_several_terms_and_no_color() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    for (i, env) in [
        "TERM=screen",
        "TERM=tmux-256color",
        "TERM=vt100",
        "TERM=linux",
        "TERM=xterm-256color NO_COLOR=1",
        "TERM=xterm LANG=C LC_ALL=C",
    ]
    .iter()
    .enumerate()
    {
        let (t, _) = in_shell(&format!("term{i}"), &b, env);
        t.keys(&["?"]);
        t.wait_text("Help");
        if env.contains("LC_ALL=C") {
            let s = t.screen();
            assert!(
                s.contains("+--") && !s.contains('─'),
                "ASCII borders in a C locale:\n{s}"
            );
        }
        t.keys(&["q", "q"]);
        prompt_back(&t);
    }
}

#[test]
fn not_a_terminal_suggests_export() {
    let out = std::process::Command::new(support::brief_bin())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run brief");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs a terminal") && err.contains("brief export"),
        "{err}"
    );
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let (t, _) = in_shell("suspend", &b, "TERM=xterm-256color");
    t.keys(&["C-z"]);
    t.wait_for("the shell while suspended", WAIT, |s| {
        s.trim_end().ends_with("READY$")
    });
    restored(&t);
    t.type_text("fg");
    t.keys(&["Enter"]);
    t.wait_for("the reader again", WAIT, |s| {
        s.contains("NORMAL") && s.contains("Articles")
    });
    assert_eq!(t.var("alternate_on"), "1");
    t.keys(&["q"]);
    prompt_back(&t);
}

#[test]
fn a_missing_path_is_reported_on_a_clean_screen() {
    if !support::require("tmux") {
        return;
    }
    let b = briefing();
    let t = Tmux::start("missing", 100, 20, "env PS1='READY$ ' sh");
    t.wait_text("READY$");
    let missing = b.dir.join("no-such-folder");
    t.type_text(&command(
        &b,
        "TERM=xterm-256color",
        &sh_quote(&missing.to_string_lossy()),
    ));
    t.type_text("; echo EXIT=$?");
    t.keys(&["Enter"]);
    let s = t.wait_text("EXIT=1");
    assert!(
        s.contains("no-such-folder"),
        "the error names the path:\n{s}"
    );
    prompt_back(&t);
}
