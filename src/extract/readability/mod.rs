//! Finding and cleaning the article: a port of Mozilla's Readability.js 0.6 `_grabArticle`,
//! `_prepArticle` and post-processing (Apache-2.0, Copyright (c) 2010 Arc90 Inc and Mozilla),
//! rewritten over the arena [`Dom`] with cached subtree statistics so that it runs in linear-ish
//! time and never recurses.
//!
//! One file per phase: [`grab`] prepares nodes and runs the attempts, [`score`] scores
//! paragraphs and picks the top candidate, [`ruled`] widens it to rule-divided sections, [`siblings`] joins its siblings, [`clean`] is
//! `_prepArticle` and post-processing, [`title`] reads the page's title.

mod clean;
mod grab;
mod ruled;
mod score;
mod siblings;
pub mod thresholds;
mod title;

pub use clean::{clean_classes, simplify_nested};
pub use title::{article_title, text_similarity};

use super::dom::{Dom, Id};
use super::patterns as pat;

pub use thresholds::CHAR_THRESHOLD;
use thresholds::CLASS_WEIGHT;
/// Elements that join the article under their own tag; others become `<div>` (Readability's
/// `ALTER_TO_DIV_EXCEPTIONS`, lists included, so an ordered list keeps its numbers).
fn keeps_tag_in_article(tag: &str) -> bool {
    matches!(tag, "div" | "article" | "section" | "p" | "ol" | "ul")
}

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
    /// Set while cleaning an article most of whose text sits in negatively named blocks
    /// (see `clean::negatives_hold_the_article`): their names do not remove them then.
    spare_negative_names: bool,
    /// The element right after the `<h1>`/`<h2>` removed as the title's duplicate: where the
    /// headline has a subtitle (a reference page's one-line summary), it is this.
    under_headline: Option<Id>,
}

/// Whether the element's class or id names an ad.
pub fn ad_named(dom: &Dom, n: Id) -> bool {
    let (c, i) = (dom.class(n), dom.id_attr(n));
    (!c.is_empty() && pat::ad_name(&c.to_ascii_lowercase()))
        || (!i.is_empty() && pat::ad_name(&i.to_ascii_lowercase()))
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
            spare_negative_names: false,
            under_headline: None,
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
                w -= CLASS_WEIGHT;
            }
            if h.positive() {
                w += CLASS_WEIGHT;
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
}
