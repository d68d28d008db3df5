//! The edit journal: every committed edit is appended (and synced) to a file
//! in the platform data directory, so edits survive a killed terminal or a
//! crash. Reopening the file offers to restore them; a journal for a file
//! whose content has changed since is not applied blindly.
//!
//! Format: JSON lines. The first line is a header naming the report path and
//! a hash of its bytes; each further line is the full state of one row after
//! a change (an edit, a shift, an undo or a redo), so replaying the lines in
//! order gives exactly the grid the reviewer had.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Cell, Report, Row};
use crate::template::TableId;

/// Environment override for the journal folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "NIANBAO_DATA_DIR";

/// FNV-1a, 64 bits: identifies a file's content (not a security measure).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The folder journals are kept in.
pub fn journal_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("journal"));
    }
    directories::ProjectDirs::from("", "", "nianbao").map(|p| p.data_dir().join("journal"))
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Header {
    nianbao_journal: u32,
    path: String,
    content_hash: String,
}

/// One journal line after the header: a row's state, or a text line's.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
enum Record {
    Row(RowRecord),
    Line(LineRecord),
}

/// A narrative line as the reviewer left it.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct LineRecord {
    line: usize,
    text: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct RowRecord {
    table: String,
    row: usize,
    cells: Vec<String>,
    #[serde(default)]
    lines: Vec<Option<usize>>,
}

/// What was found for a report when it was opened.
#[derive(Debug, PartialEq)]
pub enum Pending {
    /// No journal, or an empty one.
    None,
    /// Unsaved changes for this very content.
    Restorable { changes: usize },
    /// A journal for this path, but the file's content has changed since.
    Stale { changes: usize },
}

/// An open journal for one report.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    report_path: String,
    hash: String,
    file: Option<File>,
}

impl Journal {
    /// The journal for the report at `report_path` with content `bytes`,
    /// kept in `dir`.
    pub fn new(dir: &Path, report_path: &Path, bytes: &[u8]) -> Self {
        let canonical = report_path
            .canonicalize()
            .unwrap_or_else(|_| report_path.to_path_buf());
        let shown = canonical.display().to_string();
        let name = format!("{}.jsonl", content_hash(shown.as_bytes()));
        Journal {
            path: dir.join(name),
            report_path: shown,
            hash: content_hash(bytes),
            file: None,
        }
    }

    /// Where the journal file is.
    pub fn file_path(&self) -> &Path {
        &self.path
    }

    fn read(&self) -> Option<(Header, Vec<Record>)> {
        let f = File::open(&self.path).ok()?;
        let mut lines = BufReader::new(f).lines();
        let header: Header = serde_json::from_str(&lines.next()?.ok()?).ok()?;
        // A line cut by a crash mid-write is skipped; the rest stands.
        let records = lines
            .map_while(Result::ok)
            .filter_map(|l| serde_json::from_str::<Record>(&l).ok())
            .collect();
        Some((header, records))
    }

    /// Is there something to restore?
    pub fn pending(&self) -> Pending {
        match self.read() {
            None => Pending::None,
            Some((_, r)) if r.is_empty() => Pending::None,
            Some((h, r)) if h.content_hash == self.hash && h.path == self.report_path => {
                Pending::Restorable { changes: r.len() }
            }
            Some((_, r)) => Pending::Stale { changes: r.len() },
        }
    }

    /// Apply the journalled changes to a freshly parsed report. Returns the
    /// number applied. Only for [`Pending::Restorable`].
    pub fn restore(&mut self, report: &mut Report) -> usize {
        let Some((_, records)) = self.read() else {
            return 0;
        };
        let mut n = 0;
        for rec in &records {
            let rec = match rec {
                Record::Row(r) => r,
                Record::Line(l) => {
                    if crate::parse::facts::edit_line(report, l.line, &l.text).is_some() {
                        n += 1;
                    }
                    continue;
                }
            };
            let Some(id) = TableId::ALL.into_iter().find(|t| t.id() == rec.table) else {
                continue;
            };
            let Some(spec) = id.spec().rows.get(rec.row) else {
                continue;
            };
            let Some(current) = report.table(id).and_then(|t| t.rows.get(rec.row)) else {
                continue;
            };
            let mut row = Row {
                cells: Vec::with_capacity(spec.width),
                found: true,
                line: current.line,
                layout: None,
            };
            for (i, raw) in rec.cells.iter().take(spec.width).enumerate() {
                let line = rec.lines.get(i).copied().flatten();
                row.cells.push(Cell::from_raw(raw, spec.kind, line));
            }
            row.cells
                .resize(spec.width, Cell::from_raw("", spec.kind, current.line));
            report.replace_row(id, rec.row, row);
            n += 1;
        }
        // Keep appending to the same journal from here.
        self.file = OpenOptions::new().append(true).open(&self.path).ok();
        n
    }

    /// Move a stale journal aside (`….stale.jsonl`, or `….stale.2.jsonl`…
    /// when that name is taken: an earlier stale journal is never replaced)
    /// so that nothing is lost and new edits start a fresh journal. Returns
    /// where it went.
    pub fn set_aside(&mut self) -> Option<PathBuf> {
        self.file = None;
        for n in 1..10_000u32 {
            let to = if n == 1 {
                self.path.with_extension("stale.jsonl")
            } else {
                self.path.with_extension(format!("stale.{n}.jsonl"))
            };
            // A hard link fails when the name is taken, even if another
            // process takes it at the same moment; then the old name goes.
            match std::fs::hard_link(&self.path, &to) {
                Ok(()) => {
                    let _ = std::fs::remove_file(&self.path);
                    return Some(to);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
                // No hard links on this file system: rename to a free name.
                Err(_) => {
                    if to.exists() {
                        continue;
                    }
                    return std::fs::rename(&self.path, &to).ok().map(|_| to);
                }
            }
        }
        None
    }

    /// Start afresh: drop any old journal for this report.
    pub fn discard(&mut self) {
        self.file = None;
        let _ = std::fs::remove_file(&self.path);
    }

    /// Is the open journal still the file at `path`? (Another review
    /// screen's save deletes it; a set-aside renames it.)
    fn still_there(&self) -> bool {
        let Some(f) = &self.file else {
            return false;
        };
        match (f.metadata(), std::fs::metadata(&self.path)) {
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

    /// The journal opened for appending (`O_APPEND`: every line lands at
    /// the end, whoever else appends; nothing is ever truncated). A new or
    /// empty file gets the header first. Reopened when the file was deleted
    /// or replaced under it.
    fn open_for_append(&mut self) -> std::io::Result<&mut File> {
        if !self.still_there() {
            self.file = None;
        }
        if self.file.is_none() {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let mut f = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)?;
            if f.metadata()?.len() == 0 {
                let header = Header {
                    nianbao_journal: 1,
                    path: self.report_path.clone(),
                    content_hash: self.hash.clone(),
                };
                let mut line = serde_json::to_string(&header)?;
                line.push('\n');
                f.write_all(line.as_bytes())?;
            }
            self.file = Some(f);
        }
        // `file` is Some here.
        self.file.as_mut().ok_or_else(|| {
            std::io::Error::other(crate::i18n::Said(crate::i18n::Key::JournalNotOpen))
        })
    }

    /// Record a text line after the reviewer edited it; synced before
    /// returning.
    pub fn record_line(&mut self, line: usize, text: &str) -> std::io::Result<()> {
        let rec = LineRecord {
            line,
            text: text.to_string(),
        };
        let json = serde_json::to_string(&rec)?;
        let f = self.open_for_append()?;
        writeln!(f, "{json}")?;
        f.sync_data()
    }

    /// Record the state of one row after a change; synced before returning.
    pub fn record(&mut self, table: TableId, row_index: usize, row: &Row) -> std::io::Result<()> {
        let rec = RowRecord {
            table: table.id().to_string(),
            row: row_index,
            cells: row.cells.iter().map(|c| c.raw.to_string()).collect(),
            lines: row.cells.iter().map(|c| c.line).collect(),
        };
        let mut line = serde_json::to_string(&rec)?;
        line.push('\n');
        let f = self.open_for_append()?;
        // One write of the whole line: appends by two screens interleave by
        // line, never inside one.
        f.write_all(line.as_bytes())?;
        f.sync_data()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_restores_rows() {
        let dir = tempfile::tempdir().unwrap();
        let report_path = dir.path().join("r.txt");
        let text = std::fs::read_to_string("sample-reports/variant-single-wrong-cell.txt").unwrap();
        std::fs::write(&report_path, &text).unwrap();
        let mut report = crate::parse::parse(&text, "UTF-8");
        let mut j = Journal::new(dir.path(), &report_path, text.as_bytes());
        assert_eq!(j.pending(), Pending::None);
        report.set_cell(TableId::Requests, 0, 1, "4");
        let row = report.table(TableId::Requests).unwrap().rows[0].clone();
        j.record(TableId::Requests, 0, &row).unwrap();
        report.shift_row(TableId::Requests, 2, 1);
        let row2 = report.table(TableId::Requests).unwrap().rows[2].clone();
        j.record(TableId::Requests, 2, &row2).unwrap();

        let j2 = Journal::new(dir.path(), &report_path, text.as_bytes());
        assert_eq!(j2.pending(), Pending::Restorable { changes: 2 });
        let mut fresh = crate::parse::parse(&text, "UTF-8");
        let mut j2 = j2;
        assert_eq!(j2.restore(&mut fresh), 2);
        assert_eq!(
            fresh.table(TableId::Requests).unwrap().rows[0].cells,
            report.table(TableId::Requests).unwrap().rows[0].cells
        );
        assert_eq!(
            fresh.table(TableId::Requests).unwrap().rows[2].cells,
            report.table(TableId::Requests).unwrap().rows[2].cells
        );

        // The file changes: the journal is stale, not applied.
        let j3 = Journal::new(dir.path(), &report_path, b"other content");
        assert_eq!(j3.pending(), Pending::Stale { changes: 2 });
    }

    #[test]
    fn line_edits_round_trip_beside_row_edits() {
        let dir = tempfile::tempdir().unwrap();
        let report_path = dir.path().join("r.txt");
        let text = std::fs::read_to_string("sample-reports/variant-row-total-broken.txt").unwrap();
        std::fs::write(&report_path, &text).unwrap();
        let mut report = crate::parse::parse(&text, "UTF-8");
        let claim = report.claims.first().expect("a claim").line;
        let mut j = Journal::new(dir.path(), &report_path, text.as_bytes());
        report.set_cell(TableId::Requests, 0, 1, "4");
        let row = report.table(TableId::Requests).unwrap().rows[0].clone();
        j.record(TableId::Requests, 0, &row).unwrap();
        crate::parse::facts::edit_line(&mut report, claim, "本年度未收到政府信息公开申请。");
        j.record_line(claim, "本年度未收到政府信息公开申请。")
            .unwrap();

        let mut j2 = Journal::new(dir.path(), &report_path, text.as_bytes());
        assert_eq!(j2.pending(), Pending::Restorable { changes: 2 });
        let mut fresh = crate::parse::parse(&text, "UTF-8");
        assert_eq!(j2.restore(&mut fresh), 2);
        assert_eq!(fresh.line(claim), Some("本年度未收到政府信息公开申请。"));
        assert_eq!(fresh.claims, report.claims);
        assert_eq!(fresh, report);
    }

    #[test]
    fn torn_last_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.txt");
        std::fs::write(&p, "x").unwrap();
        let mut j = Journal::new(dir.path(), &p, b"x");
        let row = Row::empty(7);
        j.record(TableId::Requests, 0, &row).unwrap();
        let mut f = OpenOptions::new().append(true).open(j.file_path()).unwrap();
        write!(f, "{{\"table\":\"requ").unwrap();
        let j2 = Journal::new(dir.path(), &p, b"x");
        assert_eq!(j2.pending(), Pending::Restorable { changes: 1 });
    }

    fn rows_of(j: &Journal) -> Vec<RowRecord> {
        j.read()
            .map(|(_, records)| {
                records
                    .into_iter()
                    .filter_map(|r| match r {
                        Record::Row(row) => Some(row),
                        Record::Line(_) => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Two review screens on one file: neither truncates the other's
    /// lines, no NUL gap appears, every edit is restorable.
    #[test]
    fn two_screens_append_never_truncate() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.txt");
        std::fs::write(&p, "x").unwrap();
        let mut a = Journal::new(dir.path(), &p, b"x");
        let mut b = Journal::new(dir.path(), &p, b"x");
        let row = |v: &str| {
            let mut r = Row::empty(7);
            r.cells[0] = Cell::from_raw(v, crate::template::CellKind::Count, None);
            r
        };
        a.record(TableId::Requests, 0, &row("1")).unwrap();
        a.record(TableId::Requests, 1, &row("2")).unwrap();
        b.record(TableId::Requests, 2, &row("3")).unwrap();
        a.record(TableId::Requests, 3, &row("4")).unwrap();
        b.record(TableId::Requests, 4, &row("5")).unwrap();
        let bytes = std::fs::read(a.file_path()).unwrap();
        assert!(!bytes.contains(&0), "NUL gap in the journal");
        let rows: Vec<usize> = rows_of(&a).iter().map(|r| r.row).collect();
        assert_eq!(rows, [0, 1, 2, 3, 4]);
        let fresh = Journal::new(dir.path(), &p, b"x");
        assert_eq!(fresh.pending(), Pending::Restorable { changes: 5 });
    }

    /// A save by one screen deletes the journal; the other screen's next
    /// edit starts a new journal instead of vanishing into the deleted one.
    #[test]
    fn an_edit_after_the_other_screen_saved_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.txt");
        std::fs::write(&p, "x").unwrap();
        let mut a = Journal::new(dir.path(), &p, b"x");
        let mut b = Journal::new(dir.path(), &p, b"x");
        a.record(TableId::Requests, 0, &Row::empty(7)).unwrap();
        b.record(TableId::Requests, 1, &Row::empty(7)).unwrap();
        a.discard();
        b.record(TableId::Requests, 2, &Row::empty(7)).unwrap();
        let fresh = Journal::new(dir.path(), &p, b"x");
        assert_eq!(fresh.pending(), Pending::Restorable { changes: 1 });
        assert_eq!(rows_of(&fresh)[0].row, 2);
    }

    /// A second stale journal for the same file gets its own name; the
    /// first one is never renamed over.
    #[test]
    fn stale_journals_get_unique_names() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.txt");
        std::fs::write(&p, "x").unwrap();
        let mut old = Journal::new(dir.path(), &p, b"v1");
        old.record(TableId::Requests, 0, &Row::empty(7)).unwrap();
        let mut now = Journal::new(dir.path(), &p, b"v2");
        assert_eq!(now.pending(), Pending::Stale { changes: 1 });
        let first = now.set_aside().unwrap();
        // Edits on v2, then the file changes again.
        now.record(TableId::Requests, 1, &Row::empty(7)).unwrap();
        now.record(TableId::Requests, 2, &Row::empty(7)).unwrap();
        let mut later = Journal::new(dir.path(), &p, b"v3");
        assert_eq!(later.pending(), Pending::Stale { changes: 2 });
        let second = later.set_aside().unwrap();
        assert_ne!(first, second);
        let lines = |f: &Path| std::fs::read_to_string(f).unwrap().lines().count();
        assert_eq!(lines(&first), 2);
        assert_eq!(lines(&second), 3);
        assert!(!later.file_path().exists());
    }
}
