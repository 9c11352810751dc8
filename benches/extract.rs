//! Native extraction speed: `lectern::extract` on representative pages and over the whole corpus.

mod common;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::time::Duration;

fn bench_extract(c: &mut Criterion) {
    let pages = common::all_pages();
    let opts = lectern::Options {
        url: Some(common::URL.to_string()),
    };

    let mut group = c.benchmark_group("extract");
    for page in common::representative(&pages) {
        group.throughput(Throughput::Bytes(page.html.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&page.label), page, |b, page| {
            b.iter(|| lectern::extract(black_box(&page.html), &opts))
        });
    }
    group.finish();

    let total: usize = pages.iter().map(|p| p.html.len()).sum();
    let mut group = c.benchmark_group("extract-corpus");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(total as u64));
    group.bench_function(format!("{}pages", pages.len()), |b| {
        b.iter(|| {
            for page in &pages {
                let _ = black_box(lectern::extract(black_box(&page.html), &opts));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("is_probably_readerable");
    for page in common::representative(&pages) {
        group.throughput(Throughput::Bytes(page.html.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&page.label), page, |b, page| {
            b.iter(|| lectern::is_probably_readerable(black_box(&page.html)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
