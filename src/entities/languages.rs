//! Programming languages named by everyday words ("Rust", "Go", "C", "Swift", "Ruby"): the
//! tagger, which learnt from news, leaves them out or reads them as places. On a page that
//! names programming languages, they are MISC like "Python" and "JavaScript".

use std::ops::Range;

use super::gazetteer::zipf_bucket;
use super::tokenize::Token;
use super::{Label, Mention};

/// Languages no other reading competes with: seeing them says the page is about code.
const DISTINCT: &[&str] = &[
    "Python",
    "JavaScript",
    "TypeScript",
    "Kotlin",
    "Haskell",
    "Elixir",
    "Erlang",
    "Scala",
    "Perl",
    "PHP",
    "Lua",
    "OCaml",
    "Clojure",
    "Zig",
    "C++",
    "C#",
    "F#",
    "Fortran",
    "COBOL",
    "Golang",
    "WebAssembly",
    "Node.js",
    "Objective-C",
    "Nim",
];

/// Languages whose names are also common words or letters: marked only on such a page.
const AMBIGUOUS: &[&str] = &[
    "Rust", "Go", "C", "Swift", "Ruby", "Crystal", "Elm", "Nix", "Racket", "Odin", "Gleam", "Mojo",
    "Julia", "Dart", "Java",
];

/// A word this frequent (bucket 10, Zipf 5: "go") opening a sentence is the word, not the
/// language.
const FREQUENT: u8 = 10;

/// Marks the ambiguous language names of a text that names two languages or more (one of them
/// a [`DISTINCT`] one): adds a MISC mention where none covers the word, and relabels a mention
/// that is exactly the word. Mentions stay in text order.
pub fn mark(text: &str, toks: &[Token], sents: &[Range<usize>], mentions: &mut Vec<Mention>) {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut named: Vec<&str> = Vec::new();
    for t in toks {
        let w = t.text(text);
        if !capitalised(w) {
            continue;
        }
        // "C/C++" is one token: its parts name languages too.
        for part in w.split('/') {
            if is_language(part) && !named.contains(&part) {
                named.push(part);
            }
        }
    }
    let distinct = named.iter().any(|w| DISTINCT.contains(w));
    if named.len() < 2 || !distinct {
        return;
    }
    let mut added = Vec::new();
    for sent in sents {
        for ti in sent.clone() {
            let Some(t) = toks.get(ti) else { continue };
            let w = t.text(text);
            if !capitalised(w) {
                continue;
            }
            if w.contains('/') {
                split_pair(text, t, mentions, &mut added);
                continue;
            }
            if DISTINCT.contains(&w) {
                // The tagger took it for a person or a place ("Haskell").
                if let Some(m) = mentions
                    .iter_mut()
                    .find(|m| m.start == t.start && m.end == t.end)
                {
                    m.label = Label::Misc;
                }
                continue;
            }
            if !AMBIGUOUS.contains(&w) {
                continue;
            }
            let word = |i: usize| {
                toks.get(i)
                    .map(|n| n.text(text))
                    .filter(|_| sent.contains(&i))
            };
            let capital = |i: usize| {
                word(i).is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
            };
            let opener = ti == sent.start && zipf_bucket(&w.to_lowercase()) >= FREQUENT;
            // "Appendix C", "John C. Smith", "C Street": a letter among capitals or before a
            // full stop is no language.
            let letter = w.chars().count() == 1
                && (capital(ti + 1)
                    || ti > sent.start && capital(ti - 1)
                    || word(ti + 1) == Some("."));
            if opener || letter {
                continue;
            }
            match mentions
                .iter_mut()
                .find(|m| m.start < t.end && t.start < m.end)
            {
                Some(m) if m.start == t.start && m.end == t.end => m.label = Label::Misc,
                Some(_) => {}
                None => added.push(Mention::new(text, t.start, t.end, Label::Misc)),
            }
        }
    }
    super::add_mentions(mentions, added);
}

fn is_language(w: &str) -> bool {
    DISTINCT.contains(&w) || AMBIGUOUS.contains(&w)
}

/// "C/C++", "Elixir/Phoenix" as one token: when every part is a language, each part is its own
/// MISC mention, replacing whatever the tagger made of the whole.
fn split_pair(text: &str, t: &Token, mentions: &mut Vec<Mention>, added: &mut Vec<Mention>) {
    let w = t.text(text);
    if !w.split('/').all(is_language) {
        return;
    }
    mentions.retain(|m| m.end <= t.start || m.start >= t.end);
    let mut at = t.start;
    for part in w.split('/') {
        added.push(Mention::new(text, at, at + part.len(), Label::Misc));
        at += part.len() + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::{sentences, tokenize};
    use super::*;

    fn marked(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let sents = sentences(text, &toks);
        let mut ms = Vec::new();
        mark(text, &toks, &sents, &mut ms);
        ms.iter().map(|m| m.text.clone()).collect()
    }

    #[test]
    fn languages_on_a_page_about_code() {
        assert_eq!(
            marked("Rust is safer than C, and Go builds fast. Python is slow."),
            ["Rust", "C", "Go"]
        );
        // Languages joined by a slash are named one by one.
        assert_eq!(
            marked("Bugs come from languages like C/C++, and Rust prevents them."),
            ["C", "C++", "Rust"]
        );
        // No code on the page: the words are words.
        assert!(marked("Rust formed on the gate. Go home, said Ruby.").is_empty());
        // A letter among capitals, a verb opening a sentence.
        assert!(marked("See Appendix C in Python.\n\nGo to the docs.").is_empty());
    }
}
