//! Node preparation (`_grabArticle`'s first walk), the attempts with relaxed flags, and the
//! container variant used by the body-paragraph fallback.

use super::super::dom::{
    get_ancestors, has_ancestor_tag, has_single_tag_inside, is_element_without_content,
    is_js_space, is_phrasing, is_probably_visible, is_whitespace, remove_and_get_next, utf16_len,
    Dom, Id, ROOT,
};
use super::thresholds::{
    ARTICLE_HEADER_MAX_LINK_DENSITY, BYLINE_MAX_LEN, SIBLING_INTRO_MIN_TEXT,
    SINGLE_P_MAX_LINK_DENSITY, TITLE_HEADING_SIMILARITY, UNLIKELY_KEEP_PAGE_SHARE,
};
use super::{pat, text_similarity, Grabbed, Grabber, CHAR_THRESHOLD, TAGS_TO_SCORE};

pub(super) fn lower_match_string(dom: &Dom, n: Id) -> String {
    let mut s = String::new();
    fill_match_string(dom, n, &mut s);
    s
}

/// `className + " " + id`, lowercased, into a reused buffer.
fn fill_match_string(dom: &Dom, n: Id, s: &mut String) {
    s.clear();
    s.push_str(dom.class(n));
    s.push(' ');
    if !id_is_heading_slug(dom, n) {
        s.push_str(dom.id_attr(n));
    }
    s.make_ascii_lowercase();
}

/// Ours: a section whose id is its own heading's slug (`<section id="respond-to-review-comments">
/// <h2>Respond to review comments</h2>`, as documentation generators write) is named by its
/// title, not by its role: "comments" there does not make it a comment thread.
fn id_is_heading_slug(dom: &Dom, n: Id) -> bool {
    let id = dom.id_attr(n);
    if id.is_empty() {
        return false;
    }
    // A heading is its own title (MkDocs' `<h2 id="pagination">`). Empty anchors may come
    // first in a section: Sphinx writes a cross-reference label as `<span id="label"></span>`
    // before the section's heading.
    let h = if crate::html::HEADINGS.contains(&dom.tag(n)) {
        Some(n)
    } else {
        dom.children(n)
            .filter(|&c| dom.is_element(c))
            .find(|&c| dom.text_content_within(c, 0).is_none())
    };
    let Some(h) = h else {
        return false;
    };
    if !crate::html::HEADINGS.contains(&dom.tag(h)) {
        return false;
    }
    let slug = |t: &str| -> String {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join("-")
    };
    let heading = dom.text_content_within(h, 200).unwrap_or_default();
    let id_slug = slug(id);
    if id_slug != slug(&heading) {
        return false;
    }
    // A title of a few words: a lone "comments" id over a "Comments" heading is the thread.
    // A shorter one ("Commentary", "Pagination") counts when the heading carries its own
    // permalink, as documentation generators print on every section and templates' comment
    // threads do not; the thread's own words stay out all the same.
    id_slug.matches('-').count() >= MIN_SLUG_WORDS - 1
        || (heading_links_to(dom, h, id) && !THREAD_SLUGS.contains(&id_slug.as_str()))
}

/// Slugs that name a comment thread even under a permalinked heading.
const THREAD_SLUGS: [&str; 6] = [
    "comments",
    "comment",
    "replies",
    "responses",
    "discussion",
    "respond",
];

/// Whether heading `h` holds a permalink to `#id` (Sphinx's `¶`, MkDocs' `headerlink`).
fn heading_links_to(dom: &Dom, h: Id, id: &str) -> bool {
    dom.descendants_with_tags(h, &["a"]).into_iter().any(|a| {
        dom.attr(a, "href")
            .and_then(|href| href.trim().rsplit_once('#'))
            .is_some_and(|(_, frag)| frag == id)
    })
}

/// A section heading below the headline (the `<h1>` has its own rules, see `is_article_header`).
fn is_subheading(tag: &str) -> bool {
    matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Words in a heading slug for the id to count as the section's title.
const MIN_SLUG_WORDS: usize = 3;

impl Grabber<'_> {
    fn check_byline(&mut self, n: Id, ms: &str) -> bool {
        if self.byline.is_some() || self.has_meta_byline {
            return false;
        }
        let rel_author = self.dom.attr(n, "rel") == Some("author");
        let itemprop = self
            .dom
            .attr(n, "itemprop")
            .is_some_and(|v| v.contains("author"));
        if rel_author || itemprop || pat::byline(ms) {
            let text = self.dom.text_content(n);
            let t = text.trim_matches(is_js_space);
            let len = utf16_len(t);
            if len > 0 && len < BYLINE_MAX_LEN {
                // Prefer a descendant marked itemprop="name": the bare author name.
                let end = self.dom.next_element_node(n, true);
                let mut next = self.dom.next_element_node(n, false);
                let mut name_node = None;
                while let Some(x) = next {
                    if Some(x) == end {
                        break;
                    }
                    if self
                        .dom
                        .attr(x, "itemprop")
                        .is_some_and(|v| v.contains("name"))
                    {
                        name_node = Some(x);
                        break;
                    }
                    next = self.dom.next_element_node(x, false);
                }
                let chosen = match name_node {
                    Some(x) => self
                        .dom
                        .text_content(x)
                        .trim_matches(is_js_space)
                        .to_string(),
                    // Its lines kept apart: a name and a role or date printed on lines of
                    // their own would otherwise run together ("Jane RoeChief Architect").
                    None => self.dom.text_lines(n).trim_matches(is_js_space).to_string(),
                };
                self.byline = Some(chosen);
                return true;
            }
        }
        false
    }

    fn header_duplicates_title(&self, n: Id) -> bool {
        if !matches!(self.dom.tag(n), "h1" | "h2") {
            return false;
        }
        let heading = self.dom.text_content(n);
        text_similarity(self.title, heading.trim_matches(is_js_space)) > TITLE_HEADING_SIMILARITY
    }

    /// Runs the grab loop, relaxing flags until enough text is found.
    pub fn grab(mut self, rebuild: &dyn Fn() -> Dom) -> Option<Grabbed> {
        let mut attempts: Vec<(Grabbed, usize)> = Vec::new();
        loop {
            self.scores.clear();
            self.byline = None;
            self.under_headline = None;
            let (content, dir) = self.grab_once()?;
            let len = self.dom.text_len(content);
            let dom = std::mem::take(&mut self.dom);
            let g = Grabbed {
                dom,
                content,
                byline: self.byline.clone(),
                dir,
                lang: self.lang.clone(),
            };
            if len >= CHAR_THRESHOLD {
                return Some(g);
            }
            attempts.push((g, len));
            self.dom = rebuild();
            if self.flags.strip_unlikelys {
                self.flags.strip_unlikelys = false;
            } else if self.flags.weight_classes {
                self.flags.weight_classes = false;
            } else if self.flags.clean_conditionally {
                self.flags.clean_conditionally = false;
            } else {
                // Keep the longest attempt (the first among equals, as a stable sort would).
                let mut best: Option<(Grabbed, usize)> = None;
                for a in attempts {
                    if best.as_ref().is_none_or(|b| a.1 > b.1) {
                        best = Some(a);
                    }
                }
                let (g, len) = best?;
                return if len == 0 { None } else { Some(g) };
            }
        }
    }

    fn grab_once(&mut self) -> Option<(Id, Option<String>)> {
        let body = self.dom.body()?;
        let to_score = self.prepare_nodes();
        let candidates = self.score_paragraphs(&to_score);
        let top = self.rank_candidates(&candidates);
        let (top_candidate, created) = self.pick_top_candidate(&top, body);
        let parent_of_top = self.dom.parent(top_candidate);
        let article = self.join_siblings(top_candidate, parent_of_top);
        self.prep_article(article);

        if created {
            self.dom.set_attr(top_candidate, "id", "readability-page-1");
            self.dom.set_attr(top_candidate, "class", "page");
        } else {
            let div = self.dom.create_element("div");
            self.dom.set_attr(div, "id", "readability-page-1");
            self.dom.set_attr(div, "class", "page");
            while let Some(c) = self.dom.first_child(article) {
                self.dom.append(div, c);
            }
            self.dom.append(article, div);
        }

        // Text direction from the nearest ancestor that declares one.
        let mut dir = None;
        let mut chain: Vec<Id> = Vec::new();
        if let Some(p) = parent_of_top {
            chain.push(p);
            chain.push(top_candidate);
            chain.extend(get_ancestors(&self.dom, p, 0));
        }
        for a in chain {
            if let Some(d) = self.dom.attr(a, "dir") {
                if !d.is_empty() {
                    dir = Some(d.to_string());
                    break;
                }
            }
        }
        Some((article, dir))
    }

    /// Removes hidden, unlikely, byline and empty nodes, turns phrasing-only divs into
    /// paragraphs, and lists the nodes to score.
    fn prepare_nodes(&mut self) -> Vec<Id> {
        let mut to_score: Vec<Id> = Vec::new();
        let mut node = self.dom.first_element_child(ROOT);
        let mut remove_title_header = true;
        let mut ms = String::new();
        let page_text = match self.dom.body() {
            Some(b) if self.flags.strip_unlikelys => self.dom.text_len(b),
            _ => 0,
        };
        while let Some(n) = node {
            let tag = self.dom.tag(n);
            let is_html = tag == "html";
            let is_div = tag == "div";
            let keeps_unlikely = tag == "body" || tag == "a";
            let maybe_empty = matches!(
                tag,
                "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            );
            let scored = TAGS_TO_SCORE.contains(&tag);
            let subheading = is_subheading(tag);
            if is_html {
                self.lang = self.dom.attr(n, "lang").map(str::to_string);
            }
            fill_match_string(&self.dom, n, &mut ms);
            if !is_probably_visible(&self.dom, n) {
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            let role = self.dom.attr(n, "role");
            // Ours: a scripted drop-down (a listbox and its options) is a form control like
            // `<select>`: a country picker's 250 names are no part of any article.
            if matches!(role, Some("listbox" | "option")) {
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if self.dom.attr(n, "aria-modal") == Some("true") && role == Some("dialog") {
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if self.check_byline(n, &ms) {
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if remove_title_header && self.header_duplicates_title(n) {
                remove_title_header = false;
                self.under_headline = self.dom.next_element_sibling(n);
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if self.flags.strip_unlikelys {
                if pat::Hints::of(&ms).unlikely_candidate()
                    && (!subheading || !self.is_anchored_heading(n, &ms))
                    && !has_ancestor_tag(&self.dom, n, "table", 3)
                    && !has_ancestor_tag(&self.dom, n, "code", 3)
                    && !keeps_unlikely
                    && (is_html || !self.holds_the_page(n, &ms, page_text))
                    && !self.is_article_header(n, &ms)
                {
                    node = remove_and_get_next(&mut self.dom, n);
                    continue;
                }
                if self
                    .dom
                    .attr(n, "role")
                    .is_some_and(|r| pat::UNLIKELY_ROLES.contains(&r))
                {
                    node = remove_and_get_next(&mut self.dom, n);
                    continue;
                }
            }
            if maybe_empty && is_element_without_content(&mut self.dom, n) {
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if scored {
                to_score.push(n);
            }
            let mut cur = n;
            // Ours: a code block's lines ("pre > code > div.cm-line") stay lines of code,
            // never paragraphs of prose.
            if is_div && !self.in_code(n) {
                self.wrap_phrasing(n);
                if has_single_tag_inside(&self.dom, n, "p")
                    && self.dom.link_density(n) < SINGLE_P_MAX_LINK_DENSITY
                {
                    if let Some(child) = self.dom.first_element_child(n) {
                        // Beyond Readability: the paragraph keeps the wrapper's class and id
                        // (when it has none), so later cleaning still sees "paywall", "ad"...
                        for name in ["class", "id"] {
                            if self.dom.attr(child, name).is_none() {
                                if let Some(v) = self.dom.attr(n, name).map(str::to_string) {
                                    self.dom.set_attr(child, name, &v);
                                }
                            }
                        }
                        self.dom.replace(n, child);
                        cur = child;
                        to_score.push(child);
                    }
                } else if !self.dom.stats(n).has_block {
                    self.dom.set_tag(n, "p");
                    to_score.push(n);
                }
            }
            node = self.dom.next_element_node(cur, false);
        }
        to_score
    }

    /// Ours: a section heading that "header" alone makes unlikely ("header-anchor-post",
    /// "accordion-header") and that is a link target (an `id` on it or inside it, the
    /// permalink blogging platforms give each heading) is one of the article's own headings:
    /// a page's masthead is no link target. Headings without one keep Readability's rule.
    fn is_anchored_heading(&self, n: Id, ms: &str) -> bool {
        if !pat::heading_named_header(ms) {
            return false;
        }
        let mut x = Some(n);
        while let Some(e) = x {
            if self.dom.is_element(e) && !self.dom.id_attr(e).is_empty() {
                return true;
            }
            x = self.dom.next_in(e, n, false);
        }
        false
    }

    fn in_code(&self, n: Id) -> bool {
        has_ancestor_tag(&self.dom, n, "pre", 0) || has_ancestor_tag(&self.dom, n, "code", 0)
    }

    /// Ours: an element holding most of the page's text is the page's layout, whatever its
    /// name says ("article.full-width-template-with-sidebar", "div.with-sidebar-layout"): a
    /// sidebar or a header never holds most of a page. Comment sections can, and still go.
    fn holds_the_page(&mut self, n: Id, ms: &str, page_text: usize) -> bool {
        page_text > 0
            && !pat::names_comments(ms)
            && self.dom.text_len(n) as f64 > page_text as f64 * UNLIKELY_KEEP_PAGE_SHARE
    }

    /// Ours: a "header" holding the page's `<h1>` and a sentence or more of plain prose is the
    /// article's own header (headline and intro, as documentation sites lay it out), not the
    /// site's header, which is logo and links. One that also holds a byline or a date is a
    /// news story's masthead, which Readability drops whole (Mozilla's corpus expects it).
    fn is_article_header(&mut self, n: Id, ms: &str) -> bool {
        if !pat::has(ms, "header") || self.dom.link_density(n) > ARTICLE_HEADER_MAX_LINK_DENSITY {
            return false;
        }
        if self.dom.descendants_with_tags(n, &["h1"]).is_empty() {
            return false;
        }
        let has_prose = self
            .dom
            .descendants_with_tags(n, &["p"])
            .into_iter()
            .any(|p| self.dom.text_len(p) >= SIBLING_INTRO_MIN_TEXT);
        has_prose && !self.holds_byline_or_date(n)
    }

    fn holds_byline_or_date(&self, n: Id) -> bool {
        let mut ms = String::new();
        let mut x = self.dom.next_in(n, n, false);
        while let Some(e) = x {
            if self.dom.is_element(e) {
                fill_match_string(&self.dom, e, &mut ms);
                if self.dom.tag(e) == "time"
                    || pat::byline(&ms)
                    || pat::has(&ms, "date")
                    || self.dom.attr(e, "rel") == Some("author")
                {
                    return true;
                }
            }
            x = self.dom.next_in(e, n, false);
        }
        false
    }

    fn wrap_phrasing(&mut self, n: Id) {
        let mut p: Option<Id> = None;
        let mut child = self.dom.first_child(n);
        while let Some(c) = child {
            let next = self.dom.next_sibling(c);
            if is_phrasing(&self.dom, c) {
                if let Some(pp) = p {
                    self.dom.append(pp, c);
                } else if !is_whitespace(&self.dom, c) {
                    let pp = self.dom.create_element("p");
                    self.dom.replace(c, pp);
                    self.dom.append(pp, c);
                    p = Some(pp);
                }
            } else if let Some(pp) = p.take() {
                self.trim_trailing_whitespace(pp);
            }
            child = next;
        }
    }

    fn trim_trailing_whitespace(&mut self, p: Id) {
        while let Some(l) = self.dom.last_child(p) {
            if is_whitespace(&self.dom, l) {
                self.dom.detach(l);
            } else {
                break;
            }
        }
    }

    /// Uses `container` as the article: Readability's node prepping inside it (hidden, unlikely
    /// and empty nodes go, bylines are read), then the usual `_prepArticle` cleaning.
    pub fn grab_container(mut self, container: Id) -> Option<Grabbed> {
        self.scores.clear();
        let mut ms = String::new();
        let mut node = self.dom.first_child(container);
        while let Some(n) = node {
            if !self.dom.is_element(n) {
                node = self.dom.next_in(n, container, false);
                continue;
            }
            fill_match_string(&self.dom, n, &mut ms);
            let tag = self.dom.tag(n);
            let keeps = tag == "a";
            let subheading = is_subheading(tag);
            let maybe_empty = matches!(
                tag,
                "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            );
            let remove = !is_probably_visible(&self.dom, n)
                || (self.dom.attr(n, "aria-modal") == Some("true")
                    && self.dom.attr(n, "role") == Some("dialog"))
                || self.check_byline(n, &ms)
                || (pat::Hints::of(&ms).unlikely_candidate()
                    && (!subheading || !self.is_anchored_heading(n, &ms))
                    && !keeps
                    && !has_ancestor_tag(&self.dom, n, "table", 3)
                    && !has_ancestor_tag(&self.dom, n, "code", 3))
                || self
                    .dom
                    .attr(n, "role")
                    .is_some_and(|r| pat::UNLIKELY_ROLES.contains(&r))
                || (maybe_empty && is_element_without_content(&mut self.dom, n));
            if remove {
                let next = self.dom.next_in(n, container, true);
                self.dom.detach(n);
                node = next;
            } else {
                node = self.dom.next_in(n, container, false);
            }
        }
        let article = self.dom.create_element("div");
        if !super::keeps_tag_in_article(self.dom.tag(container)) {
            self.dom.set_tag(container, "div");
        }
        self.dom.append(article, container);
        self.prep_article(article);
        let page = self.dom.create_element("div");
        self.dom.set_attr(page, "id", "readability-page-1");
        self.dom.set_attr(page, "class", "page");
        while let Some(c) = self.dom.first_child(article) {
            self.dom.append(page, c);
        }
        self.dom.append(article, page);
        let lang = self.lang.take().or_else(|| {
            let html = self.dom.first_element_child(ROOT)?;
            self.dom.attr(html, "lang").map(str::to_string)
        });
        Some(Grabbed {
            dom: self.dom,
            content: article,
            byline: self.byline,
            dir: None,
            lang,
        })
    }
}
