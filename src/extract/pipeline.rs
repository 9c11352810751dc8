//! The extraction pipeline over a parsed page: prepare, read metadata, grab the article,
//! post-process, clean boilerplate, sanitise, and lay out the text.

use super::dom::{Dom, ROOT};
use super::readability::{self, Grabber};
use super::{
    bio_box, boiler, consent, credits, cta, dates, depth, docs, emit, fallback, forum, image_key,
    listing, media, metadata, paywall, prep, product, reading_time, sink, strict, teasers, Article,
    NoArticle,
};

use super::readability::thresholds::{
    FALLBACK_MIN_TEXT, LISTING_LINK_DENSITY, LISTING_MAX_TEXT_PER_LINK, LISTING_MIN_LINKS,
};
use crate::text::word_count;

/// The page's DOM. The extension's captures take the fast path (already well-formed and of
/// bounded depth); any other HTML goes to html5ever, its nesting first capped (see `depth`).
pub fn parse(html: &str) -> Dom {
    strict::parse(html).unwrap_or_else(|| sink::parse_document(&depth::limit_depth(html)))
}

/// The parsed page made ready for scoring; JSON-LD is read on the way (scripts go away).
fn prepare(html: &str, want_ld: bool) -> (Dom, Option<metadata::JsonLd>, Option<product::Product>) {
    let mut dom = parse(html);
    // Most pages stream nothing: one scan of the source spares them the walk.
    if html.contains("<template id=\"") {
        prep::resolve_streamed_segments(&mut dom);
    }
    prep::unwrap_noscript_images(&mut dom);
    prep::unwrap_content_noscript(&mut dom);
    let ld = want_ld.then(|| metadata::json_ld(&mut dom, &readability::article_title));
    let product = if want_ld { product::find(&dom) } else { None };
    prep::prep_document(&mut dom);
    consent::drop_consent_panels(&mut dom);
    boiler::drop_overlays(&mut dom, ROOT);
    credits::drop_credit_popups(&mut dom, ROOT);
    // Most pages fold nothing: one scan of the source spares them the walk.
    if html.contains("aria-controls") {
        prep::unfold_controlled(&mut dom);
    }
    docs::keep_callout_asides(&mut dom, ROOT);
    docs::keep_contents(&mut dom, ROOT);
    (dom, ld, product)
}

/// A "best block" that is mostly many short links is a listing or home page, not an article.
fn looks_like_listing(d: &mut Dom, root: usize) -> bool {
    let links = d.descendants_with_tags(root, &["a"]).len();
    let len = d.text_len(root);
    links >= LISTING_MIN_LINKS
        && d.link_density(root) > LISTING_LINK_DENSITY
        && len / links.max(1) < LISTING_MAX_TEXT_PER_LINK
}

/// Whether the body already shows the lead image, at this or another size or crop: the reader
/// then leaves the lead out rather than show the photo twice.
fn shown_in_body(d: &Dom, root: usize, lead: &str, base: Option<&url::Url>) -> bool {
    let Some(lead_key) = image_key::key(lead, base) else {
        return false;
    };
    d.descendants_with_tags(root, &["img", "source"])
        .into_iter()
        .flat_map(|i| {
            let srcset = d.attr(i, "srcset").unwrap_or("");
            d.attr(i, "src")
                .into_iter()
                .chain(srcset_urls(srcset))
                .collect::<Vec<_>>()
        })
        .any(|u| image_key::key(u, base).as_deref() == Some(lead_key.as_str()))
}

/// The URLs of a `srcset` (by its grammar: a URL may itself hold commas).
fn srcset_urls(srcset: &str) -> impl Iterator<Item = &str> {
    crate::html::srcset_candidates(srcset)
        .into_iter()
        .map(|(u, _)| u)
}

/// A product region replaces the grabbed content when it holds at least this share (1/N) of
/// its text; a smaller one (a short description) goes before it.
const PRODUCT_REGION_SHARE: usize = 2;

/// A page's list of items replaces the grabbed block when its items hold this many times
/// its text.
const LIST_OVER_GRABBED: usize = 2;
/// ...unless that block is an article's worth of prose (characters in long paragraphs, see
/// `listing::prose`): a news story beside a rail of trending teasers, a buying guide under a
/// category's products.
const LIST_KEEPS_PROSE: usize = 2000;

/// `<h1>`s looked at for the visible headline: pages with more are lists of teasers.
const MAX_HEADLINE_CANDIDATES: usize = 8;

/// The date the page shows: pages that print when they were last updated and not when they
/// were first published ("Updated on July 9, 2025" under the headline) date the article by the
/// update, and so do readers; a metadata date the page prints nowhere by its headline yields to
/// the day it does print. `printed` are the days printed next to the headline.
fn shown_date(
    published: Option<String>,
    modified: Option<&str>,
    printed: &[String],
) -> Option<String> {
    let day = |d: &str| d.get(..10).map(str::to_string);
    let shows = |d: &str| day(d).is_some_and(|d| printed.contains(&d));
    let modified = modified
        .map(dates::normalize)
        .filter(|m| dates::plausible(m) && metadata::looks_like_iso_date(m));
    let chosen = match (published, modified) {
        (Some(p), Some(m)) if day(&p) != day(&m) && !shows(&p) && shows(&m) => Some(m),
        (None, Some(m)) if shows(&m) => Some(m),
        (p, _) => p,
    };
    // A day the page does not print at all yields to the first it prints by the headline:
    // pages print the date they stand by while their metadata may keep another (a first
    // publication, a time in another zone).
    match (chosen, printed.first()) {
        (Some(c), Some(first)) if !shows(&c) && dates::plausible(first) => Some(first.clone()),
        (c, _) => c,
    }
}

/// Words a page's one `<h1>` needs to stand for the article's title (not a section or a name).
const MIN_HEADLINE_WORDS: usize = 3;

/// The page's `<h1>` texts in order (the first few): the headlines it prints.
fn headlines(dom: &Dom) -> Vec<String> {
    dom.descendants_with_tags(ROOT, &["h1"])
        .iter()
        .take(MAX_HEADLINE_CANDIDATES)
        .filter_map(|&h| metadata::heading_text(dom, h))
        .collect()
}

/// The headlines a page prints (its `<h1>` texts), for evaluations that compare titles.
pub fn printed_headlines(html: &str) -> Vec<String> {
    headlines(&prepare(html, true).0)
}

pub fn run(
    html: &str,
    page: Option<&url::Url>,
) -> Result<(Article, Vec<crate::text::HtmlSpan>), NoArticle> {
    let (mut dom, ld, product) = prepare(html, true);
    let ld = ld.unwrap_or_default();
    let meta = metadata::metadata(&mut dom, &ld);
    let headings = headlines(&dom);
    let base = prep::base_url(&dom, page);
    let base_is_page = base.as_ref() == page;
    // Read from the page only when the metadata has no usable date (it costs a walk).
    let meta_date_ok = meta
        .published_time
        .as_deref()
        .is_some_and(|t| dates::plausible(&dates::normalize(t)));
    // Where the page prints its date and byline.
    let window = metadata::near_headline(&dom, ROOT, &meta.title);
    let time_fallback = if meta_date_ok {
        None
    } else {
        metadata::time_element(&dom, ROOT).or_else(|| metadata::visible_date(&dom, &window))
    };
    // The byline the page prints: for pages whose metadata names no author, or only the first
    // of the authors the page prints ("Written by A, B and C" with `author` A).
    let printed_byline = metadata::visible_byline(&dom, &window);
    // An organisation as the metadata's author yields to a byline the page prints.
    let (meta_byline, org_byline) = match meta.byline.clone() {
        Some(m) if meta.byline_org => (None, Some(m)),
        m => (m, None),
    };
    let (meta_byline, printed_byline) = match (meta_byline, printed_byline) {
        (Some(m), Some(p)) if metadata::names_more_authors(&p, &m) => (Some(p), None),
        (Some(m), _) => (Some(m), None),
        (None, p) => (None, p),
    };
    let has_meta_byline = meta_byline.is_some();
    let printed_days = metadata::printed_days(&dom, &window);
    let body = dom.body();
    if !body.is_some_and(|b| dom.has_text(b)) {
        return Err(NoArticle::NoReadableContent);
    }

    let (body_text, container) = match body {
        Some(b) => fallback::body_paragraphs(&mut dom, b),
        None => (0, None),
    };
    // The page's list of items (a category's products, a front page's teasers), found before
    // Readability moves nodes; node ids name the same elements in a re-prepared page.
    let list = body.and_then(|b| listing::find(&mut dom, b));
    // A thread's posts, marked before Readability moves them (see `forum`).
    let thread = forum::Thread::find(&mut dom).map(|t| {
        let mask = t.mask(&dom);
        (t, mask)
    });
    // A failed attempt re-prepares the page rather than keeping a copy of it around.
    let rebuild = || prepare(html, false).0;
    let mut grabbed = Grabber::new(dom, &meta.title, has_meta_byline)
        .grab(&rebuild)
        .ok_or(NoArticle::NoReadableContent)?;
    let got = grabbed.dom.text_len(grabbed.content);
    if let Some(c) = container {
        // Node ids are stable across re-preparation, so `c` names the same container.
        if body_text >= FALLBACK_MIN_TEXT && got * 10 < body_text * 6 {
            let alt = Grabber::new(rebuild(), &meta.title, has_meta_byline).grab_container(c);
            if let Some(mut alt) = alt {
                if alt.dom.text_len(alt.content) > got {
                    if alt.byline.is_none() {
                        alt.byline = grabbed.byline.take();
                    }
                    alt.dir = alt.dir.or(grabbed.dir.take());
                    grabbed = alt;
                }
            }
        }
    }
    let mut is_thread = false;
    let mut thread_day = None;
    let mut thread_subject = None;
    if let Some((t, mask)) = thread {
        let holds = forum::Thread::holds(&mask, &grabbed.dom, grabbed.content);
        let opening = if holds {
            None
        } else {
            forum::Thread::opening(&mask, &grabbed.dom, grabbed.content)
                // (A product page's reviews are no discussion of its description.)
                .or_else(|| {
                    product
                        .is_none()
                        .then(|| t.story(&mask, &grabbed.dom, grabbed.content))
                        .flatten()
                })
        };
        if holds || opening.is_some() {
            let mut fresh = rebuild();
            thread_subject = forum::subject(&fresh, &meta.title);
            if let Some(built) = t.build(&mut fresh, opening) {
                grabbed.dom = fresh;
                grabbed.content = built.content;
                grabbed.byline = built.author.or(grabbed.byline.take());
                thread_day = built.day;
                is_thread = true;
            }
        }
    }
    // A product page shows its product: the block printing its description, where
    // Readability chose another (a carousel, the reviews, the footer).
    let description = product
        .as_ref()
        .and_then(|p| p.description.clone())
        .or_else(|| meta.excerpt.clone());
    let mut product_region = false;
    if let (false, Some(item), Some(desc)) = (is_thread, &product, description) {
        if !product::holds(&grabbed.dom, grabbed.content, &desc) {
            let mut fresh = rebuild();
            if let Some(built) = product::build(&mut fresh, &desc) {
                let got = grabbed.dom.text_len(grabbed.content);
                if fresh.text_len(built) * PRODUCT_REGION_SHARE >= got {
                    grabbed.dom = fresh;
                    grabbed.content = built;
                    product_region = true;
                } else if let Some(lead) = product::build(&mut grabbed.dom, &desc) {
                    // A short description by the price, beside a longer body Readability
                    // found: the reader shows both, the description first.
                    product::prepend(&mut grabbed.dom, grabbed.content, lead);
                }
            } else if let Some(lead) = item
                .name
                .as_deref()
                .filter(|n| !product::names(&grabbed.dom, grabbed.content, n))
                .and_then(|_| product::fallback(&mut grabbed.dom, &desc))
            {
                // Readability chose a block that does not even name the product: the
                // description the structured data gives is all the reader can show of it.
                product::prepend(&mut grabbed.dom, grabbed.content, lead);
            }
        }
    }
    // A listing page shows its items: where Readability kept a block of bare links, or a
    // block much smaller than the page's list (an intro, a slogan, a footer blurb)...
    let mut list_taken = false;
    // ...not on a product page whose block shows the product (its list is of other products).
    // (The page's meta description is no test: on a category page it describes the category.)
    let shows_product = product.as_ref().is_some_and(|p| {
        p.name
            .as_deref()
            .is_some_and(|n| product::names(&grabbed.dom, grabbed.content, n))
            || p.description
                .as_deref()
                .is_some_and(|d| product::holds(&grabbed.dom, grabbed.content, d))
    });
    if let (false, false, false, Some(l)) = (is_thread, product_region, shows_product, list) {
        let got = grabbed.dom.text_len(grabbed.content);
        let links = looks_like_listing(&mut grabbed.dom, grabbed.content);
        let smaller = l.text > got * LIST_OVER_GRABBED
            && listing::prose(&mut grabbed.dom, grabbed.content) < LIST_KEEPS_PROSE;
        if links || smaller {
            let mut fresh = rebuild();
            grabbed.content = listing::take(&mut fresh, l);
            grabbed.dom = fresh;
            // A byline Readability read there was one teaser's, not the page's.
            grabbed.byline = None;
            list_taken = true;
        }
    }
    let mut d = grabbed.dom;
    let root = grabbed.content;
    if !is_thread && !list_taken && looks_like_listing(&mut d, root) {
        return Err(NoArticle::ListingPage);
    }
    docs::restore_contents_links(&mut d, root);
    prep::fix_relative_uris(&mut d, root, base.as_ref(), base_is_page);
    readability::simplify_nested(&mut d, root);
    // Before `boiler` drops the pitch line that marks where the article stops.
    paywall::drop_paywall_tail(&mut d, root);
    boiler::clean(&mut d, root);
    if !is_thread && !list_taken && !product_region {
        teasers::drop_announced_teasers(&mut d, root);
    }
    bio_box::drop_bio_boxes(&mut d, root);
    credits::drop_credit_boxes(&mut d, root);
    if !is_thread && !list_taken && !product_region {
        cta::drop_repeated_ctas(&mut d, root);
    }
    docs::clean(&mut d, root);
    boiler::join_drop_caps(&mut d, root);
    boiler::unwrap_single_cell_tables(&mut d, root);
    media::keep_as_poster_or_link(&mut d, root, base.as_ref());
    boiler::separate_caption_credits(&mut d, root);
    let byline = meta_byline
        .or(grabbed.byline)
        .or(printed_byline)
        .or(org_byline)
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty());
    if let Some(b) = &byline {
        boiler::drop_byline(&mut d, root, b);
        bio_box::drop_byline_bios(&mut d, root, b);
    }
    // Shown as the page's author: the name alone, without labels, dates or widget text.
    let byline = byline.and_then(|b| super::byline::clean(&b));
    readability::clean_classes(&mut d, root);
    prep::ensure_img_src(&mut d, root);

    let excerpt = meta.excerpt.clone().or_else(|| {
        d.descendants_with_tags(root, &["p"])
            .first()
            .map(|&p| d.text_content(p).trim().to_string())
    });
    let first_img = d
        .descendants_with_tags(root, &["img"])
        .into_iter()
        .find_map(|i| d.attr(i, "src").map(str::to_string));
    let (content, text, spans) = emit::html_and_text(&d, root, base.as_ref());
    let words = word_count(&text);
    if words == 0 {
        return Err(NoArticle::NoReadableContent);
    }
    let lead_image_url = meta
        .image
        .as_deref()
        .and_then(|i| match base.as_ref() {
            Some(b) => b.join(i.trim()).ok().map(|u| u.to_string()),
            None => Some(i.to_string()),
        })
        .or(first_img)
        .filter(|u| !u.starts_with("data:"))
        .filter(|u| !shown_in_body(&d, root, u, base.as_ref()));
    let site_name = meta.site_name.clone().or_else(|| {
        page.and_then(|u| u.host_str())
            .and_then(|host| metadata::site_in_title(&meta.title, host))
    });
    let title = metadata::strip_site_name(&meta.title, site_name.as_deref());
    let title = thread_subject
        .filter(|_| is_thread)
        .or_else(|| {
            headings
                .first()
                .and_then(|h| metadata::headline_of_title(&title, h))
        })
        .or_else(|| metadata::visible_headline(&headings, &title))
        .or_else(|| {
            product
                .as_ref()
                .and_then(|_| product::headline(&headings, &title))
        })
        .or_else(|| {
            // An article (dated or signed) whose one headline is reworded from its metadata
            // title ("Top 10 Health and Nutrition Trends to Watch" printed, "Health And
            // Nutrition Trends For 2026" shared): the reader shows what the page prints. Not
            // on other pages, whose one `<h1>` is as often a slogan ("Make operations
            // self-driving") as their name.
            let signed =
                meta.published_time.is_some() || !printed_days.is_empty() || has_meta_byline;
            let [h] = headings.as_slice() else {
                return None;
            };
            let (hl, tl) = (h.trim().to_lowercase(), title.to_lowercase());
            // A site's name or tagline in the `<h1>`: the title's tail, not its headline.
            let site_heading = tl.ends_with(&hl)
                || site_name
                    .as_deref()
                    .is_some_and(|s| s.trim().to_lowercase() == hl);
            // A heading that leads into something else ("A message from our co-founder:",
            // a promotion's) is no headline.
            let lead_in = h.trim_end().ends_with(':');
            (signed
                && !site_heading
                && !lead_in
                && h.split_whitespace().count() >= MIN_HEADLINE_WORDS)
                .then(|| h.trim().to_string())
        })
        .unwrap_or(title);
    let published_time = meta
        .published_time
        .as_deref()
        .map(dates::normalize)
        .filter(|t| dates::plausible(t))
        .or_else(|| {
            time_fallback
                .map(|t| dates::normalize(&t))
                .filter(|t| dates::plausible(t))
        })
        // The first day printed next to the headline, in an element of any name.
        .or_else(|| {
            printed_days
                .first()
                .filter(|t| dates::plausible(t))
                .cloned()
        })
        // An article object that says only when it was last updated (not the page's
        // `article:modified_time`, which service and listing pages carry too).
        .or_else(|| {
            ld.page_modified
                .as_deref()
                .map(dates::normalize)
                .filter(|t| dates::plausible(t))
        });
    let published_time = shown_date(published_time, meta.modified_time.as_deref(), &printed_days);
    // A thread was published when its first post was: the page's metadata often dates it by
    // its last reply, or by when it was crawled.
    let published_time = match (thread_day, published_time) {
        (Some(day), Some(t)) if t.get(..10) == Some(day.as_str()) => Some(t),
        (Some(day), _) => Some(day),
        (None, t) => t,
    };
    let article = Article {
        title: Some(title).filter(|t| !t.is_empty()),
        byline,
        published_time,
        site_name,
        lang: grabbed.lang.or(meta.lang.clone()).filter(|l| !l.is_empty()),
        dir: grabbed.dir,
        excerpt: excerpt.filter(|e| !e.is_empty()),
        lead_image_url,
        content,
        text,
        word_count: words,
        reading_time_minutes: reading_time(words),
    };
    Ok((article, spans))
}
