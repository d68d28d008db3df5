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
                    write_table(t, &mut out);
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

/// Write one table in the canonical layout.
pub fn write_table(t: &Table, out: &mut String) {
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
                        .any(|(_, (row, _))| row.found);
                    if group_found {
                        push_row(out, &[g.title], total);
                        let mut head = vec!["信息内容"];
                        head.extend_from_slice(g.columns);
                        push_row(out, &head, total);
                    }
                }
                if !t.rows[r].found {
                    // Nothing was found to write; the re-read reports the
                    // row as not found again.
                    continue;
                }
                let v = values(t, r);
                let mut fields = vec![spec.label];
                fields.extend(v.iter().map(String::as_str));
                push_row(out, &fields, total);
            }
        }
        TableId::Requests => {
            let total = REQUESTS.label_columns + REQUESTS.width();
            for head in REQUESTS.header {
                push_row(out, head, total);
            }
            for (r, spec) in REQUESTS.rows.iter().enumerate() {
                if !t.rows[r].found {
                    continue;
                }
                let v = values(t, r);
                let mut fields: Vec<&str> = spec.layout.to_vec();
                fields.extend(v.iter().map(String::as_str));
                push_row(out, &fields, total);
            }
        }
        TableId::Appeals => {
            let total = APPEALS.width();
            for head in APPEALS.header {
                push_row(out, head, total);
            }
            let v = values(t, 0);
            let fields: Vec<&str> = v.iter().map(String::as_str).collect();
            push_row(out, &fields, total);
        }
    }
}
