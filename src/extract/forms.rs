//! Beyond Readability: forms to fill in inside the article (a lead-capture form, "Request our
//! free ebook: First name, Company, Phone...", a contact or quote form). Readability's
//! conditional cleaning takes most of them, but not on its retries with cleaning off (short
//! articles), and its e-mail rule (`boiler::drop_email_forms`) stops at a box of a few hundred
//! characters, which a form with a drop-down of industries outgrows. A reader has no form to
//! fill: the form goes with its blurb ("Fill out the form to get a copy").

use super::dom::{Dom, Id};

/// Fields a person types into or picks from; one or two make a search box or a sign-up, which
/// other rules judge.
const MIN_FIELDS: usize = 3;
/// Text of the form's wrapper beyond the form itself (its title and blurb) for the wrapper to
/// go with it.
const MAX_BLURB: usize = 200;
/// A form holding a paragraph this long holds prose (a site built inside one `<form>`, as
/// ASP.NET pages are): not a form to drop.
const MAX_PROSE_PARAGRAPH: usize = 150;

/// `input` types that are not typed into: hidden values and the form's buttons.
const NOT_FILLED: [&str; 6] = ["hidden", "submit", "button", "reset", "image", "checkbox"];

/// Whether `n` is a field to fill: a text-like `input`, a `select` or a `textarea`.
fn is_field(dom: &Dom, n: Id) -> bool {
    match dom.tag(n) {
        "select" | "textarea" => true,
        "input" => {
            let t = dom.attr(n, "type").unwrap_or("text").to_ascii_lowercase();
            !NOT_FILLED.contains(&t.trim())
        }
        _ => false,
    }
}

/// Drops each form of [`MIN_FIELDS`] fields or more inside `root`, with the wrappers around it
/// that add no more than a blurb.
pub fn drop_fill_in_forms(dom: &mut Dom, root: Id) {
    for form in dom.descendants_with_tags(root, &["form"]) {
        // A form inside a form already dropped has gone with it.
        if !dom.is_ancestor(root, form) {
            continue;
        }
        let fields = dom
            .descendants_with_tags(form, &["input", "select", "textarea"])
            .into_iter()
            .filter(|&f| is_field(dom, f))
            .count();
        if fields < MIN_FIELDS || holds_prose(dom, form) {
            continue;
        }
        let own = dom.text_len(form);
        let mut top = form;
        while let Some(p) = dom.parent(top).filter(|&p| p != root) {
            if dom.text_len(p) > own + MAX_BLURB || holds_prose(dom, p) {
                break;
            }
            top = p;
        }
        dom.detach(top);
    }
}

/// Whether a paragraph under `n` is long, not counting a drop-down's options (Readability's
/// preparation makes a paragraph of a `<div>` holding only a `<select>`).
fn holds_prose(dom: &mut Dom, n: Id) -> bool {
    dom.descendants_with_tags(n, &["p"]).into_iter().any(|p| {
        let options: usize = dom
            .descendants_with_tags(p, &["select"])
            .into_iter()
            .map(|s| dom.text_len(s))
            .sum();
        dom.text_len(p).saturating_sub(options) > MAX_PROSE_PARAGRAPH
    })
}

#[cfg(test)]
mod tests {
    use super::super::dom::{normalize_ws, ROOT};
    use super::*;

    fn cleaned(body: &str) -> String {
        let html = format!("<html><body><article>{body}</article></body></html>");
        let mut dom = super::super::pipeline::parse(&html);
        let article = dom.descendants_with_tags(ROOT, &["article"])[0];
        drop_fill_in_forms(&mut dom, article);
        normalize_ws(&dom.text_content(ROOT))
    }

    const STORY: &str = "<p>Tyres lose grip in the cold, so a fleet checks them every week.</p>";

    #[test]
    fn a_lead_form_goes_with_its_blurb() {
        let form = "<div class=wrap><p>Fill out the form to get the guide.</p><form>\
            <label>First name</label><input type=text><label>Company</label><input>\
            <p><label>Industry</label><select><option>Farming</option><option>Fishing</option>\
            <option>Forestry and logging</option><option>Construction of roads</option>\
            <option>Manufacturing of goods</option><option>Mining and quarrying</option>\
            <option>Retail trade</option><option>Wholesale trade</option></select></p>\
            <input type=hidden value=1><input type=submit value=Send></form></div>";
        let out = cleaned(&format!("{STORY}{form}"));
        assert!(out.contains("Tyres lose grip"));
        assert!(!out.contains("Company"), "{out}");
        assert!(!out.contains("Fill out the form"), "{out}");
    }

    #[test]
    fn search_boxes_and_prose_in_a_form_stay() {
        let search = "<form><label>Search the guide</label><input type=search>\
            <input type=submit></form>";
        assert!(cleaned(&format!("{STORY}{search}")).contains("Search the guide"));
        // A page built inside one form keeps its paragraphs.
        let long = "A fleet that checks its tyres every week in the cold months finds worn \
            treads before they fail, and its drivers brake on ice with far more confidence, \
            while a fleet that waits for the spring service finds them on the hard shoulder.";
        let page = format!("<form><p>{long}</p><input name=a><input name=b><input name=c></form>");
        assert!(cleaned(&page).contains("worn treads"));
    }
}
