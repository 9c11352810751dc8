//! Discussion threads (issue 12, "pages that are not news articles"): the reader shows the
//! posts in order, each with its author, date and text; an article followed by its comments
//! stays the article. Hand-written pages.

use lectern::{extract, Article, Options};

fn run_html(html: &str) -> Article {
    let opts = Options {
        url: Some("https://talk.example.org/t/ferry-timetable/42".to_string()),
    };
    extract(html, &opts).unwrap_or_else(|e| panic!("{e}"))
}

const REPLIES: [(&str, &str, &str); 4] = [
    (
        "harbourfan",
        "Mar 3, 2025",
        "Does anyone know whether the winter timetable keeps the early crossing? I commute to the \
         island on Mondays and the last update on the board was in October, which says nothing \
         about the holidays. The cafe by the quay thought the first boat would move to eight.",
    ),
    (
        "quaykeeper",
        "Mar 3, 2025",
        "It stays at 6:40 on weekdays, I asked at the ticket office.",
    ),
    (
        "islander_77",
        "Mar 4, 2025",
        "Same here, although the Sunday boats are cut to two until April.",
    ),
    (
        "harbourfan",
        "Mar 4, 2025",
        "Thanks both, that settles my Mondays then.",
    ),
];

fn forum_page(post: &dyn Fn(usize, &str, &str, &str) -> String) -> String {
    let posts: String = REPLIES
        .iter()
        .enumerate()
        .map(|(i, (who, when, text))| post(i, who, when, text))
        .collect();
    format!(
        "<html><head><title>Ferry timetable | Harbour Talk</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/latest\">Latest</a> <a href=\"/top\">Top</a></nav>\
         <main><h1>Ferry timetable</h1><div class=\"thread\">{posts}</div></main>\
         <footer>Harbour Talk runs on volunteer time.</footer></body></html>"
    )
}

/// Every post's text, author and date appear, in the thread's order; the controls do not.
fn assert_posts_in_order(a: &Article) {
    let mut at = 0;
    for (who, when, text) in REPLIES {
        let head = format!("{who}\n{when}");
        let found = a.text[at..]
            .find(&head)
            .unwrap_or_else(|| panic!("{head:?} after {at} in {:?}", a.text));
        at += found + head.len();
        let body = a.text[at..]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} after {at} in {:?}", a.text));
        at += body + text.len();
    }
    for chrome in ["Reply", "Like", "Joined", "Messages:"] {
        assert!(!a.text.contains(chrome), "{chrome:?} kept: {:?}", a.text);
    }
}

#[test]
fn forum_posts_keep_author_date_and_order() {
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"post bg{}\" id=\"p{i}\">\
             <div class=\"user-info\"><a class=\"username\" href=\"/members/{who}\">{who}</a>\
             <dl><dt>Joined</dt><dd>Jan 2019</dd><dt>Messages:</dt><dd>{}</dd></dl></div>\
             <div class=\"post-main\"><time datetime=\"2025-03-0{}\">{when}</time>\
             <div class=\"post-body\"><p>{text}</p></div>\
             <div class=\"post-actions\"><a href=\"#r\">Reply</a> <a href=\"#l\">Like</a></div>\
             </div></div>",
            i % 2 + 1,
            120 + i,
            i + 3
        )
    });
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert_eq!(a.byline.as_deref(), Some("harbourfan"));
}

#[test]
fn schema_org_comments_nested_as_replies_are_each_a_post() {
    // Threaded replies: each Comment holds the replies to it.
    let mut html = String::new();
    for (i, (who, when, text)) in REPLIES.iter().enumerate() {
        let kind = if i == 0 {
            "DiscussionForumPosting"
        } else {
            "Comment"
        };
        html.push_str(&format!(
            "<div itemscope itemtype=\"https://schema.org/{kind}\">\
             <span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">\
             <span itemprop=\"name\">{who}</span></span>\
             <span itemprop=\"datePublished\" content=\"2025-03-0{}\">{when}</span>\
             <div itemprop=\"text\"><p>{text}</p></div>\
             <ul class=\"links\"><li><a href=\"#r\">Reply</a></li><li><a href=\"#l\">Like</a></li></ul>",
            i + 3
        ));
    }
    html.push_str(&"</div>".repeat(REPLIES.len()));
    let page = format!(
        "<html><head><title>Ferry timetable</title></head><body><h1>Ferry timetable</h1>\
         <section id=\"discussion\">{html}</section></body></html>"
    );
    let a = run_html(&page);
    assert_posts_in_order(&a);
}

#[test]
fn article_followed_by_comments_stays_the_article() {
    let prose = "<p>The harbour board voted on Tuesday to reopen the old ferry quay after eleven \
        years of repairs, a decision that pleased the fishing crews and the cafe owners alike. \
        Engineers had found the pilings sound in the spring survey.</p>\
        <p>Work on the waiting room will continue through the winter, the board said, and the \
        first timetabled crossing is planned for the second week of March if the weather allows \
        it.</p><p>Residents who remember the last crossing in 2014 said they would queue for the \
        first ticket, and the local school plans a trip for every class in the spring term.</p>";
    let comments: String = REPLIES
        .iter()
        .map(|(who, when, text)| {
            format!(
                "<li class=\"reply\"><span class=\"author\">{who}</span> \
                 <time>{when}</time><div class=\"reply-text\"><p>{text}</p></div></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Harbour reopens</title></head><body>\
         <article><h1>Harbour reopens</h1><p class=\"byline\">By A. Reporter</p>{prose}</article>\
         <section class=\"responses\"><h2>Responses</h2><ol>{comments}</ol></section>\
         </body></html>"
    );
    let a = run_html(&html);
    assert!(
        a.text.starts_with("The harbour board voted on Tuesday"),
        "{:?}",
        a.text
    );
    assert!(a.text.contains("plans a trip for every class"));
}

#[test]
fn a_thread_of_short_posts_is_readerable() {
    let short = [
        ("harbourfan", "Mar 3, 2025", "Early boat still on?"),
        ("quaykeeper", "Mar 3, 2025", "Yes, 6:40 on weekdays."),
        ("islander_77", "Mar 4, 2025", "Sundays are cut to two."),
        ("harbourfan", "Mar 4, 2025", "Thanks both, that helps."),
        ("ferrywatch", "Mar 5, 2025", "The board updated it today."),
        ("quaykeeper", "Mar 5, 2025", "Good, the old one was wrong."),
        ("deckhand", "Mar 6, 2025", "Winter fares start next week."),
        ("islander_77", "Mar 6, 2025", "Same price as last year?"),
        ("deckhand", "Mar 6, 2025", "Up by fifty pence, sadly."),
        (
            "harbourfan",
            "Mar 7, 2025",
            "Still cheaper than the bridge.",
        ),
        ("ferrywatch", "Mar 7, 2025", "And a nicer view on the way."),
        ("quaykeeper", "Mar 8, 2025", "See you all on the quay then."),
    ];
    let posts: String = short
        .iter()
        .map(|(who, when, text)| {
            format!(
                "<div class=\"post\"><a class=\"username\" href=\"/members/{who}\">{who}</a>\
                 <time>{when}</time><div class=\"post-body\">{text}</div></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Ferry timetable</title></head><body><h1>Ferry timetable</h1>\
         <div class=\"thread\">{posts}</div></body></html>"
    );
    assert!(lectern::is_probably_readerable(&html));
    // Control: the same page without its posts is not.
    let empty = "<html><head><title>Ferry timetable</title></head><body><h1>Ferry timetable</h1>\
         <div class=\"thread\"></div></body></html>";
    assert!(!lectern::is_probably_readerable(empty));
}

#[test]
fn short_replies_keep_only_their_text_container() {
    // Each post's text sits in a `content` block beside a title and an author line; for a
    // one-line reply those outweigh the text, so the container is decided over the thread.
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"post bg{}\" id=\"p{i}\"><div class=\"postbody\">\
             <h3><a href=\"#p{i}\">Re: Ferry timetable and the winter crossings</a></h3>\
             <p class=\"author\">Post by <a href=\"/members/{who}\">{who}</a> &raquo; \
             <time>{when}</time></p><div class=\"content\">{text}</div></div></div>",
            i % 2 + 1
        )
    });
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert!(!a.text.contains("Re: Ferry"), "{:?}", a.text);
    assert!(!a.text.contains("Post by"), "{:?}", a.text);
}
