//! Turning the lines of a table region into candidate rows: label text plus
//! value cells, whatever the layout (tabs, pipes, spaces, one cell per line).

use std::borrow::Cow;

use crate::cell::{CellValue, has_digit, looks_like_value, parse_value, trim_cell};
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

/// What one source line is, for the table reader.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LineKind<'a> {
    Blank,
    /// A page footer (`— 5 —`), a markdown separator row, a heading or table
    /// title inside a table: ignored.
    Noise,
    /// A line with cells.
    Cells(Vec<&'a str>, Sep),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    Tab,
    Pipe,
    Space,
}

pub(crate) fn is_footer(t: &str) -> bool {
    let dash = |c: char| matches!(c, '—' | '-' | '–' | '－' | '─');
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
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Split a pipe row: drop one leading and one trailing pipe.
fn split_pipes(t: &str) -> Vec<&str> {
    let t = t.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|').map(clean_cell).collect()
}

fn clean_cell(c: &str) -> &str {
    let c = trim_cell(c);
    let c = c.trim_matches('*');
    let c = if c.eq_ignore_ascii_case("&nbsp;") {
        ""
    } else {
        c
    };
    trim_cell(c)
}

/// Classify a source line.
pub(crate) fn classify_line(line: &str) -> LineKind<'_> {
    let t = trim_cell(line);
    if t.is_empty() {
        return if line.contains('\t') {
            LineKind::Cells(vec![""], Sep::Tab)
        } else {
            LineKind::Blank
        };
    }
    // Tabs only at the end of a line do not make it a tab row: a line reads
    // the same with or without its trailing whitespace (which the
    // normalized file trims from narrative lines).
    let tabbed = line.trim_end().contains('\t');
    // A footer (`— 5 —`) stands alone on its line: `-\t000\t-` is a row.
    if t.starts_with('#') || (!tabbed && is_footer(t)) || is_separator_row(t) {
        return LineKind::Noise;
    }
    if tabbed {
        return LineKind::Cells(line.split('\t').map(clean_cell).collect(), Sep::Tab);
    }
    if t.contains('|') {
        return LineKind::Cells(split_pipes(t), Sep::Pipe);
    }
    let cells = t
        .split(|c: char| c.is_whitespace() || c == '\u{3000}')
        .filter(|c| !c.is_empty())
        .collect();
    LineKind::Cells(cells, Sep::Space)
}

/// Build a row from cells. `strict` (space-separated text): every cell after
/// the label must look like a value, else the line is prose.
pub(crate) fn row_from_cells(cells: Vec<RawCell<'_>>, strict: bool) -> Option<RawRow<'_>> {
    let line = cells.first()?.line;
    let first_value = cells
        .iter()
        .position(|c| !c.text.is_empty() && looks_like_value(&c.text))?;
    let (head, tail) = cells.split_at(first_value);
    // Space-separated prose ("2023 年 3 件", "Page 9 - 2020年报") is not a
    // row: there every cell after the label must be a clean number or blank.
    // A run of run-together digits (crawler text) is a value too, however
    // long: the table reader splits it.
    if strict
        && !tail.iter().all(|c| {
            parse_value(&c.text, CellKind::Amount) != CellValue::Invalid
                || super::digits::digits_only(&c.text).is_some()
        })
    {
        return None;
    }
    // A data row needs at least one non-empty value cell.
    if tail.iter().all(|c| c.text.is_empty()) {
        return None;
    }
    let last_label = head.iter().rposition(|c| !c.text.is_empty());
    let (labels, gap) = match last_label {
        Some(i) => (&head[..=i], &head[i + 1..]),
        None => (&head[..0], head),
    };
    Some(RawRow {
        line,
        labels: labels
            .iter()
            .filter(|c| !c.text.is_empty())
            .cloned()
            .collect(),
        gap: gap.to_vec(),
        values: tail.to_vec(),
        wrapped: None,
    })
}

/// Read the lines `first..=last` (1-based) into candidate rows.
/// `wrapped`: note the label-only lines around label-less rows (the active
/// table's labels, which pdftotext wraps around their numbers).
pub(crate) fn assemble_rows(
    lines: &Lines,
    first: usize,
    last: usize,
    wrapped: bool,
) -> Vec<RawRow<'_>> {
    if first == 0 || first > last || last > lines.len() {
        return Vec::new();
    }
    let kinds: Vec<(usize, &str, LineKind<'_>)> = (first..=last)
        .map(|n| (n, &lines[n - 1], classify_line(&lines[n - 1])))
        .collect();

    // One cell per line? Count lines holding a single non-empty value cell
    // against lines holding two or more non-empty cells with a value.
    let mut single = 0usize;
    let mut multi = 0usize;
    for (_, _, k) in &kinds {
        if let LineKind::Cells(cells, _) = k {
            let mut non_empty = cells.iter().filter(|c| !c.is_empty());
            let first = non_empty.next();
            let second = non_empty.next();
            match (first, second) {
                (Some(c), None) if has_digit(c) && looks_like_value(c) => single += 1,
                (Some(a), Some(b)) if looks_like_value(a) || looks_like_value(b) => multi += 1,
                (Some(_), Some(_))
                    if cells.iter().any(|c| !c.is_empty() && looks_like_value(c)) =>
                {
                    multi += 1
                }
                _ => {}
            }
        }
    }
    if single >= super::limits::CELL_PER_LINE_MIN && single > multi {
        cell_per_line_rows(&kinds)
    } else {
        let mut rows = Vec::new();
        for (i, (n, _, k)) in kinds.iter().enumerate() {
            let LineKind::Cells(cells, sep) = k else {
                continue;
            };
            let Some(mut row) = row_from_cells(
                cells
                    .iter()
                    .map(|text| RawCell {
                        text: Cow::Borrowed(*text),
                        line: *n,
                    })
                    .collect(),
                *sep == Sep::Space,
            ) else {
                continue;
            };
            if wrapped && row.labels.is_empty() {
                row.wrapped = wrapped_label(&kinds, i);
            }
            rows.push(row);
        }
        rows
    }
}

/// A line holding one label fragment and nothing else (not a header).
fn label_only<'a>(kind: &LineKind<'a>) -> Option<&'a str> {
    let LineKind::Cells(cells, _) = kind else {
        return None;
    };
    let mut non_empty = cells.iter().filter(|c| !c.is_empty());
    let (Some(&only), None) = (non_empty.next(), non_empty.next()) else {
        return None;
    };
    (!looks_like_value(only) && !super::tables::is_table_header(only)).then_some(only)
}

/// The label of a label-less row wrapped around it: up to
/// [`super::limits::WRAPPED_LABEL_LINES`] label-only lines right above, and
/// the one right below when only one stood above.
fn wrapped_label(kinds: &[(usize, &str, LineKind<'_>)], i: usize) -> Option<String> {
    let mut above: Vec<&str> = kinds[..i]
        .iter()
        .rev()
        .map_while(|(_, _, k)| label_only(k))
        .take(super::limits::WRAPPED_LABEL_LINES)
        .collect();
    above.reverse();
    if above.is_empty() {
        return None;
    }
    let mut label = above.concat();
    if above.len() == 1
        && let Some(below) = kinds.get(i + 1).and_then(|(_, _, k)| label_only(k))
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
    let value = |c: &&&str| has_digit(c) && looks_like_value(c);
    let mut non_empty = cells.iter().filter(|c| !c.is_empty());
    sep != Sep::Space
        && match non_empty.next() {
            Some(first) if !looks_like_value(first) => non_empty.any(|c| value(&c)),
            Some(_) => cells.iter().filter(value).count() >= super::limits::ROW_LINE_MIN_VALUES,
            None => false,
        }
}

/// The layout where every cell stands on its own line and rows are separated
/// by blank lines (Word copy, seed 002) or by lone `|` lines (web copy).
fn cell_per_line_rows<'a>(kinds: &[(usize, &'a str, LineKind<'a>)]) -> Vec<RawRow<'a>> {
    let tab_prefixed = kinds.iter().filter(|(_, l, _)| l.starts_with('\t')).count() * 100
        > super::limits::TAB_PREFIXED_PERCENT
            * kinds
                .iter()
                .filter(|(_, l, _)| !l.trim().is_empty())
                .count();
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
    for (n, line, kind) in kinds {
        let is_bar = line.trim().chars().all(|c| c == '|') && line.contains('|');
        match kind {
            LineKind::Blank => flush(&mut group, &mut rows),
            _ if is_bar => flush(&mut group, &mut rows),
            LineKind::Noise => {}
            LineKind::Cells(cells, sep) if is_row_line(cells, *sep) => {
                // A whole row on one line (a tab or pipe row beside rows of
                // one cell per line: a normalized table among leftovers, a
                // row retyped by hand) is a row of its own: it neither
                // takes the next line as a cell nor joins the cells above
                // it.
                flush(&mut group, &mut rows);
                group.extend(cells.iter().map(|c| RawCell {
                    text: Cow::Borrowed(*c),
                    line: *n,
                }));
                flush(&mut group, &mut rows);
            }
            LineKind::Cells(cells, _) => {
                // A label broken over two lines (`商业` / `企业`); a value is
                // never broken, nor is it the rest of a label: after a value,
                // or a value itself, the line is a cell of its own.
                let is_value = |t: &str| has_digit(t) && looks_like_value(t);
                if tab_prefixed
                    && !line.starts_with('\t')
                    && !is_value(trim_cell(line))
                    && group.last().is_some_and(|c| !is_value(&c.text))
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
                    let value = looks_like_value(c);
                    // A row label after the group's values opens the next
                    // row (the blank or `|` line between them lost).
                    if valued && !value && super::tables::names_row(c) {
                        flush(&mut group, &mut rows);
                        valued = false;
                    }
                    valued |= value && has_digit(c);
                    group.push(RawCell {
                        text: Cow::Borrowed(c),
                        line: *n,
                    });
                }
                if group.len() == before {
                    group.push(RawCell {
                        text: Cow::Borrowed(""),
                        line: *n,
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
