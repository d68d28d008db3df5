use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::App;
use super::theme::Theme;
use super::view;

fn app_for(name: &str) -> App {
    let path = PathBuf::from("sample-reports").join(name);
    let report = nianbao::load(Path::new(&path)).expect("load sample");
    App::new(report, Some(path), Theme::default_theme())
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, app)).unwrap();
    t
}

fn line(buf: &Buffer, y: u16) -> String {
    let mut s = String::new();
    let mut skip = 0u16;
    for x in 0..buf.area.width {
        let c = &buf[(x, y)];
        if skip == 0 {
            s.push_str(c.symbol());
        }
        skip = skip.max(c.cell_width()).saturating_sub(1);
    }
    s
}

#[test]
fn dump() {
    let mut app = app_for("variant-single-wrong-cell.txt");
    for (w, h) in [(200, 50), (80, 24)] {
        let t = render(&app, w, h);
        for y in 0..h { println!("{}", line(t.backend().buffer(), y)); }
    }
    press(&mut app, KeyCode::Char(']'));
    for (w, h) in [(200, 50), (80, 24)] {
        let t = render(&app, w, h);
        for y in 0..h { println!("{}", line(t.backend().buffer(), y)); }
    }
}
