//! The `nianbao` binary end to end: `check` (text and JSON), `normalize`,
//! exit codes and one-line error messages.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::bin::{assert_code, run, run_in, sample, stderr, stdout};

/// Exit 2, nothing on stdout (text mode), exactly one line on stderr that
/// names the file.
#[track_caller]
fn assert_one_line_failure(o: &Output, path: &str) -> String {
    assert_code(o, 2);
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "stderr: {err:?}");
    assert!(err.ends_with('\n'), "stderr: {err:?}");
    assert!(err.starts_with("nianbao: "), "stderr: {err:?}");
    assert!(err.contains(path), "stderr {err:?} should name {path}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn copy_to(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(sample(name), &to).unwrap();
    to
}

fn library_normalize(path: &Path) -> String {
    nianbao::normalize::normalize(&nianbao::load(path).unwrap())
}

// ------------------------------------------------------------------ check

const SINGLE_NAME: &str = "variant-single-wrong-cell.txt";

#[test]
fn check_text_reports_compiler_style_lines_and_exits_1() {
    let o = run(&["check", "sample-reports/variant-row-total-broken.txt"]);
    assert_code(&o, 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let file = "sample-reports/variant-row-total-broken.txt";
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{file}:51: error[requests.balance]: "))),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{file}:51: error[requests.row-total]: "))),
        "{out}"
    );
    // The narrative (line 15) states the figures the wrong total breaks.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{file}:15: error[narrative.mismatch]: "))),
        "{out}"
    );
    // Four findings and a summary line, nothing else.
    assert_eq!(lines.len(), 5, "{out}");
    assert!(
        lines[4].starts_with(&format!("{file}：4 个错误，0 个警告")),
        "{out}"
    );
    assert!(lines[4].contains("UTF-8"), "{out}");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn check_every_variant_error_line() {
    for (name, line, rule) in [
        ("variant-appeals-broken.txt", 82, "appeals.group-total"),
        ("variant-single-wrong-cell.txt", 51, "requests.balance"),
        (
            "variant-outcome-total-broken.txt",
            74,
            "requests.outcome-total",
        ),
        ("variant-invalid-cells.txt", 55, "cell.invalid"),
        ("variant-doubled-cell.txt", 63, "requests.row-total"),
    ] {
        let path = format!("sample-reports/{name}");
        let o = run(&["check", &path]);
        assert_code(&o, 1);
        let want = format!("{path}:{line}: error[{rule}]: ");
        assert!(
            stdout(&o).lines().any(|l| l.starts_with(&want)),
            "{want} not in\n{}",
            stdout(&o)
        );
    }
    // real-03 has no section 五 heading: an error; its layout problems are
    // warnings.
    let o = run(&[
        "check",
        "sample-reports/real-03-shanghai-govoffice-2025.txt",
    ]);
    assert_code(&o, 1);
    assert!(stdout(&o).contains(": warning[table.layout]: "));
    assert!(stdout(&o).contains(": error[section.missing]: "));
    // Warnings only: exit 0.
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.txt");
    let clean = std::fs::read_to_string("sample-reports/variant-nonzero-clean.txt").unwrap();
    std::fs::write(&blank, clean.replacen("规章\t0\t0\t0", "规章\t0\t/\t0", 1)).unwrap();
    let o = run(&["check", blank.to_str().unwrap()]);
    assert_code(&o, 0);
    assert!(
        stdout(&o).contains(": warning[cell.blank]: "),
        "{}",
        stdout(&o)
    );
    // A table not found has no line number.
    let o = run(&["check", "sample-reports/variant-missing-appeals.txt"]);
    assert_code(&o, 1);
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l
                .starts_with("sample-reports/variant-missing-appeals.txt: error[table.missing]: ")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn check_seeds_exit_0() {
    let seeds: Vec<String> = (0..5)
        .map(|i| format!("sample-reports/seed-00{i}.txt"))
        .collect();
    let args: Vec<&str> = std::iter::once("check")
        .chain(seeds.iter().map(String::as_str))
        .collect();
    let o = run(&args);
    assert_code(&o, 0);
    let out = stdout(&o);
    // One summary line per seed, no finding.
    assert_eq!(out.lines().count(), 5, "{out}");
    for s in &seeds {
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("{s}：0 个错误，0 个警告"))),
            "{out}"
        );
    }
    for s in &seeds {
        assert_code(&run(&["check", s]), 0);
    }
}

#[test]
fn check_clean_encodings_exit_0() {
    for (name, enc) in [
        ("variant-crlf-bom.txt", "UTF-8 (BOM)"),
        ("variant-gbk.txt", "GB18030"),
        ("variant-utf16.txt", "UTF-16LE"),
    ] {
        let o = run(&["check", &format!("sample-reports/{name}")]);
        assert_code(&o, 0);
        assert!(
            stdout(&o).contains(&format!("（按 {enc} 读取）")),
            "{}",
            stdout(&o)
        );
    }
}

#[test]
fn unreadable_files_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let missing = d.join("missing.txt");
    let empty = d.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let blank = d.join("blank.txt");
    std::fs::write(&blank, b"  \n\n\t\n").unwrap();
    let binary = d.join("binary.bin");
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    bytes.extend((0u8..=255).cycle().take(4096));
    std::fs::write(&binary, &bytes).unwrap();
    let subdir = d.join("a-directory");
    std::fs::create_dir(&subdir).unwrap();

    // What stderr says (Chinese, the default), and the JSON's `error`
    // (English for every user: the machine contract).
    for (path, what, json_what) in [
        (&missing, "文件不存在", "no such file"),
        // An empty folder: no reports found in it.
        (&subdir, "中没有找到报告文件", "directory"),
        (&empty, "空的", "empty"),
        (&blank, "空的", "empty"),
        (&binary, "二进制", "binary"),
    ] {
        let p = path.to_str().unwrap();
        let o = run(&["check", p]);
        let err = assert_one_line_failure(&o, p);
        assert!(err.contains(what), "{err}");
        assert!(stdout(&o).is_empty(), "{}", stdout(&o));

        let o = run(&["normalize", p]);
        assert_one_line_failure(&o, p);

        let o = run(&["check", "--format", "json", p]);
        assert_one_line_failure(&o, p);
        if path == &subdir {
            // Nothing to check: the reason on stderr, no document.
            assert!(stdout(&o).is_empty(), "{}", stdout(&o));
            continue;
        }
        let j = json(&o);
        assert_eq!(j["reports"][0]["path"], p);
        let error = j["reports"][0]["error"].as_str().unwrap();
        assert!(error.contains(json_what), "{error}");
        assert!(j["reports"][0]["tables"].is_null());
    }
    // Nothing was written beside the bad inputs.
    let names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("normalized")), "{names:?}");
}

#[test]
fn one_bad_file_among_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let m = missing.to_str().unwrap();
    let o = run(&[
        "check",
        "sample-reports/seed-001.txt",
        m,
        "sample-reports/variant-row-total-broken.txt",
    ]);
    // The worst outcome wins, every readable file is still checked.
    assert_one_line_failure(&o, m);
    let out = stdout(&o);
    assert!(
        out.contains("sample-reports/seed-001.txt：0 个错误"),
        "{out}"
    );
    assert!(
        out.contains("sample-reports/variant-row-total-broken.txt：4 个错误"),
        "{out}"
    );
}

// ------------------------------------------------------------------- json

const ACTIVE_LABELS: [&str; 6] = [
    "规章",
    "行政规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
];

#[test]
fn check_json_document() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "sample-reports/variant-row-total-broken.txt",
        "sample-reports/variant-missing-appeals.txt",
    ]);
    assert_code(&o, 1);
    // One JSON document on stdout, nothing else (`json` parses all of it).
    let j = json(&o);
    let reports = j["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);

    let r = &reports[0];
    assert_eq!(r["path"], "sample-reports/variant-row-total-broken.txt");
    assert_eq!(r["encoding"], "UTF-8");
    let t = &r["tables"];
    let req = t["requests"]["rows"].as_array().unwrap();
    assert_eq!(req.len(), 25);
    assert_eq!(req[0]["label"], "一、本年新收政府信息公开申请数量");
    assert_eq!(req[0]["values"], serde_json::json!([20, 4, 0, 1, 0, 0, 26]));
    assert_eq!(req[24]["label"], "四、结转下年度继续办理");
    assert!(
        req.iter()
            .all(|r| r["values"].as_array().unwrap().len() == 7)
    );
    assert_eq!(t["requests"]["columns"].as_array().unwrap().len(), 7);
    assert_eq!(t["requests"]["columns"][6], "总计");

    let act = t["active"]["rows"].as_array().unwrap();
    let labels: Vec<&str> = act.iter().map(|r| r["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ACTIVE_LABELS);
    assert_eq!(act[1]["values"], serde_json::json!([3, 1, 12]));
    assert_eq!(act[2]["values"], serde_json::json!([124]));
    assert_eq!(act[5]["values"][0].as_f64(), Some(1.25));

    let app = t["appeals"]["rows"].as_array().unwrap();
    assert_eq!(app.len(), 1);
    assert_eq!(app[0]["values"].as_array().unwrap().len(), 15);
    assert_eq!(
        app[0]["values"],
        serde_json::json!([2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1])
    );

    let f = r["findings"].as_array().unwrap();
    assert_eq!(f.len(), 4);
    assert_eq!(
        f.iter()
            .filter(|f| f["rule"] == "narrative.mismatch")
            .count(),
        2
    );
    let bal = f.iter().find(|f| f["rule"] == "requests.balance").unwrap();
    assert_eq!(bal["severity"], "error");
    assert_eq!(bal["table"], "requests");
    assert!(bal["row"].is_null());
    assert_eq!(bal["column"], 6);
    assert_eq!(bal["expected"], 29);
    assert_eq!(bal["actual"], 28);
    assert_eq!(bal["line"], 51);
    assert!(!bal["message"].as_str().unwrap().is_empty());
    let rt = f
        .iter()
        .find(|f| f["rule"] == "requests.row-total")
        .unwrap();
    assert_eq!(
        (&rt["row"], &rt["column"], &rt["expected"], &rt["actual"]),
        (
            &serde_json::json!(0),
            &serde_json::json!(6),
            &serde_json::json!(25),
            &serde_json::json!(26)
        )
    );

    // A missing table is null, and its finding has no address.
    let m = &reports[1];
    assert!(m["tables"]["appeals"].is_null());
    assert!(m["tables"]["requests"].is_object());
    let f = m["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["rule"], "table.missing");
    assert_eq!(f[0]["table"], "appeals");
    assert!(f[0]["row"].is_null() && f[0]["column"].is_null() && f[0]["line"].is_null());
}

#[test]
fn check_json_blank_invalid_and_missing_cells() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "sample-reports/variant-invalid-cells.txt",
        "sample-reports/variant-blank-cells.txt",
        "sample-reports/real-04-longgang-2024-excerpt.txt",
    ]);
    assert_code(&o, 1);
    let j = json(&o);
    // Invalid cells are null.
    let inv = &j["reports"][0]["tables"];
    assert!(inv["active"]["rows"][1]["values"][2].is_null());
    assert!(inv["requests"]["rows"][4]["values"][2].is_null());
    // Blank cells are 0.
    let blank = &j["reports"][1];
    assert_eq!(blank["tables"]["requests"]["rows"][16]["values"][6], 0);
    let w: Vec<&serde_json::Value> = blank["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "warning")
        .collect();
    assert_eq!(w.len(), 7);
    assert!(w.iter().all(|f| f["rule"] == "cell.blank"));
    // Rows not in the excerpt are null, not 0.
    let ex = &j["reports"][2]["tables"]["requests"]["rows"];
    assert!(
        ex[24]["values"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v.is_null())
    );
    assert!(j["reports"][2]["tables"]["appeals"].is_null());
}

#[test]
fn check_json_every_seed_is_clean() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "sample-reports/seed-000.txt",
        "sample-reports/seed-002.txt",
    ]);
    assert_code(&o, 0);
    let j = json(&o);
    for r in j["reports"].as_array().unwrap() {
        assert_eq!(r["findings"], serde_json::json!([]));
        assert_eq!(
            r["tables"]["requests"]["rows"].as_array().unwrap().len(),
            25
        );
    }
    assert_eq!(
        j["reports"][0]["tables"]["active"]["rows"][2]["values"],
        serde_json::json!([124])
    );
}

// -------------------------------------------------------------- normalize

#[test]
fn normalize_writes_beside_a_copy_and_exits_1_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_to(dir.path(), "variant-row-total-broken.txt");
    let before = std::fs::read(&input).unwrap();
    let o = run(&["normalize", input.to_str().unwrap()]);
    // Like `check`: the report has error findings.
    assert_code(&o, 1);
    let target = dir.path().join("variant-row-total-broken.normalized.txt");
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written, library_normalize(&input));
    assert_eq!(std::fs::read(&input).unwrap(), before, "input changed");
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("4 个错误"), "{err}");
    assert!(err.contains(target.to_str().unwrap()), "{err}");
    // No temporary file left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "variant-row-total-broken.normalized.txt",
            "variant-row-total-broken.txt"
        ]
    );
    // The normalized file checks the same.
    let o = run(&["check", target.to_str().unwrap()]);
    assert_code(&o, 1);
    assert!(stdout(&o).contains("error[requests.balance]"));
}

#[test]
fn normalize_converts_encodings_to_utf8_lf() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "variant-gbk.txt",
        "variant-utf16.txt",
        "variant-crlf-bom.txt",
    ] {
        let input = copy_to(dir.path(), name);
        let o = run(&["normalize", input.to_str().unwrap()]);
        assert_code(&o, 0);
        let stem = name.trim_end_matches(".txt");
        let bytes = std::fs::read(dir.path().join(format!("{stem}.normalized.txt"))).unwrap();
        let text = String::from_utf8(bytes).expect("normalized output is UTF-8");
        assert!(!text.starts_with('\u{feff}') && !text.contains('\r'));
        assert_eq!(
            text,
            library_normalize(&sample("variant-nonzero-clean.txt"))
        );
    }
}

#[test]
fn an_output_that_already_holds_the_text_is_said_to_be_left_as_it_was() {
    // A second normalize (or --fix) leaves the file untouched, as the
    // README says; it used to say 已写入 / wrote all the same.
    let dir = tempfile::tempdir().unwrap();
    let input = copy_to(dir.path(), SINGLE_NAME);
    let out = dir.path().join("variant-single-wrong-cell.normalized.txt");
    let p = input.display().to_string();
    let o = run(&["normalize", &p]);
    assert_code(&o, 1);
    assert!(stderr(&o).starts_with("nianbao: 已写入 "), "{}", stderr(&o));
    let before = std::fs::metadata(&out).unwrap().modified().unwrap();
    let o = run(&["normalize", &p]);
    assert_code(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains("normalized.txt 内容相同，未改写；报告中有 2 个错误"),
        "{err}"
    );
    let o = run(&["--lang", "en", "normalize", &p]);
    assert!(
        stderr(&o).contains("normalized.txt already holds this text, left as it was; 2 errors"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::metadata(&out).unwrap().modified().unwrap(), before);

    std::fs::remove_file(&out).unwrap();
    let o = run(&["check", "--fix", &p]);
    assert!(stderr(&o).contains("已写入 "), "{}", stderr(&o));
    let o = run(&["check", "--fix", &p]);
    let err = stderr(&o);
    assert!(
        err.contains("normalized.txt 已是修正后的内容（1 处修正），未改写"),
        "{err}"
    );
    assert!(!err.contains("已写入"), "{err}");
}

#[test]
fn a_summary_into_a_missing_folder_is_refused_before_reading_the_reports() {
    // It used to read every report, print what the folder held and each
    // unreadable file, and only then fail to write.
    for (lang, want) in [
        ("zh", "nianbao: 无法写入 nodir/x.csv：文件或文件夹不存在\n"),
        (
            "en",
            "nianbao: cannot write nodir/x.csv: no such file or folder\n",
        ),
    ] {
        let o = run(&[
            "--lang",
            lang,
            "check",
            "sample-reports",
            "--summary",
            "csv",
            "-o",
            "nodir/x.csv",
        ]);
        assert_code(&o, 2);
        assert_eq!(stderr(&o), want);
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn normalize_to_stdout() {
    let o = run(&[
        "normalize",
        "sample-reports/variant-pipe-table.txt",
        "-o",
        "-",
    ]);
    assert_code(&o, 0);
    assert_eq!(
        stdout(&o),
        library_normalize(&sample("variant-pipe-table.txt"))
    );
    assert!(stderr(&o).contains("标准输出"), "{}", stderr(&o));
    // "wrote standard output" read as if standard output were the thing written.
    let o = run(&[
        "--lang",
        "en",
        "normalize",
        "sample-reports/seed-000.txt",
        "-o",
        "-",
    ]);
    assert!(
        stderr(&o).starts_with("nianbao: wrote to standard output; 0 errors"),
        "{}",
        stderr(&o)
    );
    // The long option too.
    let o = run(&["normalize", "sample-reports/seed-002.txt", "--output", "-"]);
    assert_code(&o, 0);
    assert_eq!(stdout(&o), library_normalize(&sample("seed-002.txt")));
}

#[test]
fn normalize_to_an_explicit_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let o = run(&[
        "normalize",
        "sample-reports/seed-000.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_code(&o, 0);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        library_normalize(&sample("seed-000.txt"))
    );
    // An existing output holding something else is not replaced...
    let o = run(&[
        "normalize",
        "sample-reports/seed-001.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_code(&o, 2);
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        library_normalize(&sample("seed-000.txt"))
    );
    // ...unless --force.
    let o = run(&[
        "normalize",
        "--force",
        "sample-reports/seed-001.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_code(&o, 0);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        library_normalize(&sample("seed-001.txt"))
    );
    // An output folder that does not exist: exit 2, one line.
    let bad = dir.path().join("no-such-dir").join("out.txt");
    let o = run(&[
        "normalize",
        "sample-reports/seed-000.txt",
        "-o",
        bad.to_str().unwrap(),
    ]);
    assert_one_line_failure(&o, bad.to_str().unwrap());
}

#[test]
fn normalize_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_to(dir.path(), "variant-row-total-broken.txt");
    let before = std::fs::read(&input).unwrap();
    let p = input.to_str().unwrap();
    let o = run(&["normalize", p, "-o", p]);
    assert_one_line_failure(&o, p);
    assert_eq!(std::fs::read(&input).unwrap(), before);
    // The same file spelled differently, from inside its folder.
    for other in [
        "./variant-row-total-broken.txt",
        "../{dir}/variant-row-total-broken.txt",
    ] {
        let dir_name = dir.path().file_name().unwrap().to_str().unwrap();
        let other = other.replace("{dir}", dir_name);
        let o = run_in(
            dir.path(),
            &["normalize", "variant-row-total-broken.txt", "-o", &other],
        );
        assert_code(&o, 2);
        assert_eq!(stderr(&o).lines().count(), 1);
        assert_eq!(std::fs::read(&input).unwrap(), before);
    }
    let names = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(names, 1, "nothing else was written");
}

// ------------------------------------------------------------------- help

#[test]
fn help_mentions_the_subcommands() {
    for flag in ["--help", "-h"] {
        let o = run(&[flag]);
        assert_code(&o, 0);
        let out = stdout(&o);
        assert!(out.contains("check"), "{out}");
        assert!(out.contains("normalize"), "{out}");
    }
    let o = run(&["--help"]);
    let out = stdout(&o);
    for rule in [
        "requests.balance",
        "requests.outcome-total",
        "requests.row-total",
        "appeals.group-total",
    ] {
        assert!(out.contains(rule), "{rule} not in help");
    }
    let o = run(&["check", "--help"]);
    assert_code(&o, 0);
    assert!(stdout(&o).contains("--format"));
    let o = run(&["normalize", "--help"]);
    assert_code(&o, 0);
    assert!(stdout(&o).contains("--output"));
}

#[test]
fn usage_errors_exit_2() {
    // `check` needs at least one file; an unknown format is refused.
    assert_code(&run(&["check"]), 2);
    assert_code(
        &run(&["check", "--format", "xml", "sample-reports/seed-000.txt"]),
        2,
    );
    assert_code(&run(&["normalize"]), 2);
}

/// A usage error: exit 2, nothing on stdout, the stderr text.
fn usage_error(args: &[&str]) -> String {
    let o = run(args);
    assert_code(&o, 2);
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    stderr(&o)
}

/// clap's English words that must not reach a Chinese reader.
const CLAP_ENGLISH: &[&str] = &[
    "error:",
    "tip:",
    "Usage:",
    "For more information",
    "unexpected argument",
    "possible values",
    "required arguments",
    "[OPTIONS]",
    "<FILES>",
    "invalid value",
];

#[test]
fn clap_errors_speak_chinese_by_default() {
    // An unknown option: named, the `--` tip, the usage, where to read more.
    let e = usage_error(&["check", "--bogus", "sample-reports/seed-000.txt"]);
    assert_eq!(
        e,
        "nianbao: 无法识别的参数 '--bogus'\n  提示：要把 '--bogus' 当作值，请写 '-- --bogus'\n\n\
         用法：nianbao check [选项] <文件>...\n\n更多信息请用 '--help'。\n"
    );
    // The file argument missing.
    let e = usage_error(&["check"]);
    assert!(e.starts_with("nianbao: 缺少必需的参数：<文件>...\n"), "{e}");
    assert!(e.contains("用法：nianbao check [选项] <文件>..."), "{e}");
    let e = usage_error(&["normalize"]);
    assert!(e.starts_with("nianbao: 缺少必需的参数：<文件>\n"), "{e}");
    // An invalid --format value, the valid ones listed.
    let e = usage_error(&["check", "--format", "xml", "sample-reports/seed-000.txt"]);
    assert!(
        e.starts_with("nianbao: 'xml' 不是 '--format <格式>' 的有效值\n  可选值：text、json\n"),
        "{e}"
    );
    let e = usage_error(&["check", "--summary", "pdf", "a.txt"]);
    assert!(e.contains("可选值：csv、markdown、xlsx"), "{e}");
    // A misspelled option: the one meant.
    let e = usage_error(&["check", "--formt", "json", "sample-reports/seed-000.txt"]);
    assert!(e.starts_with("nianbao: 无法识别的参数 '--formt'\n"), "{e}");
    assert!(e.contains("  提示：有一个相近的参数 '--format'\n"), "{e}");
    // An option that needs another; an unknown language; an empty value.
    let e = usage_error(&["check", "--force", "a.txt"]);
    assert!(e.starts_with("nianbao: 缺少必需的参数：--fix\n"), "{e}");
    let e = usage_error(&["--lang", "fr", "check", "a.txt"]);
    assert!(e.contains("'fr' 不是 '--lang <语言>' 的有效值"), "{e}");
    assert!(e.contains("可选值：zh、en"), "{e}");
    let e = usage_error(&["check", "-o", "", "--summary", "csv", "a.txt"]);
    assert!(
        e.starts_with("nianbao: '--output <文件>' 需要一个值"),
        "{e}"
    );
    for args in [
        &["check", "--bogus", "a.txt"][..],
        &["check"],
        &["normalize", "a", "b"],
        &["check", "--format", "xml", "a.txt"],
        &["check", "--formt", "json", "a.txt"],
        &["check", "--force", "a.txt"],
        &["--theme"],
    ] {
        let e = usage_error(args);
        for w in CLAP_ENGLISH {
            assert!(!e.contains(w), "{args:?}: {w} in {e}");
        }
    }
}

#[test]
fn a_misspelled_command_is_named_not_opened_as_files() {
    // `nianbao chek a.txt`: neither exists; the command meant is named,
    // exit 2 (it used to open the list on two missing files).
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["chek", "a.txt"]);
    assert_code(&o, 2);
    let e = stderr(&o);
    assert!(
        e.starts_with("nianbao: 无法识别的命令 'chek'\n  提示：有相近的命令 'check'\n"),
        "{e}"
    );
    assert!(e.contains("用法：nianbao [选项] [文件]... [命令]"), "{e}");
    let o = run_in(dir.path(), &["--lang", "en", "normalise", "a.txt"]);
    assert_code(&o, 2);
    let e = stderr(&o);
    assert!(
        e.starts_with("nianbao: unrecognized command 'normalise'\n  tip: a similar command exists: 'normalize'\n"),
        "{e}"
    );
    // A file of that name is a file; a missing report is said as one.
    std::fs::copy(sample("seed-000.txt"), dir.path().join("chek")).unwrap();
    let o = run_in(dir.path(), &["check", "chek"]);
    assert_code(&o, 0);
    let o = run_in(dir.path(), &["missing.txt"]);
    assert_one_line_failure(&o, "missing.txt");
}

#[test]
fn clap_errors_speak_english_on_request() {
    let e = usage_error(&["--lang", "en", "check", "--bogus", "a.txt"]);
    assert_eq!(
        e,
        "nianbao: unexpected argument '--bogus'\n  tip: to pass '--bogus' as a value, use '-- --bogus'\n\n\
         Usage: nianbao check [OPTIONS] <FILES>...\n\nFor more information, try '--help'.\n"
    );
    let e = usage_error(&["--lang", "en", "check"]);
    assert!(
        e.starts_with("nianbao: the following required arguments were not provided: <FILES>...\n"),
        "{e}"
    );
    let e = usage_error(&["--lang", "en", "check", "--format", "xml", "a.txt"]);
    assert!(
        e.starts_with(
            "nianbao: invalid value 'xml' for '--format <FORMAT>'\n  possible values: text, json\n"
        ),
        "{e}"
    );
    let e = usage_error(&["--lang", "en", "check", "--formt", "json", "a.txt"]);
    assert!(
        e.contains("  tip: a similar argument exists: '--format'\n"),
        "{e}"
    );
}

#[test]
fn help_and_version_still_go_to_stdout_with_placeholders_in_the_language() {
    let o = run(&["check", "--help"]);
    assert_code(&o, 0);
    assert!(o.stderr.is_empty());
    let zh = stdout(&o);
    assert!(
        zh.contains("用法：nianbao check [选项] <文件>...\n"),
        "{zh}"
    );
    for want in [
        "--format <格式>",
        "--previous <上年报告>",
        "-o, --output <文件>",
        "<文件>...",
    ] {
        assert!(zh.contains(want), "{want}: {zh}");
    }
    for w in [
        "[OPTIONS]",
        "<FILES>",
        "<FORMAT>",
        "<FILE>",
        "<LAST_YEAR_FILE>",
        "<THEME>",
        "<LANG>",
    ] {
        assert!(!zh.contains(w), "{w} in {zh}");
    }
    // The placeholders line up by display width (CJK is two columns).
    let col = |l: &str, description: &str| {
        unicode_width::UnicodeWidthStr::width(&l[..l.find(description).unwrap()])
    };
    let format = zh.lines().find(|l| l.contains("--format <格式>")).unwrap();
    let previous = zh
        .lines()
        .find(|l| l.contains("--previous <上年报告>"))
        .unwrap();
    assert_eq!(
        col(format, "输出格式"),
        col(previous, "上年的报告"),
        "{format}\n{previous}"
    );
    let zh = stdout(&run(&["help", "normalize"]));
    assert!(
        zh.contains("用法：nianbao normalize [选项] <文件>\n"),
        "{zh}"
    );
    let zh = stdout(&run(&["--help"]));
    assert!(
        zh.contains("用法：nianbao [选项] [文件]... [命令]\n"),
        "{zh}"
    );
    let en = stdout(&run(&["--lang", "en", "check", "--help"]));
    assert!(
        en.contains("Usage: nianbao check [OPTIONS] <FILES>...\n"),
        "{en}"
    );
    assert!(en.contains("--format <FORMAT>"), "{en}");
    let o = run(&["--version"]);
    assert_code(&o, 0);
    assert!(stdout(&o).starts_with("nianbao "));
}

#[test]
fn system_errors_are_said_in_the_language_with_the_system_text_only_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder").join("s.csv");
    let missing = missing.to_str().unwrap();
    let args = [
        "check",
        "--summary",
        "csv",
        "-o",
        missing,
        "sample-reports/seed-000.txt",
    ];
    let o = run(&args);
    assert_code(&o, 2);
    let e = stderr(&o);
    assert!(
        e.contains(&format!("无法写入 {missing}：文件或文件夹不存在")),
        "{e}"
    );
    assert!(
        !e.contains("No such file") && !e.contains("os error"),
        "{e}"
    );
    let mut en_args = vec!["--lang", "en"];
    en_args.extend(args);
    let e = stderr(&run(&en_args));
    assert!(e.contains("no such file or folder"), "{e}");
    assert!(!e.contains("os error"), "{e}");
    // A folder as the output: the program's own reason, in the language.
    let folder = dir.path().to_str().unwrap();
    let o = run(&["normalize", "sample-reports/seed-000.txt", "-o", folder]);
    assert_code(&o, 2);
    assert!(stderr(&o).contains("目标是一个文件夹"), "{}", stderr(&o));
    // Binary data: why, in Chinese.
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"a\0b\0").unwrap();
    let e = stderr(&run(&["check", bin.to_str().unwrap()]));
    assert!(e.contains("含 2 个 NUL 字节"), "{e}");
}
