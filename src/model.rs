//! The report model: source lines, sections, and the three standard tables as
//! fixed grids of cells in template order. No I/O, no terminal code.

use crate::cell::{CellValue, parse_value};
use crate::template::{CellKind, SectionKind, TableId};
use compact_str::CompactString;

/// One cell of a standard table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: CellValue,
    /// The text as found in the file (trimmed), or as the reviewer typed it;
    /// inline (no allocation) up to 24 bytes, as every value cell is.
    pub raw: CompactString,
    /// 1-based source line the cell came from, when it came from the file.
    pub line: Option<usize>,
}

impl Cell {
    pub fn missing() -> Self {
        Cell {
            value: CellValue::Missing,
            raw: CompactString::const_new(""),
            line: None,
        }
    }

    pub fn from_raw(raw: &str, kind: CellKind, line: Option<usize>) -> Self {
        let raw = CompactString::from(raw.trim());
        Cell {
            value: parse_value(&raw, kind),
            raw,
            line,
        }
    }

    /// The cell as an integer for the rules: blank reads as 0; invalid,
    /// missing and amounts give `None`.
    pub fn count(&self) -> Option<i64> {
        self.value.count()
    }
}

/// A row whose number of value cells did not match the template.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutIssue {
    pub found: usize,
    pub expected: usize,
    /// Values found beyond the template's width (kept so nothing is lost).
    pub extra: Vec<String>,
    /// What the reader did about a layout it recognised (the older
    /// single-row (六), a label read by its place, digits it could not split
    /// for certain): the finding says this instead of the counts.
    pub note: Option<Box<LayoutNote>>,
}

/// What the reader did about a row layout it recognised, as data: the
/// finding renders it through the language catalogue
/// (the rules' `Message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayoutNote {
    /// The 2019 trial layout's single (六)其他处理 row, read as (六)3 其他
    /// with (六)1 and (六)2 as 0.
    OlderSix,
    /// A row read by its place under a label the template does not have
    /// (the label as printed, cut short).
    Renamed { printed: String },
    /// Run-together digits that split more than one way: the run as
    /// printed and every split (`3|31`).
    AmbiguousRun { run: String, splits: Vec<String> },
    /// Numbers in column blocks (pdftotext's default mode) that match the
    /// rows in no single way: `found` values where `expected` were due.
    Unreadable { found: usize, expected: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Whether the row was found in the file at all.
    pub found: bool,
    /// 1-based line of the row's label (or first value) in the file.
    pub line: Option<usize>,
    pub layout: Option<LayoutIssue>,
}

impl Row {
    pub fn empty(width: usize) -> Self {
        Row {
            // Built in place (no clone of a first cell).
            cells: (0..width).map(|_| Cell::missing()).collect(),
            found: false,
            line: None,
            layout: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: TableId,
    pub rows: Vec<Row>,
    /// 1-based inclusive range of source lines the table occupies.
    pub first_line: usize,
    pub last_line: usize,
    /// Prose lines that stand inside the table's span (a note under a
    /// table, say): they stay narrative and are written after the table.
    pub prose_lines: Vec<usize>,
}

impl Table {
    pub fn new(id: TableId) -> Self {
        let rows = id.spec().rows.iter().map(|r| Row::empty(r.width)).collect();
        Table {
            id,
            rows,
            first_line: 0,
            last_line: 0,
            prose_lines: Vec::new(),
        }
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.cells.get(col))
    }

    pub fn count(&self, row: usize, col: usize) -> Option<i64> {
        self.cell(row, col).and_then(Cell::count)
    }

    pub fn rows_found(&self) -> usize {
        self.rows.iter().filter(|r| r.found).count()
    }
}

/// The source lines of a report, stored compactly: their text in one buffer
/// and where each line starts (4 bytes a line, where a `String` each would
/// take 24 and an allocation: a 50 MB file of blank lines is 50 million
/// lines). Indexing gives `&str`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lines {
    text: String,
    /// `starts[i]..starts[i + 1]` is line `i` in `text`; one more entry than
    /// lines. Offsets fit in `u32`: reports are at most 50 MB (decoded
    /// documents 100 MB).
    starts: Vec<u32>,
}

impl Lines {
    pub fn new() -> Self {
        Lines {
            text: String::new(),
            starts: vec![0],
        }
    }

    /// Room for `lines` lines of `bytes` bytes in all.
    pub fn with_capacity(lines: usize, bytes: usize) -> Self {
        let mut starts = Vec::with_capacity(lines + 1);
        starts.push(0);
        Lines {
            text: String::with_capacity(bytes),
            starts,
        }
    }

    /// Add a line (without its terminator).
    pub fn push(&mut self, line: &str) {
        self.text.push_str(line);
        // Past 4 GiB (never: see `starts`) lines would read as empty, not
        // panic.
        self.starts
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Line `i` (0-based).
    pub fn get(&self, i: usize) -> Option<&str> {
        let a = *self.starts.get(i)? as usize;
        let b = *self.starts.get(i + 1)? as usize;
        self.text.get(a..b)
    }

    /// All the lines' text, run together (no line ends): one buffer for a
    /// search over every line at once; [`Lines::line_of`] maps a match back.
    pub fn joined(&self) -> &str {
        &self.text
    }

    /// The line (0-based) holding byte `offset` of [`Lines::joined`], and
    /// that line's byte range there. An offset at a boundary belongs to the
    /// line starting there.
    pub fn line_of(&self, offset: usize) -> Option<(usize, std::ops::Range<usize>)> {
        let off = u32::try_from(offset).ok()?;
        // The last start <= offset (skipping empty lines starting there too).
        let i = self.starts.partition_point(|&s| s <= off).checked_sub(1)?;
        let a = *self.starts.get(i)? as usize;
        let b = *self.starts.get(i + 1)? as usize;
        Some((i, a..b))
    }

    /// The lines (0-based, ascending, each once) holding any of `words`,
    /// found by one vectorised substring search per word over all the text
    /// (a word running from one line into the next does not count).
    pub fn lines_holding(&self, words: &[&str]) -> Vec<usize> {
        let mut out = Vec::new();
        for w in words {
            let finder = memchr::memmem::Finder::new(w.as_bytes());
            let mut from = 0;
            while let Some(p) = finder.find(self.text.as_bytes().get(from..).unwrap_or(&[])) {
                let at = from + p;
                let Some((i, range)) = self.line_of(at) else {
                    break;
                };
                if at + w.len() <= range.end {
                    out.push(i);
                    // The line holds the word: go on at the next line.
                    from = range.end.max(at + 1);
                } else {
                    from = at + 1;
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// [`Lines::lines_holding`] for a fixed set of words, searched for by
    /// one automaton in a single pass over all the text (rather than one
    /// pass per word).
    pub(crate) fn lines_holding_any(&self, words: &Words) -> Vec<usize> {
        let Some(ac) = &*words.automaton else {
            return self.lines_holding(words.words);
        };
        let text = self.text.as_bytes();
        let mut out = Vec::new();
        let mut from = 0;
        while from < text.len() {
            let input = aho_corasick::Input::new(text).span(from..text.len());
            let Some(m) = ac.find(input) else {
                break;
            };
            let Some((i, range)) = self.line_of(m.start()) else {
                break;
            };
            if m.end() <= range.end {
                out.push(i);
                // The line holds a word: go on at the next line.
                from = range.end.max(m.start() + 1);
            } else {
                // Across a line end: a word wholly inside the line starts
                // later, if there is one.
                from = m.start() + 1;
            }
        }
        out
    }

    /// The lines holding words of several sets at once, found by one
    /// automaton in a single pass over all the text: each line (0-based,
    /// ascending, each once) that holds a word of any set, with a bit per
    /// set whose words it holds (bit `k` for `sets.sets[k]`). The same lines
    /// as [`Lines::lines_holding`] for each set on its own.
    pub(crate) fn lines_holding_sets(&self, sets: &WordSets) -> Vec<(usize, u32)> {
        let mut out: Vec<(usize, u32)> = Vec::new();
        let Some((ac, masks)) = &*sets.automaton else {
            for (k, words) in sets.sets.iter().enumerate() {
                for i in self.lines_holding(words) {
                    out.push((i, 1 << k));
                }
            }
            out.sort_unstable();
            out.dedup_by(|b, a| {
                let same = a.0 == b.0;
                if same {
                    a.1 |= b.1;
                }
                same
            });
            return out;
        };
        let full = sets.full();
        let text = self.text.as_bytes();
        let mut from = 0;
        while from < text.len() {
            let input = aho_corasick::Input::new(text).span(from..text.len());
            let Some(mut m) = ac.find(input) else {
                break;
            };
            let Some((i, range)) = self.line_of(m.start()) else {
                break;
            };
            if m.end() > range.end {
                // The longest word there runs into the next line: a word
                // wholly inside the line starts there or later, if any.
                let input = aho_corasick::Input::new(text).span(m.start()..range.end);
                match ac.find(input) {
                    Some(inside) => m = inside,
                    None => {
                        from = range.end.max(m.start() + 1);
                        continue;
                    }
                }
            }
            let bits = masks.get(m.pattern().as_usize()).copied().unwrap_or(0);
            let mask = match out.last_mut() {
                Some((l, mask)) if *l == i => {
                    *mask |= bits;
                    *mask
                }
                _ => {
                    out.push((i, bits));
                    bits
                }
            };
            // Every set found in the line: go on at the next line.
            from = if mask == full {
                range.end.max(m.end())
            } else {
                m.end()
            };
        }
        out
    }

    /// The lines in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator + Clone + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(""))
    }

    /// Replace line `i` (0-based); the previous text, or `None` when there
    /// is no such line. Costs a move of the text after it.
    pub fn replace(&mut self, i: usize, line: &str) -> Option<String> {
        let a = *self.starts.get(i)? as usize;
        let b = *self.starts.get(i + 1)? as usize;
        let old = self.text.get(a..b)?.to_string();
        self.text.replace_range(a..b, line);
        let (grew, shrank) = (
            line.len().saturating_sub(b - a),
            (b - a).saturating_sub(line.len()),
        );
        for s in &mut self.starts[i + 1..] {
            let moved = (*s as usize + grew).saturating_sub(shrank);
            *s = u32::try_from(moved).unwrap_or(u32::MAX);
        }
        Some(old)
    }

    /// Lines `range` (0-based), as many as exist.
    pub fn range(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = &str> + '_ {
        let end = range.end.min(self.len());
        (range.start.min(end)..end).map(|i| self.get(i).unwrap_or(""))
    }
}

impl std::ops::Index<usize> for Lines {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        match self.get(i) {
            Some(l) => l,
            None => panic!("line {i} of {}", self.len()),
        }
    }
}

impl<S: AsRef<str>> FromIterator<S> for Lines {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut lines = Lines::new();
        for l in iter {
            lines.push(l.as_ref());
        }
        lines
    }
}

/// A fixed set of words that [`Lines::lines_holding_any`] looks for; the
/// automaton is built the first time (a `static` per set).
pub(crate) struct Words {
    words: &'static [&'static str],
    automaton: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>>,
}

impl Words {
    /// `build` is `|| Words::automaton(WORDS)` for the same `words`.
    pub(crate) const fn new(
        words: &'static [&'static str],
        build: fn() -> Option<aho_corasick::AhoCorasick>,
    ) -> Self {
        Words {
            words,
            automaton: std::sync::LazyLock::new(build),
        }
    }

    /// The automaton for `words`: leftmost-first, so the match at the
    /// leftmost place comes first whatever word it is.
    pub(crate) fn automaton(words: &[&str]) -> Option<aho_corasick::AhoCorasick> {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(words)
            .ok()
    }
}

/// Several fixed sets of words that [`Lines::lines_holding_sets`] looks
/// for in one pass (at most 32 sets); the automaton is built the first time
/// (a `static` per group).
pub(crate) struct WordSets {
    sets: &'static [&'static [&'static str]],
    automaton: std::sync::LazyLock<Option<(aho_corasick::AhoCorasick, Vec<u32>)>>,
}

impl WordSets {
    /// `build` is `|| WordSets::automaton(SETS)` for the same `sets`.
    pub(crate) const fn new(
        sets: &'static [&'static [&'static str]],
        build: fn() -> Option<(aho_corasick::AhoCorasick, Vec<u32>)>,
    ) -> Self {
        WordSets {
            sets,
            automaton: std::sync::LazyLock::new(build),
        }
    }

    fn full(&self) -> u32 {
        u32::MAX >> (32 - self.sets.len().clamp(1, 32))
    }

    /// One leftmost-longest automaton for the words of all `sets`, and for
    /// each word the sets it stands for: its own, and those of every word
    /// inside it (`事项` holds `项`). A longest match at each place, with
    /// the words inside it, finds every set a line holds as long as no
    /// word's end is another word's start (`情况`/`况X`): checked by a test
    /// for the groups in use.
    pub(crate) fn automaton(sets: &[&[&str]]) -> Option<(aho_corasick::AhoCorasick, Vec<u32>)> {
        let mut words: Vec<&str> = sets.iter().flat_map(|s| s.iter().copied()).collect();
        words.sort_unstable();
        words.dedup();
        let masks = words
            .iter()
            .map(|w| {
                sets.iter().enumerate().fold(0u32, |m, (k, set)| {
                    if set.iter().any(|x| w.contains(x)) {
                        m | 1 << k
                    } else {
                        m
                    }
                })
            })
            .collect();
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&words)
            .ok()?;
        Some((ac, masks))
    }

    /// Does a proper end of one word open another word that is not inside
    /// it? (Then a longest match could hide the other: see
    /// [`WordSets::automaton`].)
    #[cfg(test)]
    pub(crate) fn crossing(sets: &[&[&str]]) -> Option<(String, String)> {
        let words: Vec<&str> = sets.iter().flat_map(|s| s.iter().copied()).collect();
        for a in &words {
            for b in &words {
                if a.contains(b) {
                    continue;
                }
                for (k, _) in a.char_indices().skip(1) {
                    let tail = &a[k..];
                    if b.starts_with(tail) && b.len() > tail.len() {
                        return Some(((*a).to_string(), (*b).to_string()));
                    }
                }
            }
        }
        None
    }
}

/// A section of the report: the title block or one of the six numbered ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    /// The heading as written (without markdown `#`), or the canonical name
    /// for the title block.
    pub heading: String,
    /// 1-based line of the heading (first line for the title block).
    pub line: usize,
    /// 1-based inclusive line range of the whole section.
    pub first_line: usize,
    pub last_line: usize,
}

/// A block of the report in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// A narrative line, kept verbatim (1-based line number).
    Narrative(usize),
    /// One of the standard tables.
    Table(TableId),
}

/// A parsed report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The source lines as decoded (no line terminators).
    pub lines: Lines,
    /// Name of the encoding the file was read as.
    pub encoding: String,
    pub sections: Vec<Section>,
    /// Indexed by `TableId as usize`; `None` when the table was not found.
    pub tables: [Option<Table>; 3],
    /// Figures the narrative states (read with the text; see
    /// `parse::facts`).
    pub claims: Vec<Claim>,
    /// Markers of the 2019 trial format (read with the text).
    pub old_format: OldFormat,
    /// For a Word, web or PDF document: where each text line came from
    /// (paragraph 12, table 2 row 5); for a text file whose lines the
    /// reader split, the source line; empty otherwise.
    pub origins: Vec<Origin>,
}

/// Where a line of the text the parser read came from, as data: shown in
/// the language asked for ([`Origin::write_in`], `Display` in the
/// process's language); JSON's `origin` is the machine contract
/// ([`Origin::machine`]: `paragraph 12`, `table 2 row 5`, `after table 2`,
/// `page 1 line 17`, `第 3 行`), whatever the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A Word or web paragraph (1-based); `part` > 1 for the lines after a
    /// line break inside it.
    Paragraph { n: u32, part: u32 },
    /// A row of a document's table (both 1-based).
    TableRow { table: u32, row: u32 },
    /// The blank line after a document's table.
    AfterTable { table: u32 },
    /// A line of a PDF page (both 1-based).
    PageLine { page: u32, line: u32 },
    /// A line of a text file the reader split in several.
    SourceLine { n: u32 },
    /// Not known (a document line past the origins given).
    Unknown,
}

impl Origin {
    /// The origin in `lang`.
    pub fn write_in(
        self,
        lang: crate::i18n::Lang,
        w: &mut dyn std::fmt::Write,
    ) -> std::fmt::Result {
        use crate::i18n::{Key, fill_into};
        use std::fmt::Display;
        let (key, args): (Key, [(&str, u32); 2]) = match self {
            Origin::Paragraph { n, part: 0 | 1 } => (Key::OriginParagraph, [("n", n), ("", 0)]),
            Origin::Paragraph { n, part } => (Key::OriginParagraphLine, [("n", n), ("part", part)]),
            Origin::TableRow { table, row } => {
                (Key::OriginTableRow, [("table", table), ("row", row)])
            }
            Origin::AfterTable { table } => (Key::OriginAfterTable, [("table", table), ("", 0)]),
            Origin::PageLine { page, line } => {
                (Key::OriginPageLine, [("page", page), ("line", line)])
            }
            Origin::SourceLine { n } => (Key::OriginSourceLine, [("n", n), ("", 0)]),
            Origin::Unknown => return Ok(()),
        };
        let args: [(&str, &dyn Display); 2] = [(args[0].0, &args[0].1), (args[1].0, &args[1].1)];
        fill_into(w, lang.text(key), &args)
    }

    /// The words JSON writes: a document's origin as the English
    /// catalogue says it, a text file's line as the Chinese one (the
    /// contract as it was first written).
    pub fn machine(self) -> String {
        let lang = match self {
            Origin::SourceLine { .. } => crate::i18n::Lang::Zh,
            _ => crate::i18n::Lang::En,
        };
        let mut s = String::new();
        let _ = self.write_in(lang, &mut s);
        s
    }
}

/// In the process's language.
impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_in(crate::i18n::lang(), f)
    }
}

impl serde::Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.machine())
    }
}

impl Report {
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables[id as usize].as_ref()
    }

    pub fn table_mut(&mut self, id: TableId) -> Option<&mut Table> {
        self.tables[id as usize].as_mut()
    }

    /// Where a 1-based line came from in a Word, web or PDF document (or
    /// the source line of a split line).
    pub fn origin(&self, line: usize) -> Option<Origin> {
        line.checked_sub(1)
            .and_then(|i| self.origins.get(i))
            .copied()
    }

    /// The 1-based source line text.
    pub fn line(&self, n: usize) -> Option<&str> {
        n.checked_sub(1).and_then(|i| self.lines.get(i))
    }

    /// The blocks in reading order: every line not inside a table's span is
    /// narrative; each found table stands where it started.
    /// (An iterator: a report of 50 million blank lines is 50 million
    /// blocks, made one at a time.)
    pub fn blocks(&self) -> impl Iterator<Item = Block> + '_ {
        let mut spans: Vec<(usize, usize, TableId, &[usize])> = self
            .tables
            .iter()
            .flatten()
            .filter(|t| t.first_line > 0)
            .map(|t| (t.first_line, t.last_line, t.id, t.prose_lines.as_slice()))
            .collect();
        spans.sort();
        // Tables found without a source position (never in practice) go last.
        let mut unplaced = self
            .tables
            .iter()
            .flatten()
            .filter(|t| t.first_line == 0)
            .map(|t| t.id);
        let total = self.lines.len();
        let mut n = 1;
        let mut next = 0;
        let mut prose: std::slice::Iter<'_, usize> = [].iter();
        std::iter::from_fn(move || {
            if let Some(&l) = prose.next() {
                return Some(Block::Narrative(l));
            }
            if n > total {
                return unplaced.next().map(Block::Table);
            }
            if let Some(&(first, last, id, p)) = spans.get(next)
                && n >= first
            {
                prose = p.iter();
                n = n.max(last + 1);
                next += 1;
                return Some(Block::Table(id));
            }
            n += 1;
            Some(Block::Narrative(n - 1))
        })
    }

    /// Which section a 1-based line belongs to.
    pub fn section_of_line(&self, line: usize) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.first_line <= line && line <= s.last_line)
    }

    /// Set a cell from text, as the reviewer typed it. Returns the previous
    /// cell, or `None` when the address does not exist.
    pub fn set_cell(&mut self, id: TableId, row: usize, col: usize, raw: &str) -> Option<Cell> {
        let kind = id.spec().rows.get(row)?.kind;
        let table = self.table_mut(id)?;
        let r = table.rows.get_mut(row)?;
        let cell = r.cells.get_mut(col)?;
        let line = cell.line.or(r.line);
        let old = std::mem::replace(cell, Cell::from_raw(raw, kind, line));
        r.found = true;
        Some(old)
    }

    /// Shift a row's values one column left (`-1`) or right (`+1`). The cell
    /// shifted out is returned so the caller can undo; the cell shifted in is
    /// missing. Values keep their source lines.
    pub fn shift_row(&mut self, id: TableId, row: usize, dir: isize) -> Option<Row> {
        let table = self.table_mut(id)?;
        let r = table.rows.get_mut(row)?;
        let before = r.clone();
        if r.cells.is_empty() {
            return Some(before);
        }
        let kind = id.spec().rows.get(row).map_or(CellKind::Count, |r| r.kind);
        let blank = Cell::from_raw("", kind, r.line);
        if dir < 0 {
            r.cells.remove(0);
            r.cells.push(blank);
        } else {
            r.cells.pop();
            r.cells.insert(0, blank);
        }
        r.layout = None;
        Some(before)
    }

    /// Replace the text of 1-based line `n` (the reviewer's edit of a
    /// narrative line). Returns the previous text, or `None` when there is
    /// no such line. The facts read from the text (claims, 2019 markers)
    /// are the parser's: `parse::facts::edit_line` does both.
    pub fn set_line(&mut self, n: usize, text: &str) -> Option<String> {
        self.lines.replace(n.checked_sub(1)?, text)
    }

    /// Replace a whole row (used by undo).
    pub fn replace_row(&mut self, id: TableId, row: usize, value: Row) -> Option<Row> {
        let table = self.table_mut(id)?;
        let r = table.rows.get_mut(row)?;
        Some(std::mem::replace(r, value))
    }
}

/// What a stated figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    /// 本年新收 / 新收 N 件: 一 总计.
    New,
    /// 上年结转 N 件: 二 总计.
    CarriedIn,
    /// 共受理 / 共收到 / 收到…申请 N 件: 一+二 总计, or 一 总计.
    Received,
    /// 自然人 N 件: 自然人 of 一+二 or of 一.
    Natural,
    /// 法人或其他组织 N 件: the five organisation columns of 一+二 or of 一.
    Legal,
    /// 办结 / 办理(完成) N 件: 三(七)总计.
    Done,
    /// 结转下年度 / 结转下一年 / 结转 20XX 年 N 件: 四 总计.
    CarriedOut,
    /// "未收到…申请": 一 总计 is 0.
    NoneReceived,
    /// 行政复议 N 件: the 行政复议 总计.
    Reconsideration,
    /// 行政诉讼 N 件: both 诉讼 totals.
    Litigation,
    /// 行政许可 N 件: table 1 行政许可.
    License,
    /// 行政处罚 N 件: table 1 行政处罚.
    Penalty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// 1-based line of the narrative.
    pub line: usize,
    pub value: i64,
    /// The words that state it (`共受理政府信息公开申请 749 件`).
    pub excerpt: String,
}

/// Tell-tales of the 2019 trial format found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OldFormat {
    /// The markers found, as the 2019 template words them, in order of
    /// first appearance.
    pub markers: Vec<&'static str>,
    /// 1-based line of the first marker.
    pub first_line: Option<usize>,
}
