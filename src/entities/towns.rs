//! Towns named with their state: "Jackson, NJ", "Gilbert, AZ", "Springfield, Illinois". Many US
//! towns carry a surname or a given name, and the tagger, seeing "Jackson" or "Gilbert" alone,
//! marks a person; the state after the comma says it is a place, there and wherever the text
//! names the town again.

use super::features::FastSet;
use super::{Label, Mention};

/// The US states, the District of Columbia and the territories, by their postal codes.
const CODES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
];

const NAMES: [&str; 50] = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Relabels people and organisations named just before ", STATE" as places, with their other
/// mentions, unless the text names a person in full with that name ("Andrew Jackson").
pub fn relabel(text: &str, mentions: &mut [Mention]) {
    let towns: FastSet<String> = mentions
        .iter()
        // One-word organisations only: "the Museum of Modern Art, New York" is an institution
        // in its city.
        .filter(|m| m.label == Label::Per || (m.label == Label::Org && !m.text.contains(' ')))
        .filter(|m| state_follows(text.get(m.end..).unwrap_or(""), !m.text.contains(' ')))
        .map(|m| m.text.clone())
        .collect();
    if towns.is_empty() {
        return;
    }
    let people_words: FastSet<&str> = mentions
        .iter()
        .filter(|m| m.label == Label::Per && m.text.contains(' ') && !towns.contains(&m.text))
        .flat_map(|m| m.text.split(' '))
        .collect();
    let towns: FastSet<String> = towns
        .into_iter()
        .filter(|t| !t.split(' ').any(|w| people_words.contains(w)))
        .collect();
    for m in mentions.iter_mut() {
        if matches!(m.label, Label::Per | Label::Org) && towns.contains(&m.text) {
            m.label = Label::Loc;
        }
    }
}

/// Marks the postal code after a place as a place too ("Broken Arrow, OK", "Jackson, NJ."):
/// the tagger seldom marks two capitals alone. Mentions stay in text order.
pub fn mark_codes(text: &str, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.label != Label::Loc {
            continue;
        }
        let after = text.get(m.end..).unwrap_or("");
        let Some(code) = after
            .strip_prefix(", ")
            .and_then(|rest| rest.get(..2))
            .filter(|code| CODES.contains(code))
        else {
            continue;
        };
        let start = m.end + 2;
        let end = start + code.len();
        let tail = text.get(end..).unwrap_or("");
        let ends_word = !tail.starts_with(|c: char| c.is_alphanumeric() || c == '-');
        let free = mentions.get(i + 1).is_none_or(|n| n.start >= end);
        if ends_word && free {
            added.push(Mention::new(text, start, end, Label::Loc));
        }
    }
    super::add_mentions(mentions, added);
}

/// ", NJ" or ", New Jersey", then no more of a word ("NJ's" and "NJ." count; "NJT" does not).
/// After a name in full, the codes that are also degrees ("Jane Roe, MD", "John Doe, MS") do
/// not count.
fn state_follows(after: &str, one_word: bool) -> bool {
    const DEGREES: [&str; 5] = ["MA", "MD", "MS", "DC", "PA"];
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let ends_word = |tail: &str| !tail.starts_with(|c: char| c.is_alphanumeric());
    CODES
        .iter()
        .filter(|c| one_word || !DEGREES.contains(c))
        .chain(NAMES.iter())
        .any(|s| rest.strip_prefix(s).is_some_and(ends_word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str, names: &[(&str, Label)]) -> Vec<Label> {
        let mut ms: Vec<Mention> = Vec::new();
        for (name, label) in names {
            let mut from = 0;
            while let Some(at) = text.get(from..).and_then(|t| t.find(name)) {
                let start = from + at;
                ms.push(Mention {
                    start,
                    end: start + name.len(),
                    text: name.to_string(),
                    label: *label,
                    entity: 0,
                });
                from = start + name.len();
            }
        }
        ms.sort_by_key(|m| m.start);
        relabel(text, &mut ms);
        ms.into_iter().map(|m| m.label).collect()
    }

    #[test]
    fn a_town_before_its_state_is_a_place() {
        let text = "IBM Corp, Armonk, NY; the Museum of Modern Art, New York.";
        assert_eq!(
            labels(
                text,
                &[("Armonk", Label::Org), ("Museum of Modern Art", Label::Org)]
            ),
            [Label::Loc, Label::Org]
        );
        let text = "Movers in Jackson, NJ charge less. Most people in Jackson need three.";
        assert_eq!(
            labels(text, &[("Jackson", Label::Per)]),
            [Label::Loc, Label::Loc]
        );
        let text = "Offices in Gilbert, Arizona and Gilbert's schools.";
        assert_eq!(
            labels(text, &[("Gilbert", Label::Per)]),
            [Label::Loc, Label::Loc]
        );
    }

    #[test]
    fn a_state_code_after_a_place_is_a_place() {
        let text = "in Broken Arrow, OK. Call Tulsa, OKC or Ann Lee, MD.";
        let mut ms = vec![
            Mention::new(text, 3, 15, Label::Loc),
            Mention::new(text, 26, 31, Label::Loc),
            Mention::new(text, 40, 47, Label::Per),
        ];
        mark_codes(text, &mut ms);
        let names: Vec<(&str, Label)> = ms.iter().map(|m| (m.text.as_str(), m.label)).collect();
        assert_eq!(
            names,
            [
                ("Broken Arrow", Label::Loc),
                ("OK", Label::Loc),
                ("Tulsa", Label::Loc),
                ("Ann Lee", Label::Per)
            ]
        );
    }

    #[test]
    fn people_stay_people() {
        // No state after the comma, or a person named in full.
        let text = "Jackson, the coach, said so.";
        assert_eq!(labels(text, &[("Jackson", Label::Per)]), [Label::Per]);
        let text = "Andrew Jackson visited Jackson, MS. Jackson spoke.";
        assert_eq!(
            labels(
                text,
                &[("Andrew Jackson", Label::Per), ("Jackson", Label::Per)]
            ),
            [Label::Per, Label::Per, Label::Per, Label::Per]
        );
        let text = "Dr. Jane Roe, MD and John Doe, MS wrote it.";
        assert_eq!(
            labels(text, &[("Jane Roe", Label::Per), ("John Doe", Label::Per)]),
            [Label::Per, Label::Per]
        );
        let text = "Jackson, NJT bus lines.";
        assert_eq!(labels(text, &[("Jackson", Label::Per)]), [Label::Per]);
    }
}
