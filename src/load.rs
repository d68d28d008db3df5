//! Loading a report file: read its bytes, turn a Word, web or PDF document
//! into text (or decode a text file), parse it into a complete [`Report`]
//! (tables, sections, narrative facts and, for documents, where each line
//! came from).

use std::path::Path;

use crate::decode::{self, LoadError};
use crate::model::Report;
use crate::{ingest, parse};

/// Read, decode and parse a report file.
pub fn load(path: &Path) -> Result<Report, LoadError> {
    load_with_bytes(path).map(|(r, _)| r)
}

/// Read, decode and parse a report file; also return the file's bytes (the
/// journal identifies a file's content by them).
pub fn load_with_bytes(path: &Path) -> Result<(Report, Vec<u8>), LoadError> {
    let bytes = decode::read_file(path)?;
    if let Some(doc) = ingest::document_text(path, &bytes) {
        let doc = doc?;
        let report = parse::parse_document(&doc.text, doc.encoding, doc.origins);
        return Ok((report, bytes));
    }
    let decoded = decode::decode(path, &bytes)?;
    Ok((parse::parse(&decoded.text, decoded.encoding), bytes))
}
