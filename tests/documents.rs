//! Word (.docx) and web page (.html/.htm) input: the documents of
//! `sample-reports/docx/` and `sample-reports/html/` (made by
//! `sample-reports/make_documents.py` from `variant-nonzero-clean.txt`) read
//! as the same tables and findings as their text original; broken documents
//! are one-line errors (exit 2), never panics; `normalize` writes text beside
//! the document and leaves it alone; every text line has an origin.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use nianbao::cell::CellValue;
use nianbao::ingest::{self, Document};
use nianbao::rules::{self, Finding, Rule};
use nianbao::{Origin, Report, TableId, parse};

// ---------------------------------------------------------------- helpers

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-reports")
}

fn sample(rel: &str) -> PathBuf {
    samples().join(rel)
}

fn load(rel: &str) -> Report {
    nianbao::load(&sample(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn document(rel: &str) -> Document {
    let path = sample(rel);
    let bytes = std::fs::read(&path).unwrap();
    ingest::document_text(&path, &bytes)
        .unwrap_or_else(|| panic!("{rel}: not read as a document"))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The documents that must read as `variant-nonzero-clean.txt`.
const CLEAN: [&str; 3] = [
    "docx/variant-nonzero-clean.docx",
    "html/variant-nonzero-clean.html",
    "html/variant-nonzero-clean-gbk.htm",
];

const BROKEN_DOCX: &str = "docx/variant-row-total-broken.docx";

/// Unreadable documents and a word of the one-line reason each must give.
/// Broken documents and a word of the (Chinese, default) reason each gives.
const UNREADABLE: [(&str, &str); 4] = [
    ("docx/broken-not-a-zip.docx", "不是 Word 文档"),
    ("docx/broken-no-document.docx", "没有 word/document.xml"),
    ("docx/broken-truncated.docx", "不完整或格式有误"),
    ("html/broken-no-tables.html", "没有找到表格"),
];

type Grid = Vec<Vec<CellValue>>;

fn grid(report: &Report, id: TableId, what: &str) -> Grid {
    report
        .table(id)
        .unwrap_or_else(|| panic!("{what}: table {} not found", id.id()))
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.value.clone()).collect())
        .collect()
}

/// What a finding says, without the line it cites (the lines of a document's
/// text are not those of the text original).
type Key = (
    Rule,
    &'static str,
    Option<&'static str>,
    Option<usize>,
    Option<usize>,
    Option<i64>,
    Option<i64>,
);

fn keys(findings: &[Finding]) -> Vec<Key> {
    let mut k: Vec<Key> = findings
        .iter()
        .map(|f| {
            (
                f.rule,
                f.severity.as_str(),
                f.table.map(|t| t.id()),
                f.row,
                f.column,
                f.expected,
                f.actual,
            )
        })
        .collect();
    k.sort();
    k
}

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run nianbao")
}

// ------------------------------------------------------------------ cells

#[test]
fn every_cell_equals_the_text_original() {
    let text = load("variant-nonzero-clean.txt");
    for rel in CLEAN {
        let doc = load(rel);
        for id in TableId::ALL {
            let want = grid(&text, id, "variant-nonzero-clean.txt");
            let got = grid(&doc, id, rel);
            assert_eq!(got.len(), want.len(), "{rel} {}: rows", id.id());
            for (r, (g, w)) in got.iter().zip(&want).enumerate() {
                assert_eq!(g.len(), w.len(), "{rel} {} row {r}: width", id.id());
                for (c, (gv, wv)) in g.iter().zip(w).enumerate() {
                    assert_eq!(gv, wv, "{rel} {} row {r} column {c}", id.id());
                }
            }
            let table = doc.table(id).unwrap();
            for (r, row) in table.rows.iter().enumerate() {
                assert!(row.found, "{rel} {} row {r} not found", id.id());
                assert!(row.layout.is_none(), "{rel} {} row {r}: layout", id.id());
            }
        }
    }
}

#[test]
fn the_numbers_are_the_clean_variants() {
    // Independent of the text parser: the figures of sample-reports/README.md.
    for rel in CLEAN {
        let r = load(rel);
        let req = r.table(TableId::Requests).unwrap();
        let row = |i: usize| -> Vec<Option<i64>> { (0..7).map(|c| req.count(i, c)).collect() };
        let some = |v: [i64; 7]| v.map(Some).to_vec();
        assert_eq!(row(0), some([20, 4, 0, 1, 0, 0, 25]), "{rel}");
        assert_eq!(row(1), some([2, 1, 0, 0, 0, 0, 3]), "{rel}");
        assert_eq!(row(2), some([9, 1, 0, 1, 0, 0, 11]), "{rel}");
        assert_eq!(row(20), some([0, 1, 0, 0, 0, 0, 1]), "{rel}");
        assert_eq!(row(23), some([20, 4, 0, 1, 0, 0, 25]), "{rel}");
        assert_eq!(row(24), some([2, 1, 0, 0, 0, 0, 3]), "{rel}");
        let app = r.table(TableId::Appeals).unwrap();
        let app: Vec<Option<i64>> = (0..15).map(|c| app.count(0, c)).collect();
        assert_eq!(
            app,
            [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1]
                .map(Some)
                .to_vec(),
            "{rel}"
        );
        let act = r.table(TableId::Active).unwrap();
        assert_eq!(act.count(1, 2), Some(12), "{rel}");
        assert_eq!(act.count(2, 0), Some(124), "{rel}");
        assert_eq!(act.rows[5].cells[0].value, CellValue::Amount(1.25), "{rel}");
    }
}

#[test]
fn encodings_are_named() {
    assert_eq!(load(CLEAN[0]).encoding, "docx");
    assert_eq!(load(CLEAN[1]).encoding, "html (UTF-8)");
    assert_eq!(load(CLEAN[2]).encoding, "html (GBK)");
    // The GBK page really is not UTF-8.
    assert!(std::str::from_utf8(&std::fs::read(sample(CLEAN[2])).unwrap()).is_err());
}

// --------------------------------------------------------------- findings

#[test]
fn findings_equal_the_text_originals() {
    let text = rules::check(&load("variant-nonzero-clean.txt"));
    assert!(
        text.iter().all(|f| !f.is_error()),
        "the text original has errors: {text:?}"
    );
    for rel in CLEAN {
        let got = rules::check(&load(rel));
        assert_eq!(keys(&got), keys(&text), "{rel}: {got:#?}");
    }

    let want = rules::check(&load("variant-row-total-broken.txt"));
    let got = rules::check(&load(BROKEN_DOCX));
    assert_eq!(keys(&got), keys(&want), "{got:#?}");
    let errors: Vec<(Rule, Option<usize>, Option<usize>)> = got
        .iter()
        .filter(|f| f.is_error())
        .map(|f| (f.rule, f.row, f.column))
        .collect();
    assert!(
        errors.contains(&(Rule::Balance, None, Some(6))),
        "{errors:?}"
    );
    assert!(
        errors.contains(&(Rule::RowTotal, Some(0), Some(6))),
        "{errors:?}"
    );
}

#[test]
fn findings_cite_lines_of_the_generated_text() {
    let path = sample(BROKEN_DOCX);
    let report = load(BROKEN_DOCX);
    let doc = document(BROKEN_DOCX);
    let f = rules::check(&report)
        .into_iter()
        .find(|f| f.rule == Rule::RowTotal)
        .expect("row-total finding");
    let line = f.line.expect("a line");
    assert!(report.line(line).unwrap().contains("一、本年新收"));
    // Row 一 is the 4th row of the requests table (after three header rows).
    assert_eq!(
        doc.origin(line),
        Some(Origin::TableRow { table: 2, row: 4 }),
        "{path:?}"
    );
    // Shown in the language asked for; JSON's words stay as they were.
    let origin = doc.origin(line).unwrap();
    assert_eq!(origin.machine(), "table 2 row 4");
    let mut zh = String::new();
    origin.write_in(nianbao::i18n::Lang::Zh, &mut zh).unwrap();
    assert_eq!(zh, "表 2 第 4 行");
}

// ---------------------------------------------------------------- origins

#[test]
fn one_origin_per_text_line() {
    for rel in CLEAN.iter().chain([&BROKEN_DOCX]) {
        let doc = document(rel);
        let lines = parse::split_lines(&doc.text);
        assert_eq!(doc.origins.len(), lines.len(), "{rel}");
        assert_eq!(load(rel).lines.len(), doc.origins.len(), "{rel}");
        assert_eq!(doc.origins[0].machine(), "paragraph 1", "{rel}");
        let machine: Vec<String> = doc.origins.iter().map(|o| o.machine()).collect();
        for (line, origin) in lines.iter().zip(&machine) {
            let ok = origin.starts_with("paragraph ")
                || origin.starts_with("table ") && origin.contains(" row ")
                || origin.starts_with("after table ") && line.is_empty();
            assert!(ok, "{rel}: {origin:?} for {line:?}");
            assert_eq!(
                line.contains('\t'),
                origin.starts_with("table "),
                "{rel}: {origin:?} for {line:?}"
            );
        }
        for t in 1..=3 {
            assert!(
                machine.contains(&format!("after table {t}")),
                "{rel}: table {t}"
            );
        }
        assert!(!machine.iter().any(|o| o == "after table 4"), "{rel}");
    }
}

#[test]
fn merged_cells_and_split_labels_are_expanded() {
    for rel in CLEAN {
        let doc = document(rel);
        let lines = parse::split_lines(&doc.text);
        let find = |start: &str| {
            lines
                .iter()
                .find(|l| l.starts_with(start))
                .unwrap_or_else(|| panic!("{rel}: no line starting {start:?}"))
        };
        // 申请人情况 spans the 7 value columns after the 3-column note.
        let header = find("（本列数据的勾稽关系为");
        assert_eq!(header.split('\t').count(), 10, "{rel}: {header:?}");
        assert_eq!(header.split('\t').nth(3), Some("申请人情况"), "{rel}");
        // 法人或其他组织 spans 5; 总计 in the last column.
        let row2 = find("\t\t\t自然人\t法人或其他组织");
        assert_eq!(row2, "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计", "{rel}");
        // The vertically merged labels are empty cells below their first row.
        assert_eq!(
            find("三、本年度办理结果"),
            "三、本年度办理结果\t（一）予以公开\t\t9\t1\t0\t1\t0\t0\t11",
            "{rel}"
        );
        assert_eq!(
            find("\t\t2.其他法律"),
            "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
            "{rel}"
        );
        // Labels split over runs / spans, blank cells (&nbsp;, <o:p></o:p>).
        assert_eq!(
            find("\t（七）"),
            "\t（七）总计\t\t20\t4\t0\t1\t0\t0\t25",
            "{rel}"
        );
        assert_eq!(find("行政许可"), "行政许可\t124\t\t", "{rel}");
        assert!(
            find("结果维持").starts_with("结果维持\t结果纠正\t其他结果"),
            "{rel}"
        );
        assert!(
            lines
                .iter()
                .all(|l| !l.contains('\u{a0}') && !l.contains("&nbsp;")),
            "{rel}"
        );
    }
}

// ----------------------------------------------------------- broken input

#[test]
fn unreadable_documents_are_load_errors() {
    for (rel, word) in UNREADABLE {
        let e = nianbao::load(&sample(rel)).expect_err(rel);
        assert!(
            matches!(e, nianbao::decode::LoadError::Document { .. }),
            "{rel}: {e:?}"
        );
        let msg = e.to_string();
        assert!(msg.contains(word), "{rel}: {msg}");
        assert!(
            msg.contains(rel.rsplit('/').next().unwrap()),
            "{rel}: {msg}"
        );
        assert!(!msg.contains('\n'), "{rel}: {msg}");
    }
}

#[test]
fn check_on_unreadable_documents_exits_2_with_one_line() {
    let dir = samples();
    for (rel, word) in UNREADABLE {
        let o = run(&["check", rel], &dir);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{rel}: {err}");
        assert!(o.stdout.is_empty(), "{rel}: {:?}", o.stdout);
        assert_eq!(err.lines().count(), 1, "{rel}: {err:?}");
        assert!(err.starts_with("nianbao: "), "{rel}: {err}");
        assert!(err.contains(rel), "{rel}: {err}");
        assert!(err.contains(word), "{rel}: {err}");
        assert!(!err.contains("panicked"), "{rel}: {err}");
    }
    // With the readable ones in the same run: each still reported.
    let o = run(&["check", CLEAN[0], UNREADABLE[0].0, BROKEN_DOCX], &dir);
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("variant-nonzero-clean.docx：0 个错误"),
        "{out}"
    );
    assert!(out.contains("error[requests.row-total]"), "{out}");
}

#[test]
fn check_exit_codes_on_readable_documents() {
    let dir = samples();
    for rel in CLEAN {
        let o = run(&["check", rel], &dir);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{rel}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
    let o = run(&["check", BROKEN_DOCX], &dir);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("variant-row-total-broken.docx：") && out.contains(Rule::Balance.id()),
        "{out}"
    );
}

/// Cut and corrupted documents: an error or a report, never a panic.
#[test]
fn damaged_documents_never_panic() {
    let tmp = tempfile::tempdir().unwrap();
    for rel in [CLEAN[0], CLEAN[1], CLEAN[2]] {
        let bytes = std::fs::read(sample(rel)).unwrap();
        let name = Path::new(rel).file_name().unwrap();
        let path = tmp.path().join(name);
        let step = (bytes.len() / 60).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            let _ = ingest::document_text(&path, &bytes[..cut]).unwrap();
        }
        for at in (0..bytes.len()).step_by(step) {
            let mut b = bytes.clone();
            b[at] ^= 0x5A;
            if let Ok(doc) = ingest::document_text(&path, &b).unwrap() {
                assert_eq!(doc.origins.len(), parse::split_lines(&doc.text).len());
                let _ = rules::check(&parse::parse(&doc.text, doc.encoding));
            }
        }
    }
}

// -------------------------------------------------------------- normalize

#[test]
fn normalize_writes_text_beside_the_document_and_leaves_it_alone() {
    let tmp = tempfile::tempdir().unwrap();
    for rel in [CLEAN[0], CLEAN[2]] {
        let name = Path::new(rel).file_name().unwrap().to_str().unwrap();
        let input = tmp.path().join(name);
        std::fs::copy(sample(rel), &input).unwrap();
        let before = std::fs::read(&input).unwrap();

        let o = run(&["normalize", name], tmp.path());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{rel}: {err}");
        assert_eq!(err.lines().count(), 1, "{rel}: {err}");
        let stem = Path::new(name).file_stem().unwrap().to_str().unwrap();
        let out = tmp.path().join(format!("{stem}.normalized.txt"));
        assert!(out.exists(), "{rel}: {err}");
        assert_eq!(std::fs::read(&input).unwrap(), before, "{rel} was changed");

        // Text, and the same tables and findings when read back.
        let text = std::fs::read_to_string(&out).expect("UTF-8 text");
        assert!(!text.contains('\r') && text.ends_with('\n'));
        let again = nianbao::load(&out).unwrap();
        let doc = load(rel);
        for id in TableId::ALL {
            assert_eq!(grid(&again, id, "normalized"), grid(&doc, id, rel), "{rel}");
        }
        assert_eq!(
            keys(&rules::check(&again)),
            keys(&rules::check(&doc)),
            "{rel}"
        );
    }
}

// ------------------------------------------------------------- extensions

#[test]
fn extensions_pick_the_reader() {
    let tmp = tempfile::tempdir().unwrap();
    // Any case of .docx / .html / .htm is a document.
    for (rel, name) in [
        (CLEAN[0], "REPORT.DOCX"),
        (CLEAN[1], "Report.HTM"),
        (CLEAN[2], "report.Html"),
    ] {
        let p = tmp.path().join(name);
        std::fs::copy(sample(rel), &p).unwrap();
        let r = nianbao::load(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(r.table(TableId::Requests).is_some(), "{name}");
    }
    // Other extensions are read as text, as before.
    let txt = sample("variant-nonzero-clean.txt");
    let bytes = std::fs::read(&txt).unwrap();
    assert!(ingest::document_text(&txt, &bytes).is_none());
    assert!(ingest::document_text(Path::new("report"), &bytes).is_none());
    assert_eq!(
        nianbao::load(&txt).unwrap().encoding,
        "UTF-8",
        "text files keep the old path"
    );
    // A web page saved as .txt is text (its tags and all).
    let p = tmp.path().join("page.txt");
    std::fs::copy(sample(CLEAN[1]), &p).unwrap();
    assert_eq!(nianbao::load(&p).unwrap().encoding, "UTF-8");
}
