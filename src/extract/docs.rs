//! Documentation-page furniture inside the chosen article: code-block labels and copy buttons,
//! mdBook's hidden code lines, heading permalink marks, and Note/Tip/Warning callouts (kept as a visible block).
//!
//! Runs before `clean_classes`: callouts are recognised by their class names.

use super::dom::{normalize_ws, Dom, Id};
use crate::html::HEADINGS;

/// Callout kinds and the label shown when the callout has no title of its own.
const KINDS: [(&str, &str); 9] = [
    ("note", "Note"),
    ("tip", "Tip"),
    ("hint", "Hint"),
    ("info", "Info"),
    ("important", "Important"),
    ("warning", "Warning"),
    ("caution", "Caution"),
    ("danger", "Danger"),
    ("attention", "Attention"),
];

/// Callouts longer than this are layout boxes, not notes.
const MAX_CALLOUT_TEXT: usize = 3000;

/// Code-block labels: a language, a file name, "Terminal", "Copy".
const MAX_LABEL_CHARS: usize = 40;
const MAX_LABEL_WORDS: usize = 1;

pub fn clean(dom: &mut Dom, root: Id) {
    drop_navigation(dom, root);
    drop_pagers(dom, root);
    drop_hidden_code_lines(dom, root);
    split_code_lines(dom, root);
    drop_code_labels(dom, root);
    drop_heading_anchors(dom, root);
    space_heading_parts(dom, root);
    mark_callouts(dom, root);
}

/// Ours: a navigation block at least this share links is a menu (a chapter list, "Prev / Up /
/// Next"), not a list the text talks about.
const NAV_MIN_LINK_DENSITY: f64 = 0.5;

/// Navigation landmarks kept inside the article (a book's chapter list beside the chapter, a
/// manual's "Prev / Up / Next" bar): the reader is the page's text, and these are the site's
/// menus. Only `<nav>` and `role="navigation"`, mostly links and smaller than the rest.
fn drop_navigation(dom: &mut Dom, root: Id) {
    let total = dom.text_len(root);
    for n in dom.descendant_elements(root) {
        if dom.parent(n).is_none() {
            continue;
        }
        let nav = dom.is(n, "nav")
            || dom
                .attr(n, "role")
                .is_some_and(|r| r.eq_ignore_ascii_case("navigation"));
        if !nav {
            continue;
        }
        let len = dom.text_len(n);
        if len * 2 < total && dom.link_density(n) >= NAV_MIN_LINK_DENSITY {
            dom.detach(n);
        }
    }
}

/// Words a pager's links start with: "« Previous", "Next: Ownership", DocBook's "Prev Up
/// Home Next". At least one link must lead back or on.
const PAGER_WORDS: [&str; 5] = ["previous", "prev", "next", "up", "home"];
const PAGER_STEPS: [&str; 3] = ["previous", "prev", "next"];
/// Ours: a pager is a short block (its links and the titles beside them).
const MAX_PAGER_TEXT: usize = 300;
const MAX_PAGER_LINK: usize = 80;

/// The pager word a link's text starts with, arrows and marks skipped.
fn pager_word(t: &str) -> Option<&'static str> {
    let t = normalize_ws(t);
    let first = t
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())?
        .to_lowercase();
    (t.chars().count() <= MAX_PAGER_LINK)
        .then(|| PAGER_WORDS.iter().copied().find(|w| *w == first))
        .flatten()
}

/// Whether `n` is a pager ("Previous / Next" links between the pages of a manual): two links or
/// more, each leading by a pager word, one of them back or on, and any other text in cells of
/// its own (the titles DocBook prints under "Prev" and "Next"), never beside a link in one line
/// ("see the <a>next</a> section" is prose).
fn is_pager(dom: &mut Dom, n: Id) -> bool {
    if dom.text_len(n) > MAX_PAGER_TEXT {
        return false;
    }
    let links = dom.descendants_with_tags(n, &["a"]);
    if links.len() < 2 {
        return false;
    }
    // A block holding a heading, a picture or code is more than a pager.
    if !dom
        .descendants_with_tags(
            n,
            &["h1", "h2", "h3", "h4", "h5", "h6", "img", "pre", "figure"],
        )
        .is_empty()
    {
        return false;
    }
    let mut step = false;
    for &a in &links {
        // A pager leads to other pages; "#" and script links turn a carousel or a tab.
        let href = dom.attr(a, "href").unwrap_or("").trim();
        if href.is_empty() || href.starts_with('#') || href.starts_with("javascript:") {
            return false;
        }
        match pager_word(&dom.text_content(a)) {
            Some(w) => step |= PAGER_STEPS.contains(&w),
            None => return false,
        }
    }
    if !step {
        return false;
    }
    // Text outside the links must not share its element with a link.
    let mut cur = dom.first_child(n);
    while let Some(x) = cur {
        if dom.is(x, "a") {
            cur = dom.next_in(x, n, true);
            continue;
        }
        if dom.text(x).is_some_and(|t| !t.trim().is_empty()) {
            let holder = dom.parent(x).unwrap_or(n);
            if links.iter().any(|&a| dom.is_ancestor(holder, a)) {
                return false;
            }
        }
        cur = dom.next_in(x, n, false);
    }
    true
}

/// "Previous / Next" bars between a manual's pages, kept inside the article above or below
/// the text: the reader shows the page, not the way through the book.
fn drop_pagers(dom: &mut Dom, root: Id) {
    for n in dom.descendants_with_tags(root, &["ul", "ol", "table", "div", "p", "nav"]) {
        if n == root || dom.parent(n).is_none() || !dom.is_ancestor(root, n) {
            continue;
        }
        if is_pager(dom, n) {
            dom.detach(n);
        }
    }
}

/// Readability drops every `<aside>` (sidebars); an aside that is a callout (`<aside
/// class="note">`, `role="note"`) is part of the text, so it becomes a `div` before grabbing,
/// keeping the classes that mark it for [`clean`].
pub fn keep_callout_asides(dom: &mut Dom, root: Id) {
    for a in dom.descendants_with_tags(root, &["aside"]) {
        let kind = callout_kind(dom, a).is_some();
        if kind && dom.text_len(a) <= MAX_CALLOUT_TEXT {
            dom.set_tag(a, "div");
            // The callout mark must survive a lone paragraph taking the div's place.
            let class = format!("{} admonition", dom.class(a));
            dom.set_attr(a, "class", class.trim());
        }
    }
}

fn class_tokens(dom: &Dom, n: Id) -> Vec<String> {
    dom.class(n)
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The class mdBook gives a code block's setup lines (`# fn main() {` in the book's source),
/// which its script hides until the reader asks for them.
const HIDDEN_LINE_CLASS: &str = "boring";

/// mdBook's hidden lines (the scaffolding around an example: `use` lines, `fn main`) are not
/// on the page as it shows: the reader leaves them out as the page does.
fn drop_hidden_code_lines(dom: &mut Dom, root: Id) {
    for pre in dom.descendants_with_tags(root, &["pre"]) {
        for n in dom.descendants_with_tags(pre, &["span"]) {
            let hidden = dom
                .class(n)
                .split_whitespace()
                .any(|c| c == HIDDEN_LINE_CLASS);
            if hidden && dom.parent(n).is_some() {
                dom.detach(n);
            }
        }
    }
}

/// Class names highlighters give each line of a code block.
const LINE_CLASSES: [&str; 4] = ["line", "ec-line", "code-line", "token-line"];

/// Highlighters that wrap each code line in its own element sometimes write the lines with no
/// newline between them (the line break comes from CSS): the code would run together as one
/// line ("npm installcd app"). A newline goes between two adjacent line elements.
fn split_code_lines(dom: &mut Dom, root: Id) {
    let is_line = |dom: &Dom, n: Id| {
        dom.class(n)
            .split_whitespace()
            .any(|c| LINE_CLASSES.contains(&c))
    };
    for pre in dom.descendants_with_tags(root, &["pre"]) {
        for n in dom.descendant_elements(pre) {
            if !is_line(dom, n) {
                continue;
            }
            // Only when the next node is the next line itself (no text between them).
            let Some(next) = dom.next_sibling(n) else {
                continue;
            };
            if dom.is_element(next) && is_line(dom, next) {
                let nl = dom.create_text("\n");
                dom.insert_before(next, nl);
            }
        }
    }
}

/// Whether a short text reads as a code block's label rather than prose ("js", "vite.config.ts",
/// "Terminal", "Copy"): a few words, no sentence or lead-in punctuation at the end.
fn is_label_text(t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() || t.chars().count() > MAX_LABEL_CHARS {
        return false;
    }
    if t.split_whitespace().count() > MAX_LABEL_WORDS {
        return false;
    }
    let lower = t.to_lowercase();
    if lower.starts_with("copy") || lower.starts_with("copied") {
        return true;
    }
    !t.ends_with([':', '.', '!', '?', ',', ';'])
}

/// Whether `n` holds nothing but a `<pre>` (through wrappers), so the block is the code itself.
fn only_pre(dom: &Dom, n: Id) -> bool {
    let mut cur = n;
    // Wrappers around the code are few; the bound keeps the walk short on odd markup.
    for _ in 0..6 {
        if dom.is(cur, "pre") {
            return true;
        }
        let kids = dom.element_children(cur);
        let text_outside = dom
            .children(cur)
            .any(|c| !dom.is_element(c) && dom.text(c).is_some_and(|s| !s.trim().is_empty()));
        if kids.len() != 1 || text_outside {
            return false;
        }
        cur = kids[0];
    }
    false
}

/// A code block's header (language name, file name, copy button) sits with the `<pre>` in a
/// wrapper holding nothing else; in the text it reads as a stray one-word paragraph. Labels
/// are dropped only inside such a wrapper: a lead-in paragraph among the body's blocks stays.
fn drop_code_labels(dom: &mut Dom, root: Id) {
    for pre in dom.descendants_with_tags(root, &["pre"]) {
        if dom.parent(pre).is_none() {
            continue;
        }
        // The code block: the `<pre>` or the wrapper made of it alone, up to where labels sit.
        let mut block = pre;
        for _ in 0..4 {
            let Some(wrapper) = dom.parent(block) else {
                break;
            };
            if wrapper == root {
                break;
            }
            let kids = dom.element_children(wrapper);
            let others: Vec<Id> = kids.iter().copied().filter(|&k| k != block).collect();
            let loose_text = dom
                .children(wrapper)
                .any(|c| !dom.is_element(c) && dom.text(c).is_some_and(|s| !s.trim().is_empty()));
            if others.is_empty() {
                if loose_text {
                    break;
                }
                block = wrapper;
                continue;
            }
            let labels = !loose_text
                && others.len() <= 3
                && others.iter().all(|&o| {
                    let tag = dom.tag(o);
                    !HEADINGS.contains(&tag)
                        && !matches!(tag, "pre" | "ul" | "ol" | "table" | "img" | "figure")
                        && !only_pre(dom, o)
                        && is_label_text(&dom.text_content(o))
                });
            if labels {
                for o in others {
                    dom.detach(o);
                }
            }
            break;
        }
    }
}

/// Permalink marks in headings ("¶", "#", "§", an empty link or icon) pointing at the heading
/// itself: page furniture that reads as a stray symbol after the heading's words.
fn drop_heading_anchors(dom: &mut Dom, root: Id) {
    for h in dom.descendants_with_tags(root, &HEADINGS) {
        if dom.parent(h).is_none() {
            continue;
        }
        let own_id = dom.id_attr(h).to_string();
        let mut links = dom.descendants_with_tags(h, &["a"]);
        // Some sites put the mark right after the heading.
        if let Some(next) = dom.next_element_sibling(h) {
            if dom.is(next, "a") {
                links.push(next);
            }
        }
        for a in links {
            let Some(href) = dom.attr(a, "href") else {
                continue;
            };
            let Some(frag) = href.trim().rsplit_once('#').map(|(_, f)| f.to_string()) else {
                continue;
            };
            let text = normalize_ws(&dom.text_content(a));
            let symbol = text.chars().all(|c| !c.is_alphanumeric());
            let self_link = frag.is_empty() || frag == own_id || {
                // The id may sit on the link or a parent section rather than on the heading.
                dom.id_attr(a) == frag || dom.parent(h).is_some_and(|p| dom.id_attr(p) == frag)
            };
            if symbol && self_link && text.chars().count() <= 2 {
                dom.detach(a);
            }
        }
    }
}

/// Ours: a part of a heading set beside another (see `space_heading_parts`) is at least this
/// many characters: a lone letter is a drop cap or a styled initial, part of the word.
const MIN_HEADING_PART: usize = 2;

/// A reference page's field heading is laid out as boxes side by side (`<h4><span><span>id
/// </span></span><span>string</span></h4>`, the name and its type), which the page shows apart
/// and the markup writes with no space between: the text would read "idstring". A space goes
/// between two such boxes when both end and start with a letter or digit (not in code, where
/// highlighters split tokens).
fn space_heading_parts(dom: &mut Dom, root: Id) {
    let part_text = |dom: &Dom, n: Id| {
        let t = dom.text_content(n);
        (t.trim() == t && t.chars().count() >= MIN_HEADING_PART).then_some(t)
    };
    for h in dom.descendants_with_tags(root, &HEADINGS) {
        let code = dom.descendants_with_tags(h, &["code"]);
        for n in dom.descendants_with_tags(h, &["span", "div"]) {
            let Some(next) = dom.next_sibling(n) else {
                continue;
            };
            if !matches!(dom.tag(next), "span" | "div")
                || code.iter().any(|&c| dom.is_ancestor(c, n))
            {
                continue;
            }
            let (Some(a), Some(b)) = (part_text(dom, n), part_text(dom, next)) else {
                continue;
            };
            let joins = a.chars().last().is_some_and(char::is_alphanumeric)
                && b.chars().next().is_some_and(char::is_alphanumeric);
            if joins {
                let space = dom.create_text(" ");
                dom.insert_before(next, space);
            }
        }
    }
}

/// The callout kind named by a class list: `admonition note`, `notecard warning`,
/// `markdown-alert markdown-alert-tip`, `theme-admonition-caution`, `alert alert-info` with
/// `role=note`, `<aside class="note">`.
fn callout_kind(dom: &Dom, n: Id) -> Option<&'static str> {
    // This asks every element of the article: no copies until a class marks a callout.
    let has_class = |names: &[&str]| {
        dom.class(n)
            .split_whitespace()
            .any(|c| names.iter().any(|m| c.eq_ignore_ascii_case(m)))
    };
    let strong = has_class(&[
        "admonition",
        "notecard",
        "markdown-alert",
        "theme-admonition",
    ]);
    // Weaker marks also frame stat boxes and pull quotes: they need a named kind or a title.
    let weak = has_class(&["callout", "alert"])
        || dom
            .attr(n, "role")
            .is_some_and(|r| r.eq_ignore_ascii_case("note"))
        || dom.is(n, "aside");
    if !strong && !weak {
        return labelled_box(dom, n);
    }
    let classes = class_tokens(dom, n);
    let kind = KINDS.iter().find(|(k, _)| {
        classes.iter().any(|c| {
            c.strip_suffix(k)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with('-'))
        })
    });
    match kind {
        Some((_, label)) => Some(label),
        None if strong => Some("Note"),
        // A weak mark with a title naming a kind ("Note:", "Warning").
        None => title_of(dom, n).and_then(|t| {
            let t = normalize_ws(&dom.text_content(t)).to_lowercase();
            let t = t.trim_end_matches(':').trim().to_string();
            KINDS.iter().find(|(k, _)| t == *k).map(|(_, l)| *l)
        }),
    }
}

/// A box named by a kind (`archwiki-template-box-warning`, `box_note`) that opens with that
/// kind as a bold label (`<strong>Warning</strong> ...`), as wikis write their notes: the name
/// alone is no callout (a `site-note` footer), the printed label is what the reader sees.
fn labelled_box(dom: &Dom, n: Id) -> Option<&'static str> {
    let class = dom.class(n);
    // Cheap test first: this runs on every element of the article.
    if !class.contains(['-', '_']) {
        return None;
    }
    let (_, label) = KINDS.iter().find(|(k, _)| {
        class.split_whitespace().any(|c| {
            c.len() > k.len()
                && c.get(c.len() - k.len()..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(k))
                && c.get(..c.len() - k.len())
                    .is_some_and(|rest| rest.ends_with(['-', '_']))
        })
    })?;
    // The label comes first: no text before it (in the box, or in its first paragraph, as
    // the box's loose text is wrapped in one before cleaning).
    let first_element = |x: Id| {
        dom.first_child(x).and_then(|c| {
            if dom.is_element(c) {
                Some(c)
            } else if dom.text(c).is_some_and(|t| t.trim().is_empty()) {
                dom.next_element_sibling(c)
            } else {
                None
            }
        })
    };
    let mut first = first_element(n)?;
    if dom.is(first, "p") {
        first = first_element(first)?;
    }
    if !matches!(dom.tag(first), "strong" | "b") {
        return None;
    }
    let t = normalize_ws(&dom.text_content(first));
    t.trim_end_matches(':')
        .trim()
        .eq_ignore_ascii_case(label)
        .then_some(*label)
}

/// Ours: a contents block is this share links or more.
const CONTENTS_MIN_LINK_DENSITY: f64 = 0.8;
/// Ours: and lists at least this many pages.
const CONTENTS_MIN_LINKS: usize = 4;
/// Where a contents block's links wait while the article is grabbed.
const CONTENTS_HREF: &str = "data-lectern-contents-href";
/// Names of the page's menus: a contents block inside one is the site's navigation.
const MENU_WORDS: [&str; 6] = ["sidebar", "menu", "nav", "navigation", "navbar", "drawer"];

/// The lowercase words of an element's class and id (`toctree-wrapper` gives `toctree`,
/// `wrapper`).
fn name_words(dom: &Dom, n: Id) -> Vec<String> {
    [dom.class(n), dom.id_attr(n)]
        .iter()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether an element's class or id names a table of contents (`toc`, `toctree-wrapper`,
/// `table-of-contents`).
fn named_contents(dom: &Dom, n: Id) -> bool {
    // Cheap test first: this runs on every block of the page.
    let has = |v: &str, w: &[u8]| {
        v.as_bytes()
            .windows(w.len())
            .any(|x| x.eq_ignore_ascii_case(w))
    };
    if ![dom.class(n), dom.id_attr(n)]
        .iter()
        .any(|v| has(v, b"toc") || has(v, b"contents"))
    {
        return false;
    }
    name_words(dom, n)
        .iter()
        .any(|w| matches!(w.as_str(), "toc" | "toctree" | "contents"))
}

/// Whether `n` sits in the site's furniture: a menu, sidebar, header or footer.
fn in_site_menu(dom: &Dom, n: Id) -> bool {
    let mut cur = Some(n);
    while let Some(x) = cur {
        let role = dom.attr(x, "role").unwrap_or("");
        if matches!(dom.tag(x), "nav" | "aside" | "header" | "footer")
            || role.eq_ignore_ascii_case("navigation")
            || role.eq_ignore_ascii_case("complementary")
            || name_words(dom, x)
                .iter()
                .any(|w| MENU_WORDS.contains(&w.as_str()))
        {
            return true;
        }
        cur = dom.parent(x);
    }
    false
}

/// Whether `block` is the table of contents of a chapter or index page, the page's main
/// matter: a manual's chapter page is its title, its contents and a short intro (DocBook's
/// `div.toc`, Sphinx's `toctree-wrapper`). Its links lead to other pages; an "On this page"
/// list links within the page (`#...`) and stays furniture. It holds most of the chapter
/// around it, which has a title or an intro besides; a long page's contents box is beside
/// the text, and a sidebar's is the site's menu.
fn is_contents(dom: &mut Dom, block: Id) -> bool {
    if !named_contents(dom, block) {
        return false;
    }
    let Some(chapter) = dom.parent(block) else {
        return false;
    };
    let len = dom.text_len(block);
    let chapter_len = dom.text_len(chapter);
    if len * 2 <= chapter_len
        || len >= chapter_len
        || dom.link_density(block) < CONTENTS_MIN_LINK_DENSITY
    {
        return false;
    }
    let links = dom.descendants_with_tags(block, &["a"]);
    links.len() >= CONTENTS_MIN_LINKS
        && links.iter().all(|&a| {
            let href = dom.attr(a, "href").unwrap_or("").trim();
            !href.is_empty() && !href.starts_with('#') && !href.starts_with("javascript:")
        })
        && titled_before(dom, chapter, block)
        && !in_site_menu(dom, chapter)
        && prose_outside(dom, chapter) < len
}

/// The text of the page's paragraphs outside `chapter`: a contents box beside an article
/// is outweighed by the article.
fn prose_outside(dom: &mut Dom, chapter: Id) -> usize {
    let mut sum = 0;
    for p in dom.descendants_with_tags(super::dom::ROOT, &["p"]) {
        if !dom.is_ancestor(chapter, p) {
            sum += dom.text_len(p);
        }
    }
    sum
}

/// Whether `chapter` has its own title (an `<h1>` or `<h2>`) before `block`, outside it.
fn titled_before(dom: &Dom, chapter: Id, block: Id) -> bool {
    dom.descendant_elements(chapter)
        .into_iter()
        .take_while(|&n| n != block)
        .any(|n| matches!(dom.tag(n), "h1" | "h2"))
}

/// Readability drops a block of links, and the chapter holding it when the links make most
/// of its text; a chapter page's contents are its text. Their links wait as plain spans
/// while the article is grabbed and come back in [`restore_contents_links`].
pub fn keep_contents(dom: &mut Dom, root: Id) {
    let mut kept: Vec<Id> = Vec::new();
    for n in dom.descendants_with_tags(root, &["div", "nav", "section", "ul", "ol", "dl"]) {
        if kept.iter().any(|&k| dom.is_ancestor(k, n)) || !is_contents(dom, n) {
            continue;
        }
        for a in dom.descendants_with_tags(n, &["a"]) {
            let href = dom.attr(a, "href").unwrap_or("").to_string();
            dom.set_tag(a, "span");
            dom.remove_attr(a, "href");
            dom.set_attr(a, CONTENTS_HREF, &href);
        }
        kept.push(n);
    }
}

/// The links [`keep_contents`] set aside, links again (before they are made absolute).
pub fn restore_contents_links(dom: &mut Dom, root: Id) {
    for s in dom.descendants_with_tags(root, &["span"]) {
        if let Some(href) = dom.attr(s, CONTENTS_HREF).map(str::to_string) {
            dom.remove_attr(s, CONTENTS_HREF);
            dom.set_tag(s, "a");
            dom.set_attr(s, "href", &href);
        }
    }
}

/// Ours: prose this short is a label or a credit line, not a paragraph.
const LINKED_PROSE_MIN_TEXT: usize = 60;

/// Whether `n` is a titled piece of running prose whose links sit inside its sentences: a
/// reference page's field description under the field's heading (`li > h4 + div > p`:
/// "Three-letter <a>ISO currency code</a>, in lowercase"), a guide's closing section (`h2 +
/// p`: "learn more in the <a>Adding Interactivity</a> section."). Short and linking to the
/// rest of the manual, Readability's link-density rule takes them for a block of links.
/// Paragraphs (and headings) only, each ending a sentence, none opening with a link (a
/// teaser); lists, pictures and forms stay under the rule.
pub fn is_linked_prose(dom: &mut Dom, n: Id) -> bool {
    let len = dom.text_len(n);
    if len < LINKED_PROSE_MIN_TEXT {
        return false;
    }
    let titled = dom
        .prev_element_sibling(n)
        .is_some_and(|h| matches!(dom.tag(h), "h3" | "h4" | "h5" | "h6"));
    let headings = dom.descendants_with_tags(n, &HEADINGS);
    if !titled && headings.is_empty() {
        return false;
    }
    let others = [
        "li", "img", "picture", "table", "form", "input", "button", "iframe", "nav", "pre",
    ];
    if !dom.descendants_with_tags(n, &others).is_empty() {
        return false;
    }
    let paragraphs = dom.descendants_with_tags(n, &["p"]);
    if paragraphs.is_empty() {
        return false;
    }
    let mut covered = 0;
    for h in headings {
        covered += dom.text_len(h);
    }
    for &p in &paragraphs {
        let text = normalize_ws(&dom.text_content(p));
        if !text.ends_with(['.', '!', '?', ':', ')']) {
            return false;
        }
        // The paragraph's first words are its own, not a link's.
        let mut cur = dom.first_child(p);
        while let Some(x) = cur {
            if dom.is(x, "a") {
                return false;
            }
            if dom.text(x).is_some_and(|t| !t.trim().is_empty()) {
                break;
            }
            cur = dom.next_in(x, p, false);
        }
        covered += dom.text_len(p);
    }
    covered * 10 >= len * 9
}

/// Whether `n` is a Note/Tip/Warning callout, for cleaning: a callout is prose however many
/// links it holds ("Warning: this can break a system, see System maintenance").
pub fn is_callout(dom: &mut Dom, n: Id) -> bool {
    callout_kind(dom, n).is_some() && dom.text_len(n) <= MAX_CALLOUT_TEXT
}

/// The callout's own title element: a Sphinx `admonition-title`, a GitHub `markdown-alert-title`,
/// an `alert-heading`, or a first short heading.
fn title_of(dom: &Dom, n: Id) -> Option<Id> {
    let first = dom.first_element_child(n)?;
    let classes = class_tokens(dom, first);
    let titled = classes
        .iter()
        .any(|c| c.ends_with("title") || c.ends_with("heading") || c.contains("admonitionheading"));
    let short_heading = HEADINGS.contains(&dom.tag(first))
        && dom.text_content(first).trim().chars().count() <= MAX_LABEL_CHARS;
    (titled || short_heading).then_some(first)
}

/// Callouts become a `<blockquote>` (a block every reader and the sanitiser keep) opening with
/// their label in bold on its own line, so "Note" reads as a label, not as a stray paragraph.
fn mark_callouts(dom: &mut Dom, root: Id) {
    for n in dom.descendant_elements(root) {
        if dom.parent(n).is_none() || n == root {
            continue;
        }
        let Some(label) = callout_kind(dom, n) else {
            continue;
        };
        let len = dom.text_len(n);
        if len == 0 || len > MAX_CALLOUT_TEXT {
            continue;
        }
        // Nested callout markup (a title wrapper inside the callout) is handled once, outside.
        if has_callout_ancestor(dom, n, root) {
            continue;
        }
        let title_text = title_of(dom, n).map(|t| {
            let s = normalize_ws(&dom.text_content(t));
            dom.detach(t);
            s
        });
        let first_text = normalize_ws(&dom.text_content(n));
        let label_text = match title_text {
            Some(t) if !t.is_empty() => Some(t),
            // MDN writes the label inline ("<strong>Note:</strong> ..."): nothing to add.
            _ if first_text.to_lowercase().starts_with(&label.to_lowercase()) => None,
            _ => Some(label.to_string()),
        };
        dom.set_tag(n, "blockquote");
        if let Some(t) = label_text {
            let t = t.trim_end_matches(':').trim().to_string();
            let p = dom.create_element("p");
            let strong = dom.create_element("strong");
            let txt = dom.create_text(&t);
            dom.append(strong, txt);
            dom.append(p, strong);
            match dom.first_child(n) {
                Some(f) => dom.insert_before(f, p),
                None => dom.append(n, p),
            }
        }
    }
}

fn has_callout_ancestor(dom: &Dom, n: Id, root: Id) -> bool {
    let mut cur = dom.parent(n);
    while let Some(p) = cur {
        if p == root {
            return false;
        }
        if dom.is(p, "blockquote") && callout_kind(dom, p).is_some() {
            return true;
        }
        cur = dom.parent(p);
    }
    false
}
