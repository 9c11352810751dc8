//! The last word on whether what extraction found is an article at all: a thin block that is
//! mostly links (a front page's teasers, a sign-in form's "Forgot your password?") is not.
//! Readability.js returns such blocks; a reader view showing them helps nobody.

use super::{Article, NoArticle};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Below this many words an extracted block is judged by what it is made of.
const THIN_WORDS: usize = 40;

/// `Err` when `article` is too thin to be worth a reader view.
pub fn judge(article: &Article) -> Result<(), NoArticle> {
    if article.word_count >= THIN_WORDS {
        return Ok(());
    }
    if article.word_count == 0 {
        return Err(NoArticle::NoReadableContent);
    }
    // At most a few hundred bytes of HTML here: parsing it again is cheap.
    let doc = Html::parse_fragment(&article.content);
    let mut in_link = 0usize;
    let mut link_words = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) if el.name() == "a" => in_link += 1,
                Node::Text(t) if in_link > 0 => link_words += crate::text::word_count(t),
                _ => {}
            },
            Edge::Close(node) => {
                if matches!(node.value(), Node::Element(el) if el.name() == "a") {
                    in_link = in_link.saturating_sub(1);
                }
            }
        }
    }
    if link_words * 2 >= article.word_count {
        Err(NoArticle::NoReadableContent)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(content: &str) -> Article {
        let text = crate::text::html_to_text(content);
        Article {
            word_count: crate::text::word_count(&text),
            content: content.into(),
            text,
            ..Article::default()
        }
    }

    #[test]
    fn thin_blocks_of_links_are_not_articles() {
        let teasers = "<ul><li><a href='/1'>Ferry to the island resumes</a></li>\
                       <li><a href='/2'>Bridges close for repairs</a></li></ul>";
        assert_eq!(judge(&article(teasers)), Err(NoArticle::NoReadableContent));
        let login = "<h1>Log in</h1><p>Name</p><p><a href='/r'>Reset your password</a> · \
                     <a href='/n'>Open an account</a></p>";
        assert_eq!(judge(&article(login)), Err(NoArticle::NoReadableContent));
    }

    #[test]
    fn short_prose_is_still_an_article() {
        let note = "<p>The meeting moved to Thursday; see <a href='/c'>the calendar</a>.</p>";
        assert_eq!(judge(&article(note)), Ok(()));
        let long_links = format!("<p>{}</p>", "<a href='/x'>word</a> ".repeat(60));
        assert_eq!(judge(&article(&long_links)), Ok(()));
    }
}
