//! Sanitised article HTML to Markdown (for `lectern extract --format markdown`).

use ego_tree::iter::Edge;
use scraper::{Html, Node};

fn heading_level(tag: &str) -> Option<usize> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Converts an HTML fragment to Markdown. Iterative, so deep trees are fine.
pub fn to_markdown(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut out = String::new();
    let mut line = String::new();
    let mut list_stack: Vec<(bool, usize)> = Vec::new(); // (ordered, counter)
    let mut quote = 0usize;
    let mut pre = 0usize;
    let mut links: Vec<Option<String>> = Vec::new();
    let mut in_li = 0usize;
    // Table rows are lines of one block; the header row gets a separator line.
    let mut in_table = 0usize;
    let mut row_has_th = false;
    let mut header_done = false;
    // Ends the current block; list items are not separated by blank lines.
    let flush = |out: &mut String, line: &mut String, quote: usize, in_li: usize| {
        let t = line.trim_end();
        // A list marker with nothing after it (an item that held only an image we dropped).
        let bare = t.trim();
        let empty_item = bare == "-"
            || (bare.ends_with('.') && bare[..bare.len() - 1].chars().all(|c| c.is_ascii_digit()));
        if !bare.is_empty() && !empty_item {
            let prefix = "> ".repeat(quote);
            for l in t.lines() {
                out.push_str(&prefix);
                out.push_str(l.trim_end());
                out.push('\n');
            }
            if in_li == 0 {
                out.push_str(prefix.trim_end());
                out.push('\n');
            }
        }
        line.clear();
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    if pre > 0 {
                        line.push_str(t);
                    } else {
                        let s: &str = t;
                        let collapsed: Vec<&str> = s.split_whitespace().collect();
                        if s.starts_with(char::is_whitespace)
                            && !line.ends_with(' ')
                            && !line.is_empty()
                        {
                            line.push(' ');
                        }
                        line.push_str(&collapsed.join(" "));
                        if s.ends_with(char::is_whitespace) && !collapsed.is_empty() {
                            line.push(' ');
                        }
                    }
                }
                Node::Element(e) => {
                    let tag = e.name();
                    if let Some(l) = heading_level(tag) {
                        flush(&mut out, &mut line, quote, in_li);
                        line.push_str(&"#".repeat(l.max(2)));
                        line.push(' ');
                    }
                    match tag {
                        "table" => {
                            flush(&mut out, &mut line, quote, in_li);
                            in_table += 1;
                            header_done = false;
                        }
                        "tr" => {
                            flush(&mut out, &mut line, quote, in_li + in_table);
                            row_has_th = false;
                        }
                        "th" => {
                            row_has_th = true;
                            line.push_str("| ");
                        }
                        "p" | "div" | "section" | "article" | "figure" | "figcaption" | "dl"
                        | "dt" | "dd" | "hr" => {
                            flush(&mut out, &mut line, quote, in_li + in_table);
                            if tag == "hr" {
                                out.push_str("---\n\n");
                            }
                        }
                        "br" => line.push('\n'),
                        "blockquote" => {
                            flush(&mut out, &mut line, quote, in_li);
                            quote += 1;
                        }
                        "pre" => {
                            flush(&mut out, &mut line, quote, in_li);
                            pre += 1;
                            line.push_str("```\n");
                        }
                        "code" if pre == 0 => line.push('`'),
                        "em" | "i" => line.push('*'),
                        "strong" | "b" => line.push_str("**"),
                        "ul" | "ol" => {
                            flush(&mut out, &mut line, quote, in_li);
                            list_stack.push((tag == "ol", 0));
                        }
                        "li" => {
                            flush(&mut out, &mut line, quote, in_li);
                            in_li += 1;
                            let depth = list_stack.len().saturating_sub(1);
                            line.push_str(&"  ".repeat(depth));
                            match list_stack.last_mut() {
                                Some((true, c)) => {
                                    *c += 1;
                                    line.push_str(&format!("{c}. "));
                                }
                                _ => line.push_str("- "),
                            }
                        }
                        "td" => line.push_str("| "),
                        "a" => {
                            let href = e.attr("href").map(str::to_string);
                            if href.is_some() {
                                line.push('[');
                            }
                            links.push(href);
                        }
                        "img" => {
                            if let Some(src) = e.attr("src") {
                                let alt = e.attr("alt").unwrap_or("");
                                line.push_str(&format!("![{alt}]({src})"));
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    let tag = e.name();
                    if heading_level(tag).is_some() {
                        flush(&mut out, &mut line, quote, in_li);
                    }
                    match tag {
                        "caption" => flush(&mut out, &mut line, quote, in_li),
                        "tr" => {
                            let cols = line.matches("| ").count();
                            line.push('|');
                            flush(&mut out, &mut line, quote, in_li + in_table);
                            if !header_done && cols > 0 {
                                header_done = true;
                                if row_has_th {
                                    out.push_str(&"|---".repeat(cols));
                                    out.push_str("|\n");
                                }
                            }
                        }
                        "table" => {
                            flush(&mut out, &mut line, quote, in_li + in_table);
                            in_table = in_table.saturating_sub(1);
                            out.push('\n');
                        }
                        "p" | "div" | "section" | "article" | "figure" | "figcaption" | "dl"
                        | "dt" | "dd" => flush(&mut out, &mut line, quote, in_li + in_table),
                        "li" => {
                            flush(&mut out, &mut line, quote, in_li);
                            in_li = in_li.saturating_sub(1);
                        }
                        "blockquote" => {
                            flush(&mut out, &mut line, quote, in_li);
                            quote = quote.saturating_sub(1);
                        }
                        "pre" => {
                            if !line.ends_with('\n') {
                                line.push('\n');
                            }
                            line.push_str("```");
                            // Keep code whitespace: emit verbatim.
                            out.push_str(&line);
                            out.push_str("\n\n");
                            line.clear();
                            pre = pre.saturating_sub(1);
                        }
                        "code" if pre == 0 => line.push('`'),
                        "em" | "i" => line.push('*'),
                        "strong" | "b" => line.push_str("**"),
                        "ul" | "ol" => {
                            flush(&mut out, &mut line, quote, in_li);
                            list_stack.pop();
                            if list_stack.is_empty() {
                                out.push('\n');
                            }
                        }
                        "td" | "th" => line.push(' '),
                        "a" => {
                            if let Some(Some(href)) = links.pop() {
                                line.push_str(&format!("]({href})"));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    flush(&mut out, &mut line, quote, in_li);
    // Collapse the blank-line runs the block handling leaves behind.
    let mut result = String::new();
    let mut blank = 0;
    for l in out.lines() {
        if l.trim().is_empty() || l.trim() == ">" {
            blank += 1;
            if blank == 1 {
                result.push('\n');
            }
        } else {
            blank = 0;
            result.push_str(l);
            result.push('\n');
        }
    }
    result.trim().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_blocks() {
        let md = to_markdown(
            "<h2>Head</h2><p>Some <em>text</em> with <a href=\"https://x.org/\">a link</a>.</p>\
             <ul><li>one</li><li>two</li></ul><pre><code>let  x = 1;\n</code></pre>",
        );
        assert!(md.contains("## Head"), "{md}");
        assert!(
            md.contains("Some *text* with [a link](https://x.org/)."),
            "{md}"
        );
        assert!(md.contains("- one\n- two"), "{md}");
        assert!(md.contains("```\nlet  x = 1;\n```"), "{md}");
        let t = to_markdown(
            "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>",
        );
        assert!(t.contains("| a | b |\n|---|---|\n| 1 | 2 |"), "{t}");
    }
}
