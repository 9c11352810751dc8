//! Article metadata, in order of trust: JSON-LD (schema.org Article types, also inside
//! `@graph`), then OpenGraph / Twitter / Dublin Core / Parse.ly meta tags, then the document.
//! The precedence and patterns follow Readability.js 0.6 (Apache-2.0) so that our fields agree
//! with its output; on top of it we read the lead image, the language from meta tags, and
//! fall back to `<time>` elements and more JSON-LD shapes for the published time.

use super::dom::{collapse_ws, Dom, Id, ROOT};
use super::readability::{article_title, text_similarity};
use serde_json::Value;
use std::collections::HashMap;

#[derive(Debug, Default, Clone)]
pub struct JsonLd {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// Whether `byline` names an organisation (an `author` typed `Organization`).
    pub byline_org: bool,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub date_published: Option<String>,
    pub image: Option<String>,
    /// The first `datePublished` of any article object, nested ones included (an `Article`
    /// as a page's `mainEntity`, a list of types), for pages whose article object has none or
    /// is not where Readability looks.
    pub page_published: Option<String>,
    /// Likewise the first `dateModified`: the only date some pages give.
    pub page_modified: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    /// Whether `byline` names the publisher rather than a person (a JSON-LD `Organization`
    /// author, or the site's own name): a byline the page prints then names the writer.
    pub byline_org: bool,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    /// When the page says it was last modified (JSON-LD `dateModified`, `article:modified_time`).
    pub modified_time: Option<String>,
    pub image: Option<String>,
    pub lang: Option<String>,
}

const ARTICLE_TYPES_MID: [&str; 17] = [
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
];

/// Readability's `jsonLdArticleTypes` regex (`^Article|...|APIReference$`, anchors and all).
fn is_article_type(t: &str) -> bool {
    t.starts_with("Article")
        || t.ends_with("APIReference")
        || ARTICLE_TYPES_MID.iter().any(|a| t.contains(a))
}

fn str_field<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|x| !x.trim().is_empty())
}

/// schema.org types of organisations that sites give as an article's `author`.
fn is_org_type(t: &str) -> bool {
    matches!(
        t,
        "Organization" | "NewsMediaOrganization" | "Corporation" | "EducationalOrganization"
    )
}

/// Whether a value is a web address rather than a name.
fn is_web_url(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("http://") || s.starts_with("https://")) && !s.contains(char::is_whitespace)
}

/// Reads the first schema.org article object from the `application/ld+json` scripts.
pub fn json_ld(dom: &mut Dom, title_from_doc: &dyn Fn(&mut Dom) -> String) -> JsonLd {
    let scripts = dom.descendants_with_tags(ROOT, &["script"]);
    let (page_published, page_modified) = json_ld_dates(dom, &scripts);
    let mut m = json_ld_article(dom, &scripts, title_from_doc);
    m.page_published = page_published;
    m.page_modified = page_modified;
    m
}

/// A JSON-LD script's parsed value, CDATA markers left out.
fn ld_value(dom: &Dom, s: Id) -> Option<Value> {
    if dom.attr(s, "type") != Some("application/ld+json") {
        return None;
    }
    let raw = dom.text_content(s);
    let mut content = raw.trim();
    content = content.strip_prefix("<![CDATA[").unwrap_or(content);
    content = content.strip_suffix("]]>").unwrap_or(content);
    serde_json::from_str::<Value>(content).ok()
}

/// Whether an object's `@type` (a name or a list of names) is an article type. Not a
/// `WebPage`: its dates are the page's, also on listings and service pages that show none.
fn is_article_object(v: &Value) -> bool {
    let ok = is_article_type;
    match v.get("@type") {
        Some(Value::String(t)) => ok(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(ok),
        _ => false,
    }
}

/// The first `datePublished` and `dateModified` of an article object anywhere in
/// the JSON-LD (walked without recursion; comments and reviews have other types).
fn json_ld_dates(dom: &Dom, scripts: &[Id]) -> (Option<String>, Option<String>) {
    let mut published = None;
    let mut modified = None;
    for &s in scripts {
        let Some(v) = ld_value(dom, s) else {
            continue;
        };
        let mut stack = vec![&v];
        while let Some(x) = stack.pop() {
            match x {
                Value::Object(o) => {
                    if is_article_object(x) {
                        let get = |k: &str| {
                            o.get(k)
                                .and_then(Value::as_str)
                                .map(str::trim)
                                .filter(|d| !d.is_empty())
                                .map(str::to_string)
                        };
                        published = published.or_else(|| get("datePublished"));
                        modified = modified.or_else(|| get("dateModified"));
                    }
                    // Reversed so that the stack pops them in document order.
                    stack.extend(o.values().rev());
                }
                Value::Array(a) => stack.extend(a.iter().rev()),
                _ => {}
            }
        }
        if published.is_some() && modified.is_some() {
            break;
        }
    }
    (published, modified)
}

/// Readability's JSON-LD reading: the first schema.org article object.
fn json_ld_article(
    dom: &mut Dom,
    scripts: &[Id],
    title_from_doc: &dyn Fn(&mut Dom) -> String,
) -> JsonLd {
    for &s in scripts {
        let Some(mut parsed) = ld_value(dom, s) else {
            continue;
        };
        if let Value::Array(items) = &parsed {
            match items
                .iter()
                .find(|it| str_field(it, "@type").is_some_and(is_article_type))
            {
                Some(found) => parsed = found.clone(),
                None => continue,
            }
        }
        let is_schema = |c: &str| {
            let c = c.strip_suffix('/').unwrap_or(c);
            c == "http://schema.org" || c == "https://schema.org"
        };
        let ctx_ok = match parsed.get("@context") {
            Some(Value::String(c)) => is_schema(c),
            Some(o @ Value::Object(_)) => str_field(o, "@vocab").is_some_and(is_schema),
            _ => false,
        };
        if !ctx_ok {
            continue;
        }
        let mut obj = &parsed;
        if obj.get("@type").is_none() {
            if let Some(Value::Array(graph)) = obj.get("@graph") {
                match graph
                    .iter()
                    .find(|it| str_field(it, "@type").is_some_and(is_article_type))
                {
                    Some(found) => obj = found,
                    None => continue,
                }
            }
        }
        // Ours: a `WebPage` whose `mainEntity` is the article (forums write the thread's
        // opening post so: `WebPage > mainEntity: DiscussionForumPosting` with its author).
        if !str_field(obj, "@type").is_some_and(is_article_type) {
            let main = match obj.get("mainEntity") {
                Some(Value::Array(items)) => items
                    .iter()
                    .find(|it| str_field(it, "@type").is_some_and(is_article_type)),
                Some(o @ Value::Object(_)) => Some(o),
                _ => None,
            };
            if let Some(main) = main {
                obj = main;
            }
        }
        match obj.get("@type") {
            Some(Value::String(t)) if is_article_type(t) => {}
            _ => continue,
        }
        let mut m = JsonLd::default();
        let name = str_field(obj, "name");
        let headline = str_field(obj, "headline");
        match (name, headline) {
            (Some(n), Some(h)) if n != h => {
                let title = title_from_doc(dom);
                let name_matches = text_similarity(n, &title) > 0.75;
                let headline_matches = text_similarity(h, &title) > 0.75;
                m.title = Some(
                    if headline_matches && !name_matches {
                        h
                    } else {
                        n
                    }
                    .to_string(),
                );
            }
            (Some(n), _) => m.title = Some(n.trim().to_string()),
            (None, Some(h)) => m.title = Some(h.trim().to_string()),
            _ => {}
        }
        if let Some(author) = obj.get("author") {
            if let Some(n) = str_field(author, "name") {
                m.byline = Some(n.trim().to_string());
                m.byline_org = str_field(author, "@type").is_some_and(is_org_type);
            } else if let Some(arr) = author.as_array() {
                if arr.first().and_then(|a| str_field(a, "name")).is_some() {
                    let names: Vec<String> = arr
                        .iter()
                        .filter_map(|a| str_field(a, "name"))
                        .map(|n| n.trim().to_string())
                        .collect();
                    m.byline = Some(names.join(", "));
                }
            }
        }
        if let Some(d) = str_field(obj, "description") {
            m.excerpt = Some(d.trim().to_string());
        }
        if let Some(p) = obj.get("publisher").and_then(|p| str_field(p, "name")) {
            m.site_name = Some(p.trim().to_string());
        }
        if let Some(d) = str_field(obj, "datePublished") {
            m.date_published = Some(d.trim().to_string());
        }
        m.image = match obj.get("image") {
            Some(Value::String(u)) => Some(u.clone()),
            Some(Value::Array(a)) => a.first().and_then(|x| {
                x.as_str()
                    .map(str::to_string)
                    .or_else(|| str_field(x, "url").map(str::to_string))
            }),
            Some(o) => str_field(o, "url").map(str::to_string),
            None => None,
        };
        return m;
    }
    JsonLd::default()
}

/// Finds `prefix:suffix` the way Readability's global property regex does (first match).
fn property_key(prop: &str) -> Option<String> {
    const PRE: [&str; 5] = ["article", "dcterm", "dc", "og", "twitter"];
    const SUF: [&str; 6] = [
        "author",
        "creator",
        "description",
        "published_time",
        "title",
        "site_name",
    ];
    let l = prop.to_ascii_lowercase();
    for (i, _) in l.char_indices() {
        let rest = &l[i..];
        for p in PRE {
            if let Some(r) = rest.strip_prefix(p) {
                let r = r.trim_start();
                if let Some(r) = r.strip_prefix(':') {
                    let r = r.trim_start();
                    for s in SUF {
                        if r.starts_with(s) {
                            return Some(format!("{p}:{s}"));
                        }
                    }
                }
            }
        }
    }
    None
}

/// Readability's single-valued `name` pattern.
fn name_key(name: &str) -> Option<String> {
    const PRE: [&str; 7] = [
        "dcterm",
        "dc",
        "og",
        "twitter",
        "parsely",
        "weibo:article",
        "weibo:webpage",
    ];
    const SUF: [&str; 6] = [
        "author",
        "creator",
        "pub-date",
        "description",
        "title",
        "site_name",
    ];
    let l = name.trim().to_ascii_lowercase();
    let ok = SUF.contains(&l.as_str())
        || PRE.iter().any(|p| {
            l.strip_prefix(p).is_some_and(|r| {
                let r = r.trim_start();
                r.strip_prefix(['-', '.', ':'])
                    .is_some_and(|r| SUF.contains(&r.trim_start()))
            })
        });
    ok.then(|| {
        l.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == '.' { ':' } else { c })
            .collect()
    })
}

/// Decodes entities left escaped in meta values (`&amp;`, `&#39;`, ...).
pub fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(semi) = tail.find(';').filter(|&j| j <= 12) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let decoded = match ent {
            "quot" => Some('"'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            _ => {
                let num = if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X"))
                {
                    u32::from_str_radix(h, 16).ok()
                } else if let Some(d) = ent.strip_prefix('#') {
                    d.parse::<u32>().ok()
                } else {
                    None
                };
                num.map(|n| {
                    if n == 0 || n > 0x10ffff || (0xd800..=0xdfff).contains(&n) {
                        '\u{fffd}'
                    } else {
                        char::from_u32(n).unwrap_or('\u{fffd}')
                    }
                })
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Publication dates in the meta tags of papers and library pages (Highwire Press `citation_*`,
/// Dublin Core), read after the article tags Readability knows.
const DATE_NAMES: [&str; 6] = [
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
];

/// Reads all metadata of the (script-free) document; `ld` comes from [`json_ld`].
pub fn metadata(dom: &mut Dom, ld: &JsonLd) -> Metadata {
    let mut values: HashMap<String, String> = HashMap::new();
    let mut image: Option<String> = None;
    let mut lang_meta: Option<String> = None;
    let mut date_meta: Option<String> = None;
    let mut modified_meta: Option<String> = None;
    let mut paper_authors: Vec<String> = Vec::new();
    for m in dom.descendants_with_tags(ROOT, &["meta"]) {
        let name = dom.attr(m, "name").map(str::to_string);
        let prop = dom.attr(m, "property").map(str::to_string);
        let Some(content) = dom.attr(m, "content").filter(|c| !c.is_empty()) else {
            continue;
        };
        let content = content.trim().to_string();
        let pn = prop.as_deref().unwrap_or("").to_ascii_lowercase();
        let nn = name.as_deref().unwrap_or("").to_ascii_lowercase();
        if image.is_none()
            && (pn
                .split_whitespace()
                .any(|p| p == "og:image" || p == "og:image:url")
                || nn == "twitter:image"
                || nn == "twitter:image:src")
        {
            image = Some(content.clone());
        }
        if lang_meta.is_none()
            && (pn == "og:locale" || nn == "language" || nn == "content-language")
        {
            lang_meta = Some(content.replace('_', "-"));
        }
        if nn == "citation_author" || nn == "citation_authors" {
            // Written "Last, First" by many repositories.
            let name = match content.split_once(',') {
                Some((last, first)) if !first.contains(',') => {
                    format!("{} {}", first.trim(), last.trim())
                }
                _ => content.clone(),
            };
            if !paper_authors.contains(&name) {
                paper_authors.push(name);
            }
        }
        if date_meta.is_none() && DATE_NAMES.contains(&nn.as_str()) {
            date_meta = Some(content.clone());
        }
        if modified_meta.is_none() && (pn == "article:modified_time" || pn == "og:updated_time") {
            modified_meta = Some(content.clone());
        }
        let mut matched = false;
        if let Some(p) = prop.as_deref().filter(|p| !p.is_empty()) {
            if let Some(k) = property_key(p) {
                values.insert(k, content.clone());
                matched = true;
            }
        }
        if !matched {
            if let Some(k) = name.as_deref().and_then(name_key) {
                values.insert(k, content);
            }
        }
    }
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| values.get(*k).filter(|v| !v.is_empty()).cloned())
    };
    let title = non_empty(ld.title.clone())
        .or_else(|| {
            get(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .unwrap_or_else(|| article_title(dom));
    let ld_byline = non_empty(ld.byline.clone());
    let ld_org = ld_byline.is_some() && ld.byline_org;
    // An author given as a profile link ("https://site/user/jane-roe") is no name to show.
    let byline = ld_byline
        .or_else(|| get(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .filter(|a| !is_web_url(a))
        .or_else(|| get(&["article:author"]).filter(|a| url::Url::parse(a).is_err()));
    // Papers give one `citation_author` tag per author, and often only the first elsewhere.
    let byline = match byline {
        Some(b)
            if paper_authors.len() > 1
                && paper_authors.first().is_some_and(|f| same_words(f, &b)) =>
        {
            Some(paper_authors.join(", "))
        }
        None if paper_authors.len() > 1 => Some(paper_authors.join(", ")),
        b => b,
    };
    let excerpt = non_empty(ld.excerpt.clone()).or_else(|| {
        get(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });
    let site_name = non_empty(ld.site_name.clone())
        .or_else(|| get(&["og:site_name"]))
        .map(|s| site_of_title(&s, &title));
    let published = non_empty(ld.date_published.clone())
        .or_else(|| get(&["article:published_time", "parsely-pub-date"]))
        .or(date_meta)
        .or_else(|| non_empty(ld.page_published.clone()));
    let modified = non_empty(ld.page_modified.clone()).or(modified_meta);
    let byline_org = ld_org
        || byline.as_deref().is_some_and(|b| {
            let b = title_words(b);
            !b.is_empty() && site_name.as_deref().is_some_and(|s| title_words(s) == b)
        });
    Metadata {
        title: unescape_entities(&title),
        byline: byline.map(|s| unescape_entities(&s)),
        byline_org,
        excerpt: excerpt.map(|s| unescape_entities(&s)),
        site_name: site_name.map(|s| unescape_entities(&s)),
        published_time: published.map(|s| unescape_entities(&s)),
        modified_time: modified.map(|s| unescape_entities(&s)),
        image: non_empty(ld.image.clone()).or(image),
        lang: lang_meta,
    }
}

/// Words labelling a date as an update rather than the publication.
const UPDATE_WORDS: [&str; 4] = ["updated", "modified", "revised", "edited"];

/// Ours: the longest line read around a `<time>` for its label.
const TIME_LABEL_LINE: usize = 300;

/// Whether the line holding a `<time>` labels it as an update ("This page was last modified
/// on <time>", "Updated <time>"): a documentation page's footer dates its last edit, not its
/// publication, and readers take it for what it says.
fn labelled_update(dom: &Dom, t: Id) -> bool {
    dom.parent(t)
        .and_then(|p| dom.text_content_within(p, TIME_LABEL_LINE))
        .is_some_and(|line| {
            let l = line.to_lowercase();
            UPDATE_WORDS.iter().any(|w| l.contains(w))
        })
}

/// The first `<time datetime>` in the document, for pages without a published-time tag.
pub fn time_element(dom: &Dom, root: Id) -> Option<String> {
    for t in dom.descendants_with_tags(root, &["time"]) {
        if labelled_update(dom, t) {
            continue;
        }
        if let Some(dt) = dom.attr(t, "datetime") {
            let dt = dt.trim();
            if looks_like_iso_date(dt) {
                return Some(dt.to_string());
            }
        }
    }
    None
}

/// The first date the page prints in a short element named for dates or bylines ("date",
/// "time", "publish", "posted", "byline", "meta") or in a `<time>` without `datetime`, in the
/// headline's `window` (see [`near_headline`]): where pages show when they were published
/// when their metadata does not say.
pub fn visible_date(dom: &Dom, window: &[Id]) -> Option<String> {
    const HINTS: [&str; 6] = ["date", "time", "publish", "posted", "byline", "meta"];
    for &n in window {
        let named = dom.is(n, "time")
            || [dom.class(n), dom.id_attr(n)].iter().any(|v| {
                let v = v.to_ascii_lowercase();
                HINTS.iter().any(|h| v.contains(h))
            });
        if !named || matches!(dom.tag(n), "script" | "style" | "head" | "meta") {
            continue;
        }
        let Some(text) = short_text(dom, n) else {
            continue;
        };
        if let Some(d) = super::dates::parse_text(&text) {
            return Some(d);
        }
    }
    None
}

/// The days (`YYYY-MM-DD`) printed in short elements of the headline's `window`, whatever
/// the elements are named: what a reader sees as the article's date. A day printed as an
/// update ("Updated Jul 24, 2018") is left out: readers take it for what it says.
pub fn printed_days(dom: &Dom, window: &[Id]) -> Vec<String> {
    let mut days: Vec<String> = Vec::new();
    let mut updates: Vec<String> = Vec::new();
    for &n in window {
        if matches!(dom.tag(n), "script" | "style" | "head" | "meta") {
            continue;
        }
        let Some(text) = short_text(dom, n) else {
            continue;
        };
        let Some(day) =
            super::dates::parse_text(&text).and_then(|d| d.get(..10).map(str::to_string))
        else {
            continue;
        };
        let lower = text.to_lowercase();
        if joined_label(dom, n, &lower) {
            continue;
        }
        let list = if UPDATE_WORDS.iter().any(|w| lower.contains(w)) {
            &mut updates
        } else {
            &mut days
        };
        if !list.contains(&day) {
            list.push(day);
        }
    }
    // An element holding only the date inside a labelled line ("<time>" in "Updated <time>").
    days.retain(|d| !updates.contains(d));
    days
}

/// Labels of the day a member joined a site, printed in a forum post's user card ("Joined
/// Nov 4, 2011", `<dt>Member since</dt><dd>…</dd>`): the member's, never the post's.
const JOINED_WORDS: [&str; 4] = ["joined", "member since", "registered", "join date"];

/// Whether a printed day is labelled as when someone joined, in its own text (`lower`) or in
/// the label before it (a `<dt>` or a short element).
fn joined_label(dom: &Dom, n: Id, lower: &str) -> bool {
    let labelled = |t: &str| JOINED_WORDS.iter().any(|w| t.contains(w));
    labelled(lower)
        || dom
            .prev_element_sibling(n)
            .and_then(|p| short_text(dom, p))
            .is_some_and(|t| labelled(&t.to_lowercase()))
}

/// The byline the page prints next to its headline ("By Jane Roe – Updated …"), for pages whose
/// metadata and markup name no author: the first short element of the headline's `window`
/// whose text opens with a "By"-style label (see [`super::byline::from_printed_line`]).
pub fn visible_byline(dom: &Dom, window: &[Id]) -> Option<String> {
    for &n in window {
        if matches!(
            dom.tag(n),
            "script" | "style" | "head" | "meta" | "h1" | "h2" | "h3" | "figcaption"
        ) {
            continue;
        }
        if short_text(dom, n).is_none() {
            continue;
        }
        // Lines kept apart: "By Jane Roe" above "Chief Architect" is a name and a role.
        if let Some(b) = super::byline::from_printed_line(&dom.text_lines(n)) {
            return Some(b);
        }
    }
    None
}

/// Whether a printed byline lists several authors, the first of them the metadata's `author`
/// ("Dr Jane Roe, John Doe and Ann Poe" for "Jane Roe"): the metadata then named one of them.
pub fn names_more_authors(printed: &str, meta: &str) -> bool {
    let names: Vec<&str> = printed
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let Some(first) = names.first() else {
        return false;
    };
    let first = title_words(first);
    let meta = title_words(meta);
    names.len() >= 2
        && !meta.is_empty()
        && meta.iter().all(|w| first.contains(w))
        // What follows a name after a comma is as often its role or employer.
        && names[1..].iter().all(|p| super::byline::name_like(p))
}

/// `<h1>`s looked at when choosing the headline: pages with more are lists of teasers.
const MAX_HEADINGS: usize = 8;

/// The elements around the page's headline, in document order (empty without an `<h1>`):
/// where pages print their date and byline; elsewhere dates and "By …" belong to comments,
/// reviews or teasers. The headline is the first visible `<h1>` that carries most of the
/// metadata `title`'s words, else the first visible one (a hidden "Search" or a logo `<h1>`
/// often comes first), else the first.
pub fn near_headline(dom: &Dom, root: Id, title: &str) -> Vec<Id> {
    const NEAR_HEADLINE: usize = 80;
    let all = dom.descendant_elements(root);
    let h1s: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, &n)| dom.is(n, "h1"))
        .map(|(i, _)| i)
        .take(MAX_HEADINGS)
        .collect();
    let Some(&first) = h1s.first() else {
        return Vec::new();
    };
    let tw = title_words(title);
    let shown: Vec<(usize, Vec<String>)> = h1s
        .iter()
        .filter_map(|&i| {
            let words = title_words(&heading_text(dom, all[i])?);
            (!words.is_empty()).then_some((i, words))
        })
        .collect();
    let matches_title = |words: &[String]| {
        let shared = words.iter().filter(|w| tw.contains(w)).count();
        shared * 2 > words.len() && shared * 2 >= tw.len()
    };
    let h1 = shown
        .iter()
        .find(|(_, w)| matches_title(w))
        .or(shown.first())
        .map_or(first, |(i, _)| *i);
    let start = h1.saturating_sub(NEAR_HEADLINE / 4);
    all.into_iter().skip(start).take(NEAR_HEADLINE).collect()
}

/// An element's text if it is short enough for a date or byline line (with its reading time);
/// longer text is a paragraph.
fn short_text(dom: &Dom, n: Id) -> Option<String> {
    const MAX_LEN: usize = 100;
    let text = dom.text_content_within(n, MAX_LEN * 4)?;
    (text.chars().count() <= MAX_LEN).then_some(text)
}

/// `YYYY-MM-DD` at the start.
pub fn looks_like_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// What starts a tail that titles add after the headline (a site, a section, an author).
/// Not a comma: "Headline, and more" may be the headline's own words.
const TAIL_SEPARATORS: [char; 10] = ['|', '-', '–', '—', '·', '»', '_', '[', '(', ':'];

/// The text of `s` after its first `n` words (words as [`title_words`] splits them).
fn after_words(s: &str, n: usize) -> &str {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric();
        if in_word && !w {
            seen += 1;
            if seen == n {
                return &s[i..];
            }
        }
        in_word = w;
    }
    ""
}

/// The page's headline when the title is that headline plus a " | Site" style suffix (also
/// "_Section_Site", " [Site]", " (Author)", ": Tail"): the title as the page prints it.
pub fn headline_of_title(title: &str, headline: &str) -> Option<String> {
    let h = headline.trim();
    if h.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
        return None;
    }
    let rest = title.strip_prefix(h)?.trim_start();
    let cut = rest.starts_with(TAIL_SEPARATORS) && rest.len() > 1;
    cut.then(|| h.to_string())
}

/// The same words in any order ("Roe, Jane" and "Jane Roe").
fn same_words(a: &str, b: &str) -> bool {
    let mut a = title_words(a);
    let mut b = title_words(b);
    a.sort();
    b.sort();
    a == b
}

/// Lowercased words (Unicode letters and digits) in order: what titles are compared by.
fn title_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A heading's text as the page prints it: without a `<time>` set inside it (blogs put the
/// post's date in the `<h1>`) or a trailing self-link mark, and `None` for a heading hidden
/// from sight (a screen-reader-only copy, often escaped twice).
pub fn heading_text(dom: &Dom, h: Id) -> Option<String> {
    if visually_hidden(dom, h) {
        return None;
    }
    let mut out = String::new();
    let mut n = dom.first_child(h);
    while let Some(x) = n {
        if let Some(t) = dom.text(x) {
            out.push_str(t);
        }
        n = dom.next_in(x, h, dom.is(x, "time"));
    }
    // A self-link mark after the heading ("¶", "#") is navigation, not words.
    let text = collapse_ws(&out);
    Some(
        text.trim_end_matches(['¶', '#', '§', '🔗', ' '])
            .to_string(),
    )
}

/// Clipped to nothing or named for screen readers only: in the page for assistive technology,
/// not shown.
fn visually_hidden(dom: &Dom, n: Id) -> bool {
    const CLASSES: [&str; 5] = [
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
    ];
    let style: String = dom
        .attr(n, "style")
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("clip:rect(0")
        || style.contains("clip-path:inset(50%)")
        || dom
            .class(n)
            .split_whitespace()
            .any(|c| CLASSES.contains(&c.to_ascii_lowercase().as_str()))
}

/// The visible headline when the metadata title is that headline cut short or run on: the
/// title is the headline plus a tail after a separator (" [2025]: Yearly Fees", " (Author)",
/// "_Section_Site"),
/// or the headline is the title plus a subtitle the social card left out ("X vs. Y" above
/// "X vs. Y: which is right for you?"). `headings` are the page's `<h1>` texts in order.
/// A reworded headline is left alone: the title then stays what the metadata says, as
/// Readability has it.
pub fn visible_headline(headings: &[String], title: &str) -> Option<String> {
    // A title this short is a name or a section ("Blog"), not a headline cut short.
    const MIN_TITLE_WORDS: usize = 3;
    let t = title_words(title);
    for h in headings {
        let hw = title_words(h);
        if hw.is_empty() {
            continue;
        }
        let mut sorted_h = hw.clone();
        let mut sorted_t = t.clone();
        sorted_h.sort();
        sorted_h.dedup();
        sorted_t.sort();
        sorted_t.dedup();
        if sorted_h == sorted_t {
            // The same words: the title already is the headline.
            return None;
        }
        // The heading must carry at least half of the title, so that a site name or logo
        // leading the title ("Site | Headline") is not taken for the headline.
        let title_runs_on = t.starts_with(&hw)
            && hw.len() * 2 >= t.len()
            && after_words(title, hw.len())
                // The headline's own closing marks ("…?", "(RBC)") come before the tail.
                .trim_start_matches([' ', ')', ']', '"', '”', '’', '?', '!', '.'])
                .starts_with(TAIL_SEPARATORS);
        let title_cut_short = t.len() >= MIN_TITLE_WORDS && hw.starts_with(&t);
        if title_runs_on || title_cut_short {
            return Some(h.trim().to_string());
        }
    }
    None
}

/// What stands between a title and its site's name ("Headline | Site").
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];

/// A site name that repeats the page's whole title ("How to Design a Website | Clay" as
/// `og:site_name`, as some site builders write it) names the site by the title's last part.
fn site_of_title(site: &str, title: &str) -> String {
    if collapse_ws(site) != collapse_ws(title) {
        return site.to_string();
    }
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| site.rsplit_once(sep).map(|(_, tail)| tail.trim()))
        .filter(|tail| !tail.is_empty())
        .min_by_key(|tail| tail.len())
        .unwrap_or(site)
        .to_string()
}

/// A page without a site name that ends its title with the name its address spells ("AI
/// Innovation Workspace | Miro" on miro.com, "... - The Verge" on theverge.com): that name.
pub fn site_in_title(title: &str, host: &str) -> Option<String> {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let labels: Vec<String> = host.split('.').map(key).collect();
    // The labels before the top-level domain.
    let names = labels.split_last().map_or(&[][..], |(_, rest)| rest);
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .map(|(head, tail)| (head.trim(), tail.trim()))
        .filter(|(head, tail)| !head.is_empty() && (1..=3).contains(&tail.split(' ').count()))
        .find(|(_, tail)| {
            let k = key(tail);
            k.chars().nth(2).is_some() && names.contains(&k)
        })
        .map(|(_, tail)| tail.to_string())
}

/// Drops a " | Site Name" style suffix (or prefix) when the site name is known.
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in TITLE_SEPARATORS {
        if let Some(t) = title.strip_suffix(&format!("{sep}{site}")) {
            if !t.trim().is_empty() {
                return t.trim().to_string();
            }
        }
        if let Some(t) = title.strip_prefix(&format!("{site}{sep}")) {
            if !t.trim().is_empty() {
                return t.trim().to_string();
            }
        }
    }
    collapse_ws(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without a title to match, the window is the one around the first `<h1>`.
    #[test]
    fn near_headline_is_the_window_around_the_first_h1() {
        let slow = |dom: &Dom| -> Vec<Id> {
            let all = dom.descendant_elements(ROOT);
            let Some(h1) = all.iter().position(|&n| dom.is(n, "h1")) else {
                return Vec::new();
            };
            all.into_iter()
                .skip(h1.saturating_sub(20))
                .take(80)
                .collect()
        };
        for (before, after) in [(0, 0), (3, 5), (19, 100), (20, 59), (21, 60), (45, 200)] {
            for second_h1 in [false, true] {
                let mut html = String::from("<html><body>");
                for i in 0..before {
                    html.push_str(&format!("<div><span>{i}</span></div>"));
                }
                html.push_str("<h1>Title <b>x</b></h1>");
                for i in 0..after {
                    html.push_str(&format!("<p>{i}</p>"));
                    if second_h1 && i == 2 {
                        html.push_str("<h1>Other</h1>");
                    }
                }
                let dom = crate::extract::pipeline::parse(&html);
                assert_eq!(
                    near_headline(&dom, ROOT, ""),
                    slow(&dom),
                    "{before} {after}"
                );
            }
        }
        let dom = crate::extract::pipeline::parse("<p>No headline</p>");
        assert!(near_headline(&dom, ROOT, "").is_empty());
    }

    #[test]
    fn keys() {
        assert_eq!(property_key("og:title").as_deref(), Some("og:title"));
        assert_eq!(
            property_key("fb og:description x").as_deref(),
            Some("og:description")
        );
        assert_eq!(
            property_key("dcterm:title").as_deref(),
            Some("dcterm:title")
        );
        assert_eq!(name_key("DC.title").as_deref(), Some("dc:title"));
        assert_eq!(
            name_key("parsely-pub-date").as_deref(),
            Some("parsely-pub-date")
        );
        assert_eq!(name_key("viewport"), None);
    }

    #[test]
    fn unescapes() {
        assert_eq!(
            unescape_entities("a &amp; b &#39;c&#x27; &bogus;"),
            "a & b 'c' &bogus;"
        );
    }

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site_name("A story | The Daily", Some("The Daily")),
            "A story"
        );
        assert_eq!(strip_site_name("A story", Some("The Daily")), "A story");
        assert_eq!(
            site_of_title("Design Guide | Clay", "Design Guide | Clay"),
            "Clay"
        );
        assert_eq!(site_of_title("Clay", "Clay"), "Clay");
        assert_eq!(
            site_of_title("The Daily", "A story | The Daily"),
            "The Daily"
        );
        let site = |t: &str, h: &str| site_in_title(t, h);
        assert_eq!(
            site("AI Workspace | Miro", "miro.com").as_deref(),
            Some("Miro")
        );
        assert_eq!(
            site("A story - The Verge", "www.theverge.com").as_deref(),
            Some("The Verge")
        );
        assert_eq!(site("A story | Opinion", "example.com"), None);
        assert_eq!(site("A story | Com", "example.com"), None);
        assert_eq!(site("Miro", "miro.com"), None);
    }
}
