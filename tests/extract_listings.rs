//! Listing, collection and product pages (issue 12): a reader user expects a list's items and
//! a product's description, not the site's chrome. Small hand-written pages, each with a
//! control that must stay as it is.

use lectern::{extract, Article, NoArticle, Options};

fn run(html: &str) -> Result<Article, NoArticle> {
    let opts = Options {
        url: Some("https://shop.example.org/c/mugs".to_string()),
    };
    extract(html, &opts)
}

const NAV: &str = "<header><nav><a href=\"/\">Home</a> <a href=\"/c/mugs\">Mugs</a> \
    <a href=\"/c/plates\">Plates</a> <a href=\"/c/bowls\">Bowls</a> <a href=\"/help\">Help</a></nav></header>";

const FOOTER: &str = "<footer><p>Potters since 1990. Every piece is thrown by hand in our \
    workshop by the river, glazed with our own recipes and fired twice in a gas kiln.</p>\
    <ul><li><a href=\"/about\">About us</a></li><li><a href=\"/jobs\">Jobs</a></li></ul></footer>";

/// A product card: a linked name and a price.
fn card(i: usize) -> String {
    format!(
        "<div class=\"product-card\"><a href=\"/p/{i}\"><img src=\"/img/{i}.jpg\" alt=\"\">\
         <span>Speckled enamel mug no. {i}</span></a><span class=\"price\">${i}9.00</span>\
         <span class=\"stock\">In stock</span></div>"
    )
}

#[test]
fn a_category_page_shows_its_products_not_its_intro_alone() {
    let cards: String = (1..=12).map(card).collect();
    let html = format!(
        "<html><head><title>Mugs | Pottery Shop</title></head><body>{NAV}<main>\
         <h1>Mugs</h1><p>Mugs for coffee, tea and soup, thrown by hand.</p>\
         <div class=\"grid\">{cards}</div></main>{FOOTER}</body></html>"
    );
    let a = run(&html).expect("the products");
    assert!(a.text.contains("Speckled enamel mug no. 1"), "{}", a.text);
    assert!(a.text.contains("Speckled enamel mug no. 12"), "{}", a.text);
    assert!(a.text.contains("$59.00"), "{}", a.text);
    assert!(a.text.contains("thrown by hand"), "{}", a.text);
    assert!(!a.text.contains("About us"), "{}", a.text);
    assert!(!a.text.contains("gas kiln"), "{}", a.text);
}

/// A front page's teaser: a linked headline, a standfirst and a date.
fn teaser(i: usize) -> String {
    format!(
        "<li class=\"story\"><h3><a href=\"/n/{i}\">Ferry timetable story number {i}</a></h3>\
         <p>The harbour board said more crossings would run from March.</p>\
         <time>2 March</time></li>"
    )
}

#[test]
fn a_front_page_shows_its_teasers_but_a_list_of_bare_links_is_no_article() {
    let teasers: String = (1..=10).map(teaser).collect();
    let html = format!(
        "<html><head><title>Harbour Herald</title></head><body>{NAV}<main>\
         <ul class=\"stories\">{teasers}</ul></main>{FOOTER}</body></html>"
    );
    let a = run(&html).expect("the teasers");
    assert!(
        a.text.contains("Ferry timetable story number 7"),
        "{}",
        a.text
    );
    assert!(a.text.contains("more crossings"), "{}", a.text);
    // Headlines alone: a menu or a page of links, not items worth a reader view.
    let links: String = (1..=20)
        .map(|i| format!("<li><a href=\"/n/{i}\">Ferry timetable story number {i}</a></li>"))
        .collect();
    let bare =
        format!("<html><body>{NAV}<main><h1>Latest</h1><ul>{links}</ul></main></body></html>");
    assert_eq!(run(&bare).err(), Some(NoArticle::ListingPage));
}

/// A rail's teaser: a linked headline and a standfirst.
fn rail_teaser(i: usize) -> String {
    format!(
        "<div class=\"story\"><a href=\"/n/{i}\">Ferry timetable story number {i}</a>\
         <span class=\"dek\">The harbour board said more crossings would run from March.</span></div>"
    )
}

/// The rail holds more than twice the article's text; the article's prose keeps it.
#[test]
fn an_article_beside_a_larger_rail_of_teasers_stays_the_article() {
    let prose: String = (1..=10)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the story: the harbour board voted on Tuesday to reopen \
                 the old ferry quay after eleven years of repairs, a decision that pleased the \
                 fishing crews and the cafe owners alike, and work goes on all winter.</p>"
            )
        })
        .collect();
    let teasers: String = (1..=60).map(rail_teaser).collect();
    let html = format!(
        "<html><head><title>Harbour reopens</title></head><body>{NAV}<div class=\"wrap\"><main>\
         <article><h1>Harbour reopens</h1>{prose}</article></main></div>\
         <div class=\"side\"><div class=\"trending\"><div class=\"stories\">{teasers}</div></div></div>\
         {FOOTER}</body></html>"
    );
    let a = run(&html).expect("the article");
    assert!(a.text.contains("Paragraph 10 of the story"), "{}", a.text);
    assert!(!a.text.contains("story number 7"), "{}", a.text);
}

/// A shop's page for one mug, with a larger carousel of other mugs under it.
fn product_page(json_ld: &str, description: &str) -> String {
    let cards: String = (1..=16).map(card).collect();
    format!(
        "<html><head><title>Trail Mug | Pottery Shop</title>\
         <meta name=\"description\" content=\"Mugs for coffee, tea and soup, thrown by hand.\">\
         <script type=\"application/ld+json\">{json_ld}</script></head><body>{NAV}<main>\
         <div class=\"pdp\"><h1>Trail Mug</h1><p class=\"price\">$18.00</p>\
         <div class=\"desc\"><p>{description}</p></div></div>\
         <div class=\"upsells\"><h2>You may also like</h2><div class=\"grid\">{cards}</div></div>\
         </main>{FOOTER}</body></html>"
    )
}

#[test]
fn a_product_page_shows_its_product_not_the_carousel_of_others() {
    let description = "A sturdy enamel mug for camp coffee, with a rolled rim that stays \
        cool and a speckled glaze in three colours.";
    let ld = format!(
        "{{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Trail Mug\",\
         \"description\":\"{description}\"}}"
    );
    let a = run(&product_page(&ld, description)).expect("the product");
    assert!(a.text.contains("rolled rim"), "{}", a.text);
    assert!(!a.text.contains("Speckled enamel mug no. 9"), "{}", a.text);
}

#[test]
fn a_category_page_with_products_in_its_structured_data_shows_its_items() {
    // The structured data lists the category's products; the page's meta description (its
    // category blurb, printed as the intro) says nothing of any one product.
    let cards: String = (1..=16).map(card).collect();
    let html = format!(
        "<html><head><title>Mugs | Pottery Shop</title>\
         <meta name=\"description\" content=\"Mugs for coffee, tea and soup, thrown by hand in \
         our workshop by the river.\">\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
         \"@type\":\"ItemList\",\"itemListElement\":[{{\"@type\":\"Product\",\
         \"name\":\"Speckled enamel mug no. 1\"}}]}}</script></head><body>{NAV}<main>\
         <p class=\"intro\">Mugs for coffee, tea and soup, thrown by hand in our workshop by the \
         river.</p><div class=\"grid\">{cards}</div></main>{FOOTER}</body></html>"
    );
    let a = run(&html).expect("the items");
    assert!(a.text.contains("Speckled enamel mug no. 16"), "{}", a.text);
}

#[test]
fn cards_whose_names_sound_like_widgets_stay_when_they_are_a_run_of_items() {
    // "subscription-eligible" names a newsletter box elsewhere; here every card carries it.
    let cards: String = (1..=12)
        .map(|i| {
            format!(
                "<li class=\"grid-item\"><link rel=\"stylesheet\" href=\"/r.css\">\
                 <div class=\"card-wrapper subscription-eligible\"><a href=\"/p/{i}\">\
                 <img src=\"/i/{i}.jpg\" alt=\"\"><span>Dark roast blend no. {i}</span></a>\
                 <span>${i}.99</span></div></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Coffee | Roastery</title></head><body>{NAV}<main>\
         <h1>Coffee</h1><ul class=\"product-grid\">{cards}</ul></main>{FOOTER}</body></html>"
    );
    let a = run(&html).expect("the items");
    for i in [1, 6, 12] {
        assert!(
            a.text.contains(&format!("Dark roast blend no. {i}")),
            "{i}: {}",
            a.text
        );
    }
}
