//! Saved work is the starting point: a saved normalized copy is offered
//! when the input is opened; a normalized file saves over itself; `s` asks
//! before writing when the input or the output changed on disk.

use super::support::*;

const OUT: &str = "variant-single-wrong-cell.normalized.txt";

/// The sample in a fresh folder with a saved copy beside it holding the
/// fix of 一 / 商业企业 (5 → 4): (folder, input, saved copy).
fn with_saved_copy() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, files) = copies(&[SINGLE]);
    let mut report = crate::load(&files[0]).unwrap();
    report.set_cell(TableId::Requests, 0, 1, "4");
    let out = dir.path().join(OUT);
    std::fs::write(&out, crate::normalize::normalize(&report)).unwrap();
    (dir, files[0].clone(), out)
}

fn review(sh: &Shell) -> &App {
    &sh.review.as_ref().expect("a review is open").1
}

#[test]
fn a_saved_copy_is_offered_and_continued_from() {
    let (_dir, input, out) = with_saved_copy();
    let saved = std::fs::read(&out).unwrap();
    let mut sh = loaded(vec![input.clone()]);
    sk(&mut sh, KeyCode::Enter);
    assert!(matches!(review(&sh).mode, Mode::SavedCopyPrompt));
    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    assert!(
        find(buf, s::t(crate::i18n::Key::TuiSavedCopyTitle).trim()).is_some(),
        "{}",
        screen(buf)
    );
    assert!(find(buf, OUT).is_some(), "{}", screen(buf));
    assert!(
        find(buf, &keymap::SAVED_COPY_PROMPT.hints()).is_some(),
        "{}",
        screen(buf)
    );
    // Keys of other modes do nothing here.
    sc(&mut sh, ']');
    sc(&mut sh, 's');
    assert!(matches!(review(&sh).mode, Mode::SavedCopyPrompt));

    // Enter (the default): the saved copy's tables, its findings.
    sk(&mut sh, KeyCode::Enter);
    let app = review(&sh);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(raws(app, TableId::Requests, 0)[1], "4");
    assert_eq!(app.counts().0, 0, "the copy has the fix: no errors");
    assert_eq!(app.save_path, out, "saves go to the same output");
    assert!(!app.dirty);

    // An edit, then s: written to the same file, without a prompt (it is
    // what this screen loaded).
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Down);
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '7');
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, 's');
    assert!(matches!(review(&sh).mode, Mode::Normal));
    let now = crate::load(&out).unwrap();
    let req = now.table(TableId::Requests).unwrap();
    assert_eq!((req.count(0, 1), req.count(1, 1)), (Some(4), Some(7)));
    assert_ne!(std::fs::read(&out).unwrap(), saved);
    assert!(
        !input
            .with_file_name(format!("{OUT}.normalized.txt"))
            .exists()
    );
}

#[test]
fn starting_from_the_input_still_saves_to_the_same_file() {
    let (_dir, input, out) = with_saved_copy();
    let mut sh = loaded(vec![input]);
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, 'i');
    let app = review(&sh);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(raws(app, TableId::Requests, 0)[1], "5", "the input's value");
    assert_eq!(app.save_path, out);
    assert!(app.journal.is_some());
}

#[test]
fn an_output_the_input_would_give_is_not_offered() {
    let (dir, files) = copies(&[SINGLE]);
    let report = crate::load(&files[0]).unwrap();
    std::fs::write(dir.path().join(OUT), crate::normalize::normalize(&report)).unwrap();
    let mut sh = loaded(files);
    sk(&mut sh, KeyCode::Enter);
    assert!(matches!(review(&sh).mode, Mode::Normal));
}

#[test]
fn a_normalized_file_saves_over_itself() {
    let (_dir, _input, out) = with_saved_copy();
    let mut sh = loaded(vec![out.clone()]);
    sk(&mut sh, KeyCode::Enter);
    let app = review(&sh);
    assert!(matches!(app.mode, Mode::Normal), "nothing to offer");
    assert_eq!(app.save_path, out);
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Down);
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '7');
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, 's');
    assert!(matches!(review(&sh).mode, Mode::Normal));
    let req_now = crate::load(&out).unwrap();
    assert_eq!(
        req_now.table(TableId::Requests).unwrap().count(1, 1),
        Some(7)
    );
    let doubled = out.with_file_name(OUT.replace(".txt", ".normalized.txt"));
    assert!(!doubled.exists(), "{doubled:?}");
}

/// Open the input (no saved copy), edit one cell.
fn edited(files: Vec<PathBuf>) -> Shell {
    let mut sh = loaded(files);
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    assert!(review(&sh).dirty);
    sh
}

#[test]
fn s_asks_when_the_input_changed_or_is_gone() {
    let (dir, files) = copies(&[SINGLE]);
    let out = dir.path().join(OUT);
    let mut sh = edited(files.clone());
    let mut bytes = std::fs::read(&files[0]).unwrap();
    bytes.extend_from_slice("\n附：打开之后追加的一行。\n".as_bytes());
    std::fs::write(&files[0], &bytes).unwrap();

    sc(&mut sh, 's');
    match &review(&sh).mode {
        Mode::ConfirmSave { reasons, .. } => {
            assert_eq!(reasons, &[s::t(crate::i18n::Key::TuiInputChanged)])
        }
        _ => panic!("s asks"),
    }
    assert!(!out.exists(), "nothing written before the answer");
    let t = render_shell(&sh, 120, 30);
    let buf = t.backend().buffer();
    assert!(
        find(buf, "原文在打开后被修改过").is_some(),
        "{}",
        screen(buf)
    );
    assert!(find(buf, &keymap::CONFIRM_SAVE.hints()).is_some());
    // Esc: not saved, still dirty.
    sk(&mut sh, KeyCode::Esc);
    assert!(matches!(review(&sh).mode, Mode::Normal));
    assert!(!out.exists());
    assert!(review(&sh).dirty);

    // Gone: asked again, with that reason; y saves.
    std::fs::remove_file(&files[0]).unwrap();
    sc(&mut sh, 's');
    match &review(&sh).mode {
        Mode::ConfirmSave { reasons, .. } => {
            assert_eq!(reasons, &[s::t(crate::i18n::Key::TuiInputGone)])
        }
        _ => panic!("s asks"),
    }
    sc(&mut sh, 'y');
    assert!(matches!(review(&sh).mode, Mode::Normal));
    assert!(!review(&sh).dirty);
    let saved = crate::load(&out).unwrap();
    assert_eq!(saved.table(TableId::Requests).unwrap().count(0, 1), Some(4));
}

#[test]
fn s_does_not_silently_replace_an_output_written_by_someone_else() {
    let (dir, files) = copies(&[SINGLE]);
    let out = dir.path().join(OUT);
    let mut sh = edited(files);
    // Another program writes the output while the screen is open.
    std::fs::write(&out, "手工编辑的版本\n").unwrap();
    sc(&mut sh, 's');
    match &review(&sh).mode {
        Mode::ConfirmSave { reasons, .. } => {
            assert_eq!(reasons, &[s::t(crate::i18n::Key::TuiOutputChanged)])
        }
        _ => panic!("s asks"),
    }
    sc(&mut sh, 'n');
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "手工编辑的版本\n");

    // The quit prompt's s asks the same; y saves and quits.
    sc(&mut sh, 'q');
    sc(&mut sh, 's');
    assert!(matches!(review(&sh).mode, Mode::ConfirmSave { .. }));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "手工编辑的版本\n");
    sc(&mut sh, 'y');
    assert!(sh.review.is_none(), "saved, then back to the list");
    let saved = crate::load(&out).unwrap();
    assert_eq!(saved.table(TableId::Requests).unwrap().count(0, 1), Some(4));
}

#[test]
fn q_or_esc_at_the_saved_copy_prompt_leaves_without_choosing() {
    // The prompt took only c, Enter and i: q and Esc did nothing, so a
    // reviewer who only wanted to look could not leave.
    for key in [KeyCode::Char('q'), KeyCode::Esc] {
        let (_dir, input, out) = with_saved_copy();
        let saved = std::fs::read(&out).unwrap();
        let mut sh = loaded(vec![input.clone()]);
        sk(&mut sh, KeyCode::Enter);
        assert!(matches!(review(&sh).mode, Mode::SavedCopyPrompt), "{key:?}");
        sk(&mut sh, key);
        assert!(sh.review.is_none(), "{key:?}: back to the list");
        assert!(!sh.quit, "{key:?}: the list stays");
        assert_eq!(std::fs::read(&out).unwrap(), saved, "the copy untouched");
    }
}
