//! Terminal faults, end to end: the real binary in tmux, hit by signals, a panic, resize
//! storms, tiny sizes and a flood of keys. After each, the pane must be back in normal
//! mode (no alternate screen) with the cursor visible, and marks must be on disk.

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::{sh_quote, Tmux};

struct Setup {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    state_home: PathBuf,
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("briefing");
    fs::create_dir_all(&dir).expect("mkdir");
    let articles = [
        (
            "a.txt",
            "Harbour Talks Resume in Valmora",
            "Negotiators from Valmora met on Monday.",
        ),
        (
            "b.txt",
            "Ostrava Signals Flexibility",
            "The delegation signalled flexibility on tariffs.",
        ),
        (
            "c.txt",
            "Grain Corridor Reopens",
            "Ships left the port of Meridia at dawn on Tuesday.",
        ),
    ];
    for (name, title, body) in articles {
        fs::write(dir.join(name), format!("{title}\n\n{body}\n")).expect("write");
    }
    let state_home = tmp.path().join("state");
    Setup {
        dir,
        state_home,
        _tmp: tmp,
    }
}

/// brief inside a shell that outlives it: tmux reports a dead pane's cursor as hidden
/// whatever the program left (tmux 3.3), so the pane must stay alive to be checked.
/// The shell prints [`EXITED`] when brief is gone.
fn command(s: &Setup, extra_env: &str) -> String {
    let brief = brief_command(s, extra_env);
    format!(
        "sh -c {}",
        sh_quote(&format!("{brief}; echo {EXITED}$?; exec sleep 600"))
    )
}

const EXITED: &str = "brief-exited-with-";

/// Waits for the shell's word that brief has exited.
fn wait_exited(t: &Tmux) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if t.screen().contains(EXITED) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// The pid of brief: the only child of the pane's shell.
fn brief_pid(t: &Tmux) -> String {
    let sh = t.var("pane_pid");
    let path = Path::new("/proc")
        .join(&sh)
        .join("task")
        .join(&sh)
        .join("children");
    let kids = fs::read_to_string(path).unwrap_or_default();
    kids.split_whitespace()
        .next()
        .map(String::from)
        .unwrap_or_else(|| panic!("brief is not running under the pane's shell {sh}"))
}

fn brief_command(s: &Setup, extra_env: &str) -> String {
    format!(
        "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME={} XDG_CACHE_HOME={} XDG_CONFIG_HOME={} {extra_env} {} {}",
        sh_quote(&s.state_home.to_string_lossy()),
        sh_quote(&s.state_home.join("cache").to_string_lossy()),
        sh_quote(&s.state_home.join("config").to_string_lossy()),
        sh_quote(&support::brief_bin().to_string_lossy()),
        sh_quote(&s.dir.to_string_lossy())
    )
}

fn restored(t: &Tmux) {
    assert_eq!(t.var("alternate_on"), "0", "alternate screen left on");
    assert_eq!(t.var("cursor_flag"), "1", "cursor left hidden");
}

fn state_text(state_home: &Path) -> String {
    fs::read_to_string(state_home.join("brief").join("state.toml")).unwrap_or_default()
}

fn signal_leaves_terminal_clean(signal: &str) {
    if !support::require("tmux") {
        return;
    }
    let s = setup();
    let t = Tmux::start(&format!("sig{signal}"), 100, 30, &command(&s, ""));
    t.wait_text("Harbour Talks Resume");
    t.keys(&["*"]);
    t.wait_for("the star mark", Duration::from_secs(5), |_| {
        !state_text(&s.state_home).is_empty()
    });
    let pid = brief_pid(&t);
    let st = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("kill");
    assert!(st.success());
    assert!(wait_exited(&t), "brief exits on SIG{signal}");
    restored(&t);
    assert!(state_text(&s.state_home).contains("starred = true"));
}

#[test]
fn sighup_restores_the_terminal_and_keeps_marks() {
    signal_leaves_terminal_clean("HUP");
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_marks() {
    signal_leaves_terminal_clean("TERM");
}

#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    if !support::require("tmux") {
        return;
    }
    let s = setup();
    let t = Tmux::start("panic", 100, 30, &command(&s, "BRIEF_TEST_PANIC=1"));
    t.wait_text("Harbour Talks Resume");
    t.keys(&["j"]);
    assert!(wait_exited(&t), "brief exits on panic");
    restored(&t);
    let screen = t.screen();
    assert!(screen.contains("panic"), "the panic is reported:\n{screen}");
}

#[test]
fn resize_storm_tiny_sizes_and_a_flood_of_keys() {
    if !support::require("tmux") {
        return;
    }
    let s = setup();
    let t = Tmux::start("storm", 120, 40, &command(&s, ""));
    t.wait_text("Harbour Talks Resume");
    let pid = brief_pid(&t);
    for i in 0..100u16 {
        t.resize(20 + (i * 7) % 180, 5 + (i * 3) % 50);
    }
    t.resize(1, 1);
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        Path::new("/proc").join(&pid).exists() && !t.screen().contains(EXITED),
        "alive at 1x1"
    );
    t.resize(120, 40);
    t.wait_text("Grain Corridor Reopens");

    // 1,000 keys at once: down and up in equal measure, then down twice more.
    let flood: String = "jk".repeat(500);
    t.type_text(&flood);
    t.type_text("jj");
    t.keys(&["Enter"]);
    t.wait_text("Ships left the port of Meridia");
    t.keys(&["q"]);
    t.wait_text("Harbour Talks Resume");
    t.keys(&["q"]);
    assert!(wait_exited(&t), "q quits");
    restored(&t);
}
