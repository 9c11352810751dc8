//! Product pages (a shop's page for one item): the reader shows the product's description,
//! its feature bullets and specifications, not the recommendation carousels, review widgets
//! and cart chrome around them, which Readability's scoring often prefers (they hold more
//! text and more commas).
//!
//! A page is a product page when its structured data says so (a JSON-LD `Product`, an
//! `og:type` of `product`, schema.org microdata). Its description (the JSON-LD one, else the
//! page's meta description) is then looked up in the page: the element that prints it, grown
//! to the block of description, features and specs around it, is the product region.

use super::dom::{Dom, Id, ROOT};
use crate::html::HEADINGS;
use serde_json::Value;

/// What the page's structured data says about its product.
#[derive(Debug, Default, Clone)]
pub struct Product {
    /// The JSON-LD `Product` description, if any.
    pub description: Option<String>,
    /// Its JSON-LD `name`, if any.
    pub name: Option<String>,
}

/// schema.org types of one item for sale.
const PRODUCT_TYPES: [&str; 4] = [
    "Product",
    "ProductGroup",
    "IndividualProduct",
    "ProductModel",
];

fn is_product_type(v: &Value) -> bool {
    let ok = |t: &str| PRODUCT_TYPES.contains(&t.trim_start_matches("http://schema.org/"));
    match v.get("@type") {
        Some(Value::String(t)) => ok(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(ok),
        _ => false,
    }
}

/// The page's product, read before scripts are removed: `None` on pages that are not product
/// pages by their structured data.
pub fn find(dom: &Dom) -> Option<Product> {
    let mut found = false;
    let mut description = None;
    let mut name = None;
    for s in dom.descendants_with_tags(ROOT, &["script"]) {
        if dom.attr(s, "type") != Some("application/ld+json") {
            continue;
        }
        let Ok(v) = serde_json::from_str::<Value>(dom.text_content(s).trim()) else {
            continue;
        };
        // Walked without recursion: offers, reviews and brands nest inside the product.
        let mut stack = vec![&v];
        while let Some(x) = stack.pop() {
            match x {
                Value::Object(o) => {
                    if is_product_type(x) {
                        found = true;
                        if name.is_none() {
                            name = o
                                .get("name")
                                .and_then(Value::as_str)
                                .map(str::trim)
                                .filter(|d| !d.is_empty())
                                .map(str::to_string);
                        }
                        if description.is_none() {
                            description = o
                                .get("description")
                                .and_then(Value::as_str)
                                .map(str::trim)
                                .filter(|d| !d.is_empty())
                                .map(str::to_string);
                        }
                    }
                    stack.extend(o.values().rev());
                }
                Value::Array(a) => stack.extend(a.iter().rev()),
                _ => {}
            }
        }
    }
    if !found {
        found = dom.descendants_with_tags(ROOT, &["meta"]).iter().any(|&m| {
            let prop = dom.attr(m, "property").or_else(|| dom.attr(m, "name"));
            prop == Some("og:type")
                && dom
                    .attr(m, "content")
                    .is_some_and(|c| c.trim().to_lowercase().starts_with("product"))
        }) || dom.descendant_elements(ROOT).iter().any(|&e| {
            dom.attr(e, "itemtype")
                .is_some_and(|t| t.trim_end_matches('/').ends_with("schema.org/Product"))
        });
    }
    found.then_some(Product { description, name })
}

/// Letters and digits of a description looked up in the page: enough to name one block.
const KEY_CHARS: usize = 60;
/// Shortest description worth looking up (shorter ones name a category, not a product).
const MIN_KEY_CHARS: usize = 30;

/// Lowercased letters and digits: how a description is matched against the page's text
/// (whitespace, entities and punctuation differ between the two).
fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Whether `root`'s text holds the start of `description`.
pub fn holds(dom: &Dom, root: Id, description: &str) -> bool {
    let key: String = key_chars(description).take(KEY_CHARS).collect();
    key.chars().count() >= MIN_KEY_CHARS && holds_key(dom, root, &key)
}

/// Whether `root`'s text names the product (`name`, compared by letters and digits).
pub fn names(dom: &Dom, root: Id, name: &str) -> bool {
    let key: String = key_chars(name).take(KEY_CHARS).collect();
    !key.is_empty() && holds_key(dom, root, &key)
}

fn holds_key(dom: &Dom, root: Id, key: &str) -> bool {
    key_chars(&dom.text_content(root))
        .collect::<String>()
        .contains(key)
}

/// The elements that print the start of `description` (for each place, the lowest element
/// holding all of its text nodes), found in one walk over the text. Not headings: a
/// description that is the product's name names no description block.
fn anchors(dom: &Dom, root: Id, description: &str) -> Vec<Id> {
    let key: Vec<char> = key_chars(description).take(KEY_CHARS).collect();
    if key.len() < MIN_KEY_CHARS {
        return Vec::new();
    }
    // The page's key characters, each with the text node it came from.
    let mut chars = Vec::new();
    let mut owners = Vec::new();
    let mut n = dom.first_child(root);
    while let Some(x) = n {
        if let Some(t) = dom.text(x) {
            for c in key_chars(t) {
                chars.push(c);
                owners.push(x);
            }
        }
        n = dom.next_in(x, root, false);
    }
    let mut found = Vec::new();
    for (start, w) in chars.windows(key.len()).enumerate() {
        if w != key.as_slice() {
            continue;
        }
        let (Some(&first), Some(&last)) = (owners.get(start), owners.get(start + key.len() - 1))
        else {
            continue;
        };
        let Some(mut a) = dom.parent(first) else {
            continue;
        };
        while a != last && !dom.is_ancestor(a, last) {
            match dom.parent(a) {
                Some(p) => a = p,
                None => break,
            }
        }
        let in_heading = std::iter::successors(Some(a), |&x| dom.parent(x))
            .take_while(|&x| x != root)
            .any(|x| HEADINGS.contains(&dom.tag(x)));
        if !in_heading && !found.contains(&a) {
            found.push(a);
        }
    }
    found
}

/// Tags an anchor is grown past: inline text holders, not blocks of their own.
const INLINE: [&str; 8] = ["span", "b", "strong", "em", "i", "a", "font", "p"];
/// How much more text a parent may hold than the block grown so far and still be part of the
/// product's description (features and specs beside it), not the whole page.
const MAX_GROWTH: usize = 3;
/// Link density above which a parent is navigation or a carousel, not the description.
const MAX_LINK_DENSITY: f64 = 0.3;

/// The product region of `dom` (a fresh parse of the page): the description block and the
/// features and specs beside it, moved into a detached `<div>`. `None` where the page does not
/// print its description.
pub fn build(dom: &mut Dom, description: &str) -> Option<Id> {
    let body = dom.body()?;
    // Pages print a short description by the price and the full one further down: the
    // place that grows into the larger block is the description section.
    let mut best: Option<(usize, Id)> = None;
    for a in anchors(dom, body, description) {
        let Some(r) = grow(dom, body, a) else {
            continue;
        };
        let len = dom.text_len(r);
        if best.is_none_or(|(l, _)| len > l) {
            best = Some((len, r));
        }
    }
    let (_, region) = best?;
    let wrapper = dom.create_element("div");
    dom.append(wrapper, region);
    Some(wrapper)
}

/// Words a product's `<h1>` needs to stand for its name (not a section like "Reviews").
const MIN_NAME_WORDS: usize = 2;

/// The product's name as the page prints it: its first `<h1>`, where the metadata title
/// words it otherwise (a shop's title drops the dashes, adds a tagline or a model number).
/// Not where the title holds the `<h1>` whole: the title then adds the variant ("- Natural
/// Grey") or a store's prefix, and the `<h1>` alone may be the short form.
pub fn headline(headings: &[String], title: &str) -> Option<String> {
    let h = headings.first()?.trim();
    if h.split_whitespace().count() < MIN_NAME_WORDS {
        return None;
    }
    let hk: String = key_chars(h).collect();
    let tk: String = key_chars(title).collect();
    // A rewording of the title, not another line (a slogan, a collection's name).
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (hw, tw) = (words(h), words(title));
    let shared = hw.iter().filter(|w| tw.contains(w)).count();
    let reworded = shared * SHARED_WORDS_OF > hw.len() * SHARED_WORDS_MIN;
    (!hk.is_empty() && !tk.contains(&hk) && reworded).then(|| h.to_string())
}

/// Share of the `<h1>`'s words the title must hold (more than MIN in OF) for the two to name
/// the same product.
const SHARED_WORDS_MIN: usize = 3;
const SHARED_WORDS_OF: usize = 5;

/// Shortest structured-data description shown where the page prints none: shorter ones are
/// taglines.
const MIN_FALLBACK_CHARS: usize = 80;

/// The structured-data description as paragraphs, for pages that print it nowhere (their
/// description is drawn by script): a detached `<div>`, `None` for a tagline.
pub fn fallback(dom: &mut Dom, description: &str) -> Option<Id> {
    if description.trim().chars().count() < MIN_FALLBACK_CHARS {
        return None;
    }
    let div = dom.create_element("div");
    for para in description.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let p = dom.create_element("p");
        let t = dom.create_text(para);
        dom.append(p, t);
        dom.append(div, p);
    }
    Some(div)
}

/// Puts `lead` first in the article `content` (the grabbed `<div>` around its page `<div>`).
pub fn prepend(dom: &mut Dom, content: Id, lead: Id) {
    let page = dom.first_element_child(content).unwrap_or(content);
    match dom.first_child(page) {
        Some(f) => dom.insert_before(f, lead),
        None => dom.append(page, lead),
    }
}

/// `anchor` grown to the block of description, features and specs around it.
fn grow(dom: &mut Dom, body: Id, anchor: Id) -> Option<Id> {
    let mut region = anchor;
    while INLINE.contains(&dom.tag(region)) {
        region = dom.parent(region)?;
    }
    while let Some(p) = dom.parent(region) {
        if p == body || dom.is(p, "html") {
            break;
        }
        let (now, then) = (dom.text_len(region), dom.text_len(p));
        if then > now * MAX_GROWTH || dom.link_density(p) > MAX_LINK_DENSITY {
            break;
        }
        region = p;
    }
    Some(region)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pipeline::parse;

    const PAGE: &str = r#"<html><head>
<meta property="og:type" content="product">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",
"name":"Trail Mug","description":"A sturdy enamel mug for camp coffee, with a rolled rim that stays cool."}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/mugs">Mugs</a></nav>
<main><div class="pdp"><h1>Trail Mug</h1><p class="price">$18.00</p>
<div class="details"><div class="desc"><p>A sturdy enamel mug for camp coffee,
with a rolled rim that stays cool.</p></div>
<h2>Features</h2><ul><li>Holds 12 oz</li><li>Dishwasher safe</li></ul></div></div>
<section class="recs"><h2>You may also like</h2><p>Other customers bought these mugs and plates,
bowls, cups, kettles and stoves, stools, tables, lamps and lanterns, every one of them on sale
today with free shipping, and with a long list of words to outweigh the product's own text by
far, so that the growth stops below here.</p></section></main></body></html>"#;

    #[test]
    fn finds_a_json_ld_product_and_its_description() {
        let dom = parse(PAGE);
        let p = find(&dom).expect("a product page");
        assert!(p.description.is_some_and(|d| d.starts_with("A sturdy")));
        assert!(find(&parse("<html><body><h1>News</h1><p>Text</p></body></html>")).is_none());
    }

    #[test]
    fn the_region_holds_the_description_and_features_not_recommendations() {
        let mut dom = parse(PAGE);
        let d = "A sturdy enamel mug for camp coffee, with a rolled rim that stays cool.";
        let region = build(&mut dom, d).expect("a region");
        let text = dom.text_content(region);
        assert!(text.contains("rolled rim"), "{text}");
        assert!(text.contains("Dishwasher safe"), "{text}");
        assert!(!text.contains("You may also like"), "{text}");
        assert!(holds(&dom, region, d));
    }

    #[test]
    fn the_fallback_is_the_structured_description_as_paragraphs_not_a_tagline() {
        let mut dom = parse(PAGE);
        let long =
            "First line of a long description drawn by script on the page itself.\nSecond line.";
        let div = fallback(&mut dom, long).expect("paragraphs");
        assert_eq!(dom.descendants_with_tags(div, &["p"]).len(), 2);
        assert!(fallback(&mut dom, "Cosy socks.").is_none());
        assert!(names(&dom, div, "second LINE"));
    }

    #[test]
    fn the_headline_is_the_h1_where_the_title_rewords_it() {
        let h = |s: &str| vec![s.to_string()];
        let got = headline(
            &h("Trail Mug - Enamel 12 oz"),
            "Enamel Trail Mug 12 oz | Camp Store",
        );
        assert_eq!(got.as_deref(), Some("Trail Mug - Enamel 12 oz"));
        // The title holds the h1 whole (a variant added), or the h1 is another line.
        assert!(headline(&h("Trail Mug"), "Trail Mug - Blue Enamel").is_none());
        assert!(headline(&h("Coffee tastes better outside"), "Trail Mug").is_none());
    }

    #[test]
    fn no_region_where_the_page_does_not_print_its_description() {
        let mut dom = parse(PAGE);
        assert!(build(
            &mut dom,
            "A description printed nowhere on this page at all."
        )
        .is_none());
    }
}
