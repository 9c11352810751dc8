//! Names the tagger breaks in two, joined again in one sentence's spans (first word, end word,
//! label; `words` as written):
//!
//! - a listed place with "and" in it ("Saint Vincent and the Grenadines", "Trinidad and
//!   Tobago"): the tagger stops at the conjunction;
//! - a brand and its product ("Apple iPhone", "Google Chrome"): the product, MISC;
//! - a product and its version ("Opus 4.5", "Rails 8.1", "Windows 11"): one product. In prose
//!   only, where a number after a name is no score ("Arsenal 2 Chelsea 1");
//! - a work and its subtitle after a colon ("Star Wars: The Last Jedi", "Dune: Part Two"): one
//!   work, where the subtitle is a name that ends there;
//! - a diplomatic mission and its country ("Embassy of the Republic of Korea"): the
//!   tagger reads only the country; the mission is an organisation.

use super::gazetteer::{longest_end, Gazetteer, COUNTRY, REGION};
use super::Label;

/// Applies the joins.
pub fn join(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    listed_places(words, spans);
    missions(words, spans);
    spans.sort_unstable_by_key(|s| s.0);
    subtitles(words, spans);
    if super::guards::is_prose(words) {
        brand_products(spans);
        versions(words, spans);
    }
}

/// Countries and regions of the lists that hold "and", over the spans they cover.
fn listed_places(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    if !words.contains(&"and") {
        return;
    }
    // The lists spell "Saint" out; texts often abbreviate it ("St Vincent and the Grenadines").
    let spelt: Vec<&str> = words
        .iter()
        .map(|&w| {
            if matches!(w, "St" | "St.") {
                "Saint"
            } else {
                w
            }
        })
        .collect();
    let m = Gazetteer::get().matches(&spelt);
    let mut i = 0;
    while let Some(g) = m.get(i) {
        if g.long_pos != 1 || g.long_bits & (COUNTRY | REGION) == 0 {
            i += 1;
            continue;
        }
        let end = longest_end(&m, i);
        let joined = words.get(i..end).is_some_and(|p| p.contains(&"and"));
        let inside = |s: &(usize, usize, Label)| s.0 < end && i < s.1;
        let covered = spans
            .iter()
            .filter(|s| inside(s))
            .all(|s| i <= s.0 && s.1 <= end);
        if joined && covered && spans.iter().any(inside) {
            spans.retain(|s| !inside(s));
            spans.push((i, end, Label::Loc));
        }
        i = end;
    }
}

/// A work (MISC), a colon, then a name (after "The" or "A" at most) that ends the phrase: the
/// subtitle, one work with it. Not when capitalised words go on after the name (a Title-Case
/// heading: "ChatGPT: OpenAI Launches ...").
fn subtitles(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    let mut i = 0;
    while i + 1 < spans.len() {
        let (Some(&(a, b, first)), Some(&(c, d, second))) = (spans.get(i), spans.get(i + 1)) else {
            break;
        };
        let colon = words.get(b) == Some(&":");
        let article = c == b + 2 && matches!(words.get(b + 1), Some(&("The" | "A" | "An")));
        let ends = words
            .get(d)
            .is_none_or(|w| !w.chars().next().is_some_and(char::is_uppercase));
        if first == Label::Misc && second.is_name() && colon && (c == b + 1 || article) && ends {
            spans.splice(i..i + 2, [(a, d, Label::Misc)]);
        }
        i += 1;
    }
}

/// "Embassy of (the) X", "Consulate General of X", "High Commission of X": with X a place, one
/// organisation.
fn missions(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    let mut joins = Vec::new();
    for &(a, b, label) in spans.iter() {
        if label != Label::Loc {
            continue;
        }
        let before = words.get(a.saturating_sub(4)..a).unwrap_or(&[]);
        let mut rest = before;
        if let [head @ .., "the"] = rest {
            rest = head;
        }
        let [head @ .., "of"] = rest else { continue };
        let gap = before.len() - head.len();
        let start = match head {
            [.., "Embassy" | "Consulate" | "Consulate-General"] => a - gap - 1,
            [.., "Consulate" | "High", "General" | "Commission"] => a - gap - 2,
            _ => continue,
        };
        joins.push((start, b));
    }
    for (start, b) in joins {
        // The mission's own words may have been read as a name of their own ("Embassy").
        spans.retain(|s| s.1 <= start || s.0 >= b);
        spans.push((start, b, Label::Org));
    }
}

/// An organisation right before a product ("Apple iPhone") names the product, one word each.
/// Spans sorted.
fn brand_products(spans: &mut Vec<(usize, usize, Label)>) {
    let mut k = 0;
    while k + 1 < spans.len() {
        let (Some(&a), Some(&b)) = (spans.get(k), spans.get(k + 1)) else {
            break;
        };
        // One word each: longer runs are as often two names side by side ("LinkedIn Moz SEO
        // Essentials").
        let single = a.1 - a.0 == 1 && b.1 - b.0 == 1;
        if a.2 == Label::Org && b.2 == Label::Misc && a.1 == b.0 && single {
            spans.remove(k + 1);
            if let Some(s) = spans.get_mut(k) {
                *s = (a.0, b.1, Label::Misc);
            }
        }
        k += 1;
    }
}

/// A version number right after a product ("4.5", "8.1", "11") is part of its name; after
/// an organisation or a person, only a dotted one ("Opus 4.5"), which then names a product.
fn versions(words: &[&str], spans: &mut [(usize, usize, Label)]) {
    let starts: Vec<usize> = spans.iter().map(|s| s.0).collect();
    for s in spans.iter_mut() {
        let Some(next) = words.get(s.1) else { continue };
        if starts.contains(&(s.1)) {
            continue;
        }
        let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
        let dotted = next
            .split_once('.')
            .is_some_and(|(a, b)| digits(a) && digits(b) && a.len() <= 2 && b.len() <= 2);
        let whole = digits(next) && next.len() <= 2;
        match s.2 {
            Label::Misc if dotted || whole => s.1 += 1,
            Label::Org | Label::Per if dotted => {
                s.1 += 1;
                s.2 = Label::Misc;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str, spans: &[(usize, usize, Label)]) -> Vec<(usize, usize, Label)> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut s = spans.to_vec();
        join(&words, &mut s);
        s.sort_unstable_by_key(|s| s.0);
        s
    }

    #[test]
    fn works_and_their_subtitles() {
        use Label::*;
        let got = joined(
            "fans saw Star Wars : The Last Jedi twice",
            &[(2, 4, Misc), (6, 8, Misc)],
        );
        assert_eq!(got, vec![(2, 8, Misc)]);
        let got = joined("Dune : Part Two opened", &[(0, 1, Misc), (2, 4, Misc)]);
        assert_eq!(got, vec![(0, 4, Misc)]);
        // A heading goes on; a company is no work.
        let got = joined(
            "ChatGPT : OpenAI Launches Agents",
            &[(0, 1, Misc), (2, 3, Org)],
        );
        assert_eq!(got, vec![(0, 1, Misc), (2, 3, Org)]);
        let got = joined("Apple : The Verge said", &[(0, 1, Org), (3, 4, Org)]);
        assert_eq!(got, vec![(0, 1, Org), (3, 4, Org)]);
    }

    #[test]
    fn places_with_and() {
        let t = "the embassy in Saint Vincent and the Grenadines has begun enrolling";
        let got = joined(t, &[(3, 5, Label::Loc), (7, 8, Label::Loc)]);
        assert_eq!(got, vec![(3, 8, Label::Loc)]);
        let t = "the embassy in St Vincent and the Grenadines has begun enrolling";
        let got = joined(t, &[(3, 5, Label::Loc), (7, 8, Label::Org)]);
        assert_eq!(got, vec![(3, 8, Label::Loc)]);
    }

    #[test]
    fn missions() {
        let t = "attached to the Embassy of the Bolivarian Republic of Venezuela in Kingstown";
        let got = joined(t, &[(6, 10, Label::Loc), (11, 12, Label::Loc)]);
        assert_eq!(got, vec![(3, 10, Label::Org), (11, 12, Label::Loc)]);
        let t = "the High Commission of Canada said";
        assert_eq!(joined(t, &[(4, 5, Label::Loc)]), vec![(1, 5, Label::Org)]);
        // A country after another "of" stays a place.
        let t = "the people of France";
        assert_eq!(joined(t, &[(3, 4, Label::Loc)]), vec![(3, 4, Label::Loc)]);
    }

    #[test]
    fn brands_and_versions() {
        let t = "do you have an Apple iPhone or use Opus 4.5 and Windows 11 today";
        let got = joined(
            t,
            &[
                (4, 5, Label::Org),
                (5, 6, Label::Misc),
                (8, 9, Label::Org),
                (11, 12, Label::Misc),
            ],
        );
        assert_eq!(
            got,
            vec![
                (4, 6, Label::Misc),
                (8, 10, Label::Misc),
                (11, 13, Label::Misc)
            ]
        );
        // Scores in a results line stay apart.
        let t = "Arsenal 2 Chelsea 1";
        let spans = [(0, 1, Label::Org), (2, 3, Label::Org)];
        assert_eq!(joined(t, &spans), spans.to_vec());
    }
}
