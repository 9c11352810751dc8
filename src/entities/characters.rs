//! Characters of a story named by one word: "Izuku shrugged", "Izuku asked". The tagger, seeing
//! an unknown word alone, often reads it as an organisation, and leaves out the mentions where
//! the name opens a line of dialogue. Only people nod, shrug, sigh and ask: a one-word name
//! that does so twice or more is a person, at every mention. Verbs that organisations do too
//! ("said", "told", "explained", "admitted") are left out: "Microsoft said" is no person.

use super::features::{FastMap, FastSet};
use super::tokenize::Token;
use super::{Label, Mention};

/// What only people do, as the verb right after their name (or after one adverb).
const NARRATIVE_VERBS: [&str; 28] = [
    "asked",
    "replied",
    "shrugged",
    "nodded",
    "whispered",
    "muttered",
    "shouted",
    "sighed",
    "laughed",
    "smiled",
    "remembered",
    "grinned",
    "frowned",
    "snapped",
    "answered",
    "exclaimed",
    "murmured",
    "yelled",
    "wondered",
    "mumbled",
    "gasped",
    "groaned",
    "blinked",
    "hesitated",
    "winced",
    "chuckled",
    "scoffed",
    "glanced",
];

/// Adverbs that may sit between the name and the verb ("Izuku quietly asked").
const ADVERBS: [&str; 6] = ["quietly", "softly", "just", "then", "finally", "slowly"];

/// A name needs this many narrative verbs to be a person.
pub(crate) const MIN_VERBS: usize = 2;

/// Whether the words after byte `end` are a narrative verb ("shrugged", "quietly asked").
pub(crate) fn acts_after(text: &str, end: usize) -> bool {
    // The name's own word must end right here: "Izuku’s" is no "Izuku" acting.
    if !text.get(end..).is_some_and(|t| t.starts_with(' ')) {
        return false;
    }
    let mut words = super::text_after(text, end, 40)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    match words.next() {
        Some(w) if NARRATIVE_VERBS.contains(&w) => true,
        Some(w) if ADVERBS.contains(&w) => {
            words.next().is_some_and(|v| NARRATIVE_VERBS.contains(&v))
        }
        _ => false,
    }
}

/// Relabels one-word names that act as people (see the module's text) as PER, and adds their
/// untagged mentions. Mentions stay in text order.
pub fn relabel(text: &str, toks: &[Token], mentions: &mut Vec<Mention>) {
    // Candidate names: one capitalised word, tagged as something other than a person.
    let mut verbs: FastMap<&str, usize> = FastMap::default();
    for m in mentions.iter() {
        let one_word = !m.text.contains(' ')
            && m.text.chars().next().is_some_and(char::is_uppercase)
            && m.text.chars().all(char::is_alphabetic);
        if matches!(m.label, Label::Org | Label::Misc | Label::Loc) && one_word {
            verbs.entry(m.text.as_str()).or_insert(0);
        }
    }
    if verbs.is_empty() {
        return;
    }
    for t in toks {
        if let Some(n) = verbs.get_mut(t.text(text)) {
            *n += usize::from(acts_after(text, t.end));
        }
    }
    verbs.retain(|_, n| *n >= MIN_VERBS);
    if verbs.is_empty() {
        return;
    }
    let people: FastSet<String> = verbs.keys().map(|k| k.to_string()).collect();
    for m in mentions.iter_mut() {
        if people.contains(&m.text) {
            m.label = Label::Per;
        }
    }
    // Mentions are in text order and do not overlap: a binary search finds any overlap.
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    let mut added = Vec::new();
    for t in toks {
        if !people.contains(t.text(text)) {
            continue;
        }
        let k = spans.partition_point(|s| s.1 <= t.start);
        if spans.get(k).is_none_or(|s| s.0 >= t.end) {
            added.push(Mention::new(text, t.start, t.end, Label::Per));
        }
    }
    super::add_mentions(mentions, added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tokenize::tokenize;

    fn run(text: &str, names: &[(&str, Label)]) -> Vec<(String, Label)> {
        let toks = tokenize(text);
        let mut ms: Vec<Mention> = Vec::new();
        for (name, label) in names {
            if let Some(at) = text.find(name) {
                ms.push(Mention::new(text, at, at + name.len(), *label));
            }
        }
        ms.sort_by_key(|m| m.start);
        relabel(text, &toks, &mut ms);
        ms.into_iter().map(|m| (m.text, m.label)).collect()
    }

    #[test]
    fn a_name_that_shrugs_is_a_person() {
        let text = "Izuku won. Izuku shrugged. Later Izuku quietly asked for more.";
        assert_eq!(
            run(text, &[("Izuku", Label::Org)]),
            [
                ("Izuku".to_string(), Label::Per),
                ("Izuku".to_string(), Label::Per),
                ("Izuku".to_string(), Label::Per)
            ]
        );
    }

    #[test]
    fn companies_that_speak_stay_companies() {
        let text = "Microsoft said so. Microsoft told us. Acme nodded once.";
        assert_eq!(
            run(text, &[("Microsoft", Label::Org), ("Acme", Label::Org)]),
            [
                ("Microsoft".to_string(), Label::Org),
                ("Acme".to_string(), Label::Org)
            ]
        );
    }
}
