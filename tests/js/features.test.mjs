// Pure logic of the reader's features: reading positions, the watchlist matcher, the entity
// export, progress, contents and typography settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPositions, urlKey, MAX } from '../../extension/reader/position.js';
import { memoryStore } from '../../extension/reader/store.js';
import { matcher, normalise } from '../../extension/reader/watchlist.js';
import { toCSV, toJSON, sentenceAround } from '../../extension/reader/entity-export.js';
import { readFraction } from '../../extension/reader/progress.js';
import { currentIndex } from '../../extension/reader/toc.js';
import { normaliseTypography } from '../../extension/reader/spacing.js';

test('positions: kept per URL under a hash, capped, forgettable', async () => {
  const store = memoryStore();
  let clock = 0;
  const pos = createPositions(store, () => ++clock);
  await pos.save('https://a.example/x#frag', 0.42, 3);
  assert.deepEqual(await pos.load('https://a.example/x'), { fraction: 0.42, block: 3, time: 1 });
  const raw = JSON.stringify(await store.get('positions'));
  assert.ok(!raw.includes('a.example'), 'no URL in clear');
  assert.ok(raw.includes(await urlKey('https://a.example/x')));
  for (let i = 0; i < MAX + 5; i++) await pos.save(`https://b.example/${i}`, 0.5, 0);
  assert.equal(await pos.count(), MAX);
  assert.equal(await pos.load('https://a.example/x'), null, 'the oldest went first');
  assert.ok(await pos.load(`https://b.example/${MAX + 4}`));
  await pos.forget(`https://b.example/${MAX + 4}`);
  assert.equal(await pos.load(`https://b.example/${MAX + 4}`), null);
  await pos.forgetAll();
  assert.equal(await pos.count(), 0);
});

test('watchlist: whole words, any case, aliases, longest first', () => {
  const list = normalise([{ term: 'Danube', aliases: ['Donau'], colour: 'blue' }, { term: 'Black Sea', colour: 'nope' }, { term: '  ' }]);
  assert.equal(list.length, 2);
  assert.equal(list[1].colour, 'yellow');
  const find = matcher(list);
  const hits = find('The danube (Donau) meets the Black Sea; Danubes and Blacksea do not count.');
  assert.deepEqual(hits.map((h) => h.term), [0, 0, 1]);
  assert.deepEqual(hits.map((h) => [h.start, h.end]), [[4, 10], [12, 17], [29, 38]]);
  assert.equal(matcher([]), null);
  assert.deepEqual(matcher(normalise([{ term: 'a.b' }]))('axb a.b'), [{ start: 4, end: 7, term: 0 }]);
});

test('entity export: CSV quoting, formula guard, a line per mention; JSON', () => {
  const rows = [
    { name: 'Maria Santos', type: 'PER', count: 2, mentions: [{ text: 'Maria Santos', sentence: 'Maria Santos said "yes", then left.' }, { text: 'Santos', sentence: 'Santos agreed.' }] },
    { name: '=SUM(A1)', type: 'MISC', count: 0, mentions: [] },
  ];
  const csv = toCSV(rows).split('\r\n');
  assert.equal(csv[0], 'name,type,mentions,mention,sentence');
  assert.equal(csv[1], 'Maria Santos,PER,2,Maria Santos,"Maria Santos said ""yes"", then left."');
  assert.equal(csv[2], 'Maria Santos,PER,2,Santos,Santos agreed.');
  assert.equal(csv[3], "'=SUM(A1),MISC,0,,");
  const json = JSON.parse(toJSON(rows, { title: 'T' }));
  assert.equal(json.entities[0].mentions[1].sentence, 'Santos agreed.');
  assert.equal(sentenceAround('One here. Two there. Three.', 12), 'Two there.');
});

test('progress, current section, typography settings', () => {
  assert.equal(readFraction(0, 800, 100, 2000), 0.35);
  assert.equal(readFraction(5000, 800, 100, 2000), 1);
  assert.equal(readFraction(0, 800, 100, 0), 0);
  assert.equal(currentIndex([100, 500, 900], 50), -1);
  assert.equal(currentIndex([100, 500, 900], 600), 1);
  assert.deepEqual(normaliseTypography({ letterSpacing: 0.05, wordSpacing: 9, legible: 'yes', focusLines: 3 }),
    { letterSpacing: 0.05, wordSpacing: 0, legible: false, focusLines: 3 });
});
