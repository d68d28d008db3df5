//! Keeping the edits: the journal (restored, recorded, discarded) and the
//! normalized file.

use super::super::history::Edit;

use std::path::Path;

use super::super::strings as s;
use super::{App, MessageKind, Mode, SavedCopy};
use crate::journal::{Journal, content_hash};

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
            let msg = s::journal_failed(&crate::i18n::IoReason(&e).to_string());
            self.set_message(msg, MessageKind::Warning);
        }
    }

    pub(super) fn discard_journal(&mut self) {
        if let Some(j) = self.journal.as_mut() {
            j.discard();
        }
    }

    /// What the screen opened: the input's bytes (their hash is compared
    /// before each `s`), the output as it stands (never replaced without a
    /// word if it changes), and the saved copy: when the output exists and
    /// differs from what the input reads as, the reviewer is asked whether
    /// to continue from it. `journal_dir`: where this screen journals
    /// (none when read-only); the journal of the start chosen is attached.
    pub fn open_files(&mut self, input: &Path, bytes: &[u8], journal_dir: Option<&Path>) {
        self.input = Some((input.to_path_buf(), content_hash(bytes)));
        let journal = |p: &Path, b: &[u8]| journal_dir.map(|d| Journal::new(d, p, b));
        let input_journal = journal(input, bytes);
        if self.save_path == input {
            self.output_known = Some(content_hash(bytes));
            if let Some(j) = input_journal {
                self.attach_journal(j);
            }
            return;
        }
        let out = self.save_path.clone();
        let saved = std::fs::metadata(&out)
            .is_ok_and(|m| m.is_file())
            .then(|| std::fs::read(&out).ok())
            .flatten();
        self.output_known = saved.as_deref().map(content_hash);
        let fresh = crate::normalize::normalize(&self.report);
        let copy = saved
            .filter(|b| b.as_slice() != fresh.as_bytes())
            .and_then(|b| crate::load(&out).ok().map(|r| (r, b)));
        match copy {
            Some((report, b)) => {
                self.saved_copy = Some(Box::new(SavedCopy {
                    report,
                    copy_journal: journal(&out, &b),
                    path: out,
                    input_journal,
                }));
                self.mode = Mode::SavedCopyPrompt;
            }
            None => {
                if let Some(j) = input_journal {
                    self.attach_journal(j);
                }
            }
        }
    }

    /// The saved-copy prompt: continue from the copy (`true`) or start
    /// from the input.
    pub(super) fn choose_start(&mut self, from_copy: bool) {
        self.mode = Mode::Normal;
        let Some(copy) = self.saved_copy.take() else {
            return;
        };
        let SavedCopy {
            report,
            path,
            copy_journal,
            input_journal,
        } = *copy;
        let journal = if from_copy {
            self.report = report;
            self.start_on_report();
            let shown = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.set_message(s::continued_from(&shown), MessageKind::Info);
            copy_journal
        } else {
            self.set_message(
                s::t(crate::i18n::Key::TuiStartedFromInput),
                MessageKind::Info,
            );
            input_journal
        };
        if let Some(j) = journal {
            self.attach_journal(j);
        }
    }

    /// Why `s` should ask first: the input changed or is gone since it was
    /// opened; the output holds something this screen neither loaded nor
    /// saved (another program wrote it). Empty: nothing to ask.
    fn save_risks(&self, text: &[u8]) -> Vec<String> {
        let mut why = Vec::new();
        if let Some((input, hash)) = &self.input
            && *input != self.save_path
        {
            match std::fs::read(input) {
                Ok(b) if content_hash(&b) == *hash => {}
                Ok(_) => why.push(s::t(crate::i18n::Key::TuiInputChanged).to_string()),
                Err(_) => why.push(s::t(crate::i18n::Key::TuiInputGone).to_string()),
            }
        }
        let now = std::fs::metadata(&self.save_path)
            .is_ok_and(|m| m.is_file())
            .then(|| std::fs::read(&self.save_path).ok())
            .flatten();
        let changed = match (&now, &self.output_known) {
            (None, _) => false,
            (Some(b), _) if b.as_slice() == text => false,
            (Some(b), Some(known)) => content_hash(b) != *known,
            (Some(_), None) => true,
        };
        if changed {
            why.push(s::t(crate::i18n::Key::TuiOutputChanged).to_string());
        }
        why
    }

    /// `s`: write the normalized report, asking first when the input or
    /// the output changed on disk (see [`App::save_risks`]). Returns
    /// whether it was written.
    pub fn save(&mut self) -> bool {
        self.save_asking(false)
    }

    /// `s`, and quit after it is written (the quit prompt's `s`).
    pub(super) fn save_asking(&mut self, then_quit: bool) -> bool {
        let text = crate::normalize::normalize(&self.report);
        let reasons = self.save_risks(text.as_bytes());
        if !reasons.is_empty() {
            self.mode = Mode::ConfirmSave { reasons, then_quit };
            return false;
        }
        self.write(&text)
    }

    /// The save prompt's yes: write whatever changed on disk.
    pub(super) fn save_anyway(&mut self) -> bool {
        let text = crate::normalize::normalize(&self.report);
        self.write(&text)
    }

    /// Write the normalized report (save.rs's rules: an output already
    /// holding these bytes is left as is; anything else was agreed to).
    fn write(&mut self, text: &str) -> bool {
        let shown = self.save_path.display().to_string();
        match crate::save::write_output(&self.save_path, text.as_bytes(), true) {
            Ok(_) => {
                self.dirty = false;
                self.history.mark_saved();
                self.output_known = Some(content_hash(text.as_bytes()));
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
