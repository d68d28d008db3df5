//! What `check` prints: compiler-style text lines and the JSON document.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use crate::cell::CellValue;
use crate::model::Row;

use crate::model::{Report, Table};
use crate::rules::{Finding, counts};
use crate::template::TableId;

/// One finding as a compiler-style line: `file:line: error[rule]: message`.
pub fn text_line(path: &str, report: &Report, f: &Finding) -> String {
    let loc = match (f.line, f.line.and_then(|l| report.origin(l))) {
        (Some(_), Some(origin)) => format!("{path} ({origin})"),
        (Some(l), None) => format!("{path}:{l}"),
        (None, _) => path.to_string(),
    };
    let table = f.table.map(|t| t.id()).unwrap_or("-");
    let addr = match (f.row, f.column) {
        (Some(r), Some(c)) => format!(" ({table} r{r} c{c})"),
        (Some(r), None) => format!(" ({table} r{r})"),
        (None, Some(c)) => format!(" ({table} c{c})"),
        (None, None) => String::new(),
    };
    let hint = match (&f.suggestion, f.alternatives) {
        (Some(s), _) => format!(" [fix: {}]", s.describe()),
        (None, Some(n)) => format!(" [{n} single-cell fixes would do; none suggested]"),
        (None, None) => String::new(),
    };
    format!(
        "{loc}: {}[{}]: {}{addr}{hint}",
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

/// A cell value for JSON: blank is 0, invalid and missing are null.
struct JsonValue<'a>(&'a CellValue);

impl Serialize for JsonValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            CellValue::Int(v) => s.serialize_i64(*v),
            CellValue::Amount(v) if v.is_finite() => s.serialize_f64(*v),
            CellValue::Blank => s.serialize_i64(0),
            _ => s.serialize_none(),
        }
    }
}

struct JsonRow<'a> {
    label: &'static str,
    row: &'a Row,
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("label", self.label)?;
        let values: Vec<JsonValue<'_>> =
            self.row.cells.iter().map(|c| JsonValue(&c.value)).collect();
        m.serialize_entry("values", &values)?;
        m.end()
    }
}

struct JsonTable<'a>(&'a Table);

impl Serialize for JsonTable<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let spec = t.id.spec();
        let rows: Vec<JsonRow<'_>> = t
            .rows
            .iter()
            .zip(spec.rows)
            .map(|(row, rs)| JsonRow {
                label: rs.label,
                row,
            })
            .collect();
        let mut m = s.serialize_map(None)?;
        if t.id != TableId::Active {
            m.serialize_entry("columns", spec.columns)?;
        }
        m.serialize_entry("rows", &rows)?;
        m.end()
    }
}

struct JsonTables<'a>(&'a Report);

impl Serialize for JsonTables<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        for id in TableId::ALL {
            m.serialize_entry(id.id(), &self.0.table(id).map(JsonTable))?;
        }
        m.end()
    }
}

/// A finding, with where its line came from in a Word or web document.
#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    path: &'a str,
    encoding: &'a str,
    tables: JsonTables<'a>,
    findings: Vec<JsonFinding<'a>>,
}

/// One report as a JSON object, written straight to text (no intermediate
/// tree: this is the hot path of `check --format json` over many files).
pub fn report_json_string(path: &str, report: &Report, findings: &[Finding]) -> String {
    let doc = JsonReport {
        path,
        encoding: &report.encoding,
        tables: JsonTables(report),
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                finding: f,
                origin: f.line.and_then(|l| report.origin(l)),
            })
            .collect(),
    };
    serde_json::to_string(&doc).unwrap_or_else(|e| error_json(path, &e.to_string()).to_string())
}

/// The JSON object for one report, as a value.
pub fn report_json(path: &str, report: &Report, findings: &[Finding]) -> Value {
    serde_json::from_str(&report_json_string(path, report, findings)).unwrap_or(Value::Null)
}

/// The JSON object for a file that could not be read.
pub fn error_json(path: &str, error: &str) -> Value {
    json!({ "path": path, "error": error, "tables": null, "findings": [] })
}
