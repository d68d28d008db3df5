//! Undo and redo: every edit of a table is stored as the whole row before
//! and after, every edit of the text as the line before and after, so undo
//! restores exactly what changed. The history also knows which point of it
//! was saved, so "unsaved edits" is exact after undo and redo.

use crate::{Row, TableId};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A row of a table (a cell typed, a fix, a shift).
    Row {
        table: TableId,
        row: usize,
        col: usize,
        before: Row,
        after: Row,
    },
    /// A line of the text (1-based).
    Line {
        line: usize,
        before: String,
        after: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub edit: Edit,
    /// What the change was, for the status line.
    pub what: String,
}

#[derive(Debug)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
    /// How many changes were done when the file was last saved (or
    /// opened); `None` once that state can no longer be reached.
    saved: Option<usize>,
}

impl Default for History {
    fn default() -> Self {
        History {
            done: Vec::new(),
            undone: Vec::new(),
            saved: Some(0),
        }
    }
}

impl History {
    pub fn push(&mut self, change: Change) {
        // The saved state was among the undone changes: gone for good.
        if self.saved.is_some_and(|s| s > self.done.len()) {
            self.saved = None;
        }
        self.done.push(change);
        self.undone.clear();
    }

    pub fn undo(&mut self) -> Option<&Change> {
        let c = self.done.pop()?;
        self.undone.push(c);
        self.undone.last()
    }

    pub fn redo(&mut self) -> Option<&Change> {
        let c = self.undone.pop()?;
        self.done.push(c);
        self.done.last()
    }

    /// The report as it is now was saved.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.done.len());
    }

    /// Is the report where it was when last saved (or opened)?
    pub fn at_saved(&self) -> bool {
        self.saved == Some(self.done.len())
    }

    /// The saved state can no longer be reached by undo or redo (edits
    /// restored from the journal are not in the history).
    pub fn forget_saved(&mut self) {
        self.saved = None;
    }
}
