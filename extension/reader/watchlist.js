// The watchlist: the user's own terms (each with optional aliases and a colour), kept in
// storage.sync, marked wherever they appear in an article and listed first in the entity panel.
export const COLOURS = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple'];
const KEY = 'watchlist';
const MAX_TERMS = 100;

export function normalise(list) {
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_TERMS).map((w) => ({
    term: String((w && w.term) || '').trim().slice(0, 100),
    aliases: Array.isArray(w && w.aliases) ? w.aliases.map((a) => String(a).trim().slice(0, 100)).filter(Boolean).slice(0, 20) : [],
    colour: COLOURS.includes(w && w.colour) ? w.colour : COLOURS[0],
  })).filter((w) => w.term);
}

export async function loadWatchlist(store) { return normalise(await store.get(KEY)); }
export async function saveWatchlist(store, list) { await store.set(KEY, normalise(list)); }

const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One pattern for all terms and aliases, longest first, whole words, any case.
export function matcher(list) {
  const names = [];
  list.forEach((w, i) => { for (const n of [w.term, ...w.aliases]) names.push([n, i]); });
  if (!names.length) return null;
  names.sort((a, b) => b[0].length - a[0].length);
  const index = new Map(names.map(([n, i]) => [n.toLocaleLowerCase(), i]));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(([n]) => reEscape(n)).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => {
    const out = [];
    for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, term: index.get(m[0].toLocaleLowerCase()) ?? 0 });
    return out;
  };
}

// Wraps each match in the article's text in <mark class="lx-watch">; returns the marks per term.
export function markWatchlist(root, list) {
  const find = matcher(list);
  const found = list.map(() => []);
  if (!find) return found;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest('mark.lx-watch, pre, code, .lx-header')) nodes.push(n);
  }
  for (const node of nodes) {
    const hits = find(node.data);
    for (let k = hits.length - 1; k >= 0; k--) {
      const { start, end, term } = hits[k];
      const tail = node.splitText(start);
      tail.splitText(end - start);
      const mark = doc.createElement('mark');
      mark.className = `lx-watch lx-watch-${list[term].colour}`;
      mark.dataset.watch = String(term);
      tail.replaceWith(mark);
      mark.append(tail);
      found[term].unshift(mark);
    }
  }
  // Document order (text nodes were visited in order, each one's hits back to front).
  for (const marks of found) marks.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return found;
}
