//! A small mutable arena DOM built once from html5ever's tree.
//!
//! Readability-style extraction moves, renames and removes nodes all the time and asks for the
//! text length, link density and tag counts of subtrees over and over. Here every node carries
//! aggregate [`Stats`] that are computed bottom-up and cached; a mutation only marks the chain of
//! ancestors dirty (stopping at the first dirty one), so reads stay cheap and deep trees never cost
//! O(n^2). All walks are iterative: 100,000 nested elements must not overflow a wasm stack.

pub type Id = usize;

use super::patterns as pat;
use crate::escape::{escape_attr, escape_text};
pub use crate::html::{closes_p, is_void};
pub use html5ever::tendril::StrTendril;
pub use html5ever::LocalName;

#[derive(Debug, Clone)]
pub struct Elem {
    /// Local name (lowercase for HTML elements). Interned: copying it costs nothing.
    pub tag: LocalName,
    /// Attribute values stay the parser's (shared) buffers rather than fresh strings.
    pub attrs: Vec<(LocalName, StrTendril)>,
    /// Set by the data-table pass: a table holding data (keep it) rather than layout.
    pub data_table: bool,
    /// The tag's first 8 bytes packed, for cheap tag tests in whole-tree walks.
    key: u64,
}

/// Packs up to 8 bytes of a tag name (tags that share 8-byte prefixes are told apart by
/// comparing the full name afterwards).
pub fn tag_key(tag: &str) -> u64 {
    let mut k = [0u8; 8];
    for (d, b) in k.iter_mut().zip(tag.bytes()) {
        *d = b;
    }
    u64::from_le_bytes(k) ^ ((tag.len() as u64) << 59)
}

#[derive(Debug, Clone)]
pub enum Data {
    Document,
    Element(Elem),
    Text(StrTendril),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub parent: Option<Id>,
    pub first: Option<Id>,
    pub last: Option<Id>,
    pub prev: Option<Id>,
    pub next: Option<Id>,
    pub data: Data,
}

/// Length of a text run after trimming and collapsing whitespace runs to one character, kept in
/// a form that concatenates: Readability's `_getInnerText(e).length`, computed bottom-up.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextSum {
    /// Collapsed length (UTF-16 units, as in JS) from the first to the last non-space character.
    pub len: usize,
    /// Whether any non-space character exists.
    pub any: bool,
    pub lead: bool,
    pub trail: bool,
}

impl TextSum {
    pub fn of(s: &str) -> TextSum {
        Self::with_commas(s).0
    }

    /// The sum plus the counts of ASCII commas and of all comma characters, in one pass over
    /// the text (this runs over every text node of the page).
    pub fn with_commas(s: &str) -> (TextSum, u32, u32) {
        if s.is_ascii() {
            return Self::with_commas_ascii(s.as_bytes());
        }
        let mut t = TextSum::default();
        let (mut ascii, mut all) = (0u32, 0u32);
        let mut pending_ws = false;
        for c in s.chars() {
            if c == ',' {
                ascii += 1;
                all += 1;
            } else if !c.is_ascii() && is_comma(c) {
                all += 1;
            }
            if is_js_space(c) {
                if t.any {
                    pending_ws = true;
                } else {
                    t.lead = true;
                }
            } else {
                if pending_ws {
                    t.len += 1;
                    pending_ws = false;
                }
                t.any = true;
                t.len += c.len_utf16();
            }
        }
        t.trail = pending_ws || (!t.any && t.lead);
        (t, ascii, all)
    }

    /// [`TextSum::with_commas`] for ASCII text (most of it): bytes, no decoding.
    fn with_commas_ascii(s: &[u8]) -> (TextSum, u32, u32) {
        let mut t = TextSum::default();
        let mut commas = 0u32;
        let mut pending_ws = false;
        for &b in s {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                if t.any {
                    pending_ws = true;
                } else {
                    t.lead = true;
                }
            } else {
                commas += u32::from(b == b',');
                t.len += 1 + usize::from(pending_ws);
                pending_ws = false;
                t.any = true;
            }
        }
        t.trail = pending_ws || (!t.any && t.lead);
        (t, commas, commas)
    }

    pub fn concat(a: TextSum, b: TextSum) -> TextSum {
        if !b.any {
            let mut r = a;
            if b.lead || b.trail {
                if r.any {
                    r.trail = true;
                } else {
                    r.lead = true;
                    r.trail = true;
                }
            }
            return r;
        }
        if !a.any {
            let mut r = b;
            r.lead |= a.lead || a.trail;
            return r;
        }
        TextSum {
            len: a.len + b.len + usize::from(a.trail || b.lead),
            any: true,
            lead: a.lead,
            trail: b.trail,
        }
    }
}

/// JavaScript's `\s`, which is what Readability's trims and regexes use.
pub fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Aggregates over a node's descendants (never counting the node itself).
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub text: TextSum,
    /// Summed inner-text length of descendant links, hash links weighted 0.3.
    pub link: f64,
    pub commas: u32,
    pub commas_all: u32,
    pub n_p: u32,
    pub n_img: u32,
    pub n_li: u32,
    pub n_input: u32,
    pub n_embed: u32,
    pub n_br: u32,
    pub n_hr: u32,
    pub n_table: u32,
    pub n_data_table: u32,
    pub n_picture: u32,
    /// Descendants among col, colgroup, tfoot, thead, th.
    pub n_table_parts: u32,
    pub list_text: usize,
    pub heading_text: usize,
    pub textish_text: usize,
    /// A descendant is one of Readability's DIV_TO_P_ELEMS (block content).
    pub has_block: bool,
}

pub const DIV_TO_P_ELEMS: [&str; 9] = [
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

fn is_textish(tag: &str) -> bool {
    matches!(tag, "span" | "li" | "td") || DIV_TO_P_ELEMS.contains(&tag)
}

#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
    stats: Vec<Stats>,
    dirty: Vec<bool>,
}

pub const ROOT: Id = 0;

impl Dom {
    pub fn new() -> Dom {
        let mut d = Dom {
            nodes: Vec::new(),
            stats: Vec::new(),
            dirty: Vec::new(),
        };
        d.push(Data::Document);
        d
    }

    pub fn reserve(&mut self, n: usize) {
        self.nodes.reserve(n);
        self.stats.reserve(n);
        self.dirty.reserve(n);
    }

    /// A detached node that is never attached (stands for dropped comments, fragment roots).
    pub fn create_placeholder(&mut self) -> Id {
        self.push(Data::Document)
    }

    fn push(&mut self, data: Data) -> Id {
        self.nodes.push(Node {
            parent: None,
            first: None,
            last: None,
            prev: None,
            next: None,
            data,
        });
        self.stats.push(Stats::default());
        self.dirty.push(true);
        self.nodes.len() - 1
    }

    pub fn create_element(&mut self, tag: &str) -> Id {
        self.create_element_with(LocalName::from(tag.to_ascii_lowercase()), Vec::new())
    }

    pub fn create_element_with(
        &mut self,
        tag: LocalName,
        attrs: Vec<(LocalName, StrTendril)>,
    ) -> Id {
        let key = tag_key(&tag);
        self.push(Data::Element(Elem {
            tag,
            attrs,
            data_table: false,
            key,
        }))
    }

    pub fn create_text(&mut self, s: &str) -> Id {
        self.push(Data::Text(StrTendril::from_slice(s)))
    }

    pub fn create_text_tendril(&mut self, t: StrTendril) -> Id {
        self.push(Data::Text(t))
    }

    // ---- reading -------------------------------------------------------------------------

    pub fn node(&self, id: Id) -> Option<&Node> {
        self.nodes.get(id)
    }

    pub fn parent(&self, id: Id) -> Option<Id> {
        self.nodes.get(id).and_then(|n| n.parent)
    }

    pub fn first_child(&self, id: Id) -> Option<Id> {
        self.nodes.get(id).and_then(|n| n.first)
    }

    pub fn last_child(&self, id: Id) -> Option<Id> {
        self.nodes.get(id).and_then(|n| n.last)
    }

    pub fn next_sibling(&self, id: Id) -> Option<Id> {
        self.nodes.get(id).and_then(|n| n.next)
    }

    pub fn prev_sibling(&self, id: Id) -> Option<Id> {
        self.nodes.get(id).and_then(|n| n.prev)
    }

    pub fn elem(&self, id: Id) -> Option<&Elem> {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(Data::Element(e)) => Some(e),
            _ => None,
        }
    }

    pub fn elem_mut(&mut self, id: Id) -> Option<&mut Elem> {
        match self.nodes.get_mut(id).map(|n| &mut n.data) {
            Some(Data::Element(e)) => Some(e),
            _ => None,
        }
    }

    pub fn tag(&self, id: Id) -> &str {
        self.elem(id).map(|e| &*e.tag).unwrap_or("")
    }

    pub fn is(&self, id: Id, tag: &str) -> bool {
        self.tag(id) == tag
    }

    pub fn is_element(&self, id: Id) -> bool {
        self.elem(id).is_some()
    }

    pub fn text(&self, id: Id) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(Data::Text(t)) => Some(&**t),
            _ => None,
        }
    }

    pub fn attr(&self, id: Id, name: &str) -> Option<&str> {
        self.elem(id)?
            .attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| &**v)
    }

    pub fn has_attr(&self, id: Id, name: &str) -> bool {
        self.attr(id, name).is_some()
    }

    pub fn class(&self, id: Id) -> &str {
        self.attr(id, "class").unwrap_or("")
    }

    /// Puts an element's class and id, lower-cased and space-separated, into `s` (reused
    /// between calls); false when it has neither.
    pub fn names_lower(&self, n: Id, s: &mut String) -> bool {
        let (class, id) = (self.class(n), self.id_attr(n));
        if class.is_empty() && id.is_empty() {
            return false;
        }
        s.clear();
        s.push_str(class);
        s.push(' ');
        s.push_str(id);
        s.make_ascii_lowercase();
        true
    }

    pub fn id_attr(&self, id: Id) -> &str {
        self.attr(id, "id").unwrap_or("")
    }

    pub fn children(&self, id: Id) -> Children<'_> {
        Children {
            dom: self,
            next: self.first_child(id),
        }
    }

    pub fn element_children(&self, id: Id) -> Vec<Id> {
        self.children(id).filter(|&c| self.is_element(c)).collect()
    }

    pub fn first_element_child(&self, id: Id) -> Option<Id> {
        self.children(id).find(|&c| self.is_element(c))
    }

    pub fn next_element_sibling(&self, id: Id) -> Option<Id> {
        let mut n = self.next_sibling(id);
        while let Some(x) = n {
            if self.is_element(x) {
                return Some(x);
            }
            n = self.next_sibling(x);
        }
        None
    }

    pub fn prev_element_sibling(&self, id: Id) -> Option<Id> {
        let mut n = self.prev_sibling(id);
        while let Some(x) = n {
            if self.is_element(x) {
                return Some(x);
            }
            n = self.prev_sibling(x);
        }
        None
    }

    pub fn element_child_count(&self, id: Id) -> usize {
        self.children(id).filter(|&c| self.is_element(c)).count()
    }

    /// Preorder successor of `id` within the subtree of `root` (all node kinds).
    pub fn next_in(&self, id: Id, root: Id, skip_kids: bool) -> Option<Id> {
        if !skip_kids {
            if let Some(c) = self.first_child(id) {
                return Some(c);
            }
        }
        let mut n = id;
        loop {
            if n == root {
                return None;
            }
            if let Some(s) = self.next_sibling(n) {
                return Some(s);
            }
            n = self.parent(n)?;
        }
    }

    /// Descendant elements (not `id` itself) in document order whose tag is in `tags`.
    pub fn descendants_with_tags(&self, id: Id, tags: &[&str]) -> Vec<Id> {
        let keys: Vec<u64> = tags.iter().map(|t| tag_key(t)).collect();
        let long = tags.iter().any(|t| t.len() > 8);
        let mut out = Vec::new();
        let mut n = self.first_child(id);
        while let Some(x) = n {
            let node = &self.nodes[x];
            if let Data::Element(e) = &node.data {
                if keys.contains(&e.key) && (!long || tags.contains(&&*e.tag)) {
                    out.push(x);
                }
            }
            // Inline preorder step (next_in) to keep this hot loop tight.
            n = match node.first {
                Some(c) => Some(c),
                None => {
                    let mut m = x;
                    loop {
                        if m == id {
                            break None;
                        }
                        let mn = &self.nodes[m];
                        if let Some(s) = mn.next {
                            break Some(s);
                        }
                        match mn.parent {
                            Some(p) => m = p,
                            None => break None,
                        }
                    }
                }
            };
        }
        out
    }

    /// All descendant elements in document order.
    pub fn descendant_elements(&self, id: Id) -> Vec<Id> {
        let mut out = Vec::new();
        let mut n = self.first_child(id);
        while let Some(x) = n {
            if self.is_element(x) {
                out.push(x);
            }
            n = self.next_in(x, id, false);
        }
        out
    }

    /// Readability's `_getNextNode`: depth-first over elements only.
    pub fn next_element_node(&self, id: Id, ignore_self_and_kids: bool) -> Option<Id> {
        if !ignore_self_and_kids {
            if let Some(c) = self.first_element_child(id) {
                return Some(c);
            }
        }
        if let Some(s) = self.next_element_sibling(id) {
            return Some(s);
        }
        let mut n = id;
        loop {
            n = self.parent(n)?;
            if let Some(s) = self.next_element_sibling(n) {
                return Some(s);
            }
        }
    }

    /// The `<body>` element (html5ever always makes one under `<html>`).
    pub fn body(&self) -> Option<Id> {
        let html = self.first_element_child(ROOT)?;
        self.children(html)
            .find(|&c| self.is(c, "body"))
            .or_else(|| self.descendants_with_tags(ROOT, &["body"]).first().copied())
    }

    pub fn is_ancestor(&self, anc: Id, mut node: Id) -> bool {
        while let Some(p) = self.parent(node) {
            if p == anc {
                return true;
            }
            node = p;
        }
        false
    }

    /// The concatenated text of the subtree (JS `textContent`).
    pub fn text_content(&self, id: Id) -> String {
        self.text_content_within(id, usize::MAX).unwrap_or_default()
    }

    /// [`Dom::text_content`] if it is at most `max` bytes long, else `None`: reading stops at the
    /// limit, so asking about a large container costs no more than the limit.
    pub fn text_content_within(&self, id: Id, max: usize) -> Option<String> {
        if let Some(t) = self.text(id) {
            return (t.len() <= max).then(|| t.to_string());
        }
        let mut out = String::new();
        let mut n = self.first_child(id);
        while let Some(x) = n {
            if let Some(t) = self.text(x) {
                if out.len().saturating_add(t.len()) > max {
                    return None;
                }
                out.push_str(t);
            }
            n = self.next_in(x, id, false);
        }
        Some(out)
    }

    /// [`Dom::text_content`] with a line break where a block element or `<br>` starts, so that
    /// lines a page shows apart ("<p>Jane Roe</p><p>Chief Architect</p>") stay apart.
    pub fn text_lines(&self, id: Id) -> String {
        const BLOCKS: [&str; 20] = [
            "p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section", "header",
            "footer", "dt", "dd", "tr", "td", "ul", "ol", "address",
        ];
        if let Some(t) = self.text(id) {
            return t.to_string();
        }
        let mut out = String::new();
        let mut n = self.first_child(id);
        while let Some(x) = n {
            if let Some(t) = self.text(x) {
                out.push_str(t);
            } else if BLOCKS.contains(&self.tag(x)) {
                out.push('\n');
            }
            n = self.next_in(x, id, false);
        }
        out
    }

    /// `textContent.trim()` with whitespace runs collapsed (Readability's `_getInnerText`).
    pub fn inner_text(&self, id: Id) -> String {
        normalize_ws(&self.text_content(id))
    }

    // ---- stats ---------------------------------------------------------------------------

    fn mark_dirty(&mut self, mut id: Id) {
        loop {
            match self.dirty.get_mut(id) {
                Some(d) if !*d => *d = true,
                _ => return,
            }
            match self.parent(id) {
                Some(p) => id = p,
                None => return,
            }
        }
    }

    /// Aggregates of the subtree under `id`, recomputed where mutations made them stale.
    pub fn stats(&mut self, id: Id) -> Stats {
        if id >= self.nodes.len() {
            return Stats::default();
        }
        if self.dirty[id] {
            let mut stack = vec![(id, false)];
            while let Some((n, expanded)) = stack.pop() {
                if expanded {
                    let s = self.compute(n);
                    self.stats[n] = s;
                    self.dirty[n] = false;
                } else {
                    stack.push((n, true));
                    let mut c = self.first_child(n);
                    while let Some(x) = c {
                        if self.dirty[x] {
                            stack.push((x, false));
                        }
                        c = self.next_sibling(x);
                    }
                }
            }
        }
        self.stats[id]
    }

    fn compute(&self, n: Id) -> Stats {
        let mut s = Stats::default();
        if let Some(t) = self.text(n) {
            (s.text, s.commas, s.commas_all) = TextSum::with_commas(t);
            return s;
        }
        let mut c = self.first_child(n);
        while let Some(x) = c {
            let cs = self.stats[x];
            s.text = TextSum::concat(s.text, cs.text);
            s.link += cs.link;
            s.commas += cs.commas;
            s.commas_all += cs.commas_all;
            s.n_p += cs.n_p;
            s.n_img += cs.n_img;
            s.n_li += cs.n_li;
            s.n_input += cs.n_input;
            s.n_embed += cs.n_embed;
            s.n_br += cs.n_br;
            s.n_hr += cs.n_hr;
            s.n_table += cs.n_table;
            s.n_data_table += cs.n_data_table;
            s.n_picture += cs.n_picture;
            s.n_table_parts += cs.n_table_parts;
            s.list_text += cs.list_text;
            s.heading_text += cs.heading_text;
            s.textish_text += cs.textish_text;
            s.has_block |= cs.has_block;
            if let Some(e) = self.elem(x) {
                let len = cs.text.len;
                match &*e.tag {
                    "a" => {
                        let hash = e
                            .attrs
                            .iter()
                            .any(|(k, v)| k == "href" && v.len() > 1 && v.starts_with('#'));
                        s.link += len as f64 * if hash { 0.3 } else { 1.0 };
                    }
                    "p" => s.n_p += 1,
                    "img" => s.n_img += 1,
                    "li" => s.n_li += 1,
                    "input" => s.n_input += 1,
                    "embed" | "object" | "iframe" => s.n_embed += 1,
                    "br" => s.n_br += 1,
                    "hr" => s.n_hr += 1,
                    "picture" => s.n_picture += 1,
                    "table" => {
                        s.n_table += 1;
                        if e.data_table {
                            s.n_data_table += 1;
                        }
                    }
                    "col" | "colgroup" | "tfoot" | "thead" | "th" => s.n_table_parts += 1,
                    _ => {}
                }
                let tag: &str = &e.tag;
                if matches!(tag, "ul" | "ol") {
                    s.list_text += len;
                }
                if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    s.heading_text += len;
                }
                if is_textish(tag) {
                    s.textish_text += len;
                }
                if DIV_TO_P_ELEMS.contains(&tag) {
                    s.has_block = true;
                }
            }
            c = self.next_sibling(x);
        }
        s
    }

    pub fn text_len(&mut self, id: Id) -> usize {
        self.stats(id).text.len
    }

    pub fn has_text(&mut self, id: Id) -> bool {
        self.stats(id).text.any
    }

    pub fn link_density(&mut self, id: Id) -> f64 {
        let s = self.stats(id);
        if s.text.len == 0 {
            0.0
        } else {
            s.link / s.text.len as f64
        }
    }

    // ---- mutation ------------------------------------------------------------------------

    pub fn detach(&mut self, id: Id) {
        let Some(node) = self.nodes.get(id) else {
            return;
        };
        let (parent, prev, next) = (node.parent, node.prev, node.next);
        if let Some(p) = prev {
            self.nodes[p].next = next;
        } else if let Some(par) = parent {
            self.nodes[par].first = next;
        }
        if let Some(nx) = next {
            self.nodes[nx].prev = prev;
        } else if let Some(par) = parent {
            self.nodes[par].last = prev;
        }
        let n = &mut self.nodes[id];
        n.parent = None;
        n.prev = None;
        n.next = None;
        if let Some(par) = parent {
            self.mark_dirty(par);
        }
    }

    pub fn append(&mut self, parent: Id, child: Id) {
        if parent >= self.nodes.len() || child >= self.nodes.len() || parent == child {
            return;
        }
        self.detach(child);
        let last = self.nodes[parent].last;
        self.nodes[child].parent = Some(parent);
        self.nodes[child].prev = last;
        if let Some(l) = last {
            self.nodes[l].next = Some(child);
        } else {
            self.nodes[parent].first = Some(child);
        }
        self.nodes[parent].last = Some(child);
        self.mark_dirty_after_attach(child, parent);
    }

    pub fn insert_before(&mut self, reference: Id, new: Id) {
        if reference >= self.nodes.len() || new >= self.nodes.len() || reference == new {
            return;
        }
        let Some(parent) = self.parent(reference) else {
            return;
        };
        self.detach(new);
        let prev = self.nodes[reference].prev;
        self.nodes[new].parent = Some(parent);
        self.nodes[new].prev = prev;
        self.nodes[new].next = Some(reference);
        self.nodes[reference].prev = Some(new);
        if let Some(p) = prev {
            self.nodes[p].next = Some(new);
        } else {
            self.nodes[parent].first = Some(new);
        }
        self.mark_dirty_after_attach(new, parent);
    }

    fn mark_dirty_after_attach(&mut self, child: Id, parent: Id) {
        // A clean parent over a dirty child would break the "dirty implies ancestors dirty" rule.
        if self.dirty[child] {
            self.dirty[child] = false;
            self.mark_dirty(child);
        } else {
            self.mark_dirty(parent);
        }
    }

    pub fn replace(&mut self, old: Id, new: Id) {
        if old == new {
            return;
        }
        if self.parent(old).is_some() {
            self.insert_before(old, new);
            self.detach(old);
        }
    }

    /// Renames an element in place (Readability's `_setNodeTag` under JSDOMParser).
    pub fn set_tag(&mut self, id: Id, tag: &str) {
        if let Some(e) = self.elem_mut(id) {
            e.tag = LocalName::from(tag);
            e.key = tag_key(tag);
        }
        self.touch(id);
    }

    /// Marks `id` and its ancestors stale after an in-place change.
    pub fn touch(&mut self, id: Id) {
        if let Some(d) = self.dirty.get_mut(id) {
            *d = false;
        }
        self.mark_dirty(id);
    }

    pub fn set_attr(&mut self, id: Id, name: &str, value: &str) {
        if let Some(e) = self.elem_mut(id) {
            if let Some(slot) = e.attrs.iter_mut().find(|(k, _)| &**k == name) {
                slot.1 = StrTendril::from_slice(value);
            } else {
                e.attrs
                    .push((LocalName::from(name), StrTendril::from_slice(value)));
            }
        }
        if name == "href" {
            self.touch(id);
        }
    }

    pub fn remove_attr(&mut self, id: Id, name: &str) {
        if let Some(e) = self.elem_mut(id) {
            e.attrs.retain(|(k, _)| &**k != name);
        }
        if name == "href" {
            self.touch(id);
        }
    }

    pub fn set_data_table(&mut self, id: Id, v: bool) {
        if let Some(e) = self.elem_mut(id) {
            e.data_table = v;
        }
        self.touch(id);
    }

    pub fn push_text(&mut self, id: Id, s: &str) {
        if let Some(Node {
            data: Data::Text(t),
            ..
        }) = self.nodes.get_mut(id)
        {
            t.push_slice(s);
        }
        self.touch(id);
    }

    // ---- serialisation ---------------------------------------------------------------------

    /// HTML of the children of `id`.
    pub fn inner_html(&self, id: Id) -> String {
        self.inner_html_with(id, &|_, _| true, &|_| false)
    }

    /// HTML of the children of `id`, leaving out attributes `keep_attr(tag, name)` rejects and
    /// whole subtrees of elements `skip(tag)` accepts (a pre-filter before sanitising).
    pub fn inner_html_with(
        &self,
        id: Id,
        keep_attr: &dyn Fn(&str, &str) -> bool,
        skip: &dyn Fn(&str) -> bool,
    ) -> String {
        let mut out = String::new();
        let mut n = self.first_child(id);
        while let Some(x) = n {
            // Open this node, then either descend or close it and move on.
            match &self.nodes[x].data {
                Data::Text(t) => {
                    let raw = self
                        .parent(x)
                        .map(|p| matches!(self.tag(p), "script" | "style"))
                        .unwrap_or(false);
                    if raw {
                        out.push_str(t);
                    } else {
                        escape_text(t, &mut out);
                    }
                }
                Data::Element(e) => {
                    if skip(&e.tag) {
                        n = self.next_after_close(x, id, &mut out, false);
                        continue;
                    }
                    out.push('<');
                    out.push_str(&e.tag);
                    for (k, v) in &e.attrs {
                        if !keep_attr(&e.tag, k) {
                            continue;
                        }
                        out.push(' ');
                        out.push_str(k);
                        out.push_str("=\"");
                        escape_attr(v, &mut out);
                        out.push('"');
                    }
                    out.push('>');
                    if is_void(&e.tag) {
                        n = self.next_after_close(x, id, &mut out, false);
                        continue;
                    }
                    if self.first_child(x).is_some() {
                        n = self.first_child(x);
                        continue;
                    }
                    n = self.next_after_close(x, id, &mut out, true);
                    continue;
                }
                Data::Document => {}
            }
            n = self.next_after_close(x, id, &mut out, false);
        }
        out
    }

    /// Closes `x` (if `close_self`) and every ancestor being left, returning the next node.
    fn next_after_close(&self, x: Id, root: Id, out: &mut String, close_self: bool) -> Option<Id> {
        if close_self {
            self.close_tag(x, out);
        }
        let mut n = x;
        loop {
            if let Some(s) = self.next_sibling(n) {
                return Some(s);
            }
            let p = self.parent(n)?;
            if p == root {
                return None;
            }
            self.close_tag(p, out);
            n = p;
        }
    }

    fn close_tag(&self, x: Id, out: &mut String) {
        if let Some(e) = self.elem(x) {
            if !is_void(&e.tag) {
                out.push_str("</");
                out.push_str(&e.tag);
                out.push('>');
            }
        }
    }
}

impl Default for Dom {
    fn default() -> Self {
        Dom::new()
    }
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<Id>,
}

impl Iterator for Children<'_> {
    type Item = Id;
    fn next(&mut self) -> Option<Id> {
        let cur = self.next?;
        self.next = self.dom.next_sibling(cur);
        Some(cur)
    }
}

fn is_comma(c: char) -> bool {
    matches!(
        c,
        '\u{002C}'
            | '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
    )
}

/// Trims and collapses runs of two or more whitespace characters to one space (JS
/// `trim().replace(/\s{2,}/g, " ")`).
pub fn normalize_ws(s: &str) -> String {
    let t = s.trim_matches(is_js_space);
    let mut out = String::with_capacity(t.len());
    let mut run: Option<char> = None;
    let mut run_len = 0;
    for c in t.chars() {
        if is_js_space(c) {
            if run.is_none() {
                run = Some(c);
            }
            run_len += 1;
        } else {
            if let Some(r) = run.take() {
                out.push(if run_len >= 2 { ' ' } else { r });
                run_len = 0;
            }
            out.push(c);
        }
    }
    out
}

/// Collapses all whitespace to single spaces and trims.
pub fn collapse_ws(s: &str) -> String {
    s.split(is_js_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---- node tests and walks shared by the extraction phases ------------------------------

/// Readability's `_isProbablyVisible`, except for tab panels: a page shows one tab at a time
/// and hides the others (a product's specifications beside its description), which the
/// reader shows together.
pub fn is_probably_visible(dom: &Dom, n: Id) -> bool {
    shown_by_markup(dom, n, true) || dom.attr(n, "role") == Some("tabpanel")
}

/// Whether the element's inline style, `hidden` and `aria-hidden` leave it shown.
/// `visibility:hidden` counts only with `check_visibility`: Readability checks it,
/// Readability-readerable does not.
pub fn shown_by_markup(dom: &Dom, n: Id, check_visibility: bool) -> bool {
    if let Some(style) = dom.attr(n, "style") {
        for decl in style.split(';') {
            if let Some((k, v)) = decl.split_once(':') {
                let (k, v) = (k.trim(), v.trim());
                if (k.eq_ignore_ascii_case("display") && v.eq_ignore_ascii_case("none"))
                    || (check_visibility
                        && k.eq_ignore_ascii_case("visibility")
                        && v.eq_ignore_ascii_case("hidden"))
                {
                    return false;
                }
            }
        }
    }
    if dom.has_attr(n, "hidden") {
        return false;
    }
    match dom.attr(n, "aria-hidden") {
        Some("true") => dom.class(n).contains("fallback-image"),
        _ => true,
    }
}

pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Readability's `_isPhrasingContent`, iterative.
pub fn is_phrasing(dom: &Dom, n: Id) -> bool {
    if dom.text(n).is_some() {
        return true;
    }
    let tag = dom.tag(n);
    if pat::PHRASING.contains(&tag) {
        return true;
    }
    if !matches!(tag, "a" | "del" | "ins") {
        return false;
    }
    let mut stack = vec![n];
    while let Some(x) = stack.pop() {
        for c in dom.children(x) {
            if dom.text(c).is_some() {
                continue;
            }
            let t = dom.tag(c);
            if pat::PHRASING.contains(&t) {
                continue;
            }
            if matches!(t, "a" | "del" | "ins") {
                stack.push(c);
            } else {
                return false;
            }
        }
    }
    true
}

pub fn is_whitespace(dom: &Dom, n: Id) -> bool {
    match dom.text(n) {
        Some(t) => t.chars().all(is_js_space),
        None => dom.is(n, "br"),
    }
}

/// `_nextNode`: skips whitespace-only text nodes.
pub fn next_node(dom: &Dom, mut n: Option<Id>) -> Option<Id> {
    while let Some(x) = n {
        if dom.is_element(x) {
            return Some(x);
        }
        match dom.text(x) {
            Some(t) if t.chars().all(is_js_space) => n = dom.next_sibling(x),
            _ => return Some(x),
        }
    }
    None
}

pub fn has_single_tag_inside(dom: &Dom, n: Id, tag: &str) -> bool {
    let mut el_count = 0;
    let mut ok = false;
    for c in dom.children(n) {
        if let Some(t) = dom.text(c) {
            if t.chars().last().is_some_and(|c| !is_js_space(c)) {
                return false;
            }
        } else if dom.is_element(c) {
            el_count += 1;
            ok = dom.is(c, tag);
        }
    }
    el_count == 1 && ok
}

pub fn is_element_without_content(dom: &mut Dom, n: Id) -> bool {
    if !dom.is_element(n) {
        return false;
    }
    let s = dom.stats(n);
    if s.text.any {
        return false;
    }
    let kids = dom.element_child_count(n) as u32;
    kids == 0 || kids == s.n_br + s.n_hr
}

pub fn has_ancestor_tag(dom: &Dom, mut n: Id, tag: &str, max_depth: i32) -> bool {
    let mut depth = 0;
    while let Some(p) = dom.parent(n) {
        if max_depth > 0 && depth > max_depth {
            return false;
        }
        if dom.is(p, tag) {
            return true;
        }
        n = p;
        depth += 1;
    }
    false
}

pub fn get_ancestors(dom: &Dom, mut n: Id, max_depth: usize) -> Vec<Id> {
    let mut out = Vec::new();
    while let Some(p) = dom.parent(n) {
        out.push(p);
        if max_depth > 0 && out.len() == max_depth {
            break;
        }
        n = p;
    }
    out
}

pub fn remove_and_get_next(dom: &mut Dom, n: Id) -> Option<Id> {
    let next = dom.next_element_node(n, true);
    dom.detach(n);
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_sums_match_the_general_path() {
        // The general path, forced by a non-ASCII character that adds nothing but itself.
        for t in [
            "",
            " ",
            "a",
            " a, b ",
            "\t\nx,,y\r\n",
            "a \x0b b\x0c",
            "  ,  ",
        ] {
            let (a, ca, all) = TextSum::with_commas(t);
            let (g, cg, allg) = TextSum::with_commas(&format!("{t}é"));
            assert_eq!((ca, all), (cg, allg), "{t:?}");
            assert_eq!(a.lead, g.lead, "{t:?}");
            assert_eq!(a.len + 1 + usize::from(a.trail && a.any), g.len, "{t:?}");
        }
    }

    #[test]
    fn textsum_matches_normalize() {
        for s in ["  a  b ", "a", "", "   ", "x\ny", "a  \n b c  "] {
            assert_eq!(TextSum::of(s).len, normalize_ws(s).chars().count(), "{s:?}");
        }
        let parts = ["  a", " ", "b  ", "", "c", " d "];
        let mut acc = TextSum::default();
        for p in parts {
            acc = TextSum::concat(acc, TextSum::of(p));
        }
        assert_eq!(acc.len, normalize_ws(&parts.concat()).chars().count());
    }

    #[test]
    fn stats_follow_mutation() {
        let mut d = crate::extract::sink::parse_document(
            "<div id=a><p>Hello <a href=x>world</a></p><p>More text</p></div>",
        );
        let div = d
            .descendant_elements(ROOT)
            .into_iter()
            .find(|&n| d.is(n, "div"))
            .expect("div");
        assert_eq!(d.text_len(div), "Hello worldMore text".len());
        assert_eq!(d.stats(div).n_p, 2);
        let ps = d.descendants_with_tags(div, &["p"]);
        d.detach(ps[1]);
        assert_eq!(d.text_len(div), "Hello world".len());
        assert!((d.link_density(div) - 5.0 / 11.0).abs() < 1e-9);
        assert_eq!(d.inner_html(div), "<p>Hello <a href=\"x\">world</a></p>");
    }
}
