//! Beyond `boiler`'s related-links rule: a label announcing other stories ("Related", "Also in
//! the news", "Read next") that is no heading (a `<div>` or a `<label>` styled as one), or whose
//! teasers are more than links (a title, a kicker, a date and an excerpt each). The label goes
//! with the run of teaser blocks after it, or with the one teaser card it sits in.

use super::dom::{normalize_ws, Dom, Id};

/// A label is short.
const MAX_LABEL: usize = 40;
/// A teaser block has a link for at most this many characters of text: a title, a kicker, a
/// date and an excerpt.
const MAX_TEXT_PER_LINK: usize = 400;
/// A paragraph this long is an article's, not a teaser's excerpt.
const MAX_EXCERPT: usize = 300;
/// Ours: a run of teasers is at most this long, and this share (1/N) of the article.
const MAX_TEASERS: usize = 3000;
const TEASER_SHARE: usize = 2;
/// A card holding the label (picture, label, title, excerpt) is at most this long.
const MAX_CARD: usize = 400;

/// Whether `n` reads as teasers: links, little text for each, no long paragraph.
fn is_teasers(dom: &mut Dom, n: Id) -> bool {
    let len = dom.text_len(n);
    let links = dom.descendants_with_tags(n, &["a"]).len();
    len > 0
        && links > 0
        && len / links < MAX_TEXT_PER_LINK
        && !dom
            .descendants_with_tags(n, &["p"])
            .into_iter()
            .any(|p| dom.text_len(p) > MAX_EXCERPT)
}

/// A "Read more" link closes a teaser: it announces nothing after it.
fn in_link(dom: &Dom, root: Id, mut n: Id) -> bool {
    while n != root {
        if dom.is(n, "a") || dom.is(n, "button") {
            return true;
        }
        match dom.parent(n) {
            Some(p) => n = p,
            None => return false,
        }
    }
    false
}

/// Drops each announcing label in `root` with the teasers it announces. For articles only: a
/// listing's teasers are its content.
pub fn drop_announced_teasers(dom: &mut Dom, root: Id) {
    let total = dom.text_len(root).max(1);
    for e in dom.descendant_elements(root) {
        if !dom.is_ancestor(root, e) || dom.first_element_child(e).is_some() {
            continue;
        }
        let len = dom.text_len(e);
        if len == 0 || len > MAX_LABEL {
            continue;
        }
        if !super::boiler::is_list_label(&normalize_ws(&dom.text_content(e)))
            || in_link(dom, root, e)
        {
            continue;
        }
        // The label's outermost wrapper holding nothing else.
        let mut top = e;
        while let Some(p) = dom.parent(top).filter(|&p| p != root) {
            if dom.text_len(p) != len {
                break;
            }
            top = p;
        }
        let mut run = Vec::new();
        let mut run_len = 0;
        let mut next = dom.next_element_sibling(top);
        while let Some(x) = next {
            if !is_teasers(dom, x) {
                break;
            }
            run_len += dom.text_len(x);
            run.push(x);
            next = dom.next_element_sibling(x);
        }
        if !run.is_empty() && run_len <= MAX_TEASERS && run_len * TEASER_SHARE < total {
            for x in run {
                dom.detach(x);
            }
            dom.detach(top);
            continue;
        }
        // The label inside one teaser card.
        if let Some(card) = dom.parent(top).filter(|&p| p != root) {
            if dom.text_len(card) <= MAX_CARD && run.is_empty() && is_teasers(dom, card) {
                dom.detach(card);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::dom::ROOT;
    use super::*;

    const STORY: &str =
        "<p>The harbour board met on Monday to weigh a second breakwater. Engineers \
        said the old wall had settled by a metre since the storms of the last decade, and the \
        fishing fleet asked for a wider mouth so that trawlers could enter at low tide. The \
        board will vote in March, after a survey of the seabed and a public meeting.</p>";

    fn cleaned(body: &str) -> String {
        let html = format!("<html><body><article>{STORY}{STORY}{body}</article></body></html>");
        let mut dom = super::super::pipeline::parse(&html);
        let article = dom.descendants_with_tags(ROOT, &["article"])[0];
        drop_announced_teasers(&mut dom, article);
        normalize_ws(&dom.text_content(ROOT))
    }

    #[test]
    fn a_label_takes_the_teasers_after_it() {
        let teaser = "<div><span>Front Page</span><h3><a href=/a>Hampers for 1,500</a></h3>\
            <div>December 19</div><div>The charity handed out hampers on Tuesday to families \
            across the island.</div></div>";
        let out = cleaned(&format!(
            "<div><div class=label>ALSO IN THE NEWS</div></div><div>{teaser}{teaser}</div>"
        ));
        assert!(out.contains("public meeting"));
        assert!(!out.contains("Hampers"), "{out}");
        assert!(!out.contains("ALSO IN"), "{out}");
    }

    #[test]
    fn a_card_labelled_related_goes() {
        let card = "<div class=card><img src=a.jpg><span><label>Related</label></span><div>\
            <h5><a href=/t>Four tools that save time</a></h5><p>Save time with these.</p></div></div>";
        let out = cleaned(card);
        assert!(!out.contains("Four tools"), "{out}");
        // A label before prose stays: it announces nothing to drop.
        let out = cleaned(&format!("<div>Related</div>{STORY}"));
        assert!(out.contains("Related"), "{out}");
    }
}
