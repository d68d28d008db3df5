//! Word (.docx) and web page (.html, .htm) input: a document becomes the
//! plain TEXT the parser already reads.
//!
//! Paragraphs become lines; each table row becomes one tab-separated line,
//! merged cells expanded by their span (the text in the first grid column,
//! empty cells for the rest; a vertically merged cell is an empty cell in the
//! rows it covers); the runs or spans inside a cell are concatenated
//! (`总` + `计` → `总计`); `&nbsp;`, `<o:p></o:p>` and whitespace-only cells
//! are empty; a blank line follows each table. The parser does the rest, so
//! findings cite the generated text's line numbers; [`Document::origins`]
//! says where each of those lines came from (`paragraph 12`,
//! `table 2 row 5`).

mod docx;
mod error;
mod html;
#[cfg(feature = "pdf")]
pub mod pdf;

use std::path::Path;

use crate::decode::LoadError;
use crate::model::Origin;
pub use error::DocumentError;

/// Largest decompressed part read from a .docx, and largest text made from
/// any document (100 MB): a zip bomb or an absurd `colspan` stops here.
pub const MAX_TEXT_BYTES: usize = 100 * 1024 * 1024;

/// Largest column span honoured (HTML's own limit for `colspan`).
const MAX_SPAN: usize = 1000;

/// Most cells one table may expand to on its grid, spans included. The
/// template's largest table is about 30 rows of 10 cells; Word's grids
/// rarely pass a thousand cells.
pub const MAX_TABLE_CELLS: usize = 50_000;

/// Most cells all the tables of one document may expand to, spans included.
pub const MAX_DOCUMENT_CELLS: usize = 200_000;

/// Deepest nesting of tables inside table cells (real reports nest one or
/// two): each level copies the text of the levels inside it.
pub const MAX_TABLE_NESTING: usize = 32;

/// Counts the cells a document's tables expand to, spans included, against
/// [`MAX_TABLE_CELLS`] and [`MAX_DOCUMENT_CELLS`].
#[derive(Debug, Default)]
struct CellBudget {
    document: usize,
}

impl CellBudget {
    /// Take `n` more cells for a table that already holds `table` cells;
    /// returns the table's new count.
    fn take(&mut self, table: usize, n: usize) -> Result<usize, DocumentError> {
        self.document = self.document.saturating_add(n);
        let table = table.saturating_add(n);
        if table > MAX_TABLE_CELLS {
            return Err(DocumentError::TableTooLarge);
        }
        if self.document > MAX_DOCUMENT_CELLS {
            return Err(DocumentError::DocumentTooLarge);
        }
        Ok(table)
    }
}

/// A document converted to report text.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The text the parser reads: one line per paragraph or table row, LF
    /// line endings, a final LF.
    pub text: String,
    /// What the report was read from: `docx`, `html (UTF-8)`, `html (GBK)`…
    pub encoding: &'static str,
    /// Where each line of `text` came from, one entry per line (line 1 is
    /// `origins[0]`): paragraph 12, table 2 row 5, after table 2.
    pub origins: Vec<Origin>,
}

impl Document {
    /// The origin of a 1-based text line.
    pub fn origin(&self, line: usize) -> Option<Origin> {
        line.checked_sub(1)
            .and_then(|i| self.origins.get(i))
            .copied()
    }
}

/// Is this a Word, web or PDF document (by extension, any case)?
pub fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "docx" | "html" | "htm" | "pdf"
        )
    })
}

/// Convert a Word, web or PDF document to report text. `None` when the
/// file's extension is not `.docx`, `.html`, `.htm` or `.pdf` (any case) and
/// it does not start like a PDF (`%PDF-`): such a file is read as plain text.
pub fn document_text(path: &Path, bytes: &[u8]) -> Option<Result<Document, LoadError>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let convert: fn(&[u8]) -> Result<Document, DocumentError> = match ext.as_str() {
        "docx" => docx::convert,
        "html" | "htm" => html::convert,
        #[cfg(feature = "pdf")]
        "pdf" => pdf::convert,
        #[cfg(not(feature = "pdf"))]
        "pdf" => no_pdf,
        // A PDF saved without its extension (or as .txt by a crawler).
        #[cfg(feature = "pdf")]
        _ if bytes.starts_with(b"%PDF-") => pdf::convert,
        _ => return None,
    };
    if bytes.is_empty() {
        return Some(Err(LoadError::Empty {
            path: path.to_path_buf(),
        }));
    }
    Some(convert(bytes).map_err(|why| LoadError::Document {
        path: path.to_path_buf(),
        why,
    }))
}

/// Built without the `pdf` feature: a PDF is refused with a reason.
#[cfg(not(feature = "pdf"))]
fn no_pdf(_: &[u8]) -> Result<Document, DocumentError> {
    Err(DocumentError::PdfNotBuiltIn)
}

/// A count for an origin (a document's counts are far below `u32::MAX`;
/// saturates).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Lines of text and their origins, as a document is walked.
#[derive(Debug, Default)]
struct Builder {
    lines: Vec<String>,
    origins: Vec<Origin>,
    bytes: usize,
    tables: usize,
}

impl Builder {
    /// Add one line (line breaks inside it become spaces).
    fn line(&mut self, text: &str, origin: Origin) -> Result<(), DocumentError> {
        let text: String = text
            .chars()
            .map(|c| {
                if crate::decode::is_line_end(c) {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        self.bytes += text.len() + 1;
        if self.bytes > MAX_TEXT_BYTES {
            return Err(DocumentError::TextTooLarge);
        }
        self.lines.push(text);
        self.origins.push(origin);
        Ok(())
    }

    /// Add a paragraph: one line per line break in it; whitespace-only lines
    /// are left out; trailing spaces trimmed.
    fn paragraph(&mut self, text: &str, number: usize) -> Result<(), DocumentError> {
        let mut part = 0;
        for piece in text.split(crate::decode::is_line_end) {
            let piece = piece.replace('\u{a0}', " ");
            if piece.trim().is_empty() {
                continue;
            }
            part += 1;
            let origin = Origin::Paragraph {
                n: count(number),
                part,
            };
            self.line(piece.trim_end(), origin)?;
        }
        Ok(())
    }

    /// Add a table: one tab-separated line per row (cells already expanded
    /// to the grid), then a blank line. Returns the table's number.
    fn table(&mut self, rows: &[Vec<String>]) -> Result<usize, DocumentError> {
        self.tables += 1;
        let t = self.tables;
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<String> = row.iter().map(|c| clean_cell(c)).collect();
            let origin = Origin::TableRow {
                table: count(t),
                row: count(i + 1),
            };
            self.line(&cells.join("\t"), origin)?;
        }
        self.line("", Origin::AfterTable { table: count(t) })?;
        Ok(t)
    }

    fn finish(self, encoding: &'static str) -> Result<Document, DocumentError> {
        if self.lines.iter().all(|l| l.trim().is_empty()) {
            return Err(DocumentError::NoText);
        }
        let mut text = self.lines.join("\n");
        text.push('\n');
        Ok(Document {
            text,
            encoding,
            origins: self.origins,
        })
    }
}

/// A cell's text for a tab-separated line: tabs and line breaks become
/// spaces, `&nbsp;` a space, and the text is trimmed (whitespace-only → empty).
fn clean_cell(text: &str) -> String {
    let t: String = text
        .chars()
        .map(|c| match c {
            '\t' | '\u{a0}' => ' ',
            c if crate::decode::is_line_end(c) => ' ',
            c => c,
        })
        .collect();
    t.trim().to_string()
}

/// Not ASCII and not whitespace: a Chinese character or full-width mark.
fn is_wide(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

/// Join the paragraphs of one cell: directly between two Chinese characters
/// (`商业` / `企业` → `商业企业`), with a space otherwise.
fn join_parts<S: AsRef<str>>(parts: &[S]) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.as_ref().trim();
        if part.is_empty() {
            continue;
        }
        let glue = match (out.chars().last(), part.chars().next()) {
            (None, _) => false,
            (Some(a), Some(b)) => !(is_wide(a) && is_wide(b)),
            _ => true,
        };
        if glue {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// A span attribute (`colspan`, `w:gridSpan`): its leading digits, at least
/// 1 and at most [`MAX_SPAN`].
fn parse_span(value: &str) -> usize {
    let digits: String = value
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(8)
        .collect();
    digits.parse::<usize>().unwrap_or(1).clamp(1, MAX_SPAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        let p = |s: &str| document_text(Path::new(s), b"x").is_some();
        assert!(p("a.docx") && p("a.DOCX") && p("a.html") && p("b.HTM") && p("c.Htm"));
        assert!(!p("a.txt") && !p("a") && !p("a.doc") && !p("docx"));
        assert!(p("a.PDF"));
        #[cfg(feature = "pdf")]
        assert!(document_text(Path::new("download"), b"%PDF-1.4\n").is_some());
        assert!(matches!(
            document_text(Path::new("a.docx"), b""),
            Some(Err(LoadError::Empty { .. }))
        ));
    }

    #[test]
    fn joining_and_cells() {
        assert_eq!(join_parts(&["商业", "企业"]), "商业企业");
        assert_eq!(join_parts(&["1.", "属于", "", " "]), "1. 属于");
        assert_eq!(join_parts(&["(七)", "总计"]), "(七) 总计");
        assert_eq!(clean_cell("\u{a0}\t \n"), "");
        assert_eq!(clean_cell(" 总\t计 "), "总 计");
        assert_eq!(parse_span("3"), 3);
        assert_eq!(parse_span(" 2px"), 2);
        assert_eq!(parse_span("0"), 1);
        assert_eq!(parse_span("x"), 1);
        assert_eq!(parse_span("99999999999"), MAX_SPAN);
    }

    #[test]
    fn builder_lines_match_origins() {
        let mut b = Builder::default();
        b.paragraph("一、总体情况\n\n 第二行 \u{a0}", 1).unwrap();
        b.table(&[vec!["规章".into(), "0".into()], vec!["\u{a0}".into()]])
            .unwrap();
        let doc = b.finish("docx").unwrap();
        assert_eq!(doc.text, "一、总体情况\n 第二行\n规章\t0\n\n\n");
        let machine: Vec<String> = doc.origins.iter().map(|o| o.machine()).collect();
        assert_eq!(
            machine,
            [
                "paragraph 1",
                "paragraph 1 line 2",
                "table 1 row 1",
                "table 1 row 2",
                "after table 1"
            ]
        );
        assert_eq!(
            crate::parse::split_lines(&doc.text).len(),
            doc.origins.len()
        );
        assert_eq!(doc.origin(3), Some(Origin::TableRow { table: 1, row: 1 }));
        assert_eq!(doc.origin(0), None);
    }
}
