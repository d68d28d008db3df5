//! Cell values and the cell policy: what a cell's text reads as.
//!
//! ASCII or full-width digits, `,` thousands separators; blank, `/`, `-`, `—`,
//! `无` read as 0 (blank, warned); anything else is invalid. The fee cell is a
//! decimal amount.

use crate::template::{CellKind, fold_width};

/// Longest digit string accepted; longer numbers are invalid, never overflow.
pub(crate) const MAX_DIGITS: usize = 15;

#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// A count.
    Int(i64),
    /// A decimal amount (万元), only in the fee cell.
    Amount(f64),
    /// Empty or a blank marker: reads as 0 and is warned about.
    Blank,
    /// Text that is not a valid value for this cell.
    Invalid,
    /// Not in the file at all (a row not found, a cell lost).
    Missing,
}

impl CellValue {
    /// The value as a count for the rules.
    pub fn count(&self) -> Option<i64> {
        match self {
            CellValue::Int(v) => Some(*v),
            CellValue::Blank => Some(0),
            _ => None,
        }
    }

    /// How the value is written in the normalized file.
    pub fn canonical(&self, raw: &str) -> String {
        match self {
            CellValue::Int(v) => v.to_string(),
            CellValue::Amount(_) => canonical_amount(raw),
            CellValue::Blank => "-".to_string(),
            CellValue::Invalid => {
                let text = raw.replace(['\t', '|'], "¦");
                // Already marked (a normalized file read again): the marker
                // is added once, so normalizing is idempotent.
                if trim_cell(&text).starts_with('!') || looks_like_value(&text) {
                    text
                } else {
                    format!("!{text}")
                }
            }
            CellValue::Missing => String::new(),
        }
    }
}

fn canonical_amount(raw: &str) -> String {
    let folded: String = raw
        .chars()
        .map(fold_width)
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
        .collect();
    folded
}

/// Text that stands for "nothing" in a cell.
pub fn is_blank_marker(s: &str) -> bool {
    // A cell starting with a digit (most cells) is no marker: no marker
    // starts with one, and trimming does not reach past it.
    if s.as_bytes().first().is_some_and(u8::is_ascii_digit) || label_start(s) {
        return false;
    }
    let t = trim_cell(s);
    t.is_empty()
        || matches!(
            t,
            "/" | "-" | "—" | "——" | "–" | "－" | "／" | "无" | "&nbsp;" | "\\" | "--" | "---"
        )
}

/// Trim whitespace, NBSP and full-width spaces around a cell.
pub fn trim_cell(s: &str) -> &str {
    // Nothing to trim when the text opens with a printable ASCII character
    // or an ideograph (lead byte E4–E9: U+4000–U+9FFF) and ends with one:
    // the usual cell, told by its end bytes without decoding.
    let b = s.as_bytes();
    let ideograph_lead = |x: u8| (0xE4..=0xE9).contains(&x);
    let opens = b
        .first()
        .is_some_and(|&f| f.is_ascii_graphic() || ideograph_lead(f));
    let ends = match b {
        [.., l] if l.is_ascii_graphic() => true,
        [.., lead, _, _] => ideograph_lead(*lead),
        _ => false,
    };
    if opens && ends {
        return s;
    }
    // NBSP and the ideographic space are whitespace to `char`: the same
    // trim as `str::trim`.
    trim_ws(s)
}

/// [`str::trim`] at the byte level: an ASCII byte is whitespace or not by
/// itself, and a character of more bytes can be whitespace only when it
/// opens with C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000–U+205F) or E3
/// (U+3000); only those few are decoded.
pub fn trim_ws(s: &str) -> &str {
    let b = s.as_bytes();
    let may_be_space = |x: u8| matches!(x, 0xC2 | 0xE1..=0xE3);
    let mut start = 0;
    while let Some(&x) = b.get(start) {
        if x.is_ascii() {
            if !x.is_ascii_whitespace() && x != 0x0B {
                break;
            }
            start += 1;
        } else if may_be_space(x) {
            match s[start..].chars().next() {
                Some(c) if c.is_whitespace() => start += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    let mut end = b.len();
    while end > start {
        let x = b[end - 1];
        if x.is_ascii() {
            if !x.is_ascii_whitespace() && x != 0x0B {
                break;
            }
            end -= 1;
        } else {
            // The character's first byte: back over continuation bytes.
            let mut lead = end - 1;
            while lead > start && b[lead] & 0xC0 == 0x80 {
                lead -= 1;
            }
            if !may_be_space(b[lead]) {
                break;
            }
            match s[lead..end].chars().next() {
                Some(c) if c.is_whitespace() => end = lead,
                _ => break,
            }
        }
    }
    &s[start..end]
}

/// Trim an ASCII byte (`*`, `#`, `|`) from both ends, as
/// `str::trim_matches(char)` does, without decoding.
pub fn trim_byte(s: &str, byte: u8) -> &str {
    debug_assert!(byte.is_ascii());
    let b = s.as_bytes();
    let start = b.iter().take_while(|&&x| x == byte).count();
    let end = b.len() - b[start..].iter().rev().take_while(|&&x| x == byte).count();
    &s[start..end]
}

/// `str::trim_start_matches(char)` for an ASCII byte, without decoding.
pub fn trim_start_byte(s: &str, byte: u8) -> &str {
    debug_assert!(byte.is_ascii());
    let start = s.as_bytes().iter().take_while(|&&x| x == byte).count();
    &s[start..]
}

/// Parse a cell's text under the cell policy.
pub fn parse_value(raw: &str, kind: CellKind) -> CellValue {
    // Plain ASCII digits, nothing around them (most cells): the value
    // straight away, as the general path below reads it.
    if let Some(v) = plain_digits(raw) {
        return match kind {
            CellKind::Count => CellValue::Int(v),
            // At most 15 digits: exact as a float.
            CellKind::Amount => CellValue::Amount(v as f64),
        };
    }
    let t = trim_cell(raw);
    if is_blank_marker(t) {
        return CellValue::Blank;
    }
    // The digits (and the dot of an amount) go into a stack buffer: no
    // allocation per cell. Longer than the buffer is invalid anyway.
    let mut buf = [0u8; 32];
    let mut len = 0usize;
    let mut int_len: Option<usize> = None; // set at the dot
    let mut last_sep: Option<usize> = None;
    for c in t.chars().map(fold_width) {
        match c {
            '0'..='9' => {
                if len == buf.len() {
                    return CellValue::Invalid;
                }
                buf[len] = c as u8;
                len += 1;
            }
            ',' | '，' if int_len.is_none() => {
                // Thousands separator: digits before it, and every group
                // after the first exactly three digits.
                if len == 0 || last_sep.is_some_and(|prev| len - prev != 3) {
                    return CellValue::Invalid;
                }
                last_sep = Some(len);
            }
            '.' if int_len.is_none() && kind == CellKind::Amount => {
                if len == 0 || len == buf.len() {
                    return CellValue::Invalid;
                }
                int_len = Some(len);
                buf[len] = b'.';
                len += 1;
            }
            _ => return CellValue::Invalid,
        }
    }
    let ints = int_len.unwrap_or(len);
    let frac = int_len.map_or(0, |i| len - i - 1);
    if last_sep.is_some_and(|prev| ints - prev != 3)
        || ints == 0
        || (int_len.is_some() && frac == 0)
        || ints > MAX_DIGITS
        || frac > 6
    {
        return CellValue::Invalid;
    }
    let Ok(digits) = std::str::from_utf8(&buf[..len]) else {
        return CellValue::Invalid;
    };
    match kind {
        CellKind::Count => digits
            .parse::<i64>()
            .map(CellValue::Int)
            .unwrap_or(CellValue::Invalid),
        CellKind::Amount => digits
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(CellValue::Amount)
            .unwrap_or(CellValue::Invalid),
    }
}

/// Does the text open with a CJK ideograph other than 无 (the one blank
/// marker that is one)? Such a cell is label text.
fn label_start(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '无')
}

/// The value of a cell that is 1 to [`MAX_DIGITS`] ASCII digits and
/// nothing else.
fn plain_digits(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > MAX_DIGITS {
        return None;
    }
    b.iter().try_fold(0i64, |v, &c| {
        c.is_ascii_digit().then(|| v * 10 + i64::from(c - b'0'))
    })
}

/// Does this cell look like it stands in a value position (a number, a blank
/// marker, or a near-number such as `12件` or `3.5`), as opposed to label
/// text? Numbered labels like `1. 属于国家秘密` are labels.
pub fn looks_like_value(s: &str) -> bool {
    // Plain digits (most cells) are a value; a cell opening with a Chinese
    // character other than 无 (a label) is not: no marker, list number or
    // OCR confusion starts with one.
    if plain_digits(s).is_some() {
        return true;
    }
    if label_start(s) {
        return false;
    }
    let t = trim_cell(s);
    if is_blank_marker(t) {
        return true;
    }
    // The normalized file marks unreadable cells with `!` (see
    // `CellValue::canonical`) so they stay in their column, whatever text
    // follows (`!4件，含补正2件` included).
    if t.starts_with('!') {
        return true;
    }
    // A sentence ("2023年，我局…") is prose, whatever it starts with.
    if t.contains(['，', '。', '；', '：', '、']) && t.chars().count() > 6 {
        return false;
    }
    let mut chars = t.chars().map(fold_width).peekable();
    let Some(&first) = chars.peek() else {
        return true;
    };
    if first == '-' || first == '+' {
        chars.next();
        return chars.peek().is_some_and(char::is_ascii_digit);
    }
    if first.is_ascii_digit() {
        // "1. 属于…", "1、…", "3.其他", a bare "5.": a list number, i.e. label.
        while chars.peek().is_some_and(char::is_ascii_digit) {
            chars.next();
        }
        if matches!(chars.peek(), Some('.' | '、')) {
            chars.next();
            let after = chars.find(|c| !c.is_whitespace());
            return after.is_some_and(|c| c.is_ascii_digit());
        }
        return true;
    }
    // OCR confusions of digits standing alone.
    matches!(t, "O" | "o" | "〇" | "l" | "I")
}

/// Is the cell a value carrying a digit (not only a blank marker)?
pub fn has_digit(s: &str) -> bool {
    s.chars().map(fold_width).any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_trims_as_std() {
        let spaces = [
            " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
            "\u{200a}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        // Near misses: the same lead bytes, no whitespace.
        let others = [
            "a",
            "1",
            "*",
            "#",
            "总",
            "\u{a9}",
            "\u{1681}",
            "\u{200b}",
            "\u{2014}",
            "\u{3001}",
            "\u{ff08}",
            "\u{1f600}",
            "\u{c2}",
            "",
        ];
        for a in spaces.iter().chain(&others) {
            for b in &others {
                for c in spaces.iter().chain(&others) {
                    for s in [
                        format!("{a}{b}{c}"),
                        format!("{a}{a}{b}{b}{c}{c}"),
                        format!("{b}{a}{c}{b}"),
                    ] {
                        assert_eq!(trim_ws(&s), s.trim(), "{s:?}");
                        assert_eq!(trim_cell(&s), s.trim(), "{s:?}");
                        assert_eq!(trim_byte(&s, b'*'), s.trim_matches('*'), "{s:?}");
                        assert_eq!(
                            trim_start_byte(&s, b'#'),
                            s.trim_start_matches('#'),
                            "{s:?}"
                        );
                    }
                }
            }
        }
    }

    fn count(s: &str) -> CellValue {
        parse_value(s, CellKind::Count)
    }

    /// The fast paths for plain digits give what the general path gives
    /// (a space in front sends a cell down the general path; trimming
    /// takes it off again).
    #[test]
    fn plain_digits_as_the_general_path_reads_them() {
        for s in [
            "0",
            "7",
            "00",
            "007",
            "12",
            "999999999999999",
            "1234567890123456",
            "12345678901234567890",
            "1,234",
            " 12",
            "12 ",
            "１２",
            "-1",
            "+3",
            "3.5",
            "1.",
            "12件",
            "",
            " ",
            "/",
            "9a",
            "无",
            "无 ",
            "无效",
            "予以公开",
            "一、本年新收",
            "〇",
            "行政许可，共计十件申请",
            "三 ",
        ] {
            let general = format!(" {s}");
            for kind in [CellKind::Count, CellKind::Amount] {
                assert_eq!(parse_value(s, kind), parse_value(&general, kind), "{s:?}");
            }
            assert_eq!(looks_like_value(s), looks_like_value(&general), "{s:?}");
            assert_eq!(is_blank_marker(s), is_blank_marker(&general), "{s:?}");
        }
        assert_eq!(parse_value("007", CellKind::Count), CellValue::Int(7));
        assert_eq!(parse_value("12", CellKind::Amount), CellValue::Amount(12.0));
    }

    #[test]
    fn trimming_as_the_characters_say() {
        let slow = |s: &str| {
            s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
                .to_string()
        };
        for s in [
            "",
            "a",
            " a",
            "a ",
            "予以公开",
            " 予以公开\u{3000}",
            "公开\u{a0}",
            "\u{2003}公",
            "公\u{2028}",
            "一、",
            "（一）",
            "12",
            "12\t",
            "\u{85}",
            "x\u{85}",
            "é",
            "公é",
            "\u{4e00}",
            "\u{9fff}x",
        ] {
            assert_eq!(trim_cell(s), slow(s), "{s:?}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(count("0"), CellValue::Int(0));
        assert_eq!(count(" 24 "), CellValue::Int(24));
        assert_eq!(count("１２３"), CellValue::Int(123));
        assert_eq!(count("1,234"), CellValue::Int(1234));
        assert_eq!(count("1,234,567"), CellValue::Int(1234567));
        assert_eq!(count("12,34"), CellValue::Invalid);
        assert_eq!(count(",12"), CellValue::Invalid);
    }

    #[test]
    fn blanks() {
        for s in ["", " ", "/", "-", "—", "无", "&nbsp;", "\u{a0}"] {
            assert_eq!(count(s), CellValue::Blank, "{s:?}");
        }
    }

    #[test]
    fn invalid() {
        for s in [
            "O",
            "12件",
            "3.5",
            "-3",
            "1e5",
            "12 3",
            "99999999999999999999999999999999999999",
        ] {
            assert_eq!(count(s), CellValue::Invalid, "{s:?}");
        }
    }

    #[test]
    fn amounts() {
        assert_eq!(
            parse_value("4068.208", CellKind::Amount),
            CellValue::Amount(4068.208)
        );
        assert_eq!(parse_value("0", CellKind::Amount), CellValue::Amount(0.0));
        assert_eq!(parse_value("1.", CellKind::Amount), CellValue::Invalid);
        assert_eq!(parse_value("1.2.3", CellKind::Amount), CellValue::Invalid);
    }

    #[test]
    fn value_or_label() {
        assert!(looks_like_value("0"));
        assert!(looks_like_value("12件"));
        assert!(looks_like_value("3.5"));
        assert!(looks_like_value("-3"));
        assert!(looks_like_value("—"));
        assert!(looks_like_value("O"));
        assert!(!looks_like_value("1. 属于国家秘密"));
        assert!(!looks_like_value("3.其他"));
        assert!(!looks_like_value("5、要求行政机关"));
        assert!(!looks_like_value("5."));
        assert!(looks_like_value("3.5"));
        assert!(!looks_like_value("予以公开"));
    }
}
