//! `lectern extract --format json` prints the article's keys and the entities of its text.

use std::process::Command;

#[test]
fn json_has_article_keys_and_entities() {
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/news-page.html");
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args([
            "extract",
            page,
            "--url",
            "https://example.com/a",
            "--format",
            "json",
        ])
        .output()
        .expect("run lectern");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for key in [
        "title",
        "byline",
        "published_time",
        "site_name",
        "lang",
        "dir",
        "excerpt",
        "lead_image_url",
        "content",
        "text",
        "word_count",
        "reading_time_minutes",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let entities = v["entities"]["entities"].as_array().expect("entities list");
    let has = |name: &str, label: &str| {
        entities
            .iter()
            .any(|e| e["name"] == name && e["label"] == label)
    };
    assert!(has("Vladimir Putin", "PER"), "{entities:?}");
    assert!(has("Moscow", "LOC"), "{entities:?}");
    let mentions = v["entities"]["mentions"].as_array().expect("mentions");
    let text = v["text"].as_str().expect("text");
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap_or(0),
            m["end"].as_u64().unwrap_or(0),
        );
        assert_eq!(text.get(s as usize..e as usize), m["text"].as_str());
    }
}

#[test]
fn no_article_exits_3_with_one_line() {
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["extract", "-", "--format", "json"])
        .output()
        .expect("run lectern");
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim().lines().count(),
        1
    );
}

/// The JSON's entities are the reader's: code (here a highlighter's `pre > code > div` lines,
/// which stay lines of code) is left out, as it is in the reader.
#[test]
fn json_entities_leave_code_out_as_the_reader_does() {
    let dir = std::env::temp_dir().join(format!("lectern-cli-code-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let page = dir.join("page.html");
    let prose = "Angela Merkel visited Paris on Monday and met officials from Berlin, who said \
                 the talks went well and that more would follow in the autumn.";
    let html = format!(
        "<html lang=\"en\"><head><title>Notes</title></head><body><article><h1>Notes</h1>\
         <p>{prose}</p><pre><code><div class=\"cm-line\"><span>function</span> \
         <span>RenderWidget</span>() {{<br></div><div class=\"cm-line\">  return \
         Helsinki.open(Stockholm);<br></div></code></pre><p>{prose}</p><p>{prose}</p>\
         </article></body></html>"
    );
    std::fs::write(&page, html).expect("write page");
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args([
            "extract",
            page.to_str().unwrap_or_default(),
            "--format",
            "json",
        ])
        .output()
        .expect("run lectern");
    let _ = std::fs::remove_dir_all(&dir);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names: Vec<&str> = v["entities"]["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter_map(|m| m["text"].as_str())
        .collect();
    assert!(names.contains(&"Paris"), "{names:?}");
    for code in ["RenderWidget", "Helsinki", "Stockholm"] {
        assert!(!names.contains(&code), "{code} marked: {names:?}");
    }
    let content = v["content"].as_str().expect("content");
    let pre = &content[content.find("<pre").expect("pre")..content.find("</pre>").expect("/pre")];
    assert!(
        !pre.contains("<p>") && !pre.contains("<p "),
        "code lines became paragraphs: {pre}"
    );
    assert!(
        pre.contains("RenderWidget") && pre.contains("Stockholm"),
        "{pre}"
    );
}
