//! Bylines left in the text ("By Makenzie Holland • Dec. 16, 2025", "Written by Ann Lee and
//! Tom Roe"): on listing pages and in forum posts the tagger, which learnt from prose, reads an
//! unusual given name as nothing and the surname as a town. After "By" at the start of a
//! sentence, capitalised names that end the sentence or stop at a separator are people.

use super::gazetteer::Gazetteer;
use super::words::is_common;
use super::{Label, Mention};

/// Post headers of a thread: a line that holds only one word, a name, and a next line that
/// holds only a date ("ElenaVital⏎May 19, 2024"). The word is the poster: a person, where the
/// tagger read a handle's shape as a product's ("ElenaVital", "Spartan14"). Only where a text
/// has two such headers or more (a thread); a lone one may be a heading over a dated post.
pub fn posters(text: &str, mentions: &mut [Mention]) {
    // Mentions in text order: the header's name and, on the next line, its date.
    let line_of = |m: &Mention| {
        let start = text
            .get(..m.start)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        let end = text
            .get(m.end..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| m.end + i);
        (start, end)
    };
    let whole_line = |m: &Mention| {
        let (start, end) = line_of(m);
        text.get(start..end).is_some_and(|l| l.trim() == m.text)
    };
    let headers: Vec<usize> = mentions
        .windows(2)
        .enumerate()
        .filter_map(|(i, pair)| {
            let [name, date] = pair else { return None };
            let one_word = !name.text.contains(char::is_whitespace);
            let next_line = text
                .get(name.end..date.start)
                .is_some_and(|gap| gap.trim().is_empty() && gap.matches('\n').count() == 1);
            (name.label.is_name()
                && one_word
                && date.label == Label::Date
                && next_line
                && whole_line(name)
                && whole_line(date))
            .then_some(i)
        })
        .collect();
    if headers.len() < 2 {
        return;
    }
    for i in headers {
        if let Some(m) = mentions.get_mut(i) {
            m.label = Label::Per;
        }
    }
}

/// Marks the names of a byline sentence (its words as written) as people, replacing what the
/// tagger made of them. Dates and amounts found by the rules stay.
pub fn mark(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    let start = match words {
        ["By" | "by", ..] => 1,
        ["Written" | "Posted" | "Reported", "by", ..] => 2,
        _ => return,
    };
    let mut names = Vec::new();
    let mut i = start;
    loop {
        let end = name_end(words, i);
        if end - i < 2 {
            return;
        }
        names.push((i, end));
        match words.get(end) {
            Some(&("and" | "&" | ",")) => i = end + 1,
            // The byline ends here: a separator, a date after "on", or the sentence's end.
            None | Some(&("•" | "|" | "·" | "–" | "—" | "-" | "on" | "/")) => break,
            Some(_) => return,
        }
    }
    let gaz = Gazetteer::get();
    for (a, b) in names {
        let Some(name) = words.get(a..b) else {
            continue;
        };
        // "By Google Maps", "By Design Studio": a listed company or plain words are no one.
        let listed = gaz.company_matches(name).iter().any(|m| m.begin != 0);
        let plain = name.iter().all(|w| is_common(&w.to_lowercase()));
        let rule_span = spans.iter().any(|s| s.0 < b && a < s.1 && !s.2.is_name());
        if listed || plain || rule_span {
            continue;
        }
        spans.retain(|s| s.1 <= a || s.0 >= b);
        spans.push((a, b, Label::Per));
    }
}

/// The end of a run of up to three capitalised words (initials such as "J." included) from `i`.
fn name_end(words: &[&str], i: usize) -> usize {
    let mut end = i;
    while end < i + 3 {
        let Some(w) = words.get(end) else { break };
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let rest_ok = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !capital || !rest_ok || w.chars().skip(1).all(char::is_uppercase) && w.len() > 2 {
            break;
        }
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::mentions_in_order;

    #[test]
    fn posters_of_a_thread() {
        let text = "Do forums matter?\n\nSpartan14\nMay 19, 2024\n\nYes.\n\nElenaVital\n\
                    May 22, 2024\n\nNo, Reddit won.";
        let names = [
            ("Spartan14", Label::Misc),
            ("May 19, 2024", Label::Date),
            ("ElenaVital", Label::Misc),
            ("May 22, 2024", Label::Date),
            ("Reddit", Label::Org),
        ];
        let mut ms = mentions_in_order(text, &names);
        posters(text, &mut ms);
        let got: Vec<Label> = ms.iter().map(|m| m.label).collect();
        use Label::*;
        assert_eq!(got, [Per, Date, Per, Date, Org]);
        // One dated heading is no thread.
        let text = "Kubernetes\nMay 19, 2024\n\nIt runs containers.";
        let mut ms = mentions_in_order(text, &[("Kubernetes", Misc), ("May 19, 2024", Date)]);
        posters(text, &mut ms);
        assert_eq!(ms.first().map(|m| m.label), Some(Misc));
    }

    fn marked(text: &str, spans: &[(usize, usize, Label)]) -> Vec<(usize, usize, Label)> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut s = spans.to_vec();
        mark(&words, &mut s);
        s.sort_unstable_by_key(|s| s.0);
        s
    }

    #[test]
    fn bylines() {
        let date = (4, 7, Label::Date);
        let got = marked(
            "By Makenzie Holland • Dec. 16, 2025",
            &[(2, 3, Label::Loc), date],
        );
        assert_eq!(got, vec![(1, 3, Label::Per), date]);
        let got = marked("Written by Ann Lee and Tom Roe", &[]);
        assert_eq!(got, vec![(2, 4, Label::Per), (5, 7, Label::Per)]);
        // Prose that opens with "By" is left alone.
        let got = marked("By Friday the Board Members voted", &[]);
        assert!(got.is_empty());
        let got = marked("By Monday Morning", &[(1, 2, Label::Date)]);
        assert_eq!(got, vec![(1, 2, Label::Date)]);
    }
}
