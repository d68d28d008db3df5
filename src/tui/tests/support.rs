//! What every TUI test uses: the samples, key presses, rendering into a
//! ratatui `TestBackend`, and reading the buffer back.
//!
//! Positions are read from buffer cells (x, y), never from string offsets,
//! so CJK (two columns wide) is measured the way a terminal shows it.

pub(super) use std::cmp::Ordering;
pub(super) use std::path::{Path, PathBuf};
pub(super) use std::sync::mpsc::channel;

pub(super) use crate::TableId;
pub(super) use crate::batch::{self, Counts, Family, Summary};
pub(super) use crate::cell::CellValue;
pub(super) use crate::rules::{self, Severity};
pub(super) use ratatui::Terminal;
pub(super) use ratatui::backend::TestBackend;
pub(super) use ratatui::buffer::{Buffer, CellWidth};
pub(super) use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
pub(super) use ratatui::layout::Rect;
pub(super) use ratatui::style::{Modifier, Style};

pub(super) use super::super::app::{App, Focus, Mark, Mode};
pub(super) use super::super::keymap::{self, BINDINGS};
pub(super) use super::super::list::{ListApp, Outcome, SortKey};
pub(super) use super::super::shell::{self, Shell};
pub(super) use super::super::strings as s;
pub(super) use super::super::theme::Theme;
pub(super) use super::super::view;

pub(super) const SINGLE: &str = "variant-single-wrong-cell.txt";
pub(super) const SHIFTED: &str = "variant-shifted-row.txt";
pub(super) const REQ: usize = TableId::Requests as usize;

pub(super) fn sample(name: &str) -> PathBuf {
    PathBuf::from("sample-reports").join(name)
}

pub(super) fn app_for(name: &str) -> App {
    let path = sample(name);
    let report = crate::load(Path::new(&path)).expect("load sample");
    App::new(report, Some(path), Theme::default_theme())
}

pub(super) fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub(super) fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

pub(super) fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub(super) fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    t
}

/// The visible cells of row `y`: (x, symbol, display width); cells hidden
/// under the right half of a wide symbol are left out.
pub(super) fn visible(buf: &Buffer, y: u16) -> Vec<(u16, String, u16)> {
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
pub(super) fn line(buf: &Buffer, y: u16) -> String {
    visible(buf, y).into_iter().map(|(_, s, _)| s).collect()
}

/// Row `y` restricted to the columns of `rect`.
pub(super) fn line_in(buf: &Buffer, rect: Rect, y: u16) -> String {
    visible(buf, y)
        .into_iter()
        .filter(|(x, _, _)| *x >= rect.x && *x < rect.right())
        .map(|(_, s, _)| s)
        .collect()
}

pub(super) fn screen(buf: &Buffer) -> String {
    (buf.area.y..buf.area.bottom())
        .map(|y| line(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cell position (x, y) where `needle` starts, searching the rows of `rect`
/// top to bottom and only within its columns.
pub(super) fn find_in(buf: &Buffer, rect: Rect, needle: &str) -> Option<(u16, u16)> {
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
pub(super) fn tokens(buf: &Buffer, y: u16, x0: u16, x1: u16) -> Vec<(u16, u16, String)> {
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

pub(super) fn inner(r: Rect) -> Rect {
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

pub(super) fn grid_rect(app: &App, w: u16, h: u16) -> Rect {
    view::regions(app, Rect::new(0, 0, w, h)).grid
}

/// Screen row of the grid body row whose label starts with `label`.
pub(super) fn grid_row_y(buf: &Buffer, grid: Rect, label: &str) -> u16 {
    let (_, y) = find_in(buf, inner(grid), label)
        .unwrap_or_else(|| panic!("row {label} not in grid:\n{}", screen(buf)));
    y
}

/// x of the label/value separator `│` in grid row `y`.
pub(super) fn label_sep_x(buf: &Buffer, grid: Rect, y: u16) -> u16 {
    let g = inner(grid);
    visible(buf, y)
        .into_iter()
        .find(|(x, s, _)| *x >= g.x && *x < g.right() && s == "│")
        .map(|(x, _, _)| x)
        .unwrap_or_else(|| panic!("no separator on row {y}:\n{}", screen(buf)))
}

/// The value tokens of grid row `y` (right of the label separator).
pub(super) fn grid_values(buf: &Buffer, grid: Rect, y: u16) -> Vec<(u16, u16, String)> {
    let sep = label_sep_x(buf, grid, y);
    tokens(buf, y, sep + 1, grid.right() - 1)
}

pub(super) fn raws(app: &App, t: TableId, row: usize) -> Vec<String> {
    app.report.table(t).unwrap().rows[row]
        .cells
        .iter()
        .map(|c| c.raw.to_string())
        .collect()
}

pub(super) fn message(app: &App) -> Option<&str> {
    app.message.as_ref().map(|(m, _)| m.as_str())
}

pub(super) fn errors(app: &App) -> usize {
    app.counts().0
}

pub(super) fn status(buf: &Buffer) -> String {
    line(buf, buf.area.bottom() - 1)
}

pub(super) fn assert_style_is(cell: &ratatui::buffer::Cell, style: Style, what: &str) {
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
pub(super) fn single_on_requests() -> App {
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

pub(super) fn sample_files() -> Vec<PathBuf> {
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
pub(super) fn assert_box(buf: &Buffer, r: Rect, what: &str) {
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

pub(super) fn assert_not_garbled(app: &App, buf: &Buffer, what: &str) {
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
    // A message shortens the name (never below a few columns) so that it
    // reads whole; otherwise the name is whole.
    let whole = st.starts_with(&format!(" {}", app.name));
    let shortened = app.message.is_some()
        && st.split(" · ").next().is_some_and(|n| {
            n.strip_suffix('…')
                .is_some_and(|n| n.len() > 2 && format!(" {}", app.name).starts_with(n))
        });
    assert!(whole || shortened, "{what}: {st}");
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

pub(super) fn nianbao_load(name: &str) -> crate::Report {
    crate::load(&sample(name)).expect("sample")
}

/// The report files of `sample-reports/` as the list gets them.
pub(super) fn listed_files() -> Vec<PathBuf> {
    let files = batch::expand(&[PathBuf::from("sample-reports")]);
    assert!(files.len() >= 25, "{files:?}");
    files
}

/// Run the loader synchronously and drain everything it sent into a shell.
pub(super) fn loaded(files: Vec<PathBuf>) -> Shell {
    let (tx, rx) = channel();
    shell::load_all(&files, &tx);
    drop(tx);
    let mut sh = Shell::new(files, Theme::default_theme());
    // Reviews journal into a temp folder, not the user's data dir.
    sh.journal_dir = Some(test_journal_dir());
    assert!(sh.drain(&rx), "the loader sent nothing");
    assert!(!sh.drain(&rx), "a second drain finds nothing new");
    sh
}

/// Copies of sample reports in a fresh folder (reviews opened from the list
/// journal their edits by path: a fresh path never meets an old journal).
pub(super) fn copies(names: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let files = names
        .iter()
        .map(|n| {
            let to = dir.path().join(n);
            std::fs::copy(sample(n), &to).unwrap();
            to
        })
        .collect();
    (dir, files)
}

/// A file the loader cannot read (NUL bytes: binary).
pub(super) fn binary_file(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, b"PK\x03\x04\x00\x00\x00\x00binary\x00\x00\x01\x02").unwrap();
    p
}

pub(super) fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub(super) fn lk(list: &mut ListApp, code: KeyCode) -> Outcome {
    list.on_key(key(code))
}

pub(super) fn lc(list: &mut ListApp, c: char) -> Outcome {
    lk(list, KeyCode::Char(c))
}

pub(super) fn sk(sh: &mut Shell, code: KeyCode) {
    sh.on_key(key(code));
}

pub(super) fn sc(sh: &mut Shell, c: char) {
    sk(sh, KeyCode::Char(c));
}

/// The counts the list must show for file `i`: the rules run on the file as
/// loaded, with the paired previous year if the loader paired one.
pub(super) fn expected_counts(sh: &Shell, i: usize) -> Counts {
    let report = crate::load(&sh.list.files[i]).unwrap();
    let prev = sh
        .pairs
        .get(&i)
        .map(|&p| crate::load(&sh.list.files[p]).unwrap());
    Counts::of(&rules::check_with(&report, prev.as_ref()))
}

pub(super) fn entry(list: &ListApp, i: usize) -> &Summary {
    list.entries[i].as_ref().expect("row loaded")
}

/// Index (into entries) of the file named `name`.
pub(super) fn index_of(list: &ListApp, name: &str) -> usize {
    list.files
        .iter()
        .position(|p| p.file_name().unwrap() == name)
        .unwrap_or_else(|| panic!("{name} not in {:?}", list.files))
}

/// Move the selection to the visible row of entry `i`.
pub(super) fn select(sh: &mut Shell, i: usize) {
    let pos = sh.list.visible().iter().position(|&v| v == i).unwrap();
    sk(sh, KeyCode::Home);
    for _ in 0..pos {
        sk(sh, KeyCode::Down);
    }
    assert_eq!(sh.list.selected, pos);
}

pub(super) fn render_list(list: &ListApp, w: u16, h: u16) -> Terminal<TestBackend> {
    let theme = Theme::default_theme();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::list::draw(f, list, &theme, f.area()))
        .unwrap();
    t
}

pub(super) fn render_shell(sh: &Shell, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| sh.draw(f)).unwrap();
    t
}

/// The visible cells of row `y`: (x, symbol); cells hidden under the right
/// half of a wide symbol are left out.
pub(super) fn cells(buf: &Buffer, y: u16) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    let mut skip = 0u16;
    for x in buf.area.x..buf.area.right() {
        let c = &buf[(x, y)];
        let w = c.cell_width();
        if skip == 0 {
            out.push((x, c.symbol().to_string()));
        }
        skip = skip.max(w).saturating_sub(1);
    }
    out
}

/// Where `needle` starts on row `y` (buffer x), if it is there.
pub(super) fn x_of(buf: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let mut text = String::new();
    let mut at = Vec::new();
    for (x, sym) in cells(buf, y) {
        at.push((text.len(), x));
        text.push_str(&sym);
    }
    let off = text.find(needle)?;
    at.iter().rev().find(|(o, _)| *o <= off).map(|(_, x)| *x)
}

/// First (x, y) of `needle` on the screen.
pub(super) fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (buf.area.y..buf.area.bottom()).find_map(|y| x_of(buf, y, needle).map(|x| (x, y)))
}

/// The text of `n` cells starting at (x, y), as shown.
pub(super) fn text_at(buf: &Buffer, x: u16, y: u16, n: u16) -> String {
    cells(buf, y)
        .into_iter()
        .filter(|(cx, _)| *cx >= x && *cx < x + n)
        .map(|(_, s)| s)
        .collect()
}

// Sort keys, computed here independently of the list's own key function.

/// Buffer row of the first list row (border, then the column header).
pub(super) const FIRST_ROW_Y: u16 = 2;

/// The journal file a review opened on `path` writes to.
/// The journal folder of the reviews these tests open (one per test run).
pub(super) fn test_journal_dir() -> PathBuf {
    std::env::temp_dir().join(format!("nianbao-list-tests-{}", std::process::id()))
}

/// A variant made from the clean sample: the text claims 82 requests where
/// the table says 28, and the heading of section 五 is gone (its body joins
/// 四). Written into `dir`; returns its path.
pub(super) fn text_wrong_variant(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(sample("variant-nonzero-clean.txt")).unwrap();
    assert!(text.contains("共受理政府信息公开申请 28 件"));
    assert!(text.contains("五、存在的主要问题及改进情况\n"));
    let text = text
        .replacen(
            "共受理政府信息公开申请 28 件",
            "共受理政府信息公开申请 82 件",
            1,
        )
        .replacen("五、存在的主要问题及改进情况\n", "\n", 1);
    let p = dir.join("variant-text-wrong.txt");
    std::fs::write(&p, text).unwrap();
    p
}

/// Type `text` into whatever editor is open.
pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}
