//! Bylines as names: the labels, dates and widgets that pages print around the author's name
//! ("Written By … Aug 15", "By X - Mar 27, 2024", "Posted by:X", "Full Bio") are not the byline.

const LABELS: [&str; 6] = [
    "written by",
    "posted by",
    "reviewed by",
    "authored by",
    "words by",
    "by",
];

const _: () = {
    // `from_printed_line` looks for "by" before the labels.
    let mut i = 0;
    while i < LABELS.len() {
        let l = LABELS[i].as_bytes();
        assert!(l.len() >= 2 && l[l.len() - 2] == b'b' && l[l.len() - 1] == b'y');
        i += 1;
    }
};

/// Where the name ends: the first of these (matched case-insensitively) after it starts.
const STOPS: [&str; 14] = [
    "published",
    "last updated",
    "updated",
    "fact checked",
    "posted on",
    " on ",
    " - ",
    " – ",
    " — ",
    " · ",
    " | ",
    "\n",
    " min read",
    "cite this",
];

/// Words that are widget text, never a name.
const NOT_NAMES: [&str; 6] = [
    "full bio",
    "undefined",
    "null",
    "follow author",
    "by",
    "author",
];

/// Words of roles, employers and teams, not of names.
const NOT_IN_NAMES: [&str; 24] = [
    "senior",
    "analyst",
    "founder",
    "co",
    "ceo",
    "coo",
    "cto",
    "chief",
    "journalist",
    "editor",
    "writer",
    "reporter",
    "staff",
    "director",
    "manager",
    "expert",
    "attorney",
    "contributor",
    "at",
    "of",
    "the",
    "for",
    "team",
    "officer",
];

/// Whether a part of a byline reads as a person's name: a few capitalised words (short
/// particles such as "van" may be lower case), none of them a role's ("Senior Analyst",
/// "The Daily Post", "Attorney at Law" are not names).
pub fn name_like(part: &str) -> bool {
    let words: Vec<String> = part
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| !NOT_IN_NAMES.contains(&w.as_str()))
        && part
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| !c.is_lowercase()) || w.len() <= 3)
}

/// The byline without the role or employer that follows the name(s) after a comma ("Jane
/// Roe, Trial Attorney at Smith & Co" is Jane Roe); the names of a list stay.
fn without_affiliation(name: &str) -> &str {
    let mut end = name.len();
    let mut from = 0;
    while let Some(i) = name[from..].find(',').map(|i| i + from) {
        let next = name[i + 1..].find(',').map_or(name.len(), |j| i + 1 + j);
        let part = &name[i + 1..next];
        // "A and B" in a list part: each must be a name.
        let names = part.split(" and ").map(str::trim).filter(|p| !p.is_empty());
        if !names.clone().all(name_like) || names.count() == 0 {
            end = i;
            break;
        }
        from = next;
        if next == name.len() {
            break;
        }
    }
    name[..end].trim()
}

fn is_month_start(s: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    // "May" alone is also a name: only a month when a day number follows.
    let rest = s[w.len()..].trim_start_matches(['.', ' ']);
    w.len() >= 3
        && MONTHS.iter().any(|m| w.starts_with(m))
        && (w.len() == 3
            || "january february march april june july august september october november december"
                .split(' ')
                .any(|f| f == w))
        && rest.starts_with(|c: char| c.is_ascii_digit())
}

/// A line the page prints as a byline ("By Jane Roe – Updated May 2", "May 2, 2025 · By Jane
/// Roe"): the name, when a "By"-style label opens the line or follows a separator and a
/// capitalised name comes after it. "Photo by …" and "… written by hand" are not bylines.
pub fn from_printed_line(line: &str) -> Option<String> {
    // Every label holds "by": most lines (this reads many near the headline) stop here, before
    // any copy is made.
    let has_by = line
        .as_bytes()
        .windows(2)
        .any(|w| w.eq_ignore_ascii_case(b"by"));
    if !has_by {
        return None;
    }
    let text = lines_collapsed(line);
    // ASCII lower case keeps byte offsets, so indices found in it slice `text` (full lower
    // casing changes lengths: "İ" becomes three bytes).
    let lower = text.to_ascii_lowercase();
    let labelled = LABELS.iter().any(|label| {
        lower.match_indices(label).any(|(i, _)| {
            let before = text[..i].trim_end_matches(' ');
            let opens = before.is_empty()
                || before.ends_with('\n')
                || before.ends_with(['·', '|', '•', '–', '—', '-', '/', ','])
                || before.ends_with(|c: char| c.is_ascii_digit());
            let after = text[i + label.len()..].trim_start_matches([':', ' ', '\n']);
            opens && after.starts_with(|c: char| c.is_uppercase())
        })
    });
    if !labelled {
        return None;
    }
    let name = clean(&text)?;
    // Names are capitalised words; short particles ("van", "de", "and") may be lower case.
    // "By Monday, the council…" is a sentence.
    let sentence = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .any(|w| w.chars().count() > 3 && w.starts_with(|c: char| c.is_lowercase()));
    (!sentence).then_some(name)
}

/// The byline cleaned to the name(s) it holds, or `None` when nothing name-like is left.
/// Spaces collapsed within lines, empty lines dropped; line breaks kept, as a name ends at one
/// ("Jane Roe\nChief Architect").
fn lines_collapsed(raw: &str) -> String {
    raw.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn clean(raw: &str) -> Option<String> {
    let text = lines_collapsed(raw);
    let lower = text.to_ascii_lowercase(); // same offsets as `text` (see `from_printed_line`)
    let mut start = 0;
    // The name follows the last label ("Last Updated: … By Name"); "By" glued to a capital
    // ("BySummer") counts too.
    for label in LABELS {
        let mut from = 0;
        while let Some(i) = lower[from..].find(label).map(|i| i + from) {
            let end = i + label.len();
            let word_start = i == 0 || !lower[..i].ends_with(|c: char| c.is_alphanumeric());
            let next = text[end..].chars().next();
            let glued_capital = next.is_some_and(|c| c.is_uppercase()) && &text[i..i + 1] == "B";
            let word_end = next.is_none_or(|c| !c.is_alphanumeric()) || glued_capital;
            if word_start && word_end && end > start {
                start = end;
            }
            from = end;
        }
        if start > 0 {
            break;
        }
    }
    let rest = text[start..].trim_start_matches([':', ' ', ',', '\n']);
    let rest_lower = rest.to_ascii_lowercase();
    let mut end = rest.len();
    for stop in STOPS {
        if let Some(i) = rest_lower.find(stop) {
            if i > 0 {
                end = end.min(i);
            }
        }
    }
    // An e-mail address or handle after the name: cut before its word.
    if let Some(at) = rest[..end].find('@') {
        end = rest[..at].rfind(' ').unwrap_or(0);
    }
    // A date glued to or following the name.
    for (i, _) in rest.char_indices().skip(1) {
        if i < end && is_month_start(&rest[i..]) {
            let before = rest[..i].chars().last();
            if before.is_some_and(|c| !c.is_uppercase()) {
                end = i;
                break;
            }
        }
    }
    let name = rest[..end].trim().replace('\n', " ");
    let name = name
        .trim()
        .trim_end_matches([',', '-', ':', '·', '|'])
        .trim();
    let name = without_affiliation(name);
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || NOT_NAMES.contains(&name.to_lowercase().as_str())
        || is_month_start(name)
        || name
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_ascii_digit())
    {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::{clean, from_printed_line};

    #[test]
    fn printed_bylines_need_their_label() {
        let f = |s: &str| from_printed_line(s);
        assert_eq!(
            f("By Jane Roe – Updated Sep 9, 2025 at 1:00 PM").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            f("March 15, 2022 · 3 min read · By Island Online").as_deref(),
            Some("Island Online")
        );
        assert_eq!(f("Written by: Jane Roe").as_deref(), Some("Jane Roe"));
        assert_eq!(f("Photo by Jane Roe"), None);
        assert_eq!(f("Jane Roe"), None);
        assert_eq!(f("by the harbour"), None);
        assert_eq!(f("By Monday the council had voted"), None);
        assert_eq!(
            f("By Anna van der Berg").as_deref(),
            Some("Anna van der Berg")
        );
    }

    #[test]
    fn bylines_become_names() {
        let c = |s: &str| clean(s);
        assert_eq!(c("By Jane Roe").as_deref(), Some("Jane Roe"));
        assert_eq!(c("Jane Roe").as_deref(), Some("Jane Roe"));
        assert_eq!(c("ByJane Roe-June 12, 2025").as_deref(), Some("Jane Roe"));
        assert_eq!(
            c("By Jane RoePublished on July 18, 2025").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            c("Aug 15\n   Written By Jane Roe").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(c("Posted by:Jane Roe").as_deref(), Some("Jane Roe"));
        assert_eq!(
            c("Written By:Jane RoeLast Updated:August 1, 2025").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(c("By Jane Roe - Mar 27, 2024").as_deref(), Some("Jane Roe"));
        assert_eq!(
            c("Last Updated: 2025-02-22 Cite this By Jane Roe Fact Checked").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            c("Jane Roe and John Doe").as_deref(),
            Some("Jane Roe and John Doe")
        );
        assert_eq!(c("Abby Byrne").as_deref(), Some("Abby Byrne"));
        assert_eq!(
            c("Jane Roe, Trial Attorney at Smith & Co").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            c("Jane Roe and John Doe, The Daily Post").as_deref(),
            Some("Jane Roe and John Doe")
        );
        assert_eq!(
            c("Jane Roe, John Doe, Ann van Poe").as_deref(),
            Some("Jane Roe, John Doe, Ann van Poe")
        );
        assert_eq!(c("Full Bio"), None);
        assert_eq!(c("By"), None);
        assert_eq!(c("DECEMBER 27, 2024"), None);
        assert_eq!(c("Written By Feb 11, 2019 · 3 min read"), None);
        assert_eq!(
            c("Jane Roe news@paper.example"),
            Some("Jane Roe".to_string())
        );
    }
}

#[cfg(test)]
mod case_tests {
    /// Letters whose lower case is longer ("İ") once shifted label offsets into a character.
    #[test]
    fn lower_casing_that_changes_lengths_never_panics() {
        for s in ["İİİby€€ Jane", "İİİ By €Jane Roe", "İstanbul · by Jane Roe"] {
            let _ = super::from_printed_line(s);
            let _ = super::clean(s);
        }
    }
}
