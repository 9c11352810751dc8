//! Tags whole documents with the trained model: static features per sentence plus the
//! document's prediction history (earlier tags of the same word), decoded with Viterbi.

use std::sync::OnceLock;

use super::features::{sentence_features, DocInfo, History, NUM_TAGS};
use super::gazetteer::Gazetteer;
use super::model::Model;

static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

/// The committed model, parsed on first use; `None` if the bytes are unusable.
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL_BYTES)).as_ref()
}

/// Tags every sentence of a document (BIO tag ids, see [`super::features::tag_of`]).
pub fn tag_document(model: &Model, sentences: &[Vec<&str>]) -> Vec<Vec<usize>> {
    let doc = DocInfo::new(sentences);
    let gaz = Gazetteer::get();
    let mut hist = History::default();
    let mut feats = Vec::new();
    let mut out = Vec::with_capacity(sentences.len());
    let mut em: Vec<[f32; NUM_TAGS]> = Vec::new();
    for words in sentences {
        sentence_features(words, &doc, gaz, &mut feats);
        em.clear();
        let mut extra = Vec::new();
        for (w, f) in words.iter().zip(feats.iter()) {
            extra.clear();
            hist.features(w, &mut extra);
            let mut e = model.emission(f);
            let x = model.emission(&extra);
            for (a, b) in e.iter_mut().zip(x) {
                *a += b;
            }
            em.push(e);
        }
        let tags = model.viterbi(&em);
        for (w, &t) in words.iter().zip(tags.iter()) {
            hist.record(w, t);
        }
        out.push(tags);
    }
    out
}
