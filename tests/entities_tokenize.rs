//! Tokens, sentences and mentions keep exact byte offsets on non-ASCII text, and no mention
//! crosses a paragraph break.

use lectern::entities::tokenize::{sentences, tokenize};
use lectern::recognize;

#[test]
fn offsets_on_non_ascii_text() {
    let text =
        "Zoë Ångström’s café — in Zürich, «Société Générale» paid €3.2 billion (½ of it) 😀.";
    let toks = tokenize(text);
    let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
    assert_eq!(
        words,
        vec![
            "Zoë",
            "Ångström",
            "’s",
            "café",
            "—",
            "in",
            "Zürich",
            ",",
            "«",
            "Société",
            "Générale",
            "»",
            "paid",
            "€",
            "3.2",
            "billion",
            "(",
            "½",
            "of",
            "it",
            ")",
            "😀",
            "."
        ]
    );
    for t in &toks {
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(t.start < t.end);
    }
    // Tokens are in order and cover every non-space character.
    let covered: usize = toks.iter().map(|t| t.end - t.start).sum();
    let non_space: usize = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    assert_eq!(covered, non_space);
    let ents = recognize(text);
    assert!(
        ents.mentions.iter().any(|m| m.text == "€3.2 billion"),
        "{ents:?}"
    );
    for m in &ents.mentions {
        assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
    }
}

#[test]
fn mentions_never_cross_paragraphs() {
    let text = "The talks were held in New\n\nYork Times reported that Angela Merkel\n\nWalked.";
    let toks = tokenize(text);
    for s in sentences(text, &toks) {
        let a = toks[s.start].start;
        let b = toks[s.end - 1].end;
        assert!(!text[a..b].contains('\n'), "{:?}", &text[a..b]);
    }
    for m in recognize(text).mentions {
        assert!(!m.text.contains('\n'), "{m:?}");
    }
}

#[test]
fn odd_input_gives_no_panic() {
    for text in [
        "", " ", "\n\n\n", "'", "’s", "...", "$", "%", "(((", "A.", "\u{0}", "12:", "per cent",
    ] {
        let _ = recognize(text);
    }
    let long = "Word ".repeat(20_000);
    assert!(recognize(&long).mentions.len() < 20_000);
}
