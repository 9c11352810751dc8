//! Code written in prose is no name: a documentation page says "call `File::open`", "returns
//! `Box<dyn Error>`", "use `Promise.all`" or "click Zoom > Zoom Window" without code markup,
//! and the tagger, seeing capitals, marks a product. A name never holds a path separator, a
//! generic's brackets, a menu arrow or a member access; web addresses ("Booking.com",
//! "ClinicalTrials.gov") and script libraries ("Vue.js") do hold a dot and stay.

use super::Mention;

/// Drops the names written as code, and any in an interactive session's lines.
pub fn drop(text: &str, mentions: &mut Vec<Mention>) {
    let sessions = sessions(text);
    mentions.retain(|m| {
        !m.label.is_name()
            || !is_code(&m.text) && !sessions.iter().any(|&(a, b)| m.start < b && a < m.end)
    });
}

/// Interactive sessions that text copied from a page keeps without code markup (Python's
/// ">>> queue.append(\"Terry\")", its output, IPython's "In [1]:"): from a prompt's line to
/// the next blank or long line, as byte ranges. The strings and comments in them are code.
fn sessions(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim();
        let prompt = body == ">>>"
            || body.starts_with(">>> ")
            || body.starts_with("In [") && body.contains("]:");
        // Output is short, and "... " continues a statement; a line of prose (or a blank one)
        // ends the session.
        let output =
            !body.is_empty() && body.split_whitespace().count() <= 6 || body.starts_with("... ");
        if prompt {
            open.get_or_insert(at);
        } else if !output {
            if let Some(a) = open.take() {
                out.push((a, at));
            }
        }
        at += line.len();
    }
    if let Some(a) = open {
        out.push((a, at));
    }
    out
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
        drop("", &mut ms);
        ms.into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn names_in_an_interactive_session_are_code() {
        let text = "Guido wrote:\n>>> queue = deque([\"Eric\"])\n>>> queue.popleft()\n'Eric'\nEric Idle laughed at the queue they had built.";
        let mut ms = crate::entities::mentions_in_order(
            text,
            &[
                ("Guido", Label::Per),
                ("Eric", Label::Per),
                ("Eric", Label::Per),
                ("Eric Idle", Label::Per),
            ],
        );
        drop(text, &mut ms);
        let kept: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(kept, ["Guido", "Eric Idle"]);
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
