//! `lectern extract`, `lectern eval readability` and `lectern bench`.

use super::{read_input, CmdResult};
use crate::eval::shingles::{paragraphs_not_in, shingle_f1};
use crate::extract::{self, dates, Article, NoArticle, Options};
use crate::text::html_to_text;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Exit status when a page holds no article.
pub const EXIT_NO_ARTICLE: i32 = 3;

pub fn extract(file: &str, url: Option<&str>, format: &str) -> CmdResult {
    let bytes = read_input(file)?;
    let html = String::from_utf8_lossy(&bytes);
    let options = Options {
        url: url.map(str::to_string),
    };
    let article = match extract::extract(&html, &options) {
        Ok(a) => a,
        Err(why) => {
            eprintln!("lectern: no article: {why}");
            return Ok(EXIT_NO_ARTICLE);
        }
    };
    let out = match format {
        "json" => {
            // The article's fields, plus the entities recognised in its text.
            #[derive(serde::Serialize)]
            struct WithEntities<'a> {
                #[serde(flatten)]
                article: &'a Article,
                entities: crate::entities::Entities,
            }
            let entities = crate::entities::recognize(&article.text);
            serde_json::to_string_pretty(&WithEntities {
                article: &article,
                entities,
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

// ---- evaluation ---------------------------------------------------------------------------

fn norm(s: Option<&str>) -> Option<String> {
    s.map(|x| x.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|x| !x.is_empty())
}

fn json_str(v: &serde_json::Value, k: &str) -> Option<String> {
    v.get(k).and_then(|x| x.as_str()).map(str::to_string)
}

/// The shared-data directory: `LECTERN_SHARED`, else `../shared` next to the crate.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("LECTERN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn page_dirs(dir: &str) -> Result<Vec<PathBuf>, String> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    Ok(pages)
}

/// One page's comparison with Readability.js's expected output.
#[derive(Debug, Clone)]
pub struct PageEval {
    pub name: String,
    pub f1: f64,
    pub title: bool,
    /// Title differs only because we removed a " | Site" suffix Readability kept (after the site
    /// name, or after the page's headline).
    pub title_site_stripped: bool,
    pub byline: bool,
    /// Byline differs only because we cleaned Readability's to the name ("By X, date" -> "X").
    pub byline_cleaned: bool,
    pub excerpt: bool,
    pub site_name: bool,
    pub lang: bool,
    /// Readability had no language and we read one from the page's meta tags.
    pub lang_extra: bool,
    pub dir: bool,
    pub published: bool,
    /// Readability had no published time and we found one (in a meta tag or `<time>`).
    pub published_extra: bool,
    pub readerable: bool,
    pub error: Option<String>,
    /// For imperfect pages: expected paragraphs we left out, and paragraphs we added.
    pub missing: Vec<String>,
    pub extra: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct EvalTotals {
    pub pages: usize,
    pub mean_f1: f64,
    pub pages_095: usize,
    pub title: usize,
    pub title_lenient: usize,
    pub byline: usize,
    pub byline_lenient: usize,
    pub excerpt: usize,
    pub site_name: usize,
    pub four_fields: usize,
    pub four_fields_lenient: usize,
    pub lang: usize,
    pub lang_lenient: usize,
    pub dir: usize,
    pub published: usize,
    pub published_lenient: usize,
    pub readerable: usize,
}

const FAKE_URL: &str = "http://fakehost/test/page.html";

pub fn eval_page(dir: &Path) -> Result<PageEval, String> {
    let read = |f: &str| -> Result<String, String> {
        let p = dir.join(f);
        std::fs::read(&p)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| format!("reading {}: {e}", p.display()))
    };
    let source = read("source.html")?;
    let expected_html = read("expected.html")?;
    let meta: serde_json::Value =
        serde_json::from_str(&read("expected-metadata.json")?).map_err(|e| e.to_string())?;
    let opts = Options {
        url: Some(FAKE_URL.to_string()),
    };
    let result = extract::extract(&source, &opts);
    let (a, error) = match result {
        Ok(a) => (a, None),
        Err(e) => (Article::default(), Some(e.to_string())),
    };
    let expected_text = html_to_text(&expected_html);
    let f1 = shingle_f1(&expected_text, &a.text);
    let (missing, extra) = if f1 < 0.99 {
        (
            paragraphs_not_in(&expected_text, &a.text, 2),
            paragraphs_not_in(&a.text, &expected_text, 2),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let eq = |ours: Option<&str>, key: &str| norm(ours) == norm(json_str(&meta, key).as_deref());
    let exp_title = norm(json_str(&meta, "title").as_deref());
    let our_title = norm(a.title.as_deref());
    let title = exp_title == our_title;
    let title_site_stripped = !title
        && match (&exp_title, &our_title, &a.site_name) {
            (Some(e), Some(o), Some(site)) => {
                e.starts_with(o.as_str()) && e.ends_with(site.trim())
                    || e.ends_with(o.as_str()) && e.starts_with(site.trim())
            }
            _ => false,
        }
        // or a suffix after the page's headline, which we show as the title.
        || match (&exp_title, &our_title) {
            (Some(e), Some(o)) => extract::headline_of_title(e, o).as_deref() == Some(o.as_str()),
            _ => false,
        };
    let exp_pub = json_str(&meta, "publishedTime").map(|p| dates::normalize(&p));
    let published = exp_pub == a.published_time;
    let published_extra = exp_pub.is_none() && a.published_time.is_some();
    let exp_readerable = meta.get("readerable").and_then(|v| v.as_bool());
    let readerable = match exp_readerable {
        Some(r) => extract::is_probably_readerable(&source) == r,
        None => true,
    };
    let byline = eq(a.byline.as_deref(), "byline");
    let byline_cleaned = !byline
        && norm(
            json_str(&meta, "byline")
                .and_then(|b| extract::byline::clean(&b))
                .as_deref(),
        ) == norm(a.byline.as_deref());
    Ok(PageEval {
        name: dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        f1,
        title,
        title_site_stripped,
        byline,
        byline_cleaned,
        excerpt: eq(a.excerpt.as_deref(), "excerpt"),
        site_name: eq(a.site_name.as_deref(), "siteName"),
        lang: eq(a.lang.as_deref(), "lang"),
        lang_extra: json_str(&meta, "lang").is_none() && a.lang.is_some(),
        dir: eq(a.dir.as_deref(), "dir"),
        published,
        published_extra,
        readerable,
        error,
        missing,
        extra,
    })
}

pub fn eval_dir(dir: &str) -> Result<(Vec<PageEval>, EvalTotals), String> {
    let mut rows = Vec::new();
    for p in page_dirs(dir)? {
        rows.push(eval_page(&p)?);
    }
    let mut t = EvalTotals {
        pages: rows.len(),
        ..Default::default()
    };
    for r in &rows {
        t.mean_f1 += r.f1;
        t.pages_095 += usize::from(r.f1 >= 0.95);
        t.title += usize::from(r.title);
        t.title_lenient += usize::from(r.title || r.title_site_stripped);
        t.byline += usize::from(r.byline);
        t.excerpt += usize::from(r.excerpt);
        t.site_name += usize::from(r.site_name);
        t.four_fields += usize::from(r.title && r.byline && r.excerpt && r.site_name);
        t.byline_lenient += usize::from(r.byline || r.byline_cleaned);
        t.four_fields_lenient += usize::from(
            (r.title || r.title_site_stripped)
                && (r.byline || r.byline_cleaned)
                && r.excerpt
                && r.site_name,
        );
        t.lang += usize::from(r.lang);
        t.lang_lenient += usize::from(r.lang || r.lang_extra);
        t.dir += usize::from(r.dir);
        t.published += usize::from(r.published);
        t.published_lenient += usize::from(r.published || r.published_extra);
        t.readerable += usize::from(r.readerable);
    }
    if t.pages > 0 {
        t.mean_f1 /= t.pages as f64;
    }
    Ok((rows, t))
}

pub fn eval_readability(dir: &str) -> CmdResult {
    let (rows, t) = eval_dir(dir)?;
    let mark = |b: bool| if b { "." } else { "x" };
    println!("{:<44} {:>6}  T B E S L D P R  note", "page", "F1");
    println!("(. agrees, x differs, ~ differs only by our site-suffix removal or byline cleaning, + a value we found where Readability has none)");
    for r in &rows {
        let mut note = String::new();
        if r.title_site_stripped {
            note.push_str("title: site suffix removed (ours); ");
        }
        if r.published_extra {
            note.push_str("published time found where Readability has none; ");
        }
        if r.lang_extra {
            note.push_str("language read from meta tags where Readability has none; ");
        }
        for m in &r.missing {
            note.push_str(&format!("left out {m:?}; "));
        }
        for m in &r.extra {
            note.push_str(&format!("kept {m:?}; "));
        }
        if let Some(e) = &r.error {
            note.push_str(&format!("no article: {e}"));
        }
        println!(
            "{:<44} {:>6.3}  {} {} {} {} {} {} {} {}  {}",
            r.name,
            r.f1,
            if r.title_site_stripped {
                "~"
            } else {
                mark(r.title)
            },
            if r.byline_cleaned {
                "~"
            } else {
                mark(r.byline)
            },
            mark(r.excerpt),
            mark(r.site_name),
            if r.lang_extra { "+" } else { mark(r.lang) },
            mark(r.dir),
            if r.published_extra {
                "+"
            } else {
                mark(r.published)
            },
            mark(r.readerable),
            note.trim_end_matches([' ', ';'])
        );
    }
    println!();
    println!("pages                {}", t.pages);
    println!("mean text F1         {:.4}", t.mean_f1);
    println!("pages F1 >= 0.95     {}", t.pages_095);
    println!(
        "title agrees         {} (strict), {} counting our site-suffix removal",
        t.title, t.title_lenient
    );
    println!(
        "byline agrees        {} (strict), {} counting our byline cleaning",
        t.byline, t.byline_lenient
    );
    println!("excerpt agrees       {}", t.excerpt);
    println!("site name agrees     {}", t.site_name);
    println!(
        "all four agree       {} (strict), {} counting our site-suffix removal and byline cleaning",
        t.four_fields, t.four_fields_lenient
    );
    println!(
        "lang agrees          {} (strict), {} counting languages we found where Readability has none",
        t.lang, t.lang_lenient
    );
    println!("dir agrees           {}", t.dir);
    println!(
        "published agrees     {} (strict), {} counting times we found where Readability has none",
        t.published, t.published_lenient
    );
    println!("readerable agrees    {}", t.readerable);
    Ok(0)
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
