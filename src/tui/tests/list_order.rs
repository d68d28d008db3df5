//! The folder list: loading, sorting, filtering.

use super::support::*;

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
        // Pinyin first (北京 before 上海 before 卫东), then the name.
        SortKey::Agency => Key::Name(format!(
            "{}\u{0}{}",
            crate::batch::pinyin_key(&s.agency),
            s.agency
        )),
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

#[test]
fn folder_loads_one_row_per_file_with_its_counts() {
    let files = listed_files();
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
    let mut files = listed_files();
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
            "问题数",
            "合计",
            "版式",
            "正文",
            "结转",
            "机关",
            "文件",
            "编码"
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
            title.contains(&format!("按{}排序 {arrow}", want.name())),
            "{title}"
        );
    }
    assert_eq!(list.sort, SortKey::Errors, "o comes round to errors");

    // Spot check of the names: agencies by pinyin, 北京 (bei) before 上海
    // (shang) before 卫东 (wei), not by code point (上 < 北 < 卫).
    while list.sort != SortKey::Agency {
        lc(list, 'o');
    }
    let agencies: Vec<String> = list
        .visible()
        .iter()
        .map(|&i| entry(list, i).agency.clone())
        .collect();
    let first = |p: &str| agencies.iter().position(|a| a.starts_with(p)).unwrap();
    assert!(first("北京") < first("上海"), "{agencies:?}");
    assert!(first("上海") < first("卫东"), "{agencies:?}");
}

#[test]
fn big_o_reverses_every_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = listed_files();
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
    let mut sh = loaded(listed_files());
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
    assert!(line(buf, 39).contains("筛选：上海"), "{}", line(buf, 39));
    assert!(
        line(buf, 0).contains(&format!("显示 2 / {n} 份")),
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
    assert!(find(t.backend().buffer(), "没有符合的报告。").is_some());
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
    assert!(status.contains("筛选：SHANGHAI"), "{status}");
    assert!(
        !status.contains('▏'),
        "no cursor once typing ended: {status}"
    );
    // Esc again (not filtering) clears the filter: back to every row.
    assert_eq!(lk(list, KeyCode::Esc), Outcome::None);
    assert_eq!(list.filter, "");
    assert_eq!(list.visible().len(), n);
    // With nothing to clear, Esc asks; any other key stays, y quits.
    assert_eq!(lk(list, KeyCode::Esc), Outcome::None);
    assert!(list.confirm_quit);
    let t = render_list(list, 160, 40);
    let status = line(t.backend().buffer(), 39);
    assert!(
        status.contains(s::t(crate::i18n::Key::TuiListConfirmQuit)),
        "{status}"
    );
    assert!(
        status.contains(&keymap::LIST_CONFIRM_QUIT.hints()),
        "{status}"
    );
    assert_eq!(lc(list, 'n'), Outcome::None);
    assert!(!list.confirm_quit);
    assert_eq!(lk(list, KeyCode::Esc), Outcome::None);
    assert_eq!(lc(list, 'y'), Outcome::Quit);
    // q quits at once.
    assert_eq!(lc(list, 'q'), Outcome::Quit);
}

#[test]
fn e_shows_only_rows_with_errors_or_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = listed_files();
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
        line(buf, 0).contains(&format!("显示 {} / {n} 份", want.len())),
        "{}",
        line(buf, 0)
    );
    assert!(line(buf, 39).contains("只看错误"), "{}", line(buf, 39));
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
