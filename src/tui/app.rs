//! The app state and `update`: every change of state happens here, in
//! response to an [`Action`] (or a key while editing / prompting).

use std::path::PathBuf;

use crate::cell::CellValue;
use crate::journal::{Journal, Pending};
use crate::model::Report;
use crate::rules::{self, Finding, Severity};
use crate::{SectionKind, TableId};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{CursorMove, TextArea};

use super::action::Action;
use super::history::{Change, History};
use super::keymap;
use super::strings as s;
use super::theme::Theme;

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
    Help,
    QuitPrompt,
    /// Unsaved edits from an earlier session were found in the journal.
    RestorePrompt {
        changes: usize,
    },
}

pub struct Editor {
    pub textarea: TextArea<'static>,
    pub table: TableId,
    pub row: usize,
    pub col: usize,
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
    pub finding_sel: usize,
    pub history: History,
    pub dirty: bool,
    pub message: Option<(String, MessageKind)>,
    pub theme: Theme,
    pub key_hints: bool,
    pub show_text: bool,
    pub quit: bool,
    /// Where committed edits are journalled (none for the bundled sample).
    pub journal: Option<Journal>,
    /// Last year's report, for `requests.carry-over`.
    pub previous: Option<Report>,
    /// A narrative line to show in the text pane (a `narrative.mismatch`
    /// finding was opened); cleared when the cursor moves.
    pub pinned_line: Option<usize>,
}

impl App {
    pub fn new(report: Report, path: Option<PathBuf>, theme: Theme) -> Self {
        let name = path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| s::SAMPLE_NAME.to_string());
        let save_path = match &path {
            Some(p) => crate::normalize::default_output(p),
            None => PathBuf::from("nianbao-sample.normalized.txt"),
        };
        let stops = build_stops(&report);
        let mut app = App {
            report,
            name,
            save_path,
            findings: Vec::new(),
            marks: Default::default(),
            stops,
            stop: 0,
            cursor: (0, 0),
            focus: Focus::Grid,
            mode: Mode::Normal,
            text_scroll: 1,
            follow: true,
            finding_sel: 0,
            history: History::default(),
            dirty: false,
            message: None,
            theme,
            key_hints: true,
            show_text: true,
            quit: false,
            journal: None,
            previous: None,
            pinned_line: None,
        };
        app.recheck();
        // Open on the first section with a table, where the work is.
        let first = app
            .stops
            .iter()
            .position(|s| s.table.is_some())
            .unwrap_or(0);
        app.enter_stop(first);
        app
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

    fn restore_journal(&mut self) {
        if let Some(j) = self.journal.as_mut() {
            let n = j.restore(&mut self.report);
            self.dirty = n > 0;
            self.recheck();
            self.set_message(s::restored(n), MessageKind::Info);
        }
    }

    /// Journal the row a change touched. A failure is shown, not fatal.
    fn journal_row(&mut self, t: TableId, r: usize) {
        let Some(row) = self.report.table(t).and_then(|tb| tb.rows.get(r)) else {
            return;
        };
        if let Some(j) = self.journal.as_mut()
            && let Err(e) = j.record(t, r, row)
        {
            let msg = s::journal_failed(&e.to_string());
            self.set_message(msg, MessageKind::Error);
        }
    }

    fn discard_journal(&mut self) {
        if let Some(j) = self.journal.as_mut() {
            j.discard();
        }
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

    /// Findings shown in the panel: those of the current table, or the
    /// report-level ones when the section has no table.
    pub fn table_findings(&self) -> Vec<&Finding> {
        match self.table() {
            Some(t) => self
                .findings
                .iter()
                .filter(|f| f.table == Some(t))
                .collect(),
            None => self
                .findings
                .iter()
                .filter(|f| f.rule == rules::Rule::TableMissing)
                .collect(),
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

    fn row_width(&self, t: TableId, row: usize) -> usize {
        t.spec().rows.get(row).map_or(0, |r| r.width)
    }

    fn enter_stop(&mut self, i: usize) {
        if self.stops.is_empty() {
            return;
        }
        self.stop = i.min(self.stops.len() - 1);
        self.cursor = (0, 0);
        self.finding_sel = 0;
        let first = self.section().map_or(1, |s| s.first_line);
        self.text_scroll = first;
        if self.table().is_some() {
            self.focus = Focus::Grid;
            self.follow = true;
        } else {
            self.focus = Focus::Text;
            self.follow = false;
        }
    }

    fn go_to_cell(&mut self, t: TableId, row: usize, col: usize) {
        if self.table() != Some(t)
            && let Some(i) = self.stops.iter().position(|s| s.table == Some(t))
        {
            self.enter_stop(i);
        }
        let w = self.row_width(t, row);
        self.cursor = (row, col.min(w.saturating_sub(1)));
        self.focus = Focus::Grid;
        self.follow = true;
    }

    fn set_message(&mut self, text: impl Into<String>, kind: MessageKind) {
        self.message = Some((text.into(), kind));
    }

    /// Handle a key press in whatever mode the app is in.
    pub fn on_key(&mut self, key: KeyEvent) {
        let Some(key) = keymap::normalize(key) else {
            return;
        };
        match &mut self.mode {
            Mode::Help => self.mode = Mode::Normal,
            Mode::RestorePrompt { .. } => match key.code {
                KeyCode::Char('r') | KeyCode::Enter => {
                    self.mode = Mode::Normal;
                    self.restore_journal();
                }
                KeyCode::Char('d') => {
                    self.mode = Mode::Normal;
                    self.discard_journal();
                }
                _ => {}
            },
            Mode::QuitPrompt => match key.code {
                KeyCode::Char('s') => {
                    if self.save() {
                        self.quit = true;
                    } else {
                        self.mode = Mode::Normal;
                    }
                }
                KeyCode::Char('d') => {
                    self.discard_journal();
                    self.quit = true;
                }
                KeyCode::Esc | KeyCode::Char('c') | KeyCode::Char('q') => self.mode = Mode::Normal,
                _ => {}
            },
            Mode::Editing(editor) => match key.code {
                KeyCode::Enter => self.commit_edit(),
                KeyCode::Esc => self.mode = Mode::Normal,
                _ => {
                    editor.textarea.input(key);
                }
            },
            Mode::Normal => {
                if let Some(a) = keymap::lookup(key) {
                    self.update(a);
                }
            }
        }
    }

    /// Carry out one action in normal mode.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Save) {
            self.message = None;
        }
        if !matches!(action, Action::Help | Action::FocusNext | Action::FocusPrev) {
            self.pinned_line = None;
        }
        match action {
            Action::NextSection => {
                self.enter_stop((self.stop + 1).min(self.stops.len().saturating_sub(1)))
            }
            Action::PrevSection => self.enter_stop(self.stop.saturating_sub(1)),
            Action::Left
            | Action::Right
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown => self.movement(action),
            Action::FocusNext | Action::FocusPrev => {
                let order = [Focus::Grid, Focus::Findings, Focus::Text];
                let i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
                let next = if action == Action::FocusNext {
                    (i + 1) % 3
                } else {
                    (i + 2) % 3
                };
                self.focus = order[next];
                if self.focus == Focus::Text && !self.show_text {
                    self.show_text = true;
                }
            }
            Action::Edit => match self.focus {
                Focus::Findings => self.jump_to_selected_finding(),
                Focus::Grid => self.start_edit(None),
                Focus::Text => {}
            },
            Action::EditWith(c) => {
                if self.focus == Focus::Grid {
                    self.start_edit(Some(c));
                }
            }
            Action::NextError => self.next_error(true),
            Action::PrevError => self.next_error(false),
            Action::ShiftLeft => self.shift(-1),
            Action::ShiftRight => self.shift(1),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => {
                self.save();
            }
            Action::Quit => {
                if self.dirty {
                    self.mode = Mode::QuitPrompt;
                } else {
                    self.quit = true;
                }
            }
            Action::Help => self.mode = Mode::Help,
            Action::ApplyFix => self.apply_fix(),
            Action::ToggleText => {
                self.show_text = !self.show_text;
                if !self.show_text && self.focus == Focus::Text {
                    self.focus = Focus::Grid;
                }
            }
        }
    }

    fn movement(&mut self, action: Action) {
        match self.focus {
            Focus::Grid => {
                let Some(t) = self.table() else { return };
                let rows = t.spec().rows.len();
                let (mut r, mut c) = self.cursor;
                match action {
                    Action::Left => c = c.saturating_sub(1),
                    Action::Right => c += 1,
                    Action::Up => r = r.saturating_sub(1),
                    Action::Down => r = (r + 1).min(rows - 1),
                    Action::PageUp => r = r.saturating_sub(10),
                    Action::PageDown => r = (r + 10).min(rows - 1),
                    _ => {}
                }
                let w = self.row_width(t, r);
                self.cursor = (r, c.min(w.saturating_sub(1)));
                self.follow = true;
            }
            Focus::Findings => {
                let n = self.table_findings().len();
                match action {
                    Action::Up => self.finding_sel = self.finding_sel.saturating_sub(1),
                    Action::Down => {
                        self.finding_sel = (self.finding_sel + 1).min(n.saturating_sub(1))
                    }
                    Action::PageUp => self.finding_sel = self.finding_sel.saturating_sub(5),
                    Action::PageDown => {
                        self.finding_sel = (self.finding_sel + 5).min(n.saturating_sub(1))
                    }
                    _ => {}
                }
            }
            Focus::Text => {
                let (first, last) = self
                    .section()
                    .map_or((1, 1), |s| (s.first_line, s.last_line));
                let cur = if self.follow {
                    self.selected_line()
                        .unwrap_or(first)
                        .saturating_sub(2)
                        .max(first)
                } else {
                    self.text_scroll
                };
                self.follow = false;
                self.text_scroll = match action {
                    Action::Up => cur.saturating_sub(1).max(first),
                    Action::Down => (cur + 1).min(last),
                    Action::PageUp => cur.saturating_sub(10).max(first),
                    Action::PageDown => (cur + 10).min(last),
                    _ => cur,
                };
            }
        }
    }

    fn start_edit(&mut self, first: Option<char>) {
        let Some(t) = self.table() else { return };
        let (r, c) = self.cursor;
        let Some(cell) = self.report.table(t).and_then(|tb| tb.cell(r, c)) else {
            self.set_message(s::NOT_EDITABLE, MessageKind::Error);
            return;
        };
        let text = match first {
            Some(ch) => ch.to_string(),
            None => cell.raw.clone(),
        };
        let mut textarea = TextArea::new(vec![text]);
        textarea.move_cursor(CursorMove::End);
        textarea.set_cursor_line_style(ratatui::style::Style::default());
        textarea.set_style(self.theme.edit);
        self.mode = Mode::Editing(Box::new(Editor {
            textarea,
            table: t,
            row: r,
            col: c,
        }));
    }

    /// Commit the edit in progress: set the cell, record it, re-check.
    pub fn commit_edit(&mut self) {
        let Mode::Editing(editor) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return;
        };
        let raw = editor.textarea.lines().join("");
        let raw = raw.trim();
        let (t, r, c) = (editor.table, editor.row, editor.col);
        let Some(before) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        if before.cells.get(c).is_some_and(|cell| cell.raw == raw) {
            return;
        }
        let old = before
            .cells
            .get(c)
            .map(|cell| cell.raw.clone())
            .unwrap_or_default();
        if self.report.set_cell(t, r, c, raw).is_none() {
            return;
        }
        let Some(after) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        let label = t.spec().rows[r].short;
        let col = crate::template::column_label(t, r, c);
        self.history.push(Change {
            table: t,
            row: r,
            col: c,
            before,
            after,
            what: format!("{label} / {col}: {old} → {raw}"),
        });
        self.journal_row(t, r);
        self.dirty = true;
        self.recheck();
        if let Some(cell) = self.report.table(t).and_then(|tb| tb.cell(r, c))
            && cell.value == CellValue::Invalid
        {
            self.set_message(
                format!("“{raw}” is not a valid number (cell.invalid)"),
                MessageKind::Error,
            );
        }
    }

    fn shift(&mut self, dir: isize) {
        if self.focus != Focus::Grid {
            return;
        }
        let Some(t) = self.table() else { return };
        let r = self.cursor.0;
        let Some(before) = self.report.shift_row(t, r, dir) else {
            return;
        };
        let Some(after) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        let dropped = if dir < 0 {
            before.cells.first()
        } else {
            before.cells.last()
        }
        .map(|c| c.raw.clone())
        .unwrap_or_default();
        let word = if dir < 0 { "left" } else { "right" };
        self.history.push(Change {
            table: t,
            row: r,
            col: self.cursor.1,
            before,
            after,
            what: format!("shift {} {word}", t.spec().rows[r].short),
        });
        self.journal_row(t, r);
        self.dirty = true;
        self.recheck();
        self.set_message(s::shifted(word, &dropped), MessageKind::Info);
    }

    fn undo(&mut self) {
        let Some(change) = self.history.undo().cloned() else {
            self.set_message(s::NOTHING_TO_UNDO, MessageKind::Info);
            return;
        };
        self.report
            .replace_row(change.table, change.row, change.before.clone());
        self.go_to_cell(change.table, change.row, change.col);
        self.dirty = true;
        self.recheck();
        self.set_message(s::undone(&change.what), MessageKind::Info);
    }

    fn redo(&mut self) {
        let Some(change) = self.history.redo().cloned() else {
            self.set_message(s::NOTHING_TO_REDO, MessageKind::Info);
            return;
        };
        self.report
            .replace_row(change.table, change.row, change.after.clone());
        self.go_to_cell(change.table, change.row, change.col);
        self.dirty = true;
        self.recheck();
        self.set_message(s::redone(&change.what), MessageKind::Info);
    }

    /// Error cells in reading order: (table, row, column).
    fn error_cells(&self) -> Vec<(TableId, usize, usize)> {
        let mut cells: Vec<(TableId, usize, usize)> = self
            .findings
            .iter()
            .filter(|f| f.is_error())
            .filter_map(|f| Some((f.table?, f.row.unwrap_or(0), f.column.unwrap_or(0))))
            .filter(|(t, _, _)| self.stops.iter().any(|s| s.table == Some(*t)))
            .collect();
        cells.sort();
        cells.dedup();
        cells
    }

    fn next_error(&mut self, forward: bool) {
        let cells = self.error_cells();
        if cells.is_empty() {
            self.set_message(s::NO_ERRORS, MessageKind::Info);
            return;
        }
        let here = (
            self.table().unwrap_or(TableId::Active),
            self.cursor.0,
            self.cursor.1,
        );
        let target = if forward {
            cells.iter().find(|c| **c > here).or(cells.first())
        } else {
            cells.iter().rev().find(|c| **c < here).or(cells.last())
        };
        if let Some(&(t, r, c)) = target {
            self.go_to_cell(t, r, c);
        }
    }

    fn jump_to_selected_finding(&mut self) {
        let Some(f) = self.table_findings().get(self.finding_sel).copied() else {
            return;
        };
        let target = f
            .table
            .map(|t| (t, f.row.unwrap_or(0), f.column.unwrap_or(0)));
        let narrative = (f.rule == rules::Rule::NarrativeMismatch)
            .then_some(f.line)
            .flatten();
        if let Some((t, r, c)) = target {
            self.go_to_cell(t, r, c);
        }
        // Show both: the cell in the grid, the sentence in the text pane.
        self.pinned_line = narrative;
    }

    /// The finding the reviewer means: the one selected in the findings
    /// panel, or in the grid the first one naming (or else involving) the
    /// cell under the cursor that has a suggestion.
    fn finding_here(&self) -> Option<&Finding> {
        let list = self.table_findings();
        if self.focus == Focus::Findings {
            return list.get(self.finding_sel).copied();
        }
        let (r, c) = self.cursor;
        let names = |f: &&Finding| {
            (f.column == Some(c)
                && (f.row == Some(r) || (f.row.is_none() && f.cells.contains(&(r, c)))))
                || (f.rule == rules::Rule::TableLayout && f.row == Some(r))
        };
        list.iter()
            .copied()
            .filter(|f| f.suggestion.is_some() || f.alternatives.is_some())
            .find(|f| names(f))
            .or_else(|| {
                list.iter()
                    .copied()
                    .find(|f| f.suggestion.is_some() && f.cells.contains(&(r, c)))
            })
    }

    /// `f`: apply the suggestion of the finding here, as one undoable edit.
    fn apply_fix(&mut self) {
        let Some(f) = self.finding_here() else {
            self.set_message(s::NO_FIX, MessageKind::Info);
            return;
        };
        let Some(suggestion) = f.suggestion.clone() else {
            let msg = f
                .alternatives
                .map_or(s::NO_FIX.to_string(), s::ambiguous_fix);
            self.set_message(msg, MessageKind::Info);
            return;
        };
        let (t, r) = (suggestion.table(), suggestion.row());
        let Some(before) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        if rules::suggest::apply(&mut self.report, &suggestion).is_none() {
            return;
        }
        let Some(after) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        let what = suggestion.describe();
        let col = match suggestion {
            rules::suggest::Suggestion::Cell { column, .. } => column,
            rules::suggest::Suggestion::Row { .. } => self.cursor.1,
        };
        self.history.push(Change {
            table: t,
            row: r,
            col,
            before,
            after,
            what: format!("fix {what}"),
        });
        self.journal_row(t, r);
        self.dirty = true;
        self.recheck();
        self.go_to_cell(t, r, col);
        self.set_message(s::fixed(&what), MessageKind::Info);
    }

    /// Write the normalized report. Returns whether it was written.
    pub fn save(&mut self) -> bool {
        let text = crate::normalize::normalize(&self.report);
        let shown = self.save_path.display().to_string();
        match crate::save::write_atomic(&self.save_path, text.as_bytes()) {
            Ok(()) => {
                self.dirty = false;
                // The edits are in the saved file now.
                self.discard_journal();
                self.set_message(s::saved(&shown), MessageKind::Info);
                true
            }
            Err(e) => {
                self.set_message(s::save_failed(&shown, &e.to_string()), MessageKind::Error);
                false
            }
        }
    }
}

/// The section walk: every section, each with the table that stands in it.
/// A table found outside any section of its kind joins the section it
/// stands in; a table section whose table is missing shows that.
fn build_stops(report: &Report) -> Vec<Stop> {
    let mut stops: Vec<Stop> = report
        .sections
        .iter()
        .enumerate()
        .map(|(i, sec)| {
            let table = TableId::ALL.into_iter().find(|&t| {
                report.table(t).is_some_and(|tb| {
                    tb.first_line >= sec.first_line && tb.first_line <= sec.last_line
                })
            });
            Stop { section: i, table }
        })
        .collect();
    // A section holding two tables (a heading lost): give the second its own stop.
    for t in TableId::ALL {
        if report.table(t).is_some() && !stops.iter().any(|s| s.table == Some(t)) {
            let sec = report
                .table(t)
                .and_then(|tb| report.section_of_line(tb.first_line))
                .unwrap_or(0);
            let at = stops
                .iter()
                .rposition(|s| s.section == sec)
                .map_or(stops.len(), |i| i + 1);
            stops.insert(
                at,
                Stop {
                    section: sec,
                    table: Some(t),
                },
            );
        }
    }
    if stops.is_empty() {
        stops.push(Stop {
            section: 0,
            table: None,
        });
    }
    let _ = SectionKind::Title;
    stops
}
