//! The article's title from `<title>` and the page's headings (`_getArticleTitle`), and the
//! text similarity Readability uses to compare titles with headings.

use super::super::dom::{is_js_space, normalize_ws, utf16_len, Dom, ROOT};

/// `_textSimilarity`: share of B's tokens (by length) also found in A.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let tok = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let ta = tok(a);
    let tb = tok(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&str> = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(String::as_str)
        .collect();
    let ulen = uniq.join(" ").chars().count() as f64;
    let blen = tb.join(" ").chars().count() as f64;
    1.0 - ulen / blen
}

/// `_getArticleTitle`'s heading test and the `<title>`-based title.
pub fn article_title(dom: &mut Dom) -> String {
    let title_el = dom.descendants_with_tags(ROOT, &["title"]).first().copied();
    let orig = title_el
        .map(|t| dom.text_content(t))
        .unwrap_or_default()
        .trim_matches(is_js_space)
        .to_string();
    let mut cur = orig.clone();
    let word_count = |s: &str| -> usize {
        // JS `str.split(/\s+/).length`.
        let mut n = 1;
        let mut in_ws = false;
        for c in s.chars() {
            if is_js_space(c) {
                if !in_ws {
                    n += 1;
                    in_ws = true;
                }
            } else {
                in_ws = false;
            }
        }
        n
    };
    const SEPS: [char; 8] = ['|', '-', '–', '—', '\\', '/', '>', '»'];
    let has_sep_spaced = |s: &str, seps: &[char]| -> bool {
        let cs: Vec<char> = s.chars().collect();
        cs.windows(3)
            .any(|w| w[0] == ' ' && seps.contains(&w[1]) && w[2] == ' ')
    };
    let mut hier = false;
    if has_sep_spaced(&cur, &SEPS) {
        hier = has_sep_spaced(&cur, &['\\', '/', '>', '»']);
        // (.*)[sep] .*  -> text before the last separator followed by a space.
        let cs: Vec<char> = orig.chars().collect();
        let mut cut = None;
        for i in (0..cs.len().saturating_sub(1)).rev() {
            if SEPS.contains(&cs[i]) && cs[i + 1] == ' ' {
                cut = Some(i);
                break;
            }
        }
        if let Some(i) = cut {
            cur = cs[..i].iter().collect();
        }
        if word_count(&cur) < 3 {
            if let Some(i) = cs.iter().position(|c| SEPS.contains(c)) {
                cur = cs[i + 1..].iter().collect();
            }
        }
    } else if cur.contains(": ") {
        let trimmed = cur.trim_matches(is_js_space).to_string();
        let headings = dom.descendants_with_tags(ROOT, &["h1", "h2"]);
        let matched = headings
            .iter()
            .any(|&h| dom.text_content(h).trim_matches(is_js_space) == trimmed);
        if !matched {
            if let Some(i) = orig.rfind(':') {
                cur = orig[i + 1..].to_string();
            }
            if word_count(&cur) < 3 {
                if let Some(i) = orig.find(':') {
                    cur = orig[i + 1..].to_string();
                }
            } else if let Some(i) = orig.find(':') {
                if word_count(&orig[..i]) > 5 {
                    cur = orig.clone();
                }
            }
        }
    } else {
        let len = utf16_len(&cur);
        if !(15..=150).contains(&len) {
            let h1s = dom.descendants_with_tags(ROOT, &["h1"]);
            if h1s.len() == 1 {
                cur = dom.inner_text(h1s[0]);
            }
        }
    }
    cur = normalize_ws(&cur);
    let wc = word_count(&cur);
    let stripped: String = orig.chars().filter(|c| !SEPS.contains(c)).collect();
    if wc <= 4 && (!hier || wc + 1 != word_count(&stripped)) {
        cur = orig;
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity() {
        assert!((text_similarity("Hello world", "hello world") - 1.0).abs() < 1e-9);
        assert_eq!(text_similarity("", "x"), 0.0);
        assert!(text_similarity("a b c", "x y z") < 0.01);
    }
}
