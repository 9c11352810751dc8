//! Beyond Readability: the same "Read more" repeated down a grid of cards (under each
//! resource's title). One button per card is furniture; a single "Read more" may lead into
//! the article's own text, so only repeats go.

use super::dom::{Dom, Id};

/// Whole texts of a card's button that sends the reader to another article, compared
/// without case, punctuation or arrows. Not "Learn more": service pages' cards end with it,
/// and their annotations keep it as the offer's text.
const CTA_LINES: [&str; 5] = [
    "read more",
    "continue reading",
    "read the full story",
    "read full article",
    "read article",
];

/// Ours: a call-to-action goes when the article shows it this many times or more.
const MIN_REPEATS: usize = 3;

/// The call-to-action `text` is, if it is one.
fn cta(text: &str) -> Option<&'static str> {
    let bare = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let bare = bare.split_whitespace().collect::<Vec<_>>().join(" ");
    CTA_LINES.iter().find(|c| **c == bare).copied()
}

/// Drops each call-to-action line the article repeats [`MIN_REPEATS`] times or more: the
/// outermost element holding only that text.
pub fn drop_repeated_ctas(dom: &mut Dom, root: Id) {
    let mut found: Vec<(&'static str, Id)> = Vec::new();
    let mut cur = dom.first_child(root);
    while let Some(n) = cur {
        let mut hit = false;
        if dom.is_element(n) {
            if let Some(t) = dom.text_content_within(n, 80) {
                if let Some(c) = cta(&t) {
                    found.push((c, n));
                    hit = true;
                }
            }
        }
        cur = dom.next_in(n, root, hit);
    }
    for c in CTA_LINES {
        let same: Vec<Id> = found
            .iter()
            .filter(|(t, _)| *t == c)
            .map(|&(_, n)| n)
            .collect();
        if same.len() >= MIN_REPEATS {
            for n in same {
                dom.detach(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cta_lines() {
        assert_eq!(cta(" Read More → "), Some("read more"));
        assert_eq!(cta("Continue   reading!"), Some("continue reading"));
        assert_eq!(cta("Learn more"), None);
        assert_eq!(cta("Read more about the ferries"), None);
    }
}
