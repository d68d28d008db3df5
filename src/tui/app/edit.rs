//! Changing the report: the cell editor, row shifts, fixes, undo and redo;
//! every change is one history entry and one journal record.

use crate::cell::CellValue;
use crate::rules;
use ratatui_textarea::{CursorMove, TextArea};

use super::super::history::Change;
use super::super::strings as s;
use super::{App, Editor, Focus, MessageKind, Mode};

impl App {
    pub(super) fn start_edit(&mut self, first: Option<char>) {
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

    pub(super) fn undo(&mut self) {
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

    pub(super) fn redo(&mut self) {
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

    /// `f`: apply the suggestion of the finding here, as one undoable edit.
    pub(super) fn apply_fix(&mut self) {
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
}
