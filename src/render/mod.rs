//! Rendering an extracted article (with its entity marks) to the reader view's HTML.
//!
//! Plain Rust, no browser: the extension's reader page only places this HTML into its own
//! document, so everything shown to the user is decided (and tested) here.
//! - [`reader_html`]: header (site, title, byline, date, reading time), lead image and body.
//! - [`sanitize`]: the last line of defence before the reader: whatever the extractor or the
//!   entity marker produced, only inert markup and http(s) images/links reach the page.
//! - [`fragment`]: an article made from arbitrary HTML (the selection, or the page's text when
//!   no article was found), so the reader can still show something.

pub mod fragment;
pub mod meta;
pub mod sanitize;

use serde::Serialize;

use crate::entities::Entities;
use crate::extract::{Article, NoArticle, Options};
use crate::text::HtmlSpan;

/// The core path's result: the article, its entities, and the reader view's HTML.
#[derive(Debug, Clone, Serialize)]
pub struct Processed {
    pub article: Article,
    pub entities: Entities,
    pub reader_html: String,
}

/// The whole core path (what the extension runs on a click): extract the article from `html`,
/// mark its entities (when `highlights`), render the reader view. Extraction also says where its
/// text sits in its HTML, so the marks go in without parsing the article again.
///
/// Extraction writes its HTML through an allow-list (the same policy as `extract::sanitize`,
/// held to an ammonia fixed point by the corpus tests) and the marks are ours, so on a page with
/// an http(s) URL the body is not sanitised a second time. Without one, relative URLs would
/// resolve against the reader's own origin: [`sanitize::clean`] drops them.
pub fn process(html: &str, options: &Options, highlights: bool) -> Result<Processed, NoArticle> {
    let (article, spans) = crate::extract::extract_mapped(html, options)?;
    Ok(finish(article, &spans, options.url.as_deref(), highlights))
}

/// The second half of [`process`], for an article extraction already produced (`spans` from
/// `extract::extract_mapped`, `url` the page's): marks and reader HTML.
pub fn finish(
    article: Article,
    spans: &[HtmlSpan],
    url: Option<&str>,
    highlights: bool,
) -> Processed {
    let marks = highlights.then(|| {
        let page = crate::entities::Page {
            lang: article.lang.as_deref(),
            site: article.site_name.as_deref(),
        };
        crate::entities::marks::annotate_mapped(&article.content, &article.text, spans, &page)
    });
    let web_page = url
        .and_then(|u| url::Url::parse(u).ok())
        .is_some_and(|u| matches!(u.scheme(), "http" | "https"));
    assemble(article, marks, url, web_page)
}

/// The result from an article and, if asked for, its marked HTML and entities; `clean`: the
/// body needs no sanitising pass (see [`process`]).
fn assemble(
    article: Article,
    marks: Option<(String, Entities)>,
    url: Option<&str>,
    clean: bool,
) -> Processed {
    let (marked, entities) =
        marks.unwrap_or_else(|| (article.content.clone(), Entities::default()));
    let render = RenderOptions {
        url: url.map(String::from),
    };
    let reader_html = if clean {
        page_html(&article, &marked, &render)
    } else {
        reader_html(&article, &marked, &render)
    };
    Processed {
        article,
        entities,
        reader_html,
    }
}

/// Like [`process`] for any HTML (a selection, or a page's text when no article was found):
/// sanitised and shown as is, with `title` as its title. `None` when it holds no text.
pub fn process_fragment(
    html: &str,
    title: Option<&str>,
    url: Option<&str>,
    highlights: bool,
) -> Option<Processed> {
    let article = fragment::article_from_fragment(html, title, url)?;
    let marks = highlights.then(|| {
        let page = crate::entities::Page {
            lang: article.lang.as_deref(),
            site: article.site_name.as_deref(),
        };
        crate::entities::marks::annotate_html_in(&article.content, &page)
    });
    Some(assemble(article, marks, url, false))
}

/// Marks the entity mentions in article HTML: returns the HTML with `<mark class="lx-ent lx-PER"
/// data-label data-entity data-mention>` pieces and the entities found in its text.
pub fn annotate(content_html: &str) -> (String, Entities) {
    crate::entities::annotate_html(content_html)
}

/// Knobs for [`reader_html`].
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// The page's URL: relative links and images in the content resolve against it.
    pub url: Option<String>,
}

/// The reader view's article markup: `<article class="lx-article">` with a header, an optional
/// lead image and `content_html` (the article body, possibly carrying entity marks).
/// Metadata is escaped; the body goes through [`sanitize::clean`].
pub fn reader_html(article: &Article, content_html: &str, options: &RenderOptions) -> String {
    let body = sanitize::clean(content_html, options.url.as_deref());
    page_html(article, &body, options)
}

/// [`reader_html`] around a body that is already clean.
fn page_html(article: &Article, body: &str, options: &RenderOptions) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str("<article class=\"lx-article\"");
    if let Some(lang) = article.lang.as_deref().filter(|l| meta::is_lang_tag(l)) {
        out.push_str(" lang=\"");
        out.push_str(lang);
        out.push('"');
    }
    if let Some(dir) = article
        .dir
        .as_deref()
        .filter(|d| matches!(*d, "ltr" | "rtl" | "auto"))
    {
        out.push_str(" dir=\"");
        out.push_str(dir);
        out.push('"');
    }
    out.push_str(">\n<header class=\"lx-header\">\n");
    if let Some(site) = nonempty(&article.site_name) {
        push_el(&mut out, "p", "lx-site", site);
    }
    let title = nonempty(&article.title).unwrap_or("Untitled");
    push_el(&mut out, "h1", "lx-title", title);

    let mut meta_parts: Vec<String> = Vec::new();
    if let Some(byline) = nonempty(&article.byline) {
        meta_parts.push(format!(
            "<span class=\"lx-byline\">{}</span>",
            escape(&meta::clean_byline(byline))
        ));
    }
    if let Some(published) = nonempty(&article.published_time) {
        let shown = meta::human_date(published).unwrap_or_else(|| published.to_string());
        meta_parts.push(format!(
            "<time class=\"lx-date\" datetime=\"{}\">{}</time>",
            escape(published),
            escape(&shown)
        ));
    }
    if article.word_count > 0 {
        meta_parts.push(format!(
            "<span class=\"lx-reading-time\">{} min read</span>",
            article.reading_time_minutes.max(1)
        ));
    }
    if !meta_parts.is_empty() {
        out.push_str("<p class=\"lx-meta\">");
        out.push_str(&meta_parts.join("<span class=\"lx-sep\" aria-hidden=\"true\"> · </span>"));
        out.push_str("</p>\n");
    }
    out.push_str("</header>\n");

    if let Some(lead) = lead_image(article, body, options.url.as_deref()) {
        out.push_str("<figure class=\"lx-lead\"><img src=\"");
        out.push_str(&escape(&lead));
        out.push_str("\" alt=\"\"></figure>\n");
    }
    out.push_str("<div class=\"lx-body\">\n");
    out.push_str(body);
    out.push_str("\n</div>\n</article>\n");
    out
}

/// The lead image to show above the body: only an http(s) URL, and only when the body does not
/// already show that image.
fn lead_image(article: &Article, body: &str, base: Option<&str>) -> Option<String> {
    let raw = nonempty(&article.lead_image_url)?;
    let url = sanitize::absolute_http_url(raw, base)?;
    if body.contains(&escape(&url)) || body.contains(url.as_str()) {
        return None;
    }
    Some(url)
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn push_el(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(" class=\"");
    out.push_str(class);
    out.push_str("\">");
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

/// HTML-escapes text for element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            title: Some("Harbour <reopens>".into()),
            byline: Some("By Ana Lima".into()),
            published_time: Some("2026-03-04T09:30:00Z".into()),
            site_name: Some("The Courier".into()),
            lang: Some("en".into()),
            lead_image_url: Some("https://img.example.org/lead.jpg".into()),
            content: "<p>Body</p>".into(),
            text: "Body".into(),
            word_count: 450,
            reading_time_minutes: 2,
            ..Article::default()
        }
    }

    #[test]
    fn header_has_escaped_metadata() {
        let a = article();
        let html = reader_html(&a, &a.content, &RenderOptions::default());
        assert!(html.contains("<h1 class=\"lx-title\">Harbour &lt;reopens&gt;</h1>"));
        assert!(html.contains("<span class=\"lx-byline\">By Ana Lima</span>"));
        assert!(html.contains("datetime=\"2026-03-04T09:30:00Z\">4 March 2026</time>"));
        assert!(html.contains("2 min read"));
        assert!(html.contains("<p class=\"lx-site\">The Courier</p>"));
        assert!(html.contains("lang=\"en\""));
        assert!(html.contains("<img src=\"https://img.example.org/lead.jpg\""));
        assert!(html.contains("<p>Body</p>"));
    }

    #[test]
    fn lead_image_not_repeated_when_in_body() {
        let a = article();
        let body = "<p>x</p><img src=\"https://img.example.org/lead.jpg\">";
        let html = reader_html(&a, body, &RenderOptions::default());
        assert_eq!(html.matches("lead.jpg").count(), 1);
    }

    #[test]
    fn hostile_metadata_and_lead_are_neutralised() {
        let mut a = article();
        a.lead_image_url = Some("javascript:alert(1)".into());
        a.lang = Some("en\" onload=\"x".into());
        a.dir = Some("rtl\"".into());
        let html = reader_html(&a, "<p>ok</p>", &RenderOptions::default());
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onload"));
        assert!(!html.contains("dir="));
    }

    #[test]
    fn entity_marks_survive() {
        let a = article();
        let body = "<p><mark class=\"lx-ent lx-PER\" data-label=\"PER\" data-entity=\"0\" \
                    data-mention=\"0\">Ana</mark> spoke</p>";
        let html = reader_html(&a, body, &RenderOptions::default());
        assert!(html.contains(body), "{html}");
    }

    #[test]
    fn processed_page_body_is_inert() {
        let page = "<html><head><title>Harbour</title></head><body><article>\
            <p onclick=\"x()\">The harbour in Lisbon reopened on Monday after repairs that took \
            longer than planned, said Ana Lima, who runs the port authority.<script>evil()</script></p>\
            <p>Ships <a href=\"javascript:alert(1)\">waited</a> <a href=\"/news\">offshore</a> \
            <img src=\"data:text/html,x\" onerror=\"x()\"><img src=\"/i.png\"> for weeks, and \
            the fishing fleet moved north.<iframe src=\"https://evil.example/\"></iframe></p>\
            <p style=\"color:red\">Repairs cost more than expected <svg onload=\"x()\"></svg>\
            <form action=\"https://evil.example/\"><input></form><object data=\"x\"></object>\
            and the city council will pay for most of the work this year.</p></article></body></html>";
        for url in [
            Some("https://news.example/a/b.html"),
            Some("file:///tmp/x.html"),
            None,
        ] {
            let options = Options {
                url: url.map(String::from),
            };
            let html = process(page, &options, true).expect("article").reader_html;
            for bad in [
                "onclick",
                "onerror",
                "onload",
                "script",
                "javascript",
                "data:text",
                "iframe",
                "style",
                "svg",
                "form",
                "input",
                "object",
                "evil",
            ] {
                assert!(!html.contains(bad), "{bad} survived for {url:?} in {html}");
            }
            assert!(html.contains("repairs that took longer"), "{html}");
            // Relative URLs resolve against the page, or go: never against the reader's origin.
            let resolved = html.contains("href=\"https://news.example/news\"");
            assert_eq!(
                resolved,
                url.is_some_and(|u| u.starts_with("https:")),
                "{html}"
            );
            assert!(
                !html.contains("\"/news\"") && !html.contains("\"/i.png\""),
                "{html}"
            );
        }
    }

    #[test]
    fn missing_metadata_gives_plain_header() {
        let a = Article {
            content: "<p>x</p>".into(),
            ..Article::default()
        };
        let html = reader_html(&a, &a.content, &RenderOptions::default());
        assert!(html.contains("Untitled"));
        assert!(!html.contains("lx-meta"));
        assert!(!html.contains("lx-lead"));
    }
}
