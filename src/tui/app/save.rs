//! Keeping the edits: the journal (restored, recorded, discarded) and the
//! normalized file.

use crate::TableId;

use super::super::strings as s;
use super::{App, MessageKind};

impl App {
    pub(super) fn restore_journal(&mut self) {
        if let Some(j) = self.journal.as_mut() {
            let n = j.restore(&mut self.report);
            self.dirty = n > 0;
            self.recheck();
            self.set_message(s::restored(n), MessageKind::Info);
        }
    }

    /// Journal the row a change touched. A failure is shown, not fatal.
    pub(super) fn journal_row(&mut self, t: TableId, r: usize) {
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
