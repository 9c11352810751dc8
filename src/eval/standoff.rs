//! Standoff entity annotations of pages whose text lives elsewhere (the project's modern-article
//! dev set, `data/ner-dev/*.tsv`, over `../shared/corpus/wceb-dev`): the annotations hold offsets
//! only, never the pages' text.
//!
//! Format: a `#pages ID,ID,...` line naming every annotated page (a page without rows has no
//! entities), then `PAGEID<TAB>START<TAB>END<TAB>TYPE` rows: UTF-8 byte offsets into the page's
//! `ground_truth.main_content` (`gt/PAGEID.json`), END exclusive, TYPE one of PER/ORG/LOC/MISC.
//! A `#corpus readability` line points the file at Mozilla's Readability test pages instead (the
//! `readability` folder beside the wceb-dev one): PAGEID is a page folder, and the offsets count
//! in its `expected.html` as [`super::page_text::page_text`] writes it.

use std::collections::BTreeMap;
use std::path::Path;

use super::ner::{name_type, TextDoc};
use crate::entities::conll::{Document, Sentence};
use crate::entities::tokenize;

/// The annotated pages of one standoff file: page id -> gold spans.
pub struct Standoff {
    pub pages: BTreeMap<String, Vec<(usize, usize, String)>>,
    /// Mozilla's Readability pages (`#corpus readability`) rather than wceb-dev's.
    pub readability: bool,
}

/// Whether a file's text is a standoff file (rather than CoNLL).
pub fn is_standoff(text: &str) -> bool {
    text.starts_with("#pages") || text.starts_with("#corpus")
}

/// Parses a standoff file; errors name the line.
pub fn parse(text: &str) -> Result<Standoff, String> {
    let mut pages: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    let mut saw_header = false;
    let mut readability = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if let Some(corpus) = line.strip_prefix("#corpus ") {
            match corpus.trim() {
                "readability" => readability = true,
                "wceb-dev" => readability = false,
                other => return Err(format!("line {}: unknown corpus {other}", n + 1)),
            }
            continue;
        }
        if let Some(ids) = line.strip_prefix("#pages ") {
            saw_header = true;
            for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                pages.entry(id.to_string()).or_default();
            }
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("line {}: expected PAGEID START END TYPE", n + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, start, end, ty] = cols[..] else {
            return Err(bad());
        };
        let (Ok(start), Ok(end)) = (start.parse::<usize>(), end.parse::<usize>()) else {
            return Err(bad());
        };
        let ty = name_type(ty).ok_or_else(|| format!("line {}: unknown type {ty}", n + 1))?;
        if start >= end {
            return Err(format!("line {}: empty span", n + 1));
        }
        let Some(spans) = pages.get_mut(id) else {
            return Err(format!(
                "line {}: page {id} is not in the #pages line",
                n + 1
            ));
        };
        spans.push((start, end, ty.to_string()));
    }
    if !saw_header {
        return Err("no #pages line".into());
    }
    Ok(Standoff { pages, readability })
}

/// The annotated pages' texts (`main_content` from `pages_dir/gt/ID.json`) with their gold spans,
/// checked to fall on character boundaries of the text.
pub fn documents(standoff: &Standoff, pages_dir: &Path) -> Result<Vec<(String, TextDoc)>, String> {
    let mut out = Vec::new();
    for (id, spans) in &standoff.pages {
        if standoff.readability {
            let (text, site) = readability_page(pages_dir, id)?;
            out.push((id.clone(), checked(id, text, spans, site)?));
            continue;
        }
        let path = pages_dir.join("gt").join(format!("{id}.json"));
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let json: serde_json::Value =
            serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = json
            .pointer("/ground_truth/main_content")
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("{}: no ground_truth.main_content", path.display()))?
            .to_string();
        let site = site_name(pages_dir, id, &json);
        out.push((id.clone(), checked(id, text, spans, site)?));
    }
    Ok(out)
}

/// A page's document, its spans checked to fall on the text's characters.
fn checked(
    id: &str,
    text: String,
    spans: &[(usize, usize, String)],
    site: Option<String>,
) -> Result<TextDoc, String> {
    for (a, b, _) in spans {
        if text.get(*a..*b).is_none() {
            return Err(format!(
                "page {id}: span {a}..{b} is not on the text's characters"
            ));
        }
    }
    let mut gold = spans.to_vec();
    gold.sort();
    Ok(TextDoc { text, gold, site })
}

/// A Readability test page's annotated text (its `expected.html`) and its site's name (from
/// `expected-metadata.json`, as Readability.js read it). The pages are the `readability` folder
/// beside `pages_dir` (wceb-dev).
pub fn readability_page(pages_dir: &Path, id: &str) -> Result<(String, Option<String>), String> {
    let dir = pages_dir.with_file_name("readability").join(id);
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let text = super::page_text::page_text(&read("expected.html")?);
    let meta: serde_json::Value =
        serde_json::from_str(&read("expected-metadata.json")?).map_err(|e| e.to_string())?;
    let site = meta
        .get("siteName")
        .and_then(|v| v.as_str())
        .filter(|s| !s.is_empty())
        .map(String::from);
    Ok((text, site))
}

/// The site's name as the reader finds it: the page's own extraction (with its URL), whose
/// metadata the reader hands to the recognizer. None when the page's HTML is not there.
fn site_name(pages_dir: &Path, id: &str, gt: &serde_json::Value) -> Option<String> {
    let html = super::pages::read_page(pages_dir, id).ok()?;
    let url = gt.get("url").and_then(|u| u.as_str()).map(String::from);
    crate::extract::extract(&html, &crate::extract::Options { url })
        .ok()?
        .site_name
}

/// A page as training material: its text cut into the tagger's tokens and sentences, with the
/// gold spans on token boundaries. A span that starts or ends inside a token ("NASDAQ" of
/// "NASDAQ:ZM") or crosses a sentence break is left out, and so is the sentence holding it:
/// training must not learn that its words are no name.
pub fn training_document(doc: &TextDoc) -> Document {
    let text = doc.text.as_str();
    let toks = tokenize::tokenize(text);
    let mut sentences = Vec::new();
    for range in tokenize::sentences(text, &toks) {
        let Some(ts) = toks.get(range.clone()) else {
            continue;
        };
        let (Some(first), Some(last)) = (ts.first(), ts.last()) else {
            continue;
        };
        let (from, to) = (first.start, last.end);
        let mut spans = Vec::new();
        let mut clean = true;
        for (a, b, ty) in doc.gold.iter().filter(|g| g.0 < to && g.1 > from) {
            let start = ts.iter().position(|t| t.start == *a);
            let end = ts.iter().position(|t| t.end == *b);
            match (start, end) {
                (Some(i), Some(j)) if i <= j => spans.push((i, j + 1, ty.clone())),
                _ => clean = false,
            }
        }
        if clean {
            sentences.push(Sentence {
                words: ts.iter().map(|t| t.text(text).to_string()).collect(),
                spans,
            });
        }
    }
    Document { sentences }
}

/// Every page of a standoff file as training documents.
pub fn training_documents(path: &str, pages_dir: &Path) -> Result<Vec<Document>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("reading {path}: {e}"))?;
    let parsed = parse(&text).map_err(|e| format!("{path}: {e}"))?;
    Ok(documents(&parsed, pages_dir)?
        .iter()
        .map(|(_, d)| training_document(d))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let s = parse("#pages 0001,0002\n0001\t0\t5\tPER\n0001\t10\t12\tLOC\n").expect("parses");
        assert_eq!(s.pages.len(), 2);
        assert_eq!(s.pages["0001"].len(), 2);
        assert!(s.pages["0002"].is_empty());
        assert!(parse("0001\t0\t5\tPER\n").is_err());
        assert!(parse("#pages 0001\n0003\t0\t5\tPER\n").is_err());
        assert!(parse("#pages 0001\n0001\t5\t5\tPER\n").is_err());
        assert!(parse("#pages 0001\n0001\t0\t5\tDATE\n").is_err());
        assert!(parse("#pages 0001\n0001\tx\t5\tPER\n").is_err());
        // The corpus the offsets point into.
        assert!(!s.readability);
        let r = parse("#corpus readability\n#pages guardian-1\nguardian-1\t0\t5\tPER\n");
        assert!(r.is_ok_and(|r| r.readability));
        assert!(parse("#corpus elsewhere\n#pages 0001\n").is_err());
    }

    #[test]
    fn training_documents_keep_token_aligned_spans() {
        let text = "Ann Lee joined Acme Group today.\n\nShares of NASDAQ:ZM rose.\n\nBye.";
        let doc = TextDoc {
            site: None,
            text: text.to_string(),
            gold: vec![
                (0, 7, "PER".into()),
                (15, 25, "ORG".into()),
                (44, 50, "ORG".into()),
            ],
        };
        let d = training_document(&doc);
        let first = &d.sentences[0];
        assert_eq!(first.words[..3], ["Ann", "Lee", "joined"]);
        assert_eq!(
            first.spans,
            [(0, 2, "PER".to_string()), (3, 5, "ORG".to_string())]
        );
        // "NASDAQ" ends inside a token: its sentence is left out, the rest kept.
        assert!(d
            .sentences
            .iter()
            .all(|s| !s.words.iter().any(|w| w.contains("NASDAQ"))));
        assert!(d.sentences.iter().any(|s| s.words == ["Bye", "."]));
    }
}
