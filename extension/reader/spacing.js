// Letter and word spacing (em) and the legible font: the reader's typography settings beyond
// view.js's own, applied as custom properties on the root.
export const LETTER = [0, 0.02, 0.05, 0.08, 0.12];
export const WORD = [0, 0.05, 0.1, 0.2, 0.3];

export function normaliseTypography(s = {}) {
  return {
    letterSpacing: LETTER.includes(s.letterSpacing) ? s.letterSpacing : 0,
    wordSpacing: WORD.includes(s.wordSpacing) ? s.wordSpacing : 0,
    legible: s.legible === true,
    focusLines: [0, 1, 3, 5].includes(s.focusLines) ? s.focusLines : 0,
  };
}

export function applyTypography(de, s) {
  de.style.setProperty('--lx-letter', `${s.letterSpacing}em`);
  de.style.setProperty('--lx-word', `${s.wordSpacing}em`);
  de.toggleAttribute('data-legible', s.legible);
  if (s.focusLines) de.dataset.focus = String(s.focusLines); else delete de.dataset.focus;
  de.style.setProperty('--lx-focus-lines', String(s.focusLines || 1));
}
