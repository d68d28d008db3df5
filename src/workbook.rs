//! The coordinator's summary as an Excel workbook (`check --summary xlsx`):
//! a summary sheet (one row per report), a sheet listing every finding, and
//! the circular's paragraph with the counts by status. Opens as it is in
//! Excel and WPS: frozen header, filters, columns as wide as their text
//! (CJK counted double), counts as numbers.

use unicode_width::UnicodeWidthStr;

use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};

use crate::batch::{self, Summary, Tally};
use crate::i18n::{Key, text};
use crate::rules::{Finding, Severity};

/// Widest column, in Excel's character units.
const MAX_WIDTH: usize = 60;

/// The location of a finding in words: `依申请公开 / 一、本年新收 / 总计`.
pub fn cell_label(f: &Finding) -> String {
    let Some(table) = f.table else {
        return String::new();
    };
    let mut parts = vec![table.title().to_string()];
    if let Some(r) = f.row {
        if let Some(spec) = table.spec().rows.get(r) {
            parts.push(spec.short.to_string());
        }
        if let Some(c) = f.column {
            parts.push(crate::template::column_label(table, r, c).to_string());
        }
    } else if let Some(c) = f.column {
        if let Some(col) = table.spec().columns.get(c) {
            parts.push(col.to_string());
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" / ")
}

/// Column widths fitted to the widest cell (CJK double), within bounds.
struct Widths(Vec<usize>);

impl Widths {
    fn new(header: &[String]) -> Widths {
        Widths(header.iter().map(|h| h.width()).collect())
    }

    fn see(&mut self, col: usize, s: &str) {
        if let Some(w) = self.0.get_mut(col) {
            *w = (*w).max(s.width());
        }
    }

    fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for (c, &w) in self.0.iter().enumerate() {
            ws.set_column_width(c as u16, (w.min(MAX_WIDTH) + 2) as f64)?;
        }
        Ok(())
    }
}

fn header_row(ws: &mut Worksheet, header: &[String], bold: &Format) -> Result<(), XlsxError> {
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Why the workbook could not be made: the catalogue's sentence, the
/// writer's own (English) text quoted.
#[derive(Debug)]
pub struct WorkbookError(pub XlsxError);

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::tr!(Key::ErrWorkbook, detail = self.0))
    }
}

impl std::error::Error for WorkbookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// The workbook for `rows` and, beside each, its findings (empty for an
/// unreadable file), as the bytes of an .xlsx file.
pub fn summary_xlsx(rows: &[Summary], findings: &[Vec<Finding>]) -> Result<Vec<u8>, WorkbookError> {
    build(rows, findings).map_err(WorkbookError)
}

fn build(rows: &[Summary], findings: &[Vec<Finding>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let unreadable = Format::new()
        .set_background_color(Color::RGB(0xFCE4D6))
        .set_font_color(Color::RGB(0x9C0006));

    // The summary: the same columns as the CSV, counts as numbers.
    let header = batch::summary_header();
    let ws = book.add_worksheet();
    ws.set_name(text(Key::SheetSummary))?;
    header_row(ws, &header, &bold)?;
    let mut widths = Widths::new(&header);
    let counts_at = 4..4 + 2 * batch::Family::ALL.len();
    for (i, s) in rows.iter().enumerate() {
        let r = (i + 1) as u32;
        let fields = batch::summary_fields(s);
        let bad = s.checked_counts().is_none();
        for (c, v) in fields.iter().enumerate() {
            let col = c as u16;
            let number = if counts_at.contains(&c) || c == 2 {
                v.parse::<u32>().ok()
            } else {
                None
            };
            match (number, bad) {
                (Some(n), _) => {
                    ws.write_number(r, col, n)?;
                }
                (None, true) => {
                    ws.write_string_with_format(r, col, v, &unreadable)?;
                }
                (None, false) if v.is_empty() => {}
                (None, false) => {
                    ws.write_string(r, col, v)?;
                }
            }
            widths.see(c, v);
        }
    }
    ws.autofilter(0, 0, rows.len() as u32, (header.len() - 1) as u16)?;
    widths.apply(ws)?;

    // Every finding, one row each.
    let header: Vec<String> = [
        Key::ColAgency,
        Key::ColFile,
        Key::ColRule,
        Key::ColRuleId,
        Key::ColSeverity,
        Key::ColCell,
        Key::ColMessage,
        Key::ColFix,
    ]
    .iter()
    .map(|&k| text(k).to_string())
    .collect();
    let ws = book.add_worksheet();
    ws.set_name(text(Key::SheetFindings))?;
    header_row(ws, &header, &bold)?;
    let mut widths = Widths::new(&header);
    let mut r = 0u32;
    for (s, fs) in rows.iter().zip(findings) {
        let file = s.path.display().to_string();
        for f in fs {
            r += 1;
            let cells = [
                s.agency.clone(),
                file.clone(),
                f.rule.name().to_string(),
                f.rule.id().to_string(),
                text(match f.severity {
                    Severity::Error => Key::SeverityError,
                    Severity::Warning => Key::SeverityWarning,
                })
                .to_string(),
                cell_label(f),
                f.message.to_string(),
                f.suggestion
                    .as_ref()
                    .map(|s| s.describe())
                    .unwrap_or_default(),
            ];
            for (c, v) in cells.iter().enumerate() {
                let v = crate::output::escape_controls(v);
                if !v.is_empty() {
                    ws.write_string(r, c as u16, v.as_ref())?;
                }
                widths.see(c, &v);
            }
        }
    }
    ws.autofilter(0, 0, r, (header.len() - 1) as u16)?;
    widths.apply(ws)?;

    // The circular's paragraph, then the reports counted by status
    // (unreadable ones apart).
    let tally = Tally::of(rows, findings);
    let ws = book.add_worksheet();
    ws.set_name(text(Key::SheetNotice))?;
    let para = tally.paragraph(batch::NOTICE_TOP);
    ws.write_string(0, 0, &para)?;
    let statuses = [
        (Key::StatusErrors, tally.with_errors),
        (Key::StatusWarnings, tally.warnings_only),
        (Key::StatusClean, tally.clean),
        (Key::StatusUnreadable, tally.unreadable),
    ];
    ws.write_string_with_format(2, 0, text(Key::ColStatus), &bold)?;
    for (i, (k, n)) in statuses.iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_string(row, 0, text(*k))?;
        ws.write_number(row, 1, *n as u32)?;
    }
    ws.set_column_width(0, 16)?;
    book.save_to_buffer()
}
