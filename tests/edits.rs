//! The reviewer's edits in the model: `set_cell` and `shift_row`, and the
//! findings they clear and create.

mod common;
#[allow(unused_imports)]
use common::report::*;

use nianbao::TableId;
use nianbao::cell::CellValue;
use nianbao::rules::Rule;

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
                Rule::OutcomeTotal,
                REQ,
                Some(23),
                Some(0),
                Some(21),
                Some(20)
            ),
            (Rule::RowTotal, REQ, Some(2), Some(6), Some(12), Some(11)),
        ])
    );
    // Typed text goes through the cell policy.
    r.set_cell(TableId::Requests, 2, 0, "９").unwrap();
    assert!(table_rules(&r).is_empty());
    r.set_cell(TableId::Requests, 5, 3, "abc").unwrap();
    assert_eq!(
        fulls(&table_rules(&r)),
        vec![(Rule::CellInvalid, REQ, Some(5), Some(3), None, None)]
    );
    r.set_cell(TableId::Requests, 5, 3, "").unwrap();
    assert_eq!(
        fulls(&table_rules(&r)),
        vec![(Rule::CellBlank, REQ, Some(5), Some(3), None, None)]
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
        vec![(Rule::GroupTotal, APP, Some(0), Some(14), Some(2), Some(1))]
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
