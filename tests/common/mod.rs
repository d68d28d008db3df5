//! Shared by the tests that drive the real binary in tmux: a private tmux
//! server per test (killed on drop), polling the screen, and small helpers.

#![allow(dead_code)]

pub mod bin;
pub mod report;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(50);

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A private tmux server (its own `-L` socket) running one session. Dropping
/// it kills that server, so no session outlives the test, pass or fail.
pub struct Tmux {
    socket: String,
    pub session: String,
    socket_path: Option<PathBuf>,
}

impl Tmux {
    /// Start `command` in a `w`×`h` session of a new server named after
    /// `name`, with `env` set in the server's environment.
    pub fn start(name: &str, w: u16, h: u16, command: &str, env: &[(&str, &Path)]) -> Tmux {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let mut tmux = Tmux {
            socket: format!("nianbao-{name}-{}-{n}-{w}x{h}", std::process::id()),
            session: format!("nb{n}"),
            socket_path: None,
        };
        let mut c = tmux.command();
        // The server's environment is this one: the data and config folders
        // are the test's own temp folders.
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c
            .env_remove("TMUX")
            .args([
                "new-session",
                "-d",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .args(["-s", &tmux.session, command])
            .args([";", "set-option", "-g", "status", "off"])
            .output()
            .expect("run tmux");
        assert!(out.status.success(), "tmux new-session: {}", stderr(&out));
        let out = tmux
            .command()
            .args(["display-message", "-p", "#{socket_path}"])
            .output()
            .expect("run tmux display-message");
        let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && !path.is_empty() {
            tmux.socket_path = Some(PathBuf::from(path));
        }
        tmux
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]);
        c
    }

    pub fn capture(&self) -> String {
        let out = self
            .command()
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .expect("run tmux capture-pane");
        if !out.status.success() {
            return String::new();
        }
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Send tmux key names (`Enter`, `Right`) or, with `literal`, text.
    pub fn send(&self, keys: &[&str], literal: bool) {
        let mut c = self.command();
        c.args(["send-keys", "-t", &self.session]);
        if literal {
            c.arg("-l");
        }
        let out = c.args(keys).output().expect("run tmux send-keys");
        assert!(out.status.success(), "send-keys {keys:?}: {}", stderr(&out));
    }

    /// Poll the screen until `ok` holds; fail with the last screen after the
    /// timeout.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            sleep(POLL);
        }
    }

    pub fn alive(&self) -> bool {
        self.command()
            .args(["has-session", "-t", &self.session])
            .output()
            .is_ok_and(|o| o.status.success())
    }

    pub fn wait_exit(&self) {
        let start = Instant::now();
        while self.alive() {
            if start.elapsed() > TIMEOUT {
                panic!("the session did not end; the screen:\n{}", self.capture());
            }
            sleep(POLL);
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
        if let Some(p) = &self.socket_path {
            let _ = std::fs::remove_file(p);
        }
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn have_tmux(what: &str) -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        if std::env::var_os("CI").is_some() {
            panic!("tmux required for the {what} (CI is set)");
        }
        eprintln!("skipping: tmux is not installed");
    }
    ok
}

pub fn status_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

pub fn quote(p: &Path) -> String {
    let s = p.to_str().expect("utf-8 temp path");
    assert!(!s.contains('\''), "{s}");
    format!("'{s}'")
}
