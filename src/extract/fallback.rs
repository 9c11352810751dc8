//! Fallback extraction, beyond Readability: when the chosen article holds much less text than
//! the page's body paragraphs do, Readability most likely settled on a fragment (a lead box, one
//! of several sections). We then take the smallest container that holds most of the page's
//! paragraph text and clean it the same way.

use super::dom::is_probably_visible;
use super::dom::{Dom, Id};
use super::patterns as pat;
use std::collections::HashMap;

/// Paragraphs shorter than this (characters) are not counted as body text.
const MIN_PARAGRAPH: usize = 40;
/// How far up a paragraph credits its ancestors.
const MAX_LEVELS: usize = 12;

/// Whether this element makes everything inside it page furniture: navigation, headers and
/// footers, forms, lists of links, hidden or "unlikely" (sidebar, comments...) containers.
fn excluding(dom: &Dom, p: Id, ms: &mut String) -> bool {
    if matches!(
        dom.tag(p),
        "nav" | "header" | "footer" | "aside" | "form" | "li" | "menu" | "dialog"
    ) || !is_probably_visible(dom, p)
    {
        return true;
    }
    ms.clear();
    ms.push_str(dom.class(p));
    ms.push(' ');
    ms.push_str(dom.id_attr(p));
    ms.make_ascii_lowercase();
    ms.len() > 1 && pat::Hints::of(ms).unlikely_candidate()
}

/// Whether some ancestor of `n` is excluding; `memo` (0 unknown, 1 no, 2 yes) makes the
/// walks over many paragraphs linear overall.
fn excluded(dom: &Dom, n: Id, memo: &mut [u8], ms: &mut String) -> bool {
    // Climb to the first ancestor with a known answer, then fill the path back down.
    let mut path = Vec::new();
    let mut cur = dom.parent(n);
    let mut answer = false;
    while let Some(p) = cur {
        match memo.get(p).copied().unwrap_or(0) {
            1 => break,
            2 => {
                answer = true;
                break;
            }
            _ => {}
        }
        path.push(p);
        cur = dom.parent(p);
    }
    // `path` runs from the parent upwards; resolve from the top down.
    for &p in path.iter().rev() {
        answer = answer || excluding(dom, p, ms);
        if let Some(m) = memo.get_mut(p) {
            *m = if answer { 2 } else { 1 };
        }
    }
    answer
}

/// Total text of the page's body paragraphs, and the container holding most of it.
pub fn body_paragraphs(dom: &mut Dom, body: Id) -> (usize, Option<Id>) {
    let mut total = 0usize;
    let mut credit: HashMap<Id, usize> = HashMap::new();
    let mut longest: Option<(usize, Id)> = None;
    let mut memo = vec![0u8; dom.nodes.len()];
    let mut ms = String::new();
    for p in dom.descendants_with_tags(body, &["p", "pre"]) {
        let len = dom.text_len(p);
        if len < MIN_PARAGRAPH
            || dom.link_density(p) > 0.35
            || !is_probably_visible(dom, p)
            || excluded(dom, p, &mut memo, &mut ms)
        {
            continue;
        }
        total += len;
        if longest.is_none_or(|(l, _)| len > l) {
            longest = Some((len, p));
        }
        let mut a = p;
        for _ in 0..MAX_LEVELS {
            match dom.parent(a) {
                Some(x) if x != body => {
                    *credit.entry(x).or_insert(0) += len;
                    a = x;
                }
                _ => break,
            }
        }
    }
    // Walk up from the longest paragraph to the first ancestor holding 80% of the text.
    let mut container = None;
    if let Some((_, p)) = longest {
        let mut a = p;
        while let Some(x) = dom.parent(a) {
            if x == body {
                break;
            }
            if credit.get(&x).copied().unwrap_or(0) * 10 >= total * 8 {
                container = Some(x);
                break;
            }
            a = x;
        }
    }
    (total, container)
}
