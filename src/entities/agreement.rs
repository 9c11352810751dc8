//! A "person" that takes a plural verb is a group ("Armand Hammer are equally adept", "Dry
//! Cleaning were a highlight"): bands, teams and, in British usage, companies. A person takes
//! "is" or "was"; the tagger, reading the words alone, cannot tell a band named like a person.

use super::{Label, Mention};

/// Bytes looked at before a mention for a coordination (a bounded window keeps long texts
/// without sentence breaks linear).
const WINDOW: usize = 160;

/// Verbs that agree with a plural subject and never with one person.
const PLURAL_VERBS: &[&str] = &["are", "were", "aren't", "weren't", "aren’t", "weren’t"];

/// Whether the clause before a subject joins it to others or makes it hypothetical ("Smith and
/// Jones are", "Jo Lee, Al Roe were", "if Perot were"): then "are" says nothing of the name. A
/// comma after a lower-case word ends a clause ("... and bloodshed, Armand Hammer are").
fn coordinated_or_hypothetical(before: &str) -> bool {
    let clause = before
        .rsplit(['.', '!', '?', ';', ':', '\n', '(', '“', '"'])
        .next()
        .unwrap_or("");
    let lower = |w: &str| w.to_lowercase();
    if clause
        .split_whitespace()
        .any(|w| matches!(lower(w).as_str(), "if" | "wish" | "though"))
    {
        return true;
    }
    let (head, tail) = clause.rsplit_once(',').unwrap_or(("", clause));
    // A list of names: the comma right before this one follows another name.
    let listed = tail.trim().is_empty()
        && head
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    listed
        || tail.contains('&')
        || tail.split_whitespace().any(|w| {
            matches!(
                lower(w).as_str(),
                "and" | "or" | "nor" | "both" | "with" | "plus"
            )
        })
}

/// Whether the word before a name makes it an object, not a subject ("the charges against Lahd
/// were"), or a modifier ("the Smith family are").
fn object_or_modifier(before: &str) -> bool {
    const WORDS: &[&str] = &[
        "of",
        "to",
        "in",
        "for",
        "with",
        "on",
        "at",
        "by",
        "from",
        "against",
        "about",
        "over",
        "under",
        "between",
        "among",
        "than",
        "like",
        "without",
        "into",
        "onto",
        "behind",
        "beside",
        "near",
        "via",
        "per",
        "towards",
        "toward",
        "through",
        "after",
        "before",
        "including",
        "featuring",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
    ];
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether the name after `end` is the subject of a plural verb: one space, then the verb.
fn takes_plural_verb(text: &str, end: usize) -> bool {
    let rest = super::text_after(text, end, 16);
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let verb = rest.split([' ', ',', '.', '\n']).next().unwrap_or("");
    PLURAL_VERBS.contains(&verb)
}

/// Relabels people that take a plural verb, and the same name elsewhere, as organisations.
pub fn relabel(text: &str, mentions: &mut [Mention]) {
    let mut groups: Vec<String> = Vec::new();
    for m in mentions.iter() {
        // A plural name ("the Kennedys are") is a family: people.
        if m.label != Label::Per || m.text.ends_with('s') || groups.contains(&m.text) {
            continue;
        }
        let before = super::text_before(text, m.start, WINDOW);
        if takes_plural_verb(text, m.end)
            && !coordinated_or_hypothetical(before)
            && !object_or_modifier(before)
        {
            groups.push(m.text.clone());
        }
    }
    for m in mentions.iter_mut() {
        if m.label == Label::Per && groups.contains(&m.text) {
            m.label = Label::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::mentions_in_order;

    fn labels(text: &str, names: &[(&str, Label)]) -> Vec<Label> {
        let mut ms = mentions_in_order(text, names);
        relabel(text, &mut ms);
        ms.iter().map(|m| m.label).collect()
    }

    #[test]
    fn a_person_with_a_plural_verb_is_a_group() {
        let text = "Armand Hammer are adept at this. Later Armand Hammer played Leeds. \
                    Dry Cleaning weren’t there. For all the bloodshed, Earth Ball are gentle.";
        let got = labels(
            text,
            &[
                ("Armand Hammer", Label::Per),
                ("Armand Hammer", Label::Per),
                ("Dry Cleaning", Label::Per),
                ("Earth Ball", Label::Per),
            ],
        );
        assert_eq!(got, [Label::Org, Label::Org, Label::Org, Label::Org]);
    }

    #[test]
    fn people_joined_or_supposed_stay_people() {
        let text = "Tim Cook and Jony Ive are friends. If Ross Perot were elected, \
                    the Kennedys are pleased. Jo Lee, Al Roe were there. Ann Poe is here. \
                    Ann Poe, who are they? The charges against Ed Lahd were dropped.";
        let got = labels(
            text,
            &[
                ("Jony Ive", Label::Per),
                ("Ross Perot", Label::Per),
                ("Kennedys", Label::Per),
                ("Al Roe", Label::Per),
                ("Ann Poe", Label::Per),
                ("Ann Poe", Label::Per),
                ("Ed Lahd", Label::Per),
            ],
        );
        assert!(got.iter().all(|&l| l == Label::Per), "{got:?}");
    }
}
