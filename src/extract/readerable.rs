//! A cheap "is this page worth a reader view" test: a port of Mozilla's
//! Readability-readerable.js `isProbablyReaderable` (Apache-2.0).

use super::dom::{shown_by_markup, utf16_len};
use super::dom::{Dom, ROOT};
use super::patterns as pat;

const MIN_CONTENT_LENGTH: usize = 140;
const MIN_SCORE: f64 = 20.0;

fn visible(dom: &Dom, n: usize) -> bool {
    shown_by_markup(dom, n, false)
}

pub fn is_probably_readerable(dom: &Dom) -> bool {
    // Paragraph-like nodes: divs holding <br> children first, then p, pre and article.
    let mut nodes: Vec<usize> = Vec::new();
    for br in dom.descendants_with_tags(ROOT, &["br"]) {
        if let Some(p) = dom.parent(br) {
            if dom.is(p, "div") && !nodes.contains(&p) {
                nodes.push(p);
            }
        }
    }
    nodes.extend(dom.descendants_with_tags(ROOT, &["p", "pre", "article"]));
    let mut score = 0.0;
    for n in nodes {
        if !visible(dom, n) {
            continue;
        }
        let mut ms = format!("{} {}", dom.class(n), dom.id_attr(n));
        ms.make_ascii_lowercase();
        if pat::Hints::of(&ms).unlikely_candidate() {
            continue;
        }
        if dom.is(n, "p") && has_li_ancestor(dom, n) {
            continue;
        }
        let len = utf16_len(dom.text_content(n).trim());
        if len < MIN_CONTENT_LENGTH {
            continue;
        }
        score += ((len - MIN_CONTENT_LENGTH) as f64).sqrt();
        if score > MIN_SCORE {
            return true;
        }
    }
    false
}

fn has_li_ancestor(dom: &Dom, mut n: usize) -> bool {
    while let Some(p) = dom.parent(n) {
        if dom.is(p, "li") {
            return true;
        }
        n = p;
    }
    false
}
