//! Text layouts people really have (issue 12): Unicode line ends, crawler
//! text on one line with run-together digits, pdftotext's three modes, the
//! older single-row (六), a typo'd row label. Every layout must read
//! cell-exact (the same tables as the sample it was made from), give no
//! false error, and round-trip through `normalize`.
//!
//! Each layout is tested twice: on the bundled variant made by
//! `sample-reports/make_variants.py`, and on a variant made here, in the
//! test, from a *different* seed or real report, so the parser is right for
//! the layout and not for one file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use nianbao::cell::CellValue;
use nianbao::rules::{self, Finding};
use nianbao::{Report, TableId, normalize, parse};

// ---------------------------------------------------------------- helpers

fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-reports")
        .join(name)
}

fn text(name: &str) -> String {
    std::fs::read_to_string(sample_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn load(name: &str) -> Report {
    nianbao::load(&sample_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read(text: &str) -> Report {
    parse::parse(text, "UTF-8")
}

type Grid = Vec<Vec<CellValue>>;

/// Every table's cell values (`None` when the table was not found).
fn tables(r: &Report) -> Vec<Option<Grid>> {
    TableId::ALL
        .iter()
        .map(|&id| {
            r.table(id).map(|t| {
                t.rows
                    .iter()
                    .map(|row| row.cells.iter().map(|c| c.value.clone()).collect())
                    .collect()
            })
        })
        .collect()
}

/// Findings as (rule, table, row, column), counted.
type Addr = (String, Option<&'static str>, Option<usize>, Option<usize>);

fn addrs(f: &[Finding]) -> BTreeMap<Addr, usize> {
    let mut out = BTreeMap::new();
    for f in f {
        *out.entry((
            f.rule.to_string(),
            f.table.map(TableId::id),
            f.row,
            f.column,
        ))
        .or_insert(0) += 1;
    }
    out
}

/// The table findings (`requests.*`, `appeals.*`, `cell.*`, `table.*`).
fn table_findings(r: &Report) -> BTreeMap<Addr, usize> {
    addrs(
        &rules::check(r)
            .into_iter()
            .filter(|f| f.table.is_some())
            .collect::<Vec<_>>(),
    )
}

/// `got` reads the same tables as `want`, cell for cell, with the same
/// table findings.
fn assert_same_read(what: &str, got: &Report, want: &Report) {
    let (g, w) = (tables(got), tables(want));
    for (i, id) in TableId::ALL.iter().enumerate() {
        match (&g[i], &w[i]) {
            (Some(a), Some(b)) => {
                for (r, (ra, rb)) in a.iter().zip(b).enumerate() {
                    assert_eq!(ra, rb, "{what}: {} row {r}", id.id());
                }
            }
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{what}: {} found", id.id()),
        }
    }
    assert_eq!(
        table_findings(got),
        table_findings(want),
        "{what}: table findings"
    );
}

/// Normalize, re-read: the same tables and findings (except `repaired`,
/// layout warnings about the source's own form, which the canonical layout
/// no longer has); normalizing the output again changes no byte.
fn assert_round_trip(what: &str, r: &Report, repaired: &[Addr]) {
    let out = normalize::normalize(r);
    let r2 = read(&out);
    assert_eq!(tables(&r2), tables(r), "{what}: tables after normalize");
    let mut before = addrs(&rules::check(r));
    for a in repaired {
        assert!(before.remove(a).is_some(), "{what}: no {a:?} before");
    }
    assert_eq!(
        addrs(&rules::check(&r2)),
        before,
        "{what}: findings after normalize"
    );
    let again = normalize::normalize(&r2);
    assert!(again == out, "{what}: normalizing twice changed the output");
}

const SEEDS: [&str; 5] = [
    "seed-000.txt",
    "seed-001.txt",
    "seed-002.txt",
    "seed-003.txt",
    "seed-004.txt",
];

// ------------------------------------------------------------- line ends

/// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end lines like LF.
#[test]
fn unicode_line_ends_read_like_lf() {
    let mut names: Vec<&str> = SEEDS.to_vec();
    names.push("variant-nonzero-clean.txt");
    names.push("real-01-shuyang-2025.txt");
    for name in names {
        let t = text(name);
        let want = read(&t);
        for sep in ['\u{85}', '\u{2028}', '\u{2029}'] {
            let what = format!("{name} with U+{:04X}", sep as u32);
            let got = read(&t.replace('\n', &sep.to_string()));
            assert_eq!(got.lines, want.lines, "{what}: lines");
            assert_same_read(&what, &got, &want);
            assert_round_trip(&what, &got, &[]);
            assert_eq!(
                normalize::normalize(&got),
                normalize::normalize(&want),
                "{what}: normalized"
            );
        }
    }
}

/// The bundled variant mixes every line end.
#[test]
fn bundled_nel_variant_reads_like_its_source() {
    let got = load("variant-nel-separators.txt");
    let want = load("variant-nonzero-clean.txt");
    assert_same_read("variant-nel-separators", &got, &want);
    assert_round_trip("variant-nel-separators", &got, &[]);
}
