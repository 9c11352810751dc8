// Read-aloud controls for the reader: play/pause, previous/next paragraph, speed and voice; the
// spoken sentence and word highlighted (CSS Custom Highlight API: the article's DOM is left alone),
// the page scrolled along. Only on-device voices unless the user allows network ones.
import { createSpeech, usableVoices } from './speech.js';

const BLOCKS = '.lx-title, .lx-body p, .lx-body li, .lx-body h2, .lx-body h3, .lx-body h4, .lx-body h5, .lx-body h6, .lx-body blockquote, .lx-body figcaption, .lx-body dd, .lx-body dt';
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2];

// A Range over [start, end) of `el`'s text.
function rangeOf(doc, el, start, end) {
  const r = doc.createRange();
  const walker = doc.createTreeWalker(el, 4);
  let pos = 0; let startSet = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    if (!startSet && start <= pos + len) { r.setStart(n, start - pos); startSet = true; }
    if (startSet && end <= pos + len) { r.setEnd(n, end - pos); return r; }
    pos += len;
  }
  return startSet ? r : null;
}

export function createSpeechUi({ doc, main, h, t, prefs, savePrefs, status }) {
  const synth = doc.defaultView.speechSynthesis;
  const Utterance = doc.defaultView.SpeechSynthesisUtterance;
  const group = h('div', { class: 'lx-group lx-speech', role: 'group', 'aria-label': t('readAloud') });
  if (!synth || !Utterance) {
    group.hidden = true;
    return { group, reset() {}, networkOption: null, key() { return false; } };
  }
  let els = [];
  const highlights = doc.defaultView.CSS && CSS.highlights && typeof Highlight === 'function';
  const playBtn = h('button', { class: 'lx-btn', type: 'button', id: 'lx-speak', 'aria-pressed': 'false', title: `${t('readAloud')} (P)`, onclick: () => ctl.toggle() }, t('listen'));
  const prevBtn = h('button', { class: 'lx-btn', type: 'button', id: 'lx-speak-prev', 'aria-label': t('prevParagraph'), title: `${t('prevParagraph')} ([)`, onclick: () => ctl.prev() }, '«');
  const nextBtn = h('button', { class: 'lx-btn', type: 'button', id: 'lx-speak-next', 'aria-label': t('nextParagraph'), title: `${t('nextParagraph')} (])`, onclick: () => ctl.next() }, '»');
  const rateSel = h('select', { class: 'lx-select', id: 'lx-speak-rate', 'aria-label': t('speed'), onchange: (e) => { ctl.setRate(Number(e.target.value)); savePrefs({ speechRate: Number(e.target.value) }); } },
    RATES.map((r) => h('option', { value: String(r) }, `${r}×`)));
  rateSel.value = String(RATES.includes(prefs.speechRate) ? prefs.speechRate : 1);
  const voiceSel = h('select', { class: 'lx-select', id: 'lx-speak-voice', 'aria-label': t('voice'), onchange: () => { const v = pick(); ctl.setVoice(v); savePrefs({ voice: v ? v.voiceURI : '' }); } });
  const note = h('span', { class: 'lx-speech-note', id: 'lx-speech-note' });
  group.append(playBtn, prevBtn, nextBtn, rateSel, voiceSel, note);
  let allowNetwork = prefs.networkVoices === true;
  let voices = [];
  let lastVoice;

  function pick() { return voices.find((v) => v.voiceURI === voiceSel.value) || null; }

  function fillVoices() {
    voices = usableVoices(synth.getVoices(), allowNetwork);
    const want = prefs.voice || voiceSel.value;
    const lang = (main.querySelector('[lang]') || main).getAttribute('lang') || doc.documentElement.lang || '';
    voiceSel.replaceChildren(...voices.map((v) => h('option', { value: v.voiceURI }, `${v.name}${v.localService ? '' : ` (${t('online')})`}`)));
    const best = voices.find((v) => v.voiceURI === want) || voices.find((v) => lang && v.lang && v.lang.toLowerCase().startsWith(lang.slice(0, 2).toLowerCase())) || voices.find((v) => v.default) || voices[0];
    if (best) voiceSel.value = best.voiceURI;
    const none = !voices.length;
    for (const b of [playBtn, prevBtn, nextBtn, rateSel, voiceSel]) b.disabled = none;
    // Without a voice only the (disabled) Listen button and the note that says why are shown.
    for (const b of [prevBtn, nextBtn, rateSel, voiceSel]) b.hidden = none;
    note.textContent = none ? t('noLocalVoice') : '';
    doc.documentElement.dataset.voices = String(voices.length);
    // Only a different voice restarts what is being read.
    const v = pick();
    if ((v && v.voiceURI) !== lastVoice) { lastVoice = v && v.voiceURI; ctl.setVoice(v); }
  }

  function highlight(hl) {
    if (!highlights) return;
    CSS.highlights.delete('lx-speech-sentence');
    CSS.highlights.delete('lx-speech-word');
    for (const e of main.querySelectorAll('.lx-speaking')) e.classList.remove('lx-speaking');
    if (!hl) return;
    const el = els[hl.block];
    if (!el) return;
    el.classList.add('lx-speaking');
    const s = rangeOf(doc, el, hl.sentence.start, hl.sentence.end);
    if (s) CSS.highlights.set('lx-speech-sentence', new Highlight(s));
    if (hl.word) {
      const w = rangeOf(doc, el, hl.word.start, hl.word.end);
      if (w) CSS.highlights.set('lx-speech-word', new Highlight(w));
    }
    // Scroll along: keep the spoken sentence in the middle band of the screen.
    const box = (s || el).getBoundingClientRect();
    const vh = doc.defaultView.innerHeight;
    if (box.top < vh * 0.15 || box.bottom > vh * 0.8) doc.defaultView.scrollBy({ top: box.top - vh * 0.35, behavior: 'instant' });
    status.dataset.spoken = `${hl.block}:${hl.sentence.start}-${hl.sentence.end}${hl.word ? `:${hl.word.start}-${hl.word.end}` : ''}`;
  }

  const ctl = createSpeech({
    synth,
    Utterance,
    lang: '',
    blocks: () => {
      const all = [...main.querySelectorAll(BLOCKS)];
      els = all.filter((e) => !all.some((o) => o !== e && e.contains(o)));
      return els.map((e) => ({ text: e.textContent }));
    },
    onHighlight: highlight,
    onState: (s) => {
      playBtn.setAttribute('aria-pressed', String(s.playing));
      playBtn.textContent = s.playing ? t('pause') : t('listen');
      doc.documentElement.dataset.speaking = String(s.playing);
    },
  });
  ctl.setRate(Number(rateSel.value));
  fillVoices();
  synth.addEventListener?.('voiceschanged', fillVoices);
  // Some engines list their voices late without a voiceschanged event (Chromium with
  // speech-dispatcher): look again a few times while none is known.
  let tries = 0;
  const retry = setInterval(() => { if (voices.length || ++tries > 12) clearInterval(retry); else fillVoices(); }, 500);

  // The opt-in for network voices, for the More menu.
  const netBox = h('input', { type: 'checkbox', id: 'lx-net-voices', checked: allowNetwork, onchange: (e) => {
    allowNetwork = e.target.checked;
    savePrefs({ networkVoices: allowNetwork });
    fillVoices();
  } });
  const networkOption = h('div', { class: 'lx-more-item' },
    h('label', { class: 'lx-check', for: 'lx-net-voices' }, netBox, ` ${t('networkVoices')}`),
    h('p', { class: 'lx-fine', id: 'lx-net-voices-note' }, t('networkVoicesNote')));
  netBox.setAttribute('aria-describedby', 'lx-net-voices-note');

  return {
    group,
    networkOption,
    reset: () => ctl.reset(),
    // Keyboard: P play/pause, [ and ] paragraphs.
    key(e) {
      if (playBtn.disabled) return false;
      if (e.key === 'p' || e.key === 'P') { ctl.toggle(); return true; }
      if (e.key === '[') { ctl.prev(); return true; }
      if (e.key === ']') { ctl.next(); return true; }
      return false;
    },
  };
}
