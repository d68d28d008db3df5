//! Turning the lines of a table region into candidate rows: label text plus
//! value cells, whatever the layout (tabs, pipes, spaces, one cell per line).

use std::borrow::Cow;

use crate::cell::{
    CellValue, has_digit, looks_like_value, parse_value, trim_byte, trim_cell, trim_ws,
};
use crate::model::Lines;
use crate::template::CellKind;

/// A text cell with the 1-based line it came from. Borrowed from the
/// source line (owned only when a cell was broken over two lines).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawCell<'a> {
    pub text: Cow<'a, str>,
    pub line: usize,
}

/// A candidate table row found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawRow<'a> {
    /// 1-based line where the row starts.
    pub line: usize,
    /// Label cells (non-empty text cells before the first value).
    pub labels: Vec<RawCell<'a>>,
    /// Empty cells between the label and the first value (they may be blank
    /// values of a row whose first cells are empty).
    pub gap: Vec<RawCell<'a>>,
    /// Value cells, from the first value-looking cell on.
    pub values: Vec<RawCell<'a>>,
    /// For a row without a label: the label-only lines around it, joined
    /// (pdftotext wraps a label above and below its numbers: `行政规范性` /
    /// `3 1 12` / `文件`, or puts it all above: `行政规范性` / `文件` / `3 1 12`).
    pub wrapped: Option<String>,
}

impl RawRow<'_> {
    pub(crate) fn label_text(&self) -> String {
        self.labels.iter().map(|c| c.text.as_ref()).collect()
    }

    /// Number of value cells carrying a digit.
    pub(crate) fn numeric_values(&self) -> usize {
        self.values.iter().filter(|c| has_digit(&c.text)).count()
    }
}

/// What one source line is, for the table reader. The cells of a line
/// classified by [`classify_line`] go into a buffer shared by all the lines
/// of a table region (no allocation per line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    /// A page footer (`— 5 —`), a markdown separator row, a heading or table
    /// title inside a table: ignored.
    Noise,
    /// A line with cells.
    Cells(Sep),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    Tab,
    Pipe,
    Space,
}

pub(crate) fn is_footer(t: &str) -> bool {
    let dash = |c: char| matches!(c, '—' | '-' | '–' | '－' | '─');
    // Every footer opens or ends with a dash (or space), or opens with
    // `p`/`P` or `第`: most lines are rejected on their two ends.
    let end = |c: Option<char>| c.is_some_and(|c| dash(c) || c.is_whitespace());
    if !(end(t.chars().next()) || end(t.chars().next_back()) || t.starts_with(['p', 'P', '第'])) {
        return false;
    }
    let inner = t.trim_matches(|c: char| dash(c) || c.is_whitespace());
    if inner.len() < t.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    for prefix in ["p.", "page "] {
        if t.len() >= prefix.len()
            && t.is_char_boundary(prefix.len())
            && t[..prefix.len()].eq_ignore_ascii_case(prefix)
            && t[prefix.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
    }
    t.starts_with('第') && t.ends_with('页') && t.chars().count() <= 10
}

fn is_separator_row(t: &str) -> bool {
    // Made of `|`, `-`, `:` and spaces: it opens with one of the three.
    t.starts_with(['|', '-', ':'])
        && t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Does the text open and end with a character that is neither whitespace
/// nor `*`: an ASCII graphic or a CJK ideograph?
fn plain_ends(c: &str) -> bool {
    let b = c.as_bytes();
    let plain = |x: u8| x.is_ascii_graphic() && x != b'*';
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) => {
            (plain(first) || is_cjk_lead(first))
                && (plain(last) || (b.len() >= 3 && is_cjk_lead(b[b.len() - 3])))
        }
        _ => false,
    }
}

fn clean_cell(c: &str) -> &str {
    // Nothing to clean in an empty cell or one with plain ends that is no
    // `&nbsp;`.
    if c.is_empty() || (plain_ends(c) && !(c.len() == 6 && c.eq_ignore_ascii_case("&nbsp;"))) {
        return c;
    }
    let c = trim_cell(c);
    let c = trim_byte(c, b'*');
    let c = if c.eq_ignore_ascii_case("&nbsp;") {
        ""
    } else {
        c
    };
    trim_cell(c)
}

/// The first byte of a character in U+4000..U+9FFF (the common CJK
/// ideographs): never whitespace, punctuation or a digit.
fn is_cjk_lead(b: u8) -> bool {
    (0xE4..=0xE9).contains(&b)
}

/// Push the non-empty whitespace-separated words of `t` (as
/// `split(char::is_whitespace)` with the empty pieces dropped), stepping over
/// ASCII and CJK ideographs a byte or three at a time.
fn push_words<'a>(t: &'a str, cells: &mut Vec<&'a str>) {
    let b = t.as_bytes();
    let mut i = 0;
    let mut word = 0;
    while i < b.len() {
        let (ws, len) = match b[i] {
            c if c < 0x80 => (matches!(c, b' ' | b'\t'..=b'\r'), 1),
            c if is_cjk_lead(c) => (false, 3),
            _ => match t[i..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            },
        };
        if ws {
            if word < i {
                cells.push(&t[word..i]);
            }
            word = i + len;
        }
        i += len;
    }
    if word < t.len() {
        cells.push(&t[word..]);
    }
}

/// Push the cells of `line` split at every `sep` (an ASCII byte), cleaned.
fn split_cells<'a>(line: &'a str, sep: u8, cells: &mut Vec<&'a str>) {
    let mut from = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == sep {
            cells.push(clean_cell(&line[from..i]));
            from = i + 1;
        }
    }
    cells.push(clean_cell(&line[from..]));
}

/// Classify a source line, pushing its cells (if any) onto `cells`.
pub(crate) fn classify_line<'a>(line: &'a str, cells: &mut Vec<&'a str>) -> LineKind {
    let t = if plain_ends(line) {
        line
    } else {
        trim_cell(line)
    };
    let tab = memchr::memchr(b'\t', line.as_bytes()).is_some();
    if t.is_empty() {
        return if tab {
            cells.push("");
            LineKind::Cells(Sep::Tab)
        } else {
            LineKind::Blank
        };
    }
    // Tabs only at the end of a line do not make it a tab row: a line reads
    // the same with or without its trailing whitespace (which the
    // normalized file trims from narrative lines).
    let tabbed = tab && memchr::memchr(b'\t', line.trim_end().as_bytes()).is_some();
    // A footer (`— 5 —`) stands alone on its line: `-\t000\t-` is a row.
    if t.starts_with('#') || (!tabbed && is_footer(t)) || is_separator_row(t) {
        return LineKind::Noise;
    }
    if tabbed {
        split_cells(line, b'\t', cells);
        return LineKind::Cells(Sep::Tab);
    }
    if memchr::memchr(b'|', t.as_bytes()).is_some() {
        // A pipe row: drop one leading and one trailing pipe.
        let t = t.strip_prefix('|').unwrap_or(t);
        let t = t.strip_suffix('|').unwrap_or(t);
        split_cells(t, b'|', cells);
        return LineKind::Cells(Sep::Pipe);
    }
    push_words(t, cells);
    LineKind::Cells(Sep::Space)
}

/// [`looks_like_value`], answered without it for the cells a table row is
/// mostly made of: ASCII digits (a value); labels opening with a CJK
/// ideograph (unless it is the blank marker `无`), a bracket (`(一)`,
/// `（二）`) or a list number (`2. 其他…`, `3、…`).
fn is_value(c: &str) -> bool {
    let b = c.as_bytes();
    match b.first() {
        Some(&f) if is_cjk_lead(f) => c.starts_with('无') && trim_cell(c) == "无",
        Some(b'(') => false,
        Some(0xEF) if b.starts_with("（".as_bytes()) => false,
        Some(f) if f.is_ascii_digit() => {
            let digits = b.iter().take_while(|x| x.is_ascii_digit()).count();
            let after_mark = match &b[digits..] {
                [] => return true,
                [b'.', r @ ..] => r,
                [0xE3, 0x80, 0x81, r @ ..] => r, // 、
                _ => return looks_like_value(c),
            };
            // A list number before a label: `2. 其他`, `3、其他`.
            match after_mark.iter().find(|&&x| x != b' ') {
                Some(&x) if is_cjk_lead(x) || x == b'(' => false,
                _ => looks_like_value(c),
            }
        }
        _ => looks_like_value(c),
    }
}

/// [`has_digit`] on bytes: an ASCII digit or a full-width one (U+FF10..U+FF19,
/// `EF BC 90..99` in UTF-8).
fn digit_in(c: &str) -> bool {
    let b = c.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_digit()
            || (x == 0xEF
                && b.get(i + 1) == Some(&0xBC)
                && b.get(i + 2).is_some_and(|y| (0x90..=0x99).contains(y)))
    })
}

/// Can this cell stand after the label of a space-separated row: a clean
/// number or blank, or a run of run-together digits (crawler text), however
/// long, which the table reader splits.
fn is_strict_value(c: &str) -> bool {
    let b = c.as_bytes();
    (!b.is_empty() && b.iter().all(u8::is_ascii_digit))
        || parse_value(c, CellKind::Amount) != CellValue::Invalid
        || super::digits::is_digits_only(c)
}

/// Where a row's cells divide: the first value cell, and the last non-empty
/// cell before it (the end of the label), or `None` when the cells are no
/// row. `strict` (space-separated text): every cell after the label must
/// look like a value, else the line is prose.
fn row_split<T>(
    cells: &[T],
    text: impl Fn(&T) -> &str,
    strict: bool,
) -> Option<(usize, Option<usize>)> {
    let first_value = cells.iter().position(|c| {
        let t = text(c);
        !t.is_empty() && is_value(t)
    })?;
    let tail = &cells[first_value..];
    // Space-separated prose ("2023 年 3 件", "Page 9 - 2020年报") is not a
    // row: there every cell after the label must be a clean number or blank.
    if strict && !tail.iter().all(|c| is_strict_value(text(c))) {
        return None;
    }
    // A data row needs at least one non-empty value cell.
    if tail.iter().all(|c| text(c).is_empty()) {
        return None;
    }
    let last_label = cells[..first_value]
        .iter()
        .rposition(|c| !text(c).is_empty());
    Some((first_value, last_label))
}

/// Build a row from the cells of one line.
fn row_from_line<'a>(cells: &[&'a str], line: usize, strict: bool) -> Option<RawRow<'a>> {
    let (first_value, last_label) = row_split(cells, |c| c, strict)?;
    let cell = |c: &&'a str| RawCell {
        text: Cow::Borrowed(*c),
        line,
    };
    let gap_from = last_label.map_or(0, |i| i + 1);
    Some(RawRow {
        line,
        labels: cells[..gap_from]
            .iter()
            .filter(|c| !c.is_empty())
            .map(cell)
            .collect(),
        gap: cells[gap_from..first_value].iter().map(cell).collect(),
        values: cells[first_value..].iter().map(cell).collect(),
        wrapped: None,
    })
}

/// Build a row from cells gathered over several lines.
pub(crate) fn row_from_cells(mut cells: Vec<RawCell<'_>>, strict: bool) -> Option<RawRow<'_>> {
    let line = cells.first()?.line;
    let (first_value, last_label) = row_split(&cells, |c| c.text.as_ref(), strict)?;
    let values = cells.split_off(first_value);
    let gap = cells.split_off(last_label.map_or(0, |i| i + 1));
    cells.retain(|c| !c.text.is_empty());
    Some(RawRow {
        line,
        labels: cells,
        gap,
        values,
        wrapped: None,
    })
}

/// One classified line of a table region: its 1-based number, its text,
/// its kind, and its cells (`start..end` in the region's cell buffer).
struct Classified<'a> {
    n: usize,
    text: &'a str,
    kind: LineKind,
    start: usize,
    end: usize,
}

/// The lines of a table region, classified, and their cells.
struct Region<'a> {
    lines: Vec<Classified<'a>>,
    cells: Vec<&'a str>,
}

impl<'a> Region<'a> {
    fn cells(&self, l: &Classified<'a>) -> &[&'a str] {
        &self.cells[l.start..l.end]
    }
}

/// Read the lines `first..=last` (1-based) into candidate rows.
/// `wrapped`: note the label-only lines around label-less rows (the active
/// table's labels, which pdftotext wraps around their numbers).
// Not inlined: its own line in a profile (called once a table).
#[inline(never)]
pub(crate) fn assemble_rows(
    lines: &Lines,
    first: usize,
    last: usize,
    wrapped: bool,
) -> Vec<RawRow<'_>> {
    if first == 0 || first > last || last > lines.len() {
        return Vec::new();
    }
    let count = last + 1 - first;
    let mut region = Region {
        lines: Vec::with_capacity(count),
        cells: Vec::with_capacity(count * 8),
    };
    for n in first..=last {
        let text = &lines[n - 1];
        let start = region.cells.len();
        let kind = classify_line(text, &mut region.cells);
        region.lines.push(Classified {
            n,
            text,
            kind,
            start,
            end: region.cells.len(),
        });
    }

    // One cell per line? Count lines holding a single non-empty value cell
    // against lines holding two or more non-empty cells with a value.
    let mut single = 0usize;
    let mut multi = 0usize;
    for l in &region.lines {
        if let LineKind::Cells(_) = l.kind {
            let cells = region.cells(l);
            let mut non_empty = cells.iter().filter(|c| !c.is_empty());
            let first = non_empty.next();
            let second = non_empty.next();
            match (first, second) {
                (Some(c), None) if digit_in(c) && is_value(c) => single += 1,
                (Some(a), Some(b)) if is_value(a) || is_value(b) => multi += 1,
                (Some(_), Some(_)) if cells.iter().any(|c| !c.is_empty() && is_value(c)) => {
                    multi += 1
                }
                _ => {}
            }
        }
    }
    if single >= super::limits::CELL_PER_LINE_MIN && single > multi {
        cell_per_line_rows(&region)
    } else {
        let mut rows = Vec::new();
        for (i, l) in region.lines.iter().enumerate() {
            let LineKind::Cells(sep) = l.kind else {
                continue;
            };
            let Some(mut row) =
                row_from_line(region.cells(l), l.n, sep == Sep::Space).or_else(|| {
                    (sep == Sep::Space)
                        .then(|| lone_value_row(&region, i))
                        .flatten()
                })
            else {
                continue;
            };
            if wrapped && row.labels.is_empty() {
                row.wrapped = wrapped_label(&region, i);
            }
            rows.push(row);
        }
        rows
    }
}

/// A line that is one value but no clean number (`9223372036854775�`,
/// `1 ¦ 0 ¦ 0…`: an unreadable cell, which the normalized file writes alone
/// on its line when it is all a short row holds), standing right under a
/// header row of tabs or pipes (blank lines and separator rows between
/// them skipped): the row's one value, the whole line. Read as words, the
/// line is prose (see [`row_split`]), and the table would be lost on the
/// second read.
fn lone_value_row<'a>(region: &Region<'a>, i: usize) -> Option<RawRow<'a>> {
    let l = region.lines.get(i)?;
    let above = region.lines[..i]
        .iter()
        .rev()
        .find(|a| matches!(a.kind, LineKind::Cells(_)))?;
    let header = matches!(above.kind, LineKind::Cells(Sep::Tab | Sep::Pipe))
        && region
            .cells(above)
            .iter()
            .any(|c| !c.is_empty() && !is_value(c))
        && !region
            .cells(above)
            .iter()
            .any(|c| !c.is_empty() && is_value(c));
    let t = trim_cell(l.text);
    (header && digit_in(t) && is_value(t)).then(|| RawRow {
        line: l.n,
        labels: Vec::new(),
        gap: Vec::new(),
        values: vec![RawCell {
            text: Cow::Borrowed(t),
            line: l.n,
        }],
        wrapped: None,
    })
}

/// A line holding one label fragment and nothing else (not a header).
fn label_only<'a>(region: &Region<'a>, l: &Classified<'a>) -> Option<&'a str> {
    let LineKind::Cells(_) = l.kind else {
        return None;
    };
    let mut non_empty = region.cells(l).iter().filter(|c| !c.is_empty());
    let (Some(&only), None) = (non_empty.next(), non_empty.next()) else {
        return None;
    };
    (!is_value(only)
        && !super::tables::is_table_header(only)
        && !super::tables::is_active_head(only))
    .then_some(only)
}

/// The label of a label-less row wrapped around it: up to
/// [`super::limits::WRAPPED_LABEL_LINES`] label-only lines right above, and
/// the one right below when only one stood above.
fn wrapped_label(region: &Region<'_>, i: usize) -> Option<String> {
    let mut above: Vec<&str> = region.lines[..i]
        .iter()
        .rev()
        .map_while(|l| label_only(region, l))
        .take(super::limits::WRAPPED_LABEL_LINES)
        .collect();
    above.reverse();
    if above.is_empty() {
        return None;
    }
    let mut label = above.concat();
    if above.len() == 1
        && let Some(below) = region.lines.get(i + 1).and_then(|l| label_only(region, l))
    {
        label.push_str(below);
    }
    Some(label)
}

/// A tab or pipe line holding a whole row: a label cell first, then a
/// value with a digit; or values alone, at least
/// [`super::limits::ROW_LINE_MIN_VALUES`] of them (one value and a note
/// beside it, `0 |含补正`, is a cell of one cell per line).
fn is_row_line(cells: &[&str], sep: Sep) -> bool {
    let value = |c: &&&str| digit_in(c) && is_value(c);
    let mut non_empty = cells.iter().filter(|c| !c.is_empty());
    sep != Sep::Space
        && match non_empty.next() {
            Some(first) if !is_value(first) => non_empty.any(|c| value(&c)),
            Some(_) => cells.iter().filter(value).count() >= super::limits::ROW_LINE_MIN_VALUES,
            None => false,
        }
}

/// The layout where every cell stands on its own line and rows are separated
/// by blank lines (Word copy, seed 002) or by lone `|` lines (web copy).
fn cell_per_line_rows<'a>(region: &Region<'a>) -> Vec<RawRow<'a>> {
    let lines = &region.lines;
    let tab_prefixed = lines.iter().filter(|l| l.text.starts_with('\t')).count() * 100
        > super::limits::TAB_PREFIXED_PERCENT
            * lines.iter().filter(|l| !trim_ws(l.text).is_empty()).count();
    let mut rows = Vec::new();
    let mut group: Vec<RawCell<'a>> = Vec::new();
    let flush = |group: &mut Vec<RawCell<'a>>, rows: &mut Vec<RawRow<'a>>| {
        if !group.is_empty() {
            if let Some(r) = row_from_cells(std::mem::take(group), false) {
                rows.push(r);
            }
        }
    };
    // Whether the group holds a value yet.
    let mut valued = false;
    for l in lines {
        let (n, line) = (l.n, l.text);
        let is_bar = memchr::memchr(b'|', line.as_bytes()).is_some()
            && trim_ws(line).chars().all(|c| c == '|');
        let cells = region.cells(l);
        match l.kind {
            LineKind::Blank => flush(&mut group, &mut rows),
            _ if is_bar => flush(&mut group, &mut rows),
            LineKind::Noise => {}
            LineKind::Cells(sep) if is_row_line(cells, sep) => {
                // A whole row on one line (a tab or pipe row beside rows of
                // one cell per line: a normalized table among leftovers, a
                // row retyped by hand) is a row of its own: it neither
                // takes the next line as a cell nor joins the cells above
                // it.
                flush(&mut group, &mut rows);
                group.extend(cells.iter().map(|c| RawCell {
                    text: Cow::Borrowed(*c),
                    line: n,
                }));
                flush(&mut group, &mut rows);
            }
            LineKind::Cells(_) => {
                // A label broken over two lines (`商业` / `企业`); a value is
                // never broken, nor is it the rest of a label: after a value,
                // or a value itself, the line is a cell of its own.
                let is_number = |t: &str| digit_in(t) && is_value(t);
                if tab_prefixed
                    && !line.starts_with('\t')
                    && !is_number(trim_cell(line))
                    && group.last().is_some_and(|c| !is_number(&c.text))
                {
                    if let Some(last) = group.last_mut() {
                        last.text.to_mut().push_str(trim_cell(line));
                    }
                    continue;
                }
                if group.is_empty() {
                    valued = false;
                }
                let before = group.len();
                for c in cells.iter().filter(|c| !c.is_empty()) {
                    let value = is_value(c);
                    // A row label after the group's values opens the next
                    // row (the blank or `|` line between them lost).
                    if valued && !value && super::tables::names_row(c) {
                        flush(&mut group, &mut rows);
                        valued = false;
                    }
                    valued |= value && digit_in(c);
                    group.push(RawCell {
                        text: Cow::Borrowed(c),
                        line: n,
                    });
                }
                if group.len() == before {
                    group.push(RawCell {
                        text: Cow::Borrowed(""),
                        line: n,
                    });
                }
            }
        }
    }
    flush(&mut group, &mut rows);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Lines {
        s.lines().collect()
    }

    #[test]
    fn fast_cell_tests_agree_with_the_general_ones() {
        let cells = [
            "",
            " ",
            "0",
            "12",
            "007",
            "１２",
            "无",
            "无 ",
            "无法提供",
            "一、本年新收",
            "(一) 予以公开",
            "（二）部分公开",
            "(",
            "2. 其他法律行政法规禁止公开",
            "3、其他",
            "5.",
            "5. 6",
            "5.6",
            "12件",
            "1,234",
            "-",
            "—",
            "/",
            "!4件",
            "O",
            "〇",
            "l",
            "2023年，我局收到申请 3 件",
            "3.(六)",
            "12 ",
            " 12",
            "1\u{a0}",
            "-3",
            "+",
            "&nbsp;",
            "第5页",
            "1．其他",
            "4 5",
            "3、 其他",
            "2.  (一)",
            "12345678901234567890123456789012345",
        ];
        for c in cells {
            assert_eq!(is_value(c), looks_like_value(c), "{c:?}");
            assert_eq!(digit_in(c), has_digit(c), "{c:?}");
            assert_eq!(
                is_strict_value(c),
                parse_value(c, CellKind::Amount) != CellValue::Invalid
                    || super::super::digits::digits_only(c).is_some(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn cells_clean_as_before() {
        fn slow(c: &str) -> &str {
            let c = trim_cell(c).trim_matches('*');
            trim_cell(if c.eq_ignore_ascii_case("&nbsp;") {
                ""
            } else {
                c
            })
        }
        for c in [
            "",
            " ",
            "12",
            "&nbsp;",
            "&NBSP;",
            " &nbsp; ",
            "**总计**",
            "总计*",
            "*",
            "一、本年新收",
            "行政许可\u{3000}",
            "\u{a0}3",
            "3\u{a0}",
            "（七）总计",
            "a b",
            "商业企业 ",
            "x\u{2003}",
        ] {
            assert_eq!(clean_cell(c), slow(c), "{c:?}");
        }
        let mut cells = Vec::new();
        split_cells("\t一、本年新收\t1\t\t2 ", b'\t', &mut cells);
        let want: Vec<&str> = "\t一、本年新收\t1\t\t2 ".split('\t').map(slow).collect();
        assert_eq!(cells, want);
    }

    #[test]
    fn footers() {
        for (t, yes) in [
            ("— 5 —", true),
            ("-12-", true),
            ("page 3", true),
            ("P. 4", true),
            ("第 4 页", true),
            ("第 4 页 说明", false),
            ("12345", false),
            ("行政许可", false),
            ("5 —", true),
            (" 5", true),
            ("", false),
            ("—", false),
        ] {
            assert_eq!(is_footer(t), yes, "{t:?}");
        }
    }

    #[test]
    fn words_split_as_whitespace_does() {
        for t in [
            "四、结转下年度继续办理 0 0  0\u{3000}0",
            "a\u{a0}b\u{2003}c\u{85}d",
            "单独",
            "一 二\u{3000}\u{3000}三",
        ] {
            let mut cells = Vec::new();
            push_words(t, &mut cells);
            let want: Vec<&str> = t
                .split(char::is_whitespace)
                .filter(|c| !c.is_empty())
                .collect();
            assert_eq!(cells, want, "{t:?}");
        }
    }

    #[test]
    fn tab_row_with_label_spread() {
        let l = lines("\t\t2. 其他法律行政法规禁止公开\t0\t1\t0\t0\t0\t0\t1");
        let rows = assemble_rows(&l, 1, 1, false);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].label_text(), "2. 其他法律行政法规禁止公开");
        assert_eq!(rows[0].values.len(), 7);
    }

    #[test]
    fn prose_is_not_a_row() {
        let l = lines("2023 年，我局未收到申请 3 件");
        assert!(assemble_rows(&l, 1, 1, false).is_empty());
        let l = lines("— 5 —");
        assert!(assemble_rows(&l, 1, 1, false).is_empty());
    }

    #[test]
    fn space_row() {
        let l = lines("四、结转下年度继续办理 0 0 0 0 0 0 0");
        let rows = assemble_rows(&l, 1, 1, false);
        assert_eq!(rows[0].values.len(), 7);
    }

    #[test]
    fn a_whole_row_line_among_cell_per_line_rows_is_its_own_row() {
        let l = lines("一、本年新收\t8\t0\n二、上年结转 |\n1 |\n2 |\n3 |\n|");
        let rows = assemble_rows(&l, 1, l.len(), false);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].values.len(), 2);
        assert_eq!(rows[1].label_text(), "二、上年结转");
        assert_eq!(rows[1].values.len(), 3);
    }

    #[test]
    fn one_cell_per_line() {
        let l = lines("\t一、本年新收\n\t1\n\t2\n\t3\n\n\t二、上年结转\n\t4\n\t5\n\t6\n");
        let rows = assemble_rows(&l, 1, l.len(), false);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].label_text(), "二、上年结转");
        assert_eq!(
            rows[1].values.iter().map(|c| c.line).collect::<Vec<_>>(),
            vec![7, 8, 9]
        );
    }
}
