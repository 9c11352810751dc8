//! The article's sanitised HTML and its plain text, written in one walk over the extraction
//! DOM (no serialise-and-reparse through ammonia and then through `crate::text`).
//!
//! Same allow-list and URL rules as [`super::sanitize`] (ammonia's semantics: disallowed tags
//! are unwrapped, `DROP_WITH_CONTENT` tags go with their content, URL attributes are resolved
//! against the base and must use an allowed scheme, links get `rel="noopener noreferrer"`).
//! The text follows `crate::text`'s rules over the elements written. Tests over the corpus check
//! that ammonia leaves this output unchanged and that `html_to_text(content)` equals the text.

use super::dom::{closes_p, Data, Dom, Id};
use super::sanitize::{allowed_tag, attr_may_survive, drops_with_content, filter_attr};
use crate::escape::{escape_attr, escape_text, escaped_text_len};
use crate::mathml;
use crate::text::{is_block, HtmlSpan, ListNumbers};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
    Paragraph,
}

struct Text {
    out: String,
    pending: Break,
    pre_depth: usize,
    /// Text nodes inside `<pre>` are gathered so they are trimmed as the parser would see them
    /// (one merged text node).
    pre_run: String,
    /// The text nodes in `pre_run`.
    pre_nodes: Vec<PreNode>,
    /// Where each run of `out` sits in the HTML.
    spans: Vec<HtmlSpan>,
    /// Text nodes as a parser of the output would see them: adjacent DOM text nodes are one,
    /// every written tag starts the next.
    node: u32,
    /// Ordered lists' item numbers, as `crate::text` writes them.
    lists: ListNumbers,
}

/// A text node gathered into `Text::pre_run`.
struct PreNode {
    /// Its byte range in `pre_run`.
    run_at: usize,
    len: usize,
    /// Where its written text starts in the HTML, and how many of its leading bytes were not
    /// written (the newline a parser drops right after `<pre>`).
    html_start: usize,
    skip: usize,
    node: u32,
}

impl Text {
    fn request(&mut self, b: Break) {
        self.flush_pre();
        if b > self.pending {
            self.pending = b;
        }
    }

    /// Appends `piece` after the pending break; returns where it starts in the text.
    fn emit(&mut self, piece: &str) -> Option<usize> {
        if piece.is_empty() {
            return None;
        }
        if !self.out.is_empty() {
            match self.pending {
                Break::None => {}
                Break::Space => self.out.push(' '),
                Break::Line => self.out.push('\n'),
                Break::Paragraph => self.out.push_str("\n\n"),
            }
        }
        self.pending = Break::None;
        let at = self.out.len();
        self.out.push_str(piece);
        Some(at)
    }

    fn flush_pre(&mut self) {
        if self.pre_run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.pre_run);
        let nodes = std::mem::take(&mut self.pre_nodes);
        let shown = run.trim_matches('\n');
        let lead = run.len() - run.trim_start_matches('\n').len();
        // Newlines trimmed between a pre's pieces (highlighted code's tokens are spans) still
        // end the line, as in `text::layout`.
        if lead > 0 {
            self.pending = self.pending.max(Break::Line);
        }
        let Some(at) = self.emit(shown) else {
            return;
        };
        if run.ends_with('\n') {
            self.pending = self.pending.max(Break::Line);
        }
        // Each node's share of the shown run, and where that share starts in the HTML.
        for n in nodes {
            let a = n.run_at.max(lead);
            let b = (n.run_at + n.len).min(lead + shown.len());
            let Some(unshown) = run.get(n.run_at + n.skip..a) else {
                continue;
            };
            if a < b {
                self.spans.push(HtmlSpan {
                    start: at + (a - lead),
                    end: at + (b - lead),
                    html_start: n.html_start + escaped_text_len(unshown),
                    node: n.node,
                });
            }
        }
    }

    /// A text node's raw text `s`, written to the HTML at `html_start` without its first `skip`
    /// bytes.
    fn text(&mut self, s: &str, html_start: usize, skip: usize) {
        let node = self.node;
        if self.pre_depth > 0 {
            self.pre_nodes.push(PreNode {
                run_at: self.pre_run.len(),
                len: s.len(),
                html_start,
                skip,
                node,
            });
            self.pre_run.push_str(s);
            return;
        }
        // Words go to the text verbatim; `h` follows each character's place in the HTML.
        let mut word_start: Option<(usize, usize)> = None;
        let mut h = html_start;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                if let Some((ws, wh)) = word_start.take() {
                    self.word(s.get(ws..i).unwrap_or(""), wh, node);
                }
                if self.pending < Break::Space {
                    self.pending = Break::Space;
                }
            } else if word_start.is_none() {
                word_start = Some((i, h));
            }
            if i >= skip {
                h += match c {
                    '&' => 5,
                    '<' | '>' => 4,
                    '\u{a0}' => 6,
                    c => c.len_utf8(),
                };
            }
        }
        if let Some((ws, wh)) = word_start {
            self.word(s.get(ws..).unwrap_or(""), wh, node);
        }
    }

    fn word(&mut self, w: &str, html_start: usize, node: u32) {
        if let Some(start) = self.emit(w) {
            self.spans.push(HtmlSpan {
                start,
                end: start + w.len(),
                html_start,
                node,
            });
        }
    }

    /// An element opens; `attr` reads the attributes as written.
    fn open<'a>(&mut self, tag: &str, attr: impl Fn(&str) -> Option<&'a str>) {
        // Every written tag ends a text node in the re-parsed output.
        self.node += 1;
        self.flush_pre();
        if tag == "br" {
            self.request(Break::Line);
        } else if matches!(tag, "td" | "th") {
            // A line per cell: recognition reads each cell on its own ("Repeat Performance",
            // then "1947"), not the row as one sentence.
            self.request(Break::Line);
        } else if tag == "mtd" {
            self.request(Break::Space);
        } else if is_block(tag) {
            self.request(Break::Paragraph);
        }
        self.lists.open(tag, attr);
        if tag == "li" {
            if let Some(mark) = self.lists.item() {
                // Shown by the browser, held by no text node: no span.
                self.emit(&mark);
                self.pending = Break::Space;
            }
        }
        if tag == "pre" {
            self.flush_pre();
            self.pre_depth += 1;
        }
    }

    fn close(&mut self, tag: &str) {
        self.node += 1;
        self.flush_pre();
        if matches!(tag, "td" | "th") {
            self.request(Break::Line);
        } else if tag == "mtd" {
            self.request(Break::Space);
        } else if is_block(tag) {
            self.request(Break::Paragraph);
        }
        self.lists.close(tag);
        if tag == "pre" {
            self.flush_pre();
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
    }
}

/// ammonia's URL check: absolute URLs need an allowed scheme; relative ones are resolved
/// against `base` (or kept when there is none); unparsable ones are dropped. Written from the
/// parsed form, so what a browser would strip or decode (tabs, newlines) is gone before
/// `filter_attr` looks at the scheme.
fn check_url(v: &str, base: Option<&url::Url>) -> Option<url::Url> {
    match url::Url::parse(v) {
        Ok(u) => matches!(u.scheme(), "http" | "https" | "mailto" | "data").then_some(u),
        Err(url::ParseError::RelativeUrlWithoutBase) => base.and_then(|b| b.join(v).ok()),
        Err(_) => None,
    }
}

/// A URL attribute's value as written, or `None` to drop it: `cite` must be a web URL, and an
/// image only what the reader may fetch for this page ([`crate::fetch_policy`]).
fn url_attr(tag: &str, k: &str, v: &str, base: Option<&url::Url>) -> Option<String> {
    let u = check_url(v, base);
    let u = match (u, base) {
        (Some(u), _) => u,
        // Relative without a base: kept as it is (nothing to resolve it against).
        (None, None) if url::Url::parse(v) == Err(url::ParseError::RelativeUrlWithoutBase) => {
            return (k != "cite").then(|| v.to_string());
        }
        (None, _) => return None,
    };
    if k == "cite" && !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    if tag == "img" && k == "src" && !crate::fetch_policy::may_fetch(&u, base) {
        return None;
    }
    Some(u.into())
}

/// The `srcset` candidates the reader may fetch (the rest of the check is `filter_attr`'s).
fn srcset_may_fetch(v: &str, base: Option<&url::Url>) -> String {
    crate::html::srcset_join(
        crate::html::srcset_candidates(v)
            .into_iter()
            .filter(|(u, _)| {
                url::Url::parse(u).map_or(true, |u| crate::fetch_policy::may_fetch(&u, base))
            }),
    )
}

fn write_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_attr(value, out);
    out.push('"');
}

fn open_tag(out: &mut String, dom: &Dom, tag: &str, n: Id, base: Option<&url::Url>) {
    out.push('<');
    out.push_str(tag);
    if let Some(e) = dom.elem(n) {
        for (k, v) in &e.attrs {
            let k: &str = k;
            if !attr_may_survive(tag, k) {
                continue;
            }
            let checked;
            let mut value: &str = v;
            if k == "href" || k == "src" || k == "cite" {
                match url_attr(tag, k, value, base) {
                    Some(u) => {
                        checked = u;
                        value = &checked;
                    }
                    None => continue,
                }
            }
            let kept;
            if tag == "img" && k == "srcset" {
                kept = srcset_may_fetch(value, base);
                value = &kept;
            }
            if let Some(f) = filter_attr(tag, k, value) {
                write_attr(out, k, &f);
            }
        }
    }
    if tag == "a" {
        write_attr(out, "rel", "noopener noreferrer");
    }
    out.push('>');
}

/// What the output does with an element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Not written, nor its content.
    Drop,
    /// Only its content is written.
    Unwrap,
    Keep,
    /// A `<p>` holding blocks: written as `<div>` so a parser would not split it.
    Div,
}

/// Table parts are only written where a parser would keep them (inside their table).
fn table_part_fits(tag: &str, parent: Option<&str>) -> bool {
    match tag {
        "td" | "th" => parent == Some("tr"),
        "tr" => matches!(parent, Some("table" | "tbody" | "thead" | "tfoot")),
        "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => parent == Some("table"),
        "col" => matches!(parent, Some("colgroup" | "table")),
        _ => true,
    }
}

/// Visits the subtree of `root` in document order without recursion: `open` returns whether to
/// descend; `close` runs for every element descended into.
fn walk(dom: &Dom, root: Id, mut visit: impl FnMut(Id, bool) -> bool) {
    let mut n = dom.first_child(root);
    while let Some(x) = n {
        if visit(x, true) {
            if let Some(c) = dom.first_child(x) {
                n = Some(c);
                continue;
            }
            visit(x, false);
        }
        let mut cur = x;
        n = None;
        loop {
            if let Some(s) = dom.next_sibling(cur) {
                n = Some(s);
                break;
            }
            match dom.parent(cur) {
                Some(p) if p != root => {
                    visit(p, false);
                    cur = p;
                }
                _ => break,
            }
        }
    }
}

/// Decides, per element, what is written, so that the output parses back to the same tree.
fn plan(dom: &Dom, root: Id) -> Vec<Plan> {
    let mut plans = vec![Plan::Unwrap; dom.nodes.len()];
    // Open written elements: (node, tag, index in this stack of the nearest open <p> in scope).
    let mut stack: Vec<(Id, &str, Option<usize>)> = Vec::new();
    // Written <math> elements open: inside one, only MathML is written (a parser of the output
    // puts it in the MathML namespace), other elements are unwrapped.
    let mut math_depth = 0usize;
    walk(dom, root, |x, opening| {
        if !opening {
            if stack.last().is_some_and(|s| s.0 == x) && stack.pop().is_some_and(|s| s.1 == "math")
            {
                math_depth = math_depth.saturating_sub(1);
            }
            return false;
        }
        {
            let Some(e) = dom.elem(x) else {
                return false;
            };
            let tag: &str = &e.tag;
            let plan = if drops_with_content(tag) {
                Plan::Drop
            } else if math_depth > 0 {
                if mathml::is_element(tag) {
                    Plan::Keep
                } else {
                    Plan::Unwrap
                }
            } else if !allowed_tag(tag) || !table_part_fits(tag, stack.last().map(|s| s.1)) {
                Plan::Unwrap
            } else {
                Plan::Keep
            };
            if plan == Plan::Keep && tag == "math" {
                math_depth += 1;
            }
            if let Some(slot) = plans.get_mut(x) {
                *slot = plan;
            }
            if plan == Plan::Drop {
                return false;
            }
            if plan == Plan::Keep {
                let near = stack.last().and_then(|s| s.2);
                if closes_p(tag) {
                    if let Some(&(p, _, _)) = near.and_then(|i| stack.get(i)) {
                        if let Some(slot) = plans.get_mut(p) {
                            *slot = Plan::Div;
                        }
                    }
                }
                let near = match tag {
                    "p" => Some(stack.len()),
                    "td" | "th" | "caption" | "table" => None,
                    _ => near,
                };
                if !super::dom::is_void(tag) {
                    stack.push((x, tag, near));
                }
            }
            !super::dom::is_void(tag)
        }
    });
    plans
}

/// The sanitised inner HTML of `root`, its plain text, and where the text's runs are in the
/// HTML (sorted, non-overlapping).
pub fn html_and_text(
    dom: &Dom,
    root: Id,
    base: Option<&url::Url>,
) -> (String, String, Vec<HtmlSpan>) {
    let plans = plan(dom, root);
    let plan_of = |x: Id| plans.get(x).copied().unwrap_or(Plan::Drop);
    let mut html = String::new();
    let mut text = Text {
        out: String::new(),
        pending: Break::None,
        pre_depth: 0,
        pre_run: String::new(),
        pre_nodes: Vec::new(),
        spans: Vec::new(),
        node: 0,
        lists: ListNumbers::default(),
    };
    let written = |x: Id| -> Option<&str> {
        let e = dom.elem(x)?;
        match plan_of(x) {
            Plan::Keep => Some(&e.tag),
            Plan::Div => Some("div"),
            _ => None,
        }
    };
    let mut after_pre = false;
    walk(dom, root, |x, opening| {
        if !opening {
            after_pre = false;
            if let Some(tag) = written(x) {
                if !super::dom::is_void(tag) {
                    html.push_str("</");
                    html.push_str(tag);
                    html.push('>');
                    text.close(tag);
                }
            }
            return false;
        }
        {
            match dom.nodes.get(x).map(|d| &d.data) {
                Some(Data::Text(t)) => {
                    let t: &str = t;
                    // A parser drops the newline right after <pre>: write what it would keep.
                    let shown = if std::mem::take(&mut after_pre) {
                        t.strip_prefix('\n').unwrap_or(t)
                    } else {
                        t
                    };
                    let at = html.len();
                    escape_text(shown, &mut html);
                    text.text(t, at, t.len() - shown.len());
                    false
                }
                Some(Data::Element(e)) => {
                    if plan_of(x) == Plan::Drop {
                        return false;
                    }
                    after_pre = false;
                    if let Some(tag) = written(x) {
                        open_tag(&mut html, dom, tag, x, base);
                        // The attributes as written (an <ol>'s numbering ones pass as they are).
                        let written_attr =
                            |k: &str| (tag == &*e.tag).then(|| dom.attr(x, k)).flatten();
                        text.open(tag, written_attr);
                        after_pre = tag == "pre";
                    }
                    !super::dom::is_void(&e.tag)
                }
                _ => false,
            }
        }
    });
    text.flush_pre();
    (html, text.out, text.spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> (String, String, Vec<HtmlSpan>) {
        let dom = super::super::sink::parse_document(&format!("<html><body>{body}</body></html>"));
        let root = dom.body().unwrap_or(0);
        let base = url::Url::parse("https://example.com/a/b.html").ok();
        html_and_text(&dom, root, base.as_ref())
    }

    #[test]
    fn dangerous_things_go() {
        let (h, t, _) = run(
            "<p onclick=x()>Hi <a href=\"javascript:alert(1)\">j</a> <a href=\"/x\">rel</a>\
             <script>bad()</script><img src=\"data:text/html,hi\"><img src=\"data:image/png;base64,AA\">\
             <form><input value=v></form><object data=x>obj</object><style>p{}</style></p>",
        );
        assert!(!h.contains("onclick") && !h.contains("javascript:"), "{h}");
        assert!(!h.contains("script") && !h.contains("<style") && !h.contains("data:text"));
        assert!(h.contains("data:image/png"), "{h}");
        assert!(!h.contains("<form") && !h.contains("<input") && !h.contains("<object"));
        assert!(h.contains("<a href=\"https://example.com/x\" rel=\"noopener noreferrer\">"));
        assert!(!t.contains("bad()") && !t.contains("obj"), "{t}");
        assert_eq!(h, crate::extract::sanitize(&h, None));
    }

    #[test]
    fn output_parses_back_to_itself() {
        // Built by hand, as extraction can leave them: a <p> holding a block (becomes a <div>),
        // a stray cell outside a table (unwrapped), text split across nodes in a <pre>.
        let mut dom = super::super::sink::parse_document("<html><body></body></html>");
        let body = dom.body().unwrap_or(0);
        let p = dom.create_element("p");
        let span = dom.create_element("span");
        let h2 = dom.create_element("h2");
        let td = dom.create_element("td");
        let pre = dom.create_element("pre");
        let (a, b, c) = (
            dom.create_text("a"),
            dom.create_text("b"),
            dom.create_text("c"),
        );
        let (x, y) = (dom.create_text("\n x"), dom.create_text(" y\n"));
        dom.append(body, p);
        dom.append(p, a);
        dom.append(p, span);
        dom.append(span, h2);
        dom.append(h2, b);
        dom.append(body, td);
        dom.append(td, c);
        dom.append(body, pre);
        dom.append(pre, x);
        dom.append(pre, y);
        let (h, t, spans) = html_and_text(&dom, body, None);
        assert_eq!(h, "<div>a<span><h2>b</h2></span></div>c<pre> x y\n</pre>");
        assert_eq!(h, crate::extract::sanitize(&h, None));
        assert_eq!(t, crate::text::html_to_text(&h));
        assert_spans_agree(&h, &t, &spans);
    }

    #[test]
    fn mathml_is_kept_and_nothing_active_inside_it() {
        let (h, t, spans) = run(
            "<p>When <math display=\"block\" xmlns=\"http://www.w3.org/1998/Math/MathML\" \
             class=\"c\" style=\"color:red\" href=\"javascript:alert(1)\" onclick=\"x()\">\
             <maction actiontype=\"statusline\" selection=\"2\"><mi>a</mi><mtext>msg</mtext></maction>\
             <mo stretchy=\"false\" mathcolor=\"red\">\u{2260}</mo>\
             <mtext><img src=\"x\" onerror=\"alert(1)\"><b>bold</b><a href=\"/l\">link</a></mtext>\
             <semantics><mi mathvariant=\"bold\">x</mi>\
             <annotation encoding=\"application/x-tex\">\\mathbf{x}</annotation>\
             <annotation-xml encoding=\"MathML-Content\"><ci>copy</ci></annotation-xml>\
             </semantics><mglyph src=\"https://example.com/g.png\"></mglyph>\
             <mtable><mtr><mtd columnspan=\"2\"><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr></mtable>\
             </math> holds.</p><mi>outside</mi>",
        );
        assert_eq!(
            h,
            "<p>When <math display=\"block\"><maction><mi>a</mi><mtext>msg</mtext></maction>\
             <mo stretchy=\"false\">\u{2260}</mo><mtext>boldlink</mtext>\
             <semantics><mi mathvariant=\"bold\">x</mi></semantics>\
             <mtable><mtr><mtd columnspan=\"2\"><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr></mtable>\
             </math> holds.</p>outside"
        );
        assert_eq!(t, "When amsg\u{2260}boldlinkx 1 0 holds.\n\noutside");
        // ammonia, which knows the MathML namespace, keeps it all; the text is the same rules'.
        assert_eq!(h, crate::extract::sanitize(&h, None));
        assert_eq!(t, crate::text::html_to_text(&h));
        assert_spans_agree(&h, &t, &spans);
    }

    #[test]
    fn ordered_lists_are_numbered_as_the_text_module_numbers_them() {
        let (h, t, spans) = run(
            "<ol start=\"3\" onclick=\"x()\"><li>Install <b>it</b></li><li>Run<ul><li>fast</li>\
             </ul></li></ol><ol type=\"i\"><li>i</li></ol>",
        );
        assert_eq!(t, "3. Install it\n\n4. Run\n\nfast\n\ni");
        assert_eq!(t, crate::text::html_to_text(&h));
        assert_spans_agree(&h, &t, &spans);
    }

    #[test]
    fn mathml_attacks_leave_nothing_active() {
        let (h, _, _) = run(crate::mathml::tests::ATTACKS);
        crate::mathml::tests::assert_inert(&h);
        assert_eq!(h, crate::extract::sanitize(&h, None));
    }

    /// Every span's text is where the span says in the HTML, escaped.
    pub(crate) fn assert_spans_agree(h: &str, t: &str, spans: &[HtmlSpan]) {
        let mut last_end = 0;
        for s in spans {
            assert!(s.start >= last_end && s.start < s.end, "{spans:?}");
            last_end = s.end;
            let mut esc = String::new();
            escape_text(&t[s.start..s.end], &mut esc);
            assert_eq!(
                h.get(s.html_start..s.html_start + esc.len()),
                Some(esc.as_str()),
                "{s:?} in {h}"
            );
        }
    }

    #[test]
    fn spans_map_text_onto_html() {
        let (h, t, spans) = run(
            "<p>Tom &amp; <b>Jerry</b>&nbsp;met\u{a0}in <i>Lon</i>don</p><pre>\n\nA &lt; B\n  C</pre><p>x&gt;y</p>",
        );
        assert_spans_agree(&h, &t, &spans);
        // The words, and the <pre> run as one piece.
        let texts: Vec<&str> = spans.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            texts,
            [
                "Tom",
                "&",
                "Jerry",
                "met",
                "in",
                "Lon",
                "don",
                "A < B\n  C",
                "x>y"
            ]
        );
    }
}
