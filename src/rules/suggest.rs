//! Suggested fixes. Failing arithmetic findings of a table are grouped into
//! clusters that share cells; a cluster explained by exactly one wrong cell
//! (one cell whose change makes every rule of the cluster hold and breaks
//! no rule that held) gets that cell and value as its suggestion. Where two
//! or more single-cell fixes would do, none is suggested and the findings
//! say how many there are. A row with a lost or doubled cell gets a
//! suggested placement when exactly one placement makes its rules hold.

use serde::Serialize;

use super::arith::{Constraint, constraints};
use super::{Finding, Rule};
use crate::model::{Cell, Report, Row, Table};
use crate::template::TableId;

/// A suggested fix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Suggestion {
    /// Set one cell.
    Cell {
        table: TableId,
        row: usize,
        column: usize,
        value: i64,
    },
    /// Re-place a row's values (a lost cell inserted, a doubled one dropped).
    Row {
        table: TableId,
        row: usize,
        values: Vec<String>,
    },
}

impl Suggestion {
    pub fn table(&self) -> TableId {
        match self {
            Suggestion::Cell { table, .. } | Suggestion::Row { table, .. } => *table,
        }
    }

    pub fn row(&self) -> usize {
        match self {
            Suggestion::Cell { row, .. } | Suggestion::Row { row, .. } => *row,
        }
    }

    /// What it does, for a status line or a list.
    pub fn describe(&self) -> String {
        let label = |t: TableId, r: usize| t.spec().rows.get(r).map_or("", |s| s.short);
        match self {
            Suggestion::Cell {
                table,
                row,
                column,
                value,
            } => format!(
                "{} / {} → {value}",
                label(*table, *row),
                crate::template::column_label(*table, *row, *column)
            ),
            Suggestion::Row { table, row, values } => {
                let shown: Vec<&str> = values
                    .iter()
                    .map(|v| if v.is_empty() { "_" } else { v })
                    .collect();
                format!("{} → {}", label(*table, *row), shown.join(" "))
            }
        }
    }
}

/// Apply a suggestion. Returns the table and row it changed.
pub fn apply(report: &mut Report, s: &Suggestion) -> Option<(TableId, usize)> {
    match s {
        Suggestion::Cell {
            table,
            row,
            column,
            value,
        } => {
            report.set_cell(*table, *row, *column, &value.to_string())?;
            Some((*table, *row))
        }
        Suggestion::Row { table, row, values } => {
            let spec = table.spec().rows.get(*row)?;
            let current = report.table(*table)?.rows.get(*row)?.clone();
            let line = current.line;
            let cells = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let l = current.cells.get(i).and_then(|c| c.line).or(line);
                    Cell::from_raw(v, spec.kind, l)
                })
                .collect();
            report.replace_row(
                *table,
                *row,
                Row {
                    cells,
                    found: true,
                    line,
                    layout: None,
                },
            )?;
            Some((*table, *row))
        }
    }
}

/// A table seen with some cells overridden.
struct View<'a> {
    table: &'a Table,
    cell: Option<((usize, usize), i64)>,
    row: Option<(usize, &'a [Option<i64>])>,
}

impl View<'_> {
    fn get(&self, r: usize, c: usize) -> Option<i64> {
        if let Some((at, v)) = self.cell
            && at == (r, c)
        {
            return Some(v);
        }
        if let Some((row, vals)) = self.row
            && row == r
        {
            return vals.get(c).copied().flatten();
        }
        self.table.count(r, c)
    }

    fn holds(&self, k: &Constraint) -> bool {
        k.sides(|r, c| self.get(r, c)).is_none_or(|(l, r)| l == r)
    }
}

/// The value `cell` must take for `k` to hold, the other cells as they are.
fn solve(view: &View<'_>, k: &Constraint, cell: (usize, usize)) -> Option<i64> {
    let sum = |cells: &[(usize, usize)]| -> Option<i64> {
        cells
            .iter()
            .filter(|&&x| x != cell)
            .try_fold(0i64, |acc, &(r, c)| {
                view.get(r, c).and_then(|v| acc.checked_add(v))
            })
    };
    let (l, r) = (sum(&k.lhs)?, sum(&k.rhs)?);
    if k.lhs.contains(&cell) {
        r.checked_sub(l)
    } else {
        l.checked_sub(r)
    }
}

fn same_place(f: &Finding, t: TableId, k: &Constraint) -> bool {
    f.table == Some(t) && f.rule == k.rule && f.row == k.row && f.column == Some(k.column)
}

/// Apply every distinct suggestion the findings carry, in order; return
/// the ones applied (each once, however many findings share it).
pub fn apply_all<'f>(report: &mut Report, findings: &'f [Finding]) -> Vec<&'f Suggestion> {
    let mut done: Vec<&Suggestion> = Vec::new();
    for s in findings.iter().filter_map(|f| f.suggestion.as_ref()) {
        if !done.contains(&s) {
            apply(report, s);
            done.push(s);
        }
    }
    done
}

/// The most candidate fixes a finding lists when several would do.
pub const MAX_CANDIDATES: usize = 6;

/// Add suggestions (or the number of alternatives) to the findings.
pub fn annotate(report: &Report, findings: &mut [Finding]) {
    for t in [TableId::Requests, TableId::Appeals] {
        let Some(table) = report.table(t) else {
            continue;
        };
        clusters(table, findings);
        layout_rows(table, findings);
    }
}

fn clusters(table: &Table, findings: &mut [Finding]) {
    let all = constraints(table.id);
    // Suggestions go only to findings of a failing constraint (same_place):
    // with no sum finding on this table there is nothing to annotate, and
    // the constraints need not be evaluated again (most reports).
    if !findings
        .iter()
        .any(|f| f.table == Some(table.id) && all.iter().any(|k| k.rule == f.rule))
    {
        return;
    }
    let base = View {
        table,
        cell: None,
        row: None,
    };
    let failing: Vec<&Constraint> = all
        .iter()
        .filter(|k| {
            k.sides(|r, c| table.count(r, c))
                .is_some_and(|(l, r)| l != r)
        })
        .collect();
    if failing.is_empty() {
        return;
    }
    // Union-find over failing constraints that share a cell.
    let mut parent: Vec<usize> = (0..failing.len()).collect();
    fn root(p: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..failing.len() {
        for j in i + 1..failing.len() {
            if failing[i].cells().any(|c| failing[j].involves(c)) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: Vec<Vec<&Constraint>> = Vec::new();
    let mut keys: Vec<usize> = Vec::new();
    for (i, k) in failing.iter().enumerate() {
        let r = root(&mut parent, i);
        match keys.iter().position(|&key| key == r) {
            Some(g) => groups[g].push(k),
            None => {
                keys.push(r);
                groups.push(vec![k]);
            }
        }
    }
    for cluster in groups {
        let mut candidates: Vec<(usize, usize)> = cluster.iter().flat_map(|k| k.cells()).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut fixes = Vec::new();
        for cell in candidates {
            if table.count(cell.0, cell.1).is_none() || !cluster.iter().all(|k| k.involves(cell)) {
                continue;
            }
            let Some(v) = solve(&base, cluster[0], cell) else {
                continue;
            };
            if v < 0 {
                continue;
            }
            let view = View {
                table,
                cell: Some((cell, v)),
                row: None,
            };
            // Every rule touching the cell must hold with the new value.
            if all
                .iter()
                .filter(|k| k.involves(cell))
                .all(|k| view.holds(k))
            {
                fixes.push((cell, v));
            }
        }
        for f in findings.iter_mut() {
            if !cluster.iter().any(|k| same_place(f, table.id, k)) {
                continue;
            }
            match fixes.as_slice() {
                [((row, column), value)] => {
                    f.suggestion = Some(Suggestion::Cell {
                        table: table.id,
                        row: *row,
                        column: *column,
                        value: *value,
                    })
                }
                [] => {}
                many => {
                    f.alternatives = Some(many.len());
                    f.candidates = many
                        .iter()
                        .take(MAX_CANDIDATES)
                        .map(|&((row, column), value)| Suggestion::Cell {
                            table: table.id,
                            row,
                            column,
                            value,
                        })
                        .collect();
                }
            }
        }
    }
}

fn layout_rows(table: &Table, findings: &mut [Finding]) {
    let spec = table.id.spec();
    let all = constraints(table.id);
    for (r, row) in table.rows.iter().enumerate() {
        let Some(issue) = row.layout.as_ref().filter(|i| i.note.is_none()) else {
            continue;
        };
        let width = spec.rows[r].width;
        // The values as found, in order.
        let mut found: Vec<String> = row
            .cells
            .iter()
            .take(issue.found.min(width))
            .map(|c| c.raw.to_string())
            .collect();
        found.extend(issue.extra.iter().cloned());
        if found.len() != issue.found {
            continue; // extras were cut (an absurd row): no placement to try
        }
        let touching: Vec<&Constraint> = all
            .iter()
            .filter(|k| k.cells().any(|(kr, _)| kr == r))
            .collect();
        let mut placements: Vec<Vec<String>> = Vec::new();
        let counts = |vals: &[String]| -> Vec<Option<i64>> {
            vals.iter()
                .map(|v| crate::cell::parse_value(v, spec.rows[r].kind).count())
                .collect()
        };
        if issue.found + 1 == width {
            for pos in 0..width {
                let mut vals = found.clone();
                vals.insert(pos, String::new());
                let mut nums = counts(&vals);
                nums[pos] = None;
                // The lost value, from a rule that involves it.
                let probe = View {
                    table,
                    cell: None,
                    row: Some((r, &nums)),
                };
                let Some(v) = touching
                    .iter()
                    .filter(|k| k.involves((r, pos)))
                    .find_map(|k| solve(&probe, k, (r, pos)))
                else {
                    continue;
                };
                if v < 0 {
                    continue;
                }
                nums[pos] = Some(v);
                vals[pos] = v.to_string();
                let view = View {
                    table,
                    cell: None,
                    row: Some((r, &nums)),
                };
                if touching.iter().all(|k| view.holds(k)) {
                    placements.push(vals);
                }
            }
        } else if issue.found == width + 1 {
            for pos in 0..issue.found {
                let mut vals = found.clone();
                vals.remove(pos);
                let nums = counts(&vals);
                let view = View {
                    table,
                    cell: None,
                    row: Some((r, &nums)),
                };
                if touching.iter().all(|k| view.holds(k)) && !placements.contains(&vals) {
                    placements.push(vals);
                }
            }
        }
        if let [only] = placements.as_slice() {
            for f in findings.iter_mut() {
                if f.rule == Rule::TableLayout && f.table == Some(table.id) && f.row == Some(r) {
                    f.suggestion = Some(Suggestion::Row {
                        table: table.id,
                        row: r,
                        values: only.clone(),
                    });
                }
            }
        } else if placements.len() > 1 {
            for f in findings.iter_mut() {
                if f.rule == Rule::TableLayout && f.table == Some(table.id) && f.row == Some(r) {
                    f.alternatives = Some(placements.len());
                    f.candidates = placements
                        .iter()
                        .take(MAX_CANDIDATES)
                        .map(|values| Suggestion::Row {
                            table: table.id,
                            row: r,
                            values: values.clone(),
                        })
                        .collect();
                }
            }
        }
    }
}
