// The reader's own strings: the browser's language through chrome.i18n (extension/_locales), or
// English where that API is missing (the playground). "{1}" in a message is filled in here.
import { EN } from './i18n-en.js';

const i18n = (globalThis.browser && globalThis.browser.i18n) || (globalThis.chrome && globalThis.chrome.i18n) || null;

export function t(key, ...subs) {
  let msg = '';
  try { msg = i18n ? i18n.getMessage(key) : ''; } catch { msg = ''; }
  if (!msg) msg = EN[key] ?? key;
  return subs.reduce((m, s, i) => m.replaceAll(`{${i + 1}}`, s), msg);
}

// A string the host passed in English (reader.js's messages): translated when it is one of ours.
const BY_ENGLISH = new Map(Object.entries(EN).map(([k, v]) => [v, k]));
export function tEnglish(text) {
  const key = BY_ENGLISH.get(text);
  return key ? t(key) : text;
}
