//! Fonts: how the bytes of a shown string become character codes, each
//! code's text and its advance width.
//!
//! Text comes from, in order: the font's `ToUnicode` CMap; for composite
//! (Type0) fonts without one, the predefined Chinese encodings used with
//! non-embedded Adobe fonts (`UniGB-UCS2-H`, `UniGB-UTF16-H`: the codes are
//! Unicode; `GBK-EUC-H`, `GB-EUC-H`, `GBpc-EUC-H`: the codes are GBK);
//! for simple fonts, the base encoding (WinAnsi, MacRoman, Standard: ASCII
//! the same in all three) with the `Differences` glyph names that matter in
//! a report (digits, letters, punctuation, `uniXXXX`). A code with no text
//! (an `Identity-H` font without `ToUnicode`) is shown as nothing.
//!
//! Widths: `/W` by CID with `/DW` (default 1000) for composite fonts,
//! `/FirstChar` + `/Widths` for simple fonts (else half an em).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::{CMap, CodeRange, CodeSpace};
use super::{Budget, PdfError, deref, stream_bytes};

/// Most CIDs given a width by one `/W` array (a whole CJK font has ~30 000).
const MAX_W_ENTRIES: usize = 100_000;

/// Width used when a simple font gives none, in thousandths of an em.
const DEFAULT_SIMPLE_WIDTH: f32 = 500.0;

/// How a composite font's codes become text without a ToUnicode map.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Predefined {
    /// Codes are UCS-2 / UTF-16BE (UniGB-UCS2-H, UniGB-UTF16-H).
    Utf16,
    /// Codes are GBK bytes (GBK-EUC-H, GB-EUC-H, GBpc-EUC-H).
    Gbk,
    /// Codes are CIDs (Identity-H and anything else): text only from ToUnicode.
    None,
}

#[derive(Debug, Clone)]
enum Kind {
    Simple {
        /// Text of each byte code.
        text: Box<[Option<char>; 256]>,
        widths: Box<[f32; 256]>,
    },
    Composite {
        space: CodeSpace,
        predefined: Predefined,
        /// CID widths from `/W`.
        widths: HashMap<u32, f32>,
        default_width: f32,
        /// Codes are CIDs (Identity) or Unicode/GBK (predefined CMaps, where
        /// ASCII codes map to the Adobe-GB1 proportional Latin CIDs 1–95).
        identity: bool,
    },
}

/// One code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Code {
    /// The code's text (may be empty or several characters).
    pub text: String,
    /// Advance in thousandths of an em.
    pub width: f32,
    /// A one-byte code 32: word spacing (`Tw`) applies.
    pub is_space: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Font {
    to_unicode: Option<CMap>,
    kind: Kind,
    /// Vertical writing (an encoding ending in `-V`): each character
    /// advances down the page, not across.
    pub vertical: bool,
}

impl Font {
    /// Read a font dictionary. Never fails: what cannot be read gives a font
    /// that shows nothing or uses defaults.
    pub(super) fn load(
        doc: &Document,
        dict: &Dictionary,
        budget: &mut Budget,
    ) -> Result<Font, PdfError> {
        let to_unicode = match dict.get(b"ToUnicode").map(|o| deref(doc, o)) {
            Ok(Object::Stream(s)) => {
                let bytes = stream_bytes(s, budget)?;
                Some(CMap::parse(&bytes)).filter(|m| !m.is_empty())
            }
            _ => None,
        };
        let subtype = name(doc, dict.get(b"Subtype").ok());
        let kind = if subtype.as_deref() == Some(b"Type0".as_slice()) {
            composite(doc, dict, to_unicode.as_ref(), budget)?
        } else {
            simple(doc, dict)
        };
        let vertical = subtype.as_deref() == Some(b"Type0".as_slice())
            && name(doc, dict.get(b"Encoding").ok()).is_some_and(|n| n.ends_with(b"-V"));
        Ok(Font {
            to_unicode,
            kind,
            vertical,
        })
    }

    /// Split a shown string into codes.
    pub(super) fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match &self.kind {
                Kind::Simple { text, widths } => {
                    let b = bytes[i];
                    let t = self
                        .mapped(1, u32::from(b))
                        .unwrap_or_else(|| text[b as usize].map(String::from).unwrap_or_default());
                    out.push(Code {
                        text: t,
                        width: widths[b as usize],
                        is_space: b == 32,
                    });
                    i += 1;
                }
                Kind::Composite {
                    space,
                    predefined,
                    widths,
                    default_width,
                    identity,
                } => {
                    let mut len = space.code_len(&bytes[i..]);
                    if *predefined == Predefined::Utf16
                        && len == 2
                        && matches!(bytes.get(i), Some(0xD8..=0xDB))
                        && matches!(bytes.get(i + 2), Some(0xDC..=0xDF))
                    {
                        len = 4;
                    }
                    let end = (i + len).min(bytes.len());
                    let raw = &bytes[i..end];
                    let value = raw.iter().fold(0u32, |v, b| (v << 8) | u32::from(*b));
                    let text = self
                        .mapped(raw.len(), value)
                        .unwrap_or_else(|| match predefined {
                            Predefined::Utf16 => super::cmap::utf16(raw),
                            Predefined::Gbk => {
                                let (t, _, bad) = encoding_rs::GBK.decode(raw);
                                if bad { String::new() } else { t.into_owned() }
                            }
                            Predefined::None => String::new(),
                        });
                    let cid = if *identity {
                        Some(value)
                    } else {
                        // Adobe-GB1 CIDs 1–95 are ASCII 0x20–0x7E.
                        text.chars()
                            .next()
                            .filter(|c| (' '..='~').contains(c) && text.chars().count() == 1)
                            .map(|c| c as u32 - 31)
                    };
                    // A predefined CMap's ASCII without a /W entry: half width.
                    let width = match cid {
                        Some(c) => widths.get(&c).copied().unwrap_or(if *identity {
                            *default_width
                        } else {
                            500.0
                        }),
                        None => *default_width,
                    };
                    out.push(Code {
                        text,
                        width,
                        is_space: false,
                    });
                    i = end;
                }
            }
        }
        out
    }

    fn mapped(&self, len: usize, code: u32) -> Option<String> {
        self.to_unicode.as_ref()?.lookup(len, code)
    }
}

fn name(doc: &Document, o: Option<&Object>) -> Option<Vec<u8>> {
    match o.map(|o| deref(doc, o)) {
        Some(Object::Name(n)) => Some(n.clone()),
        _ => None,
    }
}

fn number(doc: &Document, o: &Object) -> Option<f32> {
    match deref(doc, o) {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

fn composite(
    doc: &Document,
    dict: &Dictionary,
    to_unicode: Option<&CMap>,
    budget: &mut Budget,
) -> Result<Kind, PdfError> {
    let encoding = dict.get(b"Encoding").map(|o| deref(doc, o));
    let (space, predefined, identity) = match encoding {
        Ok(Object::Name(n)) => predefined_cmap(n),
        Ok(Object::Stream(s)) => {
            let cmap = CMap::parse(&stream_bytes(s, budget)?);
            let space = if cmap.space.ranges.is_empty() {
                CodeSpace::fixed(2)
            } else {
                cmap.space
            };
            (space, Predefined::None, true)
        }
        _ => (CodeSpace::fixed(2), Predefined::None, true),
    };
    // An unknown encoding name: trust the ToUnicode map's code space.
    let space = match (predefined, to_unicode) {
        (Predefined::None, Some(m)) if !m.space.ranges.is_empty() && !is_identity(encoding) => {
            m.space.clone()
        }
        _ => space,
    };
    let descendant = match dict.get(b"DescendantFonts").map(|o| deref(doc, o)) {
        Ok(Object::Array(a)) => a.first().map(|o| deref(doc, o)),
        _ => None,
    };
    let mut widths = HashMap::new();
    let mut default_width = 1000.0;
    if let Some(Object::Dictionary(d)) = descendant {
        if let Some(dw) = d.get(b"DW").ok().and_then(|o| number(doc, o)) {
            default_width = dw;
        }
        if let Ok(Object::Array(w)) = d.get(b"W").map(|o| deref(doc, o)) {
            read_w(doc, w, &mut widths);
        }
    }
    Ok(Kind::Composite {
        space,
        predefined,
        widths,
        default_width,
        identity,
    })
}

fn is_identity(encoding: lopdf::Result<&Object>) -> bool {
    matches!(encoding, Ok(Object::Name(n)) if n.starts_with(b"Identity"))
}

/// The code space and decoding of a predefined CMap name.
fn predefined_cmap(name: &[u8]) -> (CodeSpace, Predefined, bool) {
    match name {
        b"UniGB-UCS2-H" | b"UniGB-UCS2-V" | b"UniGB-UTF16-H" | b"UniGB-UTF16-V" => {
            (CodeSpace::fixed(2), Predefined::Utf16, false)
        }
        b"GBK-EUC-H" | b"GBK-EUC-V" | b"GBK2K-H" | b"GBK2K-V" => (
            CodeSpace {
                ranges: vec![
                    CodeRange::new(1, 0x00, 0x80),
                    CodeRange::new(2, 0x8140, 0xFEFE),
                ],
            },
            Predefined::Gbk,
            false,
        ),
        b"GB-EUC-H" | b"GB-EUC-V" | b"GBpc-EUC-H" | b"GBpc-EUC-V" => (
            CodeSpace {
                ranges: vec![
                    CodeRange::new(1, 0x00, 0xA0),
                    CodeRange::new(2, 0xA1A1, 0xFEFE),
                ],
            },
            Predefined::Gbk,
            false,
        ),
        _ => (CodeSpace::fixed(2), Predefined::None, true),
    }
}

/// `/W [c [w1 w2 …] cfirst clast w …]`.
fn read_w(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() && out.len() < MAX_W_ENTRIES {
        let Some(first) = number(doc, &w[i]) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate() {
                    if out.len() >= MAX_W_ENTRIES {
                        break;
                    }
                    if let Some(v) = number(doc, o) {
                        out.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = number(doc, o).map(|l| l.max(0.0) as u32);
                let v = w.get(i + 2).and_then(|o| number(doc, o));
                if let (Some(last), Some(v)) = (last, v) {
                    let span = last.saturating_sub(first).min(MAX_W_ENTRIES as u32);
                    for c in 0..=span {
                        if out.len() >= MAX_W_ENTRIES {
                            break;
                        }
                        out.insert(first.saturating_add(c), v);
                    }
                }
                i += 3;
            }
            None => break,
        }
    }
}

fn simple(doc: &Document, dict: &Dictionary) -> Kind {
    let mut text: Box<[Option<char>; 256]> = Box::new([None; 256]);
    // Base encoding: ASCII the same in WinAnsi, MacRoman and Standard; the
    // upper half as Windows-1252 (WinAnsi, also the usual default).
    for (b, slot) in text.iter_mut().enumerate() {
        let byte = [b as u8];
        let (t, _, bad) = encoding_rs::WINDOWS_1252.decode(&byte);
        if !bad && b >= 0x20 {
            *slot = t.chars().next();
        }
    }
    if let Ok(Object::Dictionary(enc)) = dict.get(b"Encoding").map(|o| deref(doc, o))
        && let Ok(Object::Array(diffs)) = enc.get(b"Differences").map(|o| deref(doc, o))
    {
        let mut code: usize = 0;
        for o in diffs {
            match deref(doc, o) {
                Object::Integer(i) => code = (*i).clamp(0, 256) as usize,
                Object::Name(n) => {
                    if code < 256 {
                        text[code] = glyph_char(n);
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    let mut widths = Box::new([DEFAULT_SIMPLE_WIDTH; 256]);
    let first = dict
        .get(b"FirstChar")
        .ok()
        .and_then(|o| number(doc, o))
        .unwrap_or(0.0)
        .clamp(0.0, 255.0) as usize;
    if let Ok(Object::Array(ws)) = dict.get(b"Widths").map(|o| deref(doc, o)) {
        for (k, o) in ws.iter().enumerate() {
            if let (Some(slot), Some(v)) = (widths.get_mut(first + k), number(doc, o)) {
                *slot = v;
            }
        }
    }
    Kind::Simple { text, widths }
}

/// The character of a glyph name: `zero`…`nine`, single letters, common
/// punctuation, `uniXXXX`, `uXXXX`.
fn glyph_char(name: &[u8]) -> Option<char> {
    const DIGITS: [&[u8]; 10] = [
        b"zero", b"one", b"two", b"three", b"four", b"five", b"six", b"seven", b"eight", b"nine",
    ];
    if let Some(d) = DIGITS.iter().position(|n| *n == name) {
        return char::from_digit(d as u32, 10);
    }
    if let [c] = name
        && c.is_ascii_alphabetic()
    {
        return Some(*c as char);
    }
    let punct: &[(&[u8], char)] = &[
        (b"space", ' '),
        (b"period", '.'),
        (b"comma", ','),
        (b"hyphen", '-'),
        (b"minus", '-'),
        (b"parenleft", '('),
        (b"parenright", ')'),
        (b"percent", '%'),
        (b"colon", ':'),
        (b"semicolon", ';'),
        (b"slash", '/'),
        (b"plus", '+'),
        (b"equal", '='),
        (b"bracketleft", '['),
        (b"bracketright", ']'),
        (b"quotedbl", '"'),
        (b"quotesingle", '\''),
        (b"endash", '–'),
        (b"emdash", '—'),
    ];
    if let Some((_, c)) = punct.iter().find(|(n, _)| *n == name) {
        return Some(*c);
    }
    let hex = name
        .strip_prefix(b"uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            name.strip_prefix(b"u")
                .filter(|h| (4..=6).contains(&h.len()))
        })?;
    let hex = std::str::from_utf8(hex).ok()?;
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font(kind: Kind) -> Font {
        Font {
            to_unicode: None,
            kind,
            vertical: false,
        }
    }

    fn texts(f: &Font, bytes: &[u8]) -> Vec<String> {
        f.codes(bytes).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn predefined_chinese_encodings() {
        let (space, p, id) = predefined_cmap(b"UniGB-UCS2-H");
        let f = font(Kind::Composite {
            space,
            predefined: p,
            widths: HashMap::from([(17, 250.0)]),
            default_width: 1000.0,
            identity: id,
        });
        // 总计 0 in UCS-2: the digit takes CID 17's width (0x30 - 31).
        let codes = f.codes(&[0x60, 0x3B, 0x8B, 0xA1, 0x00, 0x30]);
        assert_eq!(
            codes.iter().map(|c| c.text.as_str()).collect::<String>(),
            "总计0"
        );
        assert_eq!(codes[0].width, 1000.0);
        assert_eq!(codes[2].width, 250.0);
        // A surrogate pair is one code.
        assert_eq!(texts(&f, &[0xD8, 0x40, 0xDC, 0x00]), ["\u{20000}"]);

        let (space, p, id) = predefined_cmap(b"GBK-EUC-H");
        let f = font(Kind::Composite {
            space,
            predefined: p,
            widths: HashMap::new(),
            default_width: 1000.0,
            identity: id,
        });
        // 总计12 in GBK: two 2-byte codes, two 1-byte codes.
        let (gbk, _, _) = encoding_rs::GBK.encode("总计12");
        assert_eq!(texts(&f, &gbk), ["总", "计", "1", "2"]);
        assert_eq!(f.codes(&gbk)[2].width, 500.0);
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_char(b"seven"), Some('7'));
        assert_eq!(glyph_char(b"A"), Some('A'));
        assert_eq!(glyph_char(b"uni603B"), Some('总'));
        assert_eq!(glyph_char(b"u8BA1"), Some('计'));
        assert_eq!(glyph_char(b"g123"), None);
        assert_eq!(glyph_char(b"uniZZZZ"), None);
    }

    #[test]
    fn w_arrays() {
        let doc = Document::new();
        let w = vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(278), Object::Real(333.5)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(500),
            Object::Integer(4_000_000_000),
            Object::Integer(4_000_000_000_i64 + 5_000_000),
            Object::Integer(7),
        ];
        let mut out = HashMap::new();
        read_w(&doc, &w, &mut out);
        assert_eq!(out.get(&1), Some(&278.0));
        assert_eq!(out.get(&2), Some(&333.5));
        assert_eq!(out.get(&11), Some(&500.0));
        assert!(out.len() <= MAX_W_ENTRIES, "a hostile range is capped");
    }
}
