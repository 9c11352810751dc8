//! A name the text itself explains ("Oppenheimer, the film", "Revolut, the London fintech",
//! "Khalid, the singer"): the noun after ", the" (or ", a"/", an"), past up to three modifiers,
//! says what kind of name it is, and outweighs the tagger's guess from the word alone.

use super::{Label, Mention};

/// Bytes looked at before and after a mention (a bounded window keeps long texts without
/// spaces linear).
const WINDOW: usize = 120;

/// The kind a head noun names.
fn kind(noun: &str) -> Option<Label> {
    const WORKS: &[&str] = &[
        "film",
        "movie",
        "album",
        "book",
        "novel",
        "memoir",
        "song",
        "single",
        "game",
        "show",
        "series",
        "sitcom",
        "documentary",
        "musical",
        "play",
        "podcast",
        "sequel",
        "opera",
        "painting",
        "exhibition",
        // Software and products.
        "app",
        "tool",
        "library",
        "framework",
        "language",
        "browser",
        "chatbot",
        "smartphone",
        "phone",
        "laptop",
        "console",
        "drug",
        "vaccine",
        "software",
        "plugin",
        "engine",
        "device",
    ];
    const BODIES: &[&str] = &[
        "company",
        "firm",
        "startup",
        "start-up",
        "fintech",
        "bank",
        "retailer",
        "carmaker",
        "automaker",
        "airline",
        "insurer",
        "brewery",
        "band",
        "club",
        "party",
        "agency",
        "newspaper",
        "magazine",
        "publisher",
        "label",
        "charity",
        "nonprofit",
        "non-profit",
        "chain",
        "conglomerate",
    ];
    const PLACES: &[&str] = &[
        "city", "town", "village", "country", "region", "island", "province", "county", "capital",
    ];
    const PEOPLE: &[&str] = &[
        "actor",
        "actress",
        "singer",
        "rapper",
        "musician",
        "songwriter",
        "director",
        "novelist",
        "author",
        "writer",
        "footballer",
        "comedian",
        "artist",
        "painter",
        "chef",
        "economist",
        "senator",
    ];
    [
        (WORKS, Label::Misc),
        (BODIES, Label::Org),
        (PLACES, Label::Loc),
        (PEOPLE, Label::Per),
    ]
    .iter()
    .find(|(nouns, _)| nouns.contains(&noun))
    .map(|&(_, label)| label)
}

/// The kind named just before a mention: "the film Oppenheimer", "her album Mercy", "Nolan's
/// 2023 film Oppenheimer", "the French company Thomson": a kind noun right before the name,
/// with a determiner or a possessive at most three words before the noun; not nouns that are
/// verbs too.
fn kind_before(text: &str, at: usize) -> Option<Label> {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
    ];
    let mut words = super::text_before(text, at, WINDOW).rsplit(' ');
    // The mention follows its noun after exactly one space.
    let gap = words.next()?;
    if !gap.is_empty() {
        return None;
    }
    let noun = words.next()?;
    // Nouns that are verbs too ("to play Liechtenstein", "figures show Apple").
    const VERBS: &[&str] = &["play", "show", "label", "single", "bank", "chain", "party"];
    if VERBS.contains(&noun) {
        return None;
    }
    let label = kind(noun)?;
    let determined = words.take(3).any(|w| {
        DETERMINERS.contains(&w.to_lowercase().as_str()) || w.ends_with("'s") || w.ends_with("’s")
    });
    determined.then_some(label)
}

/// Whether a job comes just before the mention, with the preposition of its employer: "product
/// manager at Google Cloud", "founder of SQLite AI", "solutions architect for Google Cloud". A
/// product read there is the company behind it. ("Mayor of London" names a place: only
/// products are relabelled.)
fn employer_after_job(text: &str, at: usize) -> bool {
    const JOBS: &[&str] = &[
        "manager",
        "director",
        "engineer",
        "founder",
        "co-founder",
        "cofounder",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "architect",
        "scientist",
        "researcher",
        "analyst",
        "officer",
        "lead",
        "head",
        "vp",
        "president",
        "developer",
        "designer",
        "editor",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "strategist",
        "consultant",
        "evangelist",
        "advocate",
        "executive",
        "partner",
        "employee",
        "intern",
    ];
    let mut words = super::text_before(text, at, WINDOW).rsplit(' ');
    if words.next() != Some("") {
        return false;
    }
    let prep = words.next().unwrap_or("");
    if !matches!(prep, "at" | "of" | "for") {
        return false;
    }
    words.next().is_some_and(|job| {
        let job = job.trim_end_matches(',').to_lowercase();
        JOBS.contains(&job.as_str())
    })
}

/// Heads of spelt-out acronyms that name a thing, not a body: "Gradient Interaction
/// Modifications (GIM)" is a method, "Alignment Quality Index (AQI)" a measure, "Affordable Care
/// Act (ACA)" a law: works and products (MISC), never organisations.
fn names_a_thing(long: &str) -> bool {
    const HEADS: &[&str] = &[
        "index",
        "protocol",
        "method",
        "methods",
        "model",
        "models",
        "language",
        "format",
        "standard",
        "test",
        "score",
        "modifications",
        "algorithm",
        "technique",
        "architecture",
        "benchmark",
        "dataset",
        "metric",
        "scale",
        "toolkit",
        "specification",
        "notation",
        "framework",
        "act",
        "law",
        "treaty",
        "convention",
        "regulation",
        "directive",
    ];
    long.split_whitespace()
        .next_back()
        .is_some_and(|w| HEADS.contains(&w.to_lowercase().as_str()))
}

/// An acronym "of an organisation" that the text spells out as a thing (either way round: "GIM
/// (Gradient Interaction Modifications)", "Alignment Quality Index (AQI)") is that thing, with
/// its long form and its other uses.
fn defined_things(text: &str, mentions: &mut [Mention]) {
    use super::aliases::{initials, is_acronym};
    let mut things: Vec<String> = Vec::new();
    for m in mentions.iter() {
        if m.label != Label::Org {
            continue;
        }
        let after = super::text_after(text, m.end, WINDOW);
        let Some(inner) = after.strip_prefix(" (") else {
            continue;
        };
        let Some((inner, _)) = inner.split_once(')') else {
            continue;
        };
        let (acronym, long) = if is_acronym(&m.text) {
            (m.text.as_str(), inner)
        } else {
            (inner, m.text.as_str())
        };
        if is_acronym(acronym) && initials(long) == acronym && names_a_thing(long) {
            things.push(acronym.to_string());
            things.push(long.to_string());
        }
    }
    for m in mentions.iter_mut() {
        if m.label == Label::Org && things.contains(&m.text) {
            m.label = Label::Misc;
        }
    }
}

/// "the Firefox web browser", "the Thunderbird e-mail client", "the Signal app": a name between
/// "the" and a software noun (past one lower-case modifier) is that software. Not devices, whose
/// maker is named so ("the Apple laptop").
fn software_after(text: &str, m: &Mention) -> bool {
    const SOFTWARE: &[&str] = &[
        "app",
        "apps",
        "browser",
        "client",
        "software",
        "plugin",
        "plug-in",
        "extension",
        "library",
        "framework",
        "editor",
    ];
    // "the" right before the mention, as in `kind_before`.
    let mut before = super::text_before(text, m.start, 8).rsplit(' ');
    if before.next() != Some("") || !before.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        return false;
    }
    let Some(rest) = super::text_after(text, m.end, WINDOW).strip_prefix(' ') else {
        return false;
    };
    let mut words = rest.split(' ');
    let word = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    let first = words.next().map(word).unwrap_or_default();
    if SOFTWARE.contains(&first.as_str()) {
        return true;
    }
    let modifier = !first.is_empty() && first.chars().all(|c| c.is_lowercase() || c == '-');
    modifier
        && words
            .next()
            .map(word)
            .is_some_and(|w| SOFTWARE.contains(&w.as_str()))
}

/// Relabels each mention that the text explains, before it ("the film Oppenheimer") or after it
/// (", the <modifiers> <noun>"; "the Firefox web browser").
pub fn relabel(text: &str, mentions: &mut [Mention]) {
    defined_things(text, mentions);
    // What the text explains holds for the same name elsewhere in it.
    let mut explained: Vec<(String, Label)> = Vec::new();
    for m in mentions.iter_mut() {
        if !m.label.is_name() {
            continue;
        }
        if let Some(label) = kind_before(text, m.start) {
            m.label = label;
            explained.push((m.text.clone(), label));
            continue;
        }
        if m.label == Label::Misc && employer_after_job(text, m.start) {
            m.label = Label::Org;
            continue;
        }
        if software_after(text, m) {
            m.label = Label::Misc;
            explained.push((m.text.clone(), Label::Misc));
            continue;
        }
        let rest = super::text_after(text, m.end, WINDOW);
        let Some(rest) = [", the ", ", a ", ", an "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        else {
            continue;
        };
        // The noun phrase runs to the next punctuation; its head is the first kind noun among
        // its first four words ("the London fintech", "the 2023 film").
        let phrase = rest
            .split([',', '.', ';', ':', '(', ')', '—', '–', '\n'])
            .next()
            .unwrap_or("");
        let words: Vec<&str> = phrase.split_whitespace().take(5).collect();
        let Some((i, label)) = words
            .iter()
            .take(4)
            .enumerate()
            .find_map(|(i, w)| kind(w).map(|l| (i, l)))
        else {
            continue;
        };
        // The noun must end its phrase: "the band manager" is a person, not a band.
        const AFTER_HEAD: &[&str] = &[
            "of", "that", "which", "who", "whose", "from", "in", "with", "by", "and", "or", "for",
            "at", "on", "to", "starring", "based", "released", "founded",
        ];
        let ends = words.get(i + 1).is_none_or(|w| AFTER_HEAD.contains(w));
        if ends {
            m.label = label;
            explained.push((m.text.clone(), label));
        }
    }
    if explained.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if let Some((_, label)) = explained.iter().find(|(t, _)| *t == m.text) {
            if m.label.is_name() {
                m.label = *label;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str, names: &[(&str, Label)]) -> Vec<Label> {
        let mut ms: Vec<Mention> = names
            .iter()
            .map(|&(n, l)| {
                let at = text.find(n).unwrap_or(0);
                Mention::new(text, at, at + n.len(), l)
            })
            .collect();
        relabel(text, &mut ms);
        ms.iter().map(|m| m.label).collect()
    }

    #[test]
    fn software_named_before_its_noun() {
        let text = "Mozilla makes the Firefox web browser and the Thunderbird e-mail client. \
                    Buy the Acme laptop. Google said so.";
        let names = [
            ("Mozilla", Label::Org),
            ("Firefox", Label::Org),
            ("Thunderbird", Label::Org),
            ("Acme", Label::Org),
            ("Google", Label::Org),
        ];
        assert_eq!(
            labels(text, &names),
            [Label::Org, Label::Misc, Label::Misc, Label::Org, Label::Org]
        );
    }

    #[test]
    fn acronyms_spelt_out_as_things_are_no_bodies() {
        let text = "GIM (Gradient Interaction Modifications) beats the Alignment Quality Index \
                    (AQI). GIM is fast. The Syrian Democratic Forces (SDF) and the World Health \
                    Organization (WHO) disagree.";
        let names = [
            ("GIM", Label::Org),
            ("Gradient Interaction Modifications", Label::Org),
            ("Alignment Quality Index", Label::Org),
            ("AQI", Label::Org),
            ("GIM", Label::Org),
            ("Syrian Democratic Forces", Label::Org),
            ("SDF", Label::Org),
            ("World Health Organization", Label::Org),
            ("WHO", Label::Org),
        ];
        let mut ms = crate::entities::mentions_in_order(text, &names);
        relabel(text, &mut ms);
        let got: Vec<Label> = ms.iter().map(|m| m.label).collect();
        use Label::*;
        assert_eq!(got, [Misc, Misc, Misc, Misc, Misc, Org, Org, Org, Org]);
    }

    #[test]
    fn a_product_after_a_job_is_the_employer() {
        let text = "Lisa Shen, product manager at Google Cloud, said Google Cloud runs on \
                    Borg. The mayor of London, founder of Acme Cloud, spoke.";
        let mut ms = crate::entities::mentions_in_order(
            text,
            &[
                ("Google Cloud", Label::Misc),
                ("Google Cloud", Label::Misc),
                ("London", Label::Loc),
                ("Acme Cloud", Label::Misc),
            ],
        );
        relabel(text, &mut ms);
        let got: Vec<Label> = ms.iter().map(|m| m.label).collect();
        assert_eq!(got, [Label::Org, Label::Misc, Label::Loc, Label::Org]);
    }

    #[test]
    fn long_texts_without_spaces_stay_fast() {
        let text = "Apple,".repeat(200_000);
        let mut ms: Vec<Mention> = (0..text.len() / 6)
            .map(|i| Mention::new(&text, i * 6, i * 6 + 5, Label::Org))
            .collect();
        let started = std::time::Instant::now();
        relabel(&text, &mut ms);
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn the_text_says_what_a_name_is() {
        let text = "Oppenheimer, the film, beat Revolut, the London fintech, and Khalid, a singer \
                    from Texas, came to Bath, the city of spas.";
        let got = labels(
            text,
            &[
                ("Oppenheimer", Label::Per),
                ("Revolut", Label::Per),
                ("Khalid", Label::Loc),
                ("Bath", Label::Org),
            ],
        );
        assert_eq!(got, [Label::Misc, Label::Org, Label::Per, Label::Loc]);
        let text = "Nolan's 2023 film Oppenheimer starred the singer Khalid and the French \
                    company Thomson, as film Barbie did not.";
        let got = labels(
            text,
            &[
                ("Oppenheimer", Label::Per),
                ("Khalid", Label::Loc),
                ("Thomson", Label::Per),
                ("Barbie", Label::Per),
            ],
        );
        assert_eq!(got, [Label::Misc, Label::Per, Label::Org, Label::Per]);
        let text = "Try the chatbot Claude or the search engine Google.";
        let got = labels(text, &[("Claude", Label::Per), ("Google", Label::Org)]);
        assert_eq!(got, [Label::Misc, Label::Misc]);
        // The same name elsewhere is the same kind.
        let text = "Oppenheimer won. Oppenheimer, the film, opened in July.";
        let mut ms = vec![
            Mention::new(text, 0, 11, Label::Per),
            Mention::new(text, 17, 28, Label::Per),
        ];
        relabel(text, &mut ms);
        assert!(ms.iter().all(|m| m.label == Label::Misc), "{ms:?}");
        // A verb before a name explains nothing.
        let text = "McCarthy names the team to play Liechtenstein.";
        let got = labels(text, &[("Liechtenstein", Label::Loc)]);
        assert_eq!(got, [Label::Loc]);
        // A noun further on, or none, changes nothing.
        let text = "Apple, the maker of the new phone, and Paris, the most visited of all. \
                    Jo Lee, the band manager, and Ann Roe, the company’s chief, spoke.";
        let got = labels(
            text,
            &[
                ("Apple", Label::Org),
                ("Paris", Label::Loc),
                ("Jo Lee", Label::Per),
                ("Ann Roe", Label::Per),
            ],
        );
        assert_eq!(got, [Label::Org, Label::Loc, Label::Per, Label::Per]);
    }
}
