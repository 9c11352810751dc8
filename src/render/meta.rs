//! Small formatting helpers for the reader's header.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2026-01-28T10:00:00Z" -> "28 January 2026" (the date part of an ISO 8601 timestamp);
/// `None` when the value does not start with a valid `YYYY-MM-DD`.
pub fn human_date(iso: &str) -> Option<String> {
    let date = iso.trim().get(..10)?;
    let mut parts = date.split('-');
    let year: u32 = parts.next()?.parse().ok()?;
    let month: usize = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let name = MONTHS.get(month.checked_sub(1)?)?;
    if !(1..=31).contains(&day) || !(1000..=9999).contains(&year) {
        return None;
    }
    Some(format!("{day} {name} {year}"))
}

/// Collapses whitespace in a byline.
pub fn clean_byline(byline: &str) -> String {
    byline.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plausible BCP 47 language tag (letters, digits and hyphens, short): safe in an attribute.
pub fn is_lang_tag(s: &str) -> bool {
    !s.is_empty() && s.len() <= 35 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(human_date("2025-12-01").as_deref(), Some("1 December 2025"));
        assert_eq!(human_date("2025-13-01"), None);
        assert_eq!(human_date("yesterday"), None);
        assert_eq!(human_date("2025-00-01"), None);
        assert_eq!(human_date("é"), None);
    }

    #[test]
    fn langs() {
        assert!(is_lang_tag("pt-BR"));
        assert!(!is_lang_tag("en\"x"));
    }
}
