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
use nianbao::{LayoutNote, Report, TableId, normalize, parse};

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

/// The table findings (`requests.*`, `appeals.*`, `cell.*`, `table.*`; not
/// the narrative's agreement with the tables).
fn table_findings(r: &Report) -> BTreeMap<Addr, usize> {
    addrs(
        &rules::check(r)
            .into_iter()
            .filter(|f| f.table.is_some() && f.rule != rules::Rule::NarrativeMismatch)
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

// ---------------------------------------------------------- crawler text

/// Crawler text made from a report: its normalized form (labels, then
/// values, tab-separated) with every line break and cell border gone;
/// `label_sep` between a row's label and its values, `value_sep` between
/// values. The title stays on its own line when `title_line`.
fn crawl(r: &Report, label_sep: &str, value_sep: &str, title_line: bool) -> String {
    let canonical = normalize::normalize(r);
    let mut pieces: Vec<String> = Vec::new();
    for line in canonical.lines() {
        if line.contains('\t') {
            let fields: Vec<&str> = line.split('\t').filter(|f| !f.is_empty()).collect();
            let is_value = |f: &&str| f.chars().all(|c| c.is_ascii_digit() || c == '.');
            let labels: Vec<&str> = fields
                .iter()
                .copied()
                .take_while(|f| !is_value(f))
                .collect();
            let values: Vec<&str> = fields[labels.len()..].to_vec();
            assert!(values.iter().all(is_value), "{line:?}");
            let mut p = labels.concat();
            if !values.is_empty() && !labels.is_empty() {
                p.push_str(label_sep);
            }
            p.push_str(&values.join(value_sep));
            pieces.push(p);
        } else if !line.trim().is_empty() && !line.contains('|') {
            // (A page's text has no markdown: pipe-table remnants go.)
            pieces.push(line.trim().trim_start_matches('#').trim().to_string());
        }
    }
    if title_line {
        format!("{}\n{}\n", pieces[0], pieces[1..].concat())
    } else {
        pieces.concat()
    }
}

/// Every cell of `got` is the cell of `want`, or (digits that split more
/// than one way) invalid with `want`'s value among its candidates: never a
/// wrong value read silently. Returns the number of undecided cells.
fn exact_or_undecided(what: &str, got: &Report, want: &Report) -> usize {
    let mut undecided = 0;
    for id in TableId::ALL {
        let (Some(g), Some(w)) = (got.table(id), want.table(id)) else {
            assert_eq!(got.table(id).is_some(), want.table(id).is_some(), "{what}");
            continue;
        };
        for (r, (rg, rw)) in g.rows.iter().zip(&w.rows).enumerate() {
            assert_eq!(rg.found, rw.found, "{what}: {} row {r} found", id.id());
            for (c, (cg, cw)) in rg.cells.iter().zip(&rw.cells).enumerate() {
                if cg.value == cw.value {
                    continue;
                }
                let CellValue::Int(v) = cw.value else {
                    panic!("{what}: {} ({r},{c}) {:?} read as {:?}", id.id(), cw, cg);
                };
                assert_eq!(
                    cg.value,
                    CellValue::Invalid,
                    "{what}: {} ({r},{c})",
                    id.id()
                );
                assert!(
                    cg.raw.split('或').any(|x| x == v.to_string()),
                    "{what}: {} ({r},{c}) candidates {:?} miss {v}",
                    id.id(),
                    cg.raw
                );
                undecided += 1;
            }
        }
    }
    undecided
}

fn active_row1_undecided(r: &Report) -> bool {
    let t = r.table(TableId::Active).unwrap();
    t.rows[1]
        .cells
        .iter()
        .all(|c| c.value == CellValue::Invalid)
        && t.rows[1]
            .layout
            .as_ref()
            .and_then(|l| l.note.as_deref())
            .is_some_and(|n| {
                matches!(n, LayoutNote::AmbiguousRun { splits, .. }
                if splits.iter().any(|s| s == "3|1|12") && splits.iter().any(|s| s == "31|1|2"))
            })
}

#[test]
fn bundled_crawler_variants_read_like_their_source() {
    let want = load("variant-nonzero-clean.txt");
    let spaced = load("variant-crawler-spaced.txt");
    assert_same_read("variant-crawler-spaced", &spaced, &want);
    assert_round_trip("variant-crawler-spaced", &spaced, &[]);
    // No false section.missing / table.missing: the same findings as the
    // source, whatever their kind.
    let kinds = |r: &Report| {
        let mut k: Vec<rules::Rule> = rules::check(r).iter().map(|f| f.rule).collect();
        k.sort();
        k
    };
    assert_eq!(kinds(&spaced), kinds(&want));

    for name in [
        "variant-crawler-one-line.txt",
        "variant-crawler-label-space.txt",
    ] {
        let got = load(name);
        // Every cell exact but 行政规范性文件 3112 (3|1|12, 3|11|2, 31|1|2):
        // undecided, its candidates listed.
        assert_eq!(exact_or_undecided(name, &got, &want), 3, "{name}");
        assert!(active_row1_undecided(&got), "{name}");
        let layout: Addr = (
            rules::Rule::TableLayout.to_string(),
            Some("active"),
            Some(1),
            None,
        );
        assert_round_trip(name, &got, &[layout]);
        assert_eq!(got.sections.len(), want.sections.len(), "{name}: sections");
    }
}

/// The requests row and appeals row of the issue (`21710000218`,
/// `10203120001200000`), in a different seed.
#[test]
fn crawler_digits_from_the_issue() {
    let mut want = load("seed-000.txt");
    for (c, v) in [217, 1, 0, 0, 0, 0, 218].iter().enumerate() {
        for row in [0, 2, 23] {
            want.set_cell(TableId::Requests, row, c, &v.to_string());
        }
    }
    for (c, v) in [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]
        .iter()
        .enumerate()
    {
        want.set_cell(TableId::Appeals, 0, c, &v.to_string());
    }
    for (label_sep, appeals_sep) in [("", ""), (" ", ""), (" ", " "), ("", " ")] {
        let text = crawl(&want, label_sep, "", label_sep == " ");
        assert!(text.contains("10203120001200000"));
        let text = if appeals_sep == " " {
            text.replace("10203120001200000", "1 0 2 0 3 12 0 0 0 12 0 0 0 0 0")
        } else {
            text
        };
        assert!(text.contains("一、本年新收政府信息公开申请数量") && text.contains("21710000218"));
        let what = format!("seed-000 crawled ({label_sep:?}, {appeals_sep:?})");
        let got = read(&text);
        assert_eq!(exact_or_undecided(&what, &got, &want), 0, "{what}");
        assert_eq!(tables(&got), tables(&want), "{what}");
        assert_round_trip(&what, &got, &[]);
    }
}

/// `r` with every table cell of `numbers`.
fn with_numbers_of(mut r: Report, numbers: &Report) -> Report {
    for id in TableId::ALL {
        let t = numbers.table(id).expect("table").clone();
        for (i, row) in t.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                r.set_cell(id, i, c, &cell.raw);
            }
        }
    }
    r
}

/// Crawler text from other seeds and real reports, in every spacing:
/// exact, or undecided with the true value among the candidates.
#[test]
fn crawler_text_from_other_reports() {
    for name in [
        "seed-000.txt",
        "seed-002.txt",
        "seed-003.txt",
        "seed-004.txt",
        "real-01-shuyang-2025.txt",
        "variant-fullwidth-digits.txt",
        "seed-004 with real-01's numbers",
    ] {
        let want = if name.starts_with("seed-004 ") {
            with_numbers_of(load("seed-004.txt"), &load("real-01-shuyang-2025.txt"))
        } else {
            load(name)
        };
        for (label_sep, value_sep, title) in [("", "", false), (" ", "", true), (" ", " ", true)] {
            let what = format!("{name} crawled ({label_sep:?}, {value_sep:?})");
            let text = crawl(&want, label_sep, value_sep, title);
            let got = read(&text);
            let undecided = exact_or_undecided(&what, &got, &want);
            if value_sep == " " {
                assert_eq!(undecided, 0, "{what}");
            }
            let layout: Vec<Addr> = got
                .tables
                .iter()
                .flatten()
                .flat_map(|t| {
                    t.rows.iter().enumerate().filter_map(move |(i, r)| {
                        r.layout.as_ref().and_then(|l| l.note.as_deref()).map(|_| {
                            (
                                rules::Rule::TableLayout.to_string(),
                                Some(t.id.id()),
                                Some(i),
                                None,
                            )
                        })
                    })
                })
                .collect();
            assert_round_trip(&what, &got, &layout);
        }
    }
}

// ------------------------------------------------------------ pdftotext

fn data(name: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pdftotext")
        .join(name);
    nianbao::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The Word sample as PDF, through pdftotext's three modes: the tables of
/// the text original, cell for cell, and no finding.
#[test]
fn bundled_pdftotext_modes_read_like_their_source() {
    let want = load("variant-nonzero-clean.txt");
    for mode in ["layout", "raw", "default"] {
        let name = format!("variant-pdftotext-{mode}.txt");
        let got = load(&name);
        assert_same_read(&name, &got, &want);
        assert!(
            rules::check(&got).is_empty(),
            "{name}: {:#?}",
            rules::check(&got)
        );
        assert_round_trip(&name, &got, &[]);
    }
}

/// The same document with real-01's numbers: -layout and -raw read every
/// cell; the default mode there puts the 自然人 column beside the labels and
/// three of its numbers on label lines, which no row order explains: the
/// requests table is marked unreadable (one warning, no sum judged, its
/// text kept by normalize), the other two read.
#[test]
fn pdftotext_modes_with_other_numbers() {
    let want = load("real-01-shuyang-2025.txt");
    for mode in ["layout", "raw"] {
        let name = format!("real-01-numbers-{mode}.txt");
        let got = data(&name);
        assert_same_read(&name, &got, &want);
        assert_round_trip(&name, &got, &[]);
    }
    let name = "real-01-numbers-default.txt";
    let got = data(name);
    let t = tables(&got);
    let w = tables(&want);
    assert_eq!(t[0], w[0], "{name}: active");
    assert_eq!(t[2], w[2], "{name}: appeals");
    let f: Vec<Finding> = rules::check(&got)
        .into_iter()
        .filter(|f| f.table == Some(TableId::Requests))
        .collect();
    assert_eq!(f.len(), 1, "{name}: {f:#?}");
    assert_eq!(f[0].rule, rules::Rule::TableLayout);
    assert!(
        f[0].message.to_string().contains("pdftotext"),
        "{}",
        f[0].message
    );
    assert_round_trip(name, &got, &[]);
    // The numbers stay in the normalized text.
    assert!(normalize::normalize(&got).contains("\n713\n"));
}

/// Default mode, made by hand from the bundled sample: the stream cut into
/// rows is checked by the column rules; a broken total leaves no reading.
#[test]
fn default_mode_with_a_broken_total_is_marked_not_misread() {
    let t = text("variant-pdftotext-default.txt");
    // Row 一 总计 25 -> 26 (its only "25" on a line of its own before (七)).
    let at = t.find("\n25\n").expect("row 一 total");
    let broken = format!("{}\n26\n{}", &t[..at], &t[at + 4..]);
    let r = read(&broken);
    let f: Vec<Finding> = rules::check(&r)
        .into_iter()
        .filter(|f| f.table == Some(TableId::Requests))
        .collect();
    assert!(
        f.iter().all(|f| f.rule == rules::Rule::TableLayout),
        "no false sum errors: {f:#?}"
    );
    assert_eq!(f.len(), 1);
}

// ------------------------------------------- older (六), misprinted labels

fn layout_warning(table: &'static str, row: usize) -> Addr {
    (
        rules::Rule::TableLayout.to_string(),
        Some(table),
        Some(row),
        None,
    )
}

/// Replace the three (六) lines (the one holding `first`, and the two after
/// it) with one `(六) 其他处理` row of `values`.
fn single_six(text: &str, first: &str, values: &[i64]) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let i = lines
        .iter()
        .position(|l| l.contains(first))
        .expect("(六)1 line");
    assert!(lines[i + 2].contains("3. 其他"), "{:?}", lines[i + 2]);
    let row = values
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join("\t");
    let mut out: Vec<String> = lines[..i].iter().map(|l| l.to_string()).collect();
    out.push(format!("(六) 其他处理\t\t{row}"));
    out.extend(lines[i + 3..].iter().map(|l| l.to_string()));
    out.join("\n")
}

/// `r` with (六)1 and (六)2 folded into (六)3, as the 2019 layout reads.
fn folded_six(mut r: Report) -> Report {
    let t = r.table(TableId::Requests).unwrap().clone();
    for c in 0..7 {
        let sum: i64 = (20..=22).map(|row| t.count(row, c).unwrap()).sum();
        r.set_cell(TableId::Requests, 22, c, &sum.to_string());
        r.set_cell(TableId::Requests, 20, c, "0");
        r.set_cell(TableId::Requests, 21, c, "0");
    }
    r
}

#[test]
fn older_single_row_six() {
    // The bundled variant: (六)1 0/1/…/1 and (六)3 1/0/…/1 as one row.
    let got = load("variant-2019-six-row.txt");
    let want = folded_six(load("variant-nonzero-clean.txt"));
    assert_eq!(tables(&got), tables(&want));
    let mut f = table_findings(&want);
    f.insert(layout_warning("requests", 22), 1);
    assert_eq!(table_findings(&got), f);
    assert_round_trip(
        "variant-2019-six-row",
        &got,
        &[layout_warning("requests", 22)],
    );

    // Seed 003's own layout (label in the first column, no leading tab).
    let got = read(&single_six(
        &text("seed-003.txt"),
        "1. 申请人无正当理由",
        &[0; 7],
    ));
    let want = load("seed-003.txt");
    assert_eq!(tables(&got), tables(&want));
    assert_eq!(
        table_findings(&got).keys().collect::<Vec<_>>(),
        [&layout_warning("requests", 22)]
    );

    // Seed 004 with real-01's numbers ((六)1 9, (六)2 7, (六)3 142/1/…/143).
    let source = with_numbers_of(load("seed-004.txt"), &load("real-01-shuyang-2025.txt"));
    let canonical = normalize::normalize(&source);
    let got = read(&single_six(
        &canonical,
        "1. 申请人无正当理由",
        &[158, 1, 0, 0, 0, 0, 159],
    ));
    let want = folded_six(source);
    assert_eq!(tables(&got), tables(&want));
    // (The seed's narrative says nothing of these numbers: only the tables'
    // findings are compared.)
    assert_same_read_except(
        &got,
        &read(&normalize::normalize(&want)),
        &[layout_warning("requests", 22)],
    );
    assert_round_trip(
        "seed-004 2019 (六)",
        &got,
        &[layout_warning("requests", 22)],
    );
}

#[test]
fn misprinted_label_takes_its_place() {
    let got = load("variant-label-typo.txt");
    let want = load("variant-nonzero-clean.txt");
    assert_same_read_except(&got, &want, &[layout_warning("requests", 5)]);
    let t = got.table(TableId::Requests).unwrap();
    let note = t.rows[5].layout.as_ref().and_then(|l| l.note.as_deref());
    assert!(
        matches!(note, Some(LayoutNote::Renamed { printed }) if printed == "2.其他法律行政止公开"),
        "{note:?}"
    );
    assert_round_trip("variant-label-typo", &got, &[layout_warning("requests", 5)]);

    // Seed 004, with non-zero values on the misprinted row: they land in
    // (三)2, not in (六)3 (whose key `其他` the misprint holds), and (六)3
    // keeps its own row.
    let mut want = load("seed-004.txt");
    for (c, v) in [5, 0, 0, 0, 0, 0, 5].iter().enumerate() {
        want.set_cell(TableId::Requests, 5, c, &v.to_string());
    }
    want.set_cell(TableId::Requests, 22, 0, "2");
    want.set_cell(TableId::Requests, 22, 6, "2");
    let canonical = normalize::normalize(&want);
    let typo = canonical.replace("2. 其他法律行政法规禁止公开", "2.其他法律行政止公开");
    assert_ne!(typo, canonical);
    let got = read(&typo);
    assert_eq!(tables(&got), tables(&read(&canonical)));
    let mut f = table_findings(&read(&canonical));
    f.insert(layout_warning("requests", 5), 1);
    assert_eq!(table_findings(&got), f);
}

/// Same tables; findings the same but for `extra`.
fn assert_same_read_except(got: &Report, want: &Report, extra: &[Addr]) {
    assert_eq!(tables(got), tables(want));
    let mut f = table_findings(want);
    for a in extra {
        *f.entry(a.clone()).or_insert(0) += 1;
    }
    assert_eq!(table_findings(got), f);
}

// -------------------------------------------------- digit runs: choosing

/// (一) `110000011` splits two ways alone (1|10|0|0|0|0|11 and
/// 11|0|0|0|0|0|11); with (七) printed with spaces the column rules choose;
/// with (七) and 一 run together too, every combination still fits, and the
/// cells stay undecided, listing their candidates.
#[test]
fn column_rules_choose_between_splits() {
    use nianbao::parse::digits::{REQUESTS_SHAPE, Splits, digits_only, splits};
    let run = digits_only("110000011").unwrap();
    let Splits::Found(alone) = splits(&[run], REQUESTS_SHAPE) else {
        panic!("bounded")
    };
    assert_eq!(alone.len(), 2, "{alone:?}");

    let mut want = load("seed-000.txt");
    for (c, v) in [1, 10, 0, 0, 0, 0, 11].iter().enumerate() {
        for row in [0, 2, 23] {
            want.set_cell(TableId::Requests, row, c, &v.to_string());
        }
    }
    let glued = crawl(&want, "", "", false);
    assert!(glued.contains("(七) 总计110000011"), "{glued}");
    let spaced = glued.replace("(七) 总计110000011", "(七) 总计 1 10 0 0 0 0 11");
    let got = read(&spaced);
    assert_eq!(tables(&got), tables(&want));
    assert_round_trip("(七) spaced", &got, &[]);

    let got = read(&glued);
    assert_eq!(exact_or_undecided("all glued", &got, &want), 3 * 2);
    let t = got.table(TableId::Requests).unwrap();
    assert_eq!(t.rows[2].cells[0].raw, "1或11");
    assert_eq!(t.rows[2].cells[1].raw, "0或10");
    let note = t.rows[2].layout.as_ref().and_then(|l| l.note.as_deref());
    let Some(LayoutNote::AmbiguousRun { splits, .. }) = note else {
        panic!("{note:?}")
    };
    assert!(
        splits.iter().any(|s| s == "1|10|0|0|0|0|11")
            && splits.iter().any(|s| s == "11|0|0|0|0|0|11"),
        "{splits:?}"
    );
}

/// Absurd runs cost nothing and read as what they are.
#[test]
fn absurd_runs_are_bounded() {
    let digits = "1".repeat(10_000);
    let text = format!(
        "三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量{digits}二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开{}",
        "10".repeat(5_000)
    );
    let r = read(&text);
    let t = r.table(TableId::Requests).unwrap();
    // No split of 10 000 digits into 7 plausible counts: read as found and
    // warned about, never silently cut.
    assert!(t.rows[0].layout.is_some());
    assert_eq!(t.rows[0].cells[0].value, CellValue::Invalid);
    assert!(
        rules::check(&r)
            .iter()
            .any(|f| f.rule == rules::Rule::CellInvalid)
    );
    // Appeals-like runs of 0s and 1s in every position are bounded too.
    let r = read(&format!(
        "四、政府信息公开行政复议、行政诉讼情况行政复议结果维持结果纠正总计{}",
        "10".repeat(30)
    ));
    assert!(r.table(TableId::Appeals).is_some());
}
