//! Precision on ordinary news pages: ads next to and inside the article, the body's own byline
//! line, metered-paywall counters. Hand-written fixtures; each check has a control that must stay.

use lectern::{extract, Article, Options};

fn run_html(html: &str, url: &str) -> Article {
    let opts = Options {
        url: Some(url.to_string()),
    };
    extract(html, &opts).unwrap_or_else(|e| panic!("{e}"))
}

fn clutter() -> Article {
    let path = format!(
        "{}/tests/fixtures/extract/news-clutter.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    run_html(&html, "https://gazette.example.net/farming/frost.html")
}

#[test]
fn ads_outside_and_inside_the_article_are_dropped() {
    let a = clutter();
    for marker in [
        "GARDEN-SHED-PROMO",
        "TRACTOR-LEASE-PROMO",
        "ORCHARD-OFFER-LINK",
        "ADVERT-SIDEBAR-TEXT",
    ] {
        assert!(!a.text.contains(marker), "{marker} kept:\n{}", a.text);
    }
    // Controls: prose that starts with "Advertising", and classes that merely contain "ad".
    assert!(a.text.contains("Advertising agencies that rent billboards"));
    assert!(a.text.contains("full damage report in June"));
    assert!(a.text.starts_with("Apple growers"), "{}", a.text);
}

#[test]
fn metered_paywall_counter_is_dropped() {
    let a = clutter();
    assert!(!a.text.contains("free articles"), "{}", a.text);
    assert!(a.text.contains("cherry growers on the southern slopes"));
}

#[test]
fn body_byline_line_is_dropped_when_it_names_the_byline() {
    let a = clutter();
    assert_eq!(a.byline.as_deref(), Some("Tomas Lindqvist"));
    assert!(!a.text.contains("farming correspondent"), "{}", a.text);
    assert!(
        !a.content.contains("people/tomas-lindqvist"),
        "{}",
        a.content
    );
}

const PARAS: &str = "<p>The ferry company said on Tuesday that its two oldest boats would be \
    retired at the end of the season and replaced by electric vessels built in a local yard.</p>\
    <p>Passengers will see shorter crossings from next spring, the company said, and the fares \
    will stay the same for at least two years after the new boats enter service.</p>\
    <p>Harbour officials welcomed the plan but warned that the charging points on the quay \
    would need a new power line, which the regional grid operator has not yet approved.</p>";

#[test]
fn byline_inside_prose_stays() {
    // The author link sits in a long paragraph of prose: only a short byline line may go.
    let html = format!(
        "<html><head><title>Ferries go electric</title><meta name=\"author\" content=\"Lena Ortiz\">\
         </head><body><article><h1>Ferries go electric</h1>{PARAS}<p>This story was reported by \
         <a rel=\"author\" href=\"/lena\">Lena Ortiz</a> from the harbour office, where she spent \
         two days with the engineers who will maintain the new electric boats and their batteries.\
         </p></article></body></html>"
    );
    let a = run_html(&html, "https://ferry.example.org/news/electric.html");
    assert!(
        a.text.contains("This story was reported by Lena Ortiz"),
        "{}",
        a.text
    );
}

#[test]
fn prose_about_free_articles_stays() {
    let html = format!(
        "<html><head><title>Library opens archive</title></head><body><article>\
         <h1>Library opens archive</h1>{PARAS}<p>The library said it would add 40 free \
         articles from its archive each month and that readers would not need an account.</p>\
         </article></body></html>"
    );
    let a = run_html(&html, "https://lib.example.org/archive.html");
    assert!(a.text.contains("add 40 free articles"), "{}", a.text);
}

#[test]
fn short_ad_label_blocks_go_but_labels_in_prose_stay() {
    let html = format!(
        "<html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>\
         {PARAS}<div>Advertisement: DINGHY-SALE-BLOCK two dinghies for sale, call the yard.</div>\
         <p>Sponsored walks along the new sea wall raised money for the lifeboat station, \
         which will use it to replace its old inflatable boat before the winter storms.</p>\
         </article></body></html>"
    );
    let a = run_html(&html, "https://harbour.example.org/news.html");
    assert!(!a.text.contains("DINGHY-SALE-BLOCK"), "{}", a.text);
    assert!(a.text.contains("Sponsored walks along"), "{}", a.text);
}

/// An article whose container ends with an author bio box (photo, name, job title, bio);
/// the article is long enough that the box is a small part of it, as on real pages.
fn with_bio_box(box_class: &str) -> String {
    format!(
        "<html><head><title>Ferries go electric</title></head><body><article>\
         <h1>Ferries go electric</h1>{PARAS}{PARAS}{PARAS}\
         <div class=\"{box_class}\"><img src=\"/lena.jpg\" alt=\"\"><p>Lena Ortiz</p>\
         <p>Transport Editor</p><p>Lena Ortiz is a transport reporter who has covered ports, \
         ferries and rail for twelve years. She lives on the coast with two cats.</p>\
         <p><a href=\"/authors/lena\">More by Lena</a></p></div></article></body></html>"
    )
}

#[test]
fn author_bio_box_in_the_article_is_dropped() {
    let a = run_html(
        &with_bio_box("post-author-card"),
        "https://ferry.example.org/news/electric.html",
    );
    assert!(a.text.contains("charging points on the quay"), "{}", a.text);
    assert!(
        !a.text.contains("transport reporter who has covered"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("Transport Editor"), "{}", a.text);
}

#[test]
fn prose_about_a_person_stays_without_an_author_box() {
    // The same sentence as article prose (no author-named container) is content.
    let a = run_html(
        &with_bio_box("profile"),
        "https://ferry.example.org/news/electric.html",
    );
    assert!(
        a.text.contains("transport reporter who has covered"),
        "{}",
        a.text
    );
    // An author-named box with no bio sentence (a credit line) stays as well.
    let html = format!(
        "<html><head><title>Ferries go electric</title></head><body><article>\
         <h1>Ferries go electric</h1>{PARAS}<div class=\"photo-author\"><p>Photographs taken on \
         the quay by the harbour office during the trial crossings in March, with thanks to the \
         crews.</p></div></article></body></html>"
    );
    let a = run_html(&html, "https://ferry.example.org/news/electric.html");
    assert!(a.text.contains("during the trial crossings"), "{}", a.text);
}

#[test]
fn author_card_opening_with_a_written_by_label_is_dropped() {
    // No "<Name> is a" sentence: the card's label says what it is.
    let html = format!(
        "<html><head><title>Ferries go electric</title></head><body><article>\
         <h1>Ferries go electric</h1>{PARAS}{PARAS}{PARAS}\
         <div class=\"BlogAuthors_container\"><img src=\"/lena.jpg\" alt=\"\">\
         <span>written by</span><div><a href=\"/authors/lena\">Lena Ortiz</a></div>\
         <span>Transport Editor</span><p>Seasoned reporter on ports, ferries and rail, \
         writing research-based guides for travellers.</p></div></article></body></html>"
    );
    let a = run_html(&html, "https://ferry.example.org/news/electric.html");
    assert!(a.text.contains("charging points on the quay"), "{}", a.text);
    assert!(!a.text.contains("Seasoned reporter on ports"), "{}", a.text);
}

#[test]
fn sign_up_boxes_go_with_their_email_field() {
    let para = "<p>The council met on Tuesday to discuss the new budget for the schools and \
                roads of the town, and voted to delay the bridge repairs until the spring.</p>"
        .repeat(3);
    let html = format!(
        "<html><head><title>Budget news</title></head><body><article><h1>Budget news</h1>\
         {para}<div class=\"box\"><p>Town Weekly Digest</p><p>Get the best stories sent \
         straight to your inbox every week!</p><div><label for=\"e\">Email address</label>\
         <input type=\"email\" id=\"e\"><button>Go</button></div><p>You've subscribed!</p></div>\
         {para}<p>Write to the editor at the town hall with your views on the repairs.</p>\
         <div><label>Search</label><input type=\"search\" name=\"q\"></div>{para}\
         </article></body></html>"
    );
    let a = run_html(&html, "https://gazette.example.net/budget.html");
    for kept_out in [
        "Town Weekly Digest",
        "inbox every week",
        "Email address",
        "subscribed",
    ] {
        assert!(!a.text.contains(kept_out), "{kept_out} kept:\n{}", a.text);
    }
    // Controls: the prose around the box, and a block with another kind of field.
    assert!(a.text.contains("Write to the editor at the town hall"));
    assert!(a.text.contains("Search"), "{}", a.text);
    assert_eq!(a.text.matches("The council met").count(), 9);
}

#[test]
fn editorial_credits_box_goes_with_its_standards_popup() {
    // Under the headline: the byline, editor and reviewer credits, and the standards blurb
    // that the reviewer badge opens; further down, a book's editor credit is the article's.
    let html = format!(
        "<html><head><title>Ferries go electric</title></head><body><main><article>\
         <div class=\"hero\"><h1>Ferries go electric</h1>\
         <div class=\"contributors\"><div><span>By </span><button>Lena Ortiz</button></div>\
         <div><span>Edited by </span><button>Omar Ali</button></div><span> • </span>\
         <div><span>Reviewed by </span><button>Ana Ruiz</button>\
         <div class=\"wrap\"><div class=\"site-modal\"><span>STANDARDS-BLURB-TITLE</span>\
         <p>STANDARDS-BLURB-TEXT: our network of professionals reviews every guide so that \
         readers get accurate and up to date information they can act on.</p></div></div></div>\
         </div></div>{PARAS}<h2>Further reading</h2><p>Boats of the North Sea</p>\
         <p>Edited by Pia Lund and Tom Berg</p>{PARAS}</article></main></body></html>"
    );
    let a = run_html(&html, "https://ferry.example.org/news/electric.html");
    assert_eq!(a.text.matches("Edited by").count(), 1, "{}", a.text);
    for gone in ["STANDARDS-BLURB", "Reviewed by"] {
        assert!(!a.text.contains(gone), "{gone} kept:\n{}", a.text);
    }
    assert!(a.text.contains("Edited by Pia Lund"), "{}", a.text);
    assert!(a.text.contains("Passengers will see"), "{}", a.text);
}

#[test]
fn read_more_repeated_down_a_card_grid_goes() {
    // Each resource card ends with the same bold "Read More"; a lone "Read more" stays.
    let card = |t: &str| {
        format!(
            "<div class=\"blurb\"><h2><a href=\"https://r.example/{t}\">{t} guide</a></h2>\
             <div><p><span>The {t} partnership studied how ferry crews trained for the new \
             electric boats, and what the harbour learned from two seasons of trials.</span>\
             </p><p><b>Read More </b></p></div></div>"
        )
    };
    let cards: String = ["ALPHA", "BETA", "GAMMA"].iter().map(|t| card(t)).collect();
    let html = format!(
        "<html><head><title>Ferries go electric</title></head><body><article>\
         <h1>Ferries go electric</h1>{PARAS}{cards}{PARAS}</article></body></html>"
    );
    let a = run_html(&html, "https://ferry.example.org/news/electric.html");
    assert!(!a.text.contains("Read More"), "{}", a.text);
    assert!(a.text.contains("The GAMMA partnership"), "{}", a.text);
    let lone = html
        .replacen(&card("BETA"), "", 1)
        .replacen(&card("GAMMA"), "", 1);
    let b = run_html(&lone, "https://ferry.example.org/news/electric.html");
    assert!(b.text.contains("Read More"), "{}", b.text);
}
