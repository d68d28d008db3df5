//! The outline (`o`): sections in order, the missing ones in place, counts
//! that add up to the status line's, Enter goes there.

use super::support::*;
use crate::SectionKind;
use crate::tui::app::OutlineTarget;

fn outline_rows(buf: &Buffer) -> Vec<String> {
    let (x0, y0) = find_in(
        buf,
        buf.area,
        s::t(crate::i18n::Key::TuiOutlineTitle).trim(),
    )
    .map(|(x, y)| (x.saturating_sub(2), y))
    .unwrap_or_else(|| panic!("no outline:\n{}", screen(buf)));
    let x1 = visible(buf, y0)
        .into_iter()
        .find(|(x, sym, _)| *x > x0 && sym == "┐")
        .map(|(x, _, _)| x)
        .expect("right corner");
    let body = Rect::new(x0 + 1, y0, x1 - x0 - 1, 1);
    (y0 + 1..buf.area.bottom())
        .take_while(|&y| buf[(x0, y)].symbol() != "└")
        .map(|y| line_in(buf, body, y).trim_end().to_string())
        .collect()
}

#[test]
fn outline_lists_sections_in_order_with_the_missing_one_in_place() {
    let mut app = app_for("real-03-shanghai-govoffice-2025.txt");
    let present: Vec<SectionKind> = app.report.sections.iter().map(|s| s.kind).collect();
    let lost: Vec<SectionKind> = SectionKind::NUMBERED
        .into_iter()
        .filter(|k| !present.contains(k))
        .collect();
    assert_eq!(lost.len(), 1, "real-03 lacks one section");
    ch(&mut app, 'o');
    assert!(matches!(app.mode, Mode::Outline { .. }));
    let rows = app.outline();
    // Counts add up to the status line's.
    let (e, w) = app.counts();
    assert_eq!(rows.iter().map(|r| r.errors).sum::<usize>(), e);
    assert_eq!(rows.iter().map(|r| r.warnings).sum::<usize>(), w);
    // The numbered sections in template order, the lost one among them.
    let order: Vec<usize> = rows
        .iter()
        .filter_map(|r| {
            match r.target {
                OutlineTarget::Stop(i) => app.report.sections[app.stops[i].section].kind,
                OutlineTarget::Missing(k) => k,
                OutlineTarget::Report => SectionKind::Title,
            }
            .pipe_index()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    let missing = rows
        .iter()
        .position(|r| r.target == OutlineTarget::Missing(lost[0]))
        .expect("missing row");
    assert_eq!(rows[missing].errors, 1);
    // On screen: every row, the missing one marked, the counts shown.
    for (w, h) in [(120, 40), (200, 50)] {
        let t = render(&app, w, h);
        let buf = t.backend().buffer();
        let shown = outline_rows(buf);
        assert_eq!(shown.len(), rows.len(), "{}", screen(buf));
        assert!(shown[missing].contains(lost[0].canonical()));
        assert!(shown[missing].contains(s::t(crate::i18n::Key::TuiOutlineMissing)));
        assert!(shown[missing].ends_with("✗1"), "{:?}", shown[missing]);
    }
    // Enter on the missing section selects its finding in the list.
    let at = match app.mode {
        Mode::Outline { sel } => sel,
        _ => unreachable!(),
    };
    for _ in 0..at {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Home);
    for _ in 0..missing {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    let f = app.selected_finding().expect("selected");
    assert_eq!(f.rule, rules::Rule::SectionMissing);
    assert_eq!(app.focus, Focus::Findings);
    // Enter on a section goes to it.
    ch(&mut app, 'o');
    press(&mut app, KeyCode::End);
    let last = app.outline().len() - 1;
    let target = app.outline()[last].target;
    press(&mut app, KeyCode::Enter);
    if let OutlineTarget::Stop(i) = target {
        assert_eq!(app.stop, i);
    }
    // Esc closes without moving.
    let stop = app.stop;
    ch(&mut app, 'o');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.stop, stop);
}

#[test]
fn outline_goes_to_each_table() {
    let mut app = app_for(SINGLE);
    let rows = app.outline();
    for (k, r) in rows.iter().enumerate() {
        let OutlineTarget::Stop(i) = r.target else {
            continue;
        };
        ch(&mut app, 'o');
        press(&mut app, KeyCode::Home);
        for _ in 0..k {
            ch(&mut app, 'j');
        }
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.stop, i, "{r:?}");
    }
    // The requests row carries the two errors.
    let req = rows
        .iter()
        .find(|r| {
            matches!(r.target, OutlineTarget::Stop(i) if app.stops[i].table == Some(TableId::Requests))
        })
        .unwrap();
    assert_eq!((req.errors, req.warnings), (2, 0));
}

trait PipeIndex {
    fn pipe_index(self) -> Option<usize>;
}

impl PipeIndex for SectionKind {
    fn pipe_index(self) -> Option<usize> {
        SectionKind::NUMBERED.iter().position(|k| *k == self)
    }
}

#[test]
fn every_overlay_and_editor_draws_at_tiny_and_odd_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let path = text_wrong_variant(dir.path());
    let report = crate::load(&path).unwrap();
    let base = App::new(report, Some(path.clone()), Theme::default_theme());
    let setups: [&dyn Fn(&mut App); 5] = [
        &|a| ch(a, 'o'),
        &|a| ch(a, '?'),
        &|a| ch(a, '/'),
        &|a| {
            for _ in 0..2 {
                ch(a, 'n');
            }
            ch(a, 'e');
        },
        &|a| {
            ch(a, ']');
            ch(a, '4');
        },
    ];
    for setup in setups {
        let mut app = App::new(
            base.report.clone(),
            Some(path.clone()),
            Theme::default_theme(),
        );
        setup(&mut app);
        for (w, h) in [
            (1, 1),
            (2, 3),
            (10, 4),
            (33, 7),
            (60, 15),
            (80, 24),
            (121, 41),
            (200, 50),
        ] {
            let t = render(&app, w, h);
            let buf = t.backend().buffer();
            // (The help may cover the whole screen; the rest keep the status line.)
            if w >= 60 && !matches!(app.mode, Mode::Help { .. }) {
                assert!(
                    status(buf).contains("variant-text-wrong"),
                    "{w}×{h}\n{}",
                    screen(buf)
                );
            }
        }
    }
}
