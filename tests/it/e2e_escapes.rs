//! An article cannot drive the terminal, end to end: escape sequences in its title and
//! body that set the window title (OSC 0), the clipboard (OSC 52), colours (SGR) or
//! clear the screen are shown as text or dropped, never sent. Checked in real tmux with
//! `set-clipboard on`, against a control run where `cat` of the same file does change
//! the pane's title and tmux's buffer (so the checks can see a leak).
//! Run: `cargo test --test it e2e_escapes::`.

use crate::support;

use std::fs;
use std::path::Path;
use std::time::Duration;
use support::{require, sh_quote, Tmux};

const WAIT: Duration = Duration::from_secs(30);
const TITLE: &str = "\u{1b}]0;PWNED-TITLE\u{7}";
/// OSC 52 with "PWNED-CLIP" in base64.
const CLIP: &str = "\u{1b}]52;c;UFdORUQtQ0xJUA==\u{7}";

fn write_article(dir: &Path) -> std::path::PathBuf {
    fs::create_dir_all(dir).expect("mkdir");
    let text = format!(
        "Escaped {TITLE}Story About Harbours\n\n\
         The port reopened on Monday {CLIP}after talks. \u{1b}[41mRed alert\u{1b}[0m was \
         lifted, officials said.\u{1b}[2J\n\n\
         Ships left at dawn {TITLE}and the envoy {CLIP}welcomed the move.\n"
    );
    let path = dir.join("escapes.txt");
    fs::write(&path, text).expect("write");
    path
}

fn buffer(t: &Tmux) -> Option<String> {
    let out = t.run(&["show-buffer"]);
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A pane that runs `cmd` once Enter is pressed, with the options set first.
fn pane(name: &str, cmd: &str) -> Tmux {
    let t = Tmux::start(name, 100, 30, &format!("read line; {cmd}; sleep 30"));
    t.run(&["set-option", "-g", "set-clipboard", "on"]);
    t.run(&["select-pane", "-t", "t", "-T", "before"]);
    t
}

#[test]
fn article_escapes_never_reach_the_terminal() {
    if !require("tmux") {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = write_article(&tmp.path().join("news"));

    // Control: the raw bytes do change the title and the buffer.
    let control = pane(
        "esc-control",
        &format!("cat {}", sh_quote(&file.to_string_lossy())),
    );
    control.keys(&["Enter"]);
    control.wait_for("the raw file", WAIT, |s| s.contains("Ships left"));
    assert_eq!(
        control.var("pane_title"),
        "PWNED-TITLE",
        "the control run must leak"
    );
    assert_eq!(buffer(&control).as_deref(), Some("PWNED-CLIP"));
    drop(control);

    let home = tmp.path().join("home");
    let brief = format!(
        "env LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME={h}/state \
         XDG_CACHE_HOME={h}/cache XDG_CONFIG_HOME={h}/config {bin} {dir}",
        h = sh_quote(&home.to_string_lossy()),
        bin = sh_quote(&support::brief_bin().to_string_lossy()),
        dir = sh_quote(&tmp.path().join("news").to_string_lossy()),
    );
    let t = pane("esc-brief", &brief);
    t.keys(&["Enter"]);
    let list = t.wait_for("the article in the list", WAIT, |s| {
        s.contains("Escaped") && s.contains("NORMAL")
    });
    // Key points pane, then the reader, where the body shows in full.
    t.keys(&["2"]);
    t.wait_for("the key points pane", WAIT, |s| {
        s.contains("NORMAL Key points")
    });
    t.keys(&["1", "Enter"]);
    let reader = t.wait_for("the reader", WAIT, |s| s.contains("Ships left at dawn"));
    for screen in [&list, &reader] {
        for leak in ["PWNED", "]0;", "52;c", "[41m", "[2J"] {
            assert!(!screen.contains(leak), "{leak:?} on screen:\n{screen}");
        }
    }
    assert_eq!(
        t.var("pane_title"),
        "before",
        "an article changed the title"
    );
    assert_eq!(buffer(&t), None, "an article set the clipboard");
    // No colour from the article: the words around its SGR carry brief's own style
    // only, which is the same for the words before it on that line.
    let styled = String::from_utf8_lossy(&t.run(&["capture-pane", "-p", "-e", "-t", "t"]).stdout)
        .into_owned();
    assert!(
        !styled.contains("\u{1b}[41m"),
        "red background from the article:\n{styled}"
    );
    t.keys(&["q"]);
    t.wait_for("the list again", WAIT, |s| s.contains("NORMAL"));
    t.keys(&["q"]);
}
