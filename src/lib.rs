//! nianbao: read, check and normalize Chinese government information-disclosure
//! annual reports (政府信息公开工作年度报告).
//!
//! The domain — decoding, the report model, the parser, the rules, the
//! normalized writer, the journal — is plain library code: none of it imports
//! ratatui or crossterm. The review screen is the `tui` module (feature
//! `tui`, on by default); it only calls into the domain.

pub mod batch;
pub mod cell;
pub mod corpus;
pub mod decode;
pub mod ingest;
pub mod journal;
pub mod model;
pub mod narrative;
pub mod normalize;
pub mod output;
pub mod parse;
pub mod rules;
pub mod save;
pub mod template;
#[cfg(feature = "tui")]
pub mod tui;

pub use model::{Block, Cell, Report, Row, Section, Table};
pub use template::{SectionKind, TableId};

use std::path::Path;

/// Read, decode and parse a report file.
pub fn load(path: &Path) -> Result<Report, decode::LoadError> {
    load_with_bytes(path).map(|(r, _)| r)
}

/// Read, decode and parse a report file; also return the file's bytes (the
/// journal identifies a file's content by them).
pub fn load_with_bytes(path: &Path) -> Result<(Report, Vec<u8>), decode::LoadError> {
    let bytes = decode::read_file(path)?;
    if let Some(doc) = ingest::document_text(path, &bytes) {
        let doc = doc?;
        let report = parse::parse_document(&doc.text, doc.encoding, doc.origins);
        return Ok((report, bytes));
    }
    let decoded = decode::decode(path, &bytes)?;
    Ok((parse::parse(&decoded.text, decoded.encoding), bytes))
}
