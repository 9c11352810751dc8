// The reader's extra features, shared by the extension and the playground: read aloud, contents,
// progress, reading position, spacing and the legible font, line focus, export, the entity export
// and the watchlist. The host passes its storage (store.js) and the page URL.
import { createSpeechUi } from './speech-ui.js';
import { buildToc } from './toc.js';
import { readFraction } from './progress.js';
import { createPositions } from './position.js';
import { LETTER, WORD, normaliseTypography, applyTypography } from './spacing.js';
import { toMarkdown, toHtml, fileName, download, copyText } from './export.js';
import { entityRows, toCSV, toJSON, sentenceAround } from './entity-export.js';
import { COLOURS, loadWatchlist, saveWatchlist, markWatchlist } from './watchlist.js';
import { t } from './i18n.js';
import { h } from './view.js';

const PREFS = 'readerPrefs';

// `sync`: settings and the watchlist; `local`: reading positions (this device only).
// `creditsUrl`: the credits page, linked from the More menu.
export async function attachFeatures(reader, { sync, local, url, creditsUrl }) {
  const doc = document;
  const de = doc.documentElement;
  const { main, panelList, toolbar } = reader.parts;
  // Both reads at once: each is a round trip to the browser.
  const [savedPrefs, savedWatch] = await Promise.all([sync.get(PREFS), loadWatchlist(sync)]);
  let prefs = { ...(savedPrefs || {}) };
  const savePrefs = (patch) => { prefs = { ...prefs, ...patch }; sync.set(PREFS, prefs); };
  let typo = normaliseTypography(prefs);
  applyTypography(de, typo);
  const positions = createPositions(local);
  let watch = savedWatch;

  // --- Read aloud
  const speech = createSpeechUi({ doc, main, h, t, prefs, savePrefs, status: de });

  // --- Text settings (spacing, font, line focus)
  const setTypo = (patch) => { typo = normaliseTypography({ ...typo, ...patch }); applyTypography(de, typo); savePrefs(patch); };
  const pct = (v) => `${Math.round(v * 100)}%`;
  const letterSel = h('select', { class: 'lx-select', id: 'lx-letter', onchange: (e) => setTypo({ letterSpacing: Number(e.target.value) }) },
    LETTER.map((v) => h('option', { value: String(v) }, v ? `+${pct(v)}` : t('normal'))));
  const wordSel = h('select', { class: 'lx-select', id: 'lx-word', onchange: (e) => setTypo({ wordSpacing: Number(e.target.value) }) },
    WORD.map((v) => h('option', { value: String(v) }, v ? `+${pct(v)}` : t('normal'))));
  const focusSel = h('select', { class: 'lx-select', id: 'lx-focus', onchange: (e) => setTypo({ focusLines: Number(e.target.value) }) },
    h('option', { value: '0' }, t('off')), h('option', { value: '1' }, t('oneLine')), h('option', { value: '3' }, t('threeLines')), h('option', { value: '5' }, t('fiveLines')));
  const legibleBox = h('input', { type: 'checkbox', id: 'lx-legible', onchange: (e) => setTypo({ legible: e.target.checked }) });
  letterSel.value = String(typo.letterSpacing); wordSel.value = String(typo.wordSpacing);
  focusSel.value = String(typo.focusLines); legibleBox.checked = typo.legible;
  const field = (label, control) => h('label', { class: 'lx-field', for: control.id }, h('span', {}, label), control);
  const textMenu = h('details', { class: 'lx-menu lx-text-menu' },
    h('summary', { class: 'lx-btn', id: 'lx-text-btn' }, t('text')),
    h('div', { class: 'lx-more-box', role: 'group', 'aria-label': t('textSettings') },
      field(t('letterSpacing'), letterSel), field(t('wordSpacing'), wordSel), field(t('lineFocus'), focusSel),
      h('label', { class: 'lx-check', for: 'lx-legible' }, legibleBox, ` ${t('legibleFont')}`)));
  const focusBands = [h('div', { class: 'lx-focus-band lx-focus-top', 'aria-hidden': 'true' }), h('div', { class: 'lx-focus-band lx-focus-bottom', 'aria-hidden': 'true' })];

  // --- Contents and progress
  const tocNav = h('nav', { class: 'lx-toc', id: 'lx-toc', 'aria-label': t('contents'), hidden: true });
  const tocBtn = h('button', { class: 'lx-btn lx-toc-btn', type: 'button', id: 'lx-toc-btn', 'aria-expanded': 'false', 'aria-controls': 'lx-toc', hidden: true,
    onclick: () => { const open = !de.classList.contains('lx-toc-open'); de.classList.toggle('lx-toc-open', open); tocBtn.setAttribute('aria-expanded', String(open)); } }, t('contents'));
  tocNav.addEventListener('click', (e) => { if (e.target.closest('a')) { de.classList.remove('lx-toc-open'); tocBtn.setAttribute('aria-expanded', 'false'); } });
  const bar = h('div', { class: 'lx-progress', role: 'progressbar', 'aria-label': t('readingProgress'), 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0' });
  let toc = null;

  // --- The position offer
  const offer = h('div', { class: 'lx-offer', role: 'region', 'aria-label': t('readingPosition'), hidden: true });

  toolbar.insertBefore(h('div', { class: 'lx-group lx-feature-tools' }, tocBtn, speech.group, textMenu), reader.extra);
  toolbar.append(bar);
  // The toolbar wraps on narrow windows: the panels below it follow its height.
  // (Its bottom edge: in the playground the toolbar starts below the page's own header.)
  const setBarHeight = () => de.style.setProperty('--lx-toolbar-h', `${Math.max(0, toolbar.getBoundingClientRect().bottom)}px`);
  if (typeof ResizeObserver === 'function') new ResizeObserver(setBarHeight).observe(toolbar);
  setBarHeight();
  doc.body.append(tocNav, ...focusBands);
  main.before(offer);

  // --- More menu: export, positions, network voices, credits
  let more = reader.extra.querySelector('.lx-more-box');
  if (!more) {
    more = h('div', { class: 'lx-more-box' });
    reader.extra.append(h('details', { class: 'lx-more' }, h('summary', { class: 'lx-btn' }, t('more')), more));
  }
  const exportMarks = h('input', { type: 'checkbox', id: 'lx-export-marks' });
  const said = h('span', { class: 'lx-fine', role: 'status' });
  const article = () => main.querySelector('.lx-article');
  const exp = (kind, how) => async () => {
    if (!article()) return;
    const opts = { marks: exportMarks.checked };
    const text = kind === 'md' ? toMarkdown(main, url(), opts) : toHtml(main, url(), opts);
    de.dataset.exported = text.length ? kind : '';
    if (how === 'copy') said.textContent = (await copyText(doc, text)) ? t('copied') : t('copyFailed');
    else download(doc, fileName(main.querySelector('.lx-title')?.textContent, kind === 'md' ? 'md' : 'html'), text, kind === 'md' ? 'text/markdown' : 'text/html');
  };
  const forgetPage = h('button', { class: 'lx-btn', type: 'button', id: 'lx-forget-page', onclick: async () => { await positions.forget(url()); said.textContent = t('forgotten'); } }, t('forgetPage'));
  const forgetAll = h('button', { class: 'lx-btn', type: 'button', id: 'lx-forget-all', onclick: async () => { await positions.forgetAll(); said.textContent = t('forgotten'); } }, t('forgetAll'));
  more.append(...[
    h('div', { class: 'lx-more-item', role: 'group', 'aria-label': t('exportArticle') },
      h('p', { class: 'lx-more-head' }, t('exportArticle')),
      h('div', { class: 'lx-row' },
        h('button', { class: 'lx-btn', type: 'button', id: 'lx-copy-md', onclick: exp('md', 'copy') }, t('copyMarkdown')),
        h('button', { class: 'lx-btn', type: 'button', id: 'lx-dl-md', onclick: exp('md', 'download') }, t('downloadMarkdown'))),
      h('div', { class: 'lx-row' },
        h('button', { class: 'lx-btn', type: 'button', id: 'lx-copy-html', onclick: exp('html', 'copy') }, t('copyHtml')),
        h('button', { class: 'lx-btn', type: 'button', id: 'lx-dl-html', onclick: exp('html', 'download') }, t('downloadHtml'))),
      h('label', { class: 'lx-check', for: 'lx-export-marks' }, exportMarks, ` ${t('withMarks')}`),
      h('button', { class: 'lx-btn', type: 'button', id: 'lx-print', onclick: () => doc.defaultView.print() }, t('print'))),
    h('div', { class: 'lx-more-item', role: 'group', 'aria-label': t('readingPosition') },
      h('p', { class: 'lx-more-head' }, t('readingPosition')), h('div', { class: 'lx-row' }, forgetPage, forgetAll)),
    speech.networkOption,
    creditsUrl ? h('a', { class: 'lx-link', href: creditsUrl, target: '_blank', rel: 'noopener', id: 'lx-credits' }, t('credits')) : null,
    said].filter(Boolean));

  // --- Entity export and watchlist in the panel
  const entityTools = h('div', { class: 'lx-panel-tools' },
    h('button', { class: 'lx-btn', type: 'button', id: 'lx-ent-csv', onclick: () => entExport('csv') }, t('exportCsv')),
    h('button', { class: 'lx-btn', type: 'button', id: 'lx-ent-json', onclick: () => entExport('json') }, t('exportJson')));
  function entRows() {
    const cur = reader.current();
    const ents = (cur.result && cur.result.entities && cur.result.entities.entities) || [];
    const lang = main.querySelector('[lang]')?.getAttribute('lang') || '';
    const sentenceOf = (mark) => {
      const block = mark.closest('p, li, td, th, h2, h3, h4, blockquote, figcaption, dd') || mark.parentElement;
      const r = doc.createRange();
      r.setStart(block, 0);
      r.setEndBefore(mark);
      return sentenceAround(block.textContent, r.toString().length, lang);
    };
    return entityRows(ents, cur.byEntity, sentenceOf);
  }
  function entExport(kind) {
    const rows = entRows();
    const title = main.querySelector('.lx-title')?.textContent || 'article';
    const text = kind === 'csv' ? toCSV(rows) : toJSON(rows, { title, url: url() });
    de.dataset.entityExport = `${kind}:${rows.length}`;
    download(doc, fileName(`${title}-entities`, kind), text, kind === 'csv' ? 'text/csv' : 'application/json');
  }

  const watchSection = h('section', { class: 'lx-watch-section', 'aria-labelledby': 'lx-watch-title' });
  const termIn = h('input', { type: 'text', id: 'lx-watch-term', class: 'lx-input', maxlength: '100', autocomplete: 'off' });
  const aliasIn = h('input', { type: 'text', id: 'lx-watch-aliases', class: 'lx-input', maxlength: '300', autocomplete: 'off' });
  const colourSel = h('select', { class: 'lx-select', id: 'lx-watch-colour' }, COLOURS.map((c) => h('option', { value: c }, t(`colour_${c}`))));
  const watchForm = h('form', { class: 'lx-watch-form', onsubmit: async (e) => {
    e.preventDefault();
    const term = termIn.value.trim();
    if (!term) { termIn.focus(); return; }
    watch = [...watch.filter((w) => w.term.toLowerCase() !== term.toLowerCase()), { term, aliases: aliasIn.value.split(',').map((s) => s.trim()).filter(Boolean), colour: colourSel.value }];
    await saveWatchlist(sync, watch);
    termIn.value = ''; aliasIn.value = '';
    reader.rerender();
  } },
  field(t('watchTerm'), termIn), field(t('watchAliases'), aliasIn), field(t('colour'), colourSel),
  h('button', { class: 'lx-btn', type: 'submit', id: 'lx-watch-add' }, t('add')));
  let watchMarks = [];
  const watchStep = new Map();
  function renderWatch() {
    const items = watch.map((w, i) => h('li', { class: 'lx-watch-item' },
      h('button', { class: 'lx-entity', type: 'button', 'data-watch': String(i), 'aria-pressed': 'false', onclick: (e) => {
        const marks = watchMarks[i] || [];
        if (!marks.length) return;
        const n = ((watchStep.get(i) ?? -1) + 1) % marks.length;
        watchStep.set(i, n);
        for (const m of main.querySelectorAll('mark.lx-watch.lx-current')) m.classList.remove('lx-current');
        marks[n].classList.add('lx-current');
        marks[n].scrollIntoView({ block: 'center', behavior: 'instant' });
        for (const b of watchSection.querySelectorAll('.lx-entity')) b.setAttribute('aria-pressed', String(b === e.currentTarget));
      } },
      h('span', { class: `lx-entity-name lx-watch-${w.colour}` }, h('span', { class: 'lx-swatch', 'aria-hidden': 'true' }), ` ${w.term}`),
      h('span', { class: 'lx-count' }, String((watchMarks[i] || []).length))),
      h('button', { class: 'lx-btn lx-icon', type: 'button', 'aria-label': t('removeTerm', w.term), onclick: async () => {
        watch = watch.filter((_, k) => k !== i);
        await saveWatchlist(sync, watch);
        reader.rerender();
      } }, '×')));
    watchSection.replaceChildren(
      h('h3', { id: 'lx-watch-title' }, t('watchlist')),
      items.length ? h('ul', {}, items) : h('p', { class: 'lx-fine' }, t('watchEmpty')),
      h('details', { class: 'lx-watch-add' }, h('summary', {}, t('addTerm')), watchForm));
  }

  // --- Keeping the position, the progress bar and the current section up to date
  const offered = new Set(); // URLs already offered in this page's life
  let saveTimer = 0;
  function onScroll() {
    setBarHeight();
    const a = article();
    if (!a) return;
    const se = doc.scrollingElement;
    const box = a.getBoundingClientRect();
    const f = readFraction(se.scrollTop, doc.defaultView.innerHeight, box.top + se.scrollTop, box.height);
    bar.style.setProperty('--lx-progress', String(f));
    bar.setAttribute('aria-valuenow', String(Math.round(f * 100)));
    if (toc) toc.update();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (se.scrollTop > 0) positions.save(url(), se.scrollTop / Math.max(1, se.scrollHeight - doc.defaultView.innerHeight), 0);
    }, 400);
  }
  doc.addEventListener('scroll', onScroll, { passive: true });

  async function offerPosition() {
    const here = url();
    if (!here || offered.has(here)) return;
    offered.add(here);
    const got = await positions.load(here);
    if (!got || got.fraction < 0.03 || got.fraction > 0.97) return;
    const go = h('button', { class: 'lx-btn', type: 'button', id: 'lx-resume', onclick: () => {
      const se = doc.scrollingElement;
      se.scrollTop = got.fraction * (se.scrollHeight - doc.defaultView.innerHeight);
      offer.hidden = true;
    } }, t('resume', String(Math.round(got.fraction * 100))));
    const no = h('button', { class: 'lx-btn', type: 'button', onclick: () => { offer.hidden = true; } }, t('dismiss'));
    offer.replaceChildren(h('span', {}, t('resumeOffer')), go, no);
    offer.hidden = false;
  }

  // --- Clicking a mark in the text selects its entity in the panel
  main.addEventListener('click', (e) => {
    const mark = e.target.closest('mark.lx-ent');
    if (mark && main.contains(mark)) reader.selectMention(mark);
  });

  function key(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target.closest && e.target.closest('input, select, textarea, [contenteditable]'))) return;
    if (speech.key(e)) e.preventDefault();
  }
  doc.addEventListener('keydown', key);

  reader.onShow(() => {
    speech.reset();
    watchMarks = markWatchlist(main.querySelector('.lx-body') || main, watch);
    de.dataset.watchMarks = String(watchMarks.reduce((n, m) => n + m.length, 0));
    renderWatch();
    panelList.prepend(watchSection, entityTools);
    toc = buildToc(doc, main, tocNav, t);
    tocNav.hidden = !toc;
    tocBtn.hidden = !toc;
    de.classList.toggle('lx-has-toc', !!toc);
    onScroll();
    offerPosition();
  });
  return { speech };
}
