// The read-aloud controller driven by a scripted fake engine (no browser, no real voice).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSpeech, sentences, usableVoices, wordAt } from '../../extension/reader/speech.js';

class FakeUtterance { constructor(text) { this.text = text; } }

function fakeEngine() {
  const spoken = [];
  let current = null;
  return {
    spoken,
    synth: {
      speak(u) { spoken.push(u); current = u; },
      // Real engines report the cancelled utterance as interrupted.
      cancel() { const u = current; current = null; if (u && u.onerror) u.onerror({ error: 'interrupted' }); },
    },
    get current() { return current; },
    start() { current.onstart(); },
    word(i, len) { current.onboundary({ name: 'word', charIndex: i, charLength: len }); },
    end() { const u = current; current = null; u.onend(); },
  };
}

const BLOCKS = [
  { text: 'First paragraph here. It has two sentences.' },
  { text: 'Second paragraph.' },
  { text: 'Third one! Done?' },
];

function setup() {
  const eng = fakeEngine();
  const marks = [];
  const states = [];
  const sp = createSpeech({
    synth: eng.synth, Utterance: FakeUtterance, blocks: () => BLOCKS, lang: 'en',
    onHighlight: (h) => marks.push(h), onState: (s) => states.push(s),
  });
  return { eng, marks, states, sp };
}

test('sentences and words are found', () => {
  assert.deepEqual(sentences('One. Two three!  Four?').map((s) => s.start), [0, 5, 17]);
  assert.deepEqual(wordAt('hello big world', 6), { start: 6, end: 9 });
  assert.deepEqual(wordAt('hello big world', 6, 3), { start: 6, end: 9 });
  assert.deepEqual(wordAt('it slows, and', 3), { start: 3, end: 8 });
  assert.deepEqual(wordAt('end.', 0), { start: 0, end: 3 });
});

test('only local voices unless network voices are allowed', () => {
  const voices = [{ name: 'a', localService: true }, { name: 'b', localService: false }, { name: 'c' }];
  assert.deepEqual(usableVoices(voices, false).map((v) => v.name), ['a']);
  assert.deepEqual(usableVoices(voices, true).map((v) => v.name), ['a', 'b', 'c']);
});

test('plays sentence by sentence, highlights sentence then word, runs to the end', () => {
  const { eng, marks, sp } = setup();
  sp.play();
  assert.equal(eng.current.text, 'First paragraph here.');
  eng.start();
  assert.deepEqual(marks.at(-1), { block: 0, sentence: { start: 0, end: 21 }, word: null });
  eng.word(6, 9);
  assert.deepEqual(marks.at(-1).word, { start: 6, end: 15 });
  eng.end();
  assert.equal(eng.current.text, 'It has two sentences.');
  eng.start();
  eng.word(3); // no length reported: the word is read from the text
  assert.deepEqual(marks.at(-1).word, { start: 25, end: 28 });
  eng.end();
  assert.equal(eng.current.text, 'Second paragraph.');
  eng.end();
  assert.equal(eng.current.text, 'Third one!');
  eng.end();
  assert.equal(eng.current.text, 'Done?');
  eng.end();
  assert.equal(sp.playing, false, 'stops after the last sentence');
  assert.equal(marks.at(-1), null, 'highlight cleared at the end');
});

test('pause resumes at the same sentence; stale events are ignored', () => {
  const { eng, marks, sp } = setup();
  sp.play();
  eng.end();
  const second = eng.current;
  sp.pause();
  assert.equal(sp.playing, false);
  const n = marks.length;
  second.onstart(); // a late event from the cancelled utterance
  assert.equal(marks.length, n);
  sp.play();
  assert.equal(eng.current.text, 'It has two sentences.');
});

test('previous and next paragraph, rate and voice apply to what is spoken', () => {
  const { eng, sp } = setup();
  sp.play();
  sp.next();
  assert.equal(eng.current.text, 'Second paragraph.');
  sp.next();
  sp.next(); // stays on the last paragraph
  assert.equal(eng.current.text, 'Third one!');
  eng.end();
  sp.prev(); // inside a paragraph: back to its start
  assert.equal(eng.current.text, 'Third one!');
  sp.prev();
  assert.equal(eng.current.text, 'Second paragraph.');
  sp.setRate(1.5);
  assert.equal(eng.current.rate, 1.5);
  const v = { name: 'x', lang: 'en-GB', localService: true };
  sp.setVoice(v);
  assert.equal(eng.current.voice, v);
  assert.equal(eng.current.lang, 'en-GB');
});

test('an engine error on one sentence moves on', () => {
  const { eng, sp } = setup();
  sp.play();
  eng.current.onerror({ error: 'synthesis-failed' });
  assert.equal(eng.current.text, 'It has two sentences.');
});
