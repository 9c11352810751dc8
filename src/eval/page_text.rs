//! The text that standoff annotations of Mozilla's Readability pages count their offsets in:
//! the page's `expected.html` (the article as Readability.js extracts it) as plain text. Frozen
//! on purpose, apart from the reader's own layout (`text::html_to_text`), which may change: a
//! change here would move every annotated offset (the loader then refuses the spans that no
//! longer fall on the text's characters, but shifted spans could still pass). Blocks are
//! separated by a blank line, `<br>` and list items by a line break, runs of white space are
//! one space.

use scraper::{Html, Node};

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

const LINES: &[&str] = &["br", "li", "td", "th", "caption"];

/// Skipped with what they hold.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "head", "title"];

enum Step<'a> {
    Enter(ego_tree::NodeRef<'a, Node>),
    /// The end of an element: the break it leaves before the next text.
    Leave(u8),
}

/// The frozen plain text of an article's HTML.
pub fn page_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut out = String::new();
    // Pending break before the next text: 0 none, 1 line, 2 blank line.
    let mut pending = 0u8;
    let mut stack = vec![Step::Enter(doc.tree.root())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(brk) => {
                pending = pending.max(brk);
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => {
                for (i, word) in t.split_whitespace().enumerate() {
                    if !out.is_empty() {
                        let lead_space = i > 0 || t.starts_with(char::is_whitespace);
                        match pending {
                            2 => out.push_str("\n\n"),
                            1 => out.push('\n'),
                            _ if lead_space && !out.ends_with(' ') => out.push(' '),
                            _ => {}
                        }
                    }
                    pending = 0;
                    out.push_str(word);
                }
                if t.ends_with(char::is_whitespace) && pending == 0 && !out.is_empty() {
                    out.push(' ');
                }
                continue;
            }
            Node::Element(e) => {
                if HIDDEN.contains(&e.name()) {
                    continue;
                }
                let brk = break_after(e.name());
                pending = pending.max(brk);
                if out.ends_with(' ') && pending > 0 {
                    out.pop();
                }
                stack.push(Step::Leave(brk));
            }
            _ => {}
        }
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev().map(Step::Enter));
    }
    out.trim_end().to_string()
}

fn break_after(name: &str) -> u8 {
    if BLOCKS.contains(&name) {
        2
    } else if LINES.contains(&name) {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_lines_and_spaces() {
        let html = "<div><h1>Title  here</h1><p>One <b>bold</b>\n word.<br>Next line.</p>\
                    <ul><li>a</li><li>b</li></ul><script>x()</script><p>End</p></div>";
        assert_eq!(
            page_text(html),
            "Title here\n\nOne bold word.\nNext line.\n\na\nb\n\nEnd"
        );
    }

    #[test]
    fn deep_trees_do_not_overflow() {
        let html = "<div>".repeat(50_000) + "deep" + &"</div>".repeat(50_000);
        assert_eq!(page_text(&html), "deep");
    }
}
