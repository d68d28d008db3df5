//! Facts read from the text beside the tables: the figures the narrative
//! states ([`claims`]) and the marks of the 2019 trial format
//! ([`old_format`]). The parser fills them in; the rules only read them.

pub(crate) mod claims;
pub(crate) mod old_format;

use crate::model::{Report, WordSets};

/// Read (or, after the text was edited, re-read) the facts of a report
/// whose lines and tables are in place.
pub(crate) fn refresh(report: &mut Report) {
    // The lines worth a closer look for either, found in one pass.
    let marked = report.lines.lines_holding_sets(&SIGNS);
    let lines_with = |bit: u32| {
        marked
            .iter()
            .filter(move |&&(_, m)| m & bit != 0)
            .map(|&(i, _)| i)
    };
    report.old_format = old_format::old_format_markers(&report.lines, lines_with(1));
    report.claims = claims::extract(report, &lines_with(2).collect::<Vec<_>>());
}

/// The old format's signs (bit 0) and the claims' (bit 1).
pub(crate) const SIGN_SETS: &[&[&str]] = &[old_format::SIGNS, claims::CLAIM_SIGNS];
static SIGNS: WordSets = WordSets::new(SIGN_SETS, || WordSets::automaton(SIGN_SETS));

/// The reviewer's edit of 1-based line `n`: the new text, and the facts
/// read again. The previous text, or `None` when there is no such line.
pub(crate) fn edit_line(report: &mut Report, n: usize, text: &str) -> Option<String> {
    let old = report.set_line(n, text)?;
    refresh(report);
    Some(old)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lines;

    /// Every text file in `dir` (not recursive) as lines.
    fn texts(dir: &str) -> Vec<Lines> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .map(|t| crate::parse::split_lines(&t))
            .collect()
    }

    /// The one-pass search finds, for each set, the lines the search per
    /// word does, on the samples, the seeds and the real reports.
    #[test]
    fn one_pass_finds_what_each_set_finds() {
        let groups: [(&[&[&str]], &WordSets); 1] = [(SIGN_SETS, &SIGNS)];
        let mut all = texts(concat!(env!("CARGO_MANIFEST_DIR"), "/sample-reports"));
        all.extend(texts("/work/shared/seeds"));
        all.extend(texts("/work/shared/real-reports"));
        // Words running over line ends and words inside words.
        all.push(Lines::from_iter([
            "数",
            "量对外事",
            "项未收",
            "到、情况",
            "况第二十条件",
        ]));
        assert!(all.len() > 20, "{} texts", all.len());
        let mut seen = [0usize; 2];
        for (sets, words) in groups {
            assert_eq!(WordSets::crossing(sets), None);
            for lines in &all {
                let found = lines.lines_holding_sets(words);
                for (k, set) in sets.iter().enumerate() {
                    let one: Vec<usize> = found
                        .iter()
                        .filter(|(_, m)| m & (1 << k) != 0)
                        .map(|&(i, _)| i)
                        .collect();
                    assert_eq!(one, lines.lines_holding(set), "set {set:?}");
                    seen[k] += one.len();
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }
}
