//! An [`Article`] made from arbitrary HTML: what the reader shows when the user asks for the
//! current selection, or for the page's text when no article was found.

use super::sanitize;
use crate::extract::Article;
use crate::text::{html_to_text, word_count};

/// Words per minute used for the reading time, the same rate for every fallback article.
const WORDS_PER_MINUTE: usize = 230;

/// Builds an article from `html` (a selection or a page body): the HTML is sanitised for the
/// reader and its plain text, word count and reading time are computed. `None` when there is
/// no text at all.
pub fn article_from_fragment(
    html: &str,
    title: Option<&str>,
    url: Option<&str>,
) -> Option<Article> {
    let content = sanitize::clean(html, url);
    let text = html_to_text(&content);
    if text.trim().is_empty() {
        return None;
    }
    let words = word_count(&text);
    let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
    Some(Article {
        title: title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from),
        content,
        text,
        word_count: words,
        reading_time_minutes: u32::try_from(minutes).unwrap_or(u32::MAX),
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_becomes_article() {
        let a = article_from_fragment(
            "<p>One two <script>x()</script>three.</p><p>Four.</p>",
            Some(" Picked "),
            None,
        )
        .expect("article");
        assert_eq!(a.title.as_deref(), Some("Picked"));
        assert_eq!(a.text, "One two three.\n\nFour.");
        assert_eq!(a.word_count, 4);
        assert_eq!(a.reading_time_minutes, 1);
        assert!(!a.content.contains("script"));
    }

    #[test]
    fn empty_gives_none() {
        assert!(article_from_fragment("<div> <img src=x> </div>", None, None).is_none());
    }
}
