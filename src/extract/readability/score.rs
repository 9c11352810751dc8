//! Scoring: paragraphs credit their ancestors, candidates are ranked, the top candidate is
//! chosen (and widened to a shared ancestor or a better-scoring parent).

use super::super::dom::{get_ancestors, Id};
use super::grab::lower_match_string;
use super::thresholds::{
    ALT_CANDIDATE_RATIO, ANCESTOR_LEVELS, CLIMB_DIVISOR, MIN_ALT_CANDIDATES, MIN_PARAGRAPH_LEN,
    N_TOP_CANDIDATES, SECTIONS_MAX_LEVELS, SECTIONS_MAX_LINK_DENSITY, SECTIONS_MIN_PARAGRAPHS,
    SECTIONS_MIN_PROSE_SHARE, SECTIONS_MIN_TOP_SHARE,
};
use super::Grabber;

/// Ours: class names of teaser cards, their carousels, and related-post or promo blocks
/// (Readability's negative names are too broad here: page builders name every module a widget).
const CARD_NAMES: [&str; 6] = [
    "teaser",
    "carousel",
    "slider",
    "related",
    "promo",
    "recommend",
];

impl Grabber<'_> {
    /// Scores each paragraph and credits up to five ancestors; returns the scored ancestors.
    pub(super) fn score_paragraphs(&mut self, to_score: &[Id]) -> Vec<Id> {
        // Score paragraphs and credit their ancestors.
        let mut candidates: Vec<Id> = Vec::new();
        for &el in to_score {
            let Some(parent) = self.dom.parent(el) else {
                continue;
            };
            if !self.dom.is_element(parent) {
                continue;
            }
            let st = self.dom.stats(el);
            let len = st.text.len;
            if len < MIN_PARAGRAPH_LEN {
                continue;
            }
            let ancestors = get_ancestors(&self.dom, el, ANCESTOR_LEVELS);
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
        candidates
    }

    /// Scales scores by link density and keeps the best few, best first.
    pub(super) fn rank_candidates(&mut self, candidates: &[Id]) -> Vec<Id> {
        let mut top: Vec<Id> = Vec::new();
        for &c in candidates {
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
        top
    }

    /// The top candidate, and whether it is a new div holding the whole body.
    pub(super) fn pick_top_candidate(&mut self, top: &[Id], body: Id) -> (Id, bool) {
        let mut top_candidate: Id;
        let mut created = false;
        match top.first().copied() {
            Some(t) if !self.dom.is(t, "body") => {
                top_candidate = t;
                let top_score = self.score(t).unwrap_or(0.0);
                let mut alt_ancestors: Vec<Vec<Id>> = Vec::new();
                for &other in top.iter().skip(1) {
                    if self.score(other).unwrap_or(0.0) / top_score >= ALT_CANDIDATE_RATIO {
                        alt_ancestors.push(get_ancestors(&self.dom, other, 0));
                    }
                }
                if alt_ancestors.len() >= MIN_ALT_CANDIDATES {
                    let mut p = self.dom.parent(top_candidate);
                    while let Some(pp) = p {
                        if self.dom.is(pp, "body") || !self.dom.is_element(pp) {
                            break;
                        }
                        let count = alt_ancestors.iter().filter(|a| a.contains(&pp)).count();
                        if count >= MIN_ALT_CANDIDATES {
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
                let threshold = last / CLIMB_DIVISOR;
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
                top_candidate = self.climb_only_children(top_candidate);
                let widened = self.widen_to_sections(top_candidate);
                if widened != top_candidate {
                    top_candidate = self.climb_only_children(widened);
                }
                let ruled = self.widen_to_ruled_sections(top_candidate);
                if ruled != top_candidate {
                    top_candidate = self.climb_only_children(ruled);
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
        (top_candidate, created)
    }

    /// An only child is replaced by its parent, to help sibling joining.
    fn climb_only_children(&self, mut top: Id) -> Id {
        let mut p = self.dom.parent(top);
        while let Some(pp) = p {
            if self.dom.is(pp, "body")
                || !self.dom.is_element(pp)
                || self.dom.element_child_count(pp) != 1
            {
                break;
            }
            top = pp;
            p = self.dom.parent(pp);
        }
        top
    }

    /// Beyond Readability: page builders (Elementor, HubSpot) put each run of an article's
    /// paragraphs in its own deep wrapper chain, so the top candidate holds one section only
    /// and its siblings are empty wrappers. Widens to the highest nearby ancestor whose text
    /// beside the top candidate is prose and headings (more sections of the article), not a
    /// comment list, related links or a sidebar.
    fn widen_to_sections(&mut self, top: Id) -> Id {
        // Siblings of the top candidate are joined (or not) by the siblings phase: only
        // content beyond its parent is looked at here.
        let Some(parent) = self.dom.parent(top) else {
            return top;
        };
        let top_len = self.dom.text_len(top);
        let parent_len = self.dom.text_len(parent);
        let mut best = top;
        let mut p = self.dom.parent(parent);
        for _ in 0..SECTIONS_MAX_LEVELS {
            let Some(a) = p else { break };
            // The page's main landmark holds more than the article (FAQs, teasers, calls to
            // action after it); an `<article>` is the article's edge.
            if !self.dom.is_element(a) || matches!(self.dom.tag(a), "body" | "html" | "main") {
                break;
            }
            p = if self.dom.is(a, "article") {
                None
            } else {
                self.dom.parent(a)
            };
            let beside = self.dom.text_len(a).saturating_sub(parent_len);
            if beside == 0 {
                continue;
            }
            // Link density of what widening would add: a feed of teasers is link-dense even
            // when the article around it keeps the ancestor's density low.
            let beside_links = self.dom.stats(a).link - self.dom.stats(parent).link;
            if beside_links / beside as f64 >= SECTIONS_MAX_LINK_DENSITY {
                break;
            }
            let (mut content, mut paragraphs) = (0, 0);
            for n in self
                .dom
                .descendants_with_tags(a, &["p", "h2", "h3", "h4", "h5", "h6"])
            {
                if self.dom.is_ancestor(parent, n) {
                    continue;
                }
                let heading = self.dom.tag(n) != "p";
                let prose = !heading && self.is_prose(n) && !self.is_teaser(n);
                let counts = prose || (heading && self.dom.link_density(n) == 0.0);
                if counts && !self.in_card_block(n, a) {
                    content += self.dom.text_len(n);
                    paragraphs += usize::from(prose);
                }
            }
            // Nested blocks can count twice; what is beside is the most there is.
            let content = content.min(beside) as f64;
            if paragraphs >= SECTIONS_MIN_PARAGRAPHS
                && content >= beside as f64 * SECTIONS_MIN_PROSE_SHARE
                && content >= top_len as f64 * SECTIONS_MIN_TOP_SHARE
            {
                best = a;
            }
        }
        best
    }

    /// Whether `n` sits, below `stop`, in a block named as related posts, a promo or a card
    /// of a teaser carousel: its prose is not the article's.
    fn in_card_block(&self, n: Id, stop: Id) -> bool {
        let mut x = self.dom.parent(n);
        while let Some(e) = x {
            if e == stop {
                return false;
            }
            let ms = lower_match_string(&self.dom, e);
            if CARD_NAMES.iter().any(|w| ms.contains(w)) {
                return true;
            }
            x = self.dom.parent(e);
        }
        false
    }

    /// A teaser's excerpt, cut short with an ellipsis.
    fn is_teaser(&self, p: Id) -> bool {
        let t = self.dom.inner_text(p);
        let t = t.trim_end();
        t.ends_with("...") || t.ends_with('…')
    }
}
