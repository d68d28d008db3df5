//! `normalize` on every sample: the normalized file reads back with the
//! same tables and findings, and normalizing it again changes no byte.

mod common;
#[allow(unused_imports)]
use common::report::*;

use nianbao::cell::CellValue;
use nianbao::rules::{self, Finding, Rule};
use nianbao::{Block, TableId, normalize, parse};

// ------------------------------------------------ normalize round trip

fn is_arithmetic(f: &Finding) -> bool {
    f.rule.family() == rules::Family::Sums
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
    for f in f2
        .iter()
        .filter(|f| matches!(f.rule, Rule::TableLayout | Rule::TableMissing))
    {
        let tid = f.table.unwrap();
        let ok = match f.rule {
            rules::Rule::TableMissing => r.table(tid).is_none(),
            // A row the original never had cannot be found in the output
            // either; a row with the wrong number of values keeps its
            // layout (the extra values after it, a short row short), so
            // the output warns about it exactly as the original did.
            rules::Rule::TableLayout => f.row.is_some_and(|row| {
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
        vec![(Rule::CellInvalid, REQ, Some(0), Some(0), None, None)]
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
