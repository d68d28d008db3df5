//! pdftotext's default mode: the numbers of a table come one per line, in
//! blocks, with the labels of several rows in a block of their own before or
//! after them; within a block the numbers of two or three rows may be
//! interleaved column by column (`9 2 1 1 0 0 …` for (一) 9 1 0 1 0 0 11 and
//! (二) 2 1 0 0 0 0 3). Read row by row, that gives wrong cells and false
//! sum errors.
//!
//! The layout is recognised by its signature: a block of label lines naming
//! two or more template rows, followed by lines of one number each. Then the table's numbers are read as one stream, in
//! order:
//!
//! - the active table: exactly its 10 values, in template order;
//! - the requests table: exactly its 175 values, cut into rows in template
//!   order, each step taking 1 to [`limits::STREAM_MAX_INTERLEAVED`] rows
//!   either one after the other or interleaved column by column; a step is
//!   allowed only when every row it makes has its total equal to the sum of
//!   its six values. Every reading of the whole stream is kept (up to
//!   [`limits::MAX_STREAM_READINGS`]) and then judged by the column rules
//!   ((七) = the leaf rows, 一 + 二 = (七) + 四). One reading left: the
//!   table. None or several: the table is marked unreadable (one
//!   `table.layout` warning, no cell read) rather than guessed.

use std::collections::HashMap;

use super::limits;
use super::tables::{is_table_header, label_row_keys};
use crate::cell::{CellValue, looks_like_value, parse_value};
use crate::model::{Cell, LayoutIssue, LayoutNote, Lines, Table};
use crate::template::TableId;
use crate::template::requests_rows as rr;

/// One number of the stream: its text and 1-based line.
#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    line: usize,
}

/// Separators of cells in a line: whitespace, tabs, pipes.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '|' || c == '\u{a0}' || c == '\u{3000}'
}

/// A line holding one value and nothing else (`0`, `⇥0`, `0 |`). No
/// allocation: most lines of most tables are not.
fn number_line(line: &str) -> Option<&str> {
    let t = line.trim_matches(is_separator);
    // Plain digits (most of a stream's numbers) are a count whatever the
    // cell policy's finer points: no need to ask it.
    if (1..=crate::cell::MAX_DIGITS).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(t);
    }
    let first = t.chars().next()?;
    if t.len() > limits::STREAM_TOKEN_MAX_BYTES
        || !(crate::template::fold_width(first).is_ascii_digit() || crate::cell::is_blank_marker(t))
        || t.contains(is_separator)
    {
        return None;
    }
    (looks_like_value(t) && parse_value(t, crate::template::CellKind::Amount) != CellValue::Invalid)
        .then_some(t)
}

/// Does a line hold a value cell (a row with its numbers)?
fn has_value(line: &str) -> bool {
    line.split(is_separator)
        .any(|c| !c.is_empty() && crate::cell::has_digit(c) && looks_like_value(c))
}

/// The region's numbers, when it has the stream layout's signature.
fn stream(id: TableId, lines: &Lines, first: usize, last: usize) -> Option<Vec<Token<'_>>> {
    // Most of the table's numbers stand alone on their lines, or it is not
    // this layout (the usual case, decided in one cheap pass).
    let cells: usize = id.spec().rows.iter().map(|r| r.width).sum();
    let alone = (first..=last)
        .filter(|&n| number_line(&lines[n - 1]).is_some())
        .count();
    if alone * 100 < cells * limits::STREAM_ALONE_MIN_PERCENT {
        return None;
    }
    let mut tokens = Vec::new();
    let mut run = String::new();
    let mut signature = false;
    for n in first..=last {
        let line = &lines[n - 1];
        // The requests table's header ends the active table's numbers (its
        // section heading lost, the region runs on over the next table).
        if id == TableId::Active && line.contains("勾稽") {
            break;
        }
        if let Some(t) = number_line(line) {
            if !signature && label_row_keys(id, &run) >= 2 {
                signature = true;
            }
            run.clear();
            tokens.push(Token { text: t, line: n });
        } else if has_value(line) {
            // A row with its numbers: not the stream layout's label block.
            run.clear();
        } else if !line.trim().is_empty() && !is_table_header(line) {
            run.push_str(line.trim());
        }
    }
    signature.then_some(tokens)
}

/// Read a region in the stream layout (see the module header): `None` when
/// it is not one.
pub(crate) fn read(id: TableId, lines: &Lines, first: usize, last: usize) -> Option<Table> {
    if id == TableId::Appeals {
        return None;
    }
    let tokens = stream(id, lines, first, last)?;
    let spec = id.spec();
    let cells: usize = spec.rows.iter().map(|r| r.width).sum();
    let rows: Option<Vec<Vec<usize>>> = if tokens.len() != cells {
        None
    } else if id == TableId::Active {
        let mut at = 0;
        Some(
            spec.rows
                .iter()
                .map(|r| {
                    at += r.width;
                    (at - r.width..at).collect()
                })
                .collect(),
        )
    } else {
        requests_rows(&tokens)
    };
    let mut table = Table::new(id);
    match rows {
        Some(rows) => {
            for (r, idx) in rows.iter().enumerate() {
                let kind = spec.rows[r].kind;
                let row = &mut table.rows[r];
                row.cells = idx
                    .iter()
                    .map(|&i| Cell::from_raw(tokens[i].text, kind, Some(tokens[i].line)))
                    .collect();
                row.found = true;
                row.line = idx.first().map(|&i| tokens[i].line);
            }
        }
        None => {
            // Unreadable: every row present (so no "row not found"), no cell
            // read (so no sum is judged), one warning.
            for row in &mut table.rows {
                row.found = true;
                row.line = tokens.first().map(|t| t.line);
            }
            table.rows[0].layout = Some(LayoutIssue {
                found: tokens.len(),
                expected: cells,
                extra: Vec::new(),
                note: Some(Box::new(LayoutNote::Unreadable {
                    found: tokens.len(),
                    expected: cells,
                })),
            });
        }
    }
    if table.rows[0].layout.is_none() {
        table.first_line = tokens.first().map_or(first, |t| t.line).min(first);
        table.last_line = tokens.last().map_or(last, |t| t.line);
    }
    // Unreadable: no span, so the text stays narrative (the normalized file
    // keeps it as it was; nothing is lost).
    Some(table)
}

/// A row of the requests table as indexes into the stream.
type Rows = Vec<[usize; 7]>;

/// Cut the requests stream into its 25 rows (see the module header), or
/// `None` when no single reading satisfies the rules.
fn requests_rows(tokens: &[Token]) -> Option<Vec<Vec<usize>>> {
    let values: Vec<i64> = tokens
        .iter()
        .map(|t| parse_value(t.text, crate::template::CellKind::Count).count())
        .collect::<Option<_>>()?;
    let rows = crate::template::REQUESTS.rows.len();
    let mut search = Readings {
        values: &values,
        rows,
        memo: HashMap::new(),
        stored: 0,
        overflow: false,
    };
    let all = search.from(0, 0);
    if search.overflow {
        return None;
    }
    let grid = |reading: &Rows| -> Vec<[i64; 7]> {
        reading.iter().map(|r| r.map(|i| values[i])).collect()
    };
    let mut fitting: Vec<Vec<[i64; 7]>> = all
        .iter()
        .map(grid)
        .filter(|g| column_rules_hold(g))
        .collect();
    fitting.dedup();
    if fitting.len() != 1 {
        return None;
    }
    let chosen = all.iter().find(|r| grid(r) == fitting[0])?;
    Some(chosen.iter().map(|r| r.to_vec()).collect())
}

fn column_rules_hold(g: &[[i64; 7]]) -> bool {
    (0..7).all(|c| {
        let leaves: i64 = (rr::FIRST_OUTCOME..=rr::LAST_OUTCOME)
            .map(|r| g[r][c])
            .sum();
        leaves == g[rr::OUTCOME_TOTAL][c]
            && g[rr::NEW][c] + g[rr::CARRIED_IN][c]
                == g[rr::OUTCOME_TOTAL][c] + g[rr::CARRIED_OUT][c]
    })
}

struct Readings<'a> {
    values: &'a [i64],
    rows: usize,
    /// (stream position, row) → the readings of the rest.
    memo: HashMap<(usize, usize), std::rc::Rc<Vec<Rows>>>,
    /// Readings stored over all states (bounds memory on hostile input).
    stored: usize,
    overflow: bool,
}

impl Readings<'_> {
    /// Every reading of the stream from `pos` as rows `row..`.
    fn from(&mut self, pos: usize, row: usize) -> std::rc::Rc<Vec<Rows>> {
        if let Some(m) = self.memo.get(&(pos, row)) {
            return m.clone();
        }
        if self.overflow {
            return std::rc::Rc::new(Vec::new());
        }
        let mut out: Vec<Rows> = Vec::new();
        if row == self.rows {
            if pos == self.values.len() {
                out.push(Vec::new());
            }
        } else {
            for k in 1..=limits::STREAM_MAX_INTERLEAVED.min(self.rows - row) {
                if pos + 7 * k > self.values.len() {
                    break;
                }
                let orders: &[bool] = if k == 1 { &[false] } else { &[false, true] };
                for &interleaved in orders {
                    let group: Rows = (0..k)
                        .map(|j| {
                            std::array::from_fn(|c| {
                                if interleaved {
                                    pos + c * k + j
                                } else {
                                    pos + 7 * j + c
                                }
                            })
                        })
                        .collect();
                    let totals_hold = group.iter().all(|r| {
                        r[..6].iter().map(|&i| self.values[i]).sum::<i64>() == self.values[r[6]]
                    });
                    if !totals_hold {
                        continue;
                    }
                    let rest = self.from(pos + 7 * k, row + k);
                    for tail in rest.iter() {
                        let mut reading = group.clone();
                        reading.extend_from_slice(tail);
                        let same_values = |a: &Rows| {
                            a.iter().zip(&reading).all(|(x, y)| {
                                x.map(|i| self.values[i]) == y.map(|i| self.values[i])
                            })
                        };
                        if out.iter().any(same_values) {
                            continue;
                        }
                        if out.len() == limits::MAX_STREAM_READINGS
                            || self.stored == limits::MAX_STREAM_STORED
                        {
                            self.overflow = true;
                            break;
                        }
                        self.stored += 1;
                        out.push(reading);
                    }
                }
            }
        }
        let out = std::rc::Rc::new(out);
        self.memo.insert((pos, row), out.clone());
        out
    }
}
