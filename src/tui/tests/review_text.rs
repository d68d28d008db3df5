//! Editing the text: `e` on a narrative line edits it in place as one
//! undoable, journalled change; the narrative rules re-run at once; the
//! saved file carries the line. `e` on a table's line goes to its cell.

use super::support::*;
use crate::tui::app::Place;

fn open(path: &Path) -> App {
    let report = crate::load(path).unwrap();
    App::new(report, Some(path.to_path_buf()), Theme::default_theme())
}

/// Walk with `n` to the first finding of `rule`.
fn walk_to(app: &mut App, rule: crate::rules::Rule) -> crate::rules::Finding {
    for _ in 0..=app.findings.len() {
        ch(app, 'n');
        if let Some(f) = app.selected_finding()
            && f.rule == rule
        {
            return f.clone();
        }
    }
    panic!("no {rule} reached");
}

#[test]
fn edit_a_narrative_line_fix_the_claim_undo_redo_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = text_wrong_variant(dir.path());
    let mut app = open(&path);
    let rules_of =
        |app: &App| -> Vec<crate::rules::Rule> { app.findings.iter().map(|f| f.rule).collect() };
    assert!(rules_of(&app).contains(&rules::Rule::NarrativeMismatch));
    assert!(rules_of(&app).contains(&rules::Rule::SectionMissing));
    let f = walk_to(&mut app, rules::Rule::NarrativeMismatch);
    let line = f.line.unwrap();
    assert_eq!(app.place(&f), Place::Line(line));
    assert_eq!(app.focus, Focus::Text);
    assert_eq!(app.text_line, line);
    // e: the line in an editor, in place in the text pane.
    ch(&mut app, 'e');
    assert!(matches!(app.mode, Mode::EditingLine(_)));
    let t = render(&app, 120, 40);
    let buf = t.backend().buffer();
    assert!(
        status(buf).contains(&keymap::LINE_EDITOR.hints()),
        "{}",
        status(buf)
    );
    // Replace the whole line with the corrected one.
    let old = app.report.line(line).unwrap().to_string();
    let new = old.replacen("申请 82 件", "申请 28 件", 1);
    for _ in 0..old.chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &new);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.report.line(line), Some(new.as_str()));
    // The narrative rules ran again: the mismatch is gone.
    assert!(!rules_of(&app).contains(&rules::Rule::NarrativeMismatch));
    assert!(app.dirty);
    let t = render(&app, 120, 40);
    assert!(status(t.backend().buffer()).contains("[+]"));
    // u: back to the file's line, the finding back, nothing unsaved.
    ch(&mut app, 'u');
    assert_eq!(app.report.line(line), Some(old.as_str()));
    assert!(rules_of(&app).contains(&rules::Rule::NarrativeMismatch));
    assert!(!app.dirty, "undo back to the saved state");
    let t = render(&app, 120, 40);
    assert!(!status(t.backend().buffer()).contains("[+]"));
    ctrl(&mut app, 'r');
    assert_eq!(app.report.line(line), Some(new.as_str()));
    assert!(app.dirty);
    // Save: the normalized file carries the edited line and checks clean of
    // the mismatch.
    ch(&mut app, 's');
    assert!(!app.dirty);
    let saved = std::fs::read_to_string(&app.save_path).unwrap();
    assert!(saved.contains(&new));
    assert!(!saved.contains("申请 82 件"));
    let again = crate::load(&app.save_path).unwrap();
    let findings = rules::check(&again);
    assert!(
        !findings
            .iter()
            .any(|f| f.rule == rules::Rule::NarrativeMismatch),
        "{findings:?}"
    );
}

#[test]
fn esc_cancels_a_line_edit_and_enter_on_a_table_line_goes_to_its_cell() {
    let mut app = single_on_requests();
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    let cell_line = app.selected_line().unwrap();
    let cursor = app.cursor;
    // To the text: the cursor is on the cell's own line; Enter goes back
    // to the cell (a table line is edited in the grid).
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.text_line, cell_line);
    press(&mut app, KeyCode::Down);
    let next = app.text_line;
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Grid);
    assert_eq!(app.selected_line(), Some(next));
    assert_eq!(app.cursor.0, cursor.0 + 1);
    // A narrative line: Esc leaves it as it was.
    let prose = app.stops.iter().position(|s| s.table.is_none()).unwrap();
    while app.stop > prose {
        ch(&mut app, '[');
    }
    assert_eq!(app.stop, prose);
    let first = app.section().unwrap().first_line;
    assert_eq!(app.focus, Focus::Text);
    press(&mut app, KeyCode::Down);
    let l = app.text_line;
    assert!(l > first);
    let before = app.report.line(l).unwrap().to_string();
    ch(&mut app, 'e');
    type_text(&mut app, "多余");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.report.line(l), Some(before.as_str()));
    assert!(!app.dirty);
}

#[test]
fn a_line_edit_is_journalled_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let jdir = tempfile::tempdir().unwrap();
    let path = text_wrong_variant(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    let mut app = open(&path);
    app.attach_journal(crate::journal::Journal::new(jdir.path(), &path, &bytes));
    let f = walk_to(&mut app, rules::Rule::NarrativeMismatch);
    let line = f.line.unwrap();
    ch(&mut app, 'e');
    type_text(&mut app, "（已核对）");
    press(&mut app, KeyCode::Enter);
    let edited = app.report.line(line).unwrap().to_string();
    assert!(edited.ends_with("（已核对）"));
    // A new session on the same file offers the edit back.
    let mut again = open(&path);
    again.attach_journal(crate::journal::Journal::new(jdir.path(), &path, &bytes));
    assert!(matches!(again.mode, Mode::RestorePrompt { changes: 1 }));
    ch(&mut again, 'r');
    assert_eq!(again.report.line(line), Some(edited.as_str()));
    assert!(again.dirty);
}

#[test]
fn dirty_follows_the_saved_state_through_undo_and_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = single_on_requests();
    app.save_path = dir.path().join("out.txt");
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    assert!(app.dirty);
    ch(&mut app, 'u');
    assert!(!app.dirty, "undo to the opened state");
    ctrl(&mut app, 'r');
    assert!(app.dirty);
    ch(&mut app, 's');
    assert!(!app.dirty);
    // An edit after the save, undone: clean again.
    ch(&mut app, '7');
    press(&mut app, KeyCode::Enter);
    assert!(app.dirty);
    ch(&mut app, 'u');
    assert!(!app.dirty);
    // One more undo goes before the save: unsaved again.
    ch(&mut app, 'u');
    assert!(app.dirty);
    // A new edit from there: the saved state cannot come back by redo.
    ch(&mut app, '9');
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'u');
    assert!(app.dirty);
}

#[test]
fn the_source_marker_sits_at_the_right_edge_of_a_wrapped_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = text_wrong_variant(dir.path());
    let mut app = open(&path);
    let f = walk_to(&mut app, rules::Rule::NarrativeMismatch);
    let line = f.line.unwrap();
    for (w, h) in [(80, 24), (120, 40), (60, 15)] {
        let t = render(&app, w, h);
        let buf = t.backend().buffer();
        let text = view::regions(&app, buf.area).text.unwrap();
        let inner = inner(text);
        let y = (inner.y..inner.bottom())
            .find(|&y| {
                line_in(buf, inner, y)
                    .trim_start()
                    .starts_with(&format!("{line} "))
            })
            .unwrap_or_else(|| panic!("{w}×{h}:\n{}", screen(buf)));
        // The line wraps (it is long), and the marker ends its first row at
        // the pane's right edge.
        assert_eq!(
            buf[(inner.right() - 1, y)].symbol(),
            "◀",
            "{w}×{h}:\n{}",
            screen(buf)
        );
        assert!(!line_in(buf, inner, y + 1).contains('◀'));
    }
}

#[test]
fn a_journal_failure_stays_until_esc() {
    let dir = tempfile::tempdir().unwrap();
    // The journal's folder is a file: every record fails.
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let path = sample(SINGLE);
    let bytes = std::fs::read(&path).unwrap();
    let mut app = single_on_requests();
    app.attach_journal(crate::journal::Journal::new(
        &blocker.join("journal"),
        &path,
        &bytes,
    ));
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    press(&mut app, KeyCode::Enter);
    let warn = message(&app).unwrap().to_string();
    assert!(
        warn.contains(
            &s::journal_failed("")
                .split('（')
                .next()
                .unwrap()
                .to_string()
        )
    );
    // Moving, the next section, another message: the warning stays.
    press(&mut app, KeyCode::Down);
    ch(&mut app, ']');
    ch(&mut app, 'u');
    assert!(
        message(&app).unwrap().starts_with(&warn),
        "{:?}",
        message(&app)
    );
    let t = render(&app, 120, 40);
    assert!(status(t.backend().buffer()).contains(&warn.chars().take(10).collect::<String>()));
    // Esc: read.
    press(&mut app, KeyCode::Esc);
    assert_eq!(message(&app), None);
}
