//! One writer per file: a second review screen on a file another screen
//! holds opens read-only and says who holds it; a lock left by a dead
//! process is taken over.

use super::support::*;

/// Open the only file of `sh` in its review, on the requests table.
fn open_review(sh: &mut Shell) {
    sk(sh, KeyCode::Enter);
    assert!(sh.review.is_some(), "Enter opens a review");
    sc(sh, ']');
}

fn review(sh: &Shell) -> &App {
    &sh.review.as_ref().expect("a review is open").1
}

#[test]
fn a_second_screen_on_the_same_file_is_read_only() {
    let (dir, files) = copies(&[SINGLE]);
    let out = dir.path().join("variant-single-wrong-cell.normalized.txt");
    let mut first = loaded(files.clone());
    let mut second = loaded(files.clone());
    open_review(&mut first);
    open_review(&mut second);
    let pid = std::process::id().to_string();

    // The second one says who holds the file, on the status line.
    let t = render_shell(&second, 200, 50);
    let st = status(t.backend().buffer());
    assert!(st.contains("[只读]"), "{st}");
    assert!(st.contains("只读") && st.contains(&pid), "{st}");
    assert!(!status(render_shell(&first, 200, 50).backend().buffer()).contains("只读"));
    // At 80 columns the reason reads whole (the holder's details may be cut).
    let narrow = status(render_shell(&second, 80, 24).backend().buffer());
    assert!(narrow.contains("只读：另一个 nianbao 正在编辑"), "{narrow}");
    crate::i18n::with_lang(crate::i18n::Lang::En, || {
        let mut english = loaded(files.clone());
        open_review(&mut english);
        let narrow = status(render_shell(&english, 80, 24).backend().buffer());
        assert!(
            narrow.contains("read-only: open in another nianbao"),
            "{narrow}"
        );
    });

    // It refuses to edit: a digit does not open the editor, the value stays.
    sk(&mut second, KeyCode::Right);
    sc(&mut second, '4');
    assert!(matches!(review(&second).mode, Mode::Normal));
    assert_eq!(raws(review(&second), TableId::Requests, 0)[1], "5");
    assert!(!review(&second).dirty);
    let refusal = message(review(&second)).unwrap_or_default().to_string();
    assert!(refusal.contains(&pid), "{refusal}");
    // Nor shift, paste, fix, or save.
    sc(&mut second, '>');
    second.on_paste("1\t2\t3");
    sc(&mut second, 'f');
    assert_eq!(raws(review(&second), TableId::Requests, 0)[1], "5");
    sc(&mut second, 's');
    assert!(!out.exists(), "a read-only screen does not save");
    assert!(message(review(&second)).unwrap_or_default().contains(&pid));
    // It journals nothing (the first screen's journal is not its own).
    assert!(review(&second).journal.is_none());

    // The first one edits and saves as usual.
    sk(&mut first, KeyCode::Right);
    sc(&mut first, '4');
    sk(&mut first, KeyCode::Enter);
    assert_eq!(raws(review(&first), TableId::Requests, 0)[1], "4");
    sc(&mut first, 's');
    assert!(out.exists(), "the writer saves");

    // Closed: the lock is released; the next screen is the writer.
    sc(&mut first, 'q');
    assert!(first.review.is_none());
    sc(&mut second, 'q');
    assert!(second.review.is_none());
    let mut third = loaded(files);
    open_review(&mut third);
    assert!(review(&third).read_only.is_none());
    // The first screen's save is offered as the starting point.
    assert!(matches!(review(&third).mode, Mode::SavedCopyPrompt));
    sk(&mut third, KeyCode::Enter);
    assert!(review(&third).journal.is_some());
    assert_eq!(raws(review(&third), TableId::Requests, 0)[1], "4");
}

#[test]
fn a_lock_left_by_a_dead_process_is_taken_over() {
    let (_dir, files) = copies(&[SINGLE]);
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = crate::lock::Holder {
        pid: dead,
        host: crate::lock::hostname(),
        since: 1_700_000_000,
    };
    let lock = crate::lock::lock_path(&test_journal_dir(), &files[0]);
    std::fs::create_dir_all(test_journal_dir()).unwrap();
    std::fs::write(&lock, serde_json::to_string(&stale).unwrap()).unwrap();

    let mut sh = loaded(files);
    open_review(&mut sh);
    assert!(review(&sh).read_only.is_none(), "taken over");
    let held: crate::lock::Holder =
        serde_json::from_str(std::fs::read_to_string(&lock).unwrap().trim()).unwrap();
    assert_eq!(held.pid, std::process::id());
    sk(&mut sh, KeyCode::Right);
    sc(&mut sh, '4');
    sk(&mut sh, KeyCode::Enter);
    assert_eq!(raws(review(&sh), TableId::Requests, 0)[1], "4");
    // Closing releases it: the lock file is gone.
    sc(&mut sh, 'q');
    sc(&mut sh, 'd');
    assert!(sh.review.is_none());
    assert!(!lock.exists());
}
