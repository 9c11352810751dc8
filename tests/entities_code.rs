//! Code is never marked: text from `<pre>`, `<code>`, `<kbd>` and `<samp>` is blanked before
//! recognition, on both paths (parsed HTML and extraction's mapped HTML).

#[test]
fn code_is_never_marked() {
    let html = "<p>Angela Merkel visited Paris on Monday.</p>\
                <pre>let merkel = Angela::new(\"Paris\");\nLondon.connect(Berlin)</pre>\
                <p>Call <code>Paris.open()</code> from Berlin.</p>";
    let (out, ents) = lectern::entities::annotate_html(html);
    let pre = &out[out.find("<pre>").unwrap()..out.find("</pre>").unwrap()];
    assert!(!pre.contains("<mark"), "{out}");
    let code = &out[out.find("<code>").unwrap()..out.find("</code>").unwrap()];
    assert!(!code.contains("<mark"), "{out}");
    for m in &ents.mentions {
        let t = lectern::text::html_to_text(html);
        assert_eq!(&t[m.start..m.end], m.text);
    }
    // The prose around still gets its marks.
    assert!(ents.mentions.iter().any(|m| m.text == "Paris"), "{ents:?}");
}

#[test]
fn code_is_never_marked_on_the_reader_path() {
    let html = "<html><head><title>Notes</title></head><body><article>\
                <h1>Release notes</h1>\
                <p>Angela Merkel visited Paris on Monday and met officials from Berlin and \
                London, who said the talks in Paris went well. The visit to Paris was her first \
                since the spring, and officials in Berlin called it a success.</p>\
                <pre>let merkel = Angela::new(\"Paris\");\nLondon.connect(Berlin);</pre>\
                <p>Officials in Paris said more talks with Berlin would follow in the autumn, \
                and that London would join them. Call <code>Paris.open()</code> to begin.</p>\
                </article></body></html>";
    let opts = lectern::Options {
        url: Some("https://example.com/notes".into()),
    };
    let done = lectern::render::process(html, &opts, true).expect("article");
    let out = &done.reader_html;
    let pre = &out[out.find("<pre").expect("pre")..out.find("</pre>").expect("/pre")];
    assert!(!pre.contains("<mark"), "{pre}");
    let code = &out[out.find("<code").expect("code")..out.find("</code>").expect("/code")];
    assert!(!code.contains("<mark"), "{code}");
    let text = &done.article.text;
    for m in &done.entities.mentions {
        assert_eq!(&text[m.start..m.end], m.text);
    }
    assert!(out.contains("<mark"), "prose is still marked: {out}");
}
