//! A fast path for the extension's own captures: `capture.js` writes the live DOM as strict,
//! well-formed HTML (every element closed, attributes double-quoted, only `&amp; &lt; &gt;
//! &quot;` escapes, no comments, no foreign content but MathML, raw text only in JSON-LD
//! scripts). That subset is read here straight into the [`Dom`], without html5ever's tokenizer
//! and tree builder (most of extraction's time on a captured page).
//!
//! Anything outside the subset gives `None` and the caller parses with html5ever, so any input
//! is still read correctly; the tests hold both parsers to the same tree on capture-style
//! serialisations of every corpus page.

use std::borrow::Cow;
use std::collections::HashSet;

use super::dom::{closes_p, is_void, Dom, Id, LocalName, StrTendril, ROOT};

/// What a capture starts with (`capture.js` writes the doctype in this spelling).
const PREFIX: &str = "<!DOCTYPE html><html";

/// Deeper input goes to html5ever after the depth cap (see `depth`).
use crate::html::MAX_DEPTH;

/// Attributes kept per element (capture writes at most 64); the rest are skipped.
const MAX_ATTRS: usize = 256;

/// Elements the subset leaves out: their parsing differs (raw text, foreign content, templates,
/// tree-builder rules that reshape what holds them) and capture never writes them.
fn is_unexpected(tag: &str) -> bool {
    matches!(
        tag,
        "style"
            | "textarea"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "template"
            | "svg"
            | "frameset"
            | "frame"
            | "select"
            | "option"
            | "optgroup"
            | "button"
            | "image"
            | "isindex"
            | "keygen"
            | "param"
            | "basefont"
            | "bgsound"
            | "applet"
            | "object"
            | "marquee"
            | "nobr"
    )
}

/// Where reading stopped, for the tests' messages.
#[cfg(test)]
fn stop_at(html: &str) -> usize {
    let Some(mut p) = Parser::new(html) else {
        return 0;
    };
    let _ = p.run();
    p.pos
}

/// Reads a capture; `None` when `html` is not in the subset (then parse it with html5ever).
pub fn parse(html: &str) -> Option<Dom> {
    let mut p = Parser::new(html)?;
    p.dom.reserve(html.len() / 40 + 16);
    p.run()?;
    p.check_shape()?;
    Some(p.dom)
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    dom: Dom,
    /// Open elements: (node, tag).
    stack: Vec<(Id, LocalName)>,
}

impl Parser<'_> {
    /// A parser at `<html` after the doctype, if `html` starts like a capture.
    fn new(html: &str) -> Option<Parser<'_>> {
        html.strip_prefix(PREFIX)?;
        // A parser rewrites these wherever they are (CR to LF, NUL to U+FFFD).
        if html.contains('\r') || html.contains('\0') {
            return None;
        }
        Some(Parser {
            src: html,
            pos: PREFIX.len() - "<html".len(),
            dom: Dom::new(),
            stack: Vec::new(),
        })
    }

    fn run(&mut self) -> Option<()> {
        let bytes = self.src.as_bytes();
        while self.pos < bytes.len() {
            if bytes.get(self.pos) == Some(&b'<') {
                match bytes.get(self.pos + 1) {
                    Some(b'/') => self.close()?,
                    Some(c) if c.is_ascii_alphabetic() => self.open()?,
                    _ => return None, // comments, doctypes, stray '<'
                }
            } else {
                let end = memchr_lt(bytes, self.pos);
                let raw = self.src.get(self.pos..end)?;
                self.pos = end;
                self.text(raw)?;
            }
        }
        self.stack.is_empty().then_some(())
    }

    fn parent(&self) -> Option<Id> {
        self.stack.last().map(|s| s.0)
    }

    fn text(&mut self, raw: &str) -> Option<()> {
        // Text belongs in body (or title): a parser moves it anywhere else. Whitespace stays
        // in head and in html after head, and is dropped in html before head.
        let top = self.stack.last()?;
        let blank = raw
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0c'));
        match &*top.1 {
            "html" | "head" if !blank => return None,
            "html" if self.dom.first_child(top.0).is_none() => return Some(()),
            "html"
                if self
                    .dom
                    .last_child(top.0)
                    .is_some_and(|c| self.dom.tag(c) == "body") =>
            {
                return None
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "colgroup" if !blank => return None,
            _ => {}
        }
        let parent = top.0;
        let mut decoded = decode(raw)?;
        // A parser drops a newline right after <pre> and <listing>.
        if matches!(&*top.1, "pre" | "listing") && self.dom.first_child(parent).is_none() {
            if let Some(rest) = decoded.strip_prefix('\n') {
                decoded = Cow::Owned(rest.to_string());
            }
            if decoded.is_empty() {
                return Some(());
            }
        }
        match self
            .dom
            .last_child(parent)
            .filter(|&c| self.dom.text(c).is_some())
        {
            Some(t) => self.dom.push_text(t, &decoded),
            None => {
                let t = self.dom.create_text(&decoded);
                self.dom.append(parent, t);
            }
        }
        Some(())
    }

    fn open(&mut self) -> Option<()> {
        let bytes = self.src.as_bytes();
        let start = self.pos + 1;
        let mut i = start;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.' | b'_'))
        {
            i += 1;
        }
        let name = lower(self.src.get(start..i)?);
        if is_unexpected(&name) {
            return None;
        }
        let mut attrs: Vec<(LocalName, StrTendril)> = Vec::new();
        // Names seen on this element: a list scan per attribute is quadratic in their number.
        let mut seen: HashSet<LocalName> = HashSet::new();
        loop {
            match bytes.get(i)? {
                b'>' => {
                    i += 1;
                    break;
                }
                b' ' => {
                    i += 1;
                    let a = i;
                    while bytes.get(i).is_some_and(|b| {
                        !matches!(b, b'=' | b' ' | b'>' | b'/' | b'"' | b'\'' | b'<')
                    }) {
                        i += 1;
                    }
                    let key = lower(self.src.get(a..i)?);
                    if key.is_empty() {
                        return None;
                    }
                    let value = if bytes.get(i) == Some(&b'=') {
                        if bytes.get(i + 1) != Some(&b'"') {
                            return None;
                        }
                        let v0 = i + 2;
                        let v1 = v0 + bytes.get(v0..)?.iter().position(|&b| b == b'"')?;
                        i = v1 + 1;
                        decode(self.src.get(v0..v1)?)?
                    } else {
                        Cow::Borrowed("")
                    };
                    // A parser keeps the first of repeated attributes. Captures write at most
                    // 64 per element; beyond MAX_ATTRS the rest are skipped (html5ever's own
                    // duplicate check is quadratic, so handing such input to it is no way out).
                    if attrs.len() < MAX_ATTRS {
                        let name = LocalName::from(&*key);
                        if seen.insert(name.clone()) {
                            attrs.push((name, StrTendril::from_slice(&value)));
                        }
                    }
                }
                _ => return None,
            }
        }
        // A parser renames MathML's namespaced and mixed-case attributes.
        if crate::mathml::is_element(&name)
            && attrs
                .iter()
                .any(|(k, _)| k.contains(':') || &**k == "definitionurl")
        {
            return None;
        }
        self.pos = i;
        self.place(&name)?;
        let tag = LocalName::from(&*name);
        let el = self.dom.create_element_with(tag.clone(), attrs);
        match self.parent() {
            Some(p) => self.dom.append(p, el),
            None => self.dom.append(ROOT, el),
        }
        if is_void(&name) {
            return Some(());
        }
        if self.stack.len() >= MAX_DEPTH {
            return None;
        }
        self.stack.push((el, tag));
        if name == "script" {
            // JSON-LD: raw text up to the end tag (capture writes `<\/` inside).
            let body = self.src.get(self.pos..)?;
            let end = body.find("</script>")?;
            let raw = body.get(..end)?;
            // Comment-like text changes where a parser ends a script.
            if raw.contains("<!--") {
                return None;
            }
            if !raw.is_empty() {
                let t = self.dom.create_text(raw);
                self.dom.append(el, t);
            }
            self.pos += end;
        }
        Some(())
    }

    /// Checks that `name` may open here without a parser reshaping the tree: `html` first,
    /// then `head` and `body` in it, everything else inside them.
    fn place(&self, name: &str) -> Option<()> {
        let parent = self.stack.last().map(|s| &*s.1);
        let ok = match (parent, name) {
            (None, "html") => self.dom.first_child(ROOT).is_none(),
            (None, _) | (_, "html") => false,
            // RCDATA: a parser reads tags in a title as text.
            (Some("title"), _) => false,
            (Some("html"), "head") => self.dom.first_child(self.parent()?).is_none(),
            (Some("html"), "body") => true,
            (Some("html"), _) | (_, "head" | "body") => false,
            (Some("head"), t) => matches!(t, "meta" | "link" | "title" | "script"),
            // Inside MathML only MathML: a parser moves most HTML out of a formula.
            (Some(p), t) if crate::mathml::is_element(p) && !crate::mathml::is_element(t) => false,
            // Content a parser would not leave where it is.
            (Some(_), t) if closes_p(t) && self.p_in_button_scope() => false,
            (Some("table"), t) => matches!(t, "caption" | "colgroup" | "tbody" | "thead" | "tfoot"),
            (Some("tbody" | "thead" | "tfoot"), t) => t == "tr",
            (Some("tr"), t) => matches!(t, "td" | "th"),
            (Some("colgroup"), t) => t == "col",
            (
                Some(_),
                "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" | "caption" | "col" | "colgroup",
            ) => false,
            // A parser closes an open <a> (adoption agency) and list items in scope.
            (Some(_), "a") if self.a_open() => false,
            (Some(_), "li") if self.open_in_scope(&["li"]) => false,
            (Some(_), "dd" | "dt") if self.open_in_scope(&["dd", "dt"]) => false,
            // A parser ignores a form inside a form.
            (Some(_), "form") if self.stack.iter().any(|s| &*s.1 == "form") => false,
            (Some(p), t) if is_heading(p) && is_heading(t) => false,
            _ => true,
        };
        ok.then_some(())
    }

    /// Whether one of `tags` is open above the nearest element that bounds the tree builder's
    /// search for it (a subset of its special elements: stopping early only means more pages
    /// go to html5ever).
    fn open_in_scope(&self, tags: &[&str]) -> bool {
        for (_, tag) in self.stack.iter().rev() {
            let tag: &str = tag;
            if tags.contains(&tag) {
                return true;
            }
            if matches!(
                tag,
                "html"
                    | "body"
                    | "table"
                    | "td"
                    | "th"
                    | "caption"
                    | "ul"
                    | "ol"
                    | "dl"
                    | "menu"
                    | "section"
                    | "article"
                    | "aside"
                    | "nav"
                    | "header"
                    | "footer"
                    | "main"
                    | "blockquote"
                    | "figure"
                    | "fieldset"
                    | "details"
            ) {
                return false;
            }
        }
        false
    }

    /// Whether an `<a>` is still open since the last table cell or caption (the markers of the
    /// parser's list of active formatting elements).
    fn a_open(&self) -> bool {
        for (_, tag) in self.stack.iter().rev() {
            match &**tag {
                "a" => return true,
                "td" | "th" | "caption" | "html" => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether an open `<p>` is in button scope (a block start tag would close it).
    fn p_in_button_scope(&self) -> bool {
        for (_, tag) in self.stack.iter().rev() {
            match &**tag {
                "p" => return true,
                "html" | "table" | "td" | "th" | "caption" | "button" | "applet" | "marquee"
                | "object" | "template" => return false,
                _ => {}
            }
        }
        false
    }

    fn close(&mut self) -> Option<()> {
        let bytes = self.src.as_bytes();
        let start = self.pos + 2;
        let end = start + bytes.get(start..)?.iter().position(|&b| b == b'>')?;
        let name = self.src.get(start..end)?.to_ascii_lowercase();
        let (_, open) = self.stack.pop()?;
        if *open != *name {
            return None;
        }
        self.pos = end + 1;
        Some(())
    }

    /// The document is `html` holding `head` then `body`.
    fn check_shape(&self) -> Option<()> {
        let html = self.dom.first_child(ROOT)?;
        if self.dom.next_sibling(html).is_some() {
            return None;
        }
        let kids: Vec<&str> = self
            .dom
            .children(html)
            .filter(|&c| self.dom.text(c).is_none())
            .map(|c| self.dom.tag(c))
            .collect();
        (kids == ["head", "body"]).then_some(())
    }
}

fn is_heading(t: &str) -> bool {
    matches!(t, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn memchr_lt(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
        .map_or(bytes.len(), |p| from + p)
}

/// Decodes the escapes capture writes (and `&nbsp;`, which our own serialiser writes); `None`
/// for any other character reference.
fn decode(s: &str) -> Option<Cow<'_, str>> {
    if !s.contains('&') {
        return Some(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at)?);
        let tail = rest.get(at..)?;
        let (ch, len) = if tail.starts_with("&amp;") {
            ('&', 5)
        } else if tail.starts_with("&lt;") {
            ('<', 4)
        } else if tail.starts_with("&gt;") {
            ('>', 4)
        } else if tail.starts_with("&quot;") {
            ('"', 6)
        } else if tail.starts_with("&nbsp;") {
            ('\u{a0}', 6)
        } else {
            return None;
        };
        out.push(ch);
        rest = tail.get(len..)?;
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// `s` in ASCII lower case, borrowed when it already is (capture writes lower-case names).
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dom::Data;
    use crate::extract::sink::parse_document;

    /// What capture.js leaves out.
    const SKIP: [&str; 27] = [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "canvas",
        "svg",
        "input",
        "select",
        "textarea",
        "button",
        "option",
        "datalist",
        "base",
        "dialog",
        "audio",
        "video",
        "map",
        "area",
        "applet",
        "annotation",
        "annotation-xml",
        "mglyph",
    ];

    /// A page as capture.js would write it: parsed, the skipped elements removed (JSON-LD
    /// kept), serialised with the doctype.
    fn capture_like(source: &str) -> String {
        let mut dom = parse_document(source);
        for n in dom.descendants_with_tags(ROOT, &SKIP) {
            let ld = dom.tag(n) == "script" && dom.attr(n, "type") == Some("application/ld+json");
            if !ld {
                dom.detach(n);
            }
        }
        format!("<!DOCTYPE html>{}", dom.inner_html(ROOT))
    }

    #[test]
    fn reads_captures_like_html5ever() {
        let dir = crate::eval::shared_dir().join("corpus/readability");
        let (mut pages, mut strict_pages) = (0, 0);
        let mut bad = Vec::new();
        let mut slow_path = Vec::new();
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let Ok(bytes) = std::fs::read(e.path().join("source.html")) else {
                continue;
            };
            pages += 1;
            let s = capture_like(&String::from_utf8_lossy(&bytes));
            let Some(fast) = parse(&s) else {
                let at = stop_at(&s);
                slow_path.push(format!("{:?} at {:?}", e.file_name(), s.get(at..at + 40)));
                continue;
            };
            strict_pages += 1;
            let slow = parse_document(&s);
            if fast.inner_html(ROOT) != slow.inner_html(ROOT) {
                bad.push(e.file_name().to_string_lossy().into_owned());
            }
        }
        assert!(bad.is_empty(), "trees differ: {bad:?}");
        // Nearly every capture takes the fast path.
        assert!(
            pages >= 130 && strict_pages * 10 >= pages * 9,
            "{strict_pages} of {pages}: {slow_path:#?}"
        );
    }

    #[test]
    fn reads_mathml_like_html5ever() {
        let doc = "<!DOCTYPE html><html><head></head><body><p>So <math display=\"block\">\
                   <mfrac><mi>a</mi><mrow><mn>2</mn><mi>b</mi></mrow></mfrac><mspace width=\"1em\">\
                   </mspace><mtext>ok</mtext></math> and <mi>not maths</mi>.</p></body></html>";
        let fast = parse(doc).expect("MathML stays on the fast path");
        assert_eq!(fast.inner_html(ROOT), parse_document(doc).inner_html(ROOT));
    }

    #[test]
    fn leaves_anything_else_to_html5ever() {
        for html in [
            "<html><body><p>no doctype</p></body></html>",
            "<!DOCTYPE html><html><head></head><body><p>unclosed</body></html>",
            "<!DOCTYPE html><html><head></head><body><p>a<div>b</div></p></body></html>",
            "<!DOCTYPE html><html><head></head><body><p class=x>unquoted</p></body></html>",
            "<!DOCTYPE html><html><head></head><body><!-- c --></body></html>",
            "<!DOCTYPE html><html><head></head><body>&copy;</body></html>",
            "<!DOCTYPE html><html><head></head><body><table><tr><td>x</td></tr></table></body></html>",
            "<!DOCTYPE html><html><head></head><body><svg></svg></body></html>",
            "<!DOCTYPE html><html><head></head><body><math><mrow><b>x</b></mrow></math></body></html>",
            "<!DOCTYPE html><html><head></head><body><math><mi xlink:href=\"x\">x</mi></math></body></html>",
            "<!DOCTYPE html><html><head></head><body><br/></body></html>",
            "<!DOCTYPE html><html><head></head><body></body></html><p>after</p>",
            "<!DOCTYPE html><html><head>text</head><body></body></html>",
        ] {
            assert!(parse(html).is_none(), "{html}");
        }
    }

    #[test]
    fn cut_or_mangled_captures_never_panic() {
        let docs = [
            "<!DOCTYPE html><html lang=\"é\"><head><title>Ünï &amp; ∑</title></head>\
             <body><p title=\"a&quot;b\">日本語 <b>x</b>&lt;</p><pre>\ny</pre><br></body></html>",
            "<!DOCTYPE html><html><head><meta name=\"a\" content=\"b\"></head><body><div>\
             <h2>T</h2><ul><li><a href=\"/x\">l</a></li></ul><table><tbody><tr><td>1</td>\
             </tr></tbody></table><dl><dt>a</dt><dd>b</dd></dl><figure><img src=\"i\">\
             <figcaption>c</figcaption></figure></div></body></html>",
        ];
        for doc in docs {
            for cut in 0..=doc.len() {
                if let Some(part) = doc.get(..cut) {
                    let _ = parse(part);
                }
            }
            mangle(doc);
        }
    }

    fn mangle(doc: &str) {
        for (i, _) in doc.char_indices() {
            for junk in [
                "<",
                ">",
                "&",
                "\"",
                "</p>",
                "<p>",
                "\u{0}",
                "\r",
                "é",
                "<!--",
                "<a>",
                "</a>",
                "<a></a>",
                "<table>",
                "<tr>",
                "<td>x</td>",
                "&amp",
                "&#65;",
                "<svg>",
                " x=y",
                " x",
                "<br/>",
                "</br>",
                "<li>",
                "<div>",
                "<h2>",
                "<form>",
                "</body>",
                "<body>",
                "<head>",
                "<title>",
                "<script>",
                "</html>",
                "<p></p>",
                "<dd>",
                "<li></li>",
            ] {
                let mangled = format!("{}{junk}{}", &doc[..i], &doc[i..]);
                if let Some(d) = parse(&mangled) {
                    // Whatever it accepts, html5ever reads the same.
                    assert_eq!(
                        d.inner_html(ROOT),
                        parse_document(&mangled).inner_html(ROOT),
                        "{mangled}"
                    );
                }
            }
        }
    }

    #[test]
    fn reads_the_subset() {
        let d = parse(
            "<!DOCTYPE html><html lang=\"en\"><head><title>A &amp; B</title>\
             <script type=\"application/ld+json\">{\"a\":\"<\\/b>\"}</script></head>\
             <body class=\"x\"><p title=\"&quot;q&quot;\">One &lt;two&gt;&nbsp;</p><pre>\nkeep</pre>\
             <img src=\"a.png\" alt=\"\"></body></html>",
        )
        .expect("in the subset");
        let ps = d.descendants_with_tags(ROOT, &["p"]);
        assert_eq!(d.attr(ps[0], "title"), Some("\"q\""));
        assert_eq!(d.text_content(ps[0]), "One <two>\u{a0}");
        let pre = d.descendants_with_tags(ROOT, &["pre"]);
        assert_eq!(d.text_content(pre[0]), "keep");
        let script = d.descendants_with_tags(ROOT, &["script"]);
        assert!(matches!(
            d.node(d.first_child(script[0]).unwrap_or(0)).map(|n| &n.data),
            Some(Data::Text(t)) if t.contains("<\\/b>")
        ));
    }
}
