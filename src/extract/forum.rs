//! Discussion threads (forum topics, Q&A pages, comment threads): the posts in order, each as
//! its author, its date and its text.
//!
//! Readability keeps one top candidate and the siblings that look like it, which on a thread is
//! often one post, or posts without who wrote them and when. A thread is recognised by its
//! structure, never by site: a group of post containers (schema.org `Comment`,
//! `DiscussionForumPosting`, `Answer`... items, or siblings sharing a tag and a class) most of
//! which name an author or a date and hold text that is not mostly links. The pipeline uses the
//! thread only when Readability's own pick lies in its posts ([`Thread::holds`]), so an article
//! followed by its comments stays the article.

use super::dom::{normalize_ws, Dom, Id};
use super::patterns as pat;
use super::reply_quotes;
use html5ever::local_name;
use std::collections::HashMap;

/// schema.org types whose items are posts of a discussion.
const POST_TYPES: [&str; 5] = [
    "Comment",
    "DiscussionForumPosting",
    "Answer",
    "Question",
    "SocialMediaPosting",
];

/// Class/id fragments naming a post's author.
const AUTHOR_NAMES: [&str; 15] = [
    "author",
    "username",
    "user-name",
    "user_name",
    "poster",
    "hnuser",
    "commenter",
    "nickname",
    "member-name",
    "membername",
    "screen-name",
    "display-name",
    "displayname",
    "user-link",
    "byline",
];

/// Attributes whose value is the name of a post's author (on the post or an element in it).
const AUTHOR_ATTRS: [&str; 2] = ["data-author", "data-username"];

/// Profile links: the path fragments of a member's page.
const PROFILE_HREFS: [&str; 9] = [
    "/members/",
    "/member/",
    "/user/",
    "/users/",
    "/u/",
    "/profile",
    "viewprofile",
    "user?id=",
    "/people/",
];

/// Class/id words naming a post's date (whole words: "age" is not "message").
const DATE_WORDS: [&str; 8] = [
    "date",
    "time",
    "posted",
    "published",
    "timestamp",
    "age",
    "postdate",
    "datetime",
];

/// Class/id fragments naming a post's text (matched inside class tokens).
const BODY_NAMES: [&str; 24] = [
    "bbwrapper",
    "message-body",
    "messagebody",
    "message_body",
    "message-text",
    "messagetext",
    "post-body",
    "postbody",
    "post_body",
    "post-content",
    "postcontent",
    "post_content",
    "post-text",
    "post_message",
    "comment-body",
    "comment-content",
    "comment-text",
    "commentbody",
    "commtext",
    "usertext-body",
    "msg_body",
    "msg-body",
    "richtext",
    "prose",
];

/// Class tokens that, whole, name a post's text.
const BODY_TOKENS: [&str; 6] = ["content", "md", "text", "body", "cooked", "entry"];

/// Class/id fragments of a post's furniture: who the poster is beyond the name, what can be
/// done with the post (its menus), the signature.
const CHROME_NAMES: [&str; 25] = [
    "signature",
    "avatar",
    "userinfo",
    "user-info",
    "userdetails",
    "user-details",
    "userextras",
    "user-extras",
    "userstats",
    "user-stats",
    "postprofile",
    "author-info",
    "badge",
    "actions",
    "action-bar",
    "controls",
    "toolbar",
    "reactions",
    "reaction",
    "vote",
    "share",
    "report",
    "permalink",
    "post-menu",
    "dropdown",
];

/// Ours: the fewest posts that make a thread, and the least text they hold together.
const MIN_POSTS: usize = 2;
const MIN_CLASSLESS_POSTS: usize = 3;
const MIN_THREAD_TEXT: usize = 300;
/// Ours: a group whose text is more than this share links is a list of links, not posts.
const MAX_LINK_DENSITY: f64 = 0.5;
/// Ours: the share of Readability's pick that must lie in the posts for the page to be read as
/// the thread.
const MIN_PICK_IN_POSTS: f64 = 0.4;
/// Ours: a story above a discussion is at most this long (bytes of text)...
const MAX_STORY: usize = 1500;
/// ...and the discussion at least this many times longer (see [`Thread::story`]).
const DISCUSSION_OVER_STORY: usize = 10;
/// Ours: the shortest run of text (bytes) that counts as prose rather than a label.
const MIN_PROSE_RUN: usize = 150;
/// Ours: author names and dates are short.
const MAX_NAME_LEN: usize = 60;

/// The posts of a thread, in document order (a post may hold nested replies, which are posts
/// of their own).
pub struct Thread {
    pub posts: Vec<Id>,
    /// Items inside the posts shaped as posts but left out of the thread (the comments under
    /// a Q&A page's answers): no part of any post's text.
    asides: Vec<Id>,
    /// The text of the posts (characters; nested replies counted once).
    text: usize,
}

/// Where Readability's pick lies: its text inside the posts and in all, its longest run
/// outside them, the text before the first post and the first run of prose there.
#[derive(Default)]
struct PickShare {
    inside: usize,
    all: usize,
    longest_out: usize,
    before: usize,
    first_prose: Option<Id>,
}

impl PickShare {
    fn in_posts(&self) -> bool {
        self.inside as f64 >= MIN_PICK_IN_POSTS * self.all as f64
    }
}

/// A thread laid out as an article.
pub struct Built {
    /// The article's root.
    pub content: Id,
    /// Who wrote the first post.
    pub author: Option<String>,
    /// The day of the first post (`YYYY-MM-DD`), which is when the thread was started.
    pub day: Option<String>,
}

/// What one post shows.
struct Post {
    el: Id,
    author: Option<(String, Option<Id>)>,
    date: Option<(String, Id)>,
    body: Id,
}

fn lower_names(dom: &Dom, n: Id, s: &mut String) {
    s.clear();
    s.push_str(dom.class(n));
    s.push(' ');
    s.push_str(dom.id_attr(n));
    s.make_ascii_lowercase();
}

/// schema.org types of a Q&A page's question and answers, whose comments are asides.
const QA_TYPES: [&str; 2] = ["Question", "Answer"];

fn type_names(itemtype: &str) -> impl Iterator<Item = &str> {
    itemtype
        .split_whitespace()
        .map(|t| t.rsplit('/').next().unwrap_or(""))
}

/// Whether an `itemtype` names a schema.org post type.
fn post_type(itemtype: &str) -> bool {
    type_names(itemtype).any(|t| POST_TYPES.contains(&t))
}

/// Whether an `itemtype` names a question or an answer.
fn qa_type(itemtype: &str) -> bool {
    type_names(itemtype).any(|t| QA_TYPES.contains(&t))
}

/// The schema.org posts of a Q&A page are its question and answers: the comments under them
/// are asides (small, folded on the page, and skimmed by readers), returned apart.
fn split_qa_comments(dom: &Dom, schema: Vec<Id>) -> (Vec<Id>, Vec<Id>) {
    let qa: Vec<Id> = schema
        .iter()
        .copied()
        .filter(|&n| dom.attr(n, "itemtype").is_some_and(qa_type))
        .collect();
    if qa.is_empty() {
        return (schema, Vec::new());
    }
    schema
        .into_iter()
        .partition(|&n| qa.contains(&n) || !qa.iter().any(|&q| dom.is_ancestor(q, n)))
}

/// An `itemprop` naming the author (the element or one inside holds the name).
fn author_prop(dom: &Dom, n: Id) -> bool {
    dom.attr(n, "itemprop")
        .is_some_and(|p| p.contains("author"))
}

/// Two lists of up to 16 ASCII words each (three bytes or more), looked for in one pass by their
/// first three bytes: these tests run on every element of the page, where most positions of a
/// class name start no word.
struct Words {
    /// By bit: bits 0..16 the first list, 16..32 the second.
    words: [&'static str; 32],
    /// Per byte, in either ASCII case, the words (by bit) having it first / second / third.
    first: [u32; 256],
    second: [u32; 256],
    third: [u32; 256],
}

impl Words {
    const fn new(a: &[&'static str], b: &[&'static str]) -> Words {
        let mut w = Words {
            words: [""; 32],
            first: [0; 256],
            second: [0; 256],
            third: [0; 256],
        };
        let mut i = 0;
        while i < 32 {
            let list = if i < 16 { a } else { b };
            let j = i % 16;
            if j < list.len() && list[j].len() >= 3 {
                w.words[i] = list[j];
                let s = list[j].as_bytes();
                let (x, y, z) = (s[0], s[1], s[2]);
                w.first[x.to_ascii_lowercase() as usize] |= 1 << i;
                w.first[x.to_ascii_uppercase() as usize] |= 1 << i;
                w.second[y.to_ascii_lowercase() as usize] |= 1 << i;
                w.second[y.to_ascii_uppercase() as usize] |= 1 << i;
                w.third[z.to_ascii_lowercase() as usize] |= 1 << i;
                w.third[z.to_ascii_uppercase() as usize] |= 1 << i;
            }
            i += 1;
        }
        w
    }

    /// Which of the lists in `want` (bit 0 the first, bit 1 the second) have a word in `h`: in
    /// any ASCII case when `fold`; the second list's words only as whole words (between
    /// characters that are not ASCII letters or digits) when `whole`.
    fn find(&self, h: &str, want: u8, fold: bool, whole: bool) -> u8 {
        let h = h.as_bytes();
        let lists = [0xffffu32, 0xffff_0000];
        let mut wanted = (0..2)
            .filter(|l| want >> l & 1 == 1)
            .fold(0, |m, l| m | lists[l]);
        let edge = |c: Option<&u8>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
        let mut found = 0u8;
        // Words whose first byte is the previous one, whose first two are the previous two.
        let (mut one, mut two) = (0u32, 0u32);
        for (i, &c) in h.iter().enumerate() {
            let mut cand = two & self.third[c as usize];
            two = one & self.second[c as usize];
            one = self.first[c as usize] & wanted;
            let Some(start) = i.checked_sub(2) else {
                continue;
            };
            while cand != 0 {
                let bit = cand.trailing_zeros() as usize;
                cand &= cand - 1;
                let word = self.words[bit % 32].as_bytes();
                let end = start + word.len();
                let same = h.get(start..end).is_some_and(|r| {
                    if fold {
                        r.eq_ignore_ascii_case(word)
                    } else {
                        r == word
                    }
                });
                let list = bit / 16;
                let bounded = list == 0
                    || !whole
                    || (start.checked_sub(1).is_none_or(|b| edge(h.get(b))) && edge(h.get(end)));
                if same && bounded {
                    found |= 1 << list;
                    if found == want {
                        return found;
                    }
                    // Another word of this list adds nothing.
                    wanted &= !lists[list % 2];
                    cand &= wanted;
                    two &= wanted;
                }
            }
        }
        found
    }
}

/// Class and id words of a post's author (anywhere) and date (whole words).
const NAME_WORDS: Words = Words::new(&AUTHOR_NAMES, &DATE_WORDS);
const PROFILE_WORDS: Words = Words::new(&PROFILE_HREFS, &[]);

/// A class or id naming an author (in any ASCII case).
fn author_named(names: &str) -> bool {
    NAME_WORDS.find(names, 1, true, true) != 0
}

/// A class or id naming a date, as a whole word in any ASCII case.
fn date_named(names: &str) -> bool {
    NAME_WORDS.find(names, 2, true, true) != 0
}

/// A profile page's address: one of [`PROFILE_HREFS`], or a member's home under a tilde
/// (`//slashdot.org/~name`; two bytes, too short for the word tables).
fn profile_href(href: &str) -> bool {
    PROFILE_WORDS.find(href, 1, false, false) != 0 || href.contains("/~")
}

/// A link to a member's profile page.
fn profile_link(dom: &Dom, n: Id) -> bool {
    dom.is(n, "a") && dom.attr(n, "href").is_some_and(profile_href)
}

/// An `itemprop` naming a date.
fn date_prop(dom: &Dom, n: Id) -> bool {
    dom.attr(n, "itemprop")
        .is_some_and(|p| p.starts_with("date") || p == "uploadDate")
}

/// Elements whose class or id may name a date (see [`date_named`]).
fn date_tag(dom: &Dom, n: Id) -> bool {
    matches!(dom.tag(n), "span" | "div" | "a" | "p" | "small" | "li")
}

/// Ours: the longest line (bytes) that prints a post's date in its own text ("by Name »
/// Tue Aug 27, 2019 4:08 am"), and the most text the element may hold with its children.
const MAX_PRINTED_DATE: usize = 80;
const MAX_PRINTED_DATE_BLOCK: usize = 160;

/// A date the element prints in its own text, not in an attribute or a `<time>`: older
/// forum engines write "June 04, 2024, 11:23:55 AM" or "by Name » Tue Aug 27, 2019 4:08 am"
/// as plain text in a short line. The line as shown, its separators and "by" trimmed.
fn printed_date(dom: &Dom, n: Id) -> Option<String> {
    if !date_tag(dom, n) {
        return None;
    }
    // Most elements print no digit of their own: that test reads no more than their children.
    let digit = dom.children(n).any(|c| {
        dom.text(c)
            .is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()))
    });
    if !digit {
        return None;
    }
    let mut own = String::new();
    for c in dom.children(n) {
        if let Some(t) = dom.text(c) {
            own.push_str(t);
            own.push(' ');
        }
    }
    let own = normalize_ws(&own);
    if own.len() > MAX_PRINTED_DATE || dom.text_content_within(n, MAX_PRINTED_DATE_BLOCK).is_none()
    {
        return None;
    }
    // Older engines print the day year first ("2019-02-24, 02:31 PM"), which prose dates
    // never are.
    let year_first = || {
        own.split_whitespace()
            .any(|w| day_of(w.trim_end_matches(',')).is_some())
    };
    if super::dates::parse_text(&own).is_none() && !year_first() {
        return None;
    }
    if !own.split_whitespace().all(date_word) {
        return None;
    }
    let shown = own
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_start_matches("by ")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    (!shown.is_empty()).then(|| shown.to_string())
}

/// Words a printed post date is made of ("by » Tue Aug 27, 2019 4:08 am", "2019-02-24, 02:31
/// PM"): a line holding any other word is a label or a counter ("Threads: 23 Joined: Feb
/// 2019"), not a date.
fn date_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty()
        || w.bytes()
            .all(|b| b.is_ascii_digit() || b"-:./".contains(&b))
    {
        return true;
    }
    let l = w.to_ascii_lowercase();
    // A day number with its suffix ("27th"), a month or a weekday (three letters or more).
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(&l[digits..], "st" | "nd" | "rd" | "th") {
        return true;
    }
    // A time run into its half of the day ("@11:51AM", "9:05pm").
    if let Some(t) = l.strip_suffix("am").or_else(|| l.strip_suffix("pm")) {
        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b':') {
            return true;
        }
    }
    let prefix_of = |names: &[&str]| l.len() >= 3 && names.iter().any(|m| m.starts_with(&l));
    prefix_of(&crate::text::MONTHS)
        || prefix_of(&crate::entities::rules::WEEKDAYS)
        || matches!(
            l.as_str(),
            "by" | "on" | "at" | "am" | "pm" | "posted" | "gmt" | "utc"
        )
}

/// Which elements of the body could show a post's date or author, counted by subtree.
///
/// A post is signed only when one of its own elements passes the tests of [`date`] and one
/// passes those of [`author`] (or the post carries `data-author`), and the posts of a group own
/// disjoint elements: a group with too few members holding both cannot be a thread, and most
/// groups (most pages) are ruled out here, in one pass over the attributes, before any post's
/// text or elements are read.
struct Signs {
    /// By node id: the element's index in the body's elements in document order, or `u32::MAX`.
    pos: Vec<u32>,
    /// By index: one past the index of the element's last descendant.
    end: Vec<u32>,
    /// Prefix counts by index of elements that may show a date / an author.
    dates: Vec<u32>,
    authors: Vec<u32>,
}

impl Signs {
    /// `order`: the body's elements in document order. Also returns the schema.org post items.
    fn new(dom: &Dom, order: &[Id]) -> (Signs, Vec<Id>) {
        let mut pos = vec![u32::MAX; dom.nodes.len()];
        let mut dates = Vec::with_capacity(order.len() + 1);
        let mut authors = Vec::with_capacity(order.len() + 1);
        let (mut d, mut a) = (0u32, 0u32);
        dates.push(d);
        authors.push(a);
        let mut schema = Vec::new();
        for (i, &n) in order.iter().enumerate() {
            if let Some(p) = pos.get_mut(n) {
                *p = i as u32;
            }
            // The tests of `date`, `author` and `post_type`, reading the attributes once (as
            // atoms: cheaper than names).
            let Some(e) = dom.elem(n) else {
                dates.push(d);
                authors.push(a);
                continue;
            };
            let tag = &e.tag;
            let (mut date, mut author) = (*tag == local_name!("time"), false);
            let names_date = [
                local_name!("span"),
                local_name!("div"),
                local_name!("a"),
                local_name!("p"),
                local_name!("small"),
                local_name!("li"),
            ]
            .contains(tag);
            let names_author = *tag != local_name!("img");
            let is_a = *tag == local_name!("a");
            let mut typed = false;
            for (k, v) in &e.attrs {
                let v: &str = v;
                if *k == local_name!("class") || *k == local_name!("id") {
                    let want =
                        u8::from(names_author && !author) | u8::from(names_date && !date) << 1;
                    if want != 0 {
                        let found = NAME_WORDS.find(v, want, true, true);
                        author |= found & 1 != 0;
                        date |= found & 2 != 0;
                    }
                } else if *k == local_name!("itemprop") {
                    date |= v.starts_with("date") || v == "uploadDate";
                    author |= v.contains("author");
                } else if *k == local_name!("itemtype") {
                    // As `post_type`: the first `itemtype` only.
                    if !typed && post_type(v) {
                        schema.push(n);
                    }
                    typed = true;
                } else if is_a && *k == local_name!("href") {
                    author |= profile_href(v);
                } else if AUTHOR_ATTRS.contains(&&**k) {
                    author = true;
                }
            }
            if !date && names_date {
                date = printed_date(dom, n).is_some();
            }
            d += u32::from(date);
            a += u32::from(author);
            dates.push(d);
            authors.push(a);
        }
        // Children come after their parent: in reverse order each subtree's end is final before
        // it is passed up.
        let mut end: Vec<u32> = (1..=order.len() as u32).collect();
        for i in (0..order.len()).rev() {
            let parent = order.get(i).and_then(|&n| dom.parent(n));
            let (Some(&e), Some(p)) = (end.get(i), parent.and_then(|p| pos.get(p))) else {
                continue;
            };
            if let Some(pe) = end.get_mut(*p as usize) {
                *pe = (*pe).max(e);
            }
        }
        (
            Signs {
                pos,
                end,
                dates,
                authors,
            },
            schema,
        )
    }

    /// Elements that may show a date and an author in `n`'s subtree (`n` included).
    fn count(&self, n: Id) -> (u32, u32) {
        let Some(&i) = self.pos.get(n).filter(|&&i| i != u32::MAX) else {
            return (0, 0);
        };
        let i = i as usize;
        let e = self.end.get(i).map_or(i, |&e| e as usize);
        let span = |v: &[u32]| match (v.get(e), v.get(i)) {
            (Some(b), Some(a)) => b - a,
            _ => 0,
        };
        (span(&self.dates), span(&self.authors))
    }

    /// Whether the page holds enough dates and authors for a thread at all.
    fn enough(&self) -> bool {
        let last = |v: &[u32]| v.last().copied().unwrap_or(0) as usize;
        last(&self.dates) >= MIN_POSTS && last(&self.authors) >= MIN_POSTS
    }

    /// Whether `group` (with at least `least` signed posts needed) has enough members holding a
    /// date and an author to pass [`thread_score`]'s `signed` tests.
    fn may_be_thread(&self, group: &[Id], least: usize) -> bool {
        let may = group
            .iter()
            .filter(|&&m| {
                let (d, a) = self.count(m);
                d > 0 && a > 0
            })
            .count();
        may >= least && may * 2 >= group.len()
    }
}

/// A post's own elements (not those of nested replies), in document order.
fn own_elements(dom: &Dom, post: Id, is_post: &[Id]) -> Vec<Id> {
    let mut out = Vec::new();
    let mut n = dom.first_child(post);
    while let Some(x) = n {
        if member(is_post, x) {
            n = dom.next_in(x, post, true);
            continue;
        }
        if dom.is_element(x) {
            out.push(x);
        }
        n = dom.next_in(x, post, false);
    }
    out
}

/// Length of a post's own text (nested replies left out), and of the part in links.
fn own_text(dom: &mut Dom, post: Id, is_post: &[Id]) -> (usize, usize) {
    let mut len = dom.text_len(post);
    let mut link = dom.stats(post).link as usize;
    let mut n = dom.first_child(post);
    while let Some(x) = n {
        if member(is_post, x) {
            len = len.saturating_sub(dom.text_len(x));
            link = link.saturating_sub(dom.stats(x).link as usize);
            n = dom.next_in(x, post, true);
            continue;
        }
        n = dom.next_in(x, post, false);
    }
    (len, link)
}

fn short_text(dom: &Dom, n: Id) -> Option<String> {
    // Bounded: a container's whole text is never a name (raw text may hold indentation).
    let t = normalize_ws(&dom.text_content_within(n, MAX_NAME_LEN * 64)?);
    let t = t
        .strip_prefix("by ")
        .or_else(|| t.strip_prefix("By "))
        .unwrap_or(&t)
        .trim()
        .to_string();
    (!t.is_empty() && t.chars().count() <= MAX_NAME_LEN).then_some(t)
}

/// Words of a badge naming the poster's role in the thread ("Topic Author", "Thread starter"),
/// which sits in an element named as the author's.
const ROLE_WORDS: [&str; 3] = ["author", "poster", "starter"];

fn role_label(t: &str) -> bool {
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLE_WORDS.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

/// The post's author: the name, and the element showing it (if one does).
fn author(dom: &Dom, post: Id, own: &[Id]) -> Option<(String, Option<Id>)> {
    let data_author = dom
        .attr(post, "data-author")
        .map(normalize_ws)
        .filter(|a| !a.is_empty() && a.chars().count() <= MAX_NAME_LEN);
    let mut hinted = None;
    for &n in own {
        if author_prop(dom, n) {
            // The bare name is in an itemprop="name" inside, when there is one.
            let name = own
                .iter()
                .copied()
                .filter(|&x| dom.is_ancestor(n, x) && dom.attr(x, "itemprop") == Some("name"))
                .find_map(|x| match dom.attr(x, "content") {
                    Some(c) if !c.trim().is_empty() => Some(normalize_ws(c)),
                    _ => short_text(dom, x),
                });
            if let Some(name) = name.or_else(|| short_text(dom, n)) {
                return Some((data_author.unwrap_or(name), Some(n)));
            }
        }
        if hinted.is_none() {
            // A name the page keeps in an attribute (its menus and mentions read it there).
            let named = AUTHOR_ATTRS
                .iter()
                .filter_map(|a| dom.attr(n, a))
                .map(normalize_ws)
                .find(|a| !a.is_empty() && a.chars().count() <= MAX_NAME_LEN);
            if let Some(a) = named {
                hinted = Some((a, Some(n)));
                continue;
            }
        }
        if hinted.is_none()
            && !dom.is(n, "img")
            && (author_named(dom.class(n)) || author_named(dom.id_attr(n)))
        {
            // A profile link inside names the poster more precisely than the block.
            let link = own
                .iter()
                .copied()
                .find(|&x| dom.is(x, "a") && dom.is_ancestor(n, x) && short_text(dom, x).is_some());
            if let Some(t) = link
                .and_then(|l| short_text(dom, l))
                .or_else(|| short_text(dom, n))
                .filter(|t| !role_label(t))
            {
                hinted = Some((t, Some(n)));
            }
        }
    }
    if let Some(h) = hinted {
        return Some(match data_author {
            Some(a) => (a, h.1),
            None => h,
        });
    }
    let profile = own
        .iter()
        .copied()
        .find(|&x| profile_link(dom, x) && short_text(dom, x).is_some());
    match (profile.and_then(|p| short_text(dom, p)), data_author) {
        (_, Some(a)) => Some((a, profile)),
        (Some(t), None) => Some((t, profile)),
        (None, None) => None,
    }
}

/// The day a date string names (`YYYY-MM-DD`), if it names one.
fn day_of(s: &str) -> Option<String> {
    let d = super::dates::normalize(s);
    let day = d.get(..10)?;
    (super::metadata::looks_like_iso_date(&d) && super::dates::plausible(&d)).then(|| day.into())
}

/// The day an element showing a date names: its machine-readable attributes first (a
/// `datetime`, a `content`, a tooltip), then its text.
fn day_shown(dom: &Dom, n: Id) -> Option<String> {
    ["datetime", "content", "title"]
        .iter()
        .filter_map(|a| dom.attr(n, a))
        .find_map(day_of)
        .or_else(|| short_text(dom, n).and_then(|t| day_of(&t)))
}

/// A `<time>`'s text as shown. A time holding two renderings of itself ("August 26, 2024"
/// and "1 yr", of which the page's style shows one) shows the one naming a day.
fn time_text(dom: &Dom, n: Id) -> Option<String> {
    let whole = short_text(dom, n).filter(|t| t.chars().any(|c| c.is_ascii_digit()))?;
    if day_of(&whole).is_some() {
        return Some(whole);
    }
    let dated = dom
        .element_children(n)
        .into_iter()
        .filter_map(|c| short_text(dom, c))
        .find(|t| day_of(t).is_some());
    Some(dated.unwrap_or(whole))
}

/// A date told relative to when the page was shown ("3 hours ago", "just now").
fn relative_time(t: &str) -> bool {
    let l = t.trim().to_ascii_lowercase();
    l.ends_with(" ago") || matches!(l.as_str(), "just now" | "today" | "yesterday")
}

/// A date in machine form ("2024-04-17T10:58:44.717Z", which a script would have shown as
/// "2 years ago") as a reader reads it: "April 17, 2024". Other dates stay as the page shows
/// them.
fn readable_date(when: &str) -> String {
    // Machine form only: no spaces, or a UTC mark ("2009-05-02 00:09:23Z"); a page that
    // prints "2019-02-24, 02:31 AM" is shown as it prints it.
    let machine = !when.contains(' ') || when.ends_with('Z');
    if !machine || !super::metadata::looks_like_iso_date(when) {
        return when.to_string();
    }
    let num = |r: std::ops::Range<usize>| when.get(r).and_then(|p| p.parse::<usize>().ok());
    let month = num(5..7)
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| crate::text::MONTHS.get(m));
    match (num(0..4), month, num(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            let mut name = m.to_string();
            if let Some(first) = name.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            format!("{name} {d}, {y}")
        }
        _ => when.to_string(),
    }
}

/// The text of another element of the post showing the same day as an empty `<time>` (the
/// machine-readable time kept apart from the "answered May 2, 2009 at 0:09" the page shows,
/// whose tooltip holds the same instant): the reader shows the date as the page prints it.
fn shown_elsewhere(dom: &Dom, own: &[Id], time: Id) -> Option<String> {
    let day = day_shown(dom, time)?;
    own.iter()
        .copied()
        .filter(|&x| x != time && dom.attr(x, "title").and_then(day_of).as_ref() == Some(&day))
        .find_map(|x| short_text(dom, x).filter(|t| t.chars().any(|c| c.is_ascii_digit())))
}

/// The post's date as shown, and the element showing it.
///
/// The post's own schema.org `datePublished` (or `dateCreated`) names its day: a `<time>` of
/// another day in the post's furniture (a thread's "last post" under the opening post) is not
/// its date.
fn date(dom: &Dom, own: &[Id]) -> Option<(String, Id)> {
    let shown = |n: Id| -> Option<String> {
        short_text(dom, n).filter(|t| t.chars().any(|c| c.is_ascii_digit()))
    };
    let stated = own
        .iter()
        .copied()
        .filter(|&n| {
            dom.attr(n, "itemprop")
                .is_some_and(|p| p == "datePublished" || p == "dateCreated")
        })
        .find_map(|n| day_shown(dom, n));
    let mut hinted = None;
    let mut other_day = None;
    for &n in own {
        if dom.is(n, "time") {
            // A time whose text is its own machine form is often hidden by the page's style
            // beside the date it shows.
            let text = time_text(dom, n);
            let machine = text
                .as_deref()
                .is_none_or(super::metadata::looks_like_iso_date);
            let stamp = || dom.attr(n, "datetime").map(normalize_ws);
            let t = match text {
                // "14 years, 10 months ago" dates the post by when the page was saved: its
                // machine time names the day.
                Some(t) if relative_time(&t) => stamp().filter(|d| day_of(d).is_some()).or(Some(t)),
                Some(t) if !machine => Some(t),
                t => shown_elsewhere(dom, own, n).or(t),
            }
            .or_else(stamp);
            if let Some(t) = t.filter(|t| !t.is_empty()) {
                match &stated {
                    Some(day) if day_shown(dom, n).as_ref() != Some(day) => {
                        other_day.get_or_insert((t, n));
                    }
                    _ => return Some((t, n)),
                }
                continue;
            }
        }
        if date_prop(dom, n) {
            let t = shown(n).or_else(|| dom.attr(n, "content").map(normalize_ws));
            if let Some(t) = t.filter(|t| !t.is_empty()) {
                hinted.get_or_insert((t, n));
                continue;
            }
        }
        if hinted.is_none()
            && date_tag(dom, n)
            && (date_named(dom.class(n)) || date_named(dom.id_attr(n)))
        {
            if let Some(t) = shown(n).filter(|t| t.len() >= 4) {
                hinted = Some((t, n));
            }
        }
    }
    let found = if stated.is_some() {
        hinted.or(other_day)
    } else {
        other_day.or(hinted)
    };
    found.or_else(|| {
        own.iter()
            .find_map(|&n| printed_date(dom, n).map(|t| (t, n)))
    })
}

fn body_named(dom: &Dom, n: Id, s: &mut String) -> bool {
    if dom
        .attr(n, "itemprop")
        .is_some_and(|p| matches!(p, "text" | "articleBody" | "commentText"))
    {
        return true;
    }
    lower_names(dom, n, s);
    s.len() > 1
        && (pat::any_in(s, &BODY_NAMES) || s.split_whitespace().any(|t| BODY_TOKENS.contains(&t)))
}

fn chrome_named(dom: &Dom, n: Id, s: &mut String) -> bool {
    lower_names(dom, n, s);
    s.len() > 1 && pat::any_in(s, &CHROME_NAMES)
}

/// Tags of the containers that may be posts.
fn post_tag(tag: &str) -> bool {
    matches!(
        tag,
        "div" | "article" | "li" | "section" | "tr" | "tbody" | "table"
    )
}

/// Groups of sibling elements sharing a tag and a class token, one group per parent (its
/// largest), extended to the same-shaped elements nested in them (threaded replies). `order`:
/// the body's elements in document order. Groups that cannot hold enough signed posts
/// ([`Signs`]) are left out.
fn sibling_groups(dom: &Dom, order: &[Id], signs: &Signs) -> Vec<(Vec<Id>, usize)> {
    let mut out = Vec::new();
    // (tag, class token or "" for none, child), one per token: reused across parents.
    let mut entries: Vec<(&str, &str, Id)> = Vec::new();
    for &parent in order {
        // A group's signed posts show dates and authors inside its parent: at least two each.
        let (dates, authors) = signs.count(parent);
        if (dates as usize) < MIN_POSTS || (authors as usize) < MIN_POSTS {
            continue;
        }
        entries.clear();
        let mut kid = dom.first_child(parent);
        while let Some(k) = kid {
            kid = dom.next_sibling(k);
            let tag = dom.tag(k);
            // Only posts' tags: a group is of one tag, so others never make a post group.
            if !post_tag(tag) {
                continue;
            }
            let before = entries.len();
            for t in dom.class(k).split_whitespace() {
                if !t.bytes().any(|b| b.is_ascii_digit()) {
                    entries.push((tag, t, k));
                }
            }
            if entries.len() == before {
                entries.push((tag, "", k));
            }
        }
        if entries.len() < MIN_POSTS {
            continue;
        }
        // Stable: members stay in document order.
        entries.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut keys: Vec<((&str, &str), Vec<Id>)> = Vec::new();
        for chunk in entries.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            if let Some(&(tag, token, _)) = chunk.first() {
                if chunk.len() >= MIN_POSTS {
                    keys.push(((tag, token), chunk.iter().map(|e| e.2).collect()));
                }
            }
        }
        // Several tokens of one engine name the same members: one group each.
        keys.sort_unstable_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        keys.dedup_by(|a, b| a.1 == b.1);
        for ((tag, token), members) in keys {
            // Containers with no class are weaker evidence: a blog post and its one comment
            // box are two such siblings.
            let least = if token.is_empty() {
                MIN_CLASSLESS_POSTS
            } else {
                MIN_POSTS
            };
            // Nested replies lie inside the members: too few dates or authors in them all
            // and no reply can add a signed post.
            let (dates, authors) = members.iter().fold((0, 0), |(d, a), &m| {
                let (md, ma) = signs.count(m);
                (d + md as usize, a + ma as usize)
            });
            if dates < least || authors < least {
                continue;
            }
            // Replies nested inside the posts, shaped the same.
            let mut group = Vec::new();
            for m in members {
                group.push(m);
                // Only a class names a nested reply (a classless group would walk for nothing).
                if token.is_empty() {
                    continue;
                }
                for d in dom.descendants_with_tags(m, &[tag]) {
                    if dom.class(d).split_whitespace().any(|t| t == token) {
                        group.push(d);
                    }
                }
            }
            if signs.may_be_thread(&group, least) {
                out.push((group, least));
            }
        }
    }
    out
}

/// Whether `n` lies in a reply nested in `post` that the thread does not list (a collapsed
/// one-line reply, classed "comment oneline" under a "comment full" post): an element of the
/// post's tag sharing a class name with it, between the two. Its text is the reply's, never
/// the post's.
fn in_unlisted_reply(dom: &Dom, n: Id, post: Id) -> bool {
    let tag = dom.tag(post);
    let class = dom.class(post);
    let mut x = dom.parent(n);
    while let Some(a) = x {
        if a == post {
            return false;
        }
        if dom.tag(a) == tag
            && dom
                .class(a)
                .split_whitespace()
                .any(|t| class.split_whitespace().any(|c| c == t))
        {
            return true;
        }
        x = dom.parent(a);
    }
    false
}

/// The posts as a sorted list, for membership tests ([`member`]).
fn is_post_mask(posts: &[Id]) -> Vec<Id> {
    let mut v = posts.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

fn member(sorted: &[Id], n: Id) -> bool {
    sorted.binary_search(&n).is_ok()
}

/// A thread-like group's signed posts and the length of their own text outside links.
type Score = (usize, usize);

/// Whether another link of the post, outside the heading `h`, goes where `href` does (a
/// teaser's picture and title both link to the article).
fn same_link_outside(dom: &Dom, own: &[Id], h: Id, href: &str) -> bool {
    own.iter()
        .any(|&o| dom.is(o, "a") && !dom.is_ancestor(h, o) && dom.attr(o, "href") == Some(href))
}

/// How much a group looks like the posts of a thread: its posts' own text, or `None` when it
/// is not a thread (too few posts naming an author or date, mostly links, teasers of
/// articles).
fn thread_score(dom: &mut Dom, group: &[Id], least: usize) -> Option<(usize, usize)> {
    let total: usize = group.iter().map(|&p| dom.text_len(p)).sum();
    if total < MIN_THREAD_TEXT {
        return None;
    }
    let is_post = is_post_mask(group);
    let (mut text, mut links, mut signed, mut teasers, mut with_text) = (0, 0, 0, 0, 0);
    for &p in group {
        let (len, link) = own_text(dom, p, &is_post);
        text += len;
        links += link;
        if len > link {
            with_text += 1;
        }
        let own = own_elements(dom, p, &is_post);
        let by = author(dom, p, &own);
        let by_el = by.as_ref().and_then(|a| a.1);
        let dated = date(dom, &own);
        if by.is_some() && dated.is_some() && (link as f64) < MAX_LINK_DENSITY * len as f64 {
            signed += 1;
        }
        // The post's permalinks: the links of its date line ("on May 2 @11:51AM (#64153115)").
        let date_el = dated.map(|d| d.1);
        let permalink = |dom: &Dom, href: &str| {
            date_el.is_some_and(|d| {
                let mut x = Some(d);
                while let Some(e) = x {
                    if dom.is(e, "a") && dom.attr(e, "href") == Some(href) {
                        return true;
                    }
                    x = dom.next_in(e, d, false);
                }
                false
            })
        };
        // A heading holding a link heads a teaser of another page (unless it names the author),
        // when the rest is a short excerpt or the card's picture links to the same page.
        if own.iter().any(|&h| {
            if !matches!(dom.tag(h), "h1" | "h2" | "h3" | "h4")
                || dom.text_content(h).split_whitespace().nth(2).is_none()
                || by_el.is_some_and(|b| b == h || dom.is_ancestor(h, b) || dom.is_ancestor(b, h))
            {
                return false;
            }
            let links: Vec<Id> = own
                .iter()
                .copied()
                .filter(|&a| dom.is(a, "a") && dom.is_ancestor(h, a))
                .collect();
            // A heading naming a member (a profile link, the member's badge) heads a post.
            if links.iter().any(|&a| profile_link(dom, a)) {
                return false;
            }
            let short = len < 4 * dom.text_len(h);
            links.iter().any(|&a| {
                let Some(href) = dom.attr(a, "href") else {
                    return false;
                };
                // A link with a fragment is a post's permalink ("viewtopic.php?p=1#p1"), here
                // or on the thread's other pages.
                !href.starts_with('#')
                    && !permalink(dom, href)
                    && (short || (!href.contains('#') && same_link_outside(dom, &own, h, href)))
            })
        }) {
            teasers += 1;
        }
    }
    let n = group.len();
    let ok = with_text >= MIN_POSTS
        && signed * 2 >= n
        && signed >= least
        && teasers * 2 < n
        && text >= MIN_THREAD_TEXT
        && (links as f64) < MAX_LINK_DENSITY * text as f64;
    // One post shows one author and date: the group with the most signed posts is the thread
    // (not the blocks holding it, nor the cells of one post); then the most text.
    ok.then_some((signed, text - links))
}

impl Thread {
    /// The page's thread, if its body holds one.
    pub fn find(dom: &mut Dom) -> Option<Thread> {
        let body = dom.body()?;
        let order = dom.descendant_elements(body);
        let (signs, schema) = Signs::new(dom, &order);
        if !signs.enough() {
            return None;
        }
        let mut groups = sibling_groups(dom, &order, &signs);
        let (schema, asides) = split_qa_comments(dom, schema);
        // The comments under a Q&A page's question and answers are asides, not the thread,
        // however many of them name their author (they are often more than the answers).
        if !asides.is_empty() {
            groups.retain(|(g, _)| {
                !g.iter()
                    .all(|&m| asides.iter().any(|&a| a == m || dom.is_ancestor(a, m)))
            });
        }
        if schema.len() >= MIN_POSTS && signs.may_be_thread(&schema, MIN_POSTS) {
            groups.push((schema, MIN_POSTS));
        }
        let mut valid: Vec<(Score, Vec<Id>)> = Vec::new();
        for (g, least) in groups {
            if let Some(score) = thread_score(dom, &g, least) {
                valid.push((score, g));
            }
        }
        // A member holding two posts of another thread-like group (posts not its own), which
        // make up most of its text, is a container of posts, not a post: that group is not the
        // thread. An answer with two comments under it is still a post. Posts of the other
        // group that are mostly one post of this one are its wrappers, not posts it contains:
        // a thread's opening post may hold the replies, each in a wrapper of its own.
        let holds_posts = |dom: &mut Dom, g: &[Id], other: &[Id]| {
            g.iter().any(|&m| {
                let (mut held, mut held_len) = (0, 0);
                for &o in other {
                    if g.contains(&o) || !dom.is_ancestor(m, o) {
                        continue;
                    }
                    // Parts of a post of this group nested in `m` (a Q&A page's question
                    // wrapping its answers) belong to that post, not to `m`.
                    if g.iter()
                        .any(|&x| x != m && dom.is_ancestor(m, x) && dom.is_ancestor(x, o))
                    {
                        continue;
                    }
                    let len = dom.text_len(o);
                    let wraps = g
                        .iter()
                        .any(|&x| dom.is_ancestor(o, x) && dom.text_len(x) * 2 >= len);
                    if !wraps {
                        held += 1;
                        held_len += len;
                    }
                }
                held >= 2 && held_len * 2 >= dom.text_len(m)
            })
        };
        // A group lying inside one member, with fewer signed posts, is that post's own parts
        // (the cells of its layout, the comments under an answer), not posts it holds.
        let parts_of_one = |dom: &Dom, g: &(Score, Vec<Id>), other: &(Score, Vec<Id>)| {
            other.0 .0 < g.0 .0
                && g.1
                    .iter()
                    .any(|&m| other.1.iter().all(|&o| m == o || dom.is_ancestor(m, o)))
        };
        // The innermost member of `g` holding all of `other`'s posts, if one does (a question
        // may wrap its answers).
        let holder = |dom: &Dom, g: &[Id], other: &[Id]| {
            g.iter()
                .copied()
                .filter(|&m| other.iter().all(|&o| m == o || dom.is_ancestor(m, o)))
                .reduce(|a, b| if dom.is_ancestor(a, b) { b } else { a })
        };
        // A group lying inside one member whose like (same shape) lies inside another member
        // is the layout each post repeats (an answer's cells), however many authors and dates
        // it shows: not posts the member holds.
        let repeated_part = |dom: &Dom, i: usize, j: usize| {
            let (g, other) = (&valid[i].1, &valid[j].1);
            let Some(m) = holder(dom, g, other) else {
                return false;
            };
            let shape = other.first().map(|&o| shape_of(dom, o));
            valid.iter().enumerate().any(|(k, v)| {
                k != i
                    && k != j
                    && v.1.first().map(|&o| shape_of(dom, o)) == shape
                    && holder(dom, g, &v.1).is_some_and(|mk| mk != m)
            })
        };
        let mut best: Option<usize> = None;
        for i in 0..valid.len() {
            let container = (0..valid.len()).any(|j| {
                i != j
                    && !parts_of_one(dom, &valid[i], &valid[j])
                    && !repeated_part(dom, i, j)
                    && holds_posts(dom, &valid[i].1, &valid[j].1)
            });
            if !container && best.is_none_or(|b| valid[i].0 > valid[b].0) {
                best = Some(i);
            }
        }
        let best = best.and_then(|b| valid.get(b));
        let mut posts = best?.1.clone();
        posts.sort_unstable();
        posts.dedup();
        let asides = asides.into_iter().filter(|&a| !member(&posts, a)).collect();
        // Posts come in document order: a post inside the last outermost one is a reply
        // nested in it, whose text that one already counts.
        let mut text = 0;
        let mut outer: Option<Id> = None;
        for &p in &posts {
            if outer.is_some_and(|o| dom.is_ancestor(o, p)) {
                continue;
            }
            outer = Some(p);
            text += dom.text_len(p);
        }
        Some(Thread {
            posts,
            asides,
            text,
        })
    }

    /// Marks, by node id, the nodes inside the posts (taken before Readability moves them).
    pub fn mask(&self, dom: &Dom) -> Vec<bool> {
        let mut m = vec![false; dom.nodes.len()];
        for &p in &self.posts {
            if m.get(p).copied().unwrap_or(true) {
                continue;
            }
            let mut n = Some(p);
            while let Some(x) = n {
                if let Some(v) = m.get_mut(x) {
                    *v = true;
                }
                n = dom.next_in(x, p, false);
            }
        }
        m
    }

    /// How Readability's pick (`root` in `dom`, the grabbed copy) lies over the posts.
    fn share(mask: &[bool], dom: &Dom, root: Id) -> PickShare {
        let mut sh = PickShare::default();
        let mut n = dom.first_child(root);
        while let Some(x) = n {
            // What a closed `<details>` folds away (a generated summary of the thread above
            // its posts) is not the page leading with its own text.
            if dom.is(x, "details") && !dom.has_attr(x, "open") {
                n = dom.next_in(x, root, true);
                continue;
            }
            if let Some(t) = dom.text(x) {
                let len = t.trim().len();
                sh.all += len;
                if mask.get(x).copied().unwrap_or(false) {
                    sh.inside += len;
                } else {
                    sh.longest_out = sh.longest_out.max(len);
                    if sh.inside == 0 {
                        sh.before += len;
                        if len >= MIN_PROSE_RUN && sh.first_prose.is_none() {
                            sh.first_prose = Some(x);
                        }
                    }
                }
            }
            n = dom.next_in(x, root, false);
        }
        sh
    }

    /// Whether Readability's pick (`root` in `dom`, the grabbed copy) lies mostly in the posts:
    /// then the page is the thread, not an article with comments below it.
    pub fn holds(mask: &[bool], dom: &Dom, root: Id) -> bool {
        let sh = Self::share(mask, dom, root);
        // A pick shorter than Readability's own minimum, or whose part outside the posts has no
        // run of prose (counters, labels, menus), is no article to keep. Prose before the first
        // post is: the page leads with its own text and the posts follow it (its comments).
        sh.all < super::readability::CHAR_THRESHOLD
            || sh.longest_out < MIN_PROSE_RUN
            || (sh.first_prose.is_none() && sh.in_posts())
    }

    /// A pick that leads with prose of its own and then is mostly the posts: an opening post
    /// laid out unlike the replies (the replies are the thread, the question above them is
    /// not one of them). The first run of that prose (a node id of the page) and the length of
    /// the text before the posts.
    pub fn opening(mask: &[bool], dom: &Dom, root: Id) -> Option<(Id, usize)> {
        let sh = Self::share(mask, dom, root);
        // The posts outweigh the text before them: an article with its comments is the other
        // way round, and stays the article.
        let first = sh
            .first_prose
            .filter(|_| sh.in_posts() && sh.inside > sh.before)?;
        Some((first, sh.before))
    }

    /// A short story standing apart from a discussion many times its length (a news
    /// aggregator's submission above its comment tree): Readability's pick holds none of the
    /// posts, yet the page is the discussion, and the story is its opening post. An article
    /// followed by its comments is longer than this, or outweighs them. The first run of the
    /// story's prose and the length of its text, as [`Thread::opening`] gives them.
    pub fn story(&self, mask: &[bool], dom: &Dom, root: Id) -> Option<(Id, usize)> {
        let sh = Self::share(mask, dom, root);
        if sh.inside > 0 || sh.all > MAX_STORY || self.text < sh.all * DISCUSSION_OVER_STORY {
            return None;
        }
        sh.first_prose.map(|f| (f, sh.before))
    }

    /// Builds the thread as an article in `dom` (a fresh parse of the page, where node ids name
    /// the same nodes): a detached `<div>` of posts, each a header line (author, date) and its
    /// text.
    pub fn build(&self, dom: &mut Dom, opening: Option<(Id, usize)>) -> Option<Built> {
        for &a in &self.asides {
            dom.detach(a);
        }
        let lead = opening.and_then(|(t, before)| self.opening_block(dom, t, before));
        let submitter = self.submitter(dom);
        let is_post = is_post_mask(&self.posts);
        let mut s = String::new();
        let mut posts = Vec::new();
        let owns: Vec<Vec<Id>> = self
            .posts
            .iter()
            .map(|&p| own_elements(dom, p, &is_post))
            .collect();
        let shape = body_shape(dom, &owns, &mut s);
        for (&p, own) in self.posts.iter().zip(&owns) {
            let author = author(dom, p, own);
            let date = date(dom, own);
            let same: Vec<Id> = match shape.as_deref() {
                Some(sh) => own
                    .iter()
                    .copied()
                    .filter(|&n| {
                        body_named(dom, n, &mut s)
                            && shape_of(dom, n) == sh
                            && !in_unlisted_reply(dom, n, p)
                    })
                    .collect(),
                None => Vec::new(),
            };
            let shaped = same.into_iter().max_by_key(|&n| dom.text_len(n));
            let body = shaped.or_else(|| pick_body(dom, own, &mut s)).unwrap_or(p);
            posts.push(Post {
                el: p,
                author,
                date,
                body,
            });
        }
        let article = dom.create_element("div");
        if let Some(l) = lead {
            dom.append(article, l);
        }
        let mut first_author = None;
        let mut first_day = None;
        for post in &posts {
            let (len, link) = own_text(dom, post.body, &is_post);
            if len <= link && post.body != post.el {
                continue;
            }
            let section = dom.create_element("section");
            let header = dom.create_element("p");
            if let Some((name, _)) = &post.author {
                let b = dom.create_element("strong");
                let t = dom.create_text(name);
                dom.append(b, t);
                dom.append(header, b);
                first_author.get_or_insert_with(|| name.clone());
            }
            if first_day.is_none() {
                let day = post
                    .date
                    .as_ref()
                    .and_then(|(when, el)| day_shown(dom, *el).or_else(|| day_of(when)));
                first_day = Some(day);
            }
            if let Some((when, _)) = &post.date {
                if dom.first_child(header).is_some() {
                    let br = dom.create_element("br");
                    dom.append(header, br);
                }
                let t = dom.create_element("time");
                let txt = dom.create_text(&readable_date(when));
                dom.append(t, txt);
                dom.append(header, t);
            }
            if dom.first_child(header).is_some() {
                dom.append(section, header);
            }
            dom.append(section, post.body);
            dom.append(article, section);
        }
        // What is left of the posts inside others' bodies: nested replies' furniture, the
        // author and date elements already shown in the headers.
        for post in &posts {
            if post.body != post.el {
                dom.detach(post.el);
            }
            for n in [
                post.author.as_ref().and_then(|a| a.1),
                post.date.as_ref().map(|d| d.1),
            ]
            .into_iter()
            .flatten()
            {
                if dom.is_ancestor(article, n) {
                    dom.detach(n);
                }
            }
        }
        let bodies: Vec<Id> = posts.iter().map(|p| p.body).collect();
        let read_order: Vec<Id> = lead.into_iter().chain(bodies.iter().copied()).collect();
        reply_quotes::drop_repeated_quotes(dom, &read_order);
        remove_chrome(dom, article, &bodies, &mut s);
        let wrapper = dom.create_element("div");
        let page = dom.create_element("div");
        dom.set_attr(page, "id", "readability-page-1");
        dom.set_attr(page, "class", "page");
        dom.append(page, article);
        dom.append(wrapper, page);
        dom.has_text(wrapper).then_some(Built {
            content: wrapper,
            // Above an opening post of its own, the first reply's author started nothing; a
            // link or story submitted above the comments names who started the thread.
            author: submitter.or(first_author.filter(|_| lead.is_none())),
            day: first_day.flatten(),
        })
    }
}

impl Thread {
    /// Who submitted the item the posts answer, when the thread's container names an author
    /// before its first post, outside any post (a link aggregator's story line "42 points by
    /// jane", the submission above a comment tree).
    fn submitter(&self, dom: &Dom) -> Option<String> {
        let (&first, &last) = (self.posts.first()?, self.posts.last()?);
        let body = dom.body()?;
        let mut holder = dom.parent(first)?;
        while !dom.is_ancestor(holder, last) {
            holder = dom.parent(holder)?;
        }
        // The story may sit a few levels above the comment tree (a table of its own).
        for _ in 0..=SUBMITTER_LEVELS {
            if holder == body {
                return None;
            }
            let mut before = Vec::new();
            let mut n = dom.first_child(holder);
            while let Some(x) = n {
                if x == first {
                    break;
                }
                if member(&self.posts, x) {
                    n = dom.next_in(x, holder, true);
                    continue;
                }
                if dom.is_element(x) && !dom.is_ancestor(x, first) {
                    before.push(x);
                }
                n = dom.next_in(x, holder, false);
            }
            if let Some((name, _)) = author(dom, holder, &before) {
                return Some(name);
            }
            holder = dom.parent(holder)?;
        }
        None
    }

    /// The block holding an opening post's text run `t` (in the fresh parse): its largest
    /// ancestor holding no post and about as much text as the pick had before the posts.
    fn opening_block(&self, dom: &mut Dom, t: Id, before: usize) -> Option<Id> {
        let body = dom.body();
        let mut cur = dom.parent(t)?;
        let most = before + before / 4 + OPENING_SLACK;
        while let Some(p) = dom.parent(cur) {
            if Some(p) == body
                || dom.text_len(p) > most
                || self.posts.iter().any(|&x| x == p || dom.is_ancestor(p, x))
            {
                break;
            }
            cur = p;
        }
        if self
            .posts
            .iter()
            .any(|&x| x == cur || dom.is_ancestor(cur, x))
        {
            return None;
        }
        dom.detach(cur);
        Some(cur)
    }
}

/// Separators between a thread's subject and the site's name in its document title.
const TITLE_SEPARATORS: [char; 8] = ['|', '-', '–', '—', '·', '•', '»', ':'];
/// Headings looked at for the thread's subject.
const MAX_SUBJECT_HEADINGS: usize = 8;

/// The thread's subject as a heading prints it, when the document title is that subject with
/// the site's name or section before or after it ("Site • View topic - Subject", "Subject -
/// Site"): the reader shows the subject. `None` when no heading is the title's head or tail.
pub fn subject(dom: &Dom, title: &str) -> Option<String> {
    // The document's own `<title>` as written: the shown title may already be cut at a
    // separator, keeping the board's name.
    let written = dom
        .descendants_with_tags(super::dom::ROOT, &["title"])
        .first()
        .map(|&t| normalize_ws(&dom.text_content(t)));
    let title = written
        .filter(|t| t.len() > title.trim().len())
        .unwrap_or_else(|| normalize_ws(title));
    let body = dom.body()?;
    // The subject outweighs the board's name beside it: "Subject | Board" ends with the
    // board's name, which the page may print as a heading too.
    let parts_at = |h: &str| {
        let tail = title.strip_suffix(h).is_some_and(|head| {
            let head = head.trim_end();
            head.len() > 1 && head.len() <= h.len() && head.ends_with(TITLE_SEPARATORS)
        });
        let lead = title.strip_prefix(h).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.len() > 1 && rest.len() <= h.len() && rest.starts_with(TITLE_SEPARATORS)
        });
        tail || lead
    };
    dom.descendants_with_tags(body, &["h1", "h2", "h3"])
        .into_iter()
        .take(MAX_SUBJECT_HEADINGS)
        .map(|h| normalize_ws(&dom.text_content(h)))
        .find(|h| h.chars().filter(|c| c.is_alphanumeric()).count() >= 3 && parts_at(h))
}

/// Ours: how many levels above the posts' common ancestor a submission may sit.
const SUBMITTER_LEVELS: usize = 2;

/// Ours: text (bytes) an opening post's block may hold beyond what the pick kept before the
/// posts (its title, author line).
const OPENING_SLACK: usize = 200;

/// A key shared by one engine's post text containers: tag and class, without the tokens that
/// number a post.
fn shape_of(dom: &Dom, n: Id) -> String {
    let mut toks: Vec<&str> = dom
        .class(n)
        .split_whitespace()
        .filter(|t| !t.bytes().any(|b| b.is_ascii_digit()))
        .collect();
    toks.sort_unstable();
    format!(
        "{} {} {}",
        dom.tag(n),
        toks.join(" "),
        dom.attr(n, "itemprop").unwrap_or("")
    )
}

/// The shape of the posts' text containers, decided over the whole thread: named as a post's
/// text in nearly every post, and the innermost of those holding at least half their text. One
/// post alone cannot tell a short reply from the title and author line around it.
fn body_shape(dom: &mut Dom, owns: &[Vec<Id>], s: &mut String) -> Option<String> {
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    for own in owns {
        let mut in_post: HashMap<String, usize> = HashMap::new();
        for &n in own {
            if body_named(dom, n, s) {
                let len = dom.text_len(n);
                let e = in_post.entry(shape_of(dom, n)).or_default();
                *e = (*e).max(len);
            }
        }
        for (k, len) in in_post {
            let e = seen.entry(k).or_default();
            e.0 += 1;
            e.1 += len;
        }
    }
    let posts = owns.len();
    let common: Vec<(String, usize)> = seen
        .into_iter()
        .filter(|(_, (count, _))| count * 10 >= posts * 8)
        .map(|(k, (_, total))| (k, total))
        .collect();
    let max = common.iter().map(|(_, t)| *t).max()?;
    common
        .into_iter()
        .filter(|(_, t)| *t > 0 && t * 2 >= max)
        .min_by_key(|(k, t)| (*t, k.clone()))
        .map(|(k, _)| k)
}

/// The element holding a post's text: the one named as such with the most text, the deepest
/// among those holding nearly as much (a wrapper adds a signature or attachments).
fn pick_body(dom: &mut Dom, own: &[Id], s: &mut String) -> Option<Id> {
    let names: Vec<Id> = own
        .iter()
        .copied()
        .filter(|&n| body_named(dom, n, s))
        .collect();
    let named: Vec<(Id, usize)> = names
        .into_iter()
        .map(|n| (n, dom.text_len(n)))
        .filter(|&(_, l)| l > 0)
        .collect();
    let max = named.iter().map(|&(_, l)| l).max()?;
    named
        .iter()
        .rev()
        .find(|&&(_, l)| l * 100 >= max * 85)
        .map(|&(n, _)| n)
}

/// Ours: the longest edit note ("Edited June 19, 2024 by Jane", with its reason).
const MAX_EDIT_NOTE: usize = 300;

/// A post's edit note: a short block that opens with "Edited" or "Last edited" and says when.
/// The post's history, not its text.
fn edit_note(dom: &mut Dom, n: Id) -> bool {
    if !matches!(dom.tag(n), "p" | "span" | "div" | "small" | "em" | "i")
        || dom.text_len(n) > MAX_EDIT_NOTE
    {
        return false;
    }
    let Some(t) = dom.text_content_within(n, MAX_EDIT_NOTE * 4) else {
        return false;
    };
    let t = normalize_ws(&t).to_lowercase();
    let opens = t.starts_with("edited ") || t.starts_with("last edited ");
    // A sentence may open with "Edited by": a note names when, in a `<time>` or a short line
    // with a date ("Last edited by jane; 03-05-2025 at 10:12").
    let dated_line = t.len() <= MAX_NAME_LEN + 20 && t.bytes().any(|b| b.is_ascii_digit());
    opens && (dated_line || !dom.descendants_with_tags(n, &["time"]).is_empty())
}

/// Drops the posts' furniture: controls, forms, and short blocks named as user info, actions or
/// signatures.
fn remove_chrome(dom: &mut Dom, root: Id, bodies: &[Id], s: &mut String) {
    for n in dom.descendant_elements(root).into_iter().rev() {
        if dom.parent(n).is_none() || bodies.contains(&n) {
            continue;
        }
        // A form may wrap a post's text (an inline editor): only short ones go.
        let drop = matches!(
            dom.tag(n),
            "button" | "input" | "select" | "textarea" | "nav" | "menu" | "footer"
        ) || ((dom.is(n, "form") || chrome_named(dom, n, s)) && dom.text_len(n) < 300)
            || edit_note(dom, n);
        if drop {
            dom.detach(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word tests as first written: on lower-cased copies, by substring and by split.
    fn author_named_slow(s: &str) -> bool {
        let s = s.to_ascii_lowercase();
        AUTHOR_NAMES.iter().any(|w| s.contains(w))
    }

    fn date_named_slow(s: &str) -> bool {
        s.to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| DATE_WORDS.contains(&w))
    }

    #[test]
    fn word_tests_agree_with_lower_cased_copies() {
        let names = [
            "",
            "a",
            "post-author",
            "Post-Author",
            "AUTHOR",
            "autho",
            "comment-meta date",
            "commentDate",
            "post_date",
            "Date",
            "dates",
            "updated",
            "message age-old",
            "page",
            "ago age",
            "x-timestamp-y",
            "timeline",
            "user-name time",
            "hnuser age",
            "usernames",
            "uUserName",
            "by-line posted",
            "pPosted",
            "İstanbul date",
            "date\u{e9}",
            "\u{e9}date",
            "authordate",
            "displayname datetime",
            "Member-Name PUBLISHED",
        ];
        for s in names {
            assert_eq!(author_named(s), author_named_slow(s), "{s:?}");
            assert_eq!(date_named(s), date_named_slow(s), "{s:?}");
            let both = NAME_WORDS.find(s, 3, true, true);
            assert_eq!(both & 1 != 0, author_named_slow(s), "{s:?}");
            assert_eq!(both & 2 != 0, date_named_slow(s), "{s:?}");
        }
        for h in [
            "/members/jane.42/",
            "/Members/jane",
            "https://x.org/u/jane",
            "/user?id=3",
            "index.php?action=viewprofile;u=2",
            "/profile/jane",
            "/people/",
            "/peopl",
            "/about",
            "",
        ] {
            let slow = PROFILE_HREFS.iter().any(|p| h.contains(p));
            assert_eq!(profile_href(h), slow, "{h:?}");
        }
    }

    #[test]
    fn machine_dates_read_as_dates_and_printed_ones_stay() {
        assert_eq!(readable_date("2024-04-17T10:58:44.717Z"), "April 17, 2024");
        assert_eq!(readable_date("2006-08-08T22:13+00:00"), "August 8, 2006");
        assert_eq!(readable_date("2009-05-02 00:09:23Z"), "May 2, 2009");
        assert_eq!(
            readable_date("2019-02-24, 02:31 AM"),
            "2019-02-24, 02:31 AM"
        );
        assert_eq!(readable_date("Mar 3, 2025"), "Mar 3, 2025");
        assert_eq!(readable_date("2024-13-40"), "2024-13-40");
    }

    #[test]
    fn printed_dates_are_lines_of_date_words_only() {
        assert!("by » Tue Aug 27, 2019 4:08 am"
            .split_whitespace()
            .all(date_word));
        assert!("June 04, 2024, 11:23:55 AM"
            .split_whitespace()
            .all(date_word));
        assert!(!"Threads: 23 Joined: Feb 2019"
            .split_whitespace()
            .all(date_word));
    }
}
