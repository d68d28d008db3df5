//! The parser: decoded text to a [`Report`].
//!
//! # A note for hackers
//!
//! Reports arrive in a dozen text layouts (tabs, pipes, spaces, one cell per
//! line, crawler text on one line, pdftotext's three modes, Word and web
//! pages flattened to tabs). The parser does not detect "the" layout and
//! then dispatch; it runs a fixed pipeline in which each stage is tolerant
//! of the others' leftovers, and the national template (its headings, row
//! labels and their order, its sums) is the anchor at every stage. In
//! order:
//!
//! 1. **Lines** ([`split_lines`]). LF, CRLF, CR, NEL, U+2028 and U+2029 end
//!    a line, so a report reads the same before and after `normalize`.
//! 2. **In-line splitting** ([`inline`]). Crawler text holds a whole report
//!    on one line. Section headings are found inside lines (a section
//!    numeral at a sentence boundary opening a heading phrase of a *later*
//!    section than the last: `在二、三季度` and quoted earlier sections do
//!    not split), then, inside the sections that hold tables, rows (a run of
//!    digits after a label naming template rows in template order, at least
//!    [`limits::INLINE_MIN_ROWS`] of them in a long line). The report's
//!    lines are then these pieces; each remembers its source line in
//!    `Report::origins` (`第 1 行`). Every other line passes untouched.
//! 3. **Headings** ([`sections`]): each line is classified on its own; the
//!    sections are the spans between headings.
//! 4. **Regions.** Each table is read from the sections of its kind (or,
//!    with no heading, from each stretch opening with the table's header);
//!    the best read wins.
//! 5. **Stream layout first** ([`stream`]). pdftotext's default mode puts
//!    labels in blocks and numbers one per line, in blocks, interleaved by
//!    column. Its signature (a block of labels naming two or more rows, then
//!    lone numbers) sends the region to the stream reader, which either
//!    reads every cell (cutting the stream into rows by the row totals and
//!    choosing among readings by the column rules) or marks the table
//!    unreadable with one warning and no span, so nothing is judged and
//!    `normalize` keeps the text. Every other region goes on:
//! 6. **Line classification** ([`rows::classify_line`]): blank, noise (a
//!    page footer, a `|---|` row, a heading inside a table) or cells, split
//!    on tabs, else pipes, else runs of spaces.
//! 7. **Cell-per-line detection** ([`rows::assemble_rows`]): when lines
//!    holding one value outnumber lines holding several (at least
//!    [`limits::CELL_PER_LINE_MIN`]), rows are the groups of lines between
//!    blank (or lone `|`) lines, except that a tab or pipe line holding a
//!    whole row (a label, then a number) is a row of its own, and a cell
//!    naming a template row after a group's values opens the next row (its
//!    separator lost); otherwise
//!    each line is a row. Either way a
//!    row is label cells, then value cells from the first value-looking
//!    cell. A label-less row remembers the label-only lines wrapped around
//!    it (pdftotext `-layout`/`-raw`).
//! 8. **Label scoring** ([`tables`]): a row's normalised label is scored
//!    against every template row's keys (a key inside the label scores
//!    twice its length; a label that is a long enough piece of a key scores
//!    its own length); the best row wins, preferring unfilled rows and rows
//!    after the cursor. A match only on a short generic key (`其他` inside
//!    `2.其他法律行政止公开`) is weak: the row's place may overrule it.
//! 9. **Template-order fallback**: a row whose label is lost takes the next
//!    free row after the cursor (requests table only: its rows are alike);
//!    a row whose label is unknown takes the free row between the known
//!    rows around it, and warns with the label as printed. After the rows,
//!    the 2019 single (六)其他处理 row is read as (六)3 with (六)1 and (六)2
//!    as 0, with one warning.
//! 10. **Digit runs** ([`digits`]): a row whose value cells are fewer than
//!     its width and all digits (`21710000218`) is split by the template's
//!     constraints (a requests row's total is the sum of its six values; each
//!     appeals group's total is the sum of its four; no leading zeros); where
//!     one row alone splits several ways the column rules choose across
//!     rows; a cell still undecided is invalid, its text listing its
//!     candidates (`3或31`), and the row's warning lists every split.
//! 11. **Fitting** (`tables::fit_values`): too many or too few values are
//!     placed left to right and warned about (`LayoutIssue`); a lost cell
//!     reads as blank.
//!
//! Every threshold these stages use is in [`limits`], with its reason.
//! Work is bounded on hostile input: lines are scanned once per stage,
//! digit-run splitting and stream readings are capped, lookahead is capped.

pub mod digits;
pub(crate) mod facts;
pub(crate) mod inline;
pub(crate) mod limits;
pub(crate) mod rows;
pub(crate) mod sections;
pub(crate) mod stream;
pub(crate) mod tables;

use crate::model::{Lines, Origin, Report, Section, Table};
use crate::template::{SectionKind, TableId};
use sections::Heading;

pub use crate::decode::is_line_end;

/// Byte length of the line end starting at `i` in `b`, if one does
/// (CRLF is one line end of two bytes).
fn line_end_at(b: &[u8], i: usize) -> Option<usize> {
    match b[i] {
        b'\n' => Some(1),
        b'\r' => Some(if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 }),
        // U+0085 is C2 85 in UTF-8.
        0xC2 if b.get(i + 1) == Some(&0x85) => Some(2),
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => Some(3),
        _ => None,
    }
}

/// Split text into lines at every [`is_line_end`] (CRLF once).
pub fn split_lines(text: &str) -> Lines {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let b = text.as_bytes();
    // One buffer for all lines, sized up front: no allocation per line, and
    // no doubling of a 50-million-entry index (LF and CR bound the count
    // but for the rare Unicode line ends).
    let ends = if text.len() >= limits::PRESIZE_LINES_BYTES {
        // Vectorised counts (a byte-by-byte filter costs a few
        // instructions a byte).
        memchr::memchr_iter(b'\n', b).count() + memchr::memchr_iter(b'\r', b).count()
    } else {
        // A guess that is rarely short (report lines average well over 16
        // bytes): the index grows once or not at all, at 4 bytes a line.
        text.len() / 16
    };
    let mut lines = Lines::with_capacity(ends + 1, text.len());
    // The Unicode line ends are rare: without them (a byte test first, then
    // the characters), LF and CR are found by the standard library's fast
    // searches.
    // Substring searches: a `char` search looks for the last byte (85, A8,
    // A9), which CJK text is full of.
    // One search for their lead bytes, C2 (U+0085 is C2 85) and E2 (U+2028
    // and U+2029 are E2 80 A8/A9), both rare in Chinese text but for the
    // quotes and dashes (E2 80 9C, E2 80 94), which a look at the next
    // bytes rules out.
    let rare = memchr::memchr2_iter(0xC2, 0xE2, b).any(|i| line_end_at(b, i).is_some());
    if !rare {
        if text.is_empty() {
            return lines;
        }
        // A last line end ends the last line; it does not open another (a
        // last lone CR is stripped below with the CR of a CRLF).
        let body = text.strip_suffix('\n').unwrap_or(text);
        let bb = body.as_bytes();
        // One search for both LF and CR; CRLF is one end. The ends are
        // ASCII, so every cut falls on a character boundary.
        let mut start = 0;
        for i in memchr::memchr2_iter(b'\n', b'\r', bb) {
            if i < start {
                continue; // the LF of a CRLF
            }
            lines.push(&body[start..i]);
            start = if bb[i] == b'\r' && bb.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
        }
        // A last CR (lone, or the CR of a last CRLF) ends the last line; it
        // does not open another.
        if !body.ends_with('\r') {
            lines.push(&body[start..]);
        }
        return lines;
    }
    split_every_end(text, lines)
}

/// The general split: every line end of [`is_line_end`], byte by byte.
fn split_every_end(text: &str, mut lines: Lines) -> Lines {
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match line_end_at(b, i) {
            Some(len) => {
                // Line ends are ASCII or whole UTF-8 sequences: `start..i`
                // falls on character boundaries.
                lines.push(&text[start..i]);
                i += len;
                start = i;
            }
            None => i += 1,
        }
    }
    if start < b.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// Parse a decoded report.
pub fn parse(text: &str, encoding: &str) -> Report {
    parse_document(text, encoding, Vec::new())
}

/// Parse the text made from a Word, web or PDF document; `origins` says
/// where each text line came from (`paragraph 12`, `table 2 row 5`), and
/// follows the lines when crawler text is split.
pub fn parse_document(text: &str, encoding: &str, origins: Vec<Origin>) -> Report {
    let lines = split_lines(text);
    let (lines, origins, headings) = match inline::split(&lines) {
        // Lines split out of one source line: say which, since findings
        // name the split line (the document's origin of that line, or
        // "第 N 行" of a text file).
        inline::Split::Changed(split, from) => {
            let headings = sections::find_headings(&split);
            let origins = from
                .iter()
                .map(|&i| match origins.get(i) {
                    Some(o) => *o,
                    None if origins.is_empty() => Origin::SourceLine {
                        n: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    },
                    None => Origin::Unknown,
                })
                .collect();
            (split, origins, headings)
        }
        inline::Split::Unchanged(headings) => (lines, origins, headings),
    };
    let sections = build_sections(&lines, &headings);

    let mut tables: [Option<Table>; 3] = [None, None, None];
    for id in TableId::ALL {
        tables[id as usize] = read_table(id, &lines, &headings);
    }
    let mut report = Report {
        lines,
        encoding: encoding.to_string(),
        sections,
        tables,
        claims: Vec::new(),
        old_format: Default::default(),
        origins,
    };
    facts::refresh(&mut report);
    report
}

fn build_sections(lines: &Lines, headings: &[Heading]) -> Vec<Section> {
    let mut sections = Vec::new();
    let n = lines.len();
    let first_heading = headings.first().map_or(n + 1, |h| h.line);
    if first_heading > 1 && n > 0 {
        let heading = lines
            .iter()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .to_string();
        sections.push(Section {
            kind: SectionKind::Title,
            heading,
            line: 1,
            first_line: 1,
            last_line: first_heading - 1,
        });
    }
    for (i, h) in headings.iter().enumerate() {
        let last = headings.get(i + 1).map_or(n, |next| next.line - 1);
        sections.push(Section {
            kind: h.kind,
            heading: h.text.clone(),
            line: h.line,
            first_line: h.line,
            last_line: last,
        });
    }
    sections
}

/// The candidate regions for a table: each section of its kind, or the
/// whole text when no heading names it.
fn regions(id: TableId, lines: &Lines, headings: &[Heading]) -> Vec<(usize, usize)> {
    let kind = id.section();
    let mut out: Vec<(usize, usize)> = headings
        .iter()
        .enumerate()
        .filter(|(_, h)| h.kind == kind)
        .map(|(i, h)| {
            let last = headings.get(i + 1).map_or(lines.len(), |n| n.line - 1);
            (h.line + 1, last)
        })
        .filter(|(a, b)| a <= b)
        .collect();
    if out.is_empty() {
        // No heading names the table: each stretch between headings that
        // holds a line opening the table (its header) is a candidate, from
        // that line on; the best read wins.
        for (i, l) in lines.iter().enumerate() {
            let first = i + 1;
            // A sentence naming the table (`…政府信息公开行政复议和行政诉讼情况…组成。`)
            // opens none.
            if !is_anchor(id, l)
                || is_prose(l)
                || out.last().is_some_and(|&(_, last)| first <= last)
            {
                continue;
            }
            let last = headings
                .iter()
                .find(|h| h.line > first)
                .map_or(lines.len(), |h| h.line - 1);
            out.push((first, last));
        }
    }
    out
}

/// A line that opens a table when its section heading is missing.
fn is_anchor(id: TableId, line: &str) -> bool {
    let n = crate::template::normalize_label(line);
    match id {
        // Any group's title: the first groups' rows may be lost (and the
        // normalized file then writes the table from the first group found).
        TableId::Active => n.starts_with("第二十条第") || n.starts_with("信息内容本年制发"),
        TableId::Requests => n.contains("勾稽关系") || n.contains("本年新收"),
        TableId::Appeals => {
            n.contains("行政复议")
                && (n.contains("诉讼") || n.contains("维持") || n.contains("纠正"))
        }
    }
}

fn read_table(id: TableId, lines: &Lines, headings: &[Heading]) -> Option<Table> {
    let mut best: Option<(usize, Table)> = None;
    for (first, last) in regions(id, lines, headings) {
        let mut table = match stream::read(id, lines, first, last) {
            // pdftotext's default mode: the numbers as one stream.
            Some(t) => t,
            None => {
                let rows = rows::assemble_rows(lines, first, last, id == TableId::Active);
                match id {
                    TableId::Appeals => tables::fill_appeals(&rows, lines),
                    _ => tables::fill_labelled(id, &rows),
                }
            }
        };
        let score = match id {
            TableId::Appeals => table.rows[0]
                .cells
                .iter()
                .filter(|c| c.line.is_some())
                .count(),
            _ => table.rows_found(),
        };
        if score == 0 {
            continue;
        }
        // Extend the span back over the header lines that open the table.
        // Blank lines and lone `|` lines between header lines (one cell
        // per line, web copy) are skipped. (A table read without a span —
        // see parse::stream — has none to extend.)
        let mut start = table.first_line;
        let mut probe = start;
        while start > 0 && probe > first {
            let above = &lines[probe - 2];
            if above.trim().chars().all(|c| c == '|' || c.is_whitespace()) {
                probe -= 1;
            } else if tables::is_table_header(above) {
                probe -= 1;
                start = probe;
            } else {
                break;
            }
        }
        table.first_line = start;
        table.prose_lines = (table.first_line.max(1)..=table.last_line)
            .filter(|&n| is_prose(&lines[n - 1]))
            .collect();
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, table));
        }
    }
    best.map(|(_, t)| t)
}

/// A sentence standing inside a table's span (a note such as
/// `注：行政复议、行政诉讼数量含上年度结转数量。`): kept as narrative.
fn is_prose(line: &str) -> bool {
    let t = crate::cell::trim_ws(line);
    !t.contains('\t')
        && !t.contains('|')
        && !t.starts_with('#')
        && t.chars().count() >= limits::PROSE_MIN_CHARS
        && (t.ends_with('。') || t.starts_with("注"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path (LF and CR only) splits exactly like the general one.
    #[test]
    fn fast_split_is_the_general_split() {
        let alphabet = ["a", "\n", "\r", "中"];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            let mut next = Vec::new();
            for t in &texts {
                for a in alphabet {
                    next.push(format!("{t}{a}"));
                }
            }
            texts.extend(next);
            texts.dedup();
        }
        for t in texts {
            let slow = split_every_end(&t, Lines::new());
            assert_eq!(split_lines(&t), slow, "{t:?}");
        }
        let nel = "a\u{85}b\u{2028}c\u{2029}d\r\ne";
        assert_eq!(
            split_lines(nel).iter().collect::<Vec<_>>(),
            ["a", "b", "c", "d", "e"]
        );
    }
}
