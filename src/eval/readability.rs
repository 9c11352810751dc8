//! Extraction compared with Mozilla Readability.js's expected output on its test pages
//! (`source.html`, `expected.html`, `expected-metadata.json` per page folder): text by shingle F1,
//! then each metadata field, with the places where we knowingly differ counted apart.

use std::path::{Path, PathBuf};

use super::shingles::{paragraphs_not_in, shingle_f1};
use crate::extract::{self, dates, Article, Options};
use crate::text::html_to_text;

fn norm(s: Option<&str>) -> Option<String> {
    s.map(|x| x.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|x| !x.is_empty())
}

fn json_str(v: &serde_json::Value, k: &str) -> Option<String> {
    v.get(k).and_then(|x| x.as_str()).map(str::to_string)
}

pub(crate) fn page_dirs(dir: &str) -> Result<Vec<PathBuf>, String> {
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

pub(crate) const FAKE_URL: &str = "http://fakehost/test/page.html";

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
        }
        // or the headline the page prints where Readability keeps the metadata's title.
        || our_title.as_deref().is_some_and(|o| {
            extract::printed_headlines(&source)
                .iter()
                .any(|h| norm(Some(h.as_str())).as_deref() == Some(o))
        });
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
