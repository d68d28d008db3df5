//! Why a Word, web or PDF document cannot be read as a report: one typed
//! error for every converter, so callers and tests match on the cause.

use crate::i18n::{Key, Lang};
use crate::tr_in;

#[cfg(feature = "pdf")]
pub(super) use super::pdf::PdfError;

use super::{MAX_DOCUMENT_CELLS, MAX_TABLE_CELLS, MAX_TABLE_NESTING, MAX_TEXT_BYTES};

/// The main part of a .docx.
pub(super) const MAIN_PART: &str = "word/document.xml";

const MB: usize = 1024 * 1024;

#[derive(Debug)]
pub enum DocumentError {
    /// An OLE file: Word 97-2003 or an encrypted Office document.
    OldWordOrEncrypted,
    NotAZip(String),
    NoMainPart,
    PartUnreadable(String),
    PartTooLarge,
    PartDamaged(String),
    /// The main part ends inside a character (a cut file).
    EndsInCharacter,
    /// The main part ends inside this many open elements (a cut file).
    OpenElements(usize),
    /// Bytes that are not UTF-8 at this offset of the main part.
    NotUtf8At(usize),
    /// An entity XML does not define.
    UnknownEntity(String),
    /// Table or paragraph elements that do not nest.
    Unbalanced,
    /// Not well-formed XML: the XML parser's own words, and where.
    Xml {
        at: Option<u64>,
        detail: String,
    },
    NoBody,
    XmlTooDeep(usize),
    HtmlTooDeep(usize),
    TooManyElements(usize),
    NoTables,
    TableTooLarge,
    DocumentTooLarge,
    TablesTooDeep,
    TextTooLarge,
    NoText,
    /// Built without the `pdf` feature.
    PdfNotBuiltIn,
    #[cfg(feature = "pdf")]
    Pdf(PdfError),
}

#[cfg(feature = "pdf")]
impl From<PdfError> for DocumentError {
    fn from(e: PdfError) -> Self {
        DocumentError::Pdf(e)
    }
}

impl DocumentError {
    /// The one-line reason in `lang` (`check --format json` asks for
    /// English whatever the interface language).
    pub fn message(&self, lang: Lang) -> String {
        let part = MAIN_PART;
        let mb = MAX_TEXT_BYTES / MB;
        match self {
            DocumentError::OldWordOrEncrypted => tr_in!(lang, Key::DocOldWord),
            DocumentError::NotAZip(d) => tr_in!(lang, Key::DocNotAZip, detail = d),
            DocumentError::NoMainPart => tr_in!(lang, Key::DocNoMainPart, part = part),
            DocumentError::PartUnreadable(d) => {
                tr_in!(lang, Key::DocPartUnreadable, part = part, detail = d)
            }
            DocumentError::PartTooLarge => tr_in!(lang, Key::DocPartTooLarge, part = part, mb = mb),
            DocumentError::PartDamaged(d) => {
                tr_in!(lang, Key::DocPartDamaged, part = part, detail = d)
            }
            DocumentError::EndsInCharacter => tr_in!(lang, Key::DocEndsInCharacter, part = part),
            DocumentError::OpenElements(n) => {
                tr_in!(lang, Key::DocOpenElements, part = part, n = n)
            }
            DocumentError::NotUtf8At(at) => tr_in!(lang, Key::DocNotUtf8At, part = part, at = at),
            DocumentError::UnknownEntity(name) => {
                tr_in!(lang, Key::DocUnknownEntity, part = part, name = name)
            }
            DocumentError::Unbalanced => tr_in!(lang, Key::DocUnbalanced, part = part),
            DocumentError::Xml {
                at: Some(at),
                detail,
            } => {
                tr_in!(lang, Key::DocXmlAt, part = part, at = at, detail = detail)
            }
            DocumentError::Xml { at: None, detail } => {
                tr_in!(lang, Key::DocXml, part = part, detail = detail)
            }
            DocumentError::NoBody => tr_in!(lang, Key::DocNoBody, part = part),
            DocumentError::XmlTooDeep(n) => tr_in!(lang, Key::DocXmlTooDeep, part = part, n = n),
            DocumentError::HtmlTooDeep(n) => tr_in!(lang, Key::DocHtmlTooDeep, n = n),
            DocumentError::TooManyElements(n) => tr_in!(lang, Key::DocTooManyElements, n = n),
            DocumentError::NoTables => tr_in!(lang, Key::DocNoTables),
            DocumentError::TableTooLarge => {
                tr_in!(lang, Key::DocTableTooLarge, n = MAX_TABLE_CELLS)
            }
            DocumentError::DocumentTooLarge => {
                tr_in!(lang, Key::DocDocumentTooLarge, n = MAX_DOCUMENT_CELLS)
            }
            DocumentError::TablesTooDeep => {
                tr_in!(lang, Key::DocTablesTooDeep, n = MAX_TABLE_NESTING)
            }
            DocumentError::TextTooLarge => tr_in!(lang, Key::DocTextTooLarge, mb = mb),
            DocumentError::NoText => tr_in!(lang, Key::DocNoText),
            DocumentError::PdfNotBuiltIn => tr_in!(lang, Key::DocPdfNotBuiltIn),
            #[cfg(feature = "pdf")]
            DocumentError::Pdf(e) => e.message(lang),
        }
    }
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::lang()))
    }
}

impl std::error::Error for DocumentError {}
