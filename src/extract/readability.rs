//! Finding and cleaning the article: a port of Mozilla's Readability.js 0.6 `_grabArticle`,
//! `_prepArticle` and post-processing (Apache-2.0, Copyright (c) 2010 Arc90 Inc and Mozilla),
//! rewritten over the arena [`Dom`] with cached subtree statistics so that it runs in linear-ish
//! time and never recurses.

use super::dom::{is_js_space, normalize_ws, Dom, Id, ROOT};
use super::patterns as pat;

pub const CHAR_THRESHOLD: usize = 500;
const N_TOP_CANDIDATES: usize = 5;
const TAGS_TO_SCORE: [&str; 9] = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
const PRESENTATIONAL: [&str; 12] = [
    "align",
    "background",
    "bgcolor",
    "border",
    "cellpadding",
    "cellspacing",
    "frame",
    "hspace",
    "rules",
    "style",
    "valign",
    "vspace",
];

#[derive(Clone, Copy)]
pub struct Flags {
    pub strip_unlikelys: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

impl Flags {
    fn all() -> Flags {
        Flags {
            strip_unlikelys: true,
            weight_classes: true,
            clean_conditionally: true,
        }
    }
}

/// What `grab_article` found.
pub struct Grabbed {
    pub dom: Dom,
    /// The detached `<div>` holding the article (its child is `div#readability-page-1`).
    pub content: Id,
    pub byline: Option<String>,
    pub dir: Option<String>,
    pub lang: Option<String>,
}

pub struct Grabber<'a> {
    pub dom: Dom,
    flags: Flags,
    title: &'a str,
    has_meta_byline: bool,
    byline: Option<String>,
    lang: Option<String>,
    scores: Vec<Option<f64>>,
}

fn lower_match_string(dom: &Dom, n: Id) -> String {
    let mut s = String::new();
    fill_match_string(dom, n, &mut s);
    s
}

/// `className + " " + id`, lowercased, into a reused buffer.
fn fill_match_string(dom: &Dom, n: Id, s: &mut String) {
    s.clear();
    s.push_str(dom.class(n));
    s.push(' ');
    s.push_str(dom.id_attr(n));
    s.make_ascii_lowercase();
}

/// Whether the element's class or id names an ad.
pub fn ad_named(dom: &Dom, n: Id) -> bool {
    let (c, i) = (dom.class(n), dom.id_attr(n));
    (!c.is_empty() && pat::ad_name(&c.to_ascii_lowercase()))
        || (!i.is_empty() && pat::ad_name(&i.to_ascii_lowercase()))
}

/// Readability's `_isProbablyVisible`.
pub fn is_probably_visible(dom: &Dom, n: Id) -> bool {
    shown_by_markup(dom, n, true)
}

/// Whether the element's inline style, `hidden` and `aria-hidden` leave it shown.
/// `visibility:hidden` counts only with `check_visibility`: Readability checks it,
/// Readability-readerable does not.
pub fn shown_by_markup(dom: &Dom, n: Id, check_visibility: bool) -> bool {
    if let Some(style) = dom.attr(n, "style") {
        for decl in style.split(';') {
            if let Some((k, v)) = decl.split_once(':') {
                let (k, v) = (k.trim(), v.trim());
                if (k.eq_ignore_ascii_case("display") && v.eq_ignore_ascii_case("none"))
                    || (check_visibility
                        && k.eq_ignore_ascii_case("visibility")
                        && v.eq_ignore_ascii_case("hidden"))
                {
                    return false;
                }
            }
        }
    }
    if dom.has_attr(n, "hidden") {
        return false;
    }
    match dom.attr(n, "aria-hidden") {
        Some("true") => dom.class(n).contains("fallback-image"),
        _ => true,
    }
}

/// `_textSimilarity`: share of B's tokens (by length) also found in A.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let tok = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let ta = tok(a);
    let tb = tok(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&str> = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(String::as_str)
        .collect();
    let ulen = uniq.join(" ").chars().count() as f64;
    let blen = tb.join(" ").chars().count() as f64;
    1.0 - ulen / blen
}

pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Readability's `_isPhrasingContent`, iterative.
pub fn is_phrasing(dom: &Dom, n: Id) -> bool {
    if dom.text(n).is_some() {
        return true;
    }
    let tag = dom.tag(n);
    if pat::PHRASING.contains(&tag) {
        return true;
    }
    if !matches!(tag, "a" | "del" | "ins") {
        return false;
    }
    let mut stack = vec![n];
    while let Some(x) = stack.pop() {
        for c in dom.children(x) {
            if dom.text(c).is_some() {
                continue;
            }
            let t = dom.tag(c);
            if pat::PHRASING.contains(&t) {
                continue;
            }
            if matches!(t, "a" | "del" | "ins") {
                stack.push(c);
            } else {
                return false;
            }
        }
    }
    true
}

pub fn is_whitespace(dom: &Dom, n: Id) -> bool {
    match dom.text(n) {
        Some(t) => t.chars().all(is_js_space),
        None => dom.is(n, "br"),
    }
}

/// `_nextNode`: skips whitespace-only text nodes.
pub fn next_node(dom: &Dom, mut n: Option<Id>) -> Option<Id> {
    while let Some(x) = n {
        if dom.is_element(x) {
            return Some(x);
        }
        match dom.text(x) {
            Some(t) if t.chars().all(is_js_space) => n = dom.next_sibling(x),
            _ => return Some(x),
        }
    }
    None
}

pub fn has_single_tag_inside(dom: &Dom, n: Id, tag: &str) -> bool {
    let mut el_count = 0;
    let mut ok = false;
    for c in dom.children(n) {
        if let Some(t) = dom.text(c) {
            if t.chars().last().is_some_and(|c| !is_js_space(c)) {
                return false;
            }
        } else if dom.is_element(c) {
            el_count += 1;
            ok = dom.is(c, tag);
        }
    }
    el_count == 1 && ok
}

pub fn is_element_without_content(dom: &mut Dom, n: Id) -> bool {
    if !dom.is_element(n) {
        return false;
    }
    let s = dom.stats(n);
    if s.text.any {
        return false;
    }
    let kids = dom.element_child_count(n) as u32;
    kids == 0 || kids == s.n_br + s.n_hr
}

fn has_ancestor_tag(dom: &Dom, mut n: Id, tag: &str, max_depth: i32) -> bool {
    let mut depth = 0;
    while let Some(p) = dom.parent(n) {
        if max_depth > 0 && depth > max_depth {
            return false;
        }
        if dom.is(p, tag) {
            return true;
        }
        n = p;
        depth += 1;
    }
    false
}

fn get_ancestors(dom: &Dom, mut n: Id, max_depth: usize) -> Vec<Id> {
    let mut out = Vec::new();
    while let Some(p) = dom.parent(n) {
        out.push(p);
        if max_depth > 0 && out.len() == max_depth {
            break;
        }
        n = p;
    }
    out
}

fn remove_and_get_next(dom: &mut Dom, n: Id) -> Option<Id> {
    let next = dom.next_element_node(n, true);
    dom.detach(n);
    next
}

impl<'a> Grabber<'a> {
    pub fn new(dom: Dom, title: &'a str, has_meta_byline: bool) -> Self {
        Grabber {
            dom,
            flags: Flags::all(),
            title,
            has_meta_byline,
            byline: None,
            lang: None,
            scores: Vec::new(),
        }
    }

    fn score(&self, n: Id) -> Option<f64> {
        self.scores.get(n).copied().flatten()
    }

    fn set_score(&mut self, n: Id, v: f64) {
        if self.scores.len() <= n {
            self.scores.resize(n + 1, None);
        }
        self.scores[n] = Some(v);
    }

    fn class_weight(&self, n: Id) -> f64 {
        if !self.flags.weight_classes {
            return 0.0;
        }
        let mut w = 0.0;
        for v in [self.dom.class(n), self.dom.id_attr(n)] {
            if v.is_empty() {
                continue;
            }
            let h = pat::Hints::of(&v.to_ascii_lowercase());
            if h.negative() {
                w -= 25.0;
            }
            if h.positive() {
                w += 25.0;
            }
        }
        w
    }

    fn initialize(&mut self, n: Id) {
        let base = match self.dom.tag(n) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        let w = self.class_weight(n);
        self.set_score(n, base + w);
    }

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
            if len > 0 && len < 100 {
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
                    None => t.to_string(),
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
        text_similarity(self.title, heading.trim_matches(is_js_space)) > 0.75
    }

    /// Runs the grab loop, relaxing flags until enough text is found.
    pub fn grab(mut self, rebuild: &dyn Fn() -> Dom) -> Option<Grabbed> {
        let mut attempts: Vec<(Grabbed, usize)> = Vec::new();
        loop {
            self.scores.clear();
            self.byline = None;
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
        let mut to_score: Vec<Id> = Vec::new();
        let mut node = self.dom.first_element_child(ROOT);
        let mut remove_title_header = true;
        let mut ms = String::new();
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
            if is_html {
                self.lang = self.dom.attr(n, "lang").map(str::to_string);
            }
            fill_match_string(&self.dom, n, &mut ms);
            if !is_probably_visible(&self.dom, n) {
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if self.dom.attr(n, "aria-modal") == Some("true")
                && self.dom.attr(n, "role") == Some("dialog")
            {
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if self.check_byline(n, &ms) {
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if remove_title_header && self.header_duplicates_title(n) {
                remove_title_header = false;
                node = remove_and_get_next(&mut self.dom, n);
                continue;
            }
            if self.flags.strip_unlikelys {
                if pat::Hints::of(&ms).unlikely_candidate()
                    && !has_ancestor_tag(&self.dom, n, "table", 3)
                    && !has_ancestor_tag(&self.dom, n, "code", 3)
                    && !keeps_unlikely
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
            if is_div {
                self.wrap_phrasing(n);
                if has_single_tag_inside(&self.dom, n, "p") && self.dom.link_density(n) < 0.25 {
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

        // Score paragraphs and credit their ancestors.
        let mut candidates: Vec<Id> = Vec::new();
        for &el in &to_score {
            let Some(parent) = self.dom.parent(el) else {
                continue;
            };
            if !self.dom.is_element(parent) {
                continue;
            }
            let st = self.dom.stats(el);
            let len = st.text.len;
            if len < 25 {
                continue;
            }
            let ancestors = get_ancestors(&self.dom, el, 5);
            if ancestors.is_empty() {
                continue;
            }
            let score = 1.0 + (st.commas_all as f64 + 1.0) + ((len / 100) as f64).min(3.0);
            for (level, &anc) in ancestors.iter().enumerate() {
                let ok = self.dom.is_element(anc)
                    && self.dom.parent(anc).is_some_and(|p| self.dom.is_element(p));
                if !ok {
                    continue;
                }
                if self.score(anc).is_none() {
                    self.initialize(anc);
                    candidates.push(anc);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                let cur = self.score(anc).unwrap_or(0.0);
                self.set_score(anc, cur + score / divider);
            }
        }

        let mut top: Vec<Id> = Vec::new();
        for &c in &candidates {
            let s = self.score(c).unwrap_or(0.0) * (1.0 - self.dom.link_density(c));
            self.set_score(c, s);
            for t in 0..N_TOP_CANDIDATES {
                let better = match top.get(t) {
                    None => true,
                    Some(&x) => s > self.score(x).unwrap_or(0.0),
                };
                if better {
                    top.insert(t, c);
                    top.truncate(N_TOP_CANDIDATES);
                    break;
                }
            }
        }

        let mut top_candidate: Id;
        let mut created = false;
        match top.first().copied() {
            Some(t) if !self.dom.is(t, "body") => {
                top_candidate = t;
                let top_score = self.score(t).unwrap_or(0.0);
                let mut alt_ancestors: Vec<Vec<Id>> = Vec::new();
                for &other in top.iter().skip(1) {
                    if self.score(other).unwrap_or(0.0) / top_score >= 0.75 {
                        alt_ancestors.push(get_ancestors(&self.dom, other, 0));
                    }
                }
                const MIN_TOP: usize = 3;
                if alt_ancestors.len() >= MIN_TOP {
                    let mut p = self.dom.parent(top_candidate);
                    while let Some(pp) = p {
                        if self.dom.is(pp, "body") || !self.dom.is_element(pp) {
                            break;
                        }
                        let count = alt_ancestors.iter().filter(|a| a.contains(&pp)).count();
                        if count >= MIN_TOP {
                            top_candidate = pp;
                            break;
                        }
                        p = self.dom.parent(pp);
                    }
                }
                if self.score(top_candidate).is_none() {
                    self.initialize(top_candidate);
                }
                // Climb while parents score higher: content may be split across siblings.
                let mut p = self.dom.parent(top_candidate);
                let mut last = self.score(top_candidate).unwrap_or(0.0);
                let threshold = last / 3.0;
                while let Some(pp) = p {
                    if self.dom.is(pp, "body") || !self.dom.is_element(pp) {
                        break;
                    }
                    let Some(ps) = self.score(pp) else {
                        p = self.dom.parent(pp);
                        continue;
                    };
                    if ps < threshold {
                        break;
                    }
                    if ps > last {
                        top_candidate = pp;
                        break;
                    }
                    last = ps;
                    p = self.dom.parent(pp);
                }
                // An only child is replaced by its parent, to help sibling joining.
                let mut p = self.dom.parent(top_candidate);
                while let Some(pp) = p {
                    if self.dom.is(pp, "body")
                        || !self.dom.is_element(pp)
                        || self.dom.element_child_count(pp) != 1
                    {
                        break;
                    }
                    top_candidate = pp;
                    p = self.dom.parent(pp);
                }
                if self.score(top_candidate).is_none() {
                    self.initialize(top_candidate);
                }
            }
            _ => {
                let div = self.dom.create_element("div");
                while let Some(c) = self.dom.first_child(body) {
                    self.dom.append(div, c);
                }
                self.dom.append(body, div);
                self.initialize(div);
                top_candidate = div;
                created = true;
            }
        }

        // Join siblings that look like part of the article.
        let article = self.dom.create_element("div");
        let top_score = self.score(top_candidate).unwrap_or(0.0);
        let sibling_threshold = f64::max(10.0, top_score * 0.2);
        let parent_of_top = self.dom.parent(top_candidate);
        let siblings = parent_of_top
            .map(|p| self.dom.element_children(p))
            .unwrap_or_else(|| vec![top_candidate]);
        let top_class = self.dom.class(top_candidate).to_string();
        for sib in siblings {
            let mut append = sib == top_candidate;
            // Beyond Readability: an ad next to the article never joins it.
            if !append && !ad_named(&self.dom, sib) {
                let bonus = if !top_class.is_empty() && self.dom.class(sib) == top_class {
                    top_score * 0.2
                } else {
                    0.0
                };
                if self
                    .score(sib)
                    .is_some_and(|s| s + bonus >= sibling_threshold)
                {
                    append = true;
                } else if self.dom.is(sib, "figure") {
                    // Beyond Readability: a lead figure next to the body is part of the story.
                    let st = self.dom.stats(sib);
                    append = (st.n_img > 0 || st.n_picture > 0)
                        && st.text.len < 400
                        && self.dom.link_density(sib) < 0.5;
                } else if self.dom.is(sib, "p") {
                    let ld = self.dom.link_density(sib);
                    let len = self.dom.text_len(sib);
                    if len > 80 && ld < 0.25 {
                        append = true;
                    } else if len < 80 && len > 0 && ld == 0.0 {
                        let content = self.dom.inner_text(sib);
                        if content.contains(". ") || content.ends_with('.') {
                            append = true;
                        }
                    }
                }
            }
            if append {
                if !matches!(self.dom.tag(sib), "div" | "article" | "section" | "p") {
                    self.dom.set_tag(sib, "div");
                }
                self.dom.append(article, sib);
            }
        }

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
            let maybe_empty = matches!(
                tag,
                "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            );
            let remove = !is_probably_visible(&self.dom, n)
                || (self.dom.attr(n, "aria-modal") == Some("true")
                    && self.dom.attr(n, "role") == Some("dialog"))
                || self.check_byline(n, &ms)
                || (pat::Hints::of(&ms).unlikely_candidate()
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
        if !matches!(self.dom.tag(container), "div" | "article" | "section" | "p") {
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

    // ---- _prepArticle ----------------------------------------------------------------------

    fn prep_article(&mut self, article: Id) {
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
            if self.class_weight(h) < 0.0 {
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

    fn should_clean(&mut self, n: Id, tag: &str, in_data_table: &[bool]) -> bool {
        let st = self.dom.stats(n);
        let text_len = st.text.len;
        let mut is_list = matches!(tag, "ul" | "ol");
        if !is_list && text_len > 0 {
            is_list = st.list_text as f64 / text_len as f64 > 0.9;
        }
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
        let weight = self.class_weight(n);
        if weight < 0.0 {
            return true;
        }
        if st.commas >= 10 {
            return false;
        }
        let p = st.n_p as f64;
        let img = st.n_img as f64;
        let li = st.n_li as f64 - 100.0;
        let input = st.n_input as f64;
        let heading_density = if text_len == 0 {
            0.0
        } else {
            st.heading_text as f64 / text_len as f64
        };
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
                if is_video {
                    return false;
                }
                embed_count += 1;
            }
        }
        if text_len <= 40 && pat::ad_or_loading(&self.dom.inner_text(n)) {
            return true;
        }
        let link_density = self.dom.link_density(n);
        let text_density = if text_len == 0 {
            0.0
        } else {
            st.textish_text as f64 / text_len as f64
        };
        let is_figure_child = has_ancestor_tag(&self.dom, n, "figure", 3);
        let content_len = text_len;
        let remove = (!is_figure_child && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list
                && !is_figure_child
                && heading_density < 0.9
                && content_len < 25
                && (img == 0.0 || img > 2.0)
                && link_density > 0.0)
            || (!is_list && weight < 25.0 && link_density > 0.2)
            || (weight >= 25.0 && link_density > 0.5)
            || ((embed_count == 1 && content_len < 75) || embed_count > 1)
            || (img == 0.0 && text_density == 0.0);
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
    if rows >= 10 || cols > 4 {
        return true;
    }
    rows * cols > 10
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
                if src.len().saturating_sub(start) < 133 {
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
        let attrs: Vec<(super::dom::LocalName, super::dom::StrTendril)> =
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

/// `_getArticleTitle`'s heading test and the `<title>`-based title.
pub fn article_title(dom: &mut Dom) -> String {
    let title_el = dom.descendants_with_tags(ROOT, &["title"]).first().copied();
    let orig = title_el
        .map(|t| dom.text_content(t))
        .unwrap_or_default()
        .trim_matches(is_js_space)
        .to_string();
    let mut cur = orig.clone();
    let word_count = |s: &str| -> usize {
        // JS `str.split(/\s+/).length`.
        let mut n = 1;
        let mut in_ws = false;
        for c in s.chars() {
            if is_js_space(c) {
                if !in_ws {
                    n += 1;
                    in_ws = true;
                }
            } else {
                in_ws = false;
            }
        }
        n
    };
    const SEPS: [char; 8] = ['|', '-', '–', '—', '\\', '/', '>', '»'];
    let has_sep_spaced = |s: &str, seps: &[char]| -> bool {
        let cs: Vec<char> = s.chars().collect();
        cs.windows(3)
            .any(|w| w[0] == ' ' && seps.contains(&w[1]) && w[2] == ' ')
    };
    let mut hier = false;
    if has_sep_spaced(&cur, &SEPS) {
        hier = has_sep_spaced(&cur, &['\\', '/', '>', '»']);
        // (.*)[sep] .*  -> text before the last separator followed by a space.
        let cs: Vec<char> = orig.chars().collect();
        let mut cut = None;
        for i in (0..cs.len().saturating_sub(1)).rev() {
            if SEPS.contains(&cs[i]) && cs[i + 1] == ' ' {
                cut = Some(i);
                break;
            }
        }
        if let Some(i) = cut {
            cur = cs[..i].iter().collect();
        }
        if word_count(&cur) < 3 {
            if let Some(i) = cs.iter().position(|c| SEPS.contains(c)) {
                cur = cs[i + 1..].iter().collect();
            }
        }
    } else if cur.contains(": ") {
        let trimmed = cur.trim_matches(is_js_space).to_string();
        let headings = dom.descendants_with_tags(ROOT, &["h1", "h2"]);
        let matched = headings
            .iter()
            .any(|&h| dom.text_content(h).trim_matches(is_js_space) == trimmed);
        if !matched {
            if let Some(i) = orig.rfind(':') {
                cur = orig[i + 1..].to_string();
            }
            if word_count(&cur) < 3 {
                if let Some(i) = orig.find(':') {
                    cur = orig[i + 1..].to_string();
                }
            } else if let Some(i) = orig.find(':') {
                if word_count(&orig[..i]) > 5 {
                    cur = orig.clone();
                }
            }
        }
    } else {
        let len = utf16_len(&cur);
        if !(15..=150).contains(&len) {
            let h1s = dom.descendants_with_tags(ROOT, &["h1"]);
            if h1s.len() == 1 {
                cur = dom.inner_text(h1s[0]);
            }
        }
    }
    cur = normalize_ws(&cur);
    let wc = word_count(&cur);
    let stripped: String = orig.chars().filter(|c| !SEPS.contains(c)).collect();
    if wc <= 4 && (!hier || wc + 1 != word_count(&stripped)) {
        cur = orig;
    }
    cur
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
            if has_single_tag_inside(dom, n, "div") || has_single_tag_inside(dom, n, "section") {
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
    fn similarity() {
        assert!((text_similarity("Hello world", "hello world") - 1.0).abs() < 1e-9);
        assert_eq!(text_similarity("", "x"), 0.0);
        assert!(text_similarity("a b c", "x y z") < 0.01);
    }

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
