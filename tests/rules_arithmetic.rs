//! The template's sums and cell rules, each passing and failing on a
//! hand-made variant of the clean report.

mod common;
#[allow(unused_imports)]
use common::report::*;

use nianbao::rules::Rule;

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
        (Rule::Balance, REQ, None, Some(6), Some(29), Some(28)),
        (Rule::RowTotal, REQ, Some(0), Some(6), Some(25), Some(26)),
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
        (Rule::Balance, REQ, None, Some(0), Some(22), Some(23)),
        (Rule::Balance, REQ, None, Some(6), Some(28), Some(29)),
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
            Rule::OutcomeTotal,
            REQ,
            Some(23),
            Some(0),
            Some(21),
            Some(20),
        ),
        (
            Rule::OutcomeTotal,
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
        (Rule::Balance, REQ, None, Some(0), Some(22), Some(23)),
        (
            Rule::OutcomeTotal,
            REQ,
            Some(23),
            Some(0),
            Some(20),
            Some(21),
        ),
        (Rule::RowTotal, REQ, Some(23), Some(6), Some(26), Some(25)),
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
            Rule::OutcomeTotal,
            REQ,
            Some(23),
            Some(6),
            Some(26),
            Some(25),
        ),
        (Rule::RowTotal, REQ, Some(2), Some(6), Some(11), Some(12)),
    ]);
    assert_eq!(got, want);
}

#[test]
fn appeals_each_group() {
    // Group 1 行政复议: 2+1+0+1 = 4, 总计 5.
    let got = broken(ROW_APPEALS, "2\t1\t0\t1\t5\t1\t0\t0\t1\t2\t0\t0\t1\t0\t1");
    assert_eq!(
        got,
        vec![(Rule::GroupTotal, APP, Some(0), Some(4), Some(4), Some(5))]
    );
    // Group 2 未经复议直接起诉: 1+0+0+1 = 2, 总计 3.
    let got = broken(ROW_APPEALS, "2\t1\t0\t1\t4\t1\t0\t0\t1\t3\t0\t0\t1\t0\t1");
    assert_eq!(
        got,
        vec![(Rule::GroupTotal, APP, Some(0), Some(9), Some(2), Some(3))]
    );
    // Group 3 复议后起诉: 0+0+1+2 = 3, 总计 1.
    let got = broken(ROW_APPEALS, "2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t0\t0\t1\t2\t1");
    assert_eq!(
        got,
        vec![(Rule::GroupTotal, APP, Some(0), Some(14), Some(3), Some(1))]
    );
    // All three at once.
    let got = broken(ROW_APPEALS, "2\t1\t0\t1\t0\t1\t0\t0\t1\t0\t0\t0\t1\t0\t0");
    assert_eq!(
        got,
        vec![
            (Rule::GroupTotal, APP, Some(0), Some(4), Some(4), Some(0)),
            (Rule::GroupTotal, APP, Some(0), Some(9), Some(2), Some(0)),
            (Rule::GroupTotal, APP, Some(0), Some(14), Some(1), Some(0)),
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
        vec![(Rule::CellInvalid, REQ, Some(0), Some(0), None, None)]
    );
    // An invalid appeals value skips only its group.
    let got = broken(ROW_APPEALS, "2件\t1\t0\t1\t5\t1\t0\t0\t1\t3\t0\t0\t1\t0\t1");
    assert_eq!(
        got,
        sorted(vec![
            (Rule::GroupTotal, APP, Some(0), Some(9), Some(2), Some(3)),
            (Rule::CellInvalid, APP, Some(0), Some(0), None, None),
        ])
    );
    // A decimal where a count belongs; the fee keeps its decimal.
    let got = broken("行政强制\t2\t\t", "行政强制\t2.5\t\t");
    assert_eq!(
        got,
        vec![(Rule::CellInvalid, ACT, Some(4), Some(0), None, None)]
    );
}

#[test]
fn blank_cell_reads_as_zero() {
    // (三)2 is all zeros: a `/` there is a warning only.
    let got = broken(
        "\t\t2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
        "\t\t2. 其他法律行政法规禁止公开\t0\t/\t0\t0\t0\t0\t0",
    );
    assert_eq!(
        got,
        vec![(Rule::CellBlank, REQ, Some(5), Some(1), None, None)]
    );
    // A blank 总计 that stands for 25 breaks the row and the balance.
    let got = broken(
        ROW_NEW,
        "一、本年新收政府信息公开申请数量\t\t20\t4\t0\t1\t0\t0\t—\t",
    );
    assert_eq!(
        got,
        sorted(vec![
            (Rule::CellBlank, REQ, Some(0), Some(6), None, None),
            (Rule::Balance, REQ, None, Some(6), Some(3), Some(28)),
            (Rule::RowTotal, REQ, Some(0), Some(6), Some(25), Some(0)),
        ])
    );
}

#[test]
fn missing_table() {
    let got = broken(ROW_APPEALS, "");
    assert_eq!(got, vec![(Rule::TableMissing, APP, None, None, None, None)]);
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
    assert!(f.iter().all(|f| !f.message.to_string().is_empty()));
}
