//! Beyond Readability: a page of titled sections divided by horizontal rules (`div(h4 Course
//! details ...) hr div(h4 Announcements ...) hr div(h4 Lectures table)`). The top candidate is
//! the longest section (or a table inside it) and its siblings are lists and short lines that
//! score too low to join; the rules say the sections are one document's parts.

use super::super::dom::Id;
use super::thresholds::{RULED_MAX_LEVELS, RULED_MAX_LINK_DENSITY, RULED_MIN_RULES};
use super::Grabber;
use crate::html::HEADINGS;

/// A heading this share links or more names another page (a listing's teaser title).
const TITLE_MAX_LINK_DENSITY: f64 = 0.5;

impl Grabber<'_> {
    /// The block holding the top candidate's section and the ruled sections beside it, or
    /// `top` when there is none within [`RULED_MAX_LEVELS`].
    pub(super) fn widen_to_ruled_sections(&mut self, top: Id) -> Id {
        let mut child = top;
        for _ in 0..RULED_MAX_LEVELS {
            let Some(block) = self.dom.parent(child) else {
                break;
            };
            if !self.dom.is_element(block) || matches!(self.dom.tag(block), "body" | "html") {
                break;
            }
            if self.holds_ruled_sections(block, child) {
                return block;
            }
            child = block;
        }
        top
    }

    /// Whether `block`'s children are sections divided by `<hr>`s, `section` among them: every
    /// child next to a rule opens with a heading of one level, none of them a link (a list of
    /// posts divided by rules titles each with a link to it).
    fn holds_ruled_sections(&mut self, block: Id, section: Id) -> bool {
        let kids = self.dom.element_children(block);
        let is_rule = |i: usize| kids.get(i).is_some_and(|&k| self.dom.is(k, "hr"));
        let by_rule: Vec<Id> = (0..kids.len())
            .filter(|&i| !is_rule(i) && ((i > 0 && is_rule(i - 1)) || is_rule(i + 1)))
            .map(|i| kids[i])
            .collect();
        let rules = (0..kids.len()).filter(|&i| is_rule(i)).count();
        if rules < RULED_MIN_RULES || !by_rule.contains(&section) {
            return false;
        }
        let Some(level) = self.section_title(section) else {
            return false;
        };
        if by_rule
            .iter()
            .any(|&s| self.section_title(s) != Some(level))
        {
            return false;
        }
        let beside = self
            .dom
            .text_len(block)
            .saturating_sub(self.dom.text_len(section));
        let beside_links = self.dom.stats(block).link - self.dom.stats(section).link;
        beside > 0 && beside_links / (beside as f64) < RULED_MAX_LINK_DENSITY
    }

    /// The level (`h2`..`h6`) of the heading a section opens with (the first text in it), if
    /// that heading is not a link.
    fn section_title(&mut self, section: Id) -> Option<&'static str> {
        let mut x = self.dom.next_in(section, section, false);
        while let Some(n) = x {
            if let Some(&h) = HEADINGS[1..].iter().find(|&&h| self.dom.is(n, h)) {
                let linked = self.dom.link_density(n) >= TITLE_MAX_LINK_DENSITY;
                return (!linked && self.dom.has_text(n)).then_some(h);
            }
            if self.dom.text(n).is_some_and(|t| !t.trim().is_empty()) {
                return None;
            }
            x = self.dom.next_in(n, section, false);
        }
        None
    }
}
