//! Facts read from the text beside the tables: the figures the narrative
//! states ([`claims`]) and the marks of the 2019 trial format
//! ([`old_format`]). The parser fills them in; the rules only read them.

pub(crate) mod claims;
pub(crate) mod old_format;

use crate::model::Report;

/// Read (or, after the text was edited, re-read) the facts of a report
/// whose lines and tables are in place.
pub(crate) fn refresh(report: &mut Report) {
    report.old_format = old_format::old_format_markers(&report.lines);
    report.claims = claims::extract(report);
}

/// The reviewer's edit of 1-based line `n`: the new text, and the facts
/// read again. The previous text, or `None` when there is no such line.
pub(crate) fn edit_line(report: &mut Report, n: usize, text: &str) -> Option<String> {
    let old = report.set_line(n, text)?;
    refresh(report);
    Some(old)
}
