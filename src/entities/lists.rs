//! Names listed together are of one kind: "platforms such as Viator, GetYourGuide and Tiqets",
//! "Slack, Notion, Clutch or Asana". Where all the names of a list but one are products or
//! organisations, the odd one the tagger took for a person or a place (a brand it read as a
//! surname or a town) is of their kind.

use super::{Label, Mention};

/// What may stand between two names of one list.
const JOINS: [&str; 6] = [", ", " and ", ", and ", " or ", ", or ", " & "];

/// Names in a list before it is taken as one (two are as often "X and Y" of two kinds).
const MIN_LIST: usize = 3;

/// Relabels the odd person or place of a list of products or organisations (mentions in text
/// order).
pub fn relabel(text: &str, mentions: &mut [Mention]) {
    let mut i = 0;
    while i < mentions.len() {
        // The run of mentions joined as a list from `i`.
        let mut j = i + 1;
        while let (Some(a), Some(b)) = (mentions.get(j - 1), mentions.get(j)) {
            let between = text.get(a.end..b.start).unwrap_or("");
            if !JOINS.contains(&between) {
                break;
            }
            j += 1;
        }
        if let Some(run) = mentions.get_mut(i..j) {
            unify(run);
        }
        i = j;
    }
}

/// One list: all names but one of a kind (organisations or products), the one a person or a
/// place.
fn unify(run: &mut [Mention]) {
    if run.len() < MIN_LIST {
        return;
    }
    for kind in [Label::Org, Label::Misc] {
        let same = run.iter().filter(|m| m.label == kind).count();
        let odd = |m: &Mention| matches!(m.label, Label::Per | Label::Loc);
        if same + 1 == run.len() && run.iter().filter(|m| odd(m)).count() == 1 {
            for m in run.iter_mut().filter(|m| odd(m)) {
                m.label = kind;
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, names: &[(&str, Label)]) -> Vec<Label> {
        let mut ms = super::super::mentions_in_order(text, names);
        relabel(text, &mut ms);
        ms.iter().map(|m| m.label).collect()
    }

    #[test]
    fn the_odd_one_of_a_list() {
        use Label::*;
        let t = "sites such as Viator, GetYourGuide, Tiqets and Klook";
        let got = run(
            t,
            &[
                ("Viator", Per),
                ("GetYourGuide", Misc),
                ("Tiqets", Misc),
                ("Klook", Misc),
            ],
        );
        assert_eq!(got, [Misc, Misc, Misc, Misc]);
        let t = "Apple, Google and Clutch";
        assert_eq!(
            run(t, &[("Apple", Org), ("Google", Org), ("Clutch", Per)]),
            [Org, Org, Org]
        );
        // Too short a list, two odd ones, or a list of people: left.
        let t = "Google and Clutch";
        assert_eq!(run(t, &[("Google", Org), ("Clutch", Per)]), [Org, Per]);
        let t = "Apple, Paris, Google and Clutch";
        let got = run(
            t,
            &[
                ("Apple", Org),
                ("Paris", Loc),
                ("Google", Org),
                ("Clutch", Per),
            ],
        );
        assert_eq!(got, [Org, Loc, Org, Per]);
        let t = "Biden, Putin, Xi and China";
        let got = run(
            t,
            &[("Biden", Per), ("Putin", Per), ("Xi", Per), ("China", Loc)],
        );
        assert_eq!(got, [Per, Per, Per, Loc]);
    }
}
