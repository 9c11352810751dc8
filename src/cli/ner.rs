//! `lectern entities`, `lectern eval ner` and `lectern train-ner`.

use std::time::Instant;

use super::{read_input, CmdResult};
use crate::entities::{self, conll, tagger, train};
use crate::eval::{ner, standoff};

pub fn entities(
    file: &str,
    format: &str,
    model_file: Option<&str>,
    lang: Option<&str>,
) -> CmdResult {
    let bytes = read_input(file)?;
    let text = String::from_utf8_lossy(&bytes);
    let chosen = Chosen::new(model_file)?;
    let model = chosen.get();
    let ents = entities::recognize_with(Some(model), &text, lang);
    if format == "json" {
        let json = serde_json::to_string_pretty(&ents).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        for e in &ents.entities {
            println!("{:<8} {:>3}  {}", e.label.as_str(), e.count, e.name);
        }
    }
    Ok(0)
}

/// The model a command runs: read from a file, or the committed one.
enum Chosen {
    Loaded(Box<tagger::Tagger>),
    Committed(&'static tagger::Tagger),
}

impl Chosen {
    fn new(path: Option<&str>) -> Result<Chosen, String> {
        let Some(path) = path else {
            return tagger::model()
                .map(Chosen::Committed)
                .ok_or("the committed entity model could not be loaded".into());
        };
        let b = std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))?;
        let t = tagger::Tagger::from_bytes(&b).ok_or(format!("{path} is not a model"))?;
        Ok(Chosen::Loaded(Box::new(t)))
    }

    fn get(&self) -> &tagger::Tagger {
        match self {
            Chosen::Loaded(t) => t,
            Chosen::Committed(t) => t,
        }
    }
}

/// What `lectern eval ner` reads: CoNLL files and standoff annotation files.
pub struct EvalNer<'a> {
    pub files: &'a [String],
    pub model: Option<&'a str>,
    pub lang: Option<&'a str>,
    pub pages: &'a str,
    pub tagger: bool,
    pub errors: bool,
}

/// Scores `recognize` (the product path) one document at a time on each file; with `tagger`,
/// also the tagger alone on the gold sentences (labelled: it skips language, rules, grouping).
pub fn eval_ner(args: &EvalNer) -> CmdResult {
    print_load_cost();
    let chosen = Chosen::new(args.model)?;
    let model = chosen.get();
    // Warm the lazily built gazetteer so it does not count against speed.
    let _ = crate::entities::gazetteer::Gazetteer::get();
    let mut standoff_docs: Vec<ner::TextDoc> = Vec::new();
    let mut standoff_files = 0;
    for file in args.files {
        let bytes = read_input(file)?;
        let text = String::from_utf8_lossy(&bytes);
        if text.starts_with("#pages") {
            let parsed = standoff::parse(&text).map_err(|e| format!("{file}: {e}"))?;
            let docs = standoff::documents(&parsed, std::path::Path::new(args.pages))?;
            let docs: Vec<ner::TextDoc> = docs.into_iter().map(|(_, d)| d).collect();
            report(file, model, &docs, args)?;
            standoff_docs.extend(docs);
            standoff_files += 1;
            continue;
        }
        let has_docstart = text.contains("-DOCSTART-");
        let docs = ner::split_documents(conll::read(&text), has_docstart);
        let text_docs: Vec<ner::TextDoc> = docs.iter().map(ner::text_of).collect();
        report(file, model, &text_docs, args)?;
        if args.tagger {
            let (score, tokens) = train::evaluate(model, &ner::names_only(&docs));
            print!(
                "tagger only ({tokens} tokens; gold sentences, no language test, rules or \
                 grouping):\n{}",
                score.report()
            );
        }
        if let Some(r) = train::rules_agreement(&docs) {
            println!("rules (DATE+TIME vs Temporal, MONEY vs Money):\n{r}");
        }
    }
    if standoff_files > 1 {
        report("all standoff files", model, &standoff_docs, args)?;
    }
    Ok(0)
}

fn report(name: &str, model: &tagger::Tagger, docs: &[ner::TextDoc], args: &EvalNer) -> CmdResult {
    let outcome = ner::recognize_docs(Some(model), docs, args.lang);
    println!(
        "{name}: recognize, one document at a time ({} documents, {} judged not English{})",
        outcome.documents,
        outcome.not_english,
        args.lang
            .map(|l| format!(", declared {l}"))
            .unwrap_or_default()
    );
    print!("{}", outcome.score.report());
    if args.errors {
        print!("{}", ner::errors(docs, &outcome));
    }
    let speed = ner::recognize_speed(Some(model), docs, args.lang, 3.0);
    println!("speed: {speed:.0} tokens/s (recognize, best of up to 10 runs)");
    Ok(0)
}

/// First-use cost: parsing the committed model and the gazetteers from their embedded bytes
/// into usable tables (what a fresh wasm instance pays on its first `recognize`).
fn print_load_cost() {
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
    let (model_ms, model_ok) = time(&|| tagger::load_committed().is_some());
    let (gaz_ms, _) = time(&|| {
        std::hint::black_box(crate::entities::gazetteer::Gazetteer::load());
        true
    });
    println!(
        "model load: {model_ms:.3} ms{}, gazetteer load: {gaz_ms:.3} ms (best of 5)",
        if model_ok { "" } else { " (FAILED)" }
    );
}

pub fn train_ner(corpus_dir: &str, out: &str, with_dev: bool) -> CmdResult {
    // Re-encodes an existing model in the current format instead of training (same weights).
    if let Ok(path) = std::env::var("LECTERN_NER_CONVERT") {
        let b = std::fs::read(&path).map_err(|e| format!("reading {path}: {e}"))?;
        let t = tagger::Tagger::from_bytes(&b).ok_or(format!("{path} is not a model"))?;
        let (first, second) = (t.first.to_bytes(), t.second.map(|m| m.to_bytes()));
        let bytes = match (second, &t.memory) {
            (Some(s), Some(m)) => tagger::Tagger::stack_with_memory(&first, &s, m),
            (Some(s), None) => tagger::Tagger::stack_bytes(&first, &s),
            (None, _) => first,
        };
        std::fs::write(out, &bytes).map_err(|e| format!("writing {out}: {e}"))?;
        println!("wrote {out} ({} bytes) from {path}", bytes.len());
        return Ok(0);
    }
    let read = |name: &str| -> Result<Vec<conll::Document>, String> {
        let path = format!("{corpus_dir}/{name}");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("reading {path}: {e}"))?;
        Ok(conll::read(&text))
    };
    let train_docs = read("eng.train")?;
    let dev_docs = read("eng.testa")?;
    let mut opts = train::Options {
        with_dev,
        ..train::Options::default()
    };
    if let Ok(e) = std::env::var("LECTERN_NER_EPOCHS") {
        opts.epochs = e.parse().map_err(|_| "bad LECTERN_NER_EPOCHS")?;
    }
    if let Ok(e) = std::env::var("LECTERN_NER_MIN_COUNT") {
        opts.min_count = e.parse().map_err(|_| "bad LECTERN_NER_MIN_COUNT")?;
    }
    if let Ok(e) = std::env::var("LECTERN_NER_WORD_DROPOUT") {
        opts.word_dropout_permille = e.parse().map_err(|_| "bad LECTERN_NER_WORD_DROPOUT")?;
    }
    if let Ok(e) = std::env::var("LECTERN_NER_MEMORY") {
        opts.memory = e == "1";
    }
    if let Ok(e) = std::env::var("LECTERN_NER_PRUNE") {
        opts.prune = e.parse().map_err(|_| "bad LECTERN_NER_PRUNE")?;
    }
    if let Ok(e) = std::env::var("LECTERN_NER_ENSEMBLE") {
        opts.ensemble = e.parse().map_err(|_| "bad LECTERN_NER_ENSEMBLE")?;
    }
    if let Ok(e) = std::env::var("LECTERN_NER_PA_C") {
        opts.pa_c = e.parse().map_err(|_| "bad LECTERN_NER_PA_C")?;
    }
    if let Ok(e) = std::env::var("LECTERN_NER_FOLDS") {
        opts.folds = e.parse().map_err(|_| "bad LECTERN_NER_FOLDS")?;
    }
    if let Ok(e) = std::env::var("LECTERN_NER_SECOND_PASS") {
        opts.second_pass = e == "1";
    }
    if let Ok(e) = std::env::var("LECTERN_NER_QUANTILE") {
        opts.quantile = e.parse().map_err(|_| "bad LECTERN_NER_QUANTILE")?;
    }
    let t0 = Instant::now();
    let (model, bytes) = train::train(&train_docs, &dev_docs, &opts, &mut |m| {
        eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64())
    })
    .ok_or("training produced no model")?;
    std::fs::write(out, &bytes).map_err(|e| format!("writing {out}: {e}"))?;
    let (score, _) = train::evaluate(&model, &dev_docs);
    println!(
        "wrote {out} ({} bytes, {} features)",
        bytes.len(),
        model.features()
    );
    if with_dev {
        println!("(eng.testa below was part of the final training data)");
    }
    print!("eng.testa:\n{}", score.report());
    Ok(0)
}
