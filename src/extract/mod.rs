//! Article extraction: find the article in a page, clean it, and read its metadata.

mod bio_box;
mod boiler;
pub mod byline;
mod consent;
mod credits;
mod cta;
pub mod dates;
mod depth;
mod docs;
pub mod dom;
mod emit;
mod fallback;
mod forms;
mod forum;
mod image_key;
mod listing;
pub mod markdown;
mod media;
mod metadata;
mod patterns;
mod paywall;
mod pipeline;
mod prep;
mod product;
mod readability;
mod readerable;
mod reply_quotes;
mod sanitize;
mod sink;
mod strict;
mod teasers;
mod verdict;

pub use metadata::headline_of_title;
pub use pipeline::printed_headlines;
pub use sanitize::sanitize;

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

/// Largest input accepted (bytes); bigger pages are refused rather than parsed for seconds.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Reading speed used for `reading_time_minutes`.
const WORDS_PER_MINUTE: usize = 230;

/// Whether `html` looks like binary data rather than markup or text.
fn looks_binary(html: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in html.chars().take(8192) {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) {
            bad += 1;
        }
    }
    total > 0 && bad * 10 > total
}

/// Extracts the article from `html`.
pub fn extract(html: &str, options: &Options) -> Result<Article, NoArticle> {
    extract_mapped(html, options).map(|(article, _)| article)
}

/// [`extract`], plus where each run of `Article::text` sits in `Article::content`: what entity
/// marks need to go into the content without re-parsing it.
pub fn extract_mapped(
    html: &str,
    options: &Options,
) -> Result<(Article, Vec<crate::text::HtmlSpan>), NoArticle> {
    if html.len() > MAX_INPUT_BYTES {
        return Err(NoArticle::TooLarge(html.len()));
    }
    if html.trim().is_empty() {
        return Err(NoArticle::EmptyPage);
    }
    if looks_binary(html) {
        return Err(NoArticle::NotHtml);
    }
    let page_url = options.url.as_deref().and_then(|u| url::Url::parse(u).ok());
    let (article, spans) = pipeline::run(html, page_url.as_ref())?;
    verdict::judge(&article)?;
    Ok((article, spans))
}

/// A cheap check of whether `html` probably holds an article worth a reader view.
pub fn is_probably_readerable(html: &str) -> bool {
    if html.trim().is_empty() || html.len() > MAX_INPUT_BYTES || looks_binary(html) {
        return false;
    }
    let mut dom = pipeline::parse(html);
    // A thread of short posts has few long paragraphs, yet its posts are worth reading.
    readerable::is_probably_readerable(&dom) || forum::Thread::find(&mut dom).is_some()
}

fn reading_time(words: usize) -> u32 {
    if words == 0 {
        0
    } else {
        words.div_ceil(WORDS_PER_MINUTE).max(1) as u32
    }
}
