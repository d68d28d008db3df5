//! The report model: source lines, sections, and the three standard tables as
//! fixed grids of cells in template order. No I/O, no terminal code.

use crate::cell::{CellValue, parse_value};
use crate::template::{CellKind, SectionKind, TableId};

/// One cell of a standard table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: CellValue,
    /// The text as found in the file (trimmed), or as the reviewer typed it.
    pub raw: String,
    /// 1-based source line the cell came from, when it came from the file.
    pub line: Option<usize>,
}

impl Cell {
    pub fn missing() -> Self {
        Cell {
            value: CellValue::Missing,
            raw: String::new(),
            line: None,
        }
    }

    pub fn from_raw(raw: &str, kind: CellKind, line: Option<usize>) -> Self {
        let raw = raw.trim().to_string();
        Cell {
            value: parse_value(&raw, kind),
            raw,
            line,
        }
    }

    /// The cell as an integer for the rules: blank reads as 0; invalid,
    /// missing and amounts give `None`.
    pub fn count(&self) -> Option<i64> {
        self.value.count()
    }
}

/// A row whose number of value cells did not match the template.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutIssue {
    pub found: usize,
    pub expected: usize,
    /// Values found beyond the template's width (kept so nothing is lost).
    pub extra: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Whether the row was found in the file at all.
    pub found: bool,
    /// 1-based line of the row's label (or first value) in the file.
    pub line: Option<usize>,
    pub layout: Option<LayoutIssue>,
}

impl Row {
    pub fn empty(width: usize) -> Self {
        Row {
            cells: vec![Cell::missing(); width],
            found: false,
            line: None,
            layout: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: TableId,
    pub rows: Vec<Row>,
    /// 1-based inclusive range of source lines the table occupies.
    pub first_line: usize,
    pub last_line: usize,
    /// Prose lines that stand inside the table's span (a note under a
    /// table, say): they stay narrative and are written after the table.
    pub prose_lines: Vec<usize>,
}

impl Table {
    pub fn new(id: TableId) -> Self {
        let rows = id.spec().rows.iter().map(|r| Row::empty(r.width)).collect();
        Table {
            id,
            rows,
            first_line: 0,
            last_line: 0,
            prose_lines: Vec::new(),
        }
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.cells.get(col))
    }

    pub fn count(&self, row: usize, col: usize) -> Option<i64> {
        self.cell(row, col).and_then(Cell::count)
    }

    pub fn rows_found(&self) -> usize {
        self.rows.iter().filter(|r| r.found).count()
    }
}

/// A section of the report: the title block or one of the six numbered ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    /// The heading as written (without markdown `#`), or the canonical name
    /// for the title block.
    pub heading: String,
    /// 1-based line of the heading (first line for the title block).
    pub line: usize,
    /// 1-based inclusive line range of the whole section.
    pub first_line: usize,
    pub last_line: usize,
}

/// A block of the report in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// A narrative line, kept verbatim (1-based line number).
    Narrative(usize),
    /// One of the standard tables.
    Table(TableId),
}

/// A parsed report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The source lines as decoded (no line terminators).
    pub lines: Vec<String>,
    /// Name of the encoding the file was read as.
    pub encoding: String,
    pub sections: Vec<Section>,
    /// Indexed by `TableId as usize`; `None` when the table was not found.
    pub tables: [Option<Table>; 3],
    /// Figures the narrative states (found once, when the report is read).
    pub claims: Vec<crate::narrative::Claim>,
    /// Markers of the 2019 trial format and the line of the first (found
    /// once, when the report is read).
    pub old_format: (Vec<&'static str>, Option<usize>),
    /// For a Word or web document: where each text line came from
    /// (`paragraph 12`, `table 2 row 5`); empty for text files.
    pub origins: Vec<String>,
}

impl Report {
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables[id as usize].as_ref()
    }

    pub fn table_mut(&mut self, id: TableId) -> Option<&mut Table> {
        self.tables[id as usize].as_mut()
    }

    /// Where a 1-based line came from in a Word or web document.
    pub fn origin(&self, line: usize) -> Option<&str> {
        line.checked_sub(1)
            .and_then(|i| self.origins.get(i))
            .map(String::as_str)
    }

    /// The 1-based source line text.
    pub fn line(&self, n: usize) -> Option<&str> {
        n.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map(String::as_str)
    }

    /// The blocks in reading order: every line not inside a table's span is
    /// narrative; each found table stands where it started.
    pub fn blocks(&self) -> Vec<Block> {
        let mut spans: Vec<(usize, usize, TableId, &[usize])> = self
            .tables
            .iter()
            .flatten()
            .filter(|t| t.first_line > 0)
            .map(|t| (t.first_line, t.last_line, t.id, t.prose_lines.as_slice()))
            .collect();
        spans.sort();
        let mut blocks = Vec::with_capacity(self.lines.len());
        let mut next = spans.iter().peekable();
        let mut n = 1;
        while n <= self.lines.len() {
            if let Some(&&(first, last, id, prose)) = next.peek()
                && n >= first
            {
                blocks.push(Block::Table(id));
                blocks.extend(prose.iter().map(|&l| Block::Narrative(l)));
                n = n.max(last + 1);
                next.next();
                continue;
            }
            blocks.push(Block::Narrative(n));
            n += 1;
        }
        // Tables found without a source position (never in practice) go last.
        for t in self.tables.iter().flatten().filter(|t| t.first_line == 0) {
            blocks.push(Block::Table(t.id));
        }
        blocks
    }

    /// Which section a 1-based line belongs to.
    pub fn section_of_line(&self, line: usize) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.first_line <= line && line <= s.last_line)
    }

    /// Set a cell from text, as the reviewer typed it. Returns the previous
    /// cell, or `None` when the address does not exist.
    pub fn set_cell(&mut self, id: TableId, row: usize, col: usize, raw: &str) -> Option<Cell> {
        let kind = id.spec().rows.get(row)?.kind;
        let table = self.table_mut(id)?;
        let r = table.rows.get_mut(row)?;
        let cell = r.cells.get_mut(col)?;
        let line = cell.line.or(r.line);
        let old = std::mem::replace(cell, Cell::from_raw(raw, kind, line));
        r.found = true;
        Some(old)
    }

    /// Shift a row's values one column left (`-1`) or right (`+1`). The cell
    /// shifted out is returned so the caller can undo; the cell shifted in is
    /// missing. Values keep their source lines.
    pub fn shift_row(&mut self, id: TableId, row: usize, dir: isize) -> Option<Row> {
        let table = self.table_mut(id)?;
        let r = table.rows.get_mut(row)?;
        let before = r.clone();
        if r.cells.is_empty() {
            return Some(before);
        }
        let kind = id.spec().rows.get(row).map_or(CellKind::Count, |r| r.kind);
        let blank = Cell::from_raw("", kind, r.line);
        if dir < 0 {
            r.cells.remove(0);
            r.cells.push(blank);
        } else {
            r.cells.pop();
            r.cells.insert(0, blank);
        }
        r.layout = None;
        Some(before)
    }

    /// Replace the text of 1-based line `n` (the reviewer's edit of a
    /// narrative line) and read the narrative's claims again. Returns the
    /// previous text, or `None` when there is no such line.
    pub fn set_line(&mut self, n: usize, text: &str) -> Option<String> {
        let slot = n.checked_sub(1).and_then(|i| self.lines.get_mut(i))?;
        let old = std::mem::replace(slot, text.to_string());
        self.claims = crate::narrative::extract(self);
        Some(old)
    }

    /// Replace a whole row (used by undo).
    pub fn replace_row(&mut self, id: TableId, row: usize, value: Row) -> Option<Row> {
        let table = self.table_mut(id)?;
        let r = table.rows.get_mut(row)?;
        Some(std::mem::replace(r, value))
    }
}
