// Every message the extension's parts send each other, and the error codes the wasm core throws
// (src/wasm.rs). Content scripts injected as files cannot import: they spell the two types they
// use with a comment naming the constant, and tests/e2e/messages.test.mjs checks every
// 'lectern-*' string in the extension against this list.

/** @enum {string} */
export const MSG = Object.freeze({
  /**
   * reader -> background: `{type, token}`; the answer is the captured page (with `article`, the
   * warm core's Outcome, see warm.js) or null.
   */
  PAYLOAD: 'lectern-payload',
  /** reader -> background: `{type, token}`; the answer is the warm core's Outcome for the marks. */
  MARKS: 'lectern-marks',
  /** background -> offscreen document (Chromium): `{type, op, args}`; the answer is an Outcome. */
  CORE: 'lectern-core',
  /** reader -> background -> overlay (content script): close the reader in this tab. */
  CLOSE: 'lectern-close',
  /** check.js (content script) -> background: `{type, url, html}` after a page loaded. */
  PAGE: 'lectern-page',
});

/** The `code` of an error thrown by the wasm core. @enum {string} */
export const CORE_ERROR = Object.freeze({
  NO_ARTICLE: 'no-article',
  NO_TEXT: 'no-text',
  BAD_OPTIONS: 'bad-options',
  INTERNAL: 'internal',
});

/**
 * A captured page as the background hands it to the reader; `article`: what the warm core made
 * of it (`{result}` or `{error: {code, message}}`; null or absent: the reader runs its own core);
 * `settings`: the reader settings read at the click (settings.js); `times`: the click's steps
 * (wall clock, for bench/click.mjs).
 * @typedef {{html: string, url: string, title: string, lang: string, selectionHtml: string,
 *   loadedImages: string[], ms: number, tabId: number, article?: any, settings?: any,
 *   times?: Record<string, number>}} Payload
 */
