// The click itself, injected right after capture.js and overlay.js in the same call, so a click
// is one round trip to the page instead of two. Closes an open reader, or opens the reader frame
// and captures the page while it loads. The script's last value is the injection's result:
// `{closed: true}`, `{token, page}` (page null when no reader opened), or null without overlay.js.
//
// The token names the captured page for the background, which takes it only from this result
// (its own injection into this tab) and gives the page once, to a reader frame in this tab.
// It is made here, in the isolated world the page cannot reach, from getRandomValues (randomUUID
// needs a secure context; plain http pages are none).
(() => {
  'use strict';
  const reader = Object.hasOwn(globalThis, '__lecternReader') ? globalThis.__lecternReader : null;
  if (!reader) return null;
  if (reader.close()) return { closed: true };
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  const token = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  // The frame first, then the capture while it loads: its navigation starts ~15 ms sooner in
  // Chromium and ~40 ms in Firefox (which starts it only once this script returns). On 2 cores
  // the capture takes longer meanwhile (the frame's start-up takes CPU), and the page's scroll
  // is locked only after it (a relayout of the whole page otherwise). bench-click, 60 pages
  // interleaved: click to article -7 ms median per page in Chromium, -27 ms in Firefox; capture
  // 15 -> 30 ms, page busy +8 ms in Chromium.
  return { token, page: reader.open(token, () => globalThis.__lecternCapture({})) };
})();
