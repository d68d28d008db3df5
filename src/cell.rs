//! Cell values and the cell policy: what a cell's text reads as.
//!
//! ASCII or full-width digits, `,` thousands separators; blank, `/`, `-`, `—`,
//! `无` read as 0 (blank, warned); anything else is invalid. The fee cell is a
//! decimal amount.

use crate::template::{CellKind, fold_width};

/// Longest digit string accepted; longer numbers are invalid, never overflow.
const MAX_DIGITS: usize = 15;

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

    /// The value as a JSON number (blank is 0; invalid and missing are null).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            CellValue::Int(v) => serde_json::Value::from(*v),
            CellValue::Amount(v) => serde_json::Number::from_f64(*v)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            CellValue::Blank => serde_json::Value::from(0),
            CellValue::Invalid | CellValue::Missing => serde_json::Value::Null,
        }
    }

    /// How the value is written in the normalized file.
    pub fn canonical(&self, raw: &str) -> String {
        match self {
            CellValue::Int(v) => v.to_string(),
            CellValue::Amount(_) => canonical_amount(raw),
            CellValue::Blank => "-".to_string(),
            CellValue::Invalid => raw.replace(['\t', '|'], " "),
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
    let t = trim_cell(s);
    t.is_empty()
        || matches!(
            t,
            "/" | "-" | "—" | "——" | "–" | "－" | "／" | "无" | "&nbsp;" | "\\" | "--" | "---"
        )
}

/// Trim whitespace, NBSP and full-width spaces around a cell.
pub fn trim_cell(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
}

/// Parse a cell's text under the cell policy.
pub fn parse_value(raw: &str, kind: CellKind) -> CellValue {
    let t = trim_cell(raw);
    if is_blank_marker(t) {
        return CellValue::Blank;
    }
    let mut digits = String::with_capacity(t.len());
    let mut seen_dot = false;
    let mut frac = 0usize;
    let mut groups_ok = true;
    let mut last_sep: Option<usize> = None;
    for c in t.chars().map(fold_width) {
        match c {
            '0'..='9' => {
                digits.push(c);
                if seen_dot {
                    frac += 1;
                }
            }
            ',' | '，' if !seen_dot => {
                // Thousands separator: there must be digits before it, and
                // every group after the first has exactly three digits.
                let n = digits.len();
                if n == 0 {
                    return CellValue::Invalid;
                }
                if let Some(prev) = last_sep
                    && n - prev != 3
                {
                    groups_ok = false;
                }
                last_sep = Some(n);
            }
            '.' if !seen_dot && kind == CellKind::Amount => {
                if digits.is_empty() {
                    return CellValue::Invalid;
                }
                seen_dot = true;
                digits.push('.');
            }
            _ => return CellValue::Invalid,
        }
    }
    if let Some(prev) = last_sep {
        let int_len = digits.find('.').unwrap_or(digits.len());
        if int_len - prev != 3 {
            groups_ok = false;
        }
    }
    if !groups_ok || digits.is_empty() || digits.ends_with('.') {
        return CellValue::Invalid;
    }
    let int_len = digits.find('.').unwrap_or(digits.len());
    if int_len > MAX_DIGITS || frac > 6 {
        return CellValue::Invalid;
    }
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

/// Does this cell look like it stands in a value position (a number, a blank
/// marker, or a near-number such as `12件` or `3.5`), as opposed to label
/// text? Numbered labels like `1. 属于国家秘密` are labels.
pub fn looks_like_value(s: &str) -> bool {
    let t = trim_cell(s);
    if is_blank_marker(t) {
        return true;
    }
    let mut chars = t.chars().map(fold_width);
    let Some(first) = chars.next() else {
        return true;
    };
    let starts_numeric = first.is_ascii_digit()
        || ((first == '-' || first == '+')
            && t.chars()
                .nth(1)
                .map(fold_width)
                .is_some_and(|c| c.is_ascii_digit()));
    if starts_numeric {
        // "1. 属于…", "1、…", "3.其他": a list number followed by text.
        let folded: String = t.chars().map(fold_width).collect();
        let rest = folded.trim_start_matches(|c: char| c.is_ascii_digit());
        let mut rc = rest.chars();
        if let Some(sep) = rc.next()
            && matches!(sep, '.' | '、')
        {
            let after = rc.as_str().trim_start();
            if after.chars().next().is_some_and(|c| !c.is_ascii_digit()) {
                return false;
            }
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

    fn count(s: &str) -> CellValue {
        parse_value(s, CellKind::Count)
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
        assert!(!looks_like_value("予以公开"));
    }
}
