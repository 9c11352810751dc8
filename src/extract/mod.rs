//! Article extraction: find the article in a page, clean it, and read its metadata.

use serde::Serialize;
use std::fmt;

/// Knobs for [`extract`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The page's URL, used to make links and images absolute.
    pub url: Option<String>,
}

/// The article found in a page. `content` is sanitised HTML, `text` its plain text
/// (paragraphs separated by blank lines, see [`crate::text`]).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published_time: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image_url: Option<String>,
    pub content: String,
    pub text: String,
    pub word_count: usize,
    pub reading_time_minutes: u32,
}

/// Why no article came out of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoArticle {
    /// The input was empty or only whitespace.
    EmptyPage,
    /// The input does not look like HTML or text at all (binary data).
    NotHtml,
    /// The page has no block of readable text long enough to be an article.
    NoReadableContent,
    /// The page looks like a listing, index or home page rather than one article.
    ListingPage,
    /// The input exceeds the size limit.
    TooLarge(usize),
}

impl fmt::Display for NoArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoArticle::EmptyPage => write!(f, "the page is empty"),
            NoArticle::NotHtml => write!(f, "the input is not HTML"),
            NoArticle::NoReadableContent => write!(f, "no readable article text found on the page"),
            NoArticle::ListingPage => {
                write!(
                    f,
                    "the page looks like a listing or home page, not an article"
                )
            }
            NoArticle::TooLarge(n) => write!(f, "the page is too large ({n} bytes)"),
        }
    }
}

impl std::error::Error for NoArticle {}

/// Extracts the article from `html`.
pub fn extract(html: &str, options: &Options) -> Result<Article, NoArticle> {
    let _ = options;
    if html.trim().is_empty() {
        return Err(NoArticle::EmptyPage);
    }
    Err(NoArticle::NoReadableContent)
}

/// A cheap check of whether `html` probably holds an article worth a reader view.
pub fn is_probably_readerable(html: &str) -> bool {
    let _ = html;
    false
}
