//! Spreadsheet habits: g/G Home/End, Delete clears a cell, Tab and ↑↓
//! commit an edit and move, a pasted tab-separated row fills cells to the
//! right, the row's six columns added up beside its 总计, `/` search.

use super::support::*;
use crate::tui::app::Hit;

#[test]
fn home_end_g_and_big_g_move_to_the_edges() {
    let mut app = single_on_requests();
    press(&mut app, KeyCode::End);
    assert_eq!(app.cursor, (0, 6));
    ch(&mut app, 'G');
    assert_eq!(app.cursor.0, TableId::Requests.spec().rows.len() - 1);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.cursor.1, 0);
    ch(&mut app, 'g');
    assert_eq!(app.cursor, (0, 0));
    // Shift-g as terminals send it.
    app.on_key(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
    assert_eq!(app.cursor.0, TableId::Requests.spec().rows.len() - 1);
}

#[test]
fn delete_clears_a_cell_to_a_warned_blank() {
    let mut app = single_on_requests();
    press(&mut app, KeyCode::Right);
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "5");
    press(&mut app, KeyCode::Delete);
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "");
    let cell = app
        .report
        .table(TableId::Requests)
        .unwrap()
        .cell(0, 1)
        .unwrap();
    assert_eq!(cell.value, CellValue::Blank);
    assert!(
        app.findings
            .iter()
            .any(|f| f.rule == rules::Rule::CellBlank && f.row == Some(0) && f.column == Some(1))
    );
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let g = grid_rect(&app, 200, 50);
    let y = grid_row_y(buf, g, "一、本年新收");
    assert_eq!(grid_values(buf, g, y)[1].2, "_");
    ch(&mut app, 'u');
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "5");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "");
}

#[test]
fn tab_and_arrows_commit_and_move_so_a_typed_row_fills_cells() {
    let mut app = single_on_requests();
    press(&mut app, KeyCode::Down);
    // 二、上年结转: type 7 Tab 8 Tab 9 Enter.
    for c in "7\t8\t9".chars() {
        if c == '\t' {
            press(&mut app, KeyCode::Tab);
        } else {
            ch(&mut app, c);
        }
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(&raws(&app, TableId::Requests, 1)[..3], ["7", "8", "9"]);
    assert_eq!(app.cursor, (1, 2));
    // ↓ commits and goes down; Shift-Tab commits and goes left.
    ch(&mut app, '3');
    press(&mut app, KeyCode::Down);
    assert_eq!(raws(&app, TableId::Requests, 1)[2], "3");
    assert_eq!(app.cursor, (2, 2));
    assert!(matches!(app.mode, Mode::Normal));
    ch(&mut app, '6');
    press(&mut app, KeyCode::BackTab);
    assert_eq!(raws(&app, TableId::Requests, 2)[2], "6");
    assert_eq!(app.cursor, (2, 1));
    // Each commit is one undo step.
    ch(&mut app, 'u');
    assert_eq!(raws(&app, TableId::Requests, 2)[2], "0");
}

#[test]
fn a_pasted_row_fills_cells_to_the_right_as_one_undo() {
    let mut app = single_on_requests();
    press(&mut app, KeyCode::Right);
    let before = raws(&app, TableId::Requests, 0);
    app.on_paste("4\t0\t1\t0\t0\t25\t99\t100\n");
    let after = raws(&app, TableId::Requests, 0);
    assert_eq!(after[0], before[0], "left of the cursor untouched");
    assert_eq!(
        &after[1..],
        ["4", "0", "1", "0", "0", "25"],
        "cut at the row's end"
    );
    assert_eq!(app.counts().0, 0, "the fix by paste: no errors left");
    ch(&mut app, 'u');
    assert_eq!(raws(&app, TableId::Requests, 0), before);
    // While typing, a paste is typed.
    ch(&mut app, '1');
    app.on_paste("23\t4");
    press(&mut app, KeyCode::Enter);
    assert_eq!(raws(&app, TableId::Requests, 0)[1], "123");
}

#[test]
fn status_line_adds_up_the_six_columns_beside_the_total() {
    let app = single_on_requests();
    let t = render(&app, 200, 50);
    let st = status(t.backend().buffer());
    // 一、本年新收: 20 + 5 + 0 + 1 + 0 + 0 = 26, 总计 25.
    assert!(st.contains(&s::row_sum(26, Some(25))), "{st}");
    assert_eq!(app.row_sum(), Some(s::row_sum(26, Some(25))));
    // Not in the other tables.
    let mut app = app_for(SINGLE);
    assert_eq!(app.table(), Some(TableId::Active));
    assert_eq!(app.row_sum(), None);
    ch(&mut app, ']');
    assert!(app.row_sum().is_some());
}

#[test]
fn slash_searches_labels_and_text_and_n_moves_between_hits() {
    let mut app = single_on_requests();
    ch(&mut app, '/');
    assert!(matches!(app.mode, Mode::Search { .. }));
    type_text(&mut app, "结转");
    let t = render(&app, 120, 40);
    assert!(status(t.backend().buffer()).contains("结转▏"));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    let hits = app.search.as_ref().unwrap().hits.clone();
    assert!(hits.contains(&Hit::Row(TableId::Requests, 1)), "{hits:?}");
    assert!(hits.contains(&Hit::Row(TableId::Requests, 24)), "{hits:?}");
    assert!(hits.iter().any(|h| matches!(h, Hit::Line(_))), "{hits:?}");
    let n = hits.len();
    // The first hit is shown; n goes through all of them and wraps.
    assert!(message(&app).unwrap().contains(&format!("1/{n}")));
    for k in 2..=n + 1 {
        ch(&mut app, 'n');
        let want = (k - 1) % n + 1;
        assert!(
            message(&app).unwrap().contains(&format!("{want}/{n}")),
            "{:?}",
            message(&app)
        );
        match hits[want - 1] {
            Hit::Row(t, r) => {
                assert_eq!(app.table(), Some(t));
                assert_eq!(app.cursor.0, r);
            }
            Hit::Line(l) => {
                assert_eq!(app.text_line, l);
                assert_eq!(app.focus, Focus::Text);
            }
        }
    }
    ch(&mut app, 'N');
    assert!(message(&app).unwrap().contains(&format!("{n}/{n}")));
    // Esc ends the search: n walks the findings again.
    press(&mut app, KeyCode::Esc);
    assert!(app.search.is_none());
    ch(&mut app, 'n');
    assert!(app.walk_at.is_some());
    // Nothing found: a message, no search.
    ch(&mut app, '/');
    type_text(&mut app, "没有这样的字");
    press(&mut app, KeyCode::Enter);
    assert!(app.search.is_none());
    assert_eq!(message(&app), Some(s::search_none("没有这样的字").as_str()));
}
