//! The allow-list sanitiser every piece of output HTML goes through (ammonia).
//!
//! No script, style, event handlers, forms, object/embed or iframes; URLs only http(s), mailto
//! and (on images) `data:image/...`; links get `rel="noopener noreferrer"`. Relative URLs were
//! already made absolute by extraction; ammonia resolves any left against the page URL.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::mathml;

const TAGS: [&str; 56] = [
    "a",
    "abbr",
    "acronym",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
];
const MORE_TAGS: [&str; 9] = ["th", "thead", "time", "tr", "u", "ul", "var", "wbr", "main"];

/// Content never shown in a reader (icons, players, widgets): dropped with everything inside.
/// `<math>` is kept, through [`crate::mathml`]'s lists.
const DROP_WITH_CONTENT: [&str; 11] = [
    "script", "style", "svg", "noscript", "template", "iframe", "object", "textarea", "select",
    "button", "video",
];

const ATTR_TAGS: [&str; 14] = [
    "a",
    "img",
    "td",
    "th",
    "col",
    "colgroup",
    "ol",
    "li",
    "time",
    "abbr",
    "blockquote",
    "q",
    "del",
    "ins",
];

/// Attributes allowed per tag (besides `lang` and `dir` everywhere).
fn tag_attrs(tag: &str) -> &'static [&'static str] {
    match tag {
        "a" => &["href", "title"],
        "img" => &["src", "srcset", "alt", "title", "width", "height"],
        "td" => &["colspan", "rowspan", "headers"],
        "th" => &["colspan", "rowspan", "headers", "scope"],
        "col" | "colgroup" => &["span"],
        "ol" => &["start", "reversed", "type"],
        "li" => &["value"],
        "time" => &["datetime"],
        "abbr" => &["title"],
        "blockquote" | "q" => &["cite"],
        "del" | "ins" => &["cite", "datetime"],
        _ => &[],
    }
}

/// Pre-filter for serialisation: attributes the sanitiser would drop anyway are not written.
pub fn attr_may_survive(tag: &str, attr: &str) -> bool {
    matches!(attr, "lang" | "dir")
        || tag_attrs(tag).contains(&attr)
        || mathml::attr_allowed(tag, attr)
}

/// Whether the sanitiser keeps this HTML tag (others are unwrapped or, see below, dropped).
/// `<math>` is kept too; the MathML inside it is [`mathml::is_element`]'s to decide.
pub fn allowed_tag(tag: &str) -> bool {
    TAGS.contains(&tag) || MORE_TAGS.contains(&tag) || tag == "math"
}

/// Pre-filter for serialisation: subtrees the sanitiser would drop anyway are not written.
pub fn drops_with_content(tag: &str) -> bool {
    DROP_WITH_CONTENT.contains(&tag) || mathml::drops_with_content(tag)
}

fn builder() -> ammonia::Builder<'static> {
    let mut tags: HashSet<&'static str> = TAGS.iter().copied().collect();
    tags.extend(MORE_TAGS);
    // ammonia keeps MathML only in the MathML namespace (it checks each namespace switch).
    tags.extend(mathml::ELEMENTS);
    let mut attrs: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
    for tag in ATTR_TAGS {
        attrs.insert(tag, tag_attrs(tag).iter().copied().collect());
    }
    for tag in mathml::ELEMENTS {
        attrs.insert(tag, mathml::attrs(tag).collect());
    }
    let mut b = ammonia::Builder::default();
    b.tags(tags)
        .clean_content_tags(
            DROP_WITH_CONTENT
                .into_iter()
                .chain(mathml::DROP_WITH_CONTENT)
                .collect(),
        )
        .tag_attributes(attrs)
        .generic_attributes(["lang", "dir"].into_iter().collect())
        .url_schemes(["http", "https", "mailto", "data"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(filter_attr);
    b
}

thread_local! {
    // Building the allow-lists costs more than cleaning a short article: build them once.
    static BUILDER: std::cell::RefCell<ammonia::Builder<'static>> = std::cell::RefCell::new(builder());
}

pub fn sanitize(html: &str, base: Option<&url::Url>) -> String {
    BUILDER.with(|cell| {
        let mut b = cell.borrow_mut();
        match base {
            Some(u) => {
                b.url_relative(ammonia::UrlRelative::RewriteWithBase(u.clone()));
            }
            None => {
                b.url_relative(ammonia::UrlRelative::PassThrough);
            }
        }
        b.clean(html).to_string()
    })
}

fn is_data_image(v: &str) -> bool {
    let l = v.trim_start().get(..11).map(str::to_ascii_lowercase);
    l.as_deref() == Some("data:image/")
}

pub fn filter_attr<'u>(el: &str, attr: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let is_data = value
        .trim_start()
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("data:"));
    match (el, attr) {
        ("img", "src") => {
            if is_data && !is_data_image(value) {
                return None;
            }
        }
        ("img", "srcset") => {
            // Keep only candidates with web or inline-image URLs.
            let kept: Vec<(&str, &str)> = crate::html::srcset_candidates(value)
                .into_iter()
                .filter(|(u, _)| {
                    u.starts_with("http://") || u.starts_with("https://") || is_data_image(u)
                })
                .collect();
            if kept.is_empty() {
                return None;
            }
            return Some(Cow::Owned(crate::html::srcset_join(kept)));
        }
        _ => {
            if is_data {
                return None;
            }
        }
    }
    Some(Cow::Borrowed(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_dangerous_things() {
        let base = url::Url::parse("https://example.com/a/b.html").ok();
        let out = sanitize(
            "<p onclick=x()>Hi <a href=\"javascript:alert(1)\">j</a> <a href=\"/x\">rel</a>\
             <script>bad()</script><img src=\"data:text/html,hi\"><img src=\"data:image/png;base64,AA\">\
             <form><input></form><object data=x></object><style>p{}</style></p>",
            base.as_ref(),
        );
        assert!(!out.contains("onclick"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("script"), "{out}");
        assert!(!out.contains("data:text"), "{out}");
        assert!(out.contains("data:image/png"), "{out}");
        assert!(!out.contains("<form") && !out.contains("<input") && !out.contains("<object"));
        assert!(out.contains("href=\"https://example.com/x\""), "{out}");
        assert!(out.contains("rel=\"noopener noreferrer\""), "{out}");
        assert!(!out.contains("<style"), "{out}");
    }

    #[test]
    fn mathml_keeps_no_active_content() {
        let out = sanitize(crate::mathml::tests::ATTACKS, None);
        crate::mathml::tests::assert_inert(&out);
    }
}
