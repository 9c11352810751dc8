//! `lectern entities` (`lectern eval ner` is in `eval.rs`, `lectern train-ner` in `train_ner.rs`).

use super::{read_input, CmdResult};
use crate::entities::{self, tagger};

pub fn entities(
    file: &str,
    format: &str,
    model_file: Option<&str>,
    page: &entities::Page,
) -> CmdResult {
    let bytes = read_input(file)?;
    let text = String::from_utf8_lossy(&bytes);
    let chosen = Chosen::new(model_file)?;
    let model = chosen.get();
    let ents = entities::recognize_with(Some(model), &text, page);
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
pub(super) enum Chosen {
    Loaded(Box<tagger::Tagger>),
    Committed(&'static tagger::Tagger),
}

impl Chosen {
    pub(super) fn new(path: Option<&str>) -> Result<Chosen, String> {
        let Some(path) = path else {
            return tagger::model()
                .map(Chosen::Committed)
                .ok_or("the committed entity model could not be loaded".into());
        };
        let b = std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))?;
        let t = tagger::Tagger::load(&b).map_err(|e| format!("{path}: {e}"))?;
        Ok(Chosen::Loaded(Box::new(t)))
    }

    pub(super) fn get(&self) -> &tagger::Tagger {
        match self {
            Chosen::Loaded(t) => t,
            Chosen::Committed(t) => t,
        }
    }
}
