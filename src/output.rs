//! What `check` prints: compiler-style text lines and the JSON document.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use crate::cell::CellValue;
use crate::i18n::Key;
use crate::model::Row;

use crate::model::{Report, Table};
use crate::rules::{Finding, counts};
use crate::template::TableId;

/// Make control characters visible: every C0 control (tab and line feed
/// included: a finding is one line), DEL and every C1 control is written as
/// an escape (`\x1b`, `\x7f`, `\u{9b}`), so report text printed to a
/// terminal cannot retitle it (OSC), colour it (SGR) or move its cursor.
/// Borrowed when there is nothing to escape.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c as u32 {
            0..=0x1f | 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            0x80..=0x9f => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One finding as a compiler-style line: `file:line: error[rule]: message`,
/// control characters made visible ([`escape_controls`]).
pub fn text_line(path: &str, report: &Report, f: &Finding) -> String {
    escape_controls(&text_line_raw(path, report, f)).into_owned()
}

fn text_line_raw(path: &str, report: &Report, f: &Finding) -> String {
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
        (Some(s), _) => crate::tr!(Key::CheckFix, fix = s.describe()),
        (None, Some(n)) => crate::tr!(Key::CheckNoFix, n = n),
        (None, None) => String::new(),
    };
    format!(
        "{loc}: {}[{}]: {}{addr}{hint}",
        f.severity.as_str(),
        f.rule,
        f.message
    )
}

/// A one-line summary of a file's findings (control characters made
/// visible).
pub fn summary_line(path: &str, report: &Report, findings: &[Finding]) -> String {
    let (e, w) = counts(findings);
    let line = crate::tr!(
        Key::CheckSummaryLine,
        path = path,
        errors = count_errors(e),
        warnings = count_warnings(w),
        encoding = report.encoding
    );
    escape_controls(&line).into_owned()
}

/// `3 个错误` / `3 errors`, `1 error`.
pub fn count_errors(n: usize) -> String {
    let key = if n == 1 {
        Key::CountErrorsOne
    } else {
        Key::CountErrorsMany
    };
    crate::tr!(key, n = n)
}

/// `3 个警告` / `3 warnings`, `1 warning`.
pub fn count_warnings(n: usize) -> String {
    let key = if n == 1 {
        Key::CountWarningsOne
    } else {
        Key::CountWarningsMany
    };
    crate::tr!(key, n = n)
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
    origin: Option<crate::model::Origin>,
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
    to_json(&doc).unwrap_or_else(|e| json_text(&error_json(path, &e.to_string())))
}

/// JSON escapes C0 controls itself; DEL and the C1 controls (U+0080–U+009F,
/// which some terminals obey as 8-bit CSI/OSC) are escaped as `\u009b` too,
/// so JSON printed to a terminal is as inert as the text output.
struct TerminalSafe;

impl serde_json::ser::Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if matches!(c as u32, 0x7f..=0x9f) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut buf = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, TerminalSafe);
    value.serialize(&mut ser)?;
    // serde_json writes UTF-8 only (the lossy path is never taken; the
    // strict check is the cheaper one).
    Ok(String::from_utf8(buf)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// A JSON value as compact text, terminal-safe like [`report_json_string`].
pub fn json_text(value: &Value) -> String {
    to_json(value).unwrap_or_else(|_| value.to_string())
}

/// The JSON object for one report, as a value.
pub fn report_json(path: &str, report: &Report, findings: &[Finding]) -> Value {
    serde_json::from_str(&report_json_string(path, report, findings)).unwrap_or(Value::Null)
}

/// The JSON object for a file that could not be read.
pub fn error_json(path: &str, error: &str) -> Value {
    json!({ "path": path, "error": error, "tables": null, "findings": [] })
}
