//! HTML escaping as html5ever's serialiser does it, shared by every writer of HTML in the crate
//! (extraction output, entity marks), so their output round-trips through a parser unchanged.

/// Escapes text content.
pub(crate) fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            _ => out.push(c),
        }
    }
}

/// The length of `escape_text(s)`, without writing it.
pub(crate) fn escaped_text_len(s: &str) -> usize {
    s.len()
        + s.bytes()
            .map(|b| match b {
                b'&' => 4,
                b'<' | b'>' => 3,
                _ => 0,
            })
            .sum::<usize>()
        // U+00A0 is two bytes in UTF-8 and six as `&nbsp;`.
        + 4 * s.matches('\u{a0}').count()
}

/// Escapes a double-quoted attribute value.
pub(crate) fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_html5ever() {
        let mut t = String::new();
        escape_text("a<b>&\u{a0}\"c\"", &mut t);
        assert_eq!(t, "a&lt;b&gt;&amp;&nbsp;\"c\"");
        let mut a = String::new();
        escape_attr("x\"<y>&", &mut a);
        assert_eq!(a, "x&quot;&lt;y&gt;&amp;");
        for s in ["", "plain", "a<b>&\u{a0}\"c\"", "&&\u{a0}\u{a0}é<"] {
            let mut t = String::new();
            escape_text(s, &mut t);
            assert_eq!(escaped_text_len(s), t.len(), "{s}");
        }
    }
}
