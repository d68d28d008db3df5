//! The folder list on screen: columns, selection, the gauge, unreadable files.

use super::support::*;

#[test]
fn draws_at_160x40_with_header_selection_and_aligned_columns() {
    let files = listed_files();
    let n = files.len();
    let mut sh = loaded(files);
    let theme = Theme::default_theme();
    lc(&mut sh.list, 'j');
    lc(&mut sh.list, 'j');
    // Tall enough for every sample (more are added as layouts are learnt).
    let h = (n as u16 + 12).max(40);
    let t = render_shell(&sh, 160, h);
    let buf = t.backend().buffer();
    let title = line(buf, 0);
    assert!(
        title.contains(&format!("报告 · 显示 {n} / {n} 份 · 按问题数排序 ↓")),
        "{title}"
    );
    // No gauge once everything is read.
    assert!(find(buf, "读取中").is_none(), "{}", screen(buf));

    let header = line(buf, 1);
    for h in [
        "机关",
        "年度",
        "文件",
        "编码",
        "合计",
        "版式",
        "正文",
        "结转",
        "总数",
        "首个问题",
    ] {
        assert!(header.contains(h), "{h} in {header:?}");
    }
    assert_style_is(&buf[(1, 1)], theme.header, "column header");
    let year_x = x_of(buf, 1, "年度").unwrap();
    let file_x = x_of(buf, 1, "文件").unwrap();
    let enc_x = x_of(buf, 1, "编码").unwrap();

    let rows = sh.list.visible();
    assert_eq!(rows.len(), n);
    let mut cjk_widths = std::collections::BTreeSet::new();
    for (k, &i) in rows.iter().enumerate() {
        let y = FIRST_ROW_Y + k as u16;
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
            super::super::width::pad_right(crate::decode::display_name(&s.encoding), 13),
            "encoding column of row {k}: {shown}"
        );
        if !s.agency.is_ascii() {
            cjk_widths.insert(super::super::width::width(&s.agency));
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
    assert!(line(buf, h - 1).contains("o 排序"), "{}", line(buf, h - 1));
}

#[test]
fn draws_at_80x24_and_keeps_the_selection_in_view() {
    let files = listed_files();
    let n = files.len();
    let mut sh = loaded(files);
    let theme = Theme::default_theme();
    let t = render_shell(&sh, 80, 24);
    let buf = t.backend().buffer();
    assert!(
        line(buf, 0).contains(&format!("显示 {n} / {n} 份")),
        "{}",
        line(buf, 0)
    );
    let header = line(buf, 1);
    for h in ["机关", "年度", "文件", "编码"] {
        assert!(header.contains(h), "{h} in {header:?}");
    }
    let year_x = x_of(buf, 1, "年度").unwrap();
    let file_x = x_of(buf, 1, "文件").unwrap();
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
    let files = listed_files();
    let n = files.len();
    let summaries = crate::service::CheckRun::new(files[..5].to_vec(), None).summaries();
    let mut list = ListApp::new(files);
    assert!(list.loading());
    let t = render_list(&list, 160, 40);
    let buf = t.backend().buffer();
    assert!(
        line(buf, 38).contains(&format!("读取中 0 / {n}")),
        "{}",
        screen(buf)
    );
    assert!(line(buf, 0).contains(&format!("显示 0 / {n} 份")));
    assert!(
        find(buf, "没有符合的报告。").is_none(),
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
            gauge.contains(&format!("读取中 3 / {n}")),
            "{w}x{h}: {gauge}"
        );
        assert!(
            line(buf, 0).contains(&format!("显示 3 / {n} 份")),
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
    assert!(find(buf, "读取中").is_none(), "{}", screen(buf));
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
        let load_err = crate::load(&files[i]).unwrap_err();
        assert_eq!(err, load_err.reason(crate::i18n::lang()));
        assert!(!err.contains(&*files[i].to_string_lossy()), "{err}");
        assert_eq!(row.agency, "");
        assert_eq!(row.counts, Counts::default());
        assert_eq!(row.year, None);
    }
    assert!(
        entry(&sh.list, 2)
            .error
            .as_deref()
            .unwrap()
            .contains("二进制") // the reason in the default language
    );
    assert!(
        entry(&sh.list, 3)
            .error
            .as_deref()
            .unwrap()
            .contains("文件不存在")
    );

    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    // Unreadable rows sort first (errors ↓) and say why.
    for k in 0..2u16 {
        let l = line(buf, FIRST_ROW_Y + k);
        assert!(l.contains("无法读取："), "{l}");
    }
    let l = line(buf, FIRST_ROW_Y);
    assert!(l.contains("broken"), "file order among equals: {l}");
    // The reason, not the path again (the row names the file; a long
    // path pushed the reason off the row).
    assert!(l.contains("无法读取：像是二进制数据"), "{l}");
    let l = line(buf, FIRST_ROW_Y + 1);
    assert!(l.contains("无法读取：文件不存在"), "{l}");

    // Enter on it: no review, a message on the status line.
    assert_eq!(sh.list.visible()[0], 2);
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_none());
    assert!(!sh.quit);
    let msg = sh.list.message.clone().expect("a message");
    assert!(
        msg.contains("broken.txt") && msg.contains("二进制"),
        "{msg}"
    );
    let t = render_shell(&sh, 160, 40);
    let status = line(t.backend().buffer(), 39);
    assert!(status.contains("像是二进制数据"), "{status}");
    assert!(line(t.backend().buffer(), 0).contains("报告"));
    // The next key clears the message.
    sk(&mut sh, KeyCode::Down);
    assert!(sh.list.message.is_none());
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_none());
    assert!(sh.list.message.as_deref().unwrap().contains("文件不存在"));

    // A file removed after it was listed: a message, not a review.
    let single = index_of(&sh.list, SINGLE);
    std::fs::remove_file(&files[single]).unwrap();
    select(&mut sh, single);
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_none());
    assert!(sh.list.message.as_deref().unwrap().contains("文件不存在"));
    assert_eq!(
        entry(&sh.list, single).counts.errors,
        [2, 0, 0, 0],
        "the row keeps its counts"
    );
}

#[test]
fn read_as_column_shows_the_whole_encoding_at_160_columns() {
    let sh = loaded(vec![sample("variant-crlf-bom.txt")]);
    let t = render_shell(&sh, 160, 40);
    let buf = t.backend().buffer();
    assert!(find(buf, "UTF-8 (BOM)").is_some(), "{}", screen(buf));
}

/// A report with a saved normalized copy beside it is marked, with the
/// copy's own counts; a report without one is not. A save from the review
/// makes the mark appear.
#[test]
fn reports_with_a_saved_copy_are_marked_with_its_counts() {
    let (dir, files) = copies(&[SINGLE, "variant-appeals-broken.txt"]);
    let mut fixed = crate::load(&files[0]).unwrap();
    fixed.set_cell(TableId::Requests, 0, 1, "4");
    let copy = dir.path().join("variant-single-wrong-cell.normalized.txt");
    std::fs::write(&copy, crate::normalize::normalize(&fixed)).unwrap();
    let copy_counts = Counts::of(&rules::check(&crate::load(&copy).unwrap()));
    assert_eq!(copy_counts.total_errors(), 0);

    let mut sh = loaded(files.clone());
    let single = index_of(&sh.list, SINGLE);
    let appeals = index_of(&sh.list, "variant-appeals-broken.txt");
    assert_eq!(entry(&sh.list, single).saved, Some(copy_counts));
    assert_eq!(
        entry(&sh.list, single).counts.total_errors(),
        2,
        "the file's own"
    );
    assert_eq!(entry(&sh.list, appeals).saved, None);

    let t = render_list(&sh.list, 180, 20);
    let buf = t.backend().buffer();
    let head = line(buf, FIRST_ROW_Y - 1);
    assert!(head.contains(s::t(crate::i18n::Key::TuiColSaved)), "{head}");
    let row_of = |name: &str| {
        (FIRST_ROW_Y..buf.area.bottom())
            .map(|y| line(buf, y))
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}:\n{}", screen(buf)))
    };
    assert!(
        row_of("variant-single-wrong").contains(&s::list_saved("·")),
        "{}",
        screen(buf)
    );
    assert!(!row_of("variant-appeals-broken.txt").contains(s::SAVED_MARK));
    // The legend explains the mark.
    assert!(s::LEGEND.iter().any(|(m, _)| *m == s::SAVED_MARK));

    // Save from a review of the other report: its row gets the mark.
    select(&mut sh, appeals);
    sk(&mut sh, KeyCode::Enter);
    assert!(sh.review.is_some());
    sc(&mut sh, 's');
    sc(&mut sh, 'q');
    assert!(sh.review.is_none());
    let saved = entry(&sh.list, appeals)
        .saved
        .expect("marked after the save");
    assert_eq!(saved, entry(&sh.list, appeals).counts);
}
