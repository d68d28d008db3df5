//! Engine tests against the sample reports: every cell of the seeds, the
//! findings declared in `sample-reports/expected.json`, the layouts and
//! encodings of the variants, the real reports' quoted numbers, the
//! normalize round trip on every sample, the rules on hand-made broken
//! variants, and the reviewer's edits (`set_cell`, `shift_row`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use nianbao::cell::CellValue;
use nianbao::rules::{self, Finding, Severity};
use nianbao::{Block, Report, TableId, normalize, parse};

// ---------------------------------------------------------------- helpers

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-reports")
}

fn sample_path(name: &str) -> PathBuf {
    samples_dir().join(name)
}

fn load(name: &str) -> Report {
    nianbao::load(&sample_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The text of a UTF-8 sample.
fn text(name: &str) -> String {
    std::fs::read_to_string(sample_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every sample report file (`*.txt`, not a normalized output).
fn all_samples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(samples_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && !n.contains(".normalized."))
        .collect();
    names.sort();
    assert!(names.len() >= 29, "sample reports missing: {names:?}");
    names
}

type Grid = Vec<Vec<CellValue>>;

fn grid(report: &Report, id: TableId) -> Grid {
    report
        .table(id)
        .unwrap_or_else(|| panic!("table {} not found", id.id()))
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.value.clone()).collect())
        .collect()
}

fn int_rows(rows: &[&[i64]]) -> Grid {
    rows.iter()
        .map(|r| r.iter().map(|&v| CellValue::Int(v)).collect())
        .collect()
}

/// The active table: 规章, 行政规范性文件 (3 values each), 行政许可, 行政处罚,
/// 行政强制 (one count each), 行政事业性收费 (an amount).
fn active(g1: [[i64; 3]; 2], permit: i64, punish: i64, force: i64, fee: f64) -> Grid {
    let mut g = int_rows(&[&g1[0], &g1[1], &[permit], &[punish], &[force]]);
    g.push(vec![CellValue::Amount(fee)]);
    g
}

const ZERO_REQUESTS: [[i64; 7]; 25] = [[0; 7]; 25];

fn requests(rows: &[[i64; 7]; 25]) -> Grid {
    rows.iter()
        .map(|r| r.iter().map(|&v| CellValue::Int(v)).collect())
        .collect()
}

fn appeals(v: [i64; 15]) -> Grid {
    vec![v.iter().map(|&v| CellValue::Int(v)).collect()]
}

/// Compare two grids row by row, naming the first differing row.
#[track_caller]
fn assert_grid(name: &str, id: TableId, got: &Grid, want: &Grid) {
    assert_eq!(got.len(), want.len(), "{name} {}: number of rows", id.id());
    for (r, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "{name} {} row {r}", id.id());
    }
}

/// The numbers of variant-nonzero-clean.txt, as its README table lists them.
fn clean_requests() -> [[i64; 7]; 25] {
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

fn clean_active() -> Grid {
    active([[0, 0, 0], [3, 1, 12]], 124, 75, 2, 1.25)
}

const CLEAN_APPEALS: [i64; 15] = [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1];

/// A finding as (rule, table, row, column).
type Addr = (String, String, Option<usize>, Option<usize>);

fn addr(f: &Finding) -> Addr {
    (
        f.rule.to_string(),
        f.table.map_or("-", |t| t.id()).to_string(),
        f.row,
        f.column,
    )
}

/// A finding as (rule, table, row, column, expected, actual).
type Full = (
    &'static str,
    Option<TableId>,
    Option<usize>,
    Option<usize>,
    Option<i64>,
    Option<i64>,
);

fn full(f: &Finding) -> Full {
    (f.rule, f.table, f.row, f.column, f.expected, f.actual)
}

fn fulls(findings: &[Finding]) -> Vec<Full> {
    let mut v: Vec<Full> = findings.iter().map(full).collect();
    v.sort();
    v
}

fn sorted(mut v: Vec<Full>) -> Vec<Full> {
    v.sort();
    v
}

fn check_text(text: &str) -> Vec<Finding> {
    table_rules(&parse::parse(text, "UTF-8"))
}

/// The table rules only (arithmetic, cells, layout, missing tables): the
/// rule tests below break one number of a report whose narrative states the
/// clean figures, so `narrative.mismatch` would join every one of them; it
/// has its own tests.
fn table_rules(r: &Report) -> Vec<Finding> {
    rules::check(r)
        .into_iter()
        .filter(|f| {
            !matches!(
                f.rule,
                "narrative.mismatch" | "section.missing" | "section.empty" | "format.old-template"
            )
        })
        .collect()
}

/// Replace one whole line of `text`, which must occur exactly once.
#[track_caller]
fn replace_line(text: &str, old: &str, new: &str) -> String {
    let hits = text.split('\n').filter(|l| *l == old).count();
    assert_eq!(hits, 1, "line {old:?} occurs {hits} times");
    text.split('\n')
        .map(|l| if l == old { new } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Replace line `n` (1-based) of `text`, checking its old content.
#[track_caller]
fn set_line(text: &str, n: usize, old: &str, new: &str) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines[n - 1], old, "line {n}");
    lines[n - 1] = new;
    lines.join("\n")
}

// ------------------------------------------------------------------ seeds

struct SeedLines {
    active: [usize; 6],
    requests: [usize; 25],
    appeals: usize,
}

fn range25(first: usize) -> [usize; 25] {
    std::array::from_fn(|i| first + i)
}

/// Every cell of a seed, plus the source line of every row (all-zero rows
/// could otherwise be read from the wrong line unnoticed).
fn check_seed(name: &str, active_want: Grid, lines: SeedLines) {
    let r = load(name);
    assert_eq!(r.encoding, "UTF-8", "{name}");
    assert_grid(
        name,
        TableId::Active,
        &grid(&r, TableId::Active),
        &active_want,
    );
    assert_grid(
        name,
        TableId::Requests,
        &grid(&r, TableId::Requests),
        &requests(&ZERO_REQUESTS),
    );
    assert_grid(
        name,
        TableId::Appeals,
        &grid(&r, TableId::Appeals),
        &appeals([0; 15]),
    );
    for (id, want) in [
        (TableId::Active, lines.active.to_vec()),
        (TableId::Requests, lines.requests.to_vec()),
        (TableId::Appeals, vec![lines.appeals]),
    ] {
        let t = r.table(id).unwrap();
        let got: Vec<Option<usize>> = t.rows.iter().map(|row| row.line).collect();
        let want: Vec<Option<usize>> = want.into_iter().map(Some).collect();
        assert_eq!(got, want, "{name} {} row lines", id.id());
        for (i, row) in t.rows.iter().enumerate() {
            assert!(row.found, "{name} {} row {i} not found", id.id());
            assert_eq!(row.layout, None, "{name} {} row {i} layout", id.id());
        }
    }
    assert!(table_rules(&r).is_empty(), "{name}: {:#?}", table_rules(&r));
}

#[test]
fn seed_000_every_cell() {
    check_seed(
        "seed-000.txt",
        active([[0, 0, 0], [0, 0, 0]], 124, 75, 0, 0.0),
        SeedLines {
            active: [21, 22, 25, 28, 30, 33],
            requests: range25(40),
            appeals: 71,
        },
    );
}

#[test]
fn seed_001_every_cell() {
    check_seed(
        "seed-001.txt",
        active([[0, 0, 0], [0, 0, 0]], 0, 0, 0, 0.0),
        SeedLines {
            active: [33, 34, 37, 40, 41, 44],
            requests: range25(51),
            appeals: 82,
        },
    );
}

#[test]
fn seed_002_every_cell() {
    // One cell per line: a row starts at its first cell line (an empty
    // label-spread cell `\t` for most outcome rows).
    check_seed(
        "seed-002.txt",
        active([[0, 0, 0], [0, 0, 0]], 0, 0, 0, 0.0),
        SeedLines {
            active: [23, 28, 38, 46, 49, 57],
            requests: [
                82, 91, 100, 110, 120, 131, 142, 153, 164, 175, 186, 197, 208, 219, 230, 241, 252,
                263, 274, 285, 296, 307, 318, 329, 339,
            ],
            appeals: 378,
        },
    );
    // Each appeals value on its own line 378..=392, the last written ` 0`.
    let r = load("seed-002.txt");
    let cells = &r.table(TableId::Appeals).unwrap().rows[0].cells;
    let lines: Vec<Option<usize>> = cells.iter().map(|c| c.line).collect();
    assert_eq!(lines, (378..=392).map(Some).collect::<Vec<_>>());
    assert_eq!(cells[14].value, CellValue::Int(0));
}

#[test]
fn seed_003_every_cell() {
    check_seed(
        "seed-003.txt",
        active([[0, 0, 0], [0, 0, 0]], 0, 0, 0, 0.0),
        SeedLines {
            active: [23, 24, 27, 30, 31, 34],
            requests: range25(41),
            appeals: 72,
        },
    );
}

#[test]
fn seed_004_every_cell() {
    check_seed(
        "seed-004.txt",
        active([[0, 0, 0], [0, 0, 0]], 106, 0, 0, 0.0),
        SeedLines {
            active: [33, 34, 37, 40, 41, 44],
            requests: range25(51),
            appeals: 82,
        },
    );
}

// ------------------------------------------------------- expected.json

fn expected_json() -> serde_json::Map<String, serde_json::Value> {
    let s = text("expected.json");
    serde_json::from_str::<serde_json::Value>(&s)
        .unwrap()
        .as_object()
        .unwrap()
        .clone()
}

fn json_addrs(v: &serde_json::Value) -> BTreeSet<Addr> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let idx = |k: &str| f[k].as_u64().map(|n| n as usize);
            (
                f["rule"].as_str().unwrap().to_string(),
                f["table"].as_str().unwrap().to_string(),
                idx("row"),
                idx("column"),
            )
        })
        .collect()
}

/// A `cell.blank` warning the checker adds for a cell padded into a short
/// row (the library's design: a lost cell reads as blank and is warned).
fn is_padded_blank(r: &Report, f: &Finding) -> bool {
    let (Some(tid), Some(row), Some(col)) = (f.table, f.row, f.column) else {
        return false;
    };
    f.rule == rules::id::CELL_BLANK
        && r.table(tid)
            .and_then(|t| t.rows.get(row))
            .and_then(|row| row.layout.as_ref())
            .is_some_and(|l| l.found < l.expected && col >= l.found)
}

#[test]
fn expected_json_covers_every_sample() {
    let exp = expected_json();
    let names: BTreeSet<String> = exp.keys().cloned().collect();
    let files: BTreeSet<String> = all_samples().into_iter().collect();
    assert_eq!(names, files);
}

#[test]
fn expected_findings_for_every_sample() {
    let mut failures = Vec::new();
    for (name, exp) in expected_json() {
        let r = load(&name);
        let findings = rules::check(&r);
        let errors: BTreeSet<Addr> = findings.iter().filter(|f| f.is_error()).map(addr).collect();
        let warnings: BTreeSet<Addr> = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(addr)
            .collect();
        let want_e = json_addrs(&exp["errors"]);
        let want_w = json_addrs(&exp["warnings"]);
        let uncertain = exp["uncertain"].as_bool().unwrap_or(false);
        if uncertain {
            if !want_e.is_subset(&errors) {
                failures.push(format!(
                    "{name}: missing errors {:?}",
                    want_e.difference(&errors).collect::<Vec<_>>()
                ));
            }
        } else if want_e != errors {
            failures.push(format!(
                "{name}: errors differ\n  expected {want_e:?}\n  got      {errors:?}"
            ));
        }
        if !want_w.is_subset(&warnings) {
            failures.push(format!(
                "{name}: missing warnings {:?}",
                want_w.difference(&warnings).collect::<Vec<_>>()
            ));
        }
        if !uncertain {
            // Beyond the declared warnings, only the padded-cell blanks.
            let extra: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .filter(|f| !want_w.contains(&addr(f)))
                .filter(|f| !is_padded_blank(&r, f))
                .collect();
            if !extra.is_empty() {
                failures.push(format!("{name}: unexpected warnings {extra:#?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn truncated_excerpts_do_not_judge_absent_rows() {
    // real-04 stops at (三)7 and real-05 after 二: the rows after are absent,
    // not zero, so balance and outcome-total must not be reported.
    for name in [
        "real-04-longgang-2024-excerpt.txt",
        "real-05-hanyang-2022-excerpt.txt",
    ] {
        let r = load(name);
        let f = table_rules(&r);
        assert!(
            !f.iter().any(|f| f.rule == rules::id::BALANCE
                || f.rule == rules::id::OUTCOME_TOTAL
                || f.rule == rules::id::ROW_TOTAL),
            "{name}: {f:#?}"
        );
        let t = r.table(TableId::Requests).unwrap();
        assert!(!t.rows[24].found, "{name}: row 四 cannot be in the excerpt");
        assert!(
            t.rows[24]
                .cells
                .iter()
                .all(|c| c.value == CellValue::Missing)
        );
    }
    // real-04: (三)7 has 6 values, read left to right.
    let r = load("real-04-longgang-2024-excerpt.txt");
    let t = r.table(TableId::Requests).unwrap();
    assert_eq!(t.rows[10].layout.as_ref().map(|l| l.found), Some(6));
    // real-06: the appeals table is 15 zeros (rule D holds).
    let r = load("real-06-wendeng-2020-page.txt");
    assert_grid(
        "real-06",
        TableId::Appeals,
        &grid(&r, TableId::Appeals),
        &appeals([0; 15]),
    );
    assert!(
        !table_rules(&r)
            .iter()
            .any(|f| f.rule == rules::id::GROUP_TOTAL)
    );
}

// ------------------------------------------------------------ layouts

#[test]
fn nonzero_clean_every_cell() {
    let r = load("variant-nonzero-clean.txt");
    assert_grid(
        "clean",
        TableId::Active,
        &grid(&r, TableId::Active),
        &clean_active(),
    );
    assert_grid(
        "clean",
        TableId::Requests,
        &grid(&r, TableId::Requests),
        &requests(&clean_requests()),
    );
    assert_grid(
        "clean",
        TableId::Appeals,
        &grid(&r, TableId::Appeals),
        &appeals(CLEAN_APPEALS),
    );
    assert!(table_rules(&r).is_empty());
}

#[test]
fn every_layout_reads_the_clean_numbers() {
    let clean = load("variant-nonzero-clean.txt");
    for name in [
        "variant-pipe-table.txt",
        "variant-crlf-bom.txt",
        "variant-gbk.txt",
        "variant-utf16.txt",
        "variant-one-cell-per-line.txt",
        "variant-blank-line-in-table.txt",
        "variant-markdown-headings.txt",
    ] {
        let r = load(name);
        for id in TableId::ALL {
            assert_grid(name, id, &grid(&r, id), &grid(&clean, id));
        }
        let f = table_rules(&r);
        assert!(f.is_empty(), "{name}: {f:#?}");
    }
}

#[test]
fn fullwidth_digits_and_thousands_separator() {
    let r = load("variant-fullwidth-digits.txt");
    let f = table_rules(&r);
    assert!(f.is_empty(), "{f:#?}");
    let t = r.table(TableId::Requests).unwrap();
    // `１,２３４`: full-width digits with a thousands separator.
    assert_eq!(t.rows[0].cells[0].raw, "１,２３４");
    assert_eq!(t.rows[0].cells[0].value, CellValue::Int(1234));
    assert_eq!(t.count(0, 6), Some(1239));
    assert_eq!(t.count(2, 0), Some(1223));
    assert_eq!(t.count(2, 6), Some(1225));
    assert_eq!(t.count(23, 0), Some(1234));
    assert_eq!(t.count(23, 6), Some(1239));
}

#[test]
fn encodings_reported() {
    for (name, enc) in [
        ("variant-nonzero-clean.txt", "UTF-8"),
        ("variant-crlf-bom.txt", "UTF-8 (BOM)"),
        ("variant-gbk.txt", "gb18030"),
        ("variant-utf16.txt", "UTF-16LE"),
    ] {
        assert_eq!(load(name).encoding, enc, "{name}");
    }
    // The decoded text is the same in every encoding (line endings and BOM
    // aside), so the narrative survives too.
    let clean = load("variant-nonzero-clean.txt");
    for name in [
        "variant-crlf-bom.txt",
        "variant-gbk.txt",
        "variant-utf16.txt",
    ] {
        assert_eq!(load(name).lines, clean.lines, "{name}");
    }
}

// ------------------------------------------------------- real reports

#[test]
fn real_01_shuyang_numbers() {
    let r = load("real-01-shuyang-2025.txt");
    let f = table_rules(&r);
    let arithmetic: Vec<&Finding> = f.iter().filter(|f| f.is_error()).collect();
    assert!(arithmetic.is_empty(), "{arithmetic:#?}");
    // SOURCES: 713 new, 36 carried in, 718 (七) total, 31 carried over.
    let t = r.table(TableId::Requests).unwrap();
    assert_eq!(t.count(0, 6), Some(713));
    assert_eq!(t.count(1, 6), Some(36));
    assert_eq!(t.count(23, 6), Some(718));
    assert_eq!(t.count(24, 6), Some(31));
    // Every requests row as the file's pipe tables show it; the dummy
    // applicant-header tables of `-` cells are not data.
    let mut want = ZERO_REQUESTS;
    want[0] = [705, 3, 0, 0, 5, 0, 713];
    want[1] = [36, 0, 0, 0, 0, 0, 36];
    want[2] = [290, 1, 0, 0, 3, 0, 294];
    want[3] = [99, 0, 0, 0, 2, 0, 101];
    want[6] = [2, 0, 0, 0, 0, 0, 2];
    want[7] = [2, 0, 0, 0, 0, 0, 2];
    want[8] = [13, 0, 0, 0, 0, 0, 13];
    want[9] = [2, 0, 0, 0, 0, 0, 2];
    want[10] = [4, 0, 0, 0, 0, 0, 4];
    want[11] = [9, 0, 0, 0, 0, 0, 9];
    want[12] = [111, 0, 0, 0, 0, 0, 111];
    want[13] = [2, 0, 0, 0, 0, 0, 2];
    want[15] = [12, 0, 0, 0, 0, 0, 12];
    want[16] = [6, 1, 0, 0, 0, 0, 7];
    want[20] = [9, 0, 0, 0, 0, 0, 9];
    want[21] = [7, 0, 0, 0, 0, 0, 7];
    want[22] = [142, 1, 0, 0, 0, 0, 143];
    want[23] = [710, 3, 0, 0, 5, 0, 718];
    want[24] = [31, 0, 0, 0, 0, 0, 31];
    assert_grid(
        "real-01",
        TableId::Requests,
        &grid(&r, TableId::Requests),
        &requests(&want),
    );
    assert_grid(
        "real-01",
        TableId::Appeals,
        &grid(&r, TableId::Appeals),
        &appeals([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]),
    );
    assert_grid(
        "real-01",
        TableId::Active,
        &grid(&r, TableId::Active),
        &active([[0, 0, 0], [6, 1, 32]], 517645, 693957, 2154, 4068.208),
    );
}

#[test]
fn real_02_stcsm_errors() {
    let r = load("real-02-shanghai-stcsm-2024.txt");
    let f = table_rules(&r);
    let errors: BTreeSet<Addr> = f.iter().filter(|f| f.is_error()).map(addr).collect();
    let want: BTreeSet<Addr> = [
        ("requests.row-total", "requests", Some(24), Some(6)),
        ("requests.balance", "requests", None, Some(6)),
    ]
    .into_iter()
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c, d))
    .collect();
    assert_eq!(errors, want);
    assert!(f.iter().any(|f| addr(f)
        == (
            "cell.blank".to_string(),
            "requests".to_string(),
            Some(24),
            Some(6)
        )));
    let t = r.table(TableId::Requests).unwrap();
    assert_eq!(t.rows[24].cells[6].value, CellValue::Blank);
    assert_eq!(t.count(23, 6), Some(35));
}

#[test]
fn real_03_govoffice() {
    let r = load("real-03-shanghai-govoffice-2025.txt");
    let f = table_rules(&r);
    let errors: Vec<&Finding> = f.iter().filter(|f| f.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        grid(&r, TableId::Requests)[0],
        int_rows(&[&[1259, 36, 0, 0, 0, 0, 1295]])[0]
    );
    assert_eq!(
        grid(&r, TableId::Requests)[23],
        int_rows(&[&[1139, 48, 0, 0, 4, 0, 1191]])[0]
    );
    assert_eq!(
        grid(&r, TableId::Appeals),
        appeals([40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22])
    );
}

// ------------------------------------------------ normalize round trip

fn is_arithmetic(f: &Finding) -> bool {
    f.rule.starts_with("requests.") || f.rule.starts_with("appeals.")
}

/// Samples whose requests table ends before its last template row: see
/// `normalize_is_idempotent_when_trailing_rows_are_missing`.
const TRUNCATED: [&str; 2] = [
    "real-04-longgang-2024-excerpt.txt",
    "real-05-hanyang-2022-excerpt.txt",
];

/// The first difference between two normalized outputs, if any.
fn idempotence_problem(out: &str) -> Option<String> {
    let again = normalize::normalize(&parse::parse(out, "UTF-8"));
    if again == out {
        return None;
    }
    let first = out
        .lines()
        .zip(again.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(out.lines().count().min(again.lines().count()));
    Some(format!(
        "not idempotent: first difference at output line {}: {:?} vs {:?}",
        first + 1,
        out.lines().nth(first),
        again.lines().nth(first)
    ))
}

fn roundtrip_problems(name: &str, idempotence: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let r = load(name);
    let out = normalize::normalize(&r);
    let r2 = parse::parse(&out, "UTF-8");

    for id in TableId::ALL {
        match (r.table(id), r2.table(id)) {
            (None, None) => {}
            (Some(_), None) => problems.push(format!("{} lost", id.id())),
            (None, Some(_)) => problems.push(format!("{} appeared", id.id())),
            (Some(a), Some(b)) => {
                for (i, (ra, rb)) in a.rows.iter().zip(&b.rows).enumerate() {
                    if !ra.found {
                        continue;
                    }
                    let va: Vec<&CellValue> = ra.cells.iter().map(|c| &c.value).collect();
                    let vb: Vec<&CellValue> = rb.cells.iter().map(|c| &c.value).collect();
                    if va != vb || !rb.found {
                        problems.push(format!(
                            "{} row {i}: {va:?} became {vb:?} (found {})",
                            id.id(),
                            rb.found
                        ));
                    }
                }
            }
        }
    }

    // Table spans never overlap (an overlap makes normalize drop the lines
    // between them).
    let mut spans: Vec<(usize, usize, &str)> = r
        .tables
        .iter()
        .flatten()
        .map(|t| (t.first_line, t.last_line, t.id.id()))
        .collect();
    spans.sort();
    for w in spans.windows(2) {
        if w[0].1 >= w[1].0 {
            problems.push(format!("table spans overlap: {w:?}"));
        }
    }

    let f1 = rules::check(&r);
    let f2 = rules::check(&r2);
    let a1 = fulls(
        &f1.iter()
            .filter(|f| is_arithmetic(f))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let a2 = fulls(
        &f2.iter()
            .filter(|f| is_arithmetic(f))
            .cloned()
            .collect::<Vec<_>>(),
    );
    if a1 != a2 {
        problems.push(format!("arithmetic findings {a1:?} became {a2:?}"));
    }
    for f in f2.iter().filter(|f| f.rule.starts_with("table.")) {
        let tid = f.table.unwrap();
        let ok = match f.rule {
            rules::id::TABLE_MISSING => r.table(tid).is_none(),
            // A row the original never had cannot be found in the output
            // either; a row with the wrong number of values keeps its
            // layout (the extra values after it, a short row short), so
            // the output warns about it exactly as the original did.
            rules::id::TABLE_LAYOUT => f.row.is_some_and(|row| {
                r.table(tid).is_some_and(|t| !t.rows[row].found)
                    && r2.table(tid).is_some_and(|t| !t.rows[row].found)
                    || f1.iter().any(|o| {
                        o.rule == f.rule
                            && o.table == f.table
                            && o.row == f.row
                            && o.message == f.message
                    })
            }),
            _ => false,
        };
        if !ok {
            problems.push(format!("output has {f:?}"));
        }
    }

    if idempotence {
        problems.extend(idempotence_problem(&out));
    }

    // Every narrative line, trailing space trimmed, in order.
    let out_lines: Vec<&str> = out.split('\n').collect();
    // Section headings in particular.
    for sec in r
        .sections
        .iter()
        .filter(|s| s.kind != nianbao::SectionKind::Title)
    {
        let heading = r.line(sec.line).unwrap().trim_end();
        if !out_lines.contains(&heading) {
            problems.push(format!("heading {heading:?} (line {}) dropped", sec.line));
        }
    }
    let mut pos = 0;
    for b in r.blocks() {
        if let Block::Narrative(n) = b {
            let want = r.line(n).unwrap().trim_end();
            match out_lines[pos..].iter().position(|l| *l == want) {
                Some(k) => pos += k + 1,
                None => {
                    problems.push(format!(
                        "narrative line {n} {want:?} missing or out of order"
                    ));
                    break;
                }
            }
        }
    }

    assert!(out.is_empty() || out.ends_with('\n'));
    assert!(!out.contains('\r'));
    problems
        .into_iter()
        .map(|p| format!("{name}: {p}"))
        .collect()
}

#[test]
fn normalize_round_trip_every_sample() {
    let problems: Vec<String> = all_samples()
        .iter()
        .flat_map(|n| roundtrip_problems(n, !TRUNCATED.contains(&n.as_str())))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn normalize_is_idempotent_when_trailing_rows_are_missing() {
    let mut problems: Vec<String> = TRUNCATED
        .iter()
        .filter_map(|n| {
            idempotence_problem(&normalize::normalize(&load(n))).map(|p| format!("{n}: {p}"))
        })
        .collect();
    // Minimal: the clean report without its (七) and 四 rows.
    let text = replace_line(&clean_text(), "(七) 总计\t\t20\t4\t0\t1\t0\t0\t25\t", "");
    let text = replace_line(&text, ROW_CARRIED_OUT, "");
    let out = normalize::normalize(&parse::parse(&text, "UTF-8"));
    problems.extend(idempotence_problem(&out).map(|p| format!("clean minus (七)/四: {p}")));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn normalized_clean_report_is_tab_canonical() {
    let out = normalize::normalize(&load("variant-nonzero-clean.txt"));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.contains(&"一、本年新收政府信息公开申请数量\t\t\t20\t4\t0\t1\t0\t0\t25"));
    assert!(lines.contains(&"\t\t3. 其他\t1\t0\t0\t0\t0\t0\t1"));
    assert!(lines.contains(&"行政事业性收费\t1.25\t\t"));
    assert!(lines.contains(&"2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t0\t0\t1\t0\t1"));
    // Every requests line has the same number of fields (3 labels + 7).
    let r = parse::parse(&out, "UTF-8");
    let t = r.table(TableId::Requests).unwrap();
    for n in t.first_line..=t.last_line {
        assert_eq!(r.line(n).unwrap().split('\t').count(), 10, "line {n}");
    }
    // The blank cells of variant-blank-cells are written `-`.
    let out = normalize::normalize(&load("variant-blank-cells.txt"));
    assert!(
        out.contains("\t\t2. 重复申请\t1\t0\t0\t0\t0\t0\t-\n"),
        "{out}"
    );
}

#[test]
fn unrecognised_appeals_heading_in_tab_layout() {
    // Section 四 written without 情况 is not taken for a heading; in the tab
    // layout the appeals table is still found by its rows.
    let text = replace_line(
        &clean_text(),
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、政府信息公开行政复议、行政诉讼",
    );
    let r = parse::parse(&text, "UTF-8");
    assert_grid(
        "clean, 四 heading unknown",
        TableId::Appeals,
        &grid(&r, TableId::Appeals),
        &appeals(CLEAN_APPEALS),
    );
    assert!(table_rules(&r).is_empty());
    let out = normalize::normalize(&r);
    for h in [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼",
    ] {
        assert!(out.lines().any(|l| l == h), "{h} dropped");
    }
}

#[test]
fn unrecognised_appeals_heading_in_cell_per_line_layout() {
    let text = set_line(
        &text("seed-002.txt"),
        349,
        "政府信息公开行政复议、行政诉讼情况",
        "四、政府信息公开行政复议、行政诉讼",
    );
    let r = parse::parse(&text, "UTF-8");
    let out = normalize::normalize(&r);
    let mut problems = Vec::new();
    for h in [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼",
    ] {
        if !out.lines().any(|l| l == h) {
            problems.push(format!("heading {h} dropped by normalize"));
        }
    }
    let cells = &r.table(TableId::Appeals).unwrap().rows[0].cells;
    let lines: Vec<Option<usize>> = cells.iter().map(|c| c.line).collect();
    if lines != (378..=392).map(Some).collect::<Vec<_>>() {
        problems.push(format!("appeals read from lines {lines:?}"));
    }
    let f = table_rules(&r);
    if !f.is_empty() {
        problems.push(format!("findings {:?}", fulls(&f)));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn normalize_keeps_invalid_cells_invalid() {
    let text = replace_line(
        &clean_text(),
        ROW_NEW,
        "一、本年新收政府信息公开申请数量\t\t20|\t4\t0\t1\t0\t0\t25\t",
    );
    let r = parse::parse(&text, "UTF-8");
    assert_eq!(
        fulls(&table_rules(&r)),
        vec![("cell.invalid", REQ, Some(0), Some(0), None, None)]
    );
    let r2 = parse::parse(&normalize::normalize(&r), "UTF-8");
    assert_eq!(
        r2.table(TableId::Requests).unwrap().rows[0].cells[0].value,
        CellValue::Invalid
    );
    assert_eq!(fulls(&table_rules(&r2)), fulls(&table_rules(&r)));
}

#[test]
fn tab_only_separator_line_in_cell_per_line_layout() {
    let text = set_line(&text("variant-one-cell-per-line.txt"), 377, "", "\t");
    let r = parse::parse(&text, "UTF-8");
    let mut problems = Vec::new();
    if r.table(TableId::Appeals).is_none() {
        problems.push("appeals table not found".to_string());
    }
    let out = normalize::normalize(&r);
    problems.extend(idempotence_problem(&out));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ----------------------------------------------------- rule pass/fail

const ROW_NEW: &str = "一、本年新收政府信息公开申请数量\t\t20\t4\t0\t1\t0\t0\t25\t";
const ROW_CARRIED_OUT: &str = "四、结转下年度继续办理\t\t2\t1\t0\t0\t0\t0\t3\t";
const ROW_THREE_SAFETY: &str = "\t\t3. 危及“三安全一稳定”\t1\t0\t0\t0\t0\t0\t1";
const ROW_DISCLOSED: &str = "三、本年度办理结果\t(一) 予以公开\t9\t1\t0\t1\t0\t0\t11\t";
const ROW_APPEALS: &str = "2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t0\t0\t1\t0\t1";

fn clean_text() -> String {
    text("variant-nonzero-clean.txt")
}

fn broken(old: &str, new: &str) -> Vec<Full> {
    fulls(&check_text(&replace_line(&clean_text(), old, new)))
}

const REQ: Option<TableId> = Some(TableId::Requests);
const APP: Option<TableId> = Some(TableId::Appeals);
const ACT: Option<TableId> = Some(TableId::Active);

#[test]
fn clean_passes_every_rule() {
    assert!(check_text(&clean_text()).is_empty());
}

#[test]
fn row_total_broken() {
    // 一 总计 25 -> 26: 6 columns sum to 25; 一+二 = 29 ≠ 三(七)+四 = 28.
    let got = broken(
        ROW_NEW,
        "一、本年新收政府信息公开申请数量\t\t20\t4\t0\t1\t0\t0\t26\t",
    );
    let want = sorted(vec![
        ("requests.balance", REQ, None, Some(6), Some(29), Some(28)),
        (
            "requests.row-total",
            REQ,
            Some(0),
            Some(6),
            Some(25),
            Some(26),
        ),
    ]);
    assert_eq!(got, want);
}

#[test]
fn balance_broken_alone() {
    // 四 = 3/1/…/4: each row adds up, (七) is the sum of the leaves, but
    // 一+二 ≠ 三(七)+四 in 自然人 (22 vs 23) and 总计 (28 vs 29).
    let got = broken(
        ROW_CARRIED_OUT,
        "四、结转下年度继续办理\t\t3\t1\t0\t0\t0\t0\t4\t",
    );
    let want = sorted(vec![
        ("requests.balance", REQ, None, Some(0), Some(22), Some(23)),
        ("requests.balance", REQ, None, Some(6), Some(28), Some(29)),
    ]);
    assert_eq!(got, want);
}

#[test]
fn outcome_total_broken_alone() {
    // (三)3 = 2/…/2: the row adds up, but the leaves now sum to 21 / 26
    // against (七) 20 / 25.
    let got = broken(
        ROW_THREE_SAFETY,
        "\t\t3. 危及“三安全一稳定”\t2\t0\t0\t0\t0\t0\t2",
    );
    let want = sorted(vec![
        (
            "requests.outcome-total",
            REQ,
            Some(23),
            Some(0),
            Some(21),
            Some(20),
        ),
        (
            "requests.outcome-total",
            REQ,
            Some(23),
            Some(6),
            Some(26),
            Some(25),
        ),
    ]);
    assert_eq!(got, want);
}

#[test]
fn outcome_total_cell_broken() {
    // (七) 自然人 20 -> 21 (the variant-outcome-total-broken change).
    let got = broken(
        "(七) 总计\t\t20\t4\t0\t1\t0\t0\t25\t",
        "(七) 总计\t\t21\t4\t0\t1\t0\t0\t25\t",
    );
    let want = sorted(vec![
        ("requests.balance", REQ, None, Some(0), Some(22), Some(23)),
        (
            "requests.outcome-total",
            REQ,
            Some(23),
            Some(0),
            Some(20),
            Some(21),
        ),
        (
            "requests.row-total",
            REQ,
            Some(23),
            Some(6),
            Some(26),
            Some(25),
        ),
    ]);
    assert_eq!(got, want);
    // The same through the variant file.
    assert_eq!(
        fulls(&table_rules(&load("variant-outcome-total-broken.txt"))),
        want
    );
}

#[test]
fn row_total_broken_in_an_outcome_row() {
    // (一) 予以公开 总计 11 -> 12: the row and the 总计 column's leaves.
    let got = broken(
        ROW_DISCLOSED,
        "三、本年度办理结果\t(一) 予以公开\t9\t1\t0\t1\t0\t0\t12\t",
    );
    let want = sorted(vec![
        (
            "requests.outcome-total",
            REQ,
            Some(23),
            Some(6),
            Some(26),
            Some(25),
        ),
        (
            "requests.row-total",
            REQ,
            Some(2),
            Some(6),
            Some(11),
            Some(12),
        ),
    ]);
    assert_eq!(got, want);
}

#[test]
fn appeals_each_group() {
    // Group 1 行政复议: 2+1+0+1 = 4, 总计 5.
    let got = broken(ROW_APPEALS, "2\t1\t0\t1\t5\t1\t0\t0\t1\t2\t0\t0\t1\t0\t1");
    assert_eq!(
        got,
        vec![(
            "appeals.group-total",
            APP,
            Some(0),
            Some(4),
            Some(4),
            Some(5)
        )]
    );
    // Group 2 未经复议直接起诉: 1+0+0+1 = 2, 总计 3.
    let got = broken(ROW_APPEALS, "2\t1\t0\t1\t4\t1\t0\t0\t1\t3\t0\t0\t1\t0\t1");
    assert_eq!(
        got,
        vec![(
            "appeals.group-total",
            APP,
            Some(0),
            Some(9),
            Some(2),
            Some(3)
        )]
    );
    // Group 3 复议后起诉: 0+0+1+2 = 3, 总计 1.
    let got = broken(ROW_APPEALS, "2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t0\t0\t1\t2\t1");
    assert_eq!(
        got,
        vec![(
            "appeals.group-total",
            APP,
            Some(0),
            Some(14),
            Some(3),
            Some(1)
        )]
    );
    // All three at once.
    let got = broken(ROW_APPEALS, "2\t1\t0\t1\t0\t1\t0\t0\t1\t0\t0\t0\t1\t0\t0");
    assert_eq!(
        got,
        vec![
            (
                "appeals.group-total",
                APP,
                Some(0),
                Some(4),
                Some(4),
                Some(0)
            ),
            (
                "appeals.group-total",
                APP,
                Some(0),
                Some(9),
                Some(2),
                Some(0)
            ),
            (
                "appeals.group-total",
                APP,
                Some(0),
                Some(14),
                Some(1),
                Some(0)
            ),
        ]
    );
}

#[test]
fn invalid_cell_skips_the_rules_that_need_it() {
    // 一 自然人 written `2O`: invalid; balance (col 0) and row-total (row 0)
    // cannot be judged and are skipped, nothing else changes.
    let got = broken(
        ROW_NEW,
        "一、本年新收政府信息公开申请数量\t\t2O\t4\t0\t1\t0\t0\t25\t",
    );
    assert_eq!(
        got,
        vec![("cell.invalid", REQ, Some(0), Some(0), None, None)]
    );
    // An invalid appeals value skips only its group.
    let got = broken(ROW_APPEALS, "2件\t1\t0\t1\t5\t1\t0\t0\t1\t3\t0\t0\t1\t0\t1");
    assert_eq!(
        got,
        sorted(vec![
            (
                "appeals.group-total",
                APP,
                Some(0),
                Some(9),
                Some(2),
                Some(3)
            ),
            ("cell.invalid", APP, Some(0), Some(0), None, None),
        ])
    );
    // A decimal where a count belongs; the fee keeps its decimal.
    let got = broken("行政强制\t2\t\t", "行政强制\t2.5\t\t");
    assert_eq!(
        got,
        vec![("cell.invalid", ACT, Some(4), Some(0), None, None)]
    );
}

#[test]
fn blank_cell_reads_as_zero() {
    // (三)2 is all zeros: a `/` there is a warning only.
    let got = broken(
        "\t\t2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
        "\t\t2. 其他法律行政法规禁止公开\t0\t/\t0\t0\t0\t0\t0",
    );
    assert_eq!(got, vec![("cell.blank", REQ, Some(5), Some(1), None, None)]);
    // A blank 总计 that stands for 25 breaks the row and the balance.
    let got = broken(
        ROW_NEW,
        "一、本年新收政府信息公开申请数量\t\t20\t4\t0\t1\t0\t0\t—\t",
    );
    assert_eq!(
        got,
        sorted(vec![
            ("cell.blank", REQ, Some(0), Some(6), None, None),
            ("requests.balance", REQ, None, Some(6), Some(3), Some(28)),
            (
                "requests.row-total",
                REQ,
                Some(0),
                Some(6),
                Some(25),
                Some(0)
            ),
        ])
    );
}

#[test]
fn missing_table() {
    let got = broken(ROW_APPEALS, "");
    assert_eq!(got, vec![("table.missing", APP, None, None, None, None)]);
}

#[test]
fn findings_name_their_source_line() {
    let text = replace_line(
        &clean_text(),
        ROW_NEW,
        "一、本年新收政府信息公开申请数量\t\t20\t4\t0\t1\t0\t0\t26\t",
    );
    let f = check_text(&text);
    assert!(f.iter().all(|f| f.line == Some(51)), "{f:#?}");
    assert!(f.iter().all(|f| !f.message.is_empty()));
}

// -------------------------------------------------------------- edits

#[test]
fn set_cell_clears_and_creates_findings() {
    let mut r = load("variant-row-total-broken.txt");
    assert_eq!(table_rules(&r).len(), 2);
    let old = r.set_cell(TableId::Requests, 0, 6, "25").unwrap();
    assert_eq!(old.value, CellValue::Int(26));
    assert_eq!(old.line, Some(51));
    assert!(table_rules(&r).is_empty());
    // The new cell keeps the source line and the typed text.
    let c = r.table(TableId::Requests).unwrap().cell(0, 6).unwrap();
    assert_eq!((c.raw.as_str(), c.line), ("25", Some(51)));

    // (一) 予以公开 自然人 9 -> 10.
    r.set_cell(TableId::Requests, 2, 0, "10").unwrap();
    assert_eq!(
        fulls(&table_rules(&r)),
        sorted(vec![
            (
                "requests.outcome-total",
                REQ,
                Some(23),
                Some(0),
                Some(21),
                Some(20)
            ),
            (
                "requests.row-total",
                REQ,
                Some(2),
                Some(6),
                Some(12),
                Some(11)
            ),
        ])
    );
    // Typed text goes through the cell policy.
    r.set_cell(TableId::Requests, 2, 0, "９").unwrap();
    assert!(table_rules(&r).is_empty());
    r.set_cell(TableId::Requests, 5, 3, "abc").unwrap();
    assert_eq!(
        fulls(&table_rules(&r)),
        vec![("cell.invalid", REQ, Some(5), Some(3), None, None)]
    );
    r.set_cell(TableId::Requests, 5, 3, "").unwrap();
    assert_eq!(
        fulls(&table_rules(&r)),
        vec![("cell.blank", REQ, Some(5), Some(3), None, None)]
    );
    r.set_cell(TableId::Requests, 5, 3, "0").unwrap();
    assert!(table_rules(&r).is_empty());
    // The fee is an amount.
    r.set_cell(TableId::Active, 5, 0, "3.75").unwrap();
    assert_eq!(
        r.table(TableId::Active).unwrap().cell(5, 0).unwrap().value,
        CellValue::Amount(3.75)
    );
    // Appeals.
    r.set_cell(TableId::Appeals, 0, 13, "1").unwrap();
    assert_eq!(
        fulls(&table_rules(&r)),
        vec![(
            "appeals.group-total",
            APP,
            Some(0),
            Some(14),
            Some(2),
            Some(1)
        )]
    );
    r.set_cell(TableId::Appeals, 0, 14, "2").unwrap();
    assert!(table_rules(&r).is_empty());
}

#[test]
fn set_cell_rejects_addresses_outside_the_template() {
    let mut r = load("variant-nonzero-clean.txt");
    let before = r.clone();
    assert!(r.set_cell(TableId::Requests, 25, 0, "1").is_none());
    assert!(r.set_cell(TableId::Requests, 0, 7, "1").is_none());
    assert!(r.set_cell(TableId::Active, 2, 1, "1").is_none());
    assert!(r.set_cell(TableId::Active, 6, 0, "1").is_none());
    assert!(r.set_cell(TableId::Appeals, 0, 15, "1").is_none());
    assert!(r.set_cell(TableId::Appeals, 1, 0, "1").is_none());
    assert_eq!(r, before);
    // No table, no cell.
    let mut r = load("variant-missing-appeals.txt");
    assert!(r.set_cell(TableId::Appeals, 0, 0, "1").is_none());
    assert!(r.table(TableId::Appeals).is_none());
}

#[test]
fn set_cell_fills_a_row_not_found() {
    let mut r = load("real-04-longgang-2024-excerpt.txt");
    assert!(!r.table(TableId::Requests).unwrap().rows[24].found);
    r.set_cell(TableId::Requests, 24, 0, "3").unwrap();
    let row = &r.table(TableId::Requests).unwrap().rows[24];
    assert!(row.found);
    assert_eq!(row.cells[0].value, CellValue::Int(3));
    assert_eq!(row.cells[1].value, CellValue::Missing);
}

#[test]
fn shift_row_right_repairs_a_lost_first_cell() {
    let mut r = load("variant-shifted-row.txt");
    let t = r.table(TableId::Requests).unwrap();
    assert_eq!(
        t.rows[2]
            .cells
            .iter()
            .map(|c| c.value.clone())
            .collect::<Vec<_>>(),
        vec![
            CellValue::Int(1),
            CellValue::Int(0),
            CellValue::Int(1),
            CellValue::Int(0),
            CellValue::Int(0),
            CellValue::Int(11),
            CellValue::Blank,
        ]
    );
    let before = r.shift_row(TableId::Requests, 2, 1).unwrap();
    assert!(before.layout.is_some());
    let row = &r.table(TableId::Requests).unwrap().rows[2];
    assert_eq!(row.layout, None);
    assert_eq!(
        row.cells
            .iter()
            .map(|c| c.value.clone())
            .collect::<Vec<_>>(),
        vec![
            CellValue::Blank,
            CellValue::Int(1),
            CellValue::Int(0),
            CellValue::Int(1),
            CellValue::Int(0),
            CellValue::Int(0),
            CellValue::Int(11),
        ]
    );
    // Values keep their source lines.
    assert!(row.cells[1..].iter().all(|c| c.line == Some(53)));
    // Type the lost 9: every rule holds again.
    r.set_cell(TableId::Requests, 2, 0, "9").unwrap();
    let f = table_rules(&r);
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn shift_row_left_and_undo() {
    let mut r = load("variant-nonzero-clean.txt");
    let original = r.table(TableId::Requests).unwrap().rows[0].clone();
    let before = r.shift_row(TableId::Requests, 0, -1).unwrap();
    assert_eq!(before, original);
    let vals: Vec<Option<i64>> = r.table(TableId::Requests).unwrap().rows[0]
        .cells
        .iter()
        .map(|c| c.count())
        .collect();
    assert_eq!(
        vals,
        vec![
            Some(4),
            Some(0),
            Some(1),
            Some(0),
            Some(0),
            Some(25),
            Some(0)
        ]
    );
    assert_eq!(
        r.table(TableId::Requests).unwrap().rows[0].cells[6].value,
        CellValue::Blank
    );
    assert!(!table_rules(&r).is_empty());
    // Right then: the 20 is gone (shifted out), a blank comes in.
    r.shift_row(TableId::Requests, 0, 1).unwrap();
    let vals: Vec<Option<i64>> = r.table(TableId::Requests).unwrap().rows[0]
        .cells
        .iter()
        .map(|c| c.count())
        .collect();
    assert_eq!(
        vals,
        vec![
            Some(0),
            Some(4),
            Some(0),
            Some(1),
            Some(0),
            Some(0),
            Some(25)
        ]
    );
    // Undo restores the row exactly.
    r.replace_row(TableId::Requests, 0, before).unwrap();
    assert_eq!(r.table(TableId::Requests).unwrap().rows[0], original);
    assert!(table_rules(&r).is_empty());

    // Appeals: one row of 15.
    let mut r = load("variant-nonzero-clean.txt");
    r.shift_row(TableId::Appeals, 0, 1).unwrap();
    let vals: Vec<Option<i64>> = r.table(TableId::Appeals).unwrap().rows[0]
        .cells
        .iter()
        .map(|c| c.count())
        .collect();
    let mut want = vec![Some(0)];
    want.extend(CLEAN_APPEALS[..14].iter().map(|&v| Some(v)));
    assert_eq!(vals, want);
    // The width-1 rows of the active table: a shift replaces the value.
    r.shift_row(TableId::Active, 2, 1).unwrap();
    assert_eq!(
        r.table(TableId::Active).unwrap().rows[2].cells,
        vec![nianbao::Cell::from_raw(
            "",
            nianbao::template::CellKind::Count,
            Some(37)
        )]
    );
    // Out of range, or no table.
    assert!(r.shift_row(TableId::Requests, 25, 1).is_none());
    let mut m = load("variant-missing-appeals.txt");
    assert!(m.shift_row(TableId::Appeals, 0, 1).is_none());
}
