//! The 2019 trial format's tell-tales (本年新制作数量, 政府集中采购…), found
//! once when the report is read: the text does not change while a table is
//! edited.

use crate::model::{Lines, OldFormat};
use crate::template::normalize_label;

/// Tell-tales of the 2019 trial format.
const OLD_MARKERS: &[(&str, &str)] = &[
    ("本年新制作数量", "本年新制作数量"),
    ("本年新公开数量", "本年新公开数量"),
    ("对外公开总数量", "对外公开总数量"),
    ("其他对外管理服务事项", "其他对外管理服务事项"),
    ("第二十条第九项", "第二十条第（九）项"),
    ("政府集中采购", "政府集中采购"),
];

/// Every marker holds one of these words; most lines hold none.
pub(crate) const SIGNS: &[&str] = &["数量", "对外", "第二十条", "采购"];

/// The 2019-format markers in the text and the line of the first: found
/// once when the report is read (the text does not change while editing).
/// One search over all the text finds the few lines worth a closer look.
/// `signed`: the lines holding one of [`SIGNS`], ascending (see
/// [`super::refresh`]).
pub(crate) fn old_format_markers(lines: &Lines, signed: impl Iterator<Item = usize>) -> OldFormat {
    let mut found: Vec<&'static str> = Vec::new();
    let mut first_line = None;
    for i in signed {
        let line = lines.get(i).unwrap_or("");
        if line.len() > 400 {
            continue; // a narrative paragraph, not a table line
        }
        let n = normalize_label(line);
        for &(key, shown) in OLD_MARKERS {
            if n.contains(key) && !found.contains(&shown) {
                found.push(shown);
                first_line.get_or_insert(i + 1);
            }
        }
    }
    OldFormat {
        markers: found,
        first_line,
    }
}
