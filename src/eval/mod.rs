//! Evaluation against reference corpora (native only): what `lectern eval` prints and what the
//! corpus tests hold floors on. Every figure runs the path the product runs.

pub mod ner;
pub mod rules;
pub mod score;
pub mod shingles;
pub mod standoff;
pub mod tagger;
