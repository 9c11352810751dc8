//! The article HTML and text are written in one walk over the extraction DOM. These tests hold
//! that walk to the two definitions it replaces, over every corpus page and fixture: ammonia with
//! our allow-list leaves the HTML unchanged, and `text::html_to_text` of the HTML is the text.
//! The map of the text onto the HTML that the walk also writes puts entity marks exactly where
//! re-parsing the HTML (`annotate_html`) puts them.

use lectern::entities::marks::{annotate_html_in, annotate_mapped};
use lectern::eval::shared_dir;
use lectern::extract::{extract_mapped, sanitize};
use lectern::text::html_to_text;
use lectern::Options;

/// HTML as a parser sees it (attribute order and the like normalised).
fn reparsed(html: &str) -> String {
    scraper::Html::parse_fragment(html)
        .root_element()
        .inner_html()
}

fn check(name: &str, html: &str, url: &str, bad: &mut Vec<String>) {
    let opts = Options {
        url: Some(url.to_string()),
    };
    let Ok((a, spans)) = extract_mapped(html, &opts) else {
        return;
    };
    let page = lectern::entities::Page {
        lang: a.lang.as_deref(),
        site: a.site_name.as_deref(),
    };
    let (spliced, ents) = annotate_mapped(&a.content, &a.text, &spans, &page);
    let (parsed, ents2) = annotate_html_in(&a.content, &page);
    if ents != ents2 || reparsed(&spliced) != reparsed(&parsed) {
        bad.push(format!("{name}: marks differ from annotate_html's"));
    }
    let base = url::Url::parse(url).ok();
    let again = sanitize(&a.content, base.as_ref());
    if again != a.content {
        let at = again
            .bytes()
            .zip(a.content.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        let lo = at.saturating_sub(80);
        bad.push(format!(
            "{name}: html differs at {at}:\n ours   {:?}\n ammonia {:?}",
            a.content.get(lo..at + 80).unwrap_or(""),
            again.get(lo..at + 80).unwrap_or("")
        ));
    }
    let t = html_to_text(&a.content);
    if t != a.text {
        let at = t
            .bytes()
            .zip(a.text.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        let lo = at.saturating_sub(60);
        bad.push(format!(
            "{name}: text differs at {at}:\n ours {:?}\n html_to_text {:?}",
            a.text.get(lo..at + 60).unwrap_or(""),
            t.get(lo..at + 60).unwrap_or("")
        ));
    }
}

#[test]
fn html_is_an_ammonia_fixed_point_and_text_matches_html_to_text() {
    let mut bad = Vec::new();
    let mut seen = 0;
    let dir = shared_dir().join("corpus/readability");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let p = e.path().join("source.html");
            if let Ok(bytes) = std::fs::read(&p) {
                let html = String::from_utf8_lossy(&bytes);
                check(
                    &e.file_name().to_string_lossy(),
                    &html,
                    "http://fakehost/test/page.html",
                    &mut bad,
                );
                seen += 1;
            }
        }
    }
    let fixtures = format!("{}/tests/fixtures/extract", env!("CARGO_MANIFEST_DIR"));
    for e in std::fs::read_dir(&fixtures).expect("fixtures").flatten() {
        let html = std::fs::read_to_string(e.path()).expect("fixture");
        check(
            &e.file_name().to_string_lossy(),
            &html,
            "https://example.org/a/story.html",
            &mut bad,
        );
        seen += 1;
    }
    assert!(seen >= 130, "only {seen} pages");
    assert!(
        bad.is_empty(),
        "{} of {seen}:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
