//! Entity recognition scored the way readers meet it: [`crate::entities::recognize_page`] over
//! a whole document's text at a time (with the site's name the reader reads from a web page) (a CoNLL document is its sentences, one per line), its
//! mentions compared with the gold spans by byte offsets (exact span and type, CoNLL's rule).

use std::time::Instant;

use super::score::Score;
use crate::entities::conll::{canonical_type, Document, Sentence};
use crate::entities::{recognize_with, tagger::Tagger, Label, Page};

/// A document as the recognizer reads it: the text, and the gold spans as byte ranges.
pub struct TextDoc {
    pub text: String,
    /// (start, end, type) in bytes of `text`, types mapped to PER/ORG/LOC/MISC.
    pub gold: Vec<(usize, usize, String)>,
    /// The site's name as the reader reads it from the page (a web page's; none for a corpus
    /// of sentences): see [`crate::entities::Page::site`].
    pub site: Option<String>,
}

/// What recognising a set of documents gave.
pub struct Outcome {
    pub score: Score,
    /// Documents in which no names were looked for (judged not English).
    pub not_english: usize,
    pub documents: usize,
    /// Each document's (gold, predicted) spans, in document order (for error listings).
    pub spans: Vec<Spans>,
}

pub type Spans = (Vec<(usize, usize, String)>, Vec<(usize, usize, String)>);

/// The four name types of the CoNLL scheme, from a corpus's own type names (WNUT-17's mapped by
/// [`canonical_type`]). Other types (re3d's, the rules' families) are not names: `None`.
pub fn name_type(ty: &str) -> Option<&'static str> {
    Some(match canonical_type(ty) {
        "PER" => "PER",
        "ORG" => "ORG",
        "LOC" => "LOC",
        "MISC" => "MISC",
        _ => return None,
    })
}

/// A CoNLL document as text: tokens joined by spaces, one sentence per line (sentences never
/// cross a line break in the recognizer either).
pub fn text_of(doc: &Document) -> TextDoc {
    let mut text = String::new();
    let mut gold = Vec::new();
    for s in &doc.sentences {
        let mut starts = Vec::with_capacity(s.words.len() + 1);
        let mut ends = Vec::with_capacity(s.words.len());
        for (i, w) in s.words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(w);
            ends.push(text.len());
        }
        for (a, b, ty) in &s.spans {
            let (Some(&start), Some(&end), Some(ty)) = (
                starts.get(*a),
                b.checked_sub(1).and_then(|k| ends.get(k)),
                name_type(ty),
            ) else {
                continue;
            };
            gold.push((start, end, ty.to_string()));
        }
        text.push('\n');
    }
    TextDoc {
        text,
        gold,
        site: None,
    }
}

/// The documents with their gold spans' types mapped by [`name_type`] (other types dropped), for
/// scoring the tagger alone.
pub fn names_only(docs: &[Document]) -> Vec<Document> {
    docs.iter()
        .map(|d| Document {
            sentences: d
                .sentences
                .iter()
                .map(|s| Sentence {
                    words: s.words.clone(),
                    spans: s
                        .spans
                        .iter()
                        .filter_map(|(a, b, t)| name_type(t).map(|n| (*a, *b, n.to_string())))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// Files without `-DOCSTART-` (WNUT-17's tweets) are one document per sentence.
pub fn split_documents(docs: Vec<Document>, has_docstart: bool) -> Vec<Document> {
    if has_docstart {
        return docs;
    }
    docs.into_iter()
        .flat_map(|d| d.sentences)
        .map(|s| Document { sentences: vec![s] })
        .collect()
}

/// Runs the recognizer on each document and scores its names.
pub fn recognize_docs(model: Option<&Tagger>, docs: &[TextDoc], lang: Option<&str>) -> Outcome {
    let mut score = Score::default();
    let mut not_english = 0;
    let mut spans = Vec::with_capacity(docs.len());
    for d in docs {
        let page = Page {
            lang,
            site: d.site.as_deref(),
        };
        let ents = recognize_with(model, &d.text, &page);
        if !ents.names {
            not_english += 1;
        }
        let pred: Vec<(usize, usize, String)> = ents
            .mentions
            .iter()
            .filter(|m| matches!(m.label, Label::Per | Label::Org | Label::Loc | Label::Misc))
            .map(|m| (m.start, m.end, m.label.as_str().to_string()))
            .collect();
        score.add(&d.gold, &pred);
        spans.push((d.gold.clone(), pred));
    }
    Outcome {
        score,
        not_english,
        documents: docs.len(),
        spans,
    }
}

/// Recognition speed: tokens per second over all documents, the best of runs for up to about
/// `budget_s` seconds (the machine is shared; the best run is the least disturbed).
pub fn recognize_speed(
    model: Option<&Tagger>,
    docs: &[TextDoc],
    lang: Option<&str>,
    budget_s: f64,
) -> f64 {
    let tokens: usize = docs
        .iter()
        .map(|d| crate::entities::tokenize::tokenize(&d.text).len())
        .sum();
    let started = Instant::now();
    let mut best = f64::INFINITY;
    for _ in 0..10 {
        let t = Instant::now();
        for d in docs {
            let page = Page {
                lang,
                site: d.site.as_deref(),
            };
            std::hint::black_box(recognize_with(model, &d.text, &page));
        }
        best = best.min(t.elapsed().as_secs_f64());
        if started.elapsed().as_secs_f64() > budget_s {
            break;
        }
    }
    tokens as f64 / best.max(1e-9)
}

/// False negatives and false positives with their text, one per line (`FN\tTYPE\ttext`).
pub fn errors(docs: &[TextDoc], outcome: &Outcome) -> String {
    let mut out = String::new();
    for (d, (gold, pred)) in docs.iter().zip(&outcome.spans) {
        let text = |a: usize, b: usize| d.text.get(a..b).unwrap_or("").replace('\n', " ");
        for g in gold.iter().filter(|g| !pred.contains(g)) {
            out += &format!("FN\t{}\t{}\n", g.2, text(g.0, g.1));
        }
        for p in pred.iter().filter(|p| !gold.contains(p)) {
            out += &format!("FP\t{}\t{}\n", p.2, text(p.0, p.1));
        }
    }
    out
}

/// First-use cost: parsing the committed model and the gazetteers from their embedded bytes
/// into usable tables (what a fresh wasm instance pays on its first `recognize`).
/// In milliseconds, best of 5: (model, whether the model loaded, gazetteers).
pub fn load_cost() -> (f64, bool, f64) {
    let time = |f: &dyn Fn() -> bool| -> (f64, bool) {
        let mut best = f64::INFINITY;
        let mut ok = true;
        for _ in 0..5 {
            let t = Instant::now();
            ok &= f();
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
        }
        (best, ok)
    };
    let (model_ms, model_ok) = time(&|| crate::entities::tagger::load_committed().is_some());
    let (gaz_ms, _) = time(&|| {
        std::hint::black_box(crate::entities::gazetteer::Gazetteer::load());
        true
    });
    (model_ms, model_ok, gaz_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::conll;

    #[test]
    fn gold_spans_land_on_the_words() {
        let docs = conll::read(
            "-DOCSTART- O\n\nJohn B-person\nSmith I-person\nvisited O\nApple B-corporation\n. O\n\n\
             He O\nleft O\nParis B-location\n\n",
        );
        let d = text_of(docs.first().expect("one document"));
        let got: Vec<(&str, &str)> = d
            .gold
            .iter()
            .map(|(a, b, t)| (&d.text[*a..*b], t.as_str()))
            .collect();
        assert_eq!(
            got,
            [("John Smith", "PER"), ("Apple", "ORG"), ("Paris", "LOC")]
        );
        assert_eq!(d.text, "John Smith visited Apple .\nHe left Paris\n");
    }

    #[test]
    fn files_without_docstart_are_one_document_per_sentence() {
        let docs = conll::read("a O\n\nb O\n\nc O\n\n");
        assert_eq!(split_documents(docs, false).len(), 3);
    }
}
