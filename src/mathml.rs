//! The MathML the reader keeps: presentation MathML (what browsers draw, MathML Core and its
//! common extras), with only the attributes that shape the layout of a formula.
//!
//! Left out: links and actions (`href`, `actiontype`, `selection`), event handlers, `style`,
//! `class`, `id`, colours (the reader's themes decide those), `mglyph` (it fetches an image), and
//! the annotations of `<semantics>` (TeX source or other markup: `annotation` and
//! `annotation-xml` go with their content, so `<semantics>` shows its first child, as browsers
//! draw it). Anything else inside `<math>` is unwrapped: its text stays, its tag does not.
//!
//! Both writers of article HTML (the extraction walk and the ammonia sanitisers) use these
//! lists; the walk decides by context (inside `<math>` or not), ammonia by the parser's
//! namespaces.

/// Presentation MathML elements kept inside `<math>` (and `math` itself).
pub const ELEMENTS: [&str; 31] = [
    "math",
    "maction",
    "menclose",
    "merror",
    "mfenced",
    "mfrac",
    "mi",
    "mmultiscripts",
    "mn",
    "mo",
    "mover",
    "mpadded",
    "mphantom",
    "mprescripts",
    "mroot",
    "mrow",
    "ms",
    "mspace",
    "msqrt",
    "mstyle",
    "msub",
    "msubsup",
    "msup",
    "mtable",
    "mtd",
    "mtext",
    "mtr",
    "munder",
    "munderover",
    "none",
    "semantics",
];

/// Dropped with their content inside `<math>`: a formula's alternative encodings (TeX source,
/// HTML or SVG copies), never what the browser draws.
pub const DROP_WITH_CONTENT: [&str; 2] = ["annotation", "annotation-xml"];

/// Attributes kept on every MathML element (besides `lang` and `dir`, kept everywhere).
const COMMON: [&str; 3] = ["displaystyle", "scriptlevel", "mathvariant"];

/// Attributes kept per element, besides [`COMMON`].
fn own_attrs(tag: &str) -> &'static [&'static str] {
    match tag {
        "math" => &["display", "alttext"],
        "mo" => &[
            "form",
            "fence",
            "separator",
            "lspace",
            "rspace",
            "stretchy",
            "symmetric",
            "maxsize",
            "minsize",
            "largeop",
            "movablelimits",
            "accent",
        ],
        "mfrac" => &["linethickness"],
        "mover" => &["accent"],
        "munder" => &["accentunder"],
        "munderover" => &["accent", "accentunder"],
        "mspace" => &["width", "height", "depth"],
        "mpadded" => &["width", "height", "depth", "lspace", "voffset"],
        "mtd" => &["columnspan", "rowspan"],
        "menclose" => &["notation"],
        "ms" => &["lquote", "rquote"],
        "mfenced" => &["open", "close", "separators"],
        _ => &[],
    }
}

/// Whether `tag` is a MathML element the reader keeps (inside `<math>`).
pub fn is_element(tag: &str) -> bool {
    ELEMENTS.contains(&tag)
}

/// Whether `tag` goes with its content inside `<math>`.
pub fn drops_with_content(tag: &str) -> bool {
    DROP_WITH_CONTENT.contains(&tag)
}

/// The attributes kept on the MathML element `tag` (empty for other tags).
pub fn attrs(tag: &str) -> impl Iterator<Item = &'static str> {
    let common: &[&str] = if is_element(tag) { &COMMON } else { &[] };
    common.iter().chain(own_attrs(tag)).copied()
}

/// Whether attribute `attr` is kept on the MathML element `tag`.
pub fn attr_allowed(tag: &str, attr: &str) -> bool {
    attrs(tag).any(|a| a == attr)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Attacks through MathML: actions, links and handlers on its elements, HTML inside token
    /// elements and annotations, and the namespace confusion of `mglyph`/`style`.
    pub(crate) const ATTACKS: &str = "<p><math href=\"javascript:alert(1)\" onclick=\"x()\">\
        <maction actiontype=\"statusline\"><mi xlink:href=\"javascript:alert(2)\" style=\"x\">a</mi>\
        <mtext>tip</mtext></maction><mtext><img src=\"x\" onerror=\"alert(3)\"></mtext>\
        <annotation-xml encoding=\"text/html\"><script>alert(4)</script><img src=x onerror=alert(5)>\
        </annotation-xml><mtext><table><mglyph><style><img src=x onerror=alert(6)></style></mglyph>\
        </table></mtext></math></p>";

    /// What any path that cleaned [`ATTACKS`] must give: nothing active left, the formula kept.
    pub(crate) fn assert_inert(out: &str) {
        for bad in [
            "href",
            "onclick",
            "actiontype",
            "onerror",
            "script",
            "alert",
            "style",
            "annotation",
            "mglyph",
        ] {
            assert!(!out.contains(bad), "{bad} survived in {out}");
        }
        assert!(
            out.contains("<math><maction><mi>a</mi><mtext>tip</mtext></maction>"),
            "{out}"
        );
    }

    #[test]
    fn active_attributes_never_pass() {
        for tag in ELEMENTS {
            for attr in [
                "href",
                "xlink:href",
                "actiontype",
                "selection",
                "onclick",
                "onerror",
                "style",
                "class",
                "id",
                "src",
                "mathcolor",
                "mathbackground",
                "tabindex",
                "autofocus",
            ] {
                assert!(!attr_allowed(tag, attr), "{attr} on {tag}");
            }
        }
    }

    #[test]
    fn layout_attributes_pass() {
        assert!(attr_allowed("math", "display"));
        assert!(attr_allowed("mi", "mathvariant"));
        assert!(attr_allowed("mo", "stretchy"));
        assert!(attr_allowed("mtd", "columnspan"));
        assert!(!attr_allowed("div", "display"), "only on MathML elements");
    }

    #[test]
    fn elements() {
        assert!(is_element("math") && is_element("msup") && is_element("semantics"));
        for tag in [
            "mglyph",
            "annotation",
            "annotation-xml",
            "a",
            "script",
            "svg",
        ] {
            assert!(!is_element(tag), "{tag}");
        }
        assert!(drops_with_content("annotation-xml"));
    }
}
