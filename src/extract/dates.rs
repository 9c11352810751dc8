//! Published times as ISO 8601 where they can be parsed; anything else is kept verbatim.

use crate::text::MONTHS as FULL_MONTHS;

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    // "Jan", "Sept", "January": a prefix of the full name ("Jane" is not a month).
    FULL_MONTHS
        .iter()
        .position(|m| m.starts_with(w.as_str()))
        .map(|i| i as u32 + 1)
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1000..=9999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// `YYYY-MM-DD...` (already ISO) is kept; "Fri, 10 Jul 2015 09:53:00 -0400",
/// "July 10, 2015", "10 July 2015" and "2015/07/10" become ISO 8601.
pub fn normalize(raw: &str) -> String {
    // Some CMSs write the date JSON-encoded twice: `"\"2025-12-17T13:22:47Z\""`.
    let s = raw.trim().trim_matches(['"', '\'']).trim();
    if super::metadata::looks_like_iso_date(s) {
        return s.to_string();
    }
    parse(s).unwrap_or_else(|| s.to_string())
}

/// `YYYY/MM/DD`; `MM/DD/YYYY` or `DD/MM/YYYY` when one of the two is above 12 (else the order
/// is unknown and the date is left alone); `DD.MM.YYYY` (the dotted form is day first).
fn numeric_date(w: &str) -> Option<String> {
    let sep = if w.contains('/') { '/' } else { '.' };
    let parts: Vec<&str> = w.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |i: usize| parts[i].parse::<u32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (n(0)?, n(1)?, n(2)?)
    } else if parts[2].len() == 4 {
        let (a, b) = (n(0)?, n(1)?);
        if sep == '.' || a > 12 {
            (n(2)?, b, a)
        } else if b > 12 {
            (n(2)?, a, b)
        } else {
            return None;
        }
    } else {
        return None;
    };
    let y = i32::try_from(y).ok()?;
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Whether a normalised date can be a publication date: sentinel values such as
/// `0001-01-01T00:00:00Z` (an unset date in several CMSs) are not.
pub fn plausible(normalised: &str) -> bool {
    match normalised.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        Some(y) => (1990..=2100).contains(&y),
        None => true,
    }
}

/// A date read from visible text ("Posted December 17, 2025", "17.12.2025"), or `None`
/// when the text holds no full day-month-year date.
pub fn parse_text(s: &str) -> Option<String> {
    // A label glued to the date ("Updated:August 1") is not a time of day; separators glued
    // to it ("August 28, 2025•5 min read", "Jane Roe-June 12, 2025") are not part of it.
    let mut spaced = String::with_capacity(s.len());
    let mut chars = s.trim().chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let label_colon = c == ':' && next.is_alphabetic();
        let glued_dash = c == '-' && (prev.is_alphabetic() || next.is_alphabetic());
        let separator = matches!(c, '•' | '·' | '|' | '–' | '—');
        spaced.push(if label_colon || glued_dash || separator {
            ' '
        } else {
            c
        });
        prev = c;
    }
    parse(&spaced)
}

fn parse(s: &str) -> Option<String> {
    let cleaned: String = s.chars().map(|c| if c == ',' { ' ' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    // YYYY/MM/DD, and numeric day-month orders where they cannot be misread.
    for w in &words {
        if let Some(ymd) = numeric_date(w) {
            return Some(ymd);
        }
    }
    let mut day = None;
    let mut mon = None;
    let mut year = None;
    let mut time = None;
    let mut zone = None;
    for w in &words {
        if let Some(m) = month(w) {
            if mon.is_none() {
                mon = Some(m);
                continue;
            }
        }
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if w.contains(':') && time.is_none() {
            let t: Vec<&str> = w.split(':').collect();
            if t.len() >= 2
                && t.iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            {
                let h: u32 = t[0].parse().ok()?;
                let mi: u32 = t[1].parse().ok()?;
                let se: u32 = t.get(2).and_then(|x| x.parse().ok()).unwrap_or(0);
                if h < 24 && mi < 60 && se < 61 {
                    time = Some((h, mi, se));
                }
            }
            continue;
        }
        if (w.starts_with('+') || w.starts_with('-'))
            && w.len() == 5
            && w[1..].chars().all(|c| c.is_ascii_digit())
        {
            zone = Some(format!("{}:{}", &w[..3], &w[3..]));
            continue;
        }
        if matches!(*w, "GMT" | "UTC" | "Z") {
            zone = Some("+00:00".to_string());
            continue;
        }
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let n: i32 = digits.parse().ok()?;
            if digits.len() == 4 && year.is_none() {
                year = Some(n);
            } else if digits.len() <= 2 && day.is_none() {
                day = Some(n as u32);
            }
        }
    }
    let (y, m, d) = (year?, mon?, day?);
    if !valid(y, m, d) {
        return None;
    }
    Some(match (time, zone) {
        (Some((h, mi, se)), Some(z)) => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{se:02}{z}"),
        (Some((h, mi, se)), None) => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{se:02}"),
        _ => format!("{y:04}-{m:02}-{d:02}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(normalize("2026-01-28T10:00:00Z"), "2026-01-28T10:00:00Z");
        assert_eq!(normalize("January 28, 2026"), "2026-01-28");
        assert_eq!(normalize("28 Jan 2026"), "2026-01-28");
        assert_eq!(
            normalize("Fri, 10 Jul 2015 09:53:00 -0400"),
            "2015-07-10T09:53:00-04:00"
        );
        assert_eq!(normalize("2015/07/10"), "2015-07-10");
        assert_eq!(normalize("yesterday"), "yesterday");
        assert_eq!(normalize("Thu, 09/25/2025 - 11:38"), "2025-09-25");
        assert_eq!(normalize("13/11/2025 09:21:40"), "2025-11-13");
        assert_eq!(normalize("17.12.2025"), "2025-12-17");
        assert_eq!(normalize("03/04/2025"), "03/04/2025");
        assert_eq!(
            normalize("\"2025-12-17T13:22:47Z\""),
            "2025-12-17T13:22:47Z"
        );
        assert_eq!(
            parse_text("August 28, 2025•5 min read").as_deref(),
            Some("2025-08-28")
        );
        assert_eq!(
            parse_text("ByJane Roe-June 12, 2025").as_deref(),
            Some("2025-06-12")
        );
        assert!(!plausible("0001-01-01T00:00:00Z"));
        assert!(plausible("2025-01-01"));
    }
}
