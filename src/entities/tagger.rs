//! Tags whole documents with the trained model: static features plus the document's prediction
//! history (earlier tags of the same word). A model may be stacked with a second pass that adds
//! the first pass's tags and how each word was tagged everywhere else in the document; the
//! committed one is not (`train::Options::second_pass` says why).

use std::sync::OnceLock;

use super::features::{
    quiet_words, sentence_features, Aggregate, DocInfo, History, LineClass, SentenceFeatures,
    WordType, WordTypes,
};
use super::gazetteer::Gazetteer;
use super::memory::Memory;
use super::model::Model;
use super::tags::NUM_TAGS;

/// The committed model, embedded in native builds. The wasm module does not embed it: its host
/// loads `ner.bin` as a separate asset and hands it over ([`install`]), which keeps the module
/// within its size budget (the model is about a quarter of it gzipped).
#[cfg(not(target_arch = "wasm32"))]
static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");
/// A model file: this magic, the u64 [`fingerprint`] of the features it was trained with, then
/// the tagger (one of the forms below).
const FINGERPRINT_MAGIC: &[u8; 8] = b"LXNERFP\n";
const STACK_MAGIC: &[u8; 8] = b"LXSTACK\n";
const STACK_MEMORY_MAGIC: &[u8; 8] = b"LXSTAK2\n";

/// The first-pass model, the optional second-pass one, and the names remembered from training.
pub struct Tagger {
    pub first: Model,
    pub second: Option<Model>,
    pub memory: Option<Memory>,
}

/// A few made-up sentences that exercise the feature templates: capitals, a title, names
/// from the lists, an organisation suffix, a headline in capitals, digits, lower-case words and
/// typographic quotes.
const PROBE: [&str; 4] = [
    "President Vladimir Putin met Acme Holdings Inc. officials in New York on Monday .",
    "GERMAN SIDE WINS 3-1 IN PARIS AS JOHN SMITH SCORES",
    "the iphone ’s price fell 3 % , said “ Anna Berg ” of the Bank of England in Berlin .",
    "Since then , Putin and Acme have met in Berlin and New York .",
];

/// The fingerprint of the feature templates and lists: the lists' hash (`build.rs`) mixed with
/// the feature ids of [`PROBE`] (static, name-memory and history features), so changing a
/// template, a hash, or a list changes it. A model trained with other features is refused.
pub fn fingerprint() -> u64 {
    static FP: OnceLock<u64> = OnceLock::new();
    *FP.get_or_init(|| {
        let sents: Vec<Vec<&str>> = PROBE.iter().map(|s| s.split(' ').collect()).collect();
        let mut memory = Memory::default();
        memory.add(&["Acme", "Holdings", "Inc."], 1);
        memory.add(&["Berlin"], 2);
        let mut h = super::gazetteer::LISTS_FINGERPRINT;
        let mut mix = |x: u32| h = (h ^ u64::from(x)).wrapping_mul(0x0000_0100_0000_01b3);
        for (si, s) in document_features(&sents, Some(&memory)).iter().enumerate() {
            mix(si as u32);
            for w in s {
                mix(w.len() as u32);
                w.iter().for_each(|&f| mix(f));
            }
        }
        let mut hist = History::default();
        let mut out = Vec::new();
        for (i, w) in PROBE.iter().flat_map(|s| s.split(' ')).enumerate() {
            hist.features(w, &mut out);
            hist.record(w, i % NUM_TAGS);
        }
        out.iter().for_each(|&f| mix(f));
        h
    })
}

impl Tagger {
    /// Reads a model file (see [`FINGERPRINT_MAGIC`]), refusing one trained with other
    /// features or lists.
    pub fn load(bytes: &[u8]) -> Result<Tagger, String> {
        let inner = check_fingerprint(bytes)?;
        Tagger::parse(inner, Model::from_bytes, Memory::from_bytes)
            .ok_or_else(|| "the entity model file is damaged".to_string())
    }

    /// Reads a tagger without the fingerprint header (a model file from before it), for
    /// `lectern train-ner --convert` only: nothing says its features are this build's.
    pub fn load_unchecked(bytes: &[u8]) -> Option<Tagger> {
        let inner = check_fingerprint(bytes).unwrap_or(bytes);
        Tagger::parse(inner, Model::from_bytes, Memory::from_bytes)
    }

    /// [`Tagger::load`], `None` on any error.
    pub fn from_bytes(bytes: &[u8]) -> Option<Tagger> {
        Tagger::load(bytes).ok()
    }

    /// Like [`Tagger::load`], but the models are used in place (no copy, no parsing).
    pub fn load_static(bytes: &'static [u8]) -> Result<Tagger, String> {
        let inner = check_fingerprint(bytes)?;
        Tagger::parse(inner, Model::from_static, Memory::from_static)
            .ok_or_else(|| "the entity model file is damaged".to_string())
    }

    /// [`Tagger::load_static`], `None` on any error.
    pub fn from_static(bytes: &'static [u8]) -> Option<Tagger> {
        Tagger::load_static(bytes).ok()
    }

    /// A model file: the fingerprint header, then the tagger's bytes.
    pub fn with_fingerprint(tagger_bytes: &[u8]) -> Vec<u8> {
        let mut out = FINGERPRINT_MAGIC.to_vec();
        out.extend_from_slice(&fingerprint().to_le_bytes());
        out.extend_from_slice(tagger_bytes);
        out
    }

    fn parse<'a>(
        bytes: &'a [u8],
        model: impl Fn(&'a [u8]) -> Option<Model>,
        memory: impl Fn(&'a [u8]) -> Option<Memory>,
    ) -> Option<Tagger> {
        if let Some(rest) = bytes.strip_prefix(STACK_MEMORY_MAGIC.as_slice()) {
            let mut parts = Vec::new();
            let mut rest = rest;
            for _ in 0..2 {
                let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
                parts.push(rest.get(4..4usize.checked_add(len)?)?);
                rest = rest.get(4 + len..)?;
            }
            // An empty second part: a single-pass tagger with its memory.
            let second = match parts.get(1)? {
                [] => None,
                b => Some(model(b)?),
            };
            return Some(Tagger {
                first: model(parts.first()?)?,
                second,
                memory: Some(memory(rest)?),
            });
        }
        if let Some(rest) = bytes.strip_prefix(STACK_MAGIC.as_slice()) {
            let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
            let first = model(rest.get(4..4usize.checked_add(len)?)?)?;
            let second = model(rest.get(4 + len..)?)?;
            return Some(Tagger {
                first,
                second: Some(second),
                memory: None,
            });
        }
        Some(Tagger {
            first: model(bytes)?,
            second: None,
            memory: None,
        })
    }

    /// Both passes and the memory (`LXSTAK2\n`, then length-prefixed models, then names).
    pub fn stack_with_memory(first: &[u8], second: &[u8], memory: &Memory) -> Vec<u8> {
        let mut out = STACK_MEMORY_MAGIC.to_vec();
        for part in [first, second] {
            out.extend_from_slice(&(part.len() as u32).to_le_bytes());
            out.extend_from_slice(part);
        }
        out.extend_from_slice(&memory.to_bytes());
        out
    }

    pub fn stack_bytes(first: &[u8], second: &[u8]) -> Vec<u8> {
        let mut out = STACK_MAGIC.to_vec();
        out.extend_from_slice(&(first.len() as u32).to_le_bytes());
        out.extend_from_slice(first);
        out.extend_from_slice(second);
        out
    }

    pub fn features(&self) -> usize {
        self.first.len() + self.second.as_ref().map_or(0, Model::len)
    }
}

/// The tagger's bytes after the header, if its fingerprint is this build's.
fn check_fingerprint(bytes: &[u8]) -> Result<&[u8], String> {
    let Some(rest) = bytes.strip_prefix(FINGERPRINT_MAGIC.as_slice()) else {
        return Err(
            "the entity model has no feature fingerprint: retrain it (lectern train-ner)".into(),
        );
    };
    let got = rest
        .get(..8)
        .and_then(|b| b.try_into().ok())
        .map(u64::from_le_bytes)
        .ok_or("the entity model file is truncated")?;
    let want = fingerprint();
    if got != want {
        return Err(format!(
            "the entity model was trained with other features or lists (fingerprint {got:016x}, \
             this build {want:016x}): retrain it (lectern train-ner)"
        ));
    }
    Ok(rest.get(8..).unwrap_or(&[]))
}

/// The model [`model`] returns, once parsed.
static MODEL: OnceLock<Option<Tagger>> = OnceLock::new();

/// Parses the committed model (what [`model`] does once).
#[cfg(not(target_arch = "wasm32"))]
pub fn load_committed() -> Option<Tagger> {
    Tagger::from_static(MODEL_BYTES)
}

/// The committed model, parsed on first use; `None` if the bytes are unusable.
#[cfg(not(target_arch = "wasm32"))]
pub fn model() -> Option<&'static Tagger> {
    MODEL.get_or_init(load_committed).as_ref()
}

/// The model the host installed; `None` until then (the rules still mark dates and amounts).
#[cfg(target_arch = "wasm32")]
pub fn model() -> Option<&'static Tagger> {
    MODEL.get().and_then(Option::as_ref)
}

/// Installs the model from a model file's bytes (the wasm host reads `ner.bin` beside the
/// module). A file trained with other features, or damaged, is refused with the reason; once a
/// model is in place, later calls keep it.
pub fn install(bytes: Vec<u8>) -> Result<(), String> {
    check_fingerprint(&bytes)?;
    if MODEL.get().is_some() {
        return Ok(());
    }
    // Parsed models borrow their bytes for the life of the module, as embedded ones do.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let tagger = Tagger::load_static(bytes)?;
    let _ = MODEL.set(Some(tagger));
    Ok(())
}

/// Whether a sentence's quiet marks (see [`quiet_words`]) leave nothing in it to score.
fn all_quiet(q: &[bool]) -> bool {
    !q.is_empty() && q.iter().all(|&x| x)
}

/// Static features of every sentence of a document.
pub fn document_features(sentences: &[Vec<&str>], memory: Option<&Memory>) -> Vec<Vec<Vec<u32>>> {
    document_features_typed(sentences, memory, &[]).feats
}

/// A document's static features, with each word's type (see [`WordTypes`]).
pub struct DocFeatures {
    pub feats: Vec<Vec<Vec<u32>>>,
    pub types: Vec<Vec<WordType>>,
}

/// Walks a document's sentences with their static features: `each` gets the sentence's index,
/// its quiet marks (see [`quiet_words`]; may be empty) and, unless all its words are quiet (then
/// nothing in it is scored), its features and word types, in buffers reused between sentences.
fn for_each_sentence(
    sentences: &[Vec<&str>],
    memory: Option<&Memory>,
    quiet: &[Vec<bool>],
    mut each: impl FnMut(usize, &[bool], Option<(&SentenceFeatures, &[WordType])>),
) {
    let doc = DocInfo::new(sentences);
    let gaz = Gazetteer::get();
    let mut seen = WordTypes::with_capacity(sentences.iter().map(Vec::len).sum());
    let mut sf = SentenceFeatures::default();
    let mut types = Vec::new();
    for (si, words) in sentences.iter().enumerate() {
        let q = quiet.get(si).map_or(&[][..], Vec::as_slice);
        if all_quiet(q) {
            each(si, q, None);
        } else {
            sentence_features(words, q, &doc, gaz, memory, &mut seen, &mut sf, &mut types);
            each(si, q, Some((&sf, &types)));
        }
    }
}

/// With `quiet` (per sentence, see [`quiet_words`]; may be empty), the quiet words get none.
pub fn document_features_typed(
    sentences: &[Vec<&str>],
    memory: Option<&Memory>,
    quiet: &[Vec<bool>],
) -> DocFeatures {
    let mut feats = Vec::with_capacity(sentences.len());
    let mut types = Vec::with_capacity(sentences.len());
    for_each_sentence(sentences, memory, quiet, |si, _, got| {
        let n = sentences.get(si).map_or(0, Vec::len);
        match got {
            Some((sf, t)) => {
                feats.push(sf.to_lists());
                types.push(t.to_vec());
            }
            None => {
                feats.push(vec![Vec::new(); n]);
                types.push(vec![WordType { id: 0, len: 0 }; n]);
            }
        }
    });
    DocFeatures { feats, types }
}

/// Decodes sentence after sentence, keeping the document's prediction history and the summed
/// weights of each word type's own features.
struct Decoder<'m> {
    model: &'m Model,
    hist: History,
    own: Vec<Option<[i32; NUM_TAGS]>>,
    em: Vec<[f32; NUM_TAGS]>,
    extra: Vec<u32>,
}

impl<'m> Decoder<'m> {
    fn new(model: &'m Model) -> Self {
        Decoder {
            model,
            hist: History::default(),
            own: Vec::new(),
            em: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// A sentence with nothing to score: all O (and the history records them as such).
    fn all_o(&mut self, words: &[&str]) -> Vec<usize> {
        for w in words {
            self.hist.record(w, 0);
        }
        vec![0; words.len()]
    }

    /// Tags one sentence: `feats(i)` are word i's static features, `tys` the words' types (may
    /// be empty: no caching), `q` the quiet words (may be empty), `line` its class if known.
    fn sentence<'f>(
        &mut self,
        words: &[&str],
        feats: impl Fn(usize) -> &'f [u32],
        tys: &[WordType],
        q: &[bool],
        line: Option<LineClass>,
    ) -> Vec<usize> {
        let model = self.model;
        self.em.clear();
        for (wi, w) in words.iter().enumerate() {
            if q.get(wi) == Some(&true) {
                self.em.push([0.0; NUM_TAGS]);
                continue;
            }
            let tf = feats(wi);
            self.extra.clear();
            self.hist.features(w, &mut self.extra);
            let mut acc = [0i32; NUM_TAGS];
            let cached = tys.get(wi).and_then(|ty| {
                let id = ty.id as usize;
                if self.own.len() <= id {
                    self.own.resize(id + 1, None);
                }
                let slot = self.own.get_mut(id)?;
                let part = *slot.get_or_insert_with(|| {
                    let mut a = [0i32; NUM_TAGS];
                    model.add_weights(tf.get(..ty.len as usize).unwrap_or(&[]), &mut a);
                    a
                });
                Some((part, ty.len as usize))
            });
            match cached {
                Some((part, len)) => {
                    acc = part;
                    model.add_weights(tf.get(len..).unwrap_or(&[]), &mut acc);
                }
                None => model.add_weights(tf, &mut acc),
            }
            let mut e = model.scaled(&acc);
            if !self.extra.is_empty() {
                for (a, b) in e.iter_mut().zip(model.emission(&self.extra)) {
                    *a += b;
                }
            }
            self.em.push(e);
        }
        let tags = model.viterbi_forcing_o(&self.em, q);
        let line = line.unwrap_or_else(|| LineClass::of(words));
        self.hist.record_sentence_in(words, &tags, line);
        tags
    }
}

/// One pass of Viterbi decoding over a document, with the prediction history. With `types`
/// (each word's type), the weights of a word's own features are summed once per type. Words
/// marked in `quiet` (per sentence; may be empty) are not scored: they are O.
pub fn decode_document(
    model: &Model,
    sentences: &[Vec<&str>],
    feats: &[Vec<Vec<u32>>],
    types: Option<&[Vec<WordType>]>,
    quiet: &[Vec<bool>],
) -> Vec<Vec<usize>> {
    let mut dec = Decoder::new(model);
    let no_types: &[WordType] = &[];
    let mut out = Vec::with_capacity(sentences.len());
    for (si, (words, f)) in sentences.iter().zip(feats).enumerate() {
        let q = quiet.get(si).map_or(&[][..], Vec::as_slice);
        if all_quiet(q) {
            out.push(dec.all_o(words));
            continue;
        }
        let tys = types
            .and_then(|t| t.get(si))
            .map_or(no_types, Vec::as_slice);
        let feats = |i: usize| f.get(i).map_or(&[][..], Vec::as_slice);
        out.push(dec.sentence(words, feats, tys, q, None));
    }
    out
}

/// A single-pass model over a document, each sentence's features worked out just before it is
/// decoded, in one reused buffer (no stored features: most of the allocations of tagging).
fn tag_single_pass(
    tagger: &Tagger,
    sentences: &[Vec<&str>],
    quiet: &[Vec<bool>],
) -> Vec<Vec<usize>> {
    let mut dec = Decoder::new(&tagger.first);
    let mut out = Vec::with_capacity(sentences.len());
    let memory = tagger.memory.as_ref();
    for_each_sentence(sentences, memory, quiet, |si, q, got| {
        let words = sentences.get(si).map_or(&[][..], Vec::as_slice);
        out.push(match got {
            Some((sf, types)) => dec.sentence(words, |i| sf.word(i), types, q, Some(sf.line)),
            None => dec.all_o(words),
        });
    });
    out
}

/// Adds the second-pass features (first-pass tags `s1`) to a document's static features.
/// Words marked in `quiet` (per sentence; may be empty) get none.
pub fn add_second_pass_features(
    sentences: &[Vec<&str>],
    s1: &[Vec<usize>],
    feats: &mut [Vec<Vec<u32>>],
    quiet: &[Vec<bool>],
) {
    let agg = Aggregate::new(sentences, s1);
    for (si, ((words, t), f)) in sentences.iter().zip(s1).zip(feats.iter_mut()).enumerate() {
        let q = quiet.get(si).map_or(&[][..], Vec::as_slice);
        agg.sentence_features(words, q, t, f);
    }
}

/// Tags every sentence of a document (BILOU tag ids, see [`super::tags::TAG_NAMES`]).
/// Words that [`quiet_words`] marks are O without being scored.
pub fn tag_document(tagger: &Tagger, sentences: &[Vec<&str>]) -> Vec<Vec<usize>> {
    let quiet: Vec<Vec<bool>> = sentences.iter().map(|s| quiet_words(s)).collect();
    let Some(second) = &tagger.second else {
        return tag_single_pass(tagger, sentences, &quiet);
    };
    let mut doc = document_features_typed(sentences, tagger.memory.as_ref(), &quiet);
    let types = Some(doc.types.as_slice());
    let s1 = decode_document(&tagger.first, sentences, &doc.feats, types, &quiet);
    add_second_pass_features(sentences, &s1, &mut doc.feats, &quiet);
    decode_document(second, sentences, &doc.feats, types, &quiet)
}

#[cfg(test)]
mod install_tests {
    use super::*;

    #[test]
    fn install_refuses_foreign_bytes_and_keeps_a_good_model() {
        assert!(install(b"not a model".to_vec()).is_err());
        assert!(
            install(MODEL_BYTES[..12].to_vec()).is_err(),
            "a truncated file"
        );
        assert!(install(MODEL_BYTES.to_vec()).is_ok());
        assert!(model().is_some());
        // A second file is checked, then the model in place kept.
        assert!(install(b"LXNERFP\n00000000".to_vec()).is_err());
        assert!(install(MODEL_BYTES.to_vec()).is_ok());
    }
}
