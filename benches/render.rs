//! Native rendering speed: the reader HTML for extracted articles (`render::reader_html`), and
//! the whole core path as the wasm `process` runs it (`render::process`: extract, mark
//! entities, render).

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lectern::render::{fragment::article_from_fragment, reader_html, RenderOptions};
use std::hint::black_box;

fn bench_render(c: &mut Criterion) {
    let pages = common::all_pages();
    let opts = lectern::Options {
        url: Some(common::URL.to_string()),
    };
    let render_opts = RenderOptions {
        url: Some(common::URL.to_string()),
    };

    let mut group = c.benchmark_group("render");
    for page in common::representative(&pages) {
        // The article the reader would show: the extracted one, or the page-text fallback.
        let article = match lectern::extract(&page.html, &opts) {
            Ok(a) => a,
            Err(_) => match article_from_fragment(&page.html, None, Some(common::URL)) {
                Some(a) => a,
                None => continue,
            },
        };
        group.throughput(Throughput::Bytes(article.content.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(&page.label),
            &article,
            |b, article| b.iter(|| reader_html(black_box(article), &article.content, &render_opts)),
        );
    }
    group.finish();

    // What the wasm `process` export does, natively: the reference for the browser figures.
    let mut group = c.benchmark_group("process");
    for page in common::representative(&pages) {
        group.throughput(Throughput::Bytes(page.html.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&page.label), page, |b, page| {
            b.iter(|| lectern::render::process(black_box(&page.html), &opts, true).ok())
        });
    }
    group.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
