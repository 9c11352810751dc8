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
        "build.rs",
        "src/entities/gazetteer_lists.rs",
        "src/entities/phrase_table.rs",
        "src/entities/tokenize.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let mut entries = Vec::new();
    let mut lower_first = std::collections::BTreeSet::new();
    // FNV-1a over every list's name and bytes: a model records it, and refuses other lists.
    let mut fingerprint: u64 = 0xcbf2_9ce4_8422_2325;
    let mut fnv = |bytes: &[u8]| {
        for &b in bytes {
            fingerprint = (fingerprint ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for (bit, file) in gazetteer_lists::FILES {
        let path = format!("data/gazetteers/{file}");
        println!("cargo:rerun-if-changed={path}");
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        fnv(file.as_bytes());
        fnv(&[bit, 0xff]);
        fnv(src.as_bytes());
        gazetteer_lists::add_entries(bit, &src, &mut entries);
        lower_first.extend(gazetteer_lists::lower_first_tokens(&src));
    }
    let mut companies = Vec::new();
    for (bit, file) in [
        (gazetteer_lists::COMPANY, gazetteer_lists::COMPANIES_FILE),
        (gazetteer_lists::PRODUCT, gazetteer_lists::PRODUCTS_FILE),
        (0, gazetteer_lists::WORDFREQ_FILE),
        (0, gazetteer_lists::CLUSTERS_FILE),
    ] {
        let path = format!("data/gazetteers/{file}");
        println!("cargo:rerun-if-changed={path}");
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        fnv(file.as_bytes());
        fnv(&[bit, 0xff]);
        fnv(src.as_bytes());
        if bit != 0 {
            gazetteer_lists::add_entries(bit, &src, &mut companies);
        }
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(
        format!("{out}/companies.bin"),
        phrase_table::build(&companies),
    )
    .expect("writing the companies table");
    std::fs::write(
        format!("{out}/lists_fingerprint.rs"),
        format!("{fingerprint:#018x}"),
    )
    .expect("writing the lists' fingerprint");
    write_common_bits(&out);
    let table = phrase_table::build(&entries);
    std::fs::write(format!("{out}/gazetteer.bin"), table).expect("writing the gazetteer table");
    // The few phrases that start with a lower-case word ("al-Yarmūk", "the State of Eritrea"):
    // at any other lower-case word no phrase starts, and the table is not probed.
    let lower: Vec<String> = lower_first.into_iter().collect();
    std::fs::write(format!("{out}/gazetteer_lower_first.txt"), lower.join("\n"))
        .expect("writing the gazetteer's lower-case first words");
}

/// The rules' common words (`common_words.txt`, a subset of `wordfreq_en.txt`) as one bit per
/// word-frequency entry: the frequency list is embedded anyway, and a bit set is ~2 KB where the
/// word list itself would be ~27 KB gzipped in the wasm module.
fn write_common_bits(out: &str) {
    let read = |file: &str| {
        let path = format!("data/gazetteers/{file}");
        println!("cargo:rerun-if-changed={path}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let freq = read(gazetteer_lists::WORDFREQ_FILE);
    let common = read("common_words.txt");
    let common: std::collections::HashSet<&str> = common.lines().collect();
    let words: Vec<&str> = freq.lines().filter_map(|l| l.split('\t').next()).collect();
    let mut bits = vec![0u8; words.len().div_ceil(8)];
    let mut found = 0;
    for (i, w) in words.iter().enumerate() {
        if common.contains(w) {
            bits[i / 8] |= 1 << (i % 8);
            found += 1;
        }
    }
    assert_eq!(
        found,
        common.len(),
        "every word of common_words.txt must be in the word-frequency list"
    );
    std::fs::write(format!("{out}/common_bits.bin"), bits).expect("writing the common words");
}
