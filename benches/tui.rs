//! TUI benchmarks: one full frame at 200×50 on TestBackend, and the
//! keystroke path (edit commit + rules + frame).

use nianbao::tui;

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn sample_app() -> tui::app::App {
    let report = nianbao::parse::parse(tui::SAMPLE, "UTF-8");
    let mut app = tui::app::App::new(report, None, tui::theme::Theme::default_theme());
    app.on_key(key(']')); // the requests table
    app
}

fn render(c: &mut Criterion) {
    let app = sample_app();
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    c.bench_function("tui/frame 200x50 (requests table)", |b| {
        b.iter(|| {
            terminal
                .draw(|f| tui::view::draw(f, black_box(&app)))
                .expect("draw");
        })
    });
    let mut outlined = sample_app();
    outlined.on_key(key('o'));
    c.bench_function("tui/frame 200x50 with the outline shown", |b| {
        b.iter(|| {
            terminal
                .draw(|f| tui::view::draw(f, black_box(&outlined)))
                .expect("draw");
        })
    });
    let real = nianbao::load(std::path::Path::new(
        "sample-reports/real-03-shanghai-govoffice-2025.txt",
    ))
    .expect("real-03");
    let mut real_app = tui::app::App::new(real, None, tui::theme::Theme::default_theme());
    real_app.on_key(key('o'));
    c.bench_function(
        "tui/frame 200x50 with the outline (real-03, a missing section)",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|f| tui::view::draw(f, black_box(&real_app)))
                    .expect("draw");
            })
        },
    );
    let mut small = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    c.bench_function("tui/frame 80x24", |b| {
        b.iter(|| {
            small
                .draw(|f| tui::view::draw(f, black_box(&app)))
                .expect("draw");
        })
    });
    c.bench_function("tui/keystroke: type 4, Enter, re-check, frame", |b| {
        b.iter_batched(
            sample_app,
            |mut app: tui::app::App| {
                app.on_key(key('4'));
                app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
                terminal.draw(|f| tui::view::draw(f, &app)).expect("draw");
                app
            },
            BatchSize::SmallInput,
        )
    });
    c.bench_function("tui/open: parse sample + first frame", |b| {
        b.iter(|| {
            let app = sample_app();
            terminal.draw(|f| tui::view::draw(f, &app)).expect("draw");
        })
    });
    let long = nianbao::corpus::with_long_narrative(5_000_000);
    let report = nianbao::parse::parse(&long, "UTF-8");
    let mut big = tui::app::App::new(report, None, tui::theme::Theme::default_theme());
    big.on_key(key('[')); // section 一 with the 5 MB narrative
    c.bench_function("tui/frame with a 5 MB narrative section", |b| {
        b.iter(|| {
            terminal
                .draw(|f| tui::view::draw(f, black_box(&big)))
                .expect("draw");
        })
    });
    c.bench_function(
        "tui/keystroke on a 5 MB report: edit + re-check + frame",
        |b| {
            b.iter(|| {
                big.on_key(key(']'));
                big.on_key(key(']'));
                big.on_key(key('7'));
                big.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
                terminal.draw(|f| tui::view::draw(f, &big)).expect("draw");
                big.on_key(key('['));
                big.on_key(key('['));
            })
        },
    );
    c.bench_function("tui/scroll a 5 MB narrative (PgDn + frame)", |b| {
        b.iter(|| {
            big.on_key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
            terminal.draw(|f| tui::view::draw(f, &big)).expect("draw");
        })
    });
}

criterion_group!(benches, render);
criterion_main!(benches);
