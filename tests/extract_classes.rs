//! Extraction failure classes on modern pages (issue 12): each with a small hand-written page
//! and a control that must stay.

use lectern::{extract, Article, Options};

fn run_html(html: &str) -> Article {
    let opts = Options {
        url: Some("https://news.example.org/2025/harbour.html".to_string()),
    };
    extract(html, &opts).unwrap_or_else(|e| panic!("{e}"))
}

const PROSE: &str = "<p>The harbour board voted on Tuesday to reopen the old ferry quay after \
    eleven years of repairs, a decision that pleased the fishing crews and the cafe owners \
    alike. Engineers had found the pilings sound in the spring survey.</p>\
    <p>Work on the waiting room will continue through the winter, the board said, and the first \
    timetabled crossing is planned for the second week of March if the weather allows it.</p>\
    <p>Residents who remember the last crossing in 2014 said they would queue for the first \
    ticket, and the local school plans a trip for every class in the spring term.</p>";

fn page(og_image: &str, body: &str) -> String {
    format!(
        "<html><head><title>Harbour reopens</title>\
         <meta property=\"og:image\" content=\"{og_image}\"></head>\
         <body><article><h1>Harbour reopens</h1>{body}</article></body></html>"
    )
}

#[test]
fn lead_image_shown_in_body_at_another_size_is_not_repeated() {
    let figure = "<figure><img src=\"https://cdn.example.org/news/620/quay/ferry-quay.jpg\" \
        alt=\"The quay\"><figcaption>The quay in May.</figcaption></figure>";
    for og in [
        "https://cdn.example.org/news/1200/quay/ferry-quay.jpg",
        "https://cdn.example.org/news/620/quay/ferry-quay-1024x683.jpg?width=1200",
    ] {
        let a = run_html(&page(og, &format!("{figure}{PROSE}")));
        assert_eq!(a.lead_image_url, None, "{og}");
        assert!(a.content.contains("ferry-quay.jpg"));
    }
    // Control: a share image that is another picture stays the lead.
    let og = "https://cdn.example.org/news/1200/quay/lighthouse.jpg";
    let a = run_html(&page(og, &format!("{figure}{PROSE}")));
    assert_eq!(a.lead_image_url.as_deref(), Some(og));
}

#[test]
fn lead_image_matched_through_srcset() {
    let figure = "<figure><img src=\"data:image/gif;base64,R0lGOD\" \
        srcset=\"https://cdn.example.org/i/pier.jpg?w=400,fit 400w, \
        https://cdn.example.org/i/pier.jpg?w=800 800w\" alt=\"\"></figure>";
    let og = "https://cdn.example.org/i/pier.jpg?w=1600&h=900";
    let a = run_html(&page(og, &format!("{figure}{PROSE}")));
    assert_eq!(a.lead_image_url, None);
}

#[test]
fn content_kept_in_a_noscript_crawler_view_is_read() {
    let html = format!(
        "<html><head><title>Ferry question</title></head><body>\
         <div id=\"app\"><div class=\"spinner\">Loading</div></div>\
         <noscript><div class=\"topic\"><h1>Ferry question</h1>\
         <div class=\"post\"><span class=\"author\">quaywalker</span>{PROSE}</div></div>\
         </noscript></body></html>"
    );
    let a = run_html(&html);
    assert!(a.text.contains("eleven years of repairs"), "{}", a.text);
    // Control: a short "enable JavaScript" noscript next to a real article stays out.
    let html = page(
        "https://cdn.example.org/x.jpg",
        &format!("{PROSE}<noscript><p>Please enable JavaScript to comment.</p></noscript>"),
    );
    let a = run_html(&html);
    assert!(!a.text.contains("enable JavaScript"), "{}", a.text);
}

#[test]
fn widgets_disclosures_credits_and_datelines_inside_the_article_go() {
    let body = format!(
        "<div class=\"rt\">4 MIN. READ</div><p>Updated March 3, 2025</p>\
         <p>Advertiser Disclosure</p><div>Table of contents</div>\
         <p>Image source: Harbour Board.</p>{PROSE}\
         <p>Was this newsletter forwarded to you? Sign up to get it in your inbox.</p>"
    );
    let a = run_html(&page("https://cdn.example.org/x.jpg", &body));
    for gone in [
        "4 MIN. READ",
        "Updated March 3",
        "Advertiser Disclosure",
        "Table of contents",
        "Image source",
        "forwarded",
    ] {
        assert!(!a.text.contains(gone), "{gone} kept:\n{}", a.text);
    }
    // Controls: prose that mentions minutes, updates and images stays.
    let body = format!(
        "{PROSE}<p>Updated timetables take 5 min. to read at the kiosk. Image: the board's \
         new logo was shown to 12 people.</p>"
    );
    let a = run_html(&page("https://cdn.example.org/x.jpg", &body));
    assert!(
        a.text.contains("Updated timetables take 5 min."),
        "{}",
        a.text
    );
}

#[test]
fn highlighted_code_keeps_its_lines() {
    let body = format!(
        "{PROSE}<pre><code><span class=\"k\">kind</span>: <span>Quay</span>\n\
         <span class=\"k\">berths</span>: <span>4</span>\n</code></pre>"
    );
    let a = run_html(&page("https://cdn.example.org/x.jpg", &body));
    assert!(a.text.contains("kind: Quay\nberths: 4"), "{}", a.text);
    // The text is what a reader of the HTML sees.
    assert_eq!(a.text, lectern::text::html_to_text(&a.content));
}

#[test]
fn drop_caps_are_joined_to_their_word() {
    for opening in [
        "<p><span class=\"dropcap\">H</span>\n ong Kong ferries resumed on Monday.</p>",
        "<div class=\"initial\">H</div><p>ong Kong ferries resumed on Monday.</p>",
    ] {
        let a = run_html(&page(
            "https://cdn.example.org/x.jpg",
            &format!("{opening}{PROSE}"),
        ));
        assert!(a.text.contains("Hong Kong ferries"), "{}", a.text);
    }
    // Control: a lone capital before a capitalised word stays apart ("I Went").
    let opening = "<p><b>A</b> Quay worker said the repairs were long overdue.</p>";
    let a = run_html(&page(
        "https://cdn.example.org/x.jpg",
        &format!("{opening}{PROSE}"),
    ));
    assert!(a.text.contains("A Quay worker"), "{}", a.text);
}

#[test]
fn credits_are_set_apart_from_captions() {
    let fig = "<figure><img src=\"https://cdn.example.org/q.jpg\" alt=\"\">\
        <figcaption>Crews at the quay<span class=\"credit\">Credit: Harbour Board</span>\
        </figcaption></figure>";
    let a = run_html(&page(
        "https://cdn.example.org/x.jpg",
        &format!("{fig}{PROSE}"),
    ));
    assert!(
        a.text.contains("Crews at the quay\nCredit: Harbour Board"),
        "{}",
        a.text
    );
    // A source in a `cite` of the caption, named or not.
    for cite in ["<cite class=\"attribution\">", "<cite>"] {
        let fig = format!(
            "<figure><img src=\"https://cdn.example.org/q.jpg\" alt=\"\">\
             <figcaption>Crews at the quay{cite}Ann Lee / Harbour Pictures</cite>\
             </figcaption></figure>"
        );
        let a = run_html(&page(
            "https://cdn.example.org/x.jpg",
            &format!("{fig}{PROSE}"),
        ));
        assert!(
            a.text
                .contains("Crews at the quay\nAnn Lee / Harbour Pictures"),
            "{}",
            a.text
        );
    }
    // Control: a caption that merely mentions credit stays one line.
    let fig = "<figure><img src=\"https://cdn.example.org/q.jpg\" alt=\"\">\
        <figcaption>Crews <em>at</em> the quay on credit terms</figcaption></figure>";
    let a = run_html(&page(
        "https://cdn.example.org/x.jpg",
        &format!("{fig}{PROSE}"),
    ));
    assert!(
        a.text.contains("Crews at the quay on credit terms"),
        "{}",
        a.text
    );
}

#[test]
fn video_and_audio_leave_a_poster_or_a_link() {
    let body = format!(
        "<video autoplay loop muted poster=\"/media/quay-loop.jpg\">\
         <source src=\"/media/quay-loop.mp4\"></video>{PROSE}\
         <audio controls src=\"https://cdn.example.org/pod/ep12.mp3\"></audio>\
         <video src=\"blob:https://news.example.org/1\"></video>"
    );
    let a = run_html(&page("https://cdn.example.org/x.jpg", &body));
    assert!(
        a.content
            .contains("https://news.example.org/media/quay-loop.jpg"),
        "{}",
        a.content
    );
    assert!(
        a.content
            .contains("href=\"https://cdn.example.org/pod/ep12.mp3\""),
        "{}",
        a.content
    );
    assert!(!a.content.contains("blob:"), "{}", a.content);
    assert!(!a.content.contains("<video"), "{}", a.content);
}

#[test]
fn intro_beside_the_headline_is_kept() {
    let intro = "A ferry quay is a berth built for vessels that carry passengers and vehicles \
        across short stretches of water.";
    let html = format!(
        "<html><head><title>Ferry quays</title></head><body><main>\
         <header><h1>Ferry quays</h1><p class=\"intro\">{intro}</p></header>\
         <aside><a href=\"/x\">On this page</a></aside><div class=\"body\">{PROSE}</div>\
         </main></body></html>"
    );
    let a = run_html(&html);
    assert!(a.text.starts_with("A ferry quay is a berth"), "{}", a.text);
    // Control: a header that is navigation stays out.
    let html = format!(
        "<html><head><title>Ferry quays</title></head><body><main>\
         <header><nav><p>Browse all our guides to harbours, quays and piers.</p></nav></header>\
         <div class=\"body\">{PROSE}</div></main></body></html>"
    );
    let a = run_html(&html);
    assert!(!a.text.contains("Browse all"), "{}", a.text);
}

#[test]
fn nested_single_cell_layout_tables_are_unwrapped() {
    let body = format!(
        "<table border=\"1\"><tr><td><table><tbody><tr><td>{PROSE}\
         <table><caption>Berths</caption><tr><th>Berth</th><th>Length</th></tr>\
         <tr><td>North</td><td>120 m</td></tr><tr><td>South</td><td>95 m</td></tr></table>\
         </td></tr></tbody></table></td></tr></table>"
    );
    let a = run_html(&page("https://cdn.example.org/x.jpg", &body));
    assert!(a.text.contains("eleven years of repairs"), "{}", a.text);
    // Control: the real table (two rows, two columns) stays a table.
    assert_eq!(a.content.matches("<table").count(), 1, "{}", a.content);
    assert!(a.content.contains("120 m"), "{}", a.content);
}

#[test]
fn maths_is_kept_once_as_mathml() {
    // KaTeX (a MathML copy and an aria-hidden HTML copy), MathJax 3 (an aria-hidden visual
    // copy, the assistive MathML, "CtxtMenu" in the container's class), MathJax 2 drawn (a
    // visual copy, the MathML, the TeX source in a script) and not yet drawn (the source only).
    let body = format!(
        "<p>The rule <span class=\"katex\"><span class=\"katex-mathml\"><math><semantics>\
         <mrow><mi>a</mi><mo>\u{2260}</mo><mn>0</mn></mrow>\
         <annotation encoding=\"application/x-tex\">a \\neq 0</annotation></semantics></math>\
         </span><span class=\"katex-html\" aria-hidden=\"true\">a\u{2260}0</span></span> holds, \
         and <mjx-container class=\"MathJax CtxtMenu_Attached_0\" jax=\"CHTML\">\
         <mjx-math aria-hidden=\"true\"><mjx-mi>b</mjx-mi><mjx-mo>\u{2260}</mjx-mo></mjx-math>\
         <mjx-assistive-mml><math><mi>b</mi><mo>\u{2260}</mo><mn>1</mn></math></mjx-assistive-mml>\
         </mjx-container> too.</p>{PROSE}\
         <p>Drawn: <span class=\"MathJax_Preview\" style=\"display: none\"></span>\
         <span class=\"MathJax\" role=\"presentation\"><nobr aria-hidden=\"true\">d\u{2260}3</nobr>\
         <span class=\"MJX_Assistive_MathML\"><math><mi>d</mi><mo>\u{2260}</mo><mn>3</mn></math>\
         </span></span><script type=\"math/tex\">d \\neq 3</script>; saved before MathJax ran: \
         <script type=\"math/tex; mode=display\">c \\neq 2</script>.</p>"
    );
    let a = run_html(&page("", &body));
    assert_eq!(a.content.matches("<math>").count(), 3, "{}", a.content);
    assert_eq!(a.content.matches('\u{2260}').count(), 3, "{}", a.content);
    assert!(
        a.content.contains("<code>c \\neq 2</code>"),
        "{}",
        a.content
    );
    for gone in [
        "d \\neq 3",
        "a \\neq 0",
        "annotation",
        "mjx-",
        "aria-hidden",
    ] {
        assert!(!a.content.contains(gone), "{gone} in {}", a.content);
    }
    // The formulas' text is the article's too (read aloud, counted), the TeX source only once.
    assert!(
        a.text.contains("a\u{2260}0") && a.text.contains("b\u{2260}1"),
        "{}",
        a.text
    );
    assert_eq!(a.text.matches("neq").count(), 1, "{}", a.text);
}

#[test]
fn hidden_tab_panels_are_read_with_the_shown_one() {
    // A product page shows its description tab and hides the specifications tab until it is
    // clicked; the reader shows both. A hidden block that is no tab panel (a dialog) stays out.
    let tabs = |hide: &str| {
        format!(
            "<div class=\"tabs\"><div role=\"tablist\"><button role=\"tab\" \
             aria-controls=\"t1\">Description</button><button role=\"tab\" \
             aria-controls=\"t2\">Specifications</button></div>\
             <div role=\"tabpanel\" id=\"t1\">{PROSE}</div>\
             <div role=\"tabpanel\" id=\"t2\" {hide}><p>The quay lamp is cast in marine bronze \
             and weighs eleven kilograms, with a glass globe rated for salt spray and a bulb \
             holder that takes the old harbour fittings.</p></div></div>\
             <div class=\"dialog\" hidden><p>Sign up to our newsletter for ten percent off your \
             first order of harbour lamps and quay fittings this spring.</p></div>"
        )
    };
    for hide in ["hidden", "style=\"display:none\"", "aria-hidden=\"true\""] {
        let a = run_html(&page("", &tabs(hide)));
        assert!(
            a.text.contains("The harbour board voted"),
            "{hide}: {:?}",
            a.text
        );
        assert!(a.text.contains("marine bronze"), "{hide}: {:?}", a.text);
        assert!(!a.text.contains("newsletter"), "{hide}: {:?}", a.text);
    }
}

#[test]
fn text_folded_behind_the_pages_own_control_is_unfolded() {
    // "Read more" folds the rest of a description: the button names what it folds and says it
    // is folded. A menu folded the same way, and a folded list of links, stay out; so does a
    // hidden block no control names.
    let body = format!(
        "<button aria-expanded=\"false\" aria-controls=\"site-menu\">Menu</button>\
         <nav id=\"site-menu\" style=\"display: none\"><p>Harbour lamps and quay fittings \
         for every season of the year, sold by the harbour shop.</p></nav>\
         {PROSE}<button aria-expanded=\"false\" aria-controls=\"more\">Read more</button>\
         <div id=\"more\" aria-hidden=\"true\" style=\"display: none\"><h4>What we love about \
         the quay lamp</h4><p>The quay lamp is cast in marine bronze and weighs eleven \
         kilograms, with a glass globe rated for salt spray.</p></div>\
         <button aria-expanded=\"false\" aria-controls=\"links\">More links</button>\
         <div id=\"links\" hidden><a href=\"/a\">Quay lamps on sale this week</a> \
         <a href=\"/b\">Harbour fittings in bronze</a></div>\
         <div id=\"promo\" hidden><p>Sign up to our newsletter for ten percent off your first \
         order of harbour lamps and quay fittings this spring.</p></div>"
    );
    let a = run_html(&page("", &body));
    assert!(a.text.contains("marine bronze"), "{:?}", a.text);
    assert!(a.text.contains("What we love"), "{:?}", a.text);
    for hidden in [
        "sold by the harbour shop",
        "on sale this week",
        "newsletter",
    ] {
        assert!(!a.text.contains(hidden), "{hidden:?} kept: {:?}", a.text);
    }
}

#[test]
fn scripted_drop_down_options_are_no_content() {
    let picker = "<form><label>Country</label><div role=\"listbox\">\
        <div role=\"option\"><span>Albania</span></div><div role=\"option\">Algeria</div>\
        <div role=\"option\">Andorra</div></div>\
        <div role=\"option\" data-value=\"Angola\">Angola</div></form>";
    let a = run_html(&page("", &format!("{PROSE}{picker}")));
    for country in ["Albania", "Algeria", "Andorra", "Angola"] {
        assert!(!a.text.contains(country), "{country} kept: {}", a.text);
    }
    // A list of prose items stays.
    let list = "<ul><li>Albania sent two crews to the quay.</li>\
        <li>Algeria sent one crew and a tug.</li></ul>";
    let a = run_html(&page("", &format!("{PROSE}{list}")));
    assert!(a.text.contains("Albania sent") && a.text.contains("Algeria sent"));
}

#[test]
fn inline_boxes_set_apart_by_style_keep_their_words_apart() {
    let cards = "<p>Two stoves passed the test this winter, both from the same maker, and both \
        lit on the first try in the wind on the ridge above the quay.</p>\
        <ul><li><a href=\"/p/1\"><span class=\"brand\">Primus</span><span class=\"title\">Tupike \
        Stove</span></a></li></ul>\
        <p>The crews tested both stoves on the ridge above the quay.<span class=\"note\">Both \
        stoves are sold at the harbour shop.</span></p><p>By<a href=\"/ann\">Ann Lee</a></p>";
    let a = run_html(&page("", &format!("{PROSE}{cards}")));
    assert!(a.text.contains("Primus Tupike"), "{}", a.text);
    assert!(a.text.contains("quay. Both"), "{}", a.text);
    assert!(a.text.contains("By Ann Lee"), "{}", a.text);
    // A drop cap and a word emphasised in part stay whole.
    let p = "<p><span class=\"dropcap\">H</span>ong Kong crews cheered the <em>re</em>opening \
        of the quay, and the <b>harbour</b>master thanked them.</p>";
    let a = run_html(&page("", &format!("{p}{PROSE}")));
    assert!(
        a.text.contains("Hong Kong") && a.text.contains("reopening"),
        "{}",
        a.text
    );
}

#[test]
fn headings_named_header_that_are_link_targets_stay() {
    // Blogging platforms class each section heading "header-anchor-post" and give it a
    // permalink id; "header" there names the heading, not the site's masthead.
    let heading = |title: &str, slug: &str| {
        format!(
            "<h2 class=\"header-anchor-post\">{title}<div class=\"header-anchor-parent\">\
             <div id=\"{slug}\" class=\"header-anchor\"></div></div></h2>"
        )
    };
    let body = format!(
        "{}{PROSE}{}<p>The ferry company will hire six new deckhands, and the board has asked \
         the school to help train them over the summer holidays.</p>",
        heading("Why the quay closed", "why-the-quay-closed"),
        heading("What comes next", "what-comes-next")
    );
    let a = run_html(&page("", &body));
    assert!(a.text.contains("Why the quay closed"), "{}", a.text);
    assert!(a.text.contains("What comes next"), "{}", a.text);
    // Control: a "header" heading that is no link target keeps Readability's rule.
    let plain = format!("<h2 class=\"box-header\">Trending now</h2>{PROSE}");
    let a = run_html(&page("", &plain));
    assert!(!a.text.contains("Trending now"), "{}", a.text);
}

#[test]
fn page_builder_sections_of_one_article_are_joined() {
    // Page builders split an article into sibling sections classed alike but for a hashed
    // block name and a layout option; a short opening section joins the long body.
    let long = "<p>The harbour board met on Tuesday in the old customs house with the ferry crews \
        and the cafe owners and the coast guard and the head of the village school and voted to \
        reopen the quay after eleven years of repairs that had cost far more than the first \
        estimate had said they would cost.</p>";
    let body: String = std::iter::repeat_n(long, 40).collect();
    let intro = "<p>In short: the quay reopens in March, the crossing takes forty minutes, \
        tickets cost four pounds, and children travel free on school days.</p>\
        <p>Below, we explain the vote, the repairs, the timetable, the fares, and what the \
        crews, the cafes, and the school expect from the first season.</p>";
    let html = |first_class: &str| {
        format!(
            "<html><head><title>Harbour reopens</title></head><body><article><div class=\"entry\">\
             <section class=\"{first_class}\"><div class=\"inner\">{intro}</div></section>\
             <section class=\"wp-block-columns valign-center block-906ed92c wrap\">\
             <div class=\"inner\">{body}</div></section></div></article></body></html>"
        )
    };
    let a = run_html(&html("wp-block-columns valign- block-95c2cbeb wrap"));
    assert!(a.text.contains("In short: the quay reopens"), "{}", a.text);
    // Control: a section of another kind (a sign-up box) stays out.
    let a = run_html(&html("signup-box"));
    assert!(!a.text.contains("In short: the quay reopens"), "{}", a.text);
}

#[test]
fn call_to_action_buttons_between_paragraphs_go() {
    let cta = "<p><a class=\"btn btn-link chevron-right\" href=\"/blog/ferry-timetable\">\
        Find out when the first ferry leaves</a></p>\
        <div><a class=\"wp-block-button__link\" href=\"/signup\">Book your free harbour tour \
        today</a></div>";
    let a = run_html(&page("", &format!("{PROSE}{cta}")));
    assert!(!a.text.contains("Find out when"), "{}", a.text);
    assert!(!a.text.contains("Book your free"), "{}", a.text);
    // Controls: a button-styled link inside a sentence, a disclosure's toggle and a short
    // control label stay.
    let kept = "<p>The board published <a class=\"cta-link\" href=\"/report\">the full survey of \
        the pilings</a> on its website.</p>\
        <p><a class=\"btn btn-link\" href=\"#part-2\" aria-controls=\"part-2\">Repairs to the \
        waiting room</a></p><p><a class=\"btn\" href=\"/reuse\">Reuse content</a></p>";
    let a = run_html(&page("", &format!("{PROSE}{kept}")));
    for t in [
        "the full survey of the pilings",
        "Repairs to the waiting room",
        "Reuse content",
    ] {
        assert!(a.text.contains(t), "{t} dropped: {}", a.text);
    }
}
