//! Keeping the edits: saving, and the prompt on quitting with edits.

use super::support::*;

#[test]
fn quit_prompt_after_edits() {
    // No edits: q quits at once.
    let mut app = single_on_requests();
    ch(&mut app, 'q');
    assert!(app.quit);
    assert!(matches!(app.mode, Mode::Normal));

    // After an edit: q asks.
    let mut app = single_on_requests();
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    assert!(app.dirty);
    ch(&mut app, 'q');
    assert!(!app.quit);
    assert!(matches!(app.mode, Mode::QuitPrompt));
    for (w, h) in [(200, 50), (80, 24)] {
        let t = render(&app, w, h);
        let buf = t.backend().buffer();
        let all = buf.area;
        assert!(
            find_in(buf, all, s::t(crate::i18n::Key::TuiQuitText)).is_some(),
            "{}",
            screen(buf)
        );
        assert!(
            find_in(buf, all, &keymap::QUIT_PROMPT.hints()).is_some(),
            "{}",
            screen(buf)
        );
        assert!(find_in(buf, all, s::t(crate::i18n::Key::TuiQuitTitle).trim()).is_some());
    }
    // Esc cancels; the prompt is gone from the screen.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.quit);
    let t = render(&app, 200, 50);
    assert!(
        find_in(
            t.backend().buffer(),
            t.backend().buffer().area,
            s::t(crate::i18n::Key::TuiQuitText)
        )
        .is_none()
    );
    // Other keys in the prompt do nothing.
    ch(&mut app, 'q');
    ch(&mut app, 'x');
    ch(&mut app, 'u');
    assert!(matches!(app.mode, Mode::QuitPrompt));
    assert_eq!(
        raws(&app, TableId::Requests, 0)[1],
        "4",
        "u in the prompt is not undo"
    );
    // q again in the prompt cancels too.
    ch(&mut app, 'q');
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.quit);
    // q then d: discard and quit.
    ch(&mut app, 'q');
    ch(&mut app, 'd');
    assert!(app.quit);
    assert!(app.dirty, "discarding does not save");
}

#[test]
fn quit_prompt_save_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.normalized.txt");
    let mut app = single_on_requests();
    app.save_path = out.clone();
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'q');
    ch(&mut app, 's');
    assert!(app.quit);
    assert!(!app.dirty);
    let saved = crate::load(&out).unwrap();
    assert_eq!(saved.table(TableId::Requests).unwrap().count(0, 1), Some(4));

    // A failed save keeps the app open, with the reason on the status line.
    let mut app = single_on_requests();
    app.save_path = dir.path().join("no-such-dir").join("x.normalized.txt");
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'q');
    ch(&mut app, 's');
    assert!(!app.quit);
    assert!(app.dirty);
    assert!(matches!(app.mode, Mode::Normal));
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains("无法保存"));
}

#[test]
fn save_writes_the_normalized_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = single_on_requests();
    // The default output is beside the input, never the input.
    assert_eq!(
        app.save_path,
        PathBuf::from("sample-reports/variant-single-wrong-cell.normalized.txt")
    );
    let input = sample(SINGLE);
    let before = std::fs::read(&input).unwrap();
    let out = dir.path().join("variant-single-wrong-cell.normalized.txt");
    app.save_path = out.clone();

    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    assert!(app.dirty);
    ch(&mut app, 's');
    assert!(!app.dirty);
    assert!(out.exists());
    let t = render(&app, 200, 50);
    let st = status(t.backend().buffer());
    assert!(st.contains("已保存 "), "{st}");
    assert!(!st.contains("[+]"), "{st}");

    let saved = crate::load(&out).unwrap();
    let req = saved.table(TableId::Requests).unwrap();
    assert_eq!(req.count(0, 1), Some(4));
    assert_eq!(req.cell(0, 1).unwrap().raw, "4");
    let findings = rules::check(&saved);
    assert_eq!(rules::counts(&findings), (0, 0), "{findings:?}");
    // The other tables came through unchanged.
    for id in TableId::ALL {
        let a: Vec<_> = app
            .report
            .table(id)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.count()).collect::<Vec<_>>())
            .collect();
        let b: Vec<_> = saved
            .table(id)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.count()).collect::<Vec<_>>())
            .collect();
        assert_eq!(a, b, "{id:?}");
    }
    assert_eq!(std::fs::read(&input).unwrap(), before, "input untouched");
    // No temporary files left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // Saving again with nothing changed writes the same bytes.
    let first = std::fs::read(&out).unwrap();
    ch(&mut app, 's');
    assert_eq!(std::fs::read(&out).unwrap(), first);
}
