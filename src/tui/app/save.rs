//! Keeping the edits: the journal (restored, recorded, discarded) and the
//! normalized file.

use super::super::history::Edit;

use super::super::strings as s;
use super::{App, MessageKind};

impl App {
    /// Become the file's one writer (the lock in `dir`, the journal
    /// folder), or read-only when another screen is: then nothing may be
    /// edited, journalled or saved. Returns whether this screen is the
    /// writer; only a writer should attach the journal. A lock that cannot
    /// be taken at all (an unwritable data folder) does not stop the work.
    pub fn take_lock(&mut self, dir: &std::path::Path, file: &std::path::Path) -> bool {
        match crate::lock::acquire(dir, file) {
            Ok(crate::lock::Acquired::Held(lock)) => {
                self.lock = Some(lock);
                true
            }
            Ok(crate::lock::Acquired::Busy(holder)) => {
                let why = s::read_only(holder.as_ref());
                self.read_only = Some(why.clone());
                self.set_message(why, MessageKind::Warning);
                false
            }
            Err(_) => true,
        }
    }

    /// In a read-only screen: refuse (with who holds the file). Returns
    /// whether the change was refused.
    pub(super) fn refused_read_only(&mut self) -> bool {
        let Some(why) = self.read_only.clone() else {
            return false;
        };
        self.message = Some((why, MessageKind::Error));
        true
    }

    pub(super) fn restore_journal(&mut self) {
        if let Some(j) = self.journal.as_mut() {
            let n = j.restore(&mut self.report);
            self.dirty = n > 0;
            if n > 0 {
                self.history.forget_saved();
            }
            self.recheck();
            self.set_message(s::restored(n), MessageKind::Info);
        }
    }

    /// Journal the state one side of an edit left. A failure is shown (and
    /// stays until read), not fatal.
    pub(super) fn journal_edit(&mut self, edit: &Edit, after: bool) {
        let Some(j) = self.journal.as_mut() else {
            return;
        };
        let result = match edit {
            Edit::Row { table, row, .. } => {
                let Some(r) = self.report.table(*table).and_then(|tb| tb.rows.get(*row)) else {
                    return;
                };
                j.record(*table, *row, r)
            }
            Edit::Line {
                line,
                before,
                after: a,
            } => j.record_line(*line, if after { a } else { before }),
        };
        if let Err(e) = result {
            let msg = s::journal_failed(&e.to_string());
            self.set_message(msg, MessageKind::Warning);
        }
    }

    pub(super) fn discard_journal(&mut self) {
        if let Some(j) = self.journal.as_mut() {
            j.discard();
        }
    }

    /// Write the normalized report. Returns whether it was written.
    pub fn save(&mut self) -> bool {
        let text = crate::normalize::normalize(&self.report);
        let shown = self.save_path.display().to_string();
        match crate::save::write_atomic(&self.save_path, text.as_bytes()) {
            Ok(()) => {
                self.dirty = false;
                self.history.mark_saved();
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
