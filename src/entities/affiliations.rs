//! A name that owns a person named in full is where that person works: "theCUBE’s Paul
//! Nashawaty", "Anthropic's Jared Kaplan". The tagger leaves names of unusual shape out ("tQ",
//! "theCUBE"); the possessive before a person says they are an organisation, there and wherever
//! else the text writes them.

use super::gazetteer::{whole_match, Gazetteer};
use super::tokenize::Token;
use super::words::is_closed;
use super::{Label, Mention};

/// Whether `w` may name an organisation the tagger left out: capitals in it, not only a
/// capital first letter of a frequent word, and no name of the lists (a place there, "Vermont's
/// Bongard", is the place).
fn may_be_employer(w: &str) -> bool {
    w.chars().any(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '&'))
        && !is_closed(&w.to_lowercase())
        && !super::words::is_common(&w.to_lowercase())
        && whole_match(&Gazetteer::get().matches(&[w])).is_none()
}

/// People a body has ("tQ’s staffers", "the lab’s researchers"): the owner is the body.
const STAFF: &[&str] = &[
    "staff",
    "staffers",
    "editors",
    "engineers",
    "researchers",
    "employees",
    "ceo",
    "cto",
    "founder",
    "co-founder",
    "spokesperson",
    "spokesman",
    "spokeswoman",
];

/// Adds an ORG mention for each untagged word before "’s" and a person named in full (or its
/// staff), and for the same word elsewhere in the text where no mention covers it. Mentions
/// stay in text order.
pub fn add(text: &str, toks: &[Token], mentions: &mut Vec<Mention>) {
    let covered = |t: &Token, ms: &[Mention]| {
        let k = ms.partition_point(|m| m.end <= t.start);
        ms.get(k).is_some_and(|m| m.start < t.end)
    };
    // The untagged word that owns the token at `k` ("theCUBE" + "’s" before it).
    let owner_of = |k: usize| {
        let owner = toks.get(k.checked_sub(2)?)?;
        let s = toks.get(k - 1)?;
        let w = owner.text(text);
        (matches!(s.text(text), "'s" | "’s")
            && owner.end == s.start
            && !covered(owner, mentions)
            && may_be_employer(w))
        .then_some(w)
    };
    let staff = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| STAFF.contains(&t.text(text).to_lowercase().as_str()))
        .map(|(k, _)| k);
    let people = mentions
        .iter()
        .filter(|m| m.label == Label::Per && m.text.contains(' '))
        .map(|m| toks.partition_point(|t| t.start < m.start));
    let mut employers: Vec<&str> = Vec::new();
    for w in staff.chain(people).filter_map(owner_of) {
        if !employers.contains(&w) {
            employers.push(w);
        }
    }
    if employers.is_empty() {
        return;
    }
    let added: Vec<Mention> = toks
        .iter()
        .filter(|t| employers.contains(&t.text(text)) && !covered(t, mentions))
        .map(|t| Mention::new(text, t.start, t.end, Label::Org))
        .collect();
    super::add_mentions(mentions, added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{mentions_in_order, tokenize};

    #[test]
    fn a_name_that_owns_a_person_is_an_organisation() {
        let text = "Research from theCUBE’s Paul Nashawaty agrees. Vermont's Josh Bongard \
                    disagrees, and Today's Ann Lee too. Sponsors of theCUBE paid. As tQ’s \
                    staffers say, tQ readers know.";
        let toks = tokenize::tokenize(text);
        let mut ms = mentions_in_order(
            text,
            &[
                ("Paul Nashawaty", Label::Per),
                ("Josh Bongard", Label::Per),
                ("Ann Lee", Label::Per),
            ],
        );
        add(text, &toks, &mut ms);
        let got: Vec<(&str, Label)> = ms.iter().map(|m| (m.text.as_str(), m.label)).collect();
        assert_eq!(
            got,
            [
                ("theCUBE", Label::Org),
                ("Paul Nashawaty", Label::Per),
                ("Josh Bongard", Label::Per),
                ("Ann Lee", Label::Per),
                ("theCUBE", Label::Org),
                ("tQ", Label::Org),
                ("tQ", Label::Org),
            ]
        );
    }
}
