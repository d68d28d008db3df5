//! Word documents (.docx): the zip container's `word/document.xml`, read
//! with a streaming XML reader. Body paragraphs become lines, tables rows of
//! tab-separated cells on the table's grid (`w:gridSpan`, `w:gridBefore`,
//! `w:gridAfter`; a `w:vMerge` continuation cell is empty). Deleted text
//! (tracked changes), field codes and the fallback copy of alternate content
//! are left out.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::error::{DocumentError, MAIN_PART};
use super::{
    Builder, CellBudget, Document, MAX_TABLE_NESTING, MAX_TEXT_BYTES, join_parts, parse_span,
};

/// WordprocessingML, transitional and strict.
const W_NS: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Deepest element nesting accepted (Word's own documents stay under a
/// hundred).
const MAX_DEPTH: usize = 10_000;

const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

pub(super) fn convert(bytes: &[u8]) -> Result<Document, DocumentError> {
    let xml = main_part(bytes)?;
    let xml = std::str::from_utf8(&xml).map_err(|e| match e.error_len() {
        None => DocumentError::EndsInCharacter,
        Some(_) => DocumentError::NotUtf8At(e.valid_up_to()),
    })?;
    let mut b = Builder::default();
    walk(xml.strip_prefix('\u{feff}').unwrap_or(xml), &mut b)?;
    b.finish("docx")
}

/// The bytes of `word/document.xml`, at most [`MAX_TEXT_BYTES`].
fn main_part(bytes: &[u8]) -> Result<Vec<u8>, DocumentError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(DocumentError::OldWordOrEncrypted);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| DocumentError::NotAZip(e.to_string()))?;
    let mut part = match zip.by_name(MAIN_PART) {
        Ok(p) => p,
        Err(zip::result::ZipError::FileNotFound) => {
            return Err(DocumentError::NoMainPart);
        }
        Err(e) => return Err(DocumentError::PartUnreadable(e.to_string())),
    };
    let limit = MAX_TEXT_BYTES as u64;
    if part.size() > limit {
        return Err(DocumentError::PartTooLarge);
    }
    let mut xml = Vec::new();
    // The declared size may lie: read one byte past the limit at most.
    (&mut part)
        .take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| DocumentError::PartDamaged(e.to_string()))?;
    if xml.len() as u64 > limit {
        return Err(DocumentError::PartTooLarge);
    }
    Ok(xml)
}

/// The elements the walk tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Body,
    P,
    /// A paragraph inside a paragraph (a text box's): written straight into
    /// the outer one, so a million nested paragraphs stay linear.
    InnerP,
    R,
    T,
    Tbl,
    Tr,
    TrPr,
    Tc,
    TcPr,
    Other,
}

/// What is being built.
#[derive(Debug)]
enum Frame {
    Para(String),
    Table(TableB),
    Row(RowB),
    Cell(CellB),
}

#[derive(Debug, Default)]
struct TableB {
    rows: Vec<Vec<String>>,
    /// Cells on the grid so far, spans included.
    cells: usize,
}

#[derive(Debug, Default)]
struct RowB {
    cells: Vec<String>,
    before: usize,
    after: usize,
    /// The table's cell count before this row.
    table_cells: usize,
}

#[derive(Debug)]
struct CellB {
    parts: Vec<String>,
    span: usize,
    /// A `w:vMerge` / `w:hMerge` continuation: covered by the cell above
    /// (or before), so empty here.
    covered: bool,
}

struct Walk<'b> {
    out: &'b mut Builder,
    tags: Vec<Tag>,
    frames: Vec<Frame>,
    /// Depth inside an element whose content is left out.
    skip: usize,
    paragraphs: usize,
    /// Whether `w:body` was seen (a `w:document` part).
    body: bool,
    budget: CellBudget,
    /// Tables open inside each other.
    tables_open: usize,
}

fn walk(xml: &str, out: &mut Builder) -> Result<(), DocumentError> {
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut w = Walk {
        out,
        tags: Vec::new(),
        frames: Vec::new(),
        skip: 0,
        paragraphs: 0,
        body: false,
        budget: CellBudget::default(),
        tables_open: 0,
    };
    loop {
        let at = reader.buffer_position();
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| DocumentError::Xml {
                at: Some(at),
                detail: e.to_string(),
            })?;
        let ns = match ns {
            ResolveResult::Bound(n) => Some(n.into_inner()),
            _ => None,
        };
        match event {
            Event::Start(e) => {
                w.start(ns, &e)?;
                // Refused before the reader's own 16-bit depth count wraps.
                if w.tags.len() + w.skip > MAX_DEPTH {
                    return Err(DocumentError::XmlTooDeep(MAX_DEPTH));
                }
            }
            Event::End(_) => w.end()?,
            Event::Text(t) if w.in_text() => {
                let t = t.xml10_content().map_err(malformed)?;
                w.text(&t);
            }
            Event::CData(t) if w.in_text() => {
                let t = t.decode().map_err(malformed)?;
                w.text(&t);
            }
            Event::GeneralRef(r) if w.in_text() => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.decode().map_err(malformed)?;
                        quick_xml::escape::resolve_xml_entity(&name)
                            .ok_or_else(|| DocumentError::UnknownEntity(name.to_string()))?
                            .to_string()
                    }
                    Err(e) => return Err(malformed(e)),
                };
                w.text(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !w.tags.is_empty() || w.skip > 0 {
        return Err(DocumentError::OpenElements(w.tags.len() + w.skip));
    }
    if !w.body {
        return Err(DocumentError::NoBody);
    }
    Ok(())
}

fn local(e: &BytesStart) -> Vec<u8> {
    e.local_name().as_ref().to_vec()
}

/// The `val` attribute (`w:val`), whatever its prefix.
fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

impl Walk<'_> {
    fn in_text(&self) -> bool {
        self.skip == 0 && self.tags.last() == Some(&Tag::T)
    }

    fn parent(&self) -> Option<Tag> {
        self.tags.last().copied()
    }

    fn start(&mut self, ns: Option<&[u8]>, e: &BytesStart) -> Result<(), DocumentError> {
        if self.skip > 0 {
            self.skip += 1;
            return Ok(());
        }
        let name = local(e);
        let is_w = ns.is_some_and(|n| W_NS.contains(&n));
        if ns == Some(MC_NS) && name == b"Fallback"
            || is_w && matches!(name.as_slice(), b"delText" | b"instrText" | b"delInstrText")
        {
            self.skip = 1;
            return Ok(());
        }
        let parent = self.parent();
        let tag = if !is_w {
            Tag::Other
        } else {
            match name.as_slice() {
                b"body" => {
                    self.body = true;
                    Tag::Body
                }
                b"p" => {
                    if let Some(Frame::Para(outer)) = self.frames.last_mut() {
                        outer.push('\n');
                        Tag::InnerP
                    } else {
                        self.frames.push(Frame::Para(String::new()));
                        Tag::P
                    }
                }
                b"r" => Tag::R,
                b"t" => Tag::T,
                b"tbl" => {
                    self.tables_open += 1;
                    if self.tables_open > MAX_TABLE_NESTING {
                        return Err(DocumentError::TablesTooDeep);
                    }
                    self.frames.push(Frame::Table(TableB::default()));
                    Tag::Tbl
                }
                b"tr" => {
                    let table_cells = match self.frames.last() {
                        Some(Frame::Table(t)) => t.cells,
                        _ => 0,
                    };
                    self.frames.push(Frame::Row(RowB {
                        table_cells,
                        ..RowB::default()
                    }));
                    Tag::Tr
                }
                b"trPr" => Tag::TrPr,
                b"tc" => {
                    self.frames.push(Frame::Cell(CellB {
                        parts: Vec::new(),
                        span: 1,
                        covered: false,
                    }));
                    Tag::Tc
                }
                b"tcPr" => Tag::TcPr,
                b"tab" if parent == Some(Tag::R) => {
                    self.text("\t");
                    Tag::Other
                }
                b"br" | b"cr" if parent == Some(Tag::R) => {
                    self.text("\n");
                    Tag::Other
                }
                b"noBreakHyphen" if parent == Some(Tag::R) => {
                    self.text("-");
                    Tag::Other
                }
                b"gridSpan" if parent == Some(Tag::TcPr) => {
                    if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                        c.span = val(e).map_or(1, |v| parse_span(&v));
                    }
                    Tag::Other
                }
                b"vMerge" | b"hMerge" if parent == Some(Tag::TcPr) => {
                    // No value, or `continue`: covered by the merged cell.
                    let v = val(e);
                    if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                        c.covered = v.is_none_or(|v| v == "continue");
                    }
                    Tag::Other
                }
                b"gridBefore" | b"gridAfter" if parent == Some(Tag::TrPr) => {
                    let n = val(e).map_or(0, |v| parse_span(&v));
                    if let Some(Frame::Row(r)) = self.frames.last_mut() {
                        if name == b"gridBefore" {
                            r.before = n;
                        } else {
                            r.after = n;
                        }
                    }
                    Tag::Other
                }
                _ => Tag::Other,
            }
        };
        self.tags.push(tag);
        Ok(())
    }

    fn text(&mut self, t: &str) {
        if let Some(Frame::Para(p)) = self.frames.last_mut() {
            p.push_str(t);
        }
    }

    fn end(&mut self) -> Result<(), DocumentError> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        let Some(tag) = self.tags.pop() else {
            return Ok(());
        };
        match tag {
            Tag::InnerP => {
                if let Some(Frame::Para(outer)) = self.frames.last_mut() {
                    outer.push('\n');
                }
            }
            Tag::P => {
                let Some(Frame::Para(text)) = self.frames.pop() else {
                    return Err(unbalanced());
                };
                match self.frames.last_mut() {
                    None => {
                        self.paragraphs += 1;
                        self.out.paragraph(&text, self.paragraphs)?;
                    }
                    Some(Frame::Cell(c)) => c.parts.extend(text.split('\n').map(str::to_string)),
                    // Not reached: a paragraph inside a paragraph is an
                    // `InnerP` written straight into the outer one.
                    Some(Frame::Para(outer)) => outer.push_str(&text),
                    // A paragraph straight in a row or table: not Word's.
                    Some(_) => {}
                }
            }
            Tag::Tc => {
                let Some(Frame::Cell(c)) = self.frames.pop() else {
                    return Err(unbalanced());
                };
                if let Some(Frame::Row(r)) = self.frames.last_mut() {
                    let text = if c.covered {
                        String::new()
                    } else {
                        join_parts(&c.parts)
                    };
                    // Counted before the cells are made: a span of 1000 on
                    // every cell stops at the budget, not in memory.
                    self.budget.take(r.table_cells + r.cells.len(), c.span)?;
                    r.cells.push(text);
                    r.cells
                        .extend(std::iter::repeat_n(String::new(), c.span - 1));
                }
            }
            Tag::Tr => {
                let Some(Frame::Row(r)) = self.frames.pop() else {
                    return Err(unbalanced());
                };
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    self.budget
                        .take(t.cells + r.cells.len(), r.before + r.after)?;
                    let mut cells = vec![String::new(); r.before];
                    cells.extend(r.cells);
                    cells.extend(std::iter::repeat_n(String::new(), r.after));
                    t.cells += cells.len();
                    t.rows.push(cells);
                }
            }
            Tag::Tbl => {
                self.tables_open = self.tables_open.saturating_sub(1);
                let Some(Frame::Table(TableB { rows, .. })) = self.frames.pop() else {
                    return Err(unbalanced());
                };
                match self.frames.last_mut() {
                    None => {
                        self.out.table(&rows)?;
                    }
                    // A table inside a cell: its text joins the cell's.
                    Some(Frame::Cell(c)) => c.parts.extend(rows.into_iter().flatten()),
                    Some(Frame::Para(p)) => {
                        for row in rows {
                            p.push('\n');
                            p.push_str(&join_parts(&row));
                        }
                        p.push('\n');
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn unbalanced() -> DocumentError {
    DocumentError::Unbalanced
}

fn malformed(e: impl std::fmt::Display) -> DocumentError {
    DocumentError::Xml {
        at: None,
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"#;
    const TAIL: &str = "</w:body></w:document>";

    fn docx(body: &str) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            z.start_file(MAIN_PART, opts).unwrap();
            z.write_all(format!("{HEAD}{body}{TAIL}").as_bytes())
                .unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    fn text(body: &str) -> Result<Document, DocumentError> {
        convert(&docx(body))
    }

    fn cell(attrs: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{attrs}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn paragraphs_runs_and_skipped_text() {
        let d = text(concat!(
            r#"<w:p><w:r><w:t>一、总</w:t></w:r><w:r><w:t xml:space="preserve">体情况 </w:t></w:r></w:p>"#,
            "<w:p/>",
            "<w:p><w:r><w:t>A&amp;B&#x4E00;</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t></w:r>",
            "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>",
            "<w:r><w:instrText>PAGE</w:instrText></w:r>",
            "<mc:AlternateContent><mc:Choice><w:r><w:t>c</w:t></w:r></mc:Choice>",
            "<mc:Fallback><w:r><w:t>f</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>",
        ))
        .unwrap();
        assert_eq!(d.text, "一、总体情况\nA&B一\tx\nyc\n");
        assert_eq!(
            d.origins.iter().map(|o| o.machine()).collect::<Vec<_>>(),
            ["paragraph 1", "paragraph 3", "paragraph 3 line 2"]
        );
        assert_eq!(d.encoding, "docx");
    }

    #[test]
    fn merged_cells_expand_on_the_grid() {
        let body = format!(
            "<w:p><w:r><w:t>表</w:t></w:r></w:p><w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}</w:tr></w:tbl>",
            cell(r#"<w:vMerge w:val="restart"/>"#, "三、本年度办理结果"),
            cell(r#"<w:gridSpan w:val="3"/>"#, "申请人情况"),
            cell("<w:vMerge/>", "ignored"),
            "<w:tc><w:p><w:r><w:t>总</w:t></w:r><w:r><w:t>计</w:t></w:r></w:p></w:tc>",
            "<w:tc><w:p><w:r><w:t>商业</w:t></w:r></w:p><w:p><w:r><w:t>企业</w:t></w:r></w:p></w:tc>",
            cell("", "\u{a0} "),
        );
        let d = text(&body).unwrap();
        assert_eq!(
            d.text,
            "表\n三、本年度办理结果\t申请人情况\t\t\n\t总计\t商业企业\n\t\n\n"
        );
        assert_eq!(
            d.origins.iter().map(|o| o.machine()).collect::<Vec<_>>(),
            [
                "paragraph 1",
                "table 1 row 1",
                "table 1 row 2",
                "table 1 row 3",
                "after table 1"
            ]
        );
    }

    #[test]
    fn broken_documents_are_errors() {
        let e = convert(b"just text, not a zip").unwrap_err();
        assert!(matches!(e, DocumentError::NotAZip(_)), "{e}");
        let e = convert(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).unwrap_err();
        assert!(matches!(e, DocumentError::OldWordOrEncrypted), "{e}");

        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file("hello.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b"hi").unwrap();
            z.finish().unwrap();
        }
        let e = convert(&buf.into_inner()).unwrap_err();
        assert!(matches!(e, DocumentError::NoMainPart), "{e}");

        // Truncated inside a tag, and after a complete tag.
        let full = docx("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>");
        let xml = format!("{HEAD}<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>{TAIL}");
        for cut in [xml.len() - 5, xml.len() - 14, HEAD.len() + 20] {
            let mut buf = Cursor::new(Vec::new());
            {
                let mut z = zip::ZipWriter::new(&mut buf);
                z.start_file(MAIN_PART, zip::write::SimpleFileOptions::default())
                    .unwrap();
                z.write_all(&xml.as_bytes()[..cut]).unwrap();
                z.finish().unwrap();
            }
            let e = convert(&buf.into_inner()).unwrap_err();
            assert!(
                matches!(
                    e,
                    DocumentError::Xml { .. }
                        | DocumentError::OpenElements(_)
                        | DocumentError::EndsInCharacter
                ),
                "{cut}: {e}"
            );
        }
        assert!(convert(&full).is_ok());
        // Mismatched end tag.
        let e = text("<w:p><w:r><w:t>x</w:r></w:t></w:p>").unwrap_err();
        assert!(
            matches!(e, DocumentError::Xml { .. } | DocumentError::Unbalanced),
            "{e}"
        );
        // No text at all.
        let e = text("<w:p/>").unwrap_err();
        assert!(matches!(e, DocumentError::NoText), "{e}");
    }
}
