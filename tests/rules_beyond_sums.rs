//! The rules beyond the arithmetic: text against tables, sections, the old
//! format, last year's carry-over, and suggested fixes — each passing and
//! failing, on the samples and on variants made from them.

use std::path::Path;

use nianbao::rules::{self, Finding, Rule, suggest::Suggestion};
use nianbao::{Report, TableId, parse};

fn load(name: &str) -> Report {
    nianbao::load(&Path::new("sample-reports").join(name)).expect("sample")
}

fn text(name: &str) -> String {
    std::fs::read_to_string(Path::new("sample-reports").join(name)).expect("sample")
}

fn of_rule(f: &[Finding], rule: Rule) -> Vec<&Finding> {
    f.iter().filter(|x| x.rule == rule).collect()
}

const CLEAN: &str = "variant-nonzero-clean.txt";

/// Every sample whose text and tables agree gives no narrative finding: no
/// false alarms from dates, article numbers or phone numbers.
#[test]
fn narrative_agrees_on_every_consistent_sample() {
    let broken = ["variant-row-total-broken.txt", "variant-appeals-broken.txt"];
    for entry in std::fs::read_dir("sample-reports").unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".txt")
            || name.ends_with(".normalized.txt")
            || broken.contains(&name.as_str())
        {
            continue;
        }
        let r = nianbao::load(&p).unwrap();
        let f = rules::check(&r);
        assert!(
            of_rule(&f, Rule::NarrativeMismatch).is_empty(),
            "{name}: {:#?}",
            of_rule(&f, Rule::NarrativeMismatch)
        );
    }
}

#[test]
fn narrative_claims_found_in_real_reports() {
    // real-01: 共受理 749, 自然人 741, 法人或其他组织 8, 办理 718, 结转下一年 31.
    let r = load("real-01-shuyang-2025.txt");
    let kinds: Vec<i64> = r.claims.iter().map(|c| c.value).collect();
    for v in [749, 741, 8, 718, 31] {
        assert!(kinds.contains(&v), "{v} not claimed: {:?}", r.claims);
    }
    // real-03: 共受理 1295, 办结 1191, 上年结转 189 — all agree with the tables.
    let r = load("real-03-shanghai-govoffice-2025.txt");
    assert!(r.claims.len() >= 3, "{:?}", r.claims);
}

#[test]
fn narrative_mismatch_names_line_and_cell() {
    let t = text(CLEAN).replace("办理 25 件", "办理 24 件");
    let r = parse::parse(&t, "UTF-8");
    let f = rules::check(&r);
    let n = of_rule(&f, Rule::NarrativeMismatch);
    assert_eq!(n.len(), 1, "{n:#?}");
    assert_eq!(
        (n[0].table, n[0].row, n[0].column),
        (Some(TableId::Requests), Some(23), Some(6))
    );
    assert_eq!((n[0].expected, n[0].actual), (Some(25), Some(24)));
    assert_eq!(n[0].line, Some(15));
    // Chinese numerals count: 二十五件 agrees, 二十四件 does not.
    let t = text(CLEAN).replace("办理 25 件", "办理二十五件");
    assert!(
        of_rule(
            &rules::check(&parse::parse(&t, "UTF-8")),
            Rule::NarrativeMismatch
        )
        .is_empty()
    );
    let t = text(CLEAN).replace("办理 25 件", "办理二十四件");
    assert_eq!(
        of_rule(
            &rules::check(&parse::parse(&t, "UTF-8")),
            Rule::NarrativeMismatch
        )
        .len(),
        1
    );
}

#[test]
fn none_received_against_a_table_with_applications() {
    let t = text(CLEAN).replacen(
        "二、主动公开政府信息情况",
        "本年度未收到政府信息公开申请。\n\n二、主动公开政府信息情况",
        1,
    );
    let f = rules::check(&parse::parse(&t, "UTF-8"));
    let n = of_rule(&f, Rule::NarrativeMismatch);
    assert_eq!(n.len(), 1, "{n:#?}");
    assert!(
        n[0].message.to_string().contains("未收到"),
        "{}",
        n[0].message
    );
    // Seed 004 says the same with an all-zero table: no finding.
    assert!(
        of_rule(
            &rules::check(&load("seed-004.txt")),
            Rule::NarrativeMismatch
        )
        .is_empty()
    );
}

#[test]
fn sections_missing_and_empty() {
    assert!(of_rule(&rules::check(&load(CLEAN)), Rule::SectionMissing).is_empty());
    let t = text(CLEAN).replace("五、存在的主要问题及改进情况", "（五）其他说明");
    let f = rules::check(&parse::parse(&t, "UTF-8"));
    let m = of_rule(&f, Rule::SectionMissing);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert!(
        m[0].message
            .to_string()
            .contains("五、存在的主要问题及改进情况")
    );
    assert!(m[0].is_error());
    // 六 with nothing after its heading: a warning.
    let t = text(CLEAN);
    let cut = t.find("六、其他需要报告的事项").unwrap();
    let t = format!("{}六、其他需要报告的事项\n\n", &t[..cut]);
    let f = rules::check(&parse::parse(&t, "UTF-8"));
    let e = of_rule(&f, Rule::SectionEmpty);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(!e[0].is_error());
    assert!(of_rule(&f, Rule::SectionMissing).is_empty());
}

#[test]
fn old_template_markers_are_named() {
    assert!(of_rule(&rules::check(&load(CLEAN)), Rule::OldTemplate).is_empty());
    let t = text(CLEAN)
        .replace(
            "本年制发件数\t本年废止件数\t现行有效件数",
            "本年新制作数量\t本年新公开数量\t对外公开总数量",
        )
        .replace(
            "行政事业性收费\t1.25",
            "行政事业性收费\t1.25\n其他对外管理服务事项\t0",
        );
    let f = rules::check(&parse::parse(&t, "UTF-8"));
    let o = of_rule(&f, Rule::OldTemplate);
    assert_eq!(o.len(), 1, "{o:#?}");
    for m in [
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "其他对外管理服务事项",
    ] {
        assert!(o[0].message.to_string().contains(m), "{}", o[0].message);
    }
    assert!(!o[0].is_error());
    assert_eq!(o[0].line, Some(32));
    // 政府集中采购 in prose alone is not the old format.
    let t = text(CLEAN).replacen(
        "二、主动公开政府信息情况",
        "本局依法开展政府集中采购。\n二、主动公开政府信息情况",
        1,
    );
    assert!(of_rule(&rules::check(&parse::parse(&t, "UTF-8")), Rule::OldTemplate).is_empty());
}

#[test]
fn carry_over_against_last_year() {
    let this = load(CLEAN);
    // Last year carried 2/1/0/0/0/0/3 over: this year's 二 agrees.
    let mut last = load(CLEAN);
    for (c, v) in [2, 1, 0, 0, 0, 0, 3].iter().enumerate() {
        last.set_cell(TableId::Requests, 24, c, &v.to_string());
    }
    assert!(of_rule(&rules::check_with(&this, Some(&last)), Rule::CarryOver).is_empty());
    last.set_cell(TableId::Requests, 24, 0, "4");
    last.set_cell(TableId::Requests, 24, 6, "5");
    let f = rules::check_with(&this, Some(&last));
    let c: Vec<_> = of_rule(&f, Rule::CarryOver)
        .iter()
        .map(|f| (f.row, f.column, f.expected, f.actual))
        .collect();
    assert_eq!(
        c,
        [
            (Some(1), Some(0), Some(4), Some(2)),
            (Some(1), Some(6), Some(5), Some(3))
        ]
    );
    // Without last year's report the rule does not run.
    assert!(of_rule(&rules::check(&this), Rule::CarryOver).is_empty());
}

fn suggestions(f: &[Finding]) -> Vec<&Suggestion> {
    let mut s: Vec<&Suggestion> = f.iter().filter_map(|f| f.suggestion.as_ref()).collect();
    s.dedup();
    s
}

#[test]
fn one_wrong_cell_is_suggested() {
    for (name, want) in [
        ("variant-single-wrong-cell.txt", (0, 1, 4)),
        ("variant-row-total-broken.txt", (0, 6, 25)),
        ("variant-outcome-total-broken.txt", (23, 0, 20)),
    ] {
        let r = load(name);
        let f = rules::check(&r);
        let s = suggestions(&f);
        assert_eq!(
            s,
            [&Suggestion::Cell {
                table: TableId::Requests,
                row: want.0,
                column: want.1,
                value: want.2
            }],
            "{name}"
        );
        // Every arithmetic finding of the cluster carries it.
        for x in f.iter().filter(|x| x.rule.id().starts_with("requests.")) {
            assert!(x.suggestion.is_some(), "{name}: {x:#?}");
        }
        // Applying it leaves no arithmetic error.
        let mut fixed = r.clone();
        rules::suggest::apply(&mut fixed, s[0]);
        assert!(
            rules::check(&fixed)
                .iter()
                .all(|x| !x.rule.id().starts_with("requests.")),
            "{name}"
        );
    }
}

#[test]
fn ambiguous_fixes_are_withheld() {
    // A group total that disagrees with its four parts: any of five cells
    // would do, so none is suggested and the finding says how many.
    let f = rules::check(&load("variant-appeals-broken.txt"));
    let g = of_rule(&f, Rule::GroupTotal);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].suggestion, None);
    assert_eq!(g[0].alternatives, Some(5));
    // The five candidates are listed for the reviewer to choose from: each
    // one cell of the group, each making the group add up.
    assert_eq!(g[0].candidates.len(), 5);
    for c in &g[0].candidates {
        let mut fixed = load("variant-appeals-broken.txt");
        rules::suggest::apply(&mut fixed, c);
        assert!(
            of_rule(&rules::check(&fixed), Rule::GroupTotal).is_empty(),
            "{}",
            c.describe()
        );
    }
}

#[test]
fn lost_and_doubled_cells_are_placed() {
    let f = rules::check(&load("variant-shifted-row.txt"));
    let l = of_rule(&f, Rule::TableLayout);
    assert_eq!(
        l[0].suggestion,
        Some(Suggestion::Row {
            table: TableId::Requests,
            row: 2,
            values: ["9", "1", "0", "1", "0", "0", "11"]
                .map(String::from)
                .to_vec(),
        })
    );
    let f = rules::check(&load("variant-doubled-cell.txt"));
    let l = of_rule(&f, Rule::TableLayout);
    let Some(Suggestion::Row { row, values, .. }) = &l[0].suggestion else {
        panic!("{l:#?}");
    };
    assert_eq!(*row, 12);
    assert_eq!(values.len(), 7);
}

#[test]
fn check_fix_writes_every_unambiguous_fix() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.txt");
    std::fs::copy("sample-reports/variant-single-wrong-cell.txt", &input).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--fix", input.to_str().unwrap()])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "the input still has its errors");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("已修正 一、本年新收 / 商业企业 → 4"), "{err}");
    let fixed = nianbao::load(&dir.path().join("r.normalized.txt")).unwrap();
    assert_eq!(fixed.table(TableId::Requests).unwrap().count(0, 1), Some(4));
    assert!(rules::check(&fixed).iter().all(|f| !f.is_error()));
}
