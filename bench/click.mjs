#!/usr/bin/env node
// The click, measured where users click: the real extension, clicked the real way (Chromium's
// toolbar action through CDP, Firefox's own Alt+Shift+R handling), on real pages served from
// 127.0.0.1: Mozilla's Readability test pages and 50 pages of wceb-dev. Uses the browser-test
// drivers (tests/e2e/chromium.mjs, firefox.mjs). Run `node bench/click.mjs --help`.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { summarize, median } from './stats.mjs';
import * as chromium from '../tests/e2e/chromium.mjs';
import * as firefox from '../tests/e2e/firefox.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELP = `usage: node bench/click.mjs [options]
  --browsers LIST  chromium,firefox [chromium]
  --mozilla N      how many of the Mozilla pages (spread over the corpus) [all]
  --wceb N         how many wceb-dev pages (spread over the corpus) [50]
  --fresh N        first clicks, each in a fresh browser profile [5]
  --reader-view    Firefox only: also time Firefox's own Reader View on the same pages
  --before DIR     an older extension folder, measured side by side (interleaved) [$BEFORE]
  --out FILE       JSON with every timing [bench/results/click.json]
Environment: LECTERN_SHARED (default ../shared).`;

function parseArgs(argv) {
  const o = { browsers: ['chromium'], mozilla: Infinity, wceb: 50, fresh: 5, readerView: false, before: process.env.BEFORE || '', out: path.join(ROOT, 'bench/results/click.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i];
    if (a === '--browsers') o.browsers = val().split(',');
    else if (a === '--mozilla') o.mozilla = Number(val());
    else if (a === '--wceb') o.wceb = Number(val());
    else if (a === '--fresh') o.fresh = Number(val());
    else if (a === '--reader-view') o.readerView = true;
    else if (a === '--before') o.before = val();
    else if (a === '--out') o.out = val();
    else if (a === '--help' || a === '-h') { console.log(HELP); process.exit(0); }
    else throw new Error(`unknown option ${a}\n${HELP}`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const SHARED = process.env.LECTERN_SHARED || path.resolve(ROOT, '..', 'shared');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const spread = (xs, n) => (n >= xs.length ? xs : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]));

// The pages: /m/NAME/ is a Mozilla test page, /w/NNNN/ a wceb-dev page.
const mozDir = path.join(SHARED, 'corpus/readability');
const webDir = path.join(SHARED, 'corpus/wceb-dev/html');
const mozilla = spread(fs.readdirSync(mozDir).filter((d) => fs.existsSync(path.join(mozDir, d, 'source.html'))).sort(), opts.mozilla)
  .map((d) => `/m/${d}/`);
const wceb = spread(fs.readdirSync(webDir).filter((f) => f.endsWith('.html.gz')).sort(), opts.wceb)
  .map((f) => `/w/${f.replace('.html.gz', '')}/`);
const PAGES = [...mozilla, ...wceb];

function body(p) {
  const [, kind, name] = p.split('/');
  if (kind === 'm') return fs.readFileSync(path.join(mozDir, name, 'source.html'));
  if (kind === 'w') return zlib.gunzipSync(fs.readFileSync(path.join(webDir, `${name}.html.gz`)));
  return null;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const m = url.pathname.match(/^\/([mw])\/([^/]+)\/$/);
  const b = m && body(url.pathname);
  if (!b) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end(); return; }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(b);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

const variants = [{ label: 'now', ext: path.join(ROOT, 'extension') }];
if (opts.before) variants.push({ label: 'before', ext: path.resolve(opts.before) });
const drivers = { chromium, firefox };

// The page's main-thread busy time from the click to the marks (Chromium: the page renderer's
// task time from CDP; the reader frame runs in the extension's own process), and where it went:
// script (capture.js, the page's own), layout, style.
// `cpu` is the main thread's CPU time (ThreadTime): unlike the tasks' wall time it leaves out the
// time the thread waited for a core, which on a loaded 2-core machine is much of a click's.
const BUSY = { busy: 'TaskDuration', cpu: 'ThreadTime', script: 'ScriptDuration', layout: 'LayoutDuration', style: 'RecalcStyleDuration' };
async function busyMs(driver, env, page) {
  if (driver.name !== 'chromium') return null;
  if (!page.__cdp) { page.__cdp = await page.context().newCDPSession(page); await page.__cdp.send('Performance.enable'); }
  const { metrics } = await page.__cdp.send('Performance.getMetrics');
  return Object.fromEntries(Object.entries(BUSY).map(([k, name]) => [k, 1000 * metrics.find((m) => m.name === name).value]));
}
const IDLE_MS = 200;
const busyPart = (b0, b1, k) => (b0 == null || b1 == null ? null : b1[k] - b0[k]);

// The steps of a click that the extension records (data-times on the reader's root), in order:
// the background's (the click received, the scripts injected, the page captured, the warm
// core's article done) and the reader frame's (navigation start, reader.html received, preload.js
// running, its modules running, the settings and the page in, the article shown, the marks asked
// for).
const PHASES = [
  ['click', 'background got the click'], ['injected', 'scripts injected'], ['captured', 'page captured (background has it)'],
  ['frame', 'reader frame navigation start'], ['response', 'reader.html received'], ['preload', 'preload.js running'],
  ['modules', 'reader modules running'], ['settings', 'reader settings and view ready'],
  ['warmed', 'warm core article done'], ['payload', 'reader has the page and article'],
  ['early', 'article shown by preload.js'], ['show', 'view shows the article'],
  ['shown', 'article shown'], ['marksAsked', 'marks asked for'],
];

// A paint time (wall clock), beside the article's DOM time: the reader frame's first
// largest-contentful-paint entry after the article went in. Chromium's entries there start with
// the view's toolbar: the article preload.js shows before the view gets none (a CDP trace,
// bench/click-trace.mjs, shows that frame presented ~30 ms before the toolbar's in one traced click), so this is
// when the view was painted, not the article. Null where the browser has no LCP entries.
async function articlePainted(driver, env, page, articleAt) {
  const ms = await driver.evalReader(env, page, (at) => new Promise((resolve) => {
    if (!globalThis.PerformanceObserver || !PerformanceObserver.supportedEntryTypes.includes('largest-contentful-paint')) { resolve(null); return; }
    const t = setTimeout(() => resolve(null), 500);
    new PerformanceObserver((list) => {
      const after = list.getEntries().map((e) => performance.timeOrigin + (e.renderTime || e.startTime)).filter((x) => x >= at);
      clearTimeout(t);
      resolve(after.length ? Math.min(...after) : null);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }), articleAt).catch(() => null);
  return typeof ms === 'number' ? Math.round(ms) : null;
}

// One click on a page in an open browser: click→article, click→marks, page busy, states.
async function clickOnce(driver, env, pagePath, tag, { idle = true } = {}) {
  let page;
  try {
    page = await driver.openPage(env, `${ORIGIN}${pagePath}?${tag}`);
  } catch (e) {
    // A page that navigates away by itself (to an address outside this machine) is skipped.
    return { page: pagePath, state: 'load-error', error: String(e && e.message).slice(0, 100) };
  }
  await sleep(100); // let the page's own start-up tasks settle
  // The page's own busy rate without a click (its timers, animations), over IDLE_MS just
  // before the click: subtracted from the click's window below, so that the busy time counts
  // what the click causes and not what the page does anyway.
  // Not before a first click in a fresh profile: the wait would give the warm core time to start.
  const idle0 = idle ? await busyMs(driver, env, page) : null;
  const i0 = Date.now();
  if (idle0) await sleep(IDLE_MS);
  const busy0 = await busyMs(driver, env, page);
  const t0 = Date.now();
  const idleRate = idle0 && busy0 ? Math.max(0, busy0.busy - idle0.busy) / Math.max(1, t0 - i0) : 0;
  const idleCpuRate = idle0 && busy0 ? Math.max(0, busy0.cpu - idle0.cpu) / Math.max(1, t0 - i0) : 0;
  try {
    await driver.click(env, page);
  } catch (e) {
    // The page went elsewhere by itself after loading (a script redirect off this machine).
    await driver.closePage(env, page);
    return { page: pagePath, state: 'click-error', error: String(e && e.message).slice(0, 100) };
  }
  let state = 'timeout';
  try { state = await driver.waitReader(env, page, ['ready', 'no-article', 'error'], 20000); } catch { /* timeout */ }
  const d = (await driver.evalReader(env, page, () => ({ ...document.documentElement.dataset })).catch(() => null)) || {};
  const painted = d.articleAt ? await articlePainted(driver, env, page, Number(d.articleAt)) : null;
  const busy1 = await busyMs(driver, env, page);
  const window = Date.now() - t0;
  await driver.closePage(env, page);
  let times = null;
  try { times = d.times ? JSON.parse(d.times) : null; } catch { times = null; }
  return {
    // Each step's wall-clock time from the click (PHASES): where the time goes.
    phases: times ? Object.fromEntries(PHASES.map(([k]) => [k, typeof times[k] === 'number' ? times[k] - t0 : null])) : null,
    page: pagePath, state,
    article: d.articleAt ? Number(d.articleAt) - t0 : null,
    painted: painted != null ? painted - t0 : null,
    marks: state === 'ready' && d.entitiesAt ? Number(d.entitiesAt) - t0 : null,
    // The click's own: the raw busy time less the page's idle rate over the same window.
    busy: busy0 && busy1 ? Math.max(0, busyPart(busy0, busy1, 'busy') - idleRate * window) : null,
    busyRaw: busyPart(busy0, busy1, 'busy'),
    // The same for the main thread's CPU time.
    busyCpu: busy0 && busy1 ? Math.max(0, busyPart(busy0, busy1, 'cpu') - idleCpuRate * window) : null,
    busyIdle: busy0 && busy1 ? idleRate * window : null,
    busyScript: busyPart(busy0, busy1, 'script'),
    busyLayout: busyPart(busy0, busy1, 'layout'),
    busyStyle: busyPart(busy0, busy1, 'style'),
    capture: d.captureMs ? Number(d.captureMs) : null,
    process: d.processMs ? Number(d.processMs) : null,
  };
}

// Firefox's own Reader View on the same page: navigation to the rendered article.
async function readerViewOnce(env, pagePath, tag) {
  const page = await env.browser.newPage();
  const ctx = page.mainFrame()._id;
  const t0 = Date.now();
  await env.conn.send('browsingContext.navigate', { context: ctx, url: `about:reader?url=${encodeURIComponent(`${ORIGIN}${pagePath}?${tag}`)}`, wait: 'none' });
  let ms = null;
  for (let i = 0; i < 2000; i++) {
    const r = await env.conn.send('script.evaluate', {
      expression: "(() => { const c = document.querySelector('.moz-reader-content'); if (c && c.children.length) return 'ok'; const e = document.querySelector('.reader-message'); return e && e.textContent.trim() && getComputedStyle(document.body).display && document.body.classList.contains('not-loading') ? 'fail' : ''; })()",
      target: { context: ctx }, awaitPromise: false,
    }).catch(() => null);
    const v = r && r.result && r.result.result && r.result.result.value;
    if (v === 'ok') { ms = Date.now() - t0; break; }
    if (v === 'fail') break;
    await sleep(5);
  }
  await page.close().catch(() => {});
  return ms;
}

const fmt = (x) => (x == null ? '-' : String(Math.round(x)));
function line(label, xs) {
  const s = summarize(xs.filter((x) => x != null));
  return `${label.padEnd(44)} ${String(s.n).padStart(4)} ${fmt(s.median).padStart(8)} ${fmt(s.p95).padStart(8)} ${fmt(s.max).padStart(8)}`;
}

const all = {};
for (const bname of opts.browsers) {
  const driver = drivers[bname];
  if (!driver || !driver.available()) { console.error(`${bname}: not available, skipped`); continue; }
  console.error(`${bname}: ${PAGES.length} pages (${mozilla.length} Mozilla, ${wceb.length} wceb-dev), variants ${variants.map((v) => v.label).join(', ')}`);

  // First clicks, each in a fresh profile (variants interleaved).
  const first = Object.fromEntries(variants.map((v) => [v.label, []]));
  const firstPages = spread(mozilla, opts.fresh);
  for (let i = 0; i < firstPages.length; i++) {
    for (const v of (i % 2 ? [...variants].reverse() : variants)) {
      const env = await driver.launch({ ext: v.ext });
      await sleep(300);
      first[v.label].push(await clickOnce(driver, env, firstPages[i], `fresh${i}`, { idle: false }));
      await env.close();
    }
  }

  // Warm: one browser per variant, the pages interleaved (alternating order).
  const envs = {};
  for (const v of variants) envs[v.label] = await driver.launch({ ext: v.ext });
  const warm = Object.fromEntries(variants.map((v) => [v.label, []]));
  const rv = [];
  // One untimed click per variant first: the warm figures are about later clicks.
  for (const v of variants) await clickOnce(driver, envs[v.label], mozilla[0], 'warmup');
  for (let i = 0; i < PAGES.length; i++) {
    for (const v of (i % 2 ? [...variants].reverse() : variants)) {
      const r = await clickOnce(driver, envs[v.label], PAGES[i], `${v.label}${i}`);
      warm[v.label].push(r);
      if (process.env.VERBOSE) console.error(bname, v.label, JSON.stringify(r));
    }
    if (opts.readerView && bname === 'firefox') rv.push({ page: PAGES[i], ms: await readerViewOnce(envs[variants[0].label], PAGES[i], `rv${i}`) });
  }
  for (const v of variants) await envs[v.label].close();

  console.log(`\n${bname}: click timings in ms (${PAGES.length} pages, one click each; fresh: ${firstPages.length} first clicks)`);
  console.log(`${'measure'.padEnd(44)} ${'n'.padStart(4)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
  for (const v of variants) {
    const w = warm[v.label];
    const f = first[v.label];
    console.log(line(`[${v.label}] click to article`, w.map((r) => r.article)));
    console.log(line(`[${v.label}] click to view painted (LCP)`, w.map((r) => r.painted)));
    console.log(line(`[${v.label}] click to marks`, w.map((r) => r.marks)));
    if (bname === 'chromium') {
      console.log(line(`[${v.label}] page main thread busy (the click's own)`, w.map((r) => r.busy)));
      console.log(line(`[${v.label}] ... raw, with the page's own tasks`, w.map((r) => r.busyRaw)));
      console.log(line(`[${v.label}] ... CPU time (the click's own)`, w.map((r) => r.busyCpu)));
      console.log(line(`[${v.label}] ... the page's own (idle rate x window)`, w.map((r) => r.busyIdle)));
      for (const [k, label] of [['busyScript', 'script'], ['busyLayout', 'layout'], ['busyStyle', 'style']]) {
        console.log(line(`[${v.label}] ... of which ${label}`, w.map((r) => r[k])));
      }
    }
    console.log(line(`[${v.label}] capture in the page`, w.map((r) => r.capture)));
    for (const [k, label] of PHASES) {
      const xs = w.map((r) => (r.phases ? r.phases[k] : null));
      if (xs.some((x) => x != null)) console.log(line(`[${v.label}] ... at: ${label}`, xs));
    }
    console.log(line(`[${v.label}] first click, fresh profile, to article`, f.map((r) => r.article)));
    console.log(line(`[${v.label}] first click, fresh profile, to view painted`, f.map((r) => r.painted)));
    console.log(line(`[${v.label}] first click, fresh profile, to marks`, f.map((r) => r.marks)));
    const states = {};
    for (const r of w) states[r.state] = (states[r.state] || 0) + 1;
    console.log(`[${v.label}] states: ${JSON.stringify(states)}`);
  }
  if (rv.length) {
    const w = warm[variants[0].label];
    const ratios = rv.map((r, i) => (r.ms && w[i].article ? w[i].article / r.ms : null)).filter((x) => x != null);
    console.log(line('Firefox Reader View, navigation to article', rv.map((r) => r.ms)));
    console.log(`Lectern / Reader View, per page, median ratio: ${median(ratios) == null ? '-' : median(ratios).toFixed(2)}x over ${ratios.length} pages`);
  }
  all[bname] = { first, warm, readerView: rv };
}

fs.mkdirSync(path.dirname(opts.out), { recursive: true });
fs.writeFileSync(opts.out, JSON.stringify({ origin: 'bench/click.mjs', pages: PAGES, results: all }, null, 1));
console.error(`wrote ${path.relative(ROOT, opts.out)}`);
server.close();
