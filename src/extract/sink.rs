//! html5ever parses straight into the extraction [`Dom`] (no intermediate tree to copy and drop).
//!
//! Comments, doctypes and processing instructions are not kept. `<noscript>` content, which
//! html5ever keeps as raw text (scripting on), is parsed into elements the way Readability's own
//! parser sees it: it holds the real images of lazy-loading pages.

use super::dom::{Data, Dom, Id, ROOT};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

struct Sink {
    dom: RefCell<Dom>,
    /// Element names by node id (what the tree builder asks for); non-elements hold `#none`.
    names: RefCell<Vec<QualName>>,
    /// The node that plays the document (ROOT, or a detached holder for fragments).
    doc: Id,
}

fn none_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

impl Sink {
    fn new(dom: Dom, names: Vec<QualName>, doc: Id) -> Sink {
        Sink {
            dom: RefCell::new(dom),
            names: RefCell::new(names),
            doc,
        }
    }

    fn record(&self, id: Id, name: QualName) {
        let mut names = self.names.borrow_mut();
        while names.len() < id {
            names.push(none_name());
        }
        if names.len() == id {
            names.push(name);
        } else if let Some(slot) = names.get_mut(id) {
            *slot = name;
        }
    }

    /// Placeholder for nodes we do not keep (comments, processing instructions).
    fn placeholder(&self) -> Id {
        let id = self.dom.borrow_mut().create_placeholder();
        self.record(id, none_name());
        id
    }

    fn is_placeholder(&self, id: Id) -> bool {
        id != self.doc
            && matches!(
                self.dom.borrow().node(id).map(|n| &n.data),
                Some(Data::Document)
            )
    }

    fn add_text(&self, parent: Id, before: Option<Id>, text: StrTendril) {
        let mut dom = self.dom.borrow_mut();
        // Merge with the adjacent text node, as the DOM would.
        let neighbour = match before {
            Some(b) => dom.prev_sibling(b),
            None => dom.last_child(parent),
        };
        if let Some(n) = neighbour {
            if dom.text(n).is_some() {
                dom.push_text(n, &text);
                return;
            }
        }
        let t = dom.create_text_tendril(text);
        match before {
            Some(b) => dom.insert_before(b, t),
            None => dom.append(parent, t),
        }
        drop(dom);
        self.record(t, none_name());
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = (Dom, Vec<QualName>);
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self::Output {
        (self.dom.into_inner(), self.names.into_inner())
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        self.doc
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        self.record_if_missing(*target);
        Ref::map(self.names.borrow(), |v| {
            // record_if_missing guarantees the slot exists.
            v.get(*target).unwrap_or(&v[0])
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> Id {
        let attrs = attrs.into_iter().map(|a| (a.name.local, a.value)).collect();
        let id = self
            .dom
            .borrow_mut()
            .create_element_with(name.local.clone(), attrs);
        self.record(id, name);
        id
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.placeholder()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.placeholder()
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        match child {
            NodeOrText::AppendNode(n) => {
                if !self.is_placeholder(n) {
                    self.dom.borrow_mut().append(*parent, n);
                }
            }
            NodeOrText::AppendText(t) => self.add_text(*parent, None, t),
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev: &Id, child: NodeOrText<Id>) {
        let has_parent = self.dom.borrow().parent(*element).is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        *target
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        match new_node {
            NodeOrText::AppendNode(n) => {
                if !self.is_placeholder(n) {
                    self.dom.borrow_mut().insert_before(*sibling, n);
                }
            }
            NodeOrText::AppendText(t) => {
                let parent = self.dom.borrow().parent(*sibling);
                if let Some(p) = parent {
                    self.add_text(p, Some(*sibling), t);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        for a in attrs {
            if !dom.has_attr(*target, &a.name.local) {
                dom.set_attr(*target, &a.name.local, &a.value);
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut dom = self.dom.borrow_mut();
        while let Some(c) = dom.first_child(*node) {
            dom.append(*new_parent, c);
        }
    }
}

impl Sink {
    fn record_if_missing(&self, id: Id) {
        let missing = self.names.borrow().len() <= id;
        if missing {
            self.record(id, none_name());
        }
    }
}

/// Parses a whole document.
pub fn parse_document(html: &str) -> Dom {
    let mut dom = Dom::new();
    let n = html.len() / 40 + 16;
    dom.reserve(n);
    let names = vec![none_name()];
    let sink = Sink::new(dom, names, ROOT);
    let (mut dom, mut names) = html5ever::parse_document(sink, Default::default()).one(html);
    expand_noscripts(&mut dom, &mut names);
    dom
}

/// Parses each `<noscript>`'s raw text as HTML, in place.
fn expand_noscripts(dom: &mut Dom, names: &mut Vec<QualName>) {
    for ns_el in dom.descendants_with_tags(ROOT, &["noscript"]) {
        let kids: Vec<Id> = dom.children(ns_el).collect();
        if kids.len() != 1 || !dom.text(kids[0]).is_some_and(|t| t.contains('<')) {
            continue;
        }
        let text = dom.text(kids[0]).unwrap_or_default().to_string();
        dom.detach(kids[0]);
        let holder = dom.create_placeholder();
        let owned = std::mem::take(dom);
        let sink = Sink::new(owned, std::mem::take(names), holder);
        let parser = html5ever::parse_fragment(
            sink,
            Default::default(),
            QualName::new(None, ns!(html), local_name!("body")),
            Vec::new(),
            false,
        );
        let (back, back_names) = parser.one(text.as_str());
        *dom = back;
        *names = back_names;
        // The fragment lands in an <html> element under the holder.
        if let Some(html_el) = dom.first_element_child(holder) {
            while let Some(c) = dom.first_child(html_el) {
                dom.append(ns_el, c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_merges_text() {
        let mut d = parse_document("<!DOCTYPE html><p>a<!-- c -->b</p><table><tr><td>x</table>");
        let ps = d.descendants_with_tags(ROOT, &["p"]);
        assert_eq!(ps.len(), 1);
        assert_eq!(d.text_content(ps[0]), "ab");
        assert_eq!(d.descendants_with_tags(ROOT, &["tbody"]).len(), 1);
        let body = d.body().expect("body");
        assert!(d.has_text(body));
    }

    #[test]
    fn noscript_content_becomes_elements() {
        let d = parse_document("<body><noscript><img src=\"a.jpg\"></noscript></body>");
        let imgs = d.descendants_with_tags(ROOT, &["img"]);
        assert_eq!(imgs.len(), 1);
        assert_eq!(d.attr(imgs[0], "src"), Some("a.jpg"));
    }
}
