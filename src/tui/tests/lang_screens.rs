//! Every screen and mode in both languages: nothing overflows, no key hint
//! is cut in the middle, every catalogue string the screens use fits, and
//! snapshots of the review screen, the list and the help in Chinese and
//! English at 80×24 and 200×50.
//!
//! The language is set per test thread (`i18n::with_lang`), so these run
//! beside the Chinese-default tests.

use super::support::*;
use crate::i18n::{self, Key, Lang};

use super::super::width::width;

/// A few real reports for the list: fixed, so the snapshots do not move
/// when a sample is added.
fn list_files() -> Vec<PathBuf> {
    [
        "real-01-shuyang-2025.txt",
        "real-02-shanghai-stcsm-2024.txt",
        "real-03-shanghai-govoffice-2025.txt",
        "variant-single-wrong-cell.txt",
        "variant-invalid-cells.txt",
        "variant-missing-appeals.txt",
    ]
    .iter()
    .map(|n| sample(n))
    .collect()
}

/// Every mode of the review screen, by the keys that reach it.
fn review_modes() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    out.push(("normal", single_on_requests()));
    let mut help = single_on_requests();
    ch(&mut help, '?');
    out.push(("help", help));
    let mut outline = single_on_requests();
    ch(&mut outline, 'o');
    out.push(("outline", outline));
    let mut search = single_on_requests();
    ch(&mut search, '/');
    type_text(&mut search, "商业");
    out.push(("search", search));
    let mut editor = single_on_requests();
    press(&mut editor, KeyCode::Right);
    ch(&mut editor, '4');
    out.push(("editor", editor));
    let mut quit = single_on_requests();
    press(&mut quit, KeyCode::Right);
    ch(&mut quit, '4');
    press(&mut quit, KeyCode::Enter);
    ch(&mut quit, 'q');
    out.push(("quit prompt", quit));
    let mut restore = single_on_requests();
    restore.mode = Mode::RestorePrompt { changes: 2 };
    out.push(("restore prompt", restore));
    let mut line = single_on_requests();
    press(&mut line, KeyCode::Tab);
    press(&mut line, KeyCode::Tab);
    press(&mut line, KeyCode::Enter);
    out.push(("line editor", line));
    let mut invalid = single_on_requests();
    press(&mut invalid, KeyCode::Right);
    type_text(&mut invalid, "4x");
    press(&mut invalid, KeyCode::Enter);
    out.push(("message", invalid));
    out
}

/// The hints a screen can show, as `key word`.
fn all_hints() -> Vec<String> {
    [
        &keymap::NORMAL,
        &keymap::EDITOR,
        &keymap::LINE_EDITOR,
        &keymap::SEARCH,
        &keymap::OUTLINE,
        &keymap::QUIT_PROMPT,
        &keymap::BACK_PROMPT,
        &keymap::RESTORE_PROMPT,
        &keymap::LIST,
        &keymap::LIST_CONFIRM_QUIT,
        &keymap::LIST_FILTER,
    ]
    .iter()
    .flat_map(|m| m.hint_list())
    .collect()
}

/// No row wider than the screen, no wide character split at the edge, and
/// no hint cut inside: `o 排…` or `Enter com…` never appear.
#[track_caller]
fn assert_fits(buf: &Buffer, what: &str) {
    let hints = all_hints();
    for y in 0..buf.area.height {
        let row = line(buf, y);
        assert!(
            width(&row) <= buf.area.width as usize,
            "{what}: row {y} is {} wide: {row:?}",
            width(&row)
        );
        if !row.contains('…') {
            continue;
        }
        for h in &hints {
            let chars: Vec<char> = h.chars().collect();
            let key_len = h.find(' ').map_or(0, |k| h[..k].chars().count());
            for cut in key_len + 1..chars.len() {
                let part: String = chars[..cut].iter().collect();
                assert!(
                    !row.contains(&format!(" {part}…")),
                    "{what}: hint {h:?} cut in row {y}: {row:?}"
                );
            }
        }
    }
}

#[test]
fn every_review_mode_fits_in_both_languages_at_80x24_and_60x15() {
    for lang in Lang::ALL {
        i18n::with_lang(lang, || {
            for (what, app) in review_modes() {
                for (w, h) in [(80, 24), (60, 15)] {
                    let t = render(&app, w, h);
                    let buf = t.backend().buffer();
                    let what = format!("{lang:?} {what} {w}×{h}");
                    assert_fits(buf, &what);
                    if lang == Lang::Zh && matches!(app.mode, Mode::Normal | Mode::Editing(_)) {
                        assert_not_garbled(&app, buf, &what);
                    }
                }
            }
        });
    }
}

#[test]
fn the_list_fits_in_both_languages_at_80x24_and_60x15() {
    for lang in Lang::ALL {
        i18n::with_lang(lang, || {
            let mut sh = loaded(list_files());
            for (w, h) in [(80, 24), (60, 15)] {
                let t = render_shell(&sh, w, h);
                assert_fits(t.backend().buffer(), &format!("{lang:?} list {w}×{h}"));
            }
            sc(&mut sh, '/');
            sc(&mut sh, 'x');
            for (w, h) in [(80, 24), (60, 15)] {
                let t = render_shell(&sh, w, h);
                assert_fits(t.backend().buffer(), &format!("{lang:?} filter {w}×{h}"));
            }
            sk(&mut sh, KeyCode::Enter);
            sk(&mut sh, KeyCode::Esc); // clear the filter
            sk(&mut sh, KeyCode::Esc); // ask to quit
            assert!(sh.list.confirm_quit);
            for (w, h) in [(80, 24), (60, 15)] {
                let t = render_shell(&sh, w, h);
                assert_fits(t.backend().buffer(), &format!("{lang:?} confirm {w}×{h}"));
            }
        });
    }
}

/// Every string of the screens' catalogue, measured: a title, a message or
/// a hint fits on an 80-column row (78 inside a box); a help text fits
/// beside its key in the 80-column help (78 - 10).
#[test]
fn every_screen_string_fits_80_columns_in_both_languages() {
    let mut wide = Vec::new();
    for &key in Key::ALL {
        let name = format!("{key:?}");
        let room = if name.starts_with("Kh") {
            68
        } else if name.starts_with("Tui") || name.starts_with("Hint") {
            78
        } else {
            continue;
        };
        for lang in Lang::ALL {
            let text = lang.text(key);
            // Placeholders are filled with short values on screen; measure
            // the words around them.
            let words = i18n::fill(text, &[]);
            if width(&words) > room {
                wide.push(format!(
                    "{lang:?} {name}: {} > {room}: {text}",
                    width(&words)
                ));
            }
        }
    }
    assert!(wide.is_empty(), "too wide: {wide:#?}");
}

fn snapshot_name(what: &str, lang: Lang, w: u16, h: u16) -> String {
    format!("{what}_{}_{w}x{h}", lang.code())
}

#[test]
fn snapshots_of_review_list_and_help_in_both_languages() {
    for lang in Lang::ALL {
        i18n::with_lang(lang, || {
            let review = single_on_requests();
            let mut help = single_on_requests();
            ch(&mut help, '?');
            let sh = loaded(list_files());
            for (w, h) in [(80, 24), (200, 50)] {
                let t = render(&review, w, h);
                insta::assert_snapshot!(snapshot_name("review", lang, w, h), t.backend());
                let t = render(&help, w, h);
                insta::assert_snapshot!(snapshot_name("help", lang, w, h), t.backend());
                let t = render_shell(&sh, w, h);
                insta::assert_snapshot!(snapshot_name("list", lang, w, h), t.backend());
            }
        });
    }
}

#[test]
fn english_screens_say_english_and_chinese_screens_chinese() {
    let app = single_on_requests();
    let zh = i18n::with_lang(Lang::Zh, || {
        screen(render(&app, 200, 50).backend().buffer())
    });
    let en = i18n::with_lang(Lang::En, || {
        screen(render(&app, 200, 50).backend().buffer())
    });
    assert!(zh.contains("问题 · 2 个错误 0 个警告"), "{zh}");
    assert!(zh.contains("✗ 总计列"), "{zh}");
    assert!(en.contains("Findings · 2 errors 0 warnings"), "{en}");
    assert!(en.contains("✗ row total"), "{en}");
    // The rule id stays in the detail line in both.
    let id = app.selected_finding().map(|f| f.rule.to_string());
    if let Some(id) = id {
        assert!(zh.contains(&id) && en.contains(&id), "{id}");
    }
    for word in ["Findings", "errors", "help", "next error"] {
        assert!(!zh.contains(word), "{word} on the Chinese screen: {zh}");
    }
}

#[test]
fn journal_messages_count_one_change_in_the_singular() {
    // "An earlier session left 1 unsaved change(s) …": one and many each
    // said as English says them.
    let (one, two, restored, stale) = i18n::with_lang(Lang::En, || {
        (
            s::restore_text(1),
            s::restore_text(2),
            s::restored(1),
            s::stale_journal(1, "x.journal"),
        )
    });
    assert_eq!(
        one,
        "An earlier session left 1 unsaved change to this file in the journal."
    );
    assert_eq!(
        two,
        "An earlier session left 2 unsaved changes to this file in the journal."
    );
    assert_eq!(restored, "Restored 1 change from the journal; s saves it");
    assert!(
        stale.starts_with("Journal of 1 change not applied"),
        "{stale}"
    );
    for m in [&one, &two, &restored, &stale] {
        assert!(!m.contains("(s)"), "{m}");
    }
    assert_eq!(
        s::restore_text(1),
        "上次会话在日志中留下了对此文件的 1 处未保存修改。"
    );
}
