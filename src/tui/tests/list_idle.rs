//! The list screen at rest: it draws only after input, a loader message or
//! a resize, and waits longer for input once every file is in (issue 14:
//! redrawing every 50 ms while idle cost 6 % of a core with 20 000 files).

use super::support::*;
use ratatui::crossterm::event::Event;

#[test]
fn an_idle_list_does_not_redraw() {
    let (_dir, files) = copies(&[SINGLE, SHIFTED, "variant-appeals-broken.txt"]);
    let mut sh = Shell::new(files.clone(), Theme::default_theme());
    sh.journal_dir = Some(test_journal_dir());
    // The first frame.
    assert!(sh.take_redraw());
    assert!(!sh.take_redraw(), "asked once, drawn once");

    // Loading: rows arrive, each batch asks for a frame; short waits.
    assert!(sh.list.loading());
    assert_eq!(sh.poll_timeout(), shell::POLL_LOADING);
    let (tx, rx) = channel();
    assert!(!sh.drain(&rx));
    assert!(!sh.take_redraw(), "nothing came: no frame");
    shell::load_all(&files, &tx);
    assert!(sh.drain(&rx));
    assert!(sh.take_redraw(), "rows came: a frame");
    assert!(!sh.list.loading());

    // Idle: no message, no key: many turns of the loop, no frame; the wait
    // for input is the long one.
    for _ in 0..100 {
        assert!(!sh.drain(&rx));
        assert!(!sh.take_redraw());
    }
    assert_eq!(sh.poll_timeout(), shell::POLL_IDLE);
    assert!(shell::POLL_IDLE > shell::POLL_LOADING);

    // A key: handled, and a frame shows it.
    let before = sh.list.selected;
    sh.on_event(Event::Key(key(KeyCode::Down)));
    assert_eq!(sh.list.selected, before + 1);
    assert!(sh.take_redraw());
    // A resize: a frame at the new size.
    sh.on_event(Event::Resize(100, 30));
    assert!(sh.take_redraw());
    // Focus changes draw nothing new.
    sh.on_event(Event::FocusGained);
    assert!(!sh.take_redraw());
    // The frame drawn is the list as it stands.
    let t = render_shell(&sh, 160, 40);
    assert!(
        line(t.backend().buffer(), 0).contains("显示 3 / 3 份"),
        "{}",
        screen(t.backend().buffer())
    );

    // In a review opened from the list, keys redraw too.
    sh.on_event(Event::Key(key(KeyCode::Enter)));
    assert!(sh.review.is_some());
    assert!(sh.take_redraw());
    sh.on_event(Event::Key(key(KeyCode::Char(']'))));
    assert!(sh.take_redraw());
}
