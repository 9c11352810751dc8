//! Page layouts whose names mislead the article finder (issue 12): layout wrappers named after
//! the sidebar beside them, article headers named like site headers. Each with a control.

use lectern::{extract, Article, Options};

fn run_html(html: &str) -> Article {
    let opts = Options {
        url: Some("https://guides.example.org/travel/ferries.html".to_string()),
    };
    extract(html, &opts).unwrap_or_else(|e| panic!("{e}"))
}

/// Twelve paragraphs of guide prose, long enough to be the page's main text.
fn prose() -> String {
    (1..=12)
        .map(|i| {
            format!(
                "<p>Section {i} of the ferry guide: crossings leave the north quay every hour in \
                 summer, and the booking office opens at seven, so travellers with cars should \
                 arrive early, buy a ticket at the window and wait in lane {i} for the loader.</p>"
            )
        })
        .collect()
}

/// A disclosure long enough (over 500 characters) to pass for an article on its own.
fn disclosure() -> String {
    "<div class=\"bottom\"><div class=\"legal-note\"><p>Some of the offers on this site come from partners who may pay \
     us when a reader follows a link, applies for a card, or opens an account. That payment may \
     change where and in which order offers appear on the page, although our reviews are written \
     by staff who test each product and are never paid for by the companies that make them. This \
     site does not list every company or every offer on the market, and our partners have no say \
     in what we write, which products we recommend, or how we score them against each other. \
     Read our policy page to see every partner we work with and how we earn our money.</p></div></div>"
        .to_string()
}

#[test]
fn a_layout_wrapper_named_for_its_sidebar_is_not_a_sidebar() {
    let html = format!(
        "<html><head><title>Ferry guide</title></head><body>\
         {}<main><div class=\"container\">\
         <article class=\"template-with-sidebar\"><h1>Ferry guide</h1>{}</article>\
         <aside class=\"offers\"><a href=\"/a\">Offers</a></aside></div></main></body></html>",
        disclosure(),
        prose()
    );
    let a = run_html(&html);
    assert!(
        a.text.contains("Section 1 of the ferry guide"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Section 8 of the ferry guide"));
    assert!(!a.text.contains("Some of the offers"));
}

#[test]
fn a_real_sidebar_still_goes() {
    // Control: a sidebar holding a small share of the page is removed as before.
    let html = format!(
        "<html><head><title>Ferry guide</title></head><body>\
         <div class=\"content\"><h1>Ferry guide</h1>{}</div>\
         <div class=\"sidebar\"><p>Our newest deals on island hotels and car hire are listed here \
         every week for readers who sign up.</p></div></body></html>",
        prose()
    );
    let a = run_html(&html);
    assert!(a.text.contains("Section 8 of the ferry guide"));
    assert!(!a.text.contains("island hotels"));
}

#[test]
fn an_article_header_with_the_headline_and_intro_is_kept() {
    // Documentation layout: `div.layout__header` (h1 + the opening definition) beside the body.
    let html = format!(
        "<html><head><title>Ferry guide</title></head><body>\
         <header class=\"site-header\"><a href=\"/\">Guides</a> <a href=\"/travel\">Travel</a></header>\
         <main><div class=\"layout__header\"><h1>Ferry guide</h1>\
         <p>A ferry is a boat that carries passengers and vehicles across a stretch of water on \
         a regular timetable.</p></div>\
         <div class=\"layout__body\">{}</div></main></body></html>",
        prose()
    );
    let a = run_html(&html);
    assert!(
        a.text.contains("A ferry is a boat that carries passengers"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Section 8 of the ferry guide"));
    assert!(!a.text.contains("Travel"));
}

#[test]
fn a_site_header_of_links_still_goes() {
    // Control: a header with the site's name as h1 and its menu is not the article's header.
    let html = format!(
        "<html><head><title>Ferry guide</title></head><body>\
         <div class=\"page-header\"><h1><a href=\"/\">Guides Weekly</a></h1>\
         <p><a href=\"/travel\">Travel guides for every island</a> <a href=\"/food\">Food and \
         drink on the islands</a></p></div>\
         <div class=\"content\"><h2>Ferry guide</h2>{}</div></body></html>",
        prose()
    );
    let a = run_html(&html);
    assert!(a.text.contains("Section 8 of the ferry guide"));
    assert!(!a.text.contains("Guides Weekly"));
    assert!(!a.text.contains("Travel guides for every island"));
}

#[test]
fn a_react_streamed_article_is_moved_into_its_place() {
    // Streamed server rendering: the body arrives last, hidden, and a script would move it
    // into the boundary's place. The reader makes the move; the segment's order is the page's.
    let html = format!(
        "<html><head><title>Ferry guide</title></head><body>\
         <main><h1>Ferry guide</h1><template id=\"B:0\"></template><div>Loading</div>\
         <footer><a href=\"/about\">About us</a></footer></main>\
         <script>$RC(\"B:0\",\"S:0\")</script>\
         <div hidden id=\"S:0\"><article>{}<template id=\"P:1\"></template></article></div>\
         <div hidden id=\"S:1\"><p>The last word: the ferry guide is checked by the harbour \
         office every spring, and corrections are printed here within the week.</p></div>\
         </body></html>",
        prose()
    );
    let a = run_html(&html);
    assert!(
        a.text.contains("Section 1 of the ferry guide"),
        "{}",
        a.text
    );
    let last = a.text.find("The last word").expect("the nested segment");
    assert!(a.text.find("Section 12").is_some_and(|s| s < last));
}

#[test]
fn a_hidden_div_without_its_template_stays_hidden() {
    // Control: a hidden "S:" div no template names is not a streamed segment.
    let html = format!(
        "<html><head><title>Ferry guide</title></head><body>\
         <article><h1>Ferry guide</h1>{}</article>\
         <div hidden id=\"S:3\"><p>Hidden draft paragraph about the winter timetable that the \
         editors have not published yet, kept out of the page.</p></div></body></html>",
        prose()
    );
    let a = run_html(&html);
    assert!(a.text.contains("Section 12"));
    assert!(!a.text.contains("Hidden draft"));
}

/// A best-of list whose entries sit in blocks named "widget", after an intro long enough to
/// pass for an article on its own.
fn best_of_page(entries: usize) -> String {
    let intro = "<p>Choosing a ferry line is harder than it looks: timetables change with the \
        seasons, fares depend on the car, and the cheapest crossing is rarely the quickest one. \
        We tried each line below over two summers, with and without a car, in good weather and \
        in bad, and we wrote down what the crossing was like for a family of four.</p>\
        <p>Every line on this list runs all year, takes bookings online, and lets passengers \
        change a ticket for a small fee; lines that failed any of these were left out, however \
        good their boats were, because a missed connection is what travellers fear most.</p>";
    let entries: String = (1..=entries)
        .map(|i| {
            format!(
                "<div class=\"product-widget\"><h3>Line {i}</h3><p>Line {i} runs four boats a \
                 day between the islands, with a cafe, a play area and quiet seats on the upper \
                 deck; its crossing takes ninety minutes, fares for a car and two adults start \
                 at sixty pounds, and staff at the quay were the friendliest we met.</p></div>"
            )
        })
        .collect();
    format!(
        "<html><head><title>Best ferry lines</title></head><body>\
         <div class=\"content\"><h1>Best ferry lines</h1>{intro}{entries}</div></body></html>"
    )
}

#[test]
fn content_blocks_named_widget_are_kept_when_they_are_the_article() {
    let a = run_html(&best_of_page(6));
    assert!(a.text.contains("Choosing a ferry line"), "{}", a.text);
    assert!(a.text.contains("Line 1 runs four boats"), "{}", a.text);
    assert!(a.text.contains("Line 6 runs four boats"));
}

#[test]
fn a_widget_beside_the_article_still_goes() {
    // Control: one "widget" block holding a small share of the article is removed by its name.
    let a = run_html(&best_of_page(1).replace(
        "<div class=\"content\"><h1>Best ferry lines</h1>",
        &format!(
            "<div class=\"content\"><h1>Best ferry lines</h1>{}",
            prose()
        ),
    ));
    assert!(a.text.contains("Choosing a ferry line"));
    assert!(!a.text.contains("Line 1 runs four boats"), "{}", a.text);
}

/// A page builder's layout (Elementor, HubSpot, Divi): each run of the article's paragraphs
/// sits in its own deep wrapper chain, `builder > row > column > (text module, button)`.
fn builder_section(class: &str, heading: &str, paragraphs: &str) -> String {
    format!(
        "<div class=\"row {class}\"><div class=\"column\"><div class=\"module\">\
         <div class=\"text-inner\">{heading}{paragraphs}</div></div>\
         <div class=\"module button\"><a href=\"/book\">Book a crossing</a></div></div></div>"
    )
}

fn builder_page(after: &str) -> String {
    let intro: String = (1..=3)
        .map(|i| {
            format!(
                "<p>Opening note {i}: the island's two harbours handle every ferry, and which \
                 one you sail from decides how long the drive to the lighthouse will take.</p>"
            )
        })
        .collect();
    let closing: String = (1..=4)
        .map(|i| {
            format!(
                "<p>Closing advice {i}: keep the printed ticket, because the inspectors at the \
                 gangway still ask for paper, and the signal on the quay is often weak.</p>"
            )
        })
        .collect();
    format!(
        "<html><head><title>Ferries to the island</title></head><body>\
         <div class=\"site-header\"><a href=\"/\">Guides</a></div>\
         <div class=\"builder\">{}{}{}{after}</div></body></html>",
        builder_section("row-1", "", &intro),
        builder_section("row-2", "<h2>Timetables</h2>", &prose()),
        builder_section("row-3", "<h2>Before you sail</h2>", &closing),
    )
}

#[test]
fn an_article_split_into_page_builder_sections_is_read_whole() {
    let a = run_html(&builder_page(""));
    assert!(a.text.contains("Opening note 1"), "{}", a.text);
    assert!(
        a.text.contains("Section 12 of the ferry guide"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Closing advice 4"), "{}", a.text);
}

#[test]
fn a_teaser_feed_after_a_builder_article_is_not_joined() {
    // Linked cards (link-dense) and cards whose excerpt is plain text (named as teasers).
    let linked: String = (1..=6)
        .map(|i| {
            format!(
                "<div class=\"card\"><h3><a href=\"/post-{i}\">Other guide {i}</a></h3>\
                 <p><a href=\"/post-{i}\">Another trip along the coast, with the buses and \
                 boats you need for day {i} of it and where to stay.</a></p></div>"
            )
        })
        .collect();
    let plain: String = (1..=6)
        .map(|i| {
            format!(
                "<div class=\"post-teaser\"><h3>Other guide {i}</h3><p>Another trip along \
                 the coast, with the buses and boats you need for day {i} of it and where to \
                 stay.</p><a href=\"/post-{i}\">Read</a></div>"
            )
        })
        .collect();
    for cards in [linked, plain] {
        let a = run_html(&builder_page(&builder_section("row-4", "", &cards)));
        assert!(
            a.text.contains("Section 12 of the ferry guide"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("Other guide"), "{}", a.text);
    }
}

/// A page whose headline block (title, byline, then a titled box) sits before the body's
/// wrapper, outside the body's parent, as an investing site's layout has it.
fn page_with_box_beside_byline(title: &str, items: &str) -> String {
    format!(
        "<html><body><main><div class=\"hero\"><h1>Ferry crossings this summer</h1>\
         <p class=\"byline\">By Ann Marsh</p><div class=\"mt-8\"><div class=\"shadow-card p-5\">\
         <h2>{title}</h2><ul>{items}</ul></div></div></div>\
         <div class=\"layout\"><div class=\"article-body\"><div class=\"content\">{}</div></div>\
         </div></main></body></html>",
        prose()
    )
}

#[test]
fn a_key_points_box_beside_the_byline_leads_the_article() {
    let items = "<li>Crossings run every hour from the north quay from June to September.</li>\
                 <li>Fares rise by a tenth this year, says the <a href=\"/r\">operator</a>.</li>";
    let pitch = "<li><a href=\"/offer\">These 10 Ferries ›</a></li>";
    let a = run_html(&page_with_box_beside_byline(
        "Key Points",
        &format!("{items}{pitch}"),
    ));
    assert!(a.text.contains("Section 8 of the ferry guide"));
    assert!(!a.text.contains("These 10 Ferries"), "{}", a.text);
    assert!(
        a.text
            .contains("Crossings run every hour from the north quay"),
        "{}",
        a.text
    );
    // Control: a box titled otherwise, or made of links, stays out.
    let a = run_html(&page_with_box_beside_byline("More from the author", items));
    assert!(!a
        .text
        .contains("Crossings run every hour from the north quay"));
    let links = "<li><a href=\"/a\">Crossings run every hour from the north quay</a></li>\
                 <li><a href=\"/b\">Fares rise by a tenth this year</a></li>";
    let a = run_html(&page_with_box_beside_byline("Key Points", links));
    assert!(!a
        .text
        .contains("Crossings run every hour from the north quay"));
}
