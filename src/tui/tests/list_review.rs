//! A review opened from the folder list, and what the list shows after it.

use super::support::*;

fn journal_file(path: &Path) -> Option<PathBuf> {
    let dir = test_journal_dir();
    let bytes = std::fs::read(path).ok()?;
    Some(
        crate::journal::Journal::new(&dir, path, &bytes)
            .file_path()
            .to_path_buf(),
    )
}

#[test]
fn review_edit_then_discard_returns_with_the_files_own_counts() {
    let (_dir, files) = copies(&["seed-000.txt", SINGLE, "variant-appeals-broken.txt"]);
    let original = std::fs::read(&files[1]).unwrap();
    let mut sh = loaded(files.clone());
    let i = 1;
    assert_eq!(entry(&sh.list, i).counts.errors, [2, 0, 0, 0]);
    select(&mut sh, i);
    sk(&mut sh, KeyCode::Enter);
    let (open, app) = sh.review.as_ref().expect("Enter opens a review");
    assert_eq!(*open, i);
    assert_eq!(app.counts().0, 2);
    // The review is drawn instead of the list.
    let t = render_shell(&sh, 160, 40);
    assert!(find(t.backend().buffer(), "报告 ·").is_none());

    // ] to the requests table, Right, 4, Enter: the wrong cell fixed.
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    let app = &sh.review.as_ref().unwrap().1;
    assert_eq!(app.counts().0, 0, "{:#?}", app.findings);
    assert!(app.dirty);

    // q asks (unsaved edits); the list does not come back yet.
    sc(&mut sh, 'q');
    let app = &sh.review.as_ref().expect("still in the review").1;
    assert!(matches!(app.mode, Mode::QuitPrompt));
    let t = render_shell(&sh, 160, 40);
    assert!(find(t.backend().buffer(), s::t(crate::i18n::Key::TuiQuitText)).is_some());
    // d: discard and back to the list.
    sc(&mut sh, 'd');
    assert!(sh.review.is_none());
    assert!(!sh.quit);

    // The edit was discarded: the row is recomputed from the file on disk,
    // which is unchanged and still has its two errors.
    let row = entry(&sh.list, i);
    assert_eq!(row.counts.errors, [2, 0, 0, 0], "{row:#?}");
    assert!(row.first.is_some());
    assert_eq!(row.path, files[i]);
    assert_eq!(sh.list.loaded, 3, "a row set again is not loaded twice");
    assert_eq!(std::fs::read(&files[i]).unwrap(), original, "not written");
    if let Some(j) = journal_file(&files[i]) {
        assert!(!j.exists(), "discard removes the journal {j:?}");
    }
    assert_eq!(
        batch::Counts::of(&rules::check(&crate::load(&files[i]).unwrap())).total_errors(),
        2
    );
    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    assert!(line(buf, 0).contains("显示 3 / 3 份"), "{}", screen(buf));

    // Opening it again reads the file: the two errors are back in the
    // review, and closing without edits puts them back on the row.
    select(&mut sh, i);
    sk(&mut sh, KeyCode::Enter);
    assert_eq!(sh.review.as_ref().unwrap().1.counts().0, 2);
    sk(&mut sh, KeyCode::Esc);
    assert!(sh.review.is_none(), "Esc without edits leaves at once");
    assert_eq!(entry(&sh.list, i).counts.errors, [2, 0, 0, 0]);
}

#[test]
fn esc_leaves_the_review_and_esc_in_the_cell_editor_only_cancels_the_edit() {
    let (_dir, files) = copies(&[SINGLE, "seed-000.txt"]);
    let mut sh = loaded(files.clone());
    select(&mut sh, 0);
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_some());
    // A digit starts editing; Esc cancels the edit, not the review.
    sc(&mut sh, '7');
    assert!(matches!(
        sh.review.as_ref().unwrap().1.mode,
        Mode::Editing(_)
    ));
    sk(&mut sh, KeyCode::Esc);
    let app = &sh.review.as_ref().expect("still reviewing").1;
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.dirty);
    // ? then Esc: the help closes, the review stays.
    sc(&mut sh, '?');
    assert!(matches!(
        sh.review.as_ref().unwrap().1.mode,
        Mode::Help { .. }
    ));
    sk(&mut sh, KeyCode::Esc);
    assert!(matches!(sh.review.as_ref().unwrap().1.mode, Mode::Normal));

    // An edit, then Esc: the same prompt as q; Esc in it cancels.
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    sk(&mut sh, KeyCode::Esc);
    let app = &sh.review.as_ref().expect("prompt first").1;
    assert!(matches!(app.mode, Mode::QuitPrompt));
    // Worded for where it goes: back to the list, not out of the program.
    let t = render_shell(&sh, 120, 40);
    let buf = t.backend().buffer();
    assert!(
        find(buf, &keymap::BACK_PROMPT.hints()).is_some(),
        "{}",
        screen(buf)
    );
    assert!(find(buf, "返回列表").is_some());
    assert!(find(buf, "save and quit").is_none());
    sk(&mut sh, KeyCode::Esc);
    let app = &sh.review.as_ref().expect("Esc cancels the prompt").1;
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.dirty);
    sk(&mut sh, KeyCode::Esc);
    sc(&mut sh, 'd');
    assert!(sh.review.is_none());
    // The edit was discarded: the row shows the file's own counts again.
    assert_eq!(entry(&sh.list, 0).counts.total_errors(), 2);
    // q in the list quits the shell.
    assert!(!sh.quit);
    sc(&mut sh, 'q');
    assert!(sh.quit);
}

#[test]
fn save_from_the_review_writes_beside_the_input_and_updates_the_row() {
    let (dir, files) = copies(&[SINGLE]);
    let original = std::fs::read(&files[0]).unwrap();
    let mut sh = loaded(files.clone());
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, 'q');
    sc(&mut sh, 's');
    assert!(sh.review.is_none());
    let saved = dir.path().join("variant-single-wrong-cell.normalized.txt");
    let report = crate::load(&saved).expect("saved beside the input");
    assert!(rules::check(&report).iter().all(|f| !f.is_error()));
    assert_eq!(std::fs::read(&files[0]).unwrap(), original);
    let row = entry(&sh.list, 0);
    assert_eq!(row.counts.total_errors(), 0);
    assert_eq!(row.path, files[0], "the row still names the input");
}

#[test]
fn open_and_close_without_edits_keeps_every_rows_counts() {
    // Copies: a journal someone left for a sample path would open the
    // review on its restore prompt.
    let names: Vec<String> = listed_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (_dir, files) = copies(&names);
    let mut sh = loaded(files);
    let before: Vec<Summary> = sh.list.entries.iter().map(|e| e.clone().unwrap()).collect();
    for (i, was) in before.iter().enumerate() {
        select(&mut sh, i);
        sk(&mut sh, KeyCode::Enter);
        let (open, app) = sh.review.as_ref().expect("opens");
        assert_eq!(*open, i);
        assert_eq!(
            Counts::of(&app.findings),
            was.counts,
            "review and list agree on {:?}",
            was.path
        );
        sk(&mut sh, KeyCode::Esc);
        assert!(sh.review.is_none(), "{:?}", was.path);
        assert_eq!(entry(&sh.list, i), was, "{:?}", was.path);
    }
}

/// Two years of one agency (2023, 2024), the 2024 二、上年结转 row off by
/// one column from the 2023 四、结转下年度继续办理 row, and a third agency.
fn two_years(dir: &Path, prev_ext: &str) -> Vec<PathBuf> {
    let base = std::fs::read_to_string(sample("variant-nonzero-clean.txt")).unwrap();
    let title = "卫东区政务服务和大数据管理局 2023 年";
    assert!(base.contains(title));
    let carried = "二、上年结转政府信息公开申请数量\t\t2\t1\t0\t0\t0\t0\t3";
    assert!(base.contains(carried));
    let y2024 = base
        .replacen(title, "卫东区政务服务和大数据管理局 2024 年", 1)
        .replacen(
            carried,
            "二、上年结转政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t3",
            1,
        );
    let other = y2024.replacen("卫东区政务服务和大数据管理局", "西工区城市管理局", 1);
    let prev = if prev_ext == "txt" {
        let p = dir.join("a-2023.txt");
        std::fs::write(&p, &base).unwrap();
        p
    } else {
        let p = dir.join(format!("a-2023.{prev_ext}"));
        std::fs::copy(
            PathBuf::from("sample-reports")
                .join(prev_ext)
                .join(format!("variant-nonzero-clean.{prev_ext}")),
            &p,
        )
        .unwrap();
        p
    };
    let now = dir.join("b-2024.txt");
    std::fs::write(&now, y2024).unwrap();
    let third = dir.join("c-other-2024.txt");
    std::fs::write(&third, other).unwrap();
    vec![prev, now, third]
}

#[test]
fn consecutive_years_are_paired_and_the_review_checks_carry_over() {
    let dir = tempfile::tempdir().unwrap();
    let files = two_years(dir.path(), "txt");
    let mut sh = loaded(files);
    assert_eq!(sh.pairs, [(1, 0)].into_iter().collect());
    let carry = 3; // Family::CarryOver
    assert_eq!(entry(&sh.list, 1).counts.errors[carry], 1);
    assert_eq!(entry(&sh.list, 0).counts.errors[carry], 0);
    assert_eq!(entry(&sh.list, 2).counts.errors[carry], 0, "not paired");
    for i in 0..3 {
        assert_eq!(entry(&sh.list, i).counts, expected_counts(&sh, i));
    }
    // Sorted by carry-over, the 2024 file comes first.
    while sh.list.sort != SortKey::Family(Family::CarryOver) {
        sc(&mut sh, 'o');
    }
    assert_eq!(sh.list.visible()[0], 1);
    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    let carry_x = x_of(buf, 1, "结转").unwrap();
    assert_eq!(text_at(buf, carry_x, FIRST_ROW_Y, 5).trim(), "1");
    // The review checks against last year too; closing keeps the count.
    sk(&mut sh, KeyCode::Enter);
    let app = &sh.review.as_ref().unwrap().1;
    assert_eq!(
        app.findings
            .iter()
            .filter(|f| f.rule == rules::Rule::CarryOver)
            .count(),
        1
    );
    sk(&mut sh, KeyCode::Esc);
    assert_eq!(entry(&sh.list, 1).counts.errors[carry], 1);
}

#[test]
fn a_previous_year_in_a_word_file_is_paired_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let files = two_years(dir.path(), "docx");
    let summary = crate::service::CheckRun::new(files.to_vec(), None).summaries();
    assert_eq!(summary[1].counts.errors[3], 1, "check --summary pairs them");
    let sh = loaded(files);
    assert_eq!(sh.pairs, [(1, 0)].into_iter().collect());
    assert_eq!(entry(&sh.list, 1).counts, summary[1].counts);
}
