// Read aloud: a controller over the Web Speech API that knows nothing of the DOM, so that a
// scripted fake engine can drive it in tests (tests/js/speech.test.mjs). It speaks one sentence per
// utterance (the sentence highlight follows `onstart`, the word highlight `onboundary`), and pauses
// by cancelling and remembering the sentence: engines' own pause/resume is unreliable.

// Sentences of `text` as [start, end) offsets, spaces trimmed.
export function sentences(text, lang) {
  const out = [];
  const push = (s, e) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    let seg;
    try { seg = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' }); } catch { seg = new Intl.Segmenter(undefined, { granularity: 'sentence' }); }
    for (const s of seg.segment(text)) push(s.index, s.index + s.segment.length);
    return out;
  }
  const re = /[^.!?]+(?:[.!?]+["'”’)\]]*|$)/g;
  let m;
  while ((m = re.exec(text)) && m[0]) push(m.index, m.index + m[0].length);
  return out;
}

// The word starting at `i` in `text` (engines report a start, and a length only sometimes).
export function wordAt(text, i, length) {
  if (length > 0) return { start: i, end: i + length };
  // Up to the next space, without the punctuation that trails a word.
  const m = /^\S*?(?=[.,;:!?…"”’)\]]*(?:\s|$))/u.exec(text.slice(i));
  return m && m[0] ? { start: i, end: i + m[0].length } : null;
}

// Voices the user may pick: on-device ones, and network ones only after the user allowed them
// (they send the text to the voice's provider).
export function usableVoices(all, allowNetwork) {
  return all.filter((v) => v.localService === true || allowNetwork);
}

export function createSpeech({ synth, Utterance, blocks, lang = '', onHighlight = () => {}, onState = () => {} }) {
  let list = []; // [{text, sentences}]
  let at = { block: 0, sentence: 0 };
  let playing = false;
  let rate = 1;
  let voice = null;
  let gen = 0; // bumped on every cancel: events of a cancelled utterance are ignored

  function load() {
    list = blocks().map((b) => ({ text: b.text, sentences: sentences(b.text, lang) })).filter((b) => b.sentences.length);
  }

  function state() {
    onState({ playing, block: at.block, sentence: at.sentence, blocks: list.length });
  }

  function stop() {
    gen++;
    synth.cancel();
  }

  function speakCurrent() {
    const b = list[at.block];
    if (!b) { playing = false; at = { block: 0, sentence: 0 }; onHighlight(null); state(); return; }
    const s = b.sentences[at.sentence];
    const text = b.text.slice(s.start, s.end);
    const u = new Utterance(text);
    u.rate = rate;
    if (voice) { u.voice = voice; u.lang = voice.lang; } else if (lang) u.lang = lang;
    const mine = gen;
    u.onstart = () => { if (mine === gen) onHighlight({ block: at.block, sentence: s, word: null }); };
    u.onboundary = (e) => {
      if (mine !== gen || (e.name && e.name !== 'word')) return;
      const w = wordAt(text, e.charIndex, e.charLength);
      if (w) onHighlight({ block: at.block, sentence: s, word: { start: s.start + w.start, end: s.start + w.end } });
    };
    const advance = () => {
      if (mine !== gen || !playing) return;
      if (at.sentence + 1 < b.sentences.length) at = { block: at.block, sentence: at.sentence + 1 };
      else at = { block: at.block + 1, sentence: 0 };
      state();
      speakCurrent();
    };
    u.onend = advance;
    // An engine error on one sentence should not stop the reading.
    u.onerror = (e) => { if (e && (e.error === 'interrupted' || e.error === 'canceled')) return; advance(); };
    synth.speak(u);
  }

  function play() {
    if (!list.length) load();
    if (!list.length) return;
    stop();
    playing = true;
    state();
    speakCurrent();
  }

  function pause() {
    stop();
    playing = false;
    state();
  }

  // Moves by whole paragraphs; from inside a paragraph, "previous" first goes back to its start.
  function jump(delta) {
    if (!list.length) load();
    if (!list.length) return;
    let block = at.block + delta;
    if (delta < 0 && at.sentence > 0) block = at.block;
    at = { block: Math.max(0, Math.min(list.length - 1, block)), sentence: 0 };
    if (playing) play();
    else { onHighlight({ block: at.block, sentence: list[at.block].sentences[0], word: null }); state(); }
  }

  return {
    play,
    pause,
    toggle: () => (playing ? pause() : play()),
    next: () => jump(1),
    prev: () => jump(-1),
    // Starts from a given paragraph (e.g. the first one on screen).
    startAt(block) { if (!list.length) load(); at = { block: Math.max(0, Math.min(list.length - 1, block)), sentence: 0 }; },
    setRate(r) { rate = r; if (playing) play(); },
    setVoice(v) { voice = v || null; if (playing) play(); },
    // The article changed: start again from the top.
    reset() { stop(); playing = false; list = []; at = { block: 0, sentence: 0 }; onHighlight(null); state(); },
    get playing() { return playing; },
    get position() { return { ...at }; },
  };
}
