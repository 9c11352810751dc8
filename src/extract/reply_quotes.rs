//! Quotes of other posts inside a thread's replies.
//!
//! A reply that answers an earlier post often opens by quoting it ("jane said:", "Originally
//! Posted by jane", "jane wrote: Sat Feb 24"), and the engine prints the quoted text again
//! inside the reply. The reader already shows that post in its place, so a long quote repeats
//! it. A quote is recognised by its markup (a `blockquote`, or a block whose class names a
//! quote) and goes when it is long and most of its words repeat an earlier post on the page.
//! A line or two quoted tells what the reply answers and stays; so does a quote of something
//! else (a news story pasted into the opening post, a post on another page of the thread).

use super::dom::{Dom, Id};
use std::collections::HashSet;

/// Ours: the share of a quote's word shingles found in earlier posts that makes it a repeat.
const MIN_REPEATED: f64 = 0.6;
/// Ours: a quote this short (in shingles, about as many words) stays: a line or two picked
/// from a post tells what the reply answers; a whole post pasted again tells nothing new.
const MIN_QUOTE_SHINGLES: usize = 50;
/// Ours: shingle width (words), as the corpus scoring counts text.
const SHINGLE: usize = 4;
/// Ours: the longest attribution line above or atop a quote ("On 6/14/2024 at 9:14 AM, jane
/// said:").
const MAX_ATTRIBUTION: usize = 100;

/// Lower-cased `\w+` words of `s`.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn shingles(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.windows(SHINGLE).map(|w| w.join(" "))
}

/// A class token naming a quote block: "quote", "bbCodeBlock--quote", "ipsQuote",
/// "bbcode_quote"; not a script hook ("js-selectToQuote") nor a control ("quote-button").
fn quote_token(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    t.ends_with("quote") && !t.starts_with("js-") && !t.contains("select")
}

fn is_quote(dom: &Dom, n: Id) -> bool {
    dom.is(n, "blockquote")
        || (matches!(dom.tag(n), "div" | "aside" | "section")
            && dom.class(n).split_whitespace().any(quote_token))
}

/// The outermost quote blocks inside `body`.
fn quotes_in(dom: &Dom, body: Id) -> Vec<Id> {
    let mut out = Vec::new();
    let mut n = dom.next_in(body, body, false);
    while let Some(x) = n {
        if dom.is_element(x) && is_quote(dom, x) {
            out.push(x);
            n = dom.next_in(x, body, true);
        } else {
            n = dom.next_in(x, body, false);
        }
    }
    out
}

/// A short line naming who is quoted: "jane said:", "jane wrote:", "Originally Posted by
/// jane", "Quote:".
fn attribution_line(t: &str) -> bool {
    let t = t.trim().to_lowercase();
    t.len() <= MAX_ATTRIBUTION
        && (t.ends_with(':') || t.starts_with("originally posted by") || t.starts_with("quote"))
}

/// A quote's citation, not its text: a `cite`, or a block named as the quote's citation,
/// title or author ("ipsQuote_citation", "bbCodeBlock-title", "bbcode_postedby").
fn citation(dom: &Dom, n: Id) -> bool {
    dom.is(n, "cite")
        || dom.class(n).split_whitespace().any(|t| {
            let t = t.to_ascii_lowercase();
            ["citation", "title", "author", "postedby", "attribution"]
                .iter()
                .any(|w| t.contains(w))
        })
}

/// The quoted words of `q`, its citation left out.
fn quoted_words(dom: &Dom, q: Id) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = dom.next_in(q, q, false);
    while let Some(x) = n {
        if dom.is_element(x) && citation(dom, x) {
            n = dom.next_in(x, q, true);
            continue;
        }
        if let Some(t) = dom.text(x) {
            out.extend(words(t));
        }
        n = dom.next_in(x, q, false);
    }
    out
}

/// Drops, from each post body in reading order, the long quotes whose words repeat earlier
/// posts, with the attribution line just above them.
pub(crate) fn drop_repeated_quotes(dom: &mut Dom, bodies: &[Id]) {
    let mut seen: HashSet<String> = HashSet::new();
    for &body in bodies {
        let quotes = quotes_in(dom, body);
        for &q in &quotes {
            let w = quoted_words(dom, q);
            let total = w.len().saturating_sub(SHINGLE - 1);
            let repeated = shingles(&w).filter(|s| seen.contains(s)).count();
            if total > MIN_QUOTE_SHINGLES && repeated as f64 >= MIN_REPEATED * total as f64 {
                if let Some(p) = dom.prev_element_sibling(q) {
                    if attribution_line(&dom.text_content(p)) {
                        dom.detach(p);
                    }
                }
                dom.detach(q);
            }
        }
        // What this post says in its own words, for the replies after it.
        seen.extend(shingles(&words(&dom.text_content(body))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_tokens() {
        for t in ["quote", "bbCodeBlock--quote", "ipsQuote", "bbcode_quote"] {
            assert!(quote_token(t), "{t}");
        }
        for t in [
            "js-selectToQuote",
            "quote-controls",
            "quoted",
            "selectToQuote",
        ] {
            assert!(!quote_token(t), "{t}");
        }
    }

    #[test]
    fn attribution_lines() {
        assert!(attribution_line("jane said:"));
        assert!(attribution_line("Originally Posted by jane"));
        assert!(!attribution_line("I agree with all of this."));
    }
}
