//! Facts about HTML that several parts of the core need, in one place: void elements, block
//! elements, raw-text elements, what closes a `<p>`, and how deep we let markup nest.

/// Nesting deeper than this is capped before parsing (Blink caps the DOM at 512 too):
/// html5ever's tree builder is quadratic in the depth of open elements.
pub const MAX_DEPTH: usize = 512;

/// The heading elements, `<h1>` to `<h6>`.
pub const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements whose content is raw text: no tags inside until the matching end tag.
pub const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Whether `tag`'s content is raw text (see [`RAW_TEXT`]).
pub fn is_raw_text(tag: &str) -> bool {
    RAW_TEXT.contains(&tag)
}

/// Elements that have no end tag and no content.
pub fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
    )
}

/// Start tags that close an open `<p>` when parsed (the HTML tree-building rules): writers of
/// HTML must not put them inside a `<p>`, readers must expect the `<p>` closed.
pub fn closes_p(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "listing"
            | "table"
            | "hr"
            | "xmp"
            | "dd"
            | "dt"
            | "li"
    )
}

/// Elements whose start and end separate paragraphs.
pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// The candidates of a `srcset` attribute as (URL, descriptor) by the HTML standard's grammar:
/// a URL runs to the next whitespace, so a comma inside it ("…/fit=700,1024/a.jpg") stays;
/// a URL ending in commas has no descriptor; otherwise the descriptor runs to the next comma
/// outside parentheses.
pub fn srcset_candidates(srcset: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return out;
        }
        let url_end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (url, after) = rest.split_at(url_end);
        if url.ends_with(',') {
            out.push((url.trim_end_matches(','), ""));
            rest = after;
            continue;
        }
        let mut depth = 0usize;
        let mut end = after.len();
        for (i, c) in after.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let (desc, tail) = after.split_at(end);
        out.push((url, desc.trim()));
        rest = tail;
    }
}

/// A `srcset` written back from its candidates.
pub fn srcset_join<'a>(candidates: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    candidates
        .into_iter()
        .map(|(u, d)| {
            if d.is_empty() {
                u.to_string()
            } else {
                format!("{u} {d}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod srcset_tests {
    use super::*;

    #[test]
    fn commas_inside_urls_stay() {
        let got = srcset_candidates(
            "https://i.example/fit=700,1024/a.jpg 700w, https://i.example/fit=1400,2048/a.jpg 1400w",
        );
        assert_eq!(
            got,
            [
                ("https://i.example/fit=700,1024/a.jpg", "700w"),
                ("https://i.example/fit=1400,2048/a.jpg", "1400w")
            ]
        );
        assert_eq!(
            srcset_candidates("a.png, b.png 2x,c.png"),
            [("a.png", ""), ("b.png", "2x"), ("c.png", "")]
        );
        assert_eq!(srcset_candidates(" , ,"), []);
        assert_eq!(
            srcset_join(srcset_candidates("a.png 1x,b.png 2x")),
            "a.png 1x, b.png 2x"
        );
    }
}
