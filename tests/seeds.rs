//! Every cell of the five seed reports, and the findings each sample
//! declares in `sample-reports/expected.json`.

mod common;
#[allow(unused_imports)]
use common::report::*;

use std::collections::BTreeSet;

use nianbao::cell::CellValue;
use nianbao::rules::{self, Finding, Rule, Severity};
use nianbao::{Report, TableId};

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
                Rule::from_id(f["rule"].as_str().unwrap()).unwrap(),
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
    f.rule == rules::Rule::CellBlank
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
            !f.iter().any(|f| f.rule == rules::Rule::Balance
                || f.rule == rules::Rule::OutcomeTotal
                || f.rule == rules::Rule::RowTotal),
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
            .any(|f| f.rule == rules::Rule::GroupTotal)
    );
}
