//! Korean names as English text writes them: a surname, then a hyphenated given name ("Moon
//! Jae-in", "Ban Ki-moon", "Lee Jae-myung"). The tagger, trained on news that rarely named
//! Koreans, leaves them out or keeps only the given name ("Jung-geun" as MISC).

use super::Label;

/// Korean surnames in their usual romanisations.
const SURNAMES: &[&str] = &[
    "Ahn", "An", "Bae", "Baek", "Ban", "Bang", "Byun", "Cha", "Chae", "Chang", "Cho", "Choe",
    "Choi", "Chun", "Chung", "Do", "Eom", "Gil", "Gu", "Ha", "Han", "Heo", "Hong", "Huh", "Hwang",
    "Hyun", "Im", "Jang", "Jeon", "Jeong", "Ji", "Jin", "Jo", "Joo", "Ju", "Jung", "Kang", "Kil",
    "Kim", "Ko", "Koh", "Koo", "Ku", "Kwak", "Kwon", "Lee", "Lim", "Ma", "Maeng", "Min", "Moon",
    "Mun", "Na", "Nam", "Noh", "Oh", "Paik", "Pak", "Park", "Pyo", "Rhee", "Roh", "Ryu", "Seo",
    "Seok", "Seong", "Shin", "Sohn", "Son", "Song", "Suh", "Sung", "Tak", "Um", "Won", "Woo",
    "Yang", "Yeo", "Yeom", "Yi", "Yoo", "Yoon", "Yu", "Yun",
];

/// A given name of two syllables joined by a hyphen, the second in lower case ("Jae-in",
/// "Geun-hye"): the shape English text gives Korean given names, and few other words.
fn is_given_name(word: &str) -> bool {
    let Some((first, second)) = word.split_once('-') else {
        return false;
    };
    let mut head = first.chars();
    head.next().is_some_and(|c| c.is_ascii_uppercase())
        && (1..=4).contains(&head.clone().count())
        && head.all(|c| c.is_ascii_lowercase())
        && (2..=5).contains(&second.len())
        && second.chars().all(|c| c.is_ascii_lowercase())
}

/// Marks "Surname Given-name" in one sentence as a person (spans: first word, end word,
/// label), replacing the spans inside it; a longer name that holds it stays.
pub fn mark(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    for i in 1..words.len() {
        let (Some(surname), Some(given)) = (words.get(i - 1), words.get(i)) else {
            continue;
        };
        // A common hyphenated word is none ("Sci-fi", "Co-op"), nor a place's modifier
        // ("Hong Kong-based").
        if !is_given_name(given)
            || !SURNAMES.contains(surname)
            || super::words::is_common(&given.to_lowercase())
            || super::is_name_modifier(given)
        {
            continue;
        }
        let (a, b) = (i - 1, i + 1);
        let overlaps = |s: &(usize, usize, Label)| s.0 < b && a < s.1;
        if spans
            .iter()
            .any(|s| overlaps(s) && (s.0 < a || s.1 > b) && s.2 != Label::Date)
        {
            continue;
        }
        spans.retain(|s| !overlaps(s));
        spans.push((a, b, Label::Per));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, mut spans: Vec<(usize, usize, Label)>) -> Vec<(usize, usize, Label)> {
        let words: Vec<&str> = text.split(' ').collect();
        mark(&words, &mut spans);
        spans.sort_unstable_by_key(|s| s.0);
        spans
    }

    #[test]
    fn surname_and_hyphenated_given_name_are_a_person() {
        assert_eq!(
            marked(
                "President Moon Jae-in met An Jung-geun",
                vec![(4, 6, Label::Misc)]
            ),
            vec![(1, 3, Label::Per), (4, 6, Label::Per)]
        );
        assert_eq!(
            marked("Ban Ki-moon 's term", vec![(1, 2, Label::Misc)]),
            vec![(0, 2, Label::Per)]
        );
        // Not other hyphenated words, nor without a Korean surname, nor inside a longer name.
        assert_eq!(marked("Delegated Proof-of stake", vec![]), vec![]);
        assert_eq!(marked("Apple Co-op", vec![]), vec![]);
        assert_eq!(
            marked("a Hong Kong-based firm", vec![(1, 3, Label::Misc)]),
            vec![(1, 3, Label::Misc)]
        );
        assert_eq!(
            marked("the Lee Kun-hee Foundation", vec![(1, 4, Label::Org)]),
            vec![(1, 4, Label::Org)]
        );
    }
}
