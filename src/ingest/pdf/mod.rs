//! PDF input (.pdf): the text layer of each page, laid out as lines the way
//! `pdftotext -layout` does, becomes the report text.
//!
//! Layers, in dependency order: `lopdf` reads the file (xref, objects,
//! decryption with an empty user password); `cmap` parses CMaps;
//! `fonts` turns shown bytes into codes, text and widths; `lexer`
//! tokenizes content streams; `content` runs the page content and yields
//! glyphs; [`layout`] rebuilds lines from the glyphs and joins paragraphs
//! the page width broke. This file ties them together and keeps hostile
//! files bounded:
//! at most [`MAX_PAGES`] pages, [`MAX_DECODED_BYTES`] of unpacked streams
//! (object streams are unpacked here, not by lopdf, encrypted files
//! included: see [`load`]), a bounded number
//! of operators and glyphs per page and form XObjects at most a few deep.
//!
//! Each text line's origin is `page N line M` (the line's place on the
//! page; a joined paragraph keeps its first line's); pages follow each other
//! without a blank line, so a table that runs across a page break is one
//! table.

mod cmap;
mod content;
mod fonts;
pub mod layout;
mod lexer;

use std::io::Read;

use lopdf::{Document as Pdf, LoadOptions, Object, ObjectId, Stream};

use super::{Builder, Document, MAX_TEXT_BYTES};

/// Most pages read (a report has 5 to 30).
pub const MAX_PAGES: usize = 1000;

/// Most bytes of unpacked streams (content, fonts' CMaps, object streams)
/// read from one file: a decompression bomb stops here.
pub const MAX_DECODED_BYTES: usize = MAX_TEXT_BYTES;

/// A stream with a filter other than Flate (LZW, ASCII85…) is unpacked by
/// lopdf without a bound: only when it is at most this big packed.
const MAX_OTHER_FILTER_BYTES: usize = 1024 * 1024;

/// Why a PDF cannot be read (its words: [`PdfError::message`]).
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    NotPdf,
    Damaged(String),
    Password,
    NoText,
    Undecodable,
    TooManyPages(usize),
    TooBig(usize),
    TooManyOps(usize, usize),
    TooManyGlyphs(usize, usize),
    TooMuchContent,
    ReaderFailed,
}

impl PdfError {
    /// The one-line reason in `lang`.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Key;
        use crate::tr_in;
        match self {
            PdfError::NotPdf => tr_in!(lang, Key::PdfNotPdf),
            PdfError::Damaged(d) => tr_in!(lang, Key::PdfDamaged, detail = d),
            PdfError::Password => tr_in!(lang, Key::PdfPassword),
            PdfError::NoText => tr_in!(lang, Key::PdfNoText),
            PdfError::Undecodable => tr_in!(lang, Key::PdfUndecodable),
            PdfError::TooManyPages(n) => tr_in!(lang, Key::PdfTooManyPages, n = n),
            PdfError::TooBig(mb) => tr_in!(lang, Key::PdfTooBig, mb = mb),
            PdfError::TooManyOps(page, n) => tr_in!(lang, Key::PdfTooManyOps, page = page, n = n),
            PdfError::TooManyGlyphs(page, n) => {
                tr_in!(lang, Key::PdfTooManyGlyphs, page = page, n = n)
            }
            PdfError::TooMuchContent => tr_in!(lang, Key::PdfTooMuchContent),
            PdfError::ReaderFailed => tr_in!(lang, Key::PdfReaderFailed),
        }
    }
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::lang()))
    }
}

impl std::error::Error for PdfError {}

/// Unpacked bytes still allowed for this file.
#[derive(Debug)]
pub struct Budget {
    left: usize,
}

impl Budget {
    fn new() -> Budget {
        Budget {
            left: MAX_DECODED_BYTES,
        }
    }

    fn take(&mut self, n: usize) -> Result<(), PdfError> {
        self.left = self.left.checked_sub(n).ok_or(too_big())?;
        Ok(())
    }
}

fn too_big() -> PdfError {
    PdfError::TooBig(MAX_DECODED_BYTES / (1024 * 1024))
}

pub(super) fn convert(bytes: &[u8]) -> Result<Document, super::DocumentError> {
    // lopdf is third-party code reading hostile bytes: should it ever panic
    // (3 000 mutated samples never made it), one file fails, not the batch.
    std::panic::catch_unwind(|| read(bytes))
        .unwrap_or(Err(PdfError::ReaderFailed))
        .map_err(super::DocumentError::from)
}

/// Read a PDF into report text.
pub fn read(bytes: &[u8]) -> Result<Document, PdfError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let pdf = load(bytes)?;
    let pages: Vec<ObjectId> = pdf.page_iter().take(MAX_PAGES + 1).collect();
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooManyPages(MAX_PAGES));
    }
    let mut budget = Budget::new();
    let mut interp = content::Interpreter::new(&pdf);
    let mut b = Builder::default();
    let mut any_text = false;
    let mut all: Vec<layout::PageLine> = Vec::new();
    let mut text_bytes = 0usize;
    for (i, &page_id) in pages.iter().enumerate() {
        let number = i + 1;
        let rotate = inherited(&pdf, page_id, b"Rotate")
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        let glyphs = interp.page(page_id, number, rotate, &mut budget)?;
        let (bottom, height) = page_box(&pdf, page_id, rotate);
        let lines = layout::page_lines(&glyphs, bottom, height);
        let (page_left, page_right) = layout::text_edges(&lines);
        for (k, line) in lines.into_iter().enumerate() {
            text_bytes += line.text.len() + 1;
            if text_bytes > MAX_TEXT_BYTES {
                return Err(PdfError::TooBig(MAX_TEXT_BYTES / (1024 * 1024)));
            }
            all.push(layout::PageLine {
                line,
                page: number,
                number: k + 1,
                page_left,
                page_right,
            });
        }
    }
    for l in layout::reflow(all) {
        any_text = true;
        let origin = crate::model::Origin::PageLine {
            page: super::count(l.page),
            line: super::count(l.number),
        };
        b.line(&l.line.text, origin)
            .map_err(|_| PdfError::TooBig(MAX_TEXT_BYTES / (1024 * 1024)))?;
    }
    if !any_text {
        // Characters were shown but none could be decoded: not a scan.
        return Err(if interp.undecoded_codes() > 0 {
            PdfError::Undecodable
        } else {
            PdfError::NoText
        });
    }
    b.finish("PDF").map_err(|_| PdfError::NoText)
}

/// The name object streams carry while lopdf loads the file, so that it
/// keeps them as plain streams: [`load`] unpacks them, within the budget.
const HELD_OBJSTM: &[u8] = b"NianbaoHeldObjStm";

/// The trailer key `/Encrypt` is renamed to before lopdf reads the file (the
/// same length, so no offset moves), so that lopdf takes its plain path —
/// the one that runs our load filter — for an encrypted file too.
const HIDDEN_ENCRYPT: &[u8] = b"NbCrypt";

/// lopdf's load filter: an object stream (which lopdf would unpack while
/// loading, without a bound, and, in an encrypted file, without calling
/// this filter at all) is renamed so that lopdf keeps it as it is.
fn hold_object_streams(id: (u32, u16), obj: &mut Object) -> Option<((u32, u16), Object)> {
    if let Object::Stream(s) = obj
        && s.dict.has_type(b"ObjStm")
    {
        s.dict.set("Type", Object::Name(HELD_OBJSTM.to_vec()));
    }
    // lopdf keeps the object it passed in for a top-level object (the value
    // returned is dropped) but the returned one for an object taken out of
    // an object stream (never a stream itself): return a copy of those.
    match obj {
        Object::Stream(_) => Some((id, Object::Null)),
        other => Some((id, other.clone())),
    }
}

/// The file with every name token that reads `/Encrypt` (escapes such as
/// `/Encr#79pt` included) replaced by `/NbCrypt` and spaces, or `None`
/// when there is none (the file is not encrypted).
fn hide_encrypt(bytes: &[u8]) -> Option<Vec<u8>> {
    let regular = |c: u8| {
        !c.is_ascii_whitespace()
            && c != 0
            && !matches!(
                c,
                b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
            )
    };
    let mut out: Option<Vec<u8>> = None;
    for at in memchr::memchr_iter(b'/', bytes) {
        // `Encrypt` is 7 characters, each written as itself or as `#xx`.
        let len = bytes[at + 1..]
            .iter()
            .take(3 * 7 + 1)
            .take_while(|&&c| regular(c))
            .count();
        let token = &bytes[at + 1..at + 1 + len];
        if !(7..=3 * 7).contains(&len)
            || !matches!(token[0], b'E' | b'#')
            || name(token) != b"Encrypt"
        {
            continue;
        }
        let out = out.get_or_insert_with(|| bytes.to_vec());
        let to = &mut out[at + 1..at + 1 + len];
        to.fill(b' ');
        to[..HIDDEN_ENCRYPT.len()].copy_from_slice(HIDDEN_ENCRYPT);
    }
    out
}

/// A name token's bytes with its `#xx` escapes decoded.
fn name(token: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(token.len());
    let mut i = 0;
    while i < token.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (token[i], token.get(i + 1), token.get(i + 2)) {
            (b'#', Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                out.push((hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0)) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Decrypt every object with the empty user password, as lopdf's own
/// encrypted load does (an object that does not decrypt is kept as it is).
fn decrypt(pdf: &mut Pdf) -> Result<(), PdfError> {
    if pdf.authenticate_password("").is_err() {
        return Err(PdfError::Password);
    }
    let state = lopdf::EncryptionState::decode(&*pdf, "").map_err(|_| PdfError::Password)?;
    let encrypt = pdf
        .trailer
        .get(b"Encrypt")
        .and_then(Object::as_reference)
        .ok();
    for (&id, obj) in pdf.objects.iter_mut() {
        if Some(id) != encrypt {
            let _ = lopdf::encryption::decrypt_object(&state, id, obj);
        }
    }
    if let Some(id) = encrypt {
        pdf.objects.remove(&id);
    }
    pdf.trailer.remove(b"Encrypt");
    pdf.encryption_state = Some(state);
    Ok(())
}

/// Unpack the held object streams within one budget and add their objects
/// (those the cross-reference table places in that stream, or does not
/// place at all), never replacing an object read before, as lopdf does.
fn unpack_object_streams(pdf: &mut Pdf) -> Result<(), PdfError> {
    let mut budget = Budget::new();
    let held: Vec<ObjectId> = pdf
        .objects
        .iter()
        .filter(|(_, o)| o.as_stream().is_ok_and(|s| s.dict.has_type(HELD_OBJSTM)))
        .map(|(&id, _)| id)
        .collect();
    let mut found = Vec::new();
    for id in held {
        let Some(Object::Stream(s)) = pdf.objects.get_mut(&id) else {
            continue;
        };
        s.dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        let bytes = stream_bytes(s, &mut budget)?;
        let mut plain = Stream::new(s.dict.clone(), bytes);
        plain.dict.remove(b"Filter");
        plain.dict.remove(b"DecodeParms");
        let Ok(objects) = lopdf::ObjectStream::new(&mut plain) else {
            continue;
        };
        found.extend(objects.objects.into_iter().filter(|((n, _), _)| {
            match pdf.reference_table.get(*n) {
                Some(lopdf::xref::XrefEntry::Compressed { container, .. }) => *container == id.0,
                _ => true,
            }
        }));
    }
    for (id, obj) in found {
        pdf.objects.entry(id).or_insert(obj);
    }
    Ok(())
}

fn filters(s: &Stream) -> Vec<Vec<u8>> {
    match s.dict.get(b"Filter") {
        Ok(Object::Name(n)) => vec![n.clone()],
        Ok(Object::Array(a)) => a
            .iter()
            .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    }
}

/// Inflate zlib (or raw deflate) data; `None` past `limit` bytes.
fn inflate(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(data)
        .take(limit as u64 + 1)
        .read_to_end(&mut out);
    if zlib.is_err() && out.is_empty() {
        out.clear();
        // Some writers leave out the zlib header or write a bad checksum:
        // what was inflated before the error is kept, as lopdf does.
        let _ = flate2::read::DeflateDecoder::new(data)
            .take(limit as u64 + 1)
            .read_to_end(&mut out);
    }
    (out.len() <= limit).then_some(out)
}

/// A stream's unpacked bytes, charged to the budget.
pub(crate) fn stream_bytes(s: &Stream, budget: &mut Budget) -> Result<Vec<u8>, PdfError> {
    let bytes = match filters(s).as_slice() {
        [] => s.content.clone(),
        [f] if f == b"FlateDecode" && !has_predictor(s) => {
            inflate(&s.content, budget.left).ok_or_else(too_big)?
        }
        // With a predictor, lopdf unpacks (and undoes the prediction) once
        // the bounded inflate has shown the data fits.
        [f] if f == b"FlateDecode" => {
            inflate(&s.content, budget.left).ok_or_else(too_big)?;
            s.decompressed_content().unwrap_or_default()
        }
        _ if s.content.len() <= MAX_OTHER_FILTER_BYTES => {
            s.decompressed_content().unwrap_or_default()
        }
        _ => Vec::new(),
    };
    budget.take(bytes.len())?;
    Ok(bytes)
}

fn has_predictor(s: &Stream) -> bool {
    s.dict
        .get(b"DecodeParms")
        .ok()
        .and_then(|p| p.as_dict().ok())
        .is_some_and(|p| p.has(b"Predictor"))
}

/// Load with lopdf, on a path we control: lopdf reads the objects (an
/// encrypted file's `/Encrypt` hidden from it, so that it takes its plain
/// path) and keeps object streams packed; we decrypt with the empty user
/// password and unpack the object streams within [`MAX_DECODED_BYTES`].
fn load(bytes: &[u8]) -> Result<Pdf, PdfError> {
    let hidden = hide_encrypt(bytes);
    let options = LoadOptions {
        filter: Some(hold_object_streams),
        ..LoadOptions::default()
    };
    let mut pdf = Pdf::load_mem_with_options(hidden.as_deref().unwrap_or(bytes), options).map_err(
        |e| match e {
            lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => PdfError::Password,
            e => PdfError::Damaged(one_line(&e.to_string())),
        },
    )?;
    if let Some(encrypt) = pdf.trailer.remove(HIDDEN_ENCRYPT) {
        pdf.trailer.set("Encrypt", encrypt);
        decrypt(&mut pdf)?;
    }
    unpack_object_streams(&mut pdf)?;
    Ok(pdf)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Follow a reference (a few levels at most).
pub(crate) fn deref<'a>(doc: &'a Pdf, mut o: &'a Object) -> &'a Object {
    for _ in 0..8 {
        match o {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(next) => o = next,
                Err(_) => return &Object::Null,
            },
            _ => return o,
        }
    }
    &Object::Null
}

/// A page attribute, inherited from the page tree when the page lacks it.
fn inherited<'a>(doc: &'a Pdf, page_id: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node = doc.get_dictionary(page_id).ok();
    // As deep as lopdf's own page tree walk goes.
    for _ in 0..256 {
        let n = node?;
        if let Ok(o) = n.get(key) {
            return Some(deref(doc, o));
        }
        node = n
            .get(b"Parent")
            .ok()
            .and_then(|p| deref(doc, p).as_dict().ok());
    }
    None
}

/// The page box's lower edge and height as displayed (CropBox, else
/// MediaBox, inherited; turned by `/Rotate`; A4 when neither is readable).
fn page_box(doc: &Pdf, page_id: ObjectId, rotate: i64) -> (f32, f32) {
    let corners = [b"CropBox".as_slice(), b"MediaBox"]
        .iter()
        .filter_map(|key| inherited(doc, page_id, key))
        .find_map(|o| {
            let v: Vec<f32> = o
                .as_array()
                .ok()?
                .iter()
                .filter_map(|o| match deref(doc, o) {
                    Object::Integer(i) => Some(*i as f32),
                    Object::Real(r) if r.is_finite() => Some(*r),
                    _ => None,
                })
                .collect();
            match v[..] {
                [x0, y0, x1, y1] => Some([(x0, y0), (x1, y1)]),
                _ => None,
            }
        });
    let Some(corners) = corners else {
        return (0.0, 842.0);
    };
    let m = content::Matrix::rotation(rotate);
    let ys = corners.map(|(x, y)| m.apply(x, y).1);
    (ys[0].min(ys[1]), (ys[0] - ys[1]).abs())
}
