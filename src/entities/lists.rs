//! Names listed together are of one kind: "platforms such as Viator, GetYourGuide and Tiqets",
//! "Slack, Notion, Clutch or Asana". Where all the names of a list but one are products or
//! organisations, the odd one the tagger took for a person or a place (a brand it read as a
//! surname or a town) is of their kind; and a name the tagger left out of a list of products
//! is a product.

use super::words::is_closed;
use super::{Label, Mention};

/// What may stand between two names of one list.
const JOINS: [&str; 6] = [", ", " and ", ", and ", " or ", ", or ", " & "];

/// Names in a list before it is taken as one (two are as often "X and Y" of two kinds).
const MIN_LIST: usize = 3;

/// A capitalised name of up to three words, none a closed-class or page-furniture word
/// ("More", "Others"): a list's member the tagger left out ("Outlook", "Google Docs").
fn is_bare_name(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '+' | '#'))
                && !is_closed(&w.to_lowercase())
        })
}

/// Where `between` (the text between two names of a list) holds one more name, joined both
/// sides: its offsets within `between`.
fn member_between(between: &str) -> Option<(usize, usize)> {
    JOINS.iter().find_map(|open| {
        let rest = between.strip_prefix(open)?;
        JOINS.iter().find_map(|close| {
            let name = rest.strip_suffix(close)?;
            is_bare_name(name).then(|| (open.len(), open.len() + name.len()))
        })
    })
}

/// The last name of a list after its last mention ("Gmail, Google Docs, and Chrome,"): its
/// offsets in `after`, when a join opens it and a punctuation mark or the line's end closes it.
fn member_after(after: &str) -> Option<(usize, usize)> {
    [", and ", " and ", ", or ", " or "]
        .iter()
        .find_map(|open| {
            let rest = after.strip_prefix(open)?;
            let end = rest
                .find(['.', ',', ';', ':', ')', '\n'])
                .unwrap_or(rest.len());
            let name = rest.get(..end)?;
            is_bare_name(name).then(|| (open.len(), open.len() + name.len()))
        })
}

/// Adds the names the tagger left out of a list whose other names (two or more, in a list of
/// three or more) are all products: "Gmail, Google Docs, and Chrome", "Slack, Teams and Zoom".
/// Mentions stay in text order.
pub fn complete(text: &str, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut j = i + 1;
        while let (Some(a), Some(b)) = (mentions.get(j - 1), mentions.get(j)) {
            let between = text.get(a.end..b.start).unwrap_or("");
            if !JOINS.contains(&between) {
                let Some((s, e)) = member_between(between) else {
                    break;
                };
                found.push((a.end + s, a.end + e));
            }
            j += 1;
        }
        if let Some(last) = mentions.get(j - 1) {
            let after = super::text_after(text, last.end, 80);
            if let Some((s, e)) = member_after(after) {
                found.push((last.end + s, last.end + e));
            }
        }
        let run = mentions.get(i..j).unwrap_or(&[]);
        // Products only: a list of organisations holds their parts and their products too
        // ("Google, Outlook, and Apple calendars"; "Morphology, Evolution, and Cognition
        // Laboratory" cut in three).
        let products = run.len() >= 2 && run.iter().all(|m| m.label == Label::Misc);
        if products && !found.is_empty() && run.len() + found.len() >= MIN_LIST {
            added.extend(
                found
                    .iter()
                    .map(|&(s, e)| Mention::new(text, s, e, Label::Misc)),
            );
        }
        i = j;
    }
    super::add_mentions(mentions, added);
}

/// Relabels the odd person or place of a list of products or organisations (mentions in text
/// order).
pub fn relabel(text: &str, mentions: &mut [Mention]) {
    let mut i = 0;
    while i < mentions.len() {
        // The run of mentions joined as a list from `i`.
        let mut j = i + 1;
        while let (Some(a), Some(b)) = (mentions.get(j - 1), mentions.get(j)) {
            let between = text.get(a.end..b.start).unwrap_or("");
            if !JOINS.contains(&between) {
                break;
            }
            j += 1;
        }
        if let Some(run) = mentions.get_mut(i..j) {
            unify(run);
        }
        i = j;
    }
}

/// One list: all names but one of a kind (organisations or products), the one a person or a
/// place.
fn unify(run: &mut [Mention]) {
    if run.len() < MIN_LIST {
        return;
    }
    for kind in [Label::Org, Label::Misc] {
        let same = run.iter().filter(|m| m.label == kind).count();
        let odd = |m: &Mention| matches!(m.label, Label::Per | Label::Loc);
        if same + 1 == run.len() && run.iter().filter(|m| odd(m)).count() == 1 {
            for m in run.iter_mut().filter(|m| odd(m)) {
                m.label = kind;
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, names: &[(&str, Label)]) -> Vec<Label> {
        let mut ms = super::super::mentions_in_order(text, names);
        relabel(text, &mut ms);
        ms.iter().map(|m| m.label).collect()
    }

    #[test]
    fn names_left_out_of_a_list() {
        use Label::*;
        let t = "nodes like Gmail, Google Docs, and Chrome, or Python. Use Slack, Teams and \
                 Zoom. See Apple, Google and Intel. Ask Ann Lee, Bob Roe and Carl. Try Slack, \
                 Zoom and More.";
        let mut ms = super::super::mentions_in_order(
            t,
            &[
                ("Gmail", Misc),
                ("Google Docs", Misc),
                ("Python", Misc),
                ("Slack", Misc),
                ("Zoom", Misc),
                ("Apple", Org),
                ("Google", Org),
                ("Ann Lee", Per),
                ("Bob Roe", Per),
                ("Slack", Misc),
                ("Zoom", Misc),
            ],
        );
        // "More" is no name, and lists of organisations or people are left.
        complete(t, &mut ms);
        let got: Vec<(&str, Label)> = ms.iter().map(|m| (m.text.as_str(), m.label)).collect();
        assert_eq!(
            got,
            [
                ("Gmail", Misc),
                ("Google Docs", Misc),
                ("Chrome", Misc),
                ("Python", Misc),
                ("Slack", Misc),
                ("Teams", Misc),
                ("Zoom", Misc),
                ("Apple", Org),
                ("Google", Org),
                ("Ann Lee", Per),
                ("Bob Roe", Per),
                ("Slack", Misc),
                ("Zoom", Misc),
            ]
        );
    }

    #[test]
    fn the_odd_one_of_a_list() {
        use Label::*;
        let t = "sites such as Viator, GetYourGuide, Tiqets and Klook";
        let got = run(
            t,
            &[
                ("Viator", Per),
                ("GetYourGuide", Misc),
                ("Tiqets", Misc),
                ("Klook", Misc),
            ],
        );
        assert_eq!(got, [Misc, Misc, Misc, Misc]);
        let t = "Apple, Google and Clutch";
        assert_eq!(
            run(t, &[("Apple", Org), ("Google", Org), ("Clutch", Per)]),
            [Org, Org, Org]
        );
        // Too short a list, two odd ones, or a list of people: left.
        let t = "Google and Clutch";
        assert_eq!(run(t, &[("Google", Org), ("Clutch", Per)]), [Org, Per]);
        let t = "Apple, Paris, Google and Clutch";
        let got = run(
            t,
            &[
                ("Apple", Org),
                ("Paris", Loc),
                ("Google", Org),
                ("Clutch", Per),
            ],
        );
        assert_eq!(got, [Org, Loc, Org, Per]);
        let t = "Biden, Putin, Xi and China";
        let got = run(
            t,
            &[("Biden", Per), ("Putin", Per), ("Xi", Per), ("China", Loc)],
        );
        assert_eq!(got, [Per, Per, Per, Loc]);
    }
}
