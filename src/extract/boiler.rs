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
const NAG_PHRASES: [&str; 33] = [
    "advertiser disclosure",
    "contains affiliate links",
    "may contain affiliate links",
    "we may earn a commission",
    "may earn an affiliate commission",
    "products are chosen independently",
    "was this newsletter forwarded to you",
    "sign up to get it in your inbox",
    "subscribe to continue reading",
    "subscribe today",
    "free articles remaining",
    "remaining free articles",
    "free articles left",
    "subscribe to read",
    "subscribe now",
    "you have reached the free limit",
    "you have reached your limit",
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
const LIST_HEADINGS: [&str; 17] = [
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
    "also in the news",
    "read next",
    "recommended reading",
];

fn name_is_boilerplate(dom: &Dom, n: Id, s: &mut String) -> bool {
    if !dom.names_lower(n, s) {
        return false;
    }
    // Positive article names win ("article-share-count" stays judged by text).
    if [
        "article-body",
        "story-body",
        "post-body",
        "entry-content",
        "article-content",
    ]
    .iter()
    .any(|p| super::patterns::has(s, p))
    {
        return false;
    }
    // "share" only as a whole word: "fig--has-shares" marks a figure, not a share bar.
    super::patterns::any_in(s, &NAMES) || super::patterns::share(s) || super::patterns::ad_name(s)
}

/// Class/id words of a box the page opens on demand over the text (a help popup, a sign-up
/// popup): hidden until a key or a button shows it, so not what the page shows. Not "modal":
/// shops open their product details in modal sheets, which a reader of the page wants.
const OVERLAY_WORDS: [&str; 1] = ["popup"];
/// Words that make the name a control or a part of the text, not the box: "popup-trigger",
/// "image-popup-link".
const OVERLAY_CONTROL_WORDS: [&str; 7] =
    ["trigger", "link", "btn", "button", "open", "show", "toggle"];
/// Ours: an overlay goes when it is this small next to the page's text (1/N), and shorter than
/// [`MAX_OVERLAY_TEXT`]: a page built as one big "popup" keeps it.
const OVERLAY_SHARE: usize = 4;
const MAX_OVERLAY_TEXT: usize = 1500;

/// Boxes the page opens on demand (see [`is_overlay`]), removed before the article is chosen:
/// their text is not shown when the page is, and Readability's merging of single-child
/// wrappers would lose the name that marks them.
pub fn drop_overlays(dom: &mut Dom, root: Id) {
    let total = dom.text_len(root);
    for n in dom.descendant_elements(root).into_iter().rev() {
        if dom.parent(n).is_none() || !is_overlay(dom, n) {
            continue;
        }
        let len = dom.text_len(n);
        if len * OVERLAY_SHARE < total && len < MAX_OVERLAY_TEXT {
            dom.detach(n);
        }
    }
}

fn is_overlay(dom: &Dom, n: Id) -> bool {
    if dom.is(n, "dialog") {
        return dom.attr(n, "open").is_none();
    }
    if !matches!(dom.tag(n), "div" | "section" | "aside") {
        return false;
    }
    let names = format!("{} {}", dom.class(n), dom.id_attr(n)).to_ascii_lowercase();
    let words: Vec<&str> = names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A box holding the page's headline is its hero banner ("hero-banner-popup"), not a popup.
    words.iter().any(|w| OVERLAY_WORDS.contains(w))
        && !words.iter().any(|w| OVERLAY_CONTROL_WORDS.contains(w))
        && dom.descendants_with_tags(n, &["h1"]).is_empty()
}

fn is_nag_text(t: &str) -> bool {
    let l = t.to_lowercase();
    if NAG_PHRASES.iter().any(|p| super::patterns::has(&l, p))
        || metered_count(&l)
        || ad_label(&l)
        || question_pitch(&l)
    {
        return true;
    }
    // "Support the <Name>" appeals and similar one-liners that are page furniture.
    let short = l.len() < 80;
    let bare = l.trim_matches(|c: char| !c.is_alphanumeric());
    short
        && (reading_time(bare)
            || toc_label(bare)
            || credit_line(&l)
            || dateline(&l)
            || l.starts_with("support the ")
            || l.starts_with("support us")
            || l.starts_with("advertisement")
            || free_offer(bare)
            || WIDGET_LINES.contains(&bare)
            || unrendered_template(&l))
}

/// Questions that open a house promo ("Looking for sales leads? Check out our database").
/// Not "Need help ...?": service pages answer it with their own help desk, which is their text.
const PITCH_QUESTIONS: [&str; 5] = [
    "looking for ",
    "want to ",
    "interested in ",
    "love ",
    "are you looking ",
];
/// What the answer sells: the site's own product or its newsletter.
const PITCH_ANSWERS: [&str; 5] = [
    " our ",
    "newsletter",
    "free weekly",
    "free daily",
    "sign up",
];

/// A short block that asks the reader a question and answers it with the house's product:
/// "Love movies? Our Watch Party newsletter has the best picks". Advice that answers its own
/// question ("Want to sleep better? Try going to bed at the same time") names no product.
fn question_pitch(l: &str) -> bool {
    let Some(q) = l.find('?') else {
        return false;
    };
    let (question, answer) = l.split_at(q + 1);
    // Words apart by any space (pages write "our&nbsp;Database").
    let answer = format!(
        " {} ",
        answer.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    PITCH_QUESTIONS
        .iter()
        .any(|p| question.trim_start().starts_with(p))
        && PITCH_ANSWERS.iter().any(|a| answer.contains(a))
}

/// Verbs of a call to take a free item ("Request our free ebook", "Download your free guide").
const OFFER_VERBS: [&str; 5] = ["request", "download", "get", "grab", "claim"];

/// A short line offering something free for the asking: the title of a lead-capture box.
fn free_offer(l: &str) -> bool {
    let mut words = l.split_whitespace();
    let (Some(verb), Some(whose), Some(free)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    OFFER_VERBS.contains(&verb)
        && matches!(whose, "our" | "your")
        && free == "free"
        && words.count() <= 4
}

/// Text of the largest box kept around an e-mail field to be dropped with it: a newsletter
/// sign-up ("Weekly digest ... Email address ... You've subscribed!") or a comment form.
const EMAIL_BOX_MAX: usize = 400;

/// Whether `n` is a field for an e-mail address.
fn is_email_field(dom: &Dom, n: Id) -> bool {
    let has = |name: &str| {
        dom.attr(n, name)
            .is_some_and(|v| v.to_ascii_lowercase().contains("email"))
    };
    dom.is(n, "input") && (has("type") || has("name") || has("autocomplete"))
}

/// Drops, for each e-mail field in the article, the largest block around it that stays short
/// (the box of a sign-up or comment form, its blurb and labels): a reader has no form to fill.
pub fn drop_email_forms(dom: &mut Dom, root: Id) {
    let total = dom.text_len(root).max(1);
    for field in dom.descendants_with_tags(root, &["input"]) {
        // A field of a box already dropped (a form's second e-mail field) has gone with it.
        if !dom.is_ancestor(root, field) || !is_email_field(dom, field) {
            continue;
        }
        let mut top = field;
        while let Some(p) = dom.parent(top).filter(|&p| p != root) {
            let len = dom.text_len(p);
            if len > EMAIL_BOX_MAX || len * 4 >= total {
                break;
            }
            top = p;
        }
        if top != field {
            dom.detach(top);
        }
    }
}

/// A script template's placeholder the page's script never filled in (`{{ form.errors[3] }}`
/// in an alert shown only on error): markup, not text.
fn unrendered_template(l: &str) -> bool {
    let l = l.trim();
    l.starts_with("{{") && l.ends_with("}}")
}

/// A reading-time widget: "3 min read", "5 MIN. READ", "Reading time: 4 minutes".
fn reading_time(l: &str) -> bool {
    let rest = l
        .strip_prefix("reading time")
        .or_else(|| l.strip_prefix("read time"))
        .map(|r| r.trim_start_matches([':', ' ', '~']))
        .unwrap_or(l);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || l.len() > 30 {
        return false;
    }
    let unit = rest[digits..].trim_start();
    ["min", "mins", "minute", "minutes"].iter().any(|u| {
        unit.strip_prefix(u).is_some_and(|r| {
            let r = r.trim_start_matches(['.', ' ']);
            r.is_empty() || r == "read" || r == "reading" || r == "read time"
        })
    })
}

/// Ours: a link styled as a button ("btn btn-link", "wp-block-button__link", "cta") standing
/// alone in its block, phrased as a sentence, is a call to action ("Find out if weight loss
/// drugs can help", "Book a free demo today"), not part of the article: the block to drop.
fn standalone_button(dom: &mut Dom, a: Id) -> Option<Id> {
    if !dom.is(a, "a") || !dom.class(a).split_ascii_whitespace().any(names_button) {
        return None;
    }
    // A disclosure's toggle ("#collapse-3", `aria-controls`) heads a part of this page.
    let in_page = dom.attr(a, "href").is_none_or(|h| h.starts_with('#'));
    if in_page || dom.attr(a, "aria-controls").is_some() {
        return None;
    }
    // A link wrapping blocks is a card (a teaser, a feature tile), judged elsewhere.
    if dom.stats(a).has_block {
        return None;
    }
    // A phrase, not a control's label ("Reuse content", "Get started" stay with the page).
    if dom.text_content(a).split_whitespace().count() < BUTTON_MIN_WORDS {
        return None;
    }
    // Alone in its block: a button-styled link inside a sentence is part of the sentence.
    let parent = dom.parent(a)?;
    let alone =
        matches!(dom.tag(parent), "p" | "div" | "li") && dom.text_len(parent) == dom.text_len(a);
    alone.then_some(parent)
}

/// Words of a button's text for it to be a call to action rather than a control's label.
const BUTTON_MIN_WORDS: usize = 3;

/// A class name that says "button": "btn", "button" or "cta" as one of its words.
fn names_button(class: &str) -> bool {
    class.split(['-', '_']).any(|w| {
        w.eq_ignore_ascii_case("btn")
            || w.eq_ignore_ascii_case("button")
            || w.eq_ignore_ascii_case("cta")
    })
}

/// A table-of-contents label on its own (the reader has no use for the page's jump links).
fn toc_label(l: &str) -> bool {
    matches!(
        l,
        "table of contents" | "on this page" | "in this article" | "jump to section" | "contents"
    )
}

/// A picture credit on its own line: "Image source: Getty Images.", "Photo: A. Name / Agency".
fn credit_line(l: &str) -> bool {
    let l = l.trim();
    l.len() < 100
        && [
            "image source:",
            "image credit:",
            "image:",
            "photo:",
            "photo credit:",
            "credit:",
            "photograph:",
        ]
        .iter()
        .any(|p| l.starts_with(p))
}

/// The page's own dateline ("Updated August 14, 2025", "Published 6 hours ago"): the reader's
/// header shows the date.
fn dateline(l: &str) -> bool {
    let l = l.trim();
    l.len() < 50
        && [
            "updated ",
            "published ",
            "last updated",
            "posted on ",
            "posted ",
        ]
        .iter()
        .any(|p| l.starts_with(p))
        && l.bytes().any(|b| b.is_ascii_digit())
        && !l.contains(". ")
}

/// Labels that open an ad block ("Advertisement · ...", "Sponsored: ...").
const AD_LABELS: [&str; 8] = [
    "advertisement",
    "advertising",
    "advert",
    "ad",
    "sponsored",
    "sponsored content",
    "paid content",
    "promoted",
];

/// A short block that starts with an ad label followed by a separator (not by prose:
/// "Advertising agencies said..." stays).
fn ad_label(l: &str) -> bool {
    let l = l.trim_start();
    AD_LABELS.iter().any(|a| {
        l.strip_prefix(a).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(['·', ':', '|', '-', '–', '—', '•', '/', '(', '['])
        })
    })
}

/// Metered-paywall counters: "you have read 3 of your 4 free articles", "you've read 2 of 5
/// free stories", "2 free articles left": a number followed (within a few words) by "free"
/// and an article word.
fn metered_count(l: &str) -> bool {
    if !super::patterns::has(l, "free") {
        return false;
    }
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let article = |w: &str| {
        matches!(
            w,
            "article" | "articles" | "story" | "stories" | "read" | "reads" | "page" | "pages"
        )
    };
    let limit = |w: &str| {
        matches!(
            w,
            "left" | "remaining" | "month" | "week" | "limit" | "subscribe" | "subscriber"
        )
    };
    words.iter().enumerate().any(|(i, w)| {
        if *w != "free" {
            return false;
        }
        let before = words.get(i.saturating_sub(4)..i).unwrap_or(&[]);
        let after = words.get(i + 1..(i + 6).min(words.len())).unwrap_or(&[]);
        let counted = before.iter().any(|b| b.chars().all(|c| c.is_ascii_digit()));
        let of_articles = after.first().is_some_and(|a| article(a));
        counted
            && of_articles
            && (after.iter().any(|a| limit(a))
                || l.contains("you have read")
                || l.contains("you've read"))
    })
}

/// Whole lines left by players, ads and social embeds.
const WIDGET_LINES: [&str; 21] = [
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
    // The fold controls of quoted posts on forums ("Click to expand...").
    "click to expand",
    "click to shrink",
    // Documentation pages' furniture: the way up, the feedback prompt, the edit link.
    "back to top",
    "was this helpful",
    "was this page helpful",
    "edit this page",
    "edit this page on github",
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

/// A label that is exactly one of [`LIST_HEADINGS`] ("Related", "Also in the news:"): a
/// paragraph that starts like one ("Read more in our guides below:") leads into the article's
/// own list. Not "Read more:", which news sites put before links of their own reporting that
/// Readability keeps (Mozilla's wapo-1).
pub fn is_list_label(t: &str) -> bool {
    let l = t.trim().trim_end_matches(':').trim().to_lowercase();
    l != "read more" && LIST_HEADINGS.contains(&l.as_str())
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
        if let Some(b) = standalone_button(dom, n) {
            dom.detach(b);
            continue;
        }
        if !name_is_boilerplate(dom, n, &mut buf) || super::listing::one_of_a_run(dom, n) {
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

/// Beyond Readability (which keeps it when the byline came from metadata): the body's own
/// byline line ("By A. Writer · 3 May") is dropped when it names the detected byline, as the
/// reader header shows byline and date already. Only a short element marked as a byline
/// (rel/itemprop author, a byline/author class or id) goes, with its block when that is short.
pub fn drop_byline(dom: &mut Dom, root: Id, byline: &str) {
    let first = byline
        .split([',', ';', '&'])
        .next()
        .unwrap_or("")
        .split(" and ")
        .next()
        .unwrap_or("");
    let name = normalize_ws(first).to_lowercase();
    let name = name.trim_start_matches("by ").trim();
    if name.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
        return;
    }
    let mut ms = String::new();
    for n in dom.descendant_elements(root) {
        if dom.parent(n).is_none() || !marked_byline(dom, n, &mut ms) {
            continue;
        }
        // Climb out of inline elements to the block that holds the line.
        let mut target = n;
        while is_inline(dom.tag(target)) {
            match dom.parent(target) {
                Some(p) if p != root && dom.is_element(p) => target = p,
                _ => break,
            }
        }
        // A byline line is the name plus a few words (role, date); anything longer is prose.
        let limit = (name.chars().count() + 80).min(160);
        if target == root || is_inline(dom.tag(target)) || dom.text_len(target) > limit {
            continue;
        }
        let text = normalize_ws(&dom.text_content(target)).to_lowercase();
        if text.contains(name) {
            dom.detach(target);
        }
    }
}

fn marked_byline(dom: &Dom, n: Id, ms: &mut String) -> bool {
    if dom.attr(n, "rel") == Some("author")
        || dom
            .attr(n, "itemprop")
            .is_some_and(|v| v.contains("author"))
    {
        return true;
    }
    ms.clear();
    ms.push_str(dom.class(n));
    ms.push(' ');
    ms.push_str(dom.id_attr(n));
    ms.make_ascii_lowercase();
    super::patterns::byline(ms)
}

fn is_inline(tag: &str) -> bool {
    matches!(tag, "a" | "span" | "font" | "del" | "ins") || super::patterns::PHRASING.contains(&tag)
}

/// Drop caps: the first letter set apart in its own element (`<span class="dropcap">H</span>
/// ong Kong`, or a block before the paragraph) is joined back to its word, so the text reads
/// "Hong Kong". Only a lone letter followed by a word that starts in lower case is joined.
pub fn join_drop_caps(dom: &mut Dom, root: Id) {
    let mut joined = 0;
    for e in dom.descendant_elements(root) {
        if joined >= MAX_DROP_CAPS {
            break;
        }
        if dom.parent(e).is_none() || dom.tag(e) == "img" {
            continue;
        }
        let Some(letter) = lone_letter(&dom.text_content(e)) else {
            continue;
        };
        // A drop cap opens its block; "I" and "A" are words of their own ("<b>I</b> think").
        let opens = dom.prev_sibling(e).is_none_or(|p| {
            dom.text(p).is_some_and(|t| t.trim().is_empty()) && dom.prev_sibling(p).is_none()
        });
        if !opens || matches!(letter, 'I' | 'A') {
            continue;
        }
        // The next node with text: a text node right after, or the first text of the next
        // element (the paragraph after a block drop cap).
        let mut next = dom.next_sibling(e);
        while let Some(n) = next {
            if dom.text(n).is_some_and(|t| t.trim().is_empty()) {
                next = dom.next_sibling(n);
            } else {
                break;
            }
        }
        let Some(n) = next else { continue };
        let target = if dom.text(n).is_some() {
            Some(n)
        } else {
            first_text(dom, n)
        };
        let Some(t) = target else { continue };
        let rest = dom.text(t).unwrap_or("").trim_start().to_string();
        if !rest.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let new = dom.create_text(&format!("{letter}{rest}"));
        dom.replace(t, new);
        dom.detach(e);
        joined += 1;
    }
}

/// Ours: drop caps open an article and, on some sites, each of its sections.
const MAX_DROP_CAPS: usize = 8;

/// The single upper-case letter `t` holds, if that is all it holds.
fn lone_letter(t: &str) -> Option<char> {
    let mut cs = t.trim().chars();
    let c = cs.next()?;
    (cs.next().is_none() && c.is_uppercase()).then_some(c)
}

/// The first non-blank text node under `n`.
fn first_text(dom: &Dom, n: Id) -> Option<Id> {
    let mut x = dom.first_child(n);
    while let Some(c) = x {
        if dom.text(c).is_some_and(|t| !t.trim().is_empty()) {
            return Some(c);
        }
        if dom.is_element(c) && dom.first_child(c).is_some() {
            x = dom.first_child(c);
            continue;
        }
        // Up and on to the next sibling.
        let mut up = Some(c);
        x = None;
        while let Some(u) = up {
            if u == n {
                break;
            }
            if let Some(s) = dom.next_sibling(u) {
                x = Some(s);
                break;
            }
            up = dom.parent(u).filter(|&p| p != n);
        }
    }
    None
}

/// Picture credits inside a caption ("Police at the scene<span class=credit>Credit: EPA</span>",
/// "Harbour at dawn<cite>A. Name / Agency</cite>": a `cite` in a caption names its source) go on
/// a line of their own, so they do not run into the caption's last word.
pub fn separate_caption_credits(dom: &mut Dom, root: Id) {
    let mut buf = String::new();
    for cap in dom.descendants_with_tags(root, &["figcaption"]) {
        for c in dom.element_children(cap) {
            buf.clear();
            buf.push_str(dom.class(c));
            buf.push(' ');
            buf.push_str(dom.id_attr(c));
            buf.make_ascii_lowercase();
            let named = [
                "credit",
                "copyright",
                "photographer",
                "caption-source",
                "attribution",
            ]
            .iter()
            .any(|p| buf.contains(p))
                || dom.is(c, "cite");
            let text = dom.text_content(c).trim().to_lowercase();
            let labelled = ["credit:", "photo:", "image:", "©", "photograph:"]
                .iter()
                .any(|p| text.starts_with(p));
            if !(named || labelled) || text.is_empty() {
                continue;
            }
            // Something of the caption comes before it (past the space `prep` may have put
            // between them).
            let mut prev = dom.prev_sibling(c);
            while let Some(p) = prev.filter(|&p| dom.text(p).is_some_and(|t| t.trim().is_empty())) {
                prev = dom.prev_sibling(p);
            }
            let before = prev.is_some_and(|p| dom.text(p).is_some() || dom.is_element(p));
            if before {
                let br = dom.create_element("br");
                dom.insert_before(c, br);
            }
            break;
        }
    }
}

/// Layout tables of one cell (old sites nest them to frame the page) are unwrapped: the reader
/// shows their content, not bordered tables shrinking at each level.
pub fn unwrap_single_cell_tables(dom: &mut Dom, root: Id) {
    // Innermost first, so an outer table sees its inner ones already unwrapped.
    for t in dom
        .descendants_with_tags(root, &["table"])
        .into_iter()
        .rev()
    {
        if dom.parent(t).is_none() {
            continue;
        }
        let cells = dom.descendants_with_tags(t, &["td", "th", "caption"]);
        let [cell] = cells.as_slice() else { continue };
        if dom.is(*cell, "caption") {
            continue;
        }
        let cell = *cell;
        dom.detach(cell);
        dom.set_tag(cell, "div");
        dom.replace(t, cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metered_counters() {
        assert!(metered_count(
            "you have read 3 of your 4 free articles this month."
        ));
        assert!(metered_count("you've read 2 of 10 free stories"));
        assert!(metered_count("only 1 free article left"));
        assert!(!metered_count(
            "the archive adds 40 free articles each year"
        ));
        assert!(!metered_count("entry is free for 3 days"));
    }

    #[test]
    fn ad_labels() {
        assert!(ad_label("advertisement · sofas on sale"));
        assert!(ad_label("sponsored: a new tractor"));
        assert!(ad_label("advertisement"));
        assert!(!ad_label("advertising agencies said"));
        assert!(!ad_label("added value"));
    }

    #[test]
    fn fold_controls_and_unfilled_templates() {
        assert!(is_nag_text("Click to expand..."));
        assert!(is_nag_text("Click to shrink…"));
        assert!(is_nag_text("{{ Board.errors[12].message }}"));
        assert!(!is_nag_text("Click to expand the menu, then pick a file."));
        assert!(!is_nag_text("Write {{ name }} in the template."));
        assert!(is_nag_text("Back to top ↑"));
        assert!(is_nag_text("Was this helpful?"));
        assert!(is_nag_text("Edit this page on GitHub"));
        assert!(!is_nag_text(
            "Was this helpful to the crew? They said it was."
        ));
    }

    #[test]
    fn question_pitches() {
        assert!(is_nag_text(
            "Looking for sales leads in farming? Check out our\u{a0}database of 4,000 farms."
        ));
        assert!(is_nag_text(
            "Love movies? The Watch Party newsletter has the best picks, every Friday."
        ));
        assert!(!is_nag_text(
            "Want to sleep better? Try going to bed at the same time each night."
        ));
        assert!(!is_nag_text("Need help? Chat with one of our experts."));
        assert!(!is_nag_text("Looking for our keys, we found the old map."));
    }

    #[test]
    fn free_offers() {
        assert!(is_nag_text("Request our free ebook"));
        assert!(is_nag_text("Download your free checklist!"));
        assert!(!is_nag_text(
            "Get a free hand with the tiller when the wind is up."
        ));
        assert!(!is_nag_text("Our free ebook was downloaded 40,000 times."));
    }

    /// The page's text after [`drop_overlays`].
    fn without_overlays(body: &str) -> String {
        let prose = "<p>A port mapping tells the runtime which host port forwards to which \
            container port, so that a service inside the network can be reached from outside. \
            Each mapping names its protocol, and the default is TCP for every entry.</p>";
        let html = format!("<html><body>{body}<main>{prose}{prose}{prose}</main></body></html>");
        let mut dom = super::super::pipeline::parse(&html);
        drop_overlays(&mut dom, super::super::dom::ROOT);
        normalize_ws(&dom.text_content(super::super::dom::ROOT))
    }

    #[test]
    fn overlays_opened_on_demand_go() {
        let help = "<div id=\"book-help-popup\"><h2>Keys</h2><p>Press S to search</p></div>";
        assert!(!without_overlays(help).contains("Press S"));
        let dialog = "<dialog><p>Press S to search</p></dialog>";
        assert!(!without_overlays(dialog).contains("Press S"));
        // Controls, open dialogs and heroes stay.
        for kept in [
            "<div class=\"popup-link\"><p>Press S to search</p></div>",
            "<dialog open><p>Press S to search</p></dialog>",
            "<div class=\"hero-banner-popup\"><h1>Port mappings</h1><p>Press S to search</p></div>",
            "<span class=\"popup\">Press S to search</span>",
        ] {
            assert!(without_overlays(kept).contains("Press S"), "{kept}");
        }
    }
}
