// The reader view's interface, shared by the extension's reader page and the www playground:
// toolbar (font size, family, width, line height, theme, highlights), the article (HTML made and
// sanitised by the wasm core), the entity legend and the entity panel. No browser-extension API
// here: the host page passes settings in and gets changes back.

import { t, tEnglish } from './i18n.js';

export const LABELS = [
  ['PER', t('label_PER')], ['ORG', t('label_ORG')], ['LOC', t('label_LOC')], ['MISC', t('label_MISC')],
  ['DATE', t('label_DATE')], ['TIME', t('label_TIME')], ['MONEY', t('label_MONEY')], ['PERCENT', t('label_PERCENT')],
];
const LABEL_NAME = Object.fromEntries(LABELS);

// Builds an element: attributes (on* as listeners, text as its text) and children.
export function h(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids.flat()) if (kid != null) el.append(kid);
  return el;
}

// `main`: the article's <main> already on the page (the extension's preload.js shows the first
// article before this module runs), taken over as it is.
export function createReader(root, { settings, limits, onChange = () => {}, onClose = null, main: shown = null }) {
  let s = { ...settings };
  let current = null; // {result, byEntity: Map<id, mark[][]>}
  let selected = null; // {id, index}
  let lastMarked = true;
  const showHooks = []; // features.js: called after each article is shown

  const status = h('div', { class: 'lx-status', role: 'status', 'aria-live': 'polite' });
  const main = shown || h('main', { class: 'lx-main', id: 'lx-main', tabindex: '-1' });
  const legend = h('div', { class: 'lx-legend', role: 'group', 'aria-label': t('entityTypes'), hidden: true });
  const panelList = h('div', { class: 'lx-panel-list' });
  const stepInfo = h('span', { class: 'lx-step-info', 'aria-live': 'polite' });
  const panel = h('aside', { class: 'lx-panel', id: 'lx-panel', 'aria-label': t('entities'), role: 'complementary', hidden: true },
    h('div', { class: 'lx-panel-head' },
      h('h2', { text: t('entities') }),
      h('button', { class: 'lx-btn lx-icon', type: 'button', 'aria-label': t('closePanel'), onclick: () => togglePanel(false) }, '×')),
    h('div', { class: 'lx-stepper' },
      h('button', { class: 'lx-btn', type: 'button', 'data-step': '-1', 'aria-label': t('prevMention'), onclick: () => step(-1) }, '‹'),
      stepInfo,
      h('button', { class: 'lx-btn', type: 'button', 'data-step': '1', 'aria-label': t('nextMention'), onclick: () => step(1) }, '›')),
    panelList);

  const sizeOut = h('output', { class: 'lx-val', 'aria-live': 'polite' });
  const widthOut = h('output', { class: 'lx-val' });
  const lhOut = h('output', { class: 'lx-val' });
  const themeSel = h('select', { class: 'lx-select', 'aria-label': t('theme'), onchange: (e) => set({ theme: e.target.value }) },
    h('option', { value: 'auto' }, t('themeSystem')), h('option', { value: 'light' }, t('themeLight')),
    h('option', { value: 'sepia' }, t('themeSepia')), h('option', { value: 'dark' }, t('themeDark')));
  const fontSel = h('select', { class: 'lx-select', 'aria-label': t('font'), onchange: (e) => set({ font: e.target.value }) },
    h('option', { value: 'serif' }, t('fontSerif')), h('option', { value: 'sans' }, t('fontSans')));
  const hlBox = h('input', { type: 'checkbox', id: 'lx-hl', onchange: (e) => set({ highlights: e.target.checked }, true) });
  const entBtn = h('button', { class: 'lx-btn', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'lx-panel', id: 'lx-entities-btn', onclick: () => togglePanel() }, t('entities'));
  const extra = h('div', { class: 'lx-extra' });

  const bump = (key, delta) => {
    const [lo, hi] = limits[key];
    const v = Math.round((s[key] + delta) * 100) / 100;
    set({ [key]: Math.min(hi, Math.max(lo, v)) });
  };
  const toolbar = h('div', { class: 'lx-toolbar', role: 'toolbar', 'aria-label': t('readerSettings') },
    onClose ? h('button', { class: 'lx-btn lx-close', type: 'button', id: 'lx-close', 'aria-label': t('closeReader'), title: t('closeReader'), onclick: () => onClose() }, '×') : null,
    h('div', { class: 'lx-group', role: 'group', 'aria-label': t('fontSize') },
      // The name is the hidden text, so that the visible "A−" need not be part of it (WCAG 2.5.3).
      h('button', { class: 'lx-btn', type: 'button', id: 'lx-size-down', title: t('smaller'), onclick: () => bump('fontSize', -1) }, h('span', { 'aria-hidden': 'true' }, 'A−'), h('span', { class: 'lx-sr' }, t('smaller'))),
      sizeOut,
      h('button', { class: 'lx-btn', type: 'button', id: 'lx-size-up', title: t('larger'), onclick: () => bump('fontSize', 1) }, h('span', { 'aria-hidden': 'true' }, 'A+'), h('span', { class: 'lx-sr' }, t('larger')))),
    fontSel,
    h('div', { class: 'lx-group', role: 'group', 'aria-label': t('lineWidth') },
      h('button', { class: 'lx-btn', type: 'button', 'aria-label': t('narrower'), onclick: () => bump('width', -4) }, '⇤'),
      widthOut,
      h('button', { class: 'lx-btn', type: 'button', 'aria-label': t('wider'), onclick: () => bump('width', 4) }, '⇥')),
    h('div', { class: 'lx-group', role: 'group', 'aria-label': t('lineHeight') },
      h('button', { class: 'lx-btn', type: 'button', 'aria-label': t('tighter'), onclick: () => bump('lineHeight', -0.1) }, '≡−'),
      lhOut,
      h('button', { class: 'lx-btn', type: 'button', 'aria-label': t('looser'), onclick: () => bump('lineHeight', 0.1) }, '≡+')),
    themeSel,
    h('label', { class: 'lx-check', for: 'lx-hl' }, hlBox, ` ${t('highlights')}`),
    entBtn,
    extra);

  root.replaceChildren(toolbar, h('div', { class: 'lx-page' }, status, legend, main), panel);
  const doc = root.ownerDocument;

  function apply() {
    const de = doc.documentElement;
    de.dataset.theme = s.theme;
    de.dataset.font = s.font;
    de.style.setProperty('--lx-size', `${s.fontSize}px`);
    de.style.setProperty('--lx-measure', `${s.width}ch`);
    de.style.setProperty('--lx-lh', String(s.lineHeight));
    sizeOut.textContent = `${s.fontSize}`;
    widthOut.textContent = `${s.width}`;
    lhOut.textContent = s.lineHeight.toFixed(1);
    themeSel.value = s.theme;
    fontSel.value = s.font;
    hlBox.checked = s.highlights;
    for (const [label] of LABELS) main.classList.toggle(`lx-hide-${label}`, s.hiddenLabels.includes(label));
    for (const b of legend.querySelectorAll('button[data-label]')) {
      b.setAttribute('aria-pressed', String(!s.hiddenLabels.includes(b.dataset.label)));
    }
  }

  // `reprocess`: the change needs the article processed again (highlights on/off).
  function set(patch, reprocess = false) {
    s = { ...s, ...patch };
    apply();
    onChange(patch, reprocess);
  }

  function togglePanel(open) {
    const show = open ?? panel.hidden;
    panel.hidden = !show;
    entBtn.setAttribute('aria-expanded', String(show));
    doc.documentElement.classList.toggle('lx-panel-open', show);
    if (show) (panel.querySelector('.lx-entity') || panel).focus();
    else entBtn.focus();
  }

  function clearSelection() {
    for (const m of main.querySelectorAll('mark.lx-selected, mark.lx-current')) m.classList.remove('lx-selected', 'lx-current');
    for (const b of panel.querySelectorAll('.lx-entity[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
    selected = null;
    stepInfo.textContent = '';
  }

  function choose(id) {
    if (selected && selected.id === id) { step(1); return; }
    clearSelection();
    const mentions = current.byEntity.get(id) || [];
    if (!mentions.length) return;
    for (const pieces of mentions) for (const m of pieces) m.classList.add('lx-selected');
    const btn = panel.querySelector(`.lx-entity[data-entity="${id}"]`);
    if (btn) btn.setAttribute('aria-pressed', 'true');
    selected = { id, index: -1 };
    step(1);
  }

  function step(delta) {
    if (!selected) return;
    const mentions = current.byEntity.get(selected.id) || [];
    if (!mentions.length) return;
    const n = mentions.length;
    if (selected.index >= 0) for (const m of mentions[selected.index]) m.classList.remove('lx-current');
    selected.index = ((selected.index + delta) % n + n) % n;
    const pieces = mentions[selected.index];
    for (const m of pieces) m.classList.add('lx-current');
    pieces[0].scrollIntoView({ block: 'center', behavior: 'instant' });
    stepInfo.textContent = `${selected.index + 1} / ${n}`;
  }

  // `marked`: entities were asked for (false for the article shown before its marks).
  function buildEntities(result, marked) {
    // Group the marks: entity id -> mentions (in document order) -> pieces of one mention.
    const byEntity = new Map();
    const byMention = new Map();
    for (const m of main.querySelectorAll('mark.lx-ent')) {
      const key = m.dataset.mention;
      let pieces = byMention.get(key);
      if (!pieces) {
        pieces = [];
        byMention.set(key, pieces);
        const id = Number(m.dataset.entity);
        if (!byEntity.has(id)) byEntity.set(id, []);
        byEntity.get(id).push(pieces);
      }
      pieces.push(m);
    }
    // The small type label goes after the last piece of each mention only.
    for (const pieces of byMention.values()) pieces[pieces.length - 1].classList.add('lx-last');
    current = { result, byEntity };

    const ents = (result.entities && result.entities.entities) || [];
    const counts = new Map();
    for (const e of ents) counts.set(e.label, (counts.get(e.label) || 0) + 1);
    legend.replaceChildren(...LABELS.filter(([l]) => counts.has(l)).map(([l, name]) =>
      h('button', {
        class: `lx-legend-item lx-key-${l}`, type: 'button', 'data-label': l, 'aria-pressed': 'true',
        title: t('showOrHide', name),
        onclick: () => {
          const hidden = new Set(s.hiddenLabels);
          if (hidden.has(l)) hidden.delete(l); else hidden.add(l);
          set({ hiddenLabels: [...hidden] });
        },
      }, h('span', { class: 'lx-swatch', 'aria-hidden': 'true' }), `${name} `, h('span', { class: 'lx-count' }, String(counts.get(l))))));
    // The names tagger knows English only: say so rather than leave the reader guessing.
    const noNames = marked && result.entities && result.entities.names === false;
    if (noNames) {
      legend.append(h('span', { class: 'lx-legend-note', role: 'note' }, t('englishOnly')));
    }
    legend.hidden = !ents.length && !noNames;
    // Kept even without entities: the panel also holds the watchlist.
    entBtn.hidden = false;

    const groups = LABELS.filter(([l]) => counts.has(l)).map(([l, name]) => {
      const list = ents.filter((e) => e.label === l).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return h('section', { class: 'lx-group-ents', 'data-label': l },
        h('h3', { class: `lx-key-${l}` }, h('span', { class: 'lx-swatch', 'aria-hidden': 'true' }), name),
        h('ul', {}, list.map((e) => h('li', {},
          h('button', {
            class: 'lx-entity', type: 'button', 'data-entity': e.id, 'data-label': l, 'aria-pressed': 'false',
            onclick: () => choose(e.id),
          }, h('span', { class: 'lx-entity-name' }, e.name), h('span', { class: 'lx-count', 'aria-label': t('mentions', String(e.count)) }, String(e.count)))))));
    });
    panelList.replaceChildren(...groups);
  }

  // `inPlace`: main already holds this result's article (preload.js showed it).
  function show(result, { marked = true, inPlace = false } = {}) {
    clearSelection();
    status.replaceChildren();
    status.hidden = true;
    // The core's reader_html is sanitised in Rust (no scripts, handlers or foreign resources
    // besides the article's own images); this page's CSP would block scripts anyway.
    // Parsed in an inert document, then moved in.
    if (!inPlace) {
      const parsed = new DOMParser().parseFromString(`<body>${result.reader_html}</body>`, 'text/html');
      main.replaceChildren(...parsed.body.childNodes);
    }
    // The legend sits between the article's header and its body.
    const header = main.querySelector('.lx-header');
    if (header) header.after(legend); else main.prepend(legend);
    const lang = result.article && result.article.lang;
    if (lang) main.lang = lang;
    buildEntities(result, marked);
    lastMarked = marked;
    apply();
    for (const fn of showHooks) fn({ marked });
    doc.title = (result.article && result.article.title) || t('readerView');
    main.focus({ preventScroll: true });
  }

  function showMessage(title, detail, actions = []) {
    clearSelection();
    current = { result: null, byEntity: new Map() };
    main.replaceChildren();
    legend.hidden = true;
    status.before(legend);
    entBtn.hidden = true;
    panel.hidden = true;
    status.hidden = false;
    status.replaceChildren(
      h('h1', { class: 'lx-status-title' }, tEnglish(title)),
      detail ? h('p', { class: 'lx-status-detail' }, tEnglish(detail)) : null,
      actions.length ? h('p', { class: 'lx-actions' }, actions.map(([label, fn]) => h('button', { class: 'lx-btn lx-action', type: 'button', onclick: fn }, tEnglish(label)))) : null);
    const first = status.querySelector('button');
    if (first) first.focus();
  }

  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      if (!panel.hidden) { togglePanel(false); e.preventDefault(); return; }
      if (onClose) { e.preventDefault(); onClose(); }
    } else if (selected && (e.key === 'n' || e.key === 'N') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      step(e.key === 'n' ? 1 : -1);
    }
  });

  // A mention clicked in the text: its entity selected in the panel, stepping from that mention.
  function selectMention(mark) {
    const id = Number(mark.dataset.entity);
    const mentions = current.byEntity.get(id) || [];
    const index = mentions.findIndex((pieces) => pieces.includes(mark));
    if (index < 0) return;
    if (panel.hidden) togglePanel(true);
    if (!selected || selected.id !== id) choose(id);
    for (const m of main.querySelectorAll('mark.lx-current')) m.classList.remove('lx-current');
    selected.index = index - 1;
    step(1);
    const btn = panel.querySelector(`.lx-entity[data-entity="${id}"]`);
    if (btn) { btn.scrollIntoView({ block: 'nearest' }); btn.focus({ preventScroll: true }); }
  }

  apply();
  return {
    show, showMessage, settings: () => ({ ...s }), extra, labelName: (l) => LABEL_NAME[l] || l,
    parts: { main, panel, panelList, toolbar, legend },
    current: () => current || { result: null, byEntity: new Map() },
    // A hook added after an article was shown runs on it at once.
    onShow: (fn) => { showHooks.push(fn); if (current && current.result) fn({ marked: lastMarked }); },
    selectMention,
    // Shows the current result again (the watchlist changed).
    rerender: () => { if (current && current.result) { const top = doc.scrollingElement.scrollTop; show(current.result, { marked: lastMarked }); doc.scrollingElement.scrollTop = top; } },
  };
}
