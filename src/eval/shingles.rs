//! Text compared as Mozilla's benchmark and the modern-pages corpus compare it: multisets of
//! 4-word shingles over `\w+` tokens (shared by `eval readability` and `eval pages`).

use std::collections::HashMap;

/// `\w+` tokens (Unicode letters, digits and underscore).
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles(tokens: &[&str]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    if tokens.is_empty() {
        return m;
    }
    if tokens.len() < 4 {
        *m.entry(tokens.join(" ")).or_insert(0) += 1;
        return m;
    }
    for w in tokens.windows(4) {
        *m.entry(w.join(" ")).or_insert(0) += 1;
    }
    m
}

/// F1 of the multisets of 4-word shingles of `ours` against `expected`.
pub fn shingle_f1(expected: &str, ours: &str) -> f64 {
    shingle_prf(expected, ours).2
}

/// Precision, recall and F1 of the multisets of 4-word shingles of `ours` against `expected`.
/// Both empty scores 1 on all three; one side empty scores 0.
pub fn shingle_prf(expected: &str, ours: &str) -> (f64, f64, f64) {
    let e = shingles(&tokens(expected));
    let o = shingles(&tokens(ours));
    let ne: usize = e.values().sum();
    let no: usize = o.values().sum();
    if ne == 0 && no == 0 {
        return (1.0, 1.0, 1.0);
    }
    if ne == 0 || no == 0 {
        return (0.0, 0.0, 0.0);
    }
    let overlap: usize = o
        .iter()
        .map(|(k, v)| (*v).min(e.get(k).copied().unwrap_or(0)))
        .sum();
    if overlap == 0 {
        return (0.0, 0.0, 0.0);
    }
    let p = overlap as f64 / no as f64;
    let r = overlap as f64 / ne as f64;
    (p, r, 2.0 * p * r / (p + r))
}

/// Paragraphs of `a` (blank-line separated) whose words do not appear in `b`.
pub(crate) fn paragraphs_not_in(a: &str, b: &str, limit: usize) -> Vec<String> {
    let hay = tokens(b).join(" ");
    a.split("\n\n")
        .filter(|p| {
            let t = tokens(p).join(" ");
            !t.is_empty() && !hay.contains(&t)
        })
        .take(limit)
        .map(|p| {
            let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
            if p.chars().count() > 70 {
                format!("{}...", p.chars().take(70).collect::<String>())
            } else {
                p
            }
        })
        .collect()
}
