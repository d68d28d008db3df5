//! The coordinator's view over 1 000 generated reports on disk: the list's
//! loader (pair the years, read, check and summarise every file, drained
//! into the shell) and `check --summary` (`service::CheckRun::summaries`).

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::mpsc::channel;

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao::{batch, corpus, tui};

const REPORTS: u64 = 1000;

/// Write the corpus into a temporary folder; the files as the list gets
/// them.
fn setup() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..REPORTS {
        let g = corpus::generate(2024, i);
        std::fs::write(dir.path().join(format!("report-{i:05}.txt")), g.text)
            .expect("write report");
    }
    let files = batch::expand(&[dir.path().to_path_buf()]);
    assert_eq!(files.len(), REPORTS as usize);
    (dir, files)
}

fn batch_view(c: &mut Criterion) {
    let (_dir, files) = setup();
    let theme = tui::theme::Theme::default_theme();
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.bench_function("list 1000 reports with counts", |b| {
        b.iter(|| {
            let (tx, rx) = channel();
            tui::shell::load_all(&files, &tx);
            drop(tx);
            let mut shell = tui::shell::Shell::new(files.clone(), theme.clone());
            shell.drain(&rx);
            assert!(!shell.list.loading());
            black_box(shell.list.visible().len())
        })
    });
    g.bench_function("check --summary over 1000 reports", |b| {
        b.iter(|| {
            black_box(nianbao::service::CheckRun::new(black_box(&files).to_vec(), None).summaries())
        })
    });
    g.finish();
}

criterion_group!(benches, batch_view);
criterion_main!(benches);
