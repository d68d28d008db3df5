//! End to end in a real terminal: the `nianbao` binary inside tmux, driven
//! by keystrokes, read back with `capture-pane`.
//!
//! Needs tmux. Without it the tests are skipped with a note, except when the
//! `CI` environment variable is set, where a missing tmux is a failure.

use std::path::{Path, PathBuf};

use nianbao::TableId;

const SAMPLE: &str = "variant-single-wrong-cell.txt";
mod common;
use common::{Tmux, have_tmux, quote, status_line};

/// Open the single-wrong-cell sample, go to the requests table, fix 一 /
/// 商业企业 (5 → 4), save, quit; check the saved file with the library.
fn fix_save_quit(w: u16, h: u16) {
    if !have_tmux("end-to-end test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let input = dir.path().join(SAMPLE);
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample-reports")
        .join(SAMPLE);
    std::fs::copy(&src, &input).unwrap();
    let original = std::fs::read(&input).unwrap();
    let output = dir.path().join("variant-single-wrong-cell.normalized.txt");

    let bin = env!("CARGO_BIN_EXE_nianbao");
    // The Chinese screen, whatever LANG the test runs under.
    let cmd = format!("{} --lang zh {}", quote(Path::new(bin)), quote(&input));
    let tmux = Tmux::start("e2e", w, h, &cmd, &[("NIANBAO_CONFIG_DIR", config.path())]);
    let wide = w >= 120;

    // The screen is up: the status line names the file.
    let screen = tmux.wait_for("the first screen", |s| status_line(s).contains(SAMPLE));
    if wide {
        assert!(
            status_line(&screen).contains("2 个错误 0 个警告"),
            "{screen}"
        );
    } else {
        let lines: Vec<&str> = screen.lines().collect();
        assert_eq!(lines.len(), h as usize, "{screen}");
        assert!(lines[h as usize - 1].contains(SAMPLE), "{screen}");
        assert!(lines[0].starts_with("┌ 表 · 主动公开 (active)"), "{screen}");
    }

    // ] : the requests table, with its two findings.
    tmux.send(&["]"], true);
    let screen = tmux.wait_for("the requests table", |s| {
        s.contains("依申请公开 (requests)")
            && s.contains("问题 · 2 个错误")
            && s.contains("✗ 总计列")
    });
    assert!(screen.contains("✗ 总计列"), "{screen}");

    // → to 商业企业 on row 一, type 4, Enter.
    tmux.send(&["Right"], false);
    if wide {
        tmux.wait_for("the cursor on 一 / 商业企业", |s| {
            status_line(s).contains("一、本年新收政府信息公开申请数量 / 商业企业")
        });
    }
    tmux.send(&["4"], true);
    if wide {
        tmux.wait_for("the editor", |s| status_line(s).contains("Enter 确定"));
    }
    tmux.send(&["Enter"], false);
    let screen = if wide {
        tmux.wait_for("0 errors on the status line", |s| {
            status_line(s).contains("0 个错误")
                && status_line(s).contains("[+]")
                && s.contains("本表没有发现问题。")
        })
    } else {
        // At 80 columns the status line is cut before the counts; the
        // findings pane title still has them.
        tmux.wait_for("0 errors in the findings pane", |s| {
            s.contains("问题 · 0 个错误 0 个警告")
                && status_line(s).contains("[+]")
                && s.contains("本表没有发现问题。")
        })
    };
    assert!(status_line(&screen).contains("[+]"), "{screen}");
    assert!(screen.contains("本表没有发现问题。"), "{screen}");

    // s : saved beside the input.
    tmux.send(&["s"], true);
    let screen = tmux.wait_for("Saved on the status line", |s| {
        status_line(s).contains("已保存")
    });
    assert!(!status_line(&screen).contains("[+]"), "{screen}");
    if !wide {
        assert_eq!(screen.lines().count(), h as usize, "{screen}");
        assert!(status_line(&screen).contains(SAMPLE), "{screen}");
    }

    // q : no unsaved edits, so it quits at once.
    tmux.send(&["q"], true);
    tmux.wait_exit();
    drop(tmux);

    assert_eq!(std::fs::read(&input).unwrap(), original, "input untouched");
    let saved = nianbao::load(&output).expect("the normalized file");
    let findings = nianbao::rules::check(&saved);
    let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(nianbao::rules::counts(&findings), (0, 0), "{findings:?}");
    let req = saved.table(TableId::Requests).unwrap();
    assert_eq!(req.count(0, 1), Some(4), "一 / 商业企业");
    assert_eq!(req.count(0, 6), Some(25), "一 / 总计");
    // Only the input and the output in the folder: no temporary file left.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["variant-single-wrong-cell.normalized.txt", SAMPLE],
        "{names:?}"
    );
}

#[test]
fn fix_save_quit_200x50() {
    fix_save_quit(200, 50);
}

#[test]
fn fix_save_quit_80x24() {
    fix_save_quit(80, 24);
}

/// The clean sample with two faults a reviewer fixes in the text: the
/// narrative claims 82 requests where the table says 28, and the heading of
/// section 五 was lost (an empty line stands where it was). Returns the
/// text and the 1-based line where the heading belongs.
fn text_wrong_variant() -> (String, usize) {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample-reports")
        .join("variant-nonzero-clean.txt");
    let text = std::fs::read_to_string(src).unwrap();
    let heading = "五、存在的主要问题及改进情况";
    let at = text
        .lines()
        .position(|l| l == heading)
        .expect("the heading")
        + 1;
    let text = text
        .replacen(
            "共受理政府信息公开申请 28 件",
            "共受理政府信息公开申请 82 件",
            1,
        )
        .replacen(&format!("{heading}\n"), "\n", 1);
    (text, at)
}

/// `k` of a `k/n` message on the status line.
fn walk_k(screen: &str, n: usize) -> Option<usize> {
    let st = status_line(screen);
    let at = st.find(&format!("/{n} "))?;
    let digits: String = st[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// The number of the line the text pane marks with ◀.
fn marked_line(screen: &str) -> Option<usize> {
    screen.lines().find(|l| l.contains('◀')).and_then(|l| {
        l.trim_start_matches('│')
            .trim_start()
            .split(' ')
            .next()?
            .parse()
            .ok()
    })
}

/// A report with a missing section and a narrative mismatch: walk the
/// outline, reach every finding with n, fix the sentence and restore the
/// heading in the text pane, save; the saved file checks clean of both.
fn outline_walk_fix_text(w: u16, h: u16) {
    if !have_tmux("end-to-end test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (text, heading_line) = text_wrong_variant();
    let input = dir.path().join("variant-text-wrong.txt");
    std::fs::write(&input, &text).unwrap();
    let before = nianbao::rules::check(&nianbao::load(&input).unwrap());
    let rules: Vec<nianbao::rules::Rule> = before.iter().map(|f| f.rule).collect();
    assert!(
        rules.contains(&nianbao::rules::Rule::SectionMissing),
        "{rules:?}"
    );
    assert!(
        rules.contains(&nianbao::rules::Rule::NarrativeMismatch),
        "{rules:?}"
    );
    let n = before.len();

    let bin = env!("CARGO_BIN_EXE_nianbao");
    // The Chinese screen, whatever LANG the test runs under.
    let cmd = format!("{} --lang zh {}", quote(Path::new(bin)), quote(&input));
    let tmux = Tmux::start(
        "e2e-text",
        w,
        h,
        &cmd,
        &[
            ("NIANBAO_CONFIG_DIR", config.path()),
            ("NIANBAO_DATA_DIR", data.path()),
        ],
    );
    tmux.wait_for("the first screen", |s| {
        status_line(s).contains("variant-text-wrong.txt")
    });

    // o: the outline, with 五 missing in its place and its error counted.
    tmux.send(&["o"], true);
    let screen = tmux.wait_for("the outline", |s| {
        s.contains("大纲")
            && s.contains("五、存在的主要问题及改进情况（缺少）")
            && s.contains("四、政府信息公开行政复议")
    });
    let row = screen
        .lines()
        .find(|l| l.contains("五、存在的主要问题及改进情况（缺少）"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("（缺少）") && row.contains("✗1"), "{row}");
    let four = screen
        .lines()
        .position(|l| l.contains("四、政府信息公开行政复议"))
        .unwrap();
    let five = screen
        .lines()
        .position(|l| l.contains("五、存在的主要问题及改进情况（缺少）"))
        .unwrap();
    assert_eq!(five, four + 1, "五 in its place, after 四:\n{screen}");
    // Walk it and leave it with Esc.
    tmux.send(&["Down", "Down", "Up"], false);
    tmux.send(&["Escape"], false);
    tmux.wait_for("the outline closed", |s| !s.contains("大纲"));

    // n reaches every finding: k/n for every k.
    let mut seen = std::collections::BTreeSet::new();
    let mut last = None;
    for _ in 0..n {
        tmux.send(&["n"], true);
        let screen = tmux.wait_for("the next finding", |s| {
            walk_k(s, n).is_some() && walk_k(s, n) != last
        });
        last = walk_k(&screen, n);
        seen.insert(last.unwrap());
    }
    assert_eq!(seen, (1..=n).collect(), "every finding reached");

    // To the mismatch: n until the status line names it.
    let mut screen = tmux.capture();
    for _ in 0..n {
        if status_line(&screen).contains("正文与表格不符") {
            break;
        }
        tmux.send(&["n"], true);
        let prev = last;
        screen = tmux.wait_for("the next finding", |s| walk_k(s, n) != prev);
        last = walk_k(&screen, n);
    }
    assert!(status_line(&screen).contains("正文与表格不符"), "{screen}");
    // e: edit the sentence in place; clear it and type it corrected.
    let claim = text
        .lines()
        .find(|l| l.contains("共受理政府信息公开申请 82 件"))
        .unwrap();
    tmux.send(&["e"], true);
    tmux.wait_for("the line editor", |s| status_line(s).contains("确定"));
    tmux.send(&["Home", "C-k"], false);
    tmux.send(&[&claim.replacen("申请 82 件", "申请 28 件", 1)], true);
    tmux.send(&["Enter"], false);
    tmux.wait_for("the line edited", |s| status_line(s).contains("已修改第"));

    // The lost heading: ] to the sections, into the text, down to its line.
    tmux.send(&["o"], true);
    let screen = tmux.wait_for("the outline", |s| {
        s.contains("大纲") && s.contains("▸") && s.contains("四、政府信息公开行政复议")
    });
    let rows: Vec<&str> = screen.lines().collect();
    let at = rows
        .iter()
        .position(|l| l.contains("▸"))
        .unwrap_or_else(|| panic!("{screen}"));
    let to = rows
        .iter()
        .position(|l| l.contains("四、政府信息公开行政复议"))
        .unwrap();
    for _ in at..to {
        tmux.send(&["Down"], false);
    }
    for _ in to..at {
        tmux.send(&["Up"], false);
    }
    tmux.send(&["Enter"], false);
    tmux.wait_for("the appeals table", |s| {
        s.contains("(appeals)") && !s.contains("大纲")
    });
    tmux.send(&["Tab", "Tab"], false);
    let mut screen = tmux.wait_for("the text cursor", |s| marked_line(s).is_some());
    for _ in 0..200 {
        let m = marked_line(&screen).unwrap();
        if m == heading_line {
            break;
        }
        tmux.send(&[if m < heading_line { "Down" } else { "Up" }], false);
        screen = tmux.wait_for("the text cursor moved", |s| {
            marked_line(s).is_some_and(|k| k != m)
        });
    }
    assert_eq!(marked_line(&screen), Some(heading_line), "{screen}");
    tmux.send(&["e"], true);
    tmux.wait_for("the line editor", |s| status_line(s).contains("确定"));
    tmux.send(&["五、存在的主要问题及改进情况"], true);
    tmux.send(&["Enter"], false);
    tmux.wait_for("the line edited", |s| status_line(s).contains("已修改第"));

    // s, q.
    tmux.send(&["s"], true);
    tmux.wait_for("saved", |s| status_line(s).contains("已保存"));
    tmux.send(&["q"], true);
    tmux.wait_exit();
    drop(tmux);

    let output = dir.path().join("variant-text-wrong.normalized.txt");
    let saved = nianbao::load(&output).expect("the normalized file");
    let after = nianbao::rules::check(&saved);
    assert!(
        !after
            .iter()
            .any(|f| f.rule == nianbao::rules::Rule::NarrativeMismatch
                || f.rule == nianbao::rules::Rule::SectionMissing),
        "{after:?}"
    );
    assert_eq!(nianbao::rules::counts(&after), (0, 0), "{after:?}");
}

#[test]
fn outline_walk_fix_text_120x40() {
    outline_walk_fix_text(120, 40);
}

#[test]
fn outline_walk_fix_text_80x24() {
    outline_walk_fix_text(80, 24);
}

/// `nianbao DIR` lists the reports of the folder's subfolders too (as
/// `check DIR` reads them) and says on its first line what it skipped.
#[test]
fn the_list_reads_subfolders_and_says_what_it_skipped() {
    if !have_tmux("end-to-end test") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(samples.join(SAMPLE), dir.path().join(SAMPLE)).unwrap();
    std::fs::copy(
        samples.join("variant-nonzero-clean.txt"),
        dir.path().join("sub").join("b.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a report").unwrap();
    let bin = env!("CARGO_BIN_EXE_nianbao");
    let cmd = format!("{} --lang zh {}", quote(Path::new(bin)), quote(dir.path()));
    let tmux = Tmux::start(
        "e2e-list",
        160,
        30,
        &cmd,
        &[
            ("NIANBAO_CONFIG_DIR", config.path()),
            ("NIANBAO_DATA_DIR", data.path()),
        ],
    );
    let screen = tmux.wait_for("both reports listed", |s| s.contains("显示 2 / 2 份"));
    assert!(screen.contains("b.txt"), "{screen}");
    assert!(screen.contains("跳过 1 项"), "{screen}");
    tmux.send(&["q"], true);
}
