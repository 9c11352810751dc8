//! Beyond Readability: the editorial credits box under a headline ("By Jane Doe · Edited by
//! Omar Ali · Reviewed by Ana Ruiz, CPA"), with the box its badge opens on demand (an
//! "Our Integrity Network" or editorial-standards blurb). The reader header shows the byline;
//! the rest is page furniture, and the standards blurb is hidden until a reader clicks.
//!
//! The signal is the text, not the names: a short box whose own text (outside what it opens
//! on demand) holds an editor's or reviewer's credit label, with no heading or prose paragraph.

use super::dom::{normalize_ws, Dom, Id};

/// Credit labels only an editorial credits line prints (a plain "By" is every byline's).
const CREDIT_LABELS: [&str; 7] = [
    "edited by",
    "reviewed by",
    "fact checked by",
    "fact-checked by",
    "copy edited by",
    "verified by",
    "medically reviewed by",
];

/// Ours: a credits box's own text is a few names and labels: at most this many characters.
const MAX_CREDITS_TEXT: usize = 250;
/// Ours: a credits box holds at most this many nodes (names, labels, links, badges).
const MAX_CREDITS_NODES: usize = 200;
/// Ours: a paragraph this long inside the box is prose, not a credit.
const MAX_CREDIT_PARAGRAPH: usize = 120;

/// Words of a class/id or role that name a box shown on demand (a modal, a tooltip).
const ON_DEMAND_WORDS: [&str; 4] = ["modal", "dialog", "popover", "tooltip"];
/// Of those, the boxes that hold a blurb (a tooltip wraps the name it is shown for).
const POPUP_WORDS: [&str; 3] = ["modal", "dialog", "popover"];

/// Whether `n` is a box the page opens on demand: skipped when reading the box's own text.
fn on_demand(dom: &Dom, n: Id) -> bool {
    named(dom, n, &ON_DEMAND_WORDS)
}

/// Whether a class/id/role word of `n` is one of `words` (and it is no control's label).
fn named(dom: &Dom, n: Id, words: &[&str]) -> bool {
    let names = format!(
        "{} {} {}",
        dom.class(n),
        dom.id_attr(n),
        dom.attr(n, "role").unwrap_or("")
    )
    .to_ascii_lowercase();
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| words.contains(&w))
        // A tooltip's label is the name it shows; only its hidden body is skipped.
        && !names.contains("label")
}

/// Whether the box `n` is a credits box: its own text (leaving out the boxes it opens on
/// demand) is under [`MAX_CREDITS_TEXT`], holds no heading or paragraph of prose, and has a
/// piece of text that opens with a credit label ("<span>Edited by </span>"), not prose that
/// uses the words ("the plan was reviewed by the council").
fn is_credits_box(dom: &Dom, n: Id) -> bool {
    let mut len = 0;
    let mut labelled = false;
    let mut nodes = 0;
    let mut cur = dom.first_child(n);
    while let Some(x) = cur {
        // A credits box is small: a bound keeps the walk from every ancestor linear on deep
        // pages.
        nodes += 1;
        if nodes > MAX_CREDITS_NODES {
            return false;
        }
        let mut skip = false;
        if dom.is_element(x) {
            if crate::html::HEADINGS.contains(&dom.tag(x)) {
                return false;
            }
            skip = on_demand(dom, x);
            if !skip && dom.is(x, "p") && dom.text_content(x).trim().len() > MAX_CREDIT_PARAGRAPH {
                return false;
            }
        } else if let Some(t) = dom.text(x) {
            let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
            len += t.trim().len();
            if len > MAX_CREDITS_TEXT {
                return false;
            }
            labelled = labelled || opens_with_credit_label(t);
        }
        cur = dom.next_in(x, n, skip);
    }
    labelled
}

/// Whether `text` opens with an editor's or reviewer's credit ("Edited by").
fn opens_with_credit_label(text: &str) -> bool {
    let l = normalize_ws(text).to_lowercase();
    CREDIT_LABELS.iter().any(|c| l.starts_with(c))
}

/// Drops what each credits box under `root` opens on demand (the standards blurb), before
/// the article is chosen: Readability's merging of single-child wrappers would lose the name
/// that marks the box. The credits stay for the byline to be read from them.
pub fn drop_credit_popups(dom: &mut Dom, root: Id) {
    let mut cur = dom.first_child(root);
    while let Some(n) = cur {
        let hit = dom.is_element(n) && is_credits_box(dom, n);
        let next = dom.next_in(n, root, hit);
        if hit {
            for d in dom.descendant_elements(n) {
                if dom.parent(d).is_some() && dom.is_ancestor(n, d) && named(dom, d, &POPUP_WORDS) {
                    dom.detach(d);
                }
            }
        }
        cur = next;
    }
}

/// Drops each outermost credits box under `root` with what it opens on demand, above the
/// article's first paragraph of prose: the page's credits sit by its headline, while a credit
/// further down is the article's ("Edited by ..." under a book's title in a reading list).
pub fn drop_credit_boxes(dom: &mut Dom, root: Id) {
    let mut cur = dom.first_child(root);
    while let Some(n) = cur {
        if dom.is(n, "p") && dom.text_content(n).trim().len() > MAX_CREDIT_PARAGRAPH {
            return;
        }
        let hit = dom.is_element(n)
            && matches!(
                dom.tag(n),
                "div" | "p" | "span" | "section" | "header" | "aside" | "ul" | "li"
            )
            && is_credits_box(dom, n);
        let next = dom.next_in(n, root, hit);
        if hit {
            dom.detach(n);
        }
        cur = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_labels() {
        assert!(opens_with_credit_label("Edited by "));
        assert!(opens_with_credit_label(
            " Medically reviewed by Dr. Ana Ruiz"
        ));
        assert!(!opens_with_credit_label("By Jane Doe, Updated May 2"));
        assert!(!opens_with_credit_label(
            "The plan was reviewed by the council."
        ));
    }
}
