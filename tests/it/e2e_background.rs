//! Background work in the real binary (tmux): pane filters that run on the filter worker
//! and reloads that run off the input thread. `BRIEF_TEST_BACKGROUND_MIN=0` sends even
//! a small briefing's panes to the worker, so the path that 20k+ item panes take runs
//! here in seconds. Run: `cargo test --test it e2e_background::`.

use crate::support;

use std::fs;
use std::path::Path;
use std::time::Duration;
use support::{sh_quote, Tmux};

const WAIT: Duration = Duration::from_secs(30);

/// `n` articles with distinct titles; article 137 is the one the tests look for.
fn write_briefing(dir: &Path, n: usize) {
    fs::create_dir_all(dir).expect("mkdir");
    for i in 0..n {
        let title = if i == 137 {
            "Zelensky Meets Envoys in Geneva".to_string()
        } else {
            format!("Harbour Report Number {i}")
        };
        let body = format!(
            "Officials in port {i} said the shipping lanes stayed open on Monday. \
             Traffic rose by {i} percent, the harbour authority said."
        );
        fs::write(
            dir.join(format!("{i:04}.txt")),
            format!("{title}\n\n{body}\n"),
        )
        .expect("write");
    }
}

/// The shell command that runs brief on `dir` with a private home; `extra` goes
/// between the binary and the folder, `after` after the whole command.
fn command(dir: &Path, home: &Path, extra: &str, after: &str) -> String {
    format!(
        "env LANG=C.UTF-8 TERM=xterm-256color BRIEF_TEST_BACKGROUND_MIN=0 \
         XDG_STATE_HOME={h}/state XDG_CACHE_HOME={h}/cache XDG_CONFIG_HOME={h}/config \
         {bin} {extra} {dir}{after}",
        h = sh_quote(&home.to_string_lossy()),
        bin = sh_quote(&support::brief_bin().to_string_lossy()),
        dir = sh_quote(&dir.to_string_lossy()),
    )
}

fn open(name: &str, dir: &Path, home: &Path) -> Tmux {
    let t = Tmux::start(name, 120, 40, &command(dir, home, "", ""));
    t.wait_for("the first frame", WAIT, |s| s.contains("NORMAL"));
    t
}

/// The title on the first row of the article list.
fn first_title(screen: &str) -> Option<String> {
    screen
        .lines()
        .nth(1)
        .map(|l| l.split('│').nth(1).unwrap_or("").trim().to_string())
}

#[test]
fn a_background_filter_shows_the_final_query_and_keys_keep_working() {
    if !support::require("tmux") {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("news");
    write_briefing(&dir, 300);
    let t = open("bgfilter", &dir, &tmp.path().join("home"));
    t.keys(&["/"]);
    // Typed in one burst: each key supersedes the pass of the one before.
    t.type_text("zelensky genev");
    let s = t.wait_for("the match on top, filtering done", WAIT, |s| {
        first_title(s).is_some_and(|f| f.contains("Zelensky Meets Envoys"))
            && !s.contains("filtering")
            && s.contains("1 of 300 articles")
    });
    assert!(!s.contains("Harbour Report Number"), "{s}");
    // Backspacing to a broader query brings other articles back.
    t.keys(&["BSpace"; 14]);
    t.type_text("report number 29");
    t.wait_for("the broader query's matches", WAIT, |s| {
        s.contains("Harbour Report Number 29") && !s.contains("filtering")
    });
    t.keys(&["Escape"]);
    t.wait_for("normal mode", WAIT, |s| s.contains("NORMAL"));
    t.keys(&["Escape"]);
    // " 300 articles" alone would also match "1 of 300 articles" before the second Esc
    // is handled, and a `q` sent then would arrive as Alt-q.
    t.wait_for("every article again", WAIT, |s| {
        s.contains(" 300 articles") && !s.contains("of 300 articles")
    });
    t.keys(&["q"]);
    assert!(t.wait_dead(WAIT), "brief did not quit");
}

#[test]
fn reload_runs_in_the_background_and_swaps_the_briefing_in() {
    if !support::require("tmux") {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("news");
    write_briefing(&dir, 40);
    let t = open("bgreload", &dir, &tmp.path().join("home"));
    fs::write(
        dir.join("9999.txt"),
        "Late Bulletin From the Harbour\n\nThe port closed at noon, officials said.\n",
    )
    .expect("write");
    t.keys(&["r"]);
    t.wait_for("the reloaded briefing", WAIT, |s| {
        s.contains(" 41 articles") && s.contains("+1")
    });
    // The reader answers right after: the list filters at once.
    t.keys(&["/"]);
    t.type_text("late bulletin");
    t.wait_for("the new article found", WAIT, |s| {
        first_title(s).is_some_and(|f| f.contains("Late Bulletin")) && !s.contains("filtering")
    });
    // Esc and q in one write would read as Alt-q: let the Esc land first.
    t.keys(&["Escape"]);
    t.wait_for("normal mode", WAIT, |s| s.contains("NORMAL"));
    t.keys(&["q"]);
    assert!(t.wait_dead(WAIT), "brief did not quit");
}

#[test]
fn q_during_a_long_first_load_gives_up_and_restores_the_terminal() {
    if !support::require("tmux") {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("news");
    // Enough that a debug build loads it for seconds (no cache: derived from scratch).
    write_briefing(&dir, 4_000);
    let home = tmp.path().join("home");
    let cmd = command(&dir, &home, "--no-cache", "; echo EXIT=$?; sleep 30");
    let t = Tmux::start("bgcancel", 100, 30, &cmd);
    let s = t.wait_for("the loading line or the reader", WAIT, |s| {
        s.contains("Loading the briefing") || s.contains("NORMAL")
    });
    if s.contains("NORMAL") {
        eprintln!("SKIPPED: the briefing loaded before the test could press q");
        return;
    }
    t.keys(&["q"]);
    let s = t.wait_for("brief to give up", WAIT, |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=130"), "cancelled loads exit 130:\n{s}");
    assert_eq!(t.var("alternate_on"), "0", "the normal screen is back");
}
