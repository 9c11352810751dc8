//! Name lists (countries, cities, regions, nationalities, first names, organisation suffixes)
//! used as tagger features. The lists are built by `scripts/gazetteers/build.py` (see
//! `data/gazetteers/ATTRIBUTION.md` for sources and licences) and compiled by `build.rs` into a
//! [`super::phrase_table`] that is used in place, so first use costs nothing.

use super::features::{FastMap, FastSet};
use super::phrase_table::{PhraseHash, PhraseTable};

pub use super::gazetteer_lists::{
    CITY, COMPANY, COUNTRY, FIRST_NAME, LANGUAGE, MAX_LEN, NATIONALITY, ORG_SUFFIX, PREFIX,
    PRODUCT, REGION, SURNAME,
};

pub const LISTS: [(u8, &str); 7] = [
    (COUNTRY, "country"),
    (CITY, "city"),
    (REGION, "region"),
    (NATIONALITY, "nat"),
    (FIRST_NAME, "first"),
    (ORG_SUFFIX, "orgsuf"),
    (SURNAME, "surname"),
];

/// A hash of every list compiled in (names, bits and contents; `build.rs`): a model records
/// the lists it was trained with.
pub const LISTS_FINGERPRINT: u64 = include!(concat!(env!("OUT_DIR"), "/lists_fingerprint.rs"));

/// The lists compiled into a phrase table by `build.rs`, used in place.
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
/// The first words of the phrases that start in lower case, sorted, one per line (`build.rs`).
static LOWER_FIRST: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer_lower_first.txt"));

/// The company and brand names (`companies.txt`), a phrase table of their own (bit 1).
static COMPANIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/companies.bin"));
/// English words with their frequency bucket (see [`zipf_bucket`]); CC BY-SA 4.0 (wordfreq).
static WORDFREQ: &str = include_str!("../../data/gazetteers/wordfreq_en.txt");

/// A lower-cased word's frequency in English as `floor(2 * Zipf)` (7 for Zipf 3.5 up to about
/// 15 for "the"), or 0 for a rarer word: tells a capitalised common word ("Since", "Roughly")
/// from a name.
pub fn zipf_bucket(lower: &str) -> u8 {
    frequency_index().get(lower).map_or(0, |e| e.1)
}

/// Word clusters learnt from unlabeled text (`clusters.txt`, `scripts/clusters/build.py`).
static CLUSTERS: &str = include_str!("../../data/gazetteers/clusters.txt");

/// A lower-cased word's cluster (its number as the list writes it): words used alike
/// ("salesforce", "oracle") share one. `None` for a word the list lacks.
pub fn cluster(lower: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<FastMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        CLUSTERS
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
    .get(lower)
    .copied()
}

/// The position of a lower-cased word in the word-frequency list (sorted), if it is there.
pub fn word_index(lower: &str) -> Option<usize> {
    frequency_index().get(lower).map(|e| e.0 as usize)
}

/// The word-frequency list by word: (position, bucket). A hash lookup, not a binary search:
/// every capitalised token of a text asks (a binary search was a sixth of recognition's time).
fn frequency_index() -> &'static FastMap<&'static str, (u32, u8)> {
    static WORDS: std::sync::OnceLock<FastMap<&'static str, (u32, u8)>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        WORDFREQ
            .lines()
            .enumerate()
            .filter_map(|(i, l)| {
                let (w, b) = l.split_once('\t')?;
                Some((w, (u32::try_from(i).ok()?, b.parse().ok()?)))
            })
            .collect()
    })
}

/// Whether a phrase of the lists can start at `word`: most words are lower case, and only a
/// few phrases start so.
fn may_start(word: &str) -> bool {
    // A hash set: most words of a text are lower case, and a binary search compared each
    // several times.
    static FIRST: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
    !word.chars().next().is_some_and(char::is_lowercase)
        || FIRST
            .get_or_init(|| LOWER_FIRST.lines().collect())
            .contains(word)
}

#[derive(Clone, Copy)]
pub struct Gazetteer {
    phrases: Option<PhraseTable<'static>>,
    companies: Option<PhraseTable<'static>>,
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

/// The lists of the longest match that covers exactly `m` (the matches of a name's words), if
/// one does: "New York" as a city, not "New" of "New York City".
pub fn whole_match(m: &[GazMatch]) -> Option<u8> {
    let whole = match m {
        [one] => one.long_pos == 4,
        [first, .., last] => first.long_pos == 1 && last.long_pos == 3,
        [] => false,
    };
    whole.then(|| m.first().map_or(0, |x| x.long_bits))
}

/// The end (exclusive) of the longest match that begins at `i` in `m` (see
/// [`GazMatch::long_pos`]): `i + 1` for a one-word match.
pub fn longest_end(m: &[GazMatch], i: usize) -> usize {
    let mut end = i + 1;
    while m
        .get(end)
        .is_some_and(|x| x.long_pos == 2 || x.long_pos == 3)
    {
        end += 1;
    }
    end
}

/// Marks tokens `i..end` as one longest match of the lists `bits`.
fn mark_span(out: &mut [GazMatch], i: usize, end: usize, bits: u8) {
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
}

impl Gazetteer {
    /// Checks the embedded table's header (no other work: the table is used in place). A
    /// malformed table (impossible for one built by `build.rs`) matches nothing.
    pub fn load() -> Self {
        Gazetteer {
            phrases: PhraseTable::new(TABLE),
            companies: PhraseTable::new(COMPANIES),
        }
    }

    /// The shared instance.
    pub fn get() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(Gazetteer::load)
    }

    /// Matches every phrase in the sentence `words` (already case-normalised by the caller).
    pub fn matches(&self, words: &[&str]) -> Vec<GazMatch> {
        match self.phrases {
            Some(table) => {
                longest_matches(words, MAX_LEN, PREFIX, may_start, |h| table.get(h.finish()))
            }
            None => vec![GazMatch::default(); words.len()],
        }
    }

    /// What one word alone finds in the lists and in the company list: `[lists, companies]`
    /// (0 where no phrase may start at it), `h` being its [`first_hash`]. A word's answers
    /// can be kept for its every occurrence (see [`Gazetteer::matches_from`]).
    pub fn first(&self, word: &str, h: PhraseHash) -> [u8; 2] {
        let lists = match self.phrases {
            Some(t) if may_start(word) => t.get(h.finish()),
            _ => 0,
        };
        let companies = match self.companies {
            Some(t) if may_start_company(word) => t.get(h.finish()),
            _ => 0,
        };
        [lists, companies]
    }

    /// [`Gazetteer::matches`] with each word's [`first_hash`] and `first(i)[0]` given.
    pub fn matches_from(
        &self,
        words: &[&str],
        first: impl Fn(usize) -> (PhraseHash, u8),
    ) -> Vec<GazMatch> {
        match self.phrases {
            Some(table) => {
                longest_matches_from(words, MAX_LEN, PREFIX, first, |h| table.get(h.finish()))
            }
            None => vec![GazMatch::default(); words.len()],
        }
    }

    /// [`Gazetteer::company_matches`] with each word's [`first_hash`] and `first(i)[1]` given.
    pub fn company_matches_from(
        &self,
        words: &[&str],
        first: impl Fn(usize) -> (PhraseHash, u8),
    ) -> Vec<GazMatch> {
        match self.companies {
            Some(table) => {
                longest_matches_from(words, MAX_LEN, PREFIX, first, |h| table.get(h.finish()))
            }
            None => vec![GazMatch::default(); words.len()],
        }
    }
}

/// The phrase hash of a word opening a phrase.
pub fn first_hash(word: &str) -> PhraseHash {
    let mut h = PhraseHash::default();
    h.push(word, true);
    h
}

/// Whether a company or product name may start at `word`: not a lower-case word.
fn may_start_company(word: &str) -> bool {
    !word.chars().next().is_some_and(char::is_lowercase)
}

impl Gazetteer {
    /// Matches the company and brand names ([`COMPANY`]) and products ([`PRODUCT`]) in `words`.
    pub fn company_matches(&self, words: &[&str]) -> Vec<GazMatch> {
        match self.companies {
            Some(table) => longest_matches(words, MAX_LEN, PREFIX, may_start_company, |h| {
                table.get(h.finish())
            }),
            None => vec![GazMatch::default(); words.len()],
        }
    }
}

/// Matches phrases of up to `max_len` words starting at each word. `lookup` gives a phrase's
/// bits (0: absent); `prefix` marks a stored prefix of longer phrases, so the scan goes on.
pub fn longest_matches(
    words: &[&str],
    max_len: usize,
    prefix: u8,
    may_start: impl Fn(&str) -> bool,
    lookup: impl Fn(PhraseHash) -> u8,
) -> Vec<GazMatch> {
    let first = |i: usize| {
        let w = words.get(i).copied().unwrap_or("");
        if !may_start(w) {
            return (PhraseHash::default(), 0);
        }
        let h = first_hash(w);
        (h, lookup(h))
    };
    longest_matches_from(words, max_len, prefix, first, &lookup)
}

/// [`longest_matches`] given each word's phrase hash and bits as a phrase's first word
/// (`first(i)`, bits 0 where no phrase may start), which callers can keep per word form.
pub fn longest_matches_from(
    words: &[&str],
    max_len: usize,
    prefix: u8,
    first: impl Fn(usize) -> (PhraseHash, u8),
    lookup: impl Fn(PhraseHash) -> u8,
) -> Vec<GazMatch> {
    let mut out = vec![GazMatch::default(); words.len()];
    // The longest match of each start is marked as it is found, left to right without overlap
    // ("New York City" reads as one city rather than three overlapping ones): `free` is where
    // the next may start.
    let mut free = 0;
    for i in 0..words.len() {
        let (mut h, first_bits) = first(i);
        if first_bits == 0 {
            continue;
        }
        let mut longest = (0usize, 0u8);
        for j in i..words.len().min(i + max_len) {
            let bits = if j == i {
                first_bits
            } else {
                h.push(words.get(j).copied().unwrap_or(""), false);
                lookup(h)
            };
            if bits == 0 {
                break;
            }
            let lists = bits & !prefix;
            if lists != 0 {
                if let Some(m) = out.get_mut(i) {
                    m.begin |= lists;
                }
                for k in i + 1..=j {
                    if let Some(m) = out.get_mut(k) {
                        m.inside |= lists;
                    }
                }
                longest = (j + 1, lists);
            }
        }
        let (end, bits) = longest;
        if i >= free && end > i && bits != 0 {
            mark_span(&mut out, i, end, bits);
            free = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_companies_and_common_words() {
        let g = Gazetteer::get();
        let m = g.company_matches(&["at", "Adobe", "and", "Air", "Liquide"]);
        assert_eq!(m[1].begin, 1, "{m:?}");
        assert_eq!((m[3].begin, m[4].inside, m[4].long_pos), (1, 1, 3));
        assert_eq!(m[0], GazMatch::default());
        // Products have their own bit in the same table.
        let p = g.company_matches(&["in", "SQLite", "and", "Adobe"]);
        assert_eq!(
            (p[1].long_bits, p[3].long_bits),
            (PRODUCT, COMPANY),
            "{p:?}"
        );
        assert!(zipf_bucket("the") >= 14);
        assert!((7..12).contains(&zipf_bucket("roughly")));
        assert_eq!(zipf_bucket("qwzx"), 0);
    }

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
