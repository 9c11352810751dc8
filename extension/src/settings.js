// Reader settings, kept in storage.sync, shared by the background and the reader page. The
// schema (DEFAULTS, LIMITS, normalise) is also the playground's (scripts/build.sh copies this
// file and browser.js to www/pkg/), which keeps its settings in localStorage instead.
import { ext } from './browser.js';

export const DEFAULTS = Object.freeze({
  theme: 'auto', // auto (follow the system) | light | dark | sepia
  font: 'serif', // serif | sans
  fontSize: 20, // px
  width: 66, // characters per line (measure)
  lineHeight: 1.6,
  highlights: true, // mark entities
  hiddenLabels: [], // entity types switched off in the legend
  badge: false, // show the readerable badge after each page load (needs all-sites permission)
  autoSites: [], // host names on which the reader opens by itself (each needs its permission)
});

export const LIMITS = Object.freeze({
  fontSize: [14, 32],
  width: [45, 90],
  lineHeight: [1.2, 2.2],
});

/** The WebExtension API (see browser.js). */
export function api() {
  return ext;
}

export async function loadSettings() {
  try {
    const got = await api().storage.sync.get(Object.keys(DEFAULTS));
    return normalise({ ...DEFAULTS, ...got });
  } catch {
    return { ...DEFAULTS };
  }
}

export async function saveSettings(patch) {
  await api().storage.sync.set(patch);
}

function clamp(v, [lo, hi], dflt) {
  const n = Number(v);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : dflt;
}

export function normalise(s) {
  return {
    theme: ['auto', 'light', 'dark', 'sepia'].includes(s.theme) ? s.theme : DEFAULTS.theme,
    font: ['serif', 'sans'].includes(s.font) ? s.font : DEFAULTS.font,
    fontSize: clamp(s.fontSize, LIMITS.fontSize, DEFAULTS.fontSize),
    width: clamp(s.width, LIMITS.width, DEFAULTS.width),
    lineHeight: clamp(s.lineHeight, LIMITS.lineHeight, DEFAULTS.lineHeight),
    highlights: s.highlights !== false,
    hiddenLabels: Array.isArray(s.hiddenLabels) ? s.hiddenLabels.filter((x) => typeof x === 'string') : [],
    badge: s.badge === true,
    autoSites: Array.isArray(s.autoSites) ? s.autoSites.filter((x) => typeof x === 'string') : [],
  };
}
