//! The coordinator's headless view end to end: `nianbao check --summary
//! csv|markdown` over folders, checked against `nianbao check --format json`
//! on the same files; one agency's consecutive years paired for
//! `requests.carry-over`; a folder with a generated corpus.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::bin::{assert_code, manifest_dir, run, run_in, sample, stderr, stdout};

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

// ------------------------------------------------------------ CSV reading

/// An RFC 4180 reader: fields separated by `,`, records ended by CRLF (a
/// bare CR or LF outside quotes is an error), a field in double quotes may
/// hold `,`, CR, LF and `""` (one quote). Every record must end with CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                // Quoted field: up to the closing quote.
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => field.push(c),
                        None => panic!("unterminated quoted field: {field:?}"),
                    }
                }
                match chars.peek() {
                    Some(',') | Some('\r') | None => {}
                    other => panic!("{other:?} after a closing quote in {field:?}"),
                }
                at_field_start = false;
            }
            '"' => panic!("a quote inside an unquoted field: {field:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF after {record:?}");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("bare LF ends a record after {record:?} {field:?}"),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(
        record.is_empty() && field.is_empty() && at_field_start,
        "the last record does not end with CRLF: {record:?} {field:?}"
    );
    records
}

#[test]
fn the_csv_reader_reads_rfc_4180() {
    let rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\",\r\n\"x\r\ny\",,z\r\n");
    assert_eq!(
        rows,
        [vec!["a", "b,c", "say \"hi\"", ""], vec!["x\r\ny", "", "z"]]
    );
    assert!(std::panic::catch_unwind(|| parse_csv("a,b\n")).is_err());
    assert!(std::panic::catch_unwind(|| parse_csv("a,b")).is_err());
    assert!(std::panic::catch_unwind(|| parse_csv("a\"b\r\n")).is_err());
}

// ------------------------------------------------------------ the summary

const HEADER: [&str; 14] = [
    "file",
    "agency",
    "year",
    "encoding",
    "sums errors",
    "sums warnings",
    "layout errors",
    "layout warnings",
    "narrative errors",
    "narrative warnings",
    "carry-over errors",
    "carry-over warnings",
    "first finding",
    "status",
];

/// The family a rule is counted in (written here from the README, not
/// taken from the library).
fn family(rule: &str) -> usize {
    if rule == "requests.carry-over" {
        3
    } else if rule.starts_with("requests.") || rule.starts_with("appeals.") {
        0
    } else if rule.starts_with("table.") || rule.starts_with("cell.") {
        1
    } else {
        2
    }
}

/// What a summary row must say about one report of `check --format json`.
#[derive(Debug, PartialEq)]
struct Expected {
    /// errors, warnings per family: sums, layout, narrative, carry-over.
    counts: [u32; 8],
    encoding: String,
    first: String,
}

fn expected_from_json(report: &serde_json::Value) -> Expected {
    let mut counts = [0u32; 8];
    let findings = report["findings"].as_array().expect("findings");
    for f in findings {
        let k = family(f["rule"].as_str().unwrap());
        match f["severity"].as_str().unwrap() {
            "error" => counts[2 * k] += 1,
            "warning" => counts[2 * k + 1] += 1,
            s => panic!("severity {s}"),
        }
    }
    let first = match report.get("error").and_then(|e| e.as_str()) {
        // JSON's error names the file; the row names it in its own
        // column and gives the reason alone.
        Some(e) => {
            let path = report["path"].as_str().unwrap();
            let reason = e
                .strip_prefix(path)
                .and_then(|r| r.strip_prefix(": "))
                .unwrap_or_else(|| panic!("{e:?} starts with its path {path:?}"));
            format!("unreadable: {reason}")
        }
        None => findings
            .iter()
            .find(|f| f["severity"] == "error")
            .or(findings.first())
            .map(|f| f["message"].as_str().unwrap().to_string())
            .unwrap_or_default(),
    };
    Expected {
        counts,
        encoding: report
            .get("encoding")
            .and_then(|e| e.as_str())
            .unwrap_or_default()
            .to_string(),
        first,
    }
}

fn expected_from_row(row: &[String]) -> Expected {
    assert_eq!(row.len(), HEADER.len(), "{row:?}");
    let mut counts = [0u32; 8];
    let unreadable = row[13] == "unreadable";
    for (k, c) in counts.iter_mut().enumerate() {
        // An unreadable file's counts are empty cells, not zeros.
        if unreadable {
            assert_eq!(row[4 + k], "", "{row:?}");
            continue;
        }
        *c = row[4 + k]
            .parse()
            .unwrap_or_else(|_| panic!("count {:?} in {row:?}", row[4 + k]));
    }
    let errors: u32 = counts.iter().step_by(2).sum();
    let warnings: u32 = counts.iter().skip(1).step_by(2).sum();
    let status = match (unreadable, errors, warnings) {
        (true, _, _) => "unreadable",
        (false, 1.., _) => "errors",
        (false, 0, 1..) => "warnings",
        (false, 0, 0) => "clean",
    };
    assert_eq!(row[13], status, "{row:?}");
    Expected {
        counts,
        encoding: row[3].clone(),
        first: row[12].clone(),
    }
}

/// `check --format json` over `args`: path → what the row must say.
fn json_by_path(dir: &Path, args: &[&str]) -> HashMap<String, Expected> {
    let mut a = vec!["check", "--format", "json"];
    a.extend_from_slice(args);
    let o = run_in(dir, &a);
    assert!(matches!(o.status.code(), Some(0..=2)), "{}", stderr(&o));
    json(&o)["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap().to_string(),
                expected_from_json(r),
            )
        })
        .collect()
}

/// The report files of a folder as a user sees them: .txt/.docx/.html/.htm/
/// .pdf, in sub-folders too, not `*.normalized.txt`, not README.md; paths
/// relative to `dir`, sorted.
fn report_files(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let n = p.file_name().unwrap().to_string_lossy().to_lowercase();
            if n.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                walk(&p, out);
            } else if [".txt", ".docx", ".html", ".htm", ".pdf"]
                .iter()
                .any(|e| n.ends_with(e))
                && !n.ends_with(".normalized.txt")
            {
                out.push(p);
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, &mut v);
    v.sort();
    v.iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
        .collect()
}

/// `check --summary csv` over `args` in `dir`: header checked, the rows,
/// the first finding as JSON says it (in Chinese).
fn csv_rows(dir: &Path, args: &[&str]) -> (Output, Vec<Vec<String>>) {
    let (o, mut rows) = csv_rows_en(dir, args);
    // The first finding speaks the interface's language; JSON's message is
    // the Chinese text: take that column from the same summary in Chinese
    // (the default), whose other cells but the status are the same. (An
    // unreadable file's reason is English in JSON: kept.)
    let mut a = vec!["check", "--summary", "csv"];
    a.extend_from_slice(args);
    let mut zh = parse_csv(&stdout(&run_in(dir, &a)));
    zh.remove(0);
    assert_eq!(zh.len(), rows.len());
    for (r, z) in rows.iter_mut().zip(zh) {
        assert_eq!(r[..12], z[..12], "{r:?}\n{z:?}");
        if r[13] != "unreadable" {
            r[12] = z[12].clone();
        }
    }
    (o, rows)
}

/// `check --summary csv` over `args` in `dir`, in English: header checked,
/// the rows as they are.
fn csv_rows_en(dir: &Path, args: &[&str]) -> (Output, Vec<Vec<String>>) {
    // The English headers and cells (the language is not the subject here).
    let mut a = vec!["--lang", "en", "check", "--summary", "csv"];
    a.extend_from_slice(args);
    let o = run_in(dir, &a);
    let out = stdout(&o);
    assert!(out.ends_with("\r\n"), "{out:?}");
    let mut rows = parse_csv(&out);
    assert!(!rows.is_empty());
    let header = rows.remove(0);
    assert_eq!(header, HEADER, "header");
    for r in &rows {
        assert_eq!(r.len(), HEADER.len(), "{r:?}");
    }
    (o, rows)
}

#[test]
fn summary_csv_of_the_samples_matches_check_json_per_file() {
    let (o, rows) = csv_rows(manifest_dir(), &["sample-reports"]);
    // Some reports have errors; the broken Word, web and PDF samples in the
    // sub-folders cannot be read (exit 2), each named on stderr, after the
    // one line on what the folder held.
    assert_code(&o, 2);
    let err = stderr(&o);
    let mut lines = err.lines();
    assert!(
        lines.next().is_some_and(|l| l
            .starts_with("nianbao: sample-reports: report files found: ")
            && l.contains("; skipped: ")),
        "{err}"
    );
    let unreadable = rows.iter().filter(|r| r[13] == "unreadable").count();
    assert!(unreadable > 0);
    assert_eq!(lines.count(), unreadable, "{err}");
    let files = report_files(&manifest_dir().join("sample-reports"));
    assert!(files.len() >= 25, "{files:?}");
    assert!(!files.iter().any(|f| f == "README.md"));
    let shown: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    let want: Vec<String> = files
        .iter()
        .map(|f| format!("sample-reports/{f}"))
        .collect();
    assert_eq!(shown, want, "one row per report file, in file order");

    let mut some_errors = false;
    for row in &rows {
        let path = &row[0];
        // The same file alone (no other year to pair with).
        let one = json_by_path(manifest_dir(), &[path]);
        let want = one.get(path).unwrap_or_else(|| panic!("{path} in json"));
        assert_eq!(&expected_from_row(row), want, "{path}");
        some_errors |= want.counts.iter().step_by(2).any(|&e| e > 0);
        if row[13] == "unreadable" {
            assert_eq!(row[1], "", "no agency for a file not read: {row:?}");
            continue;
        }
        // Agency and year from the title, else the file stem and no year.
        let report = nianbao::load(&manifest_dir().join(path)).unwrap();
        match nianbao::batch::title_of(&report)
            .as_deref()
            .map(nianbao::batch::agency_and_year)
        {
            Some((Some(agency), year)) => {
                assert_eq!(row[1], agency, "{path}");
                assert_eq!(row[2], year.map(|y| y.to_string()).unwrap_or_default());
            }
            _ => {
                let stem = Path::new(path).file_stem().unwrap().to_string_lossy();
                assert_eq!(row[1], stem, "{path}");
            }
        }
    }
    assert!(some_errors);
    // The folder at once (pairs, if any, on both sides) says the same.
    let all = json_by_path(manifest_dir(), &["sample-reports"]);
    assert_eq!(all.len(), rows.len());
    for row in &rows {
        assert_eq!(&expected_from_row(row), &all[&row[0]], "{}", row[0]);
    }
    // Known rows.
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[0] == format!("sample-reports/{name}"))
            .unwrap()
    };
    let single = row("variant-single-wrong-cell.txt");
    assert_eq!(single[1], "卫东区政务服务和大数据管理局");
    assert_eq!(single[2], "2023");
    assert_eq!(&single[4..12], ["2", "0", "0", "0", "0", "0", "0", "0"]);
    assert_eq!(row("variant-gbk.txt")[3], "gb18030");
    assert_eq!(row("variant-utf16.txt")[3], "UTF-16LE");
    assert_eq!(row("real-02-shanghai-stcsm-2024.txt")[1], "上海市科委");
    // A first finding with a comma is quoted (and read back whole).
    assert!(rows.iter().any(|r| r[12].contains(", ")));
}

#[test]
fn summary_of_clean_reports_exits_0_and_an_unreadable_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    for n in ["seed-000.txt", "variant-nonzero-clean.txt"] {
        std::fs::copy(sample(n), dir.path().join(n)).unwrap();
    }
    let (o, rows) = csv_rows(dir.path(), &["."]);
    assert_code(&o, 0);
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert!(r[4..12].iter().all(|c| c == "0"), "{r:?}");
        assert_eq!(r[12], "");
    }
    std::fs::write(
        dir.path().join("zz-binary.txt"),
        b"\x00\x01\x02 not a report",
    )
    .unwrap();
    let (o, rows) = csv_rows(dir.path(), &["."]);
    assert_code(&o, 2);
    assert_eq!(rows.len(), 3);
    let bad = &rows[2];
    assert!(bad[0].ends_with("zz-binary.txt"), "{bad:?}");
    assert_eq!(bad[1], "", "no agency for a file not read: {bad:?}");
    assert!(bad[12].starts_with("unreadable: "), "{bad:?}");
    assert!(!bad[12].contains("zz-binary"), "the path once: {bad:?}");
    assert!(bad[12].contains("binary"), "{bad:?}");
    assert!(bad[4..12].iter().all(|c| c.is_empty()), "{bad:?}");
    assert_eq!(bad[13], "unreadable");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("nianbao: ") && err.contains("zz-binary.txt"));
}

#[test]
fn summary_csv_quotes_commas_and_quotes_in_paths() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a,\"quoted\" report.txt";
    std::fs::copy(
        sample("variant-single-wrong-cell.txt"),
        dir.path().join(name),
    )
    .unwrap();
    let out = stdout(&run_in(dir.path(), &["check", "--summary", "csv", name]));
    assert!(
        out.contains("\"a,\"\"quoted\"\" report.txt\""),
        "RFC 4180 quoting: {out}"
    );
    let rows = parse_csv(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], name);
    assert_eq!(rows[1][4], "2");
}

/// Cells of a Markdown table row: split on `|` not preceded by `\`.
fn md_cells(line: &str) -> Vec<String> {
    let inner = line
        .strip_prefix("| ")
        .and_then(|l| l.strip_suffix(" |"))
        .unwrap_or_else(|| panic!("not a table row: {line:?}"));
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut prev = ' ';
    for c in inner.chars() {
        if c == '|' && prev != '\\' {
            cells.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(c);
        }
        prev = c;
    }
    cells.push(cur.trim().to_string());
    cells
}

#[test]
fn summary_markdown_has_header_rule_and_one_row_per_report() {
    let o = run(&[
        "--lang",
        "en",
        "check",
        "--summary",
        "markdown",
        "sample-reports",
    ]);
    assert_code(&o, 2); // the broken documents of the sub-folders
    let out = stdout(&o);
    let files = report_files(&manifest_dir().join("sample-reports"));
    // The circular's paragraph, a blank line, then the table.
    let mut all = out.lines();
    let para = all.next().unwrap_or_default();
    assert!(
        para.starts_with(&format!("{} reports were checked", files.len())),
        "{out}"
    );
    assert_eq!(all.next(), Some(""), "{out}");
    let lines: Vec<&str> = all.collect();
    assert_eq!(lines.len(), files.len() + 2, "{out}");
    assert_eq!(md_cells(lines[0]), HEADER);
    assert_eq!(lines[1], format!("|{}", "---|".repeat(HEADER.len())));
    let (_, csv) = csv_rows_en(manifest_dir(), &["sample-reports"]);
    for (line, (file, row)) in lines[2..].iter().zip(files.iter().zip(&csv)) {
        let cells = md_cells(line);
        assert_eq!(cells.len(), HEADER.len(), "{line}");
        assert_eq!(cells[0], format!("sample-reports/{file}"));
        // The same values as the CSV (no `|` in them here).
        assert_eq!(&cells[..12], &row[..12], "{line}");
        assert_eq!(cells[12], row[12].trim(), "{line}");
    }

    // `|` in a value is escaped, so the row keeps its 13 cells.
    let dir = tempfile::tempdir().unwrap();
    let name = "a|b.txt";
    std::fs::copy(
        sample("variant-single-wrong-cell.txt"),
        dir.path().join(name),
    )
    .unwrap();
    let text = sample("variant-nonzero-clean.txt");
    let piped = std::fs::read_to_string(text).unwrap().replacen(
        "卫东区政务服务和大数据管理局 2023 年",
        "卫东区|政务服务局 2023 年",
        1,
    );
    std::fs::write(dir.path().join("c.txt"), piped).unwrap();
    let o = run_in(
        dir.path(),
        &["--lang", "en", "check", "--summary", "markdown", "."],
    );
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[2].contains("a\\|b.txt"), "{out}");
    assert!(lines[3].contains("卫东区\\|政务服务局"), "{out}");
    for l in &lines[2..] {
        assert_eq!(md_cells(l).len(), HEADER.len(), "{l}");
    }
}

// ------------------------------------------------------------ pairing

const CARRIED_2023: &str = "二、上年结转政府信息公开申请数量\t\t2\t1\t0\t0\t0\t0\t3";
const TITLE_2023: &str = "卫东区政务服务和大数据管理局 2023 年";
const TITLE_2024: &str = "卫东区政务服务和大数据管理局 2024 年";

/// variant-nonzero-clean.txt as the 2024 report: title year 2024 and its
/// 二、上年结转 row set to `carried` (the 2023 file's 四 row is 2 1 0 0 0 0 3).
fn year_2024(base: &str, carried: &str) -> String {
    assert!(base.contains(TITLE_2023));
    assert!(base.contains(CARRIED_2023), "the 二 row of the sample");
    assert!(
        base.contains("四、结转下年度继续办理\t\t2\t1\t0\t0\t0\t0\t3"),
        "the 四 row of the sample"
    );
    base.replacen(TITLE_2023, TITLE_2024, 1)
        .replacen(CARRIED_2023, carried, 1)
}

fn base_text() -> String {
    std::fs::read_to_string(sample("variant-nonzero-clean.txt")).unwrap()
}

/// Findings of one rule per report path, from `check --format json DIR`.
fn rule_counts(dir: &Path, rule: &str) -> HashMap<String, usize> {
    let o = run_in(dir, &["check", "--format", "json", "."]);
    json(&o)["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let n = r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["rule"] == rule)
                .count();
            (r["path"].as_str().unwrap().to_string(), n)
        })
        .collect()
}

fn carry_over_column(rows: &[Vec<String>]) -> HashMap<String, (String, String)> {
    rows.iter()
        .map(|r| (r[0].clone(), (r[10].clone(), r[11].clone())))
        .collect()
}

#[test]
fn consecutive_years_of_one_agency_are_paired_for_carry_over() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = base_text();
    // The 2024 file sorts first: pairing goes by the titles, not the order.
    std::fs::write(d.join("x-2023.txt"), &base).unwrap();
    // Column 自然人 differs: 5 where last year carried 2.
    let off = year_2024(
        &base,
        "二、上年结转政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t3",
    );
    std::fs::write(d.join("a-2024.txt"), &off).unwrap();
    // Another agency's 2024 with the same (wrong) row: not paired with 卫东区.
    let other = off.replacen("卫东区政务服务和大数据管理局", "西工区城市管理局", 1);
    std::fs::write(d.join("m-other-2024.txt"), &other).unwrap();

    // Text: exactly one carry-over error, on the 2024 file, column 0.
    let o = run_in(d, &["check", "."]);
    assert_code(&o, 1);
    let out = stdout(&o);
    let carry: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("[requests.carry-over]"))
        .collect();
    assert_eq!(carry.len(), 1, "{out}");
    assert!(carry[0].starts_with("./a-2024.txt:"), "{}", carry[0]);
    assert!(
        carry[0].contains("error[requests.carry-over]"),
        "{}",
        carry[0]
    );
    assert!(carry[0].ends_with("(requests r1 c0)"), "{}", carry[0]);
    // JSON: the same.
    let counts = rule_counts(d, "requests.carry-over");
    assert_eq!(counts["./a-2024.txt"], 1, "{counts:?}");
    assert_eq!(counts["./x-2023.txt"], 0);
    assert_eq!(
        counts["./m-other-2024.txt"], 0,
        "another agency: not paired"
    );
    // CSV: in the carry-over column.
    let (o, rows) = csv_rows(d, &["."]);
    assert_code(&o, 1);
    let col = carry_over_column(&rows);
    assert_eq!(col["./a-2024.txt"], ("1".into(), "0".into()), "{rows:?}");
    assert_eq!(col["./x-2023.txt"], ("0".into(), "0".into()));
    assert_eq!(col["./m-other-2024.txt"], ("0".into(), "0".into()));
    // Every count of the summary equals that of check --format json.
    let by_json = json_by_path(d, &["."]);
    for r in &rows {
        assert_eq!(expected_from_row(r), by_json[&r[0]], "{}", r[0]);
    }
    // Files named one by one pair the same way as a folder.
    let o = run_in(d, &["check", "x-2023.txt", "a-2024.txt"]);
    assert_eq!(
        stdout(&o)
            .lines()
            .filter(|l| l.contains("[requests.carry-over]"))
            .count(),
        1
    );
    // One file alone is not paired with anything.
    let o = run_in(d, &["check", "a-2024.txt"]);
    assert!(!stdout(&o).contains("carry-over"), "{}", stdout(&o));
}

#[test]
fn a_matching_carry_over_row_gives_no_finding() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = base_text();
    std::fs::write(d.join("a-2023.txt"), &base).unwrap();
    std::fs::write(d.join("b-2024.txt"), year_2024(&base, CARRIED_2023)).unwrap();
    let o = run_in(d, &["check", "."]);
    assert_code(&o, 0);
    assert!(!stdout(&o).contains("carry-over"), "{}", stdout(&o));
    let counts = rule_counts(d, "requests.carry-over");
    assert_eq!(counts.values().sum::<usize>(), 0, "{counts:?}");
    let (o, rows) = csv_rows(d, &["."]);
    assert_code(&o, 0);
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert_eq!((r[10].as_str(), r[11].as_str()), ("0", "0"), "{r:?}");
        assert_eq!(
            r[2],
            if r[0].contains("2023") {
                "2023"
            } else {
                "2024"
            }
        );
    }
}

/// The 2023 sample and its 2024 copy (自然人 carried 5, not 2) made longer
/// than 8 KB by narrative, in three folders: shifted by 0, 1 and 2 leading
/// blank lines, so that whatever prefix of a file is read for its title
/// (2 KB, 8 KB), that prefix ends inside a character in some folder.
fn long_pairs(d: &Path) -> Vec<PathBuf> {
    let base = base_text();
    let para = "本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例，持续深化政务公开。\n";
    let at = base.find("一、总体情况").unwrap();
    let at = at + base[at..].find('\n').unwrap() + 1;
    let mut cut = [0usize; 2];
    let dirs = (0..3)
        .map(|shift| {
            let long = format!(
                "{}{}{}{}",
                "\n".repeat(shift),
                &base[..at],
                para.repeat(100),
                &base[at..]
            );
            let now = year_2024(
                &long,
                "二、上年结转政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t3",
            );
            for (k, n) in [2048, 8192].into_iter().enumerate() {
                if !long.is_char_boundary(n) && !now.is_char_boundary(n) {
                    cut[k] += 1;
                }
            }
            let sub = d.join(format!("shift-{shift}"));
            std::fs::create_dir(&sub).unwrap();
            std::fs::write(sub.join("a-2023.txt"), &long).unwrap();
            std::fs::write(sub.join("b-2024.txt"), &now).unwrap();
            sub
        })
        .collect();
    assert!(cut[0] > 0 && cut[1] > 0, "some prefix ends mid-character");
    dirs
}

#[test]
fn long_reports_are_paired_by_check_summary() {
    let dir = tempfile::tempdir().unwrap();
    for sub in long_pairs(dir.path()) {
        let (_, rows) = csv_rows(&sub, &["."]);
        assert_eq!(carry_over_column(&rows)["./b-2024.txt"].0, "1", "{rows:?}");
    }
}

/// Was a BUG at ac4911d: `batch::pair_files` (used by `check DIR` and the
/// TUI list) decoded a file's first 8192 bytes; where byte 8192 fell inside
/// a UTF-8 character the prefix was not valid UTF-8, chardetng guessed
/// windows-1252, the title was mojibake and the years were not paired.
#[test]
fn long_reports_are_paired_by_check_whatever_byte_the_title_prefix_ends_on() {
    let dir = tempfile::tempdir().unwrap();
    for sub in long_pairs(dir.path()) {
        let counts = rule_counts(&sub, "requests.carry-over");
        assert_eq!(counts["./b-2024.txt"], 1, "{sub:?}: {counts:?}");
        assert_eq!(counts["./a-2023.txt"], 0, "{sub:?}: {counts:?}");
    }
}

#[test]

fn a_previous_year_as_docx_or_html_is_paired_by_check() {
    for prev in [
        "docx/variant-nonzero-clean.docx",
        "html/variant-nonzero-clean.html",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let ext = Path::new(prev).extension().unwrap().to_str().unwrap();
        std::fs::copy(sample(prev), d.join(format!("a-2023.{ext}"))).unwrap();
        let now = year_2024(
            &base_text(),
            "二、上年结转政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t3",
        );
        std::fs::write(d.join("b-2024.txt"), now).unwrap();
        let (_, rows) = csv_rows(d, &["."]);
        assert_eq!(carry_over_column(&rows)["./b-2024.txt"].0, "1", "{prev}");
        let counts = rule_counts(d, "requests.carry-over");
        assert_eq!(counts["./b-2024.txt"], 1, "{prev}: {counts:?}");
    }
}

// ------------------------------------------------------------ a corpus

#[cfg(feature = "corpus")]
#[test]
fn summary_over_samples_and_200_generated_reports_matches_check_json() {
    const N: u64 = 200;
    const SEED: u64 = 7;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao-corpus"))
        .args([&N.to_string(), ".", "--seed", &SEED.to_string()])
        .current_dir(d)
        .output()
        .unwrap();
    assert_code(&o, 0);
    // The text samples of the folder itself (not those of its sub-folders).
    let samples: Vec<String> = report_files(&manifest_dir().join("sample-reports"))
        .into_iter()
        .filter(|s| !s.contains('/') && !s.ends_with(".pdf"))
        .collect();
    for s in &samples {
        std::fs::copy(sample(s), d.join(s)).unwrap();
    }
    // Not reports: the folder's README and a normalized output.
    std::fs::write(d.join("README.md"), "# notes\n").unwrap();
    std::fs::copy(
        sample("variant-single-wrong-cell.txt"),
        d.join("x.normalized.txt"),
    )
    .unwrap();

    let files = report_files(d);
    assert_eq!(files.len(), N as usize + samples.len());
    let (o, rows) = csv_rows(d, &["."]);
    assert_code(&o, 1);
    let shown: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    let want: Vec<String> = files.iter().map(|f| format!("./{f}")).collect();
    assert_eq!(shown, want);

    let by_json = json_by_path(d, &["."]);
    assert_eq!(by_json.len(), rows.len());
    let mut broken = 0;
    for r in &rows {
        assert_eq!(expected_from_row(r), by_json[&r[0]], "{}", r[0]);
    }
    let width = N.to_string().len().max(5);
    for i in 0..N {
        let g = nianbao::corpus::generate(SEED, i);
        let name = format!("./report-{i:0width$}.txt");
        let text = std::fs::read_to_string(d.join(&name)).unwrap();
        assert_eq!(text, g.text, "the binary writes corpus::generate");
        let r = rows.iter().find(|r| r[0] == name).unwrap();
        assert_eq!(r[2], "2023", "{r:?}");
        assert!(r[1].contains(&format!("（{i}）")), "{r:?}");
        let errors: u32 = r[4..12]
            .iter()
            .step_by(2)
            .map(|c| c.parse::<u32>().unwrap())
            .sum();
        if g.broken {
            broken += 1;
        } else {
            assert_eq!(errors, 0, "{name} ({:?}) is not broken: {r:?}", g.layout);
        }
    }
    assert!(broken > 10 && broken < 80, "about a fifth broken: {broken}");
}
