//! Titles, publication dates and bylines as the page prints them: small pages written for these tests.

use lectern::{extract, Options};

/// A page with a headline, an optional head snippet, a line under the headline and enough
/// paragraphs to be an article, and an optional footer.
fn page(head: &str, under_headline: &str, footer: &str) -> String {
    let para = "<p>The harbour ferry kept its old timetable through the winter, and the crew \
                painted the hull in the spring, as they had done for thirty years, before the \
                new engine arrived from the yard across the bay.</p>";
    format!(
        "<!DOCTYPE html><html><head><title>Ferry news</title>{head}</head><body>\
         <article><h1>The ferry gets a new engine</h1>{under_headline}{}</article>\
         {footer}</body></html>",
        para.repeat(6)
    )
}

fn date_of(html: &str) -> Option<String> {
    let opts = Options {
        url: Some("https://ferry.example.org/news/engine".to_string()),
    };
    extract(html, &opts).expect("article").published_time
}

#[test]
fn date_printed_under_the_headline_is_read() {
    let html = page(
        "",
        "<div class=\"post-date\">Posted December 17, 2025</div>",
        "",
    );
    assert_eq!(date_of(&html).as_deref(), Some("2025-12-17"));
}

#[test]
fn numeric_dates_are_read_when_unambiguous() {
    let html = page("", "<span class=\"date\">25.09.2025</span>", "");
    assert_eq!(date_of(&html).as_deref(), Some("2025-09-25"));
    let html = page("", "<span class=\"date\">09/25/2025</span>", "");
    assert_eq!(date_of(&html).as_deref(), Some("2025-09-25"));
    // Day and month could be either way round: no date rather than a wrong one.
    let html = page("", "<span class=\"date\">03/04/2025</span>", "");
    assert_eq!(date_of(&html), None);
}

#[test]
fn sentinel_dates_are_not_dates() {
    let head = "<meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\">";
    assert_eq!(date_of(&page(head, "", "")), None);
    // The date the page prints takes its place.
    let html = page(head, "<p class=\"byline\">March 3, 2025</p>", "");
    assert_eq!(date_of(&html).as_deref(), Some("2025-03-03"));
}

#[test]
fn dates_far_from_the_headline_are_not_the_article_date() {
    let comments: String = (0..40)
        .map(|i| format!("<div class=\"comment\"><p>Comment number {i}</p></div>"))
        .collect();
    let footer =
        format!("<section>{comments}<div class=\"comment-date\">January 5, 2024</div></section>");
    assert_eq!(date_of(&page("", "", &footer)), None);
}

#[test]
fn byline_and_date_run_together_are_separated() {
    let html = page(
        "",
        "<div class=\"byline\">Written By:Jane RoeLast Updated:August 1, 2025</div>",
        "",
    );
    let opts = Options {
        url: Some("https://ferry.example.org/news/engine".to_string()),
    };
    let a = extract(&html, &opts).expect("article");
    assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(a.published_time.as_deref(), Some("2025-08-01"));
    assert!(!a.text.contains("Written By"), "{}", a.text);
}

#[test]
fn title_is_the_headline_without_a_site_suffix() {
    let mut html = page("", "", "");
    html = html.replace(
        "<title>Ferry news</title>",
        "<title>The ferry gets a new engine | Harbour Weekly Gazette</title>",
    );
    let opts = Options {
        url: Some("https://ferry.example.org/news/engine".to_string()),
    };
    let a = extract(&html, &opts).expect("article");
    assert_eq!(a.title.as_deref(), Some("The ferry gets a new engine"));
    // A title that is more than the headline plus a suffix stays as it is.
    let html = page("", "", "").replace(
        "<title>Ferry news</title>",
        "<title>The ferry gets a new engine, and a new timetable</title>",
    );
    let a = extract(&html, &opts).expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("The ferry gets a new engine, and a new timetable")
    );
}

#[test]
fn the_printed_day_wins_over_a_metadata_date_of_another_day() {
    let meta = "<meta property=\"article:published_time\" content=\"2015-04-06T13:52:00Z\">";
    // The page prints another day by its headline: that day.
    let html = page(
        meta,
        "<div class=\"post-date\">September 28, 2025</div>",
        "",
    );
    assert_eq!(date_of(&html).as_deref(), Some("2025-09-28"));
    // The same day: the metadata's time of day stays.
    let html = page(meta, "<div class=\"post-date\">April 6, 2015</div>", "");
    assert_eq!(date_of(&html).as_deref(), Some("2015-04-06T13:52:00Z"));
    // Nothing printed: the metadata.
    assert_eq!(
        date_of(&page(meta, "", "")).as_deref(),
        Some("2015-04-06T13:52:00Z")
    );
}

#[test]
fn a_last_modified_note_is_not_the_publication_date() {
    let footer = "<footer><p>This page was last modified on \
                  <time datetime=\"2025-12-05T16:09:35.000Z\">Dec 5, 2025</time> by contributors.\
                  </p></footer>";
    // A long page: the footer lies far from the headline, where only `<time>` is read.
    let body = "<p>The crossing takes forty minutes in calm weather.</p>".repeat(90);
    assert_eq!(date_of(&page("", &body, footer)), None);
    // A time with no such label still dates the page.
    let footer =
        "<footer><p>Published <time datetime=\"2025-12-05\">Dec 5, 2025</time></p></footer>";
    assert_eq!(
        date_of(&page("", &body, footer)).as_deref(),
        Some("2025-12-05")
    );
}
