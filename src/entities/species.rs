//! Latin binomials ("Escherichia coli", "E. coli", "Homo sapiens"): a capitalised genus and a
//! lower-case epithet are a species, not a place or an organisation.

use super::words::is_common;

/// Endings of Latin and Latinised epithets (coli, aureus, sapiens, elegans, cerevisiae, rex).
const ENDINGS: &[&str] = &[
    "us", "um", "a", "ae", "i", "is", "ans", "ens", "ex", "ix", "ax", "ii", "oides",
];

/// Whether `w` reads as a species epithet: lower-case Latin letters, four or more, a Latin
/// ending (not "-es", the ending of English verbs: "Acme enforces"), and not a frequent
/// English word ("area", "data" and "via" end the same way).
pub fn is_epithet(w: &str) -> bool {
    w.len() >= 4
        && w.chars().all(|c| c.is_ascii_lowercase())
        && ENDINGS.iter().any(|e| w.ends_with(e))
        && !is_common(w)
}

/// Whether `w` can be a genus: a capitalised Latin word ("Escherichia") or an initial ("E.").
pub fn is_genus(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_ascii_uppercase() {
        return false;
    }
    let rest = chars.as_str();
    rest == "." || (rest.len() >= 2 && rest.chars().all(|c| c.is_ascii_lowercase()))
}

/// Whether `w` names a part of a plant, or what is made of it, as ingredient lists name them
/// after the species ("Seed Oil", "Leaf Extract").
pub fn is_plant_part(w: &str) -> bool {
    const PARTS: &[&str] = &[
        "seed", "oil", "leaf", "extract", "root", "flower", "fruit", "peel", "bark", "kernel",
        "butter", "juice", "powder", "water", "wax", "resin", "stem", "rhizome",
    ];
    PARTS.contains(&w.to_lowercase().as_str())
}

/// The word after byte `end` of `text` on the same line, after one space.
pub fn next_word(text: &str, end: usize) -> &str {
    let rest = text.get(end..).unwrap_or("");
    let Some(rest) = rest.strip_prefix(' ') else {
        return "";
    };
    let n = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    rest.get(..n).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epithets_and_genera() {
        for w in [
            "coli",
            "aureus",
            "sapiens",
            "elegans",
            "cerevisiae",
            "pylori",
        ] {
            assert!(is_epithet(w), "{w}");
        }
        for w in [
            "area", "data", "via", "said", "enforces", "Coli", "is", "his",
        ] {
            assert!(!is_epithet(w), "{w}");
        }
        assert!(is_genus("Escherichia") && is_genus("E.") && !is_genus("USA") && !is_genus("e."));
    }
}
