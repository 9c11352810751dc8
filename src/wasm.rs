//! The browser binding: the only code that knows about JavaScript.
//!
//! Every export returns a plain JS object (JSON-compatible) or throws an `Error` with a readable
//! message. The module is built with `panic = "abort"`, so a panic traps; the panic hook keeps
//! its message so the caller can show it ([`last_panic`]) and load a fresh instance.

use std::cell::RefCell;
use std::sync::Once;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::extract::{Article, Options};
use crate::render;
use crate::text::HtmlSpan;

/// The last article `process` extracted without highlights, with its text map and URL, kept
/// for [`highlight_last`].
type Extracted = (Article, Vec<HtmlSpan>, Option<String>);

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    static LAST_PLAIN: RefCell<Option<Extracted>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

fn install_panic_hook() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = info.to_string();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
        }));
    });
}

/// Options accepted by [`process`] and [`process_fragment`].
#[derive(Deserialize, Default)]
#[serde(default)]
struct ProcessOptions {
    /// Mark entities (default true). Off: no entity recognition at all.
    highlights: Option<bool>,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the result: {e}")))
}

fn parse_options(options: JsValue) -> Result<ProcessOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(ProcessOptions::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))
}

fn url_opt(url: &str) -> Option<String> {
    Some(url.trim()).filter(|u| !u.is_empty()).map(String::from)
}

/// The result as JS sees it. `article.content` is left empty: the body is in `reader_html`,
/// and copying it into a second JS string would only cost time.
fn processed_to_js(mut p: render::Processed) -> Result<JsValue, JsError> {
    p.article.content = String::new();
    to_js(&p)
}

/// The whole core path: extract the article from `html`, mark its entities, render the reader.
/// Returns `{article, entities, reader_html}` (`article.content` empty: the body is in
/// `reader_html`); throws when the page holds no article.
#[wasm_bindgen]
pub fn process(html: &str, url: &str, options: JsValue) -> Result<JsValue, JsError> {
    install_panic_hook();
    let opts = parse_options(options)?;
    let url = url_opt(url);
    let (article, spans) = crate::extract::extract_mapped(html, &Options { url: url.clone() })
        .map_err(|e| JsError::new(&format!("No article found: {e}.")))?;
    let highlights = opts.highlights.unwrap_or(true);
    // The reader shows the article first, then asks for its entities: keep what that needs.
    LAST_PLAIN.with(|l| {
        *l.borrow_mut() = (!highlights).then(|| (article.clone(), spans.clone(), url.clone()));
    });
    processed_to_js(render::finish(article, &spans, url.as_deref(), highlights))
}

/// The article of the last `process(html, url, {highlights: false})` call, with its entities
/// marked, without extracting it again: what the reader shows second. Throws when there is none.
#[wasm_bindgen]
pub fn highlight_last() -> Result<JsValue, JsError> {
    install_panic_hook();
    let (article, spans, url) = LAST_PLAIN
        .with(|l| l.borrow_mut().take())
        .ok_or_else(|| JsError::new("No article was processed without highlights."))?;
    processed_to_js(render::finish(article, &spans, url.as_deref(), true))
}

/// Like [`process`] but for any HTML (a selection, or a page's text when no article was
/// found): sanitised and shown as is, with `title` as its title.
#[wasm_bindgen]
pub fn process_fragment(
    html: &str,
    url: &str,
    title: &str,
    options: JsValue,
) -> Result<JsValue, JsError> {
    install_panic_hook();
    let opts = parse_options(options)?;
    let url = url_opt(url);
    let p = render::process_fragment(
        html,
        Some(title),
        url.as_deref(),
        opts.highlights.unwrap_or(true),
    )
    .ok_or_else(|| JsError::new("There is no text to show."))?;
    processed_to_js(p)
}

/// The article only (no entities, no rendering).
#[wasm_bindgen]
pub fn extract(html: &str, url: &str) -> Result<JsValue, JsError> {
    install_panic_hook();
    let article = crate::extract::extract(html, &Options { url: url_opt(url) })
        .map_err(|e| JsError::new(&format!("No article found: {e}.")))?;
    to_js(&article)
}

/// Entity mentions in plain text.
#[wasm_bindgen]
pub fn recognize(text: &str) -> Result<JsValue, JsError> {
    install_panic_hook();
    to_js(&crate::entities::recognize(text))
}

/// The cheap check: does the page probably hold an article?
#[wasm_bindgen]
pub fn is_readerable(html: &str) -> bool {
    install_panic_hook();
    crate::extract::is_probably_readerable(html)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The message of the last panic, if one happened (the instance must then be reloaded).
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// Panics on purpose: lets the tests check that a panic reaches JS as an error.
#[wasm_bindgen]
pub fn __panic_for_test() {
    install_panic_hook();
    let v: Vec<u8> = Vec::new();
    let _ = v.get(1).map_or_else(|| panic!("test panic"), |x| *x);
}
