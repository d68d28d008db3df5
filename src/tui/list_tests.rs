//! Tests of the coordinator's list: the real loader (`shell::load_all`)
//! drained into a real `Shell`, the real key handlers (`ListApp::on_key`,
//! `Shell::on_key`) and the real view (`view::list::draw`) into a ratatui
//! `TestBackend`.
//!
//! Positions are read from buffer cells (x, y), never from string offsets,
//! so CJK agency names (two columns a character) are measured as a terminal
//! shows them.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;

use super::app::Mode;
use super::list::{ListApp, Outcome, SortKey};
use super::shell::{self, Shell};
use super::strings as s;
use super::theme::Theme;
use super::view;
use crate::batch::{self, Counts, Family, Summary};
use crate::rules;

// ---------------------------------------------------------------- helpers

const SINGLE: &str = "variant-single-wrong-cell.txt";

fn sample(name: &str) -> PathBuf {
    PathBuf::from("sample-reports").join(name)
}

/// The report files of `sample-reports/` as the list gets them.
fn sample_files() -> Vec<PathBuf> {
    let files = batch::expand(&[PathBuf::from("sample-reports")]);
    assert!(files.len() >= 25, "{files:?}");
    files
}

/// Run the loader synchronously and drain everything it sent into a shell.
fn loaded(files: Vec<PathBuf>) -> Shell {
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
fn copies(names: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
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
fn binary_file(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, b"PK\x03\x04\x00\x00\x00\x00binary\x00\x00\x01\x02").unwrap();
    p
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn lk(list: &mut ListApp, code: KeyCode) -> Outcome {
    list.on_key(key(code))
}

fn lc(list: &mut ListApp, c: char) -> Outcome {
    lk(list, KeyCode::Char(c))
}

fn sk(sh: &mut Shell, code: KeyCode) {
    sh.on_key(key(code));
}

fn sc(sh: &mut Shell, c: char) {
    sk(sh, KeyCode::Char(c));
}

/// The counts the list must show for file `i`: the rules run on the file as
/// loaded, with the paired previous year if the loader paired one.
fn expected_counts(sh: &Shell, i: usize) -> Counts {
    let report = crate::load(&sh.list.files[i]).unwrap();
    let prev = sh
        .pairs
        .get(&i)
        .map(|&p| crate::load(&sh.list.files[p]).unwrap());
    Counts::of(&rules::check_with(&report, prev.as_ref()))
}

fn entry(list: &ListApp, i: usize) -> &Summary {
    list.entries[i].as_ref().expect("row loaded")
}

/// Index (into entries) of the file named `name`.
fn index_of(list: &ListApp, name: &str) -> usize {
    list.files
        .iter()
        .position(|p| p.file_name().unwrap() == name)
        .unwrap_or_else(|| panic!("{name} not in {:?}", list.files))
}

/// Move the selection to the visible row of entry `i`.
fn select(sh: &mut Shell, i: usize) {
    let pos = sh.list.visible().iter().position(|&v| v == i).unwrap();
    sk(sh, KeyCode::Home);
    for _ in 0..pos {
        sk(sh, KeyCode::Down);
    }
    assert_eq!(sh.list.selected, pos);
}

fn render_list(list: &ListApp, w: u16, h: u16) -> Terminal<TestBackend> {
    let theme = Theme::default_theme();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::list::draw(f, list, &theme, f.area()))
        .unwrap();
    t
}

fn render_shell(sh: &Shell, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| sh.draw(f)).unwrap();
    t
}

/// The visible cells of row `y`: (x, symbol); cells hidden under the right
/// half of a wide symbol are left out.
fn cells(buf: &Buffer, y: u16) -> Vec<(u16, String)> {
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

fn line(buf: &Buffer, y: u16) -> String {
    cells(buf, y).into_iter().map(|(_, s)| s).collect()
}

fn screen(buf: &Buffer) -> String {
    (buf.area.y..buf.area.bottom())
        .map(|y| line(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where `needle` starts on row `y` (buffer x), if it is there.
fn x_of(buf: &Buffer, y: u16, needle: &str) -> Option<u16> {
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
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (buf.area.y..buf.area.bottom()).find_map(|y| x_of(buf, y, needle).map(|x| (x, y)))
}

/// The text of `n` cells starting at (x, y), as shown.
fn text_at(buf: &Buffer, x: u16, y: u16, n: u16) -> String {
    cells(buf, y)
        .into_iter()
        .filter(|(cx, _)| *cx >= x && *cx < x + n)
        .map(|(_, s)| s)
        .collect()
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

// Sort keys, computed here independently of the list's own key function.

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Count(bool, u32, u32),
    Name(String),
}

fn sort_key(s: &Summary, by: SortKey) -> Key {
    let unreadable = s.error.is_some();
    match by {
        SortKey::Errors => Key::Count(
            unreadable,
            s.counts.total_errors(),
            s.counts.total_warnings(),
        ),
        SortKey::Family(f) => {
            let k = Family::ALL.iter().position(|x| *x == f).unwrap();
            Key::Count(unreadable, s.counts.errors[k], s.counts.warnings[k])
        }
        SortKey::Agency => Key::Name(s.agency.clone()),
        SortKey::File => Key::Name(s.path.to_string_lossy().into_owned()),
        SortKey::Encoding => Key::Name(s.encoding.clone()),
    }
}

/// The visible rows are in the list's sort order; equal keys in file order.
#[track_caller]
fn assert_sorted(list: &ListApp) {
    let rows = list.visible();
    for w in rows.windows(2) {
        let (a, b) = (entry(list, w[0]), entry(list, w[1]));
        let ord = sort_key(a, list.sort).cmp(&sort_key(b, list.sort));
        let want = if list.descending {
            Ordering::Greater
        } else {
            Ordering::Less
        };
        assert!(
            ord == want || (ord == Ordering::Equal && w[0] < w[1]),
            "sorted by {} {}: {:?} ({:?}) before {:?} ({:?})",
            list.sort.name(),
            if list.descending { "desc" } else { "asc" },
            a.path,
            sort_key(a, list.sort),
            b.path,
            sort_key(b, list.sort),
        );
    }
}

/// Buffer row of the first list row (border, then the column header).
const FIRST_ROW_Y: u16 = 2;

// ------------------------------------------------------------------ tests

#[test]
fn folder_loads_one_row_per_file_with_its_counts() {
    let files = sample_files();
    let n = files.len();
    let sh = loaded(files.clone());
    let list = &sh.list;
    assert_eq!(list.loaded, n);
    assert!(!list.loading());
    assert_eq!(list.visible().len(), n, "one row per file");
    let mut shown = list.visible();
    shown.sort();
    assert_eq!(shown, (0..n).collect::<Vec<_>>(), "every file once");
    // No agency has two consecutive years among the samples.
    assert!(sh.pairs.is_empty(), "{:?}", sh.pairs);
    for (i, f) in files.iter().enumerate() {
        let row = entry(list, i);
        assert_eq!(&row.path, f);
        assert!(row.error.is_none(), "{f:?}: {:?}", row.error);
        let report = crate::load(f).unwrap();
        let want = Counts::of(&rules::check(&report));
        assert_eq!(row.counts, want, "{f:?}");
        assert_eq!(row.encoding, report.encoding, "{f:?}");
        assert_eq!(row.counts, expected_counts(&sh, i));
    }
    // Spot checks against what the samples are known to hold.
    let single = entry(list, index_of(list, SINGLE));
    assert_eq!(single.counts.errors, [2, 0, 0, 0]);
    assert_eq!(single.agency, "卫东区政务服务和大数据管理局");
    assert_eq!(single.year, Some(2023));
    let gbk = entry(list, index_of(list, "variant-gbk.txt"));
    assert_eq!(gbk.encoding, "gb18030");
    let clean = entry(list, index_of(list, "seed-000.txt"));
    assert_eq!(clean.counts, Counts::default());
    assert_eq!(clean.first, None);
}

#[test]
fn o_cycles_the_sort_keys_and_each_order_is_sorted() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = sample_files();
    files.push(binary_file(dir.path(), "broken.txt"));
    let mut sh = loaded(files);
    let list = &mut sh.list;
    assert_eq!(list.sort, SortKey::Errors);
    assert!(list.descending, "counts read worst first");
    assert_sorted(list);
    // Unreadable first, then the most errors.
    let rows = list.visible();
    assert!(entry(list, rows[0]).error.is_some());
    let most = (0..list.files.len())
        .filter(|&i| entry(list, i).error.is_none())
        .map(|i| entry(list, i).counts.total_errors())
        .max()
        .unwrap();
    assert_eq!(entry(list, rows[1]).counts.total_errors(), most);

    let names: Vec<&str> = SortKey::CYCLE.iter().map(|k| k.name()).collect();
    assert_eq!(
        names,
        [
            "errors",
            "sums",
            "layout",
            "narrative",
            "carry-over",
            "agency",
            "file",
            "encoding"
        ]
    );
    for step in 1..=SortKey::CYCLE.len() {
        assert_eq!(lc(list, 'o'), Outcome::None);
        let want = SortKey::CYCLE[step % SortKey::CYCLE.len()];
        assert_eq!(list.sort, want, "after {step} presses of o");
        let counts = matches!(want, SortKey::Errors | SortKey::Family(_));
        assert_eq!(list.descending, counts, "{}", want.name());
        assert_sorted(list);
        assert_eq!(list.visible().len(), list.files.len());
        // The title names the order.
        let t = render_list(list, 160, 40);
        let title = line(t.backend().buffer(), 0);
        let arrow = if counts { "↓" } else { "↑" };
        assert!(
            title.contains(&format!("sorted by {} {arrow}", want.name())),
            "{title}"
        );
    }
    assert_eq!(list.sort, SortKey::Errors, "o comes round to errors");

    // Spot check of the names: agency A→Z puts 上海… before 卫东区….
    while list.sort != SortKey::Agency {
        lc(list, 'o');
    }
    let agencies: Vec<String> = list
        .visible()
        .iter()
        .map(|&i| entry(list, i).agency.clone())
        .collect();
    let mut sorted = agencies.clone();
    sorted.sort();
    assert_eq!(agencies, sorted);
}

#[test]
fn big_o_reverses_every_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = sample_files();
    files.push(binary_file(dir.path(), "broken.txt"));
    let mut sh = loaded(files);
    let list = &mut sh.list;
    for _ in 0..SortKey::CYCLE.len() {
        let before = list.descending;
        let forward = list.visible();
        lc(list, 'O');
        assert_eq!(list.descending, !before, "{}", list.sort.name());
        assert_sorted(list);
        let backward = list.visible();
        // The same rows, the keys in the opposite order.
        let keys = |rows: &[usize]| -> Vec<Key> {
            rows.iter()
                .map(|&i| sort_key(entry(list, i), list.sort))
                .collect()
        };
        let mut k = keys(&forward);
        k.reverse();
        assert_eq!(keys(&backward), k, "{}", list.sort.name());
        let t = render_list(list, 160, 40);
        let title = line(t.backend().buffer(), 0);
        let arrow = if list.descending { "↓" } else { "↑" };
        assert!(title.contains(arrow), "{title}");
        lc(list, 'O');
        assert_eq!(list.visible(), forward, "O twice is the first order");
        lc(list, 'o');
    }
    // With unreadable files first when descending, last when ascending.
    assert_eq!(list.sort, SortKey::Errors);
    let rows = list.visible();
    assert!(entry(list, rows[0]).error.is_some());
    lc(list, 'O');
    let rows = list.visible();
    assert!(entry(list, *rows.last().unwrap()).error.is_some());
}

#[test]
fn slash_filters_and_backspace_edits_the_filter() {
    let mut sh = loaded(sample_files());
    let list = &mut sh.list;
    let n = list.files.len();
    let shanghai = [
        index_of(list, "real-02-shanghai-stcsm-2024.txt"),
        index_of(list, "real-03-shanghai-govoffice-2025.txt"),
    ];
    let only = |list: &ListApp| {
        let mut v = list.visible();
        v.sort();
        v
    };

    assert_eq!(lc(list, '/'), Outcome::None);
    assert!(list.filtering);
    for c in "上海".chars() {
        assert_eq!(lc(list, c), Outcome::None);
    }
    assert_eq!(list.filter, "上海");
    assert_eq!(only(list), shanghai, "filters as you type");
    // The status line shows the filter being typed.
    let t = render_list(list, 160, 40);
    let buf = t.backend().buffer();
    assert!(line(buf, 39).contains("filter: 上海"), "{}", line(buf, 39));
    assert!(
        line(buf, 0).contains(&format!("2 of {n} shown")),
        "{}",
        line(buf, 0)
    );

    // Enter ends typing; it does not open a report.
    assert_eq!(lk(list, KeyCode::Enter), Outcome::None);
    assert!(!list.filtering);
    assert_eq!(list.filter, "上海");
    assert_eq!(only(list), shanghai);
    for &i in &shanghai {
        assert!(entry(list, i).agency.contains("上海"));
    }
    // Now keys are commands again: j moves, q would quit.
    lc(list, 'j');
    assert_eq!(list.selected, 1);
    lc(list, 'j');
    assert_eq!(list.selected, 1, "the selection stays on the two rows");

    // `/` starts a new filter; typed q and Enter are text and the end of it.
    lc(list, '/');
    assert!(list.filter.is_empty(), "/ starts afresh");
    assert_eq!(list.visible().len(), n);
    for c in "上海x".chars() {
        lc(list, c);
    }
    assert!(list.visible().is_empty());
    let t = render_list(list, 160, 40);
    assert!(find(t.backend().buffer(), "No report matches.").is_some());
    lk(list, KeyCode::Backspace);
    assert_eq!(list.filter, "上海");
    assert_eq!(only(list), shanghai);
    lk(list, KeyCode::Backspace);
    assert_eq!(list.filter, "上");
    lk(list, KeyCode::Backspace);
    lk(list, KeyCode::Backspace);
    assert_eq!(list.filter, "", "Backspace on an empty filter is harmless");
    assert_eq!(list.visible().len(), n);
    assert_eq!(lc(list, 'q'), Outcome::None, "q is text while filtering");
    assert_eq!(list.filter, "q");
    lk(list, KeyCode::Backspace);
    // The file name counts too, case-insensitively.
    for c in "SHANGHAI".chars() {
        lc(list, c);
    }
    assert_eq!(only(list), shanghai);
    // Esc ends typing and keeps the filter.
    assert_eq!(lk(list, KeyCode::Esc), Outcome::None);
    assert!(!list.filtering);
    assert_eq!(list.filter, "SHANGHAI");
    assert_eq!(only(list), shanghai);
    let t = render_list(list, 160, 40);
    let status = line(t.backend().buffer(), 39);
    assert!(status.contains("filter: SHANGHAI"), "{status}");
    assert!(
        !status.contains('▏'),
        "no cursor once typing ended: {status}"
    );
    // Esc again (not filtering) quits the list.
    assert_eq!(lk(list, KeyCode::Esc), Outcome::Quit);
}

#[test]
fn e_shows_only_rows_with_errors_or_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = sample_files();
    files.push(binary_file(dir.path(), "broken.txt"));
    let mut sh = loaded(files);
    let list = &mut sh.list;
    let n = list.files.len();
    let want: Vec<usize> = (0..n)
        .filter(|&i| {
            let s = entry(list, i);
            s.counts.total_errors() > 0 || s.error.is_some()
        })
        .collect();
    assert!(want.len() > 5 && want.len() < n, "{want:?}");
    lc(list, 'j');
    lc(list, 'e');
    assert!(list.errors_only);
    assert_eq!(list.selected, 0, "e resets the selection");
    let mut got = list.visible();
    got.sort();
    assert_eq!(got, want);
    assert!(
        got.contains(&(n - 1)),
        "the unreadable file is an error row"
    );
    // Rows with warnings only are not shown.
    let warn_only = index_of(list, "real-01-shuyang-2025.txt");
    assert!(!got.contains(&warn_only));
    let t = render_list(list, 160, 40);
    let buf = t.backend().buffer();
    assert!(
        line(buf, 0).contains(&format!("{} of {n} shown", want.len())),
        "{}",
        line(buf, 0)
    );
    assert!(line(buf, 39).contains("errors only"), "{}", line(buf, 39));
    // Combined with a filter: both apply.
    lc(list, '/');
    for c in "卫东".chars() {
        lc(list, c);
    }
    lk(list, KeyCode::Enter);
    let both: Vec<usize> = want
        .iter()
        .copied()
        .filter(|&i| entry(list, i).agency.contains("卫东"))
        .collect();
    let mut got = list.visible();
    got.sort();
    assert_eq!(got, both);
    // e again shows every row of the filter.
    lc(list, 'e');
    assert!(!list.errors_only);
    assert!(list.visible().len() > both.len());
}

#[test]
fn draws_at_160x40_with_header_selection_and_aligned_columns() {
    let files = sample_files();
    let n = files.len();
    let mut sh = loaded(files);
    let theme = Theme::default_theme();
    lc(&mut sh.list, 'j');
    lc(&mut sh.list, 'j');
    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    let title = line(buf, 0);
    assert!(
        title.contains(&format!("Reports · {n} of {n} shown · sorted by errors ↓")),
        "{title}"
    );
    // No gauge once everything is read.
    assert!(find(buf, "reading").is_none(), "{}", screen(buf));

    let header = line(buf, 1);
    for h in [
        "Agency",
        "Year",
        "File",
        "Read as",
        "Sums",
        "Layout",
        "Text",
        "Carry",
        "Total",
        "First finding",
    ] {
        assert!(header.contains(h), "{h} in {header:?}");
    }
    assert_style_is(&buf[(1, 1)], theme.header, "column header");
    let year_x = x_of(buf, 1, "Year").unwrap();
    let file_x = x_of(buf, 1, "File").unwrap();
    let enc_x = x_of(buf, 1, "Read as").unwrap();

    let rows = sh.list.visible();
    assert_eq!(rows.len(), n);
    // The rows that fit above the list's bottom border (more samples than
    // lines: the rest scroll).
    let bottom = (FIRST_ROW_Y..40)
        .find(|&y| line(buf, y).starts_with('└'))
        .expect("bottom border");
    let mut cjk_widths = std::collections::BTreeSet::new();
    for (k, &i) in rows.iter().enumerate() {
        let y = FIRST_ROW_Y + k as u16;
        if y >= bottom {
            break;
        }
        let s = entry(&sh.list, i);
        let shown = line(buf, y);
        let name = s.path.file_name().unwrap().to_string_lossy().into_owned();
        // The agency starts the row; year, file and encoding each start at
        // their header's column, whatever the agency's width.
        let agency_head: String = s.agency.chars().take(4).collect();
        assert_eq!(x_of(buf, y, &agency_head), Some(1), "row {k}: {shown}");
        let year = s.year.map(|y| y.to_string()).unwrap_or_default();
        assert_eq!(
            text_at(buf, year_x, y, 4).trim_end(),
            year,
            "year of row {k}: {shown}"
        );
        assert_eq!(text_at(buf, year_x - 1, y, 1), " ", "row {k}: {shown}");
        let prefix: String = name.chars().take(8).collect();
        assert_eq!(
            text_at(buf, file_x, y, 8),
            prefix,
            "file column of row {k}: {shown}"
        );
        assert_eq!(
            text_at(buf, enc_x, y, 13),
            super::width::pad_right(&s.encoding, 13),
            "encoding column of row {k}: {shown}"
        );
        if !s.agency.is_ascii() {
            cjk_widths.insert(super::width::width(&s.agency));
        }
        // The row's style: selection on the selected row, else error /
        // warning / base.
        let want = if k == 2 {
            theme.selection
        } else if s.counts.total_errors() > 0 {
            theme.finding_error
        } else if s.counts.total_warnings() > 0 {
            theme.finding_warning
        } else {
            theme.base
        };
        for x in [1, year_x, file_x] {
            assert_style_is(&buf[(x, y)], want, &format!("row {k} x {x}"));
        }
    }
    assert!(
        cjk_widths.len() >= 3,
        "agencies of several widths: {cjk_widths:?}"
    );
    // Exactly one row in the selection style.
    let sel_rows: Vec<u16> = (FIRST_ROW_Y..FIRST_ROW_Y + n as u16)
        .filter(|&y| buf[(1, y)].bg == theme.selection.bg.unwrap())
        .collect();
    assert_eq!(sel_rows, [FIRST_ROW_Y + 2]);
    // The key hints on the status line.
    assert!(line(buf, 39).contains("o sort"), "{}", line(buf, 39));
}

#[test]
fn draws_at_80x24_and_keeps_the_selection_in_view() {
    let files = sample_files();
    let n = files.len();
    let mut sh = loaded(files);
    let theme = Theme::default_theme();
    let t = render_shell(&sh, 80, 24);
    let buf = t.backend().buffer();
    assert!(
        line(buf, 0).contains(&format!("{n} of {n} shown")),
        "{}",
        line(buf, 0)
    );
    let header = line(buf, 1);
    for h in ["Agency", "Year", "File", "Read as"] {
        assert!(header.contains(h), "{h} in {header:?}");
    }
    let year_x = x_of(buf, 1, "Year").unwrap();
    let file_x = x_of(buf, 1, "File").unwrap();
    // 24 rows: border, header, 20 list rows, border, status.
    let body = 20usize;
    let rows = sh.list.visible();
    for (k, &i) in rows.iter().take(body).enumerate() {
        let y = FIRST_ROW_Y + k as u16;
        let s = entry(&sh.list, i);
        let year = s.year.map(|y| y.to_string()).unwrap_or_default();
        assert_eq!(
            text_at(buf, year_x, y, 4).trim_end(),
            year,
            "{}",
            line(buf, y)
        );
        let name = s.path.file_name().unwrap().to_string_lossy().into_owned();
        let prefix: String = name.chars().take(6).collect();
        assert_eq!(text_at(buf, file_x, y, 6), prefix, "{}", line(buf, y));
        // Inside the box: the right border is intact.
        assert_eq!(text_at(buf, 79, y, 1), "│", "{}", line(buf, y));
    }
    assert_style_is(&buf[(1, FIRST_ROW_Y)], theme.selection, "first row");

    // End: the last row is selected and scrolled into view at the bottom.
    sk(&mut sh, KeyCode::End);
    assert_eq!(sh.list.selected, n - 1);
    let t = render_shell(&sh, 80, 24);
    let buf = t.backend().buffer();
    let last = entry(&sh.list, *rows.last().unwrap());
    let bottom = FIRST_ROW_Y + body as u16 - 1;
    let name = last
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let prefix: String = name.chars().take(6).collect();
    assert_eq!(text_at(buf, file_x, bottom, 6), prefix, "{}", screen(buf));
    assert_style_is(&buf[(1, bottom)], theme.selection, "last row");
    assert_ne!(
        buf[(1, FIRST_ROW_Y)].bg,
        theme.selection.bg.unwrap(),
        "only the selected row"
    );
    // The row shown first is the one `body` rows above the last.
    let top = entry(&sh.list, rows[n - body]);
    let name = top.path.file_name().unwrap().to_string_lossy().into_owned();
    let prefix: String = name.chars().take(6).collect();
    assert_eq!(text_at(buf, file_x, FIRST_ROW_Y, 6), prefix);
    // Home goes back.
    sk(&mut sh, KeyCode::Char('g'));
    assert_eq!(sh.list.selected, 0);
    // PageDown stops at the end.
    sk(&mut sh, KeyCode::PageDown);
    sk(&mut sh, KeyCode::PageDown);
    assert_eq!(sh.list.selected, n - 1);
    sk(&mut sh, KeyCode::PageUp);
    assert_eq!(sh.list.selected, n - 1 - 20);
}

#[test]
fn gauge_shows_progress_while_files_load() {
    let files = sample_files();
    let n = files.len();
    let summaries = crate::service::CheckRun::new(files[..5].to_vec(), None).summaries();
    let mut list = ListApp::new(files);
    assert!(list.loading());
    let t = render_list(&list, 160, 40);
    let buf = t.backend().buffer();
    assert!(
        line(buf, 38).contains(&format!("reading 0 / {n}")),
        "{}",
        screen(buf)
    );
    assert!(line(buf, 0).contains(&format!("0 of {n} shown")));
    assert!(
        find(buf, "No report matches.").is_none(),
        "no 'no match' while loading"
    );

    for (i, s) in summaries.iter().enumerate().take(3) {
        list.set(i, s.clone());
    }
    assert_eq!(list.loaded, 3);
    // A row set again (after a review) does not count twice.
    list.set(0, summaries[0].clone());
    assert_eq!(list.loaded, 3);
    // An index out of range is ignored.
    list.set(n + 7, summaries[4].clone());
    assert_eq!(list.loaded, 3);
    for (w, h) in [(160u16, 40u16), (80, 24)] {
        let t = render_list(&list, w, h);
        let buf = t.backend().buffer();
        let gauge = line(buf, h - 2);
        assert!(
            gauge.contains(&format!("reading 3 / {n}")),
            "{w}x{h}: {gauge}"
        );
        assert!(
            line(buf, 0).contains(&format!("3 of {n} shown")),
            "{}",
            line(buf, 0)
        );
        // The box ends above the gauge.
        assert!(line(buf, h - 3).starts_with('└'), "{}", screen(buf));
    }
    // Rows that arrived can be opened while the rest load.
    assert!(matches!(lk(&mut list, KeyCode::Enter), Outcome::Open(i) if i < 3));

    for (i, s) in summaries.iter().enumerate().skip(3) {
        list.set(i, s.clone());
    }
    for i in 5..n {
        list.set(i, batch::unreadable(&list.files[i].clone(), "x"));
    }
    assert!(!list.loading());
    let t = render_list(&list, 160, 40);
    let buf = t.backend().buffer();
    assert!(find(buf, "reading").is_none(), "{}", screen(buf));
    assert!(
        line(buf, 38).starts_with('└'),
        "the box takes the gauge row"
    );
}

#[test]
fn unreadable_file_is_a_row_and_enter_on_it_gives_a_message() {
    let (dir, mut files) = copies(&["seed-000.txt", SINGLE]);
    files.push(binary_file(dir.path(), "broken.txt"));
    files.push(dir.path().join("gone.txt")); // never existed
    let mut sh = loaded(files.clone());
    assert_eq!(sh.list.loaded, 4);
    for i in [2, 3] {
        let row = entry(&sh.list, i);
        let err = row.error.as_deref().expect("unreadable");
        let load_err = crate::load(&files[i]).unwrap_err().to_string();
        assert_eq!(err, load_err);
        assert_eq!(row.counts, Counts::default());
        assert_eq!(row.year, None);
    }
    assert!(
        entry(&sh.list, 2)
            .error
            .as_deref()
            .unwrap()
            .contains("binary")
    );
    assert!(
        entry(&sh.list, 3)
            .error
            .as_deref()
            .unwrap()
            .contains("no such file")
    );

    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    // Unreadable rows sort first (errors ↓) and say why.
    for k in 0..2u16 {
        let l = line(buf, FIRST_ROW_Y + k);
        assert!(l.contains("unreadable: "), "{l}");
    }
    let l = line(buf, FIRST_ROW_Y);
    assert!(l.contains("broken"), "file order among equals: {l}");

    // Enter on it: no review, a message on the status line.
    assert_eq!(sh.list.visible()[0], 2);
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_none());
    assert!(!sh.quit);
    let msg = sh.list.message.clone().expect("a message");
    assert!(
        msg.contains("broken.txt") && msg.contains("binary"),
        "{msg}"
    );
    let t = render_shell(&sh, 160, 40);
    let status = line(t.backend().buffer(), 39);
    assert!(status.contains("looks like binary data"), "{status}");
    assert!(line(t.backend().buffer(), 0).contains("Reports"));
    // The next key clears the message.
    sk(&mut sh, KeyCode::Down);
    assert!(sh.list.message.is_none());
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_none());
    assert!(sh.list.message.as_deref().unwrap().contains("no such file"));

    // A file removed after it was listed: a message, not a review.
    let single = index_of(&sh.list, SINGLE);
    std::fs::remove_file(&files[single]).unwrap();
    select(&mut sh, single);
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_none());
    assert!(sh.list.message.as_deref().unwrap().contains("no such file"));
    assert_eq!(
        entry(&sh.list, single).counts.errors,
        [2, 0, 0, 0],
        "the row keeps its counts"
    );
}

/// The journal file a review opened on `path` writes to.
/// The journal folder of the reviews these tests open (one per test run).
fn test_journal_dir() -> PathBuf {
    std::env::temp_dir().join(format!("nianbao-list-tests-{}", std::process::id()))
}

fn journal_file(path: &Path) -> Option<PathBuf> {
    let dir = test_journal_dir();
    let bytes = std::fs::read(path).ok()?;
    Some(
        crate::journal::Journal::new(&dir, path, &bytes)
            .file_path()
            .to_path_buf(),
    )
}

#[test]
fn review_edit_then_discard_returns_with_the_files_own_counts() {
    let (_dir, files) = copies(&["seed-000.txt", SINGLE, "variant-appeals-broken.txt"]);
    let original = std::fs::read(&files[1]).unwrap();
    let mut sh = loaded(files.clone());
    let i = 1;
    assert_eq!(entry(&sh.list, i).counts.errors, [2, 0, 0, 0]);
    select(&mut sh, i);
    sk(&mut sh, KeyCode::Enter);
    let (open, app) = sh.review.as_ref().expect("Enter opens a review");
    assert_eq!(*open, i);
    assert_eq!(app.counts().0, 2);
    // The review is drawn instead of the list.
    let t = render_shell(&sh, 160, 40);
    assert!(find(t.backend().buffer(), "Reports ·").is_none());

    // ] to the requests table, Right, 4, Enter: the wrong cell fixed.
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    let app = &sh.review.as_ref().unwrap().1;
    assert_eq!(app.counts().0, 0, "{:#?}", app.findings);
    assert!(app.dirty);

    // q asks (unsaved edits); the list does not come back yet.
    sc(&mut sh, 'q');
    let app = &sh.review.as_ref().expect("still in the review").1;
    assert!(matches!(app.mode, Mode::QuitPrompt));
    let t = render_shell(&sh, 160, 40);
    assert!(find(t.backend().buffer(), s::QUIT_TEXT).is_some());
    // d: discard and back to the list.
    sc(&mut sh, 'd');
    assert!(sh.review.is_none());
    assert!(!sh.quit);

    // The edit was discarded: the row is recomputed from the file on disk,
    // which is unchanged and still has its two errors.
    let row = entry(&sh.list, i);
    assert_eq!(row.counts.errors, [2, 0, 0, 0], "{row:#?}");
    assert!(row.first.is_some());
    assert_eq!(row.path, files[i]);
    assert_eq!(sh.list.loaded, 3, "a row set again is not loaded twice");
    assert_eq!(std::fs::read(&files[i]).unwrap(), original, "not written");
    if let Some(j) = journal_file(&files[i]) {
        assert!(!j.exists(), "discard removes the journal {j:?}");
    }
    assert_eq!(
        batch::Counts::of(&rules::check(&crate::load(&files[i]).unwrap())).total_errors(),
        2
    );
    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    assert!(line(buf, 0).contains("3 of 3 shown"), "{}", screen(buf));

    // Opening it again reads the file: the two errors are back in the
    // review, and closing without edits puts them back on the row.
    select(&mut sh, i);
    sk(&mut sh, KeyCode::Enter);
    assert_eq!(sh.review.as_ref().unwrap().1.counts().0, 2);
    sk(&mut sh, KeyCode::Esc);
    assert!(sh.review.is_none(), "Esc without edits leaves at once");
    assert_eq!(entry(&sh.list, i).counts.errors, [2, 0, 0, 0]);
}

#[test]
fn esc_leaves_the_review_and_esc_in_the_cell_editor_only_cancels_the_edit() {
    let (_dir, files) = copies(&[SINGLE, "seed-000.txt"]);
    let mut sh = loaded(files.clone());
    select(&mut sh, 0);
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_some());
    // A digit starts editing; Esc cancels the edit, not the review.
    sc(&mut sh, '7');
    assert!(matches!(
        sh.review.as_ref().unwrap().1.mode,
        Mode::Editing(_)
    ));
    sk(&mut sh, KeyCode::Esc);
    let app = &sh.review.as_ref().expect("still reviewing").1;
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.dirty);
    // ? then Esc: the help closes, the review stays.
    sc(&mut sh, '?');
    assert!(matches!(sh.review.as_ref().unwrap().1.mode, Mode::Help));
    sk(&mut sh, KeyCode::Esc);
    assert!(matches!(sh.review.as_ref().unwrap().1.mode, Mode::Normal));

    // An edit, then Esc: the same prompt as q; Esc in it cancels.
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    sk(&mut sh, KeyCode::Esc);
    let app = &sh.review.as_ref().expect("prompt first").1;
    assert!(matches!(app.mode, Mode::QuitPrompt));
    sk(&mut sh, KeyCode::Esc);
    let app = &sh.review.as_ref().expect("Esc cancels the prompt").1;
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.dirty);
    sk(&mut sh, KeyCode::Esc);
    sc(&mut sh, 'd');
    assert!(sh.review.is_none());
    // The edit was discarded: the row shows the file's own counts again.
    assert_eq!(entry(&sh.list, 0).counts.total_errors(), 2);
    // q in the list quits the shell.
    assert!(!sh.quit);
    sc(&mut sh, 'q');
    assert!(sh.quit);
}

#[test]
fn save_from_the_review_writes_beside_the_input_and_updates_the_row() {
    let (dir, files) = copies(&[SINGLE]);
    let original = std::fs::read(&files[0]).unwrap();
    let mut sh = loaded(files.clone());
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, 'q');
    sc(&mut sh, 's');
    assert!(sh.review.is_none());
    let saved = dir.path().join("variant-single-wrong-cell.normalized.txt");
    let report = crate::load(&saved).expect("saved beside the input");
    assert!(rules::check(&report).iter().all(|f| !f.is_error()));
    assert_eq!(std::fs::read(&files[0]).unwrap(), original);
    let row = entry(&sh.list, 0);
    assert_eq!(row.counts.total_errors(), 0);
    assert_eq!(row.path, files[0], "the row still names the input");
}

#[test]
fn open_and_close_without_edits_keeps_every_rows_counts() {
    // Copies: a journal someone left for a sample path would open the
    // review on its restore prompt.
    let names: Vec<String> = sample_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (_dir, files) = copies(&names);
    let mut sh = loaded(files);
    let before: Vec<Summary> = sh.list.entries.iter().map(|e| e.clone().unwrap()).collect();
    for (i, was) in before.iter().enumerate() {
        select(&mut sh, i);
        sk(&mut sh, KeyCode::Enter);
        let (open, app) = sh.review.as_ref().expect("opens");
        assert_eq!(*open, i);
        assert_eq!(
            Counts::of(&app.findings),
            was.counts,
            "review and list agree on {:?}",
            was.path
        );
        sk(&mut sh, KeyCode::Esc);
        assert!(sh.review.is_none(), "{:?}", was.path);
        assert_eq!(entry(&sh.list, i), was, "{:?}", was.path);
    }
}

/// Two years of one agency (2023, 2024), the 2024 二、上年结转 row off by
/// one column from the 2023 四、结转下年度继续办理 row, and a third agency.
fn two_years(dir: &Path, prev_ext: &str) -> Vec<PathBuf> {
    let base = std::fs::read_to_string(sample("variant-nonzero-clean.txt")).unwrap();
    let title = "卫东区政务服务和大数据管理局 2023 年";
    assert!(base.contains(title));
    let carried = "二、上年结转政府信息公开申请数量\t\t2\t1\t0\t0\t0\t0\t3";
    assert!(base.contains(carried));
    let y2024 = base
        .replacen(title, "卫东区政务服务和大数据管理局 2024 年", 1)
        .replacen(
            carried,
            "二、上年结转政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t3",
            1,
        );
    let other = y2024.replacen("卫东区政务服务和大数据管理局", "西工区城市管理局", 1);
    let prev = if prev_ext == "txt" {
        let p = dir.join("a-2023.txt");
        std::fs::write(&p, &base).unwrap();
        p
    } else {
        let p = dir.join(format!("a-2023.{prev_ext}"));
        std::fs::copy(
            PathBuf::from("sample-reports")
                .join(prev_ext)
                .join(format!("variant-nonzero-clean.{prev_ext}")),
            &p,
        )
        .unwrap();
        p
    };
    let now = dir.join("b-2024.txt");
    std::fs::write(&now, y2024).unwrap();
    let third = dir.join("c-other-2024.txt");
    std::fs::write(&third, other).unwrap();
    vec![prev, now, third]
}

#[test]
fn consecutive_years_are_paired_and_the_review_checks_carry_over() {
    let dir = tempfile::tempdir().unwrap();
    let files = two_years(dir.path(), "txt");
    let mut sh = loaded(files);
    assert_eq!(sh.pairs, [(1, 0)].into_iter().collect());
    let carry = 3; // Family::CarryOver
    assert_eq!(entry(&sh.list, 1).counts.errors[carry], 1);
    assert_eq!(entry(&sh.list, 0).counts.errors[carry], 0);
    assert_eq!(entry(&sh.list, 2).counts.errors[carry], 0, "not paired");
    for i in 0..3 {
        assert_eq!(entry(&sh.list, i).counts, expected_counts(&sh, i));
    }
    // Sorted by carry-over, the 2024 file comes first.
    while sh.list.sort != SortKey::Family(Family::CarryOver) {
        sc(&mut sh, 'o');
    }
    assert_eq!(sh.list.visible()[0], 1);
    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    let carry_x = x_of(buf, 1, "Carry").unwrap();
    assert_eq!(text_at(buf, carry_x, FIRST_ROW_Y, 5).trim(), "1");
    // The review checks against last year too; closing keeps the count.
    sk(&mut sh, KeyCode::Enter);
    let app = &sh.review.as_ref().unwrap().1;
    assert_eq!(
        app.findings
            .iter()
            .filter(|f| f.rule == rules::Rule::CarryOver)
            .count(),
        1
    );
    sk(&mut sh, KeyCode::Esc);
    assert_eq!(entry(&sh.list, 1).counts.errors[carry], 1);
}

#[test]

fn a_previous_year_in_a_word_file_is_paired_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let files = two_years(dir.path(), "docx");
    let summary = crate::service::CheckRun::new(files.to_vec(), None).summaries();
    assert_eq!(summary[1].counts.errors[3], 1, "check --summary pairs them");
    let sh = loaded(files);
    assert_eq!(sh.pairs, [(1, 0)].into_iter().collect());
    assert_eq!(entry(&sh.list, 1).counts, summary[1].counts);
}

#[test]

fn a_row_that_leaves_the_errors_only_view_moves_the_selection_to_a_row_that_opens() {
    // Errors only; the last row is opened, fixed and closed: it leaves the
    // view. The selection must still name a row Enter opens.
    let (_dir, files) = copies(&["variant-appeals-broken.txt", SINGLE, "seed-000.txt"]);
    let mut sh = loaded(files);
    sc(&mut sh, 'e');
    assert_eq!(sh.list.visible().len(), 2);
    let single = index_of(&sh.list, SINGLE);
    select(&mut sh, single);
    sk(&mut sh, KeyCode::Enter);
    sc(&mut sh, ']');
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    // q, s: save (beside the temp copy) and back; the row is fixed.
    sc(&mut sh, 'q');
    sc(&mut sh, 's');
    assert!(sh.review.is_none());
    let rows = sh.list.visible();
    assert_eq!(rows.len(), 1, "the fixed row left the errors-only view");
    // The drawn selection is the remaining row; Enter opens it.
    let t = render_shell(&sh, 160, 40);
    let theme = Theme::default_theme();
    assert_style_is(
        &t.backend().buffer()[(1, FIRST_ROW_Y)],
        theme.selection,
        "drawn selected",
    );
    sk(&mut sh, KeyCode::Enter);
    assert_eq!(
        sh.review.as_ref().map(|(i, _)| *i),
        Some(rows[0]),
        "Enter opens the row drawn as selected"
    );
}

#[test]
fn read_as_column_shows_the_whole_encoding_at_160_columns() {
    let sh = loaded(vec![sample("variant-crlf-bom.txt")]);
    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    assert!(find(buf, "UTF-8 (BOM)").is_some(), "{}", screen(buf));
}
