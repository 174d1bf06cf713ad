//! Issue 18 in the real binary (tmux): the terminal comes back after an abort, a paste is
//! never run as keys, and a huge single line does not freeze the reader.
//! Run: `cargo test --test it e2e_reliability::`.
//!
//! `BRIEF_TEST_BIN=/path/to/brief` runs the same checks on another build (how the
//! "before" column of the README's table was measured: each of these failed there).

use crate::support;

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::{sh_quote, Tmux};

fn bin() -> PathBuf {
    std::env::var_os("BRIEF_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(support::brief_bin)
}

struct Setup {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    home: PathBuf,
}

fn setup(articles: &[(&str, String)]) -> Setup {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("briefing");
    fs::create_dir_all(&dir).expect("mkdir");
    for (name, text) in articles {
        fs::write(dir.join(name), text).expect("write");
    }
    let home = tmp.path().join("home");
    Setup {
        _tmp: tmp,
        dir,
        home,
    }
}

fn small() -> Setup {
    setup(&[
        (
            "a.txt",
            "Harbour Talks Resume in Valmora\n\nNegotiators from Valmora met on Monday. \
             The ceasefire held overnight.\n"
                .to_string(),
        ),
        (
            "b.txt",
            "Grain Corridor Reopens\n\nShips left the port of Meridia at dawn on Tuesday.\n"
                .to_string(),
        ),
    ])
}

/// brief in a shell that outlives it; `after` runs once brief is gone.
fn command(s: &Setup, after: &str) -> String {
    command_with(s, "", after)
}

fn command_with(s: &Setup, flags: &str, after: &str) -> String {
    let brief = format!(
        "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME={h}/state \
         XDG_CACHE_HOME={h}/cache XDG_CONFIG_HOME={h}/config {bin} {flags} {dir}",
        h = sh_quote(&s.home.to_string_lossy()),
        bin = sh_quote(&bin().to_string_lossy()),
        dir = sh_quote(&s.dir.to_string_lossy()),
    );
    format!(
        "sh -c {}",
        sh_quote(&format!(
            "ulimit -c 0; {brief}; echo brief-exited-$?; {after}; exec sleep 600"
        ))
    )
}

/// The pid of brief: the pane shell's only child.
fn brief_pid(t: &Tmux) -> String {
    let sh = t.var("pane_pid");
    let kids = fs::read_to_string(format!("/proc/{sh}/task/{sh}/children")).unwrap_or_default();
    kids.split_whitespace()
        .next()
        .map(String::from)
        .unwrap_or_else(|| panic!("brief is not running under the pane's shell {sh}"))
}

/// The terminal back in its normal state: the shell's loop prints COOKED once `stty`
/// says canonical mode is back; the pane is off the alternate screen, cursor shown.
const WAIT_COOKED: &str =
    "n=0; while stty -a | grep -q -- -icanon && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done; \
     stty -a | grep -q -- -icanon && echo STILL-RAW || echo COOKED";

fn killed_by(signal: &str) {
    if !support::require("tmux") {
        return;
    }
    let s = small();
    let t = Tmux::start(
        &format!("abort{signal}"),
        100,
        30,
        &command(&s, WAIT_COOKED),
    );
    t.wait_text("Harbour Talks Resume");
    assert_eq!(t.var("alternate_on"), "1");
    let pid = brief_pid(&t);
    let st = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("kill");
    assert!(st.success());
    let screen = t.wait_for("the shell after brief", Duration::from_secs(20), |s| {
        s.contains("COOKED") || s.contains("STILL-RAW")
    });
    assert!(
        screen.contains("COOKED"),
        "raw mode left on after SIG{signal}:\n{screen}"
    );
    let start = Instant::now();
    while (t.var("alternate_on") != "0" || t.var("cursor_flag") != "1")
        && start.elapsed() < Duration::from_secs(5)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(t.var("alternate_on"), "0", "alternate screen left on");
    assert_eq!(t.var("cursor_flag"), "1", "cursor left hidden");
}

#[test]
fn sigabrt_leaves_the_terminal_restored() {
    killed_by("ABRT");
}

#[test]
fn sigkill_leaves_the_terminal_restored() {
    killed_by("KILL");
}

// Not SIGSEGV: Rust's own stack-overflow handler takes a SIGSEGV sent with `kill`
// and returns, so the process lives on; the watchdog path is the same as for these two.

/// The processes of the pane's session: after a normal quit, only the shell's.
fn session_processes(t: &Tmux) -> Vec<String> {
    let sh = t.var("pane_pid");
    let out = std::process::Command::new("ps")
        .args(["-o", "args=", "-s", &sh])
        .output()
        .expect("ps");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_normal_quit_leaves_no_watchdog_and_no_noise() {
    if !support::require("tmux") || !support::have("ps") {
        return;
    }
    let s = small();
    let t = Tmux::start("quitclean", 100, 30, &command(&s, "echo after"));
    t.wait_text("Harbour Talks Resume");
    t.keys(&["q"]);
    t.wait_text("brief-exited-0");
    let start = Instant::now();
    let mut procs = session_processes(&t);
    while procs.iter().any(|p| p.contains("brief")) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
        procs = session_processes(&t);
    }
    assert!(!procs.iter().any(|p| p.contains("brief")), "{procs:?}");
    assert_eq!(t.var("alternate_on"), "0");
}

/// A bracketed paste as a terminal sends it (tmux `paste-buffer -p`).
fn paste(t: &Tmux, text: &str) {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    fs::write(file.path(), text).expect("write");
    let path = file.path().to_string_lossy().into_owned();
    t.run(&["load-buffer", &path]);
    t.run(&["paste-buffer", "-p", "-t", "t"]);
}

#[test]
fn a_paste_in_normal_mode_is_never_run_as_keys() {
    if !support::require("tmux") {
        return;
    }
    let s = small();
    let t = Tmux::start("pastenormal", 120, 30, &command(&s, "true"));
    t.wait_text("Harbour Talks Resume");
    // `e` would open the export prompt, `q` would quit.
    paste(&t, "see the export; quit");
    let screen = t.wait_text("paste ignored");
    assert!(!screen.contains("Export view to"), "{screen}");
    assert!(!screen.contains("brief-exited"), "{screen}");
    t.keys(&["q"]);
    t.wait_text("brief-exited-0");
}

#[test]
fn an_8k_paste_into_the_filter_is_one_edit() {
    if !support::require("tmux") {
        return;
    }
    let s = small();
    let t = Tmux::start("pastefilter", 120, 30, &command(&s, "true"));
    t.wait_text("Harbour Talks Resume");
    t.keys(&["Tab", "/"]);
    let text = "ceasefire ".repeat(820);
    let start = Instant::now();
    paste(&t, &text);
    t.wait_for("the filtered frame", Duration::from_secs(10), |s| {
        s.contains("first 200 characters")
    });
    let took = start.elapsed();
    // Apart, or the terminal's parser reads Esc q as Alt-q.
    t.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    t.keys(&["q"]);
    t.wait_for("brief to quit", Duration::from_secs(10), |s| {
        s.contains("brief-exited-0")
    });
    eprintln!("8 KB paste into the filter: frame after {took:?}");
}

/// Case 8: one 0.9 MB line without a full stop is one key point of 0.9 MB.
#[test]
fn a_huge_single_line_gives_a_first_frame_and_quits_at_once() {
    if !support::require("tmux") {
        return;
    }
    let words = [
        "talks",
        "envoy",
        "geneva",
        "minister",
        "harbour",
        "delegation",
    ];
    let mut line = String::from("Long Line Title\n\n");
    let mut i = 0usize;
    while line.len() < 900_000 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7);
    }
    line.push('\n');
    let s = setup(&[("line.txt", line)]);
    let start = Instant::now();
    let t = Tmux::start("hugeline", 120, 40, &command(&s, "true"));
    t.wait_for("the first frame", Duration::from_secs(30), |s| {
        s.contains("Long Line Title") && s.contains("NORMAL")
    });
    let first = start.elapsed();
    t.keys(&["Tab", "j", "k"]);
    let asked = Instant::now();
    t.keys(&["q"]);
    t.wait_for("brief to quit", Duration::from_secs(10), |s| {
        s.contains("brief-exited-0")
    });
    eprintln!(
        "0.9 MB line: first frame after {first:?}, quit after {:?}",
        asked.elapsed()
    );
}

/// Case 14: `--watch` on a folder that is deleted and made again keeps showing changes.
#[test]
fn watch_follows_a_folder_deleted_and_made_again() {
    if !support::require("tmux") {
        return;
    }
    let s = small();
    let t = Tmux::start("rewatch", 120, 30, &command_with(&s, "--watch", "true"));
    t.wait_text("Harbour Talks Resume");
    fs::remove_dir_all(&s.dir).expect("rm -r");
    t.wait_for("the removal", Duration::from_secs(20), |s| {
        s.contains("2 files changed") || s.contains("cannot be opened")
    });
    fs::create_dir(&s.dir).expect("mkdir");
    fs::write(
        s.dir.join("fresh.txt"),
        "Fresh Arrival in Meridia\n\nA new report came in on Friday.\n",
    )
    .expect("write");
    t.wait_for("the new folder's article", Duration::from_secs(20), |s| {
        s.contains("Fresh Arrival")
    });
    fs::write(
        s.dir.join("later.txt"),
        "Later Bulletin from Valmora\n\nTalks went on into the night.\n",
    )
    .expect("write");
    t.wait_for("a later article", Duration::from_secs(20), |s| {
        s.contains("Later Bulletin")
    });
    t.keys(&["q"]);
    t.wait_text("brief-exited-0");
}
