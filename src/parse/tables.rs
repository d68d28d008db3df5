//! Reading the three standard tables out of candidate rows: rows recognised
//! by their labels, falling back on template order where labels are lost.

use super::rows::{RawCell, RawRow};
use crate::cell::{CellValue, trim_cell};
use crate::model::{Cell, LayoutIssue, Table};
use crate::template::{APPEALS, TableId, normalize_label};

use super::digits;
use super::limits::{self, EXTRA_CELL_CHARS, FRAGMENT_MIN_BYTES, MAX_EXTRA, SCORE_CACHE};

/// How well a label matches a template row (0 = not at all).
/// Lengths are in bytes: labels and keys are Chinese (3 bytes a character),
/// and only their comparison matters.
fn score(label: &str, keys: &[&str]) -> usize {
    let mut best = 0;
    let llen = label.len();
    for key in keys {
        let klen = key.len();
        if contains(label, key) {
            best = best.max(klen * 2);
        } else if llen >= FRAGMENT_MIN_BYTES && contains(key, label) {
            best = best.max(llen);
        }
    }
    best
}

/// Substring test for short strings: a first-byte scan beats the general
/// two-way searcher's set-up cost on labels of a few dozen bytes.
fn contains(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    if n.len() > h.len() {
        return false;
    }
    h[..=h.len() - n.len()]
        .iter()
        .enumerate()
        .any(|(i, &b)| b == first && &h[i + 1..i + n.len()] == rest)
}

/// The template row a label names, preferring rows not yet filled and,
/// among equals, the first after the cursor.
fn match_row(id: TableId, label: &str, filled: &[bool], cursor: Option<usize>) -> Option<usize> {
    match_norm(id, &normalize_label(label), filled, cursor)
}

/// [`match_row`] on a label already normalised.
fn match_norm(id: TableId, norm: &str, filled: &[bool], cursor: Option<usize>) -> Option<usize> {
    if norm.is_empty() {
        return None;
    }
    let after = cursor.map_or(0, |c| c + 1);
    with_scores(id, norm, |scores| {
        scores
            .iter()
            .copied()
            .max_by_key(|&(i, s)| (s, !filled[i], i >= after, std::cmp::Reverse(i)))
            .map(|(i, _)| i)
    })
}

/// Like [`match_row`], and whether the match is weak: only a short generic
/// key (`其他`, `总计`) inside a much longer label (`2.其他法律行政止公开`,
/// a typo), which the label's place may overrule.
fn match_row_weak(
    id: TableId,
    norm: &str,
    filled: &[bool],
    cursor: Option<usize>,
) -> Option<(usize, bool)> {
    let row = match_norm(id, norm, filled, cursor)?;
    let keys = id.spec().rows[row].keys;
    let mut inside = keys.iter().filter(|k| contains(norm, k)).peekable();
    let weak = inside.peek().is_some()
        && inside.all(|k| {
            k.len() <= limits::WEAK_KEY_MAX_BYTES
                && norm.len() >= k.len() + limits::WEAK_KEY_EXTRA_BYTES
        });
    Some((row, weak))
}

/// Is the label made of the template's own wording? Either a piece of one
/// word of a row label (`无法提` of `(四) 无法提供`), or a piece of one word
/// followed by a piece of another word of the same row label: a PDF table
/// interleaves a wrapped group label with the row's (`不予公5.属于三类内部`).
/// Two pieces of the *same* word are a misprint (`其他法律行政止公开`).
fn is_template_fragment(id: TableId, label: &str) -> bool {
    let norm = normalize_label(label);
    if norm.is_empty() {
        return false;
    }
    id.spec().rows.iter().any(|r| {
        let words: Vec<String> = r
            .label
            .split_whitespace()
            .map(normalize_label)
            .filter(|w| w.chars().count() >= 2)
            .collect();
        let piece_of = |piece: &str| words.iter().position(|w| contains(w, piece));
        if piece_of(&norm).is_some() {
            return true;
        }
        norm.char_indices().skip(2).any(|(at, _)| {
            let (left, right) = norm.split_at(at);
            right.chars().count() >= 2
                && matches!(
                    (piece_of(left), piece_of(right)),
                    (Some(i), Some(j)) if i != j
                )
        })
    })
}

/// The row a row with an unknown label takes by its place: the first free
/// template row after the cursor and before the next row whose label is
/// known (looking at most [`limits::LOOKAHEAD_ROWS`] rows ahead); at the
/// end of the table (no known row after it), the next free row, in the
/// requests table only (all its rows are alike).
fn row_by_place(
    id: TableId,
    norms: &[String],
    k: usize,
    filled: &[bool],
    cursor: Option<usize>,
) -> Option<usize> {
    let start = cursor.map_or(0, |c| c + 1);
    let next_known = norms[k + 1..]
        .iter()
        .take(limits::LOOKAHEAD_ROWS)
        .find_map(|n| match match_row_weak(id, n, filled, cursor) {
            Some((i, false)) if i >= start => Some(i),
            _ => None,
        });
    let end = match next_known {
        Some(q) => q,
        None if id == TableId::Requests => filled.len(),
        None => return None,
    };
    (start..end).find(|&i| !filled[i])
}

/// The template row a label names on its own (no row filled yet), if any.
pub(crate) fn label_row(id: TableId, label: &str) -> Option<usize> {
    match_row(id, label, &vec![false; id.spec().rows.len()], None)
}

/// Does a cell name a row of the active or requests table by itself (a
/// strong match, at least [`FRAGMENT_MIN_BYTES`] long once normalised)?
pub(crate) fn names_row(cell: &str) -> bool {
    let norm = normalize_label(cell);
    norm.len() >= FRAGMENT_MIN_BYTES
        && [TableId::Active, TableId::Requests].into_iter().any(|id| {
            let filled = vec![false; id.spec().rows.len()];
            matches!(match_row_weak(id, &norm, &filled, None), Some((_, false)))
        })
}

/// How many template rows a run of label text names by their keys (keys
/// of [`limits::STREAM_KEY_MIN_BYTES`] or more in the requests table, whose
/// header also says `其他` and `总计`).
pub(crate) fn label_row_keys(id: TableId, text: &str) -> usize {
    let norm = normalize_label(text);
    if norm.is_empty() {
        return 0;
    }
    let min = match id {
        TableId::Requests => limits::STREAM_KEY_MIN_BYTES,
        _ => 0,
    };
    id.spec()
        .rows
        .iter()
        .filter(|r| r.keys.iter().any(|k| k.len() >= min && contains(&norm, k)))
        .count()
}

// Labels repeat from report to report (the template's own wording, the
// same converter's mangling), so their scores are remembered per thread.
// The cache is bounded: cleared when it grows past `SCORE_CACHE`.
type Scores = Vec<(usize, usize)>;

fn with_scores<R>(id: TableId, norm: &str, f: impl FnOnce(&[(usize, usize)]) -> R) -> R {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static CACHE: RefCell<HashMap<(TableId, String), Scores>> = RefCell::new(HashMap::new());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(&(id, norm.to_string())) {
            return f(s);
        }
        let scores: Scores = id
            .spec()
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i, score(norm, r.keys)))
            .filter(|&(_, s)| s > 0)
            .collect();
        let out = f(&scores);
        if cache.len() >= SCORE_CACHE {
            cache.clear();
        }
        cache.insert((id, norm.to_string()), scores);
        out
    })
}

/// Fit a row's value cells to the template width: drop trailing then leading
/// padding (empty cells), take empty cells before the values when too few.
fn fit_values<'a>(raw: &RawRow<'a>, width: usize) -> (Vec<RawCell<'a>>, Option<LayoutIssue>) {
    let mut values = raw.values.clone();
    while values.len() > width && values.last().is_some_and(|c| c.text.is_empty()) {
        values.pop();
    }
    while values.len() > width && values.first().is_some_and(|c| c.text.is_empty()) {
        values.remove(0);
    }
    let mut gap = raw.gap.clone();
    while values.len() < width && !gap.is_empty() && raw.labels.is_empty() {
        // No label at all: empty leading cells are blank values.
        if let Some(c) = gap.pop() {
            values.insert(0, c);
        }
    }
    if values.len() == width {
        return (values, None);
    }
    let issue = LayoutIssue {
        found: values.len(),
        expected: width,
        // An absurd row (10 000 cells) keeps only its first extras.
        extra: values
            .iter()
            .skip(width)
            .take(MAX_EXTRA)
            .map(|c| c.text.chars().take(EXTRA_CELL_CHARS).collect::<String>())
            .collect(),
        note: None,
    };
    values.truncate(width);
    (values, Some(issue))
}

fn fill_row(id: TableId, table: &mut Table, idx: usize, raw: &RawRow) {
    let spec = &id.spec().rows[idx];
    let (values, layout) = fit_values(raw, spec.width);
    let mut cells: Vec<Cell> = values
        .iter()
        .map(|c| Cell::from_raw(&c.text, spec.kind, Some(c.line)))
        .collect();
    // Cells lost from a short row read as blank (0, warned), like an empty
    // cell: the rules judge them and the reviewer sees them.
    cells.resize(spec.width, Cell::from_raw("", spec.kind, Some(raw.line)));
    let row = &mut table.rows[idx];
    row.cells = cells;
    row.found = true;
    row.line = Some(raw.line);
    row.layout = layout;
}

/// The digit cells of a row that holds run-together digits (crawler text),
/// when it does: fewer value cells than the template's width, every one
/// nothing but digits, few enough that the text did not separate the values
/// (one cell, or at most half the width), and digits for every value.
fn digit_run(raw: &RawRow, width: usize) -> Option<Vec<Vec<u8>>> {
    let n = raw.values.len();
    if n == 0 || n >= width || (n > 1 && n * 100 > width * limits::RUN_MAX_CELLS_PERCENT) {
        return None;
    }
    let cells: Vec<Vec<u8>> = raw
        .values
        .iter()
        .map(|c| digits::digits_only(&c.text))
        .collect::<Option<_>>()?;
    let total: usize = cells.iter().map(Vec::len).sum();
    (total >= width).then_some(cells)
}

/// The shape a row's run splits into.
fn shape(id: TableId, width: usize) -> Vec<digits::Group> {
    match id {
        TableId::Requests => digits::REQUESTS_SHAPE.to_vec(),
        TableId::Appeals => digits::APPEALS_SHAPE.to_vec(),
        TableId::Active => vec![digits::Group {
            values: width,
            total: false,
        }],
    }
}

/// The candidate splits of a row's run, or `None` when the row is not a
/// run or no split fits (then it is read as found, and warned about).
fn run_candidates(id: TableId, raw: &RawRow, width: usize) -> Option<Vec<Vec<u64>>> {
    let cells = digit_run(raw, width)?;
    match digits::splits(&cells, &shape(id, width)) {
        digits::Splits::Found(c) if !c.is_empty() => Some(c),
        _ => None,
    }
}

/// Fill a row from the splits of its run: the values every remaining split
/// agrees on are read; the others are invalid, their text the candidates
/// (`3或31`), and the row carries a note listing the splits.
fn fill_split(id: TableId, table: &mut Table, idx: usize, raw: &RawRow, cands: &[Vec<u64>]) {
    let spec = &id.spec().rows[idx];
    let line = raw.values.first().map_or(raw.line, |c| c.line);
    let cells = (0..spec.width)
        .map(|c| {
            let mut seen: Vec<u64> = cands.iter().filter_map(|s| s.get(c).copied()).collect();
            seen.dedup();
            seen.sort_unstable();
            seen.dedup();
            if let [v] = seen.as_slice() {
                Cell::from_raw(&v.to_string(), spec.kind, Some(line))
            } else {
                let text = seen
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(text::OR);
                Cell {
                    value: CellValue::Invalid,
                    raw: text,
                    line: Some(line),
                }
            }
        })
        .collect();
    let row = &mut table.rows[idx];
    row.cells = cells;
    row.found = true;
    row.line = Some(raw.line);
    row.layout = (cands.len() > 1).then(|| LayoutIssue {
        found: spec.width,
        expected: spec.width,
        extra: Vec::new(),
        note: Some(text::ambiguous_run(
            &raw.values
                .iter()
                .map(|c| c.text.as_ref())
                .collect::<Vec<_>>(),
            cands,
        )),
    });
}

/// The 2019 trial layout prints (六)其他处理 as one row without the 1./2./3.
/// sub-rows: read it as (六)3 其他, read (六)1 and (六)2 as 0, and say so
/// once, on (六)3.
fn older_single_row_six(table: &mut Table, read_from: &[Option<String>]) {
    use crate::template::requests_rows::LAST_OUTCOME as SIX_3;
    let (six_1, six_2) = (SIX_3 - 2, SIX_3 - 1);
    let single = read_from[SIX_3]
        .as_deref()
        .is_some_and(|l| normalize_label(l).contains(text::OTHER_HANDLING));
    if !single || table.rows[six_1].found || table.rows[six_2].found {
        return;
    }
    let line = table.rows[SIX_3].line;
    for r in [six_1, six_2] {
        let row = &mut table.rows[r];
        row.cells = vec![
            Cell {
                value: CellValue::Int(0),
                raw: "0".to_string(),
                line,
            };
            row.cells.len()
        ];
        row.found = true;
        row.line = line;
    }
    let width = table.rows[SIX_3].cells.len();
    table.rows[SIX_3].layout = Some(LayoutIssue {
        found: width,
        expected: width,
        extra: Vec::new(),
        note: Some(text::OLDER_SIX.to_string()),
    });
}

/// A label-less row: is it a real row of numbers, or a stray number?
fn is_value_row(raw: &RawRow, width: usize) -> bool {
    let n = raw.numeric_values();
    n >= 2 || (width == 1 && n == 1)
}

/// Fill the active or requests table from candidate rows.
pub(crate) fn fill_labelled(id: TableId, rows: &[RawRow]) -> Table {
    let spec = id.spec();
    let mut table = Table::new(id);
    let mut filled = vec![false; spec.rows.len()];
    let mut cursor: Option<usize> = None;
    let mut lines: Vec<usize> = Vec::new();
    // The label each row was read from.
    let mut read_from: Vec<Option<String>> = vec![None; spec.rows.len()];
    // Rows read from run-together digits, with their candidate splits.
    let mut runs: Vec<(usize, &RawRow, Vec<Vec<u64>>)> = Vec::new();
    // Each row's label, as read (pdftotext wraps an active row's label
    // around its numbers), and normalised once.
    let labels: Vec<String> = rows
        .iter()
        .map(|raw| {
            let label = raw.label_text();
            match &raw.wrapped {
                Some(w) if label.is_empty() && id == TableId::Active => w.clone(),
                _ => label,
            }
        })
        .collect();
    let norms: Vec<String> = labels.iter().map(|l| normalize_label(l)).collect();
    for (k, (raw, label)) in rows.iter().zip(labels).enumerate() {
        // A label of the template names its row; an unknown one (a typo:
        // `2.其他法律行政止公开`) takes the free row its place gives, and
        // says so; a row with no label at all takes the next free row.
        let mut renamed: Option<String> = None;
        let idx = match match_row_weak(id, &norms[k], &filled, cursor) {
            Some((i, false)) => Some(i),
            _ if label.is_empty() => {
                // Label lost (a block of labels followed by bare numbers, a
                // placeholder label): take the next unfilled row in template
                // order — only in the requests table, whose rows all have
                // the same width, and only for rows that are clearly numbers.
                (id == TableId::Requests && is_value_row(raw, spec.width()))
                    .then(|| {
                        let start = cursor.map_or(0, |c| c + 1);
                        (start..spec.rows.len()).find(|&i| !filled[i])
                    })
                    .flatten()
            }
            weak => {
                let weak = weak.map(|(i, _)| i);
                let place = row_by_place(id, &norms, k, &filled, cursor)
                    .filter(|&p| is_value_row(raw, spec.rows[p].width));
                match (weak, place) {
                    (Some(w), Some(p)) if w == p => Some(w),
                    (_, Some(p)) => {
                        // A piece of the template's own wording (a group
                        // label wrapped beside the numbers: `无法提`) is no
                        // misprint to report.
                        if !is_template_fragment(id, &label) {
                            renamed = Some(raw.label_text());
                        }
                        Some(p)
                    }
                    (w, None) => w,
                }
            }
        };
        let Some(idx) = idx else { continue };
        if filled[idx] {
            // The same row twice (a repeated header pasted mid-table, say):
            // keep the first.
            continue;
        }
        match run_candidates(id, raw, spec.rows[idx].width) {
            Some(cands) => {
                fill_split(id, &mut table, idx, raw, &cands);
                runs.push((idx, raw, cands));
            }
            None => fill_row(id, &mut table, idx, raw),
        }
        if let Some(printed) = renamed
            && table.rows[idx].layout.is_none()
        {
            let width = spec.rows[idx].width;
            table.rows[idx].layout = Some(LayoutIssue {
                found: width,
                expected: width,
                extra: Vec::new(),
                note: Some(text::renamed(&printed)),
            });
        }
        filled[idx] = true;
        read_from[idx] = Some(label);
        cursor = Some(idx);
        lines.push(raw.line);
        lines.extend(raw.values.iter().map(|c| c.line));
    }
    if id == TableId::Requests {
        older_single_row_six(&mut table, &read_from);
    }
    if id == TableId::Requests && runs.iter().any(|(_, _, c)| c.len() > 1) {
        // One row alone is ambiguous: choose with the column rules.
        let known: Vec<Vec<Option<i64>>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::count).collect())
            .collect();
        let mut cands: Vec<Option<digits::Candidates>> = vec![None; spec.rows.len()];
        for (idx, _, c) in &runs {
            cands[*idx] = Some(c.clone());
        }
        digits::resolve_requests(&known, &mut cands);
        for (idx, raw, _) in &runs {
            if let Some(c) = &cands[*idx] {
                fill_split(id, &mut table, *idx, raw, c);
            }
        }
    }
    set_span(&mut table, &lines);
    table
}

/// Fill the appeals table: its 15 values in order, from one row or several
/// (one pipe table per group, a header split over lines).
pub(crate) fn fill_appeals(rows: &[RawRow]) -> Table {
    let id = TableId::Appeals;
    let spec = &id.spec().rows[0];
    let mut table = Table::new(id);
    let mut values: Vec<RawCell<'_>> = Vec::new();
    let mut first_line = None;
    let mut lines = Vec::new();
    // The rows that may hold the table's values, each without the table's
    // head words (`结果维持`…: heads shuffled among the values of one cell
    // per line are no values), and how many values each holds.
    // A row labelled by another table's row (`（七）总计`) is not the
    // table's, but for one that continues values already read and short of
    // the table: one cell per line opens a row at such a label (see
    // `rows::cell_per_line_rows`), and here, where rows have no label, the
    // label is a (bad) value among the others.
    let foreign: Vec<bool> = rows
        .iter()
        .map(|raw| {
            let label = normalize_label(&raw.label_text());
            !label.is_empty() && score(&label, spec.keys) == 0
        })
        .collect();
    let candidates: Vec<Option<Vec<RawCell<'_>>>> = rows
        .iter()
        .zip(&foreign)
        .map(|(raw, &foreign)| {
            if raw.numeric_values() == 0 {
                return None;
            }
            let labels = raw.labels.iter().chain(&raw.gap).filter(|_| foreign);
            Some(
                labels
                    .chain(raw.values.iter().filter(|c| !is_appeals_head(&c.text)))
                    .cloned()
                    .collect(),
            )
        })
        .collect();
    let holds: Vec<usize> = candidates
        .iter()
        .zip(rows)
        .zip(&foreign)
        .map(|((c, raw), &foreign)| match c {
            _ if foreign => 0,
            Some(v) if digit_run(&with_values(raw.line, v.clone()), spec.width).is_some() => {
                spec.width
            }
            Some(v) => v
                .iter()
                .rposition(|c| !c.text.is_empty())
                .map_or(0, |i| i + 1),
            None => 0,
        })
        .collect();
    // Values the rows after each row hold, together.
    let mut after = vec![0usize; rows.len() + 1];
    for k in (0..rows.len()).rev() {
        after[k] = after[k + 1].saturating_add(holds[k]);
    }
    for (k, raw) in rows.iter().enumerate() {
        if values.len() >= spec.width {
            break;
        }
        let Some(mut v) = candidates[k].clone() else {
            continue;
        };
        if foreign[k] && values.is_empty() {
            continue;
        }
        // A lone number (a stray one standing above the heads, or one
        // shuffled among them; a long one too, which alone would read as
        // run-together digits) is not the table's when the rows after it
        // hold the whole table.
        let lone = v.iter().filter(|c| !c.text.is_empty()).count() == 1;
        if lone && after[k + 1] >= spec.width {
            continue;
        }
        first_line.get_or_insert(raw.line);
        // Trailing padding of a pipe or tab row.
        while v.last().is_some_and(|c| c.text.is_empty()) && values.len() + v.len() > spec.width {
            v.pop();
        }
        lines.push(raw.line);
        lines.extend(v.iter().map(|c| c.line));
        values.extend(v);
        // A run of run-together digits holds the whole row.
        if digit_run(&with_values(raw.line, values.clone()), spec.width).is_some_and(|d| {
            d.iter().map(Vec::len).sum::<usize>() >= limits::APPEALS_RUN_MIN_DIGITS
        }) {
            break;
        }
    }
    if let Some(line) = first_line {
        let raw = RawRow {
            line,
            labels: Vec::new(),
            gap: Vec::new(),
            wrapped: None,
            values,
        };
        match run_candidates(id, &raw, spec.width) {
            Some(cands) => fill_split(id, &mut table, 0, &raw, &cands),
            None => fill_row(id, &mut table, 0, &raw),
        }
    }
    set_span(&mut table, &lines);
    table
}

/// A label-less row of these values.
fn with_values(line: usize, values: Vec<RawCell<'_>>) -> RawRow<'_> {
    RawRow {
        line,
        labels: Vec::new(),
        gap: Vec::new(),
        values,
        wrapped: None,
    }
}

/// A head of the appeals table (`行政复议`, `结果维持`, `总计`…).
fn is_appeals_head(cell: &str) -> bool {
    let n = normalize_label(cell);
    !n.is_empty()
        && APPEALS
            .header
            .iter()
            .flat_map(|h| h.iter())
            .any(|h| normalize_label(h) == n)
}

/// Words a person sees, in one place (for the language catalogue).
mod text {
    /// The label of the 2019 single (六) row, normalised.
    pub(super) const OTHER_HANDLING: &str = "其他处理";

    /// The note of the 2019 single (六) row.
    pub(super) const OLDER_SIX: &str = "本表使用旧版（2019 年试行）格式：(六)其他处理只有一行，\
         已读作 (六)3 其他，(六)1、(六)2 按 0 计，请核对";

    /// Joins the candidate values of an undecided cell: `3或31`.
    pub(super) const OR: &str = "或";

    /// The note of a row read by its place under a label the template does
    /// not have.
    pub(super) fn renamed(printed: &str) -> String {
        let shown: String = printed
            .chars()
            .take(super::limits::EXTRA_CELL_CHARS)
            .collect();
        format!("行标签“{shown}”不在模板中，按位置读作此行，请核对")
    }

    /// The note of a row whose run-together digits split more than one way.
    pub(super) fn ambiguous_run(run: &[&str], splits: &[Vec<u64>]) -> String {
        let shown: Vec<String> = splits.iter().map(|s| super::digits::show(s)).collect();
        format!(
            "数字连写“{}”有 {} 种拆法（{}），无法确定，请核对",
            run.join(" "),
            splits.len(),
            shown.join("；")
        )
    }
}

fn set_span(table: &mut Table, lines: &[usize]) {
    table.first_line = lines.iter().copied().min().unwrap_or(0);
    table.last_line = lines.iter().copied().max().unwrap_or(0);
}

/// Lines that open a table (headers) even before the first data row.
pub(crate) fn is_table_header(line: &str) -> bool {
    let t = trim_cell(line);
    let n = normalize_label(t);
    line.contains('\t')
        || (t.contains('|') && !t.chars().all(|c| c == '|' || c.is_whitespace()))
        || n.starts_with("第二十条")
        || n.starts_with("信息内容")
        || n.contains("勾稽关系")
        || n.starts_with("申请人情况")
        || n.starts_with("行政复议")
        || t.starts_with("## 表")
        || t.starts_with("表") && t.chars().nth(1).is_some_and(|c| "一二三四1234".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_their_rows() {
        let filled = vec![false; 25];
        let m = |s: &str| match_row(TableId::Requests, s, &filled, None);
        assert_eq!(m("一、本年新收政府信息公开申请数量"), Some(0));
        assert_eq!(m("三、本年度办理结果(一) 予以公开"), Some(2));
        assert_eq!(
            m("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)"),
            Some(3)
        );
        assert_eq!(m("2. 其他法律行政法规禁止公开"), Some(5));
        assert_eq!(m("5.属于三类内部事务信"), Some(8));
        assert_eq!(
            m("(六) 其他处理1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            Some(20)
        );
        assert_eq!(m("缴纳费用、行政机关不再处理其政"), Some(21));
        assert_eq!(m("3. 其他"), Some(22));
        assert_eq!(m("（七）总计"), Some(23));
        assert_eq!(m("四、结转下年度继续办理"), Some(24));
    }

    #[test]
    fn ambiguous_fragment_takes_next_unfilled() {
        let mut filled = vec![false; 25];
        for f in filled.iter_mut().take(20) {
            *f = true;
        }
        assert_eq!(
            match_row(
                TableId::Requests,
                "行政机关不再处理其政府信息公",
                &filled,
                Some(19)
            ),
            Some(20)
        );
    }
}
