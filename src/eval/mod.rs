//! Evaluation against reference corpora (native only): what `lectern eval` prints and what the
//! corpus tests hold floors on. Every figure runs the path the product runs.

pub mod ner;
pub mod page_text;
pub mod pages;
pub mod readability;
pub mod rules;
pub mod score;
pub mod shingles;
pub mod standoff;
pub mod tagger;

use std::path::{Path, PathBuf};

/// The shared-data directory: `LECTERN_SHARED`, else `../shared` next to the crate.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("LECTERN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}
