//! Whole-report rules: the six sections present and not empty, and the old
//! 2019 trial format.

use super::{Finding, Message, Rule};
use crate::model::Report;
use crate::template::SectionKind;

/// `section.missing` (error) and `section.empty` (warning).
pub(crate) fn check_sections(report: &Report, out: &mut Vec<Finding>) {
    for kind in SectionKind::NUMBERED {
        let found: Vec<_> = report.sections.iter().filter(|s| s.kind == kind).collect();
        if found.is_empty() {
            out.push(Finding::general(
                Rule::SectionMissing,
                Message::SectionMissing { section: kind },
            ));
            continue;
        }
        if matches!(kind, SectionKind::Problems | SectionKind::Other) {
            let says_something = found.iter().any(|s| {
                (s.line + 1..=s.last_line)
                    .filter_map(|n| report.line(n))
                    .any(|l| !l.trim().is_empty())
            });
            if !says_something {
                let mut f =
                    Finding::general(Rule::SectionEmpty, Message::SectionEmpty { section: kind });
                f.line = Some(found[0].line);
                out.push(f);
            }
        }
    }
}

/// `format.old-template` (warning): which markers were found, and where.
pub(crate) fn check_old_format(report: &Report, out: &mut Vec<Finding>) {
    let (found, first_line) = (&report.old_format.markers, report.old_format.first_line);
    // 政府集中采购 alone may be prose; a real old-format table shows more.
    let strong = found.iter().any(|m| *m != "政府集中采购");
    if strong {
        let mut f = Finding::general(
            Rule::OldTemplate,
            Message::OldTemplate {
                markers: found.clone(),
            },
        );
        f.line = first_line;
        out.push(f);
    }
}
