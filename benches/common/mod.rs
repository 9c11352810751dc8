//! What the criterion benches share: the corpus pages, picked by size, and token counting.
//! Corpus: `$LECTERN_SHARED/corpus/readability`, else `../shared/corpus/readability` beside the crate.

#![allow(dead_code)] // each bench uses a different part of this module

use std::path::PathBuf;

/// One corpus page: its folder name, a label for the bench id, and its HTML.
pub struct Page {
    pub name: String,
    pub label: String,
    pub html: String,
}

pub const URL: &str = "http://fakehost/test/page.html";

pub fn corpus_dir() -> PathBuf {
    let shared = std::env::var_os("LECTERN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    shared.join("corpus").join("readability")
}

/// Every page of the corpus, sorted by name. Exits with a message when the corpus is missing:
/// the benches measure real pages only.
pub fn all_pages() -> Vec<Page> {
    let dir = corpus_dir();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!(
                "benches: cannot read the corpus at {} ({e}); set LECTERN_SHARED",
                dir.display()
            );
            std::process::exit(2);
        }
    };
    let mut pages: Vec<Page> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(e.path().join("source.html")).ok()?;
            let html = String::from_utf8_lossy(&bytes).into_owned();
            Some(Page {
                label: format!("{name}@{}KB", html.len() / 1024),
                name,
                html,
            })
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    pages
}

/// A few representative pages: the 10th, 50th and 90th percentile of size, and the largest.
/// Chosen by rank, not by name, so the set follows the corpus.
pub fn representative(pages: &[Page]) -> Vec<&Page> {
    let mut by_size: Vec<&Page> = pages.iter().collect();
    by_size.sort_by_key(|p| p.html.len());
    let mut picked: Vec<&Page> = Vec::new();
    if by_size.is_empty() {
        return picked;
    }
    let last = by_size.len() - 1;
    for q in [0.1, 0.5, 0.9, 1.0] {
        let i = ((last as f64) * q).round() as usize;
        if let Some(p) = by_size.get(i.min(last)) {
            if !picked.iter().any(|x| x.name == p.name) {
                picked.push(p);
            }
        }
    }
    picked
}

/// Tokens as a CoNLL-style tagger sees them: runs of letters/digits, and each other
/// non-space character (the same count as bench/bench.js uses in the browser).
pub fn count_tokens(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                n += 1;
                in_word = true;
            }
        } else {
            in_word = false;
            if !c.is_whitespace() {
                n += 1;
            }
        }
    }
    n
}

/// The article text the tagger gets for a page: the extracted article's, or when no article
/// is found, the page's whole text (still real prose, so the tagger is still measured).
pub fn article_text(page: &Page) -> String {
    let opts = lectern::Options {
        url: Some(URL.to_string()),
    };
    match lectern::extract(&page.html, &opts) {
        Ok(article) if !article.text.trim().is_empty() => article.text,
        _ => lectern::text::html_to_text(&page.html),
    }
}
