// The WebExtension API object: `browser` in Firefox (promise-based), `chrome` in Chromium. The one
// place that decides; every extension module imports `ext` from here. Content scripts injected
// as files cannot import, and pick it the same way inline.
export const ext = (globalThis.browser && globalThis.browser.runtime) ? globalThis.browser : globalThis.chrome;
