//! The screen as a whole: help, every sample at many sizes, the status line, the text pane.

use super::super::width::pad_right;
use super::support::*;

/// The rows inside the help overlay's box, trailing spaces trimmed.
fn help_rows(buf: &Buffer) -> Vec<String> {
    let Some((x0, y0)) = find_in(buf, buf.area, "┌ 按键") else {
        panic!("help overlay not on screen:\n{}", screen(buf));
    };
    let x1 = visible(buf, y0)
        .into_iter()
        .find(|(x, sym, _)| *x > x0 && sym == "┐")
        .map(|(x, _, _)| x)
        .expect("overlay right corner");
    let body = Rect::new(x0 + 1, y0, x1 - x0 - 1, buf.area.bottom() - y0);
    let mut rows = Vec::new();
    for y in y0 + 1..buf.area.bottom() {
        if buf[(x0, y)].symbol() == "└" {
            break;
        }
        rows.push(line_in(buf, body, y).trim_end().to_string());
    }
    rows
}

/// Every row of the help at this size, read by scrolling it to the end.
fn all_help_rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    ch(app, '?');
    let mut rows: Vec<String> = Vec::new();
    loop {
        let Mode::Help { scroll } = app.mode else {
            panic!("help closed")
        };
        let t = render(app, w, h);
        let shown = help_rows(t.backend().buffer());
        let body = app.viewport.get().help_rows;
        assert_eq!(shown.len(), body);
        let scroll = scroll.min(view::overlay::help_lines().len() - body);
        rows.truncate(scroll);
        rows.extend(shown);
        press(app, KeyCode::PageDown);
        if matches!(app.mode, Mode::Help { scroll: s } if s <= scroll) {
            break;
        }
    }
    press(app, KeyCode::Esc);
    rows
}

#[test]
fn help_overlay_lists_every_binding() {
    let mut app = single_on_requests();
    ch(&mut app, '?');
    assert!(matches!(app.mode, Mode::Help { .. }));
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let rows = help_rows(buf);
    for (b, row) in BINDINGS.iter().zip(&rows) {
        assert!(
            row.starts_with(&format!("{:<10}{}", b.label, s::t(b.help))),
            "{:?}: {row:?}",
            b.label
        );
    }
    // Any key but the scrolling ones closes it, and does nothing else.
    ch(&mut app, 'q');
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.quit);
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    assert!(find_in(buf, buf.area, s::t(crate::i18n::Key::TuiHelpTitle).trim()).is_none());
    // At every size, scrolling reaches every key of every mode, the legend
    // and the themes.
    let all = view::overlay::help_lines();
    for (w, h) in [(200, 50), (120, 40), (80, 24), (60, 15)] {
        let rows = all_help_rows(&mut app, w, h);
        assert_eq!(rows.len(), all.len(), "{w}×{h}");
        for (b, row) in BINDINGS.iter().zip(&rows) {
            assert!(
                row.starts_with(&pad_right(view::overlay::label(b), 10)),
                "{w}×{h} {row:?}"
            );
        }
        for map in [&keymap::EDITOR, &keymap::OUTLINE, &keymap::HELP] {
            for b in map.bindings {
                assert!(
                    rows.iter()
                        .any(|r| r.starts_with(&pad_right(view::overlay::label(b), 10))),
                    "{w}×{h}: {:?}",
                    b.label
                );
            }
        }
        for (mark, _) in s::LEGEND {
            assert!(
                rows.iter().any(|r| r.starts_with(&pad_right(mark, 10))),
                "{w}×{h}: legend {mark}"
            );
        }
        assert!(
            rows.last()
                .unwrap()
                .starts_with("配色主题：dark、light、high-contrast")
        );
    }
}

#[test]
fn help_overlay_reads_at_80x24() {
    let mut app = single_on_requests();
    let rows = all_help_rows(&mut app, 80, 24);
    for (b, row) in BINDINGS.iter().zip(&rows) {
        assert!(row.contains(s::t(b.help)), "{:?}: {row:?}", b.label);
    }
    // The title says there is more below until the end.
    ch(&mut app, '?');
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    assert!(find_in(buf, buf.area, s::HELP_MORE.trim()).is_some());
    press(&mut app, KeyCode::End);
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    assert!(
        find_in(buf, buf.area, s::HELP_MORE.trim()).is_none(),
        "{}",
        screen(buf)
    );
}

#[test]
fn every_sample_reads_at_80x24() {
    for path in sample_files() {
        let report = crate::load(&path).expect("load");
        let mut app = App::new(report, Some(path.clone()), Theme::default_theme());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // Every stop of the walk, from the first.
        while app.stop > 0 {
            ch(&mut app, '[');
        }
        for i in 0..app.stops.len() {
            if i > 0 {
                ch(&mut app, ']');
            }
            let t = render(&app, 80, 24);
            let buf = t.backend().buffer();
            let r = view::regions(&app, buf.area);
            assert_eq!(r.grid.y, 0, "stacked: grid on top");
            assert_eq!(r.grid.width, 80);
            assert_not_garbled(&app, buf, &format!("{name} stop {i}"));
            // Walk the cursor to the bottom-right of a table: still whole.
            if app.table().is_some() {
                for _ in 0..30 {
                    press(&mut app, KeyCode::Down);
                    press(&mut app, KeyCode::Right);
                }
                let t = render(&app, 80, 24);
                assert_not_garbled(&app, t.backend().buffer(), &format!("{name} stop {i} end"));
            }
        }
    }
}

#[test]
fn every_sample_draws_at_odd_sizes() {
    let sizes = [
        (200, 50),
        (120, 30),
        (119, 30),
        (100, 20),
        (60, 15),
        (40, 10),
    ];
    for path in sample_files() {
        let report = crate::load(&path).expect("load");
        let mut app = App::new(report, Some(path.clone()), Theme::default_theme());
        for (w, h) in sizes {
            let t = render(&app, w, h);
            if w >= 60 {
                assert_not_garbled(&app, t.backend().buffer(), &format!("{path:?} {w}×{h}"));
            }
        }
        ch(&mut app, 'z');
        ch(&mut app, '?');
        for (w, h) in sizes {
            render(&app, w, h);
        }
    }
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut app = single_on_requests();
    for (w, h) in [(1, 1), (2, 2), (10, 3), (20, 5), (30, 8)] {
        render(&app, w, h);
    }
    ch(&mut app, '?');
    for (w, h) in [(1, 1), (10, 3), (30, 8)] {
        render(&app, w, h);
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    for (w, h) in [(1, 1), (10, 3), (30, 8)] {
        render(&app, w, h);
    }
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'q');
    assert!(matches!(app.mode, Mode::QuitPrompt));
    for (w, h) in [(1, 1), (10, 3), (30, 8)] {
        render(&app, w, h);
    }
}

#[test]
fn screen_80x24_snapshot() {
    let app = single_on_requests();
    let terminal = render(&app, 80, 24);
    insta::assert_snapshot!(terminal.backend());
    let buf = terminal.backend().buffer();
    assert_not_garbled(&app, buf, "80×24");
    assert_eq!(buf.area.height, 24);
    assert!(line(buf, 0).starts_with("┌ 表 · 依申请公开 (requests) "));
    assert!(status(buf).contains(SINGLE));
}

#[test]
fn status_line_keeps_counts_at_80_columns() {
    let mut app = single_on_requests();
    let t = render(&app, 80, 24);
    let st = status(t.backend().buffer());
    assert!(st.contains("2 个错误"), "{st}");
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    let t = render(&app, 80, 24);
    let st = status(t.backend().buffer());
    assert!(st.contains(&keymap::EDITOR.hints()), "{st}");
}

#[test]
fn a_message_reads_whole_at_80_columns_beside_a_long_file_name() {
    // real-02's name and counts took 48 of 80 columns: "这一行属于表格，
    // 但没有对应的单元格" was cut to "这一行属于表格，但没…". The name gives
    // up columns, the counts and the message stay whole.
    let mut app = app_for("real-02-shanghai-stcsm-2024.txt");
    let table_line = s::t(crate::i18n::Key::TuiTableLine).to_string();
    let continued = crate::tr!(
        crate::i18n::Key::TuiContinuedFrom,
        copy = "real-02-shanghai-stcsm-2024.normalized.txt"
    );
    for msg in [table_line, continued] {
        app.message = Some((msg.clone(), super::super::app::MessageKind::Info));
        for (w, h) in [(80, 24), (200, 50)] {
            let t = render(&app, w, h);
            let st = status(t.backend().buffer());
            assert!(st.contains(&msg), "{w}×{h}: {st}");
            assert!(st.contains("3 个错误 1 个警告"), "{w}×{h}: {st}");
            assert!(st.starts_with(" real-0"), "{w}×{h}: {st}");
        }
    }
    // Without a message the name is whole.
    app.message = None;
    let t = render(&app, 80, 24);
    let st = status(t.backend().buffer());
    assert!(
        st.starts_with(" real-02-shanghai-stcsm-2024.txt · "),
        "{st}"
    );
}

#[test]
fn text_pane_follows_the_selected_cell() {
    let mut app = single_on_requests();
    let theme = Theme::default_theme();
    for _ in 0..24 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.cursor, (24, 0));
    let line_no = app.selected_line().expect("source line");
    assert_eq!(
        app.report.line(line_no).unwrap().split('\t').next(),
        Some("四、结转下年度继续办理")
    );
    for (w, h) in [(200, 50), (80, 24)] {
        let t = render(&app, w, h);
        let buf = t.backend().buffer();
        let text = view::regions(&app, buf.area).text.unwrap();
        let (x, y) = find_in(buf, inner(text), "四、结转下年度继续办理")
            .unwrap_or_else(|| panic!("source line not in view at {w}×{h}:\n{}", screen(buf)));
        assert!(
            line_in(buf, text, y).contains('◀'),
            "{}",
            line_in(buf, text, y)
        );
        assert!(line_in(buf, text, y).contains(&line_no.to_string()));
        assert_eq!(buf[(x, y)].bg, theme.source_line.bg.unwrap());
        if w >= 120 {
            assert!(
                status(buf).contains("四、结转下年度继续办理"),
                "{}",
                status(buf)
            );
        }
    }
}

#[test]
fn status_line_style_and_dirty_marker() {
    let mut app = single_on_requests();
    let theme = Theme::default_theme();
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    for (w, h) in [(200, 50), (80, 24)] {
        let t = render(&app, w, h);
        let buf = t.backend().buffer();
        let st = status(buf);
        assert!(st.contains(" [+]"), "{w}×{h}: {st}");
        let (x, y) = find_in(buf, buf.area.rows().next_back().unwrap(), "[+]").unwrap();
        assert_eq!(y, h - 1);
        assert_style_is(&buf[(x, y)], theme.status_dirty, "[+]");
        assert!(
            buf[(x, y)].modifier.contains(Modifier::BOLD),
            "the dirty marker stands out"
        );
    }
}
