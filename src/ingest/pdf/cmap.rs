//! CMaps: the code space of a font's encoding (how many bytes make one
//! character code) and the `ToUnicode` map (code → text).
//!
//! A CMap is PostScript-like text; only these sections are read:
//! `begincodespacerange <lo> <hi> … endcodespacerange`,
//! `beginbfchar <code> <utf16be> … endbfchar` and
//! `beginbfrange <lo> <hi> <utf16be> | [<utf16be> …] … endbfrange`.
//! Everything else (`usecmap`, `cidrange`, comments) is skipped. Ranges stay
//! ranges (never expanded), so a hostile `<0000> <FFFFFFFF>` costs nothing.

use std::collections::HashMap;

/// Most entries kept from one CMap (bfchar entries plus ranges): a real
/// ToUnicode map of a CJK subset font has a few thousand.
const MAX_ENTRIES: usize = 200_000;

/// Most bytes of a CMap read (a full CJK ToUnicode map is under 1 MB; the
/// tokens of a bigger one would cost memory out of proportion).
const MAX_CMAP_BYTES: usize = 4 * 1024 * 1024;

/// Most code space ranges kept (real CMaps have one to a handful).
const MAX_SPACE_RANGES: usize = 64;

/// Longest character code, in bytes (the PDF limit).
pub(super) const MAX_CODE_LEN: usize = 4;

/// One code space range: codes of `len` bytes whose every byte lies
/// between the bytes of `lo` and `hi`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CodeRange {
    pub len: usize,
    pub lo: [u8; MAX_CODE_LEN],
    pub hi: [u8; MAX_CODE_LEN],
}

impl CodeRange {
    pub(super) fn new(len: usize, lo: u32, hi: u32) -> CodeRange {
        let bytes = |v: u32| {
            let mut b = [0u8; MAX_CODE_LEN];
            for (i, slot) in b.iter_mut().take(len).enumerate() {
                *slot = (v >> (8 * (len - 1 - i))) as u8;
            }
            b
        };
        CodeRange {
            len,
            lo: bytes(lo),
            hi: bytes(hi),
        }
    }

    fn contains(&self, code: &[u8]) -> bool {
        code.len() == self.len
            && code
                .iter()
                .enumerate()
                .all(|(i, b)| self.lo[i] <= *b && *b <= self.hi[i])
    }
}

/// The code space: split a string into codes.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct CodeSpace {
    pub ranges: Vec<CodeRange>,
}

impl CodeSpace {
    /// Codes of exactly `len` bytes.
    pub(super) fn fixed(len: usize) -> CodeSpace {
        let hi = if len >= 4 {
            u32::MAX
        } else {
            (1u32 << (8 * len)) - 1
        };
        CodeSpace {
            ranges: vec![CodeRange::new(len, 0, hi)],
        }
    }

    /// The length of the code at the start of `bytes` (1 when no range
    /// matches: the byte is skipped as one unknown code, as viewers do).
    pub(super) fn code_len(&self, bytes: &[u8]) -> usize {
        for len in 1..=MAX_CODE_LEN.min(bytes.len()) {
            if self.ranges.iter().any(|r| r.contains(&bytes[..len])) {
                return len;
            }
        }
        // No range matches: take the shortest length the map uses.
        let shortest = self.ranges.iter().map(|r| r.len).min().unwrap_or(1);
        shortest.clamp(1, bytes.len().max(1))
    }
}

/// Target of a bfrange: consecutive text from a start, or one text per code.
#[derive(Debug, Clone, PartialEq)]
enum RangeTarget {
    Start(Vec<u16>),
    Each(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
struct BfRange {
    len: usize,
    lo: u32,
    hi: u32,
    target: RangeTarget,
}

/// A parsed CMap: its code space and its code → text map (a ToUnicode map
/// has both; an encoding CMap only the code space is used of).
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct CMap {
    pub space: CodeSpace,
    chars: HashMap<(usize, u32), String>,
    ranges: Vec<BfRange>,
}

impl CMap {
    /// The text of a code of `len` bytes with value `code`.
    pub(super) fn lookup(&self, len: usize, code: u32) -> Option<String> {
        if let Some(s) = self.chars.get(&(len, code)) {
            return Some(s.clone());
        }
        // Ranges are sorted by (length, start) and do not overlap: the one
        // that may hold the code is the last that starts at or before it.
        let i = self
            .ranges
            .partition_point(|r| (r.len, r.lo) <= (len, code));
        let r = self.ranges.get(i.checked_sub(1)?)?;
        if r.len != len || code > r.hi {
            return None;
        }
        let offset = (code - r.lo) as usize;
        match &r.target {
            RangeTarget::Each(texts) => texts.get(offset).cloned(),
            RangeTarget::Start(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.checked_add(u16::try_from(offset).ok()?)?;
                Some(String::from_utf16_lossy(&units))
            }
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// Parse a CMap. Never fails: what cannot be read is skipped.
    pub(super) fn parse(data: &[u8]) -> CMap {
        let tokens = tokens(&data[..data.len().min(MAX_CMAP_BYTES)]);
        let mut map = CMap::default();
        let mut i = 0;
        let mut entries = 0usize;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word(w) if w == b"begincodespacerange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let (Some((ll, l)), Some((_, h))) = (code(lo), code(hi))
                            && map.space.ranges.len() < MAX_SPACE_RANGES
                        {
                            map.space.ranges.push(CodeRange::new(ll, l, h));
                        }
                        i += 2;
                    }
                }
                Token::Word(w) if w == b"beginbfchar" => {
                    i += 1;
                    while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let Some(key) = code(src)
                            && entries < MAX_ENTRIES
                        {
                            entries += 1;
                            map.chars.insert(key, utf16(dst));
                        }
                        i += 2;
                    }
                }
                Token::Word(w) if w == b"beginbfrange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(dst)) =
                        (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                    {
                        let target = match dst {
                            Token::Hex(d) => Some(RangeTarget::Start(units(d))),
                            Token::Array(items) => Some(RangeTarget::Each(
                                items.iter().take(MAX_ENTRIES).map(|d| utf16(d)).collect(),
                            )),
                            Token::Word(_) => None,
                        };
                        if let (Some((len, lo)), Some((_, hi)), Some(target)) =
                            (code(lo), code(hi), target)
                            && lo <= hi
                            && entries < MAX_ENTRIES
                        {
                            entries += 1;
                            map.ranges.push(BfRange {
                                len,
                                lo,
                                hi,
                                target,
                            });
                        }
                        i += 3;
                    }
                }
                _ => i += 1,
            }
        }
        map.ranges.sort_by_key(|r| (r.len, r.lo));
        map
    }
}

/// A code's byte length and value (1 to 4 bytes).
fn code(hex: &[u8]) -> Option<(usize, u32)> {
    if hex.is_empty() || hex.len() > MAX_CODE_LEN {
        return None;
    }
    Some((
        hex.len(),
        hex.iter().fold(0u32, |v, b| (v << 8) | u32::from(*b)),
    ))
}

fn units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect()
}

/// UTF-16BE bytes as text (unpaired surrogates become U+FFFD).
pub(super) fn utf16(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&units(bytes))
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
    Word(Vec<u8>),
}

/// The tokens of a CMap that matter: hex strings, arrays of hex strings
/// and bare words (operators, names, numbers; literal strings skipped).
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut array: Option<Vec<Vec<u8>>> = None;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(data.len(), |p| start + p);
                let hex = hex_bytes(&data[start..end]);
                match array.as_mut() {
                    Some(a) => a.push(hex),
                    None => out.push(Token::Hex(hex)),
                }
                i = end + 1;
            }
            b'[' => {
                array = Some(Vec::new());
                i += 1;
            }
            b']' => {
                if let Some(a) = array.take() {
                    out.push(Token::Array(a));
                }
                i += 1;
            }
            b'(' => {
                // A literal string (CMap names, registry): skipped, nesting kept.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            c if c.is_ascii_whitespace() || c == 0 => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()%/".contains(&data[i])
                {
                    i += 1;
                }
                if i == start {
                    // A name's slash or a stray delimiter.
                    i += 1;
                    continue;
                }
                if array.is_none() {
                    out.push(Token::Word(data[start..i].to_vec()));
                }
            }
        }
    }
    out
}

/// Hex digits to bytes (whitespace ignored, an odd last digit padded with 0).
fn hex_bytes(hex: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = hex
        .iter()
        .filter_map(|c| (*c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0011> <4E00>
<0012> <D840DC00>
endbfchar
2 beginbfrange
<0020> <0029> <0030>
<0040> <0042> [<603B> <8BA1> <0066006C>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn bfchar_bfrange_and_arrays() {
        let m = CMap::parse(TO_UNICODE);
        assert_eq!(m.space.ranges.len(), 1);
        assert_eq!(m.lookup(2, 0x11).as_deref(), Some("一"));
        assert_eq!(m.lookup(2, 0x12).as_deref(), Some("\u{20000}"));
        assert_eq!(m.lookup(2, 0x20).as_deref(), Some("0"));
        assert_eq!(m.lookup(2, 0x29).as_deref(), Some("9"));
        assert_eq!(m.lookup(2, 0x2A), None);
        assert_eq!(m.lookup(2, 0x40).as_deref(), Some("总"));
        assert_eq!(m.lookup(2, 0x41).as_deref(), Some("计"));
        assert_eq!(m.lookup(2, 0x42).as_deref(), Some("fl"));
        assert_eq!(m.lookup(1, 0x11), None);
    }

    #[test]
    fn code_space_with_one_and_two_byte_codes() {
        let m = CMap::parse(b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange");
        assert_eq!(m.space.code_len(b"A\x81\x40"), 1);
        assert_eq!(m.space.code_len(b"\xB0\xA1"), 2);
        assert_eq!(m.space.code_len(b"\xB0"), 1);
        assert_eq!(CodeSpace::fixed(2).code_len(b"\x00\x01\x02"), 2);
        assert_eq!(CodeSpace::fixed(2).code_len(b"\x00"), 1);
    }

    #[test]
    fn hostile_ranges_cost_nothing() {
        let m = CMap::parse(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(m.lookup(4, 0x10).as_deref(), Some("Q"));
        assert_eq!(m.lookup(4, 0xFFFF_FFFF), None, "offset past u16: no text");
        // Garbage does not panic.
        let _ = CMap::parse(b"<<<< [ ( \\ <zz> begincodespacerange <> <> beginbfrange [");
    }
}
