//! Whether a text is English, the only language the names tagger was trained on. On German,
//! French or Spanish text it marks capitalised common nouns ("Datenbank", "Version") as
//! organisations and people, which is worse than marking nothing; Latin placeholder text and
//! Chinese get spurious names too.
//!
//! The decision, in order:
//! 1. the language the page declares (`<html lang>`, Content-Language, `og:locale`): a page
//!    declared as another language gets no names; one declared English does, unless its text is
//!    mostly in another script;
//! 2. text mostly in another script (Chinese, Arabic, Cyrillic...) is not English;
//! 3. text with little running prose (results tables, lists of names, headlines: under
//!    [`MIN_PROSE_WORDS`] lower-case words) is English: too little to judge, and such lists in
//!    English lose every name otherwise;
//! 4. prose in which English function words are common (a quarter to a third of the words of
//!    English prose, a few percent in other languages) is English;
//! 5. otherwise a language identifier (`whatlang`, trigrams) judges the lower-case words: English
//!    prose poor in function words is still English, German, French, Spanish or Latin is not.

use whatlang::{Detector, Lang};

use super::features::FastSet;

/// Below this many lower-case words there is no prose to judge: the text counts as English.
const MIN_PROSE_WORDS: usize = 30;
/// Share of function words among the lower-case words from which a text is English.
const MIN_SHARE: f64 = 0.2;
/// Enough lower-case words to judge: the rest of a long text is not read.
const ENOUGH_WORDS: usize = 400;
/// Lower-case words handed to the language identifier (its cost grows with the text).
const IDENTIFIER_WORDS: usize = 120;

const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it",
    "its", "more", "not", "of", "on", "one", "or", "said", "she", "so", "than", "that", "the",
    "their", "there", "they", "this", "to", "was", "we", "were", "what", "which", "who", "will",
    "with", "would", "you",
];

/// Whether `w` is one of [`FUNCTION_WORDS`] (a set: most words are looked up).
fn is_function_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect())
        .contains(w)
}

/// The languages the identifier chooses among: English and the languages whose text the tagger
/// would most often meet instead (Latin for placeholder text). Fewer candidates make it faster
/// and keep English prose from being taken for a close relative (Scots, Frisian...).
const CANDIDATES: &[Lang] = &[
    Lang::Eng,
    Lang::Deu,
    Lang::Fra,
    Lang::Spa,
    Lang::Ita,
    Lang::Por,
    Lang::Nld,
    Lang::Lat,
    Lang::Pol,
    Lang::Swe,
    Lang::Dan,
    Lang::Nob,
    Lang::Fin,
    Lang::Ces,
    Lang::Ron,
    Lang::Hun,
    Lang::Tur,
    Lang::Ind,
    Lang::Vie,
    Lang::Tgl,
    Lang::Cat,
    Lang::Hrv,
    Lang::Slk,
    Lang::Slv,
    Lang::Lit,
    Lang::Lav,
    Lang::Est,
    Lang::Epo,
];

/// Whether names are looked for in `sentences` (tokens), given the page's declared language.
pub fn names_apply(declared: Option<&str>, sentences: &[Vec<&str>]) -> bool {
    match declared.and_then(primary_language) {
        Some(lang) if lang != "en" => false,
        Some(_) => !mostly_other_script(sentences),
        None => is_english(sentences),
    }
}

/// The primary language subtag of a declared language ("en-GB", "en_US" -> "en"), lower case;
/// `None` when the value is not a language tag (empty, "x-default", garbage).
pub fn primary_language(declared: &str) -> Option<String> {
    let primary = declared.trim().split(['-', '_']).next()?;
    let ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    ok.then(|| primary.to_ascii_lowercase())
}

/// Whether the words of a text (sentences of tokens) read as English, judged from the text
/// alone (steps 2-5 of the module's decision).
pub fn is_english(sentences: &[Vec<&str>]) -> bool {
    let mut prose: Vec<&str> = Vec::new();
    let mut function = 0usize;
    let (mut latin, mut other) = (0usize, 0usize);
    for w in sentences.iter().flatten() {
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() {
            continue;
        }
        // Letters in the Latin script and in others, whose words can be long runs without
        // spaces: their count, not their words', says what the text is.
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            if is_latin(c) {
                latin += 1;
            } else {
                other += 1;
            }
        }
        if first.is_lowercase() {
            prose.push(w);
            if w.len() <= 5 && w.is_ascii() && is_function_word(w) {
                function += 1;
            }
            if prose.len() == ENOUGH_WORDS {
                break;
            }
        }
    }
    if other > latin {
        return false;
    }
    if prose.len() < MIN_PROSE_WORDS || function as f64 >= prose.len() as f64 * MIN_SHARE {
        return true;
    }
    identify(&prose) == Some(Lang::Eng)
}

/// The language of a run of words by trigrams, among [`CANDIDATES`].
fn identify(words: &[&str]) -> Option<Lang> {
    let sample = words
        .get(..IDENTIFIER_WORDS.min(words.len()))
        .unwrap_or(words)
        .join(" ");
    Detector::with_allowlist(CANDIDATES.to_vec())
        .detect(&sample)
        .map(|info| info.lang())
}

fn mostly_other_script(sentences: &[Vec<&str>]) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in sentences
        .iter()
        .flatten()
        .take(ENOUGH_WORDS)
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic())
    {
        if is_latin(c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    other > latin
}

/// Basic Latin, Latin-1 and the Latin Extended blocks.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<&str>> {
        vec![text.split_whitespace().collect()]
    }

    #[test]
    fn list_is_sorted_and_unique() {
        assert!(FUNCTION_WORDS.windows(2).all(|p| p[0] < p[1]));
    }

    const EN: &str = "The ferry crossed the bay at dawn while the gulls followed it home , and \
                      the harbour master said that it was the first crossing of the year . ";
    const DE: &str = "Das in der iOS-Version bereits enthaltene Feature ist nun auch für OS X \
                      verfügbar . Zudem gibt es neue Zusatzfelder in der Datenbank und weitere \
                      Verbesserungen . ";
    const FR: &str = "Séries , documentaires , programmes jeunesse : retrouvez les \
                      recommandations de Libération pour savoir quoi regarder sur vos écrans \
                      cette semaine . ";
    const ES: &str = "El gobierno anunció ayer que las nuevas medidas entrarán en vigor la \
                      próxima semana , según informaron fuentes oficiales a los periodistas . ";
    const LA: &str = "Lorem ipsum dolor sit amet , consectetur adipiscing elit , sed do eiusmod \
                      tempor incididunt ut labore et dolore magna aliqua . ";

    #[test]
    fn tells_english_from_other_languages() {
        assert!(is_english(&words(&EN.repeat(3))));
        for other in [DE, FR, ES, LA] {
            assert!(!is_english(&words(&other.repeat(4))), "{other}");
        }
        // Too short to tell: the tagger runs; but a text in another script is not English.
        assert!(is_english(&words(DE)));
        assert!(!is_english(&words("人类在月球表面上 NASA 认为它")));
        assert!(!is_english(&words("Москва и Санкт-Петербург")));
    }

    #[test]
    fn english_poor_in_function_words_is_english() {
        // Headlines and results: few function words, still English.
        let heads = "Storm batters coast , thousands without power . Rail strike ends after \
                     talks . Markets rally on jobs data . Local team wins cup final . Council \
                     approves new housing plan . Heatwave warning issued for weekend . ";
        assert!(is_english(&words(&heads.repeat(3))));
        let results = "Arsenal 2 Chelsea 1 , Leeds 0 Everton 0 , Fulham 3 Burnley 1 . ";
        assert!(is_english(&words(&results.repeat(10))));
    }

    #[test]
    fn declared_language_comes_first() {
        let (en, de) = (EN.repeat(3), DE.repeat(4));
        let (en, de) = (words(&en), words(&de));
        assert!(!names_apply(Some("de-DE"), &en));
        assert!(names_apply(Some("en_GB"), &de));
        assert!(names_apply(Some("EN"), &en));
        // Not a language tag: the text decides.
        assert!(names_apply(Some("x"), &en));
        assert!(!names_apply(Some(""), &de));
        // Declared English but written in another script.
        assert!(!names_apply(
            Some("en"),
            &words("人类在月球表面上 NASA 认为它")
        ));
        assert_eq!(primary_language("pt-BR").as_deref(), Some("pt"));
        assert_eq!(primary_language("x-default"), None);
    }
}
