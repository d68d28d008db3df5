//! Findings that reach beyond one table: narrative claims, last year.

use super::support::*;

#[test]
fn narrative_finding_shows_the_sentence_and_the_cell() {
    let mut app = app_for("variant-row-total-broken.txt");
    ch(&mut app, ']');
    let pos = app
        .table_findings()
        .iter()
        .position(|f| f.rule == crate::rules::Rule::NarrativeMismatch)
        .expect("a narrative finding");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Findings);
    for _ in 0..pos {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.cursor, (0, 6), "the grid goes to the cell");
    assert_eq!(
        app.pinned_line,
        Some(15),
        "the text pane shows the sentence"
    );
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    assert!(
        line(buf, 0).starts_with("┌ 原文 · 一、总体情况"),
        "{}",
        line(buf, 0)
    );
    let text_pane = Rect::new(0, 0, 70, 49);
    let (x, y) = find_in(buf, text_pane, "│15 ").expect("line 15 in view");
    let theme = Theme::default_theme();
    assert_eq!(buf[(x + 4, y)].bg, theme.error.bg.unwrap_or_default());
    // Moving on unpins it.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.pinned_line, None);
}

#[test]
fn previous_year_carry_over_is_checked() {
    let mut app = single_on_requests();
    assert!(
        app.findings
            .iter()
            .all(|f| f.rule != crate::rules::Rule::CarryOver)
    );
    // Last year's report carried over 2/1/0/0/0/0/3; say it carried 5 people.
    let mut last = nianbao_load(SINGLE);
    last.set_cell(TableId::Requests, 24, 0, "5");
    app.set_previous(last);
    let f: Vec<_> = app
        .findings
        .iter()
        .filter(|f| f.rule == crate::rules::Rule::CarryOver)
        .map(|f| (f.row, f.column, f.expected, f.actual))
        .collect();
    assert_eq!(f, [(Some(1), Some(0), Some(5), Some(2))]);
}
