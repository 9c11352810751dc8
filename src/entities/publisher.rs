//! The publisher named in its own text: a company's blog says "Clay" or "Riverside" dozens of
//! times, and the tagger, seeing a word it knows as a surname or a town, marks every one a person
//! or a place. The page names its site (`og:site_name`, the publisher in JSON-LD); a mention
//! that is exactly that name is the organisation.

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

/// People and places named exactly as the site is are the site's organisation.
pub fn relabel(mentions: &mut [Mention], site: Option<&str>) {
    let Some(site) = site else { return };
    let names = names(site);
    if names.iter().all(|n| n.is_empty()) {
        return;
    }
    for m in mentions.iter_mut() {
        if matches!(m.label, Label::Per | Label::Loc) && names.contains(&m.text.as_str()) {
            m.label = Label::Org;
        }
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
    }
}
