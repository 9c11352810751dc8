// The reading position per page, kept on this device only: under a SHA-256 hash of the URL (the
// list of pages read is not stored in clear), at most MAX pages (the oldest forgotten first).
export const MAX = 200;
const KEY = 'positions';

export async function urlKey(url) {
  const bytes = new TextEncoder().encode(String(url).replace(/#.*$/, ''));
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// `store`: see store.js (the extension passes storage.local).
export function createPositions(store, now = () => Date.now()) {
  async function all() {
    const v = await store.get(KEY);
    return v && typeof v === 'object' ? v : {};
  }
  return {
    // `fraction`: how far down the article (0..1); `block`: the index of the paragraph at the top.
    async save(url, fraction, block) {
      const key = await urlKey(url);
      const list = await all();
      list[key] = { f: Math.round(fraction * 1000) / 1000, b: block, t: now() };
      const keys = Object.keys(list);
      if (keys.length > MAX) {
        keys.sort((a, b) => list[a].t - list[b].t);
        for (const k of keys.slice(0, keys.length - MAX)) delete list[k];
      }
      await store.set(KEY, list);
    },
    async load(url) {
      const got = (await all())[await urlKey(url)];
      return got ? { fraction: got.f, block: got.b, time: got.t } : null;
    },
    async forget(url) {
      const list = await all();
      delete list[await urlKey(url)];
      await store.set(KEY, list);
    },
    async forgetAll() { await store.remove(KEY); },
    async count() { return Object.keys(await all()).length; },
  };
}
