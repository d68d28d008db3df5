//! Undo and redo: every edit and shift is stored as the whole row before and
//! after, so undo restores exactly the row that changed.

use crate::{Row, TableId};

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub table: TableId,
    pub row: usize,
    pub col: usize,
    pub before: Row,
    pub after: Row,
    /// What the change was, for the status line.
    pub what: String,
}

#[derive(Debug, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
}

impl History {
    pub fn push(&mut self, change: Change) {
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
}
