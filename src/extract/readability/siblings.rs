//! Joining the top candidate's siblings that look like part of the article.

use super::super::dom::Id;
use super::thresholds::{
    SIBLING_FIGURE_MAX_LINK_DENSITY, SIBLING_FIGURE_MAX_TEXT, SIBLING_INTRO_MIN_TEXT,
    SIBLING_MIN_SCORE, SIBLING_P_LONG, SIBLING_P_MAX_LINK_DENSITY, SIBLING_SHARE,
};
use super::{ad_named, Grabber};

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
        let mut seen_top = false;
        for sib in siblings {
            let mut append = sib == top_candidate;
            seen_top |= append;
            // Beyond Readability: an ad next to the article never joins it.
            if !append && !ad_named(&self.dom, sib) {
                let bonus = if !top_class.is_empty() && self.dom.class(sib) == top_class {
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
                } else if self.dom.is(sib, "header") && !seen_top {
                    // Beyond Readability: the headline's box before the body, with its intro or
                    // standfirst (`main > header(h1 + p.intro) + body`).
                    append = self.is_headline_with_intro(sib);
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
        article
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
            .any(|p| {
                let t = self.dom.inner_text(p);
                self.dom.text_len(p) >= SIBLING_INTRO_MIN_TEXT
                    && self.dom.link_density(p) < SIBLING_P_MAX_LINK_DENSITY
                    && t.trim_end().ends_with(['.', '!', '?', '…'])
            })
    }
}
