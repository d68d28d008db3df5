//! The coordinator's outputs and the folder reading: the Excel workbook
//! read back and compared with `check --format json`, the CSV's BOM, the
//! 通报 paragraph, pinyin order, subfolders, an empty folder, and every
//! option that does not apply to the command given.

use std::collections::HashMap;

use calamine::{Data, Reader, Xlsx, open_workbook};

mod common;
use common::bin::{assert_code, run, run_in, sample, stderr, stdout};

/// A folder of reports: clean, broken, one unreadable, one in a subfolder.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for n in [
        "variant-nonzero-clean.txt",
        "variant-row-total-broken.txt",
        "variant-invalid-cells.txt",
        "variant-blank-cells.txt",
    ] {
        std::fs::copy(sample(n), d.join(n)).unwrap();
    }
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::copy(
        sample("real-02-shanghai-stcsm-2024.txt"),
        d.join("sub/real-02.txt"),
    )
    .unwrap();
    std::fs::write(d.join("zz-binary.txt"), b"\x00\x01\x02 not a report").unwrap();
    dir
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

fn sheet(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(name).expect(name);
    assert_eq!(range.start(), Some((0, 0)), "{name} starts at A1");
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn xlsx_summary_and_findings_match_check_json() {
    let dir = folder();
    let d = dir.path();
    let o = run_in(d, &["check", ".", "--summary", "xlsx", "-o", "汇总.xlsx"]);
    assert_code(&o, 2); // the unreadable file
    assert!(stdout(&o).is_empty(), "nothing on stdout");
    assert!(stderr(&o).contains("已写入 汇总.xlsx"), "{}", stderr(&o));

    let json = run_in(d, &["check", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let reports = json["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 6);

    let mut book: Xlsx<_> = open_workbook(d.join("汇总.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["汇总", "问题清单", "通报"]);

    // The summary: one row per report, counts as numbers per family.
    let rows = sheet(&mut book, "汇总");
    let header: Vec<String> = rows[0].iter().map(cell_text).collect();
    assert_eq!(header[..4], ["文件", "机关", "年度", "编码"]);
    assert_eq!(header[4], "合计错误");
    assert_eq!(header[13], "状态");
    assert_eq!(rows.len(), reports.len() + 1);
    let by_path: HashMap<String, &Vec<Data>> =
        rows[1..].iter().map(|r| (cell_text(&r[0]), r)).collect();
    for rep in reports {
        let path = rep["path"].as_str().unwrap();
        let row = by_path[path];
        let findings = rep["findings"].as_array().unwrap();
        if rep.get("error").is_some() {
            // Unreadable: no counts at all (never zeros), marked.
            assert!(row[4..12].iter().all(|c| *c == Data::Empty), "{row:?}");
            assert_eq!(cell_text(&row[13]), "无法读取");
            assert!(cell_text(&row[12]).starts_with("无法读取："), "{row:?}");
            continue;
        }
        let mut counts = [0f64; 8];
        for f in findings {
            let rule = nianbao::rules::Rule::from_id(f["rule"].as_str().unwrap()).unwrap();
            let k = rule.family().index() * 2 + usize::from(f["severity"] == "warning");
            counts[k] += 1.0;
        }
        for (k, want) in counts.iter().enumerate() {
            assert_eq!(row[4 + k], Data::Float(*want), "{path} column {}", 4 + k);
        }
        let status = match (counts.iter().step_by(2).sum::<f64>(), findings.len()) {
            (e, _) if e > 0.0 => "有错误",
            (_, 0) => "未发现问题",
            _ => "仅有警告",
        };
        assert_eq!(cell_text(&row[13]), status, "{path}");
        assert_eq!(cell_text(&row[3]), rep["encoding"].as_str().unwrap());
    }

    // Every finding, one row each, in the report's order.
    let rows = sheet(&mut book, "问题清单");
    let header: Vec<String> = rows[0].iter().map(cell_text).collect();
    assert_eq!(
        header,
        [
            "机关",
            "文件",
            "问题类型",
            "规则编号",
            "级别",
            "位置",
            "说明",
            "建议修改"
        ]
    );
    let mut want: Vec<Vec<String>> = Vec::new();
    for rep in reports {
        for f in rep["findings"].as_array().unwrap() {
            let rule = nianbao::rules::Rule::from_id(f["rule"].as_str().unwrap()).unwrap();
            want.push(vec![
                rep["path"].as_str().unwrap().to_string(),
                rule.name_zh().to_string(),
                rule.id().to_string(),
                if f["severity"] == "error" {
                    "错误"
                } else {
                    "警告"
                }
                .to_string(),
                f["message"].as_str().unwrap().to_string(),
                f.get("suggestion")
                    .is_some_and(|s| !s.is_null())
                    .to_string(),
            ]);
        }
    }
    let got: Vec<Vec<String>> = rows[1..]
        .iter()
        .map(|r| {
            vec![
                cell_text(&r[1]),
                cell_text(&r[2]),
                cell_text(&r[3]),
                cell_text(&r[4]),
                cell_text(&r[6]),
                (!cell_text(&r[7]).is_empty()).to_string(),
            ]
        })
        .collect();
    assert_eq!(got, want);
    // A suggested fix in words, and the cell it is in.
    let fix = rows[1..]
        .iter()
        .find(|r| {
            cell_text(&r[1]).ends_with("variant-row-total-broken.txt")
                && cell_text(&r[3]) == "requests.row-total"
        })
        .unwrap();
    assert_eq!(cell_text(&fix[5]), "依申请公开 / 一、本年新收 / 总计");
    assert_eq!(cell_text(&fix[7]), "一、本年新收 / 总计 → 25");

    // The circular: the paragraph, then the reports by status.
    let rows = sheet(&mut book, "通报");
    let para = cell_text(&rows[0][0]);
    assert!(
        para.starts_with("本次共检查年度报告 6 份，其中 4 份存在错误"),
        "{para}"
    );
    assert!(para.contains("1 份无法读取"), "{para}");
    assert!(para.contains("主要问题："), "{para}");
    let unreadable = rows
        .iter()
        .find(|r| cell_text(&r[0]) == "无法读取")
        .unwrap();
    assert_eq!(unreadable[1], Data::Float(1.0));
}

#[test]
fn xlsx_needs_a_file() {
    for args in [
        &["check", "sample-reports/seed-000.txt", "--summary", "xlsx"][..],
        &[
            "check",
            "sample-reports/seed-000.txt",
            "--summary",
            "xlsx",
            "-o",
            "-",
        ],
    ] {
        let o = run(args);
        assert_code(&o, 2);
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("-o 文件名.xlsx"), "{err}");
    }
}

#[test]
fn csv_has_a_bom_in_a_file_or_on_request_not_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(sample("seed-000.txt"), d.join("a.txt")).unwrap();
    const BOM: &[u8] = "\u{feff}".as_bytes();
    let piped = run_in(d, &["check", "a.txt", "--summary", "csv"]);
    assert_code(&piped, 0);
    assert!(!piped.stdout.starts_with(BOM));
    let asked = run_in(d, &["check", "a.txt", "--summary", "csv", "--bom"]);
    assert_eq!(&asked.stdout[..3], BOM);
    assert_eq!(asked.stdout[3..], piped.stdout[..]);
    let o = run_in(d, &["check", "a.txt", "--summary", "csv", "-o", "s.csv"]);
    assert_code(&o, 0);
    assert!(o.stdout.is_empty());
    let file = std::fs::read(d.join("s.csv")).unwrap();
    assert_eq!(&file[..3], BOM);
    assert_eq!(file[3..], piped.stdout[..]);
    // `-o -` is standard output: no BOM unless asked.
    let o = run_in(d, &["check", "a.txt", "--summary", "csv", "-o", "-"]);
    assert_eq!(o.stdout, piped.stdout);
    // Markdown never has one.
    let o = run_in(
        d,
        &["check", "a.txt", "--summary", "markdown", "-o", "s.md"],
    );
    assert_code(&o, 0);
    assert!(!std::fs::read(d.join("s.md")).unwrap().starts_with(BOM));
}

#[test]
fn markdown_opens_with_the_circulars_paragraph() {
    let dir = folder();
    let o = run_in(dir.path(), &["check", ".", "--summary", "markdown"]);
    assert_code(&o, 2);
    let out = stdout(&o);
    let para = out.lines().next().unwrap();
    assert!(
        para.starts_with("本次共检查年度报告 6 份，其中 4 份存在错误，0 份仅有警告，1 份未发现问题，1 份无法读取。主要问题："),
        "{out}"
    );
    // The most common problem first, by its Chinese name, with counts.
    let json = run_in(dir.path(), &["check", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let mut per: HashMap<String, (usize, usize)> = HashMap::new();
    for rep in json["reports"].as_array().unwrap() {
        let mut seen = std::collections::HashSet::new();
        for f in rep["findings"].as_array().unwrap() {
            if f["severity"] != "error" {
                continue;
            }
            let id = f["rule"].as_str().unwrap().to_string();
            let e = per.entry(id.clone()).or_default();
            e.0 += 1;
            if seen.insert(id) {
                e.1 += 1;
            }
        }
    }
    let (top, (n, reports)) = per
        .iter()
        .max_by_key(|(_, (n, r))| (*n, *r))
        .map(|(id, c)| (id.clone(), *c))
        .unwrap();
    let name = nianbao::rules::Rule::from_id(&top).unwrap().name_zh();
    assert!(
        para.contains(&format!("主要问题：{name} {n} 处（{reports} 份报告）")),
        "{para}"
    );
    assert_eq!(out.lines().nth(1), Some(""));
    assert!(
        out.lines().nth(2).unwrap().starts_with("| 文件 | 机关 |"),
        "{out}"
    );
}

#[test]
fn subfolders_are_read_and_what_was_skipped_is_said() {
    let dir = folder();
    let d = dir.path();
    std::fs::write(d.join("README.md"), "notes").unwrap();
    std::fs::write(d.join(".hidden.txt"), "x").unwrap();
    std::fs::copy(sample("seed-000.txt"), d.join("a.normalized.txt")).unwrap();
    // A link back up: read once, not forever.
    #[cfg(unix)]
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    let o = run_in(d, &["check", ".", "--summary", "csv"]);
    assert_code(&o, 2);
    let out = stdout(&o);
    assert!(out.contains("./sub/real-02.txt,上海市科委,2024"), "{out}");
    assert_eq!(out.lines().count(), 7, "{out}");
    let err = stderr(&o);
    let first = err.lines().next().unwrap();
    assert!(
        first.starts_with("nianbao: .：找到 6 个报告文件，跳过 "),
        "{err}"
    );
    for why in ["1 个不是报告文件", "1 个是规范化输出", "1 个隐藏文件"] {
        assert!(first.contains(why), "{why}: {first}");
    }
    #[cfg(unix)]
    assert!(first.contains("1 个符号链接循环"), "{first}");
}

#[test]
fn an_empty_folder_says_no_reports_were_found() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("空");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("notes.md"), "x").unwrap();
    for args in [
        vec!["check", "空"],
        vec!["check", "空", "--summary", "csv"],
        vec!["--lang", "en", "check", "空"],
    ] {
        let o = run_in(dir.path(), &args);
        assert_code(&o, 2);
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        let want = if args[0] == "--lang" {
            "nianbao: no reports found in 空\n"
        } else {
            "nianbao: 空 中没有找到报告文件\n"
        };
        assert_eq!(err, want);
    }
    // With a report beside it: that one is checked, the folder still fails.
    std::fs::copy(sample("seed-000.txt"), dir.path().join("a.txt")).unwrap();
    let o = run_in(dir.path(), &["check", "空", "a.txt"]);
    assert_code(&o, 2);
    assert!(stdout(&o).contains("a.txt：0 个错误"), "{}", stdout(&o));
}

#[test]
fn options_that_do_not_apply_are_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(sample("seed-000.txt"), d.join("a.txt")).unwrap();
    std::fs::copy(sample("seed-001.txt"), d.join("b.txt")).unwrap();
    let cases: [(&[&str], &str); 9] = [
        (
            &["--previous", "a.txt", "a.txt", "b.txt"],
            "--previous 只能配合一份报告",
        ),
        (
            &["--previous", "a.txt", "."],
            "--previous 不能用于文件夹（只能配合一份报告）",
        ),
        (
            &["check", "--fix", "--summary", "csv", "a.txt"],
            "--fix 不能与 --summary",
        ),
        (
            &["check", "--format", "json", "--summary", "csv", "a.txt"],
            "--format 不能与 --summary",
        ),
        (
            &["check", "--theme", "light", "a.txt"],
            "--theme 只用于审阅界面，不适用于 check",
        ),
        (
            &["--theme", "light", "normalize", "a.txt"],
            "不适用于 normalize",
        ),
        (
            &["check", "-o", "x.csv", "a.txt"],
            "-o 只能与 --summary 同用",
        ),
        (&["check", "--bom", "a.txt"], "--bom 只适用于 --summary csv"),
        (
            &["check", "--bom", "--summary", "markdown", "a.txt"],
            "--bom 只适用于",
        ),
    ];
    for (args, why) in cases {
        let o = run_in(d, args);
        assert_code(&o, 2);
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("nianbao: ") && err.contains(why),
            "{args:?}: {err}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    // Nothing was written by a refused command.
    let names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn agencies_sort_by_pinyin() {
    use nianbao::batch::{agency_order, pinyin_key};
    let mut names = vec!["卫东区", "上海市", "北京市"];
    names.sort_by(|a, b| agency_order(a, b));
    assert_eq!(names, ["北京市", "上海市", "卫东区"]);
    // Code point order would put 上 (U+4E0A) first and 卫 (U+536B) last.
    let mut by_code = names.clone();
    by_code.sort();
    assert_eq!(by_code, ["上海市", "北京市", "卫东区"]);
    assert_eq!(pinyin_key("北京"), "bei jing ");
    // Latin letters and digits stay, lower-cased, and sort among the readings.
    assert!(agency_order("ABC 公司", "北京") == std::cmp::Ordering::Less);
}
