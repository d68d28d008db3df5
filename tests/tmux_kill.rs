//! The edit journal end to end: the real `nianbao` binary in tmux is killed
//! with SIGKILL in the middle of a review, and reopening the file offers the
//! edits back (`r` restores, `d` discards); a journal for a file that has
//! changed since is set aside, not applied.
//!
//! Needs tmux (and `ps` to find the binary under the pane). Without tmux the
//! tests are skipped with a note, except when `CI` is set, where a missing
//! tmux is a failure. Every wait is a poll with a generous timeout; nothing
//! here asserts how long anything takes.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::Instant;

use nianbao::TableId;

const SAMPLE: &str = "variant-single-wrong-cell.txt";
const NORMALIZED: &str = "variant-single-wrong-cell.normalized.txt";
const ROW_NEW: &str = "一、本年新收政府信息公开申请数量";
const ROW_CARRIED: &str = "二、上年结转政府信息公开申请数量";

mod common;
use common::{POLL, TIMEOUT, Tmux, have_tmux, quote, status_line, stderr};

/// The pid of the `nianbao` process in the pane: the pane's own process
/// when the shell exec'd it, else a descendant of it.
fn nianbao_pid(tmux: &Tmux) -> u32 {
    let out = tmux
        .command()
        .args(["list-panes", "-t", &tmux.session, "-F", "#{pane_pid}"])
        .output()
        .expect("run tmux list-panes");
    assert!(out.status.success(), "list-panes: {}", stderr(&out));
    let pane: u32 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a pane pid");
    let start = Instant::now();
    loop {
        if let Some(pid) = find_descendant(pane, "nianbao") {
            return pid;
        }
        if start.elapsed() > TIMEOUT {
            panic!("no nianbao process under pane pid {pane}");
        }
        sleep(POLL);
    }
}

/// One process as `ps` lists it.
struct Proc {
    pid: u32,
    ppid: u32,
    /// `ps`'s state letters; a zombie (`Z`) has exited but is not reaped yet.
    stat: String,
    comm: String,
}

/// Every process, from `ps` (Linux procps and BSD `ps` both take this).
fn processes() -> Vec<Proc> {
    let out = Command::new("ps")
        .args([
            "-A", "-o", "pid=", "-o", "ppid=", "-o", "stat=", "-o", "comm=",
        ])
        .output()
        .expect("run ps");
    assert!(out.status.success(), "ps: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let pid = f.next()?.parse().ok()?;
            let ppid = f.next()?.parse().ok()?;
            let stat = f.next()?.to_string();
            let comm = f.collect::<Vec<_>>().join(" ");
            Some(Proc {
                pid,
                ppid,
                stat,
                comm,
            })
        })
        .collect()
}

/// `root` itself or the first live process below it whose command is `name`.
fn find_descendant(root: u32, name: &str) -> Option<u32> {
    let procs = processes();
    let is_it = |p: &Proc| {
        !p.stat.starts_with('Z')
            && Path::new(&p.comm)
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == name)
    };
    let mut frontier = vec![root];
    for _ in 0..4 {
        let mut next = Vec::new();
        for &pid in &frontier {
            if procs.iter().any(|p| p.pid == pid && is_it(p)) {
                return Some(pid);
            }
            next.extend(procs.iter().filter(|p| p.ppid == pid).map(|p| p.pid));
        }
        frontier = next;
    }
    None
}

/// Running, as opposed to gone or a zombie (tmux reaps its pane's process
/// only when it gets round to closing the pane).
fn process_running(pid: u32) -> bool {
    processes()
        .iter()
        .any(|p| p.pid == pid && !p.stat.starts_with('Z'))
}

/// The values the grid shows on the row whose short label starts the cell
/// after a `│` (`一、本年新收`): the numbers after the label cell.
fn grid_values(screen: &str, short: &str) -> Option<Vec<String>> {
    let key = format!("│{short}");
    let line = screen.lines().find(|l| l.contains(&key))?;
    let after = &line[line.find(&key)? + key.len()..];
    let after = &after[after.find('│')? + '│'.len_utf8()..];
    Some(
        after
            .split_whitespace()
            .take_while(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
            .map(str::to_string)
            .collect(),
    )
}

/// [`grid_values`], failing with the screen when the row is not shown.
fn grid_row(screen: &str, short: &str) -> Vec<String> {
    grid_values(screen, short)
        .unwrap_or_else(|| panic!("no grid row {short}; the screen:\n{screen}"))
}

/// Does the grid show `value` in column `col` of the row `short`?
fn grid_shows(screen: &str, short: &str, col: usize, value: &str) -> bool {
    grid_values(screen, short).is_some_and(|v| v.get(col).is_some_and(|x| x == value))
}

// ------------------------------------------------------------------ fixture

/// A copy of the sample in a temp folder, with its own data and config
/// folders for the binary.
struct Fixture {
    dir: tempfile::TempDir,
    data: tempfile::TempDir,
    config: tempfile::TempDir,
    input: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let config = tempfile::tempdir().unwrap();
        let input = dir.path().join(SAMPLE);
        let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("sample-reports")
            .join(SAMPLE);
        std::fs::copy(&src, &input).unwrap();
        Fixture {
            dir,
            data,
            config,
            input,
        }
    }

    fn output(&self) -> PathBuf {
        self.dir.path().join(NORMALIZED)
    }

    fn journal_dir(&self) -> PathBuf {
        self.data.path().join("journal")
    }

    /// Names of the journals in the journal folder, sorted (the review
    /// screen's lock files beside them left out).
    fn journal_files(&self) -> Vec<String> {
        let mut names: Vec<String> = match std::fs::read_dir(self.journal_dir()) {
            Ok(rd) => rd
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".jsonl"))
                .collect(),
            Err(_) => Vec::new(),
        };
        names.sort();
        names
    }

    /// The binary on the input, 200×50, in a fresh tmux server.
    fn open(&self) -> Tmux {
        let bin = env!("CARGO_BIN_EXE_nianbao");
        // The Chinese screen, whatever LANG the test runs under.
        let cmd = format!("{} --lang zh {}", quote(Path::new(bin)), quote(&self.input));
        Tmux::start(
            "kill",
            200,
            50,
            &cmd,
            &[
                ("NIANBAO_DATA_DIR", self.data.path()),
                ("NIANBAO_CONFIG_DIR", self.config.path()),
            ],
        )
    }

    /// Open the report, fix 一 / 商业企业 (5 → 4), set 二 / 商业企业 to 7,
    /// then kill the binary with SIGKILL. Returns the input's bytes, which
    /// must not have changed.
    fn edit_and_kill(&self) -> Vec<u8> {
        let original = std::fs::read(&self.input).unwrap();
        let tmux = self.open();
        tmux.wait_for("the first screen", |s| status_line(s).contains(SAMPLE));
        tmux.send(&["]"], true);
        tmux.wait_for("the requests table", |s| {
            s.contains("依申请公开 (requests)") && grid_shows(s, "一、本年新收", 1, "5")
        });

        // First edit: 一 / 商业企业 = 4 (fixes the report).
        tmux.send(&["Right"], false);
        tmux.wait_for("the cursor on 一 / 商业企业", |s| {
            status_line(s).contains(&format!("{ROW_NEW} / 商业企业"))
        });
        tmux.send(&["4"], true);
        tmux.wait_for("the editor", |s| status_line(s).contains("Enter 确定"));
        tmux.send(&["Enter"], false);
        tmux.wait_for("4 in the grid and [+]", |s| {
            let st = status_line(s);
            st.contains("[+]")
                && !st.contains("Enter 确定")
                && grid_shows(s, "一、本年新收", 1, "4")
        });

        // Second edit: 二 / 商业企业 = 7 (breaks the sums again).
        tmux.send(&["Down"], false);
        tmux.wait_for("the cursor on 二 / 商业企业", |s| {
            status_line(s).contains(&format!("{ROW_CARRIED} / 商业企业"))
        });
        tmux.send(&["7"], true);
        tmux.wait_for("the editor", |s| status_line(s).contains("Enter 确定"));
        tmux.send(&["Enter"], false);
        let screen = tmux.wait_for("the second edit committed", |s| {
            let st = status_line(s);
            st.contains("[+]")
                && !st.contains("Enter 确定")
                && grid_shows(s, "二、上年结转", 1, "7")
        });
        assert_eq!(grid_row(&screen, "一、本年新收")[1], "4", "{screen}");
        assert_eq!(grid_row(&screen, "二、上年结转")[1], "7", "{screen}");

        // The journal holds a header and the two changed rows (each record
        // is synced before the screen is redrawn).
        let journal = self.journal_files();
        assert_eq!(journal.len(), 1, "{journal:?}");
        assert!(journal[0].ends_with(".jsonl"), "{journal:?}");
        let text = std::fs::read_to_string(self.journal_dir().join(&journal[0])).unwrap();
        assert_eq!(text.lines().count(), 3, "{text}");

        // kill -9 the binary itself (not the tmux server, not a shell).
        let pid = nianbao_pid(&tmux);
        let out = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .output()
            .expect("run kill");
        assert!(out.status.success(), "kill -9 {pid}: {}", stderr(&out));
        let start = Instant::now();
        while process_running(pid) {
            assert!(start.elapsed() < TIMEOUT, "pid {pid} survived kill -9");
            sleep(POLL);
        }
        drop(tmux);
        // The killed screen's lock is left behind, naming the dead pid (the
        // next screen takes it over).
        let lock = nianbao::lock::lock_path(&self.journal_dir(), &self.input);
        let held = std::fs::read_to_string(&lock).expect("the lock file is left");
        assert!(held.contains(&format!("\"pid\":{pid},")), "{held}");

        assert_eq!(
            std::fs::read(&self.input).unwrap(),
            original,
            "the input is untouched"
        );
        assert!(!self.output().exists(), "nothing was saved before the kill");
        original
    }
}

/// Saved file's 一 / 商业企业 and 二 / 商业企业, read with the library.
fn saved_cells(path: &Path) -> (Option<i64>, Option<i64>) {
    let saved = nianbao::load(path).expect("the normalized file");
    let req = saved.table(TableId::Requests).expect("requests table");
    (req.count(0, 1), req.count(1, 1))
}

// ------------------------------------------------------------------ tests

/// Edit, kill -9, reopen, `r`: both edits come back; `s` saves them.
#[test]
fn killed_session_is_restored() {
    if !have_tmux("kill test") {
        return;
    }
    let fx = Fixture::new();
    let original = fx.edit_and_kill();

    let tmux = fx.open();
    let screen = tmux.wait_for("the restore prompt", |s| s.contains("发现未保存的修改"));
    assert!(screen.contains("2 处未保存修改"), "{screen}");
    tmux.send(&["r"], true);
    tmux.wait_for("已从日志恢复 2 处修改", |s| {
        status_line(s).contains("已从日志恢复 2 处修改")
    });

    tmux.send(&["s"], true);
    let screen = tmux.wait_for("Saved", |s| status_line(s).contains("已保存"));
    assert!(!status_line(&screen).contains("[+]"), "{screen}");
    tmux.send(&["q"], true);
    tmux.wait_exit();
    drop(tmux);

    assert_eq!(
        std::fs::read(&fx.input).unwrap(),
        original,
        "input untouched"
    );
    assert_eq!(saved_cells(&fx.output()), (Some(4), Some(7)));
    // Saved: the journal has done its job and is gone.
    let left: Vec<String> = fx
        .journal_files()
        .into_iter()
        .filter(|n| n.ends_with(".jsonl"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// The file changed after the kill: the journal is set aside, not applied.
#[test]
fn stale_journal_is_set_aside() {
    if !have_tmux("kill test") {
        return;
    }
    let fx = Fixture::new();
    fx.edit_and_kill();
    let mut bytes = std::fs::read(&fx.input).unwrap();
    bytes.extend_from_slice("\n附：编辑之后追加的一行。\n".as_bytes());
    std::fs::write(&fx.input, &bytes).unwrap();

    let tmux = fx.open();
    let screen = tmux.wait_for("the stale-journal message", |s| s.contains("没有应用"));
    assert!(!screen.contains("发现未保存的修改"), "{screen}");

    // The grid shows the file's own values, not the journal's.
    tmux.send(&["]"], true);
    // Wait for the whole grid, not just its title: a capture can catch the
    // terminal mid-redraw.
    let screen = tmux.wait_for("the requests table", |s| {
        s.contains("依申请公开 (requests)")
            && grid_values(s, "一、本年新收").is_some_and(|v| v.len() == 7)
            && grid_values(s, "二、上年结转").is_some_and(|v| v.len() == 7)
    });
    assert_eq!(
        grid_row(&screen, "一、本年新收"),
        ["20", "5", "0", "1", "0", "0", "25"],
        "{screen}"
    );
    assert_eq!(
        grid_row(&screen, "二、上年结转"),
        ["2", "1", "0", "0", "0", "0", "3"],
        "{screen}"
    );
    assert!(!status_line(&screen).contains("[+]"), "{screen}");

    let files = fx.journal_files();
    assert!(
        files.iter().any(|n| n.ends_with(".stale.jsonl")),
        "{files:?}"
    );
    assert!(
        !files
            .iter()
            .any(|n| n.ends_with(".jsonl") && !n.ends_with(".stale.jsonl")),
        "no live journal left: {files:?}"
    );

    // And the model agrees: saving writes the file's own values.
    tmux.send(&["s"], true);
    tmux.wait_for("Saved", |s| status_line(s).contains("已保存"));
    tmux.send(&["q"], true);
    tmux.wait_exit();
    drop(tmux);
    assert_eq!(saved_cells(&fx.output()), (Some(5), Some(1)));
    assert_eq!(std::fs::read(&fx.input).unwrap(), bytes, "input untouched");
}

/// `d` at the restore prompt discards the journal: no prompt next time.
#[test]
fn discarded_journal_does_not_come_back() {
    if !have_tmux("kill test") {
        return;
    }
    let fx = Fixture::new();
    let original = fx.edit_and_kill();

    let tmux = fx.open();
    tmux.wait_for("the restore prompt", |s| s.contains("发现未保存的修改"));
    tmux.send(&["d"], true);
    let screen = tmux.wait_for("the prompt gone", |s| {
        !s.contains("发现未保存的修改") && status_line(s).contains(SAMPLE)
    });
    assert!(!status_line(&screen).contains("[+]"), "{screen}");
    // Not dirty: q quits at once.
    tmux.send(&["q"], true);
    tmux.wait_exit();
    drop(tmux);
    let live: Vec<String> = fx
        .journal_files()
        .into_iter()
        .filter(|n| n.ends_with(".jsonl"))
        .collect();
    assert!(live.is_empty(), "{live:?}");

    let tmux = fx.open();
    let screen = tmux.wait_for("the first screen", |s| status_line(s).contains(SAMPLE));
    assert!(!screen.contains("发现未保存的修改"), "{screen}");
    tmux.send(&["]"], true);
    // Wait for the whole grid, not just its title: a capture can catch the
    // terminal mid-redraw.
    let screen = tmux.wait_for("the requests table", |s| {
        s.contains("依申请公开 (requests)")
            && grid_values(s, "一、本年新收").is_some_and(|v| v.len() == 7)
            && grid_values(s, "二、上年结转").is_some_and(|v| v.len() == 7)
    });
    assert!(!screen.contains("发现未保存的修改"), "{screen}");
    assert_eq!(grid_row(&screen, "一、本年新收")[1], "5", "{screen}");
    assert_eq!(grid_row(&screen, "二、上年结转")[1], "1", "{screen}");
    tmux.send(&["q"], true);
    tmux.wait_exit();
    drop(tmux);

    assert_eq!(
        std::fs::read(&fx.input).unwrap(),
        original,
        "input untouched"
    );
    assert!(!fx.output().exists(), "nothing saved");
}

// ------------------------------------------------------------------ signals

/// The pane's flags from tmux: (in the alternate screen, cursor shown).
fn pane_flags(tmux: &Tmux) -> (bool, bool) {
    let out = tmux
        .command()
        .args([
            "display-message",
            "-p",
            "-t",
            &tmux.session,
            "#{alternate_on} #{cursor_flag}",
        ])
        .output()
        .expect("run tmux display-message");
    assert!(out.status.success(), "display-message: {}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut f = text.split_whitespace();
    (f.next() == Some("1"), f.next() == Some("1"))
}

impl Fixture {
    /// The binary on the input under a shell that prints its exit status
    /// and keeps the pane open, so the terminal it left can be looked at.
    fn open_in_shell(&self) -> Tmux {
        let bin = env!("CARGO_BIN_EXE_nianbao");
        let cmd = format!(
            "sh -c '\"$0\" \"$1\"; echo \"exit=$?\"; sleep 600' {} {}",
            quote(Path::new(bin)),
            quote(&self.input)
        );
        Tmux::start(
            "signal",
            200,
            50,
            &cmd,
            &[
                ("NIANBAO_DATA_DIR", self.data.path()),
                ("NIANBAO_CONFIG_DIR", self.config.path()),
            ],
        )
    }
}

/// Send `sig` to the binary and wait for the shell to print its status.
fn signal_and_wait(tmux: &Tmux, sig: &str, code: i32) -> String {
    let pid = nianbao_pid(tmux);
    let out = Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .output()
        .expect("run kill");
    assert!(out.status.success(), "kill -{sig} {pid}: {}", stderr(&out));
    tmux.wait_for(&format!("exit={code}"), |s| {
        s.contains(&format!("exit={code}"))
    })
}

/// SIGTERM in the middle of a review: the terminal is back to the normal
/// screen with the cursor shown, the exit status is 128+15, and the
/// journalled edit is offered back on reopening.
#[test]
fn sigterm_restores_the_terminal_and_keeps_the_journal() {
    if !have_tmux("signal test") {
        return;
    }
    let fx = Fixture::new();
    let tmux = fx.open_in_shell();
    tmux.wait_for("the first screen", |s| status_line(s).contains(SAMPLE));
    assert_eq!(pane_flags(&tmux), (true, false), "the screen is up");
    tmux.send(&["]"], true);
    tmux.wait_for("the requests table", |s| {
        s.contains("依申请公开 (requests)") && grid_shows(s, "一、本年新收", 1, "5")
    });
    tmux.send(&["Right"], false);
    tmux.wait_for("the cursor on 一 / 商业企业", |s| {
        status_line(s).contains(&format!("{ROW_NEW} / 商业企业"))
    });
    tmux.send(&["4"], true);
    tmux.wait_for("the editor", |s| status_line(s).contains("Enter 确定"));
    tmux.send(&["Enter"], false);
    tmux.wait_for("the edit committed", |s| {
        let st = status_line(s);
        st.contains("[+]") && grid_shows(s, "一、本年新收", 1, "4")
    });

    let screen = signal_and_wait(&tmux, "TERM", 143);
    assert_eq!(
        pane_flags(&tmux),
        (false, true),
        "normal screen, cursor shown:\n{screen}"
    );
    assert!(!screen.contains("依申请公开"), "{screen}");
    drop(tmux);

    let journal = fx.journal_files();
    assert_eq!(journal.len(), 1, "{journal:?}");
    let tmux = fx.open();
    let screen = tmux.wait_for("the restore prompt", |s| s.contains("发现未保存的修改"));
    assert!(screen.contains("1 处未保存修改"), "{screen}");
}

/// SIGHUP (the terminal window closed): the same, with 128+1.
#[test]
fn sighup_restores_the_terminal() {
    if !have_tmux("signal test") {
        return;
    }
    let fx = Fixture::new();
    let tmux = fx.open_in_shell();
    tmux.wait_for("the first screen", |s| status_line(s).contains(SAMPLE));
    let screen = signal_and_wait(&tmux, "HUP", 129);
    assert_eq!(
        pane_flags(&tmux),
        (false, true),
        "normal screen, cursor shown:\n{screen}"
    );
}

/// Closing the terminal (the tmux server goes, the pane hangs up) ends the
/// screen: a hung-up terminal keeps crossterm's reader spinning on
/// end-of-file inside `event::poll`, so the signal watchdog must end the
/// process, never leaving it at 100 % of a core.
#[cfg(unix)]
#[test]
fn a_closed_terminal_ends_the_screen() {
    if !have_tmux("signal test") {
        return;
    }
    let fx = Fixture::new();
    let tmux = fx.open();
    tmux.wait_for("the first screen", |s| status_line(s).contains(SAMPLE));
    let out = tmux
        .command()
        .args(["display-message", "-p", "#{pane_pid}"])
        .output()
        .expect("tmux display-message");
    let pid: u32 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("pane pid");
    let killed = tmux
        .command()
        .arg("kill-server")
        .status()
        .expect("tmux kill-server");
    assert!(killed.success());
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    // Gone, or a zombie waiting for its (dead) parent's reaper.
    let running = || {
        std::fs::read_to_string(proc_dir.join("stat"))
            .map(|s| !s.contains(") Z "))
            .unwrap_or(false)
    };
    while running() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        !running(),
        "nianbao (pid {pid}) still runs after its terminal closed"
    );
}
