//! `_prepArticle` (conditional cleaning, share widgets, single-cell tables, lazy images) and
//! the post-processing passes.

use super::super::dom::{
    has_ancestor_tag, has_single_tag_inside, is_element_without_content, is_js_space, is_phrasing,
    next_node, remove_and_get_next, utf16_len, Dom, Id,
};
use super::grab::lower_match_string;
use super::thresholds as th;
use super::{pat, Grabber, CHAR_THRESHOLD, PRESENTATIONAL};

impl Grabber<'_> {
    // ---- _prepArticle ----------------------------------------------------------------------

    pub(super) fn prep_article(&mut self, article: Id) {
        self.spare_negative_names = self.negatives_hold_the_article(article);
        self.clean_styles(article);
        mark_data_tables(&mut self.dom, article);
        fix_lazy_images(&mut self.dom, article);
        self.clean_conditionally(article, "form");
        self.clean_conditionally(article, "fieldset");
        clean_tags(
            &mut self.dom,
            article,
            &["object", "embed", "footer", "link", "aside"],
        );
        for top in self.dom.element_children(article) {
            self.clean_share(top);
        }
        // Before the fields go: their boxes (sign-ups, comment forms) go with them.
        crate::extract::forms::drop_fill_in_forms(&mut self.dom, article);
        crate::extract::boiler::drop_email_forms(&mut self.dom, article);
        clean_tags(
            &mut self.dom,
            article,
            &["iframe", "input", "textarea", "select", "button"],
        );
        for h in self
            .dom
            .descendants_with_tags(article, &["h1", "h2"])
            .into_iter()
            .rev()
        {
            if self.class_weight(h) < 0.0 && !utility_classes_only(&self.dom, h) {
                self.dom.detach(h);
            }
        }
        self.clean_conditionally(article, "table");
        self.clean_conditionally(article, "ul");
        self.clean_conditionally(article, "div");
        for h in self.dom.descendants_with_tags(article, &["h1"]) {
            self.dom.set_tag(h, "h2");
        }
        for p in self
            .dom
            .descendants_with_tags(article, &["p"])
            .into_iter()
            .rev()
        {
            let st = self.dom.stats(p);
            if st.n_img + st.n_embed == 0 && !st.text.any {
                self.dom.detach(p);
            }
        }
        for br in self.dom.descendants_with_tags(article, &["br"]) {
            let next = next_node(&self.dom, self.dom.next_sibling(br));
            if next.is_some_and(|x| self.dom.is(x, "p")) {
                self.dom.detach(br);
            }
        }
        // Single-cell tables become their cell.
        for table in self.dom.descendants_with_tags(article, &["table"]) {
            let tbody = if has_single_tag_inside(&self.dom, table, "tbody") {
                self.dom.first_element_child(table).unwrap_or(table)
            } else {
                table
            };
            if !has_single_tag_inside(&self.dom, tbody, "tr") {
                continue;
            }
            let Some(row) = self.dom.first_element_child(tbody) else {
                continue;
            };
            if !has_single_tag_inside(&self.dom, row, "td") {
                continue;
            }
            let Some(cell) = self.dom.first_element_child(row) else {
                continue;
            };
            let all_phrasing = self
                .dom
                .children(cell)
                .collect::<Vec<_>>()
                .into_iter()
                .all(|c| is_phrasing(&self.dom, c));
            self.dom
                .set_tag(cell, if all_phrasing { "p" } else { "div" });
            self.dom.replace(table, cell);
        }
    }

    /// Ours: whether the blocks that a negative class or id would remove (outermost ones, of
    /// the conditionally cleaned tags) hold most of the article's text. Page builders name
    /// every content block "widget" (`elementor-widget-container`, a best-of list's
    /// `product-widget`): Readability then keeps only the scraps between them. Comment
    /// sections are not spared.
    fn negatives_hold_the_article(&mut self, article: Id) -> bool {
        if !self.flags.clean_conditionally || !self.flags.weight_classes {
            return false;
        }
        let total = self.dom.text_len(article);
        let mut negative = 0;
        let mut x = self.dom.next_in(article, article, false);
        while let Some(n) = x {
            let cleaned = self.dom.is_element(n)
                && matches!(
                    self.dom.tag(n),
                    "div" | "ul" | "table" | "form" | "fieldset"
                );
            if cleaned
                && self.class_weight(n) < 0.0
                && !pat::names_comments(&lower_match_string(&self.dom, n))
            {
                negative += self.dom.text_len(n);
                x = self.dom.next_in(n, article, true);
                continue;
            }
            x = self.dom.next_in(n, article, false);
        }
        negative as f64 > total as f64 * th::NEGATIVE_NAMES_MAX_SHARE
            && total.saturating_sub(negative) >= CHAR_THRESHOLD
    }

    fn clean_styles(&mut self, root: Id) {
        let mut stack = vec![root];
        while let Some(n) = stack.pop() {
            if self.dom.is(n, "svg") {
                continue;
            }
            for a in PRESENTATIONAL {
                self.dom.remove_attr(n, a);
            }
            if matches!(self.dom.tag(n), "table" | "th" | "td" | "hr" | "pre") {
                self.dom.remove_attr(n, "width");
                self.dom.remove_attr(n, "height");
            }
            stack.extend(self.dom.element_children(n));
        }
    }

    fn clean_share(&mut self, top: Id) {
        let end = self.dom.next_element_node(top, true);
        let mut next = self.dom.next_element_node(top, false);
        while let Some(n) = next {
            if Some(n) == end {
                break;
            }
            let ms = lower_match_string(&self.dom, n);
            if pat::share(&ms) && utf16_len(&self.dom.text_content(n)) < CHAR_THRESHOLD {
                next = remove_and_get_next(&mut self.dom, n);
            } else {
                next = self.dom.next_element_node(n, false);
            }
        }
    }

    fn clean_conditionally(&mut self, root: Id, tag: &str) {
        if !self.flags.clean_conditionally {
            return;
        }
        // Which nodes sit inside a data table (any depth): one top-down pass.
        let mut in_data_table = vec![false; self.dom.nodes.len()];
        for n in self.dom.descendant_elements(root) {
            if let Some(p) = self.dom.parent(n) {
                let dt = self
                    .dom
                    .elem(p)
                    .is_some_and(|e| &*e.tag == "table" && e.data_table);
                if dt || in_data_table.get(p).copied().unwrap_or(false) {
                    if let Some(slot) = in_data_table.get_mut(n) {
                        *slot = true;
                    }
                }
            }
        }
        for n in self
            .dom
            .descendants_with_tags(root, &[tag])
            .into_iter()
            .rev()
        {
            if self.dom.parent(n).is_none() {
                continue;
            }
            if self.should_clean(n, tag, &in_data_table) {
                self.dom.detach(n);
            }
        }
    }

    /// Readability's `_cleanConditionally` test: keep rules first (data tables, code, many
    /// commas, video embeds), then remove when any of [`REMOVAL_RULES`] matches.
    fn should_clean(&mut self, n: Id, tag: &str, in_data_table: &[bool]) -> bool {
        let st = self.dom.stats(n);
        let text_len = st.text.len;
        let mut is_list = matches!(tag, "ul" | "ol");
        if !is_list && text_len > 0 {
            is_list = st.list_text as f64 / text_len as f64 > th::LIST_TEXT_SHARE;
        }
        // Keep: data tables and anything inside or holding one, and code.
        if tag == "table" && self.dom.elem(n).is_some_and(|e| e.data_table) {
            return false;
        }
        if in_data_table.get(n).copied().unwrap_or(false) {
            return false;
        }
        if has_ancestor_tag(&self.dom, n, "code", 3) {
            return false;
        }
        if st.n_data_table > 0 {
            return false;
        }
        // Remove: a negative class or id. Ours: not one whose negative hint comes only from
        // utility classes (a docs page's code block framed "scroll-mt-2 ... dark:bg-gray-900").
        let mut weight = self.class_weight(n);
        if weight < 0.0 && utility_classes_only(&self.dom, n) {
            weight = 0.0;
        }
        if weight < 0.0 && !self.spare_negative_names {
            return true;
        }
        // Keep: prose (many commas).
        if st.commas >= th::KEEP_COMMAS {
            return false;
        }
        // Keep (ours): a Note/Tip/Warning callout, which often ends with a link to read more
        // ("see System maintenance"): link-dense for its size, yet part of the text.
        if self.dom.link_density(n) <= th::LINK_DENSITY_MAX_WEIGHTED
            && super::super::docs::is_callout(&mut self.dom, n)
        {
            return false;
        }
        // Keep (ours): titled prose with links inside its sentences (a field's description).
        if self.dom.link_density(n) <= th::LINK_DENSITY_MAX_WEIGHTED
            && super::super::docs::is_linked_prose(&mut self.dom, n)
        {
            return false;
        }
        let mut embed_count = 0;
        if st.n_embed > 0 {
            for e in self
                .dom
                .descendants_with_tags(n, &["object", "embed", "iframe"])
            {
                let is_video = self
                    .dom
                    .elem(e)
                    .is_some_and(|el| el.attrs.iter().any(|(_, v)| pat::video(v)));
                // Keep: a video embed.
                if is_video {
                    return false;
                }
                embed_count += 1;
            }
        }
        // Remove (ours): short text that only says "advertisement" or "loading".
        if text_len <= th::AD_TEXT_MAX_LEN && pat::ad_or_loading(&self.dom.inner_text(n)) {
            return true;
        }
        let ratio = |part: usize| {
            if text_len == 0 {
                0.0
            } else {
                part as f64 / text_len as f64
            }
        };
        let m = Measures {
            is_list,
            is_figure_child: has_ancestor_tag(&self.dom, n, "figure", 3),
            p: st.n_p as f64,
            img: st.n_img as f64,
            li: st.n_li as f64 - th::LI_ALLOWANCE,
            input: st.n_input as f64,
            heading_density: ratio(st.heading_text),
            text_density: ratio(st.textish_text),
            content_len: text_len,
            link_density: self.dom.link_density(n),
            weight,
            embed_count,
        };
        let remove = REMOVAL_RULES.iter().any(|(_, rule)| rule(&m));
        // Keep: a list of simple items that are all images (a gallery).
        if is_list && remove {
            for c in self.dom.element_children(n) {
                if self.dom.element_child_count(c) > 1 {
                    return remove;
                }
            }
            if st.n_img == st.n_li {
                return false;
            }
        }
        remove
    }
}

/// What the removal rules look at.
struct Measures {
    is_list: bool,
    is_figure_child: bool,
    p: f64,
    img: f64,
    /// List items beyond Readability's allowance.
    li: f64,
    input: f64,
    heading_density: f64,
    text_density: f64,
    content_len: usize,
    link_density: f64,
    weight: f64,
    embed_count: usize,
}

type Rule = fn(&Measures) -> bool;

/// Readability's removal rules for conditionally cleaned nodes, by name.
const REMOVAL_RULES: [(&str, Rule); 8] = [
    ("more images than paragraphs", |m| {
        !m.is_figure_child && m.img > 1.0 && m.p / m.img < 0.5
    }),
    ("more list items than paragraphs", |m| {
        !m.is_list && m.li > m.p
    }),
    ("more inputs than a third of the paragraphs", |m| {
        m.input > (m.p / 3.0).floor()
    }),
    ("short linked text, not headings", |m| {
        !m.is_list
            && !m.is_figure_child
            && m.heading_density < th::HEADING_DENSITY_MAX
            && m.content_len < th::SHORT_CONTENT_LEN
            && (m.img == 0.0 || m.img > 2.0)
            && m.link_density > 0.0
    }),
    ("link-dense", |m| {
        !m.is_list && m.weight < th::CLASS_WEIGHT && m.link_density > th::LINK_DENSITY_MAX
    }),
    ("link-dense despite a positive class", |m| {
        m.weight >= th::CLASS_WEIGHT && m.link_density > th::LINK_DENSITY_MAX_WEIGHTED
    }),
    ("embeds without text", |m| {
        (m.embed_count == 1 && m.content_len < th::EMBED_MIN_TEXT) || m.embed_count > 1
    }),
    ("no text and no image", |m| {
        m.img == 0.0 && m.text_density == 0.0
    }),
];

/// Readability's `_clean` (removes every element of `tags` except embeds of known video hosts),
/// for several tags in one walk: the result is the same as one call per tag, as a removed
/// element takes its subtree along either way.
pub fn clean_tags(dom: &mut Dom, root: Id, tags: &[&str]) {
    for n in dom.descendants_with_tags(root, tags).into_iter().rev() {
        if matches!(dom.tag(n), "object" | "embed" | "iframe") {
            let video = dom
                .elem(n)
                .is_some_and(|e| e.attrs.iter().any(|(_, v)| pat::video(v)));
            if video {
                continue;
            }
        }
        dom.detach(n);
    }
}

fn parse_int_prefix(s: &str) -> Option<i64> {
    let t = s.trim_start();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// `_markDataTables`: data tables (kept whole) versus layout tables.
pub fn mark_data_tables(dom: &mut Dom, root: Id) {
    for t in dom.descendants_with_tags(root, &["table"]) {
        let v = is_data_table(dom, t);
        dom.set_data_table(t, v);
    }
}

fn is_data_table(dom: &mut Dom, t: Id) -> bool {
    if dom.attr(t, "role") == Some("presentation") {
        return false;
    }
    if dom.attr(t, "datatable") == Some("0") {
        return false;
    }
    if dom.attr(t, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if let Some(&cap) = dom.descendants_with_tags(t, &["caption"]).first() {
        if dom.first_child(cap).is_some() {
            return true;
        }
    }
    let st = dom.stats(t);
    if st.n_table_parts > 0 {
        return true;
    }
    if st.n_table > 0 {
        return false;
    }
    let mut rows = 0i64;
    let mut cols = 0i64;
    for tr in dom.descendants_with_tags(t, &["tr"]) {
        let rs = dom
            .attr(tr, "rowspan")
            .and_then(parse_int_prefix)
            .unwrap_or(0);
        rows += if rs == 0 { 1 } else { rs };
        let mut in_row = 0i64;
        for td in dom.descendants_with_tags(tr, &["td"]) {
            let cs = dom
                .attr(td, "colspan")
                .and_then(parse_int_prefix)
                .unwrap_or(0);
            in_row += if cs == 0 { 1 } else { cs };
        }
        cols = cols.max(in_row);
    }
    if cols == 1 || rows == 1 {
        return false;
    }
    if rows >= th::DATA_TABLE_ROWS || cols > th::DATA_TABLE_COLS {
        return true;
    }
    rows * cols > th::DATA_TABLE_CELLS
}

/// `_fixLazyImages`: turns data-src/data-srcset style attributes into real `src`/`srcset`.
pub fn fix_lazy_images(dom: &mut Dom, root: Id) {
    for el in dom.descendants_with_tags(root, &["img", "picture", "figure"]) {
        let src = dom.attr(el, "src").unwrap_or("").to_string();
        if let Some(mime) = b64_data_mime(&src) {
            if mime == "image/svg+xml" {
                continue;
            }
            let other_has_image = dom.elem(el).is_some_and(|e| {
                e.attrs
                    .iter()
                    .any(|(k, v)| k != "src" && pat::has_image_ext(v))
            });
            if other_has_image {
                let lower = src.to_ascii_lowercase();
                let start = lower.find("base64").map(|i| i + 7).unwrap_or(0);
                if src.len().saturating_sub(start) < th::PLACEHOLDER_B64_MAX {
                    dom.remove_attr(el, "src");
                }
            }
        }
        let has_src = dom.attr(el, "src").is_some_and(|s| !s.is_empty());
        let has_srcset = dom
            .attr(el, "srcset")
            .is_some_and(|s| !s.is_empty() && s != "null");
        if (has_src || has_srcset) && !dom.class(el).to_lowercase().contains("lazy") {
            continue;
        }
        let attrs: Vec<(super::super::dom::LocalName, super::super::dom::StrTendril)> =
            dom.elem(el).map(|e| e.attrs.clone()).unwrap_or_default();
        for (k, v) in attrs {
            if matches!(&*k, "src" | "srcset" | "alt") {
                continue;
            }
            let copy_to = if pat::looks_like_srcset(&v) {
                "srcset"
            } else if pat::looks_like_src(&v) {
                "src"
            } else {
                continue;
            };
            let tag = dom.tag(el).to_string();
            if tag == "img" || tag == "picture" {
                dom.set_attr(el, copy_to, &v);
            } else if tag == "figure"
                && dom
                    .descendants_with_tags(el, &["img", "picture"])
                    .is_empty()
            {
                let img = dom.create_element("img");
                dom.set_attr(img, copy_to, &v);
                dom.append(el, img);
            }
        }
    }
}

/// The MIME type of a `data:...;base64,` URL.
fn b64_data_mime(src: &str) -> Option<String> {
    let rest = src
        .get(..5)?
        .eq_ignore_ascii_case("data:")
        .then(|| &src[5..])?;
    let rest = rest.trim_start();
    let end = rest.find(|c: char| c.is_whitespace() || c == ';' || c == ',')?;
    let mime = &rest[..end];
    if mime.is_empty() {
        return None;
    }
    let after = rest[end..].trim_start();
    let after = after.strip_prefix(';')?.trim_start();
    if !after.get(..6)?.eq_ignore_ascii_case("base64") {
        return None;
    }
    after
        .get(6..)?
        .trim_start()
        .starts_with(',')
        .then(|| mime.to_string())
}

// ---- post-processing ----------------------------------------------------------------------

/// `_simplifyNestedElements`: unwraps div/section chains with a single child.
pub fn simplify_nested(dom: &mut Dom, root: Id) {
    let mut node = Some(root);
    while let Some(n) = node {
        if dom.parent(n).is_some()
            && matches!(dom.tag(n), "div" | "section")
            && !dom.id_attr(n).starts_with("readability")
        {
            if is_element_without_content(dom, n) {
                node = remove_and_get_next(dom, n);
                continue;
            }
            // Ours: Readability reads a text node ending in whitespace as empty, so a div
            // holding an empty float and then text ("<div></div>Thanks! ") would be replaced
            // by the float, losing the text (a short forum post after its float).
            let holds_text = dom
                .children(n)
                .any(|c| dom.text(c).is_some_and(|t| !t.chars().all(is_js_space)));
            if !holds_text
                && (has_single_tag_inside(dom, n, "div")
                    || has_single_tag_inside(dom, n, "section"))
            {
                if let Some(child) = dom.first_element_child(n) {
                    let attrs = dom.elem(n).map(|e| e.attrs.clone()).unwrap_or_default();
                    for (k, v) in attrs {
                        dom.set_attr(child, &k, &v);
                    }
                    dom.replace(n, child);
                    node = Some(child);
                    continue;
                }
            }
        }
        node = dom.next_element_node(n, false);
    }
}

/// `_cleanClasses`: drops class attributes (Readability keeps only "page").
/// Ours: a heading or block whose negative class hint comes only from utility classes
/// (Tailwind's `scroll-mt-20` margin for jump links, a `lg:hidden` breakpoint variant) is a
/// styled section heading or box, not a widget: Readability would drop every heading (and
/// framed code block) of such docs pages.
fn utility_classes_only(dom: &Dom, h: Id) -> bool {
    if !dom.id_attr(h).is_empty() && pat::Hints::of(&dom.id_attr(h).to_ascii_lowercase()).negative()
    {
        return false;
    }
    let role: Vec<String> = dom
        .class(h)
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .filter(|c| !c.contains(':') && !is_scroll_utility(c))
        .collect();
    !pat::Hints::of(&role.join(" ")).negative()
}

/// Utility classes for the scroll CSS properties: Tailwind's `scroll-mt-20`, and a design
/// system's `g-offset-scroll-margin-top` (prefixed, so named by the property).
const SCROLL_PROPERTIES: [&str; 4] = [
    "scroll-margin",
    "scroll-padding",
    "scroll-snap",
    "scroll-behavior",
];

fn is_scroll_utility(class: &str) -> bool {
    class.starts_with("scroll-") || SCROLL_PROPERTIES.iter().any(|p| class.contains(p))
}

pub fn clean_classes(dom: &mut Dom, root: Id) {
    let mut all = dom.descendant_elements(root);
    all.push(root);
    for n in all {
        let keep: Vec<&str> = dom
            .class(n)
            .split_whitespace()
            .filter(|c| *c == "page")
            .collect();
        if keep.is_empty() {
            dom.remove_attr(n, "class");
        } else {
            let v = keep.join(" ");
            dom.set_attr(n, "class", &v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_url_mime() {
        assert_eq!(
            b64_data_mime("data:image/png;base64,AAAA").as_deref(),
            Some("image/png")
        );
        assert_eq!(b64_data_mime("data:image/png,AAAA"), None);
        assert_eq!(b64_data_mime("http://x"), None);
        assert_eq!(b64_data_mime("data:image/png;base6é,AA"), None);
    }
}
