//! The tagger alone, scored on gold sentences (no language test, rules or grouping): what
//! training chooses epochs by, and what `lectern eval ner --tagger` prints beside `recognize`.

use super::score::Score;
use crate::entities::conll::{words_of, Document};
use crate::entities::tagger::{tag_document, Tagger};
use crate::entities::tags::{bilou_spans, TYPES};

/// Scores a tagger on documents; returns the score and the number of tokens.
pub fn evaluate(tagger: &Tagger, docs: &[Document]) -> (Score, usize) {
    let mut score = Score::default();
    let mut tokens = 0;
    for d in docs {
        let sents = words_of(d);
        let tags = tag_document(tagger, &sents);
        let dump = std::env::var_os("LECTERN_NER_DUMP").is_some();
        for (s, t) in d.sentences.iter().zip(&tags) {
            if dump {
                let pred = spans_of_ids(t);
                for g in s.spans.iter().filter(|g| !pred.contains(g)) {
                    eprintln!(
                        "FN\t{}\t{}",
                        g.2,
                        s.words.get(g.0..g.1).unwrap_or(&[]).join(" ")
                    );
                }
                for p in pred.iter().filter(|p| !s.spans.contains(p)) {
                    eprintln!(
                        "FP\t{}\t{}",
                        p.2,
                        s.words.get(p.0..p.1).unwrap_or(&[]).join(" ")
                    );
                }
            }
            tokens += s.words.len();
            score.add(&s.spans, &spans_of_ids(t));
        }
    }
    (score, tokens)
}

/// Spans of the tagger's BILOU tag ids.
fn spans_of_ids(tags: &[usize]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (a, b, k) in bilou_spans(tags) {
        out.push((a, b, TYPES.get(k).copied().unwrap_or("MISC").to_string()));
    }
    out
}
