//! Figures the narrative states: "共受理政府信息公开申请 749 件，其中自然人申请
//! 741 件…". Each [`Claim`] names what it counts, so the rules can hold it
//! against the tables. Only tight patterns count — a keyword, a few filler
//! words, a number and a unit (件/份/宗/项/个) — so dates, article numbers
//! and phone numbers never become claims.

use crate::model::{Block, Claim, ClaimKind, Report};
use crate::template::fold_width;

/// Keywords, longest first where one contains another.
const KEYWORDS: &[(&str, ClaimKind)] = &[
    ("结转下一年度", ClaimKind::CarriedOut),
    ("结转下年度", ClaimKind::CarriedOut),
    ("结转下一年", ClaimKind::CarriedOut),
    ("结转至下一年度", ClaimKind::CarriedOut),
    ("上年结转", ClaimKind::CarriedIn),
    ("本年新收", ClaimKind::New),
    ("新收", ClaimKind::New),
    ("共受理", ClaimKind::Received),
    ("共收到", ClaimKind::Received),
    ("收到", ClaimKind::Received),
    ("法人或其他组织", ClaimKind::Legal),
    ("自然人", ClaimKind::Natural),
    ("办结", ClaimKind::Done),
    ("办理完成", ClaimKind::Done),
    ("共办理", ClaimKind::Done),
    ("行政复议", ClaimKind::Reconsideration),
    ("行政诉讼", ClaimKind::Litigation),
    ("行政许可", ClaimKind::License),
    ("行政处罚", ClaimKind::Penalty),
];

/// The first characters of the keywords.
#[cfg(test)]
const KEYWORD_STARTS: &[char] = &['结', '上', '本', '新', '共', '收', '法', '自', '办', '行'];

/// [`KEYWORDS`] as one automaton: at the leftmost position where any starts,
/// the first in the list's order (what trying each in order at each
/// character gives).
fn keywords() -> Option<&'static aho_corasick::AhoCorasick> {
    static AC: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(KEYWORDS.iter().map(|(k, _)| k))
                .ok()
        });
    AC.as_ref()
}

/// What a line needs to hold to hold a claim: a unit, or 未收到.
pub(crate) const CLAIM_SIGNS: &[&str] = &["件", "份", "宗", "项", "个", "未收到"];

/// Words that may stand between a keyword and its number.
const FILLERS: &[&str] = &[
    "政府信息公开申请",
    "政府信息公开",
    "依申请公开",
    "申请",
    "案件",
    "总数",
    "数量",
    "数为",
    "数",
    "为",
    "有",
    "的",
    "了",
    "共",
    "合计",
    "度",
    "决定",
    "事项",
    "（",
    "(",
];

const UNITS: &[char] = &['件', '份', '宗', '项', '个'];

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | ',' | ';' | ':' | '、' | '！' | '？' | '\t' | '|'
    )
}

/// Only fillers (and spaces) between the keyword and the number?
fn only_fillers(gap: &str) -> bool {
    let mut rest: &str = gap.trim();
    'outer: while !rest.is_empty() {
        for f in FILLERS {
            if let Some(r) = rest.strip_prefix(f) {
                rest = r.trim_start();
                continue 'outer;
            }
        }
        return false;
    }
    true
}

/// Parse a number at the start of `s` (Arabic, full-width or Chinese
/// numerals); returns the value and the bytes used.
pub(crate) fn leading_number(s: &str) -> Option<(i64, usize)> {
    let mut used = 0;
    let mut digits = String::new();
    for c in s.chars() {
        let f = fold_width(c);
        if f.is_ascii_digit() {
            digits.push(f);
            used += c.len_utf8();
        } else if f == ',' && !digits.is_empty() {
            used += c.len_utf8();
        } else {
            break;
        }
    }
    if !digits.is_empty() {
        return digits.parse().ok().map(|v| (v, used));
    }
    chinese_number(s)
}

/// 十二 → 12, 一百零五 → 105, 两千三百 → 2300, 三万 → 30000.
fn chinese_number(s: &str) -> Option<(i64, usize)> {
    let mut total: i64 = 0;
    let mut section: i64 = 0;
    let mut digit: Option<i64> = None;
    let mut used = 0;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10_000,
                _ => break,
            };
            if unit == 10_000 {
                section += digit.take().unwrap_or(0);
                total += section.max(1) * unit;
                section = 0;
            } else {
                section += digit.take().unwrap_or(1) * unit;
            }
        }
        used += c.len_utf8();
    }
    if used == 0 {
        return None;
    }
    Some((total + section + digit.unwrap_or(0), used))
}

/// The claims of one line (the corpus generator keeps its narrative free
/// of them).
#[cfg(any(feature = "corpus", test))]
pub(crate) fn claims_in(line: &str, line_no: usize) -> Vec<Claim> {
    let out = Vec::new();
    // A claim needs a unit (or says nothing was received); most lines of
    // prose have neither.
    if !CLAIM_SIGNS.iter().any(|s| line.contains(s)) {
        return out;
    }
    claims_of_line(line, line_no, out)
}

/// The claims of a line known to hold one of [`CLAIM_SIGNS`].
fn claims_of_line(line: &str, line_no: usize, mut out: Vec<Claim>) -> Vec<Claim> {
    // (Nineteen short words always build an automaton.)
    let Some(ac) = keywords() else {
        return out;
    };
    let mut i = 0;
    while i < line.len() {
        // The next keyword at or after `i`.
        let Some(m) = ac.find(aho_corasick::Input::new(line).span(i..line.len())) else {
            break;
        };
        let Some(&(kw, kind)) = KEYWORDS.get(m.pattern().as_usize()) else {
            break;
        };
        i = m.start();
        let rest = &line[i..];
        let after = &rest[kw.len()..];
        if kind == ClaimKind::Received && line[..i].ends_with('未') {
            // "未收到…申请": no applications.
            let clause: String = after
                .chars()
                .take_while(|c| !is_clause_end(*c))
                .take(16)
                .collect();
            if clause.contains("申请") {
                out.push(Claim {
                    kind: ClaimKind::NoneReceived,
                    line: line_no,
                    value: 0,
                    excerpt: format!("未{kw}{clause}"),
                });
            }
            i += kw.len();
            continue;
        }
        // Look for "fillers number unit" within the clause.
        let clause_end = after.find(is_clause_end).unwrap_or(after.len());
        let clause = &after[..clause_end];
        let mut found = None;
        for (j, _) in clause.char_indices().take(12) {
            if let Some((v, used)) = leading_number(&clause[j..])
                && only_fillers(&clause[..j])
            {
                let tail = clause[j + used..].trim_start();
                if tail.starts_with(UNITS) {
                    let unit_len = tail.chars().next().map_or(0, char::len_utf8);
                    let end = clause.len() - tail.len() + unit_len;
                    found = Some((v, end));
                }
                break;
            }
        }
        if let Some((value, end)) = found {
            out.push(Claim {
                kind,
                line: line_no,
                value,
                excerpt: format!("{kw}{}", &clause[..end]),
            });
            i += kw.len() + end;
        } else {
            i += kw.len();
        }
    }
    out
}

/// Every claim of the report's narrative (never from inside a table).
/// `signed`: the lines holding one of [`CLAIM_SIGNS`], ascending (found
/// for all the text at once, see [`super::refresh`]): most narrative lines
/// hold none.
pub(crate) fn extract(report: &Report, signed: &[usize]) -> Vec<Claim> {
    let mut out = Vec::new();
    if signed.is_empty() {
        return out;
    }
    for block in report.blocks() {
        if let Block::Narrative(n) = block
            && n.checked_sub(1)
                .is_some_and(|i| signed.binary_search(&i).is_ok())
            && let Some(line) = report.line(n)
            && memchr::memchr2(b'\t', b'|', line.as_bytes()).is_none()
        {
            out = claims_of_line(line, n, out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(ClaimKind, i64)> {
        claims_in(s, 1)
            .into_iter()
            .map(|c| (c.kind, c.value))
            .collect()
    }

    #[test]
    fn the_usual_sentence() {
        assert_eq!(
            kinds(
                "全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。"
            ),
            vec![
                (ClaimKind::Received, 749),
                (ClaimKind::Natural, 741),
                (ClaimKind::Legal, 8),
                (ClaimKind::Done, 718),
                (ClaimKind::CarriedOut, 31),
            ]
        );
    }

    #[test]
    fn numbers_in_chinese_and_before_the_noun() {
        assert_eq!(
            kinds("共收到8份政府信息公开申请"),
            vec![(ClaimKind::Received, 8)]
        );
        assert_eq!(kinds("新收申请十二件"), vec![(ClaimKind::New, 12)]);
        assert_eq!(kinds("办结一百零五件"), vec![(ClaimKind::Done, 105)]);
        assert_eq!(chinese_number("两千三百").map(|x| x.0), Some(2300));
        assert_eq!(chinese_number("三万").map(|x| x.0), Some(30000));
    }

    #[test]
    fn every_keyword_start_is_listed() {
        for (k, _) in KEYWORDS {
            assert!(KEYWORD_STARTS.contains(&k.chars().next().unwrap()), "{k}");
        }
    }

    #[test]
    fn no_false_claims() {
        assert!(kinds("2023 年，我局积极受理 12345 市民服务热线交办事项").is_empty());
        assert!(kinds("依法妥善办理相关案件 74 件").is_empty());
        assert!(kinds("根据《条例》第五十条规定").is_empty());
        assert!(kinds("收到的意见 3 条").is_empty());
        assert_eq!(
            kinds("2023 年，我局未收到政府信息公开申请。"),
            vec![(ClaimKind::NoneReceived, 0)]
        );
    }
}
