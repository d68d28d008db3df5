//! PDF benchmarks: read a PDF report (load, decrypt, interpret every page,
//! rebuild the text) and check it, as `nianbao check` does.
//! Target: a 5-page report read and checked in ≤ 30 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use nianbao::{ingest, parse, rules};
use std::hint::black_box;

/// LibreOffice export of the Word sample: 6 pages, embedded subset fonts
/// with ToUnicode maps.
const LIBREOFFICE: &[u8] = include_bytes!("../sample-reports/pdf/variant-row-total-broken.pdf");
/// reportlab, non-embedded STSong-Light (UniGB-UCS2-H), RC4-encrypted with
/// an empty user password: 3 pages.
const STSONG: &[u8] = include_bytes!("../sample-reports/pdf/stsong-owner-password.pdf");

fn read_and_check(bytes: &[u8]) -> usize {
    let doc = ingest::pdf::read(bytes).expect("readable PDF");
    let mut report = parse::parse(&doc.text, doc.encoding);
    report.origins = doc.origins;
    rules::check(&report).len()
}

fn pdf(c: &mut Criterion) {
    let mut g = c.benchmark_group("pdf");
    g.bench_function("read+check LibreOffice export (6 pages)", |b| {
        b.iter(|| read_and_check(black_box(LIBREOFFICE)))
    });
    g.bench_function("read+check STSong, encrypted (3 pages)", |b| {
        b.iter(|| read_and_check(black_box(STSONG)))
    });
    g.bench_function("read only, LibreOffice export (6 pages)", |b| {
        b.iter(|| ingest::pdf::read(black_box(LIBREOFFICE)).map(|d| d.text.len()))
    });
    g.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
