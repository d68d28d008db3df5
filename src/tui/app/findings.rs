//! Findings as places to go: where each finding is shown (a cell, a text
//! line, or the report-level list), the walk `n`/`N` take through all of
//! them, and which finding is "selected" for the detail line and `f`.

use crate::TableId;
use crate::rules::{self, Finding};

use super::super::strings as s;
use super::{App, Focus, MessageKind};

/// Where a finding is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A cell of a table on screen.
    Cell(TableId, usize, usize),
    /// A line of the text (a narrative claim, an empty section's heading,
    /// the old template's first marker).
    Line(usize),
    /// Neither: the report-level list of the findings panel.
    List,
}

/// A finding's place in the walk: its stop, cell (0) / line (1) / list
/// (2), then row and column, line, or index.
type WalkKey = (usize, u8, usize, usize);

/// Findings about the report as a whole: listed in every findings panel.
pub fn is_report_level(f: &Finding) -> bool {
    f.table.is_none() || f.rule == rules::Rule::TableMissing
}

impl App {
    /// Where finding `f` is shown.
    pub fn place(&self, f: &Finding) -> Place {
        let on_screen = |t: TableId| self.stops.iter().any(|s| s.table == Some(t));
        if f.rule == rules::Rule::NarrativeMismatch
            && let Some(l) = f.line
        {
            return Place::Line(l);
        }
        if let Some(t) = f.table
            && f.rule != rules::Rule::TableMissing
            && on_screen(t)
        {
            return Place::Cell(t, f.row.unwrap_or(0), f.column.unwrap_or(0));
        }
        match f.line {
            Some(l) if l >= 1 && l <= self.report.lines.len() => Place::Line(l),
            _ => Place::List,
        }
    }

    /// The stop showing line `l` (the first stop of its section).
    pub(super) fn stop_of_line(&self, l: usize) -> Option<usize> {
        let sec = self.report.section_of_line(l)?;
        self.stops.iter().position(|s| s.section == sec)
    }

    /// The stop where a report-level finding belongs in reading order: a
    /// missing table at its section, a missing section where the template
    /// puts it, the rest at the end.
    pub(super) fn list_stop(&self, f: &Finding) -> usize {
        let kind_stop = |kind: crate::SectionKind| {
            self.stops.iter().position(|st| {
                self.report
                    .sections
                    .get(st.section)
                    .is_some_and(|sec| sec.kind == kind)
            })
        };
        if f.rule == rules::Rule::TableMissing
            && let Some(t) = f.table
            && let Some(kind) = crate::SectionKind::NUMBERED
                .into_iter()
                .find(|k| k.table() == Some(t))
            && let Some(i) = kind_stop(kind)
        {
            return i;
        }
        self.stops.len()
    }

    /// Every finding, in the order `n` visits them: indexes into
    /// `findings`, by stop, then cells before lines before the list; of
    /// the findings at one place, errors before warnings.
    pub fn walk(&self) -> Vec<usize> {
        let mut keyed: Vec<(WalkKey, bool, usize)> = self
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| (self.key_of(i), !f.is_error(), i))
            .collect();
        keyed.sort();
        keyed.into_iter().map(|(_, _, i)| i).collect()
    }

    /// Findings shown in the panel: those of the current table, then the
    /// report-level ones (on every stop).
    pub fn table_findings(&self) -> Vec<&Finding> {
        let table = self.table();
        let own = self
            .findings
            .iter()
            .filter(|f| table.is_some() && f.table == table && !is_report_level(f));
        let report = self.findings.iter().filter(|f| is_report_level(f));
        own.chain(report).collect()
    }

    /// `n` / `N`: the next (previous) finding of all, wrapping, with its
    /// position ("3/7") on the status line.
    pub(super) fn next_finding(&mut self, forward: bool) {
        let walk = self.walk();
        if walk.is_empty() {
            self.set_message(s::t(crate::i18n::Key::TuiNoFindingsLeft), MessageKind::Info);
            return;
        }
        let n = walk.len();
        let pos = match self.walk_at.and_then(|i| walk.iter().position(|&w| w == i)) {
            Some(p) if forward => (p + 1) % n,
            Some(p) => (p + n - 1) % n,
            None => {
                // From the cursor: the first finding past it.
                let here = self.here_key();
                let keys: Vec<_> = walk.iter().map(|&i| self.key_of(i)).collect();
                if forward {
                    keys.iter().position(|k| *k > here).unwrap_or(0)
                } else {
                    keys.iter().rposition(|k| *k < here).unwrap_or(n - 1)
                }
            }
        };
        let i = walk[pos];
        self.visit(i);
        self.walk_at = Some(i);
        if let Some(f) = self.findings.get(i) {
            let msg = s::walk_position(pos + 1, n, f.is_error(), s::rule_name(f.rule));
            self.set_message(msg, MessageKind::Info);
        }
    }

    fn key_of(&self, i: usize) -> WalkKey {
        let Some(f) = self.findings.get(i) else {
            return (usize::MAX, 0, 0, 0);
        };
        match self.place(f) {
            Place::Cell(t, r, c) => {
                let stop = self.stops.iter().position(|s| s.table == Some(t));
                (stop.unwrap_or(0), 0, r, c)
            }
            Place::Line(l) => (self.stop_of_line(l).unwrap_or(0), 1, l, 0),
            Place::List => (self.list_stop(f), 2, i, 0),
        }
    }

    /// Where the reviewer is, in the walk's terms.
    fn here_key(&self) -> WalkKey {
        match (self.table(), self.focus) {
            (Some(_), Focus::Grid | Focus::Findings) => {
                (self.stop, 0, self.cursor.0, self.cursor.1)
            }
            _ => (self.stop, 1, self.text_scroll, 0),
        }
    }

    /// Show finding `i` where it is: the cell, the line, or the list.
    pub(super) fn visit(&mut self, i: usize) {
        let Some(f) = self.findings.get(i).cloned() else {
            return;
        };
        match self.place(&f) {
            Place::Cell(t, r, c) => self.go_to_cell(t, r, c),
            Place::Line(l) => {
                // A claim about a table: its cell in the grid, the sentence
                // in the text pane.
                match f
                    .table
                    .filter(|t| self.stops.iter().any(|s| s.table == Some(*t)))
                {
                    Some(t) => self.go_to_cell(t, f.row.unwrap_or(0), f.column.unwrap_or(0)),
                    None => {
                        if let Some(st) = self.stop_of_line(l) {
                            self.enter_stop(st);
                        }
                    }
                }
                self.pinned_line = Some(l);
                self.text_scroll = l;
                self.focus_text_line(l);
            }
            Place::List => {
                if let Some(st) = (f.rule == rules::Rule::TableMissing)
                    .then(|| self.list_stop(&f))
                    .filter(|&st| st < self.stops.len())
                {
                    self.enter_stop(st);
                }
                self.focus = Focus::Findings;
            }
        }
        if let Some(k) = self
            .table_findings()
            .iter()
            .position(|g| std::ptr::eq(*g, &self.findings[i]))
        {
            self.finding_sel = k;
        }
    }

    /// Enter on a finding in the panel: go where it is shown.
    pub(super) fn jump_to_selected_finding(&mut self) {
        let Some(f) = self.table_findings().get(self.finding_sel).copied() else {
            return;
        };
        let Some(i) = self.findings.iter().position(|g| std::ptr::eq(g, f)) else {
            return;
        };
        let sel = self.finding_sel;
        self.visit(i);
        self.walk_at = Some(i);
        if self.place(&self.findings[i]) == Place::List {
            self.finding_sel = sel;
        }
    }

    /// The finding the detail line shows: the one selected in the panel,
    /// the one `n` went to, or one naming the cell under the cursor.
    pub fn selected_finding(&self) -> Option<&Finding> {
        if self.focus == Focus::Findings {
            return self.table_findings().get(self.finding_sel).copied();
        }
        if let Some(f) = self.walk_at.and_then(|i| self.findings.get(i)) {
            return Some(f);
        }
        if let Some(f) = self.finding_here() {
            return Some(f);
        }
        let t = self.table()?;
        let (r, c) = self.cursor;
        // An error before a warning about the same cell.
        self.findings
            .iter()
            .filter(|f| {
                f.table == Some(t)
                    && ((f.row == Some(r) && f.column == Some(c)) || f.cells.contains(&(r, c)))
            })
            .min_by_key(|f| !f.is_error())
    }

    /// The finding the reviewer means for `f`: the one selected in the
    /// panel or visited by `n`, or in the grid the first one naming (or
    /// else involving) the cell under the cursor that has a suggestion.
    pub(super) fn finding_here(&self) -> Option<&Finding> {
        let list = self.table_findings();
        if self.focus == Focus::Findings {
            return list.get(self.finding_sel).copied();
        }
        if let Some(f) = self.walk_at.and_then(|i| self.findings.get(i))
            && (f.suggestion.is_some() || f.alternatives.is_some())
        {
            return Some(f);
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
}
