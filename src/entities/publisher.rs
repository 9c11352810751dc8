//! The publisher named in its own text: a company's blog says "Clay" or "Riverside" dozens of
//! times, and the tagger, seeing a word it knows as a surname or a town, marks every one a person
//! or a place. The page names its site (`og:site_name`, the publisher in JSON-LD); a mention
//! that is exactly that name is the organisation.

use super::gazetteer::{whole_match, zipf_bucket, Gazetteer, COMPANY, FIRST_NAME, PRODUCT};
use super::words::is_common;
use super::{Label, Mention};

/// Separators between a page's title and its site in a name that holds both ("How to Design a
/// Website | Clay").
const SEPARATORS: [&str; 5] = [" | ", " – ", " — ", " - ", " · "];

/// The names the site goes by: the whole site name and, when it holds a title, its last part.
fn names(site: &str) -> [&str; 2] {
    let site = site.trim();
    let last = SEPARATORS
        .iter()
        .filter_map(|sep| site.rsplit_once(sep).map(|(_, tail)| tail.trim()))
        .min_by_key(|tail| tail.len())
        .unwrap_or(site);
    [site, last]
}

/// A site named after a person ("Kristian Larsen", "Rick Steves"): a listed given name, then
/// one or two capitalised words that are no common English word ("Sofia Health" is a business).
/// There the name in the text is the person.
fn is_personal(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (1..=2).contains(&rest.len())
        && whole_match(&Gazetteer::get().matches(&[first])).is_some_and(|b| b & FIRST_NAME != 0)
        && rest
            .iter()
            .all(|w| capitalised(w) && !is_common(&w.to_lowercase()))
}

/// People and places named exactly as the site is are the site's organisation, unless the site
/// is named after a person.
pub fn relabel(mentions: &mut [Mention], site: Option<&str>) {
    let Some(site) = site else { return };
    let names = names(site);
    if names.iter().all(|n| n.is_empty() || is_personal(n)) {
        return;
    }
    for m in mentions.iter_mut() {
        let named = names.iter().any(|n| *n == m.text && !is_personal(n));
        if matches!(m.label, Label::Per | Label::Loc) && named {
            m.label = Label::Org;
        }
    }
}

/// The site's name where the tagger marked nothing ("HireAHelper", "101 Blockchains",
/// "dbSeer": names it has never seen) is the organisation, or the product where the lists
/// know it as one ("React", "Kubernetes" on their own documentation). Not a name made of
/// English words ("Prevention", "Reviewed", "Blog"), nor one written in lower case.
pub fn add_untagged(text: &str, mentions: &mut Vec<Mention>, site: Option<&str>) {
    let Some(site) = site else { return };
    let mut added = false;
    let word_char = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    for name in names(site) {
        let words: Vec<&str> = name.split(' ').collect();
        let plain = |w: &&str| {
            let lower = w.to_lowercase();
            w.chars().skip(1).all(|c| !c.is_uppercase())
                && (is_common(&lower) || zipf_bucket(&lower) > 0)
        };
        let capitalised = name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || name.chars().skip(1).any(char::is_uppercase);
        if name.is_empty() || !capitalised || is_personal(name) || words.iter().all(plain) {
            continue;
        }
        let label = match whole_match(&Gazetteer::get().company_matches(&words)) {
            Some(bits) if bits & COMPANY == 0 && bits & PRODUCT != 0 => Label::Misc,
            _ => Label::Org,
        };
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let bounded = !text.get(..start).unwrap_or("").ends_with(word_char)
                && !text.get(end..).unwrap_or("").starts_with(word_char);
            let free = mentions.iter().all(|m| m.end <= start || m.start >= end);
            if bounded && free {
                mentions.push(Mention::new(text, start, end, label));
                added = true;
            }
        }
    }
    if added {
        mentions.sort_by_key(|m| m.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names() {
        assert_eq!(names("Riverside"), ["Riverside", "Riverside"]);
        assert_eq!(
            names("How to Design a Website | Clay"),
            ["How to Design a Website | Clay", "Clay"]
        );
        assert_eq!(
            names("Guides - Tips | Acme"),
            ["Guides - Tips | Acme", "Acme"]
        );
    }

    #[test]
    fn the_publisher_is_an_organisation() {
        let text = "Clay designs sites. Ask Clay Jensen in Clay County or in Riverside.";
        let mut ms = vec![
            Mention::new(text, 0, 4, Label::Per),
            Mention::new(text, 24, 35, Label::Per),
            Mention::new(text, 39, 50, Label::Loc),
            Mention::new(text, 57, 66, Label::Loc),
        ];
        relabel(&mut ms, Some("Design Guide | Clay"));
        let labels: Vec<Label> = ms.iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::Org, Label::Per, Label::Loc, Label::Loc]);
        // No site named: nothing changes.
        relabel(&mut ms, None);
        assert_eq!(ms.first().map(|m| m.label), Some(Label::Org));
        // A site named after a person: the person.
        let text = "Kristian Larsen writes here.";
        let mut ms = vec![Mention::new(text, 0, 15, Label::Per)];
        relabel(&mut ms, Some("Kristian Larsen"));
        assert_eq!(ms.first().map(|m| m.label), Some(Label::Per));
        assert!(!is_personal("Sofia Health") && !is_personal("Clay"));
    }

    #[test]
    fn the_publisher_untagged_is_marked() {
        let text = "With HireAHelper you compare movers. 900 HireAHelper-moves. Ask Prevention.";
        let mut ms = Vec::new();
        add_untagged(text, &mut ms, Some("Moving Help | HireAHelper"));
        let found: Vec<(&str, Label)> = ms.iter().map(|m| (m.text.as_str(), m.label)).collect();
        assert_eq!(found, [("HireAHelper", Label::Org)]);
        // A common word, or a person's site, adds nothing.
        add_untagged(text, &mut ms, Some("Prevention"));
        let text2 = "Kristian Larsen writes.";
        let mut ms2 = Vec::new();
        add_untagged(text2, &mut ms2, Some("Kristian Larsen"));
        assert_eq!((ms.len(), ms2.len()), (1, 0));
    }
}
