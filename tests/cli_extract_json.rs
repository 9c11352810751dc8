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
