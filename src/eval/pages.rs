//! Extraction scored on a folder of annotated modern pages
//! (`gt/NNNN.json` + `html/NNNN.html[.gz]`, the layout of `corpus/wceb-dev`, see its SOURCE.txt).
//!
//! Text: 4-word shingles over `\w+` tokens (the same code as `eval readability`), per page
//! precision / recall / F1, reported per page type as the mean of per-page F1 and as the F1 of the
//! mean precision and recall. Title, author and date: see [`same_title`], [`same_author`] and
//! [`same_date`]. Pages go through `extract::extract`, the function the product runs.

use super::shingles::{paragraphs_not_in, shingle_prf, tokens};
use crate::extract::{self, Options};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One annotated page's scores.
#[derive(Debug, Clone)]
pub struct PageScore {
    pub id: String,
    pub page_type: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Why extraction gave no article, if it did not.
    pub no_article: Option<String>,
    pub title: bool,
    pub author: bool,
    pub date: bool,
    /// For fields that disagree: the field, the annotation's value and ours.
    pub field_diffs: Vec<(&'static str, String, String)>,
    /// Expected paragraphs we left out and paragraphs we added (a couple each, for reading).
    pub missing: Vec<String>,
    pub extra: Vec<String>,
}

/// Sums over a group of pages (one page type, or all).
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    /// Mean of the per-page F1.
    pub mean_f1: f64,
    pub no_article: usize,
    pub title: usize,
    pub author: usize,
    pub date: usize,
}

impl Group {
    fn add(&mut self, s: &PageScore) {
        self.pages += 1;
        self.precision += s.precision;
        self.recall += s.recall;
        self.mean_f1 += s.f1;
        self.no_article += usize::from(s.no_article.is_some());
        self.title += usize::from(s.title);
        self.author += usize::from(s.author);
        self.date += usize::from(s.date);
    }

    fn finish(&mut self) {
        if self.pages > 0 {
            let n = self.pages as f64;
            self.precision /= n;
            self.recall /= n;
            self.mean_f1 /= n;
        }
    }

    /// F1 of the macro-averaged precision and recall (the benchmark's headline figure).
    pub fn f1_of_means(&self) -> f64 {
        let (p, r) = (self.precision, self.recall);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Share of pages (percent) for a count.
    pub fn pct(&self, count: usize) -> f64 {
        if self.pages == 0 {
            0.0
        } else {
            100.0 * count as f64 / self.pages as f64
        }
    }
}

/// The whole evaluation: per page, per page type (sorted by name) and overall.
pub struct PagesEval {
    pub pages: Vec<PageScore>,
    pub by_type: BTreeMap<String, Group>,
    pub all: Group,
}

/// Lowercased `\w+` tokens, typographic variants folded: the comparison key for titles.
fn key(s: &str) -> Vec<String> {
    tokens(s).into_iter().map(str::to_lowercase).collect()
}

/// Titles agree when their lowercased word tokens are equal (punctuation, spacing, case and
/// quote style ignored); both absent agrees too.
pub fn same_text(expected: Option<&str>, ours: Option<&str>) -> bool {
    let e = expected.map(key).filter(|k| !k.is_empty());
    let o = ours.map(key).filter(|k| !k.is_empty());
    e == o
}

/// Separators that set a site name off a headline in a page's `<title>`.
const SITE_SEPARATORS: [&str; 7] = ["|", " - ", "–", "—", "·", "»", "::"];

/// Longest site name (in words) that [`same_title`] sets aside.
const MAX_SITE_WORDS: usize = 6;

/// Titles agree as [`same_text`] has it, or when the annotation is our title plus the site's
/// name set off by a separator ("Headline | Site", "Site - Headline"): the annotators often
/// copied the `<title>`, and a reader takes the headline without the site for the same title
/// (as `eval readability` counts our site-suffix removal). Not the other way round: a site
/// name left in our title is noise.
pub fn same_title(expected: Option<&str>, ours: Option<&str>) -> bool {
    if same_text(expected, ours) {
        return true;
    }
    let (Some(e), Some(o)) = (expected, ours) else {
        return false;
    };
    let (e, o) = (e.trim().to_lowercase(), o.trim().to_lowercase());
    let (e, o) = (e.as_str(), o.as_str());
    if key(o).is_empty() {
        return false;
    }
    let site_like = |rest: &str| {
        let words = key(rest).len();
        (1..=MAX_SITE_WORDS).contains(&words)
    };
    let suffix = e.strip_prefix(o).is_some_and(|rest| {
        let rest = rest.trim_start();
        SITE_SEPARATORS
            .iter()
            .find_map(|sep| rest.strip_prefix(sep.trim()))
            .is_some_and(site_like)
    });
    let prefix = e.strip_suffix(o).is_some_and(|rest| {
        let rest = rest.trim_end();
        SITE_SEPARATORS
            .iter()
            .find_map(|sep| rest.strip_suffix(sep.trim()))
            .is_some_and(site_like)
    });
    suffix || prefix
}

/// Words around names that name no one: "by", "and", and honorifics ("Dr. A" is A).
const NOT_NAME_WORDS: [&str; 8] = ["by", "and", "dr", "prof", "mr", "mrs", "ms", "mx"];

/// Authors agree when their sets of lowercased word tokens are equal once "by", "and" and
/// honorifics are dropped ("By Dr. A and B" = "A, B"), or once the annotation is cleaned as
/// our bylines are; both absent agrees too.
pub fn same_author(expected: Option<&str>, ours: Option<&str>) -> bool {
    let set = |s: &str| -> Vec<String> {
        let mut k: Vec<String> = key(s)
            .into_iter()
            .filter(|t| !NOT_NAME_WORDS.contains(&t.as_str()))
            .collect();
        k.sort();
        k.dedup();
        k
    };
    let e = expected.map(set).filter(|k| !k.is_empty());
    let o = ours.map(set).filter(|k| !k.is_empty());
    // Or the annotation without what our byline cleaning leaves out (a role or employer after
    // the name, labels, dates), as `eval readability` counts it: "Jane Roe, Senior Analyst"
    // is by Jane Roe.
    let cleaned = expected
        .and_then(extract::byline::clean)
        .map(|c| set(&c))
        .filter(|k| !k.is_empty());
    e == o || (o.is_some() && cleaned == o)
}

/// The `YYYY-MM-DD` at the start of a normalised date, if there is one.
fn day(s: &str) -> Option<String> {
    let n = extract::dates::normalize(s);
    let d = n.get(..10)?;
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| d.to_string())
}

/// Dates agree when both normalise to the same calendar day (`YYYY-MM-DD`, time and zone
/// ignored); both absent agrees too. A date we cannot read as a day never agrees.
pub fn same_date(expected: Option<&str>, ours: Option<&str>) -> bool {
    let e = expected.filter(|s| !s.trim().is_empty());
    let o = ours.filter(|s| !s.trim().is_empty());
    match (e, o) {
        (None, None) => true,
        (Some(e), Some(o)) => day(e).is_some() && day(e) == day(o),
        _ => false,
    }
}

/// A page's HTML: `html/ID.html`, or gzip-compressed `html/ID.html.gz`.
pub(crate) fn read_page(dir: &Path, id: &str) -> Result<String, String> {
    let plain = dir.join("html").join(format!("{id}.html"));
    let gz = dir.join("html").join(format!("{id}.html.gz"));
    let bytes = if plain.is_file() {
        std::fs::read(&plain).map_err(|e| format!("reading {}: {e}", plain.display()))?
    } else {
        let f = std::fs::File::open(&gz).map_err(|e| format!("reading {}: {e}", gz.display()))?;
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(f)
            .read_to_end(&mut out)
            .map_err(|e| format!("decompressing {}: {e}", gz.display()))?;
        out
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn gt_str<'a>(v: &'a serde_json::Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(|x| x.as_str())
}

/// Scores one page from its annotation file.
pub fn score_page(dir: &Path, gt_file: &Path) -> Result<PageScore, String> {
    let id = gt_file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let raw = std::fs::read_to_string(gt_file)
        .map_err(|e| format!("reading {}: {e}", gt_file.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", gt_file.display()))?;
    let gt = &v["ground_truth"];
    let page_type = v["_internal"]["page_type"]["primary"]
        .as_str()
        .unwrap_or("unknown")
        .to_string();
    let html = read_page(dir, &id)?;
    let options = Options {
        url: gt_str(&v, "url").map(str::to_string),
    };
    let (article, no_article) = match extract::extract(&html, &options) {
        Ok(a) => (a, None),
        Err(e) => (extract::Article::default(), Some(e.to_string())),
    };
    let expected = gt_str(gt, "main_content").unwrap_or("");
    let (precision, recall, f1) = shingle_prf(expected, &article.text);
    let (missing, extra) = if f1 < 0.9 {
        (
            paragraphs_not_in(expected, &article.text, 2),
            paragraphs_not_in(&article.text, expected, 2),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let fields = [
        ("title", gt_str(gt, "title"), article.title.as_deref()),
        ("author", gt_str(gt, "author"), article.byline.as_deref()),
        (
            "date",
            gt_str(gt, "publish_date"),
            article.published_time.as_deref(),
        ),
    ];
    let agree = [
        same_title(fields[0].1, fields[0].2),
        same_author(fields[1].1, fields[1].2),
        same_date(fields[2].1, fields[2].2),
    ];
    let field_diffs = fields
        .iter()
        .zip(agree)
        .filter(|(_, ok)| !ok)
        .map(|((name, e, o), _)| {
            (
                *name,
                e.unwrap_or("-").to_string(),
                o.unwrap_or("-").to_string(),
            )
        })
        .collect();
    Ok(PageScore {
        id,
        page_type,
        precision,
        recall,
        f1,
        no_article,
        title: agree[0],
        author: agree[1],
        date: agree[2],
        field_diffs,
        missing,
        extra,
    })
}

/// Scores every page of `dir` (the files of `dir/gt`, in name order).
pub fn eval_pages_dir(dir: &Path) -> Result<PagesEval, String> {
    let gt_dir = dir.join("gt");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gt_dir)
        .map_err(|e| format!("reading {}: {e}", gt_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no annotations in {}", gt_dir.display()));
    }
    let mut pages = Vec::with_capacity(files.len());
    for f in &files {
        pages.push(score_page(dir, f)?);
    }
    let mut by_type: BTreeMap<String, Group> = BTreeMap::new();
    let mut all = Group::default();
    for s in &pages {
        by_type.entry(s.page_type.clone()).or_default().add(s);
        all.add(s);
    }
    by_type.values_mut().for_each(Group::finish);
    all.finish();
    Ok(PagesEval {
        pages,
        by_type,
        all,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_compare_normalised() {
        assert!(same_text(Some("Hello, World!"), Some("hello world")));
        assert!(!same_text(Some("Hello world"), Some("Hello world | Site")));
        assert!(same_title(
            Some("Hello world | The Site"),
            Some("Hello world")
        ));
        assert!(same_title(
            Some("The Site - Hello world"),
            Some("Hello world")
        ));
        assert!(!same_title(Some("Hello world"), Some("Hello world | Site")));
        assert!(!same_title(
            Some("Hello world: a long story"),
            Some("Hello world")
        ));
        assert!(!same_title(
            Some("Hello world | and all the many other things we found"),
            Some("Hello world")
        ));
        assert!(same_text(None, Some("  ")));
        assert!(same_author(
            Some("A. Smith and B. Jones"),
            Some("By B. Jones, A. Smith")
        ));
        assert!(!same_author(Some("A. Smith"), None));
        assert!(same_author(Some("Dr. Ann Smith"), Some("Ann Smith")));
        assert!(!same_author(
            Some("Ann Smith"),
            Some("Ann Smith, The Daily")
        ));
        assert!(same_date(Some("2025-01-29"), Some("2025-01-29T10:00:00Z")));
        assert!(same_date(Some("2025-01-29"), Some("January 29, 2025")));
        assert!(!same_date(Some("2025-01-29"), Some("0001-01-01T00:00:00Z")));
        assert!(same_date(None, None));
    }
}
