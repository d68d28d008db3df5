//! One writer per file: an advisory lock taken by a review screen, so that a
//! second screen on the same report opens read-only instead of editing (and
//! journalling, and saving) behind the first one's back.
//!
//! The lock is a small file beside the report's journal, keyed by the
//! report's canonical path the same way (`<hash>.lock`), holding who took it
//! (pid, host, when) as one JSON line. On unix the file is also `flock`ed
//! while held: the kernel drops that when the process dies however it dies,
//! so a lock file left by a dead process (`kill -9`, a crash) never blocks
//! anyone; it is simply taken over, even when its pid has since been reused.
//! Where `flock` is not available (another platform, a file system without
//! it) the file's holder decides: held while its pid is alive on this host
//! (a zombie is not), taken over otherwise. Releasing unlinks the file while
//! still holding the lock; a taker checks that the file it locked is still
//! the one at the path, so two screens never both hold one.
//!
//! Advisory: nothing stops other programs from writing the report or the
//! output; the lock only keeps two nianbao screens apart.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Who holds a lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// Seconds since the Unix epoch when the lock was taken.
    pub since: u64,
}

impl Holder {
    /// This process, now.
    pub fn me() -> Holder {
        Holder {
            pid: std::process::id(),
            host: hostname(),
            since: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        }
    }

    /// When it was taken, as `YYYY-MM-DD HH:MM UTC`.
    pub fn since_utc(&self) -> String {
        let days = (self.since / 86_400) as i64;
        let secs = self.since % 86_400;
        let (y, m, d) = civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
            secs / 3600,
            secs % 3600 / 60
        )
    }

    /// Is the process that took it still running? Only known on this host
    /// (another host's process is assumed alive).
    pub fn alive(&self) -> bool {
        self.host != hostname() || pid_alive(self.pid)
    }
}

/// What [`acquire`] found.
#[derive(Debug)]
pub enum Acquired {
    /// This screen is the writer until the [`Lock`] is dropped.
    Held(Lock),
    /// Another screen is; `None` when its lock file could not be read (it
    /// is being written at this moment).
    Busy(Option<Holder>),
}

/// A held lock; dropping it releases the lock and removes the file.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    file: File,
}

impl Lock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Unlinked while still locked (closing the file releases the flock
        // afterwards): a taker that opened the old file sees it is gone.
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The lock file for the report at `report` in `dir` (the journal folder):
/// keyed like the report's journal.
pub fn lock_path(dir: &Path, report: &Path) -> PathBuf {
    let canonical = report
        .canonicalize()
        .unwrap_or_else(|_| report.to_path_buf());
    let key = crate::journal::content_hash(canonical.display().to_string().as_bytes());
    dir.join(format!("{key}.lock"))
}

/// Take the lock on `report`, or say who holds it. A lock left by a process
/// that is gone is taken over.
pub fn acquire(dir: &Path, report: &Path) -> std::io::Result<Acquired> {
    std::fs::create_dir_all(dir)?;
    let path = lock_path(dir, report);
    // A few rounds: each lost race (the file replaced between open and
    // lock) starts over.
    for _ in 0..16 {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        match try_flock(&file) {
            Flock::Busy => return Ok(Acquired::Busy(read_holder(&mut file))),
            Flock::Locked => {}
            Flock::Unsupported => {
                // No kernel lock to go by: the holder written in the file
                // keeps it while its process is alive.
                if let Some(h) = read_holder(&mut file)
                    && h.pid != std::process::id()
                    && h.alive()
                {
                    return Ok(Acquired::Busy(Some(h)));
                }
            }
        }
        if !same_file(&file, &path) {
            // Released (unlinked) between our open and our lock: again.
            continue;
        }
        write_holder(&mut file, &Holder::me())?;
        return Ok(Acquired::Held(Lock { path, file }));
    }
    Err(std::io::Error::other(crate::i18n::Said(
        crate::i18n::Key::LockKeepsChanging,
    )))
}

fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    // A lock file is one short line; never read more than a page.
    file.take(4096).read_to_string(&mut text).ok()?;
    serde_json::from_str(text.lines().next()?).ok()
}

fn write_holder(file: &mut File, h: &Holder) -> std::io::Result<()> {
    let mut line = serde_json::to_string(h)?;
    line.push('\n');
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(line.as_bytes())?;
    file.sync_data()
}

/// Is `file` (still) the file at `path`?
fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), std::fs::metadata(path)) {
        #[cfg(unix)]
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            a.dev() == b.dev() && a.ino() == b.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => true,
        _ => false,
    }
}

/// What an exclusive `flock` without waiting gave.
enum Flock {
    Locked,
    /// Another open file holds it.
    Busy,
    /// No `flock` here (another platform, a file system without it).
    Unsupported,
}

fn try_flock(file: &File) -> Flock {
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: the descriptor is owned by `file` for this call.
        let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if r == 0 {
            return Flock::Locked;
        }
        match std::io::Error::last_os_error().raw_os_error() {
            Some(libc::EWOULDBLOCK) => Flock::Busy,
            _ => Flock::Unsupported,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        Flock::Unsupported
    }
}

fn pid_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        if pid <= 0 {
            return false;
        }
        // SAFETY: signal 0 only checks that the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        let exists = r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        // A zombie (killed, not reaped yet) is gone for our purposes.
        exists && !zombie(pid)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Has `pid` exited without being reaped? (Linux: its `/proc` state.)
#[cfg(unix)]
fn zombie(pid: libc::pid_t) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    // `pid (comm) S …`: the state follows the last `)`.
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next())
        .is_some_and(|c| c == 'Z' || c == 'X')
}

/// This machine's name (empty when it cannot be told).
pub fn hostname() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; the name is cut there.
        let r = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if r == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
        String::new()
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").unwrap_or_default()
    }
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(dir: &Path) -> PathBuf {
        let p = dir.join("r.txt");
        std::fs::write(&p, "x").unwrap();
        p
    }

    /// A pid that is not running: a child that has exited and been reaped.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!pid_alive(pid), "pid {pid} still alive");
        pid
    }

    #[test]
    fn one_holder_then_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let r = report(dir.path());
        let locks = dir.path().join("journal");
        let Acquired::Held(first) = acquire(&locks, &r).unwrap() else {
            panic!("the first screen takes the lock");
        };
        let written: Holder =
            serde_json::from_str(std::fs::read_to_string(first.path()).unwrap().trim()).unwrap();
        assert_eq!(written.pid, std::process::id());
        assert_eq!(written.host, hostname());
        match acquire(&locks, &r).unwrap() {
            Acquired::Busy(Some(h)) => assert_eq!(h, written),
            other => panic!("a second screen is refused: {other:?}"),
        }
        let path = first.path().to_path_buf();
        drop(first);
        assert!(!path.exists(), "released: the lock file is gone");
        assert!(matches!(acquire(&locks, &r).unwrap(), Acquired::Held(_)));
    }

    #[test]
    fn a_dead_process_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let r = report(dir.path());
        let stale = Holder {
            pid: dead_pid(),
            host: hostname(),
            since: 1_700_000_000,
        };
        std::fs::write(
            lock_path(dir.path(), &r),
            serde_json::to_string(&stale).unwrap(),
        )
        .unwrap();
        let Acquired::Held(lock) = acquire(dir.path(), &r).unwrap() else {
            panic!("a dead process's lock is taken over");
        };
        let now: Holder =
            serde_json::from_str(std::fs::read_to_string(lock.path()).unwrap().trim()).unwrap();
        assert_eq!(now.pid, std::process::id());
    }

    /// A lock file nobody `flock`s, naming a pid that is running (the pid
    /// of a dead screen reused by another program): taken over all the
    /// same: the kernel's lock, not the pid, says who holds the file.
    #[cfg(unix)]
    #[test]
    fn a_reused_pid_does_not_keep_a_lock() {
        let dir = tempfile::tempdir().unwrap();
        let r = report(dir.path());
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let reused = Holder {
            pid: child.id(),
            host: hostname(),
            since: 1_700_000_000,
        };
        assert!(reused.alive());
        std::fs::write(
            lock_path(dir.path(), &r),
            serde_json::to_string(&reused).unwrap(),
        )
        .unwrap();
        let got = acquire(dir.path(), &r).unwrap();
        // Killed but not reaped: a zombie counts as gone.
        let _ = child.kill();
        let start = std::time::Instant::now();
        while !zombie(reused.pid as libc::pid_t)
            && start.elapsed() < std::time::Duration::from_secs(10)
        {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(!reused.alive(), "a zombie is not alive");
        let _ = child.wait();
        assert!(!reused.alive());
        assert!(matches!(got, Acquired::Held(_)), "{got:?}");
    }

    #[test]
    fn since_is_shown_in_utc() {
        let h = Holder {
            pid: 1,
            host: "h".into(),
            since: 1_764_781_500,
        };
        assert_eq!(h.since_utc(), "2025-12-03 17:05 UTC");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
