//! Grouping mentions into entities: "Putin", "Mr Putin" and "Vladimir Putin" are one person,
//! "Sharaa" is "Ahmad al-Sharaa", and "SDF" is "Syrian Democratic Forces" when the text defines
//! it as "Syrian Democratic Forces (SDF)" (or its initials spell it).

use std::collections::{HashMap, HashSet};

use super::features::FastMap;
use super::gazetteer::{
    whole_match, zipf_bucket, Gazetteer, CITY, COMPANY, COUNTRY, FIRST_NAME, NATIONALITY, REGION,
    SURNAME,
};
use super::{Entity, Label, Mention};

/// Short forms of given names and the form they group under ("Bill Gates" is "William
/// Gates"): (short, full), lower case.
const HYPOCORISMS: &[(&str, &str)] = &[
    ("bill", "william"),
    ("billy", "william"),
    ("will", "william"),
    ("willie", "william"),
    ("mike", "michael"),
    ("mick", "michael"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("rob", "robert"),
    ("robbie", "robert"),
    ("bert", "robert"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("jamie", "james"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("joe", "joseph"),
    ("joey", "joseph"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("rich", "richard"),
    ("dave", "david"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("chris", "christopher"),
    ("steve", "steven"),
    ("stephen", "steven"),
    ("tony", "anthony"),
    ("andy", "andrew"),
    ("drew", "andrew"),
    ("alex", "alexander"),
    ("ben", "benjamin"),
    ("sam", "samuel"),
    ("nick", "nicholas"),
    ("matt", "matthew"),
    ("pat", "patrick"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("ted", "edward"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("jeff", "jeffrey"),
    ("jon", "jonathan"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("pete", "peter"),
    ("phil", "philip"),
    ("ron", "ronald"),
    ("don", "donald"),
    ("tim", "timothy"),
    ("charlie", "charles"),
    ("chuck", "charles"),
    ("kate", "katherine"),
    ("katie", "katherine"),
    ("kathy", "katherine"),
    ("cathy", "catherine"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("betty", "elizabeth"),
    ("sue", "susan"),
    ("jenny", "jennifer"),
    ("jen", "jennifer"),
    ("maggie", "margaret"),
    ("meg", "margaret"),
    ("peggy", "margaret"),
    ("becky", "rebecca"),
    ("abby", "abigail"),
    ("debbie", "deborah"),
    ("pam", "pamela"),
    ("sandy", "sandra"),
    ("vicky", "victoria"),
    ("nate", "nathan"),
    ("zach", "zachary"),
    ("josh", "joshua"),
    ("gabe", "gabriel"),
    ("manny", "manuel"),
];

/// The grouping key of a name's parts: a leading "the" dropped ("The Guardian" is
/// "Guardian"), and a person's given name in its full form ("Mike Pence" is "Michael Pence").
fn key(label: Label, mut p: Vec<String>) -> Vec<String> {
    if p.len() >= 2 && p.first().is_some_and(|f| f == "the") {
        p.remove(0);
    }
    if label == Label::Per && p.len() >= 2 {
        if let Some(first) = p.first_mut() {
            if let Some(&(_, full)) = HYPOCORISMS.iter().find(|h| h.0 == first.as_str()) {
                full.clone_into(first);
            }
        }
    }
    p
}

/// A product or organisation name with a plural last word made singular ("AirPods" and
/// "AirPod", "Apple Watches" and "Apple Watch"), when that word is plural-looking.
fn singular(p: &[String]) -> Option<Vec<String>> {
    let last = p.last()?;
    let plural = last.len() >= 4
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is");
    plural.then(|| {
        let mut q = p.to_vec();
        if let Some(l) = q.last_mut() {
            l.pop();
        }
        q
    })
}

/// Whether the short name `p` can stand for the person named `full`: the surname, the given
/// name (a known first name, so "Apple" never stands for "Apple Watch"), or a longer form
/// that keeps the surname ("Jurassic World" never stands for "Jurassic World Dominion").
fn short_form_of(p: &[String], full: &[String], text: &str) -> bool {
    if !p.iter().all(|x| full.contains(x)) {
        return false;
    }
    match p {
        [one] => {
            full.last() == Some(one)
                || (full.first() == Some(one) && {
                    // The gazetteer keeps names capitalised.
                    let w = text.split_whitespace().next().unwrap_or("");
                    Gazetteer::get()
                        .matches(&[w])
                        .first()
                        .is_some_and(|g| g.begin & FIRST_NAME != 0)
                })
        }
        _ => p.last() == full.last(),
    }
}

/// A "person" named only ever by one word that no list knows as a given name or surname, and
/// named more than once: a person is introduced by full name, while a brand, app or site
/// ("Momondo", "Elementor") is named alone throughout. The tagger reads such words as people.
/// A word of a person the text names in full ("Jansher" beside "Jansher Khan") is that person
/// (`in_full_names`: the words of the text's people named by more than one word).
fn lone_word_person(
    label: Label,
    parts: &[String],
    name: &str,
    count: usize,
    in_full_names: &HashSet<&String>,
) -> bool {
    // Chosen on the dev sets (eng.testa, WNUT-17 dev, the modern articles): 2 and 3 also
    // caught mononyms ("Suharto", "Waqar").
    const MIN_MENTIONS: usize = 4;
    if label != Label::Per || parts.len() != 1 || count < MIN_MENTIONS {
        return false;
    }
    if parts.first().is_some_and(|w| in_full_names.contains(w)) {
        return false;
    }
    let word = super::features::title_case(name);
    let known = Gazetteer::get()
        .matches(&[word.as_str()])
        .first()
        .is_some_and(|g| g.begin & (FIRST_NAME | SURNAME) != 0);
    !known
}

/// A name after a personal title ("President Obama", "Dr. Okafor"): a person however often the
/// text names them by one word.
fn titled(text: &str, start: usize) -> bool {
    super::text_before(text, start, 40)
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .is_some_and(super::is_title)
}

/// A name that "he" or "she" follows in the same sentence, at a third of its mentions or more
/// (and twice at least), or that shrugs and asks ([`super::characters`]): a character of a story
/// or a person, not a brand or an app, which are "it".
fn spoken_of_as_a_person<'a>(text: &str, mentions: impl Iterator<Item = &'a Mention>) -> bool {
    const PRONOUNS: [&str; 8] = [
        "he", "she", "him", "her", "his", "hers", "himself", "herself",
    ];
    let (mut total, mut personal, mut acting) = (0, 0, 0);
    for m in mentions {
        total += 1;
        let after = super::text_after(text, m.end, 80);
        let sentence = after.split(['.', '!', '?', '\n']).next().unwrap_or("");
        let has_pronoun = sentence
            .split(|c: char| !c.is_alphabetic())
            .any(|w| PRONOUNS.contains(&w.to_lowercase().as_str()));
        personal += usize::from(has_pronoun);
        acting += usize::from(super::characters::acts_after(text, m.end));
    }
    personal >= 2 && personal * 3 >= total || acting >= super::characters::MIN_VERBS
}

/// A "place" or "person" whose whole name is a company of the lists and no place or person
/// name, nor a frequent word ("Salesforce" after "to", "Chubb" alone).
fn listed_company(label: Label, name: &str) -> bool {
    if !matches!(label, Label::Loc | Label::Per) {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let g = Gazetteer::get();
    if whole_match(&g.company_matches(&words)).is_none_or(|b| b & COMPANY == 0) {
        return false;
    }
    let lists = g.matches(&words);
    // (The place lists lack some regions the company list holds, "Jiangsu" and "Zhejiang".)
    let other = lists
        .iter()
        .any(|m| m.begin & (COUNTRY | CITY | REGION | FIRST_NAME | SURNAME | NATIONALITY) != 0);
    let freq = words.len() == 1
        && words
            .first()
            .is_some_and(|w| zipf_bucket(&w.to_lowercase()) >= 7);
    !other && !freq
}

/// Whether `word` is one nationality word of the name lists ("Korean", "British").
fn is_nationality(word: &str) -> bool {
    !word.contains(' ')
        && Gazetteer::get()
            .matches(&[word])
            .first()
            .is_some_and(|g| g.begin & NATIONALITY != 0)
}

/// A company's legal form ending its name (lower case): "Corp", "Inc", "plc", "GmbH" (not
/// "Company" or "Group": "San Diego Cleaning Company" is no reason to read "San Diego" as it).
fn is_company_form(w: &str) -> bool {
    const FORMS: &[&str] = &[
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "plc",
        "co",
        "ag",
        "sa",
        "nv",
        "bv",
        "gmbh",
        "llc",
        "ab",
        "asa",
        "spa",
        "oyj",
        "pty",
        "bhd",
        "tbk",
    ];
    FORMS.contains(&w.trim_end_matches('.'))
}

/// Lower-cased name parts without possessives and Arabic article prefixes ("al-Sharaa" also
/// matches "Sharaa").
fn parts(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let l = lower(p);
            let t = l
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                // "C++" and "C#" are not "C".
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#');
            for pre in [
                "al-", "el-", " al ", "ad-", "as-", "ash-", "ar-", "an-", "at-",
            ] {
                if let Some(rest) = t.strip_prefix(pre) {
                    if rest.chars().count() >= 2 {
                        return rest.to_string();
                    }
                }
            }
            // Most parts need no trimming: the lower case is the part.
            if t.len() == l.len() {
                l
            } else {
                t.to_string()
            }
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// How good a form is as an entity's name: its length without a possessive, then having no
/// possessive, then having lower case.
fn name_rank(t: &str) -> (usize, bool, bool) {
    let stem = ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|p| t.strip_suffix(p))
        .unwrap_or(t);
    (
        stem.chars().count(),
        stem.len() == t.len(),
        t.chars().any(char::is_lowercase),
    )
}

/// `w.to_lowercase()`, without the general case mapping for ASCII words.
fn lower(w: &str) -> String {
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    }
}

/// Initials of the capitalised words: "Syrian Democratic Forces" -> "SDF".
pub(crate) fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

pub(crate) fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=8).contains(&n)
        && s.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Definitions "Long Name (ACR)": the acronym's text -> index of the long mention.
pub fn acronym_definitions(text: &str, mentions: &[Mention]) -> HashMap<String, usize> {
    let mut defs = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if !m.label.is_name() || !m.text.contains(' ') {
            continue;
        }
        let rest = text.get(m.end..).unwrap_or("");
        let Some(inner) = rest.trim_start_matches(' ').strip_prefix('(') else {
            continue;
        };
        let Some(close) = inner.find(')') else {
            continue;
        };
        let acr = inner.get(..close).unwrap_or("").trim();
        if is_acronym(acr) {
            defs.insert(acr.to_string(), i);
        }
    }
    defs
}

/// Whether the line holding byte `at` of `text` reads as prose: it ends a sentence.
fn in_prose(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let line = rest.split('\n').next().unwrap_or("").trim_end();
    line.ends_with(['.', '!', '?', '"', '”', '’', ')'])
}

/// The first groups (in creation order) of a name's parts: under each label, and under any
/// name label.
#[derive(Default)]
struct FirstGroups {
    by_label: [Option<usize>; 8],
    name: Option<usize>,
}

impl FirstGroups {
    fn label(&self, l: Label) -> Option<usize> {
        self.by_label.get(l as usize).copied().flatten()
    }
}

/// Assigns `entity` ids to the mentions (in place) and returns the entities, numbered in order
/// of first mention.
pub fn group(text: &str, mentions: &mut [Mention]) -> Vec<Entity> {
    let defs = acronym_definitions(text, mentions);
    // Each mention's parts, worked out once (splitting allocates), taken when it is grouped.
    let mut all_parts: Vec<Vec<String>> = mentions.iter().map(|m| parts(&m.text)).collect();
    // Longest mentions found groups first, so short forms can join them.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(all_parts.get(i).map_or(0, Vec::len)),
            mentions.get(i).map_or(0, |m| m.start),
        )
    });
    // group index per mention; groups hold (label, parts of the longest form, its text).
    // The indexes below find the first group (in creation order) that a lookup would match, so
    // grouping stays linear on long texts.
    let mut groups: Vec<(Label, Vec<String>, String)> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; mentions.len()];
    let mut by_parts: FastMap<Vec<String>, FirstGroups> = FastMap::default();
    let mut by_initials: FastMap<String, usize> = FastMap::default();
    // Non-person groups by their name made singular (see `singular`).
    let mut by_singular: FastMap<Vec<String>, usize> = FastMap::default();
    let mut people_by_part: FastMap<String, Vec<usize>> = FastMap::default();
    let mut people_by_last: FastMap<String, usize> = FastMap::default();
    // Companies named with their legal form ("... Corp"), and the opening words of their names.
    let mut companies: Vec<usize> = Vec::new();
    let mut by_company_prefix: FastMap<Vec<String>, usize> = FastMap::default();
    for &i in &order {
        let Some(m) = mentions.get(i) else { continue };
        let p = key(
            m.label,
            all_parts.get_mut(i).map(std::mem::take).unwrap_or_default(),
        );
        let same_parts = by_parts.get(p.as_slice());
        let same_label = same_parts.and_then(|g| g.label(m.label));
        let mut found: Option<usize> = None;
        if m.label.is_name() {
            // An acronym defined in the text, or one spelled by an entity's initials.
            if is_acronym(&m.text) {
                if let Some(&def) = defs.get(&m.text) {
                    found = group_of.get(def).copied().flatten();
                }
                if found.is_none() {
                    found = by_initials.get(m.text.as_str()).copied();
                }
            }
            if found.is_none() {
                found = same_label;
            }
            if found.is_none() {
                // The same name under another label ("SYRIA" read as ORG in a headline, "Syria"
                // as LOC): one entity, labelled by majority below.
                found = same_parts.and_then(|g| g.name);
            }
            if found.is_none() && m.label == Label::Per {
                // A part of a longer name: "Putin" in "Vladimir Putin".
                found = p.first().and_then(|first| {
                    people_by_part.get(first).and_then(|cands| {
                        cands.iter().copied().find(|&gi| {
                            groups
                                .get(gi)
                                .is_some_and(|g| short_form_of(&p, &g.1, &m.text))
                        })
                    })
                });
            }
            if found.is_none() && p.len() == 1 {
                // A surname the tagger labelled otherwise still names the same person.
                found = p.last().and_then(|l| people_by_last.get(l).copied());
            }
            if found.is_none() && m.label != Label::Per {
                // Singular and plural of one product ("AirPod", "AirPods").
                found = match singular(&p) {
                    Some(sing) => by_singular.get(&sing).copied(),
                    None => by_singular.get(p.as_slice()).copied(),
                };
            }
            if found.is_none() {
                // The opening words of a company's full name ("Santa Fe" after "Santa Fe
                // Pacific Gold Corp") name the company, whatever the tagger made of them.
                found = by_company_prefix.get(p.as_slice()).copied();
            }
        } else {
            found = same_label;
        }
        let gi = match found {
            Some(g) => g,
            None => {
                let gi = groups.len();
                let first = match by_parts.get_mut(p.as_slice()) {
                    Some(g) => g,
                    None => by_parts.entry(p.clone()).or_default(),
                };
                if let Some(slot) = first.by_label.get_mut(m.label as usize) {
                    slot.get_or_insert(gi);
                }
                if m.label.is_name() {
                    first.name.get_or_insert(gi);
                    if m.label != Label::Per {
                        let sing = singular(&p).unwrap_or_else(|| p.clone());
                        by_singular.entry(sing).or_insert(gi);
                    }
                }
                if m.label == Label::Org && p.len() >= 2 {
                    let core = p.len() - p.iter().rev().take_while(|w| is_company_form(w)).count();
                    if core < p.len() {
                        companies.push(gi);
                        for k in 1..=core {
                            if let Some(pre) = p.get(..k) {
                                by_company_prefix.entry(pre.to_vec()).or_insert(gi);
                            }
                        }
                    }
                }
                if matches!(m.label, Label::Org | Label::Misc | Label::Loc) && p.len() >= 2 {
                    by_initials.entry(initials(&m.text)).or_insert(gi);
                }
                if m.label == Label::Per {
                    let mut seen: Vec<&String> = Vec::new();
                    for part in &p {
                        if !seen.contains(&part) {
                            seen.push(part);
                            people_by_part.entry(part.clone()).or_default().push(gi);
                        }
                    }
                    if p.len() >= 2 {
                        if let Some(l) = p.last() {
                            people_by_last.entry(l.clone()).or_insert(gi);
                        }
                    }
                }
                groups.push((m.label, p, m.text.clone()));
                gi
            }
        };
        if let Some(x) = group_of.get_mut(i) {
            *x = Some(gi);
        }
    }
    // Each group's mentions in the order they joined it, in one buffer (not a list per group):
    // group g's are `members[at[g]..at[g + 1]]`.
    let mut at = vec![0usize; groups.len() + 1];
    for &g in group_of.iter().flatten() {
        if let Some(n) = at.get_mut(g + 1) {
            *n += 1;
        }
    }
    for g in 1..at.len() {
        at[g] += at[g - 1];
    }
    let mut fill = at.clone();
    let mut members = vec![0usize; at.last().copied().unwrap_or(0)];
    for &i in &order {
        let Some(&Some(g)) = group_of.get(i) else {
            continue;
        };
        if let Some(f) = fill.get_mut(g) {
            if let Some(x) = members.get_mut(*f) {
                *x = i;
            }
            *f += 1;
        }
    }
    let members_of = |gi: usize| -> &[usize] {
        match (at.get(gi), at.get(gi + 1)) {
            (Some(&a), Some(&b)) => members.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    };
    // Number entities by first mention; name = the longest form.
    let mut first: Vec<(usize, usize)> = (0..groups.len())
        .map(|gi| {
            let start = members_of(gi)
                .iter()
                .filter_map(|&i| mentions.get(i).map(|m| m.start))
                .min()
                .unwrap_or(0);
            (start, gi)
        })
        .collect();
    first.sort_unstable();
    // Words of the people named by more than one word: "Jansher" alone is still the person
    // "Jansher Khan" named in full elsewhere, whatever grouping made of it.
    let in_full_names: HashSet<&String> = groups
        .iter()
        .filter(|g| g.0 == Label::Per && g.1.len() >= 2)
        .flat_map(|g| g.1.iter())
        .collect();
    let mut is_company = vec![false; groups.len()];
    for &gi in &companies {
        if let Some(c) = is_company.get_mut(gi) {
            *c = true;
        }
    }
    let mut entities = Vec::with_capacity(groups.len());
    for (id, &(_, gi)) in first.iter().enumerate() {
        let company = is_company.get(gi).copied().unwrap_or(false);
        let Some(g) = groups.get(gi) else { continue };
        let mem = members_of(gi);
        // The label most of the mentions have (ties: the first group label). A mention in prose
        // counts double: a headline, caption or list item gives the tagger less context
        // ("Lisbon harbour reopens" read "Lisbon" as an organisation).
        let mut votes: Vec<(Label, usize)> = Vec::new();
        let first_label = mem.first().and_then(|&i| mentions.get(i)).map(|m| m.label);
        let mixed = mem
            .iter()
            .any(|&i| mentions.get(i).map(|m| m.label) != first_label);
        let mut any_prose = false;
        for &i in mem {
            if let Some(m) = mentions.get(i) {
                // (Only a split vote needs the weights, and finding the line's end costs.)
                let prose = mixed && in_prose(text, m.end);
                any_prose |= prose;
                let weight = if prose { 2 } else { 1 };
                match votes.iter_mut().find(|v| v.0 == m.label) {
                    Some(v) => v.1 += weight,
                    None => votes.push((m.label, weight)),
                }
            }
        }
        let top = votes.iter().map(|v| v.1).max().unwrap_or(0);
        let label = if company
            || (lone_word_person(g.0, &g.1, &g.2, mem.len(), &in_full_names)
                && !mem
                    .iter()
                    .any(|&i| mentions.get(i).is_some_and(|m| titled(text, m.start)))
                && !spoken_of_as_a_person(text, mem.iter().filter_map(|&i| mentions.get(i))))
            || listed_company(g.0, &g.2)
        {
            Label::Org
        } else if votes.iter().any(|v| v.0 == g.0 && v.1 == top) {
            g.0
        } else {
            votes.iter().find(|v| v.1 == top).map_or(g.0, |v| v.0)
        };
        let mut name = g.2.clone();
        for &i in mem {
            if let Some(m) = mentions.get_mut(i) {
                m.entity = id;
                // Only prose gives a label worth spreading: in tables and lists (sports results
                // that name a city as a place in one line and as its team in the next) each
                // mention keeps its own.
                // A nationality word read as MISC is the adjective ("Korean officials"), not
                // the team or party the same word names elsewhere.
                let adjective = mixed && m.label == Label::Misc && is_nationality(&m.text);
                if (!mixed || any_prose || label == Label::Org && company) && !adjective {
                    m.label = label;
                }
                // The longest form, a possessive not counted ("SYRIA’S" is no longer than
                // "Syria"); between equals, one without a possessive, then ordinary case over
                // headline capitals.
                let longer = name_rank(&m.text) > name_rank(&name);
                if longer && !is_acronym(&m.text) {
                    name = m.text.clone();
                }
            }
        }
        entities.push(Entity {
            id,
            name,
            label,
            count: mem.len(),
        });
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, start: usize, label: Label) -> Mention {
        Mention {
            start,
            end: start + text.len(),
            text: text.into(),
            label,
            entity: 0,
        }
    }

    #[test]
    fn groups_people_and_acronyms() {
        let text = "Vladimir Putin met Ahmad al-Sharaa. Putin and Sharaa spoke of the Syrian Democratic Forces (SDF). The SDF agreed.";
        let find = |s: &str, from: usize| text[from..].find(s).unwrap() + from;
        let mut ms = vec![
            m("Vladimir Putin", 0, Label::Per),
            m("Ahmad al-Sharaa", find("Ahmad", 0), Label::Per),
            m("Putin", find("Putin and", 0), Label::Per),
            m("Sharaa", find("Sharaa spoke", 0), Label::Per),
            m("Syrian Democratic Forces", find("Syrian", 0), Label::Org),
            m("SDF", find("SDF", 0), Label::Org),
            m("SDF", find("The SDF", 0) + 4, Label::Misc),
        ];
        let ents = group(text, &mut ms);
        assert_eq!(ents.len(), 3, "{ents:?}");
        assert_eq!(ents[0].name, "Vladimir Putin");
        assert_eq!(ents[0].count, 2);
        assert_eq!(ents[1].name, "Ahmad al-Sharaa");
        assert_eq!(ents[1].count, 2);
        assert_eq!(ents[2].name, "Syrian Democratic Forces");
        assert_eq!(ents[2].count, 3);
        assert_eq!(ms[6].entity, 2);
        assert_eq!(ms[6].label, Label::Org);
        assert_eq!(ms[3].entity, 1);
    }

    #[test]
    fn a_possessive_never_names_an_entity() {
        let text = "SYRIA’S leader spoke. Syria and Syria.";
        let mut ms = vec![
            m("SYRIA’S", 0, Label::Loc),
            m("Syria", 24, Label::Loc),
            m("Syria", 34, Label::Loc),
        ];
        let ents = group(text, &mut ms);
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].name, "Syria");
    }

    #[test]
    fn languages_named_with_signs_stay_apart() {
        let text = "C and C++ and C# differ.";
        let mut ms = vec![
            m("C", 0, Label::Misc),
            m("C++", 6, Label::Misc),
            m("C#", 14, Label::Misc),
        ];
        assert_eq!(group(text, &mut ms).len(), 3);
    }

    #[test]
    fn one_name_under_two_labels_is_one_entity() {
        let text = "SYRIA leads. Syria and Syria.";
        let mut ms = vec![
            m("SYRIA", 0, Label::Org),
            m("Syria", 13, Label::Loc),
            m("Syria", 23, Label::Loc),
        ];
        let ents = group(text, &mut ms);
        assert_eq!(ents.len(), 1, "{ents:?}");
        assert_eq!(ents[0].label, Label::Loc);
        assert_eq!(ents[0].name, "Syria");
        assert!(ms.iter().all(|m| m.label == Label::Loc && m.entity == 0));
    }

    #[test]
    fn a_lone_unknown_word_named_often_is_no_person() {
        let label_of = |text: &str, word: &str| {
            let mut ms: Vec<Mention> = text
                .match_indices(word)
                .map(|(at, _)| m(word, at, Label::Per))
                .collect();
            let ents = group(text, &mut ms);
            assert_eq!(ents.len(), 1, "{ents:?}");
            ents[0].label
        };
        let four = "Zorblio app. Zorblio rose. Try Zorblio. Zorblio won.";
        assert_eq!(label_of(four, "Zorblio"), Label::Org);
        // Named fewer times, or a known given name or surname: left as the tagger said.
        assert_eq!(
            label_of("Zorblio rose. Zorblio won.", "Zorblio"),
            Label::Per
        );
        let maria = "Maria said. Maria left. Maria won. Maria ran.";
        assert_eq!(label_of(maria, "Maria"), Label::Per);
    }

    #[test]
    fn a_lone_word_of_a_full_name_stays_a_person() {
        // "Zorblio" is no known given name, so it does not join "Zorblio Khan"; but the text
        // names that person in full, so the lone word is the person, not a brand.
        let text = "Zorblio Khan won. Zorblio led. Zorblio won. Zorblio ran. Zorblio lost.";
        let mut ms: Vec<Mention> = vec![m("Zorblio Khan", 0, Label::Per)];
        for (at, _) in text.match_indices("Zorblio ").skip(1) {
            ms.push(m("Zorblio", at, Label::Per));
        }
        let ents = group(text, &mut ms);
        assert!(ents.iter().all(|e| e.label == Label::Per), "{ents:?}");
    }

    #[test]
    fn a_titled_or_he_lone_word_stays_a_person() {
        // Every "Zorblio" read as a person by the tagger; the group's label.
        let label = |text: &str| {
            let mut ms: Vec<Mention> = text
                .match_indices("Zorblio")
                .map(|(at, _)| m("Zorblio", at, Label::Per))
                .collect();
            let ents = group(text, &mut ms);
            assert_eq!(ents.len(), 1, "{ents:?}");
            ents.first().map(|e| e.label)
        };
        // Named by one word four times, but once after "President": a person, not a brand.
        let titled = "President Zorblio spoke. Zorblio led. Zorblio won. Zorblio ran.";
        assert_eq!(label(titled), Some(Label::Per));
        // Spoken of as "he": a character, not a brand.
        let he = "Zorblio smiled. Zorblio said he would go. Zorblio ran, and he fell. Zorblio won.";
        assert_eq!(label(he), Some(Label::Per));
        // Without either, the brand rule holds.
        let brand = "Elsewhere Zorblio spoke. Zorblio led. Zorblio won. Zorblio ran.";
        assert_eq!(label(brand), Some(Label::Org));
    }

    #[test]
    fn a_company_s_opening_words_name_it() {
        let text = "Santa Fe Pacific Gold Corp rose. Santa Fe said. Santa Fe shares fell.";
        let mut ms = vec![
            m("Santa Fe Pacific Gold Corp", 0, Label::Org),
            m("Santa Fe", 33, Label::Loc),
            m("Santa Fe", 47, Label::Loc),
        ];
        let ents = group(text, &mut ms);
        assert_eq!(ents.len(), 1, "{ents:?}");
        assert!(ms.iter().all(|m| m.label == Label::Org && m.entity == 0));
        // A descriptive "Company" is no legal form: the place stays a place.
        let text = "San Diego Cleaning Company rose. San Diego said. San Diego grew.";
        let mut ms = vec![
            m("San Diego Cleaning Company", 0, Label::Org),
            m("San Diego", 33, Label::Loc),
            m("San Diego", 49, Label::Loc),
        ];
        assert_eq!(group(text, &mut ms).len(), 2);
        assert_eq!(ms[1].label, Label::Loc);
    }

    #[test]
    fn table_rows_keep_their_labels() {
        let text = "CHICAGO 3 Boston 2\nCHICAGO 40 20 .667\nCHICAGO 41 19 .683\n";
        let mut ms = vec![
            m("CHICAGO", 0, Label::Org),
            m("CHICAGO", 19, Label::Loc),
            m("CHICAGO", 37, Label::Loc),
        ];
        let ents = group(text, &mut ms);
        assert_eq!(ents.len(), 1, "{ents:?}");
        assert_eq!(ms[0].label, Label::Org);
        assert_eq!(ms[1].label, Label::Loc);
    }

    #[test]
    fn prose_outvotes_a_headline() {
        // One vote each, but the headline's has less context: the prose label wins.
        let text = "Lisbon Harbour Reopens\n\nShips returned to Lisbon on Monday.";
        let mut ms = vec![
            m("Lisbon", 0, Label::Org),
            m("Lisbon", text.rfind("Lisbon").unwrap(), Label::Loc),
        ];
        let ents = group(text, &mut ms);
        assert_eq!(ents.len(), 1, "{ents:?}");
        assert_eq!(ents[0].label, Label::Loc);
        assert!(ms.iter().all(|m| m.label == Label::Loc));
        // Two headline votes against one in prose: a tie, the first group's label stays.
        let text = "Lisbon wins\n\nLisbon again\n\nShips returned to Lisbon.";
        let mut ms = vec![
            m("Lisbon", 0, Label::Org),
            m("Lisbon", 13, Label::Org),
            m("Lisbon", text.rfind("Lisbon").unwrap(), Label::Loc),
        ];
        assert_eq!(group(text, &mut ms)[0].label, Label::Org);
    }

    #[test]
    fn different_people_stay_apart() {
        let text = "Donald Trump and Bashar al-Assad";
        let mut ms = vec![
            m("Donald Trump", 0, Label::Per),
            m("Bashar al-Assad", 17, Label::Per),
        ];
        let ents = group(text, &mut ms);
        assert_eq!(ents.len(), 2);
        assert_eq!((ms[0].entity, ms[1].entity), (0, 1));
    }
}
