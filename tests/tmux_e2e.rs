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
    let cmd = format!("{} {}", quote(Path::new(bin)), quote(&input));
    let tmux = Tmux::start("e2e", w, h, &cmd, &[("NIANBAO_CONFIG_DIR", config.path())]);
    let wide = w >= 120;

    // The screen is up: the status line names the file.
    let screen = tmux.wait_for("the first screen", |s| status_line(s).contains(SAMPLE));
    if wide {
        assert!(
            status_line(&screen).contains("2 errors 0 warnings"),
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
            && s.contains("Findings · 2 errors")
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
        tmux.wait_for("the editor", |s| status_line(s).contains("Enter commit"));
    }
    tmux.send(&["Enter"], false);
    let screen = if wide {
        tmux.wait_for("0 errors on the status line", |s| {
            status_line(s).contains("0 errors")
                && status_line(s).contains("[+]")
                && s.contains("No findings in this table.")
        })
    } else {
        // At 80 columns the status line is cut before the counts; the
        // findings pane title still has them.
        tmux.wait_for("0 errors in the findings pane", |s| {
            s.contains("Findings · 0 errors 0 warnings")
                && status_line(s).contains("[+]")
                && s.contains("No findings in this table.")
        })
    };
    assert!(status_line(&screen).contains("[+]"), "{screen}");
    assert!(screen.contains("No findings in this table."), "{screen}");

    // s : saved beside the input.
    tmux.send(&["s"], true);
    let screen = tmux.wait_for("Saved on the status line", |s| {
        status_line(s).contains("Saved")
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
