//! Listing and collection pages (a shop's category, a blog's or a news site's front page, a
//! list of courses): their content is a run of like items, each a linked name with a teaser,
//! a price or a date. Readability scores prose, so on such pages it keeps one intro paragraph,
//! a slogan or a footer blurb and drops the list; a reader user expects the items.
//!
//! The list is found as the element with the most text in like children ("cards": same tag
//! and first class, each with a link, none a long block), outside the page's chrome (navigation,
//! header, footer, menus, sidebars). A list of bare links (a front page of headlines only, a
//! menu) is not one: its items carry text besides their links, or are cards drawn as links (a
//! picture and a title, a name and a price in one link). It is grown to its own block (its
//! heading and intro), and to the block of several such lists where a page has a section per
//! category.
//!
//! The pipeline shows the list where Readability's block is bare links or much smaller than
//! the list and holds no article's worth of prose; not on a product page whose block shows the
//! product (its carousels list other products).

use super::dom::{Dom, Id};
use super::patterns::{Hints, UNLIKELY_ROLES};

/// Fewest like items that make a list.
const MIN_ITEMS: usize = 4;
/// Longest item (characters): longer children are sections or paragraphs, not cards.
const MAX_ITEM_TEXT: usize = 1500;
/// Shortest item (characters): shorter ones are icons, dots, separators.
const MIN_ITEM_TEXT: usize = 3;
/// Least share of the items' text outside links: a list of bare links is a menu or a page of
/// headlines, not items with teasers, prices or dates.
const MIN_UNLINKED_SHARE: f64 = 0.12;
/// How much more text than the list a parent may hold and still be the list's own block (its
/// heading and intro), not the page.
const MAX_GROWTH_NUM: usize = 5;
const MAX_GROWTH_DEN: usize = 4;

/// Tags never searched for lists: the page's chrome and what is not content.
const CHROME: [&str; 12] = [
    "nav", "header", "footer", "aside", "form", "select", "button", "dialog", "script", "style",
    "template", "svg",
];

/// The page's list of items: the element holding them, and the text its items hold.
#[derive(Debug, Clone, Copy)]
pub struct List {
    pub root: Id,
    pub text: usize,
}

/// Whether `n` is chrome by its tag, role or names.
fn is_chrome(dom: &Dom, n: Id, names: &mut String) -> bool {
    if CHROME.contains(&dom.tag(n)) {
        return true;
    }
    if dom
        .attr(n, "role")
        .is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim()))
    {
        return true;
    }
    names.clear();
    dom.names_lower(n, names) && Hints::of(names).unlikely_candidate()
}

/// Whether `n` or an ancestor below `body` is chrome.
fn in_chrome(dom: &Dom, body: Id, n: Id, names: &mut String) -> bool {
    std::iter::successors(Some(n), |&x| dom.parent(x))
        .take_while(|&x| x != body)
        .any(|x| is_chrome(dom, x, names))
}

/// The grouping key of a child: its tag and first class.
fn signature(dom: &Dom, n: Id) -> (&str, &str) {
    let first = dom.class(n).split_whitespace().next().unwrap_or("");
    (dom.tag(n), first)
}

/// Like siblings `n` needs to be one of a run of items (a product card among others whose
/// names say "subscription-eligible"), not a one-off widget.
const RUN: usize = 3;

/// Wrappers climbed from `n` to the item it fills.
const MAX_WRAPPERS: usize = 3;

/// Whether `n` is one of a run of like siblings (same tag and first class), or fills one (holds
/// all of a card's text): an item of a list.
pub fn one_of_a_run(dom: &mut Dom, n: Id) -> bool {
    let mut x = n;
    for _ in 0..=MAX_WRAPPERS {
        let Some(parent) = dom.parent(x) else {
            return false;
        };
        if like_siblings(dom, parent, x) > RUN {
            return true;
        }
        if dom.text_len(parent) != dom.text_len(x) {
            return false;
        }
        x = parent;
    }
    false
}

/// Text in `parent`'s element children like `n` (`n` included).
fn like_text(dom: &mut Dom, parent: Id, n: Id) -> usize {
    let kids = dom.element_children(parent);
    let key = signature(dom, n);
    let like: Vec<Id> = kids
        .into_iter()
        .filter(|&k| signature(dom, k) == key)
        .collect();
    like.into_iter().map(|k| dom.text_len(k)).sum()
}

/// How many of `parent`'s element children are like `n` (`n` included), counted up to RUN + 1.
fn like_siblings(dom: &Dom, parent: Id, n: Id) -> usize {
    let key = signature(dom, n);
    let mut like = 0;
    let mut c = dom.first_element_child(parent);
    while let Some(x) = c {
        if signature(dom, x) == key {
            like += 1;
            if like > RUN {
                break;
            }
        }
        c = dom.next_element_sibling(x);
    }
    like
}

/// Text (characters) in `n` inside links (in-page `#` links count less, as in Readability's
/// link density).
fn link_text(dom: &mut Dom, n: Id) -> usize {
    if dom.is(n, "a") {
        return dom.text_len(n);
    }
    dom.stats(n).link as usize
}

/// Children of one signature under a parent: how many, their text, their linked text, and
/// the first few (to look into).
struct Group {
    count: usize,
    text: usize,
    linked: usize,
    sample: Vec<Id>,
}

/// Items looked into for the parts of their links.
const SAMPLE: usize = 4;
/// Nodes looked at in one item for the parts of its links.
const MAX_ITEM_NODES: usize = 400;

/// Whether `item` is a card drawn as links: with a picture (a product's, a recipe's), or with a
/// link holding two or more runs of text (a name and a price, a headline and a date). A menu's
/// or a page of headlines' bare links are neither.
fn is_card(dom: &mut Dom, item: Id) -> bool {
    let s = dom.stats(item);
    if s.n_img + s.n_picture > 0 {
        return true;
    }
    let mut n = Some(item);
    let mut seen = 0;
    while let Some(x) = n {
        seen += 1;
        if seen > MAX_ITEM_NODES {
            return false;
        }
        if dom.is(x, "a") {
            let runs = std::iter::successors(dom.first_child(x), |&c| dom.next_in(c, x, false))
                .take(MAX_ITEM_NODES)
                .filter(|&c| dom.text(c).is_some_and(|t| !t.trim().is_empty()))
                .take(2)
                .count();
            if runs >= 2 {
                return true;
            }
            n = dom.next_in(x, item, true);
        } else {
            n = dom.next_in(x, item, false);
        }
    }
    false
}

/// The like items among `parent`'s children, with their total text: the largest group by
/// signature of children that each hold a link and a card's worth of text, and that carry
/// more than bare links (text beside their links, or links drawn as cards).
fn items_of(dom: &mut Dom, parent: Id) -> Option<(usize, usize)> {
    // Counted before collecting: most elements have fewer children than a list.
    dom.children(parent)
        .filter(|&c| dom.is_element(c))
        .nth(MIN_ITEMS - 1)?;
    let kids = dom.element_children(parent);
    let mut counted: Vec<(Id, usize, usize)> = Vec::new();
    for k in kids {
        if dom.is(k, "p") {
            continue;
        }
        let len = dom.text_len(k);
        if !(MIN_ITEM_TEXT..=MAX_ITEM_TEXT).contains(&len) {
            continue;
        }
        let linked = link_text(dom, k);
        if linked > 0 {
            counted.push((k, len, linked));
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    for &(k, len, linked) in &counted {
        let key = signature(dom, k);
        match groups
            .iter_mut()
            .find(|g| g.sample.first().is_some_and(|&f| signature(dom, f) == key))
        {
            Some(g) => {
                g.count += 1;
                g.text += len;
                g.linked += linked;
                if g.sample.len() < SAMPLE {
                    g.sample.push(k);
                }
            }
            None => groups.push(Group {
                count: 1,
                text: len,
                linked,
                sample: vec![k],
            }),
        }
    }
    groups
        .into_iter()
        .filter(|g| g.count >= MIN_ITEMS)
        .filter(|g| {
            let unlinked = g.text - g.linked.min(g.text);
            unlinked as f64 >= g.text as f64 * MIN_UNLINKED_SHARE
                || g.sample.iter().filter(|&&k| is_card(dom, k)).count() * 2 > g.sample.len()
        })
        .map(|g| (g.count, g.text))
        .max_by_key(|g| g.1)
}

/// The page's list of items under `body`, grown to its own block (heading, intro), if any.
pub fn find(dom: &mut Dom, body: Id) -> Option<List> {
    let mut best: Option<(usize, Id)> = None;
    let mut names = String::new();
    let mut n = dom.first_child(body);
    while let Some(x) = n {
        if !dom.is_element(x) {
            n = dom.next_in(x, body, true);
            continue;
        }
        // Chrome by tag is skipped on the way; by role or names (read for every element, they
        // cost) only where a list would be the best so far.
        if CHROME.contains(&dom.tag(x)) {
            n = dom.next_in(x, body, true);
            continue;
        }
        if let Some((_, text)) = items_of(dom, x) {
            if best.is_none_or(|(t, _)| text > t) && !in_chrome(dom, body, x, &mut names) {
                best = Some((text, x));
            }
        }
        n = dom.next_in(x, body, false);
    }
    let (text, mut root) = best?;
    let mut list_len = dom.text_len(root);
    while let Some(p) = dom.parent(root) {
        if p == body || dom.is(p, "html") || is_chrome(dom, p, &mut names) {
            break;
        }
        let whole = dom.text_len(p);
        if whole * MAX_GROWTH_DEN <= list_len * MAX_GROWTH_NUM {
            root = p;
            continue;
        }
        // A page of several lists of one kind (a section per category, each a heading and its
        // cards): the block holding them all, where like sections make most of its text.
        let like = like_text(dom, p, root);
        if like > list_len && like * MAX_GROWTH_NUM >= whole * MAX_GROWTH_DEN {
            list_len = whole;
            root = p;
            continue;
        }
        break;
    }
    Some(List { root, text })
}

/// Paragraphs shorter than this (characters) are teasers, captions or labels, not prose
/// (Readability-readerable's paragraph minimum).
const PROSE_PARAGRAPH: usize = 140;

/// Characters of `root`'s text in paragraphs of prose: how much of an article a block holds.
pub fn prose(dom: &mut Dom, root: Id) -> usize {
    let paragraphs = dom.descendants_with_tags(root, &["p"]);
    paragraphs
        .into_iter()
        .map(|p| dom.text_len(p))
        .filter(|&l| l >= PROSE_PARAGRAPH)
        .sum()
}

/// The list moved into a detached `<div>`: the article's content.
pub fn take(dom: &mut Dom, list: List) -> Id {
    let wrapper = dom.create_element("div");
    dom.append(wrapper, list.root);
    wrapper
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pipeline::parse;

    fn card(i: usize) -> String {
        format!(
            "<div class=\"card c{i}\"><a href=\"/p/{i}\"><img src=\"/i/{i}.jpg\">Enamel mug number {i}</a>\
             <span class=\"price\">${i}.00</span></div>"
        )
    }

    fn page(cards: &str) -> String {
        format!(
            "<html><body><header><nav><a href=\"/\">Home</a><a href=\"/a\">Mugs</a>\
             <a href=\"/b\">Plates</a><a href=\"/c\">Bowls</a></nav></header>\
             <main><h1>Mugs</h1><p>Our mugs, fired in small batches.</p>\
             <div class=\"grid\">{cards}</div></main>\
             <footer><ul><li><a href=\"/x\">About us</a> since 1990</li><li><a href=\"/y\">Jobs</a> open</li>\
             <li><a href=\"/z\">Press</a> kit</li><li><a href=\"/w\">Help</a> desk</li></ul></footer>\
             </body></html>"
        )
    }

    #[test]
    fn a_grid_of_cards_is_the_list_with_its_heading_and_intro() {
        let cards: String = (1..=8).map(card).collect();
        let mut dom = parse(&page(&cards));
        let body = dom.body().expect("body");
        let list = find(&mut dom, body).expect("a list");
        let text = dom.text_content(list.root);
        assert!(text.contains("Enamel mug number 8"), "{text}");
        assert!(text.contains("$3.00"), "{text}");
        assert!(text.contains("small batches"), "{text}");
        assert!(!text.contains("About us"), "{text}");
    }

    #[test]
    fn cards_drawn_as_one_link_or_as_a_picture_and_a_title_are_items() {
        // A name and a price in one link.
        let cards: String = (1..=6)
            .map(|i| {
                format!(
                    "<div class=\"tile\"><a href=\"/p/{i}\"><span>Mug {i}</span>\
                     <span>${i}.50</span></a></div>"
                )
            })
            .collect();
        let mut dom = parse(&page(&cards));
        let body = dom.body().expect("body");
        let list = find(&mut dom, body).expect("a list");
        assert!(dom.text_content(list.root).contains("$6.50"));
        // A picture and a title in one link.
        let cards: String = (1..=6)
            .map(|i| {
                format!(
                    "<a class=\"card\" href=\"/r/{i}\"><img src=\"/r/{i}.jpg\" alt=\"\">\
                     <span>Slow-cooked ragout number {i}</span></a>"
                )
            })
            .collect();
        let mut dom = parse(&page(&cards));
        let body = dom.body().expect("body");
        let list = find(&mut dom, body).expect("a list");
        assert!(dom.text_content(list.root).contains("ragout number 6"));
    }

    #[test]
    fn an_item_and_the_wrapper_filling_it_are_one_of_a_run() {
        let cards: String = (1..=5).map(card).collect();
        let mut dom = parse(&page(&format!(
            "<ul><li class=\"x\"><b>Intro</b></li></ul>{cards}"
        )));
        let body = dom.body().expect("body");
        let divs = dom.descendants_with_tags(body, &["div"]);
        let card = divs
            .into_iter()
            .find(|&d| dom.class(d).starts_with("card"))
            .expect("a card");
        assert!(one_of_a_run(&mut dom, card));
        let lone = dom.descendants_with_tags(body, &["b"])[0];
        assert!(!one_of_a_run(&mut dom, lone));
    }

    #[test]
    fn several_sections_of_one_kind_are_one_list() {
        let section = |name: &str, n: usize| {
            let cards: String = (1..=n).map(card).collect();
            format!("<section class=\"shelf\"><h2>{name}</h2><div class=\"grid\">{cards}</div></section>")
        };
        let body = format!(
            "{}{}{}",
            section("Mugs", 8),
            section("Plates", 5),
            section("Bowls", 6)
        );
        let mut dom = parse(&page(&body));
        let root = dom.body().expect("body");
        let list = find(&mut dom, root).expect("a list");
        let text = dom.text_content(list.root);
        for heading in ["Mugs", "Plates", "Bowls"] {
            assert!(text.contains(heading), "{heading}: {text}");
        }
        assert!(!text.contains("About us"), "{text}");
    }

    #[test]
    fn bare_links_and_few_items_are_no_list() {
        let links: String = (1..=12)
            .map(|i| format!("<li><a href=\"/n/{i}\">Headline number {i}</a></li>"))
            .collect();
        let mut dom = parse(&page(&format!("<ul>{links}</ul>")));
        let body = dom.body().expect("body");
        assert!(find(&mut dom, body).is_none());
        let cards: String = (1..=3).map(card).collect();
        let mut dom = parse(&page(&cards));
        let body = dom.body().expect("body");
        assert!(find(&mut dom, body).is_none());
    }
}
