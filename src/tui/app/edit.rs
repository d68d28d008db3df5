//! Changing the report: the cell editor, the line editor, row shifts,
//! fixes, undo and redo; every change is one history entry and one journal
//! record.

use crate::cell::CellValue;
use crate::rules;
use ratatui_textarea::{CursorMove, TextArea};

use super::super::history::{Change, Edit};
use super::super::strings as s;
use super::{App, Editor, Focus, LineEditor, MessageKind, Mode};

impl App {
    pub(super) fn start_edit(&mut self, first: Option<char>) {
        let Some(t) = self.table() else { return };
        let (r, c) = self.cursor;
        let Some(cell) = self.report.table(t).and_then(|tb| tb.cell(r, c)) else {
            self.set_message(s::t(crate::i18n::Key::TuiNotEditable), MessageKind::Error);
            return;
        };
        let text = match first {
            Some(ch) => ch.to_string(),
            None => cell.raw.to_string(),
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
        self.set_cell_recorded(t, r, c, raw);
    }

    /// Set one cell as one undoable, journalled change.
    pub(super) fn set_cell_recorded(&mut self, t: crate::TableId, r: usize, c: usize, raw: &str) {
        let Some(before) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        if before.cells.get(c).is_some_and(|cell| cell.raw == raw) {
            return;
        }
        let old = before
            .cells
            .get(c)
            .map(|cell| cell.raw.to_string())
            .unwrap_or_default();
        if self.report.set_cell(t, r, c, raw).is_none() {
            return;
        }
        let Some(after) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        let label = t.spec().rows[r].short;
        let col = crate::template::column_label(t, r, c);
        self.record(Change {
            edit: Edit::Row {
                table: t,
                row: r,
                col: c,
                before,
                after,
            },
            what: format!("{label} / {col}: {old} → {raw}"),
        });
        if let Some(cell) = self.report.table(t).and_then(|tb| tb.cell(r, c))
            && cell.value == CellValue::Invalid
        {
            self.set_message(s::invalid_number(raw), MessageKind::Error);
        }
    }

    /// Pasted text: in the grid, a tab-separated row fills the cells from
    /// the cursor to the right, as one undoable change (elsewhere, and
    /// while typing, it is typed).
    pub fn on_paste(&mut self, text: &str) {
        if matches!(self.mode, Mode::Normal) && self.refused_read_only() {
            return;
        }
        match &mut self.mode {
            Mode::Editing(e) => {
                // A cell takes the first field.
                let first = text.lines().next().unwrap_or("");
                e.textarea
                    .insert_str(first.split('\t').next().unwrap_or(""));
                return;
            }
            Mode::EditingLine(e) => {
                e.textarea.insert_str(text.lines().next().unwrap_or(""));
                return;
            }
            Mode::Normal => {}
            _ => return,
        }
        let (Some(t), Focus::Grid) = (self.table(), self.focus) else {
            return;
        };
        let (r, c0) = self.cursor;
        let values: Vec<&str> = text
            .lines()
            .next()
            .unwrap_or("")
            .split('\t')
            .map(str::trim)
            .collect();
        let Some(before) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        let width = before.cells.len();
        let mut n = 0;
        for (i, v) in values.iter().enumerate() {
            if c0 + i >= width {
                break;
            }
            if self.report.set_cell(t, r, c0 + i, v).is_some() {
                n += 1;
            }
        }
        let Some(after) = self.report.table(t).and_then(|tb| tb.rows.get(r)).cloned() else {
            return;
        };
        if n == 0 || after == before {
            return;
        }
        self.record(Change {
            edit: Edit::Row {
                table: t,
                row: r,
                col: c0,
                before,
                after,
            },
            what: s::pasted(n),
        });
        self.set_message(s::pasted(n), MessageKind::Info);
    }

    /// A change made: into the history and the journal, then re-check.
    fn record(&mut self, change: Change) {
        self.journal_edit(&change.edit, true);
        self.history.push(change);
        self.dirty = !self.history.at_saved();
        self.recheck();
    }

    /// Start editing text line `line` in place.
    pub(super) fn start_line_edit(&mut self, line: usize) {
        let Some(text) = self.report.line(line) else {
            return;
        };
        let mut textarea = TextArea::new(vec![text.to_string()]);
        textarea.move_cursor(CursorMove::End);
        textarea.set_cursor_line_style(ratatui::style::Style::default());
        textarea.set_style(self.theme.edit);
        self.mode = Mode::EditingLine(Box::new(LineEditor { textarea, line }));
    }

    /// Commit the line edit in progress: one undoable, journalled change;
    /// the narrative rules run again at once.
    pub fn commit_line_edit(&mut self) {
        let Mode::EditingLine(editor) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return;
        };
        let text = editor.textarea.lines().join("");
        let n = editor.line;
        let Some(before) = self.report.line(n).map(str::to_string) else {
            return;
        };
        if before == text {
            return;
        }
        crate::parse::facts::edit_line(&mut self.report, n, &text);
        self.record(Change {
            edit: Edit::Line {
                line: n,
                before: before.clone(),
                after: text.clone(),
            },
            what: s::line_edited(n),
        });
        self.text_line = n;
        self.set_message(s::line_edited(n), MessageKind::Info);
    }

    pub(super) fn shift(&mut self, dir: isize) {
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
        .map(|c| c.raw.to_string())
        .unwrap_or_default();
        let left = dir < 0;
        self.record(Change {
            edit: Edit::Row {
                table: t,
                row: r,
                col: self.cursor.1,
                before,
                after,
            },
            what: s::what_shift(left, t.spec().rows[r].short),
        });
        self.set_message(s::shifted(left, &dropped), MessageKind::Info);
    }

    /// Put one side of an edit back into the report and show where.
    fn put(&mut self, edit: &Edit, after: bool) {
        match edit {
            Edit::Row {
                table,
                row,
                col,
                before,
                after: a,
            } => {
                let value = if after { a } else { before };
                self.report.replace_row(*table, *row, value.clone());
                self.go_to_cell(*table, *row, *col);
            }
            Edit::Line {
                line,
                before,
                after: a,
            } => {
                let value = if after { a } else { before };
                crate::parse::facts::edit_line(&mut self.report, *line, value);
                if let Some(st) = self.stop_of_line(*line) {
                    self.enter_stop(st);
                }
                self.focus_text_line(*line);
            }
        }
        self.journal_edit(edit, after);
        self.dirty = !self.history.at_saved();
        if !self.dirty {
            // Back where the file was saved: nothing to restore later.
            self.discard_journal();
        }
        self.recheck();
    }

    pub(super) fn undo(&mut self) {
        let Some(change) = self.history.undo().cloned() else {
            self.set_message(s::t(crate::i18n::Key::TuiNothingToUndo), MessageKind::Info);
            return;
        };
        self.put(&change.edit, false);
        self.set_message(s::undone(&change.what), MessageKind::Info);
    }

    pub(super) fn redo(&mut self) {
        let Some(change) = self.history.redo().cloned() else {
            self.set_message(s::t(crate::i18n::Key::TuiNothingToRedo), MessageKind::Info);
            return;
        };
        self.put(&change.edit, true);
        self.set_message(s::redone(&change.what), MessageKind::Info);
    }

    /// `f`: apply the suggestion of the finding here, as one undoable edit.
    pub(super) fn apply_fix(&mut self) {
        let Some(f) = self.finding_here() else {
            self.set_message(s::t(crate::i18n::Key::TuiNoFix), MessageKind::Info);
            return;
        };
        let Some(suggestion) = f.suggestion.clone() else {
            let msg = f.alternatives.map_or(
                s::t(crate::i18n::Key::TuiNoFix).to_string(),
                s::ambiguous_fix,
            );
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
        self.record(Change {
            edit: Edit::Row {
                table: t,
                row: r,
                col,
                before,
                after,
            },
            what: s::what_fix(&what),
        });
        self.go_to_cell(t, r, col);
        self.set_message(s::fixed(&what), MessageKind::Info);
    }
}
