//! `narrative.mismatch`: figures the narrative states that contradict the
//! tables. Where the wording is ambiguous (共受理 may mean new ones only, or
//! new plus carried over) either reading is accepted.

use super::{Finding, Message, Rule};
use crate::model::{Claim, ClaimKind, Report};
use crate::template::{TableId, requests_rows as rr};

/// What a claim is compared with: the table, the cell the finding names,
/// the cells involved, and the acceptable readings (the message names
/// them by the claim's kind).
struct Target {
    table: TableId,
    named: (usize, usize),
    cells: Vec<(usize, usize)>,
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
            readings: vec![cnt(rr::NEW, tc)],
        },
        ClaimKind::CarriedIn => Target {
            table: TableId::Requests,
            named: (rr::CARRIED_IN, tc),
            cells: vec![(rr::CARRIED_IN, tc)],
            readings: vec![cnt(rr::CARRIED_IN, tc)],
        },
        ClaimKind::Received => Target {
            table: TableId::Requests,
            named: (rr::NEW, tc),
            cells: vec![(rr::NEW, tc), (rr::CARRIED_IN, tc)],
            readings: vec![both(tc), cnt(rr::NEW, tc)],
        },
        ClaimKind::NoneReceived => Target {
            table: TableId::Requests,
            named: (rr::NEW, tc),
            cells: vec![(rr::NEW, tc)],
            readings: vec![cnt(rr::NEW, tc)],
        },
        ClaimKind::Natural => Target {
            table: TableId::Requests,
            named: (rr::NEW, 0),
            cells: vec![(rr::NEW, 0), (rr::CARRIED_IN, 0)],
            readings: vec![both(0), cnt(rr::NEW, 0)],
        },
        ClaimKind::Legal => Target {
            table: TableId::Requests,
            named: (rr::NEW, 1),
            cells: (1..6)
                .flat_map(|c| [(rr::NEW, c), (rr::CARRIED_IN, c)])
                .collect(),
            readings: vec![legal(&[rr::NEW, rr::CARRIED_IN]), legal(&[rr::NEW])],
        },
        ClaimKind::Done => Target {
            table: TableId::Requests,
            named: (rr::OUTCOME_TOTAL, tc),
            cells: vec![(rr::OUTCOME_TOTAL, tc)],
            readings: vec![cnt(rr::OUTCOME_TOTAL, tc)],
        },
        ClaimKind::CarriedOut => Target {
            table: TableId::Requests,
            named: (rr::CARRIED_OUT, tc),
            cells: vec![(rr::CARRIED_OUT, tc)],
            readings: vec![cnt(rr::CARRIED_OUT, tc)],
        },
        ClaimKind::Reconsideration | ClaimKind::Litigation => {
            let app = report.table(TableId::Appeals)?;
            let cells = if kind == ClaimKind::Reconsideration {
                vec![(0, 4)]
            } else {
                vec![(0, 9), (0, 14)]
            };
            let value = cells
                .iter()
                .try_fold(0i64, |acc, &(r, c)| Some(acc + app.count(r, c)?));
            Target {
                table: TableId::Appeals,
                named: cells[0],
                cells,
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
        ClaimKind::NoneReceived => None,
        _ => Some(claim.value),
    };
    let mut f = Finding::new(
        Rule::NarrativeMismatch,
        t.table,
        Message::NarrativeMismatch {
            excerpt: claim.excerpt.as_str().into(),
            kind: claim.kind,
            stated,
            table: first,
        },
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
