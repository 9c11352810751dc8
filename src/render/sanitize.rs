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
    let limited = limit_depth(html, MAX_DEPTH);
    let html = limited.as_deref().unwrap_or(html);
    let mut b = Builder::default();
    // MathML, only in its namespace (ammonia checks each namespace switch): see crate::mathml.
    for tag in crate::mathml::ELEMENTS {
        b.add_tag_attributes(tag, crate::mathml::attrs(tag));
    }
    b.add_tags(["mark", "picture", "source"])
        .add_tags(crate::mathml::ELEMENTS)
        .add_clean_content_tags(crate::mathml::DROP_WITH_CONTENT)
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
                let ok = crate::html::srcset_candidates(value)
                    .iter()
                    .all(|(u, _)| u.starts_with("https://") || u.starts_with("http://"));
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

/// Deeper nesting than this (half the extraction cap, [`crate::html::MAX_DEPTH`]: this path also
/// runs ammonia) is flattened before parsing: html5ever's tree builder is quadratic in
/// the depth of open elements (100,000 nested divs take most of a minute), and no article needs it.
const MAX_DEPTH: usize = crate::html::MAX_DEPTH / 2;

/// Drops the tags nested deeper than `max` (their text stays), in one linear scan; `None` when
/// the markup is not that deep (the common case: nothing is copied). The scan knows comments,
/// quoted attribute values and raw-text elements; anything odd it leaves to the real parser.
pub fn limit_depth(html: &str, max: usize) -> Option<String> {
    let bytes = html.as_bytes();
    // Kept-or-dropped for each open element.
    let mut stack: Vec<bool> = Vec::new();
    let mut kept_depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `html` already copied to `out`
    let mut i = 0usize;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let start = i + off;
        let rest = html.get(start..).unwrap_or("");
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let name: String = html
            .get(name_start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            i = start + 1;
            continue;
        }
        let end = tag_end(bytes, name_start + name.len());
        let self_closing = bytes.get(end.saturating_sub(2)) == Some(&b'/');
        let mut drop = false;
        if closing {
            if let Some(kept) = stack.pop() {
                if kept {
                    kept_depth = kept_depth.saturating_sub(1);
                } else {
                    drop = true;
                }
            }
        } else if !crate::html::is_void(&name) && !self_closing {
            let keep = kept_depth < max;
            stack.push(keep);
            if keep {
                kept_depth += 1;
            } else {
                drop = true;
            }
        }
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(html.get(copied..start).unwrap_or(""));
            copied = end;
        }
        i = end;
        // Raw text: skip to the matching end tag, whatever it contains.
        if !closing && crate::html::is_raw_text(&name) {
            let close = format!("</{name}");
            let lower = html.get(end..).unwrap_or("").to_ascii_lowercase();
            i = lower.find(&close).map_or(html.len(), |p| end + p);
        }
    }
    let mut o = out?;
    o.push_str(html.get(copied..).unwrap_or(""));
    Some(o)
}

/// Index just past the `>` closing a tag whose attributes start at `from` (quotes respected).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut j = from;
    while let Some(&c) = bytes.get(j) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return j + 1,
            None => {}
        }
        j += 1;
    }
    bytes.len()
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
    fn mathml_is_kept_without_active_content() {
        let out = clean(
            crate::mathml::tests::ATTACKS,
            Some("https://news.example/a"),
        );
        crate::mathml::tests::assert_inert(&out);
        // Outside <math> MathML names are not MathML.
        assert!(!clean("<p><mi>x</mi></p>", None).contains("<mi"));
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
    fn deep_nesting_is_flattened_quickly() {
        let html = "<div>".repeat(100_000) + "deep <b>x</b>" + &"</div>".repeat(100_000);
        let t = std::time::Instant::now();
        let out = clean(&html, None);
        // Tags below the limit go, their text stays.
        assert!(
            out.contains("deep x"),
            "{}",
            &out[out.len().saturating_sub(200)..]
        );
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        // Linear: well under the tens of seconds html5ever needs for the unflattened input.
        assert!(t.elapsed().as_secs() < 10);
    }

    #[test]
    fn shallow_markup_is_untouched() {
        let html =
            "<div a=\"x>y\"><p>t</p><br><img src=x><!-- <div> --><script>\"<div>\"</script></div>";
        assert_eq!(limit_depth(html, 2), None);
        let deep = "<div><div><p>one <i>two</i></p></div></div>";
        assert_eq!(
            limit_depth(deep, 2).as_deref(),
            Some("<div><div>one two</div></div>")
        );
    }
}
