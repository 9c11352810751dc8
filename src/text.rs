//! Plain text of an HTML fragment, shared by extraction (`Article::text`), evaluation and entity
//! marking, so that entity offsets into the text can be mapped back onto the HTML.
//!
//! Rules: block elements separate paragraphs with a blank line, `<br>` is a line break, whitespace
//! collapses to one space except inside `<pre>`, and script/style/template content is skipped.
//! The walk is iterative (ego-tree's `traverse`), so deep trees cannot overflow the stack.

/// The English month names, lower case (dates in metadata and in the text).
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};

/// A run of text in the output that comes verbatim from one text node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in [`TextLayout::text`].
    pub start: usize,
    pub end: usize,
    /// The text node the run comes from, and the byte offset of the run inside it.
    pub node: NodeId,
    pub node_start: usize,
}

/// A run of the text that the extraction writer copied verbatim from one text node, with where
/// that node's escaped text sits in the HTML it wrote: `html[html_start..]` is the run, escaped
/// (see `crate::escape::escape_text`). Lets entity marks go into that HTML without re-parsing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HtmlSpan {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Byte offset in the HTML of the run's first byte.
    pub html_start: usize,
    /// The text node (numbered in document order) the run comes from.
    pub node: u32,
}

/// The text of a document plus where each piece of it came from.
#[derive(Debug, Clone, Default)]
pub struct TextLayout {
    pub text: String,
    /// Sorted by `start`, non-overlapping.
    pub segments: Vec<Segment>,
    /// Byte ranges of the text that come from code (`<pre>`, `<code>`, `<kbd>`, `<samp>`) and
    /// maths, in order: entity recognition leaves them alone (see [`blank_ranges`]).
    pub code: Vec<(usize, usize)>,
}

/// Elements whose text is code, machine output or maths, never prose: no entity marks go
/// inside them (a mark inside `<math>` would not even be HTML).
pub fn is_code(tag: &str) -> bool {
    matches!(tag, "pre" | "code" | "kbd" | "samp" | "tt" | "var" | "math")
}

/// `text` with the given byte ranges (sorted) blanked to spaces, byte for byte, so that offsets
/// into the result are offsets into `text`; line breaks are kept so sentences stay apart.
pub fn blank_ranges<'a>(text: &'a str, ranges: &[(usize, usize)]) -> std::borrow::Cow<'a, str> {
    if ranges.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for &(a, b) in ranges {
        let (a, b) = (a.max(pos), b.min(text.len()));
        let (Some(before), Some(inner)) = (text.get(pos..a), text.get(a..b)) else {
            continue;
        };
        out.push_str(before);
        for c in inner.chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        pos = b;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
    Paragraph,
}

pub use crate::html::is_block;

/// Not text. A formula's text is (it is read as code, see [`is_code`]), but not its alternative
/// encodings (TeX source in a MathML annotation).
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "head"
            | "title"
            | "iframe"
            | "svg"
            | "annotation"
            | "annotation-xml"
    )
}

/// The numbers the browser shows before the items of ordered lists, written into the text so
/// that it reads as the page does ("1. Install", "2. Run"). Lists whose marks are not plain
/// numbers (letters, Roman numerals, counting down) get none. Shared with the extraction
/// writer (`extract::emit`), whose text must equal this module's.
#[derive(Default)]
pub struct ListNumbers {
    /// Per open list: the last number shown (ordered lists), or `None`.
    stack: Vec<Option<i64>>,
}

impl ListNumbers {
    /// An element opens: `attr` reads its attributes.
    pub fn open<'a>(&mut self, tag: &str, attr: impl Fn(&str) -> Option<&'a str>) {
        match tag {
            "ol" => {
                let plain =
                    attr("reversed").is_none() && attr("type").is_none_or(|t| t.trim() == "1");
                let start = attr("start")
                    .and_then(|v| v.trim().parse::<i64>().ok())
                    .unwrap_or(1);
                self.stack.push(plain.then(|| start.saturating_sub(1)));
            }
            "ul" | "menu" => self.stack.push(None),
            _ => {}
        }
    }

    pub fn close(&mut self, tag: &str) {
        if matches!(tag, "ol" | "ul" | "menu") {
            self.stack.pop();
        }
    }

    /// The mark of a list item of the innermost list ("3."), if it shows a number.
    pub fn item(&mut self) -> Option<String> {
        let n = self.stack.last_mut()?.as_mut()?;
        *n = n.saturating_add(1);
        Some(format!("{n}."))
    }
}

struct Builder {
    out: TextLayout,
    pending: Break,
    code_depth: usize,
}

impl Builder {
    fn request(&mut self, b: Break) {
        if b > self.pending {
            self.pending = b;
        }
    }

    /// Text the page shows that no text node holds (a list item's number): written after the
    /// pending break, followed by a space, with no segment (no entity mark maps into it).
    fn mark(&mut self, mark: &str) {
        self.write_break();
        self.out.text.push_str(mark);
        self.pending = Break::Space;
    }

    /// Writes the pending break (none before the first text).
    fn write_break(&mut self) {
        if !self.out.text.is_empty() {
            match self.pending {
                Break::None => {}
                Break::Space => self.out.text.push(' '),
                Break::Line => self.out.text.push('\n'),
                Break::Paragraph => self.out.text.push_str("\n\n"),
            }
        }
        self.pending = Break::None;
    }

    fn emit(&mut self, piece: &str, node: NodeId, node_start: usize) {
        if piece.is_empty() {
            return;
        }
        self.write_break();
        let start = self.out.text.len();
        self.out.text.push_str(piece);
        if self.code_depth > 0 {
            let end = self.out.text.len();
            match self.out.code.last_mut() {
                // Pieces of one code run (words of a <code>) make one range.
                Some(last)
                    if self
                        .out
                        .text
                        .get(last.1..start)
                        .is_some_and(|g| g.trim().is_empty()) =>
                {
                    last.1 = end
                }
                _ => self.out.code.push((start, end)),
            }
        }
        self.out.segments.push(Segment {
            start,
            end: self.out.text.len(),
            node,
            node_start,
        });
    }
}

/// Lays out the text of `doc` (a parsed document or fragment).
pub fn layout(doc: &Html) -> TextLayout {
    let mut b = Builder {
        out: TextLayout::default(),
        pending: Break::None,
        code_depth: 0,
    };
    let mut skip_until: Option<NodeId> = None;
    let mut pre_depth = 0usize;
    let mut lists = ListNumbers::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let tag = el.name();
                        if is_skipped(tag) {
                            skip_until = Some(node.id());
                        } else if tag == "br" {
                            b.request(Break::Line);
                        } else if matches!(tag, "td" | "th") {
                            // A line per table cell, as extraction writes it.
                            b.request(Break::Line);
                        } else if tag == "mtd" {
                            b.request(Break::Space);
                        } else if is_block(tag) {
                            b.request(Break::Paragraph);
                        }
                        lists.open(tag, |k| el.attr(k));
                        if tag == "li" {
                            if let Some(mark) = lists.item() {
                                b.mark(&mark);
                            }
                        }
                        if tag == "pre" {
                            pre_depth += 1;
                        }
                        if is_code(tag) {
                            b.code_depth += 1;
                        }
                    }
                    Node::Text(t) => {
                        let s: &str = t;
                        if pre_depth > 0 {
                            // Keep whitespace, but trim blank lines at the edges of the block.
                            let trimmed = s.trim_matches('\n');
                            let off = s.find(trimmed).unwrap_or(0);
                            // The trimmed newlines still end a line (highlighted code).
                            if s.starts_with('\n') {
                                b.request(Break::Line);
                            }
                            b.emit(trimmed, node.id(), off);
                            if s.ends_with('\n') {
                                b.request(Break::Line);
                            }
                        } else {
                            let mut word_start: Option<usize> = None;
                            for (i, c) in s.char_indices() {
                                if c.is_whitespace() {
                                    if let Some(ws) = word_start.take() {
                                        b.emit(&s[ws..i], node.id(), ws);
                                    }
                                    b.request(Break::Space);
                                } else if word_start.is_none() {
                                    word_start = Some(i);
                                }
                            }
                            if let Some(ws) = word_start {
                                b.emit(&s[ws..], node.id(), ws);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip_until {
                    if id == node.id() {
                        skip_until = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let tag = el.name();
                    if matches!(tag, "td" | "th") {
                        b.request(Break::Line);
                    } else if tag == "mtd" {
                        b.request(Break::Space);
                    } else if is_block(tag) {
                        b.request(Break::Paragraph);
                    }
                    lists.close(tag);
                    if tag == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if is_code(tag) {
                        b.code_depth = b.code_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    b.out
}

/// Plain text of an HTML fragment: paragraphs separated by blank lines.
pub fn html_to_text(html: &str) -> String {
    layout(&Html::parse_fragment(html)).text
}

/// Number of words, with CJK (and other scripts written without spaces) counted by character.
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            count += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else if c.is_whitespace() {
            in_word = false;
        }
    }
    count
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_inline_and_whitespace() {
        let t = html_to_text(
            "<h1>Title</h1><p>Hello  <b>big</b>\n world</p><p>a<i>b</i> c<br>d</p><script>x()</script>",
        );
        assert_eq!(t, "Title\n\nHello big world\n\nab c\nd");
    }

    #[test]
    fn ordered_list_items_carry_their_numbers() {
        let t = html_to_text(
            "<ol><li>Install</li><li>Run <ul><li>fast</li></ul></li></ol>\
             <ol start=\"4\"><li>Four</li></ol><ol type=\"a\"><li>x</li></ol>\
             <ol reversed><li>y</li></ol>",
        );
        assert_eq!(t, "1. Install\n\n2. Run\n\nfast\n\n4. Four\n\nx\n\ny");
    }

    #[test]
    fn pre_keeps_whitespace() {
        let t = html_to_text("<p>x</p><pre>\nfn  main() {\n    1\n}\n</pre>");
        assert_eq!(t, "x\n\nfn  main() {\n    1\n}");
    }

    #[test]
    fn segments_map_back_to_nodes() {
        let doc = Html::parse_fragment("<p>Vladimir <b>Putin</b> spoke</p>");
        let lay = layout(&doc);
        assert_eq!(lay.text, "Vladimir Putin spoke");
        for s in &lay.segments {
            let node = doc.tree.get(s.node).expect("node");
            let Node::Text(t) = node.value() else {
                panic!("segment not on a text node")
            };
            let src: &str = t;
            assert_eq!(
                &src[s.node_start..s.node_start + (s.end - s.start)],
                &lay.text[s.start..s.end]
            );
        }
    }

    #[test]
    fn code_ranges_are_recorded_and_blanked() {
        let lay = layout(&Html::parse_fragment(
            "<p>Call <code>Vec::new</code> now</p><pre>let x = Box::new(1);\nfoo()</pre><p>After</p>",
        ));
        let code: Vec<&str> = lay.code.iter().map(|&(a, b)| &lay.text[a..b]).collect();
        assert_eq!(code, ["Vec::new", "let x = Box::new(1);\nfoo()"]);
        let blank = blank_ranges(&lay.text, &lay.code);
        assert_eq!(blank.len(), lay.text.len());
        assert!(blank.starts_with("Call          now"), "{blank}");
        assert!(blank.ends_with("\n     \n\nAfter"), "{blank}");
        assert_eq!(blank_ranges("a ★ b", &[(2, 5)]), "a     b");
    }

    #[test]
    fn counts_words_and_cjk() {
        assert_eq!(word_count("Hello, big world"), 3);
        assert_eq!(word_count("日本語 text"), 4);
    }
}
