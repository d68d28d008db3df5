//! Every threshold of the parser, in one place, each with why it is what it
//! is. Lengths in characters unless the name says bytes.

// ---------------------------------------------------------------- lines

/// Texts this large (1 MiB) have their lines counted before they are
/// split, so the line index is allocated once (a 50 MB file of blank lines
/// is 50 million lines); smaller ones grow it as they go.
pub(crate) const PRESIZE_LINES_BYTES: usize = 1 << 20;

// ------------------------------------------------------------- headings

/// Longest heading, in characters. The longest real one,
/// `四、因政府信息公开工作被申请行政复议和提起行政诉讼情况`, is 28; a
/// title-sized margin over it, while a narrative paragraph is longer.
pub(crate) const HEADING_MAX_CHARS: usize = 45;

/// The same bound in bytes (a Chinese character is 3 bytes in UTF-8): a
/// cheap first test before counting characters.
pub(crate) const HEADING_MAX_BYTES: usize = HEADING_MAX_CHARS * 4;

/// An un-numbered heading without markdown `#` (seed 002's `总体情况`) is at
/// most this long once normalised; longer, it is a sentence that happens to
/// name a section.
pub(crate) const BARE_HEADING_MAX_CHARS: usize = 24;

// ------------------------------------------------------------ rows, cells

/// Lines holding a single value needed before a region is read as one cell
/// per line (seed 002): fewer could be a stray page number or two.
pub(crate) const CELL_PER_LINE_MIN: usize = 3;

/// Among one cell per line, a tab or pipe line of values alone (no label)
/// is a row of its own with at least this many: a normalized appeals row
/// (15), a row retyped on one line; fewer are a value and a note or a
/// stray (`0 |99999`).
pub(crate) const ROW_LINE_MIN_VALUES: usize = 3;

/// A label shorter than this many bytes (3 Chinese characters) never counts
/// as a fragment of a template key: `其他`, `总计` would match everywhere.
pub(crate) const FRAGMENT_MIN_BYTES: usize = 9;

/// In one-cell-per-line text, the cells broken over two lines (`商业` /
/// `企业`) are recognised when more than this share of the lines start with
/// a tab (Word's copy of a table): then a line without one continues a cell.
pub(crate) const TAB_PREFIXED_PERCENT: usize = 50;

/// Label-only lines above a label-less row taken as its wrapped label
/// (pdftotext: `行政规范性` / `文件` / `3 1 12`); more would reach the
/// table's header.
pub(crate) const WRAPPED_LABEL_LINES: usize = 2;

/// A key this short (2 characters: `其他`, `总计`)...
pub(crate) const WEAK_KEY_MAX_BYTES: usize = 6;

/// ...inside a label this much longer (4 more characters) is a weak match:
/// `2.其他法律行政止公开` holds `其他` but is no `3. 其他` row; the row's
/// place decides.
pub(crate) const WEAK_KEY_EXTRA_BYTES: usize = 12;

/// Rows looked ahead for the next known label when an unknown label's row
/// is placed between known ones (bounded on hostile input).
pub(crate) const LOOKAHEAD_ROWS: usize = 8;

/// Extra cells of an over-long row kept for the finding's message; an
/// absurd row (10 000 cells) keeps only these.
pub(crate) const MAX_EXTRA: usize = 8;

/// Characters of each extra cell (or misprinted label) kept for a message.
pub(crate) const EXTRA_CELL_CHARS: usize = 40;

/// Label scores remembered per thread before the cache is cleared (labels
/// repeat from report to report; the bound keeps a batch run's memory flat).
pub(crate) const SCORE_CACHE: usize = 4096;

/// A sentence inside a table's span is prose (a note under the table) when
/// at least this long and ending in `。` or starting with `注`.
pub(crate) const PROSE_MIN_CHARS: usize = 8;

// ------------------------------------------------------ in-line splitting

/// Lines shorter than this are never split at in-line row labels: a
/// crawler's one-line body is thousands of characters, a real row line a
/// few dozen, and a short line with two label–number pairs is a sentence.
pub(crate) const INLINE_MIN_CHARS: usize = 60;

/// A long line is split at row labels only when this many of its
/// label–number pairs name template rows of the section's table, in
/// template order: one or two could be a sentence quoting a figure.
pub(crate) const INLINE_MIN_ROWS: usize = 3;

/// Longest piece of a line (in bytes) searched for rows: a whole crawled
/// report is tens of kilobytes; a longer piece is left whole, so per-char
/// work stays bounded on hostile input.
pub(crate) const INLINE_MAX_BYTES: usize = 1 << 20;

/// A run of digits standing alone after an appeals header is the appeals
/// row when it has at least this many digits (one per group's values would
/// be 15; a spaced run counts its digits too).
pub(crate) const APPEALS_RUN_MIN_DIGITS: usize = 15;

// ------------------------------------------------- pdftotext default mode

/// Rows whose numbers pdftotext's default mode may interleave column by
/// column (seen: two, and three for (六)3 / (七) / 四).
pub(crate) const STREAM_MAX_INTERLEAVED: usize = 3;

/// A region is read as a stream only when at least this share of the
/// table's numbers stand alone on their lines.
pub(crate) const STREAM_ALONE_MIN_PERCENT: usize = 50;

/// A number standing alone on its line is at most this long (a count with
/// separators, an amount): longer, the line is something else.
pub(crate) const STREAM_TOKEN_MAX_BYTES: usize = 32;

/// Readings of a requests stream kept before it is declared unreadable (the
/// bundled default-mode sample has 18 before the column rules pick one).
pub(crate) const MAX_STREAM_READINGS: usize = 256;

/// Readings stored over the whole search (each up to 25 rows of 7 indexes):
/// a few megabytes at most, whatever the input.
pub(crate) const MAX_STREAM_STORED: usize = 4096;

/// A requests key counts towards the stream signature only from this many
/// bytes (3 characters): the header's `其他` and `总计` are keys too.
pub(crate) const STREAM_KEY_MIN_BYTES: usize = 9;

// ------------------------------------------------- run-together digits

/// A row's digit cells are split only when the text separated at most this
/// share of the row's values (one cell, or a few runs): a row of six clean
/// values of seven is a shifted row, not a run.
pub(crate) const RUN_MAX_CELLS_PERCENT: usize = 50;

/// Longest value a run is split into, in digits: no count in a report comes
/// near a billion, and the bound makes a 10 000-digit run cost nothing.
pub(crate) const MAX_VALUE_DIGITS: usize = 9;

/// Splits of one row listed before the row is declared undecodable (the
/// finding lists them; more than this is no help to a reviewer).
pub(crate) const MAX_SPLITS: usize = 16;

/// Search steps allowed for one row's splits: a real row needs a few
/// hundred; hostile input stops here.
pub(crate) const SPLIT_STEPS: usize = 200_000;

/// Combinations of ambiguous rows tried against the column rules; beyond
/// it, each row keeps its own candidates (and stays ambiguous).
pub(crate) const MAX_SPLIT_COMBINATIONS: usize = 65_536;
