//! Screen tests for the review TUI: the real `view::draw` into a ratatui
//! `TestBackend`, driven by the real key handler (`App::on_key`).
//!
//! Positions are checked on buffer cells (x, y), never on string offsets, so
//! CJK (two columns wide) is measured the way a terminal shows it.

use std::path::{Path, PathBuf};

use crate::TableId;
use crate::cell::CellValue;
use crate::rules::{self, Rule, Severity};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::app::{App, Focus, Mark, Mode};
use super::keymap::BINDINGS;
use super::strings as s;
use super::theme::Theme;
use super::view;

// ---------------------------------------------------------------- helpers

const SINGLE: &str = "variant-single-wrong-cell.txt";
const SHIFTED: &str = "variant-shifted-row.txt";
const REQ: usize = TableId::Requests as usize;

fn sample(name: &str) -> PathBuf {
    PathBuf::from("sample-reports").join(name)
}

fn app_for(name: &str) -> App {
    let path = sample(name);
    let report = crate::load(Path::new(&path)).expect("load sample");
    App::new(report, Some(path), Theme::default_theme())
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    t
}

/// The visible cells of row `y`: (x, symbol, display width); cells hidden
/// under the right half of a wide symbol are left out.
fn visible(buf: &Buffer, y: u16) -> Vec<(u16, String, u16)> {
    let mut out = Vec::new();
    let mut skip = 0u16;
    for x in buf.area.x..buf.area.right() {
        let c = &buf[(x, y)];
        let w = c.cell_width();
        if skip == 0 {
            out.push((x, c.symbol().to_string(), w.max(1)));
        }
        skip = skip.max(w).saturating_sub(1);
    }
    out
}

/// Row `y` as a terminal would show it.
fn line(buf: &Buffer, y: u16) -> String {
    visible(buf, y).into_iter().map(|(_, s, _)| s).collect()
}

/// Row `y` restricted to the columns of `rect`.
fn line_in(buf: &Buffer, rect: Rect, y: u16) -> String {
    visible(buf, y)
        .into_iter()
        .filter(|(x, _, _)| *x >= rect.x && *x < rect.right())
        .map(|(_, s, _)| s)
        .collect()
}

fn screen(buf: &Buffer) -> String {
    (buf.area.y..buf.area.bottom())
        .map(|y| line(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cell position (x, y) where `needle` starts, searching the rows of `rect`
/// top to bottom and only within its columns.
fn find_in(buf: &Buffer, rect: Rect, needle: &str) -> Option<(u16, u16)> {
    for y in rect.y..rect.bottom() {
        let cells: Vec<_> = visible(buf, y)
            .into_iter()
            .filter(|(x, _, _)| *x >= rect.x && *x < rect.right())
            .collect();
        let mut text = String::new();
        let mut at = Vec::new(); // byte offset -> x
        for (x, sym, _) in &cells {
            at.push((text.len(), *x));
            text.push_str(sym);
        }
        if let Some(off) = text.find(needle) {
            let x = at
                .iter()
                .rev()
                .find(|(o, _)| *o <= off)
                .map(|(_, x)| *x)
                .unwrap();
            return Some((x, y));
        }
    }
    None
}

/// Space-separated tokens of row `y` between columns `x0..x1`: (first x,
/// last x covered, text). The last x includes the right half of a wide
/// symbol, so right-aligned text can be compared by its end column.
fn tokens(buf: &Buffer, y: u16, x0: u16, x1: u16) -> Vec<(u16, u16, String)> {
    let mut out: Vec<(u16, u16, String)> = Vec::new();
    let mut open = false;
    for (x, sym, w) in visible(buf, y) {
        if x < x0 || x >= x1 {
            open = false;
            continue;
        }
        if sym.trim().is_empty() || sym == "│" {
            open = false;
            continue;
        }
        if open {
            let t = out.last_mut().unwrap();
            t.1 = x + w - 1;
            t.2.push_str(&sym);
        } else {
            out.push((x, x + w - 1, sym));
            open = true;
        }
    }
    out
}

fn inner(r: Rect) -> Rect {
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

fn grid_rect(app: &App, w: u16, h: u16) -> Rect {
    view::regions(app, Rect::new(0, 0, w, h)).grid
}

/// Screen row of the grid body row whose label starts with `label`.
fn grid_row_y(buf: &Buffer, grid: Rect, label: &str) -> u16 {
    let (_, y) = find_in(buf, inner(grid), label)
        .unwrap_or_else(|| panic!("row {label} not in grid:\n{}", screen(buf)));
    y
}

/// x of the label/value separator `│` in grid row `y`.
fn label_sep_x(buf: &Buffer, grid: Rect, y: u16) -> u16 {
    let g = inner(grid);
    visible(buf, y)
        .into_iter()
        .find(|(x, s, _)| *x >= g.x && *x < g.right() && s == "│")
        .map(|(x, _, _)| x)
        .unwrap_or_else(|| panic!("no separator on row {y}:\n{}", screen(buf)))
}

/// The value tokens of grid row `y` (right of the label separator).
fn grid_values(buf: &Buffer, grid: Rect, y: u16) -> Vec<(u16, u16, String)> {
    let sep = label_sep_x(buf, grid, y);
    tokens(buf, y, sep + 1, grid.right() - 1)
}

fn raws(app: &App, t: TableId, row: usize) -> Vec<String> {
    app.report.table(t).unwrap().rows[row]
        .cells
        .iter()
        .map(|c| c.raw.clone())
        .collect()
}

fn message(app: &App) -> Option<&str> {
    app.message.as_ref().map(|(m, _)| m.as_str())
}

fn errors(app: &App) -> usize {
    app.counts().0
}

fn status(buf: &Buffer) -> String {
    line(buf, buf.area.bottom() - 1)
}

fn assert_style_is(cell: &ratatui::buffer::Cell, style: Style, what: &str) {
    if let Some(fg) = style.fg {
        assert_eq!(cell.fg, fg, "{what}: fg of {:?}", cell.symbol());
    }
    if let Some(bg) = style.bg {
        assert_eq!(cell.bg, bg, "{what}: bg of {:?}", cell.symbol());
    }
    assert!(
        cell.modifier.contains(style.add_modifier),
        "{what}: modifiers {:?} lack {:?}",
        cell.modifier,
        style.add_modifier
    );
}

/// An app on the requests table of the single-wrong-cell variant.
fn single_on_requests() -> App {
    let mut app = app_for(SINGLE);
    assert_eq!(
        app.table(),
        Some(TableId::Active),
        "opens on the first table"
    );
    ch(&mut app, ']');
    assert_eq!(app.table(), Some(TableId::Requests));
    assert_eq!(app.cursor, (0, 0));
    app
}

// ------------------------------------------------------------------ tests

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
        st.starts_with(" variant-single-wrong-cell.txt · 2 errors 0 warnings · 三、收到和处理政府信息公开申请情况"),
        "{st}"
    );
    assert!(
        st.contains("一、本年新收政府信息公开申请数量 / 自然人"),
        "{st}"
    );
    assert!(st.contains("2 errors 0 warnings"), "{st}");
    assert!(!st.contains("[+]"), "{st}");
}

#[test]
fn failing_cells_drawn_in_error_style() {
    let app = single_on_requests();
    let theme = Theme::default_theme();
    // The findings: row 一 does not add up, and column 商业企业 does not balance.
    let rules_hit: Vec<(Rule, Option<usize>, Option<usize>)> = app
        .findings
        .iter()
        .map(|f| (f.rule, f.row, f.column))
        .collect();
    assert_eq!(rules_hit.len(), 2, "{rules_hit:?}");
    assert!(rules_hit.contains(&(Rule::RowTotal, Some(0), Some(6))));
    assert!(rules_hit.contains(&(Rule::Balance, None, Some(1))));
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
    assert!(line_in(buf, f, f.y).contains("Findings · 2 errors 0 warnings"));
    let (fx, fy) = find_in(buf, f, "✗ requests.balance").expect("balance finding listed");
    assert_style_is(&buf[(fx, fy)], theme.finding_error, "finding line");
    assert!(find_in(buf, f, "✗ requests.row-total").is_some());
}

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
    assert!(status(buf).contains(s::EDIT_HINTS), "{}", status(buf));
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
    assert!(st.contains("0 errors 0 warnings"), "{st}");
    assert!(st.contains("[+]"), "{st}");
    let f = view::regions(&app, Rect::new(0, 0, 200, 50)).findings;
    assert!(find_in(buf, f, s::NO_FINDINGS).is_some());
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
        Some(s::NOTHING_TO_UNDO),
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
        Some(s::NOTHING_TO_UNDO),
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
            .any(|f| f.rule == Rule::CellInvalid && f.is_error())
    );
    assert_eq!(app.marks[REQ][0][1], Mark::Error);
    let t = render(&app, 200, 50);
    let st = status(t.backend().buffer());
    assert!(
        st.contains("“4x” is not a valid number (cell.invalid)"),
        "{st}"
    );
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
            .any(|f| f.rule == Rule::TableLayout && f.row == Some(2))
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
    assert!(!app.findings.iter().any(|f| f.rule == Rule::TableLayout));
    assert!(
        app.findings
            .iter()
            .any(|f| f.rule == Rule::CellBlank && f.row == Some(2) && f.column == Some(0))
    );
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains("Shifted row right"));

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
    assert!(status(t.backend().buffer()).contains(s::NOTHING_TO_UNDO));

    // < : one column left; the first value falls off (the message says so).
    ch(&mut app, '<');
    assert_eq!(
        raws(&app, TableId::Requests, 2),
        ["0", "1", "0", "0", "11", "", ""]
    );
    assert_eq!(shown(&app), ["0", "1", "0", "0", "11", "_", "_"]);
    let t = render(&app, 200, 50);
    assert!(status(t.backend().buffer()).contains("value “1” fell off the edge"));
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
    assert!(status(t.backend().buffer()).contains(s::NOTHING_TO_REDO));
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
            (Rule::TableLayout, Some(2), None),
            (Rule::CellBlank, Some(2), Some(6))
        ]
    );
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let grid = grid_rect(&app, 200, 50);
    let y = grid_row_y(buf, grid, "三(一) 予以公开");
    assert_eq!(grid_values(buf, grid, y)[6].2, "_");
}

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
        assert!(find_in(buf, all, s::QUIT_TEXT).is_some(), "{}", screen(buf));
        assert!(find_in(buf, all, s::QUIT_KEYS).is_some(), "{}", screen(buf));
        assert!(find_in(buf, all, s::QUIT_TITLE.trim()).is_some());
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
            s::QUIT_TEXT
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
    assert!(status(t.backend().buffer()).contains("Could not save"));
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
    assert!(status(t.backend().buffer()).contains(s::NO_ERRORS));
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
                assert!(
                    find_in(buf, inner(r.grid), "This section has no standard table").is_some()
                );
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

/// The rows inside the help overlay's box, trailing spaces trimmed.
fn help_rows(buf: &Buffer) -> Vec<String> {
    let Some((x0, y0)) = find_in(buf, buf.area, "┌ Keys") else {
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

#[test]
fn help_overlay_lists_every_binding() {
    let mut app = single_on_requests();
    ch(&mut app, '?');
    assert!(matches!(app.mode, Mode::Help));
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    let rows = help_rows(buf);
    assert_eq!(rows.len(), BINDINGS.len() + 2, "{rows:#?}");
    for (b, row) in BINDINGS.iter().zip(&rows) {
        assert!(
            row.starts_with(&format!("{:<10}{}", b.label, b.help)),
            "{:?}: {row:?}",
            b.label
        );
    }
    assert!(rows[BINDINGS.len() + 1].starts_with("Themes: dark, light, high-contrast"));
    // At 80×24 every key label is still on screen, one binding a row.
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    let rows = help_rows(buf);
    assert!(rows.len() >= BINDINGS.len(), "{}", screen(buf));
    for (b, row) in BINDINGS.iter().zip(&rows) {
        assert!(
            row.starts_with(&format!("{:<10}", b.label)),
            "{:?}: {row:?}",
            b.label
        );
    }
    // Any key closes it, and does nothing else.
    ch(&mut app, 'q');
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.quit);
    let t = render(&app, 200, 50);
    let buf = t.backend().buffer();
    assert!(find_in(buf, buf.area, s::HELP_TITLE.trim()).is_none());
}

#[test]
fn help_overlay_reads_at_80x24() {
    let mut app = single_on_requests();
    ch(&mut app, '?');
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    let rows = help_rows(buf);
    for (b, row) in BINDINGS.iter().zip(&rows) {
        assert!(row.contains(b.help), "{:?}: {row:?}", b.label);
    }
}

fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("sample-reports")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && !p.to_string_lossy().ends_with(".normalized.txt")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 29, "{files:?}");
    files
}

/// Borders of a pane are whole: corners, and a side on every row.
fn assert_box(buf: &Buffer, r: Rect, what: &str) {
    let (x0, x1, y0, y1) = (r.x, r.right() - 1, r.y, r.bottom() - 1);
    let sym = |x, y| buf[(x, y)].symbol().to_string();
    assert_eq!(sym(x0, y0), "┌", "{what} top-left\n{}", screen(buf));
    assert_eq!(sym(x1, y0), "┐", "{what} top-right\n{}", screen(buf));
    assert_eq!(sym(x0, y1), "└", "{what} bottom-left\n{}", screen(buf));
    assert_eq!(sym(x1, y1), "┘", "{what} bottom-right\n{}", screen(buf));
    for y in y0 + 1..y1 {
        assert_eq!(
            sym(x0, y),
            "│",
            "{what} left side, row {y}\n{}",
            screen(buf)
        );
        assert_eq!(
            sym(x1, y),
            "│",
            "{what} right side, row {y}\n{}",
            screen(buf)
        );
    }
    // Nothing wide straddles the right border from inside.
    for y in y0..=y1 {
        let spill = visible(buf, y)
            .into_iter()
            .any(|(x, _, w)| x < x1 && x + w > x1);
        assert!(
            !spill,
            "{what}: a wide symbol covers the right border on row {y}"
        );
    }
}

fn assert_not_garbled(app: &App, buf: &Buffer, what: &str) {
    let area = buf.area;
    let r = view::regions(app, area);
    assert_box(buf, r.grid, &format!("{what}: grid"));
    assert_box(buf, r.findings, &format!("{what}: findings"));
    if let Some(t) = r.text {
        assert_box(buf, t, &format!("{what}: text"));
    }
    // The grid's title sits on its top border.
    assert!(
        line_in(buf, r.grid, r.grid.y).starts_with("┌ 表"),
        "{what}: {}",
        line_in(buf, r.grid, r.grid.y)
    );
    // The status line is the last row, in the status style, with the name.
    assert_eq!(r.status.y, area.bottom() - 1);
    assert_eq!(r.status.height, 1);
    let st = status(buf);
    assert!(st.starts_with(&format!(" {}", app.name)), "{what}: {st}");
    // (Cells hidden under the right half of a wide symbol are not drawn.)
    for (x, _, _) in visible(buf, area.bottom() - 1) {
        assert_eq!(
            buf[(x, area.bottom() - 1)].bg,
            app.theme.status.bg.unwrap(),
            "{what}: status background at x={x}"
        );
    }
    // No control characters, BOMs or tabs reach the terminal.
    for y in area.y..area.bottom() {
        for (x, sym, _) in visible(buf, y) {
            assert!(
                !sym.chars().any(|c| c.is_control() || c == '\u{feff}'),
                "{what}: {sym:?} at ({x},{y})"
            );
        }
    }
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
    assert!(st.contains("2 errors"), "{st}");
    press(&mut app, KeyCode::Right);
    ch(&mut app, '4');
    let t = render(&app, 80, 24);
    let st = status(t.backend().buffer());
    assert!(st.contains(s::EDIT_HINTS), "{st}");
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
    assert!(st.contains("Saved "), "{st}");
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
        message(&app).is_some_and(|m| m.starts_with("Applied fix")),
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
    assert_eq!(message(&app), Some(s::NO_FIX));
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

#[test]
fn narrative_finding_shows_the_sentence_and_the_cell() {
    let mut app = app_for("variant-row-total-broken.txt");
    ch(&mut app, ']');
    let pos = app
        .table_findings()
        .iter()
        .position(|f| f.rule == Rule::NarrativeMismatch)
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
    assert!(app.findings.iter().all(|f| f.rule != Rule::CarryOver));
    // Last year's report carried over 2/1/0/0/0/0/3; say it carried 5 people.
    let mut last = nianbao_load(SINGLE);
    last.set_cell(TableId::Requests, 24, 0, "5");
    app.set_previous(last);
    let f: Vec<_> = app
        .findings
        .iter()
        .filter(|f| f.rule == Rule::CarryOver)
        .map(|f| (f.row, f.column, f.expected, f.actual))
        .collect();
    assert_eq!(f, [(Some(1), Some(0), Some(5), Some(2))]);
}

fn nianbao_load(name: &str) -> crate::Report {
    crate::load(&sample(name)).expect("sample")
}
