//! Hand-written fixtures, one behaviour each (no corpus page is copied here).

use lectern::{extract, is_probably_readerable, Article, NoArticle, Options};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/extract/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn run(name: &str, url: &str) -> Article {
    let opts = Options {
        url: Some(url.to_string()),
    };
    extract(&fixture(name), &opts).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn lazy_images_resolve_to_absolute_urls() {
    let a = run(
        "lazy-images.html",
        "https://boats.example.org/stories/ferry.html",
    );
    assert!(
        a.content
            .contains("src=\"https://boats.example.org/photos/ferry-before.jpg\""),
        "{}",
        a.content
    );
    assert!(
        a.content
            .contains("https://boats.example.org/photos/engine-large.jpg"),
        "{}",
        a.content
    );
    assert!(
        a.content
            .contains("https://boats.example.org/photos/launch-day.jpg"),
        "noscript image: {}",
        a.content
    );
    assert!(!a.content.contains("placeholder.gif"), "{}", a.content);
    assert!(!a.content.contains("data:image/gif"), "{}", a.content);
    assert!(a.text.contains("carried its first twelve passengers"));
}

#[test]
fn tables_code_and_figures_survive() {
    let a = run(
        "table-code-figure.html",
        "https://garden.example.com/posts/rain.html",
    );
    for part in [
        "<table>",
        "<thead>",
        "<tbody>",
        "<th>",
        "<caption>",
        "<figcaption>",
    ] {
        assert!(a.content.contains(part), "missing {part}: {}", a.content);
    }
    assert!(a
        .content
        .contains("src=\"https://garden.example.com/posts/images/gauge.png\""));
    assert!(a
        .text
        .contains("    for week in range(0, len(readings), 7):\n        totals.append"));
    assert!(a.text.contains("The finished gauge: a funnel"));
    assert!(a.text.contains("27.8"));
}

#[test]
fn consent_related_and_paywall_nags_are_removed() {
    let a = run(
        "boilerplate.html",
        "https://gazette.example.net/news/library.html",
    );
    let t = a.text.to_lowercase();
    for gone in [
        "cookie",
        "related stories",
        "flood warnings issued",
        "subscribe to continue reading",
        "free limit",
        "support the valley gazette",
        "donate now",
    ] {
        assert!(!t.contains(gone), "{gone:?} left in:\n{}", a.text);
    }
    assert!(t.contains("the library in the village square opened its doors again"));
    assert!(t.contains("grant from the county"));
}

#[test]
fn json_ld_metadata_wins() {
    let a = run(
        "jsonld.html",
        "https://stadtbote.example.de/lokales/bruecke",
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Neue Brücke über den Fluss eröffnet")
    );
    assert_eq!(a.byline.as_deref(), Some("Jana Keller"));
    assert_eq!(a.site_name.as_deref(), Some("Stadtbote"));
    assert_eq!(
        a.published_time.as_deref(),
        Some("2025-06-14T09:30:00+02:00")
    );
    assert_eq!(
        a.excerpt.as_deref(),
        Some("Nach zwei Jahren Bauzeit ist die neue Fußgängerbrücke offen.")
    );
    assert_eq!(a.lang.as_deref(), Some("de"));
    assert_eq!(a.dir.as_deref(), Some("ltr"));
    assert!(a.word_count > 100);
    assert!(a.reading_time_minutes >= 1);
}

#[test]
fn output_is_sanitised() {
    let a = run("sanitize.html", "https://bees.example.com/notes/");
    let c = &a.content;
    for bad in [
        "onclick",
        "onmouseover",
        "onload",
        "<script",
        "javascript:",
        "data:text",
        "<form",
        "<input",
        "<object",
        "<embed",
        "style=",
    ] {
        assert!(!c.contains(bad), "{bad} left in {c}");
    }
    assert!(
        c.contains("href=\"https://bees.example.com/market\""),
        "{c}"
    );
    assert!(c.contains("rel=\"noopener noreferrer\""), "{c}");
    assert!(a.text.contains("which keeps everyone on good terms"));
}

#[test]
fn sample_news_page() {
    let html = std::fs::read_to_string(format!(
        "{}/examples/news-page.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("examples/news-page.html");
    let a = extract(
        &html,
        &Options {
            url: Some("https://example.com/news/syria-moscow".into()),
        },
    )
    .expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("Syria's interim president meets Putin in Moscow")
    );
    assert_eq!(a.site_name.as_deref(), Some("The Daily Meridian"));
    let t = a.text.to_lowercase();
    assert!(t.contains("syrian democratic forces"));
    assert!(
        t.contains("vladimir putin greets ahmad al-sharaa"),
        "lead caption kept"
    );
    for gone in [
        "skip to main content",
        "we use cookies",
        "advertisement",
        "subscribe to continue",
        "free limit",
        "support the daily meridian",
        "similar stories",
        "storm closes motorway",
        "sign up for our newsletter",
        "share on x",
        "all rights reserved",
    ] {
        assert!(!t.contains(gone), "{gone:?} left in:\n{}", a.text);
    }
    assert!(is_probably_readerable(&html));
}

#[test]
fn readerable_check_rejects_short_pages() {
    assert!(!is_probably_readerable(
        "<html><body><p>Hello.</p></body></html>"
    ));
    assert!(!is_probably_readerable(""));
    assert!(is_probably_readerable(&fixture("boilerplate.html")));
}

#[test]
fn text_has_blank_lines_between_paragraphs() {
    let a = run("jsonld.html", "https://stadtbote.example.de/x");
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    assert!(paras.len() >= 4, "{:?}", a.text);
    assert!(paras[0].starts_with("Nach zwei Jahren"), "{:?}", paras[0]);
}

#[test]
fn no_article_reasons() {
    let opts = Options::default();
    assert_eq!(extract("", &opts), Err(NoArticle::EmptyPage));
    assert_eq!(extract("  \n\t ", &opts), Err(NoArticle::EmptyPage));
    assert_eq!(
        extract("<html><body><div></div><img src=x></body></html>", &opts),
        Err(NoArticle::NoReadableContent)
    );
}

#[test]
fn fallback_recovers_text_readability_scoring_misses() {
    // Each paragraph sits six wrappers deep, beyond Readability's five scored ancestor levels,
    // so its scoring keeps only the longest paragraph; the fallback takes the shared container.
    let a = run(
        "nested-fragments.html",
        "https://town.example.org/features/chairs",
    );
    assert!(a.text.contains("smell of linseed oil"));
    assert!(a.text.contains("eleven years ago in a former bakery"));
    assert!(a.text.contains("usually full by nine in the morning"));
    assert_eq!(a.text.split("\n\n").count(), 7, "{}", a.text);
}

#[test]
fn listing_pages_are_not_articles() {
    let opts = Options {
        url: Some("https://herald.example.com/".into()),
    };
    assert_eq!(
        extract(&fixture("listing.html"), &opts),
        Err(NoArticle::ListingPage)
    );
}
