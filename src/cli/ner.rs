//! `lectern entities` and `lectern eval ner` (`lectern train-ner` is in `train_ner.rs`).

use std::time::Instant;

use super::{read_input, CmdResult};
use crate::entities::{self, conll, tagger};
use crate::eval::{ner, rules, standoff};

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
        let t = tagger::Tagger::load(&b).map_err(|e| format!("{path}: {e}"))?;
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
            let (score, tokens) = crate::eval::tagger::evaluate(model, &ner::names_only(&docs));
            print!(
                "tagger only ({tokens} tokens; gold sentences, no language test, rules or \
                 grouping):\n{}",
                score.report()
            );
        }
        if let Some(r) = rules::agreement(&docs) {
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
