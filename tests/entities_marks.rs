//! Marks in article HTML: one <mark> per text-node piece of a mention, the markup stays
//! well-formed, text is escaped, and nothing else changes.

use lectern::entities::annotate_html;
use scraper::Html;

#[test]
fn marks_span_inline_tags() {
    let html = "<p>Russian President <a href=\"/p?a=1&amp;b=2\">Vladimir</a> <b>Put</b>in met Ahmad al-Sharaa in Moscow on Wednesday &amp; left.</p>";
    let (out, ents) = annotate_html(html);
    let putin = ents
        .mentions
        .iter()
        .position(|m| m.text == "Vladimir Putin")
        .expect("mention");
    let m = &ents.mentions[putin];
    let open = format!(
        "<mark class=\"lx-ent lx-PER\" data-label=\"PER\" data-entity=\"{}\" data-mention=\"{putin}\">",
        m.entity
    );
    // Three pieces: "Vladimir" inside <a>, "Put" inside <b>, "in" after it.
    assert_eq!(out.matches(&open).count(), 3, "{out}");
    assert!(
        out.contains(&format!(
            "<a href=\"/p?a=1&amp;b=2\">{open}Vladimir</mark></a>"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("<b>{open}Put</mark></b>{open}in</mark>")),
        "{out}"
    );
    assert!(out.contains("data-label=\"LOC\""), "{out}");
    assert!(out.contains("data-label=\"DATE\""), "{out}");
    assert!(out.contains("&amp; left."), "{out}");

    // Removing the marks gives back the original serialisation.
    let stripped = strip_marks(&out);
    let original = Html::parse_fragment(html).root_element().inner_html();
    assert_eq!(stripped, original);

    // The marked HTML has the same text, so offsets still agree.
    let text_before = lectern::text::layout(&Html::parse_fragment(html)).text;
    let text_after = lectern::text::layout(&Html::parse_fragment(&out)).text;
    assert_eq!(text_before, text_after);
    for m in &ents.mentions {
        assert_eq!(&text_before[m.start..m.end], m.text);
    }
}

#[test]
fn escapes_text_and_handles_deep_trees() {
    let (out, _) = annotate_html("<p>Tom &lt;Smith&gt; &amp; <i>Jones</i> of London</p>");
    assert!(
        out.contains("&lt;") && out.contains("&gt;") && out.contains("&amp;"),
        "{out}"
    );
    assert!(!out.contains("<Smith>"));
    let deep = "<span>".repeat(100_000) + "Paris" + &"</span>".repeat(100_000);
    let (out, _) = annotate_html(&deep);
    assert!(out.contains("Paris"));
}

fn strip_marks(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("<mark ") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let close = after.find('>').unwrap();
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out.replace("</mark>", "")
}

/// On real article fragments (all of the readability corpus's expected outputs), removing the marks
/// gives back exactly what scraper serialises, and every mark is balanced.
#[test]
fn real_articles_keep_their_markup() {
    let shared = std::env::var_os("LECTERN_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("corpus/readability");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("readability corpus (set LECTERN_SHARED)")
        .filter_map(Result::ok)
        .map(|e| e.path().join("expected.html"))
        .filter(|p| p.exists())
        .collect();
    entries.sort();
    let mut marked = 0;
    for path in &entries {
        let html = std::fs::read_to_string(path).unwrap();
        let (out, ents) = annotate_html(&html);
        let original = Html::parse_fragment(&html).root_element().inner_html();
        let stripped = strip_marks(&out);
        if stripped != original {
            let at = stripped
                .bytes()
                .zip(original.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(stripped.len().min(original.len()));
            let window = |s: &str| {
                let a = s.floor_char_boundary(at.saturating_sub(80));
                let b = s.floor_char_boundary((at + 80).min(s.len()));
                s[a..b].to_string()
            };
            panic!(
                "{}: differs at byte {at}\nours:     {:?}\nscraper:  {:?}",
                path.display(),
                window(&stripped),
                window(&original)
            );
        }
        assert_eq!(
            out.matches("<mark ").count(),
            out.matches("</mark>").count()
        );
        marked += ents.mentions.len();
    }
    assert!(
        marked > 100,
        "only {marked} mentions in {} articles",
        entries.len()
    );
}

/// Maths is read like code: no mark goes inside `<math>` (a `<mark>` there would not even be
/// HTML), on both paths, while the prose around it is still marked.
#[test]
fn no_marks_inside_maths() {
    let formula = "<math><mtext>Angela Merkel</mtext><mo>+</mo><mi>Paris</mi><mo>=</mo>\
                   <mtext>Berlin</mtext></math>";
    let html = format!(
        "<p>Angela Merkel visited Paris on Monday and met officials from Berlin.</p>\
         <p>The model {formula} was shown in Paris.</p>"
    );
    let (out, ents) = annotate_html(&html);
    let math = &out[out.find("<math>").unwrap()..out.find("</math>").unwrap()];
    assert!(!math.contains("<mark"), "{out}");
    assert!(out.contains("<mark"), "prose is still marked: {out}");
    let text = lectern::text::html_to_text(&html);
    for m in &ents.mentions {
        assert_eq!(&text[m.start..m.end], m.text);
    }

    let page = format!(
        "<html><head><title>Notes</title></head><body><article><h1>Notes</h1>\
         <p>Angela Merkel visited Paris on Monday and met officials from Berlin and London, who \
         said the talks in Paris went well. The visit to Paris was her first since the spring, \
         and officials in Berlin called it a success.</p>\
         <p>Officials in Paris said more talks with Berlin would follow: {formula}, and that \
         London would join them in the autumn after the talks in Paris.</p>\
         </article></body></html>"
    );
    let opts = lectern::Options {
        url: Some("https://example.com/notes".into()),
    };
    let done = lectern::render::process(&page, &opts, true).expect("article");
    let out = &done.reader_html;
    let math = &out[out.find("<math").expect("math kept")..out.find("</math>").expect("/math")];
    assert!(!math.contains("<mark"), "{math}");
    assert!(math.contains("<mtext>Angela Merkel</mtext>"), "{math}");
    assert!(out.contains("<mark"), "prose is still marked: {out}");
    for m in &done.entities.mentions {
        assert_eq!(&done.article.text[m.start..m.end], m.text);
    }
}
