//! The gazetteer lists and how their lines become phrase-table entries. Compiled both into the
//! library and into `build.rs` (which builds the embedded table), so it uses only `std` and its
//! sibling modules `tokenize` and `phrase_table`.

use super::phrase_table::PhraseHash;
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
pub const PREFIX: u8 = 128;

/// Longest phrase, in tokens, that is looked up.
pub const MAX_LEN: usize = 6;

/// Each list (in `data/gazetteers/`) and its bit.
pub const FILES: [(u8, &str); 8] = [
    (COUNTRY, "countries.txt"),
    (CITY, "cities.txt"),
    (REGION, "regions.txt"),
    (NATIONALITY, "nationalities.txt"),
    (FIRST_NAME, "first_names.txt"),
    (ORG_SUFFIX, "org_suffixes.txt"),
    (SURNAME, "surnames.txt"),
    (LANGUAGE, "languages_currencies.txt"),
];

/// Modern company and brand names: their own phrase table (the main one has no bit left).
pub const COMPANIES_FILE: &str = "companies.txt";
/// Apps, services, software and devices: in the companies' table, bit [`PRODUCT`].
pub const PRODUCTS_FILE: &str = "products.txt";
/// Word clusters (`scripts/clusters/build.py`): a lower-case word, a tab, its cluster.
pub const CLUSTERS_FILE: &str = "clusters.txt";
/// The companies' table's bits.
pub const COMPANY: u8 = 1;
pub const PRODUCT: u8 = 2;
/// English words and their frequency buckets (`word<TAB>floor(2 * Zipf)`), read as text.
pub const WORDFREQ_FILE: &str = "wordfreq_en.txt";

/// Adds the entries of one list: each phrase (tokenised like article text) with `bit`, and its
/// beginnings with [`PREFIX`], so a lookup can stop at the first word that continues nothing.
pub fn add_entries(bit: u8, src: &str, out: &mut Vec<(u64, u8)>) {
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let toks = tokenize(line);
        if toks.is_empty() || toks.len() > MAX_LEN {
            continue;
        }
        let mut h = PhraseHash::default();
        for (n, t) in toks.iter().enumerate() {
            h.push(t.text(line), n == 0);
            let flag = if n + 1 == toks.len() { bit } else { PREFIX };
            out.push((h.finish(), flag));
        }
    }
}

/// The first tokens of a list's phrases that start with a lower-case letter.
pub fn lower_first_tokens(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|line| {
            let line = line.trim();
            let toks = tokenize(line);
            let first = toks.first()?.text(line);
            (toks.len() <= MAX_LEN && first.chars().next().is_some_and(char::is_lowercase))
                .then(|| first.to_string())
        })
        .collect()
}
