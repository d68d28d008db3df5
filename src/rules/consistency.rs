//! `narrative.mismatch`: figures the narrative states that contradict the
//! tables. Where the wording is ambiguous (共受理 may mean new ones only, or
//! new plus carried over) either reading is accepted.

use super::{Finding, Rule};
use crate::model::{Claim, ClaimKind, Report};
use crate::template::{TableId, requests_rows as rr};

/// What a claim is compared with: the table, the cell the finding names,
/// the cells involved, and the acceptable readings.
struct Target {
    table: TableId,
    named: (usize, usize),
    cells: Vec<(usize, usize)>,
    what: &'static str,
    readings: Vec<Option<i64>>,
}

fn target(report: &Report, kind: ClaimKind) -> Option<Target> {
    let req = report.table(TableId::Requests);
    let cnt = |r: usize, c: usize| req.and_then(|t| t.count(r, c));
    let both = |c: usize| Some(cnt(rr::NEW, c)? + cnt(rr::CARRIED_IN, c)?);
    let legal = |rows: &[usize]| -> Option<i64> {
        rows.iter()
            .flat_map(|&r| (1..6).map(move |c| (r, c)))
            .try_fold(0i64, |acc, (r, c)| Some(acc + cnt(r, c)?))
    };
    let tc = rr::TOTAL_COLUMN;
    let t = match kind {
        ClaimKind::New => Target {
            table: TableId::Requests,
            named: (rr::NEW, tc),
            cells: vec![(rr::NEW, tc)],
            what: "一、本年新收 总计",
            readings: vec![cnt(rr::NEW, tc)],
        },
        ClaimKind::CarriedIn => Target {
            table: TableId::Requests,
            named: (rr::CARRIED_IN, tc),
            cells: vec![(rr::CARRIED_IN, tc)],
            what: "二、上年结转 总计",
            readings: vec![cnt(rr::CARRIED_IN, tc)],
        },
        ClaimKind::Received => Target {
            table: TableId::Requests,
            named: (rr::NEW, tc),
            cells: vec![(rr::NEW, tc), (rr::CARRIED_IN, tc)],
            what: "一+二 总计（或 一 总计）",
            readings: vec![both(tc), cnt(rr::NEW, tc)],
        },
        ClaimKind::NoneReceived => Target {
            table: TableId::Requests,
            named: (rr::NEW, tc),
            cells: vec![(rr::NEW, tc)],
            what: "一、本年新收 总计",
            readings: vec![cnt(rr::NEW, tc)],
        },
        ClaimKind::Natural => Target {
            table: TableId::Requests,
            named: (rr::NEW, 0),
            cells: vec![(rr::NEW, 0), (rr::CARRIED_IN, 0)],
            what: "自然人 一+二（或 一）",
            readings: vec![both(0), cnt(rr::NEW, 0)],
        },
        ClaimKind::Legal => Target {
            table: TableId::Requests,
            named: (rr::NEW, 1),
            cells: (1..6)
                .flat_map(|c| [(rr::NEW, c), (rr::CARRIED_IN, c)])
                .collect(),
            what: "法人或其他组织 一+二（或 一）",
            readings: vec![legal(&[rr::NEW, rr::CARRIED_IN]), legal(&[rr::NEW])],
        },
        ClaimKind::Done => Target {
            table: TableId::Requests,
            named: (rr::OUTCOME_TOTAL, tc),
            cells: vec![(rr::OUTCOME_TOTAL, tc)],
            what: "三(七) 总计",
            readings: vec![cnt(rr::OUTCOME_TOTAL, tc)],
        },
        ClaimKind::CarriedOut => Target {
            table: TableId::Requests,
            named: (rr::CARRIED_OUT, tc),
            cells: vec![(rr::CARRIED_OUT, tc)],
            what: "四、结转下年度 总计",
            readings: vec![cnt(rr::CARRIED_OUT, tc)],
        },
        ClaimKind::Reconsideration | ClaimKind::Litigation => {
            let app = report.table(TableId::Appeals)?;
            let (cells, what) = if kind == ClaimKind::Reconsideration {
                (vec![(0, 4)], "行政复议 总计")
            } else {
                (vec![(0, 9), (0, 14)], "行政诉讼 两组总计之和")
            };
            let value = cells
                .iter()
                .try_fold(0i64, |acc, &(r, c)| Some(acc + app.count(r, c)?));
            Target {
                table: TableId::Appeals,
                named: cells[0],
                cells,
                what,
                readings: vec![value],
            }
        }
        ClaimKind::License | ClaimKind::Penalty => {
            let row = if kind == ClaimKind::License { 2 } else { 3 };
            let act = report.table(TableId::Active)?;
            Target {
                table: TableId::Active,
                named: (row, 0),
                cells: vec![(row, 0)],
                what: if kind == ClaimKind::License {
                    "行政许可"
                } else {
                    "行政处罚"
                },
                readings: vec![act.count(row, 0)],
            }
        }
    };
    Some(t)
}

fn check_claim(report: &Report, claim: &Claim, out: &mut Vec<Finding>) {
    let Some(t) = target(report, claim.kind) else {
        return;
    };
    let readings: Vec<i64> = t.readings.iter().flatten().copied().collect();
    // No reading (a cell invalid or missing): nothing to judge.
    let Some(&first) = readings.first() else {
        return;
    };
    let agrees = match claim.kind {
        ClaimKind::NoneReceived => first == 0,
        _ => readings.contains(&claim.value),
    };
    if agrees {
        return;
    }
    let Some(table) = report.table(t.table) else {
        return;
    };
    let stated = match claim.kind {
        ClaimKind::NoneReceived => "未收到申请".to_string(),
        _ => claim.value.to_string(),
    };
    let mut f = Finding::new(
        Rule::NarrativeMismatch,
        t.table,
        format!(
            "正文“{}”与表格不符：正文 {stated}，表格 {} = {first}",
            claim.excerpt, t.what
        ),
    )
    .at(table, Some(t.named.0), Some(t.named.1))
    .numbers(first, claim.value);
    f.line = Some(claim.line);
    f.cells = t.cells;
    out.push(f);
}

/// Check every claim of the narrative against the tables.
pub(crate) fn check(report: &Report, out: &mut Vec<Finding>) {
    for claim in &report.claims {
        check_claim(report, claim, out);
    }
}
