//! Changing cells: the editor, shifts, fixes, undo and redo.

use super::support::*;

#[test]
fn editing_a_cell_clears_its_findings_in_the_next_frame() {
    let mut app = single_on_requests();
    let theme = Theme::default_theme();
    assert_eq!(errors(&app), 2);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.cursor, (0, 1), "一 / 商业企业");
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "5");

    // Typing a digit starts an edit that replaces the value.
    ch(&mut app, '4');
    assert!(matches!(app.mode, Mode::Editing(_)));
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let grid = grid_rect(&app, 200, 50);
    let y = grid_row_y(buf, grid, "一、本年新收");
    let (x0, x1, _) = grid_values(buf, grid, y)[1].clone();
    let edit_cells: String = (x0..=x1)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect();
    assert_eq!(edit_cells.trim(), "4", "the editor shows what was typed");
    assert_eq!(buf[(x0, y)].bg, theme.edit.bg.unwrap(), "edit style");
    assert!(
        status(buf).contains(&keymap::EDITOR.hints()),
        "{}",
        status(buf)
    );
    assert_eq!(errors(&app), 2, "nothing changes before Enter");
    assert!(!app.dirty);

    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "4");
    assert_eq!(
        app.report.table(TableId::Requests).unwrap().rows[0].cells[1].value,
        CellValue::Int(4)
    );
    assert!(
        app.findings.iter().all(|f| !f.is_error()),
        "{:?}",
        app.findings
    );
    assert!(app.findings.is_empty(), "{:?}", app.findings);
    assert!(app.marks[REQ].iter().flatten().all(|m| *m == Mark::None));
    assert!(app.dirty);

    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let vals = grid_values(buf, grid, y);
    assert_eq!(vals[1].2, "4");
    // The old error cell 一 / 总计 is back to the value style.
    let (x0, x1, _) = vals[6].clone();
    for x in x0..=x1 {
        assert_ne!(buf[(x, y)].bg, theme.error.bg.unwrap());
        assert_style_is(&buf[(x, y)], theme.value, "一/总计 after the fix");
    }
    // The edited cell is the selected one, not an error.
    assert_style_is(&buf[(vals[1].0, y)], theme.selection, "edited cell");
    // (七)总计 / 商业企业 was named by the balance finding: clean now.
    let yt = grid_row_y(buf, grid, "(七) 总计");
    let (xt, _, _) = grid_values(buf, grid, yt)[1].clone();
    assert_style_is(
        &buf[(xt, yt)],
        theme.value,
        "(七)总计/商业企业 after the fix",
    );
    let st = status(buf);
    assert!(st.contains("0 个错误 0 个警告"), "{st}");
    assert!(st.contains("[+]"), "{st}");
    let f = view::regions(&app, Rect::new(0, 0, 200, 50)).findings;
    assert!(find_in(buf, f, s::t(crate::i18n::Key::TuiNoFindings)).is_some());
}

#[test]
fn edit_by_enter_backspace_and_escape() {
    let mut app = single_on_requests();
    press(&mut app, KeyCode::Right);
    // Esc cancels: nothing recorded, nothing dirty.
    ch(&mut app, '9');
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "5");
    assert!(!app.dirty);
    ch(&mut app, 'u');
    assert_eq!(
        message(&app),
        Some(s::t(crate::i18n::Key::TuiNothingToUndo)),
        "Esc recorded nothing"
    );
    // Enter opens the editor on the current text; Backspace + 4 + Enter.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Editing(_)));
    press(&mut app, KeyCode::Backspace);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "4");
    assert_eq!(errors(&app), 0);
    // Committing the same text again records nothing.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'u');
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "5");
    ch(&mut app, 'u');
    assert_eq!(
        message(&app),
        Some(s::t(crate::i18n::Key::TuiNothingToUndo)),
        "one change recorded"
    );
    ctrl(&mut app, 'r');
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "4");
    // Text that is not a number: cell.invalid, with a message.
    ch(&mut app, 'e');
    for c in "x".chars() {
        ch(&mut app, c);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "4x");
    assert!(
        app.findings
            .iter()
            .any(|f| f.rule == crate::rules::Rule::CellInvalid && f.is_error())
    );
    assert_eq!(app.marks[REQ][0][1], Mark::Error);
    let t = render(&app, 200, 50);
    let st = status(t.backend().buffer());
    assert!(st.contains("“4x” 不是有效的数值"), "{st}");
}

#[test]
fn shift_row_then_undo_and_redo() {
    let mut app = app_for(SHIFTED);
    ch(&mut app, ']');
    assert_eq!(app.table(), Some(TableId::Requests));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.cursor, (2, 0));
    assert_eq!(TableId::Requests.spec().rows[2].short, "三(一) 予以公开");

    let original = raws(&app, TableId::Requests, 2);
    assert_eq!(original, ["1", "0", "1", "0", "0", "11", ""]);
    // The lost 总计 reads as 0 (see short_row_padding_is_missing_not_blank).
    let total = &app.report.table(TableId::Requests).unwrap().rows[2].cells[6];
    assert_eq!(total.count(), Some(0));
    assert!(
        app.findings
            .iter()
            .any(|f| f.rule == crate::rules::Rule::TableLayout && f.row == Some(2))
    );
    let errors_before = errors(&app);
    assert_eq!(errors_before, 7);

    let shown = |app: &App| -> Vec<String> {
        let t = render(app, 200, 50);
        let buf = t.backend().buffer();
        let grid = grid_rect(app, 200, 50);
        let y = grid_row_y(buf, grid, "三(一) 予以公开");
        grid_values(buf, grid, y).into_iter().map(|v| v.2).collect()
    };
    assert_eq!(shown(&app), ["1", "0", "1", "0", "0", "11", "_"]);

    // > : everything one column right; 自然人 becomes blank.
    ch(&mut app, '>');
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["", "1", "0", "1", "0", "0", "11"]
    );
    assert_eq!(shown(&app), ["_", "1", "0", "1", "0", "0", "11"]);
    assert!(app.dirty);
    assert!(
        !app.findings
            .iter()
            .any(|f| f.rule == crate::rules::Rule::TableLayout)
    );
    assert!(
        app.findings
            .iter()
            .any(|f| f.rule == crate::rules::Rule::CellBlank
                && f.row == Some(2)
                && f.column == Some(0))
    );
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains("这一行已右移一列"));

    // u : back to the file's row.
    ch(&mut app, 'u');
    assert_eq!(raws(&app, TableId::Requests, 2), original);
    assert_eq!(shown(&app), ["1", "0", "1", "0", "0", "11", "_"]);
    assert_eq!(errors(&app), errors_before);
    assert_eq!(app.cursor, (2, 0));

    // Ctrl-r : shifted again.
    ctrl(&mut app, 'r');
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["", "1", "0", "1", "0", "0", "11"]
    );
    assert_eq!(shown(&app), ["_", "1", "0", "1", "0", "0", "11"]);

    // Fill in the lost 自然人 value: the table is whole again.
    ch(&mut app, '9');
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["9", "1", "0", "1", "0", "0", "11"]
    );
    assert!(app.findings.is_empty(), "{:?}", app.findings);

    // Undo twice: edit, then shift. A third undo has nothing left.
    ch(&mut app, 'u');
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["", "1", "0", "1", "0", "0", "11"]
    );
    ch(&mut app, 'u');
    assert_eq!(raws(&app, TableId::Requests, 2), original);
    ch(&mut app, 'u');
    assert_eq!(raws(&app, TableId::Requests, 2), original);
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains(s::t(crate::i18n::Key::TuiNothingToUndo)));

    // < : one column left; the first value falls off (the message says so).
    ch(&mut app, '<');
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["0", "1", "0", "0", "11", "", ""]
    );
    assert_eq!(shown(&app), ["0", "1", "0", "0", "11", "_", "_"]);
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains("数值“1”移出了边缘"));
    ch(&mut app, 'u');
    assert_eq!(raws(&app, TableId::Requests, 2), original);
    // A new change after an undo drops the redo branch.
    ctrl(&mut app, 'r');
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["0", "1", "0", "0", "11", "", ""]
    );
    ch(&mut app, 'u');
    ch(&mut app, '>');
    ctrl(&mut app, 'r');
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["", "1", "0", "1", "0", "0", "11"]
    );
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains(s::t(crate::i18n::Key::TuiNothingToRedo)));
}

#[test]
fn f_applies_the_suggested_fix_as_one_undoable_edit() {
    // One wrong cell (一/商业企业 5, should be 4) explains both findings; on
    // the row's 总计 (the cell row-total names), `f` applies the fix there.
    let mut app = single_on_requests();
    for _ in 0..6 {
        press(&mut app, KeyCode::Right);
    }
    assert_eq!(app.cursor, (0, 6));
    ch(&mut app, 'f');
    assert_eq!(
        app.report.table(TableId::Requests).unwrap().count(0, 1),
        Some(4)
    );
    assert_eq!(errors(&app), 0, "{:#?}", app.findings);
    assert!(app.dirty);
    assert!(
        message(&app).is_some_and(|m| m.starts_with("已应用修正")),
        "{:?}",
        message(&app)
    );
    assert_eq!(app.cursor, (0, 1), "the cursor goes to the fixed cell");
    ch(&mut app, 'u');
    assert_eq!(
        app.report.table(TableId::Requests).unwrap().count(0, 1),
        Some(5)
    );
    assert_eq!(errors(&app), 2);
    // A clean cell has no fix: `f` says so and changes nothing.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    ch(&mut app, 'f');
    assert_eq!(message(&app), Some(s::t(crate::i18n::Key::TuiNoFix)));
    assert_eq!(errors(&app), 2);
}

#[test]
fn f_repairs_a_row_with_a_lost_cell() {
    let mut app = app_for(SHIFTED);
    ch(&mut app, ']');
    for _ in 0..2 {
        press(&mut app, KeyCode::Down);
    }
    ch(&mut app, 'f');
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["9", "1", "0", "1", "0", "0", "11"]
    );
    assert_eq!(errors(&app), 0, "{:#?}", app.findings);
}
