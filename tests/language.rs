//! The interface language: Chinese by default, English by `--lang en`, by
//! `lang = "en"` in config.toml or by an English locale; the machine
//! contract (rule ids, JSON) the same in both.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::bin::{assert_code, manifest_dir, run, stdout};

const BROKEN: &str = "sample-reports/variant-row-total-broken.txt";

/// The binary with exactly this locale and config directory.
fn run_env(args: &[&str], env: &[(&str, &str)], config: &Path) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    c.args(args)
        .current_dir(manifest_dir())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NIANBAO_CONFIG_DIR", config);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run nianbao")
}

#[test]
fn check_text_is_chinese_by_default_and_english_on_request() {
    let zh = run(&["check", BROKEN]);
    let en = run(&["--lang", "en", "check", BROKEN]);
    assert_code(&zh, 1);
    assert_code(&en, 1);
    let (zh, en) = (stdout(&zh), stdout(&en));
    // The same findings, line for line; rule ids and messages unchanged.
    assert_eq!(zh.lines().count(), en.lines().count());
    for (z, e) in zh.lines().zip(en.lines()).take(4) {
        let id = |l: &str| l.split_once("]: ").map(|(head, _)| head.to_string());
        assert_eq!(id(z), id(e), "{z}\n{e}");
        assert!(z.contains(": error[") && e.contains(": error["), "{z}");
    }
    // The fix: `建议：… → 25` in Chinese, `[fix: … → 25]` in English.
    let fix = "一、本年新收 / 总计 → 25";
    assert!(zh.contains(&format!("  建议：{fix}")), "{zh}");
    assert!(!zh.contains("[fix:"), "{zh}");
    assert!(en.contains(&format!(" [fix: {fix}]")), "{en}");
    // The summary line.
    assert!(
        zh.ends_with(&format!("{BROKEN}：4 个错误，0 个警告（按 UTF-8 读取）\n")),
        "{zh}"
    );
    assert!(
        en.ends_with(&format!("{BROKEN}: 4 errors, 0 warnings (read as UTF-8)\n")),
        "{en}"
    );
    // `--lang` after the command works too (a global option).
    let after = run(&["check", "--lang", "en", BROKEN]);
    assert_eq!(stdout(&after), en);
}

#[test]
fn json_is_the_same_bytes_in_both_languages() {
    for file in [
        BROKEN,
        "sample-reports/docx/broken-no-document.docx",
        "sample-reports/docx/variant-row-total-broken.docx",
        "sample-reports/pdf/variant-row-total-broken.pdf",
        "sample-reports/variant-crawler-label-space.txt",
    ] {
        let zh = run(&["check", "--format", "json", file]);
        let en = run(&["--lang", "en", "check", "--format", "json", file]);
        assert_eq!(zh.stdout, en.stdout, "{file}");
        assert_eq!(zh.status.code(), en.status.code());
    }
    // Every bundled text sample at once: the findings' messages stay the
    // Chinese machine contract whatever the interface's language.
    let all = text_samples();
    let mut zh_args = vec!["check", "--format", "json"];
    zh_args.extend(all.iter().map(String::as_str));
    let mut en_args = vec!["--lang", "en"];
    en_args.extend(&zh_args);
    let (zh, en) = (run(&zh_args), run(&en_args));
    assert_eq!(zh.stdout, en.stdout);
    assert!(stdout(&zh).contains("6 列之和"));
}

/// The bundled `.txt` samples, as paths relative to the crate.
fn text_samples() -> Vec<String> {
    let mut all: Vec<String> = std::fs::read_dir(manifest_dir().join("sample-reports"))
        .expect("sample-reports")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.ends_with(".txt")
                .then(|| format!("sample-reports/{name}"))
        })
        .collect();
    all.sort();
    all
}

/// The message of a finding line: after `]: `, without the cell address
/// and the fix.
fn message_of(line: &str) -> Option<&str> {
    let (_, rest) = line.split_once("]: ")?;
    let addresses = ["active", "requests", "appeals"]
        .iter()
        .flat_map(|t| [format!(" ({t} r"), format!(" ({t} c")]);
    let end = addresses
        .chain([" [fix:".to_string(), "  建议：".to_string()])
        .filter_map(|m| rest.find(&m))
        .min()
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Runs of three or more ASCII letters.
fn ascii_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .collect()
}

#[test]
fn finding_messages_speak_the_chosen_language() {
    let all = text_samples();
    let mut zh_args = vec!["check"];
    zh_args.extend(all.iter().map(String::as_str));
    let mut en_args = vec!["--lang", "en"];
    en_args.extend(&zh_args);
    let (zh, en) = (stdout(&run(&zh_args)), stdout(&run(&en_args)));
    let findings = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.contains("error[") || l.contains("warning["))
            .filter_map(message_of)
            .map(str::to_string)
            .collect()
    };
    let (zh, en) = (findings(&zh), findings(&en));
    assert_eq!(zh.len(), en.len());
    assert!(zh.len() > 50, "{}", zh.len());
    // Names that stay as they are in both: programs and their options,
    // table ids, cell text of the samples.
    let names = ["pdftotext", "layout", "active", "requests", "appeals"];
    let chinese_words = [
        "不符",
        "之和",
        "未找到",
        "按 0 计",
        "不是有效",
        "请核对",
        "缺少",
        "没有内容",
        "试行格式",
        "本年“",
        "拆法",
    ];
    let mut kinds_en = std::collections::BTreeSet::new();
    for (z, e) in zh.iter().zip(&en) {
        assert_ne!(z, e);
        let zw: Vec<&str> = ascii_words(z)
            .into_iter()
            .filter(|w| !names.contains(w))
            .collect();
        assert!(zw.is_empty(), "English in a Chinese message: {z}");
        assert!(
            ascii_words(e).iter().any(|w| !names.contains(w)),
            "no English in: {e}"
        );
        for w in chinese_words {
            assert!(!e.contains(w), "{w} in an English message: {e}");
        }
        kinds_en.insert(ascii_words(e).into_iter().take(3).collect::<Vec<_>>());
    }
    // Many kinds of message among the samples, not one repeated.
    assert!(kinds_en.len() >= 10, "{kinds_en:?}");
    // A few in full: the template's words stay Chinese inside English.
    for want in [
        "商业企业: 一+二 = 6, but 三(七)+四 = 5",
        "一、本年新收: the 6 columns add up to 26 ≠ 总计 25",
        "table “行政复议、行政诉讼” (appeals) not found",
        "(三)2 法规禁止 / 科研机构: blank, counted as 0",
    ] {
        assert!(en.iter().any(|m| m == want), "{want} not in {en:#?}");
    }
}

#[test]
fn summaries_show_the_first_finding_in_the_chosen_language() {
    let file = "sample-reports/variant-single-wrong-cell.txt";
    for format in ["markdown", "csv"] {
        let zh = stdout(&run(&["check", "--summary", format, file]));
        let en = stdout(&run(&["--lang", "en", "check", "--summary", format, file]));
        assert!(zh.contains("商业企业: 一+二 = 6, 三(七)+四 = 5"), "{zh}");
        assert!(
            en.contains("商业企业: 一+二 = 6, but 三(七)+四 = 5"),
            "{en}"
        );
    }
}

#[test]
fn help_is_chinese_by_default_and_english_on_request() {
    let zh = stdout(&run(&["--help"]));
    let en = stdout(&run(&["--lang", "en", "--help"]));
    for want in ["用法：", "选项", "示例：", "退出码：", "规则："] {
        assert!(zh.contains(want), "{want}: {zh}");
    }
    for want in ["Usage: ", "Options", "Examples:", "Exit status:", "Rules:"] {
        assert!(en.contains(want), "{want}: {en}");
        assert!(!zh.contains(want), "{want} in the Chinese help: {zh}");
    }
    // Every rule: its id in both, its Chinese name and description in the
    // Chinese help.
    for rule in nianbao::rules::Rule::ALL {
        assert!(zh.contains(rule.id()) && en.contains(rule.id()), "{rule}");
        let line = zh
            .lines()
            .find(|l| l.trim_start().starts_with(rule.id()))
            .unwrap_or_else(|| panic!("{rule}: {zh}"));
        assert!(line.contains(rule.name_zh()), "{line}");
        let zh_desc = nianbao::i18n::Lang::Zh.text(rule.description_key());
        assert!(line.ends_with(zh_desc), "{line}");
        let en_desc = nianbao::i18n::Lang::En.text(rule.description_key());
        assert!(en.contains(en_desc), "{rule}");
    }
    let check_zh = stdout(&run(&["check", "--help"]));
    assert!(check_zh.contains("按模板的规则检查报告"), "{check_zh}");
    assert!(check_zh.contains("显示帮助"), "{check_zh}");
    let check_en = stdout(&run(&["--lang", "en", "check", "--help"]));
    assert!(check_en.contains("Print help"), "{check_en}");
    // `nianbao help [COMMAND]` says the same.
    assert_eq!(stdout(&run(&["help", "check"])), check_zh);
    assert_eq!(stdout(&run(&["help"])), zh);
}

#[test]
fn locale_and_config_choose_the_language() {
    let none = tempfile::tempdir().unwrap();
    let summary = |o: &Output| stdout(o).lines().last().unwrap_or_default().to_string();
    let en_line = format!("{BROKEN}: 4 errors, 0 warnings (read as UTF-8)");
    let zh_line = format!("{BROKEN}：4 个错误，0 个警告（按 UTF-8 读取）");

    let o = run_env(&["check", BROKEN], &[("LANG", "en_US.UTF-8")], none.path());
    assert_eq!(summary(&o), en_line);
    let o = run_env(&["check", BROKEN], &[("LANG", "zh_CN.UTF-8")], none.path());
    assert_eq!(summary(&o), zh_line);
    // LC_ALL before LANG; a locale that is neither is the default.
    let o = run_env(
        &["check", BROKEN],
        &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")],
        none.path(),
    );
    assert_eq!(summary(&o), zh_line);
    let o = run_env(&["check", BROKEN], &[("LANG", "C.UTF-8")], none.path());
    assert_eq!(summary(&o), zh_line);

    // config.toml before the locale, --lang before both.
    let cfg = tempfile::tempdir().unwrap();
    std::fs::write(
        cfg.path().join("config.toml"),
        "theme = \"light\"\nlang = \"en\"\n",
    )
    .unwrap();
    let o = run_env(&["check", BROKEN], &[("LANG", "zh_CN.UTF-8")], cfg.path());
    assert_eq!(summary(&o), en_line);
    let o = run_env(&["--lang", "zh", "check", BROKEN], &[], cfg.path());
    assert_eq!(summary(&o), zh_line);
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let o = run(&["--lang", "fr", "check", BROKEN]);
    assert_code(&o, 2);
    assert!(o.stdout.is_empty());
}

#[test]
fn where_a_line_came_from_speaks_the_chosen_language() {
    let docx = "sample-reports/docx/variant-row-total-broken.docx";
    let pdf = "sample-reports/pdf/variant-row-total-broken.pdf";
    let split = "sample-reports/variant-crawler-label-space.txt";
    let zh = stdout(&run(&["check", docx, pdf, split]));
    let en = stdout(&run(&["--lang", "en", "check", docx, pdf, split]));
    for want in [
        format!("{docx} (表 2 第 4 行): error[requests.row-total]"),
        format!("{docx} (第 8 段): error[narrative.mismatch]"),
        format!("{pdf} (第 3 页第 17 行): error[requests.row-total]"),
        format!("{split} (第 2 行): "),
    ] {
        assert!(zh.contains(&want), "{want}: {zh}");
    }
    for want in [
        format!("{docx} (table 2 row 4): error[requests.row-total]"),
        format!("{docx} (paragraph 8): error[narrative.mismatch]"),
        format!("{pdf} (page 3 line 17): error[requests.row-total]"),
        format!("{split} (line 2): "),
    ] {
        assert!(en.contains(&want), "{want}: {en}");
    }
    for english in ["(table ", "(paragraph ", "(page "] {
        assert!(!zh.contains(english), "{english} in {zh}");
    }
    assert!(!en.contains("第"), "{en}");
    // JSON's origin is the contract as it was.
    let json = stdout(&run(&[
        "--lang", "en", "check", "--format", "json", docx, split,
    ]));
    assert!(json.contains("\"origin\":\"table 2 row 4\""), "{json}");
    assert!(json.contains("\"origin\":\"第 2 行\""), "{json}");
}

#[test]
fn the_english_notice_counts_one_report_in_the_singular() {
    let one = stdout(&run(&[
        "--lang",
        "en",
        "check",
        "--summary",
        "markdown",
        "sample-reports/variant-single-wrong-cell.txt",
    ]));
    assert!(
        one.starts_with("1 report was checked: 1 with errors"),
        "{one}"
    );
    assert!(one.contains("balance 1 (in 1 report)"), "{one}");
    let two = stdout(&run(&[
        "--lang",
        "en",
        "check",
        "--summary",
        "markdown",
        "sample-reports/variant-single-wrong-cell.txt",
        "sample-reports/seed-000.txt",
    ]));
    assert!(two.starts_with("2 reports were checked: "), "{two}");
}

#[test]
fn a_blank_cell_reads_as_a_sentence_in_chinese() {
    // "空白 按 0 计" read as a label followed by a verb; a comma joins them.
    let o = run(&["check", "sample-reports/variant-blank-cells.txt"]);
    assert_code(&o, 1);
    let out = stdout(&o);
    assert!(
        out.contains("(三)2 法规禁止 / 科研机构: 空白，按 0 计 (requests r5 c2)"),
        "{out}"
    );
    assert!(!out.contains("空白 按"), "{out}");
    let o = run(&[
        "--lang",
        "en",
        "check",
        "sample-reports/variant-blank-cells.txt",
    ]);
    assert!(stdout(&o).contains("(三)2 法规禁止 / 科研机构: blank, counted as 0"));
}

#[test]
fn what_a_folder_held_reads_right_for_one_file_in_english() {
    // "found 1 report files, skipped 2 (1 not report files, 1 hidden)":
    // the English counts are said without a plural that one breaks.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        manifest_dir().join("sample-reports/seed-000.txt"),
        dir.path().join("seed-000.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.md"), "x").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
    let d = dir.path().display().to_string();
    let o = run(&["--lang", "en", "check", &d]);
    assert_code(&o, 0);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(
        err,
        format!(
            "nianbao: {d}: report files found: 1; skipped: 2 (not report files: 1, hidden: 1)\n"
        )
    );
    let o = run(&["check", &d]);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(
        err,
        format!("nianbao: {d}：找到 1 个报告文件，跳过 2 项（1 个不是报告文件、1 个隐藏文件）\n")
    );
}

#[test]
fn a_row_with_extra_values_reads_right_with_one_value_due_and_blank_extras() {
    // 行政许可 has one value in the template; a Word copy leaves two blank
    // cells after it, then a stray 7. English said "found 4 values where
    // 1 are due (extra:   7)": a plural one breaks, blanks as spaces.
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(manifest_dir().join("sample-reports/variant-nonzero-clean.txt"))
            .unwrap();
    assert!(text.contains("\n行政许可\t124\t\t\n"));
    let broken = text.replace("\n行政许可\t124\t\t\n", "\n行政许可\t124\t\t\t7\n");
    let path = dir.path().join("extra.txt");
    std::fs::write(&path, broken).unwrap();
    let p = path.display().to_string();
    let en = stdout(&run(&["--lang", "en", "check", &p]));
    assert!(
        en.contains(
            "warning[table.layout]: 行政许可: values found: 4, due: 1 (extra: - - 7); \
             the values were placed from the left, please check (active r2)"
        ),
        "{en}"
    );
    let zh = stdout(&run(&["check", &p]));
    assert!(
        zh.contains("行政许可: 找到 4 个数值，应为 1 个（多出: - - 7）；"),
        "{zh}"
    );
}

#[test]
fn a_folder_is_called_a_folder_in_english_as_elsewhere() {
    // "is a directory" beside "cannot write x: it is a folder" and
    // "no reports found in" a folder: one word for one thing.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let o = run(&["--lang", "en", "normalize", &d]);
    assert_code(&o, 2);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("nianbao: {d}: is a folder, not a report file\n")
    );
}
