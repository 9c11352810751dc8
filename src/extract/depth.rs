//! Caps element nesting before parsing.
//!
//! html5ever's tree builder checks "is a `<p>` in button scope" by walking the whole stack of
//! open elements for every start tag, so 100,000 nested `<div>`s cost O(n^2) (minutes). Browsers
//! cap tree depth (Blink at 512); we do the same on the source: a light scan finds the depth, and
//! only if it exceeds the cap are the start tags beyond it (and their end tags) dropped, which
//! keeps their content as siblings at the cap depth.

use std::borrow::Cow;

pub use crate::html::MAX_DEPTH;

/// Tags that never open a nesting level for our count (void, or usually left unclosed).
fn no_nesting(name: &str) -> bool {
    super::dom::is_void(name)
        || matches!(
            name,
            "p" | "li"
                | "dt"
                | "dd"
                | "option"
                | "optgroup"
                | "tr"
                | "td"
                | "th"
                | "tbody"
                | "thead"
                | "tfoot"
                | "colgroup"
                | "rb"
                | "rt"
                | "rp"
                | "html"
                | "head"
                | "body"
        )
}

use crate::html::is_raw_text as raw_text;

enum Tok<'a> {
    Start {
        name: &'a str,
        end: usize,
        self_closing: bool,
    },
    End {
        name: &'a str,
        end: usize,
    },
    Skip {
        end: usize,
    },
}

/// Reads the markup construct starting at `i` (where `s[i] == '<'`).
fn token(s: &str, i: usize) -> Tok<'_> {
    let b = s.as_bytes();
    let rest = &s[i..];
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->").map(|j| i + 4 + j + 3).unwrap_or(s.len());
        return Tok::Skip { end };
    }
    let next = b.get(i + 1).copied().unwrap_or(b' ');
    if next == b'!' || next == b'?' {
        let end = rest.find('>').map(|j| i + j + 1).unwrap_or(s.len());
        return Tok::Skip { end };
    }
    let (is_end, name_start) = if next == b'/' {
        (true, i + 2)
    } else {
        (false, i + 1)
    };
    if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return Tok::Skip { end: i + 1 };
    }
    let mut j = name_start;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
        j += 1;
    }
    let name = &s[name_start..j];
    // Find the closing '>' outside quotes.
    let mut quote: Option<u8> = None;
    let mut k = j;
    while k < b.len() {
        let c = b[k];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => break,
            None => {}
        }
        k += 1;
    }
    let end = (k + 1).min(s.len());
    if is_end {
        Tok::End { name, end }
    } else {
        let self_closing = k > 0 && b.get(k - 1) == Some(&b'/');
        Tok::Start {
            name,
            end,
            self_closing,
        }
    }
}

/// Skips the content of a raw-text element up to its end tag.
fn skip_raw(s: &str, from: usize, name: &str) -> usize {
    let lower_needle = format!("</{name}");
    let bytes = s.as_bytes();
    let mut i = from;
    while let Some(j) = s[i..].find("</") {
        let at = i + j;
        let cand = s.get(at..at + lower_needle.len());
        if cand.is_some_and(|c| c.eq_ignore_ascii_case(&lower_needle)) {
            return at;
        }
        i = at + 2;
        if i >= bytes.len() {
            break;
        }
    }
    s.len()
}

/// Calls `f` with the ASCII-lowercase form of a tag name, allocating only for long names.
fn with_lower<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    if !name.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(name);
    }
    let mut buf = [0u8; 32];
    if let Some(dst) = buf.get_mut(..name.len()) {
        for (d, b) in dst.iter_mut().zip(name.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        if let Ok(l) = std::str::from_utf8(dst) {
            return f(l);
        }
    }
    f(&name.to_ascii_lowercase())
}

/// Walks the markup, calling `on` for each start/end tag with (name, is_end, byte range).
fn scan(s: &str, mut on: impl FnMut(&str, bool, usize, usize)) {
    let mut i = 0;
    while let Some(j) = s[i..].find('<') {
        let at = i + j;
        match token(s, at) {
            Tok::Skip { end } => i = end.max(at + 1),
            Tok::End { name, end } => {
                with_lower(name, |n| on(n, true, at, end));
                i = end.max(at + 1);
            }
            Tok::Start {
                name,
                end,
                self_closing,
                ..
            } => {
                i = end.max(at + 1);
                if !self_closing {
                    let raw = with_lower(name, |n| {
                        on(n, false, at, end);
                        raw_text(n)
                    });
                    if raw {
                        i = skip_raw(s, i, name);
                    }
                }
            }
        }
        if i >= s.len() {
            break;
        }
    }
}

/// Returns `html` unchanged unless its nesting exceeds [`MAX_DEPTH`].
pub fn limit_depth(html: &str) -> Cow<'_, str> {
    let mut depth = 0usize;
    let mut max = 0usize;
    scan(html, |name, is_end, _, _| {
        if no_nesting(name) {
            return;
        }
        if is_end {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    });
    if max <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    // Second pass: drop start tags beyond the cap and the end tags that close them.
    let mut out = String::with_capacity(html.len());
    let mut copied = 0usize;
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut kept_depth = 0usize;
    scan(html, |name, is_end, start, end| {
        if no_nesting(name) {
            return;
        }
        let mut drop_tag = false;
        if is_end {
            // Match against the few innermost open elements only (bounded work).
            let lim = stack.len().saturating_sub(8);
            if let Some(pos) = (lim..stack.len()).rev().find(|&k| stack[k].0 == name) {
                for (_, dropped) in stack.drain(pos..).rev() {
                    if !dropped {
                        kept_depth = kept_depth.saturating_sub(1);
                    }
                    drop_tag = dropped;
                }
            }
        } else if kept_depth >= MAX_DEPTH {
            stack.push((name.to_string(), true));
            drop_tag = true;
        } else {
            stack.push((name.to_string(), false));
            kept_depth += 1;
        }
        if drop_tag {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    });
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_input_is_untouched() {
        let h = "<div><p>a<p>b</div><script>if (a<b) {}</script><!-- <div> -->";
        assert!(matches!(limit_depth(h), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_input_is_capped() {
        let n = 2000;
        let h = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let out = limit_depth(&h);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("<p>deep text</p>"));
    }
}
