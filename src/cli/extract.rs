//! `lectern extract` and `lectern bench`.

use super::{read_input, CmdResult};
use crate::eval::readability::{page_dirs, FAKE_URL};
use crate::extract::{self, Article, NoArticle, Options};
use std::time::Instant;

/// Exit status when a page holds no article.
pub const EXIT_NO_ARTICLE: i32 = 3;

pub fn extract(file: &str, url: Option<&str>, format: &str) -> CmdResult {
    let bytes = read_input(file)?;
    let html = String::from_utf8_lossy(&bytes);
    let options = Options {
        url: url.map(str::to_string),
    };
    // JSON carries the entities: the reader's own path (extraction, then marks over its text
    // with code left out and the page's declared language), so they are the ones a reader sees.
    // The other formats need the extraction alone.
    let result = if format == "json" {
        crate::render::process(&html, &options, true).map(|p| (p.article, Some(p.entities)))
    } else {
        extract::extract(&html, &options).map(|a| (a, None))
    };
    let (article, entities) = match result {
        Ok(r) => r,
        Err(why) => {
            eprintln!("lectern: no article: {why}");
            return Ok(EXIT_NO_ARTICLE);
        }
    };
    let out = match format {
        "json" => {
            // The article's fields, plus the entities the reader marks in its text.
            #[derive(serde::Serialize)]
            struct WithEntities<'a> {
                #[serde(flatten)]
                article: &'a Article,
                entities: crate::entities::Entities,
            }
            serde_json::to_string_pretty(&WithEntities {
                article: &article,
                entities: entities.unwrap_or_default(),
            })
            .map_err(|e| e.to_string())?
        }
        "html" => article.content.clone(),
        "text" => article.text.clone(),
        "markdown" => markdown(&article),
        other => return Err(format!("unknown format {other}")),
    };
    println!("{out}");
    Ok(0)
}

fn markdown(a: &Article) -> String {
    let mut s = String::new();
    if let Some(t) = &a.title {
        s.push_str(&format!("# {t}\n\n"));
    }
    let mut meta = Vec::new();
    if let Some(b) = &a.byline {
        meta.push(format!("By {b}"));
    }
    if let Some(site) = &a.site_name {
        meta.push(site.clone());
    }
    if let Some(p) = &a.published_time {
        meta.push(p.clone());
    }
    meta.push(format!("{} min read", a.reading_time_minutes));
    s.push_str(&format!("*{}*\n\n", meta.join(" · ")));
    s.push_str(&extract::markdown::to_markdown(&a.content));
    s
}

// ---- benchmark ----------------------------------------------------------------------------

pub fn bench(dir: &str) -> CmdResult {
    const RUNS: usize = 5;
    let mut per_page: Vec<(String, f64, usize)> = Vec::new();
    for p in page_dirs(dir)? {
        let bytes = std::fs::read(p.join("source.html")).map_err(|e| e.to_string())?;
        let html = String::from_utf8_lossy(&bytes).into_owned();
        let opts = Options {
            url: Some(FAKE_URL.to_string()),
        };
        let _ = extract::extract(&html, &opts);
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let t0 = Instant::now();
            let r: Result<Article, NoArticle> = extract::extract(&html, &opts);
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            drop(r);
        }
        times.sort_by(f64::total_cmp);
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        per_page.push((name, times[RUNS / 2], html.len()));
    }
    if per_page.is_empty() {
        return Err(format!("no pages in {dir}"));
    }
    let mut ms: Vec<f64> = per_page.iter().map(|p| p.1).collect();
    ms.sort_by(f64::total_cmp);
    let pct = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    let total_ms: f64 = ms.iter().sum();
    let total_bytes: usize = per_page.iter().map(|p| p.2).sum();
    let slowest = per_page
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|p| p.0.clone())
        .unwrap_or_default();
    println!(
        "pages {}  (parse + extract, native, median of {RUNS} runs per page)",
        per_page.len()
    );
    println!("median   {:.2} ms", pct(0.5));
    println!("p95      {:.2} ms", pct(0.95));
    println!("max      {:.2} ms  ({slowest})", pct(1.0));
    let mut slow = per_page.clone();
    slow.sort_by(|a, b| b.1.total_cmp(&a.1));
    let names: Vec<String> = slow
        .iter()
        .take(5)
        .map(|(n, t, b)| format!("{n} {t:.1} ms/{} KB", b / 1024))
        .collect();
    println!("slowest  {}", names.join(", "));
    println!(
        "total    {:.1} ms for {:.1} MB  ({:.1} MB/s)",
        total_ms,
        total_bytes as f64 / 1e6,
        total_bytes as f64 / 1e6 / (total_ms / 1000.0)
    );
    Ok(0)
}
