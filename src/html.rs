//! Facts about HTML that several parts of the core need, in one place: void elements, block
//! elements, raw-text elements, what closes a `<p>`, and how deep we let markup nest.

/// Nesting deeper than this is capped before parsing (Blink caps the DOM at 512 too):
/// html5ever's tree builder is quadratic in the depth of open elements.
pub const MAX_DEPTH: usize = 512;

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
