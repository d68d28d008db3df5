//! Finding the six numbered sections by their headings.

use super::limits::{BARE_HEADING_MAX_CHARS, HEADING_MAX_BYTES, HEADING_MAX_CHARS};
use crate::cell::{trim_byte, trim_start_byte, trim_ws};
use crate::template::{SectionKind, normalize_label};

/// Chinese numerals that number sections (一、 … 十、).
const NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// A heading found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Heading {
    /// 1-based line number.
    pub line: usize,
    pub kind: SectionKind,
    /// The heading text without markdown `#` and surrounding space.
    pub text: String,
}

/// Strip markdown heading marks and emphasis.
fn strip_markup(line: &str) -> (&str, bool) {
    let t = trim_ws(line);
    let hashed = t.starts_with('#');
    let t = trim_ws(trim_start_byte(t, b'#'));
    let t = trim_ws(trim_byte(t, b'*'));
    (t, hashed)
}

/// Every section heading holds one of these words: a line holding none is
/// no heading (callers with many lines find the few that do in one search
/// over all the text, [`crate::model::Lines::lines_holding`]).
pub(crate) const HEADING_SIGNS: &[&str] = &["情况", "事项", "问题", "概述"];

/// [`HEADING_SIGNS`] as one automaton.
pub(crate) static HEADING_WORDS: crate::model::Words =
    crate::model::Words::new(HEADING_SIGNS, || {
        crate::model::Words::automaton(HEADING_SIGNS)
    });

/// Classify one line as a section heading, if it is one.
pub(crate) fn classify_heading(line: &str) -> Option<(SectionKind, String)> {
    // Every section keyword holds one of these; most lines hold none (and
    // many hold nothing at all).
    if line.is_empty()
        || line.len() > HEADING_MAX_BYTES
        || !HEADING_SIGNS.iter().any(|k| line.contains(k))
    {
        return None;
    }
    classify_signed_heading(line)
}

/// [`classify_heading`] of a line known to hold one of [`HEADING_SIGNS`]
/// (found by [`HEADING_WORDS`] over all the text): not searched again.
pub(crate) fn classify_signed_heading(line: &str) -> Option<(SectionKind, String)> {
    if line.is_empty()
        || line.len() > HEADING_MAX_BYTES
        // (Trailing tabs are padding, which the normalized file trims.)
        || memchr::memchr2(b'\t', b'|', line.trim_end().as_bytes()).is_some()
    {
        return None;
    }
    let (text, hashed) = strip_markup(line);
    if text.is_empty() || text.len() > HEADING_MAX_BYTES || text.chars().count() > HEADING_MAX_CHARS
    {
        return None;
    }
    let first = text.chars().next()?;
    // Sub-items: (一) （一） 1. 一是 …; table titles: 表二：…
    if matches!(first, '(' | '（' | '【' | '[' | '表') || first.is_ascii_digit() {
        return None;
    }
    let mut body = text;
    let mut numbered = false;
    let lead: usize = text
        .chars()
        .take_while(|c| NUMERALS.contains(c))
        .map(char::len_utf8)
        .sum();
    if lead > 0 {
        let rest = &text[lead..];
        if let Some(r) = rest
            .strip_prefix('、')
            .or_else(|| rest.strip_prefix('.'))
            .or_else(|| rest.strip_prefix('．'))
            .or_else(|| rest.strip_prefix(' '))
            .or_else(|| rest.strip_prefix('\u{3000}'))
        {
            body = trim_ws(r);
            numbered = true;
        } else if rest.starts_with('是') {
            return None; // 一是、二是 …
        }
    }
    if clause_punct(body) {
        return None;
    }
    let norm = normalize_label(body);
    let kind = keyword_kind(&norm)?;
    if !numbered && !hashed && norm.chars().count() > BARE_HEADING_MAX_CHARS {
        return None;
    }
    Some((kind, text.to_string()))
}

/// Does the text hold `，`, `。`, `；`, `,` or `;` (a sentence, no heading)?
/// Byte searches: `，`/`；` are EF BC 8C/9B, `。` is E3 80 82.
fn clause_punct(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2(b',', b';', b).is_some()
        || memchr::memchr2_iter(0xE3, 0xEF, b).any(|i| {
            matches!(
                b.get(i..i + 3),
                Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x8C] | [0xEF, 0xBC, 0x9B])
            )
        })
}

fn keyword_kind(norm: &str) -> Option<SectionKind> {
    let has = |s: &str| norm.contains(s);
    if has("其他需要报告") {
        Some(SectionKind::Other)
    } else if has("总体情况") || norm == "概述" {
        Some(SectionKind::Overview)
    } else if has("复议") && has("诉讼") && has("情况") {
        Some(SectionKind::Appeals)
    } else if has("收到和处理") || (has("依申请") && has("情况")) || has("公开申请情况")
    {
        Some(SectionKind::Requests)
    } else if has("主动公开") && has("情况") {
        Some(SectionKind::Active)
    } else if has("问题") && (has("改进") || has("情况") || has("不足")) {
        Some(SectionKind::Problems)
    } else {
        None
    }
}

/// All section headings, in order.
pub(crate) fn find_headings(lines: &crate::model::Lines) -> Vec<Heading> {
    lines
        .lines_holding_any(&HEADING_WORDS)
        .into_iter()
        .filter_map(|i| {
            classify_signed_heading(lines.get(i)?).map(|(kind, text)| Heading {
                line: i + 1,
                kind,
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<SectionKind> {
        classify_heading(s).map(|(k, _)| k)
    }

    #[test]
    fn numbered_and_markdown() {
        assert_eq!(kind("一、总体情况"), Some(SectionKind::Overview));
        assert_eq!(kind("总体情况"), Some(SectionKind::Overview));
        assert_eq!(
            kind("## 二、主动公开政府信息情况"),
            Some(SectionKind::Active)
        );
        assert_eq!(
            kind("### 三、收到和处理政府信息公开申请情况"),
            Some(SectionKind::Requests)
        );
        assert_eq!(
            kind("#### 四、政府信息公开行政复议、行政诉讼情况"),
            Some(SectionKind::Appeals)
        );
        assert_eq!(
            kind("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
            Some(SectionKind::Appeals)
        );
        assert_eq!(kind("五、存在问题及改进情况"), Some(SectionKind::Problems));
        assert_eq!(kind("六、其他需要报告的事项"), Some(SectionKind::Other));
    }

    #[test]
    fn clause_punct_as_chars() {
        for t in [
            "总体情况",
            "情况，",
            "情况。",
            "情况；",
            "a,b",
            "a;b",
            "「情况」",
            "、",
            "　",
            "，",
            "；",
            "．",
            "（一）",
            "情况：",
            "",
        ] {
            assert_eq!(
                clause_punct(t),
                t.contains(['，', '。', '；', ',', ';']),
                "{t:?}"
            );
        }
    }

    #[test]
    fn not_headings() {
        assert_eq!(kind("(一) 主动公开"), None);
        assert_eq!(kind("（二）依申请公开情况"), None);
        assert_eq!(kind("三、本年度办理结果"), None);
        assert_eq!(kind("一、本年新收政府信息公开申请数量"), None);
        assert_eq!(kind("## 表三：收到和处理政府信息公开申请情况"), None);
        assert_eq!(kind("行政复议行政诉讼"), None);
        assert_eq!(
            kind("报告，报告全文包括总体情况、主动公开政府信息情况、收到和"),
            None
        );
        assert_eq!(kind("三、本年度办理结果\t(一) 予以公开\t0"), None);
    }
}
