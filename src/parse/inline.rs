//! Crawler text: a report body on one line (or a few), section headings in
//! the middle of a line, table rows one after another with their numbers
//! glued to their labels (`一、本年新收政府信息公开申请数量21710000218二、上年
//! 结转…`). This pass splits such lines into the lines a report would have,
//! before anything else reads them; every other line is left as it is.
//!
//! Two passes, both anchored on the template and its order:
//!
//! 1. **Headings.** A section numeral and `、` (`二、`) that stands at a
//!    sentence boundary (line start, after `。；！？`, a closing bracket, a
//!    space or a digit) and opens a phrase that ends in `情况`/`事项` and
//!    reads as a section heading ([`super::sections::classify_heading`]) of a
//!    *later* section than the last one seen, splits the line before it and
//!    after the phrase. `在二、三季度` is no boundary; `三、本年度办理结果` is
//!    no heading; a heading of an earlier section is quoted prose.
//! 2. **Rows.** In the sections that hold a table (二, 三, 四), a line is cut
//!    into text and value runs (digits with inner spaces, a decimal point
//!    between digits; the last digit before `.`/`、` and a non-digit is a
//!    list number, `…00000002.其他法律…`). Each run's label is the end of the
//!    text before it: from its last list marker (`一、`, `（一）`, `2.`, not
//!    `第（一）项`), else after the last header word (`件数`, `数量`,
//!    `万元）`). When a long line has at least [`limits::INLINE_MIN_ROWS`]
//!    runs whose labels name template rows in template order (or, in section
//!    四, one run of the appeals row's digits after its header), it is split:
//!    each row becomes `label run` (a space put between them when the text
//!    had none), text between rows its own line. A short line that is
//!    exactly one glued row (`行政许可124`) only gains the space.
//!
//! The run's digits themselves are split into cells later, by the table
//! reader ([`super::digits`]).

use super::limits;
use super::sections::{HEADING_WORDS, Heading, classify_heading, classify_signed_heading};
use super::tables::label_row;
use crate::model::Lines;
use crate::template::{SectionKind, TableId, fold_width};

/// What the pass made of a report's lines.
pub(crate) enum Split {
    /// No line changed (the common case: no copy); the headings found on
    /// the way (the lines' own, as [`super::sections::find_headings`] gives).
    Unchanged(Vec<Heading>),
    /// The new lines and, for each, the 0-based source line it came from.
    Changed(Lines, Vec<usize>),
}

/// Split the crawler lines of a report; other lines pass unchanged.
#[inline(never)] // its own line in a profile
pub(crate) fn split(lines: &Lines) -> Split {
    let mut out = Lines::new();
    let mut from: Vec<usize> = Vec::new();
    let mut changed = false;
    let mut last: Option<SectionKind> = None;
    let mut headings = Vec::new();
    // The lines that may be headings, and those holding a `、`, found in one
    // search per word over all the text: most lines are neither, and are
    // looked at no further unless they stand in a table's section.
    let signed = lines.lines_holding_any(&HEADING_WORDS);
    let commas = lines.lines_holding(&["、"]);
    let (mut next_signed, mut next_comma) = (signed.iter().peekable(), commas.iter().peekable());
    for (i, line) in lines.iter().enumerate() {
        let may_head = next_signed.next_if_eq(&&i).is_some();
        let comma = next_comma.next_if_eq(&&i).is_some();
        let heading = if may_head {
            classify_signed_heading(line)
        } else {
            None
        };
        if let Some((kind, text)) = heading {
            // A heading line as it is (the usual case): nothing to split.
            last = Some(kind);
            headings.push(Heading {
                line: i + 1,
                kind,
                text,
            });
            if changed {
                out.push(line);
                from.push(i);
            }
            continue;
        }
        if !candidate(line, comma, last.and_then(SectionKind::table).is_some()) {
            if changed {
                out.push(line);
                from.push(i);
            }
            continue;
        }
        let mut section = last;
        // Without a `、` there is no heading inside: the line is one piece.
        let pieces = if comma {
            split_headings(line, &mut last)
        } else {
            Vec::new()
        };
        let mut split: Vec<String> = Vec::new();
        let mut same = pieces.len() <= 1;
        if let [] | [(_, None)] = pieces[..] {
            let p = pieces.first().map_or(line, |&(p, _)| p);
            // No heading inside (the usual case): the line stays as it is
            // unless it is glued table rows. Nothing copied.
            if let Some(rows) = section
                .and_then(SectionKind::table)
                .and_then(|id| split_rows(id, p))
            {
                same = false;
                split = rows;
            }
        } else {
            for (p, heading) in pieces {
                if let Some(kind) = heading {
                    section = Some(kind);
                    split.push(p.to_string());
                    continue;
                }
                match section
                    .and_then(SectionKind::table)
                    .and_then(|id| split_rows(id, p))
                {
                    Some(rows) => {
                        same = false;
                        split.extend(rows);
                    }
                    None => split.push(p.to_string()),
                }
            }
        }
        if same {
            // The line as it was (the usual case).
            if changed {
                out.push(line);
                from.push(i);
            }
            continue;
        }
        if !changed {
            changed = true;
            for l in lines.range(0..i) {
                out.push(l);
            }
            from.extend(0..i);
        }
        if changed {
            from.extend(std::iter::repeat_n(i, split.len()));
            for l in &split {
                out.push(l);
            }
        }
    }
    if changed {
        Split::Changed(out, from)
    } else {
        Split::Unchanged(headings)
    }
}

/// A line this pass may change: no tab or pipe (table rows of other
/// layouts), and holding a `、` (a section numeral's; `comma`, found for
/// all lines at once) or, in a section with a table, a digit. Most lines
/// are narrative: the digit scan runs only in table sections.
fn candidate(line: &str, comma: bool, table_section: bool) -> bool {
    // Trailing tabs do not make a tab row (see `rows::classify_line`).
    let line = line.trim_end();
    let b = line.as_bytes();
    let may = comma || table_section && has_digit(b);
    may && memchr::memchr2(b'\t', b'|', b).is_none()
}

/// Does the text hold a digit, ASCII or full-width (０–９ are EF BC 90–99,
/// what [`fold_width`] folds to a digit)? The ASCII test runs over every
/// byte without stopping (the compiler vectorises it); the full-width one
/// looks only at the EF bytes.
fn has_digit(b: &[u8]) -> bool {
    b.iter().fold(false, |any, c| any | c.is_ascii_digit())
        || memchr::memchr_iter(0xEF, b)
            .any(|i| b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x90..=0x99)))
}

const SECTION_NUMERALS: &str = "一二三四五六";

/// Characters after which a heading may start in the middle of a line.
fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | ';' | '！' | '？' | '!' | '?' | '）' | ')' | '”' | '」' | '#' | '*'
    ) || c.is_whitespace()
        || fold_width(c).is_ascii_digit()
}

/// Split a line before and after each in-line section heading. Each piece
/// comes with the heading's kind when it is one.
fn split_headings<'a>(
    line: &'a str,
    last: &mut Option<SectionKind>,
) -> Vec<(&'a str, Option<SectionKind>)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    // Only a `、` can follow a section numeral: look at those alone.
    // A substring search: a `char` search looks for the last byte (81),
    // which CJK text is full of.
    static COMMA: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("、"));
    for mark in COMMA.find_iter(line.as_bytes()) {
        let Some((i, c)) = line[..mark].char_indices().next_back() else {
            continue;
        };
        let Some(n) = SECTION_NUMERALS.chars().position(|s| s == c) else {
            continue;
        };
        let at_boundary = line[..i].chars().next_back().is_none_or(is_boundary);
        // The next section's numeral may follow anything (a title glued to
        // `一、总体情况`); others need a sentence boundary.
        // (`SectionKind` counts the title first: numeral n is kind n + 1.)
        let next = last.map_or(0, |l| l as usize);
        if !(at_boundary || n == next) || i < start {
            continue;
        }
        let Some(end) = heading_end(&line[i..]) else {
            continue;
        };
        // No heading holds a digit: `四、结转下年度继续办理0000000四、政府
        // 信息公开行政复议、行政诉讼情况` is a row, then the heading.
        if line[i..i + end].chars().any(is_digit) {
            continue;
        }
        let Some((kind, _)) = classify_heading(&line[i..i + end]) else {
            continue;
        };
        if last.is_some_and(|l| kind <= l) {
            continue; // an earlier section named in prose
        }
        *last = Some(kind);
        if line[start..i].trim().is_empty() {
            // Only space before it.
        } else {
            pieces.push((&line[start..i], None));
        }
        pieces.push((&line[i..i + end], Some(kind)));
        start = i + end;
    }
    if start < line.len() && !line[start..].trim().is_empty() {
        pieces.push((&line[start..], None));
    }
    if pieces.is_empty() {
        pieces.push((line, None));
    }
    pieces
}

/// Byte length of the heading phrase at the start of `s`: up to and
/// including the first `情况` or `事项` within a heading's length.
fn heading_end(s: &str) -> Option<usize> {
    let window: usize = s
        .char_indices()
        .nth(limits::HEADING_MAX_CHARS)
        .map_or(s.len(), |(i, _)| i);
    let w = &s[..window];
    ["情况", "事项"]
        .iter()
        .filter_map(|k| w.find(k).map(|p| p + k.len()))
        .min()
}

/// A run of values in a line: byte range.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
}

fn is_digit(c: char) -> bool {
    fold_width(c).is_ascii_digit()
}

/// The value runs of a text, in order.
fn runs(s: &str) -> Vec<Run> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !is_digit(chars[k].1) {
            k += 1;
            continue;
        }
        let first = k;
        // Extend over digits, inner spaces, and a point or comma between
        // digits; remember the last digit.
        let mut last_digit = k;
        let mut j = k + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let space = matches!(c, ' ' | '\u{3000}' | '\u{a0}');
            let point = matches!(c, '.' | ',' | '．' | '，')
                && is_digit(chars[j - 1].1)
                && chars.get(j + 1).is_some_and(|&(_, n)| is_digit(n));
            if is_digit(c) {
                last_digit = j;
            } else if !space && !point {
                break;
            }
            j += 1;
        }
        // `…0000 2.其他`: the last digit before a list mark is the next
        // label's number. (The run stops at the mark: a point between
        // digits was taken as a decimal point above.)
        let mut end_digit = last_digit;
        let after = chars.get(last_digit + 1).map(|&(_, c)| c);
        if matches!(after, Some('.' | '．' | '、'))
            && chars
                .get(last_digit + 2)
                .is_some_and(|&(_, c)| !is_digit(c))
        {
            if end_digit == first {
                k = last_digit + 1;
                continue;
            }
            end_digit -= 1;
            while end_digit > first && !is_digit(chars[end_digit].1) {
                end_digit -= 1;
            }
        }
        let end = chars.get(end_digit + 1).map_or(s.len(), |&(b, _)| b);
        out.push(Run {
            start: chars[first].0,
            end,
        });
        k = end_digit + 1;
    }
    out
}

/// Where the label of a row starts in the text before its run: at the last
/// list marker, else after the last header word, else at the start.
fn label_start(text: &str) -> usize {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut marker = None;
    for (k, &(b, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let is_marker = match c {
            // 一、 (a section or row numeral)
            _ if "一二三四五六七八九十".contains(c) => {
                next == Some('、') && prev.is_none_or(|p| !"一二三四五六七八九十".contains(p))
            }
            // （一） (一), not 第（一）项
            '（' | '(' => {
                prev != Some('第')
                    && next.is_some_and(|n| "一二三四五六七".contains(n))
                    && chars
                        .get(k + 2)
                        .is_some_and(|&(_, c)| c == '）' || c == ')')
            }
            // 2. 2、
            _ if is_digit(c) => {
                matches!(next, Some('.' | '．' | '、'))
                    && chars.get(k + 2).is_none_or(|&(_, c)| !is_digit(c))
                    && prev.is_none_or(|p| !is_digit(p))
            }
            _ => false,
        };
        if is_marker {
            marker = Some(b);
        }
    }
    if let Some(m) = marker {
        return m;
    }
    ["件数", "数量", "万元）", "万元)"]
        .iter()
        .filter_map(|w| text.rfind(w).map(|p| p + w.len()))
        .max()
        .unwrap_or(0)
}

/// A label as the table reader would take it: a list-numbered phrase, or
/// one naming a template row; never a sentence.
fn is_row_label(id: TableId, label: &str) -> Option<Option<usize>> {
    let t = label.trim();
    if t.is_empty() || t.contains(['。', '；', '：', ':']) {
        return None;
    }
    let numbered = t
        .chars()
        .next()
        .is_some_and(|c| is_digit(c) || c == '（' || c == '(' || "一二三四".contains(c));
    // A comma outside a numbered label (`（二）部分公开（区分处理的，…）`)
    // makes it a clause of a sentence: `…2件,予以公开2件`.
    if !numbered && t.contains([',', '，']) {
        return None;
    }
    let row = label_row(id, t);
    (row.is_some() || numbered).then_some(row)
}

/// A digit glued to the label before it (`行政许可124`).
fn has_glue(piece: &str) -> bool {
    let mut prev: Option<char> = None;
    piece.chars().any(|c| {
        let glued = is_digit(c)
            && prev.is_some_and(|p| !p.is_ascii() && !p.is_whitespace() && !is_digit(p));
        prev = Some(c);
        glued
    })
}

/// Split one piece of a table section at its rows; `None` when it stays
/// as it is.
fn split_rows(id: TableId, piece: &str) -> Option<Vec<String>> {
    // No report's table is this long (hostile input), and a short piece
    // without a glued number has nothing to split: left as they are.
    if piece.len() > limits::INLINE_MAX_BYTES
        || piece.chars().count() < limits::INLINE_MIN_CHARS && !has_glue(piece)
    {
        return None;
    }
    let runs = runs(piece);
    if runs.is_empty() {
        return None;
    }
    // Pairs: (text start, label start, run).
    let mut pairs = Vec::with_capacity(runs.len());
    let mut from = 0;
    for r in &runs {
        let text = &piece[from..r.start];
        let label = from + label_start(text);
        pairs.push((from, label, *r));
        from = r.end;
    }
    let tail = &piece[from..];
    let rows: Vec<Option<Option<usize>>> = pairs
        .iter()
        .map(|&(_, l, r)| is_row_label(id, &piece[l..r.start]))
        .collect();

    // One glued row alone on its line: only the space.
    if pairs.len() == 1 && tail.trim().is_empty() {
        let (t, l, r) = pairs[0];
        let label = &piece[l..r.start];
        if piece[t..l].trim().is_empty()
            && rows[0].flatten().is_some()
            && !label.ends_with(char::is_whitespace)
        {
            return Some(vec![format!(
                "{}{} {}",
                &piece[..l],
                label,
                &piece[r.start..]
            )]);
        }
        if id != TableId::Appeals {
            return None;
        }
    }

    let ordered = {
        let mut n = 0;
        let mut prev: Option<usize> = None;
        for row in rows.iter().flatten().flatten() {
            if prev.is_none_or(|p| *row > p) {
                n += 1;
                prev = Some(*row);
            }
        }
        n
    };
    let appeals_run = id == TableId::Appeals
        && pairs.iter().zip(&rows).any(|(&(_, _, r), row)| {
            row.flatten().is_some()
                && piece[r.start..r.end]
                    .chars()
                    .filter(|&c| is_digit(c))
                    .count()
                    >= limits::APPEALS_RUN_MIN_DIGITS
        });
    let long = piece.chars().count() >= limits::INLINE_MIN_CHARS;
    if !(long && ordered >= limits::INLINE_MIN_ROWS || appeals_run) {
        return None;
    }

    let mut out = Vec::new();
    let mut prose = String::new();
    for ((t, l, r), row) in pairs.into_iter().zip(rows) {
        if row.is_none() {
            // Not a row (a figure in a sentence): stays in the text.
            prose.push_str(&piece[t..r.end]);
            continue;
        }
        prose.push_str(&piece[t..l]);
        if !prose.trim().is_empty() {
            out.push(prose.trim().to_string());
        }
        prose.clear();
        let label = piece[l..r.start].trim_end();
        out.push(format!("{label} {}", &piece[r.start..r.end]));
    }
    prose.push_str(tail);
    if !prose.trim().is_empty() {
        out.push(prose.trim().to_string());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_text(s: &str) -> Vec<String> {
        let lines: Lines = s.lines().collect();
        let out = match split(&lines) {
            Split::Changed(l, _) => l,
            Split::Unchanged(_) => lines,
        };
        out.iter().map(str::to_string).collect()
    }

    #[test]
    fn digits_ascii_and_full_width() {
        for s in [
            "",
            "予以公开",
            "（一）予以公开",
            "１",
            "行政许可１２４",
            "a9",
            "０",
            "９",
            "：",
            "＄",
            "ｚ",
            "全年公开规章。",
            "表（二）",
            "\u{ff0f}\u{ff1a}",
        ] {
            let old = s.chars().any(|c| fold_width(c).is_ascii_digit());
            assert_eq!(has_digit(s.as_bytes()), old, "{s:?}");
        }
    }

    #[test]
    fn headings_inside_a_line() {
        let out = split_text(
            "一、总体情况我局认真开展工作。二、主动公开政府信息情况在二、三季度公开信息。",
        );
        assert_eq!(
            out,
            [
                "一、总体情况",
                "我局认真开展工作。",
                "二、主动公开政府信息情况",
                "在二、三季度公开信息。"
            ]
        );
    }

    #[test]
    fn earlier_sections_named_in_prose_do_not_split() {
        let lines: Lines = [
            "三、收到和处理政府信息公开申请情况",
            "见上文。二、主动公开政府信息情况已述",
        ]
        .into_iter()
        .collect();
        assert!(matches!(split(&lines), Split::Unchanged(_)));
    }

    #[test]
    fn glued_rows_are_split() {
        let out = split_text(
            "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人总计一、本年新收政府信息公开申请数量21710000218二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开1000001（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000",
        );
        assert_eq!(
            out,
            [
                "三、收到和处理政府信息公开申请情况",
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人总计",
                "一、本年新收政府信息公开申请数量 21710000218",
                "二、上年结转政府信息公开申请数量 0000000",
                "三、本年度办理结果",
                "（一）予以公开 1000001",
                "（三）不予公开",
                "1.属于国家秘密 0000000",
                "2.其他法律行政法规禁止公开 0000000",
            ]
        );
    }

    #[test]
    fn one_glued_row_gains_a_space() {
        let lines: Lines = [
            "二、主动公开政府信息情况",
            "行政许可124",
            "我局全年公开规章2件。",
        ]
        .into_iter()
        .collect();
        let Split::Changed(out, _) = split(&lines) else {
            panic!("unchanged")
        };
        assert_eq!(
            out.iter().collect::<Vec<_>>(),
            [
                "二、主动公开政府信息情况",
                "行政许可 124",
                "我局全年公开规章2件。"
            ]
        );
    }
}
