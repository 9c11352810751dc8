//! Whether a text is English, the only language the names tagger was trained on. On German,
//! French or Spanish text it marks capitalised common nouns ("Datenbank", "Version") as
//! organisations and people, which is worse than marking nothing; Latin placeholder text and
//! Chinese get spurious names too.
//!
//! The test is the share of words that are common English function words: a quarter to a
//! third of the words of English prose, a few percent in other languages (in the Readability
//! test corpus: English pages 0.25 and up, all others 0.10 and below).

/// Below this many words there is too little to judge: the text counts as English.
const MIN_WORDS: usize = 40;
/// Share of function words from which a text is English.
const MIN_SHARE: f64 = 0.15;
/// Enough words to judge: the rest of a long text is not read.
const ENOUGH_WORDS: usize = 600;

const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
    "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it",
    "its", "more", "not", "of", "on", "one", "or", "said", "she", "so", "than", "that", "the",
    "their", "there", "they", "this", "to", "was", "we", "were", "what", "which", "who", "will",
    "with", "would", "you",
];

/// Whether the words of a text (sentences of tokens) read as English: mostly Latin letters,
/// and enough English function words among them.
pub fn is_english(sentences: &[Vec<&str>]) -> bool {
    let mut words = 0usize;
    let mut function = 0usize;
    // Letters in the Latin script and in others (Chinese, Arabic, Cyrillic...), whose words
    // can be long runs without spaces: their count, not their words', says what the text is.
    let (mut latin, mut other) = (0usize, 0usize);
    let mut buf = String::new();
    for w in sentences.iter().flatten() {
        if !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if words == ENOUGH_WORDS {
            break;
        }
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            if is_latin(c) {
                latin += 1;
            } else {
                other += 1;
            }
        }
        words += 1;
        if w.len() <= 5 && w.is_ascii() {
            buf.clear();
            buf.push_str(w);
            buf.make_ascii_lowercase();
            if FUNCTION_WORDS.binary_search(&buf.as_str()).is_ok() {
                function += 1;
            }
        }
    }
    if other > latin {
        return false;
    }
    words < MIN_WORDS || function as f64 >= words as f64 * MIN_SHARE
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
    fn list_is_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|p| p[0] < p[1]));
    }

    #[test]
    fn tells_english_from_other_languages() {
        let en = "The ferry crossed the bay at dawn while the gulls followed it home , and the \
                  harbour master said that it was the first crossing of the year . ";
        let de = "Das in der iOS-Version bereits enthaltene Feature ist nun auch für OS X \
                  verfügbar . Zudem gibt es neue Zusatzfelder in der Datenbank und weitere \
                  Verbesserungen . ";
        let fr = "Séries , documentaires , programmes jeunesse : retrouvez les recommandations \
                  de Libération pour savoir quoi regarder sur vos écrans cette semaine . ";
        let la = "Lorem ipsum dolor sit amet , consectetur adipiscing elit , sed do eiusmod \
                  tempor incididunt ut labore et dolore magna aliqua . ";
        assert!(is_english(&words(&en.repeat(3))));
        for other in [de, fr, la] {
            assert!(!is_english(&words(&other.repeat(3))), "{other}");
        }
        // Too short to tell: the tagger runs; but a text in another script is not English.
        assert!(is_english(&words(de)));
        assert!(!is_english(&words("人类在月球表面上 NASA 认为它")));
        assert!(!is_english(&words("Москва и Санкт-Петербург")));
    }
}
