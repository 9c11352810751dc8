// The click in the page, injected right after capture.js and overlay.js in the same injection
// (one round trip to the page per click): closes an open reader, or opens the reader frame and
// captures the page. Its value (the script's last expression) is what the background gets:
// {closed: true}, null (the scripts are not there), or the capture with the frame's `token`.
// - The frame first: it loads in the extension's process while the page is captured here.
//   Only the page's scroll lock waits for the capture (overlay.js `lock`): setting overflow on
//   <html> re-lays out the whole page, which the capture's visibility reads would wait for.
// - The token is made here, in the isolated world the page cannot reach, and goes into the
//   frame's URL like before; the background binds it to this tab and gives its page out once.
(() => {
  'use strict';
  const reader = Object.hasOwn(globalThis, '__lecternReader') ? globalThis.__lecternReader : null;
  const capture = Object.hasOwn(globalThis, '__lecternCapture') ? globalThis.__lecternCapture : null;
  if (!reader || !capture) return null;
  if (reader.close()) return { closed: true };
  const page = capture({});
  const token = crypto.randomUUID();
  if (!reader.open(token)) return null;
  reader.lock();
  return { ...page, token };
})();
