//! Why a Word, web or PDF document cannot be read as a report: one typed
//! error for every converter, so callers and tests match on the cause.

use thiserror::Error;

#[cfg(feature = "pdf")]
pub(super) use super::pdf::PdfError;

use super::{MAX_DOCUMENT_CELLS, MAX_TABLE_CELLS, MAX_TABLE_NESTING, MAX_TEXT_BYTES};

/// The main part of a .docx.
pub(super) const MAIN_PART: &str = "word/document.xml";

const MB: usize = 1024 * 1024;

#[derive(Debug, Error)]
pub enum DocumentError {
    /// An OLE file: Word 97-2003 or an encrypted Office document.
    #[error(
        "an old Word 97-2003 .doc or an encrypted document, not a .docx: save it as .docx (without a password) or as text"
    )]
    OldWordOrEncrypted,
    #[error("not a Word document: a .docx is a zip archive, this file is not ({0})")]
    NotAZip(String),
    #[error("a zip archive without {MAIN_PART}: not a Word document")]
    NoMainPart,
    #[error("cannot read {MAIN_PART}: {0}")]
    PartUnreadable(String),
    #[error("{MAIN_PART} unpacks to over {} MB: not a report", MAX_TEXT_BYTES / MB)]
    PartTooLarge,
    #[error("{MAIN_PART} is damaged: {0}")]
    PartDamaged(String),
    /// The XML of the main part is not well formed (the parser's words).
    #[error("{MAIN_PART} is malformed{0}")]
    Malformed(String),
    /// The main part ends inside a character or inside open elements.
    #[error("{MAIN_PART} is truncated or malformed: {0}")]
    Truncated(String),
    #[error("{MAIN_PART} has no document body: not a Word document")]
    NoBody,
    #[error("{MAIN_PART} nests its elements over {0} deep: not a report")]
    XmlTooDeep(usize),
    #[error("the web page nests its elements over {0} deep: not a report")]
    HtmlTooDeep(usize),
    #[error("the web page has over {0} elements: not a report")]
    TooManyElements(usize),
    #[error(
        "no tables were found in the web page (an annual report has three; a page that loads its tables by script or in a frame cannot be read: save the report itself)"
    )]
    NoTables,
    #[error(
        "a table expands to over {MAX_TABLE_CELLS} cells (merged cells included): not a report"
    )]
    TableTooLarge,
    #[error(
        "the document's tables expand to over {MAX_DOCUMENT_CELLS} cells (merged cells included): not a report"
    )]
    DocumentTooLarge,
    #[error("tables are nested over {MAX_TABLE_NESTING} deep inside each other: not a report")]
    TablesTooDeep,
    #[error("the document's text is over {} MB: not a report", MAX_TEXT_BYTES / MB)]
    TextTooLarge,
    #[error("the document has no text")]
    NoText,
    /// Built without the `pdf` feature.
    #[error("此版本不能读取 PDF (built without PDF support: rebuild with the `pdf` feature)")]
    PdfNotBuiltIn,
    #[cfg(feature = "pdf")]
    #[error("{0}")]
    Pdf(#[from] PdfError),
}
