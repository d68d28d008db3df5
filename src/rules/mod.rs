//! The rules: the template's arithmetic plus the cell and table checks.
//!
//! Every finding names the cell the reviewer must look at (0-based row and
//! column in template order) and the cells involved, so a UI can tint them.
//! Re-running all rules on a report costs a few hundred additions, so the
//! TUI simply re-runs them after every edit.

pub(crate) mod arith;
pub(crate) mod completeness;
pub(crate) mod consistency;
pub mod message;
pub(crate) mod rule;
pub mod suggest;

use crate::cell::CellValue;
use crate::model::{Report, Table};
use crate::template::TableId;
use serde::Serialize;

pub use message::Message;
pub use rule::{Family, Rule, Severity};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub table: Option<TableId>,
    pub row: Option<usize>,
    pub column: Option<usize>,
    pub expected: Option<i64>,
    pub actual: Option<i64>,
    /// 1-based source line of the named cell (or row).
    pub line: Option<usize>,
    /// What it says, as data: rendered in the language asked for (JSON:
    /// always Chinese).
    pub message: Message,
    /// Every cell the rule looked at, `(row, column)`: the UI tints them.
    #[serde(skip)]
    pub cells: Vec<(usize, usize)>,
    /// The one fix that explains this finding's cluster, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<suggest::Suggestion>,
    /// How many single-cell fixes would do, when more than one would (and
    /// so none is suggested).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<usize>,
    /// The fixes counted in `alternatives` (at most
    /// [`suggest::MAX_CANDIDATES`]), for a reviewer to choose from.
    #[serde(skip)]
    pub candidates: Vec<suggest::Suggestion>,
}

impl Finding {
    pub(crate) fn new(rule: Rule, table: TableId, message: Message) -> Self {
        Finding {
            rule,
            severity: rule.severity(),
            table: Some(table),
            row: None,
            column: None,
            expected: None,
            actual: None,
            line: None,
            message,
            cells: Vec::new(),
            suggestion: None,
            alternatives: None,
            candidates: Vec::new(),
        }
    }

    /// A finding about the whole report (no table).
    pub(crate) fn general(rule: Rule, message: Message) -> Self {
        let mut f = Finding::new(rule, TableId::Active, message);
        f.table = None;
        f
    }

    pub(crate) fn at(mut self, table: &Table, row: Option<usize>, column: Option<usize>) -> Self {
        self.row = row;
        self.column = column;
        self.line = match (row, column) {
            (Some(r), Some(c)) => table
                .cell(r, c)
                .and_then(|c| c.line)
                .or_else(|| table.rows.get(r).and_then(|r| r.line)),
            (Some(r), None) => table.rows.get(r).and_then(|r| r.line),
            _ => None,
        };
        self
    }

    pub(crate) fn numbers(mut self, expected: i64, actual: i64) -> Self {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Counts of errors and warnings.
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let e = findings.iter().filter(|f| f.is_error()).count();
    (e, findings.len() - e)
}

/// Run every rule on the report: the tables (in table order, then by rule),
/// the narrative against the tables, the sections, the format; then add the
/// suggested fixes.
pub fn check(report: &Report) -> Vec<Finding> {
    check_with(report, None)
}

/// [`check`], plus `requests.carry-over` against last year's report.
pub fn check_with(report: &Report, previous: Option<&Report>) -> Vec<Finding> {
    let mut out = Vec::new();
    for tid in TableId::ALL {
        check_table(report, tid, &mut out);
    }
    if let Some(prev) = previous {
        carry_over(report, prev, &mut out);
    }
    consistency::check(report, &mut out);
    completeness::check_sections(report, &mut out);
    completeness::check_old_format(report, &mut out);
    suggest::annotate(report, &mut out);
    out
}

/// `requests.carry-over`: this year's 二、上年结转 against last year's
/// 四、结转下年度继续办理, column by column.
pub fn carry_over(report: &Report, previous: &Report, out: &mut Vec<Finding>) {
    use crate::template::requests_rows as rr;
    let (Some(now), Some(before)) = (
        report.table(TableId::Requests),
        previous.table(TableId::Requests),
    ) else {
        return;
    };
    for (c, col) in TableId::Requests.spec().columns.iter().enumerate() {
        if let (Some(this), Some(last)) = (
            now.count(rr::CARRIED_IN, c),
            before.count(rr::CARRIED_OUT, c),
        ) && this != last
        {
            let mut f = Finding::new(
                Rule::CarryOver,
                TableId::Requests,
                Message::CarryOver {
                    column: col,
                    this,
                    last,
                },
            )
            .at(now, Some(rr::CARRIED_IN), Some(c))
            .numbers(last, this);
            f.cells = vec![(rr::CARRIED_IN, c)];
            out.push(f);
        }
    }
}

/// Run the rules of one table (what the TUI re-runs after an edit).
pub fn check_table(report: &Report, tid: TableId, out: &mut Vec<Finding>) {
    let Some(table) = report.table(tid) else {
        let mut f = Finding::new(
            Rule::TableMissing,
            tid,
            Message::TableMissing { table: tid },
        );
        f.table = Some(tid);
        out.push(f);
        return;
    };
    cell_rules(table, out);
    arith::check(table, out);
}

fn cell_rules(table: &Table, out: &mut Vec<Finding>) {
    let spec = table.id.spec();
    for (r, row) in table.rows.iter().enumerate() {
        let label = spec.rows[r].short;
        if !row.found {
            let mut f = Finding::new(
                Rule::TableLayout,
                table.id,
                Message::RowMissing { row: label },
            )
            .at(table, Some(r), None);
            f.cells = (0..row.cells.len()).map(|c| (r, c)).collect();
            out.push(f);
            continue;
        }
        if let Some(note) = row.layout.as_ref().and_then(|i| i.note.as_ref()) {
            let mut f = Finding::new(
                Rule::TableLayout,
                table.id,
                Message::RowNote {
                    row: label,
                    note: note.clone(),
                },
            )
            .at(table, Some(r), None);
            f.cells = (0..row.cells.len()).map(|c| (r, c)).collect();
            out.push(f);
        } else if let Some(issue) = &row.layout {
            let mut f = Finding::new(
                Rule::TableLayout,
                table.id,
                Message::RowCount {
                    row: label,
                    found: issue.found,
                    expected: issue.expected,
                    // A blank extra cell shown as the normalized file
                    // writes it (`-`), not as a run of spaces.
                    extra: issue
                        .extra
                        .iter()
                        .map(|e| if e.trim().is_empty() { "-" } else { e.as_str() })
                        .collect::<Vec<_>>()
                        .join(" ")
                        .into(),
                },
            )
            .at(table, Some(r), None);
            f.cells = (0..row.cells.len()).map(|c| (r, c)).collect();
            out.push(f);
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let col = crate::template::column_label(table.id, r, c);
            match cell.value {
                CellValue::Blank => {
                    let mut f = Finding::new(
                        Rule::CellBlank,
                        table.id,
                        Message::CellBlank {
                            row: label,
                            column: col,
                            raw: cell.raw.as_str().into(),
                        },
                    )
                    .at(table, Some(r), Some(c));
                    f.cells = vec![(r, c)];
                    out.push(f);
                }
                CellValue::Invalid => {
                    let mut f = Finding::new(
                        Rule::CellInvalid,
                        table.id,
                        Message::CellInvalid {
                            row: label,
                            column: col,
                            raw: message::shorten(&cell.raw).into(),
                        },
                    )
                    .at(table, Some(r), Some(c));
                    f.cells = vec![(r, c)];
                    out.push(f);
                }
                _ => {}
            }
        }
    }
}
