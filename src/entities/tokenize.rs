//! Tokens and sentences with byte offsets into the original text.
//!
//! The tokenizer follows the CoNLL-2003 conventions the tagger was trained on: punctuation is
//! split off words, possessive 's is its own token, abbreviations ("U.S.", "Mr.", initials) keep
//! their period, and hyphenated words ("al-Sharaa", "north-eastern") stay whole. Numbers keep
//! their inner separators ("1,000.5", "18:15"); currency signs and "%" are split off.

use std::ops::Range;

/// A token: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Characters split off the front of a word, one token each.
fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '"'
            | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '$'
            | '£'
            | '€'
            | '¥'
            | '₹'
            | '¿'
            | '¡'
            | '*'
            | '•'
            | '#'
    )
}

/// Characters split off the end of a word (the period is handled separately).
fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | '…'
            | '*'
    )
}

/// Characters that always stand alone, even inside a word.
fn is_solo(c: char) -> bool {
    matches!(
        c,
        '—' | '–' | '…' | '|' | '(' | ')' | '[' | ']' | '"' | '“' | '”'
    )
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "lt",
    "sgt", "capt", "gov", "sen", "rep", "vs", "etc", "no", "mt", "ft", "rev", "hon", "maj", "cmdr",
    "adm", "pres", "messrs", "mme", "mlle", "bros", "cf", "al", "approx", "est", "dept", "univ",
];

/// Whether `word` (without its final period) is an abbreviation that owns the period.
fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next();
    if chars.next().is_none() {
        // An initial ("J.") or a single letter.
        return first.is_some_and(char::is_alphabetic);
    }
    if word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic()) {
        return true; // U.S, a.m, p.m
    }
    // The list is ASCII lower case: an ASCII word compares without lower-casing it.
    if word.is_ascii() {
        return ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), &mut out);
    }
    out
}

/// Splits one whitespace-free chunk `text[start..end]` into tokens.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    // First split at characters that always stand alone (dashes, brackets, quotes).
    let chunk = text.get(start..end).unwrap_or("");
    let mut piece_start = start;
    for (i, c) in chunk.char_indices() {
        if is_solo(c) {
            let at = start + i;
            split_word(text, piece_start, at, out);
            out.push(Token {
                start: at,
                end: at + c.len_utf8(),
            });
            piece_start = at + c.len_utf8();
        }
    }
    split_word(text, piece_start, end, out);
}

fn split_word(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    // Leading punctuation.
    while start < end {
        let Some(c) = text.get(start..end).and_then(|s| s.chars().next()) else {
            return;
        };
        // Keep a leading apostrophe that starts a contraction such as 's or '90s.
        let rest = text.get(start + c.len_utf8()..end).unwrap_or("");
        let contraction = matches!(c, '\'' | '’')
            && (rest.eq_ignore_ascii_case("s")
                || rest.chars().all(|d| d.is_ascii_digit() || d == 's'))
            && !rest.is_empty();
        if is_open_punct(c) && !contraction && end - start > c.len_utf8() {
            out.push(Token {
                start,
                end: start + c.len_utf8(),
            });
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, collected in reverse at the end of `out`, then moved after the
    // word (no buffer of its own).
    let tail_at = out.len();
    loop {
        let word = text.get(start..end).unwrap_or("");
        let Some(c) = word.chars().next_back() else {
            break;
        };
        if word.len() == c.len_utf8() {
            break;
        }
        if c == '.' {
            let body = &word[..word.len() - 1];
            if body.ends_with('.') {
                // "..." stays one token.
                let dots = word.len() - word.trim_end_matches('.').len();
                if dots >= 2 && dots < word.len() {
                    out.push(Token {
                        start: end - dots,
                        end,
                    });
                    end -= dots;
                    continue;
                }
                break;
            }
            if is_abbreviation(body) {
                break;
            }
            out.push(Token {
                start: end - 1,
                end,
            });
            end -= 1;
            continue;
        }
        if is_close_punct(c) {
            // Keep the digits of a time or score together ("18:15" never ends in ':').
            out.push(Token {
                start: end - c.len_utf8(),
                end,
            });
            end -= c.len_utf8();
            continue;
        }
        break;
    }
    // Possessive 's.
    let word = text.get(start..end).unwrap_or("");
    let poss = if word.ends_with("'s") || word.ends_with("'S") {
        2
    } else if word.ends_with("’s") || word.ends_with("’S") {
        4
    } else {
        0
    };
    let before = out.len();
    if poss > 0 && word.len() > poss {
        out.push(Token {
            start,
            end: end - poss,
        });
        out.push(Token {
            start: end - poss,
            end,
        });
    } else if start < end {
        out.push(Token { start, end });
    }
    let words = out.len() - before;
    if let Some(moved) = out.get_mut(tail_at..) {
        moved.rotate_right(words);
        if let Some(t) = moved.get_mut(words..) {
            t.reverse();
        }
    }
}

/// Splits the text into sentences: ranges of token indices. A sentence never crosses a line
/// break (paragraphs and lines such as headlines stand alone) and ends after ". ! ?" (and any
/// closing quotes) when the next token starts like a new sentence.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    for i in 0..tokens.len() {
        let Some(tok) = tokens.get(i) else { break };
        let next = tokens.get(i + 1);
        let boundary = match next {
            None => true,
            Some(n) => {
                let gap = text.get(tok.end..n.start).unwrap_or("");
                if gap.contains('\n') {
                    true
                } else {
                    let t = tok.text(text);
                    let ends = matches!(t, "." | "!" | "?" | "…" | "...")
                        || (matches!(t, "\"" | "”" | "’" | ")")
                            && i > 0
                            && tokens
                                .get(i - 1)
                                .is_some_and(|p| matches!(p.text(text), "." | "!" | "?")));
                    let nt = n.text(text);
                    let starts_new = nt
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || is_open_punct(c));
                    ends && starts_new && !gap.is_empty()
                }
            }
        };
        if boundary {
            out.push(begin..i + 1);
            begin = i + 1;
        }
    }
    out
}

/// Whether the text between two tokens holds a paragraph break (a blank line).
pub fn is_paragraph_gap(gap: &str) -> bool {
    let mut newlines = 0;
    for c in gap.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            newlines = 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_punctuation_and_possessives() {
        assert_eq!(
            toks("SYRIA’S leader, Mr. Putin (left) said: \"yes.\""),
            vec![
                "SYRIA", "’S", "leader", ",", "Mr.", "Putin", "(", "left", ")", "said", ":", "\"",
                "yes", ".", "\""
            ]
        );
        assert_eq!(
            toks("the U.S. paid $5.2 million, 12% at 18:15."),
            vec!["the", "U.S.", "paid", "$", "5.2", "million", ",", "12", "%", "at", "18:15", "."]
        );
        assert_eq!(toks("al-Sharaa’s"), vec!["al-Sharaa", "’s"]);
    }

    #[test]
    fn sentences_break_at_lines_and_stops() {
        let text = "Headline here\nMr. Putin spoke. He left.";
        let t = tokenize(text);
        let s = sentences(text, &t);
        assert_eq!(s, vec![0..2, 2..6, 6..9]);
    }
}
