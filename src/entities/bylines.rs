//! Bylines left in the text ("By Makenzie Holland • Dec. 16, 2025", "Written by Ann Lee and
//! Tom Roe"): on listing pages and in forum posts the tagger, which learnt from prose, reads an
//! unusual given name as nothing and the surname as a town. After "By" at the start of a
//! sentence, capitalised names that end the sentence or stop at a separator are people.

use super::gazetteer::Gazetteer;
use super::words::is_common;
use super::Label;

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
