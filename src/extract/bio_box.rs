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

/// Words of a writer's bio ("Anurag is an experienced journalist who covers ...").
const WRITER_WORDS: [&str; 10] = [
    "journalist",
    "writer",
    "author",
    "editor",
    "reporter",
    "contributor",
    "columnist",
    "correspondent",
    "freelance",
    "blogger",
];

/// Whether `text` opens as a bio of the person named `name` (the article's byline): the name,
/// whole or its first word, then a bio verb, and a writer's job near the start.
fn bio_of(text: &str, name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    if first.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let rest = text
        .strip_prefix(name)
        .or_else(|| text.strip_prefix(first))
        .map(|r| format!(" {}", r.trim_start()));
    let Some(rest) = rest else {
        return false;
    };
    let head: String = rest
        .chars()
        .take(BIO_SENTENCE_WITHIN)
        .collect::<String>()
        .to_lowercase();
    BIO_VERBS.iter().any(|v| rest.starts_with(v)) && WRITER_WORDS.iter().any(|w| head.contains(w))
}

/// Drops a short block that is the byline's author's bio though nothing names it for the
/// author: a teaser of the bio printed by the byline, in a box named only for its layout, or
/// the bio closing the article. (Readability keeps the latter, and Mozilla's expectations with
/// it: nytimes-3 and -4 lose their closing bio, as `drop_bio_boxes` already has pages do.)
pub fn drop_byline_bios(dom: &mut Dom, root: Id, byline: &str) {
    let name = normalize_ws(byline.split([',', ';', '&', '|']).next().unwrap_or(""));
    let name = name.trim_start_matches("By ").trim();
    let total = dom.text_len(root).max(1);
    for n in dom.descendants_with_tags(root, &["div", "p", "section", "aside"]) {
        if !dom.is_ancestor(root, n) {
            continue;
        }
        let len = dom.text_len(n);
        if !(MIN_BIO_LEN..=MAX_BIO_LEN).contains(&len) || len * 4 >= total {
            continue;
        }
        if bio_of(normalize_ws(&dom.text_content(n)).trim(), name) {
            dom.detach(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bios_of_the_byline() {
        let bio = "Jane is an experienced journalist who has covered farms for ten years.";
        assert!(bio_of(bio, "Jane Doe"));
        assert!(bio_of(&bio.replace("Jane", "Jane Doe"), "Jane Doe"));
        // Another person, or the author doing something else, is the article's.
        assert!(!bio_of(&bio.replace("Jane", "Omar"), "Jane Doe"));
        assert!(!bio_of(
            "Jane is a farmer who sells at the market.",
            "Jane Doe"
        ));
    }

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
