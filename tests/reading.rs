//! Reading the layouts, encodings and real reports: the variants of the
//! clean report read the same numbers; the real reports' quoted numbers.

mod common;
#[allow(unused_imports)]
use common::report::*;

use std::collections::BTreeSet;

use nianbao::TableId;
use nianbao::cell::CellValue;
use nianbao::rules::{Finding, Rule};

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
        (Rule::RowTotal, "requests", Some(24), Some(6)),
        (Rule::Balance, "requests", None, Some(6)),
    ]
    .into_iter()
    .map(|(a, b, c, d)| (a, b.to_string(), c, d))
    .collect();
    assert_eq!(errors, want);
    assert!(
        f.iter()
            .any(|f| addr(f) == (Rule::CellBlank, "requests".to_string(), Some(24), Some(6)))
    );
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
