//! The normalized writer: UTF-8, LF, every narrative line kept (trailing
//! spaces trimmed), every table in one canonical tab-separated layout with
//! the template's label columns and the same number of fields per row.

use crate::cell::CellValue;
use crate::model::{Block, Report, Table};
use crate::template::{ACTIVE, APPEALS, REQUESTS, TableId};

/// Where the normalized report goes by default: `<stem>.normalized.txt`
/// beside the input. Outputs never collide: a Word or web document (or any
/// file not ending in `.txt`) with a sibling of the same stem and another
/// report extension (`a.docx` beside `a.txt` or `a.html`) writes
/// `<name>.normalized.txt` (`a.docx.normalized.txt`) instead.
pub fn default_output(input: &std::path::Path) -> std::path::PathBuf {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let ext = input
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let shares_stem = ext.as_deref().is_some_and(|ext| {
        ext != "txt"
            && REPORT_EXTENSIONS.iter().any(|other| {
                *other != ext
                    && [other.to_string(), other.to_ascii_uppercase()]
                        .iter()
                        .any(|o| input.with_extension(o).exists())
            })
    });
    if shares_stem {
        let name = input
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into());
        return input.with_file_name(format!("{name}.normalized.txt"));
    }
    input.with_file_name(format!("{stem}.normalized.txt"))
}

/// The extensions of the files the tool reads as reports.
const REPORT_EXTENSIONS: [&str; 4] = ["txt", "docx", "html", "htm"];

/// Write the normalized report.
pub fn normalize(report: &Report) -> String {
    let mut out = String::with_capacity(report.lines.iter().map(|l| l.len() + 1).sum::<usize>());
    for block in report.blocks() {
        match block {
            Block::Narrative(n) => {
                out.push_str(report.line(n).unwrap_or("").trim_end());
                out.push('\n');
            }
            Block::Table(id) => {
                // A table the reader could not read (no cell at all: see
                // parse::stream) is left as the text it was.
                if let Some(t) = report.table(id).filter(|t| {
                    t.rows
                        .iter()
                        .any(|r| r.cells.iter().any(|c| c.value != CellValue::Missing))
                }) {
                    write_table_with(t, &lines_of_other_tables(report, id), &mut out);
                }
            }
        }
    }
    out
}

fn push_row(out: &mut String, fields: &[&str], total: usize) {
    for i in 0..total {
        if i > 0 {
            out.push('\t');
        }
        out.push_str(fields.get(i).copied().unwrap_or(""));
    }
    out.push('\n');
}

fn values(t: &Table, r: usize) -> Vec<String> {
    t.rows[r]
        .cells
        .iter()
        .map(|c| c.value.canonical(&c.raw))
        .collect()
}

/// A row's values as written, and the row's width change: a row that had
/// the wrong number of values (a `table.layout` warning) keeps it, so the
/// normalized file reads back with the same warning and nothing is lost —
/// the extra values after the row's cells, a short row without its empty
/// trailing cells. Fixing the row (the review screen, `check --fix`) clears
/// its layout problem, and it is written at the template's width.
fn laid_out(t: &Table, r: usize) -> (Vec<String>, isize) {
    let row = &t.rows[r];
    let mut v = values(t, r);
    let Some(l) = &row.layout else {
        return (v, 0);
    };
    let before = v.len() as isize;
    if l.found > l.expected {
        v.extend(l.extra.iter().map(|e| e.replace(['\t', '|'], "¦")));
    } else {
        while v.len() > l.found
            && row
                .cells
                .get(v.len() - 1)
                .is_some_and(|c| crate::cell::trim_cell(&c.raw).is_empty())
        {
            v.pop();
        }
    }
    let delta = v.len() as isize - before;
    (v, delta)
}

fn width(total: usize, delta: isize) -> usize {
    total.saturating_add_signed(delta)
}

/// The source lines that hold cells of well-formed rows (the template's
/// number of values) of the report's tables other than `id`.
fn lines_of_other_tables(report: &Report, id: TableId) -> Vec<usize> {
    let mut lines: Vec<usize> = report
        .tables
        .iter()
        .flatten()
        .filter(|t| t.id != id)
        .flat_map(|t| t.rows.iter().filter(|r| r.found && r.layout.is_none()))
        .flat_map(|r| r.cells.iter().filter_map(|c| c.line).chain(r.line))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// A row the parser filled, with the wrong number of values, from a line
/// that another table reads as a well-formed row (a truncated requests
/// table whose missing last rows took the appeals numbers): written as not
/// found, so that the re-read does not take the other table's row once
/// more, and the findings stay the same.
fn borrowed(row: &crate::model::Row, others: &[usize]) -> bool {
    row.found
        && row.layout.is_some()
        && row
            .cells
            .iter()
            .filter_map(|c| c.line)
            .chain(row.line)
            .any(|l| others.binary_search(&l).is_ok())
}

/// Write one table in the canonical layout.
pub fn write_table(t: &Table, out: &mut String) {
    write_table_with(t, &[], out);
}

/// Write one table in the canonical layout, leaving out the rows read from
/// `others` (sorted lines of the other tables' cells).
fn write_table_with(t: &Table, others: &[usize], out: &mut String) {
    let found = |r: usize| t.rows[r].found && !borrowed(&t.rows[r], others);
    match t.id {
        TableId::Active => {
            let total = 1 + ACTIVE.width();
            for (r, spec) in ACTIVE.rows.iter().enumerate() {
                if let Some(g) = spec.group {
                    // A group's header only when one of its rows is written.
                    let group_found = t.rows[r..]
                        .iter()
                        .zip(&ACTIVE.rows[r..])
                        .enumerate()
                        .take_while(|(i, (_, s))| *i == 0 || s.group.is_none())
                        .any(|(i, _)| found(r + i));
                    if group_found {
                        push_row(out, &[g.title], total);
                        let mut head = vec!["信息内容"];
                        head.extend_from_slice(g.columns);
                        push_row(out, &head, total);
                    }
                }
                if !found(r) {
                    // Nothing was found to write; the re-read reports the
                    // row as not found again.
                    continue;
                }
                let (v, delta) = laid_out(t, r);
                let mut fields = vec![spec.label];
                fields.extend(v.iter().map(String::as_str));
                push_row(out, &fields, width(total, delta));
            }
        }
        // Header rows alone would read back as prose.
        TableId::Requests if !(0..REQUESTS.rows.len()).any(found) => {}
        TableId::Requests => {
            let total = REQUESTS.label_columns + REQUESTS.width();
            for head in REQUESTS.header {
                push_row(out, head, total);
            }
            for (r, spec) in REQUESTS.rows.iter().enumerate() {
                if !found(r) {
                    continue;
                }
                let (v, delta) = laid_out(t, r);
                let mut fields: Vec<&str> = spec.layout.to_vec();
                fields.extend(v.iter().map(String::as_str));
                push_row(out, &fields, width(total, delta));
            }
        }
        TableId::Appeals => {
            let total = APPEALS.width();
            for head in APPEALS.header {
                push_row(out, head, total);
            }
            let (v, delta) = laid_out(t, 0);
            let fields: Vec<&str> = v.iter().map(String::as_str).collect();
            push_row(out, &fields, width(total, delta));
        }
    }
}
