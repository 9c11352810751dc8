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
    for (bit, file) in gazetteer_lists::FILES {
        let path = format!("data/gazetteers/{file}");
        println!("cargo:rerun-if-changed={path}");
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        gazetteer_lists::add_entries(bit, &src, &mut entries);
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let table = phrase_table::build(&entries);
    std::fs::write(format!("{out}/gazetteer.bin"), table).expect("writing the gazetteer table");
}
