//! Helpers for the engine tests: loading samples, tables as grids of
//! values, findings as comparable tuples, and the clean report's rows to
//! break one at a time.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use nianbao::cell::CellValue;
use nianbao::rules::{self, Finding, Rule};
use nianbao::{Report, TableId, parse};

// ---------------------------------------------------------------- helpers

pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-reports")
}

pub fn sample_path(name: &str) -> PathBuf {
    samples_dir().join(name)
}

pub fn load(name: &str) -> Report {
    nianbao::load(&sample_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The text of a UTF-8 sample.
pub fn text(name: &str) -> String {
    std::fs::read_to_string(sample_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every sample report file (`*.txt`, not a normalized output).
pub fn all_samples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(samples_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && !n.contains(".normalized."))
        .collect();
    names.sort();
    assert!(names.len() >= 29, "sample reports missing: {names:?}");
    names
}

pub type Grid = Vec<Vec<CellValue>>;

pub fn grid(report: &Report, id: TableId) -> Grid {
    report
        .table(id)
        .unwrap_or_else(|| panic!("table {} not found", id.id()))
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.value.clone()).collect())
        .collect()
}

pub fn int_rows(rows: &[&[i64]]) -> Grid {
    rows.iter()
        .map(|r| r.iter().map(|&v| CellValue::Int(v)).collect())
        .collect()
}

/// The active table: 规章, 行政规范性文件 (3 values each), 行政许可, 行政处罚,
/// 行政强制 (one count each), 行政事业性收费 (an amount).
pub fn active(g1: [[i64; 3]; 2], permit: i64, punish: i64, force: i64, fee: f64) -> Grid {
    let mut g = int_rows(&[&g1[0], &g1[1], &[permit], &[punish], &[force]]);
    g.push(vec![CellValue::Amount(fee)]);
    g
}

pub const ZERO_REQUESTS: [[i64; 7]; 25] = [[0; 7]; 25];

pub fn requests(rows: &[[i64; 7]; 25]) -> Grid {
    rows.iter()
        .map(|r| r.iter().map(|&v| CellValue::Int(v)).collect())
        .collect()
}

pub fn appeals(v: [i64; 15]) -> Grid {
    vec![v.iter().map(|&v| CellValue::Int(v)).collect()]
}

/// Compare two grids row by row, naming the first differing row.
#[track_caller]
pub fn assert_grid(name: &str, id: TableId, got: &Grid, want: &Grid) {
    assert_eq!(got.len(), want.len(), "{name} {}: number of rows", id.id());
    for (r, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "{name} {} row {r}", id.id());
    }
}

/// The numbers of variant-nonzero-clean.txt, as its README table lists them.
pub fn clean_requests() -> [[i64; 7]; 25] {
    let mut t = ZERO_REQUESTS;
    t[0] = [20, 4, 0, 1, 0, 0, 25];
    t[1] = [2, 1, 0, 0, 0, 0, 3];
    t[2] = [9, 1, 0, 1, 0, 0, 11];
    t[3] = [2, 1, 0, 0, 0, 0, 3];
    t[6] = [1, 0, 0, 0, 0, 0, 1];
    t[7] = [1, 0, 0, 0, 0, 0, 1];
    t[9] = [1, 0, 0, 0, 0, 0, 1];
    t[12] = [3, 1, 0, 0, 0, 0, 4];
    t[15] = [1, 0, 0, 0, 0, 0, 1];
    t[16] = [1, 0, 0, 0, 0, 0, 1];
    t[20] = [0, 1, 0, 0, 0, 0, 1];
    t[22] = [1, 0, 0, 0, 0, 0, 1];
    t[23] = [20, 4, 0, 1, 0, 0, 25];
    t[24] = [2, 1, 0, 0, 0, 0, 3];
    t
}

pub fn clean_active() -> Grid {
    active([[0, 0, 0], [3, 1, 12]], 124, 75, 2, 1.25)
}

pub const CLEAN_APPEALS: [i64; 15] = [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1];

/// A finding as (rule, table, row, column).
pub type Addr = (Rule, String, Option<usize>, Option<usize>);

pub fn addr(f: &Finding) -> Addr {
    (
        f.rule,
        f.table.map_or("-", |t| t.id()).to_string(),
        f.row,
        f.column,
    )
}

/// A finding as (rule, table, row, column, expected, actual).
pub type Full = (
    Rule,
    Option<TableId>,
    Option<usize>,
    Option<usize>,
    Option<i64>,
    Option<i64>,
);

pub fn full(f: &Finding) -> Full {
    (f.rule, f.table, f.row, f.column, f.expected, f.actual)
}

pub fn fulls(findings: &[Finding]) -> Vec<Full> {
    let mut v: Vec<Full> = findings.iter().map(full).collect();
    v.sort();
    v
}

pub fn sorted(mut v: Vec<Full>) -> Vec<Full> {
    v.sort();
    v
}

pub fn check_text(text: &str) -> Vec<Finding> {
    table_rules(&parse::parse(text, "UTF-8"))
}

/// The table rules only (arithmetic, cells, layout, missing tables): the
/// rule tests below break one number of a report whose narrative states the
/// clean figures, so `narrative.mismatch` would join every one of them; it
/// has its own tests.
pub fn table_rules(r: &Report) -> Vec<Finding> {
    rules::check(r)
        .into_iter()
        .filter(|f| {
            !matches!(
                f.rule,
                Rule::NarrativeMismatch
                    | Rule::SectionMissing
                    | Rule::SectionEmpty
                    | Rule::OldTemplate
            )
        })
        .collect()
}

/// Replace one whole line of `text`, which must occur exactly once.
#[track_caller]
pub fn replace_line(text: &str, old: &str, new: &str) -> String {
    let hits = text.split('\n').filter(|l| *l == old).count();
    assert_eq!(hits, 1, "line {old:?} occurs {hits} times");
    text.split('\n')
        .map(|l| if l == old { new } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Replace line `n` (1-based) of `text`, checking its old content.
#[track_caller]
pub fn set_line(text: &str, n: usize, old: &str, new: &str) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines[n - 1], old, "line {n}");
    lines[n - 1] = new;
    lines.join("\n")
}

// ----------------------------------------------------- rule pass/fail

pub const ROW_NEW: &str = "一、本年新收政府信息公开申请数量\t\t20\t4\t0\t1\t0\t0\t25\t";
pub const ROW_CARRIED_OUT: &str = "四、结转下年度继续办理\t\t2\t1\t0\t0\t0\t0\t3\t";
pub const ROW_THREE_SAFETY: &str = "\t\t3. 危及“三安全一稳定”\t1\t0\t0\t0\t0\t0\t1";
pub const ROW_DISCLOSED: &str = "三、本年度办理结果\t(一) 予以公开\t9\t1\t0\t1\t0\t0\t11\t";
pub const ROW_APPEALS: &str = "2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t0\t0\t1\t0\t1";

pub fn clean_text() -> String {
    text("variant-nonzero-clean.txt")
}

pub fn broken(old: &str, new: &str) -> Vec<Full> {
    fulls(&check_text(&replace_line(&clean_text(), old, new)))
}

pub const REQ: Option<TableId> = Some(TableId::Requests);
pub const APP: Option<TableId> = Some(TableId::Appeals);
pub const ACT: Option<TableId> = Some(TableId::Active);
