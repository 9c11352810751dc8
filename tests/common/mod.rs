//! Helpers shared by the entity tests.

use lectern::{Label, Mention};

/// Mentions for the given (text, label) pairs, each at its first occurrence after the previous.
pub fn mentions(text: &str, spans: &[(&str, Label)]) -> Vec<Mention> {
    let mut from = 0;
    spans
        .iter()
        .map(|&(s, label)| {
            let start = text[from..].find(s).expect(s) + from;
            from = start + s.len();
            Mention {
                start,
                end: start + s.len(),
                text: s.to_string(),
                label,
                entity: 0,
            }
        })
        .collect()
}
