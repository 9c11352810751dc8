//! Holidays and shopping days ("Easter", "Ramadan", "Black Friday", "Cyber Monday"): MISC, as
//! the modern annotation reads them, never a person or a place (the tagger, which rarely saw
//! them, takes "Diwali" for a surname) and never a bare weekday date ("Monday").

use super::Label;

/// Holiday names as the tokenizer splits them ("Valentine", "'s", "Day"), longest first
/// where one starts another.
const HOLIDAYS: &[&[&str]] = &[
    &["Black", "Friday"],
    &["Cyber", "Monday"],
    &["Small", "Business", "Saturday"],
    &["Giving", "Tuesday"],
    &["Good", "Friday"],
    &["Ash", "Wednesday"],
    &["Easter", "Sunday"],
    &["Easter", "Monday"],
    &["Boxing", "Day"],
    &["Christmas", "Eve"],
    &["Christmas", "Day"],
    &["New", "Year", "'s", "Eve"],
    &["New", "Year", "’s", "Eve"],
    &["New", "Year", "'s", "Day"],
    &["New", "Year", "’s", "Day"],
    &["Valentine", "'s", "Day"],
    &["Valentine", "’s", "Day"],
    &["Mother", "'s", "Day"],
    &["Mother", "’s", "Day"],
    &["Father", "'s", "Day"],
    &["Father", "’s", "Day"],
    &["Memorial", "Day"],
    &["Labor", "Day"],
    &["Independence", "Day"],
    &["Veterans", "Day"],
    &["Lunar", "New", "Year"],
    &["Chinese", "New", "Year"],
    &["Prime", "Day"],
    &["Christmas"],
    &["Easter"],
    &["Halloween"],
    &["Thanksgiving"],
    &["Hanukkah"],
    &["Chanukah"],
    &["Ramadan"],
    &["Diwali"],
    &["Passover"],
    &["Eid"],
    &["Yom", "Kippur"],
    &["Rosh", "Hashanah"],
    &["Kwanzaa"],
    &["Pentecost"],
    &["Lent"],
];

/// Marks the holidays of one sentence as MISC (spans: first word, end word, label), replacing
/// the spans they overlap. "Lent" and "Prime Day" need their capitals, as every name here.
pub fn mark(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    let mut i = 0;
    while i < words.len() {
        // Every holiday starts with a capital: most words are passed over at once.
        if !words
            .get(i)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            i += 1;
            continue;
        }
        let found = HOLIDAYS
            .iter()
            .find(|h| words.get(i..i + h.len()).is_some_and(|w| w == **h));
        let Some(h) = found else {
            i += 1;
            continue;
        };
        let (a, b) = (i, i + h.len());
        // "Lent" opening a sentence is the verb's past as often as the season.
        let ambiguous = h == &["Lent"] && i == 0;
        let overlaps = |s: &(usize, usize, Label)| s.0 < b && a < s.1;
        // A longer name that holds the holiday ("Christmas Island", "Easter Seals") stays.
        let inside_longer = spans
            .iter()
            .any(|s| overlaps(s) && (s.0 < a || s.1 > b) && s.2 != Label::Date);
        if !ambiguous && !inside_longer {
            spans.retain(|s| !overlaps(s));
            spans.push((a, b, Label::Misc));
        }
        i = b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_are_misc() {
        let words: Vec<&str> = "sales on Cyber Monday and Diwali".split(' ').collect();
        let mut spans = vec![(3, 4, Label::Date), (5, 6, Label::Per)];
        mark(&words, &mut spans);
        spans.sort_unstable_by_key(|s| s.0);
        assert_eq!(spans, vec![(2, 4, Label::Misc), (5, 6, Label::Misc)]);
        let words: Vec<&str> = "flights to Christmas Island".split(' ').collect();
        let mut spans = vec![(2, 4, Label::Loc)];
        mark(&words, &mut spans);
        assert_eq!(spans, vec![(2, 4, Label::Loc)]);
    }
}
