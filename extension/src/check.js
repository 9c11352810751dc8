// Registered only when the user turned on the readerable badge or auto-open for a site (both need
// an optional host permission): after the page loaded, hands its visible HTML to the extension,
// which decides locally (in wasm) whether to show the badge or open the reader.
(() => {
  'use strict';
  const api = (globalThis.browser && globalThis.browser.runtime) ? globalThis.browser : chrome;
  const MSG_PAGE = 'lectern-page'; // MSG.PAGE in messages.js
  // Own properties only: an element id would make a named property on window.
  if (Object.hasOwn(globalThis, '__lecternChecked') || window.top !== window) return;
  Object.defineProperty(globalThis, '__lecternChecked', { value: true });
  const send = () => {
    const page = globalThis.__lecternCapture({});
    api.runtime.sendMessage({ type: MSG_PAGE, url: page.url, html: page.html }).catch(() => {});
  };
  // Give scripts that fill the page after load a moment.
  setTimeout(send, 300);
})();
