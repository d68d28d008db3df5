//! What `check` prints: compiler-style text lines and the JSON document.

use serde::ser::Serialize;
use serde_json::{Value, json};

use crate::cell::CellValue;
use crate::i18n::Key;
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
        encoding = crate::decode::display_name(&report.encoding)
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

/// One report as a JSON object, appended to `w`: written straight into the
/// caller's buffer (no intermediate tree, no `String` per report), byte for
/// byte what serde_json with [`TerminalSafe`] writes for the same document
/// (`tests/golden.rs`).
///
/// `{"path":…,"encoding":…,"tables":{"active":…,"requests":…,"appeals":…},
/// "findings":[…]}`; a table not found is `null`, a cell value is a number
/// (blank is 0) or `null` (invalid, missing).
pub fn write_report_json(w: &mut Vec<u8>, path: &str, report: &Report, findings: &[Finding]) {
    w.extend_from_slice(b"{\"path\":");
    write_str(w, path);
    w.extend_from_slice(b",\"encoding\":");
    write_str(w, &report.encoding);
    w.extend_from_slice(b",\"tables\":{");
    for (k, id) in TableId::ALL.into_iter().enumerate() {
        if k > 0 {
            w.push(b',');
        }
        w.push(b'"');
        w.extend_from_slice(id.id().as_bytes());
        w.extend_from_slice(b"\":");
        match report.table(id) {
            Some(t) => write_table(w, t),
            None => w.extend_from_slice(b"null"),
        }
    }
    w.extend_from_slice(b"},\"findings\":[");
    for (k, f) in findings.iter().enumerate() {
        if k > 0 {
            w.push(b',');
        }
        write_finding(w, f, f.line.and_then(|l| report.origin(l)));
    }
    w.extend_from_slice(b"]}");
}

/// The constant parts of a table's JSON, escaped once per process: the
/// opening (with the column labels) and each row's `{"label":…,"values":[`.
struct TableJson {
    head: Vec<u8>,
    rows: Vec<Vec<u8>>,
}

fn table_json(id: TableId) -> &'static TableJson {
    static TABLES: std::sync::OnceLock<[TableJson; 3]> = std::sync::OnceLock::new();
    let all = TABLES.get_or_init(|| {
        TableId::ALL.map(|id| {
            let spec = id.spec();
            let mut head = b"{".to_vec();
            if id != TableId::Active {
                head.extend_from_slice(b"\"columns\":[");
                for (k, c) in spec.columns.iter().enumerate() {
                    if k > 0 {
                        head.push(b',');
                    }
                    write_str(&mut head, c);
                }
                head.extend_from_slice(b"],");
            }
            head.extend_from_slice(b"\"rows\":[");
            let rows = spec
                .rows
                .iter()
                .map(|r| {
                    let mut row = b"{\"label\":".to_vec();
                    write_str(&mut row, r.label);
                    row.extend_from_slice(b",\"values\":[");
                    row
                })
                .collect();
            TableJson { head, rows }
        })
    });
    &all[id as usize]
}

fn write_table(w: &mut Vec<u8>, t: &Table) {
    let pieces = table_json(t.id);
    w.extend_from_slice(&pieces.head);
    for (k, (row, head)) in t.rows.iter().zip(&pieces.rows).enumerate() {
        if k > 0 {
            w.push(b',');
        }
        w.extend_from_slice(head);
        for (j, c) in row.cells.iter().enumerate() {
            if j > 0 {
                w.push(b',');
            }
            write_value(w, &c.value);
        }
        w.extend_from_slice(b"]}");
    }
    w.extend_from_slice(b"]}");
}

/// A cell value: blank is 0, invalid and missing are null.
fn write_value(w: &mut Vec<u8>, v: &CellValue) {
    match v {
        CellValue::Int(v) => write_int(w, *v),
        CellValue::Blank => w.push(b'0'),
        // serde_json's own float formatting (shortest round trip).
        CellValue::Amount(v) if v.is_finite() => {
            if serde_json::to_writer(&mut *w, v).is_err() {
                w.extend_from_slice(b"null");
            }
        }
        _ => w.extend_from_slice(b"null"),
    }
}

fn write_int(w: &mut Vec<u8>, v: i64) {
    if (0..10).contains(&v) {
        w.push(b'0' + v as u8);
        return;
    }
    w.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

fn write_opt_int(w: &mut Vec<u8>, v: Option<i64>) {
    match v {
        Some(v) => write_int(w, v),
        None => w.extend_from_slice(b"null"),
    }
}

fn write_opt_index(w: &mut Vec<u8>, v: Option<usize>) {
    write_opt_int(w, v.and_then(|v| i64::try_from(v).ok()));
}

/// One finding, with where its line came from in a Word or web document:
/// the fields in the order of [`Finding`]'s own `Serialize`.
fn write_finding(w: &mut Vec<u8>, f: &Finding, origin: Option<crate::model::Origin>) {
    w.extend_from_slice(b"{\"rule\":");
    write_str(w, f.rule.id());
    w.extend_from_slice(b",\"severity\":");
    write_str(w, f.severity.as_str());
    w.extend_from_slice(b",\"table\":");
    match f.table {
        Some(t) => write_str(w, t.id()),
        None => w.extend_from_slice(b"null"),
    }
    w.extend_from_slice(b",\"row\":");
    write_opt_index(w, f.row);
    w.extend_from_slice(b",\"column\":");
    write_opt_index(w, f.column);
    w.extend_from_slice(b",\"expected\":");
    write_opt_int(w, f.expected);
    w.extend_from_slice(b",\"actual\":");
    write_opt_int(w, f.actual);
    w.extend_from_slice(b",\"line\":");
    write_opt_index(w, f.line);
    w.extend_from_slice(b",\"message\":");
    write_message(w, f);
    if let Some(s) = &f.suggestion {
        w.extend_from_slice(b",\"suggestion\":");
        let mut ser = serde_json::Serializer::with_formatter(&mut *w, TerminalSafe);
        if s.serialize(&mut ser).is_err() {
            w.extend_from_slice(b"null");
        }
    }
    if let Some(n) = f.alternatives {
        w.extend_from_slice(b",\"alternatives\":");
        write_opt_index(w, Some(n));
    }
    if let Some(o) = origin {
        w.extend_from_slice(b",\"origin\":");
        write_str(w, &o.machine());
    }
    w.push(b'}');
}

/// A finding's message (the one place the JSON renders it).
fn write_message(w: &mut Vec<u8>, f: &Finding) {
    // The machine contract: always the Chinese text, whatever --lang says.
    write_str(w, &f.message.render(crate::i18n::Lang::Zh));
}

/// Which bytes a JSON string cannot hold as they are: C0 controls, `"`,
/// `\`, DEL, and 0xC2 (the lead byte of U+0080–U+00BF, among them the C1
/// controls).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0x7f] = true;
    t[0xc2] = true;
    t
};

/// A JSON string, escaped as serde_json escapes it (`\"`, `\\`, `\n`, `\t`,
/// `\r`, `\b`, `\f`, other C0 controls `\u001b`) and, as [`TerminalSafe`]
/// adds, DEL and the C1 controls (`\u007f`, `\u009b`). Runs that need no
/// escaping (nearly all text) are copied whole.
fn write_str(w: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    w.reserve(b.len() + 2);
    w.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !SPECIAL[c as usize] {
            i += 1;
            continue;
        }
        // 0xC2 0x80–0x9F is a C1 control; other U+0080–U+00BF pass.
        let code = match c {
            0xc2 => match b.get(i + 1) {
                Some(&n @ 0x80..=0x9f) => Some(n),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => None,
        };
        w.extend_from_slice(&b[start..i]);
        // A C1 control (two bytes, never one of the short escapes) or one
        // ASCII byte to escape.
        let (byte, len) = code.map_or((c, 1), |n| (n, 2));
        let short: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            _ => b"",
        };
        if short.is_empty() {
            w.extend_from_slice(b"\\u00");
            w.push(HEX[(byte >> 4) as usize]);
            w.push(HEX[(byte & 0xf) as usize]);
        } else {
            w.extend_from_slice(short);
        }
        i += len;
        start = i;
    }
    w.extend_from_slice(&b[start..]);
    w.push(b'"');
}

/// One report as a JSON object (see [`write_report_json`]).
pub fn report_json_string(path: &str, report: &Report, findings: &[Finding]) -> String {
    let mut buf = Vec::with_capacity(4096);
    write_report_json(&mut buf, path, report, findings);
    // Written from `&str`s and ASCII only: valid UTF-8.
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The JSON object for a file that could not be read, appended to `w`:
/// what [`json_text`] of [`error_json`] gives (its keys in a JSON value's
/// sorted order).
pub fn write_error_json(w: &mut Vec<u8>, path: &str, error: &str) {
    w.extend_from_slice(b"{\"error\":");
    write_str(w, error);
    w.extend_from_slice(b",\"findings\":[],\"path\":");
    write_str(w, path);
    w.extend_from_slice(b",\"tables\":null}");
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_json with [`TerminalSafe`] writes for a string.
    fn serde_str(s: &str) -> String {
        to_json(s).unwrap()
    }

    fn mine(s: &str) -> String {
        let mut w = Vec::new();
        write_str(&mut w, s);
        String::from_utf8(w).unwrap()
    }

    #[test]
    fn strings_escape_as_serde_json_with_terminal_safe() {
        // Every character up to U+0200 alone, between text, and doubled.
        for c in (0..0x200u32).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("一{c}二"),
                format!("{c}{c}a"),
                format!("表{c}\u{85}\"\\"),
            ] {
                assert_eq!(mine(&s), serde_str(&s), "{s:?}");
            }
        }
        for s in [
            "",
            "总计: 一+二 = 29",
            "\u{2028}\u{2029}\u{feff}\u{fffd}",
            "\u{c2}\u{80}\u{9f}\u{a0}\u{bf}\u{c0}",
            "end\\",
        ] {
            assert_eq!(mine(s), serde_str(s), "{s:?}");
        }
    }

    #[test]
    fn integers_as_serde_json_writes_them() {
        for v in [0, 9, 10, 99, 100, -1, -10, 12345, i64::MAX, i64::MIN] {
            let mut w = Vec::new();
            write_int(&mut w, v);
            assert_eq!(String::from_utf8(w).unwrap(), v.to_string());
        }
    }

    #[test]
    fn an_unreadable_file_as_its_json_value() {
        let mut w = Vec::new();
        write_error_json(&mut w, "a\"b.txt", "not\u{1b} here");
        assert_eq!(
            String::from_utf8(w).unwrap(),
            json_text(&error_json("a\"b.txt", "not\u{1b} here"))
        );
    }
}
