//! Cookie-consent dialogs (consent-management panels: the banner and its "preferences" pane
//! listing purposes and partners), dropped before the article is chosen.
//!
//! Such a panel is in the page even when it is hidden, and its many long paragraphs can
//! outscore a page's real content when that is short (a forum thread of one-line posts): the
//! reader then shows the cookie purposes. `boiler` removes small banners inside the article;
//! this removes whole panels before scoring. A panel is recognised by a consent name on the
//! element and by what its text is about, never by site.

use super::dom::{Dom, Id, ROOT};

/// Class/id fragments of consent panels (generic names and the common platforms').
const NAMES: [&str; 7] = [
    "consent",
    "cookie",
    "gdpr",
    "onetrust",
    "didomi",
    "usercentrics",
    "qc-cmp",
];

/// Words a consent panel's text uses besides "cookies".
const TOPIC_WORDS: [&str; 5] = ["consent", "privacy", "partners", "preferences", "accept"];

/// Ours: the text read to judge what a panel is about (its opening is enough).
const TOPIC_PREFIX: usize = 2000;

fn named_consent(dom: &Dom, n: Id, s: &mut String) -> bool {
    if !dom.names_lower(n, s) {
        return false;
    }
    super::patterns::any_in(s, &NAMES)
}

/// The opening of an element's text, about `max` bytes.
fn text_prefix(dom: &Dom, n: Id, max: usize) -> String {
    let mut out = String::new();
    let mut cur = dom.first_child(n);
    while let Some(x) = cur {
        if out.len() >= max {
            break;
        }
        if let Some(t) = dom.text(x) {
            out.push_str(t);
        }
        cur = dom.next_in(x, n, false);
    }
    out
}

/// Whether the text is about cookies and consent (a recipe for cookies is not).
fn about_consent(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains("cookies") && TOPIC_WORDS.iter().any(|w| t.contains(w))
}

/// Removes consent panels from the page. Content landmarks (`main`, `article`, a headline)
/// are never inside a panel, so an element holding one is not a panel whatever its name.
pub fn drop_consent_panels(dom: &mut Dom) {
    let mut s = String::new();
    let mut panels = Vec::new();
    let mut cur = dom.next_in(ROOT, ROOT, false);
    while let Some(n) = cur {
        let skip = dom.is_element(n)
            && !matches!(dom.tag(n), "html" | "body" | "main" | "article")
            && named_consent(dom, n, &mut s)
            && dom
                .descendants_with_tags(n, &["main", "article", "h1"])
                .is_empty()
            && about_consent(&text_prefix(dom, n, TOPIC_PREFIX));
        if skip {
            panels.push(n);
        }
        cur = dom.next_in(n, ROOT, skip);
    }
    for p in panels {
        dom.detach(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pipeline::parse;

    fn text_after(html: &str) -> String {
        let mut d = parse(html);
        drop_consent_panels(&mut d);
        d.text_content(ROOT)
    }

    #[test]
    fn drops_a_consent_panel_by_name_and_topic() {
        let t = text_after(
            "<body><div id='site-consent-sdk'><h2>Manage preferences</h2><p>We and our \
             partners use cookies to store information.</p></div><p>Thread text</p></body>",
        );
        assert!(!t.contains("partners"), "{t}");
        assert!(t.contains("Thread text"));
    }

    #[test]
    fn keeps_a_cookie_recipe_and_content_landmarks() {
        let t = text_after(
            "<body><div class='cookie-recipe'><p>Bake the cookies for ten minutes.</p></div>\
             <div class='cookie-wrap'><main><p>We use cookies; accept them.</p></main></div>\
             </body>",
        );
        assert!(t.contains("Bake the cookies"), "{t}");
        assert!(t.contains("accept them"), "{t}");
    }
}
