//! Loading a report file: read its bytes, turn a Word, web or PDF document
//! into text (or decode a text file), parse it into a complete [`Report`]
//! (tables, sections, narrative facts and, for documents, where each line
//! came from).

use std::path::Path;

use crate::decode::{self, LoadError};
use crate::model::Report;
use crate::{ingest, parse};

/// Read, decode and parse a report file. The file's bytes go into a buffer
/// kept by the thread and reused for its next file (the report keeps its
/// own copy of the text), so checking many files allocates none for them;
/// a buffer grown past [`KEEP_BYTES`] by a large file is let go.
pub fn load(path: &Path) -> Result<Report, LoadError> {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|cell| {
        // A re-entrant call (none today) gets a buffer of its own.
        let mut own = Vec::new();
        let mut guard = cell.try_borrow_mut();
        let bytes = match &mut guard {
            Ok(b) => &mut **b,
            Err(_) => &mut own,
        };
        let result = decode::read_file_into(path, bytes).and_then(|()| parse_bytes(path, bytes));
        if bytes.capacity() > KEEP_BYTES {
            *bytes = Vec::new();
        }
        result
    })
}

/// Largest read buffer a thread keeps between files (real reports are a
/// few tens of kB).
const KEEP_BYTES: usize = 1 << 20;

/// A report from a file's bytes.
fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Report, LoadError> {
    if let Some(doc) = ingest::document_text(path, bytes) {
        let doc = doc?;
        return Ok(parse::parse_document(&doc.text, doc.encoding, doc.origins));
    }
    let decoded = decode::decode(path, bytes)?;
    Ok(parse::parse(&decoded.text, decoded.encoding))
}

/// Read, decode and parse a report file; also return the file's bytes (the
/// journal identifies a file's content by them).
pub fn load_with_bytes(path: &Path) -> Result<(Report, Vec<u8>), LoadError> {
    let bytes = decode::read_file(path)?;
    let report = parse_bytes(path, &bytes)?;
    Ok((report, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One thread's buffer serves file after file: a shorter file after a
    /// longer one, and a missing one between, read as on their own.
    #[test]
    fn the_reused_buffer_leaves_nothing_behind() {
        let long = Path::new("sample-reports/real-03-shanghai-govoffice-2025.txt");
        let short = Path::new("sample-reports/variant-nonzero-clean.txt");
        assert!(std::fs::metadata(long).unwrap().len() > std::fs::metadata(short).unwrap().len());
        for path in [
            long,
            short,
            Path::new("sample-reports/none.txt"),
            short,
            long,
        ] {
            let fresh = load_with_bytes(path).map(|(r, _)| r);
            match (load(path), fresh) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", path.display()),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                (a, b) => panic!("{}: {a:?} against {b:?}", path.display()),
            }
        }
    }
}
