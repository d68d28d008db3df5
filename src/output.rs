//! What `check` prints: compiler-style text lines and the JSON document.

use serde_json::{Value, json};

use crate::model::{Report, Table};
use crate::rules::{Finding, counts};
use crate::template::TableId;

/// One finding as a compiler-style line: `file:line: error[rule]: message`.
pub fn text_line(path: &str, f: &Finding) -> String {
    let loc = match f.line {
        Some(l) => format!("{path}:{l}"),
        None => path.to_string(),
    };
    let table = f.table.map(|t| t.id()).unwrap_or("-");
    let addr = match (f.row, f.column) {
        (Some(r), Some(c)) => format!(" ({table} r{r} c{c})"),
        (Some(r), None) => format!(" ({table} r{r})"),
        (None, Some(c)) => format!(" ({table} c{c})"),
        (None, None) => String::new(),
    };
    format!(
        "{loc}: {}[{}]: {}{addr}",
        f.severity.as_str(),
        f.rule,
        f.message
    )
}

/// A one-line summary of a file's findings.
pub fn summary_line(path: &str, report: &Report, findings: &[Finding]) -> String {
    let (e, w) = counts(findings);
    format!(
        "{path}: {e} error{}, {w} warning{} (read as {})",
        if e == 1 { "" } else { "s" },
        if w == 1 { "" } else { "s" },
        report.encoding
    )
}

fn table_json(t: &Table) -> Value {
    let spec = t.id.spec();
    let rows: Vec<Value> = t
        .rows
        .iter()
        .zip(spec.rows)
        .map(|(row, rs)| {
            let values: Vec<Value> = row.cells.iter().map(|c| c.value.to_json()).collect();
            json!({"label": rs.label, "values": values})
        })
        .collect();
    match t.id {
        TableId::Active => json!({ "rows": rows }),
        _ => json!({ "columns": spec.columns, "rows": rows }),
    }
}

/// The JSON object for one report.
pub fn report_json(path: &str, report: &Report, findings: &[Finding]) -> Value {
    let mut tables = serde_json::Map::new();
    for id in TableId::ALL {
        tables.insert(
            id.id().to_string(),
            report.table(id).map_or(Value::Null, table_json),
        );
    }
    json!({
        "path": path,
        "encoding": report.encoding,
        "tables": tables,
        "findings": findings,
    })
}

/// The JSON object for a file that could not be read.
pub fn error_json(path: &str, error: &str) -> Value {
    json!({ "path": path, "error": error, "tables": null, "findings": [] })
}
