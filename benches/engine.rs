//! Engine benchmarks: parse one report, run all rules, re-check after one
//! cell edit, normalize, and the batch path over generated reports.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use nianbao::{TableId, corpus, normalize, parse, rules};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../sample-reports/real-03-shanghai-govoffice-2025.txt");
const TAB_SAMPLE: &str = include_str!("../sample-reports/variant-single-wrong-cell.txt");

fn engine(c: &mut Criterion) {
    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    g.bench_function("parse real-03 (pipe, mangled)", |b| {
        b.iter(|| parse::parse(black_box(SAMPLE), "UTF-8"))
    });
    g.throughput(Throughput::Bytes(TAB_SAMPLE.len() as u64));
    g.bench_function("parse variant (tab)", |b| {
        b.iter(|| parse::parse(black_box(TAB_SAMPLE), "UTF-8"))
    });
    g.finish();

    let report = parse::parse(TAB_SAMPLE, "UTF-8");
    c.bench_function("rules/check all", |b| {
        b.iter(|| rules::check(black_box(&report)))
    });
    c.bench_function("rules/recheck after one edit", |b| {
        b.iter_batched(
            || report.clone(),
            |mut r| {
                r.set_cell(TableId::Requests, 0, 1, "4");
                rules::check(&r)
            },
            BatchSize::SmallInput,
        )
    });
    c.bench_function("normalize", |b| {
        b.iter(|| normalize::normalize(black_box(&report)))
    });

    // The batch path: decode + parse + check + JSON, over generated reports.
    let docs: Vec<String> = (0..200).map(|i| corpus::generate(1, i).text).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("200 generated reports: parse+check+json", |b| {
        b.iter(|| {
            for d in &docs {
                let r = parse::parse(d, "UTF-8");
                let f = rules::check(&r);
                black_box(nianbao::output::report_json_string("x", &r, &f));
            }
        })
    });
    g.finish();

    // Scaling: open time with a long narrative.
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for size in [100_000usize, 1_000_000, 5_000_000] {
        let text = corpus::with_long_narrative(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("parse {} kB narrative", size / 1000), |b| {
            b.iter(|| parse::parse(black_box(&text), "UTF-8"))
        });
    }
    g.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
