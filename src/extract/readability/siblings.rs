//! Joining the top candidate's siblings that look like part of the article.

use super::super::dom::Id;
use super::thresholds::{
    SIBLING_FIGURE_MAX_LINK_DENSITY, SIBLING_FIGURE_MAX_TEXT, SIBLING_INTRO_MIN_TEXT,
    SIBLING_MIN_SCORE, SIBLING_P_LONG, SIBLING_P_MAX_LINK_DENSITY, SIBLING_SHARE,
};
use super::{ad_named, Grabber};

/// Ours: a titled box before the body (see `is_lead_box`) holds at most this much text.
const LEAD_BOX_MAX_TEXT: usize = 4000;
/// A "Key points" box may cite a source or two.
const KEY_POINTS_MAX_LINK_DENSITY: f64 = 0.25;

/// Ours: the headline's subtitle (see `is_subtitle`) is a line of at most this much text...
const SUBTITLE_MAX_TEXT: usize = 200;
/// ...and at least this many words.
const SUBTITLE_MIN_WORDS: usize = 4;

/// Ours: a list in a header box this link-dense is navigation (prev/next buttons).
const SIBLING_HEADER_LIST_LINK_DENSITY: f64 = 0.5;

/// Whether two class attributes name the same kind of box: equal, or (ours) of the same first
/// name and mostly the same others once the numbered ones are set aside. Page builders split one
/// article into sibling sections classed alike but for a numbered or hashed name each and a
/// layout option or two ("wp-block-columns valign-center block-95c2cbeb", "et_pb_section
/// et_pb_section_3"), which Readability's plain comparison tells apart.
fn same_kind(top: &str, sib: &str) -> bool {
    if top.is_empty() {
        return false;
    }
    if top == sib {
        return true;
    }
    let (a, b) = (unnumbered_names(top), unnumbered_names(sib));
    if a.is_empty() || a.first() != b.first() {
        return false;
    }
    let shared = a.iter().filter(|t| b.contains(t)).count();
    let all = a.len() + b.len() - shared;
    shared * SAME_KIND_SHARE_DEN >= all * SAME_KIND_SHARE_NUM
}

fn unnumbered_names(class: &str) -> Vec<&str> {
    class
        .split_ascii_whitespace()
        .filter(|t| !t.bytes().any(|b| b.is_ascii_digit()))
        .collect()
}

/// Share of class names two boxes of the same kind have in common (see `same_kind`).
const SAME_KIND_SHARE_NUM: usize = 1;
const SAME_KIND_SHARE_DEN: usize = 2;

impl Grabber<'_> {
    /// A new div holding the top candidate and the siblings that join it.
    pub(super) fn join_siblings(&mut self, top_candidate: Id, parent_of_top: Option<Id>) -> Id {
        // Join siblings that look like part of the article.
        let article = self.dom.create_element("div");
        let top_score = self.score(top_candidate).unwrap_or(0.0);
        let sibling_threshold = f64::max(SIBLING_MIN_SCORE, top_score * SIBLING_SHARE);
        let siblings = parent_of_top
            .map(|p| self.dom.element_children(p))
            .unwrap_or_else(|| vec![top_candidate]);
        let top_class = self.dom.class(top_candidate).to_string();
        // Looked for before the siblings move into the article.
        let points = self.key_points_before(top_candidate);
        let mut seen_top = false;
        for sib in siblings {
            let mut append = sib == top_candidate;
            seen_top |= append;
            // Beyond Readability: an ad next to the article never joins it.
            if !append && !ad_named(&self.dom, sib) {
                let bonus = if same_kind(&top_class, self.dom.class(sib)) {
                    top_score * SIBLING_SHARE
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
                        && st.text.len < SIBLING_FIGURE_MAX_TEXT
                        && self.dom.link_density(sib) < SIBLING_FIGURE_MAX_LINK_DENSITY;
                } else if !seen_top && self.is_header_box(sib) {
                    // Beyond Readability: the headline's box before the body, with its intro or
                    // standfirst (`main > header(h1 + p.intro) + body`).
                    append = self.is_headline_with_intro(sib);
                } else if !seen_top && self.is_lead_box(sib, 0.0) {
                    // Beyond Readability: a titled box of plain text before the body: a
                    // reference page's name line and synopsis (`h2 Synopsis + pre`), an
                    // article's "Key points" list.
                    append = true;
                } else if !seen_top && self.is_subtitle(sib) {
                    // Beyond Readability: the headline's one-line summary (DocBook's
                    // `refnamediv`: "SELECT, TABLE, WITH — retrieve rows from a table").
                    append = true;
                } else if self.dom.is(sib, "p") {
                    let ld = self.dom.link_density(sib);
                    let len = self.dom.text_len(sib);
                    if len > SIBLING_P_LONG && ld < SIBLING_P_MAX_LINK_DENSITY {
                        append = true;
                    } else if len < SIBLING_P_LONG && len > 0 && ld == 0.0 {
                        let content = self.dom.inner_text(sib);
                        if content.contains(". ") || content.ends_with('.') {
                            append = true;
                        }
                    }
                }
            }
            if append {
                if !super::keeps_tag_in_article(self.dom.tag(sib)) {
                    self.dom.set_tag(sib, "div");
                }
                self.dom.append(article, sib);
            }
        }
        // Beyond Readability: a "Key points" box set beside the byline, before the body or
        // outside its parent (`div.hero(h1, byline, div(h2 Key Points + ul))`, then the body),
        // unless it joined with its box.
        if let Some(points) = points.filter(|&b| !self.dom.is_ancestor(article, b)) {
            self.dom.set_tag(points, "div");
            // A point that is only a link is a pitch ("These 10 Stocks Could ... ›").
            for li in self.dom.descendants_with_tags(points, &["li"]) {
                if self.dom.text_len(li) > 0 && self.dom.link_density(li) >= 1.0 {
                    self.dom.detach(li);
                }
            }
            match self.dom.first_child(article) {
                Some(f) => self.dom.insert_before(f, points),
                None => self.dom.append(article, points),
            }
        }
        article
    }

    /// A lead box titled as the story's summary ("Key points", "Key takeaways", "At a glance")
    /// among the few elements before the top candidate or its nearest ancestors.
    fn key_points_before(&mut self, top: Id) -> Option<Id> {
        const LEVELS: usize = 5;
        const SIBLINGS: usize = 4;
        let body = self.dom.body()?;
        let mut level = Some(top);
        for _ in 0..LEVELS {
            let at = level.filter(|&a| a != body)?;
            let mut sib = self.dom.prev_element_sibling(at);
            for _ in 0..SIBLINGS {
                let Some(s) = sib else { break };
                // One walk over the sibling for its headings; the box is a titled heading's
                // parent or grandparent within it.
                for h in self
                    .dom
                    .descendants_with_tags(s, &["h2", "h3", "h4", "h5", "h6"])
                {
                    if !self.is_key_points_title(h) {
                        continue;
                    }
                    let mut b = self.dom.parent(h);
                    for _ in 0..2 {
                        let Some(x) = b.filter(|&x| x == s || self.dom.is_ancestor(s, x)) else {
                            break;
                        };
                        if self.is_lead_box(x, KEY_POINTS_MAX_LINK_DENSITY) {
                            return Some(x);
                        }
                        b = self.dom.parent(x).filter(|_| x != s);
                    }
                }
                sib = self.dom.prev_element_sibling(s);
            }
            level = self.dom.parent(at);
        }
        None
    }

    /// Whether a heading names a summary of the story.
    fn is_key_points_title(&self, h: Id) -> bool {
        let title = self.dom.inner_text(h).trim().to_lowercase();
        let title = title.trim_end_matches(':');
        title.starts_with("key ")
            || matches!(
                title,
                "takeaways" | "highlights" | "at a glance" | "in brief" | "tl;dr" | "in short"
            )
    }

    /// The headline's box: a `<header>`, or (documentation layouts) a `div`/`section` named as a
    /// header or holding the `<h1>` (`main > div.layout__header(h1 + intro) + aside + body`)
    /// whose text besides headings is all prose paragraphs: a box with a dateline, share bar or
    /// call to action is page furniture.
    fn is_header_box(&mut self, sib: Id) -> bool {
        match self.dom.tag(sib) {
            "header" => true,
            "div" | "section" => {
                let named = [self.dom.class(sib), self.dom.id_attr(sib)]
                    .iter()
                    .any(|v| v.to_ascii_lowercase().contains("header"));
                let has_h1 = !self.dom.descendants_with_tags(sib, &["h1"]).is_empty();
                if !named && !has_h1 {
                    return false;
                }
                // Headings, tables (a lesson's prerequisites) and link lists (prev/next
                // buttons, which cleaning removes later) are set aside; the rest must be prose.
                let mut set_aside: Vec<Id> = Vec::new();
                for n in self.dom.descendants_with_tags(
                    sib,
                    &["h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"],
                ) {
                    if set_aside.iter().any(|&a| self.dom.is_ancestor(a, n)) {
                        continue;
                    }
                    let list = matches!(self.dom.tag(n), "ul" | "ol");
                    if !list || self.dom.link_density(n) > SIBLING_HEADER_LIST_LINK_DENSITY {
                        set_aside.push(n);
                    }
                }
                let aside_len: usize = set_aside.iter().map(|&n| self.dom.text_len(n)).sum();
                let rest = self.dom.text_len(sib).saturating_sub(aside_len);
                let mut prose = 0;
                for p in self.dom.descendants_with_tags(sib, &["p"]) {
                    if self.is_prose(p) {
                        prose += self.dom.text_len(p);
                    }
                }
                rest > 0 && prose * 10 >= rest * 9
            }
            _ => false,
        }
    }

    /// A box before the body that opens with a heading and holds plain text after it: links
    /// up to `max_link_density` of its text (none for an untitled kind of box), no pictures,
    /// embeds or controls (a newsletter box has its form, a teaser box its links), short, with
    /// a sentence's worth of text besides its headings.
    fn is_lead_box(&mut self, sib: Id, max_link_density: f64) -> bool {
        if !matches!(self.dom.tag(sib), "div" | "section") {
            return false;
        }
        let st = self.dom.stats(sib);
        let len = st.text.len;
        if len > LEAD_BOX_MAX_TEXT
            || self.dom.link_density(sib) > max_link_density
            || st.n_img + st.n_picture + st.n_embed + st.n_input > 0
            || len.saturating_sub(st.heading_text) < SIBLING_INTRO_MIN_TEXT
        {
            return false;
        }
        if !self
            .dom
            .descendants_with_tags(sib, &["form", "button", "nav", "video", "audio"])
            .is_empty()
        {
            return false;
        }
        // The first text in the box is a heading's.
        let mut x = self.dom.next_in(sib, sib, false);
        while let Some(n) = x {
            if matches!(self.dom.tag(n), "h2" | "h3" | "h4" | "h5" | "h6") {
                return true;
            }
            if self.dom.text(n).is_some_and(|t| !t.trim().is_empty()) {
                return false;
            }
            x = self.dom.next_in(n, sib, false);
        }
        false
    }

    /// The line right under the headline Readability removed as the title's duplicate (alone
    /// in `sib` now the headline is gone, or `sib` itself), when it is a short plain-text
    /// paragraph of a few words: a subtitle or summary, not a link bar, a dateline or a
    /// picture's caption.
    fn is_subtitle(&mut self, sib: Id) -> bool {
        let Some(line) = self.under_headline else {
            return false;
        };
        let alone_in_sib = self.dom.parent(line) == Some(sib)
            && self.dom.element_child_count(sib) == 1
            && self.dom.text_len(sib) == self.dom.text_len(line);
        if !(line == sib || alone_in_sib) || !self.dom.is(line, "p") {
            return false;
        }
        let st = self.dom.stats(line);
        let text = self.dom.inner_text(line);
        st.text.len <= SUBTITLE_MAX_TEXT
            && st.link == 0.0
            && st.n_img + st.n_picture + st.n_embed + st.n_input == 0
            && text.split_whitespace().count() >= SUBTITLE_MIN_WORDS
            && super::super::dates::parse_text(&text).is_none()
    }

    /// A paragraph of running text: long enough, few links, ending a sentence.
    pub(super) fn is_prose(&mut self, p: Id) -> bool {
        let t = self.dom.inner_text(p);
        self.dom.text_len(p) >= SIBLING_INTRO_MIN_TEXT
            && self.dom.link_density(p) < SIBLING_P_MAX_LINK_DENSITY
            && t.trim_end().ends_with(['.', '!', '?', '…'])
    }

    /// A header with at least one prose paragraph (its headline may be gone already, as a
    /// duplicate of the title), and no navigation.
    fn is_headline_with_intro(&mut self, header: Id) -> bool {
        if !self
            .dom
            .descendants_with_tags(header, &["nav", "form"])
            .is_empty()
        {
            return false;
        }
        self.dom
            .descendants_with_tags(header, &["p"])
            .into_iter()
            .any(|p| self.is_prose(p))
    }
}

#[cfg(test)]
mod tests {
    use super::same_kind;

    #[test]
    fn page_builder_sections_are_one_kind() {
        assert!(same_kind("box", "box"));
        assert!(same_kind(
            "wp-block-columns valign- gap-10 block-95c2cbeb wrap",
            "wp-block-columns valign-center gap-10 block-906ed92c wrap"
        ));
        assert!(same_kind(
            "et_pb_section et_pb_section_0",
            "et_pb_section et_pb_section_3"
        ));
        assert!(!same_kind("", ""));
        assert!(!same_kind("wp-block-columns wrap", "newsletter wrap"));
        assert!(!same_kind(
            "section-body main wide",
            "section-body signup promo cta"
        ));
    }
}
