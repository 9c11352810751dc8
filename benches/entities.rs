//! Native tagging speed: `lectern::recognize` on article texts, in tokens per second. Only the
//! English ones: elsewhere the names tagger does not run (see `entities::language`).

mod common;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::time::Duration;

fn bench_recognize(c: &mut Criterion) {
    let pages: Vec<common::Page> = common::all_pages()
        .into_iter()
        .filter(|p| lectern::recognize(&common::article_text(p)).names)
        .collect();
    let texts: Vec<(String, String)> = common::representative(&pages)
        .into_iter()
        .map(|p| (p.name.clone(), common::article_text(p)))
        .collect();

    let mut group = c.benchmark_group("recognize");
    for (name, text) in &texts {
        let tokens = common::count_tokens(text);
        group.throughput(Throughput::Elements(tokens as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{name}@{tokens}tokens")),
            text,
            |b, text| b.iter(|| lectern::recognize(black_box(text))),
        );
    }
    group.finish();

    let corpus: Vec<String> = pages.iter().map(common::article_text).collect();
    let tokens: usize = corpus.iter().map(|t| common::count_tokens(t)).sum();
    let mut group = c.benchmark_group("recognize-corpus");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Elements(tokens as u64));
    group.bench_function(format!("{}english@{tokens}tokens", corpus.len()), |b| {
        b.iter(|| {
            for text in &corpus {
                black_box(lectern::recognize(black_box(text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_recognize);
criterion_main!(benches);
