//! The grid: alignment, marks, the section walk, jumps between errors.

use super::support::*;

#[test]
fn grid_200x50_snapshot_and_cjk_alignment() {
    let app = single_on_requests();
    let terminal = render(&app, 200, 50);
    insta::assert_snapshot!(terminal.backend());

    let buf = terminal.backend().buffer();
    let grid = grid_rect(&app, 200, 50);
    assert!(
        grid.x >= 60,
        "wide screen puts the grid on the right: {grid:?}"
    );
    let spec = TableId::Requests.spec();
    let g = inner(grid);

    // Every body row: the label column has the same display width, whatever
    // mix of CJK and ASCII the short label has.
    let header_sep = label_sep_x(buf, grid, g.y + 1);
    let mut ends: Option<Vec<u16>> = None;
    for (r, row) in spec.rows.iter().enumerate() {
        let y = g.y + 2 + r as u16;
        let text = line_in(buf, g, y);
        assert!(
            text.starts_with(row.short),
            "row {r} shows {text:?}, expected label {}",
            row.short
        );
        assert_eq!(label_sep_x(buf, grid, y), header_sep, "row {r} label width");
        let vals = grid_values(buf, grid, y);
        assert_eq!(vals.len(), 7, "row {r}: {vals:?}");
        let expected: Vec<String> = raws(&app, TableId::Requests, r);
        let shown: Vec<String> = vals.iter().map(|v| v.2.clone()).collect();
        assert_eq!(shown, expected, "row {r} values");
        // Right-aligned: the last digit of each column sits on the same x.
        let e: Vec<u16> = vals.iter().map(|v| v.1).collect();
        match &ends {
            None => ends = Some(e),
            Some(first) => assert_eq!(&e, first, "row {r} ({}) column ends", row.short),
        }
    }
    // The column headers are right-aligned over their digits.
    let heads = grid_values(buf, grid, g.y + 1);
    let head_text: Vec<&str> = heads.iter().map(|h| h.2.as_str()).collect();
    assert_eq!(head_text, spec.short_columns);
    let head_ends: Vec<u16> = heads.iter().map(|h| h.1).collect();
    assert_eq!(Some(head_ends), ends, "headers end where the digits end");

    // Explicitly, column 自然人: 20 (row 一) and 2 (row 二) end on one x.
    let y1 = grid_row_y(buf, grid, "一、本年新收");
    let y2 = grid_row_y(buf, grid, "二、上年结转");
    assert_eq!(y2, y1 + 1);
    let x = grid_values(buf, grid, y1)[0].1;
    assert_eq!(buf[(x - 1, y1)].symbol(), "2");
    assert_eq!(buf[(x, y1)].symbol(), "0");
    assert_eq!(buf[(x - 1, y2)].symbol(), " ");
    assert_eq!(buf[(x, y2)].symbol(), "2");
    // And the 总计 column: 25 over 3.
    let xt = grid_values(buf, grid, y1)[6].1;
    assert_eq!(buf[(xt - 1, y1)].symbol(), "2");
    assert_eq!(buf[(xt, y1)].symbol(), "5");
    assert_eq!(buf[(xt, y2)].symbol(), "3");

    // Both header levels: 法人或其他组织 spans its five columns.
    let top = line_in(buf, g, g.y);
    assert!(top.contains("自然人") && top.contains("法人或其他组织") && top.contains("总计"));
    // Grid and text panes side by side; status line at the bottom.
    let regions = view::regions(&app, Rect::new(0, 0, 200, 50));
    let text = regions.text.expect("text pane shown at 200 columns");
    assert_eq!(text.x, 0);
    assert!(line(buf, 0).starts_with("┌ 原文 · 三、收到和处理政府信息公开申请情况"));
    assert!(
        line_in(buf, grid, 0).starts_with("┌ 表 · 依申请公开 (requests) "),
        "{}",
        line_in(buf, grid, 0)
    );
    let st = status(buf);
    assert!(
        st.starts_with(" variant-single-wrong-cell.txt · 2 个错误 0 个警告 · 三、收到和处理政府信息公开申请情况"),
        "{st}"
    );
    assert!(
        st.contains("一、本年新收政府信息公开申请数量 / 自然人"),
        "{st}"
    );
    assert!(st.contains("2 个错误 0 个警告"), "{st}");
    assert!(!st.contains("[+]"), "{st}");
}

#[test]
fn failing_cells_drawn_in_error_style() {
    let app = single_on_requests();
    let theme = Theme::default_theme();
    // The findings: row 一 does not add up, and column 商业企业 does not balance.
    let rules_hit: Vec<(crate::rules::Rule, Option<usize>, Option<usize>)> = app
        .findings
        .iter()
        .map(|f| (f.rule, f.row, f.column))
        .collect();
    assert_eq!(rules_hit.len(), 2, "{rules_hit:?}");
    assert!(rules_hit.contains(&(crate::rules::Rule::RowTotal, Some(0), Some(6))));
    assert!(rules_hit.contains(&(crate::rules::Rule::Balance, None, Some(1))));
    assert!(app.findings.iter().all(|f| f.severity == Severity::Error));

    // Marks: named cells Error, the rest of the failing row Soft.
    let m = &app.marks[REQ];
    assert_eq!(m.len(), 25);
    assert_eq!(m[0][6], Mark::Error, "一 / 总计");
    for r in [0, 1, 23, 24] {
        assert_eq!(m[r][1], Mark::Error, "balance column 商业企业, row {r}");
    }
    for c in [0, 2, 3, 4, 5] {
        assert_eq!(m[0][c], Mark::Soft, "row 一, column {c}");
    }
    assert_eq!(m[2][0], Mark::None);
    assert_eq!(m[23][0], Mark::None);
    let marked: usize = m.iter().flatten().filter(|x| **x != Mark::None).count();
    assert_eq!(marked, 10, "{m:?}");
    assert!(
        app.marks[TableId::Active as usize]
            .iter()
            .flatten()
            .all(|x| *x == Mark::None)
    );

    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let grid = grid_rect(&app, 200, 50);
    let y = grid_row_y(buf, grid, "一、本年新收");
    let vals = grid_values(buf, grid, y);
    // 一 / 总计 "25": both digits in the error style.
    let (x0, x1, text) = &vals[6];
    assert_eq!(text, "25");
    for x in *x0..=*x1 {
        assert_style_is(&buf[(x, y)], theme.error, "一/总计");
        assert_eq!(buf[(x, y)].bg, theme.error.bg.unwrap());
    }
    // 一 / 商业企业 "5": error.
    let (x0, _, text) = &vals[1];
    assert_eq!(text, "5");
    assert_style_is(&buf[(*x0, y)], theme.error, "一/商业企业");
    // 一 / 科研机构: the softer tint, not the error background.
    let (x0, _, _) = &vals[2];
    assert_style_is(&buf[(*x0, y)], theme.error_soft, "一/科研机构");
    assert_ne!(buf[(*x0, y)].bg, theme.error.bg.unwrap());
    // 一 / 自然人 is selected (cursor at 0,0): selection wins over the soft mark.
    let (x0, _, _) = &vals[0];
    assert_style_is(&buf[(*x0, y)], theme.selection, "selected cell");
    // A clean cell: the value style.
    let y3 = grid_row_y(buf, grid, "三(一) 予以公开");
    let (x0, _, _) = &grid_values(buf, grid, y3)[0];
    assert_style_is(&buf[(*x0, y3)], theme.value, "clean cell");
    assert_ne!(buf[(*x0, y3)].bg, theme.error.bg.unwrap());
    // (七)总计 / 商业企业 and 四 / 商业企业: named by requests.balance.
    for label in ["(七) 总计", "四、结转下年度", "二、上年结转"] {
        let yy = grid_row_y(buf, grid, label);
        let (x0, _, _) = &grid_values(buf, grid, yy)[1];
        assert_eq!(
            buf[(*x0, yy)].bg,
            theme.error.bg.unwrap(),
            "{label}/商业企业"
        );
    }
    // The findings panel lists both, in the finding style.
    let f = view::regions(&app, Rect::new(0, 0, 200, 50)).findings;
    assert!(line_in(buf, f, f.y).contains("问题 · 2 个错误 0 个警告"));
    let (fx, fy) = find_in(buf, f, "✗ 勾稽关系").expect("balance finding listed");
    assert_style_is(&buf[(fx, fy)], theme.finding_error, "finding line");
    assert!(find_in(buf, f, "✗ 总计列").is_some());
}

#[test]
fn short_row_padding_is_a_warned_blank() {
    // A lost cell pads the row as a blank cell: 0 for the rules, its own
    // cell.blank warning beside the row's table.layout warning, drawn `_`.
    let mut app = app_for(SHIFTED);
    ch(&mut app, ']');
    let total = &app.report.table(TableId::Requests).unwrap().rows[2].cells[6];
    assert_eq!(total.value, CellValue::Blank);
    let warnings: Vec<_> = app
        .findings
        .iter()
        .filter(|f| !f.is_error())
        .map(|f| (f.rule, f.row, f.column))
        .collect();
    assert_eq!(
        warnings,
        [
            (crate::rules::Rule::TableLayout, Some(2), None),
            (crate::rules::Rule::CellBlank, Some(2), Some(6))
        ]
    );
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let grid = grid_rect(&app, 200, 50);
    let y = grid_row_y(buf, grid, "三(一) 予以公开");
    assert_eq!(grid_values(buf, grid, y)[6].2, "_");
}

#[test]
fn next_and_previous_error_jump_across_tables() {
    // Errors in two tables: cell.invalid in active (1,2), (2,0), (3,0) and
    // requests (4,2).
    let mut app = app_for("variant-invalid-cells.txt");
    assert_eq!(app.table(), Some(TableId::Active));
    assert_eq!(app.cursor, (0, 0));
    let mut seen = Vec::new();
    for _ in 0..5 {
        ch(&mut app, 'n');
        seen.push((app.table().unwrap(), app.cursor));
    }
    use TableId::{Active, Requests};
    assert_eq!(
        seen,
        [
            (Active, (1, 2)),
            (Active, (2, 0)),
            (Active, (3, 0)),
            (Requests, (4, 2)),
            (Active, (1, 2)), // wraps
        ]
    );
    let mut seen = Vec::new();
    for _ in 0..3 {
        ch(&mut app, 'N');
        seen.push((app.table().unwrap(), app.cursor));
    }
    assert_eq!(
        seen,
        [(Requests, (4, 2)), (Active, (3, 0)), (Active, (2, 0))]
    );
    // Shift+n as some terminals send it.
    app.on_key(KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT));
    assert_eq!((app.table().unwrap(), app.cursor), (Active, (1, 2)));
    // The grid title follows the jump.
    ch(&mut app, 'N');
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let grid = grid_rect(&app, 200, 50);
    assert!(line_in(buf, grid, grid.y).contains("依申请公开 (requests)"));
    assert_eq!(app.focus, Focus::Grid);

    // The single-wrong-cell variant: 商业企业 (balance names row 一) then 总计.
    let mut app = app_for(SINGLE);
    ch(&mut app, 'n');
    assert_eq!((app.table(), app.cursor), (Some(Requests), (0, 1)));
    ch(&mut app, 'n');
    assert_eq!((app.table(), app.cursor), (Some(Requests), (0, 6)));
    ch(&mut app, 'n');
    assert_eq!(app.cursor, (0, 1));
    ch(&mut app, 'N');
    assert_eq!(app.cursor, (0, 6));

    // No errors: a message, no move.
    let mut app = app_for("variant-nonzero-clean.txt");
    let before = (app.stop, app.cursor);
    ch(&mut app, 'n');
    assert_eq!((app.stop, app.cursor), before);
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains(s::t(crate::i18n::Key::TuiNoFindingsLeft)));
}

#[test]
fn section_walk_changes_the_grid_title() {
    let mut app = app_for(SINGLE);
    let first_table = app.stop;
    assert!(first_table > 0, "opens past the title and overview");
    while app.stop > 0 {
        let before = app.stop;
        ch(&mut app, '[');
        assert_eq!(app.stop, before - 1);
    }
    ch(&mut app, '[');
    assert_eq!(app.stop, 0, "[ stops at the first section");

    let mut tables = Vec::new();
    for i in 0..app.stops.len() {
        if i > 0 {
            ch(&mut app, ']');
        }
        assert_eq!(app.stop, i);
        assert_eq!(app.cursor, (0, 0));
        let stop = app.stops[i];
        let t = render(&app, 200, 50);
        let buf = t.backend().buffer();
        let r = view::regions(&app, Rect::new(0, 0, 200, 50));
        let title = line_in(buf, r.grid, r.grid.y);
        match stop.table {
            Some(id) => {
                let want = format!("┌ 表 · {} ({}) ", id.title(), id.id());
                assert!(title.starts_with(&want), "stop {i}: {title:?}");
                tables.push(id);
                assert_eq!(app.focus, Focus::Grid);
            }
            None => {
                assert!(title.starts_with("┌ 表 ─"), "stop {i}: {title:?}");
                assert!(find_in(buf, inner(r.grid), "本节没有标准表格").is_some());
                assert_eq!(app.focus, Focus::Text);
            }
        }
        let heading = &app.report.sections[stop.section].heading;
        let text_title = line_in(buf, r.text.unwrap(), 0);
        let head: String = heading.chars().take(10).collect();
        assert!(
            text_title.contains(&head),
            "stop {i}: {text_title:?} vs {heading}"
        );
        if !heading.is_empty() {
            assert!(status(buf).contains(&head), "stop {i}: {}", status(buf));
        }
    }
    assert_eq!(tables, TableId::ALL, "every table has its stop, in order");
    let last = app.stop;
    ch(&mut app, ']');
    assert_eq!(app.stop, last, "] stops at the last section");
}
