//! The screens' words, read from the language catalogue ([`crate::i18n`]):
//! thin helpers that fill a message's placeholders, so view code says
//! `s::saved(path)` and the words themselves live only in `src/i18n`. Key
//! help and hint words are catalogue keys in `keymap`, beside the keys they
//! describe. The report's own words (labels, section names, findings) come
//! from the domain. What is left here as a literal is a glyph, not a word.

use crate::i18n::{self, Key, Lang};
use crate::rules::Rule;
use crate::tr;

/// A message of the catalogue in the process's language.
pub fn t(key: Key) -> &'static str {
    i18n::text(key)
}

/// The rule's short name in the interface's language.
pub fn rule_name(rule: Rule) -> &'static str {
    match i18n::lang() {
        Lang::Zh => rule.name_zh(),
        Lang::En => rule.name_en(),
    }
}

pub fn themes_line(names: &[&str]) -> String {
    tr!(Key::TuiThemes, names = names.join(t(Key::ListSeparator)))
}

/// The help title's mark that more rows follow below.
pub const HELP_MORE: &str = "▼ ";

pub fn errors_warnings(e: usize, w: usize) -> String {
    let errors = tr!(
        if e == 1 {
            Key::CountErrorsOne
        } else {
            Key::CountErrorsMany
        },
        n = e
    );
    let warnings = tr!(
        if w == 1 {
            Key::CountWarningsOne
        } else {
            Key::CountWarningsMany
        },
        n = w
    );
    tr!(Key::TuiErrorsWarnings, errors = errors, warnings = warnings)
}

pub fn saved(path: &str) -> String {
    tr!(Key::TuiSaved, path = path)
}

pub fn save_failed(path: &str, err: &str) -> String {
    tr!(Key::TuiSaveFailed, path = path, error = err)
}

pub fn undone(what: &str) -> String {
    tr!(Key::TuiUndone, what = what)
}

pub fn redone(what: &str) -> String {
    tr!(Key::TuiRedone, what = what)
}

/// After `<`/`>`: which way, and the value that fell off the edge if any.
pub fn shifted(left: bool, dropped: &str) -> String {
    let shifted = t(if left {
        Key::TuiShiftedLeft
    } else {
        Key::TuiShiftedRight
    });
    if dropped.is_empty() {
        shifted.to_string()
    } else {
        tr!(Key::TuiShiftDropped, shifted = shifted, dropped = dropped)
    }
}

/// The undo history's name of a shift of row `row`.
pub fn what_shift(left: bool, row: &str) -> String {
    let key = if left {
        Key::TuiWhatShiftLeft
    } else {
        Key::TuiWhatShiftRight
    };
    tr!(key, row = row)
}

pub fn what_fix(what: &str) -> String {
    tr!(Key::TuiWhatFix, what = what)
}

pub fn invalid_number(raw: &str) -> String {
    tr!(Key::TuiInvalidNumber, raw = raw)
}

pub fn restore_text(changes: usize) -> String {
    let key = if changes == 1 {
        Key::TuiRestoreTextOne
    } else {
        Key::TuiRestoreText
    };
    tr!(key, n = changes)
}

pub fn restored(n: usize) -> String {
    let key = if n == 1 {
        Key::TuiRestoredOne
    } else {
        Key::TuiRestored
    };
    tr!(key, n = n)
}

pub fn stale_journal(changes: usize, aside: &str) -> String {
    let key = if changes == 1 {
        Key::TuiStaleJournalOne
    } else {
        Key::TuiStaleJournal
    };
    tr!(key, n = changes, aside = aside)
}

pub fn journal_failed(err: &str) -> String {
    tr!(Key::TuiJournalFailed, error = err)
}

pub fn fixed(what: &str) -> String {
    tr!(Key::TuiFixed, what = what)
}

pub fn ambiguous_fix(n: usize) -> String {
    tr!(Key::TuiAmbiguousFix, n = n)
}

/// Grid header marks: columns hidden to the left / right.
pub const HIDDEN_LEFT: &str = "‹";
pub const HIDDEN_RIGHT: &str = "›";

/// `n`: which finding of how many, e.g. `3/7 ✗ 勾稽关系`.
pub fn walk_position(k: usize, n: usize, error: bool, name: &str) -> String {
    let mark = if error { "✗" } else { "!" };
    format!("{k}/{n} {mark} {name}")
}

/// The candidate fixes of a finding with several, as the detail line lists
/// them: `：一、本年新收 / 商业企业 → 4；… / 总计 → 25`.
pub fn candidate_list(choices: &[String]) -> String {
    tr!(
        Key::TuiCandidateList,
        list = choices.join(t(Key::TuiCandidateSep))
    )
}

/// A finding with several possible single-cell fixes.
pub fn candidates(n: usize) -> String {
    tr!(Key::TuiCandidates, n = n)
}

/// What the marks on screen mean: (glyph, catalogue key).
pub const LEGEND: &[(&str, Key)] = &[
    ("_", Key::TuiLegendBlank),
    ("?", Key::TuiLegendMissing),
    ("→", Key::TuiLegendTab),
    ("◀", Key::TuiLegendSource),
    ("✗", Key::TuiLegendError),
    ("!", Key::TuiLegendWarning),
    ("‹ ›", Key::TuiLegendHidden),
    ("[+]", Key::TuiLegendDirty),
    (SAVED_MARK, Key::TuiLegendSaved),
];

/// The text line editor.
pub fn line_edited(n: usize) -> String {
    tr!(Key::TuiLineEdited, n = n)
}

/// Search.
pub fn search_position(k: usize, n: usize, query: &str) -> String {
    tr!(Key::TuiSearchPosition, k = k, n = n, query = query)
}
pub fn search_none(query: &str) -> String {
    tr!(Key::TuiSearchNone, query = query)
}

pub fn pasted(n: usize) -> String {
    tr!(Key::TuiPasted, n = n)
}

/// The status line's check of a requests row: its six applicant columns
/// added up, beside its 总计.
pub fn row_sum(sum: i64, total: Option<i64>) -> String {
    match total {
        Some(total) => tr!(Key::TuiRowSumTotal, sum = sum, total = total),
        None => tr!(Key::TuiRowSum, sum = sum),
    }
}

/// One writer per file: a second screen on a file another screen holds.
pub fn read_only(holder: Option<&crate::lock::Holder>) -> String {
    match holder {
        Some(h) => tr!(
            Key::TuiReadOnlyBy,
            pid = h.pid,
            host = &h.host,
            since = h.since_utc()
        ),
        None => t(Key::TuiReadOnly).to_string(),
    }
}

/// Saved work is the starting point: the prompt's words.
pub fn saved_copy_text(copy: &str) -> String {
    tr!(Key::TuiSavedCopyText, copy = copy)
}

pub fn continued_from(copy: &str) -> String {
    tr!(Key::TuiContinuedFrom, copy = copy)
}

/// The folder list: a report with a saved copy is marked, then the copy's
/// errors/warnings.
pub const SAVED_MARK: &str = "◆";

pub fn list_saved(counts: &str) -> String {
    format!("{SAVED_MARK}{counts}")
}
