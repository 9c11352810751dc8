//! Title, byline and date classes found on modern pages (issue 12): each with a small page
//! written for the test and a control that must stay as it is.

use lectern::{extract, Article, Options};

const PROSE: &str = "<p>The island council agreed on Monday to run a second ferry in the summer \
    months, after a season in which queues at the slipway reached the village shop and the \
    school bus missed its crossing twice a week.</p>\
    <p>The second boat will be leased from a yard on the mainland and crewed by four new \
    deckhands, who start their training in April under the skipper of the existing ferry.</p>\
    <p>Islanders who spoke at the meeting welcomed the plan but asked for the winter timetable \
    to stay as it is, since the morning crossing suits the fishermen and the post van.</p>";

/// A page with `head` in its `<head>` and `top` before the article's prose.
fn page(head: &str, top: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{head}</head><body>\
         <article>{top}{PROSE}</article></body></html>"
    )
}

fn run(html: &str) -> Article {
    let opts = Options {
        url: Some("https://island.example.org/news/second-ferry".to_string()),
    };
    extract(html, &opts).unwrap_or_else(|e| panic!("{e}"))
}

fn title_of(head: &str, top: &str) -> Option<String> {
    run(&page(head, top)).title
}

#[test]
fn title_is_the_headline_when_metadata_runs_on_or_cuts_it_short() {
    // The title is the headline plus a tail: a year and a pitch, an author in brackets.
    let t = title_of(
        "<title>Second ferry for the island [2026]: Times + Fares</title>",
        "<h1>Second ferry for the island</h1>",
    );
    assert_eq!(t.as_deref(), Some("Second ferry for the island"));
    let t = title_of(
        "<meta property=\"og:title\" content=\"Second ferry for the island (Jane Roe)\">",
        "<h1>Second ferry for the island</h1>",
    );
    assert_eq!(t.as_deref(), Some("Second ferry for the island"));
    let t = title_of(
        "<title>Will the island get a second ferry? - Island Post</title>",
        "<h1>Will the island get a second ferry?</h1>",
    );
    assert_eq!(t.as_deref(), Some("Will the island get a second ferry?"));
    // The social title leaves the headline's subtitle out.
    let t = title_of(
        "<meta property=\"og:title\" content=\"Ferry or bridge\">",
        "<h1>Ferry or bridge: which crossing suits the island?</h1>",
    );
    assert_eq!(
        t.as_deref(),
        Some("Ferry or bridge: which crossing suits the island?")
    );
    // The headline is found past a logo heading.
    let t = title_of(
        "<title>Second ferry for the island - Island Post</title>",
        "<h1>Island Post</h1><h1>Second ferry for the island</h1>",
    );
    assert_eq!(t.as_deref(), Some("Second ferry for the island"));
}

#[test]
fn headline_text_leaves_out_dates_marks_and_hidden_copies() {
    // A post date set inside the headline, and a self-link mark after it.
    let t = title_of(
        "<title>Second ferry for the island - Jane's log</title>",
        "<h1><a href=\"/p\"><time datetime=\"2025-12-18\">Dec 18 2025</time> Second ferry for \
         the island</a><a class=\"headerlink\" href=\"#t\">¶</a></h1>",
    );
    assert_eq!(t.as_deref(), Some("Second ferry for the island"));
    // A heading for screen readers only is not what the page shows.
    for hidden in [
        "class=\"sr-only\"",
        "style=\"position:absolute; clip: rect(0, 0, 0, 0); width:1px\"",
    ] {
        let t = title_of(
            "<title>Second ferry for the island</title>",
            &format!(
                "<h1 {hidden}>Second ferry for the island: news from Island Post</h1>\
                 <h2>Second ferry for the island</h2>"
            ),
        );
        assert_eq!(
            t.as_deref(),
            Some("Second ferry for the island"),
            "{hidden}"
        );
    }
}

#[test]
fn a_dated_article_shows_the_headline_it_prints() {
    // The social card's title is reworded; the article is dated: the page's one headline.
    let dated = "<meta property=\"article:published_time\" content=\"2026-01-28T09:00:00Z\">";
    let t = title_of(
        &format!("{dated}<meta property=\"og:title\" content=\"Island to lease a second ferry\">"),
        "<h1>A second boat for the summer crossings</h1>",
    );
    assert_eq!(t.as_deref(), Some("A second boat for the summer crossings"));
    // Two headlines, or one too short to be a headline: the metadata title stays.
    let t = title_of(
        &format!("{dated}<meta property=\"og:title\" content=\"Island to lease a second ferry\">"),
        "<h1>A second boat for the summer crossings</h1><h1>Also today</h1>",
    );
    assert_eq!(t.as_deref(), Some("Island to lease a second ferry"));
    let t = title_of(
        &format!("{dated}<meta property=\"og:title\" content=\"Island to lease a second ferry\">"),
        "<h1>Ferries</h1>",
    );
    assert_eq!(t.as_deref(), Some("Island to lease a second ferry"));
    // A promotion's lead-in in the page's one `<h1>` is no headline.
    let t = title_of(
        &format!("{dated}<meta property=\"og:title\" content=\"Island to lease a second ferry\">"),
        "<h1>A message from our editor, founder of Island Post:</h1>",
    );
    assert_eq!(t.as_deref(), Some("Island to lease a second ferry"));
}

#[test]
fn reworded_headlines_and_site_headings_leave_the_title_alone() {
    // A headline in other words on a page with no date or author (a service's slogan): the
    // metadata title stays (as Readability has it).
    let t = title_of(
        "<meta property=\"og:title\" content=\"Island to lease a second ferry\">",
        "<h1>A second boat for the summer crossings</h1>",
    );
    assert_eq!(t.as_deref(), Some("Island to lease a second ferry"));
    // A heading holding only the site's name or tagline is not the headline.
    let t = title_of(
        "<meta property=\"og:title\" \
         content=\"Council votes on ferries: the summer plan — news from Island Post\">",
        "<h1>news from Island Post</h1>",
    );
    assert_eq!(
        t.as_deref(),
        Some("Council votes on ferries: the summer plan — news from Island Post")
    );
    // A comma goes on with the headline's own words: the title stays whole.
    let t = title_of(
        "<title>Second ferry for the island, and a new timetable</title>",
        "<h1>Second ferry for the island</h1>",
    );
    assert_eq!(
        t.as_deref(),
        Some("Second ferry for the island, and a new timetable")
    );
}

fn byline_of(top: &str) -> Option<String> {
    run(&page("<title>Second ferry for the island</title>", top)).byline
}

#[test]
fn byline_printed_under_the_headline_is_read() {
    let h1 = "<h1>Second ferry for the island</h1>";
    // A "By" line with its date, and a date line that ends with the byline.
    let b = byline_of(&format!(
        "{h1}<div class=\"text-lg\">By <a href=\"/people/2420/\">Jane Roe</a> – Updated \
         Sep 9, 2025 at 1:00 PM</div>"
    ));
    assert_eq!(b.as_deref(), Some("Jane Roe"));
    let b = byline_of(&format!(
        "{h1}<div class=\"small\">March 15, 2022 · 3 min read · By Island Online</div>"
    ));
    assert_eq!(b.as_deref(), Some("Island Online"));
    // Controls: a picture credit and a sentence that opens with "By" are not bylines.
    let b = byline_of(&format!(
        "{h1}<div class=\"caption\">Photo by Jane Roe</div>\
         <div class=\"lede\">By Monday the council had voted.</div>"
    ));
    assert_eq!(b, None);
}

#[test]
fn dates_of_papers_and_twice_encoded_dates_are_read() {
    let date = |head: &str| run(&page(head, "<h1>Second ferry for the island</h1>")).published_time;
    assert_eq!(
        date("<meta name=\"citation_date\" content=\"2025/12/18\">").as_deref(),
        Some("2025-12-18")
    );
    assert_eq!(
        date("<meta name=\"DC.date\" content=\"2019-06-25\">").as_deref(),
        Some("2019-06-25")
    );
    assert_eq!(
        date("<meta property=\"article:published_time\" content='\"2025-12-17T13:22:47Z\"'>")
            .as_deref(),
        Some("2025-12-17T13:22:47Z")
    );
    // The article's own tag comes first.
    assert_eq!(
        date(
            "<meta name=\"citation_date\" content=\"2020/01/02\">\
             <meta property=\"article:published_time\" content=\"2025-03-04\">"
        )
        .as_deref(),
        Some("2025-03-04")
    );
}

fn date_of(head: &str, top: &str) -> Option<String> {
    run(&page(head, top)).published_time
}

const LD_OPEN: &str = "<script type=\"application/ld+json\">";

#[test]
fn json_ld_dates_of_nested_articles_and_update_only_articles_are_read() {
    let h1 = "<h1>Second ferry for the island</h1>";
    // The article is the web page's main entity, not a top-level object.
    let head = format!(
        "{LD_OPEN}{{\"@context\":\"https://schema.org\",\"@type\":\"WebPage\",\
         \"mainEntity\":{{\"@type\":\"Article\",\"datePublished\":\"2024-12-09T10:00:00Z\"}}}}\
         </script>"
    );
    assert_eq!(date_of(&head, h1).as_deref(), Some("2024-12-09T10:00:00Z"));
    // An article that gives only when it was last modified.
    let head = format!(
        "{LD_OPEN}{{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\
         \"headline\":\"Second ferry for the island\",\
         \"dateModified\":\"2025-07-09 11:50:26\"}}</script>"
    );
    assert_eq!(date_of(&head, h1).as_deref(), Some("2025-07-09 11:50:26"));
    // Controls: a web page's own date, and a page's modified-time tag, date no article.
    let head = format!(
        "{LD_OPEN}{{\"@context\":\"https://schema.org\",\"@type\":\"WebPage\",\
         \"datePublished\":\"2025-02-14T18:47:52Z\"}}</script>\
         <meta property=\"article:modified_time\" content=\"2025-03-01T00:00:00Z\">"
    );
    assert_eq!(date_of(&head, h1), None);
}

#[test]
fn the_author_of_a_web_pages_main_entity_is_read() {
    // A forum writes its opening post as the page's main entity, with its author.
    let head = format!(
        "{LD_OPEN}{{\"@context\":\"https://schema.org\",\"@type\":\"WebPage\",\
         \"mainEntity\":{{\"@type\":\"DiscussionForumPosting\",\
         \"headline\":\"Second ferry for the island\",\
         \"author\":{{\"@type\":\"Person\",\"name\":\"harbourwatcher\"}}}}}}</script>"
    );
    let a = run(&page(&head, "<h1>Second ferry for the island</h1>"));
    assert_eq!(a.byline.as_deref(), Some("harbourwatcher"));
    // Control: a web page's main entity that is no article (a list) names no author.
    let head = format!(
        "{LD_OPEN}{{\"@context\":\"https://schema.org\",\"@type\":\"WebPage\",\
         \"mainEntity\":{{\"@type\":\"ItemList\",\
         \"author\":{{\"@type\":\"Person\",\"name\":\"harbourwatcher\"}}}}}}</script>"
    );
    let a = run(&page(&head, "<h1>Second ferry for the island</h1>"));
    assert_eq!(a.byline, None);
}

#[test]
fn the_day_a_member_joined_is_not_the_posts_date() {
    let head = "<title>Second ferry for the island</title>";
    // A forum post's user card beside the headline: "Joined" and the day, as a pair.
    let top = "<h1>Second ferry for the island</h1><div class=\"user-card\">\
        <a href=\"/members/harbourwatcher.1/\">harbourwatcher</a>\
        <dl><dt>Joined</dt><dd>Nov 4, 2011</dd></dl><div>Member since March 3, 2015</div></div>";
    assert_eq!(date_of(head, top), None);
    // Control: the post's own day beside it is read.
    let top = format!("{top}<div class=\"post-date\">August 28, 2025</div>");
    assert_eq!(date_of(head, &top).as_deref(), Some("2025-08-28"));
}

#[test]
fn printed_dates_are_read_next_to_the_headline_the_title_names() {
    let head = "<title>Second ferry for the island</title>";
    // A hidden "Search" heading comes first; the date line glues its separators.
    let menu = "<li><a href=\"/\">Home</a></li>".repeat(60);
    let top = format!(
        "<h1 class=\"sr-only\">Search</h1><ul>{menu}</ul>\
         <h1>Second ferry for the island</h1>\
         <div class=\"post-date\">August 28, 2025•5 min read</div>"
    );
    assert_eq!(date_of(head, &top).as_deref(), Some("2025-08-28"));
    let top = "<h1>Second ferry for the island</h1>\
        <div class=\"author-and-date\">BySummer Jones-June 12, 2025</div>";
    assert_eq!(date_of(head, top).as_deref(), Some("2025-06-12"));
}

#[test]
fn the_date_shown_is_the_update_when_the_page_prints_only_that() {
    let ld = |published: &str, modified: &str| {
        format!(
            "{LD_OPEN}{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
             \"headline\":\"Second ferry for the island\",\"datePublished\":\"{published}\",\
             \"dateModified\":\"{modified}\"}}</script>"
        )
    };
    let h1 = "<h1>Second ferry for the island</h1>";
    let head = ld("2019-08-14T13:00:00Z", "2025-09-17T08:00:00Z");
    let top = format!("{h1}<p class=\"meta\">By Jane Roe <span>Sep 17, 2025</span></p>");
    assert_eq!(
        date_of(&head, &top).as_deref(),
        Some("2025-09-17T08:00:00Z")
    );
    // Controls: printed as an update, both printed, or none printed: the publication date
    // stays.
    let top = format!("{h1}<p class=\"meta\">Updated <time>Sep 17, 2025</time></p>");
    assert_eq!(
        date_of(&head, &top).as_deref(),
        Some("2019-08-14T13:00:00Z")
    );
    let top = format!("{h1}<p>Published Aug 14, 2019</p><p>Updated Sep 17, 2025</p>");
    assert_eq!(
        date_of(&head, &top).as_deref(),
        Some("2019-08-14T13:00:00Z")
    );
    assert_eq!(date_of(&head, h1).as_deref(), Some("2019-08-14T13:00:00Z"));
}

#[test]
fn bylines_printed_on_lines_of_their_own_end_at_the_line() {
    let h1 = "<h1>Second ferry for the island</h1>";
    // Name above its role, in one block.
    let b = byline_of(&format!(
        "{h1}<div class=\"card\"><p>By Jane Roe</p><p>Co-founder and Chief Architect</p></div>"
    ));
    assert_eq!(b.as_deref(), Some("Jane Roe"));
    // Labels and values on lines of their own: the date's label before the byline's.
    let b = byline_of(&format!(
        "{h1}<div class=\"facts\"><div><p>Last updated</p><time>Aug 04, 2025</time></div>\
         <div><p>Written by</p><p>Jane Roe</p></div></div>"
    ));
    assert_eq!(b.as_deref(), Some("Jane Roe"));
    // A byline element read by the grabber: its second line is a role.
    let b = byline_of(&format!(
        "{h1}<div class=\"byline\"><span>Jane Roe</span><div>Senior Editor</div></div>"
    ));
    assert_eq!(b.as_deref(), Some("Jane Roe"));
}

#[test]
fn a_date_printed_under_the_headline_is_read_whatever_its_element_is_named() {
    let head = "<title>Second ferry for the island</title>";
    let top = "<h1>Second ferry for the island</h1>\
        <div class=\"w-embed\"><strong>By Jane Roe</strong> - Mar 27, 2024</div>";
    assert_eq!(date_of(head, top).as_deref(), Some("2024-03-27"));
    // Control: a page that prints no date has none.
    let top = "<h1>Second ferry for the island</h1><div class=\"w-embed\">By Jane Roe</div>";
    assert_eq!(date_of(head, top), None);
}

#[test]
fn printed_bylines_with_more_authors_than_the_metadata_name_them_all() {
    let head = "<title>Second ferry for the island</title>\
        <meta name=\"author\" content=\"Jane Roe\">";
    let byline = |line: &str| {
        run(&page(
            head,
            &format!("<h1>Second ferry for the island</h1><div class=\"info\">{line}</div>"),
        ))
        .byline
    };
    assert_eq!(
        byline("Written by <span>Dr Jane Roe</span>, <span>John Doe</span>, <span>Ann Poe</span>")
            .as_deref(),
        Some("Dr Jane Roe, John Doe, Ann Poe")
    );
    // Controls: a role after the name, and a printed line that names someone else.
    assert_eq!(
        byline("By Jane Roe, Senior Analyst").as_deref(),
        Some("Jane Roe")
    );
    assert_eq!(byline("By John Doe, Ann Poe").as_deref(), Some("Jane Roe"));
}

#[test]
fn a_role_or_employer_after_the_byline_is_left_out() {
    let by = |author: &str| {
        run(&page(
            &format!(
                "<title>Second ferry for the island</title>\
                 <meta name=\"author\" content=\"{author}\">"
            ),
            "<h1>Second ferry for the island</h1>",
        ))
        .byline
    };
    assert_eq!(
        by("Jane Roe, Trial Attorney at Smith &amp; Co").as_deref(),
        Some("Jane Roe")
    );
    assert_eq!(
        by("Jane Roe and John Doe, The Island Post").as_deref(),
        Some("Jane Roe and John Doe")
    );
    // Control: a list of names stays whole.
    assert_eq!(
        by("Jane Roe, John Doe, Ann van Poe").as_deref(),
        Some("Jane Roe, John Doe, Ann van Poe")
    );
}

#[test]
fn papers_name_every_author_of_their_citation_tags() {
    let head = "<title>Second ferry for the island</title>\
        <meta name=\"DC.Creator\" content=\"Jane Roe\">\
        <meta name=\"citation_author\" content=\"Jane Roe\">\
        <meta name=\"citation_author\" content=\"Doe, John\">";
    let a = run(&page(head, "<h1>Second ferry for the island</h1>"));
    assert_eq!(a.byline.as_deref(), Some("Jane Roe, John Doe"));
    // Control: a byline that is not the first citation author stays.
    let head = "<title>Second ferry for the island</title>\
        <meta name=\"author\" content=\"Ann Poe\">\
        <meta name=\"citation_author\" content=\"Jane Roe\">\
        <meta name=\"citation_author\" content=\"John Doe\">";
    let a = run(&page(head, "<h1>Second ferry for the island</h1>"));
    assert_eq!(a.byline.as_deref(), Some("Ann Poe"));
}

/// The byline of a page whose `<head>` holds `head` and which prints `line` under its headline.
fn byline_with(head: &str, line: &str) -> Option<String> {
    let head = format!("<title>Second ferry for the island</title>{head}");
    let top = format!("<h1>Second ferry for the island</h1>{line}");
    run(&page(&head, &top)).byline
}

#[test]
fn an_organisation_as_author_yields_to_the_byline_the_page_prints() {
    let ld = |author_type: &str| {
        format!(
            "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
             \"@type\":\"NewsArticle\",\"headline\":\"Second ferry for the island\",\
             \"author\":{{\"@type\":\"{author_type}\",\"name\":\"Island Post\"}}}}</script>"
        )
    };
    let by = "<div class=\"byline\">By Jane Roe</div>";
    assert_eq!(
        byline_with(&ld("Organization"), by).as_deref(),
        Some("Jane Roe")
    );
    // The site's own name as the author, typed as a person.
    let site = format!(
        "{}<meta property=\"og:site_name\" content=\"Island Post\">",
        ld("Person")
    );
    assert_eq!(byline_with(&site, by).as_deref(), Some("Jane Roe"));
    // Controls: a person's name stays; an organisation stays when the page prints no byline.
    assert_eq!(
        byline_with(&ld("Person"), by).as_deref(),
        Some("Island Post")
    );
    assert_eq!(
        byline_with(&ld("Organization"), "").as_deref(),
        Some("Island Post")
    );
}

#[test]
fn an_author_given_as_a_profile_link_is_no_name() {
    let head = "<meta name=\"author\" content=\"https://island.example.org/user/jane-roe\">";
    assert_eq!(
        byline_with(head, "<div class=\"author\">by Jane Roe</div>").as_deref(),
        Some("Jane Roe")
    );
    assert_eq!(byline_with(head, "").as_deref(), None);
    // Control: a name stays.
    let head = "<meta name=\"author\" content=\"Jane Roe\">";
    assert_eq!(byline_with(head, "").as_deref(), Some("Jane Roe"));
}
