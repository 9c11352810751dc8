//! Entity marks in article HTML: recognise entities in the fragment's plain text (the same text
//! as `Article.text`) and wrap each mention's pieces in `<mark>`, one per text node it touches,
//! so the markup stays well-formed when a mention spans inline tags.
//!
//! The fragment is re-serialised by a small iterative serializer that follows html5ever's
//! rules (escaping, void elements, raw-text elements), so nothing but the marks changes.

use std::collections::HashMap;
use std::fmt::Write;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};

use super::{recognize_page, Entities, Page};
use crate::escape::{escape_attr, escape_text, escaped_text_len};
use crate::text::{blank_ranges, is_code, layout, HtmlSpan, Segment};

/// A marked piece of a text node: byte range in the node's text and the mention index.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    mention: usize,
}

/// Recognises the entities of an article fragment and returns it with `<mark>` wrappers.
pub fn annotate_html(content_html: &str) -> (String, Entities) {
    annotate_html_in(content_html, &Page::default())
}

/// [`annotate_html`] for an article whose page says what it is (see [`Page`]).
pub fn annotate_html_in(content_html: &str, page: &Page) -> (String, Entities) {
    let doc = Html::parse_fragment(content_html);
    let lay = layout(&doc);
    let ents = recognize_prose(&lay.text, &lay.code, page);
    let pieces = pieces_by_node(&lay.segments, &ents);
    (serialize(&doc, &pieces, &ents), ents)
}

/// Like [`annotate_html`] for HTML whose text runs are known (extraction's output, see
/// `crate::extract::extract_mapped`): `text` is its plain text and `spans` map that text onto
/// it, so the marks are spliced in without parsing the HTML again. `page`: what the page says of
/// itself (its declared language, its site's name).
pub fn annotate_mapped(
    html: &str,
    text: &str,
    spans: &[HtmlSpan],
    page: &Page,
) -> (String, Entities) {
    let ents = recognize_prose(text, &code_ranges(html, spans), page);
    (splice_marks(html, text, spans, &ents), ents)
}

/// Recognises the entities of `text` with its code ranges blanked out: code is never marked,
/// and identifiers in it do not feed the document's name memory. Offsets stay those of `text`.
fn recognize_prose(text: &str, code: &[(usize, usize)], page: &Page) -> Entities {
    let prose = blank_ranges(text, code);
    let mut ents = recognize_page(&prose, page);
    if code.is_empty() {
        return ents;
    }
    // Blanking keeps offsets; the mention texts (outside code) read the same in both.
    for m in &mut ents.mentions {
        if let Some(t) = text.get(m.start..m.end) {
            t.clone_into(&mut m.text);
        }
    }
    ents
}

/// The text ranges (sorted) whose runs sit inside code elements of `html`, the HTML written
/// with `spans` (by extraction, which escapes `<` in text and attributes, so every `<` opens
/// a tag).
fn code_ranges(html: &str, spans: &[HtmlSpan]) -> Vec<(usize, usize)> {
    // Byte ranges of the HTML inside code elements.
    let mut inside: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut open_at = 0usize;
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(k) = html.get(i..).and_then(|r| r.find('<')) {
        let at = i + k;
        let closing = bytes.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = html
            .get(name_start..)
            .unwrap_or("")
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let name = html
            .get(name_start..name_start + name_len)
            .unwrap_or("")
            .to_ascii_lowercase();
        // The tag ends at the first '>' outside a quoted attribute value.
        let mut j = name_start + name_len;
        let mut quoted = false;
        while let Some(&c) = bytes.get(j) {
            if c == b'"' {
                quoted = !quoted;
            } else if c == b'>' && !quoted {
                break;
            }
            j += 1;
        }
        if is_code(&name) {
            if closing {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    inside.push((open_at, at));
                }
            } else {
                if depth == 0 {
                    open_at = j + 1;
                }
                depth += 1;
            }
        }
        i = j + 1;
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for sp in spans {
        let k = inside.partition_point(|r| r.1 <= sp.html_start);
        if inside
            .get(k)
            .is_some_and(|r| r.0 <= sp.html_start && sp.html_start < r.1)
        {
            match out.last_mut() {
                Some(last) if last.1 == sp.start => last.1 = sp.end,
                _ => out.push((sp.start, sp.end)),
            }
        }
    }
    out
}

/// Inserts the marks of `ents` (mentions in `text`) into `html` at the places `spans` give.
/// The same pieces as [`annotate_html`]: one mark per text node a mention touches.
fn splice_marks(html: &str, text: &str, spans: &[HtmlSpan], ents: &Entities) -> String {
    // (html start, html end, mention), in document order.
    let mut cuts: Vec<(usize, usize, usize)> = Vec::new();
    for (mi, m) in ents.mentions.iter().enumerate() {
        let first = spans.partition_point(|s| s.end <= m.start);
        let mut open: Option<(u32, usize, usize)> = None; // (node, html start, html end)
        for sp in spans.get(first..).unwrap_or(&[]) {
            if sp.start >= m.end {
                break;
            }
            let (a, b) = (sp.start.max(m.start), sp.end.min(m.end));
            let (Some(before), Some(inner)) = (text.get(sp.start..a), text.get(a..b)) else {
                continue;
            };
            let h0 = sp.html_start + escaped_text_len(before);
            let h1 = h0 + escaped_text_len(inner);
            match &mut open {
                // Words of one mention in the same text node form one piece, spaces included.
                Some((node, _, end)) if *node == sp.node => *end = h1,
                _ => {
                    if let Some((_, s, e)) = open.take() {
                        cuts.push((s, e, mi));
                    }
                    open = Some((sp.node, h0, h1));
                }
            }
        }
        if let Some((_, s, e)) = open {
            cuts.push((s, e, mi));
        }
    }
    let mut out = String::with_capacity(html.len() + cuts.len() * 96);
    let mut pos = 0;
    for (s, e, mi) in cuts {
        let (Some(before), Some(inner), Some(m)) =
            (html.get(pos..s), html.get(s..e), ents.mentions.get(mi))
        else {
            continue;
        };
        out.push_str(before);
        let label = m.label.as_str();
        let _ = write!(
            out,
            "<mark class=\"lx-ent lx-{label}\" data-label=\"{label}\" data-entity=\"{}\" data-mention=\"{mi}\">",
            m.entity
        );
        out.push_str(inner);
        out.push_str("</mark>");
        pos = e;
    }
    out.push_str(html.get(pos..).unwrap_or(""));
    out
}

fn pieces_by_node(segments: &[Segment], ents: &Entities) -> HashMap<NodeId, Vec<Piece>> {
    let mut out: HashMap<NodeId, Vec<Piece>> = HashMap::new();
    for (mi, m) in ents.mentions.iter().enumerate() {
        let first = segments.partition_point(|s| s.end <= m.start);
        for seg in segments.get(first..).unwrap_or(&[]) {
            if seg.start >= m.end {
                break;
            }
            let s = seg.start.max(m.start);
            let e = seg.end.min(m.end);
            if s >= e {
                continue;
            }
            let piece = Piece {
                start: seg.node_start + (s - seg.start),
                end: seg.node_start + (e - seg.start),
                mention: mi,
            };
            let list = out.entry(seg.node).or_default();
            // Words of one mention in the same text node form one piece, spaces included.
            match list.last_mut() {
                Some(last) if last.mention == mi => last.end = piece.end,
                _ => list.push(piece),
            }
        }
    }
    out
}

fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

fn is_raw_text(tag: &str) -> bool {
    matches!(
        tag,
        "style" | "script" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext"
    )
}

/// Serialises the children of the fragment's root element, inserting marks into text nodes.
fn serialize(doc: &Html, pieces: &HashMap<NodeId, Vec<Piece>>, ents: &Entities) -> String {
    let root = doc.root_element();
    let mut out = String::new();
    // Void elements have no children to walk; raw-text parents keep their text verbatim.
    let mut raw_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if node.id() == root.id() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        out.push('<');
                        out.push_str(name);
                        for (qn, value) in el.attrs.iter() {
                            out.push(' ');
                            // Attribute names as html5ever writes them (by namespace).
                            let local: &str = &qn.local;
                            match &*qn.ns {
                                "http://www.w3.org/XML/1998/namespace" => out.push_str("xml:"),
                                "http://www.w3.org/2000/xmlns/" if local != "xmlns" => {
                                    out.push_str("xmlns:")
                                }
                                "http://www.w3.org/1999/xlink" => out.push_str("xlink:"),
                                _ => {}
                            }
                            out.push_str(local);
                            out.push_str("=\"");
                            escape_attr(value, &mut out);
                            out.push('"');
                        }
                        out.push('>');
                        if is_raw_text(name) {
                            raw_depth += 1;
                        }
                    }
                    Node::Text(t) => {
                        let s: &str = t;
                        if raw_depth > 0 {
                            out.push_str(s);
                        } else if let Some(ps) = pieces.get(&node.id()) {
                            write_marked(s, ps, ents, &mut out);
                        } else {
                            escape_text(s, &mut out);
                        }
                    }
                    Node::Comment(c) => {
                        out.push_str("<!--");
                        out.push_str(c);
                        out.push_str("-->");
                    }
                    Node::Doctype(d) => {
                        out.push_str("<!DOCTYPE ");
                        out.push_str(d.name());
                        out.push('>');
                    }
                    Node::ProcessingInstruction(pi) => {
                        out.push_str("<?");
                        out.push_str(&pi.target);
                        out.push(' ');
                        out.push_str(&pi.data);
                        out.push('>');
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if node.id() == root.id() {
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if is_raw_text(name) {
                        raw_depth = raw_depth.saturating_sub(1);
                    }
                    if !is_void(name) {
                        out.push_str("</");
                        out.push_str(name);
                        out.push('>');
                    }
                }
            }
        }
    }
    out
}

fn write_marked(s: &str, pieces: &[Piece], ents: &Entities, out: &mut String) {
    let mut pos = 0;
    for p in pieces {
        let (Some(before), Some(inner)) = (s.get(pos..p.start), s.get(p.start..p.end)) else {
            continue;
        };
        let Some(m) = ents.mentions.get(p.mention) else {
            continue;
        };
        escape_text(before, out);
        let label = m.label.as_str();
        let _ = write!(
            out,
            "<mark class=\"lx-ent lx-{label}\" data-label=\"{label}\" data-entity=\"{}\" data-mention=\"{}\">",
            m.entity, p.mention
        );
        escape_text(inner, out);
        out.push_str("</mark>");
        pos = p.end;
    }
    escape_text(s.get(pos..).unwrap_or(""), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmarked_fragment_serialises_like_scraper() {
        let html = "<div><p class=\"a\" title='x&amp;\"y'>1 &lt; 2 &amp; 3&nbsp;4<br><img src=\"a.png\" alt=\"\"></p><!-- c --><pre>  a\n b</pre><table><tbody><tr><td>x</td></tr></tbody></table></div>";
        let doc = Html::parse_fragment(html);
        let expected = doc.root_element().inner_html();
        let got = serialize(&doc, &HashMap::new(), &Entities::default());
        assert_eq!(got, expected);
    }
}
