//! Whole-report rules: the six sections present and not empty, and the old
//! 2019 trial format.

use super::{Finding, Severity, id};
use crate::model::Report;
use crate::template::{SectionKind, normalize_label};

/// `section.missing` (error) and `section.empty` (warning).
pub fn check_sections(report: &Report, out: &mut Vec<Finding>) {
    for kind in SectionKind::NUMBERED {
        let found: Vec<_> = report.sections.iter().filter(|s| s.kind == kind).collect();
        if found.is_empty() {
            out.push(Finding::general(
                id::SECTION_MISSING,
                Severity::Error,
                format!("缺少「{}」部分（未找到其标题）", kind.canonical()),
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
                let mut f = Finding::general(
                    id::SECTION_EMPTY,
                    Severity::Warning,
                    format!("「{}」部分没有内容", kind.canonical()),
                );
                f.line = Some(found[0].line);
                out.push(f);
            }
        }
    }
}

/// Tell-tales of the 2019 trial format.
const OLD_MARKERS: &[(&str, &str)] = &[
    ("本年新制作数量", "本年新制作数量"),
    ("本年新公开数量", "本年新公开数量"),
    ("对外公开总数量", "对外公开总数量"),
    ("其他对外管理服务事项", "其他对外管理服务事项"),
    ("第二十条第九项", "第二十条第（九）项"),
    ("政府集中采购", "政府集中采购"),
];

/// The 2019-format markers in the text and the line of the first: found
/// once when the report is read (the text does not change while editing).
pub fn old_format_markers<'a>(
    lines: impl IntoIterator<Item = &'a str>,
) -> (Vec<&'static str>, Option<usize>) {
    let mut found: Vec<&'static str> = Vec::new();
    let mut first_line = None;
    for (i, line) in lines.into_iter().enumerate() {
        if line.len() > 400 {
            continue; // a narrative paragraph, not a table line
        }
        // Every marker holds one of these words; most lines hold none.
        if !["数量", "对外", "第二十条", "采购"]
            .iter()
            .any(|k| line.contains(k))
        {
            continue;
        }
        let n = normalize_label(line);
        for &(key, shown) in OLD_MARKERS {
            if n.contains(key) && !found.contains(&shown) {
                found.push(shown);
                first_line.get_or_insert(i + 1);
            }
        }
    }
    (found, first_line)
}

/// `format.old-template` (warning): which markers were found, and where.
pub fn check_old_format(report: &Report, out: &mut Vec<Finding>) {
    let (found, first_line) = (&report.old_format.0, report.old_format.1);
    // 政府集中采购 alone may be prose; a real old-format table shows more.
    let strong = found.iter().any(|m| *m != "政府集中采购");
    if strong {
        let mut f = Finding::general(
            id::OLD_TEMPLATE,
            Severity::Warning,
            format!(
                "使用了 2019 年试行格式（{}）；请按 2021 年格式填报",
                found.join("、")
            ),
        );
        f.line = first_line;
        out.push(f);
    }
}
