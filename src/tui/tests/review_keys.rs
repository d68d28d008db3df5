//! The keymaps: every mode's keys go through one table, the hints and the
//! help are read from those tables, and page keys move by what was drawn.

use super::support::*;
use crate::tui::keymap::Keymap;

fn all_maps() -> [(&'static str, &'static Keymap); 11] {
    [
        ("line editor", &keymap::LINE_EDITOR),
        ("outline", &keymap::OUTLINE),
        ("back prompt", &keymap::BACK_PROMPT),
        ("list confirm quit", &keymap::LIST_CONFIRM_QUIT),
        ("normal", &keymap::NORMAL),
        ("editor", &keymap::EDITOR),
        ("help", &keymap::HELP),
        ("quit prompt", &keymap::QUIT_PROMPT),
        ("restore prompt", &keymap::RESTORE_PROMPT),
        ("list", &keymap::LIST),
        ("list filter", &keymap::LIST_FILTER),
    ]
}

/// The key a label's first word names.
fn key_of(word: &str) -> KeyCode {
    match word {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "S-Tab" => KeyCode::BackTab,
        "Del" => KeyCode::Delete,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "←" => KeyCode::Left,
        "→" => KeyCode::Right,
        "↑" => KeyCode::Up,
        "↓" => KeyCode::Down,
        w if w.chars().count() == 1 => KeyCode::Char(w.chars().next().unwrap()),
        w => panic!("label word {w:?}"),
    }
}

#[test]
fn every_binding_means_its_action_and_its_label_names_its_first_key() {
    for (mode, map) in all_maps() {
        for b in map.bindings {
            for &(code, mods) in b.keys {
                assert_eq!(
                    map.action(KeyEvent::new(code, mods)),
                    Some(b.action),
                    "{mode}: {:?}",
                    b.label
                );
            }
            if let Some(&(code, _)) = b.keys.first()
                && !b.label.starts_with("Ctrl")
            {
                let word = b.label.split(' ').next().unwrap();
                assert_eq!(key_of(word), code, "{mode}: label {:?}", b.label);
            }
        }
        // The hints name only keys of the mode, each with its action.
        for hint in map.hints().split(map.hint_sep) {
            if hint.is_empty() {
                continue;
            }
            let word = hint.split(' ').next().unwrap();
            let code = key_of(word);
            assert!(
                map.action(KeyEvent::new(code, KeyModifiers::NONE))
                    .is_some(),
                "{mode}: hint {hint:?} names an unbound key"
            );
        }
    }
}

#[test]
fn hints_on_screen_are_the_keymaps() {
    let mut app = single_on_requests();
    let t = render(&app, 200, 50);
    let st = status(t.backend().buffer());
    // As many whole hints as fit, in the keymap's order.
    let shown = keymap::NORMAL.hints_within(200);
    assert!(
        st.contains(&keymap::NORMAL.hint_list()[..3].join("  ")),
        "{st}"
    );
    assert!(keymap::NORMAL.hints().starts_with(&shown));
    ch(&mut app, '4');
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains(&keymap::EDITOR.hints()));
    press(&mut app, KeyCode::Esc);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'q');
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    assert!(
        find_in(buf, buf.area, &keymap::QUIT_PROMPT.hints()).is_some(),
        "{}",
        screen(buf)
    );
    // The list's hints on the list's status line.
    let list = ListApp::new(Vec::new());
    let t = render_list(&list, 160, 20);
    let buf = t.backend().buffer();
    assert!(
        line(buf, 19).contains(&keymap::LIST.hints()),
        "{}",
        screen(buf)
    );
}

#[test]
fn page_keys_move_by_the_rows_drawn() {
    // At 200×50 the whole requests table shows: PgDn goes to its last row.
    let mut app = single_on_requests();
    render(&app, 200, 50);
    let rows = app.viewport.get().grid_rows;
    assert!(rows >= 25, "{rows}");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.cursor.0, 24);
    // At 80×24 a page is the few rows the grid shows.
    let mut app = single_on_requests();
    render(&app, 80, 24);
    let rows = app.viewport.get().grid_rows;
    assert!((3..12).contains(&rows), "{rows}");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.cursor.0, rows);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.cursor.0, 0);
}

#[test]
fn text_cursor_moves_by_lines_and_pages_and_stays_in_view() {
    let mut app = single_on_requests();
    for _ in 0..24 {
        press(&mut app, KeyCode::Down);
    }
    let source = app.selected_line().unwrap();
    render(&app, 80, 24);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Text);
    // The text cursor starts on the selected cell's source line.
    assert_eq!(app.text_line, source);
    render(&app, 80, 24);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.text_line, source + 1);
    let (first, last) = app.text_range();
    for _ in 0..3 {
        press(&mut app, KeyCode::PageUp);
        let t = render(&app, 80, 24);
        let v = app.viewport.get();
        assert!(app.text_line >= first);
        // The cursor line is drawn, marked.
        assert!(v.text_start <= app.text_line, "{v:?} {}", app.text_line);
        let buf = t.backend().buffer();
        let text = view::regions(&app, buf.area).text.unwrap();
        let y = (text.y + 1..text.bottom() - 1)
            .find(|&y| line_in(buf, text, y).contains('◀'))
            .unwrap_or_else(|| panic!("no marker:\n{}", screen(buf)));
        assert!(
            line_in(buf, text, y).contains(&format!("{} ", app.text_line)),
            "{}",
            line_in(buf, text, y)
        );
    }
    // A page is the rows drawn.
    let before = app.text_line;
    press(&mut app, KeyCode::PageDown);
    assert_eq!(
        app.text_line,
        (before + app.viewport.get().text_rows).min(last)
    );
}
