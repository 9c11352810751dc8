//! `lectern train-ner`: the entity tagger's training recipe as flags. The defaults are the
//! recipe of the committed model, so `lectern train-ner` (what `make check-model` runs)
//! rebuilds `models/ner.bin` byte for byte.

use std::time::Instant;

use super::CmdResult;
use crate::entities::conll::{self, Document};
use crate::entities::gazetteer::{whole_match, Gazetteer, CITY, COUNTRY, NATIONALITY, REGION};
use crate::entities::tagger::Tagger;
use crate::entities::tags::TYPES;
use crate::entities::train::{self, DocMeta};

#[derive(clap::Args, Debug)]
pub struct TrainNerArgs {
    /// Folder holding CoNLL-2003's eng.train and eng.testa (a development set).
    #[arg(long, default_value = "../shared/corpus/ner/conll2003")]
    pub corpus: String,
    /// Folder holding wnut17/wnut17train.conll (its train split only is read).
    #[arg(long, default_value = "../shared/corpus/ner")]
    pub ner_dir: String,
    /// Folder holding the extra corpora (corpora/*.conll4, see its SOURCES.txt). Their test
    /// splits are sources of their own (weight 0 in the committed recipe).
    #[arg(long, default_value = "../shared/corpus/ner-extra")]
    pub extra: String,
    /// Our own modern articles for training: standoff annotations over `--pages`
    /// (data/ner-dev/README.md), comma-separated. data/ner-dev/wceb-b.tsv and wceb-e.tsv stay
    /// out: they are the modern dev sets.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "data/ner-dev/wceb-a.tsv,data/ner-dev/wceb-c.tsv,data/ner-dev/wceb-d.tsv"
    )]
    pub modern: Vec<String>,
    /// Our own modern pages of other kinds (services, documentation, products), a source of
    /// their own ("other-pages", weight 0 in the committed recipe) so that they can weigh less
    /// than articles. data/ner-dev/wceb-g.tsv stays out: it is their dev set.
    #[arg(long, value_delimiter = ',', default_value = "data/ner-dev/wceb-f.tsv")]
    pub other_pages: Vec<String>,
    /// The pages the standoff files point into (their gt/ID.json).
    #[arg(long, default_value = "../shared/corpus/wceb-dev")]
    pub pages: String,
    /// More development sets (CoNLL files, or standoff .tsv files over --pages): the epochs are chosen on the mean F1 of eng.testa
    /// and these (the committed recipe adds WNUT-17 dev, so that modern text weighs as much as
    /// 1996 news).
    #[arg(long = "dev", value_name = "FILE")]
    pub dev: Vec<String>,
    /// Choose the epochs on eng.testa alone (no --dev sets, not even the default ones).
    #[arg(long)]
    pub testa_only: bool,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: String,
    /// A source's weight, NAME=W (repeatable; 0 leaves it out). Sources: modern (--modern),
    /// other-pages (--other-pages), conll (eng.train),
    /// wnut (WNUT-17 train), btc (Broad Twitter Corpus train+dev, MISC masked), crossner
    /// (CrossNER train+dev), redocred (Re-DocRED dev, demonyms as MISC), uner (UNER EWT dev,
    /// MISC masked); btc-test, crossner-test, redocred-test, uner-test (those corpora's test
    /// splits, treated alike).
    #[arg(long = "weight", value_name = "NAME=W")]
    pub weights: Vec<String>,
    /// A source whose names go into the model's name memory (repeatable; default conll).
    #[arg(long = "remember", value_name = "NAME", default_values_t = ["conll".to_string()])]
    pub remember: Vec<String>,
    /// Training epochs (the best on eng.testa is kept).
    #[arg(long, default_value_t = train::Options::default().epochs)]
    pub epochs: usize,
    /// Features seen fewer times in the training data are dropped.
    #[arg(long, default_value_t = train::Options::default().min_count)]
    pub min_count: u32,
    /// Per mille of training tokens whose word-identity features are hidden.
    #[arg(long, default_value_t = train::Options::default().word_dropout_permille)]
    pub word_dropout: u64,
    /// Remember the training data's names as features (true/false).
    #[arg(long, default_value_t = train::Options::default().memory, action = clap::ArgAction::Set)]
    pub memory: bool,
    /// Drop features whose largest weight is below this many quantisation steps.
    #[arg(long, default_value_t = train::Options::default().prune)]
    pub prune: f32,
    /// Perceptrons trained on different document orders and averaged.
    #[arg(long, default_value_t = train::Options::default().ensemble)]
    pub ensemble: usize,
    /// Passive-aggressive cap C (0: plain perceptron updates).
    #[arg(long, default_value_t = train::Options::default().pa_c)]
    pub pa_c: f32,
    /// Folds of the jackknifes (name memory, second pass).
    #[arg(long, default_value_t = train::Options::default().folds)]
    pub folds: usize,
    /// Train a stacked second pass over the first pass's tags.
    #[arg(long)]
    pub second_pass: bool,
    /// Quantile of the weight magnitudes that maps to the largest stored step.
    #[arg(long, default_value_t = train::Options::default().quantile)]
    pub quantile: f64,
    /// After choosing the epochs on eng.testa, retrain with it too (eng.testa can then no
    /// longer score the model; the committed model does not use it).
    #[arg(long)]
    pub with_dev: bool,
    /// Score the new model on these CoNLL files afterwards (never used in training).
    #[arg(long = "report", value_name = "FILE")]
    pub reports: Vec<String>,
    /// Re-encode this model file in the current format (same weights) instead of training.
    #[arg(long, value_name = "FILE")]
    pub convert: Option<String>,
}

/// The committed model's source weights.
const DEFAULT_WEIGHTS: [(&str, f32); 12] = [
    ("modern", 2.0),
    // Left out: trained with them, part G rose and part B fell (data/ner-dev/README.md).
    ("other-pages", 0.0),
    ("conll", 2.0),
    ("wnut", 3.0),
    ("btc", 1.0),
    ("crossner", 0.5),
    ("redocred", 1.0),
    ("uner", 2.0),
    ("btc-test", 0.0),
    ("crossner-test", 0.0),
    ("redocred-test", 0.0),
    ("uner-test", 0.0),
];

fn weights(args: &TrainNerArgs) -> Result<Vec<(&'static str, f32)>, String> {
    let mut w = DEFAULT_WEIGHTS.to_vec();
    for spec in &args.weights {
        let (name, value) = spec
            .split_once('=')
            .ok_or(format!("--weight {spec}: expected NAME=W"))?;
        let value: f32 = value
            .parse()
            .map_err(|_| format!("--weight {spec}: {value} is not a number"))?;
        let slot = w
            .iter_mut()
            .find(|(n, _)| *n == name)
            .ok_or(format!("--weight {spec}: no source {name}"))?;
        slot.1 = value;
    }
    Ok(w)
}

fn read(path: &str) -> Result<Vec<Document>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("reading {path}: {e}"))?;
    Ok(conll::read(&text))
}

fn type_bit(ty: &str) -> u8 {
    TYPES.iter().position(|t| *t == ty).map_or(0, |k| 1u8 << k)
}

/// Re-DocRED tags demonyms ("German") LOC; CoNLL, and the tagger, call them MISC. A LOC span
/// that is exactly a nationality of the lists and no place becomes MISC.
fn demonyms_as_misc(docs: &mut [Document]) {
    let gaz = Gazetteer::get();
    for d in docs {
        for s in &mut d.sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let m = gaz.matches(&words);
            for span in &mut s.spans {
                if span.2 != "LOC" {
                    continue;
                }
                let (a, b) = (span.0, span.1);
                let Some(ms) = m.get(a..b) else { continue };
                let Some(bits) = whole_match(ms) else {
                    continue;
                };
                if bits & NATIONALITY != 0 && bits & (COUNTRY | CITY | REGION) == 0 {
                    span.2 = "MISC".into();
                }
            }
        }
    }
}

/// The training documents of one source, and how they count.
fn source(args: &TrainNerArgs, name: &str) -> Result<(Vec<Document>, u8), String> {
    let extra = |files: &[&str]| -> Result<Vec<Document>, String> {
        let mut docs = Vec::new();
        for f in files {
            docs.extend(read(&format!("{}/corpora/{f}.conll4", args.extra))?);
        }
        Ok(docs)
    };
    let misc = type_bit("MISC");
    Ok(match name {
        "conll" => (read(&format!("{}/eng.train", args.corpus))?, 0),
        "wnut" => (
            read(&format!("{}/wnut17/wnut17train.conll", args.ner_dir))?,
            0,
        ),
        "btc" => (extra(&["btc_train", "btc_dev"])?, misc),
        "btc-test" => (extra(&["btc_test"])?, misc),
        "crossner" | "crossner-test" => {
            let splits: &[&str] = if name == "crossner" {
                &["train", "dev"]
            } else {
                &["test"]
            };
            let mut files = Vec::new();
            for domain in ["politics", "science", "music", "literature", "ai"] {
                for split in splits {
                    files.push(format!("crossner_{domain}_{split}"));
                }
            }
            let names: Vec<&str> = files.iter().map(String::as_str).collect();
            (extra(&names)?, 0)
        }
        "redocred" | "redocred-test" => {
            let file = if name == "redocred" {
                "redocred_dev"
            } else {
                "redocred_test"
            };
            let mut docs = extra(&[file])?;
            demonyms_as_misc(&mut docs);
            (docs, 0)
        }
        "uner" => (extra(&["uner_ewt_dev"])?, misc),
        "modern" | "other-pages" => {
            let files = if name == "modern" {
                &args.modern
            } else {
                &args.other_pages
            };
            let mut docs = Vec::new();
            for file in files {
                docs.extend(crate::eval::standoff::training_documents(
                    file,
                    std::path::Path::new(&args.pages),
                )?);
            }
            (docs, 0)
        }
        "uner-test" => (extra(&["uner_ewt_test"])?, misc),
        other => return Err(format!("no source {other}")),
    })
}

pub fn train_ner(args: &TrainNerArgs) -> CmdResult {
    if let Some(path) = &args.convert {
        return convert(path, &args.out);
    }
    let mut train_docs = Vec::new();
    let mut meta = Vec::new();
    for (name, weight) in weights(args)? {
        if weight <= 0.0 {
            continue;
        }
        let (docs, unannotated) = source(args, name)?;
        let tokens: usize = docs
            .iter()
            .flat_map(|d| &d.sentences)
            .map(|s| s.words.len())
            .sum();
        eprintln!(
            "source {name}: {} documents, {tokens} tokens, weight {weight}",
            docs.len()
        );
        meta.extend(std::iter::repeat_n(
            DocMeta {
                weight,
                unannotated,
                remember: args.remember.iter().any(|r| r == name),
            },
            docs.len(),
        ));
        train_docs.extend(docs);
    }
    let dev_docs = read(&format!("{}/eng.testa", args.corpus))?;
    let mut dev_sets = vec![dev_docs.clone()];
    if !args.testa_only {
        let defaults = [format!("{}/wnut17/emerging.dev.conll", args.ner_dir)];
        let files = if args.dev.is_empty() {
            &defaults[..]
        } else {
            &args.dev[..]
        };
        for f in files {
            dev_sets.push(if f.ends_with(".tsv") {
                crate::eval::standoff::training_documents(f, std::path::Path::new(&args.pages))?
            } else {
                read(f)?
            });
        }
    }
    let opts = train::Options {
        epochs: args.epochs,
        min_count: args.min_count,
        word_dropout_permille: args.word_dropout,
        memory: args.memory,
        prune: args.prune,
        ensemble: args.ensemble,
        pa_c: args.pa_c,
        folds: args.folds,
        second_pass: args.second_pass,
        quantile: args.quantile,
        with_dev: args.with_dev,
        ..train::Options::default()
    };
    let t0 = Instant::now();
    let (model, bytes) = train::train_weighted(&train_docs, &meta, &dev_sets, &opts, &mut |m| {
        eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64())
    })
    .ok_or("training produced no model")?;
    let out = &args.out;
    std::fs::write(out, &bytes).map_err(|e| format!("writing {out}: {e}"))?;
    println!(
        "wrote {out} ({} bytes, {} features) in {:.0} s",
        bytes.len(),
        model.features(),
        t0.elapsed().as_secs_f64()
    );
    let (score, _) = crate::eval::tagger::evaluate(&model, &dev_docs);
    if args.with_dev {
        println!("(eng.testa below was part of the final training data)");
    }
    print!("eng.testa:\n{}", score.report());
    for path in &args.reports {
        let (score, _) = crate::eval::tagger::evaluate(&model, &read(path)?);
        println!("{path}: F1 {:.4}", score.overall().2);
    }
    Ok(0)
}

/// Re-encodes an existing model file in the current format (same weights, this build's
/// fingerprint: only for a model whose features did not change).
fn convert(path: &str, out: &str) -> CmdResult {
    let b = std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))?;
    let t = Tagger::load_unchecked(&b).ok_or(format!("{path} is not a model"))?;
    let (first, second) = (t.first.to_bytes(), t.second.map(|m| m.to_bytes()));
    let bytes = match (second, &t.memory) {
        (Some(s), Some(m)) => Tagger::stack_with_memory(&first, &s, m),
        (Some(s), None) => Tagger::stack_bytes(&first, &s),
        (None, Some(m)) => Tagger::stack_with_memory(&first, &[], m),
        (None, None) => first,
    };
    let bytes = Tagger::with_fingerprint(&bytes);
    std::fs::write(out, &bytes).map_err(|e| format!("writing {out}: {e}"))?;
    println!("wrote {out} ({} bytes) from {path}", bytes.len());
    Ok(0)
}
