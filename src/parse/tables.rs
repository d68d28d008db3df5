//! Reading the three standard tables out of candidate rows: rows recognised
//! by their labels, falling back on template order where labels are lost.

use super::rows::{RawCell, RawRow};
use crate::cell::{CellValue, trim_cell};
use crate::model::{Cell, LayoutIssue, LayoutNote, Lines, Table};
use crate::template::{ACTIVE, APPEALS, CellKind, TableId, normalize_label, normalize_label_into};

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
    match_norm(id, &normalize_label(label), filled, cursor).map(|s| s.row)
}

/// [`match_row`] on a label already normalised.
fn match_norm(id: TableId, norm: &str, filled: &[bool], cursor: Option<usize>) -> Option<Scored> {
    if norm.is_empty() {
        return None;
    }
    let after = cursor.map_or(0, |c| c + 1);
    with_scores(id, norm, |scores| {
        scores.iter().copied().max_by_key(|s| {
            let i = s.row;
            (s.score, !filled[i], i >= after, std::cmp::Reverse(i))
        })
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
    match_norm(id, norm, filled, cursor).map(|s| (s.row, s.weak))
}

/// Is the match of a label with these keys weak (see [`match_row_weak`])?
fn is_weak(norm: &str, keys: &[&str]) -> bool {
    let mut inside = keys.iter().filter(|k| contains(norm, k)).peekable();
    inside.peek().is_some()
        && inside.all(|k| {
            k.len() <= limits::WEAK_KEY_MAX_BYTES
                && norm.len() >= k.len() + limits::WEAK_KEY_EXTRA_BYTES
        })
}

/// Is the label made of the template's own wording? Either a piece of one
/// word of a row label (`无法提` of `(四) 无法提供`), or a piece of one word
/// followed by a piece of another word of the same row label: a PDF table
/// interleaves a wrapped group label with the row's (`不予公5.属于三类内部`).
/// Two pieces of the *same* word are a misprint (`其他法律行政止公开`).
fn is_template_fragment(id: TableId, norm: &str) -> bool {
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
        if piece_of(norm).is_some() {
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
    norms: &Norms,
    k: usize,
    filled: &[bool],
    cursor: Option<usize>,
) -> Option<usize> {
    let start = cursor.map_or(0, |c| c + 1);
    let next_known = (k + 1..norms.len())
        .take(limits::LOOKAHEAD_ROWS)
        .find_map(|j| match match_row_weak(id, norms.get(j), filled, cursor) {
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
// One map a table, looked up by the label itself (no key to build), with
// a multiplicative hash: the keys are short and not chosen by an attacker
// who could gain anything (the cache is bounded and cleared).
type Scores = Vec<Scored>;

/// A template row a label scores on, and whether the match is weak.
#[derive(Debug, Clone, Copy)]
struct Scored {
    row: usize,
    score: usize,
    weak: bool,
}
type ScoreMap = std::collections::HashMap<String, Scores, BuildHasherDefault<LabelHasher>>;

/// FxHash-style hasher for label keys.
#[derive(Default)]
struct LabelHasher(u64);

impl std::hash::Hasher for LabelHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

use std::hash::BuildHasherDefault;

fn with_scores<R>(id: TableId, norm: &str, f: impl FnOnce(&[Scored]) -> R) -> R {
    use std::cell::RefCell;
    thread_local! {
        static CACHE: RefCell<[ScoreMap; 3]> = RefCell::new(Default::default());
    }
    CACHE.with(|cache| {
        let mut caches = cache.borrow_mut();
        let cache = &mut caches[id as usize];
        if let Some(s) = cache.get(norm) {
            return f(s);
        }
        let scores: Scores = id
            .spec()
            .rows
            .iter()
            .enumerate()
            .map(|(row, r)| (row, r, score(norm, r.keys)))
            .filter(|&(_, _, score)| score > 0)
            .map(|(row, r, score)| Scored {
                row,
                score,
                weak: is_weak(norm, r.keys),
            })
            .collect();
        let out = f(&scores);
        if cache.len() >= SCORE_CACHE {
            cache.clear();
        }
        cache.insert(norm.to_string(), scores);
        out
    })
}

/// Fit a row's value cells to the template width: drop trailing then leading
/// padding (empty cells), take empty cells before the values when too few.
/// The cells, in order, are the last `.0` cells of the gap, then the values
/// `.1`.
fn fit_values<'r, 'a>(
    raw: &'r RawRow<'a>,
    width: usize,
) -> (
    impl Iterator<Item = &'r RawCell<'a>> + Clone,
    Option<LayoutIssue>,
) {
    let values = &raw.values;
    let (mut start, mut end) = (0, values.len());
    while end - start > width && values[end - 1].text.is_empty() {
        end -= 1;
    }
    while end - start > width && values[start].text.is_empty() {
        start += 1;
    }
    // No label at all: empty leading cells are blank values.
    let from_gap = if raw.labels.is_empty() {
        width.saturating_sub(end - start).min(raw.gap.len())
    } else {
        0
    };
    let cells = raw.gap[raw.gap.len() - from_gap..]
        .iter()
        .chain(&values[start..end]);
    let found = from_gap + end - start;
    if found == width {
        return (cells.take(width), None);
    }
    let issue = LayoutIssue {
        found,
        expected: width,
        // An absurd row (10 000 cells) keeps only its first extras.
        extra: cells
            .clone()
            .skip(width)
            .take(MAX_EXTRA)
            .map(|c| c.text.chars().take(EXTRA_CELL_CHARS).collect::<String>())
            .collect(),
        note: None,
    };
    (cells.take(width), Some(issue))
}

/// Counts of at most this many digits are read by [`cell_of`] itself (far
/// below the cell policy's limit, and within `i64`).
const FAST_COUNT_DIGITS: usize = 9;

/// [`Cell::from_raw`], without parsing the two cells a table is mostly
/// made of: a count of a few ASCII digits, and an empty cell.
fn cell_of(text: &str, kind: CellKind, line: Option<usize>) -> Cell {
    let b = text.as_bytes();
    let value = if b.is_empty() {
        CellValue::Blank
    } else if kind == CellKind::Count
        && b.len() <= FAST_COUNT_DIGITS
        && b.iter().all(u8::is_ascii_digit)
    {
        CellValue::Int(b.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    } else {
        return Cell::from_raw(text, kind, line);
    };
    Cell {
        value,
        raw: text.into(),
        line,
    }
}

fn fill_row(id: TableId, table: &mut Table, idx: usize, raw: &RawRow) {
    let spec = &id.spec().rows[idx];
    let (values, layout) = fit_values(raw, spec.width);
    let row = &mut table.rows[idx];
    // The row's cells (empty ones, from `Table::new`) are replaced in place.
    let cells = &mut row.cells;
    cells.clear();
    cells.extend(values.map(|c| cell_of(&c.text, spec.kind, Some(c.line))));
    // Cells lost from a short row read as blank (0, warned), like an empty
    // cell: the rules judge them and the reviewer sees them.
    if cells.len() < spec.width {
        cells.resize(spec.width, Cell::from_raw("", spec.kind, Some(raw.line)));
    }
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
                    raw: text.into(),
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
        note: Some(Box::new(LayoutNote::AmbiguousRun {
            run: raw
                .values
                .iter()
                .map(|c| c.text.as_ref())
                .collect::<Vec<&str>>()
                .join(" "),
            splits: cands.iter().map(|s| digits::show(s)).collect(),
        })),
    });
}

/// The 2019 trial layout prints (六)其他处理 as one row without the 1./2./3.
/// sub-rows: read it as (六)3 其他, read (六)1 and (六)2 as 0, and say so
/// once, on (六)3.
fn older_single_row_six(table: &mut Table, read_from: &[Option<&str>]) {
    use crate::template::requests_rows::LAST_OUTCOME as SIX_3;
    let (six_1, six_2) = (SIX_3 - 2, SIX_3 - 1);
    let single = read_from[SIX_3].is_some_and(|n| n.contains(text::OTHER_HANDLING));
    if !single || table.rows[six_1].found || table.rows[six_2].found {
        return;
    }
    let line = table.rows[SIX_3].line;
    for r in [six_1, six_2] {
        let row = &mut table.rows[r];
        row.cells = vec![
            Cell {
                value: CellValue::Int(0),
                raw: "0".into(),
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
        note: Some(Box::new(LayoutNote::OlderSix)),
    });
}

/// A label-less row: is it a real row of numbers, or a stray number?
fn is_value_row(raw: &RawRow, width: usize) -> bool {
    let n = raw.numeric_values();
    n >= 2 || (width == 1 && n == 1)
}

/// The rows' labels, normalised, in one buffer: `text[at[k]..at[k + 1]]`
/// is row `k`'s.
struct Norms {
    text: String,
    at: Vec<usize>,
    /// Rows without any label text (before normalising).
    empty: Vec<bool>,
}

impl Norms {
    /// A row's label is its label cells, or for a label-less row of the
    /// active table the label wrapped around it. Normalising works a
    /// character at a time, so the cells are normalised one after another.
    fn new(id: TableId, rows: &[RawRow]) -> Self {
        let mut norms = Norms {
            text: String::new(),
            at: Vec::with_capacity(rows.len() + 1),
            empty: Vec::with_capacity(rows.len()),
        };
        norms.at.push(0);
        for raw in rows {
            let no_label = raw.labels.iter().all(|c| c.text.is_empty());
            match &raw.wrapped {
                Some(w) if no_label && id == TableId::Active => {
                    normalize_label_into(w, &mut norms.text);
                    norms.empty.push(w.is_empty());
                }
                _ => {
                    for c in &raw.labels {
                        normalize_label_into(&c.text, &mut norms.text);
                    }
                    norms.empty.push(no_label);
                }
            }
            norms.at.push(norms.text.len());
        }
        norms
    }

    fn len(&self) -> usize {
        self.empty.len()
    }

    fn get(&self, k: usize) -> &str {
        &self.text[self.at[k]..self.at[k + 1]]
    }

    fn no_label(&self, k: usize) -> bool {
        self.empty[k]
    }
}

/// Fill the active or requests table from candidate rows.
// Not inlined: its own line in a profile (called once a table).
#[inline(never)]
pub(crate) fn fill_labelled(id: TableId, rows: &[RawRow]) -> Table {
    let spec = id.spec();
    let mut table = Table::new(id);
    let mut filled = vec![false; spec.rows.len()];
    let mut cursor: Option<usize> = None;
    let mut lines: Vec<usize> = Vec::new();
    // Rows read from run-together digits, with their candidate splits.
    let mut runs: Vec<(usize, &RawRow, Vec<Vec<u64>>)> = Vec::new();
    // Each row's label, as read (pdftotext wraps an active row's label
    // around its numbers), normalised once.
    let norms = Norms::new(id, rows);
    // The (normalised) label each row was read from.
    let mut read_from: Vec<Option<&str>> = vec![None; spec.rows.len()];
    for (k, raw) in rows.iter().enumerate() {
        let no_label = norms.no_label(k);
        // A label of the template names its row; an unknown one (a typo:
        // `2.其他法律行政止公开`) takes the free row its place gives, and
        // says so; a row with no label at all takes the next free row.
        let mut renamed: Option<String> = None;
        let idx = match match_row_weak(id, norms.get(k), &filled, cursor) {
            Some((i, false)) => Some(i),
            _ if no_label => {
                // Label lost (a block of labels followed by bare numbers, a
                // placeholder label): take the next unfilled row in template
                // order — only in the requests table, whose rows all have
                // the same width, and only for rows that are clearly numbers;
                // never a row whose label is read further on (numbers above
                // the first row are a header's, not row 一's).
                (id == TableId::Requests && is_value_row(raw, spec.width()))
                    .then(|| row_by_place(id, &norms, k, &filled, cursor))
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
                        if !is_template_fragment(id, norms.get(k)) {
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
            // keep the first. A repeat that starts on or right after the
            // lines read so far is read (and dropped) with the table: its
            // values left after the normalized table would read back as
            // the next row's.
            if lines.iter().max().is_some_and(|&last| raw.line <= last + 1) {
                lines.push(raw.line);
                lines.extend(raw.values.iter().map(|c| c.line));
            }
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
                note: Some(Box::new(LayoutNote::Renamed {
                    printed: printed.chars().take(limits::EXTRA_CELL_CHARS).collect(),
                })),
            });
        }
        filled[idx] = true;
        read_from[idx] = Some(norms.get(k));
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
// Not inlined: its own line in a profile (called once a table).
#[inline(never)]
pub(crate) fn fill_appeals(rows: &[RawRow], text: &Lines) -> Table {
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
            // A head standing first (`结果纠正` above the values, one cell
            // per line) labels no other table's row: dropped as a head.
            let text = raw.label_text();
            let label = normalize_label(&text);
            !label.is_empty() && score(&label, spec.keys) == 0 && !is_appeals_head(&text)
        })
        .collect();
    let candidates: Vec<Option<Vec<RawCell<'_>>>> = rows
        .iter()
        .zip(&foreign)
        .map(|(raw, &foreign)| {
            // A number only in a head's cell (`０．５ 总计`: a head with a
            // stray digit) makes no row of values.
            let mut numbers = raw
                .values
                .iter()
                .filter(|c| crate::cell::has_digit(&c.text) && !is_appeals_head(&c.text));
            let number = numbers.next()?;
            // One number beside or above heads and pieces of them, and
            // nothing else (`12 行政复议` or a `0` line before pdftotext's
            // `结 结 其 尚`, `| 12 维持 | 纠正 | … | 总计 |`: a page number or a
            // stray) makes the heads no values: the number alone is no row
            // either. (Under its heads, one number is the table's value.)
            let cells = || raw.labels.iter().chain(&raw.gap).chain(&raw.values);
            let part = |c: &RawCell| is_appeals_head_part(&c.text);
            if numbers.next().is_none()
                && cells().any(|c| c.line >= number.line && part(c))
                && cells()
                    .filter(|c| !crate::cell::has_digit(&c.text))
                    .all(|c| c.text.trim().is_empty() || part(c))
                && cells().filter(|c| part(c)).count() >= 2
            {
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
        // Nor is a lone number standing above the heads, before any value
        // (a stray the normalized file keeps as text above its table).
        let lone = v.iter().filter(|c| !c.text.is_empty()).count() == 1;
        if lone
            && (after[k + 1] >= spec.width
                || (values.is_empty() && heads_below(rows, k, &holds, text)))
        {
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

/// Does a line of the appeals table's heads stand between row `k` and the
/// next row holding values?
fn heads_below(rows: &[RawRow], k: usize, holds: &[usize], lines: &Lines) -> bool {
    let raw = &rows[k];
    let from = raw
        .labels
        .iter()
        .chain(&raw.gap)
        .chain(&raw.values)
        .map(|c| c.line)
        .fold(raw.line, usize::max);
    let Some(next) = (k + 1..rows.len()).find(|&j| holds[j] > 0) else {
        return false;
    };
    (from + 1..rows[next].line).any(|n| {
        lines
            .get(n - 1)
            .is_some_and(|l| l.split(['\t', '|', ' ']).any(is_appeals_head))
    })
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
    static HEADS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let n = normalize_label(cell);
    !n.is_empty()
        && HEADS
            .get_or_init(|| {
                APPEALS
                    .header
                    .iter()
                    .flat_map(|h| h.iter())
                    .map(|h| normalize_label(h))
                    .collect()
            })
            .contains(&n)
}

/// A head of the appeals table or a piece of one, as pdftotext and
/// converters split them (`结`, `维持`, `尚未`).
fn is_appeals_head_part(cell: &str) -> bool {
    let n = normalize_label(cell);
    !n.is_empty()
        && APPEALS
            .header
            .iter()
            .flat_map(|h| h.iter())
            .any(|h| normalize_label(h).contains(&n))
}

/// A column head of the active table's groups (`本年收费金额（单位：万元）`…):
/// no fragment of a row's label.
pub(crate) fn is_active_head(cell: &str) -> bool {
    static HEADS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let n = normalize_label(cell);
    !n.is_empty()
        && HEADS
            .get_or_init(|| {
                ACTIVE
                    .rows
                    .iter()
                    .filter_map(|r| r.group)
                    .flat_map(|g| g.columns.iter())
                    .map(|h| normalize_label(h))
                    .collect()
            })
            .contains(&n)
}

/// The 2019 single (六) row's label, normalised: a template word, matched.
mod text {
    pub(super) const OTHER_HANDLING: &str = "其他处理";

    /// Joins the candidate values of an undecided cell: `3或31` (the cell's
    /// raw text, kept in the normalized file as the template's language).
    pub(super) const OR: &str = "或";
}

fn set_span(table: &mut Table, lines: &[usize]) {
    table.first_line = lines.iter().copied().min().unwrap_or(0);
    table.last_line = lines.iter().copied().max().unwrap_or(0);
}

/// Lines that open a table (headers) even before the first data row.
pub(crate) fn is_table_header(line: &str) -> bool {
    let t = trim_cell(line);
    if line.contains('\t')
        || (t.contains('|') && !t.chars().all(|c| c == '|' || c.is_whitespace()))
        || t.starts_with("## 表")
        || t.starts_with("表") && t.chars().nth(1).is_some_and(|c| "一二三四1234".contains(c))
    {
        return true;
    }
    let n = normalize_label(t);
    n.starts_with("第二十条")
        || n.starts_with("信息内容")
        || n.contains("勾稽关系")
        || n.starts_with("申请人情况")
        || n.starts_with("行政复议")
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
    fn fast_cells_read_as_from_raw() {
        for text in [
            "",
            "0",
            "7",
            "007",
            "123456789",
            "1234567890",
            "999999999999999",
            "1 2",
            " 3",
            "-",
            "1,234",
            "３",
            "12件",
            "0.5",
        ] {
            for kind in [CellKind::Count, CellKind::Amount] {
                let (fast, slow) = (
                    cell_of(text, kind, Some(3)),
                    Cell::from_raw(text, kind, Some(3)),
                );
                assert_eq!(
                    (&fast.raw, fast.line, format!("{:?}", fast.value)),
                    (&slow.raw, slow.line, format!("{:?}", slow.value)),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn values_fit_the_width() {
        use std::borrow::Cow;
        let cells = |texts: &[&'static str]| -> Vec<RawCell<'static>> {
            texts
                .iter()
                .map(|t| RawCell {
                    text: Cow::Borrowed(*t),
                    line: 1,
                })
                .collect()
        };
        let row = |labels: &[&'static str], gap: &[&'static str], values: &[&'static str]| RawRow {
            line: 1,
            labels: cells(labels),
            gap: cells(gap),
            values: cells(values),
            wrapped: None,
        };
        let fit = |r: &RawRow<'static>, w: usize| {
            let (cells, issue) = fit_values(r, w);
            let texts: Vec<String> = cells.map(|c| c.text.to_string()).collect();
            (texts, issue.map(|i| (i.found, i.extra)))
        };
        // Padding dropped at the end, then at the start.
        assert_eq!(
            fit(&row(&["a"], &[], &["", "1", "2", "", ""]), 2).0,
            ["1", "2"]
        );
        // Blank leading cells of a label-less row are values.
        assert_eq!(fit(&row(&[], &["", "x"], &["1"]), 3).0, ["", "x", "1"]);
        assert_eq!(fit(&row(&["a"], &["", ""], &["1"]), 3).1, Some((1, vec![])));
        // Too many: the extras are reported.
        assert_eq!(
            fit(&row(&["a"], &[], &["1", "2", "3"]), 2),
            (
                vec!["1".to_string(), "2".to_string()],
                Some((3, vec!["3".to_string()]))
            )
        );
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
