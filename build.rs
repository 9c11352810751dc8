//! Compiles the gazetteer lists (`data/gazetteers/*.txt`) into the phrase table that the
//! library embeds and uses in place, so a fresh (wasm) instance does no work to load them.

#[allow(dead_code)]
#[path = "src/entities/gazetteer_lists.rs"]
mod gazetteer_lists;
#[allow(dead_code)]
#[path = "src/entities/phrase_table.rs"]
mod phrase_table;
#[allow(dead_code)]
#[path = "src/entities/tokenize.rs"]
mod tokenize;

fn main() {
    for f in [
        "src/entities/gazetteer_lists.rs",
        "src/entities/phrase_table.rs",
        "src/entities/tokenize.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let mut entries = Vec::new();
    let mut lower_first = std::collections::BTreeSet::new();
    for (bit, file) in gazetteer_lists::FILES {
        let path = format!("data/gazetteers/{file}");
        println!("cargo:rerun-if-changed={path}");
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        gazetteer_lists::add_entries(bit, &src, &mut entries);
        lower_first.extend(gazetteer_lists::lower_first_tokens(&src));
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let table = phrase_table::build(&entries);
    std::fs::write(format!("{out}/gazetteer.bin"), table).expect("writing the gazetteer table");
    // The few phrases that start with a lower-case word ("al-Yarmūk", "the State of Eritrea"):
    // at any other lower-case word no phrase starts, and the table is not probed.
    let lower: Vec<String> = lower_first.into_iter().collect();
    std::fs::write(format!("{out}/gazetteer_lower_first.txt"), lower.join("\n"))
        .expect("writing the gazetteer's lower-case first words");
}
