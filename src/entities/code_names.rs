//! Code written in prose is no name: a documentation page says "call `File::open`", "returns
//! `Box<dyn Error>`", "use `Promise.all`" or "click Zoom > Zoom Window" without code markup,
//! and the tagger, seeing capitals, marks a product. A name never holds a path separator, a
//! generic's brackets, a menu arrow or a member access; web addresses ("Booking.com",
//! "ClinicalTrials.gov") and script libraries ("Vue.js") do hold a dot and stay.

use super::Mention;

/// Drops the names written as code.
pub fn drop(mentions: &mut Vec<Mention>) {
    mentions.retain(|m| !m.label.is_name() || !is_code(&m.text));
}

fn is_code(name: &str) -> bool {
    const MARKS: [&str; 6] = ["::", "<", ">", "\\", "()", "=>"];
    MARKS.iter().any(|s| name.contains(s)) || name.split(' ').any(is_member_access)
}

/// "Promise.all", "User.id is": an identifier, a dot and a lower-case member that is no
/// address's ending.
fn is_member_access(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',', ';', ':']);
    let Some((head, member)) = word.rsplit_once('.') else {
        return false;
    };
    let identifier = |s: &str| {
        !s.is_empty()
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
            && !s.starts_with(|c: char| c.is_ascii_digit())
    };
    identifier(head)
        && identifier(member)
        && member.starts_with(|c: char| c.is_lowercase() || c == '_')
        && !is_address_ending(member)
}

/// Top-level domains and a script's extension: two letters (a country) or a listed ending.
fn is_address_ending(s: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "xyz", "app", "dev", "art",
        "bio", "blog", "news", "shop", "store", "site", "online", "tech", "studio", "design",
        "media", "live", "life", "world", "cloud", "digital", "email", "works", "today", "club",
        "js", "ts", "py", "rs", "ai", "io", "co", "tv", "fm", "me", "ly", "gg", "sh", "so",
    ];
    (s.len() == 2 && s.chars().all(|c| c.is_ascii_lowercase())) || ENDINGS.contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Label;

    fn names(list: &[(&str, Label)]) -> Vec<String> {
        let mut ms: Vec<Mention> = list
            .iter()
            .map(|(t, l)| Mention {
                start: 0,
                end: t.len(),
                text: t.to_string(),
                label: *l,
                entity: 0,
            })
            .collect();
        drop(&mut ms);
        ms.into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn code_goes_names_with_dots_stay() {
        let kept = names(&[
            ("File::open", Label::Misc),
            ("Box<dyn Error>", Label::Misc),
            ("Promise.all", Label::Misc),
            ("Promise.prototype", Label::Org),
            ("Twilio\\Rest\\Client", Label::Org),
            ("Zoom > Zoom Window", Label::Misc),
            ("ColumnOperators.in_", Label::Misc),
            ("Booking.com", Label::Org),
            ("ClinicalTrials.gov", Label::Org),
            ("MOOC.fi", Label::Org),
            ("Vue.js", Label::Misc),
            ("Dr. Jane Roe", Label::Per),
            ("St.Louis", Label::Loc),
            ("A Loaf Of Wax (Live From MOTH Club)", Label::Misc),
        ]);
        assert_eq!(
            kept,
            [
                "Booking.com",
                "ClinicalTrials.gov",
                "MOOC.fi",
                "Vue.js",
                "Dr. Jane Roe",
                "St.Louis",
                "A Loaf Of Wax (Live From MOTH Club)"
            ]
        );
    }
}
