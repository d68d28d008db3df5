//! Every finding reachable: `n`/`N` visit all of them (cell, text line, or
//! the report-level list), the panel lists report-level findings on every
//! stop, fixes and the selected finding show in full, and the grid fits.

use super::support::*;
use crate::tui::app::Place;

/// Press `n` once per finding: every finding is visited once, in order,
/// and is where the screen shows it.
#[test]
fn n_visits_every_finding_of_every_sample_and_says_k_of_n() {
    for path in sample_files() {
        let report = crate::load(&path).unwrap();
        let mut app = App::new(report, Some(path.clone()), Theme::default_theme());
        let (e, w) = app.counts();
        let n = app.findings.len();
        assert_eq!(e + w, n, "{path:?}: the counts are the findings");
        let mut seen = Vec::new();
        let mut first = None;
        for step in 0..n {
            ch(&mut app, 'n');
            let i = app.walk_at.expect("n went somewhere");
            seen.push(i);
            let f = app.findings[i].clone();
            let msg = message(&app).unwrap_or("").to_string();
            // `k/n`: the walk starts past the cursor, then counts up, wrapping.
            let k: usize = msg.split('/').next().unwrap().parse().unwrap();
            let k0 = *first.get_or_insert(k);
            assert_eq!(k, (k0 - 1 + step) % n + 1, "{path:?}: {msg:?}");
            assert!(msg.starts_with(&format!("{k}/{n} ")), "{path:?}: {msg:?}");
            assert!(msg.contains(f.rule.name_zh()), "{msg}");
            match app.place(&f) {
                Place::Cell(t, r, c) => {
                    assert_eq!(app.table(), Some(t), "{path:?} {f:?}");
                    assert_eq!(app.cursor.0, r);
                    assert_eq!(app.cursor.1, c.min(app.cursor.1.max(c)));
                }
                Place::Line(l) => {
                    assert_eq!(app.pinned_line, Some(l), "{path:?} {f:?}");
                    assert_eq!(app.focus, Focus::Text);
                    // The line is on screen, marked.
                    let t = render(&app, 120, 40);
                    let buf = t.backend().buffer();
                    let text = view::regions(&app, buf.area).text.unwrap();
                    let y = (text.y + 1..text.bottom() - 1).find(|&y| {
                        line_in(buf, text, y)
                            .trim_start_matches('│')
                            .trim_start()
                            .starts_with(&format!("{l} "))
                    });
                    assert!(y.is_some(), "{path:?} line {l}:\n{}", screen(buf));
                }
                Place::List => {
                    assert_eq!(app.focus, Focus::Findings, "{path:?} {f:?}");
                    let shown = app.table_findings()[app.finding_sel];
                    assert_eq!(shown, &f);
                }
            }
            // The detail line shows the visited finding.
            assert_eq!(app.selected_finding(), Some(&f));
        }
        seen.sort();
        assert_eq!(seen, (0..n).collect::<Vec<_>>(), "{path:?}");
        // One more comes back to where the walk began.
        if let Some(k0) = first {
            ch(&mut app, 'n');
            assert!(message(&app).unwrap().starts_with(&format!("{k0}/{n} ")));
        }
    }
}

#[test]
fn report_level_findings_are_listed_on_every_stop() {
    // real-03 counts a section.missing error: the panel shows it.
    let mut app = app_for("real-03-shanghai-govoffice-2025.txt");
    let missing = app
        .findings
        .iter()
        .find(|f| f.rule == rules::Rule::SectionMissing)
        .cloned()
        .expect("section.missing");
    for _ in 0..app.stops.len() {
        assert!(
            app.table_findings().contains(&&missing),
            "stop {}",
            app.stop
        );
        let t = render(&app, 120, 40);
        let buf = t.backend().buffer();
        let f = view::regions(&app, buf.area).findings;
        assert!(
            find_in(buf, f, "✗ 缺少章节").is_some(),
            "stop {}:\n{}",
            app.stop,
            screen(buf)
        );
        ch(&mut app, ']');
    }
    // n reaches it: selected in the list, its message in full below.
    let errors = app.counts().0;
    assert_eq!(errors, 1);
    for _ in 0..app.findings.len() {
        ch(&mut app, 'n');
        if app.selected_finding() == Some(&missing) {
            break;
        }
    }
    assert_eq!(app.selected_finding(), Some(&missing));
    assert_eq!(app.focus, Focus::Findings);
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    assert!(
        find_in(buf, buf.area, &missing.message.to_string()).is_some(),
        "{}",
        screen(buf)
    );
}

#[test]
fn fixes_show_beside_the_finding_and_f_is_in_the_hints() {
    let app = single_on_requests();
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let f = view::regions(&app, buf.area).findings;
    let (_, y) = find_in(buf, f, "✗ 总计列").unwrap();
    assert!(line_in(buf, f, y).contains("→ 4"), "{}", line_in(buf, f, y));
    assert!(keymap::NORMAL.hints().contains("f 修正"));
    assert!(status(buf).contains("f 修正"), "{}", status(buf));
    // The detail line says which key applies it.
    assert!(
        find_in(buf, f, s::t(crate::i18n::Key::TuiFixKey)).is_some(),
        "{}",
        screen(buf)
    );
    // Ambiguous: how many candidates.
    let mut app = app_for("variant-appeals-broken.txt");
    let amb = app
        .findings
        .iter()
        .position(|f| f.alternatives.is_some())
        .expect("an ambiguous finding");
    let n = app.findings[amb].alternatives.unwrap();
    while app.walk_at != Some(amb) {
        ch(&mut app, 'n');
    }
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let f = view::regions(&app, buf.area).findings;
    assert!(
        find_in(buf, f, s::candidates(n).trim()).is_some(),
        "{}",
        screen(buf)
    );
    // The detail line lists the candidates themselves, so the reviewer can
    // choose one and type it.
    let detail = crate::tui::view::findings::detail_text(&app.findings[amb]);
    for c in &app.findings[amb].candidates {
        assert!(detail.contains(&c.describe()), "{detail}");
    }
    assert_eq!(app.findings[amb].candidates.len(), n);
    // f explains instead of guessing.
    ch(&mut app, 'f');
    assert_eq!(message(&app), Some(s::ambiguous_fix(n).as_str()));
}

#[test]
fn the_selected_finding_reads_in_full_at_80_columns() {
    let mut app = app_for("variant-row-total-broken.txt");
    let i = app
        .findings
        .iter()
        .position(|f| f.rule == rules::Rule::NarrativeMismatch)
        .unwrap();
    while app.walk_at != Some(i) {
        ch(&mut app, 'n');
    }
    let f = app.findings[i].clone();
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    let r = view::regions(&app, buf.area).findings;
    let text: String = (r.y + 1..r.bottom() - 1)
        .map(|y| line_in(buf, inner(r), y).trim_end().to_string())
        .collect();
    assert!(
        text.contains(&f.message.to_string()),
        "{text}\n{}",
        screen(buf)
    );
    assert!(text.contains("正文与表格不符"), "{text}");
    assert!(text.contains(f.rule.id()), "{text}");
}

#[test]
fn the_requests_table_fits_at_120_columns_beside_the_text() {
    let app = single_on_requests();
    let t = render(&app, 120, 40);
    let buf = t.backend().buffer();
    let r = view::regions(&app, buf.area);
    assert!(r.text.is_some());
    let g = inner(r.grid);
    for head in TableId::Requests.spec().short_columns {
        assert!(find_in(buf, g, head).is_some(), "{head}:\n{}", screen(buf));
    }
    // Every row too.
    for row in TableId::Requests.spec().rows {
        let short: String = row.short.chars().take(4).collect();
        assert!(
            find_in(buf, g, &short).is_some(),
            "{short}:\n{}",
            screen(buf)
        );
    }
    assert!(find_in(buf, g, s::HIDDEN_RIGHT).is_none());
    assert!(find_in(buf, g, s::HIDDEN_LEFT).is_none());
}

#[test]
fn hidden_columns_are_marked() {
    let mut app = single_on_requests();
    let t = render(&app, 60, 15);
    let buf = t.backend().buffer();
    let g = inner(grid_rect(&app, 60, 15));
    assert!(
        find_in(buf, g, s::HIDDEN_RIGHT).is_some(),
        "{}",
        screen(buf)
    );
    assert!(find_in(buf, g, s::HIDDEN_LEFT).is_none(), "{}", screen(buf));
    for _ in 0..6 {
        press(&mut app, KeyCode::Right);
    }
    let t = render(&app, 60, 15);
    let buf = t.backend().buffer();
    assert!(find_in(buf, g, s::HIDDEN_LEFT).is_some(), "{}", screen(buf));
    assert!(
        find_in(buf, g, s::HIDDEN_RIGHT).is_none(),
        "{}",
        screen(buf)
    );
    // The appeals table (15 columns) at 120: hidden on the right.
    let appeals = app
        .stops
        .iter()
        .position(|st| st.table == Some(TableId::Appeals))
        .unwrap();
    while app.stop < appeals {
        ch(&mut app, ']');
    }
    assert_eq!(app.table(), Some(TableId::Appeals));
    let t = render(&app, 120, 40);
    let buf = t.backend().buffer();
    let g = inner(grid_rect(&app, 120, 40));
    assert!(
        find_in(buf, g, s::HIDDEN_RIGHT).is_some(),
        "{}",
        screen(buf)
    );
}

/// A cell holding an error and a warning: `n` and the detail line give the
/// error first (a blank total that does not add up is first of all wrong).
#[test]
fn an_error_comes_before_a_warning_on_the_same_cell() {
    let mut app = single_on_requests();
    // The first row's total, blanked: cell.blank (warning) and the row's
    // total (error) both name it.
    let total = app.report.table(TableId::Requests).unwrap().rows[0]
        .cells
        .len()
        - 1;
    for _ in 0..total {
        press(&mut app, KeyCode::Right);
    }
    assert_eq!(app.cursor, (0, total));
    ch(&mut app, '-');
    press(&mut app, KeyCode::Enter);
    let here: Vec<usize> = app
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.table == Some(TableId::Requests) && f.row == Some(0) && f.column == Some(total)
        })
        .map(|(i, _)| i)
        .collect();
    let kinds: Vec<bool> = here.iter().map(|&i| app.findings[i].is_error()).collect();
    assert!(
        kinds.contains(&true) && kinds.contains(&false),
        "an error and a warning on the cell: {:?}",
        here.iter().map(|&i| &app.findings[i]).collect::<Vec<_>>()
    );
    // The detail line, with the cursor on the cell: the error.
    assert!(app.selected_finding().is_some_and(|f| f.is_error()));
    // The walk: at every place, errors before warnings.
    let walk = app.walk();
    let pos: Vec<usize> = here
        .iter()
        .map(|i| walk.iter().position(|w| w == i).unwrap())
        .collect();
    let first = here[pos.iter().enumerate().min_by_key(|(_, p)| **p).unwrap().0];
    assert!(app.findings[first].is_error(), "{:?}", app.findings[first]);
    // And `n` from the cell before it lands on the error.
    press(&mut app, KeyCode::Left);
    ch(&mut app, 'n');
    assert_eq!(app.cursor, (0, total));
    assert!(app.findings[app.walk_at.unwrap()].is_error());
}
