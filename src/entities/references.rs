//! People named the way reference lists name them: a surname and initials ("Goldberg SB",
//! "Kabat-Zinn J.", "Maffei C."), several to a line ("Goldberg SB, Riordan KM, Sun S, et al.").
//! The tagger reads most of them as people; the rest, cut off from any context, come out as
//! places or organisations ("Stussman BA", "Creswell JD"). On a line where people so written
//! are the rule, every name so written is a person.

use super::{Label, Mention};

/// People written as surname and initials in a text before it counts as having a list of
/// references (a few are as often a brand and its model: "Apple TV", "Washington DC").
const MIN_PEOPLE: usize = 5;

/// "Surname INITIALS": capitalised words, then one to three capitals (and an optional full
/// stop).
fn is_cited_name(name: &str) -> bool {
    let Some((surname, initials)) = name.rsplit_once(' ') else {
        return false;
    };
    let initials = initials.strip_suffix('.').unwrap_or(initials);
    // "E-L": hyphenated given names keep their hyphen.
    let capitals = (1..=3).contains(&initials.chars().filter(|c| c.is_uppercase()).count())
        && initials.chars().all(|c| c.is_uppercase() || c == '-')
        && !initials.starts_with('-')
        && !initials.ends_with('-');
    let surname_ok = surname.split(' ').all(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().any(char::is_lowercase)
            && cs.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    });
    capitals && surname_ok
}

/// The byte range of the line holding `at`.
fn line_bounds(text: &str, at: usize) -> (usize, usize) {
    let head = text.get(..at).unwrap_or("");
    let start = head.rfind('\n').map_or(0, |i| i + 1);
    let end = text
        .get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i);
    (start, end)
}

/// Whether a line cites a source the way wikis and reference lists do ("^",
/// "Retrieved 2012-08-18", "Archived from the original"): a quoted title there is the cited
/// page's headline, no work of its own, and the names inside it are the names.
fn is_citation_line(line: &str) -> bool {
    let dated = |cue: &str| {
        line.match_indices(cue).any(|(i, _)| {
            line.get(i + cue.len()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
        })
    };
    line.starts_with("^ ")
        || dated("Retrieved ")
        || dated("Accessed ")
        || line.contains("Archived from")
}

/// [`is_citation_line`] for positions met in text order, one line's answer kept for its
/// sentences: asking per sentence with no cache would scan a long line once per sentence.
pub struct CitationLines<'a> {
    text: &'a str,
    /// The last line looked at: its byte range and answer.
    last: Option<(usize, usize, bool)>,
}

impl<'a> CitationLines<'a> {
    pub fn new(text: &'a str) -> Self {
        CitationLines { text, last: None }
    }

    /// Whether the line holding byte `at` is a citation line.
    pub fn at(&mut self, at: usize) -> bool {
        if let Some((start, end, citation)) = self.last {
            if (start..=end).contains(&at) {
                return citation;
            }
        }
        let (start, end) = line_bounds(self.text, at);
        let citation = is_citation_line(self.text.get(start..end).unwrap_or(""));
        self.last = Some((start, end, citation));
        citation
    }
}

/// Relabels the cited names of author lines as people: in a text whose names so written are
/// mostly people, a line that opens with one, or holds two or more, lists authors.
pub fn relabel(text: &str, mentions: &mut [Mention]) {
    let cited: Vec<bool> = mentions.iter().map(|m| is_cited_name(&m.text)).collect();
    let person: Vec<bool> = mentions.iter().map(|m| m.label == Label::Per).collect();
    let is_person = |k: usize| person.get(k) == Some(&true);
    let people = (0..mentions.len())
        .filter(|&k| cited.get(k) == Some(&true) && is_person(k))
        .count();
    let all = cited.iter().filter(|&&c| c).count();
    if people < MIN_PEOPLE || people <= all - people {
        return;
    }
    let mut i = 0;
    while i < mentions.len() {
        let Some(first) = mentions.get(i) else { break };
        let (line_start, line_end) = line_bounds(text, first.start);
        // Mentions are in text order: the line's mentions are a run.
        let run_end = mentions
            .iter()
            .skip(i)
            .position(|m| m.start >= line_end)
            .map_or(mentions.len(), |k| i + k);
        let in_line: Vec<usize> = (i..run_end)
            .filter(|&k| cited.get(k) == Some(&true))
            .collect();
        let opens = |k: &usize| mentions.get(*k).is_some_and(|m| m.start == line_start);
        if in_line.len() >= 2 || in_line.iter().any(opens) {
            for &k in &in_line {
                if let Some(m) = mentions.get_mut(k) {
                    m.label = Label::Per;
                }
            }
        }
        i = run_end.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_lines() {
        let text = "Intro.\n^ Lee, Ann. \"A Title\". Site. Retrieved 2012-08-18.\nAlan Henry. \"Firefox OS\". Lifehacker. Retrieved May 2, 2014.\nHe retrieved the ball.";
        let mut lines = CitationLines::new(text);
        assert!(!lines.at(2));
        assert!(lines.at(12));
        assert!(lines.at(20));
        assert!(lines.at(text.find("Alan").unwrap()));
        assert!(!lines.at(text.len() - 3));
    }

    use super::super::mentions_in_order as mentions;

    #[test]
    fn cited_names() {
        assert!(is_cited_name("Goldberg SB"));
        assert!(is_cited_name("Kabat-Zinn J."));
        assert!(is_cited_name("Van Dam NT"));
        assert!(is_cited_name("Khoo E-L"));
        assert!(!is_cited_name("Apple -"));
        assert!(!is_cited_name("Washington"));
        assert!(!is_cited_name("NASA JPL"));
        assert!(!is_cited_name("Windows XPSP"));
    }

    #[test]
    fn author_lines() {
        let text =
            "Goldberg SB, Riordan KM, Sun S, Stussman BA, Creswell JD, Tucker RP. A review. \
                    Journal of Things.\nHirshberg MJ, Goldberg SB, et al. Harms.\n\
                    Weng HY. Focus.\nHyattsville, MD and Washington DC.";
        let names = [
            ("Goldberg SB", Label::Loc),
            ("Riordan KM", Label::Per),
            ("Sun S", Label::Per),
            ("Stussman BA", Label::Per),
            ("Creswell JD", Label::Org),
            ("Tucker RP", Label::Per),
            ("Journal of Things", Label::Org),
            ("Hirshberg MJ", Label::Per),
            ("Goldberg SB", Label::Per),
            ("Weng HY", Label::Loc),
            ("Hyattsville", Label::Loc),
            ("Washington DC", Label::Loc),
        ];
        let mut ms = mentions(text, &names);
        relabel(text, &mut ms);
        let labels: Vec<Label> = ms.iter().map(|m| m.label).collect();
        use Label::*;
        assert_eq!(
            labels,
            [Per, Per, Per, Per, Per, Per, Org, Per, Per, Per, Loc, Loc]
        );
        // Too few people so written: a text with no references.
        let mut ms = mentions(text, names.get(..4).unwrap_or(&[]));
        relabel(text, &mut ms);
        assert_eq!(ms.first().map(|m| m.label), Some(Loc));
    }
}
