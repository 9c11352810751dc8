//! Titles of works in quotation marks: ‘All Is Full Of Love’, "Lawrence of Arabia", “Siena: The
//! Rise of Painting”. English sets the title of a song, film, paper or artwork in quotes and in
//! Title Case, and CoNLL reads it as MISC; the tagger has no notion of quotes and leaves most
//! such titles out, or reads their first words as a person ("Calypso Jean").
//!
//! Not titles: quoted speech (lower-case words, a full stop), a lone function word ("It" …),
//! an acronym alone ("AI"), and the labels of buttons and menus in instructions ("tap
//! ‘Settings’", "the ‘View Product’ button").

use super::gazetteer::{whole_match, Gazetteer, SURNAME};
use super::words::{is_closed, is_function};
use super::Label;

/// Words in a title that stay lower case ("Still Life with a Plate of Peaches").
fn is_minor(lower: &str) -> bool {
    const MINOR: &[&str] = &[
        "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "from",
        "with", "by", "as", "into", "over", "upon", "via", "vs", "per", "is", "be",
    ];
    MINOR.contains(&lower)
}

/// Words before a quoted label in instructions ("click ‘Done’", "select “Account”").
const UI_VERBS: &[&str] = &[
    "click",
    "tap",
    "select",
    "choose",
    "press",
    "hit",
    "toggle",
    "type",
    "enter",
    "open",
    "check",
    "uncheck",
    "pick",
    "clicking",
    "tapping",
    "selecting",
    "choosing",
    "pressing",
    "clicked",
    "tapped",
    "selected",
    "chose",
    "pressed",
    "picked",
    "to",
    "→",
    ">",
    "»",
];

/// Words after a quoted label ("the ‘View Product’ button").
const UI_NOUNS: &[&str] = &[
    "button", "buttons", "tab", "tabs", "menu", "option", "options", "link", "field", "icon",
    "setting", "settings", "page", "screen", "section", "box", "checkbox", "toggle", "switch",
    "pop-up", "popup", "feature", "filter", "filters", "tool", "view", "mode", "window", "dialog",
    "prompt", "→", ">", "»",
];

/// Words before a lone quoted word that say it names a work ("the single ‘Leaves’", "tracks like
/// ‘Flowers’"); a lone capitalised word in quotes is as often a label or a scare-quoted term.
const WORK_NOUNS: &[&str] = &[
    "song",
    "songs",
    "track",
    "tracks",
    "single",
    "singles",
    "album",
    "albums",
    "record",
    "ep",
    "lp",
    "film",
    "films",
    "movie",
    "movies",
    "book",
    "books",
    "novel",
    "novels",
    "painting",
    "paintings",
    "series",
    "show",
    "episode",
    "poem",
    "poems",
    "play",
    "opera",
    "titled",
    "entitled",
    "called",
    "named",
    "opener",
    "closer",
    "cut",
    "work",
    "works",
    "sculpture",
    "exhibition",
    "paper",
    "essay",
    "article",
    "game",
    "anthem",
    "hit",
    "hits",
];

fn opens(w: &str) -> Option<char> {
    match w {
        "‘" => Some('’'),
        "“" => Some('”'),
        "\"" => Some('"'),
        "'" => Some('\''),
        _ => None,
    }
}

/// Marks Title-Case spans in quotation marks as MISC in one sentence's spans (first word, end
/// word, label; `words` as written). A tagger span that covers the whole title keeps its label
/// ("Google" in quotes is still the company); spans inside a title of two words or more give way
/// to the title; a span that crosses a quotation mark is left alone.
///
/// On a citation line (`citation`), a title in double quotes is the cited page's headline, no
/// work: only titles in single quotes inside it count ("'Edge of Tomorrow' trailer: ...").
pub fn quoted_titles(words: &[&str], spans: &mut Vec<(usize, usize, Label)>, citation: bool) {
    const MAX_WORDS: usize = 10;
    let mut i = 0;
    while i < words.len() {
        let Some(close) = words.get(i).copied().and_then(opens) else {
            i += 1;
            continue;
        };
        if citation && matches!(close, '"' | '”') {
            i += 1;
            continue;
        }
        let a = i + 1;
        let Some(len) = words
            .iter()
            .skip(a)
            .take(MAX_WORDS + 1)
            .position(|w| w.chars().eq(std::iter::once(close)))
        else {
            i += 1;
            continue;
        };
        let close_at = a + len;
        // American style puts the comma inside: “Frozen,” “Leaves,” and …
        let b = if close_at > a + 1 && words.get(close_at - 1) == Some(&",") {
            close_at - 1
        } else {
            close_at
        };
        if let Some(inner) = words.get(a..b) {
            let cued = inner.len() > 1 || is_cued(words, a);
            if cued
                && is_title(inner)
                && !is_ui_label(words, a, close_at)
                && !is_nickname(words, spans, a, close_at)
            {
                mark(spans, a, b, is_cued(words, a));
            }
        }
        i = close_at + 1;
    }
}

/// A title named after its kind ("a live album called Shipwreck", "the book titled Carved in
/// Stone"): the Title-Case run after "called"/"titled"/"entitled"/"named" that follows a work's
/// noun is MISC, over what the tagger made of it (a place, a person).
pub fn named_works(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    const NAMING: &[&str] = &["called", "titled", "entitled", "named"];
    for i in 1..words.len() {
        let (Some(kind), Some(naming)) = (words.get(i - 1), words.get(i)) else {
            continue;
        };
        let kind = kind.to_lowercase();
        if !NAMING.contains(naming)
            || NAMING.contains(&kind.as_str())
            || !WORK_NOUNS.contains(&kind.as_str())
        {
            continue;
        }
        let a = i + 1;
        let mut b = a;
        while let Some(w) = words.get(b) {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let inner_minor = b > a && is_minor(&w.to_lowercase());
            // A date after the title is the date ("… called Shipwreck in March").
            let dated = spans.iter().any(|s| s.0 <= b && b < s.1 && !s.2.is_name());
            if !(capital || inner_minor) || dated {
                break;
            }
            b += 1;
        }
        // A title ends on a capitalised word ("Carved in Stone", not "Carved in").
        while b > a
            && words
                .get(b - 1)
                .is_some_and(|w| is_minor(&w.to_lowercase()))
        {
            b -= 1;
        }
        if b == a {
            continue;
        }
        let overlaps = |s: &(usize, usize, Label)| s.0 < b && a < s.1;
        if spans.iter().any(|s| overlaps(s) && (s.0 < a || s.1 > b)) {
            continue;
        }
        spans.retain(|s| !overlaps(s));
        spans.push((a, b, Label::Misc));
    }
}

/// Titles set without quotes whose last word the tagger took for a place or a person ("Carved
/// in [Stone]", "Wolves Upon the [Coast]", "Thoughts in the [Roots]"): in prose, a capitalised
/// word no span holds, away from the sentence's start, then "in"/"of"/"upon"/"to" (and "the"),
/// then the span. The whole run is the title, MISC. Not when the span is a listed place or name
/// ("Human Rights in China", "Heads to Robyn"): only a word the tagger guessed from "in" is in
/// doubt. Nor after a title or an institution's head ("Minister of [Finance]", "Bank of
/// [England]"), which name people and bodies.
pub fn unquoted_titles(words: &[&str], spans: &mut [(usize, usize, Label)]) {
    const JOINS: &[&str] = &["in", "of", "upon", "to", "from", "on", "at", "for"];
    const HEADS: &[&str] = &[
        "duke",
        "duchess",
        "earl",
        "count",
        "countess",
        "baron",
        "marquess",
        "archbishop",
        "bank",
        "university",
        "ministry",
        "department",
        "council",
        "court",
        "museum",
        "institute",
        "church",
        "party",
        "league",
        "union",
        "republic",
        "kingdom",
        "state",
        "states",
        "city",
        "county",
        "isle",
        "islands",
        "gulf",
        "bay",
        "sea",
        "cape",
        "port",
        "fort",
        "mount",
        "lake",
        "river",
        "battle",
        "siege",
        "treaty",
        "war",
        "tour",
        "cup",
        "championship",
        "bishop",
        "office",
        "board",
        "commission",
        "school",
        "college",
        "house",
        "hall",
        "centre",
        "center",
        "emperor",
        "empress",
        "embassy",
        "consulate",
    ];
    if !super::guards::is_prose(words) {
        return;
    }
    let gaz = Gazetteer::get();
    let covered =
        |i: usize, spans: &[(usize, usize, Label)]| spans.iter().any(|s| s.0 <= i && i < s.1);
    for k in 0..spans.len() {
        let Some(&(a, b, label)) = spans.get(k) else {
            continue;
        };
        if !matches!(label, Label::Loc | Label::Per) || a < 3 {
            continue;
        }
        let listed = words
            .get(a..b)
            .is_some_and(|n| whole_match(&gaz.matches(n)).is_some_and(|bits| bits & !SURNAME != 0));
        if listed {
            continue;
        }
        let mut j = a - 1;
        if words.get(j).is_some_and(|w| *w == "the") {
            j -= 1;
        }
        if !words
            .get(j)
            .is_some_and(|w| JOINS.contains(&w.to_lowercase().as_str()))
            || j < 2
        {
            continue;
        }
        let p = j - 1;
        let Some(w) = words.get(p) else { continue };
        let lower = w.to_lowercase();
        let capitalised = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(|c| c.is_lowercase());
        let opener = words.get(p - 1).is_some_and(|x| {
            matches!(
                *x,
                "." | ":" | "!" | "?" | "“" | "\"" | "‘" | "(" | "-" | "–" | "—"
            )
        });
        if !capitalised
            || opener
            || covered(p, spans)
            || super::is_title(w)
            || HEADS.contains(&lower.as_str())
            || is_closed(&lower)
        {
            continue;
        }
        if let Some(s) = spans.get_mut(k) {
            *s = (p, b, Label::Misc);
        }
    }
}

/// Whether quoted words read as a title: capitalised words (lower-case function words between
/// them), no full stop, and more than one lone function word or acronym.
fn is_title(inner: &[&str]) -> bool {
    let Some(first) = inner.first() else {
        return false;
    };
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let fits = |w: &&str| {
        let Some(c) = w.chars().next() else {
            return false;
        };
        if c.is_alphabetic() {
            c.is_uppercase() || is_minor(w) || w.starts_with('’') || w.starts_with('\'')
        } else {
            c.is_ascii_digit()
                || matches!(*w, ":" | "&" | "+" | "-" | "!" | "?" | "," | "’s" | "'s")
        }
    };
    if !inner.iter().all(fits) {
        return false;
    }
    // A shouted line ("GET YOUR HEAD DOWN AND KEEP MOVING"), not a name.
    let shouted = inner.iter().all(|w| !w.chars().any(char::is_lowercase));
    if shouted && inner.len() > 3 {
        return false;
    }
    if let [one] = inner {
        let lower = one.to_lowercase();
        let acronym = one.chars().all(|c| !c.is_lowercase());
        return !acronym && !is_closed(&lower) && !is_function(&lower);
    }
    true
}

/// Whether a work's noun or a possessive comes shortly before the quote at `a` ("Björk’s
/// ‘Frozen’", "tracks like ‘Leaves’ and ‘Flowers’").
fn is_cued(words: &[&str], a: usize) -> bool {
    let from = a.saturating_sub(6);
    words.get(from..a.saturating_sub(1)).is_some_and(|before| {
        before.iter().any(|w| {
            let l = w.to_lowercase();
            WORK_NOUNS.contains(&l.as_str()) || matches!(l.as_str(), "’s" | "'s")
        })
    })
}

/// Whether the quoted words are a button or menu label in instructions.
fn is_ui_label(words: &[&str], a: usize, b: usize) -> bool {
    let before = a
        .checked_sub(2)
        .and_then(|k| words.get(k))
        .map(|w| w.to_lowercase());
    let after = words.get(b + 1).map(|w| w.to_lowercase());
    // "Select relevant categories like “Mental Health Clinic”": the verb a few words back.
    let verb_back = words
        .get(a.saturating_sub(8)..a.saturating_sub(1))
        .is_some_and(|ws| {
            ws.iter().any(|w| {
                let l = w.to_lowercase();
                l.len() > 3 && UI_VERBS.contains(&l.as_str())
            })
        });
    before.is_some_and(|w| UI_VERBS.contains(&w.as_str()))
        || after.is_some_and(|w| UI_NOUNS.contains(&w.as_str()))
        || verb_back
}

/// Whether the quoted words are a nickname inside a person's name (Earvin “Magic” Johnson).
fn is_nickname(words: &[&str], spans: &[(usize, usize, Label)], a: usize, b: usize) -> bool {
    let person_before = a >= 2 && spans.iter().any(|s| s.2 == Label::Per && s.1 == a - 1);
    let capital_after = words
        .get(b + 1)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    person_before && capital_after
}

/// Marks `a..b` as a title. `cued`: a work's noun comes before it ("the single ‘Nadia’"), so
/// even a person or place the tagger found there is the title.
fn mark(spans: &mut Vec<(usize, usize, Label)>, a: usize, b: usize, cued: bool) {
    let overlaps = |s: &(usize, usize, Label)| s.0 < b && a < s.1;
    if spans.iter().any(|s| overlaps(s) && (s.0 < a || s.1 > b)) {
        return;
    }
    if let Some(s) = spans.iter_mut().find(|s| s.0 == a && s.1 == b) {
        if cued && matches!(s.2, Label::Per | Label::Loc) {
            s.2 = Label::Misc;
        }
        return;
    }
    let inside = spans.iter().any(overlaps);
    if inside && b - a < 2 {
        return;
    }
    spans.retain(|s| !overlaps(s));
    spans.push((a, b, Label::Misc));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str, spans: &[(usize, usize, Label)]) -> Vec<(usize, usize, Label)> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut s = spans.to_vec();
        quoted_titles(&words, &mut s, false);
        s.sort_unstable_by_key(|s| s.0);
        s
    }

    #[test]
    fn a_cited_headline_is_no_work() {
        let words: Vec<&str> = "^ \" ' Happy Death Day ' Trailer : Groundhog Day With Murder \" ."
            .split(' ')
            .collect();
        let mut s = vec![(9, 11, Label::Misc)];
        quoted_titles(&words, &mut s, true);
        s.sort_unstable_by_key(|s| s.0);
        assert_eq!(s, vec![(3, 6, Label::Misc), (9, 11, Label::Misc)]);
        let words: Vec<&str> = "^ \" Mozilla Releases Firefox OS \" .".split(' ').collect();
        let mut s = vec![(2, 3, Label::Org)];
        quoted_titles(&words, &mut s, true);
        assert_eq!(s, vec![(2, 3, Label::Org)]);
        quoted_titles(&words, &mut s, false);
        assert_eq!(s, vec![(2, 6, Label::Misc)]);
    }

    #[test]
    fn quoted_title_case_is_a_work() {
        assert_eq!(
            titles("tracks like ‘ Leaves ’ evoke", &[]),
            vec![(3, 4, Label::Misc)]
        );
        assert_eq!(
            titles("songs like “ Frozen , ” and", &[]),
            vec![(3, 4, Label::Misc)]
        );
        // After a work's noun, even a name the tagger found is the title.
        assert_eq!(
            titles("the single ‘ Nadia ’ samples", &[(3, 4, Label::Per)]),
            vec![(3, 4, Label::Misc)]
        );
        // A lone word without a cue may be a label or a scare-quoted term.
        assert!(titles("filters like “ Airport ” and", &[]).is_empty());
        assert_eq!(
            titles(
                "the film “ Lawrence of Arabia ” won",
                &[(3, 4, Label::Per), (5, 6, Label::Loc)]
            ),
            vec![(3, 6, Label::Misc)]
        );
    }

    #[test]
    fn works_named_after_their_kind() {
        let run = |text: &str, spans: &[(usize, usize, Label)]| {
            let words: Vec<&str> = text.split(' ').collect();
            let mut s = spans.to_vec();
            named_works(&words, &mut s);
            s
        };
        let t = "a live album called Shipwreck Days of the Sea in March";
        assert_eq!(
            run(t, &[(4, 5, Label::Loc), (10, 11, Label::Date)]),
            vec![(10, 11, Label::Date), (4, 9, Label::Misc)]
        );
        // A person named so is left alone.
        let t = "a mathematician named Hannah Cairo solved it";
        assert_eq!(run(t, &[(3, 5, Label::Per)]), vec![(3, 5, Label::Per)]);
    }

    #[test]
    fn unquoted_titles_take_the_guessed_place() {
        let run = |text: &str, spans: &[(usize, usize, Label)]| {
            let words: Vec<&str> = text.split(' ').collect();
            let mut s = spans.to_vec();
            unquoted_titles(&words, &mut s);
            s
        };
        let t = "if I were to run Carved in Madrugada next year";
        assert_eq!(run(t, &[(7, 8, Label::Loc)]), vec![(5, 8, Label::Misc)]);
        // A listed place, a head of an institution, a sentence's first word: left alone.
        let t = "she talked about Human Rights in China and more";
        assert_eq!(run(t, &[(6, 7, Label::Loc)]), vec![(6, 7, Label::Loc)]);
        let t = "the talks at the Bank of Madrugada were long";
        assert_eq!(run(t, &[(6, 7, Label::Loc)]), vec![(6, 7, Label::Loc)]);
    }

    #[test]
    fn speech_labels_and_whole_names_are_left() {
        // Quoted speech, a function word, an acronym.
        assert!(titles("he said “ We will win .” then", &[]).is_empty());
        assert!(titles("“ It ’ s late", &[]).is_empty());
        assert!(titles("replace ‘ DNS ’ with", &[]).is_empty());
        // Instructions.
        assert!(titles("then tap ‘ Settings ’ and", &[]).is_empty());
        assert!(titles("the ‘ View Product ’ button", &[]).is_empty());
        // A name the tagger found whole keeps its label; a span across the quote is left.
        let org = [(1, 2, Label::Org)];
        assert_eq!(titles("“ Google ” said", &org), org.to_vec());
        let per = [(0, 4, Label::Per)];
        assert_eq!(titles("Earvin “ Magic ” Johnson", &per), per.to_vec());
        let apart = [(0, 1, Label::Per), (4, 5, Label::Per)];
        assert_eq!(titles("Earvin “ Magic ” Johnson", &apart), apart.to_vec());
    }
}
