//! The normalized writer: UTF-8, LF, every narrative line kept (trailing
//! spaces trimmed), every table in one canonical tab-separated layout with
//! the template's label columns and the same number of fields per row.

use crate::cell::CellValue;
use crate::model::{Block, Report, Table};
use crate::template::{ACTIVE, APPEALS, REQUESTS, TableId};

/// Where the normalized report goes by default: `<stem>.normalized.txt`
/// beside the input.
pub fn default_output(input: &std::path::Path) -> std::path::PathBuf {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    input.with_file_name(format!("{stem}.normalized.txt"))
}

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
            let l = REQUESTS.label_columns;
            let total = l + REQUESTS.width();
            push_row(
                out,
                &[
                    "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)",
                    "",
                    "",
                    "申请人情况",
                ],
                total,
            );
            push_row(
                out,
                &[
                    "",
                    "",
                    "",
                    "自然人",
                    "法人或其他组织",
                    "",
                    "",
                    "",
                    "",
                    "总计",
                ],
                total,
            );
            push_row(
                out,
                &[
                    "",
                    "",
                    "",
                    "",
                    "商业企业",
                    "科研机构",
                    "社会公益组织",
                    "法律服务机构",
                    "其他",
                    "",
                ],
                total,
            );
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
            let mut g = vec![""; total];
            g[0] = "行政复议";
            g[5] = "行政诉讼";
            push_row(out, &g, total);
            let mut g = vec![""; total];
            g[5] = "未经复议直接起诉";
            g[10] = "复议后起诉";
            push_row(out, &g, total);
            let heads: Vec<&str> = (0..3)
                .flat_map(|_| ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
                .collect();
            push_row(out, &heads, total);
            let v = values(t, 0);
            let fields: Vec<&str> = v.iter().map(String::as_str).collect();
            push_row(out, &fields, total);
        }
    }
}
