// The entity panel's export: every entity with its type, mention count and each mention with the
// sentence it is in, as JSON or CSV (RFC 4180 quoting; cells that a spreadsheet would run as a
// formula are prefixed with an apostrophe).

// `mentions`: the marks of each entity, grouped by mention (view.js's byEntity).
// `sentenceOf(markElement)`: the sentence around a mark.
export function entityRows(entities, mentions, sentenceOf) {
  return entities.map((e) => ({
    name: e.name,
    type: e.label,
    count: e.count,
    mentions: (mentions.get(e.id) || []).map((pieces) => ({
      text: pieces.map((m) => m.textContent).join(' '),
      sentence: sentenceOf(pieces[0]),
    })),
  }));
}

export function toJSON(rows, meta = {}) {
  return JSON.stringify({ ...meta, entities: rows }, null, 2);
}

function cell(v) {
  let s = String(v ?? '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

// One line per mention (an entity with no mention keeps one line), so each keeps its sentence.
export function toCSV(rows) {
  const lines = [['name', 'type', 'mentions', 'mention', 'sentence']];
  for (const r of rows) {
    if (!r.mentions.length) lines.push([r.name, r.type, r.count, '', '']);
    for (const m of r.mentions) lines.push([r.name, r.type, r.count, m.text, m.sentence]);
  }
  return `${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}

// The sentence of `text` that covers offset `at` (Intl.Segmenter where there is one).
export function sentenceAround(text, at, lang) {
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    const seg = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' }).segment(text).containing(Math.min(at, Math.max(0, text.length - 1)));
    if (seg) return seg.segment.trim().replace(/\s+/g, ' ');
  }
  return text.trim().replace(/\s+/g, ' ');
}
