//! The review screen's state. Every change of state happens in response to
//! an [`Action`](super::action::Action) that the current mode's keymap made
//! of a key (`input`); the work is split by concern: moving around
//! (`navigate`), changing the report (`edit`), keeping the edits (`save`).

mod edit;
mod findings;
mod input;
mod navigate;
mod outline;
mod save;
mod search;

use std::cell::Cell;
use std::path::PathBuf;

use crate::TableId;
use crate::journal::{Journal, Pending};
use crate::model::Report;
use crate::rules::{self, Finding, Severity};
use ratatui_textarea::TextArea;

pub use findings::{Place, is_report_level};
pub use outline::{OutlineRow, OutlineTarget};
pub use search::{Hit, Search};

use super::history::History;
use super::strings as s;
use super::theme::Theme;

/// What the last frame drew, fed back to input handling: page sizes are the
/// rows actually shown, and the text pane scrolls from where it was drawn.
/// All zero before the first frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Viewport {
    /// Body rows of the grid (below its two header rows).
    pub grid_rows: usize,
    /// Rows of the findings panel.
    pub findings_rows: usize,
    /// Rows of the text pane (0 when hidden).
    pub text_rows: usize,
    /// Display columns of the text pane's text (right of the line numbers).
    pub text_width: usize,
    /// The first line the text pane drew (1-based).
    pub text_start: usize,
    /// Rows of the help overlay's body.
    pub help_rows: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Grid,
    Findings,
    Text,
}

/// How strongly a grid cell is marked by the findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Mark {
    #[default]
    None,
    /// Another cell of a failing row or column.
    Soft,
    /// Named by a warning.
    Warning,
    /// Named by an error.
    Error,
}

pub enum Mode {
    Normal,
    Editing(Box<Editor>),
    /// Editing a line of the text in place.
    EditingLine(Box<LineEditor>),
    /// The help overlay, scrolled to this row.
    Help {
        scroll: usize,
    },
    /// The outline overlay, this row selected.
    Outline {
        sel: usize,
    },
    /// Typing a search (`/`).
    Search {
        query: String,
    },
    QuitPrompt,
    /// Unsaved edits from an earlier session were found in the journal.
    RestorePrompt {
        changes: usize,
    },
    /// A saved normalized copy of the input differs from what the input
    /// reads as: continue from it, or start from the input.
    SavedCopyPrompt,
    /// Before `s`: the input or the output changed on disk since this
    /// screen read or wrote them (the reasons, one a line).
    ConfirmSave {
        reasons: Vec<String>,
        then_quit: bool,
    },
}

/// The saved copy offered at open, and the journals of either start.
pub struct SavedCopy {
    pub report: Report,
    pub path: PathBuf,
    pub copy_journal: Option<Journal>,
    pub input_journal: Option<Journal>,
}

pub struct Editor {
    pub textarea: TextArea<'static>,
    pub table: TableId,
    pub row: usize,
    pub col: usize,
}

pub struct LineEditor {
    pub textarea: TextArea<'static>,
    /// The 1-based line being edited.
    pub line: usize,
}

/// A stop of the section walk: a section and the table shown beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    pub section: usize,
    pub table: Option<TableId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
    /// Stays until read: through other messages and keys, until Esc (or a
    /// save).
    Warning,
}

pub struct App {
    pub report: Report,
    pub name: String,
    pub save_path: PathBuf,
    pub findings: Vec<Finding>,
    /// Per table, per row, per column: the strongest mark.
    pub marks: [Vec<Vec<Mark>>; 3],
    pub stops: Vec<Stop>,
    pub stop: usize,
    /// Cursor (row, column) in the current table.
    pub cursor: (usize, usize),
    pub focus: Focus,
    pub mode: Mode,
    /// First visible line of the text pane (1-based) when not following.
    pub text_scroll: usize,
    /// Keep the selected cell's source line in view.
    pub follow: bool,
    /// The text pane's cursor: the line `e` edits (1-based; 0 before the
    /// pane was focused).
    pub text_line: usize,
    pub finding_sel: usize,
    pub history: History,
    pub dirty: bool,
    pub message: Option<(String, MessageKind)>,
    pub theme: Theme,
    pub key_hints: bool,
    pub show_text: bool,
    pub quit: bool,
    /// Where committed edits are journalled (none for the bundled sample,
    /// none in a read-only screen).
    pub journal: Option<Journal>,
    /// This screen's lock on the file: it is the file's one writer.
    pub lock: Option<crate::lock::Lock>,
    /// Another screen holds the file: why this one is read-only (shown on
    /// the status line, and again when an edit or a save is refused).
    pub read_only: Option<String>,
    /// The input and the hash of its bytes when opened: `s` asks when it
    /// changed or is gone.
    pub input: Option<(PathBuf, String)>,
    /// The hash of what the output held when this screen last loaded or
    /// saved it (`None`: there was none): `s` asks before replacing
    /// anything else.
    pub output_known: Option<String>,
    /// The saved copy offered at open, until the reviewer chooses.
    pub saved_copy: Option<Box<SavedCopy>>,
    /// Last year's report, for `requests.carry-over`.
    pub previous: Option<Report>,
    /// A narrative line to show in the text pane (a `narrative.mismatch`
    /// finding was opened); cleared when the cursor moves.
    pub pinned_line: Option<usize>,
    /// Opened from the folder list: Esc and q go back to it.
    pub back_to_list: bool,
    /// The finding `n`/`N` last went to (an index into `findings`); cleared
    /// by any other move and by a re-check.
    pub walk_at: Option<usize>,
    /// The last search, while `n`/`N` move between its hits (Esc ends it).
    pub search: Option<Search>,
    /// Written by each frame, read by the next key.
    pub viewport: Cell<Viewport>,
}

/// Is `p` one of the tool's outputs (`….normalized.txt`)?
pub fn is_normalized(p: &std::path::Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(".normalized.txt"))
}

impl App {
    pub fn new(report: Report, path: Option<PathBuf>, theme: Theme) -> Self {
        let name = path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| s::t(crate::i18n::Key::TuiSampleName).to_string());
        let save_path = match &path {
            // A normalized file is saved over itself, not beside itself.
            Some(p) if is_normalized(p) => p.clone(),
            Some(p) => crate::normalize::default_output(p),
            None => PathBuf::from("nianbao-sample.normalized.txt"),
        };
        let mut app = App {
            report,
            name,
            save_path,
            findings: Vec::new(),
            marks: Default::default(),
            stops: Vec::new(),
            stop: 0,
            cursor: (0, 0),
            focus: Focus::Grid,
            mode: Mode::Normal,
            text_scroll: 1,
            follow: true,
            text_line: 0,
            finding_sel: 0,
            history: History::default(),
            dirty: false,
            message: None,
            theme,
            key_hints: true,
            show_text: true,
            quit: false,
            journal: None,
            lock: None,
            read_only: None,
            input: None,
            output_known: None,
            saved_copy: None,
            previous: None,
            pinned_line: None,
            back_to_list: false,
            walk_at: None,
            search: None,
            viewport: Cell::new(Viewport::default()),
        };
        app.start_on_report();
        app
    }

    /// Check the report and open on its first section with a table, where
    /// the work is (at open, and when a saved copy replaces the report).
    fn start_on_report(&mut self) {
        self.stops = navigate::build_stops(&self.report);
        self.history = History::default();
        self.recheck();
        let first = self
            .stops
            .iter()
            .position(|s| s.table.is_some())
            .unwrap_or(0);
        self.cursor = (0, 0);
        self.enter_stop(first);
    }

    /// Check against last year's report too (`requests.carry-over`).
    pub fn set_previous(&mut self, previous: Report) {
        self.previous = Some(previous);
        self.recheck();
    }

    /// Attach the journal; offers to restore what an earlier session left.
    pub fn attach_journal(&mut self, mut journal: Journal) {
        match journal.pending() {
            Pending::None => {}
            Pending::Restorable { changes } => self.mode = Mode::RestorePrompt { changes },
            Pending::Stale { changes } => {
                let aside = journal.set_aside();
                let where_ = aside.map(|p| p.display().to_string()).unwrap_or_default();
                self.set_message(s::stale_journal(changes, &where_), MessageKind::Error);
            }
        }
        self.journal = Some(journal);
    }

    pub fn table(&self) -> Option<TableId> {
        self.stops.get(self.stop).and_then(|s| s.table)
    }

    pub fn section(&self) -> Option<&crate::Section> {
        self.stops
            .get(self.stop)
            .and_then(|s| self.report.sections.get(s.section))
    }

    /// Re-run the rules and recompute the marks (after every edit).
    pub fn recheck(&mut self) {
        self.walk_at = None;
        self.findings = rules::check_with(&self.report, self.previous.as_ref());
        for id in TableId::ALL {
            let spec = id.spec();
            self.marks[id as usize] = spec
                .rows
                .iter()
                .map(|r| vec![Mark::None; r.width])
                .collect();
        }
        for f in &self.findings {
            let Some(t) = f.table else { continue };
            let grid = &mut self.marks[t as usize];
            let mut mark = |r: usize, c: usize, m: Mark| {
                if let Some(cell) = grid.get_mut(r).and_then(|row| row.get_mut(c)) {
                    *cell = (*cell).max(m);
                }
            };
            let (named, soft) = match f.severity {
                Severity::Error => (Mark::Error, Mark::Soft),
                Severity::Warning => (Mark::Warning, Mark::Warning),
            };
            for &(r, c) in &f.cells {
                mark(r, c, soft);
            }
            if let (Some(r), Some(c)) = (f.row, f.column) {
                mark(r, c, named);
            } else if let (None, Some(c)) = (f.row, f.column) {
                // requests.balance names a column: its four cells.
                for &(r, cc) in &f.cells {
                    if cc == c {
                        mark(r, c, named);
                    }
                }
            }
        }
        let n = self.table_findings().len();
        if self.finding_sel >= n {
            self.finding_sel = n.saturating_sub(1);
        }
    }

    pub fn counts(&self) -> (usize, usize) {
        rules::counts(&self.findings)
    }

    /// The source line of the selected cell.
    pub fn selected_line(&self) -> Option<usize> {
        let t = self.report.table(self.table()?)?;
        let (r, c) = self.cursor;
        t.cell(r, c)
            .and_then(|c| c.line)
            .or_else(|| t.rows.get(r).and_then(|r| r.line))
    }

    /// In the requests table: the selected row's six applicant columns
    /// added up, beside its 总计 (the check a reviewer does by hand).
    pub fn row_sum(&self) -> Option<String> {
        if self.table()? != TableId::Requests {
            return None;
        }
        let t = self.report.table(TableId::Requests)?;
        let r = self.cursor.0;
        let row = t.rows.get(r)?;
        if row.cells.len() < 7 {
            return None;
        }
        let sum: i64 = (0..6).filter_map(|c| t.count(r, c)).sum();
        Some(s::row_sum(sum, t.count(r, 6)))
    }

    fn set_message(&mut self, text: impl Into<String>, kind: MessageKind) {
        let text = text.into();
        // A warning is not overwritten before it was read.
        if let Some((w, MessageKind::Warning)) = &self.message
            && kind != MessageKind::Warning
        {
            self.message = Some((format!("{w} · {text}"), MessageKind::Warning));
            return;
        }
        self.message = Some((text, kind));
    }
}
