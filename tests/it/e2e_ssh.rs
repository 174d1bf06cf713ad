//! `brief` over a real SSH session on 127.0.0.1: an sshd of the test's own (host and
//! client keys made here), `ssh -tt` inside tmux, driven like a person; then the SSH
//! client is killed, as when a laptop drops off the network, and `brief` must exit with
//! its reading state saved and intact.

use crate::support;

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{sh_quote, Tmux};

const SSHD: &str = "/usr/sbin/sshd";

struct Sshd {
    child: Child,
    port: u16,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let st = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .expect("ssh-keygen runs");
    assert!(st.success(), "ssh-keygen failed for {}", path.display());
}

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("local addr").port()
}

fn start_sshd(dir: &Path) -> Sshd {
    keygen(&dir.join("host_key"));
    keygen(&dir.join("client_key"));
    fs::copy(dir.join("client_key.pub"), dir.join("authorized_keys")).expect("authorized_keys");
    // sshd insists on its privilege-separation directory when started as root.
    let _ = fs::create_dir_all("/run/sshd");
    let port = free_port();
    let cfg = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nAuthorizedKeysFile {d}/authorized_keys\n\
         PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
         StrictModes no\nUsePAM no\nPermitRootLogin prohibit-password\nPidFile {d}/sshd.pid\n\
         LogLevel ERROR\nClientAliveInterval 1\nClientAliveCountMax 2\n",
        d = dir.display()
    );
    fs::write(dir.join("sshd_config"), cfg).expect("write sshd_config");
    let child = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(dir.join("sshd_config"))
        .stdout(Stdio::null())
        .stderr(fs::File::create(dir.join("sshd.log")).expect("log file"))
        .spawn()
        .expect("sshd starts");
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "sshd did not listen on {port}: {}",
            fs::read_to_string(dir.join("sshd.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Sshd { child, port }
}

/// Pids of processes whose command line mentions `marker`.
fn pids_with(marker: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir("/proc") else {
        return out;
    };
    for e in entries.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        if let Ok(cmd) = fs::read(e.path().join("cmdline")) {
            let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
            if cmd.contains(marker) && cmd.contains("brief") && !cmd.contains("ssh ") {
                out.push(pid);
            }
        }
    }
    out
}

fn briefing(dir: &Path) -> PathBuf {
    let b = dir.join("briefing-ssh-e2e");
    fs::create_dir_all(&b).expect("briefing dir");
    fs::write(
        b.join("alpha.txt"),
        "Harbour Talks Resume in Valmora\n\nNegotiators from Valmora and Ostrava met on Monday. \
         Minister Elena Markova said the harbour deal was close.\n",
    )
    .expect("write article");
    fs::write(
        b.join("beta.txt"),
        "Ostrava Signals Flexibility\n\nOstrava's delegation signalled flexibility on tariffs. \
         Elena Markova welcomed the move.\n",
    )
    .expect("write article");
    b
}

#[test]
fn brief_over_ssh_survives_a_dropped_connection() {
    if !support::require(SSHD) || !support::require("tmux") || !support::require("ssh") {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let sshd = start_sshd(dir);
    let folder = briefing(dir);
    let state_home = dir.join("state");
    let remote = format!(
        "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME={} XDG_CACHE_HOME={} XDG_CONFIG_HOME={} {} {}",
        sh_quote(&state_home.to_string_lossy()),
        sh_quote(&dir.join("cache").to_string_lossy()),
        sh_quote(&dir.join("config").to_string_lossy()),
        sh_quote(&support::brief_bin().to_string_lossy()),
        sh_quote(&folder.to_string_lossy()),
    );
    let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
    let ssh = format!(
        "ssh -tt -q -i {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -p {} {}@127.0.0.1 {}",
        sh_quote(&dir.join("client_key").to_string_lossy()),
        sshd.port,
        user,
        sh_quote(&remote)
    );
    let t = Tmux::start("ssh", 100, 30, &ssh);
    t.wait_text("Harbour Talks Resume");
    t.wait_text("Ostrava Signals Flexibility");

    // Drive it: move down, open the article, come back, mark it read.
    t.keys(&["j"]);
    t.keys(&["Enter"]);
    t.wait_text("signalled flexibility");
    t.keys(&["q"]);
    t.wait_text("Harbour Talks Resume");
    t.keys(&["*"]);
    // The star must be on screen before the connection drops: then it was handled, and
    // only the hang-up path can have saved it.
    t.wait_text("★");
    let marker = folder.to_string_lossy().into_owned();
    assert!(
        !pids_with(&marker).is_empty(),
        "brief should be running under sshd"
    );

    // Drop the connection: kill the SSH client outright.
    let ssh_pid = t.var("pane_pid");
    let st = Command::new("kill")
        .args(["-9", &ssh_pid])
        .status()
        .expect("kill");
    assert!(st.success());

    let start = Instant::now();
    while !pids_with(&marker).is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "brief kept running after its SSH session died"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    let state_file = state_home.join("brief").join("state.toml");
    let text = fs::read_to_string(&state_file)
        .unwrap_or_else(|e| panic!("state file {} unreadable: {e}", state_file.display()));
    let parsed: toml::Value = toml::from_str(&text).expect("state file is valid TOML");
    assert!(
        text.contains("read = true") && text.contains("starred = true"),
        "the opened article is read and the starred one starred: {parsed:?}"
    );
    let leftovers: Vec<_> = fs::read_dir(state_home.join("brief"))
        .expect("state dir")
        .flatten()
        .filter(|e| e.file_name() != "state.toml")
        .map(|e| e.file_name())
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.to_string_lossy().contains("tmp")),
        "no temporary files left: {leftovers:?}"
    );
}
