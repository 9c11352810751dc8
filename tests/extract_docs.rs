//! Documentation pages (issue 12): code-block labels, heading permalink marks, callouts and
//! utility-class headings, each with a small hand-written page and a control that must stay.

use lectern::{extract, Article, Options};

fn run_html(html: &str) -> Article {
    let opts = Options {
        url: Some("https://docs.example.org/guide/ports.html".to_string()),
    };
    extract(html, &opts).unwrap_or_else(|e| panic!("{e}"))
}

const PROSE: &str = "<p>A port mapping tells the runtime which host port forwards to which \
    container port, so that a service inside the network can be reached from the outside. \
    Each mapping names the protocol as well, and the default is TCP for every entry.</p>\
    <p>When two services ask for the same host port, the second one fails to start and the \
    tool prints the name of the service that already holds the port, with its address.</p>\
    <p>Mappings can also be given as ranges, which is handy for services that open a block \
    of ports for passive transfers or for a cluster of workers on one machine.</p>";

fn page(body: &str) -> String {
    format!(
        "<html><head><title>Port mappings</title></head><body><main><article>\
         <h1>Port mappings</h1>{PROSE}{body}{PROSE}</article></main></body></html>"
    )
}

fn paragraphs(a: &Article) -> Vec<String> {
    a.text.split("\n\n").map(|s| s.trim().to_string()).collect()
}

#[test]
fn code_block_labels_and_copy_buttons_are_dropped() {
    let body = "<p>For example:</p>\
        <div class=\"code-example\"><div class=\"example-header\"><span class=\"language-name\">\
        bash</span></div><pre><code>tool run --port 8080:80 web</code></pre></div>\
        <div class=\"snippet\"><div class=\"title\"><p>compose.yaml</p></div>\
        <div><pre><code>ports:\n  - \"8080:80\"</code></pre></div></div>\
        <div class=\"snippet\"><span class=\"copy\">Copy</span><pre><code>tool ps</code></pre></div>";
    let a = run_html(&page(body));
    let ps = paragraphs(&a);
    for label in ["bash", "compose.yaml", "Copy"] {
        assert!(!ps.iter().any(|p| p == label), "{label} kept: {}", a.text);
    }
    // The lead-in before the code and the code itself stay.
    assert!(ps.iter().any(|p| p == "For example:"), "{}", a.text);
    assert!(a.text.contains("tool run --port 8080:80 web"));
    assert!(a.text.contains("tool ps"));
}

#[test]
fn code_panel_titles_of_several_words_stay() {
    let body = "<div class=\"panel\"><div class=\"panel-title\">The Port object</div>\
        <pre><code>{ \"host\": 8080 }</code></pre></div>";
    let a = run_html(&page(body));
    assert!(a.text.contains("The Port object"), "{}", a.text);
}

#[test]
fn heading_permalink_marks_are_dropped() {
    let body = "<h2 id=\"ranges\">Ranges<a class=\"headerlink\" href=\"#ranges\" \
        title=\"Link to this heading\">¶</a></h2>\
        <h2 id=\"limits\"><a href=\"#limits\" class=\"anchor\">#</a>Limits</h2>";
    let a = run_html(&page(body));
    assert!(!a.text.contains('¶'), "{}", a.text);
    assert!(!a.content.contains('¶'));
    let ps = paragraphs(&a);
    assert!(ps.iter().any(|p| p == "Ranges"), "{}", a.text);
    assert!(ps.iter().any(|p| p == "Limits"), "{}", a.text);
    assert!(!ps.iter().any(|p| p.contains('#')), "{}", a.text);
}

#[test]
fn heading_links_to_other_pages_stay() {
    let body = "<h2 id=\"more\">More <a href=\"/guide/ranges.html#top\">ranges</a></h2>";
    let a = run_html(&page(body));
    assert!(a.content.contains("/guide/ranges.html"), "{}", a.content);
}

#[test]
fn callouts_are_kept_as_a_labelled_block() {
    let callouts = [
        "<div class=\"admonition note\"><p class=\"admonition-title\">Note</p>\
         <p>Host ports below 1024 need extra rights on most systems.</p></div>",
        "<div class=\"markdown-alert markdown-alert-warning\">\
         <p class=\"markdown-alert-title\">Warning</p>\
         <p>Host ports below 1024 need extra rights on most systems.</p></div>",
        "<div class=\"theme-admonition theme-admonition-tip alert\">\
         <div class=\"admonitionHeading\">tip</div>\
         <div><p>Host ports below 1024 need extra rights on most systems.</p></div></div>",
        "<div class=\"notecard note\"><p><strong>Note:</strong> Host ports below 1024 need \
         extra rights on most systems.</p></div>",
        "<aside class=\"caution\"><p>Host ports below 1024 need extra rights on most \
         systems.</p></aside>",
        "<div class=\"alert alert-info\" role=\"note\"><h4 class=\"alert-heading\">Note:</h4>\
         <p>Host ports below 1024 need extra rights on most systems.</p></div>",
    ];
    for c in callouts {
        let a = run_html(&page(c));
        let start = a
            .content
            .find("<blockquote")
            .unwrap_or_else(|| panic!("no block for {c}: {}", a.content));
        let block = &a.content[start..];
        let end = block.find("</blockquote>").unwrap_or(block.len());
        let block = &block[..end];
        assert!(block.contains("<strong>"), "{c}: {block}");
        assert!(block.contains("need extra rights"), "{c}: {block}");
        assert!(
            ["Note", "Warning", "tip", "Caution"]
                .iter()
                .any(|l| block.contains(&format!("<strong>{l}"))),
            "{c}: {block}"
        );
    }
}

#[test]
fn wiki_boxes_labelled_with_their_kind_are_callouts_even_with_a_link() {
    // A wiki's warning box: named by its kind, opening with the kind in bold, ending with a
    // link to read more (link-dense for its size).
    let body = "<div class=\"wiki-box wiki-box-warning\"><strong>Warning</strong> Mapping a \
        low port can break a system. See <a href=\"/wiki/Maintenance#Ports\">Maintenance#Ports\
        </a>.</div>";
    let a = run_html(&page(body));
    let start = a
        .content
        .find("<blockquote")
        .unwrap_or_else(|| panic!("no block: {}", a.content));
    assert!(
        a.content[start..].contains("can break a system"),
        "{}",
        a.content
    );
    // Named but not labelled: no callout block (a footer's "site-note").
    let body = "<div class=\"site-note\"><p>Mapping a low port can break a system on most \
        hosts, so pick one above 1024.</p></div>";
    let a = run_html(&page(body));
    assert!(!a.content.contains("<blockquote"), "{}", a.content);
}

#[test]
fn plain_callout_boxes_without_a_kind_are_left_alone() {
    let body = "<div class=\"callout callout-stat\"><p>42% of hosts map more than one \
        port.</p></div>";
    let a = run_html(&page(body));
    assert!(!a.content.contains("<blockquote"), "{}", a.content);
    assert!(a.text.contains("42% of hosts"));
}

#[test]
fn headings_with_utility_classes_stay() {
    let body = "<h2 class=\"scroll-mt-20 flex items-center gap-2\" id=\"update\">\
        <a class=\"no-underline hover:underline\" href=\"#update\">Updating a mapping</a></h2>";
    let a = run_html(&page(body));
    assert!(a.text.contains("Updating a mapping"), "{}", a.text);
}

#[test]
fn code_blocks_framed_by_utility_classes_stay() {
    // The frame's only negative hint is a utility class (`scroll-mt-2`); a share bar named as
    // such still goes.
    let body = "<p>The mapping in a compose file:</p>\
        <div class=\"group mt-2 mb-4 flex w-full scroll-mt-2 flex-col rounded bg-gray-50 \
        dark:bg-gray-900\"><div class=\"relative w-full\"><button title=\"copy\"></button>\
        <div class=\"highlight\"><pre><code>services:\n  web:\n    ports:\n      - \"8000:8000\"\
        </code></pre></div></div></div>\
        <div class=\"share-bar\"><a href=\"/x\">Post</a> <a href=\"/y\">Mail</a></div>";
    let a = run_html(&page(body));
    assert!(a.text.contains("8000:8000"), "{}", a.text);
    assert!(!a.text.contains("Mail"), "{}", a.text);
}

#[test]
fn a_section_named_by_its_heading_after_a_label_anchor_stays() {
    // Sphinx names a section by its heading's slug and writes a cross-reference label as an
    // empty span before the heading: "replies" in that slug is the title, not a comment box.
    let body = "<section id=\"answer-review-replies-inline\"><span id=\"inline-replies\">\
        </span><h2>Answer review replies inline</h2><p>Quote only the lines you answer and \
        write your answer below each of them, so that the reviewer reads question and answer \
        together and the thread stays short enough to follow.</p></section>";
    let a = run_html(&page(body));
    assert!(a.text.contains("Quote only the lines"), "{}", a.text);
}

/// `main > div(h1 + intro) + aside(toc) + div.body`: the intro beside the headline stays.
fn header_box_page(header_extra: &str) -> String {
    format!(
        "<html><head><title>Example Docs</title></head><body>\
         <nav><ul><li><a href=\"/a\">Guides</a></li><li><a href=\"/b\">Reference</a></li></ul></nav>\
         <main id=\"content\"><div class=\"layout__top\"><h1>Port mappings</h1>\
         <section><p>Port mappings connect the ports of a host to the ports of its containers, \
         and this guide explains how they are declared and checked.</p>{header_extra}</section></div>\
         <aside class=\"toc\"><h2>In this article</h2><ul><li><a href=\"#r\">Ranges</a></li>\
         <li><a href=\"#l\">Limits</a></li></ul></aside>\
         <div class=\"layout__body\"><section><h2 id=\"r\">Ranges</h2>{PROSE}</section>\
         <section><h2 id=\"l\">Limits</h2>{PROSE}</section>\
         <section><h2>Protocols</h2>{PROSE}</section><section><h2>Errors</h2>{PROSE}</section>\
         </div></main></body></html>"
    )
}

#[test]
fn intro_beside_the_headline_in_a_header_box_stays() {
    let a = run_html(&header_box_page(""));
    assert!(
        a.text.contains("Port mappings connect the ports"),
        "{}",
        a.text
    );
    assert!(a.text.contains("passive transfers"));
}

#[test]
fn header_box_with_share_bar_and_dateline_is_not_joined() {
    let a = run_html(&header_box_page(
        "<div>March 3, 2025 · 3 min read</div><div>Share: Email Print Copy link to \
         this page for your friends and colleagues</div>",
    ));
    assert!(!a.text.contains("Share: Email"), "{}", a.text);
}

#[test]
fn code_lines_written_without_newlines_are_split() {
    let body = "<pre><code><span class=\"line\"><span>npm</span><span> init</span></span>\
        <span class=\"line\"><span>cd</span><span> app</span></span></code></pre>";
    let a = run_html(&page(body));
    assert!(a.text.contains("npm init\ncd app"), "{}", a.text);
}

#[test]
fn section_named_by_its_heading_slug_is_not_a_comment_thread() {
    let body = "<section id=\"answer-the-review-comments\"><h2>Answer the review comments</h2>\
        <p>Reviewers will reply with questions about the mapping, and each question deserves an \
        answer in the thread, even when the answer is that nothing needs to change.</p></section>";
    let a = run_html(&page(body));
    assert!(a.text.contains("each question deserves"), "{}", a.text);
}

#[test]
fn comment_thread_section_still_goes() {
    let body = "<section id=\"comments\"><h2>Comments</h2><p>Great post, thanks a lot for \
        writing it, I learned a lot from it today and will share it.</p></section>";
    let a = run_html(&page(body));
    assert!(!a.text.contains("Great post"), "{}", a.text);
}

#[test]
fn navigation_menus_inside_the_article_are_dropped() {
    let body =
        "<nav class=\"chapters\"><ol><li><a href=\"/guide/intro.html\">Introduction</a></li>\
        <li><a href=\"/guide/install.html\">Installing the tool</a></li>\
        <li><a href=\"/guide/ports.html\">Port mappings</a></li></ol></nav>\
        <div role=\"navigation\"><a href=\"/guide/install.html\">Previous chapter</a> \
        <a href=\"/guide/volumes.html\">Next chapter</a></div>\
        <p>See <a href=\"/guide/install.html\">installing the tool</a> for the ports that \
        the installer opens by default on a new machine.</p>";
    let a = run_html(&page(body));
    for menu in ["Installing the tool", "Previous chapter", "Next chapter"] {
        assert!(!a.text.contains(menu), "{menu} kept: {}", a.text);
    }
    // A paragraph with a link in it is text, not a menu.
    assert!(a.text.contains("for the ports that"), "{}", a.text);
}

#[test]
fn previous_and_next_bars_between_pages_are_dropped() {
    // A list of two links above and below the text, and DocBook's table printing the titles of
    // the pages under "Prev" and "Next".
    let list = "<ul class=\"pager\"><li><a href=\"/guide/install.html\"><span>« Previous</span>\
        </a></li><li><a href=\"/guide/volumes.html\"><span>Next »</span></a></li></ul>";
    let table = "<div class=\"navfooter\"><table><tr><td><a href=\"/guide/install.html\">Prev</a>\
        </td><td><a href=\"/guide/\">Up</a></td><td><a href=\"/guide/volumes.html\">Next</a></td>\
        </tr><tr><td>2.1. Installing the tool</td><td><a href=\"/\">Home</a></td>\
        <td>2.3. Volumes</td></tr></table></div>";
    let html = format!(
        "<html><head><title>Port mappings</title></head><body><main><article>\
         <h1>Port mappings</h1>{list}{PROSE}<p>Read the <a href=\"/guide/volumes.html\">next</a> \
         chapter for volumes, or go <a href=\"/\">home</a> for the index of the guide.</p>\
         {PROSE}{list}{table}</article></main></body></html>"
    );
    let a = run_html(&html);
    for bar in [
        "Previous",
        "Next »",
        "Prev",
        "Installing the tool",
        "2.3. Volumes",
        "Home",
    ] {
        assert!(!a.text.contains(bar), "{bar:?} kept: {}", a.text);
    }
    // Prose naming the next page with links in it stays.
    assert!(a.text.contains("chapter for volumes"), "{}", a.text);
}

#[test]
fn carousel_controls_do_not_take_their_slides() {
    // "Previous" and "Next" that turn slides on the page (fragment links) are no pager: the
    // slides' text stays.
    let slides = "<div class=\"carousel\"><div class=\"slide\"><p>Mappings can be listed with \
        the status command.</p></div><div class=\"slide\"><p>Ranges are written with a dash.</p>\
        </div><a href=\"#c\" class=\"prev\">Previous</a><a href=\"#c\" class=\"next\">Next</a></div>";
    let a = run_html(&page(slides));
    assert!(
        a.text.contains("Ranges are written with a dash."),
        "{}",
        a.text
    );
}

/// A reference page: a titled box before the body, then a body long enough that the box's own
/// score is too low for Readability to join it.
fn reference_page(lead: &str) -> String {
    format!(
        "<html><head><title>portmap</title></head><body><main><div class=\"refentry\">\
         <h1>portmap</h1>{lead}\
         <div class=\"refsect1\"><h2>Description</h2>{PROSE}{PROSE}{PROSE}{PROSE}</div>\
         </div></main></body></html>"
    )
}

#[test]
fn a_synopsis_box_before_the_body_stays() {
    let synopsis = "<div class=\"refsynopsisdiv\"><h2>Synopsis</h2><pre class=\"synopsis\">\
        portmap [ --host <em>address</em> ] [ --range <em>first</em>-<em>last</em> ] \
        <em>service</em> [, ...]</pre></div>";
    let a = run_html(&reference_page(synopsis));
    assert!(a.text.contains("Synopsis"), "{}", a.text);
    assert!(a.text.contains("portmap [ --host address ]"), "{}", a.text);
    let key_points = "<div class=\"box\"><h3>Key points</h3><ul>\
        <li>Each mapping names a host port and a container port.</li>\
        <li>Ranges map a block of ports at once.</li></ul></div>";
    let a = run_html(&reference_page(key_points));
    assert!(a.text.contains("Ranges map a block of ports"), "{}", a.text);
}

#[test]
fn titled_boxes_with_links_or_forms_before_the_body_are_not_joined() {
    let teasers = "<div class=\"box\"><h3>More guides</h3><ul>\
        <li><a href=\"/guide/volumes.html\">Mounting volumes into a container</a></li>\
        <li><a href=\"/guide/networks.html\">Creating networks between services</a></li>\
        </ul></div>";
    let a = run_html(&reference_page(teasers));
    assert!(!a.text.contains("Mounting volumes"), "{}", a.text);
    let signup = "<div class=\"box\"><h3>Stay in the loop</h3><p>Get new guides monthly.</p>\
        <p>Unsubscribe at any time.</p><form><input type=\"email\"></form></div>";
    let a = run_html(&reference_page(signup));
    assert!(!a.text.contains("Get new guides monthly"), "{}", a.text);
}

/// A documentation section titled with one word a comment filter knows ("Commentary",
/// "Pagination"), its heading carrying the generator's permalink.
fn permalinked_section(id: &str, title: &str) -> String {
    page(&format!(
        "<section id=\"{id}\"><h2>{title}<a class=\"headerlink\" href=\"#{id}\">¶</a></h2>\
         <p>The marker line tells the tools where the message ends, and everything after it \
         is read by the reviewers only, never kept in the history of the project.</p>\
         <p>Put the list of changes between versions there, with links to the earlier \
         versions, so that reviewers can follow how the change grew over time.</p></section>"
    ))
}

#[test]
fn permalinked_one_word_sections_are_named_by_their_heading() {
    for (id, title) in [("commentary", "Commentary"), ("pagination", "Pagination")] {
        let a = run_html(&permalinked_section(id, title));
        assert!(a.text.contains("marker line tells"), "{id}: {}", a.text);
    }
    // A heading named by its own slug (MkDocs puts the id on the heading).
    let body = "<h2 id=\"pagination\">Pagination<a class=\"headerlink\" href=\"#pagination\">¶</a>\
        </h2><p>Pages hold fifty entries each; ask for the next page with its cursor.</p>";
    let a = run_html(&page(body));
    assert!(a.text.contains("Pagination"), "{}", a.text);
}

#[test]
fn permalinked_comment_thread_section_still_goes() {
    let a = run_html(&permalinked_section("comments", "Comments"));
    assert!(!a.text.contains("marker line tells"), "{}", a.text);
    // Without the permalink a one-word slug proves nothing.
    let body = "<section id=\"commentary\"><h2>Commentary</h2><p>Great post, thanks a lot for \
        writing it, I learned a lot from it today and will share it.</p></section>";
    let a = run_html(&page(body));
    assert!(!a.text.contains("Great post"), "{}", a.text);
}

/// A manual's chapter page: its title, a table of contents leading to the chapter's pages,
/// an intro.
fn chapter_page(toc_class: &str, href: &str) -> String {
    let items: String = (0..16)
        .map(|i| format!("<dt><a href=\"{href}{i}\">11.{i}. Indexes of kind number {i} and their uses</a></dt>"))
        .collect();
    format!(
        "<html><head><title>Indexes</title></head><body><div class=\"chapter\">\
         <h2>Chapter 11. Indexes</h2><div class=\"{toc_class}\"><p><b>Table of Contents</b></p>\
         <dl>{items}</dl></div>{PROSE}</div></body></html>"
    )
}

#[test]
fn a_chapter_pages_table_of_contents_is_its_text() {
    let a = run_html(&chapter_page("toc", "indexes-"));
    assert!(
        a.text.contains("11.2. Indexes of kind number 2"),
        "{}",
        a.text
    );
    assert!(a.text.contains("A port mapping tells"), "{}", a.text);
    // Its links stay links.
    assert!(
        a.content
            .contains("href=\"https://docs.example.org/guide/indexes-2\""),
        "{}",
        a.content
    );
}

#[test]
fn in_page_contents_and_unnamed_link_lists_are_not_kept_as_text() {
    // "On this page": links within the page.
    let a = run_html(&chapter_page("toc", "#s"));
    assert!(!a.text.contains("kind number 2"), "{}", a.text);
    // A block not named as contents.
    let a = run_html(&chapter_page("links", "indexes-"));
    assert!(!a.text.contains("kind number 2"), "{}", a.text);
}

#[test]
fn a_sidebars_contents_beside_a_long_page_stay_out() {
    let items: String = (0..8)
        .map(|i| format!("<li><a href=\"/guide/page-{i}\">Guide page number {i}</a></li>"))
        .collect();
    let html = format!(
        "<html><head><title>Port mappings</title></head><body><div class=\"layout\">\
         <div class=\"region\"><h2>Guides</h2><div class=\"guides-toc\"><ul>{items}</ul></div>\
         </div><main><article><h1>Port mappings</h1>{PROSE}{PROSE}</article></main></div>\
         </body></html>"
    );
    let a = run_html(&html);
    assert!(!a.text.contains("Guide page number"), "{}", a.text);
    assert!(a.text.contains("A port mapping tells"), "{}", a.text);
}

#[test]
fn headings_with_a_prefixed_scroll_margin_utility_stay() {
    let body = "<h2 id=\"write-it\" class=\"ds-typography-display g-offset-scroll-margin-top\">\
        Write the mapping</h2><p>Each mapping goes on its own line in the ports block.</p>";
    let a = run_html(&page(body));
    assert!(a.text.contains("Write the mapping"), "{}", a.text);
    // A heading framed as a scroller is still dropped.
    let body = "<h2 class=\"infinite-scroll-title\">More stories</h2>";
    let a = run_html(&page(body));
    assert!(!a.text.contains("More stories"), "{}", a.text);
}

/// A reference list of fields: each a heading and a short description that links to the
/// rest of the manual.
fn field_list(description: &str) -> String {
    page(&format!(
        "<ul class=\"fields\"><li><h4>currency</h4><div>{description}</div></li>\
         <li><h4>amount</h4><div><p>The amount to move, in the smallest unit of the currency, \
         as a whole number of cents or the like.</p></div></li></ul>"
    ))
}

#[test]
fn titled_descriptions_with_links_inside_their_sentences_stay() {
    let a = run_html(&field_list(
        "<p>Three-letter <a href=\"/iso\">ISO currency code</a>, in lowercase. Must be a \
         <a href=\"/currencies\">supported currency</a>.</p>",
    ));
    assert!(a.text.contains("in lowercase"), "{}", a.text);
    // A closing section whose paragraphs link onwards.
    let body = "<div><p>You can read all about mappings in the <a href=\"/guide/net\">\
        Networking</a> part.</p><h2>Where to go from here</h2><p>This was a short tour. You \
        can <a href=\"/start\">start a project</a> now or <a href=\"/ref\">read the reference\
        </a>.</p></div>";
    let a = run_html(&page(body));
    assert!(a.text.contains("This was a short tour"), "{}", a.text);
}

#[test]
fn teasers_opening_with_their_link_still_go() {
    let a = run_html(&field_list(
        "<p><a href=\"/other\">Another guide entirely</a> about currencies and codes.</p>",
    ));
    assert!(!a.text.contains("Another guide entirely"), "{}", a.text);
}

/// A one-page course or project manual: titled sections divided by rules, the longest a table.
fn ruled_page(title: impl Fn(&str) -> String) -> String {
    let rows: String = (0..12)
        .map(|i| {
            format!(
                "<tr><td>Week {i}</td><td>Mappings between the host and the container, part \
                 {i}, with the protocol and the range of ports each service opens.</td>\
                 <td>Read the chapter on networking before the session, sections {i}.1 to \
                 {i}.4, and bring the exercises.</td></tr>"
            )
        })
        .collect();
    format!(
        "<html><head><title>Networking course</title></head><body><div id=\"content\">\
         <div><h3>Networking course, Fall term</h3></div>\
         <div>{}<p><b>Time:</b> Mondays 2-3</p><p><b>Room:</b> Hall 2</p></div><hr>\
         <div>{}<ul><li>Problem set 2 is out.</li><li>No class on Monday.</li></ul></div><hr>\
         <div>{}<table>{rows}</table></div></div></body></html>",
        title("Course details"),
        title("Announcements"),
        title("Lectures")
    )
}

#[test]
fn titled_sections_divided_by_rules_are_read_together() {
    let a = run_html(&ruled_page(|t| format!("<h4>{t}</h4>")));
    assert!(a.text.contains("Problem set 2 is out"), "{}", a.text);
    assert!(a.text.contains("Mondays 2-3"), "{}", a.text);
    assert!(a.text.contains("Mappings between the host"), "{}", a.text);
    // Sections titled by links to other pages are a list of posts, not one document's parts.
    let a = run_html(&ruled_page(|t| {
        format!("<h4><a href=\"/{t}\">{t}</a></h4>")
    }));
    assert!(!a.text.contains("Problem set 2 is out"), "{}", a.text);
    assert!(a.text.contains("Mappings between the host"), "{}", a.text);
}

/// A manual's reference page (DocBook's `refentry`): its name as the headline, then a
/// one-line summary under it, before the synopsis and the description.
fn named_reference_page(under_name: &str) -> String {
    format!(
        "<html><head><title>Manual: ports</title></head><body><div class=\"refentry\">\
         <div class=\"refnamediv\"><h2>ports</h2><p>{under_name}</p></div>\
         <div class=\"refsect1\"><h2>Description</h2>{PROSE}{PROSE}{PROSE}{PROSE}</div>\
         <div class=\"refsect1\"><h2>Notes</h2><p>Ranges need a dash between both ends, \
         and no spaces.</p></div></div></body></html>"
    )
}

#[test]
fn the_one_line_summary_under_a_reference_pages_name_stays() {
    let a = run_html(&named_reference_page(
        "ports, mappings — forward host ports",
    ));
    assert!(
        a.text.contains("ports, mappings — forward host ports"),
        "{}",
        a.text
    );
    // A dateline under the headline is no summary.
    let a = run_html(&named_reference_page("Updated March 3, 2024 by the team"));
    assert!(!a.text.contains("Updated March"), "{}", a.text);
    assert!(a.text.contains("A port mapping tells"), "{}", a.text);
}

#[test]
fn an_mdbook_examples_hidden_lines_stay_hidden() {
    let body = "<p>The listing, with its setup hidden:</p><pre><code class=\"language-rust\">\
        <span class=\"boring\">use std::net::TcpListener;\n</span>\
        <span class=\"boring\">fn main() {\n</span>\
        let listener = bind_port(8080);\n\
        <span class=\"boring\">}\n</span></code></pre>";
    let a = run_html(&page(body));
    assert!(
        a.text.contains("let listener = bind_port(8080);"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("use std::net::TcpListener"), "{}", a.text);
    assert!(!a.text.contains("fn main()"), "{}", a.text);
}

#[test]
fn a_field_headings_name_and_type_boxes_read_as_two_words() {
    let html = page(
        "<ul class=\"fields\"><li><h4><span><span><span>currency</span></span>\
         <span class=\"type\">string</span></span></h4><div><p>Three-letter code of the \
         currency, in lowercase, as the bank writes it.</p></div></li>\
         <li><h4><span class=\"initial\">P</span><span>orts</span> and \
         <code><span>net</span><span>work</span></code></h4><p>How ports and the network \
         meet, in a few lines of text for the reader.</p></li></ul>",
    );
    let a = run_html(&html);
    assert!(a.text.contains("currency string"), "{}", a.text);
    // A styled initial stays part of its word, and code keeps its tokens together.
    assert!(a.text.contains("Ports and network"), "{}", a.text);
}
