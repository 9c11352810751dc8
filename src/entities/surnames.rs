//! A surname alone that the tagger left out although the text names the person in full:
//! "Billie Jean King ... King is counting on ..." (the tagger reads a lone "King" as the title),
//! "Hannah Cairo ... Cairo grew up ...". And a given name that shares the surname after it:
//! "Charles and Ray Eames".

use std::collections::HashSet;
use std::ops::Range;

use super::gazetteer::{whole_match, zipf_bucket, Gazetteer, CITY, COUNTRY, FIRST_NAME, REGION};
use super::tokenize::Token;
use super::words::is_closed;
use super::{Label, Mention};

/// A surname this frequent in English (bucket 10, Zipf 5: "Young", "Long", "Will") is taken
/// only inside a sentence, never as its capitalised first word.
const FREQUENT: u8 = 10;

/// Adds a PER mention for each capitalised token equal to the last word of a person named in
/// full (two words or more) that no mention covers. Mentions stay in text order.
pub fn add_uses(text: &str, toks: &[Token], sents: &[Range<usize>], mentions: &mut Vec<Mention>) {
    let surnames: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.label == Label::Per)
        .filter_map(|m| {
            let mut words = m.text.split(' ');
            let last = words.next_back()?;
            words.next()?;
            let fits = last.chars().count() >= 2
                && last.chars().next().is_some_and(char::is_uppercase)
                && last.chars().skip(1).any(char::is_lowercase)
                && !is_closed(&last.to_lowercase());
            fits.then_some(last)
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    let mut added = Vec::new();
    for sent in sents {
        for ti in sent.clone() {
            let Some(t) = toks.get(ti) else { continue };
            let w = t.text(text);
            if !surnames.contains(w) {
                continue;
            }
            let k = spans.partition_point(|s| s.1 <= t.start);
            if spans.get(k).is_some_and(|s| s.0 < t.end) {
                continue;
            }
            // A capitalised word beside it: part of another name ("King Hussein", "Cairo
            // Airport", "Don King" where the tagger missed "Don").
            let capital = |i: usize| {
                toks.get(i)
                    .is_some_and(|n| n.text(text).chars().next().is_some_and(char::is_uppercase))
            };
            let next_capital = ti + 1 < sent.end && capital(ti + 1);
            let prev_capital = ti > sent.start && capital(ti - 1);
            let opener = ti == sent.start && zipf_bucket(&w.to_lowercase()) >= FREQUENT;
            if next_capital || prev_capital || opener {
                continue;
            }
            added.push(Mention::new(text, t.start, t.end, Label::Per));
        }
    }
    super::add_mentions(mentions, added);
}

/// "Charles and Ray Eames": a listed given name alone, then "and", then a person named in
/// full, is a person too (the tagger reads the lone given name from the word: a place, a
/// company). Not when the word is a listed place too ("Georgia", "Paris").
pub fn couples(text: &str, mentions: &mut [Mention]) {
    let gaz = Gazetteer::get();
    for k in 1..mentions.len() {
        let (head, tail) = mentions.split_at_mut(k);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        let between = text.get(a.end..b.start).unwrap_or("");
        let full = b.label == Label::Per && b.text.contains(' ');
        let bits = whole_match(&gaz.matches(&[a.text.as_str()])).unwrap_or(0);
        let given = a.label != Label::Per
            && !a.text.contains(' ')
            && a.text.chars().skip(1).all(char::is_lowercase)
            && bits & FIRST_NAME != 0
            && bits & (CITY | COUNTRY | REGION) == 0;
        if full && given && matches!(between, " and " | " & ") {
            a.label = Label::Per;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::{sentences, tokenize};
    use super::*;

    fn uses(text: &str, full: &str) -> Vec<String> {
        let toks = tokenize(text);
        let sents = sentences(text, &toks);
        let start = text.find(full).unwrap_or(0);
        let mut ms = vec![Mention {
            start,
            end: start + full.len(),
            text: full.to_string(),
            label: Label::Per,
            entity: 0,
        }];
        add_uses(text, &toks, &sents, &mut ms);
        ms.iter().map(|m| m.text.clone()).collect()
    }

    #[test]
    fn surnames_alone_are_the_person() {
        let text = "Billie Jean King won.\n\nFernandez forced King to take a set, King said.";
        assert_eq!(
            uses(text, "Billie Jean King"),
            ["Billie Jean King", "King", "King"]
        );
        // Beside another capitalised word, or a frequent word opening a sentence: left.
        let text = "Steve Young played.\n\nYoung players met King Hussein Young.";
        assert_eq!(uses(text, "Steve Young"), ["Steve Young"]);
    }

    #[test]
    fn couples_share_a_surname() {
        let text = "Charles and Ray Eames met Paris and Ray Eames in Oslo and Ray Eames.";
        let mut ms: Vec<Mention> = [
            ("Charles", 0, Label::Org),
            ("Ray Eames", 12, Label::Per),
            ("Paris", 26, Label::Loc),
            ("Ray Eames", 36, Label::Per),
            ("Oslo", 49, Label::Loc),
            ("Ray Eames", 58, Label::Per),
        ]
        .iter()
        .map(|&(n, at, l)| Mention::new(text, at, at + n.len(), l))
        .collect();
        couples(text, &mut ms);
        let labels: Vec<Label> = ms.iter().map(|m| m.label).collect();
        use Label::*;
        // Paris is a given name, but a city too; Oslo none.
        assert_eq!(labels, [Per, Per, Loc, Per, Loc, Per]);
    }
}
