//! Beyond Readability: the author bio box a blog or magazine appends to its articles
//! ("Jane Doe is a freelance writer who…", with a photo and profile links). It sits inside
//! the article container, so scoring keeps it; the reader header shows the byline already.
//!
//! Two signals are required together, so neither a byline line nor prose about a person is
//! dropped alone: a container named for the author (class/id/itemprop), and text that opens
//! a sentence with a name followed by a bio verb ("… is a", "… has been") or an author label
//! ("Written by", "About the author") leading to a sentence.

use super::dom::{normalize_ws, Dom, Id};

/// Verbs that follow the name in a bio's first sentence.
const BIO_VERBS: [&str; 6] = [" is ", " has ", " holds ", " writes ", " covers ", " was "];

/// A bio box is small: at most this many characters, and a quarter of the article.
const MAX_BIO_LEN: usize = 1500;
/// Enough text for a sentence about the author, not a bare name or byline.
const MIN_BIO_LEN: usize = 80;
/// The bio sentence starts near the box's top (after a name heading or job title).
const BIO_SENTENCE_WITHIN: usize = 300;
/// Labels that open an author card ("Written by / Jane Doe / Editor / Jane covers …").
const AUTHOR_LABELS: [&str; 5] = [
    "written by",
    "about the author",
    "authored by",
    "meet the author",
    "about the writer",
];
/// A name is one to four capitalised words.
const MAX_NAME_WORDS: usize = 4;

fn named_for_author(dom: &Dom, n: Id, s: &mut String) -> bool {
    s.clear();
    s.push_str(dom.class(n));
    s.push(' ');
    s.push_str(dom.id_attr(n));
    s.push(' ');
    s.push_str(dom.attr(n, "itemprop").unwrap_or(""));
    s.make_ascii_lowercase();
    s.contains("author")
}

/// True when `text` holds, near its start, "<Name> is a …"-style bio sentence.
fn opens_with_bio_sentence(text: &str) -> bool {
    BIO_VERBS.iter().any(|v| {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(v)) {
            let at = from + i;
            if at > BIO_SENTENCE_WITHIN {
                return false;
            }
            if ends_with_name(subject(&text[..at])) {
                return true;
            }
            from = at + v.len();
        }
        false
    })
}

/// True when `text` opens with an author label and goes on to a sentence about the author
/// (not a bare "Written by Jane Doe" byline).
fn opens_with_author_label(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    AUTHOR_LABELS.iter().any(|l| {
        lower
            .strip_prefix(l)
            .is_some_and(|rest| rest.trim_end().ends_with(['.', '!', '?']))
    })
}

/// The sentence's subject before the verb, without an apposition: in "Jane Doe, our
/// editor, is a …" the name is what precedes the first comma.
fn subject(before: &str) -> &str {
    let before = before.trim_end();
    let Some(clause) = before.strip_suffix(',') else {
        return before;
    };
    let start = clause.rfind(". ").map_or(0, |i| i + 2);
    let sentence = clause.get(start..).unwrap_or(clause);
    sentence.split(',').next().unwrap_or(sentence)
}

/// The last words before the verb are a capitalised name ("Jane", "Dr Jane Doe").
fn ends_with_name(before: &str) -> bool {
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(MAX_NAME_WORDS)
        .collect();
    let Some(last) = words.first() else {
        return false;
    };
    // Only the name itself must be capitalised: earlier words may be a job title.
    last.chars().next().is_some_and(char::is_uppercase)
        && last
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
        && ![
            "It", "This", "That", "There", "He", "She", "They", "Which", "What", "Who",
        ]
        .contains(last)
}

/// Drops author bio boxes inside the article (outermost author-named box with a bio sentence).
pub fn drop_bio_boxes(dom: &mut Dom, root: Id) {
    let total = dom.text_len(root).max(1);
    let mut buf = String::new();
    for n in dom.descendant_elements(root) {
        // The name first: the ancestor walk (is `n` still attached, under a box dropped
        // before?) is only needed for the few author-named elements.
        if n == root || !named_for_author(dom, n, &mut buf) || !dom.is_ancestor(root, n) {
            continue;
        }
        let len = dom.text_len(n);
        if !(MIN_BIO_LEN..=MAX_BIO_LEN).contains(&len) || len * 4 >= total {
            continue;
        }
        // Lines kept apart, so a name heading does not run into the bio's first word.
        let text = normalize_ws(&dom.text_lines(n));
        if opens_with_bio_sentence(&text) || opens_with_author_label(&text) {
            dom.detach(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_sentences() {
        assert!(opens_with_bio_sentence(
            "Jane Doe Senior Editor Jane Doe is a freelance writer covering farms."
        ));
        assert!(opens_with_bio_sentence(
            "Omar has been a reporter since 2009."
        ));
        assert!(opens_with_bio_sentence(
            "Ana van der Berg, our Lead Editor, is a published author."
        ));
        assert!(!opens_with_bio_sentence("By Jane Doe · 3 May 2025"));
        assert!(!opens_with_bio_sentence("It is a long road to the coast."));
        assert!(!opens_with_bio_sentence("the tractor is a machine"));
    }

    #[test]
    fn author_labels() {
        assert!(opens_with_author_label(
            "Written by Jane Doe Senior Editor Covering farms and rural life since 2012."
        ));
        assert!(opens_with_author_label(
            "About the author Jane writes about ferries."
        ));
        assert!(!opens_with_author_label("Written by Jane Doe"));
        assert!(!opens_with_author_label("Jane Doe wrote this guide."));
    }
}
