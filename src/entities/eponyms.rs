//! Firms named after people: a text that names "Arthur J. Gallagher & Co." goes on to say
//! "Gallagher", and the tagger, seeing a surname alone, marks a person. Where the text names no
//! person of that name in full, the lone name is the firm.

use super::features::FastSet;
use super::{Label, Mention};

/// Relabels one-word "people" whose name is a word of an organisation's name in the same text,
/// when no person named in several words holds it ("Walt Disney" keeps "Disney" a person).
pub fn relabel(mentions: &mut [Mention]) {
    let words_of = |label: Label| -> FastSet<&str> {
        mentions
            .iter()
            .filter(|m| m.label == label && m.text.contains(' '))
            .flat_map(|m| m.text.split(' '))
            .collect()
    };
    let firm_words = words_of(Label::Org);
    if firm_words.is_empty() {
        return;
    }
    let people_words = words_of(Label::Per);
    let firms: Vec<String> = mentions
        .iter()
        .filter(|m| m.label == Label::Per && !m.text.contains(' '))
        .filter(|m| {
            firm_words.contains(&m.text.as_str()) && !people_words.contains(&m.text.as_str())
        })
        .map(|m| m.text.clone())
        .collect();
    for m in mentions.iter_mut() {
        if m.label == Label::Per && firms.contains(&m.text) {
            m.label = Label::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::mentions_in_order;

    #[test]
    fn a_lone_name_of_a_firm_is_the_firm() {
        let text = "Arthur J. Gallagher & Co. grew. Gallagher said so. Walt Disney Company \
                    and Walt Disney: Disney smiled. Gallup polled.";
        let names = [
            ("Arthur J. Gallagher & Co.", Label::Org),
            ("Gallagher", Label::Per),
            ("Walt Disney Company", Label::Org),
            ("Walt Disney", Label::Per),
            ("Disney", Label::Per),
            ("Gallup", Label::Per),
        ];
        let mut ms = mentions_in_order(text, &names);
        relabel(&mut ms);
        let got: Vec<Label> = ms.iter().map(|m| m.label).collect();
        use Label::*;
        assert_eq!(got, [Org, Org, Org, Per, Per, Per]);
    }
}
