//! Lectern's core: article extraction, named-entity recognition and reader rendering.
//!
//! Everything here is plain Rust and runs natively; only `wasm` (compiled for wasm32)
//! touches the browser. Data flows one way:
//! captured HTML -> [`extract`](mod@extract) -> [`entities`] -> [`render`] -> reader HTML.

pub mod entities;
mod escape;
pub mod extract;
pub mod fetch_policy;
pub mod html;
pub mod mathml;
pub mod render;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use entities::{recognize, recognize_in, Entities, Entity, Label, Mention};
pub use extract::{extract, is_probably_readerable, Article, NoArticle, Options};
