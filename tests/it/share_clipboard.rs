//! OSC 52 bytes, truncation, tmux wrapping, and the local-tool side of `copy`, with fake
//! clipboard tools on a private `$PATH`.

use base64::Engine as _;
use brief::share::clipboard::{
    copy, local_tool, osc52, tmux_passthrough, Channel, CopyOptions, MAX_OSC52_PAYLOAD,
    MAX_OSC52_TEXT,
};
use brief::share::{Env, Os};
use proptest::prelude::*;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Writing a script while another test thread forks can leave the script open for
/// writing in that child, and exec then fails with "Text file busy". Tests that write or
/// run programs hold this lock.
static EXEC: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn exec_lock() -> std::sync::MutexGuard<'static, ()> {
    EXEC.lock().unwrap_or_else(|e| e.into_inner())
}

/// The text inside an OSC 52 sequence, checking the framing on the way.
fn decode(sequence: &str) -> String {
    let payload = sequence
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap_or_else(|| panic!("not an OSC 52 sequence: {sequence:?}"));
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .expect("valid base64");
    String::from_utf8(bytes).expect("utf-8 payload")
}

fn fake_tool(dir: &Path, name: &str, body: &str) {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn env_with_path(dir: &Path) -> Env {
    Env::empty(Os::Other).with("PATH", dir.to_str().unwrap())
}

#[test]
fn osc52_round_trips_text_exactly() {
    for text in [
        "",
        "a",
        "Zelenskyy met Starmer.\nSecond line",
        "émigré – «quote» 🇺🇦",
        "\x1b]0;evil\x07",
    ] {
        let o = osc52(text);
        assert_eq!(decode(&o.sequence), text);
        assert!(!o.truncated());
        assert_eq!(o.total_chars, text.chars().count());
    }
}

#[test]
fn osc52_cuts_long_text_at_a_char_boundary_and_says_so() {
    // Three-byte characters make the byte cap fall inside a character.
    let text = "€".repeat(MAX_OSC52_TEXT);
    let o = osc52(&text);
    assert!(o.truncated());
    let sent = decode(&o.sequence);
    assert!(text.starts_with(&sent));
    assert!(sent.len() <= MAX_OSC52_TEXT && sent.len() + 3 > MAX_OSC52_TEXT);
    assert_eq!(o.sent_chars, sent.chars().count());
    assert!(o.sequence.len() <= MAX_OSC52_PAYLOAD + 10);
}

#[test]
fn text_exactly_at_the_cap_is_not_truncated() {
    let text = "x".repeat(MAX_OSC52_TEXT);
    assert!(!osc52(&text).truncated());
    assert!(osc52(&format!("{text}y")).truncated());
}

#[test]
fn tmux_passthrough_doubles_escapes_and_frames_with_dcs() {
    let seq = osc52("hi").sequence;
    let wrapped = tmux_passthrough(&seq);
    let inner = wrapped
        .strip_prefix("\x1bPtmux;")
        .and_then(|s| s.strip_suffix("\x1b\\"))
        .expect("DCS framing");
    assert_eq!(inner.replace("\x1b\x1b", "\x1b"), seq);
    assert_eq!(
        inner.matches('\x1b').count(),
        2 * seq.matches('\x1b').count()
    );
}

#[test]
fn copy_without_display_writes_only_osc52() {
    let env = Env::empty(Os::Other).with("TMUX", "/tmp/tmux-0/default,1,0");
    let mut out = Vec::new();
    let report = copy("key point", &mut out, &env, &CopyOptions::default());
    // set-clipboard on is the recommended setup, so no wrapping unless asked for.
    assert_eq!(decode(std::str::from_utf8(&out).unwrap()), "key point");
    assert_eq!(
        report.done,
        vec![Channel::Osc52 {
            tmux_wrapped: false,
            sent_chars: 9
        }]
    );
    assert_eq!(
        report.status_line("1 key point"),
        "Copied 1 key point (9 chars) via OSC 52"
    );
}

#[test]
fn tmux_wrapping_only_when_asked_and_inside_tmux() {
    let opts = CopyOptions {
        tmux_passthrough: true,
        ..CopyOptions::default()
    };
    let mut out = Vec::new();
    copy("x", &mut out, &Env::empty(Os::Other), &opts);
    assert!(out.starts_with(b"\x1b]52;"), "outside tmux: plain");
    let mut out = Vec::new();
    let report = copy(
        "x",
        &mut out,
        &Env::empty(Os::Other).with("TMUX", "s"),
        &opts,
    );
    assert!(out.starts_with(b"\x1bPtmux;"));
    assert!(report.status_line("x").contains("tmux passthrough"));
}

#[test]
fn local_tool_is_chosen_by_display_and_presence() {
    let _guard = exec_lock();
    let dir = tempfile::tempdir().unwrap();
    for name in ["wl-copy", "xclip", "xsel", "pbcopy"] {
        fake_tool(dir.path(), name, "cat >/dev/null");
    }
    let base = env_with_path(dir.path());
    assert_eq!(local_tool(&base), None, "no display: no tool");
    let name = |env: &Env| local_tool(env).map(|t| t.name);
    assert_eq!(name(&base.clone().with("DISPLAY", ":0")), Some("xclip"));
    assert_eq!(
        name(
            &base
                .clone()
                .with("WAYLAND_DISPLAY", "wayland-0")
                .with("DISPLAY", ":0")
        ),
        Some("wl-copy")
    );
    assert_eq!(
        name(&base.clone().with("DISPLAY", "")),
        None,
        "empty DISPLAY is unset"
    );
    let mac = Env::empty(Os::MacOs).with("PATH", dir.path().to_str().unwrap());
    assert_eq!(name(&mac), Some("pbcopy"));
    std::fs::remove_file(dir.path().join("xclip")).unwrap();
    assert_eq!(name(&base.with("DISPLAY", ":0")), Some("xsel"));
}

#[test]
fn copy_pipes_the_full_text_to_the_local_tool() {
    let _guard = exec_lock();
    let dir = tempfile::tempdir().unwrap();
    let sink = dir.path().join("clipboard");
    fake_tool(
        dir.path(),
        "wl-copy",
        &format!("cat > '{}'", sink.display()),
    );
    let env = env_with_path(dir.path()).with("WAYLAND_DISPLAY", "wayland-0");
    let text = "ü".repeat(MAX_OSC52_TEXT); // longer than OSC 52 carries
    let mut out = Vec::new();
    let report = copy(&text, &mut out, &env, &CopyOptions::default());
    assert_eq!(std::fs::read_to_string(&sink).unwrap(), text);
    assert!(report.done.contains(&Channel::Tool("wl-copy")));
    let line = report.status_line("1 article");
    assert!(line.contains("via OSC 52 and wl-copy"), "{line}");
    assert!(line.contains("carried only the first"), "{line}");
}

#[test]
fn failing_tool_and_failing_terminal_are_reported_not_fatal() {
    let _guard = exec_lock();
    let dir = tempfile::tempdir().unwrap();
    fake_tool(dir.path(), "xclip", "cat >/dev/null; exit 3");
    let env = env_with_path(dir.path()).with("DISPLAY", ":1");
    struct Broken;
    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "gone"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let report = copy("t", &mut Broken, &env, &CopyOptions::default());
    assert!(report.done.is_empty());
    assert_eq!(report.failed.len(), 2, "{:?}", report.failed);
    let line = report.status_line("1 actor");
    assert!(line.starts_with("Could not copy 1 actor"), "{line}");
    assert!(line.contains("xclip") && line.contains('3'), "{line}");
}

#[test]
fn tool_that_never_exits_is_killed_after_the_timeout() {
    let _guard = exec_lock();
    let dir = tempfile::tempdir().unwrap();
    fake_tool(dir.path(), "xclip", "exec sleep 30");
    let env = env_with_path(dir.path()).with("DISPLAY", ":1");
    let start = std::time::Instant::now();
    let report = copy("t", &mut Vec::new(), &env, &CopyOptions::default());
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
    assert!(
        report.failed.iter().any(|f| f.contains("no answer")),
        "{:?}",
        report.failed
    );
    assert!(report
        .done
        .iter()
        .any(|c| matches!(c, Channel::Osc52 { .. })));
}

#[test]
fn options_can_switch_each_channel_off() {
    let opts = CopyOptions {
        osc52: false,
        local_tool: false,
        ..CopyOptions::default()
    };
    let mut out = Vec::new();
    let report = copy("t", &mut out, &Env::empty(Os::Other), &opts);
    assert!(out.is_empty());
    assert!(report.status_line("it").starts_with("Could not copy it"));
}

proptest! {
    #[test]
    fn osc52_never_panics_and_sends_a_prefix(text in any::<String>()) {
        let o = osc52(&text);
        let sent = decode(&o.sequence);
        prop_assert!(text.starts_with(&sent));
        prop_assert_eq!(o.truncated(), sent.len() < text.len());
        prop_assert!(!o.sequence[1..].contains('\x1b'), "only the introducer is ESC");
    }
}
