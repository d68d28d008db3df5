//! The rules: the template's arithmetic plus the cell and table checks.
//!
//! Every finding names the cell the reviewer must look at (0-based row and
//! column in template order) and the cells involved, so a UI can tint them.
//! Re-running all rules on a report costs a few hundred additions, so the
//! TUI simply re-runs them after every edit.

use crate::cell::CellValue;
use crate::model::{Report, Table};
use crate::template::{APPEALS_GROUPS, TableId, requests_rows as rr};
use serde::Serialize;

/// Stable rule ids.
pub mod id {
    pub const BALANCE: &str = "requests.balance";
    pub const OUTCOME_TOTAL: &str = "requests.outcome-total";
    pub const ROW_TOTAL: &str = "requests.row-total";
    pub const GROUP_TOTAL: &str = "appeals.group-total";
    pub const CELL_INVALID: &str = "cell.invalid";
    pub const CELL_BLANK: &str = "cell.blank";
    pub const TABLE_LAYOUT: &str = "table.layout";
    pub const TABLE_MISSING: &str = "table.missing";
}

/// Every rule id with a one-line description (for `--help` and the README).
pub const RULES: &[(&str, &str)] = &[
    (
        id::BALANCE,
        "一 + 二 = 三(七)总计 + 四, per column (the template's own 勾稽关系)",
    ),
    (
        id::OUTCOME_TOTAL,
        "(七)总计 = the sum of the 21 outcome rows, per column",
    ),
    (
        id::ROW_TOTAL,
        "in every row of the requests table, 总计 = the sum of the six applicant columns",
    ),
    (
        id::GROUP_TOTAL,
        "appeals: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    ),
    (
        id::CELL_INVALID,
        "a cell that is not a valid number (O, 12件, 3.5 where a count belongs, -3)",
    ),
    (
        id::CELL_BLANK,
        "a blank cell (empty, /, -, —, 无): read as 0, warned",
    ),
    (
        id::TABLE_LAYOUT,
        "a row with the wrong number of value cells, or a row not found",
    ),
    (id::TABLE_MISSING, "a standard table that cannot be found"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub table: Option<TableId>,
    pub row: Option<usize>,
    pub column: Option<usize>,
    pub expected: Option<i64>,
    pub actual: Option<i64>,
    /// 1-based source line of the named cell (or row).
    pub line: Option<usize>,
    pub message: String,
    /// Every cell the rule looked at, `(row, column)`: the UI tints them.
    #[serde(skip)]
    pub cells: Vec<(usize, usize)>,
}

impl Finding {
    fn new(rule: &'static str, severity: Severity, table: TableId, message: String) -> Self {
        Finding {
            rule,
            severity,
            table: Some(table),
            row: None,
            column: None,
            expected: None,
            actual: None,
            line: None,
            message,
            cells: Vec::new(),
        }
    }

    fn at(mut self, table: &Table, row: Option<usize>, column: Option<usize>) -> Self {
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

    fn numbers(mut self, expected: i64, actual: i64) -> Self {
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

/// Run every rule on the report. Findings come in table order, then by rule.
pub fn check(report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    for tid in TableId::ALL {
        check_table(report, tid, &mut out);
    }
    out
}

/// Run the rules of one table (what the TUI re-runs after an edit).
pub fn check_table(report: &Report, tid: TableId, out: &mut Vec<Finding>) {
    let Some(table) = report.table(tid) else {
        let mut f = Finding::new(
            id::TABLE_MISSING,
            Severity::Error,
            tid,
            format!("未找到表格「{}」({})", tid.title(), tid.id()),
        );
        f.table = Some(tid);
        out.push(f);
        return;
    };
    cell_rules(table, out);
    match tid {
        TableId::Requests => requests_rules(table, out),
        TableId::Appeals => appeals_rules(table, out),
        TableId::Active => {}
    }
}

fn cell_rules(table: &Table, out: &mut Vec<Finding>) {
    let spec = table.id.spec();
    for (r, row) in table.rows.iter().enumerate() {
        let label = spec.rows[r].short;
        if !row.found {
            let mut f = Finding::new(
                id::TABLE_LAYOUT,
                Severity::Warning,
                table.id,
                format!("{label}: 未找到此行"),
            )
            .at(table, Some(r), None);
            f.cells = (0..row.cells.len()).map(|c| (r, c)).collect();
            out.push(f);
            continue;
        }
        if let Some(issue) = &row.layout {
            let extra = if issue.extra.is_empty() {
                String::new()
            } else {
                format!("（多出: {}）", issue.extra.join(" "))
            };
            let mut f = Finding::new(
                id::TABLE_LAYOUT,
                Severity::Warning,
                table.id,
                format!(
                    "{label}: 找到 {} 个数值，应为 {} 个{extra}；数值已靠左放置，请核对",
                    issue.found, issue.expected
                ),
            )
            .at(table, Some(r), None);
            f.cells = (0..row.cells.len()).map(|c| (r, c)).collect();
            out.push(f);
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let col = crate::template::column_label(table.id, r, c);
            match cell.value {
                CellValue::Blank => {
                    let shown = if cell.raw.is_empty() {
                        "空白".to_string()
                    } else {
                        format!("“{}”", cell.raw)
                    };
                    let mut f = Finding::new(
                        id::CELL_BLANK,
                        Severity::Warning,
                        table.id,
                        format!("{label} / {col}: {shown} 按 0 计"),
                    )
                    .at(table, Some(r), Some(c));
                    f.cells = vec![(r, c)];
                    out.push(f);
                }
                CellValue::Invalid => {
                    let mut f = Finding::new(
                        id::CELL_INVALID,
                        Severity::Error,
                        table.id,
                        format!("{label} / {col}: “{}” 不是有效的数值", shorten(&cell.raw)),
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

/// A cell's text cut for a message (an absurd cell can be 100 000 characters).
fn shorten(raw: &str) -> String {
    if raw.chars().count() <= 24 {
        raw.to_string()
    } else {
        format!("{}…", raw.chars().take(23).collect::<String>())
    }
}

fn sum(values: impl IntoIterator<Item = Option<i64>>) -> Option<i64> {
    values
        .into_iter()
        .try_fold(0i64, |acc, v| v.and_then(|v| acc.checked_add(v)))
}

fn requests_rules(t: &Table, out: &mut Vec<Finding>) {
    let spec = t.id.spec();
    let cols = spec.columns;
    // requests.balance: 一 + 二 = 三(七) + 四, per column.
    for (c, col) in cols.iter().enumerate() {
        let left = sum([t.count(rr::NEW, c), t.count(rr::CARRIED_IN, c)]);
        let right = sum([t.count(rr::OUTCOME_TOTAL, c), t.count(rr::CARRIED_OUT, c)]);
        if let (Some(l), Some(r)) = (left, right)
            && l != r
        {
            let mut f = Finding::new(
                id::BALANCE,
                Severity::Error,
                t.id,
                format!("{col}: 一+二 = {l}, 三(七)+四 = {r}"),
            )
            .at(t, None, Some(c))
            .numbers(l, r);
            f.line = t.cell(rr::NEW, c).and_then(|x| x.line);
            f.cells = [rr::NEW, rr::CARRIED_IN, rr::OUTCOME_TOTAL, rr::CARRIED_OUT]
                .iter()
                .map(|&r| (r, c))
                .collect();
            out.push(f);
        }
    }
    // requests.outcome-total: (七) = sum of the 21 outcome rows, per column.
    for (c, col) in cols.iter().enumerate() {
        let leaves = sum((rr::FIRST_OUTCOME..=rr::LAST_OUTCOME).map(|r| t.count(r, c)));
        if let (Some(s), Some(total)) = (leaves, t.count(rr::OUTCOME_TOTAL, c))
            && s != total
        {
            let mut f = Finding::new(
                id::OUTCOME_TOTAL,
                Severity::Error,
                t.id,
                format!("{col}: 21 项办理结果之和 {s} ≠ (七)总计 {total}"),
            )
            .at(t, Some(rr::OUTCOME_TOTAL), Some(c))
            .numbers(s, total);
            f.cells = (rr::FIRST_OUTCOME..=rr::OUTCOME_TOTAL)
                .map(|r| (r, c))
                .collect();
            out.push(f);
        }
    }
    // requests.row-total: 总计 = sum of the six applicant columns, per row.
    let tc = rr::TOTAL_COLUMN;
    for (r, row) in spec.rows.iter().enumerate() {
        let s = sum((0..tc).map(|c| t.count(r, c)));
        if let (Some(s), Some(total)) = (s, t.count(r, tc))
            && s != total
        {
            let mut f = Finding::new(
                id::ROW_TOTAL,
                Severity::Error,
                t.id,
                format!("{}: 6 列之和 {s} ≠ 总计 {total}", row.short),
            )
            .at(t, Some(r), Some(tc))
            .numbers(s, total);
            f.cells = (0..=tc).map(|c| (r, c)).collect();
            out.push(f);
        }
    }
}

fn appeals_rules(t: &Table, out: &mut Vec<Finding>) {
    for (g, name) in APPEALS_GROUPS.iter().enumerate() {
        let base = g * 5;
        let s = sum((base..base + 4).map(|c| t.count(0, c)));
        if let (Some(s), Some(total)) = (s, t.count(0, base + 4))
            && s != total
        {
            let mut f = Finding::new(
                id::GROUP_TOTAL,
                Severity::Error,
                t.id,
                format!("{name}: 维持+纠正+其他+尚未审结 = {s} ≠ 总计 {total}"),
            )
            .at(t, Some(0), Some(base + 4))
            .numbers(s, total);
            f.cells = (base..base + 5).map(|c| (0, c)).collect();
            out.push(f);
        }
    }
}
