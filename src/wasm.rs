//! The browser binding: the only code that knows about JavaScript.
//!
//! Every export returns a plain JS object (JSON-compatible) or throws an `Error` whose `code`
//! says what went wrong ([`ErrorCode`]: callers branch on it, never on the message). The module
//! is built with `panic = "abort"`, so a panic traps; the panic hook keeps its message so the
//! caller can show it ([`last_panic`]) and load a fresh instance.

use std::cell::RefCell;
use std::sync::Once;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::extract::{Article, Options};
use crate::fetch_policy::FetchPolicy;
use crate::render;
use crate::text::HtmlSpan;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
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

/// The `code` of every error the core throws (also in `extension/src/messages.js`).
#[derive(Clone, Copy)]
enum ErrorCode {
    /// The page holds no article.
    NoArticle,
    /// A fragment holds no text.
    NoText,
    /// The options object is malformed.
    BadOptions,
    /// The result could not be handed to JS.
    Internal,
}

impl ErrorCode {
    fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NoArticle => "no-article",
            ErrorCode::NoText => "no-text",
            ErrorCode::BadOptions => "bad-options",
            ErrorCode::Internal => "internal",
        }
    }
}

/// A JS `Error` with a `code` property.
fn error(code: ErrorCode, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(
        &e,
        &JsValue::from_str("code"),
        &JsValue::from_str(code.as_str()),
    );
    e.into()
}

/// Options accepted by [`process`], [`prepare`] and [`process_fragment`].
#[derive(Deserialize, Default)]
#[serde(default)]
struct ProcessOptions {
    /// Mark entities (default true). Off: no entity recognition at all.
    highlights: Option<bool>,
    /// The images the page loaded itself (absolute URLs), from the capture. When given, a lead
    /// image from metadata must be one of them or on the page's site ([`FetchPolicy`]).
    loaded_images: Option<Vec<String>>,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            error(
                ErrorCode::Internal,
                &format!("cannot convert the result: {e}"),
            )
        })
}

fn parse_options(options: JsValue) -> Result<ProcessOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(ProcessOptions::default());
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| error(ErrorCode::BadOptions, &format!("bad options: {e}")))
}

fn url_opt(url: &str) -> Option<String> {
    Some(url.trim()).filter(|u| !u.is_empty()).map(String::from)
}

/// The result as JS sees it. `article.content` is left empty: the body is in `reader_html`,
/// and copying it into a second JS string would only cost time.
fn processed_to_js(mut p: render::Processed) -> Result<JsValue, JsValue> {
    p.article.content = String::new();
    to_js(&p)
}

/// An extracted article, ready to be rendered with or without its entities: the reader shows
/// it plain first, then marked, without extracting it twice. Free it with `free()`.
#[wasm_bindgen]
pub struct Prepared {
    article: Article,
    spans: Vec<HtmlSpan>,
    url: Option<String>,
}

#[wasm_bindgen]
impl Prepared {
    /// The reader view of the article, its entities marked when `highlights`.
    pub fn render(&self, highlights: bool) -> Result<JsValue, JsValue> {
        install_panic_hook();
        processed_to_js(render::finish(
            self.article.clone(),
            &self.spans,
            self.url.as_deref(),
            highlights,
        ))
    }
}

/// Extracts the article from `html` (throws `no-article` when there is none); the lead image
/// goes through the page's [`FetchPolicy`].
#[wasm_bindgen]
pub fn prepare(html: &str, url: &str, options: JsValue) -> Result<Prepared, JsValue> {
    install_panic_hook();
    prepare_with(html, url, parse_options(options)?)
}

fn prepare_with(html: &str, url: &str, opts: ProcessOptions) -> Result<Prepared, JsValue> {
    let url = url_opt(url);
    let (mut article, spans) = crate::extract::extract_mapped(html, &Options { url: url.clone() })
        .map_err(|e| error(ErrorCode::NoArticle, &format!("No article found: {e}.")))?;
    let policy = FetchPolicy::new(url.as_deref(), opts.loaded_images);
    if let Some(lead) = &article.lead_image_url {
        if !policy.lead_image(lead) {
            article.lead_image_url = None;
        }
    }
    Ok(Prepared {
        article,
        spans,
        url,
    })
}

/// The whole core path: extract the article from `html`, mark its entities, render the reader.
/// Returns `{article, entities, reader_html}` (`article.content` empty: the body is in
/// `reader_html`); throws `no-article` when the page holds no article.
#[wasm_bindgen]
pub fn process(html: &str, url: &str, options: JsValue) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let opts = parse_options(options)?;
    let highlights = opts.highlights.unwrap_or(true);
    prepare_with(html, url, opts)?.render(highlights)
}

/// Like [`process`] but for any HTML (a selection, or a page's text when no article was
/// found): sanitised and shown as is, with `title` as its title.
#[wasm_bindgen]
pub fn process_fragment(
    html: &str,
    url: &str,
    title: &str,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let opts = parse_options(options)?;
    let url = url_opt(url);
    let p = render::process_fragment(
        html,
        Some(title),
        url.as_deref(),
        opts.highlights.unwrap_or(true),
    )
    .ok_or_else(|| error(ErrorCode::NoText, "There is no text to show."))?;
    processed_to_js(p)
}

/// The article only (no entities, no rendering).
#[wasm_bindgen]
pub fn extract(html: &str, url: &str) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let article = crate::extract::extract(html, &Options { url: url_opt(url) })
        .map_err(|e| error(ErrorCode::NoArticle, &format!("No article found: {e}.")))?;
    to_js(&article)
}

/// Entity mentions in plain text.
#[wasm_bindgen]
pub fn recognize(text: &str) -> Result<JsValue, JsValue> {
    install_panic_hook();
    to_js(&crate::entities::recognize(text))
}

/// Hands the module its entity model: the bytes of `ner.bin`, shipped beside the module (not
/// embedded, for the module's size budget). Until then names are not marked; dates and amounts
/// are. Throws `internal` for a file this build cannot use.
#[wasm_bindgen]
pub fn load_model(bytes: Vec<u8>) -> Result<(), JsValue> {
    install_panic_hook();
    crate::entities::tagger::install(bytes)
        .map_err(|e| error(ErrorCode::Internal, &format!("Entity model refused: {e}.")))
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

/// Panics on purpose: lets the tests check that a panic reaches JS as an error. Built only with
/// the `test-panic` feature (`scripts/build.sh` never enables it for the extension).
#[cfg(feature = "test-panic")]
#[wasm_bindgen]
pub fn __panic_for_test() {
    install_panic_hook();
    let v: Vec<u8> = Vec::new();
    let _ = v.get(1).map_or_else(|| panic!("test panic"), |x| *x);
}
