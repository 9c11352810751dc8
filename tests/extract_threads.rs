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

/// The thread's page as a Q&A site lays it out: the question item holds the answers, and each
/// post has a vote cell, its text, the author's card and the comments under it (schema.org
/// `Comment` items).
fn qa_page() -> String {
    let comments = "<li class=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">\
        <span class=\"comment-body\" itemprop=\"text\">Which quay is this, the north or the south \
        one? It matters for the timetable.</span> <a class=\"comment-user\" \
        href=\"/users/9/nitpicker\">nitpicker</a> <span class=\"comment-date\">\
        <time datetime=\"2025-03-05T12:00:00Z\">Mar 5, 2025</time></span></li>\
        <li class=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">\
        <span class=\"comment-body\" itemprop=\"text\">The south one, the north quay has been \
        closed since the storm.</span> <a class=\"comment-user\" href=\"/users/8/tidewatcher\">\
        tidewatcher</a> <span class=\"comment-date\">\
        <time datetime=\"2025-03-05T12:00:01Z\">Mar 5, 2025</time></span></li>";
    let post = |i: usize, (who, when, text): (&str, &str, &str), answer: bool| {
        let item = if answer {
            " itemscope itemtype=\"https://schema.org/Answer\" itemprop=\"suggestedAnswer\""
        } else {
            ""
        };
        format!(
            "<div class=\"post\"{item}><div class=\"post-layout\">\
             <div class=\"votecell post-layout--left\">12</div>\
             <div class=\"postcell post-layout--right\"><div class=\"s-prose\" itemprop=\"text\">\
             <p>{text}</p></div><div class=\"user-info\"><span class=\"user-action-time\">\
             <time datetime=\"2025-03-0{}T09:00:00Z\">{when}</time></span>\
             <div class=\"user-details\" itemprop=\"author\" itemscope \
             itemtype=\"https://schema.org/Person\"><a href=\"/users/{i}/{who}\">\
             <span itemprop=\"name\">{who}</span></a></div></div></div>\
             <div class=\"comments post-layout--right\"><ul>{comments}</ul></div></div></div>",
            i + 3
        )
    };
    let posts: String = REPLIES
        .iter()
        .enumerate()
        .map(|(i, &r)| post(i, r, i > 0))
        .collect();
    format!(
        "<html><head><title>Ferry timetable - Harbour Q&amp;A</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/questions\">Questions</a></nav>\
         <div class=\"qa\" itemscope itemtype=\"https://schema.org/Question\">\
         <h1 itemprop=\"name\">Ferry timetable</h1>{posts}</div></body></html>"
    )
}

#[test]
fn qa_page_is_its_question_and_answers_without_the_comments() {
    // The answers hold the comments' schema items, and the cells of their layout are groups of
    // their own: neither makes the question and answers a container of posts.
    let a = run_html(&qa_page());
    assert_posts_in_order(&a);
    for comment in ["north quay", "Which quay", "nitpicker", "tidewatcher"] {
        assert!(!a.text.contains(comment), "{comment:?} kept: {:?}", a.text);
    }
}

#[test]
fn opening_post_holding_the_replies_in_wrappers_of_their_own() {
    // The thread item is the opening post and holds the replies; each reply is a `Comment`
    // inside a wrapper of its own, and the wrappers are a thread-like group too. The opening
    // post also shows the thread's statistics with the time of its last reply.
    let long = |t: &str| {
        format!(
            "{t} The harbour office posts changes on the board by the ticket hall, and the \
             website follows a day or two later."
        )
    };
    let (who, when, text) = REPLIES[0];
    let replies: String = REPLIES[1..]
        .iter()
        .enumerate()
        .map(|(i, (who, when, text))| {
            format!(
                "<article class=\"js-post nested-message\"><div class=\"card\" itemscope \
                 itemprop=\"comment\" itemtype=\"https://schema.org/Comment\">\
                 <meta itemprop=\"datePublished\" content=\"2025-03-0{d}T10:00:00Z\"><header>\
                 <div itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">\
                 <meta itemprop=\"name\" content=\"{who}\"><a class=\"card-name\" \
                 href=\"/members/{who}.{i}/\">{who}</a></div><a class=\"card-date\" \
                 href=\"#p{i}\"><time datetime=\"2025-03-0{d}T10:00:00Z\">{when}</time></a>\
                 </header><div class=\"message-body\" itemprop=\"text\"><p>{text}</p></div>\
                 </div></article>",
                d = i + 3 + usize::from(i > 0),
                text = long(text)
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Ferry timetable</title>\
         <meta property=\"article:published_time\" content=\"2025-09-26T08:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/latest\">Latest</a></nav>\
         <h1>Ferry timetable</h1><div class=\"thread-body\" itemscope \
         itemtype=\"https://schema.org/DiscussionForumPosting\">\
         <div class=\"hidden\"><div itemprop=\"author\" itemscope \
         itemtype=\"https://schema.org/Person\"><meta itemprop=\"name\" content=\"{who}\"></div>\
         </div><meta itemprop=\"datePublished\" content=\"2025-03-03T09:00:00Z\">\
         <div class=\"thread-stats\">812 views 3 replies last post by harbourfan \
         <time datetime=\"2025-09-26T08:00:00Z\">Sep 26, 2025</time></div>\
         <div class=\"card\"><header><a class=\"card-name\" href=\"/members/{who}.1/\">{who}</a> \
         <a class=\"card-date\" href=\"#p0\"><time datetime=\"2025-03-03T09:00:00Z\">{when}</time>\
         </a></header><div class=\"message-body\" itemprop=\"text\"><p>{text}</p></div></div>\
         <div class=\"replies\">{replies}</div></div></body></html>"
    );
    let a = run_html(&html);
    assert_posts_in_order(&a);
    // The opening post is dated by its own day, not by the last reply shown beside it; and so
    // is the thread, whatever the page's metadata says.
    assert!(!a.text.contains("Sep 26"), "{:?}", a.text);
    let day = a.published_time.as_deref().and_then(|t| t.get(..10));
    assert_eq!(day, Some("2025-03-03"));
}

#[test]
fn author_named_only_in_a_data_attribute() {
    // A board whose posts are table rows: the poster's name is in `data-username` (the markup
    // names it nothing else), the date in a `post_time` span.
    let rows: String = REPLIES
        .iter()
        .enumerate()
        .map(|(i, (who, when, text))| {
            format!(
                "<tr><td class=\"msg\" id=\"m{i}\"><div class=\"msg_infobox\"><span class=\"user\">\
                 <a class=\"name menu_toggle\" data-username=\"{who}\"><b>{who}</b></a></span> \
                 <span class=\"post_time\" title=\"2025-03-0{} 10:00\">{when}</span></div>\
                 <div class=\"msg_body\"><div class=\"msg_text\">{text}</div>\
                 <div class=\"signature\">Sent from the quay</div></div></td></tr>",
                i + 3
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Ferry timetable - Boards</title></head><body>\
         <h1>Ferry timetable</h1><table class=\"board\">{rows}</table></body></html>"
    );
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert!(!a.text.contains("Sent from the quay"), "{:?}", a.text);
    assert_eq!(a.byline.as_deref(), Some("harbourfan"));
}

#[test]
fn a_time_holding_two_renderings_shows_the_day() {
    // The page's style shows the long or the short form by the screen's width.
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"post\" id=\"p{i}\"><a class=\"username\" href=\"/profile/{i}-{who}\">\
             {who}</a> <time datetime=\"2025-03-0{}T10:00:00Z\"><span class=\"long\">{when}\
             </span><span class=\"short\">1 yr</span></time>\
             <div class=\"post-content\"><p>{text}</p></div></div>",
            i + 3
        )
    });
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert!(!a.text.contains("1 yr"), "{:?}", a.text);
}

#[test]
fn a_role_badge_named_as_the_author_is_not_the_name() {
    // The opening poster's posts carry a badge in an element whose class names the author.
    let html = forum_page(&|i, who, when, text| {
        let badge = if who == REPLIES[0].0 {
            "<div class=\"showtopicauthor\">Topic Author</div>"
        } else {
            ""
        };
        format!(
            "<div class=\"post\" id=\"p{i}\"><dl class=\"profile\"><dt>{badge}\
             <a class=\"username\" href=\"/memberlist.php?mode=viewprofile&amp;u={i}\">{who}</a>\
             </dt></dl><time>{when}</time><div class=\"content\"><p>{text}</p></div></div>"
        )
    });
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert_eq!(a.byline.as_deref(), Some("harbourfan"));
}

#[test]
fn dates_printed_as_plain_text_sign_the_posts() {
    // An older engine's layout: no `<time>`, no date-named class; the author line prints the
    // date after the name, and a poster's counters sit beside it.
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"post bg{}\" id=\"p{i}\"><dl class=\"profile\"><dt>\
             <a href=\"/memberlist.php?mode=viewprofile&amp;u={i}\">{who}</a></dt>\
             <dd>Posts: 116 Threads: 23 Joined: Feb 2019</dd></dl>\
             <div class=\"postbody\"><p class=\"byline\">by <strong>\
             <a href=\"/memberlist.php?mode=viewprofile&amp;u={i}\">{who}</a></strong> \
             &raquo; Mon {when} 9:05 am</p><div class=\"content\"><p>{text}</p></div></div></div>",
            i % 2 + 1
        )
    });
    let a = run_html(&html);
    let mut at = 0;
    for (who, when, text) in REPLIES {
        let head = format!("{who}\nMon {when} 9:05 am");
        at += a.text[at..]
            .find(&head)
            .unwrap_or_else(|| panic!("{head:?} after {at} in {:?}", a.text));
        at += a.text[at..]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} after {at} in {:?}", a.text));
    }
    assert_eq!(a.byline.as_deref(), Some("harbourfan"));
    let day = a.published_time.as_deref().and_then(|t| t.get(..10));
    assert_eq!(day, Some("2025-03-03"));
}

#[test]
fn year_first_dates_with_an_edit_note_inside_sign_the_posts() {
    // Another older engine: the date line prints the day year first ("2025-03-03, 09:05
    // AM") and holds the post's edit note, too long for a name-sized date.
    let html = forum_page(&|i, who, _, text| {
        let day = format!("2025-03-0{}", 3 + i / 2);
        let note = if i == 0 {
            format!(
                "<span class=\"post_edit\"><span class=\"edited_post\">(This post was last \
                 modified: {day}, 11:40 AM by <a href=\"/user-{i}.html\">{who}</a>. Edited 1 \
                 time in total.)</span></span>"
            )
        } else {
            String::new()
        };
        format!(
            "<div class=\"post\" id=\"post_{i}\"><div class=\"post_author\">\
             <strong><a href=\"/user-{i}.html\">{who}</a></strong>\
             <div class=\"author_statistics\">Posts: 116<br>Threads: 23<br>Joined: Feb 2019</div>\
             </div><div class=\"post_content\"><div class=\"post_head\">\
             <span class=\"post_date\">{day}, 09:05 AM {note}</span></div>\
             <div class=\"post_body\" id=\"pid_{i}\">{text}</div></div></div>"
        )
    });
    let a = run_html(&html);
    let mut at = 0;
    for (i, (who, _, text)) in REPLIES.iter().enumerate() {
        let head = format!("{who}\n2025-03-0{}, 09:05 AM", 3 + i / 2);
        at += a.text[at..]
            .find(&head)
            .unwrap_or_else(|| panic!("{head:?} after {at} in {:?}", a.text));
        at += a.text[at..]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} after {at} in {:?}", a.text));
    }
    let day = a.published_time.as_deref().and_then(|t| t.get(..10));
    assert_eq!(day, Some("2025-03-03"));
}

#[test]
fn a_post_text_after_an_empty_float_is_kept() {
    // The body opens with an empty float and its text ends in the template's indentation:
    // Readability's test reads such text as no content and would swap the body for the float.
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"post\" id=\"post_{i}\"><div class=\"post_author\">\
             <a class=\"username\" href=\"/members/{who}\">{who}</a></div>\
             <div class=\"post_content\"><span class=\"post_date\">{when}</span>\
             <div class=\"post_body\"><div class=\"float_right\"></div>\n\t\t{text}\n\t</div>\
             </div></div>"
        )
    });
    assert_posts_in_order(&run_html(&html));
}

#[test]
fn an_empty_time_shows_the_date_the_page_prints_for_it() {
    // The machine-readable time is empty; the line the page shows carries the same instant in
    // its tooltip.
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"answer\" id=\"a{i}\"><div class=\"answer-body\"><p>{text}</p></div>\
             <time itemprop=\"dateCreated\" datetime=\"2025-03-0{} 09:05:00Z\"></time>\
             <div class=\"user-info\"><div class=\"action-time\">answered \
             <span title=\"2025-03-0{} 09:05:00Z\">{when} at 9:05</span></div>\
             <a href=\"/users/{i}/{who}\">{who}</a></div></div>",
            3 + i / 2,
            3 + i / 2
        )
    });
    let a = run_html(&html);
    for (_, when, _) in REPLIES {
        let shown = format!("{when} at 9:05");
        assert!(a.text.contains(&shown), "{shown:?} not in {:?}", a.text);
    }
    assert!(!a.text.contains("09:05:00Z"), "{:?}", a.text);
}

#[test]
fn qa_question_wrapping_its_answers_outnumbered_by_its_comments() {
    // The question item wraps the whole page, answers included; the comments under the question
    // name more authors than there are answers, and each answer's layout cells repeat as a
    // group of their own. The thread is still the question and its answers.
    let comment = |i: usize| {
        format!(
            "<li class=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">\
             <span class=\"comment-copy\">Is the north quay open again, or only the south one \
             ({i})?</span> <a class=\"comment-user\" href=\"/users/9{i}/asker{i}\">asker{i}</a> \
             <span class=\"comment-date\"><time datetime=\"2025-03-05T12:00:0{i}Z\">\
             Mar 5, 2025</time></span></li>"
        )
    };
    let comments: String = (0..5).map(comment).collect();
    let post = |i: usize, (who, when, text): (&str, &str, &str)| {
        let (class, item, shown) = if i == 0 {
            ("question", String::new(), "2 years ago".to_string())
        } else {
            (
                "answer",
                " itemscope itemtype=\"https://schema.org/Answer\"".to_string(),
                when.to_string(),
            )
        };
        let under = if i == 0 { comments.as_str() } else { "" };
        format!(
            "<div class=\"{class}\"{item}><div class=\"post-layout\">\
             <div class=\"votecell post-layout--left\">7</div>\
             <div class=\"answercell post-layout--right\"><div class=\"s-prose\" itemprop=\"text\">\
             <p>{text}</p></div><div class=\"user-info\"><span class=\"user-action-time\">\
             <time datetime=\"2025-03-0{d}T09:00:00Z\">{shown}</time></span>\
             <div class=\"user-details\" itemprop=\"author\"><a href=\"/users/{i}/{who}\">{who}</a>\
             </div></div></div>\
             <div class=\"comments post-layout--right\"><ul>{under}</ul></div></div></div>",
            d = i + 3
        )
    };
    let posts: String = REPLIES
        .iter()
        .enumerate()
        .map(|(i, &r)| post(i, r))
        .collect();
    let html = format!(
        "<html><head><title>Ferry timetable - Harbour Q&amp;A</title></head><body>\
         <div itemscope itemtype=\"https://schema.org/Question\"><h1>Ferry timetable</h1>\
         <div id=\"mainbar\">{posts}</div></div></body></html>"
    );
    let a = run_html(&html);
    let mut at = 0;
    for (i, (who, when, text)) in REPLIES.iter().enumerate() {
        // A date told relative to the visit ("2 years ago") is shown as the day it names.
        let when = if i == 0 { "March 3, 2025" } else { when };
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
    assert!(!a.text.contains("north quay"), "{:?}", a.text);
    assert!(!a.text.contains("years ago"), "{:?}", a.text);
}

#[test]
fn a_folded_summary_above_the_posts_leaves_the_page_a_thread() {
    // A generated overview of the discussion sits above the posts in a closed `<details>`: the
    // reader shows the posts, not the page's own prose followed by its "comments".
    let overview = "<details class=\"overview\"><summary>Discussion overview</summary>\
        <p>The participants discuss whether the winter timetable keeps the early crossing, with \
        several members reporting what the ticket office and the harbour board have told them \
        about the weekday and Sunday boats over the coming months.</p>\
        <p>Most agree that the early boat stays, while the Sunday service is reduced until the \
        spring, and the thread closes with the original poster thanking the others for answering \
        so quickly.</p></details>";
    let html = forum_page(&|i, who, when, text| {
        let lead = if i == 0 { overview } else { "" };
        format!(
            "{lead}<article class=\"message\" data-author=\"{who}\">\
             <div class=\"message-user\"><a class=\"username\" href=\"/members/{who}.{i}/\">{who}</a>\
             </div><div class=\"message-main\"><time datetime=\"2025-03-0{d}\">{when}</time>\
             <div class=\"message-body\"><p>{text}</p></div></div></article>",
            d = i + 3
        )
    });
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert!(!a.text.contains("participants discuss"), "{:?}", a.text);
}

#[test]
fn a_byline_block_names_the_poster_without_a_profile_link() {
    // Posts of deleted accounts show the name as plain text in a "byline" block; the others
    // link the name to the member's page.
    let html = forum_page(&|i, who, when, text| {
        let name = if i % 2 == 0 {
            format!("<span class=\"avatar\" title=\"{who}\"></span>{who}")
        } else {
            format!("<a href=\"/member/{who}\">{who}</a>")
        };
        format!(
            "<div id=\"wrap{i}\"><article class=\"post-box\"><div class=\"post-box-byline\">{name}\
             </div><div class=\"post-body\"><p>{text}</p></div><div class=\"post-box-meta\">\
             <time datetime=\"2025-03-0{d}T10:00:00\">{when}</time></div></article></div>",
            d = i + 3
        )
    });
    let a = run_html(&html);
    assert_posts_in_order(&a);
}

#[test]
fn teaser_cards_with_bylines_are_not_a_thread() {
    // A list of articles: each card's picture and title link to the same article, with an
    // excerpt and a byline and date. Not posts of a discussion.
    let cards: String = REPLIES
        .iter()
        .enumerate()
        .map(|(i, (who, when, text))| {
            format!(
                "<article class=\"tease\"><a href=\"/2025/03/story-{i}/\"><img src=\"/i{i}.jpg\" \
                 alt=\"\"></a><h3 class=\"tease-title\"><a href=\"/2025/03/story-{i}/\">Harbour \
                 story number {i} of the week</a></h3><div class=\"tease-excerpt\">{text}</div>\
                 <div class=\"tease-byline\"><a href=\"/author/{who}/\">{who}</a> | \
                 <time datetime=\"2025-03-0{d}\">{when}</time></div></article>",
                d = i + 3
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Issues | Harbour Report</title></head><body><h1>Issues</h1>\
         <div class=\"list\">{cards}</div></body></html>"
    );
    let opts = Options {
        url: Some("https://harbour.example.org/issues/".to_string()),
    };
    if let Ok(a) = extract(&html, &opts) {
        for (who, when, _) in REPLIES {
            let head = format!("{who}\n{when}");
            assert!(!a.text.contains(&head), "read as a thread: {:?}", a.text);
        }
    }
}

#[test]
fn an_opening_post_laid_out_unlike_the_replies_leads_the_thread() {
    // The question is the page's own block (no post markup of its kind); the replies are the
    // posts. The reader shows the question first, then each reply with its author and date.
    let question = "I commute to the island on Mondays and wonder whether the winter timetable \
        keeps the early crossing. The board by the ticket hall was last updated in October and \
        says nothing about the holidays, and the cafe by the quay thinks the first boat moves.";
    let replies: String = REPLIES[1..]
        .iter()
        .enumerate()
        .map(|(i, (who, when, text))| {
            format!(
                "<li class=\"reply\"><div class=\"reply-head\"><a class=\"username\" \
                 href=\"/members/{who}\">{who}</a> <time datetime=\"2025-03-0{d}\">{when}</time>\
                 </div><div class=\"reply-body\"><p>{text} The harbour office confirmed it on \
                 the phone this morning, and the notice goes up on Friday.</p></div></li>",
                d = i + 3
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Ferry timetable</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/latest\">Latest</a></nav>\
         <div class=\"topic\"><h1>Ferry timetable</h1>\
         <div class=\"topic-post\"><p>{question}</p></div>\
         <ol class=\"replies\">{replies}</ol></div></body></html>"
    );
    let a = run_html(&html);
    assert!(
        a.text.starts_with("I commute to the island"),
        "{:?}",
        a.text
    );
    let mut at = 0;
    for (who, when, text) in &REPLIES[1..] {
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
    // The first reply's author did not start the thread.
    assert_ne!(a.byline.as_deref(), Some("quaykeeper"));
}

#[test]
fn a_thread_is_titled_by_its_subject_not_the_boards_prefix() {
    // The document title puts the board's name and "View topic" before the subject, which the
    // page prints in a heading above the posts.
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"post\"><a class=\"username\" href=\"/members/{who}\">{who}</a>\
             <time datetime=\"2025-03-0{d}\">{when}</time><div class=\"post-body\"><p>{text}</p>\
             </div></div>",
            d = i + 3
        )
    })
    .replace(
        "<title>Ferry timetable | Harbour Talk</title>",
        "<title>Harbour Talk &bull; View topic - Winter ferry timetable for the island</title>",
    )
    .replace(
        "<h1>Ferry timetable</h1>",
        "<h2><a href=\"/t/42\">Winter ferry timetable for the island</a></h2>",
    );
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert_eq!(
        a.title.as_deref(),
        Some("Winter ferry timetable for the island")
    );
}

#[test]
fn a_board_name_heading_at_the_titles_tail_is_not_the_subject() {
    // "Subject - Board" with the board's name printed as the page's first heading: the title
    // stays the subject.
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"post\"><a class=\"username\" href=\"/members/{who}\">{who}</a>\
             <time datetime=\"2025-03-0{d}\">{when}</time><div class=\"post-body\"><p>{text}</p>\
             </div></div>",
            d = i + 3
        )
    })
    .replace(
        "<title>Ferry timetable | Harbour Talk</title>",
        "<title>Winter ferry timetable - Harbour Talk</title>",
    )
    .replace(
        "<h1>Ferry timetable</h1>",
        "<h2>Harbour Talk</h2><h1>Winter ferry timetable</h1>",
    );
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert_eq!(a.title.as_deref(), Some("Winter ferry timetable"));
}

#[test]
fn edit_notes_under_posts_are_dropped() {
    let html = forum_page(&|i, who, when, text| {
        let note = if i % 2 == 0 {
            format!(
                "<span class=\"light\"><strong>Edited <time datetime=\"2025-03-0{d}T10:00:00Z\">\
                 {when}</time> by {who}</strong><br>typo in the times</span>",
                d = i + 3
            )
        } else {
            "<p>Edited by the harbour office on request, the notice on the board now lists the \
             Sunday boats as well.</p>"
                .to_string()
        };
        format!(
            "<div class=\"post\"><a class=\"username\" href=\"/members/{who}\">{who}</a>\
             <time datetime=\"2025-03-0{d}\">{when}</time><div class=\"post-body\"><p>{text}</p>\
             {note}</div></div>",
            d = i + 3
        )
    });
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert!(!a.text.contains("typo in the times"), "{:?}", a.text);
    // A sentence opening with "Edited by" is the post's text.
    assert!(
        a.text.contains("Edited by the harbour office"),
        "{:?}",
        a.text
    );
}

#[test]
fn a_story_submitted_above_its_comments_names_the_threads_author() {
    // A link aggregator: the story line ("12 points by jane") sits in a table of its own above
    // the comment tree; the comments are the thread, and the submitter started it.
    let comments: String = REPLIES
        .iter()
        .enumerate()
        .map(|(i, (who, when, text))| {
            format!(
                "<tr class=\"comtr\"><td><span class=\"comhead\"><a class=\"hnuser\" \
                 href=\"user?id={who}\">{who}</a> <span class=\"age\" \
                 title=\"2025-03-0{d}T10:00:00\"><a href=\"item?id=9{i}\">{when}</a></span>\
                 </span><div class=\"comment\"><div class=\"commtext\">{text}</div></div></td></tr>",
                d = i + 3
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Ferry timetable | Harbour News</title></head><body><center>\
         <table id=\"main\"><tr><td><table class=\"fatitem\"><tr class=\"athing\"><td>\
         <span class=\"titleline\"><a href=\"https://ferries.example.org/winter\">Winter ferry \
         timetable</a></span></td></tr><tr><td class=\"subtext\">12 points by \
         <a class=\"hnuser\" href=\"user?id=skipper\">skipper</a> <span class=\"age\" \
         title=\"2025-03-02T09:00:00\"><a href=\"item?id=1\">Mar 2, 2025</a></span></td></tr>\
         </table><br><table class=\"comment-tree\">{comments}</table></td></tr></table>\
         </center></body></html>"
    );
    let a = run_html(&html);
    assert_posts_in_order(&a);
    assert_eq!(a.byline.as_deref(), Some("skipper"));
}

#[test]
fn a_short_story_above_a_long_discussion_opens_the_thread() {
    // A news aggregator: a short story, then a comment tree many times its length, each
    // comment signed by a tilde profile link and a date printed with its time run into it
    // ("@11:51AM"), its title linking to the permalink its date line also shows. The first
    // comment holds a collapsed one-line reply, which is not one of the listed posts.
    // Long enough for Readability to pick it (its comments are "unlikely" by their class).
    let story = "The ferry operator has published the winter timetable for the island route, \
        with the early crossing kept on weekdays and the Sunday boats cut to two until April. \
        Commuters had asked for the early boat at a meeting in the village hall last month, and \
        the operator said the crew rota now allows it without extra cost to the council. The \
        timetable runs from the first of November, and the summer timetable returns at Easter, \
        when the second boat comes back from its refit at the yard on the mainland. The fares \
        stay as they are until the new year, the operator added.";
    let filler = "The harbour master said the timetable would be reviewed again in the spring, \
        once the repairs to the slipway are finished and the second boat is back in service.";
    let comment = |i: usize, who: &str, text: &str, nested: &str| {
        format!(
            "<li class=\"comment full\"><div class=\"title\"><h4><a \
             href=\"//news.example.org/comments?cid=9{i}\">Re: Winter timetable</a></h4></div>\
             <div class=\"details\"><span class=\"by\">by <a \
             href=\"//news.example.org/~{who}\">{who}</a></span> <span \
             class=\"otherdetails\">on Monday March 3, 2025 @11:5{d}AM (<a \
             href=\"//news.example.org/comments?cid=9{i}\">#9{i}</a>)</span></div>\
             <div class=\"commentBody\"><div><p>{text}</p></div></div>{nested}</li>",
            d = i % 10
        )
    };
    let nested = format!(
        "<ul><li class=\"comment oneline\"><div class=\"details\"><span class=\"by\">by <a \
         href=\"//news.example.org/~deckhand\">deckhand</a></span></div>\
         <div class=\"commentBody\"><div><p>A collapsed reply: {filler} {filler}</p></div></div>\
         </li></ul>"
    );
    let mut comments = String::new();
    for (i, (who, _, text)) in REPLIES.iter().enumerate() {
        comments.push_str(&comment(i, who, text, if i == 0 { &nested } else { "" }));
    }
    for i in 4..44 {
        comments.push_str(&comment(i, &format!("reader{i}"), filler, ""));
    }
    let html = format!(
        "<html><head><title>Winter timetable - Harbour News</title></head><body>\
         <article><h2>Winter timetable</h2><div class=\"body\"><p>{story}</p></div></article>\
         <ul id=\"commentlisting\">{comments}</ul></body></html>"
    );
    let a = run_html(&html);
    let at = a.text.find(story).unwrap_or_else(|| panic!("{:?}", a.text));
    let mut from = at;
    for (who, _, text) in REPLIES {
        let w = a.text[from..]
            .find(who)
            .unwrap_or_else(|| panic!("{who} after {from}: {:?}", a.text));
        let t = a.text[from + w..]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} after {who}: {:?}", a.text));
        // Under its author, the post's own text, not the collapsed reply's.
        assert!(!a.text[from + w..from + w + t].contains("A collapsed reply"));
        from += w + t + text.len();
    }
}

/// A long post that later replies quote: in full (a repeat the reader drops), by one line
/// (what the reply answers, kept).
const LONG_POST: &str = "The winter timetable is out and it changes more than the early crossing. \
     The Monday boat leaves at 6:40 as before, but the midday sailing moves to 12:15 so the \
     freight can load first, the evening return is cut on Tuesdays and Wednesdays, and the \
     Sunday service drops to two boats until April. Season tickets bought before November keep \
     their old price, and the office by the quay now opens at seven instead of eight.";

/// Text quoted from a post that is not on this page (an earlier page of the thread).
const ELSEWHERE: &str = "Last winter the harbour board promised a heated waiting room at the \
     island pier before the storms, a covered ramp for the bicycles, a second ticket machine at \
     the quay and a notice board that shows the delays as they happen, and asked the ferry \
     company to publish the timetable a month ahead rather than a week ahead as it did.";

#[test]
fn long_quotes_repeating_an_earlier_post_are_dropped_short_ones_stay() {
    let post = |who: &str, day: u32, body: &str| {
        format!(
            "<div class=\"post\"><a class=\"username\" href=\"/members/{who}\">{who}</a>\
             <time datetime=\"2025-03-0{day}\">Mar {day}, 2025</time>\
             <div class=\"post-body\">{body}</div></div>"
        )
    };
    let quote = |who: &str, text: &str| {
        format!(
            "<blockquote class=\"bbCodeBlock bbCodeBlock--quote\" data-quote=\"{who}\">\
             <div class=\"bbCodeBlock-title\">{who} said:</div>\
             <div class=\"bbCodeBlock-content\">{text}</div></blockquote>"
        )
    };
    let short = "The Monday boat leaves at 6:40 as before";
    let posts = [
        post("harbourfan", 3, &format!("<p>{LONG_POST}</p>")),
        post(
            "quaykeeper",
            3,
            &format!(
                "{}<p>Thanks for writing all of this up, it saves me a trip to the board.</p>",
                quote("harbourfan", LONG_POST)
            ),
        ),
        post(
            "islander_77",
            4,
            &format!(
                "{}<p>Good, then I can still make the market on the island by eight.</p>",
                quote("harbourfan", short)
            ),
        ),
        post(
            "harbourfan",
            4,
            &format!(
                "{}<p>None of that happened, and the timetable came out a week ahead again.</p>",
                quote("oldtimer", ELSEWHERE)
            ),
        ),
    ]
    .concat();
    let html = format!(
        "<html><head><title>Winter timetable | Harbour Talk</title></head><body>\
         <main><h1>Winter timetable</h1><div class=\"thread\">{posts}</div></main></body></html>"
    );
    let a = run_html(&html);
    // The full quote went with its "said:" line; the reply's own words stayed.
    assert_eq!(
        a.text.matches("freight can load first").count(),
        1,
        "{:?}",
        a.text
    );
    assert!(a.text.contains("saves me a trip"), "{:?}", a.text);
    // A line quoted, and a quote of a post not on the page, stay.
    assert_eq!(a.text.matches(short).count(), 2, "{:?}", a.text);
    assert!(a.text.contains("make the market"), "{:?}", a.text);
    assert!(a.text.contains("heated waiting room"), "{:?}", a.text);
    assert!(a.text.contains("oldtimer said:"), "{:?}", a.text);
}

/// A menu inside the post's text container (a share menu under the text).
#[test]
fn a_posts_menu_of_share_targets_is_dropped() {
    let html = forum_page(&|i, who, when, text| {
        format!(
            "<div class=\"post\" id=\"p{i}\"><a class=\"username\" href=\"/members/{who}\">{who}</a>\
             <time datetime=\"2025-03-0{d}\">{when}</time><div class=\"post-body\"><p>{text}</p>\
             <div class=\"dropdown\"><span>Share</span><ul><li>Copy Post</li>\
             <li>WhatsApp</li><li>Telegram</li></ul></div></div></div>",
            d = i + 3
        )
    });
    let a = run_html(&html);
    assert_posts_in_order(&a);
    for menu in ["Copy Post", "WhatsApp", "Telegram"] {
        assert!(!a.text.contains(menu), "{menu:?} kept: {:?}", a.text);
    }
}
