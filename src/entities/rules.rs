//! Rules for dates, times, money and percentages, over the tokens of one sentence.
//!
//! Only absolute expressions are marked: "January 28, 2026", "28 January", "December 2024",
//! "Wednesday", "in 2011", "18:15", "3pm GMT", "$5 million", "£20bn", "12%", "12 per cent".
//! Relative ones ("last year", "next week", "today") are left alone.

use super::Label;

use crate::text::MONTHS;
const MONTH_ABBR: [&str; 13] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.",
];
/// The days of the week, lower case (also read by the forum's date lines).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const TIMEZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "EST", "EDT", "CST", "CDT", "MST",
    "MDT", "PST", "PDT", "ET", "PT", "CT", "IST", "JST", "KST", "AEST", "AEDT", "HKT", "SGT",
];
const CURRENCY_SIGNS: &[&str] = &[
    "$", "£", "€", "¥", "₹", "US$", "A$", "C$", "HK$", "NZ$", "S$",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
    "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "franc", "francs", "cent", "cents",
    "pence", "peso", "pesos", "lira", "riyal", "riyals", "dinar", "dinars", "won", "rand", "krona",
    "kronor", "krone", "kroner", "zloty", "shekel", "shekels", "usd", "eur", "gbp", "jpy", "cny",
    "chf", "rub", "inr", "marks", "guilders",
];
/// ISO 4217 codes written beside an amount ("DKK 199", "150 SEK"). Not "PHP" or "TRY", which
/// are as often a language and a word.
pub(crate) const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "INR", "AUD", "CAD", "SEK", "NOK", "DKK",
    "PLN", "CZK", "HUF", "RON", "BGN", "ISK", "UAH", "BRL", "MXN", "ARS", "CLP", "COP", "ZAR",
    "NGN", "KES", "EGP", "AED", "SAR", "QAR", "ILS", "SGD", "HKD", "NZD", "KRW", "TWD", "THB",
    "IDR", "MYR", "VND", "PKR", "BDT",
];
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "a",
];
const SCALES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "bn", "m", "mn", "k", "tn", "tr", "mln", "bln",
];
/// Words before a bare year that make it a date ("in 2011", "since 1990").
const YEAR_CUES: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "to", "during", "before", "after", "of",
    "between", "and", "early", "late", "mid", "through", "spring", "summer", "autumn", "winter",
    "fall",
];

// The word lists are ASCII: case-insensitive ASCII comparisons find the same words as
// lower-casing would, without allocating for every candidate.
fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn month_of(w: &str) -> Option<usize> {
    let l = w.trim_end_matches('.');
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(l)) {
        return Some(i);
    }
    let i = MONTH_ABBR.iter().position(|m| m.eq_ignore_ascii_case(l))?;
    // "mar", "jun", ... map onto MONTHS; "may" is already whole.
    let idx = [0, 1, 2, 3, 5, 6, 7, 8, 8, 9, 10, 11, 0];
    idx.get(i).copied()
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_month(w: &str) -> bool {
    is_capitalised(w) && month_of(w).is_some()
}

fn is_weekday(w: &str) -> bool {
    is_capitalised(w) && in_list(&WEEKDAYS, w)
}

fn is_day(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return false;
    }
    digits.len() <= 2
        && !digits.is_empty()
        && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|y| (1000..=2199).contains(&y))
}

/// Digits with optional thousands separators and decimals: 5, 1,000, 3.2, 0.5
fn is_number(w: &str) -> bool {
    let mut digits = 0;
    for c in w.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c != ',' && c != '.' {
            return false;
        }
    }
    digits > 0 && w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A number with a glued scale ("20bn", "5m") or a plain number.
fn is_amount(w: &str) -> bool {
    if is_number(w) {
        return true;
    }
    let num = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[num.len()..];
    !num.is_empty() && is_number(num) && in_list(SCALES, suffix)
}

fn is_scale(w: &str) -> bool {
    in_list(SCALES, w)
}

fn is_clock(w: &str) -> bool {
    // Most words hold no colon: no need to split them.
    if !w.contains(':') {
        return false;
    }
    let parts: Vec<&str> = w.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return false;
    }
    let ok = |s: &str, max: u32, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len())
            && s.chars().all(|c| c.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|v| v <= max)
    };
    parts.first().is_some_and(|h| ok(h, 24, 1..=2))
        && parts.iter().skip(1).all(|m| ok(m, 59, 2..=2))
}

fn is_ampm(w: &str) -> bool {
    in_list(&["am", "pm", "a.m.", "p.m.", "a.m", "p.m"], w)
}

/// "3pm", "11am", "3.30pm", "10:30pm"
fn is_glued_time(w: &str) -> bool {
    let tail = w.get(w.len().saturating_sub(2)..).unwrap_or("");
    if !(tail.eq_ignore_ascii_case("am") || tail.eq_ignore_ascii_case("pm")) {
        return false;
    }
    let l = w.to_lowercase();
    let Some(num) = l.strip_suffix("am").or_else(|| l.strip_suffix("pm")) else {
        return false;
    };
    let num = num.trim_end_matches('.');
    if is_clock(num) {
        return true;
    }
    let (h, m) = num.split_once('.').unwrap_or((num, "00"));
    h.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h))
        && m.len() == 2
        && m.parse::<u32>().is_ok_and(|m| m <= 59)
}

/// Finds rule-based mentions: (first token, end token, label), non-overlapping, in order.
pub fn find(words: &[&str]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    find_into(words, &mut out);
    out
}

/// [`find`], appending to `out`.
pub fn find_into(words: &[&str], out: &mut Vec<(usize, usize, Label)>) {
    let mut i = 0;
    while i < words.len() {
        if !words.get(i).is_some_and(|w| may_start(w)) {
            i += 1;
            continue;
        }
        let found = date_at(words, i)
            .map(|e| (e, Label::Date))
            .or_else(|| time_at(words, i).map(|e| (e, Label::Time)))
            .or_else(|| money_at(words, i).map(|e| (e, Label::Money)))
            .or_else(|| percent_at(words, i).map(|e| (e, Label::Percent)));
        if let Some((end, label)) = found {
            out.push((i, end, label));
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Whether a match can start at `w`: every rule starts at a capitalised word (months, weekdays,
/// currency codes), an ASCII digit, a currency sign or a number word. Most words are none of
/// these, and the rules are not cheap.
fn may_start(w: &str) -> bool {
    let Some(c) = w.chars().next() else {
        return false;
    };
    if !c.is_alphabetic() {
        return c.is_ascii_digit() || CURRENCY_SIGNS.contains(&w);
    }
    c.is_uppercase() || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
}

fn date_at(words: &[&str], i: usize) -> Option<usize> {
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let mut j = i;
    let mut weekday = false;
    if is_weekday(w(j)) {
        weekday = true;
        j += 1;
        if w(j) == "," && (is_month(w(j + 1)) || is_day(w(j + 1))) {
            j += 1;
        }
    }
    let after_weekday = j;
    // Month [day] [,] [year]
    if is_month(w(j)) {
        let month = w(j);
        let m_end = j + 1;
        let mut k = m_end;
        let mut has_day = false;
        if is_day(w(k)) && !is_year(w(k)) {
            has_day = true;
            k += 1;
        }
        let mut has_year = false;
        let comma = usize::from(w(k) == ",");
        if is_year(w(k + comma)) {
            has_year = true;
            k += comma + 1;
        }
        if has_day && !has_year && is_dash(w(k)) && is_day(w(k + 1)) {
            // "May 15 - 24"
            k += 2;
        }
        if has_day || has_year {
            return Some(k);
        }
        // A bare month name: "May" and "March" are also a name and a verb.
        let l = month.to_lowercase();
        let prev = if i > 0 {
            w(i - 1).to_lowercase()
        } else {
            String::new()
        };
        let ambiguous = matches!(l.as_str(), "may" | "march" | "jan" | "mar" | "dec");
        if !ambiguous || YEAR_CUES.contains(&prev.as_str()) || weekday {
            return Some(m_end);
        }
        return weekday.then_some(after_weekday.min(i + 1));
    }
    // A day range before the month: "11 - 13 December".
    if is_day(w(j)) && is_dash(w(j + 1)) && is_day(w(j + 2)) && is_month(w(j + 3)) {
        j += 2;
    }
    // Day [of] Month [,] [year]
    if is_day(w(j)) {
        let of = usize::from(w(j + 1).eq_ignore_ascii_case("of"));
        if is_month(w(j + 1 + of)) {
            let mut k = j + 2 + of;
            let comma = usize::from(w(k) == ",");
            if is_year(w(k + comma)) {
                k += comma + 1;
            }
            return Some(k);
        }
    }
    if weekday {
        return Some(i + 1);
    }
    let tok = w(i);
    // Numeric dates: 2026-01-28, 28/01/2026, 1/28/26
    if is_numeric_date(tok) {
        return Some(i + 1);
    }
    // A bare year or decade after a cue: "in 2011", "since the 1990s".
    let prev = if i > 0 { w(i - 1) } else { "" };
    if is_year(tok) && in_list(YEAR_CUES, prev) {
        // "1977 - 1979", "1980 - 88"
        let next = w(i + 2);
        if is_dash(w(i + 1))
            && (is_year(next) || (next.len() == 2 && next.chars().all(|c| c.is_ascii_digit())))
        {
            return Some(i + 3);
        }
        return Some(i + 1);
    }
    if tok.len() == 5
        && tok.ends_with('s')
        && is_year(&tok[..4])
        && prev.eq_ignore_ascii_case("the")
    {
        return Some(i + 1);
    }
    None
}

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "–" | "—")
}

fn is_numeric_date(w: &str) -> bool {
    // Three parts need a separator, and a date starts with a digit.
    if !w.starts_with(|c: char| c.is_ascii_digit()) || !w.contains(['-', '/']) {
        return false;
    }
    let sep = if w.contains('-') { '-' } else { '/' };
    let parts: Vec<&str> = w.split(sep).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    match (lens.as_slice(), n.as_slice()) {
        ([4, 2, 2], [_, m, d]) => (1..=12).contains(m) && (1..=31).contains(d),
        ([1 | 2, 1 | 2, 2 | 4], [a, b, _]) => {
            (1..=31).contains(a) && (1..=31).contains(b) && (*a <= 12 || *b <= 12)
        }
        _ => false,
    }
}

fn time_at(words: &[&str], i: usize) -> Option<usize> {
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let tok = w(i);
    let mut k;
    if is_glued_time(tok) {
        k = i + 1;
    } else if is_clock(tok) {
        k = i + 1;
        if is_ampm(w(k)) {
            k += 1;
        }
    } else if tok.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h)) && is_ampm(w(i + 1)) {
        k = i + 2;
    } else {
        return None;
    }
    if TIMEZONES.contains(&w(k)) {
        k += 1;
    }
    Some(k)
}

fn money_at(words: &[&str], i: usize) -> Option<usize> {
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let tok = w(i);
    let mut k = i;
    // "US $5", "US$ 5"
    let sign = if CURRENCY_SIGNS.contains(&tok) || CURRENCY_CODES.contains(&tok) {
        k += 1;
        true
    } else if matches!(tok, "US" | "A" | "C" | "HK") && w(i + 1) == "$" {
        k += 2;
        true
    } else {
        false
    };
    if !sign && in_list(NUMBER_WORDS, tok) {
        // "one dinar", "two Jordanian dinars"
        let mut e = i + 1;
        if is_scale(w(e)) {
            e += 1;
        }
        if is_capitalised(w(e)) && in_list(CURRENCY_WORDS, w(e + 1)) {
            e += 1;
        }
        return in_list(CURRENCY_WORDS, w(e)).then_some(e + 1);
    }
    if !is_amount(w(k)) {
        return None;
    }
    let glued_scale = !is_number(w(k));
    k += 1;
    // A separate scale word ("5 million"); a bare "m" only after a currency sign ("$5 m").
    let scale_word = is_scale(w(k)) && (w(k) != "m" || sign);
    if !glued_scale && scale_word {
        k += 1;
    }
    if sign {
        return Some(k);
    }
    if in_list(CURRENCY_WORDS, w(k)) || CURRENCY_CODES.contains(&w(k)) {
        return Some(k + 1);
    }
    None
}

fn percent_at(words: &[&str], i: usize) -> Option<usize> {
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    if !is_number(w(i)) {
        return None;
    }
    let next = w(i + 1);
    if in_list(&["%", "percent", "pct"], next) {
        return Some(i + 2);
    }
    if next.eq_ignore_ascii_case("per") && w(i + 2).eq_ignore_ascii_case("cent") {
        return Some(i + 3);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<(String, Label)> {
        let words: Vec<&str> = s.split(' ').collect();
        find(&words)
            .into_iter()
            .map(|(a, b, l)| (words[a..b].join(" "), l))
            .collect()
    }

    #[test]
    fn dates() {
        use Label::Date;
        assert_eq!(
            spans("in Moscow , January 28 , 2026 and 28 January"),
            vec![
                ("January 28 , 2026".into(), Date),
                ("28 January".into(), Date)
            ]
        );
        assert_eq!(
            spans("in December 2024 ."),
            vec![("December 2024".into(), Date)]
        );
        assert_eq!(
            spans("said on Wednesday ."),
            vec![("Wednesday".into(), Date)]
        );
        assert_eq!(spans("began in 2011 ."), vec![("2011".into(), Date)]);
        assert!(spans("last year and next week , 2011 people").is_empty());
        assert!(spans("Theresa May said").is_empty());
        assert_eq!(spans("on 2026-01-28"), vec![("2026-01-28".into(), Date)]);
        assert_eq!(
            spans("from 11 - 13 Dec. and May 15 - 24"),
            vec![("11 - 13 Dec.".into(), Date), ("May 15 - 24".into(), Date)]
        );
        assert_eq!(
            spans("in 1977 - 1979 ."),
            vec![("1977 - 1979".into(), Date)]
        );
    }

    #[test]
    fn times() {
        use Label::Time;
        assert_eq!(
            spans("Update : 18:15 January"),
            vec![("18:15".into(), Time), ("January".into(), Label::Date)]
        );
        assert_eq!(spans("at 3pm GMT ."), vec![("3pm GMT".into(), Time)]);
        assert_eq!(spans("at 10 a.m. today"), vec![("10 a.m.".into(), Time)]);
        assert!(spans("a score of 3:0 and 25:99").is_empty());
    }

    #[test]
    fn money_and_percent() {
        use Label::{Money, Percent};
        assert_eq!(
            spans("paid $ 5 million"),
            vec![("$ 5 million".into(), Money)]
        );
        assert_eq!(spans("a £ 20bn fund"), vec![("£ 20bn".into(), Money)]);
        assert_eq!(
            spans("€ 3.2 billion ."),
            vec![("€ 3.2 billion".into(), Money)]
        );
        assert_eq!(
            spans("cost 40 million dollars"),
            vec![("40 million dollars".into(), Money)]
        );
        assert_eq!(
            spans("rose 12 % or 12 per cent"),
            vec![("12 %".into(), Percent), ("12 per cent".into(), Percent)]
        );
        assert!(spans("5 million people").is_empty());
        assert_eq!(
            spans("two Jordanian dinars"),
            vec![("two Jordanian dinars".into(), Money)]
        );
        assert!(spans("one dinar").len() == 1 && spans("one day").is_empty());
    }
}
