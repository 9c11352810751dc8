//! Document preparation before scoring and URL fixing after it (Readability.js 0.6's
//! `_unwrapNoscriptImages`, `_removeScripts`, `_prepDocument`, `_replaceBrs`,
//! `_fixRelativeUris`; Apache-2.0), plus the small pieces Lectern adds.

use super::dom::{is_phrasing, is_whitespace, next_node};
use super::dom::{Dom, Id, ROOT};
use super::patterns as pat;

fn is_single_image(dom: &mut Dom, mut n: Id) -> bool {
    loop {
        if dom.is(n, "img") {
            return true;
        }
        if dom.element_child_count(n) != 1 || dom.has_text(n) {
            return false;
        }
        match dom.first_element_child(n) {
            Some(c) => n = c,
            None => return false,
        }
    }
}

/// Pages whose script app draws the content (forums, shops) often keep a crawler view of it
/// in a `<noscript>`: when one noscript holds most of the body's text, in paragraphs, it is
/// the page's content and is kept as a `div` (other noscripts go, as in Readability).
pub fn unwrap_content_noscript(dom: &mut Dom) {
    let Some(body) = dom.body() else {
        return;
    };
    let total = dom.text_len(body);
    for ns in dom.descendants_with_tags(body, &["noscript"]) {
        let len = dom.text_len(ns);
        if len >= NOSCRIPT_CONTENT_MIN_TEXT
            && len * 2 > total
            && !dom.descendants_with_tags(ns, &["p"]).is_empty()
        {
            dom.set_tag(ns, "div");
            return;
        }
    }
}

/// Ours: text a noscript must hold to be taken as the page's content.
const NOSCRIPT_CONTENT_MIN_TEXT: usize = 500;

/// Replaces placeholder images by the real ones kept in a following `<noscript>`.
pub fn unwrap_noscript_images(dom: &mut Dom) {
    for img in dom.descendants_with_tags(ROOT, &["img"]) {
        let keep = dom.elem(img).is_some_and(|e| {
            e.attrs.iter().any(|(k, v)| {
                matches!(&**k, "src" | "srcset" | "data-src" | "data-srcset")
                    || pat::has_image_ext(v)
            })
        });
        if !keep {
            dom.detach(img);
        }
    }
    for ns in dom.descendants_with_tags(ROOT, &["noscript"]) {
        if !is_single_image(dom, ns) {
            continue;
        }
        let Some(prev) = dom.prev_element_sibling(ns) else {
            continue;
        };
        if !is_single_image(dom, prev) {
            continue;
        }
        let prev_img = if dom.is(prev, "img") {
            Some(prev)
        } else {
            dom.descendants_with_tags(prev, &["img"]).first().copied()
        };
        let new_img = dom.descendants_with_tags(ns, &["img"]).first().copied();
        let (Some(prev_img), Some(new_img)) = (prev_img, new_img) else {
            continue;
        };
        let attrs = dom
            .elem(prev_img)
            .map(|e| e.attrs.clone())
            .unwrap_or_default();
        for (k, v) in attrs {
            if v.is_empty() {
                continue;
            }
            if &*k == "src" || &*k == "srcset" || pat::has_image_ext(&v) {
                if dom.attr(new_img, &k) == Some(&*v) {
                    continue;
                }
                let name = if dom.has_attr(new_img, &k) {
                    format!("data-old-{k}")
                } else {
                    k.to_string()
                };
                dom.set_attr(new_img, &name, &v);
            }
        }
        if let Some(first) = dom.first_element_child(ns) {
            dom.replace(prev, first);
        }
    }
}

/// `_removeScripts` and `_prepDocument` in one walk: drop scripts, noscripts and styles, turn
/// `<br><br>` runs into paragraphs and `<font>` into `<span>`. Ours: a formula that exists only
/// as TeX source in a script is kept as code (see [`unrendered_tex`]), and inline boxes whose
/// words would run together get a space ([`space_glued`]).
pub fn prep_document(dom: &mut Dom) {
    let tags: Vec<&str> = ["script", "noscript", "style", "br", "font"]
        .into_iter()
        .chain(INLINE_BOXES)
        .collect();
    let found = dom.descendants_with_tags(ROOT, &tags);
    let mut brs = Vec::new();
    let mut fonts = Vec::new();
    let mut boxes = Vec::new();
    for &n in found.iter().rev() {
        match dom.tag(n) {
            "br" => brs.push(n),
            "font" => fonts.push(n),
            "script" if unrendered_tex(dom, n) => dom.set_tag(n, "code"),
            "script" | "noscript" | "style" => dom.detach(n),
            _ => boxes.push(n),
        }
    }
    brs.reverse();
    let body = dom.body();
    // Only <br>s still in the body (not inside a removed script or noscript).
    brs.retain(|&b| body.is_some_and(|body| dom.is_ancestor(body, b)));
    replace_brs(dom, brs);
    for f in fonts {
        dom.set_tag(f, "span");
        boxes.push(f);
    }
    space_glued_boxes(dom, &boxes);
}

/// Ours: [`space_glued`] boxes among `boxes` get their space (found by [`prep_document`]'s walk).
fn space_glued_boxes(dom: &mut Dom, boxes: &[Id]) {
    let glued: Vec<Id> = boxes
        .iter()
        .copied()
        .filter(|&n| space_glued(dom, n))
        .collect();
    for n in glued {
        let space = dom.create_text(" ");
        dom.insert_before(n, space);
    }
}

/// Ours: an inline box `n` right after another box or text whose words would run into its own
/// ("<span>Primus</span><span>Tupike Stove</span>", "gather.<span>Credit: EPA</span>",
/// "By<a>ANI</a>") is, on the page, set apart by its style (shown as a block): a space before it
/// keeps the words apart in the reader and for the entity tagger. Only a lower-case letter, a
/// digit or a full stop before a capital counts, so a drop cap ("<span>H</span>ong") or an
/// emphasised part of a word stays whole.
fn space_glued(dom: &Dom, n: Id) -> bool {
    let Some(prev) = dom.prev_sibling(n) else {
        return false;
    };
    let ends = match dom.text(prev) {
        Some(t) => t.chars().last(),
        None if is_inline_box(dom.tag(prev)) => last_char(dom, prev),
        None => None,
    }
    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '.');
    ends && first_char(dom, n).is_some_and(char::is_uppercase)
}

/// Inline elements a page's style often shows as blocks (a card's brand and title spans).
const INLINE_BOXES: [&str; 9] = [
    "span", "a", "b", "strong", "em", "i", "small", "time", "cite",
];

fn is_inline_box(tag: &str) -> bool {
    INLINE_BOXES.contains(&tag)
}

/// How far [`first_char`] and [`last_char`] go down, and across empty nodes at each level: a
/// few steps find the text of a card's spans, and a hostile page's deep nesting stays linear.
const EDGE_STEPS: usize = 24;

/// The first character of `n`'s text, from its first children down.
fn first_char(dom: &Dom, n: Id) -> Option<char> {
    edge_char(dom, n, Dom::first_child, Dom::next_sibling, |t| {
        t.chars().next()
    })
}

/// The last character of `n`'s text, from its last children down.
fn last_char(dom: &Dom, n: Id) -> Option<char> {
    edge_char(dom, n, Dom::last_child, Dom::prev_sibling, |t| {
        t.chars().last()
    })
}

/// Down from `n` along its edge (`child`), past empty elements and blank text (`step`), to the
/// first text with a character.
fn edge_char(
    dom: &Dom,
    n: Id,
    child: fn(&Dom, Id) -> Option<Id>,
    step: fn(&Dom, Id) -> Option<Id>,
    pick: fn(&str) -> Option<char>,
) -> Option<char> {
    let mut x = child(dom, n)?;
    for _ in 0..EDGE_STEPS {
        match dom.text(x) {
            Some(t) if !t.trim().is_empty() => return pick(t),
            Some(_) => x = step(dom, x)?,
            None => match child(dom, x) {
                Some(c) => x = c,
                None => x = step(dom, x)?,
            },
        }
    }
    None
}

/// Pages streamed by React (Next.js and others) send each part that finished late as a hidden
/// `<div id="S:N">` at the end of the body, and a script moves it into its place, marked by
/// `<template id="B:N">` (a suspense boundary) or `<template id="P:N">` (a placeholder). The
/// reader does that move itself: in the saved HTML of such a page the article is still hidden.
/// The boundary's fallback (a spinner, a skeleton) stays beside it: comments, which mark where
/// it ends, are not kept.
pub fn resolve_streamed_segments(dom: &mut Dom) {
    let Some(body) = dom.body() else {
        return;
    };
    let templates = dom.descendants_with_tags(body, &["template"]);
    if templates.is_empty() {
        return;
    }
    for div in dom.descendants_with_tags(body, &["div"]) {
        let Some(n) = dom.id_attr(div).strip_prefix("S:") else {
            continue;
        };
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || !dom.has_attr(div, "hidden") {
            continue;
        }
        let n = n.to_string();
        let place = templates.iter().copied().find(|&t| {
            dom.id_attr(t)
                .split_once(':')
                .is_some_and(|(kind, m)| matches!(kind, "B" | "P") && m == n)
        });
        let Some(place) = place.filter(|&t| dom.parent(t).is_some()) else {
            continue;
        };
        // A place inside its own segment would be moved into itself.
        if dom.is_ancestor(div, place) {
            continue;
        }
        while let Some(c) = dom.first_child(div) {
            dom.insert_before(place, c);
        }
        dom.detach(place);
        dom.detach(div);
    }
}

/// Ours: text folded behind a control is prose when at most this share of it is links (a
/// folded menu is mostly links).
const MAX_FOLDED_LINK_DENSITY: f64 = 0.3;

/// Unfolds the text a page folds behind its own control: the rest of a description behind
/// "Read more", an accordion's answers. The control names what it folds (`aria-controls`)
/// and says it is folded (`aria-expanded="false"`); the folded element is hidden until
/// clicked, and the reader shows it. Menus, dialogs and lists of links stay hidden.
pub fn unfold_controlled(dom: &mut Dom) {
    let Some(body) = dom.body() else {
        return;
    };
    let order = dom.descendant_elements(body);
    let mut folded: Vec<String> = order
        .iter()
        .filter(|&&n| dom.attr(n, "aria-expanded") == Some("false"))
        .filter_map(|&n| dom.attr(n, "aria-controls"))
        .flat_map(|c| c.split_whitespace().map(str::to_string))
        .collect();
    if folded.is_empty() {
        return;
    }
    folded.sort_unstable();
    folded.dedup();
    for n in order {
        let id = dom.id_attr(n);
        if id.is_empty() || folded.binary_search_by(|f| f.as_str().cmp(id)).is_err() {
            continue;
        }
        let role = dom.attr(n, "role").unwrap_or("");
        if matches!(dom.tag(n), "nav" | "menu" | "dialog" | "form")
            || matches!(
                role,
                "menu" | "dialog" | "navigation" | "listbox" | "tooltip"
            )
            || super::dom::shown_by_markup(dom, n, true)
            || dom.link_density(n) > MAX_FOLDED_LINK_DENSITY
        {
            continue;
        }
        for a in ["hidden", "aria-hidden", "style"] {
            dom.remove_attr(n, a);
        }
    }
}

/// MathJax 2 keeps each formula's TeX source in a `<script type="math/tex">` and draws it in
/// the element just before (its MathML copy is what the reader keeps). A source that nothing
/// drew (the page was saved before MathJax ran) is the only form of that formula: the reader
/// shows it as code rather than lose it.
fn unrendered_tex(dom: &Dom, script: Id) -> bool {
    let tex = dom
        .attr(script, "type")
        .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("math/tex"));
    tex && !dom.prev_element_sibling(script).is_some_and(|p| {
        let class = dom.class(p).to_ascii_lowercase();
        pat::has(&class, "mathjax") && !pat::has(&class, "mathjax_preview")
    })
}

fn replace_brs(dom: &mut Dom, brs: Vec<Id>) {
    for br in brs {
        let mut next = dom.next_sibling(br);
        let mut replaced = false;
        while let Some(n) = next_node(dom, next) {
            if !dom.is(n, "br") {
                break;
            }
            replaced = true;
            let sib = dom.next_sibling(n);
            dom.detach(n);
            next = sib;
        }
        if !replaced || dom.parent(br).is_none() {
            continue;
        }
        let p = dom.create_element("p");
        dom.replace(br, p);
        let mut next = dom.next_sibling(p);
        while let Some(n) = next {
            if dom.is(n, "br") {
                if let Some(ne) = next_node(dom, dom.next_sibling(n)) {
                    if dom.is(ne, "br") {
                        break;
                    }
                }
            }
            if !is_phrasing(dom, n) {
                break;
            }
            let sib = dom.next_sibling(n);
            dom.append(p, n);
            next = sib;
        }
        while let Some(l) = dom.last_child(p) {
            if is_whitespace(dom, l) {
                dom.detach(l);
            } else {
                break;
            }
        }
        if let Some(parent) = dom.parent(p) {
            if dom.is(parent, "p") {
                dom.set_tag(parent, "div");
            }
        }
    }
}

/// The document's base URL: `<base href>` resolved against the page URL.
pub fn base_url(dom: &Dom, page: Option<&url::Url>) -> Option<url::Url> {
    let href = dom
        .descendants_with_tags(ROOT, &["base"])
        .into_iter()
        .find_map(|b| dom.attr(b, "href").map(str::to_string));
    match (page, href) {
        (Some(p), Some(h)) => p.join(h.trim()).ok().or_else(|| Some(p.clone())),
        (None, Some(h)) => url::Url::parse(h.trim()).ok(),
        (Some(p), None) => Some(p.clone()),
        (None, None) => None,
    }
}

fn to_absolute(uri: &str, base: Option<&url::Url>, base_is_page: bool) -> String {
    if base_is_page && uri.starts_with('#') {
        return uri.to_string();
    }
    // Already absolute and plain: nothing to resolve (saves a URL parse per link).
    let plain = |s: &str| s.bytes().all(|b| b > b' ' && b != b'\\' && b < 0x7f);
    let rest = uri
        .strip_prefix("https://")
        .or_else(|| uri.strip_prefix("http://"));
    if rest.is_some_and(|r| r.contains('/')) && plain(uri) {
        return uri.to_string();
    }
    match base {
        Some(b) => b
            .join(uri.trim())
            .map(|u| u.to_string())
            .unwrap_or_else(|_| uri.to_string()),
        None => uri.to_string(),
    }
}

/// Rewrites each URL of a `srcset` (`url [descriptor], ...`).
pub fn absolutise_srcset(srcset: &str, base: Option<&url::Url>) -> String {
    let mut out = Vec::new();
    for cand in srcset.split(',') {
        let c = cand.trim();
        if c.is_empty() {
            continue;
        }
        let mut parts = c.splitn(2, char::is_whitespace);
        let u = parts.next().unwrap_or("");
        let d = parts.next().map(str::trim).unwrap_or("");
        let abs = to_absolute(u, base, false);
        out.push(if d.is_empty() {
            abs
        } else {
            format!("{abs} {d}")
        });
    }
    out.join(", ")
}

/// `_fixRelativeUris`: absolute links and media URLs; `javascript:` links lose their link.
pub fn fix_relative_uris(dom: &mut Dom, root: Id, base: Option<&url::Url>, base_is_page: bool) {
    for a in dom.descendants_with_tags(root, &["a"]) {
        let Some(href) = dom.attr(a, "href").map(str::to_string) else {
            continue;
        };
        if href.is_empty() {
            continue;
        }
        if href.starts_with("javascript:") {
            let kids: Vec<Id> = dom.children(a).collect();
            if kids.len() == 1 && dom.text(kids[0]).is_some() {
                let t = dom.text_content(a);
                let tn = dom.create_text(&t);
                dom.replace(a, tn);
            } else {
                let span = dom.create_element("span");
                for k in kids {
                    dom.append(span, k);
                }
                dom.replace(a, span);
            }
        } else {
            let abs = to_absolute(&href, base, base_is_page);
            dom.set_attr(a, "href", &abs);
        }
    }
    for m in dom.descendants_with_tags(
        root,
        &["img", "picture", "figure", "video", "audio", "source"],
    ) {
        for attr in ["src", "poster"] {
            if let Some(v) = dom
                .attr(m, attr)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
            {
                let abs = to_absolute(&v, base, base_is_page);
                dom.set_attr(m, attr, &abs);
            }
        }
        if let Some(v) = dom
            .attr(m, "srcset")
            .filter(|v| !v.is_empty())
            .map(str::to_string)
        {
            let abs = absolutise_srcset(&v, base);
            dom.set_attr(m, "srcset", &abs);
        }
    }
}

/// Images with no usable `src` get one from their best `srcset` candidate (readers and the
/// sanitiser need a plain `src`).
pub fn ensure_img_src(dom: &mut Dom, root: Id) {
    for img in dom.descendants_with_tags(root, &["img"]) {
        if dom.attr(img, "src").is_some_and(|s| !s.trim().is_empty()) {
            continue;
        }
        let candidate = dom.attr(img, "srcset").and_then(|s| {
            s.split(',')
                .filter_map(|c| c.split_whitespace().next())
                .next_back()
                .map(str::to_string)
        });
        if let Some(c) = candidate {
            dom.set_attr(img, "src", &c);
        }
    }
}
