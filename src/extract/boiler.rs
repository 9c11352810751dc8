//! Precision cleaning inside the chosen article, beyond Readability: consent banners,
//! newsletter and paywall/donation nags, "related / most read" blocks, share and print bars.
//!
//! Two signals, each required to be short relative to the article so real content survives:
//! class/id/role names that only boilerplate uses, and whole blocks whose text is a known
//! nag phrase. A heading that announces a related-links list takes the list with it.

use super::dom::{normalize_ws, Dom, Id};

/// Class/id fragments that name boilerplate containers.
const NAMES: [&str; 35] = [
    "author-bio",
    "about-the-author",
    "author-box",
    "bio-box",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "paywall",
    "subscribe-",
    "subscribe_",
    "-subscribe",
    "subscription-",
    "-subscription",
    "signup",
    "sign-up",
    "regwall",
    "donate",
    "donation",
    "support-us",
    "membership-prompt",
    "related",
    "most-read",
    "mostread",
    "most-popular",
    "recommended",
    "read-more",
    "readmore",
    "more-stories",
    "print-button",
    "email-button",
    "advert",
    "ad-slot",
    "adslot",
    "outbrain",
];

/// Phrases that make a short block a nag or a widget label.
const NAG_PHRASES: [&str; 22] = [
    "subscribe to continue reading",
    "subscribe to read",
    "subscribe now",
    "you have reached the free limit",
    "you have reached your limit",
    "free articles remaining",
    "free article limit",
    "already a subscriber",
    "sign up for our newsletter",
    "sign up to our newsletter",
    "subscribe to our newsletter",
    "get our newsletter",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "accept all cookies",
    "accept cookies",
    "manage cookies",
    "cookie settings",
    "support our journalism",
    "please consider supporting",
    "donate now",
];

/// Headings that introduce lists of other articles.
const LIST_HEADINGS: [&str; 14] = [
    "related",
    "related stories",
    "related articles",
    "related posts",
    "related content",
    "similar stories",
    "similar articles",
    "most read",
    "most popular",
    "more stories",
    "more from",
    "recommended",
    "read more",
    "you may also like",
];

fn name_is_boilerplate(dom: &Dom, n: Id, s: &mut String) -> bool {
    let (class, id) = (dom.class(n), dom.id_attr(n));
    if class.is_empty() && id.is_empty() {
        return false;
    }
    s.clear();
    s.push_str(class);
    s.push(' ');
    s.push_str(id);
    s.make_ascii_lowercase();
    // Positive article names win ("article-share-count" stays judged by text).
    if [
        "article-body",
        "story-body",
        "post-body",
        "entry-content",
        "article-content",
    ]
    .iter()
    .any(|p| s.contains(p))
    {
        return false;
    }
    // "share" only as a whole word: "fig--has-shares" marks a figure, not a share bar.
    super::patterns::any_in(s, &NAMES) || super::patterns::share(s)
}

fn is_nag_text(t: &str) -> bool {
    let l = t.to_lowercase();
    if NAG_PHRASES.iter().any(|p| l.contains(p)) {
        return true;
    }
    // "Support the <Name>" appeals and similar one-liners that are page furniture.
    let short = l.len() < 80;
    let bare = l.trim_matches(|c: char| !c.is_alphanumeric());
    short
        && (l.starts_with("support the ")
            || l.starts_with("support us")
            || l.starts_with("advertisement")
            || WIDGET_LINES.contains(&bare))
}

/// Whole lines left by players, ads and social embeds.
const WIDGET_LINES: [&str; 14] = [
    "skip to main content",
    "skip to content",
    "continue reading the main story",
    "continue reading below",
    "story continues below advertisement",
    "article continues below advertisement",
    "article continues below",
    "scroll to continue",
    "scroll to continue with content",
    "share this article",
    "share this story",
    "view this post on instagram",
    "a post shared by",
    "sponsored content",
];

/// Lead-ins of inline promos ("Read more: <link>") that point away from the story.
const PROMO_LEADS: [&str; 12] = [
    "read more",
    "related:",
    "related articles",
    "see also:",
    "also read",
    "recommended:",
    "more on this",
    "click here to",
    "follow us on",
    "like us on facebook",
    "sign up for",
    "watch:",
];

fn is_promo_line(text: &str, link_density: f64) -> bool {
    let l = text.trim().to_lowercase();
    l.len() < 200 && link_density > 0.5 && PROMO_LEADS.iter().any(|p| l.starts_with(p))
}

fn heading_announces_list(t: &str) -> bool {
    let l = t.trim().trim_end_matches(':').to_lowercase();
    LIST_HEADINGS
        .iter()
        .any(|h| l == *h || (l.starts_with(h) && l.len() < h.len() + 25))
}

pub fn clean(dom: &mut Dom, root: Id) {
    let total = dom.text_len(root).max(1);
    let mut buf = String::new();
    // 1. Named containers, if small next to the article.
    for n in dom.descendant_elements(root).into_iter().rev() {
        if dom.parent(n).is_none() || dom.id_attr(n).starts_with("readability") {
            continue;
        }
        if !name_is_boilerplate(dom, n, &mut buf) {
            continue;
        }
        let len = dom.text_len(n);
        if len * 4 < total && len < 1500 {
            dom.detach(n);
        }
    }
    // 2. Short blocks that are nags.
    let blocks = dom.descendants_with_tags(
        root,
        &["p", "div", "section", "aside", "h2", "h3", "h4", "h5", "h6"],
    );
    for n in blocks.into_iter().rev() {
        if dom.parent(n).is_none() {
            continue;
        }
        let len = dom.text_len(n);
        if len == 0 || len > 300 {
            continue;
        }
        let text = normalize_ws(&dom.text_content(n));
        if is_nag_text(&text) || is_promo_line(&text, dom.link_density(n)) {
            dom.detach(n);
        }
    }
    // 3. "Related stories" style headings and the link lists after them.
    for h in dom.descendants_with_tags(root, &["h2", "h3", "h4", "h5", "h6"]) {
        if dom.parent(h).is_none() {
            continue;
        }
        let text = dom.text_content(h);
        if !heading_announces_list(&text) {
            continue;
        }
        let mut removed_any = false;
        let mut next = dom.next_element_sibling(h);
        while let Some(x) = next {
            let after = dom.next_element_sibling(x);
            let tag = dom.tag(x).to_string();
            if matches!(tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                break;
            }
            let linky = dom.link_density(x) > 0.5 || dom.text_len(x) == 0;
            if !linky {
                break;
            }
            dom.detach(x);
            removed_any = true;
            next = after;
        }
        if removed_any || dom.next_element_sibling(h).is_none() {
            dom.detach(h);
        }
    }
}
