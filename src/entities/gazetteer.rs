//! Name lists (countries, cities, regions, nationalities, first names, organisation suffixes)
//! used as tagger features. Built by `scripts/gazetteers/build.py`; see
//! `data/gazetteers/ATTRIBUTION.md` for sources and licences.

use std::sync::OnceLock;

use super::features::FastMap;
use super::tokenize::tokenize;

pub const COUNTRY: u8 = 1;
pub const CITY: u8 = 2;
pub const REGION: u8 = 4;
pub const NATIONALITY: u8 = 8;
pub const FIRST_NAME: u8 = 16;
pub const ORG_SUFFIX: u8 = 32;
pub const SURNAME: u8 = 64;
/// Languages and currencies; shares a bit with nationalities (both name kinds of things).
pub const LANGUAGE: u8 = NATIONALITY;
/// Marks a key that is only the beginning of a longer phrase.
const PREFIX: u8 = 128;

pub const LISTS: [(u8, &str); 7] = [
    (COUNTRY, "country"),
    (CITY, "city"),
    (REGION, "region"),
    (NATIONALITY, "nat"),
    (FIRST_NAME, "first"),
    (ORG_SUFFIX, "orgsuf"),
    (SURNAME, "surname"),
];

const SOURCES: [(u8, &str); 8] = [
    (COUNTRY, include_str!("../../data/gazetteers/countries.txt")),
    (CITY, include_str!("../../data/gazetteers/cities.txt")),
    (REGION, include_str!("../../data/gazetteers/regions.txt")),
    (
        NATIONALITY,
        include_str!("../../data/gazetteers/nationalities.txt"),
    ),
    (
        FIRST_NAME,
        include_str!("../../data/gazetteers/first_names.txt"),
    ),
    (
        ORG_SUFFIX,
        include_str!("../../data/gazetteers/org_suffixes.txt"),
    ),
    (SURNAME, include_str!("../../data/gazetteers/surnames.txt")),
    (
        LANGUAGE,
        include_str!("../../data/gazetteers/languages_currencies.txt"),
    ),
];

/// Longest phrase, in tokens, that is looked up.
const MAX_LEN: usize = 6;

pub struct Gazetteer {
    /// Phrase (tokens joined by one space) -> list bits.
    phrases: FastMap<String, u8>,
}

/// Per token: which lists match a phrase that begins (`begin`) or continues (`inside`) here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazMatch {
    pub begin: u8,
    pub inside: u8,
    /// Position (1 B, 2 I, 3 L, 4 U; 0 none) in the longest match chosen left to right, so
    /// "New York City" reads as one city rather than three overlapping ones.
    pub long_pos: u8,
    /// The lists of that longest match.
    pub long_bits: u8,
}

/// Marks the longest matches, left to right without overlap: `longest[i]` is the end (exclusive)
/// and lists of the longest match that starts at token `i` (end 0: none).
pub fn mark_longest(out: &mut [GazMatch], longest: &[(usize, u8)]) {
    let mut i = 0;
    while i < out.len() {
        let (end, bits) = longest.get(i).copied().unwrap_or((0, 0));
        if end <= i || bits == 0 {
            i += 1;
            continue;
        }
        for k in i..end {
            let pos = if end - i == 1 {
                4
            } else if k == i {
                1
            } else if k + 1 == end {
                3
            } else {
                2
            };
            if let Some(m) = out.get_mut(k) {
                m.long_pos = pos;
                m.long_bits = bits;
            }
        }
        i = end;
    }
}

impl Gazetteer {
    /// Builds the tables from the embedded lists (what [`Gazetteer::get`] does once).
    pub fn load() -> Self {
        let mut phrases: FastMap<String, u8> = FastMap::default();
        for (bit, src) in SOURCES {
            for line in src.lines() {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let toks: Vec<&str> = tokenize(line).iter().map(|t| t.text(line)).collect();
                insert_phrase(&mut phrases, &toks, bit);
            }
        }
        Gazetteer { phrases }
    }

    /// The shared instance (built on first use).
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    /// Matches every phrase in the sentence `words` (already case-normalised by the caller).
    pub fn matches(&self, words: &[&str]) -> Vec<GazMatch> {
        match_phrases(&self.phrases, words)
    }
}

/// Adds `phrase` (tokens joined by one space) with `bits`, and its beginnings as prefixes.
pub fn insert_phrase(phrases: &mut FastMap<String, u8>, toks: &[&str], bits: u8) {
    if toks.is_empty() || toks.len() > MAX_LEN {
        return;
    }
    let mut key = String::new();
    for (n, t) in toks.iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(t);
        let flag = if n + 1 == toks.len() { bits } else { PREFIX };
        *phrases.entry(key.clone()).or_insert(0) |= flag;
    }
}

/// Every phrase of `phrases` found in `words`, as begin/inside bits per token.
pub fn match_phrases(phrases: &FastMap<String, u8>, words: &[&str]) -> Vec<GazMatch> {
    {
        let mut out = vec![GazMatch::default(); words.len()];
        let mut longest = vec![(0usize, 0u8); words.len()];
        let mut key = String::new();
        for i in 0..words.len() {
            // Phrases start with a capital letter (or are suffixes such as "plc").
            key.clear();
            for j in i..words.len().min(i + MAX_LEN) {
                if j > i {
                    key.push(' ');
                }
                key.push_str(words.get(j).copied().unwrap_or(""));
                let Some(&bits) = phrases.get(key.as_str()) else {
                    break;
                };
                let lists = bits & !PREFIX;
                if lists != 0 {
                    if let Some(m) = out.get_mut(i) {
                        m.begin |= lists;
                    }
                    for k in i + 1..=j {
                        if let Some(m) = out.get_mut(k) {
                            m.inside |= lists;
                        }
                    }
                    if let Some(l) = longest.get_mut(i) {
                        *l = (j + 1, lists);
                    }
                }
            }
        }
        mark_longest(&mut out, &longest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_multi_word_places() {
        let g = Gazetteer::get();
        let m = g.matches(&["in", "New", "York", "with", "Ltd"]);
        assert!(m[1].begin & CITY != 0, "{m:?}");
        assert!(m[2].inside & CITY != 0);
        assert_eq!(m[0], GazMatch::default());
        assert!(m[4].begin & ORG_SUFFIX != 0);
        let m = g.matches(&["Russia", "Syrian"]);
        assert!(m[0].begin & COUNTRY != 0);
        assert!(m[1].begin & NATIONALITY != 0);
    }
}
