//! Commands from `$BROWSER`, `$VISUAL`/`$EDITOR` and `$PAGER`, and `run_suspended`.

use brief::share::open::{browser_command, editor_command, pager_command, run_suspended};
use brief::share::{Env, Os};
use std::cell::RefCell;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

/// Writing a script while another test thread forks can leave the script open for
/// writing in that child, and exec then fails with "Text file busy". Tests that write or
/// run programs hold this lock.
static EXEC: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn exec_lock() -> std::sync::MutexGuard<'static, ()> {
    EXEC.lock().unwrap_or_else(|e| e.into_inner())
}

fn argv(cmd: &Command) -> Vec<String> {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect()
}

fn env() -> Env {
    Env::empty(Os::Other)
}

const URL: &str = "https://example.org/a?b=1&c=%20;rm -rf";

#[test]
fn browser_fallbacks_per_os() {
    assert_eq!(
        argv(&browser_command(URL, &env()).unwrap()),
        ["xdg-open", URL]
    );
    assert_eq!(
        argv(&browser_command(URL, &Env::empty(Os::MacOs)).unwrap()),
        ["open", URL]
    );
    assert_eq!(
        argv(&browser_command(URL, &env().with("BROWSER", "")).unwrap()),
        ["xdg-open", URL]
    );
    assert_eq!(
        argv(&browser_command(URL, &env().with("BROWSER", " : ")).unwrap()),
        ["xdg-open", URL]
    );
}

#[test]
fn browser_placeholder_and_quoting() {
    let cases: &[(&str, &[&str])] = &[
        ("firefox", &["firefox", URL]),
        ("firefox --new-tab", &["firefox", "--new-tab", URL]),
        ("w3m %s", &["w3m", URL]),
        (
            "'my browser' --url=%s --x",
            &["my browser", &format!("--url={URL}"), "--x"],
        ),
        ("lynx 100%% %%s", &["lynx", "100%", "%s", URL]),
        ("b %q %", &["b", "%q", "%", URL]),
    ];
    for (value, want) in cases {
        let got = argv(&browser_command(URL, &env().with("BROWSER", value)).unwrap());
        assert_eq!(&got, want, "BROWSER={value:?}");
    }
}

#[test]
fn browser_list_prefers_an_installed_entry() {
    let _guard = exec_lock();
    let dir = tempfile::tempdir().unwrap();
    let exe = dir.path().join("second");
    std::fs::write(&exe, "#!/bin/sh\n").unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    let e = env().with("PATH", dir.path().to_str().unwrap());
    let u = "https://u.example";
    let pick = |list: &str| argv(&browser_command(u, &e.clone().with("BROWSER", list)).unwrap());
    assert_eq!(pick("first-missing %s:second --x"), ["second", "--x", u]);
    assert_eq!(
        pick("none1:none2 -a"),
        ["none1", u],
        "none installed: the first, so the error names it"
    );
}

#[test]
fn unparsable_values_are_errors_naming_the_variable() {
    let err = browser_command(URL, &env().with("BROWSER", "firefox 'unclosed")).unwrap_err();
    assert!(format!("{err:#}").contains("$BROWSER"));
    let err = editor_command(Path::new("a.txt"), &env().with("EDITOR", "code \"-w")).unwrap_err();
    assert!(format!("{err:#}").contains("$EDITOR"));
    let err = pager_command(Path::new("a.txt"), &env().with("PAGER", "'' -R")).unwrap_err();
    assert!(format!("{err:#}").contains("names no program"));
}

#[test]
fn editor_prefers_visual_then_editor_then_vi() {
    let file = Path::new("dir with space/a;b.txt");
    let ed = |e: Env| argv(&editor_command(file, &e).unwrap());
    assert_eq!(ed(env()), ["vi", "dir with space/a;b.txt"]);
    assert_eq!(
        ed(env().with("EDITOR", "code -w")),
        ["code", "-w", "dir with space/a;b.txt"]
    );
    assert_eq!(
        ed(env().with("EDITOR", "nano").with("VISUAL", "nvim -R")),
        ["nvim", "-R", "dir with space/a;b.txt"]
    );
    assert_eq!(
        ed(env().with("EDITOR", "nano").with("VISUAL", "  ")),
        ["nano", "dir with space/a;b.txt"]
    );
    assert_eq!(
        ed(env().with("EDITOR", "\"/opt/My Editor/bin/ed\" --wait")),
        ["/opt/My Editor/bin/ed", "--wait", "dir with space/a;b.txt"]
    );
}

#[test]
fn pager_from_env_or_less() {
    let p = |e: Env| argv(&pager_command(Path::new("x.md"), &e).unwrap());
    assert_eq!(p(env()), ["less", "x.md"]);
    assert_eq!(p(env().with("PAGER", "less -R")), ["less", "-R", "x.md"]);
    assert_eq!(
        p(env().with("PAGER", "bat --paging=always")),
        ["bat", "--paging=always", "x.md"]
    );
}

/// Runs `cmd` and returns the outcome and the order of the callbacks.
fn run(mut cmd: Command) -> (anyhow::Result<()>, Vec<&'static str>) {
    let calls = RefCell::new(Vec::new());
    let result = run_suspended(
        &mut cmd,
        || calls.borrow_mut().push("suspend"),
        || calls.borrow_mut().push("resume"),
    );
    (result, calls.into_inner())
}

#[test]
fn run_suspended_success_failure_and_missing_binary() {
    let _guard = exec_lock();
    let (ok, calls) = run(Command::new("true"));
    assert!(ok.is_ok());
    assert_eq!(calls, ["suspend", "resume"]);

    let (failed, calls) = run(Command::new("false"));
    let msg = format!("{:#}", failed.unwrap_err());
    assert!(msg.contains("`false` exited with"), "{msg}");
    assert_eq!(calls, ["suspend", "resume"]);

    let (missing, calls) = run(Command::new("brief-no-such-binary-xyz"));
    let msg = format!("{:#}", missing.unwrap_err());
    assert!(
        msg.contains("cannot start `brief-no-such-binary-xyz`"),
        "{msg}"
    );
    assert_eq!(calls, ["suspend", "resume"], "resume even when nothing ran");
}

#[test]
fn run_suspended_passes_arguments_untouched() {
    let _guard = exec_lock();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("args");
    let script = dir.path().join("show-args");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", out.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let e = env().with("BROWSER", &format!("{} --flag %s", script.display()));
    let (ok, _) = run(browser_command(URL, &e).unwrap());
    assert!(ok.is_ok());
    assert_eq!(
        std::fs::read_to_string(out).unwrap(),
        format!("--flag\n{URL}\n")
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn browser_command_from_any_value(value in any::<String>(), url in "[ -~]{0,40}") {
            if let Ok(cmd) = browser_command(&url, &env().with("BROWSER", &value)) {
                let args = argv(&cmd);
                prop_assert!(!args[0].is_empty());
                prop_assert!(args[1..].iter().any(|a| a.contains(&url)), "{args:?}");
            }
        }

        #[test]
        fn editor_and_pager_from_any_value(value in any::<String>(), file in "[^\u{0}]{1,20}") {
            let e = env().with("EDITOR", &value).with("PAGER", &value);
            for cmd in [editor_command(Path::new(&file), &e), pager_command(Path::new(&file), &e)]
                .into_iter()
                .flatten()
            {
                let args = argv(&cmd);
                prop_assert!(!args[0].is_empty());
                prop_assert_eq!(args.last().map(String::as_str), Some(file.as_str()));
            }
        }
    }
}

/// Issue 18, case 4: the URL comes from the article (front matter, HTML meta), so it is
/// checked before any program sees it.
#[test]
fn only_http_and_https_urls_reach_the_browser() {
    let refused: &[(&str, &str)] = &[
        ("--gpu-launcher=xcalc", "no scheme"),
        ("-new-window", "no scheme"),
        ("javascript:alert(1)", "javascript:"),
        ("JavaScript:alert(1)", "javascript:"),
        ("file:///etc/passwd", "file:"),
        ("data:text/html,<script>x</script>", "data:"),
        ("example.org/page", "no scheme"),
        ("https:/example.org", "no host"),
        ("http://", "no host"),
        ("https:///etc/passwd", "no host"),
        ("https://example.org/\u{1b}]0;x\u{7}", "control"),
    ];
    for (url, why) in refused {
        let err = browser_command(url, &env().with("BROWSER", "firefox %s")).unwrap_err();
        let msg = format!("{err:#}");
        assert!(
            msg.contains("will not open") && msg.contains(why),
            "{url}: {msg}"
        );
        assert!(
            !msg.contains('\u{1b}'),
            "the message carries no escape: {msg:?}"
        );
    }
    for url in [
        "https://example.org",
        "HTTP://Example.org/a b",
        " https://x.y/z ",
    ] {
        let cmd = browser_command(url, &env()).unwrap();
        assert_eq!(argv(&cmd), ["xdg-open", url.trim()]);
    }
}
