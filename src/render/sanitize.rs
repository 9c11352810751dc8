//! The reader's sanitiser. The extractor already cleans article HTML, but the reader shows
//! whatever reaches it (the selection, the fallback text, future extractor changes), so this
//! pass guarantees the invariant the reader relies on: no script, no event handler, no style,
//! no form or embedded document, and URLs only over http(s) (links also mailto).
//! Entity marks keep their classes and data attributes.

use ammonia::{Builder, UrlRelative};
use std::collections::{HashMap, HashSet};
use url::Url;

/// Entity label classes the reader styles; any other class on a mark is dropped.
const MARK_CLASSES: [&str; 9] = [
    "lx-ent",
    "lx-PER",
    "lx-ORG",
    "lx-LOC",
    "lx-MISC",
    "lx-DATE",
    "lx-TIME",
    "lx-MONEY",
    "lx-PERCENT",
];

/// Sanitises `html` for the reader. Relative URLs resolve against `base` when it is an http(s)
/// URL, and are dropped otherwise (they would resolve against the extension's own origin).
pub fn clean(html: &str, base: Option<&str>) -> String {
    let mut b = Builder::default();
    b.add_tags(["mark", "picture", "source"])
        .rm_tags(["map", "area"])
        .add_tag_attributes("mark", ["data-label", "data-entity", "data-mention"])
        .add_tag_attributes("img", ["loading"])
        .add_tag_attributes("source", ["srcset", "type", "media"])
        .add_generic_attributes(["dir"])
        .allowed_classes(HashMap::from([(
            "mark",
            MARK_CLASSES.iter().copied().collect::<HashSet<_>>(),
        )]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|el, attr, value| {
            // srcset is a list of URLs that ammonia does not check: keep it only when all are
            // absolute http(s).
            if attr == "srcset" {
                let ok = value.split(',').all(|c| {
                    let u = c.split_whitespace().next().unwrap_or("");
                    u.starts_with("https://") || u.starts_with("http://")
                });
                return if ok && el == "source" {
                    Some(value.into())
                } else {
                    None
                };
            }
            Some(value.into())
        });
    match base.and_then(http_base) {
        Some(url) => b.url_relative(UrlRelative::RewriteWithBase(url)),
        None => b.url_relative(UrlRelative::Deny),
    };
    b.clean(html).to_string()
}

fn http_base(s: &str) -> Option<Url> {
    Url::parse(s)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// `raw` as an absolute http(s) URL (resolved against `base` if relative), else `None`.
pub fn absolute_http_url(raw: &str, base: Option<&str>) -> Option<String> {
    let parsed = match Url::parse(raw.trim()) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            base.and_then(http_base)?.join(raw.trim()).ok()?
        }
        Err(_) => return None,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_active_content() {
        let dirty = r#"<p onclick="x()">Hi<script>evil()</script>
            <a href="javascript:alert(1)">j</a> <a href="/rel">r</a>
            <svg onload="x()"><circle/></svg><img src="https://a.example/i.png" onerror="x()">
            <iframe src="https://evil.example/"></iframe><style>p{display:none}</style>
            <base href="https://evil.example/"><form action="https://evil.example/"><input></form>
            <span style="background:url(https://evil.example/t.gif)">s</span></p>"#;
        let out = clean(dirty, Some("https://news.example/a/b.html"));
        for bad in [
            "script",
            "onclick",
            "javascript",
            "onload",
            "onerror",
            "iframe",
            "style",
            "<base",
            "form",
            "input",
            "evil",
        ] {
            assert!(!out.contains(bad), "{bad} survived in {out}");
        }
        assert!(out.contains("href=\"https://news.example/rel\""), "{out}");
        assert!(out.contains("src=\"https://a.example/i.png\""));
    }

    #[test]
    fn relative_urls_without_base_are_dropped() {
        let out = clean("<a href=\"/x\">x</a><img src=\"y.png\">", None);
        assert!(!out.contains("/x\""), "{out}");
        assert!(!out.contains("y.png"), "{out}");
    }

    #[test]
    fn keeps_marks_but_not_foreign_classes() {
        let out = clean(
            "<mark class=\"lx-ent lx-ORG evil\" data-label=\"ORG\" data-entity=\"1\" \
             data-mention=\"2\" onclick=\"x\">UN</mark><p class=\"ad\">t</p>",
            None,
        );
        assert!(out.contains("class=\"lx-ent lx-ORG\""), "{out}");
        assert!(out.contains("data-mention=\"2\""));
        assert!(!out.contains("evil") && !out.contains("onclick") && !out.contains("ad\""));
    }

    #[test]
    fn srcset_only_absolute_http() {
        let out = clean(
            "<picture><source srcset=\"https://a.example/1.png 1x, https://a.example/2.png 2x\">\
             <source srcset=\"javascript:x 1x\"><img src=\"https://a.example/1.png\"></picture>",
            None,
        );
        assert!(out.contains("https://a.example/2.png 2x"));
        assert!(!out.contains("javascript"));
    }

    #[test]
    fn absolute_urls() {
        assert_eq!(
            absolute_http_url("/i.png", Some("https://a.example/x/y")).as_deref(),
            Some("https://a.example/i.png")
        );
        assert_eq!(absolute_http_url("data:image/png;base64,xx", None), None);
        assert_eq!(absolute_http_url("i.png", None), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let out = clean(&html, None);
        assert!(out.contains("deep"));
    }
}
