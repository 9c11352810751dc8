//! Training the tagger: an averaged structured perceptron (Collins 2002) over BIO tags, with
//! the document's prediction history as features (as in Ratinov & Roth 2009). Deterministic:
//! documents are shuffled with a fixed seed.

use std::collections::HashMap;

use super::conll::{self, words_of, Document};
use super::features::History;
use super::memory::Memory;
use super::model::{viterbi, Model};
use super::tagger::{add_second_pass_features, decode_document, document_features, Tagger};
use super::tags::{bilou_spans, make_tag, NUM_TAGS, POS_B, POS_I, POS_L, POS_U, TYPES};
use crate::eval::tagger::evaluate;

pub struct Options {
    pub epochs: usize,
    /// Features seen fewer times than this in the training data are dropped. With the modern
    /// corpora (three times CoNLL's tokens), 3 and `prune` 8 keep the model within the wasm
    /// module's budget (668 KB, 351 KB gzipped; eng.testb 0.8869, WNUT-17 test 0.3401); 1 and
    /// 2.5 gave 2.6 MB (1.08 MB gzipped) for 0.8879 and 0.3447.
    pub min_count: u32,
    pub seed: u64,
    /// Per mille of training tokens whose word-identity features are hidden (word dropout).
    pub word_dropout_permille: u64,
    /// Epochs of the second pass (default: `epochs`).
    pub epochs2: Option<usize>,
    /// After choosing epochs on the development set, retrain on train + dev (the development
    /// set then no longer measures the model; the committed model is trained without it).
    pub with_dev: bool,
    /// Remember the training data's names as features (jackknifed per fold).
    pub memory: bool,
    /// Drop features whose largest weight is below this many quantisation steps.
    pub prune: f32,
    /// Perceptrons trained on different document orders and averaged into one model.
    pub ensemble: usize,
    /// Passive-aggressive cap C (0: plain perceptron updates).
    pub pa_c: f32,
    /// Folds of the jackknifes (the name memory's and the second pass's); 2 scored best on
    /// eng.testa (5: 0.9326, 2: 0.9344).
    pub folds: usize,
    /// Train a second pass over the first pass's tags (stacking). Off for the committed
    /// model: the stacked one it replaced scored eng.testb 0.8832 against 0.8817 but WNUT-17
    /// 0.243 against 0.274, and took a third more time to recognise and 114 KB more gzipped.
    pub second_pass: bool,
    /// Quantile of the weight magnitudes that maps to the largest stored step.
    pub quantile: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 12,
            min_count: 3,
            seed: 20260128,
            quantile: 1.0,
            folds: 2,
            second_pass: false,
            pa_c: 0.0,
            ensemble: 5,
            prune: 8.0,
            memory: true,
            epochs2: None,
            with_dev: false,
            word_dropout_permille: 0,
        }
    }
}

/// How a training document counts: its source's weight (perceptron updates are scaled by it)
/// and the types its source does not annotate (bits over [`TYPES`]): a predicted span of such
/// a type over gold O is not an error there, since the source would have left it O anyway.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DocMeta {
    pub weight: f32,
    pub unannotated: u8,
    /// Whether its names go into the model's name memory (which is stored in the model, so
    /// costs space per name).
    pub remember: bool,
}

impl Default for DocMeta {
    fn default() -> Self {
        DocMeta {
            weight: 1.0,
            unannotated: 0,
            remember: true,
        }
    }
}

/// The gold tags to learn from: `gold`, except that predicted spans of an unannotated type
/// (bits of `mask`) lying wholly over gold O are taken as right.
fn effective_gold(gold: &[usize], pred: &[usize], mask: u8) -> Option<Vec<usize>> {
    if mask == 0 {
        return None;
    }
    let mut out: Option<Vec<usize>> = None;
    for (a, b, k) in bilou_spans(pred) {
        if mask & (1 << k) == 0 || !gold.get(a..b).is_some_and(|g| g.iter().all(|&t| t == 0)) {
            continue;
        }
        let o = out.get_or_insert_with(|| gold.to_vec());
        for i in a..b {
            if let (Some(x), Some(&p)) = (o.get_mut(i), pred.get(i)) {
                *x = p;
            }
        }
    }
    out
}

/// A training sentence: gold tags and static feature indexes per token.
struct Prepared {
    words: Vec<String>,
    gold: Vec<usize>,
    feats: Vec<Vec<u32>>,
    /// How many of each token's features (at the front) name the word itself.
    lexical: Vec<usize>,
}

fn gold_tags(s: &conll::Sentence) -> Vec<usize> {
    let mut tags = vec![0; s.words.len()];
    for (a, b, ty) in &s.spans {
        let Some(k) = TYPES.iter().position(|t| t == ty) else {
            continue;
        };
        for i in *a..*b {
            let pos = if b - a == 1 {
                POS_U
            } else if i == *a {
                POS_B
            } else if i + 1 == *b {
                POS_L
            } else {
                POS_I
            };
            if let Some(t) = tags.get_mut(i) {
                *t = make_tag(k, pos);
            }
        }
    }
    tags
}

#[derive(Clone)]
struct Weights {
    index: HashMap<u32, u32>,
    w: Vec<[f32; NUM_TAGS]>,
    /// Sum of (step * update), for the averaged weights w - u / steps.
    u: Vec<[f64; NUM_TAGS]>,
    trans: Vec<[f32; NUM_TAGS]>,
    trans_u: Vec<[f64; NUM_TAGS]>,
    step: f64,
}

impl Weights {
    fn idx(&mut self, key: u32, grow: bool) -> Option<u32> {
        if let Some(&i) = self.index.get(&key) {
            return Some(i);
        }
        if !grow {
            return None;
        }
        let i = self.w.len() as u32;
        self.index.insert(key, i);
        self.w.push([0.0; NUM_TAGS]);
        self.u.push([0.0; NUM_TAGS]);
        Some(i)
    }

    fn emission(&self, f: &[u32]) -> [f32; NUM_TAGS] {
        let mut sc = [0f32; NUM_TAGS];
        for &i in f {
            if let Some(w) = self.w.get(i as usize) {
                for (s, x) in sc.iter_mut().zip(w) {
                    *s += x;
                }
            }
        }
        sc
    }

    fn update(&mut self, f: &[u32], tag: usize, delta: f32) {
        let su = self.step * f64::from(delta);
        for &i in f {
            if let (Some(w), Some(u)) = (self.w.get_mut(i as usize), self.u.get_mut(i as usize)) {
                w[tag] += delta;
                u[tag] += su;
            }
        }
    }

    fn update_trans(&mut self, prev: Option<usize>, tag: usize, delta: f32) {
        let row = prev.map_or(0, |p| p + 1);
        if let (Some(w), Some(u)) = (self.trans.get_mut(row), self.trans_u.get_mut(row)) {
            w[tag] += delta;
            u[tag] += self.step * f64::from(delta);
        }
    }

    /// The averaged weights: transitions and per-feature weights, sorted by feature id.
    fn averaged_weights(&self) -> AveragedWeights {
        let avg = |w: &[f32; NUM_TAGS], u: &[f64; NUM_TAGS]| {
            let mut out = [0f32; NUM_TAGS];
            for t in 0..NUM_TAGS {
                out[t] = (f64::from(w[t]) - u[t] / self.step) as f32;
            }
            out
        };
        let trans = self
            .trans
            .iter()
            .zip(&self.trans_u)
            .map(|(w, u)| avg(w, u))
            .collect();
        let mut feats = Vec::with_capacity(self.index.len());
        for (&k, &i) in &self.index {
            if let (Some(w), Some(u)) = (self.w.get(i as usize), self.u.get(i as usize)) {
                feats.push((k, avg(w, u)));
            }
        }
        feats.sort_unstable_by_key(|f| f.0);
        (trans, feats)
    }
}

type AveragedWeights = (Vec<[f32; NUM_TAGS]>, Vec<(u32, [f32; NUM_TAGS])>);

/// One model from several perceptrons trained on different document orders: the mean of
/// their averaged weights (a feature missing from one counts as zero there).
fn mean_model(members: &[AveragedWeights], quantile: f64, prune: f32) -> Model {
    let k = members.len().max(1) as f32;
    let mut trans = vec![[0f32; NUM_TAGS]; NUM_TAGS + 1];
    let mut feats: HashMap<u32, [f32; NUM_TAGS]> = HashMap::new();
    for (t, f) in members {
        for (row, r) in trans.iter_mut().zip(t) {
            for (a, b) in row.iter_mut().zip(r) {
                *a += b / k;
            }
        }
        for (key, w) in f {
            let e = feats.entry(*key).or_insert([0.0; NUM_TAGS]);
            for (a, b) in e.iter_mut().zip(w) {
                *a += b / k;
            }
        }
    }
    let mut feats: Vec<(u32, [f32; NUM_TAGS])> = feats.into_iter().collect();
    feats.sort_unstable_by_key(|f| f.0);
    let scale = scale_for(&feats, quantile);
    // Features whose largest weight is only a step or two from zero cost more space than
    // they are worth.
    feats.retain(|(_, w)| w.iter().any(|x| x.abs() >= prune * scale));
    Model::new(trans, feats, scale)
}

/// Chooses the quantisation step: the weight magnitude at the given quantile of the non-zero
/// weights maps to 127 (the few larger ones are clipped), so small weights keep a distinct step.
pub fn scale_for(feats: &[(u32, [f32; NUM_TAGS])], quantile: f64) -> f32 {
    let mut mags: Vec<f32> = feats
        .iter()
        .flat_map(|(_, w)| w.iter().map(|x| x.abs()))
        .filter(|&x| x > 0.0)
        .collect();
    if mags.is_empty() {
        return 1.0;
    }
    mags.sort_unstable_by(f32::total_cmp);
    let k = ((mags.len() - 1) as f64 * quantile.clamp(0.0, 1.0)) as usize;
    let m = mags.get(k).copied().unwrap_or(1.0);
    if m > 0.0 {
        m / 127.0
    } else {
        1.0
    }
}

/// Trains both passes on `train`, choosing epochs on the development sets `dev` (the mean of
/// their F1s, so a small set of modern text weighs as much as a large one of old news) and
/// printing that mean through `log`.
/// The second pass learns from first-pass tags of the training documents that come from
/// models trained without them (5-fold jackknife), so it sees realistic first-pass errors.
/// The bytes returned are a model file (with the feature fingerprint, see
/// [`Tagger::with_fingerprint`]).
pub fn train(
    train: &[Document],
    dev: &[Vec<Document>],
    opts: &Options,
    log: &mut dyn FnMut(String),
) -> Option<(Tagger, Vec<u8>)> {
    train_weighted(train, &[], dev, opts, log)
}

/// [`train`] with each training document's [`DocMeta`] (`meta[i]` for `train[i]`; missing
/// ones count as plain documents).
pub fn train_weighted(
    train: &[Document],
    meta: &[DocMeta],
    dev: &[Vec<Document>],
    opts: &Options,
    log: &mut dyn FnMut(String),
) -> Option<(Tagger, Vec<u8>)> {
    let (tagger, bytes, e1, e2) = train_on(train, meta, dev, opts, log)?;
    if !opts.with_dev {
        return Some((tagger, Tagger::with_fingerprint(&bytes)));
    }
    // Settings are chosen; the final model also learns from the development documents.
    log(format!(
        "retraining on train + dev with the chosen epochs ({e1} first pass, {e2} second pass)"
    ));
    let mut all: Vec<Document> = train.to_vec();
    all.extend(dev.iter().flatten().cloned());
    let mut all_meta: Vec<DocMeta> = (0..train.len())
        .map(|i| meta.get(i).copied().unwrap_or_default())
        .collect();
    all_meta.resize(all.len(), DocMeta::default());
    let fixed = Options {
        epochs: e1,
        epochs2: Some(e2),
        with_dev: false,
        ..*opts
    };
    let (tagger, bytes, _, _) = train_on(&all, &all_meta, &[], &fixed, log)?;
    Some((tagger, Tagger::with_fingerprint(&bytes)))
}

/// The mean entity F1 of `t` over the development sets (0 without any).
fn mean_f1(t: &Tagger, dev: &[Vec<Document>]) -> f64 {
    if dev.is_empty() {
        return 0.0;
    }
    dev.iter()
        .map(|d| evaluate(t, d).0.overall().2)
        .sum::<f64>()
        / dev.len() as f64
}

/// [`train`] without the final retraining; also returns the chosen epochs of both passes.
fn train_on(
    train: &[Document],
    meta: &[DocMeta],
    dev: &[Vec<Document>],
    opts: &Options,
    log: &mut dyn FnMut(String),
) -> Option<(Tagger, Vec<u8>, usize, usize)> {
    let train_words: Vec<Vec<Vec<&str>>> = train.iter().map(words_of).collect();
    // Names remembered from the training data: each training document sees the memory of the
    // other folds; new text sees all of it.
    let folds = opts.folds.max(2);
    let memory_of = |keep: &dyn Fn(usize) -> bool| -> Memory {
        let mut m = Memory::default();
        let remembered = |i: usize| meta.get(i).is_none_or(|m| m.remember);
        for (_, d) in train
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i) && remembered(*i))
        {
            for s in &d.sentences {
                for (a, b, ty) in &s.spans {
                    let toks: Vec<&str> = s
                        .words
                        .get(*a..*b)
                        .unwrap_or(&[])
                        .iter()
                        .map(String::as_str)
                        .collect();
                    if let Some(k) = TYPES.iter().position(|t| t == ty) {
                        m.add(&toks, k);
                    }
                }
            }
        }
        m
    };
    let fold_memories: Vec<Option<Memory>> = (0..folds)
        .map(|k| opts.memory.then(|| memory_of(&|i| i % folds != k)))
        .collect();
    let full_memory = opts.memory.then(|| memory_of(&|_| true));
    let train_feats: Vec<Vec<Vec<Vec<u32>>>> = train_words
        .iter()
        .enumerate()
        .map(|(i, w)| document_features(w, fold_memories.get(i % folds).and_then(Option::as_ref)))
        .collect();
    drop(fold_memories);

    log("first pass".into());
    let mut mem_holder = full_memory;
    let meta: Vec<DocMeta> = (0..train.len())
        .map(|i| meta.get(i).copied().unwrap_or_default())
        .collect();
    let (first, first_bytes, first_epoch) =
        train_pass(train, &meta, &train_feats, opts, log, &mut |m| {
            let t = Tagger {
                first: m,
                second: None,
                memory: mem_holder.take(),
            };
            let f1 = mean_f1(&t, dev);
            mem_holder = t.memory;
            (f1, t.first)
        })?;
    if !opts.second_pass || opts.folds < 2 {
        let bytes = match &mem_holder {
            Some(m) => Tagger::stack_with_memory(&first_bytes, &[], m),
            None => first_bytes,
        };
        return Some((
            Tagger {
                first,
                second: None,
                memory: mem_holder,
            },
            bytes,
            first_epoch,
            0,
        ));
    }

    // First-pass tags of each training document from a model that did not see it.
    let mut s1: Vec<Vec<Vec<usize>>> = vec![Vec::new(); train.len()];
    let fold_opts = Options {
        epochs: first_epoch,
        ..*opts
    };
    for fold in 0..opts.folds {
        let keep: Vec<usize> = (0..train.len())
            .filter(|i| i % opts.folds != fold)
            .collect();
        let sub_docs: Vec<&Document> = keep.iter().filter_map(|&i| train.get(i)).collect();
        let sub_feats: Vec<Vec<Vec<Vec<u32>>>> = keep
            .iter()
            .filter_map(|&i| train_feats.get(i).cloned())
            .collect();
        let sub_docs: Vec<Document> = sub_docs
            .into_iter()
            .map(|d| Document {
                sentences: d
                    .sentences
                    .iter()
                    .map(|s| conll::Sentence {
                        words: s.words.clone(),
                        spans: s.spans.clone(),
                    })
                    .collect(),
            })
            .collect();
        let sub_meta: Vec<DocMeta> = keep.iter().filter_map(|&i| meta.get(i).copied()).collect();
        let (m, _, _) = train_pass(
            &sub_docs,
            &sub_meta,
            &sub_feats,
            &fold_opts,
            &mut |_| {},
            &mut |m| (0.0, m),
        )?;
        for i in (0..train.len()).filter(|i| i % opts.folds == fold) {
            if let (Some(w), Some(f), Some(out)) =
                (train_words.get(i), train_feats.get(i), s1.get_mut(i))
            {
                *out = decode_document(&m, w, f, None, &[]);
            }
        }
        log(format!(
            "jackknife fold {} of {} tagged",
            fold + 1,
            opts.folds
        ));
    }
    let mut second_feats = train_feats.clone();
    for ((w, t), f) in train_words.iter().zip(&s1).zip(second_feats.iter_mut()) {
        add_second_pass_features(w, t, f, &[]);
    }
    drop(train_feats);

    log("second pass".into());
    let first_tagger = Tagger {
        first,
        second: None,
        memory: mem_holder,
    };
    let mut holder = Some(first_tagger);
    let second_opts = Options {
        epochs: opts.epochs2.unwrap_or(opts.epochs),
        ..*opts
    };
    let (second, second_bytes, second_epoch) =
        train_pass(train, &meta, &second_feats, &second_opts, log, &mut |m| {
            let Some(ft) = holder.take() else {
                return (0.0, m);
            };
            let t = Tagger {
                first: ft.first,
                second: Some(m),
                memory: ft.memory,
            };
            let f1 = mean_f1(&t, dev);
            let Tagger {
                first,
                second,
                memory,
            } = t;
            holder = Some(Tagger {
                first,
                second: None,
                memory,
            });
            (
                f1,
                second.unwrap_or_else(|| Model::new(Vec::new(), Vec::new(), 1.0)),
            )
        })?;
    let Tagger { first, memory, .. } = holder?;
    let bytes = match &memory {
        Some(m) => Tagger::stack_with_memory(&first_bytes, &second_bytes, m),
        None => Tagger::stack_bytes(&first_bytes, &second_bytes),
    };
    Some((
        Tagger {
            first,
            second: Some(second),
            memory,
        },
        bytes,
        first_epoch,
        second_epoch,
    ))
}

/// One averaged-perceptron pass over precomputed features. `dev_f1` scores a candidate model
/// (and hands it back); the best epoch's model, its bytes and the epoch are returned.
fn train_pass(
    train: &[Document],
    meta: &[DocMeta],
    feats: &[Vec<Vec<Vec<u32>>>],
    opts: &Options,
    log: &mut dyn FnMut(String),
    dev_f1: &mut dyn FnMut(Model) -> (f64, Model),
) -> Option<(Model, Vec<u8>, usize)> {
    // Count features so rare ones can be dropped.
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for f in feats.iter().flatten().flatten().flatten() {
        *counts.entry(*f).or_insert(0) += 1;
    }
    let mut wts = Weights {
        index: HashMap::new(),
        w: Vec::new(),
        u: Vec::new(),
        trans: vec![[0.0; NUM_TAGS]; NUM_TAGS + 1],
        trans_u: vec![[0.0; NUM_TAGS]; NUM_TAGS + 1],
        step: 1.0,
    };
    let mut docs: Vec<(DocMeta, Vec<Prepared>)> = Vec::with_capacity(train.len());
    for (d, df) in train.iter().zip(feats) {
        let mut prepared = Vec::with_capacity(d.sentences.len());
        for (s, sf) in d.sentences.iter().zip(df) {
            let mut lexical = Vec::with_capacity(sf.len());
            let f = sf
                .iter()
                .map(|tf| {
                    // Features 1 and 2 of a token are the word and its lower case (see
                    // `sentence_features`); they go first so they can be dropped as a block.
                    let lex = tf.get(1..3).unwrap_or(&[]);
                    let rest = tf.first().into_iter().chain(tf.get(3..).unwrap_or(&[]));
                    let mut out: Vec<u32> = Vec::with_capacity(tf.len());
                    let mut keep = |k: &u32, out: &mut Vec<u32>| {
                        if counts.get(k).copied().unwrap_or(0) >= opts.min_count {
                            if let Some(i) = wts.idx(*k, true) {
                                out.push(i);
                            }
                        }
                    };
                    for k in lex {
                        keep(k, &mut out);
                    }
                    lexical.push(out.len());
                    for k in rest {
                        keep(k, &mut out);
                    }
                    out
                })
                .collect();
            prepared.push(Prepared {
                words: s.words.clone(),
                gold: gold_tags(s),
                feats: f,
                lexical,
            });
        }
        docs.push((meta.get(docs.len()).copied().unwrap_or_default(), prepared));
    }
    log(format!(
        "{} documents, {} features kept of {}",
        docs.len(),
        wts.w.len(),
        counts.len()
    ));
    drop(counts);

    // Members of the ensemble: each with its own weights and document order.
    let mut members: Vec<(Weights, u64, Vec<usize>, u64)> = (0..opts.ensemble.max(1) as u64)
        .map(|m| {
            let seed = opts
                .seed
                .wrapping_add(m.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            (
                wts.clone(),
                seed | 1,
                (0..docs.len()).collect(),
                seed.rotate_left(17) | 1,
            )
        })
        .collect();
    drop(wts);
    let mut best: Option<(f64, Model, Vec<u8>, usize)> = None;
    let mut hist_feats: Vec<u32> = Vec::new();
    let mut hist_idx: Vec<Vec<u32>> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for epoch in 1..=opts.epochs {
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for (wts, rng, order, drop_rng) in members.iter_mut() {
            // Fisher-Yates with xorshift64: the same order on every run.
            for i in (1..order.len()).rev() {
                *rng ^= *rng << 13;
                *rng ^= *rng >> 7;
                *rng ^= *rng << 17;
                order.swap(i, (*rng % (i as u64 + 1)) as usize);
            }
            for &di in order.iter() {
                let Some((dm, doc)) = docs.get(di) else {
                    continue;
                };
                let mut hist = History::default();
                for s in doc {
                    hist_idx.clear();
                    let mut em = Vec::with_capacity(s.words.len());
                    starts.clear();
                    for (ti, (w, f)) in s.words.iter().zip(&s.feats).enumerate() {
                        // Word dropout: now and then hide the word itself, so the model also learns
                        // to recognise names it has never seen from their shape and context.
                        *drop_rng ^= *drop_rng << 13;
                        *drop_rng ^= *drop_rng >> 7;
                        *drop_rng ^= *drop_rng << 17;
                        let hide = (*drop_rng % 1000) < opts.word_dropout_permille;
                        let start = if hide {
                            s.lexical.get(ti).copied().unwrap_or(0).min(f.len())
                        } else {
                            0
                        };
                        starts.push(start);
                        let f = f.get(start..).unwrap_or(&[]);
                        hist_feats.clear();
                        hist.features(w, &mut hist_feats);
                        let hi: Vec<u32> = hist_feats
                            .iter()
                            .filter_map(|&k| wts.idx(k, true))
                            .collect();
                        let mut e = wts.emission(f);
                        for (a, b) in e.iter_mut().zip(wts.emission(&hi)) {
                            *a += b;
                        }
                        em.push(e);
                        hist_idx.push(hi);
                    }
                    let pred = viterbi(&wts.trans, &em);
                    tokens += s.words.len();
                    let masked = effective_gold(&s.gold, &pred, dm.unannotated);
                    let gold = masked.as_deref().unwrap_or(&s.gold);
                    if pred != gold {
                        // Step size: 1 for the perceptron; for passive-aggressive (PA-I) just
                        // enough to score gold above the prediction by its Hamming loss, capped.
                        let step = if opts.pa_c > 0.0 {
                            let score = |tags: &[usize]| -> f32 {
                                let mut sc = 0.0;
                                let mut prev: Option<usize> = None;
                                for (e, &t) in em.iter().zip(tags) {
                                    let row = prev.map_or(0, |p| p + 1);
                                    sc += e[t] + wts.trans.get(row).map_or(0.0, |r| r[t]);
                                    prev = Some(t);
                                }
                                sc
                            };
                            let mut loss = 0f32;
                            let mut norm = 0f32;
                            for i in 0..pred.len() {
                                if gold.get(i) != pred.get(i) {
                                    loss += 1.0;
                                    let start = starts.get(i).copied().unwrap_or(0);
                                    let nf =
                                        s.feats.get(i).map_or(0, |f| f.len().saturating_sub(start))
                                            + hist_idx.get(i).map_or(0, Vec::len);
                                    norm += 2.0 * nf as f32 + 4.0;
                                }
                            }
                            let margin = score(gold) - score(&pred);
                            ((loss - margin) / norm.max(1.0)).clamp(0.0, opts.pa_c)
                        } else {
                            1.0
                        } * dm.weight;
                        for i in 0..pred.len() {
                            let (Some(&g), Some(&p)) = (gold.get(i), pred.get(i)) else {
                                continue;
                            };
                            let gp = i.checked_sub(1).and_then(|j| gold.get(j).copied());
                            let pp = i.checked_sub(1).and_then(|j| pred.get(j).copied());
                            if g != p {
                                errors += 1;
                                let start = starts.get(i).copied().unwrap_or(0);
                                let f = s.feats.get(i).and_then(|f| f.get(start..));
                                if let (Some(f), Some(h)) = (f, hist_idx.get(i)) {
                                    wts.update(f, g, step);
                                    wts.update(f, p, -step);
                                    wts.update(h, g, step);
                                    wts.update(h, p, -step);
                                }
                            }
                            if g != p || gp != pp {
                                wts.update_trans(gp, g, step);
                                wts.update_trans(pp, p, -step);
                            }
                        }
                    }
                    hist.record_sentence(&s.words, &pred);
                    wts.step += 1.0;
                }
            }
        }
        let averaged: Vec<AveragedWeights> =
            members.iter().map(|m| m.0.averaged_weights()).collect();
        let model = mean_model(&averaged, opts.quantile, opts.prune);
        let bytes = model.to_bytes();
        let stored = Model::from_bytes(&bytes)?;
        let (f1, stored) = dev_f1(stored);
        log(format!(
            "epoch {epoch:>2}: train token errors {:.4}, dev F1 {f1:.4}, model {} bytes",
            errors as f64 / tokens.max(1) as f64,
            bytes.len()
        ));
        // Ties go to the later epoch (jackknife folds score everything 0 and keep the last).
        if best.as_ref().is_none_or(|b| f1 >= b.0) {
            best = Some((f1, stored, bytes, epoch));
        }
    }
    let (_, model, bytes, epoch) = best?;
    Some((model, bytes, epoch))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unannotated_types_are_not_errors_over_gold_o() {
        let misc = 1 << 3;
        let (b, l) = (make_tag(3, POS_B), make_tag(3, POS_L));
        let u_per = make_tag(0, POS_U);
        // A MISC span over gold O is taken as right; one over a gold name is not, and PER
        // (annotated) is never masked.
        let gold = [0, 0, 0, u_per, 0];
        let pred = [b, l, 0, b, l];
        assert_eq!(
            effective_gold(&gold, &pred, misc),
            Some(vec![b, l, 0, u_per, 0])
        );
        assert_eq!(effective_gold(&gold, &pred, 0), None);
        let pred = [u_per, 0, 0, u_per, 0];
        assert_eq!(effective_gold(&gold, &pred, misc), None);
    }
}
