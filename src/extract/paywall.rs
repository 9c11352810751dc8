//! Beyond Readability: the upsell where a paywalled article stops, or the appeal for money
//! that closes it, ("Become a paid subscriber
//! to unlock this piece and learn about: ..." then the subscription's benefits). The article's
//! rest is not on the page, so everything from the pitch to the article's end is the pitch:
//! its teaser list, its button, its list of what a subscription includes.
//!
//! `boiler` drops a short nag line on its own; this drops the tail it opens, when the tail is
//! short next to the article (a pitch in the middle of a long article is no cut).

use super::dom::{normalize_ws, Dom, Id};

/// Phrases that say the rest of the article is locked...
const LOCKED_PHRASES: [&str; 8] = [
    "to unlock",
    "unlock this",
    "to continue reading",
    "to keep reading",
    "to read the rest",
    "to read the full",
    "to access this",
    "upgrade to paid",
];
/// ...and words that name the way in (prose that mentions "premium subscribers" of some
/// service, or "to unlock" a phone, is no pitch).
const WAY_IN: [&str; 5] = ["subscri", "member", "sign in", "log in", "upgrade"];

/// Appeals that close an article the same way: what follows asks for money, not reads on
/// ("Since you made it to the bottom of this article, we have a small favor to ask.").
const APPEAL_PHRASES: [&str; 2] = ["favor to ask", "favour to ask"];

/// The pitch is one short block.
const MAX_PITCH: usize = 300;
/// Ours: the tail from the pitch on is at most this long, and this share (1/N) of the article.
const MAX_TAIL: usize = 2000;
const TAIL_SHARE: usize = 3;

fn is_unlock_pitch(text: &str) -> bool {
    let l = text.to_lowercase();
    (LOCKED_PHRASES.iter().any(|p| l.contains(p)) && WAY_IN.iter().any(|w| l.contains(w)))
        || APPEAL_PHRASES.iter().any(|p| l.contains(p))
}

/// The nodes from `n` to the end of `root`: `n`, its later siblings, and the later siblings of
/// each ancestor below `root`.
fn tail(dom: &Dom, root: Id, n: Id) -> Vec<Id> {
    let mut out = vec![n];
    let mut x = n;
    loop {
        let mut s = dom.next_sibling(x);
        while let Some(y) = s {
            out.push(y);
            s = dom.next_sibling(y);
        }
        match dom.parent(x) {
            Some(p) if p != root => x = p,
            _ => return out,
        }
    }
}

/// Drops the first unlock pitch in `root` and what follows it, if that is short.
pub fn drop_paywall_tail(dom: &mut Dom, root: Id) {
    let total = dom.text_len(root);
    let blocks = dom.descendants_with_tags(root, &["p", "div", "h2", "h3", "h4"]);
    for b in blocks {
        let len = dom.text_len(b);
        if len == 0 || len > MAX_PITCH {
            continue;
        }
        if !is_unlock_pitch(&normalize_ws(&dom.text_content(b))) {
            continue;
        }
        let nodes = tail(dom, root, b);
        let rest: usize = nodes.iter().map(|&n| dom.text_len(n)).sum();
        if rest <= MAX_TAIL && rest * TAIL_SHARE < total {
            for n in nodes {
                dom.detach(n);
            }
        }
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::super::dom::ROOT;
    use super::*;

    const STORY: &str =
        "<p>The harbour board met on Monday to weigh a second breakwater. Engineers \
        said the old wall had settled by a metre since the storms of the last decade, and the \
        fishing fleet asked for a wider mouth so that trawlers could enter at low tide.</p>\
        <p>The board will vote in March, after a survey of the seabed and a public meeting.</p>";

    fn cleaned(body: &str) -> String {
        let html = format!("<html><body><article>{body}</article></body></html>");
        let mut dom = super::super::pipeline::parse(&html);
        let article = dom.descendants_with_tags(ROOT, &["article"])[0];
        drop_paywall_tail(&mut dom, article);
        normalize_ws(&dom.text_content(ROOT))
    }

    #[test]
    fn the_pitch_takes_the_tail() {
        let pitch = "<div><p><b>Become a <a href=/s>paid subscriber</a> to unlock this piece \
            and learn about:</b></p><ol><li>The vote</li><li>The costs</li></ol>\
            <div><a href=/s>Subscribe</a></div></div><div><h3>What is included?</h3>\
            <p>Daily briefings</p></div>";
        let out = cleaned(&format!("{STORY}{pitch}"));
        assert!(out.contains("public meeting"), "{out}");
        for gone in [
            "paid subscriber",
            "The costs",
            "Subscribe",
            "Daily briefings",
        ] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn pitches() {
        assert!(is_unlock_pitch(
            "Become a paid subscriber to unlock this piece"
        ));
        assert!(is_unlock_pitch("Subscribe to continue reading."));
        assert!(is_unlock_pitch("Sign in to keep reading"));
        assert!(!is_unlock_pitch(
            "Spotify makes sense if you're already a premium subscriber"
        ));
        assert!(is_unlock_pitch(
            "Since you made it to the bottom of this article, we have a small favor to ask."
        ));
        assert!(!is_unlock_pitch("Hold the button to unlock the phone."));
    }

    #[test]
    fn a_pitch_before_most_of_the_article_is_no_cut() {
        let pitch = "<p>Paid subscribers can unlock our archive.</p>";
        let out = cleaned(&format!("{pitch}{STORY}"));
        assert!(out.contains("public meeting"), "{out}");
    }
}
