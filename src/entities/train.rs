//! Training the tagger: an averaged structured perceptron (Collins 2002) over BIO tags, with
//! the document's prediction history as features (as in Ratinov & Roth 2009). Deterministic:
//! documents are shuffled with a fixed seed.

use std::collections::HashMap;

use super::conll::{self, Document, Score};
use super::features::{sentence_features, tag_of, DocInfo, History, NUM_TAGS, TYPES};
use super::gazetteer::Gazetteer;
use super::model::{viterbi, Model};
use super::tagger::tag_document;

pub struct Options {
    pub epochs: usize,
    /// Features seen fewer times than this in the training data are dropped.
    pub min_count: u32,
    pub seed: u64,
    /// Quantile of the weight magnitudes that maps to the largest stored step.
    pub quantile: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 12,
            min_count: 2,
            seed: 20260128,
            quantile: 0.999,
        }
    }
}

/// A training sentence: gold tags and static feature indexes per token.
struct Prepared {
    words: Vec<String>,
    gold: Vec<usize>,
    feats: Vec<Vec<u32>>,
}

fn gold_tags(s: &conll::Sentence) -> Vec<usize> {
    let mut tags = vec![0; s.words.len()];
    for (a, b, ty) in &s.spans {
        let Some(k) = TYPES.iter().position(|t| t == ty) else {
            continue;
        };
        for i in *a..*b {
            if let Some(t) = tags.get_mut(i) {
                *t = tag_of(k, i > *a);
            }
        }
    }
    tags
}

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

    fn averaged(&self) -> Model {
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
        Model::new(trans, feats)
    }
}

/// Scores a model on documents; returns the score and the number of tokens.
pub fn evaluate(model: &Model, docs: &[Document]) -> (Score, usize) {
    let mut score = Score::default();
    let mut tokens = 0;
    for d in docs {
        let sents: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let tags = tag_document(model, &sents);
        for (s, t) in d.sentences.iter().zip(&tags) {
            tokens += s.words.len();
            score.add(&s.spans, &conll::spans_of_ids(t));
        }
    }
    (score, tokens)
}

/// Chooses the quantisation step: the weight magnitude at the given quantile of the non-zero
/// weights maps to 127 (the few larger ones are clipped), so small weights keep a distinct step.
pub fn scale_for(model: &Model, quantile: f64) -> f32 {
    let mut mags: Vec<f32> = model
        .all_weights()
        .flat_map(|w| w.iter().map(|x| x.abs()))
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

/// Trains on `train`, reporting dev F1 after each epoch through `log`; returns the averaged
/// model of the best epoch on `dev` (serialised and re-read, so it is exactly what is stored).
pub fn train(
    train: &[Document],
    dev: &[Document],
    opts: &Options,
    log: &mut dyn FnMut(String),
) -> Option<(Model, Vec<u8>)> {
    let gaz = Gazetteer::get();
    // Static features, counted so rare ones can be dropped.
    let mut docs: Vec<Vec<Prepared>> = Vec::with_capacity(train.len());
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let mut buf = Vec::new();
    for d in train {
        let sents: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let info = DocInfo::new(&sents);
        let mut prepared = Vec::with_capacity(sents.len());
        for (s, words) in d.sentences.iter().zip(&sents) {
            sentence_features(words, &info, gaz, &mut buf);
            for f in buf.iter().flatten() {
                *counts.entry(*f).or_insert(0) += 1;
            }
            prepared.push(Prepared {
                words: s.words.clone(),
                gold: gold_tags(s),
                feats: std::mem::take(&mut buf),
            });
        }
        docs.push(prepared);
    }
    let mut wts = Weights {
        index: HashMap::new(),
        w: Vec::new(),
        u: Vec::new(),
        trans: vec![[0.0; NUM_TAGS]; NUM_TAGS + 1],
        trans_u: vec![[0.0; NUM_TAGS]; NUM_TAGS + 1],
        step: 1.0,
    };
    for d in docs.iter_mut() {
        for s in d.iter_mut() {
            for f in s.feats.iter_mut() {
                let kept: Vec<u32> = f
                    .iter()
                    .filter(|k| counts.get(k).copied().unwrap_or(0) >= opts.min_count)
                    .copied()
                    .collect();
                *f = kept.into_iter().filter_map(|k| wts.idx(k, true)).collect();
            }
        }
    }
    log(format!(
        "{} documents, {} features kept of {}",
        docs.len(),
        wts.w.len(),
        counts.len()
    ));
    drop(counts);

    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = opts.seed | 1;
    let mut best: Option<(f64, Vec<u8>)> = None;
    let mut hist_feats: Vec<u32> = Vec::new();
    let mut hist_idx: Vec<Vec<u32>> = Vec::new();
    for epoch in 1..=opts.epochs {
        // Fisher-Yates with xorshift64: the same order on every run.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &di in &order {
            let Some(doc) = docs.get(di) else { continue };
            let mut hist = History::default();
            for s in doc {
                hist_idx.clear();
                let mut em = Vec::with_capacity(s.words.len());
                for (w, f) in s.words.iter().zip(&s.feats) {
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
                if pred != s.gold {
                    for i in 0..pred.len() {
                        let (Some(&g), Some(&p)) = (s.gold.get(i), pred.get(i)) else {
                            continue;
                        };
                        let gp = i.checked_sub(1).and_then(|j| s.gold.get(j).copied());
                        let pp = i.checked_sub(1).and_then(|j| pred.get(j).copied());
                        if g != p {
                            errors += 1;
                            if let (Some(f), Some(h)) = (s.feats.get(i), hist_idx.get(i)) {
                                wts.update(f, g, 1.0);
                                wts.update(f, p, -1.0);
                                wts.update(h, g, 1.0);
                                wts.update(h, p, -1.0);
                            }
                        }
                        if g != p || gp != pp {
                            wts.update_trans(gp, g, 1.0);
                            wts.update_trans(pp, p, -1.0);
                        }
                    }
                }
                for (w, &t) in s.words.iter().zip(&pred) {
                    hist.record(w, t);
                }
                wts.step += 1.0;
            }
        }
        let model = wts.averaged();
        let bytes = model.to_bytes(scale_for(&model, opts.quantile));
        let stored = Model::from_bytes(&bytes)?;
        let (score, _) = evaluate(&stored, dev);
        let f1 = score.overall().2;
        if std::env::var_os("LECTERN_NER_RAW").is_some() {
            let (raw, _) = evaluate(&model, dev);
            log(format!("unquantised dev F1 {:.4}", raw.overall().2));
        }
        log(format!(
            "epoch {epoch:>2}: train token errors {:.4}, dev F1 {f1:.4}, model {} bytes",
            errors as f64 / tokens.max(1) as f64,
            bytes.len()
        ));
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, bytes));
        }
    }
    let (_, bytes) = best?;
    let model = Model::from_bytes(&bytes)?;
    Some((model, bytes))
}

/// Agreement of the date/time and money rules with a corpus's Temporal and Money spans (re3d):
/// per family, exact-span and overlapping matches against gold and predicted counts.
pub fn rules_agreement(docs: &[Document]) -> Option<String> {
    use super::rules;
    use super::Label;
    let families: [(&str, &[Label]); 2] = [
        ("Temporal", &[Label::Date, Label::Time]),
        ("Money", &[Label::Money]),
    ];
    let mut rows = Vec::new();
    for (gold_ty, labels) in families {
        let (mut gold, mut pred, mut exact, mut overlap_gold, mut overlap_pred) = (0, 0, 0, 0, 0);
        for d in docs {
            for s in &d.sentences {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let g: Vec<(usize, usize)> = s
                    .spans
                    .iter()
                    .filter(|x| x.2 == gold_ty)
                    .map(|x| (x.0, x.1))
                    .collect();
                let p: Vec<(usize, usize)> = rules::find(&words)
                    .into_iter()
                    .filter(|x| labels.contains(&x.2))
                    .map(|x| (x.0, x.1))
                    .collect();
                let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
                gold += g.len();
                pred += p.len();
                exact += p.iter().filter(|x| g.contains(x)).count();
                overlap_gold += g
                    .iter()
                    .filter(|x| p.iter().any(|y| overlaps(x, y)))
                    .count();
                overlap_pred += p
                    .iter()
                    .filter(|x| g.iter().any(|y| overlaps(x, y)))
                    .count();
            }
        }
        if gold == 0 {
            continue;
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        rows.push(format!(
            "{gold_ty:<9} gold {gold:>4}  rules {pred:>4}  exact: precision {:.3} recall {:.3}  overlap: precision {:.3} recall {:.3}",
            ratio(exact, pred),
            ratio(exact, gold),
            ratio(overlap_pred, pred),
            ratio(overlap_gold, gold)
        ));
    }
    (!rows.is_empty()).then(|| rows.join("\n"))
}
