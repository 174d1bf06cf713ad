//! The documented tmux setup really works with our bytes: with `set -g set-clipboard on`,
//! the OSC 52 that `clipboard::copy` writes ends up in tmux's paste buffer (which tmux
//! also forwards to the outer terminal, so over SSH it reaches the local clipboard).

use crate::support;

use brief::share::clipboard::{copy, CopyOptions};
use brief::share::{Env, Os};
use std::time::{Duration, Instant};
use support::{require, sh_quote, Tmux};

fn buffer(t: &Tmux) -> Option<String> {
    let out = t.run(&["show-buffer"]);
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn osc52_from_copy_lands_in_the_tmux_buffer() {
    if !require("tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let seq = dir.path().join("terminal-output");
    let text = "Talks resume – «Monday» 🇺🇦\nSources: KGOU <https://example.org/a?b=1>";
    // What the reader would write to its terminal inside tmux (no local tool: no display).
    let mut file = std::fs::File::create(&seq).unwrap();
    let env = Env::empty(Os::Other).with("TMUX", "/tmp/tmux-0/default,1,0");
    let report = copy(text, &mut file, &env, &CopyOptions::default());
    drop(file);
    assert!(report.failed.is_empty(), "{report:?}");

    // The pane waits for Enter, so the option is set before the sequence arrives.
    let cmd = format!(
        "read line; cat {}; sleep 30",
        sh_quote(&seq.to_string_lossy())
    );
    let t = Tmux::start("osc52", 80, 24, &cmd);
    let set = t.run(&["set-option", "-g", "set-clipboard", "on"]);
    assert!(set.status.success(), "{set:?}");
    t.keys(&["Enter"]);

    let start = Instant::now();
    loop {
        if let Some(got) = buffer(&t) {
            assert_eq!(got, text);
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no tmux buffer; screen:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // And nothing of the sequence leaked onto the screen as text.
    assert!(!t.screen().contains("52;c;"), "{}", t.screen());
}
