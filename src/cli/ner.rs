//! `lectern entities`, `lectern eval ner` and `lectern train-ner`.

use super::CmdResult;

pub fn entities(file: &str, format: &str) -> CmdResult {
    let _ = (file, format);
    Err("entities: not built yet".into())
}

pub fn eval_ner(file: &str) -> CmdResult {
    let _ = file;
    Err("eval ner: not built yet".into())
}

pub fn train_ner(corpus_dir: &str, out: &str) -> CmdResult {
    let _ = (corpus_dir, out);
    Err("train-ner: not built yet".into())
}
