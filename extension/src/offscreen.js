// @ts-check
// Chromium's offscreen document (offscreen.html): hosts the warm core (warm.js), which the
// service worker cannot (it has no Workers). It answers the background alone, and only with
// what the core made of the page the background sent.
import { ext } from './browser.js';
import { createHost } from './warm.js';
import { MSG } from './messages.js';
import { warmLayout } from './layout-warm.js';

const host = createHost(ext.runtime.getURL('pkg/lectern_bg.wasm'));
host.warm().catch(() => {});
// The reader frames run in this document's process: their first layout finds its fonts set up.
warmLayout(ext.runtime.getURL('reader/reader.css'));
const BACKGROUND = ext.runtime.getURL('src/background.js');

ext.runtime.onMessage.addListener((/** @type {any} */ msg, /** @type {any} */ sender, /** @type {(r: any) => void} */ sendResponse) => {
  if (!msg || msg.type !== MSG.CORE || sender.id !== ext.runtime.id || sender.tab || sender.url !== BACKGROUND) return false;
  const a = Array.isArray(msg.args) ? msg.args : [];
  const key = String(a[0]);
  let done;
  if (msg.op === 'article' && typeof a[1] === 'string') done = host.article(key, a[1], String(a[2]), a[3] && typeof a[3] === 'object' ? a[3] : {});
  else if (msg.op === 'marks') done = host.marks(key);
  else return false;
  done.then(sendResponse);
  return true;
});
