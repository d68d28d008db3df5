//! The template's arithmetic as data: every rule instance is a constraint
//! `sum(lhs) = sum(rhs)` over cells of one table. Checking evaluates them;
//! the fix suggester solves them for one cell.

use std::sync::OnceLock;

use super::{Finding, Message, Rule};
use crate::model::Table;
use crate::template::{APPEALS, TableId, requests_rows as rr};

/// One rule instance: the cells of `lhs` add up to the cells of `rhs`.
#[derive(Debug, Clone)]
pub(crate) struct Constraint {
    pub rule: Rule,
    /// The cell the finding names; `row` is `None` for a whole column.
    pub row: Option<usize>,
    pub column: usize,
    pub lhs: Vec<(usize, usize)>,
    pub rhs: Vec<(usize, usize)>,
}

impl Constraint {
    pub(crate) fn cells(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.lhs.iter().chain(&self.rhs).copied()
    }

    pub(crate) fn involves(&self, cell: (usize, usize)) -> bool {
        self.cells().any(|c| c == cell)
    }

    /// Both sides, with `value` read through `get`; `None` when a cell is
    /// invalid or missing (the rule cannot judge it).
    pub(crate) fn sides(&self, get: impl Fn(usize, usize) -> Option<i64>) -> Option<(i64, i64)> {
        let sum = |cells: &[(usize, usize)]| {
            cells.iter().try_fold(0i64, |acc, &(r, c)| {
                get(r, c).and_then(|v| acc.checked_add(v))
            })
        };
        Some((sum(&self.lhs)?, sum(&self.rhs)?))
    }
}

/// The constraints of a table, built once.
pub(crate) fn constraints(table: TableId) -> &'static [Constraint] {
    static REQ: OnceLock<Vec<Constraint>> = OnceLock::new();
    static APP: OnceLock<Vec<Constraint>> = OnceLock::new();
    match table {
        TableId::Requests => REQ.get_or_init(requests),
        TableId::Appeals => APP.get_or_init(appeals),
        TableId::Active => &[],
    }
}

fn requests() -> Vec<Constraint> {
    let cols = rr::TOTAL_COLUMN + 1;
    let mut out = Vec::new();
    for c in 0..cols {
        out.push(Constraint {
            rule: Rule::Balance,
            row: None,
            column: c,
            lhs: vec![(rr::NEW, c), (rr::CARRIED_IN, c)],
            rhs: vec![(rr::OUTCOME_TOTAL, c), (rr::CARRIED_OUT, c)],
        });
    }
    for c in 0..cols {
        out.push(Constraint {
            rule: Rule::OutcomeTotal,
            row: Some(rr::OUTCOME_TOTAL),
            column: c,
            lhs: (rr::FIRST_OUTCOME..=rr::LAST_OUTCOME)
                .map(|r| (r, c))
                .collect(),
            rhs: vec![(rr::OUTCOME_TOTAL, c)],
        });
    }
    for r in 0..=rr::CARRIED_OUT {
        out.push(Constraint {
            rule: Rule::RowTotal,
            row: Some(r),
            column: rr::TOTAL_COLUMN,
            lhs: (0..rr::TOTAL_COLUMN).map(|c| (r, c)).collect(),
            rhs: vec![(r, rr::TOTAL_COLUMN)],
        });
    }
    out
}

fn appeals() -> Vec<Constraint> {
    APPEALS
        .groups
        .iter()
        .filter_map(|g| {
            let total = g.total?;
            Some(Constraint {
                rule: Rule::GroupTotal,
                row: Some(0),
                column: total,
                lhs: g.parts().map(|c| (0, c)).collect(),
                rhs: vec![(0, total)],
            })
        })
        .collect()
}

/// The finding for a constraint that does not hold (`None` for a rule
/// that is not a sum: none of the constraints has one).
pub(crate) fn finding(t: &Table, k: &Constraint, l: i64, r: i64) -> Option<Finding> {
    let spec = t.id.spec();
    let column = spec.columns.get(k.column).copied().unwrap_or("");
    let message = match k.rule {
        Rule::Balance => Message::Balance {
            column,
            lhs: l,
            rhs: r,
        },
        Rule::OutcomeTotal => Message::OutcomeTotal {
            column,
            sum: l,
            total: r,
        },
        Rule::RowTotal => Message::RowTotal {
            row: k
                .row
                .and_then(|row| spec.rows.get(row))
                .map_or("", |s| s.short),
            sum: l,
            total: r,
        },
        Rule::GroupTotal => Message::GroupTotal {
            group: spec.group_of(k.column).map_or("", |g| g.name),
            sum: l,
            total: r,
        },
        // Only the sums are constraints; the other rules are checked cell by
        // cell or on the text.
        Rule::CellInvalid
        | Rule::CellBlank
        | Rule::TableLayout
        | Rule::TableMissing
        | Rule::NarrativeMismatch
        | Rule::SectionMissing
        | Rule::SectionEmpty
        | Rule::OldTemplate
        | Rule::CarryOver => return None,
    };
    let mut f = Finding::new(k.rule, t.id, message)
        .at(t, k.row, Some(k.column))
        .numbers(l, r);
    if k.row.is_none() {
        // A column rule: cite the line of its first cell.
        f.line = k
            .lhs
            .first()
            .and_then(|&(r, c)| t.cell(r, c))
            .and_then(|c| c.line);
    }
    f.cells = k.cells().collect();
    Some(f)
}

/// Check every constraint of the table.
pub(crate) fn check(t: &Table, out: &mut Vec<Finding>) {
    for k in constraints(t.id) {
        if let Some((l, r)) = k.sides(|row, col| t.count(row, col))
            && l != r
            && let Some(f) = finding(t, k, l, r)
        {
            out.push(f);
        }
    }
}
