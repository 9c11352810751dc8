#!/usr/bin/env node
// Lectern vs Readability.js, side by side in the same headless Chromium.
//
// Serves the benchmark page, the wasm package, Readability.js, capture.js and the corpus pages on
// 127.0.0.1 (cross-origin isolated, for 5 us timer resolution), drives Debian's Chromium with
// playwright-core, prints per-page and corpus statistics, and writes JSON + SVG + Markdown under
// bench/results/. Run `node bench/run.mjs --help`.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median, quantile, summarize } from './stats.mjs';
import { chartSvg } from './chart.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

const HELP = `usage: node bench/run.mjs [options]
  --corpus DIR     corpus of pages (each DIR/<name>/source.html)
                   [default: $LECTERN_SHARED/corpus/readability, else ../shared/corpus/readability]
  --pages A,B      only these pages            --limit N    only the first N pages
  --reps N         timed repetitions per page [9]   --warmup N   untimed rounds first [2]
  --inits N        fresh page loads to time wasm instantiation [5]
  --cold N         first-click runs: for N pages (spread over the corpus), a fresh page loads
                   both contenders and runs each once, cold [30; 0 to skip]
  --pkg DIR        wasm-bindgen output (lectern.js, lectern_bg.wasm) [www/pkg]
  --capture FILE   the extension's capture script [extension/src/capture.js]
  --out DIR        where results go [bench/results]
  --smoke          one page (001 unless --pages), 1 warm-up, 2 reps, results to a temp dir;
                   exits non-zero unless both contenders produced an article
  --chromium PATH  browser binary [/usr/bin/chromium]
  --profile FILE   also record a V8 CPU profile of the timed rounds (open it in Chrome DevTools)
                   and print the functions with the most self time`;

function parseArgs(argv) {
  const shared = process.env.LECTERN_SHARED || path.resolve(ROOT, '..', 'shared');
  const o = {
    corpus: path.join(shared, 'corpus', 'readability'),
    pages: null,
    limit: null,
    reps: 9,
    warmup: 2,
    inits: 5,
    cold: 30,
    pkg: path.join(ROOT, 'www', 'pkg'),
    capture: path.join(ROOT, 'extension', 'src', 'capture.js'),
    out: path.join(ROOT, 'bench', 'results'),
    smoke: false,
    chromium: '/usr/bin/chromium',
    profile: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const int = () => {
      const n = Number.parseInt(val(), 10);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a non-negative integer`);
      return n;
    };
    switch (a) {
      case '--help': case '-h': console.log(HELP); process.exit(0); break;
      case '--corpus': o.corpus = path.resolve(val()); break;
      case '--pages': o.pages = val().split(',').filter(Boolean); break;
      case '--limit': o.limit = int(); break;
      case '--reps': o.reps = Math.max(1, int()); break;
      case '--warmup': o.warmup = int(); break;
      case '--inits': o.inits = Math.max(1, int()); break;
      case '--cold': o.cold = int(); break;
      case '--pkg': o.pkg = path.resolve(val()); break;
      case '--capture': o.capture = path.resolve(val()); break;
      case '--out': o.out = path.resolve(val()); break;
      case '--chromium': o.chromium = val(); break;
      case '--smoke': o.smoke = true; break;
      case '--profile': o.profile = path.resolve(val()); break;
      default: throw new Error(`unknown option ${a}\n${HELP}`);
    }
  }
  if (o.smoke) {
    o.pages = o.pages || ['001'];
    o.reps = 2;
    o.warmup = 1;
    o.inits = 1;
    o.cold = 0;
    o.out = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-smoke-'));
  }
  return o;
}

function listPages(o) {
  let names = fs
    .readdirSync(o.corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(o.corpus, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  if (o.pages) {
    const missing = o.pages.filter((p) => !names.includes(p));
    if (missing.length) throw new Error(`no such page in ${o.corpus}: ${missing.join(', ')}`);
    names = o.pages;
  }
  if (o.limit != null) names = names.slice(0, o.limit);
  return names.map((name) => ({ name, bytes: fs.statSync(path.join(o.corpus, name, 'source.html')).size }));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
};

/** The HTTP server: everything same-origin, cross-origin isolated (COOP + COEP + CORP). */
function startServer(o, nonce) {
  const routes = [
    ['/bench/', HERE],
    ['/pkg/', o.pkg],
  ];
  const files = {
    '/': path.join(HERE, 'index.html'),
    '/readability.js': path.join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js'),
  };
  const server = http.createServer((req, res) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    const url = new URL(req.url, 'http://127.0.0.1');
    const p = decodeURIComponent(url.pathname);
    let file = files[p] || null;
    const corpus = /^\/corpus\/([^/]+)\/source\.html$/.exec(p);
    if (corpus) {
      file = path.join(o.corpus, corpus[1], 'source.html');
      // The page's own scripts stay off; only the injected capture script (carrying the nonce)
      // runs. Nothing external loads: the benchmark never touches the network.
      headers['Content-Security-Policy'] =
        `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'`;
    }
    for (const [prefix, dir] of routes) {
      if (!file && p.startsWith(prefix)) file = path.join(dir, p.slice(prefix.length));
    }
    const inside = file && [HERE, o.pkg, o.corpus, ROOT].some((d) => file.startsWith(d + path.sep));
    if (!file || !inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    headers['Content-Type'] = TYPES[path.extname(file)] || 'application/octet-stream';
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function gitDescribe() {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT })
      .toString()
      .trim();
    return dirty ? `${rev}+dirty` : rev;
  } catch {
    return null;
  }
}

const ms = (x) => (x == null || !Number.isFinite(x) ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const pad = (s, n) => String(s).padStart(n);

async function main() {
  const o = parseArgs(process.argv.slice(2));
  for (const [what, file] of [
    ['wasm glue (run `make build`)', path.join(o.pkg, 'lectern.js')],
    ['wasm module (run `make build`)', path.join(o.pkg, 'lectern_bg.wasm')],
    ['capture script', o.capture],
    ['Readability.js (run `npm ci`)', path.join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js')],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`missing ${what}: ${file}`);
  }
  const pages = listPages(o);
  const loadBefore = os.loadavg()[0];
  if (!pages.length) throw new Error(`no pages in ${o.corpus}`);
  const nonce = crypto.randomBytes(12).toString('base64url');
  const captureSrc = fs.readFileSync(o.capture, 'utf8');
  const server = await startServer(o, nonce);
  const base = `http://127.0.0.1:${server.address().port}/`;

  const browser = await chromium.launch({
    executablePath: o.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const pageErrors = [];
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const open = async (streaming = false) => {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await page.goto(base);
      await page.waitForFunction(() => window.benchReady === true);
      const setup = await page.evaluate((cfg) => window.benchSetup(cfg), { nonce, captureSrc, streaming });
      return { page, setup };
    };

    // Instantiation, each in a fresh page: compile from bytes (no code cache) + instantiate.
    const inits = [];
    let tab = null;
    for (let i = 0; i < o.inits; i++) {
      if (tab) await tab.page.close();
      tab = await open();
      inits.push(tab.setup);
    }
    const setup = tab.setup;
    const timerNote = setup.crossOriginIsolated ? 'cross-origin isolated, 5 us timer' : 'NOT isolated: 100 us timer';
    console.log(`Chromium ${browser.version()} | lectern ${setup.version} | ${timerNote}`);
    console.log(`${pages.length} pages, ${o.warmup} warm-up + ${o.reps} timed rounds each, contenders interleaved`);
    console.log('per page: median and p95 over the rounds, in ms; ratio = Lectern / R.js medians; ner = recognize alone\n');

    const head =
      `${'page'.padEnd(34)} ${pad('KB', 6)} ${pad('R.js', 7)} ${pad('p95', 6)} ${pad('Lectern', 7)} ${pad('p95', 6)} ${pad('ratio', 5)} ` +
      `${pad('extract', 7)} ${pad('ner', 6)} ${pad('ktok/s', 6)}  notes`;
    console.log(head);
    console.log('-'.repeat(head.length + 10));
    // Engine warm-up: both contenders over a few pages of different sizes, untimed, so that the
    // first pages of the corpus are not measured while JS and wasm are still being compiled.
    if (!o.smoke) {
      const bySize = [...pages].sort((a, b) => a.bytes - b.bytes);
      const picks = [...new Set([0.25, 0.5, 0.75, 0.9].map((q) => bySize[Math.floor(q * (bySize.length - 1))]))];
      for (const p of picks) {
        await tab.page.evaluate(([name]) => window.benchPage(name, { reps: 1, warmup: 3 }), [p.name]).catch(() => {});
      }
    }

    const results = [];
    let cdp = null;
    if (o.profile) {
      cdp = await ctx.newCDPSession(tab.page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    for (const p of pages) {
      let r;
      try {
        r = await tab.page.evaluate(([name, opts]) => window.benchPage(name, opts), [
          p.name,
          { reps: o.reps, warmup: o.warmup },
        ]);
      } catch (e) {
        console.log(`${p.name.padEnd(34)} harness error: ${String(e.message || e).split('\n')[0]}`);
        results.push({ name: p.name, bytes: p.bytes, harnessError: String(e.message || e) });
        // A crashed or wedged page: start over in a fresh one for the next page.
        await tab.page.close().catch(() => {});
        tab = await open();
        continue;
      }
      r.bytes = p.bytes;
      const m = {};
      for (const [k, v] of Object.entries(r.times)) m[k] = v.length ? median(v) : null;
      r.median = m;
      r.p95 = {};
      for (const [k, v] of Object.entries(r.times)) r.p95[k] = v.length ? quantile(v, 0.95) : null;
      r.ratio = m.readability > 0 ? m.lectern / m.readability : null;
      // What the click would cost with entities marked after the article is shown (sum of medians).
      m.lecternPlain = m.capture + m.hop + m.plain;
      r.ratioPlain = m.readability > 0 && Number.isFinite(m.lecternPlain) ? m.lecternPlain / m.readability : null;
      r.tokensPerSecond = m.recognize > 0 ? r.recognize.tokens / (m.recognize / 1000) : null;
      results.push(r);
      const notes = [];
      if (!r.readability.ok) notes.push('R.js: no article');
      if (!r.lectern.ok) notes.push(`Lectern: ${r.lectern.error}`);
      else notes.push(`${r.lectern.words ?? '?'} words, ${r.lectern.mentions ?? '?'} mentions`);
      if (r.recognize.source === 'readability') notes.push('ner on R.js text');
      console.log(
        `${p.name.padEnd(34)} ${pad((p.bytes / 1024).toFixed(0), 6)} ${pad(ms(m.readability), 7)} ${pad(ms(r.p95.readability), 6)} ` +
          `${pad(ms(m.lectern), 7)} ${pad(ms(r.p95.lectern), 6)} ${pad(r.ratio == null ? '-' : r.ratio.toFixed(2), 5)} ` +
          `${pad(ms(m.extract), 7)} ${pad(ms(m.recognize), 6)} ` +
          `${pad(r.tokensPerSecond == null ? '-' : (r.tokensPerSecond / 1000).toFixed(0), 6)}  ${notes.join('; ')}`,
      );
    }
    const coldFirstMs = await tab.page.evaluate(() => window.benchColdFirst());
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(o.profile, JSON.stringify(profile));
      console.log(`\nCPU profile: ${o.profile}\n${topSelfTime(profile, 30)}`);
    }
    await tab.page.close();

    // First clicks: a fresh page per run, both contenders cold, the order alternating.
    const cold = [];
    const step = o.cold > 0 ? Math.max(1, pages.length / o.cold) : Infinity;
    for (let i = 0; Math.floor(i * step) < pages.length && i < o.cold; i++) {
      const p = pages[Math.floor(i * step)];
      const fresh = await open(true);
      try {
        const r = await fresh.page.evaluate(([name, first]) => window.benchCold(name, first), [
          p.name,
          i % 2 === 0 ? 'L' : 'R',
        ]);
        cold.push({ name: p.name, bytes: p.bytes, instantiateMs: fresh.setup.initMs, ...r });
      } catch (e) {
        cold.push({ name: p.name, bytes: p.bytes, harnessError: String(e.message || e) });
      }
      await fresh.page.close();
    }

    const load = [loadBefore, os.loadavg()[0]];
    const report = buildReport({ o, pages, results, inits, setup, coldFirstMs, cold, load, browserVersion: browser.version() });
    fs.mkdirSync(o.out, { recursive: true });
    // Times to the microsecond (the timer's resolution is 5 us), to keep the file small.
    const round = (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);
    // One line per key, and per page: readable, diffable, and small.
    const lines = Object.entries(report).map(([k, v]) =>
      Array.isArray(v)
        ? ` ${JSON.stringify(k)}: [\n${v.map((x) => `  ${JSON.stringify(x, round)}`).join(',\n')}\n ]`
        : ` ${JSON.stringify(k)}: ${JSON.stringify(v, round)}`,
    );
    fs.writeFileSync(path.join(o.out, 'browser.json'), `{\n${lines.join(',\n')}\n}\n`);
    fs.writeFileSync(path.join(o.out, 'browser.svg'), chartSvg(report));
    fs.writeFileSync(path.join(o.out, 'summary.md'), report.markdown);
    console.log('\n' + report.markdown);
    console.log(`wrote ${path.relative(process.cwd(), o.out) || '.'}/{browser.json,browser.svg,summary.md}`);
    if (pageErrors.length) console.log(`page errors:\n  ${pageErrors.join('\n  ')}`);

    if (o.smoke) {
      const bad = results.filter(
        (r) => r.harnessError || !r.readability.ok || !r.lectern.ok || !Number.isFinite(r.median.lectern),
      );
      if (bad.length || pageErrors.length) {
        console.error(`bench-smoke: FAILED (${bad.map((r) => r.name).join(', ') || 'page errors'})`);
        process.exitCode = 1;
      } else {
        console.log('bench-smoke: ok');
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

function buildReport({ o, pages, results, inits, setup, coldFirstMs, cold, load, browserVersion }) {
  const ok = results.filter((r) => !r.harnessError);
  const col = (k) => ok.map((r) => r.median[k]).filter((x) => Number.isFinite(x));
  const ops = [
    ['readability', 'Readability.js `parse()` of `document.cloneNode(true)`'],
    ['lectern', "**Lectern's whole path** (capture + hop + process)"],
    ['capture', '... capture.js in the page'],
    ['hop', '... structuredClone of the capture (message hop)'],
    ['process', '... wasm `process` (copy in, extract, entities, render)'],
    ['plain', 'wasm `process` without entities (`{highlights: false}`)'],
    ['extract', 'Lectern extraction alone (wasm `extract`)'],
    ['recognize', 'Lectern entity recognition alone (wasm `recognize`)'],
  ];
  const summary = {};
  for (const [k] of ops) summary[k] = summarize(col(k));
  const ratios = ok.map((r) => r.ratio).filter((x) => Number.isFinite(x));
  summary.ratio = summarize(ratios);
  summary.lecternPlain = summarize(col('lecternPlain'));
  summary.ratioPlain = summarize(ok.map((r) => r.ratioPlain).filter((x) => Number.isFinite(x)));
  // The English pages alone: there the names tagger runs (see the tokens/s line).
  const english = ok.filter((r) => r.recognize.names !== false);
  summary.english = {
    pages: english.length,
    readability: summarize(english.map((r) => r.median.readability)),
    lectern: summarize(english.map((r) => r.median.lectern)),
    ratio: summarize(english.map((r) => r.ratio).filter((x) => Number.isFinite(x))),
  };
  // Throughput of the tagger: over the pages it ran on (English text; elsewhere only the
  // date/money rules run, which would flatter the figure).
  const nerPages = ok.filter((r) => r.recognize.tokens > 0 && r.median.recognize > 0 && r.recognize.names !== false);
  const tokens = nerPages.reduce((s, r) => s + r.recognize.tokens, 0);
  const nerMs = nerPages.reduce((s, r) => s + r.median.recognize, 0);
  summary.nerTokensPerSecond = {
    aggregate: nerMs > 0 ? tokens / (nerMs / 1000) : null,
    medianPage: nerPages.length ? median(nerPages.map((r) => r.tokensPerSecond)) : null,
    tokens,
    pages: nerPages.length,
    notEnglish: ok.filter((r) => r.recognize.names === false).length,
  };
  summary.init = {
    compile: summarize(inits.map((i) => i.compileMs)),
    instantiate: summarize(inits.map((i) => i.instantiateMs)),
    total: summarize(inits.map((i) => i.initMs)),
  };
  summary.coldFirstProcessMs = coldFirstMs;
  const coldOk = cold.filter((c) => !c.harnessError);
  summary.cold = {
    pages: coldOk.length,
    readability: summarize(coldOk.map((c) => c.readability)),
    lectern: summarize(coldOk.map((c) => c.lectern)),
    capture: summarize(coldOk.map((c) => c.capture)),
    process: summarize(coldOk.map((c) => c.process)),
    instantiate: summarize(coldOk.map((c) => c.instantiateMs)),
    ratio: summarize(coldOk.filter((c) => c.readability > 0).map((c) => c.lectern / c.readability)),
  };
  summary.lecternArticles = ok.filter((r) => r.lectern.ok).length;
  summary.readabilityArticles = ok.filter((r) => r.readability.ok).length;
  summary.harnessErrors = results.length - ok.length;

  const machine = {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0] ? os.cpus()[0].model : null,
    memGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: browserVersion,
    crossOriginIsolated: setup.crossOriginIsolated,
    loadAverage1m: load,
  };
  const verdict = (pass) => (pass ? 'yes' : '**no**');
  const R = summary.readability;
  const L = summary.lectern;
  const lines = [];
  lines.push(
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} vCPU ${machine.cpuModel}, ` +
      `${machine.memGB} GB, Chromium ${machine.chromium} headless, lectern ${setup.version} ` +
      `(git ${gitDescribe() ?? '?'}); ${ok.length} pages of \`${path.basename(o.corpus)}\`, ` +
      `${o.warmup} warm-up + ${o.reps} timed rounds per page, contenders interleaved` +
      `${machine.crossOriginIsolated ? ', 5 µs timer' : ''}; 1-minute load average ` +
      `${load.map((x) => x.toFixed(1)).join(' -> ')} (other work on the machine slows both contenders alike). ` +
      `Per page the median of the rounds; below, statistics over pages.`,
  );
  lines.push('');
  lines.push('| per page, in the browser | median | p95 | max | corpus total |');
  lines.push('|---|---|---|---|---|');
  for (const [k, label] of ops) {
    const s = summary[k];
    if (!s.n) continue;
    lines.push(`| ${label} | ${ms(s.median)} ms | ${ms(s.p95)} ms | ${ms(s.max)} ms | ${(s.sum / 1000).toFixed(2)} s |`);
  }
  lines.push(
    `| ratio Lectern whole path / Readability.js, page by page | ${fmtRatio(summary.ratio.median)} | ${fmtRatio(summary.ratio.p95)} | ${fmtRatio(summary.ratio.max)} | |`,
  );
  const LP = summary.lecternPlain;
  if (LP.n) {
    lines.push(
      `| Lectern whole path without entities (capture + hop + \`process\` with \`{highlights: false}\`) | ${ms(LP.median)} ms | ${ms(LP.p95)} ms | ${ms(LP.max)} ms | ${(LP.sum / 1000).toFixed(2)} s |`,
    );
    lines.push(
      `| ratio of that / Readability.js, page by page | ${fmtRatio(summary.ratioPlain.median)} | ${fmtRatio(summary.ratioPlain.p95)} | ${fmtRatio(summary.ratioPlain.max)} | |`,
    );
  }
  const E = summary.english;
  if (E.pages && E.pages < ok.length) {
    lines.push(
      `| English pages only (${E.pages}; the names tagger runs there): Readability.js / Lectern's whole path | ` +
        `${ms(E.readability.median)} / ${ms(E.lectern.median)} ms | ${ms(E.readability.p95)} / ${ms(E.lectern.p95)} ms | ` +
        `${ms(E.readability.max)} / ${ms(E.lectern.max)} ms | |`,
    );
    lines.push(`| ... ratio, page by page | ${fmtRatio(E.ratio.median)} | ${fmtRatio(E.ratio.p95)} | ${fmtRatio(E.ratio.max)} | |`);
  }
  lines.push('');
  const C = summary.cold;
  if (C.pages) {
    lines.push(
      `First click (each contender's first run in a fresh page, nothing warmed up; ${C.pages} pages spread over the corpus, ` +
        `wasm instantiated by streaming from its URL as the reader page does, in ${ms(C.instantiate.median)} ms median):`,
    );
    lines.push('');
    lines.push('| first run in a fresh page | median | p95 | max |');
    lines.push('|---|---|---|---|');
    lines.push(`| Readability.js \`parse()\` | ${ms(C.readability.median)} ms | ${ms(C.readability.p95)} ms | ${ms(C.readability.max)} ms |`);
    lines.push(`| Lectern whole path | ${ms(C.lectern.median)} ms | ${ms(C.lectern.p95)} ms | ${ms(C.lectern.max)} ms |`);
    lines.push(`| ... capture.js | ${ms(C.capture.median)} ms | ${ms(C.capture.p95)} ms | ${ms(C.capture.max)} ms |`);
    lines.push(`| ... wasm \`process\` | ${ms(C.process.median)} ms | ${ms(C.process.p95)} ms | ${ms(C.process.max)} ms |`);
    lines.push(`| ratio Lectern / Readability.js, page by page | ${fmtRatio(C.ratio.median)} | ${fmtRatio(C.ratio.p95)} | ${fmtRatio(C.ratio.max)} |`);
    lines.push('');
  }
  const nt = summary.nerTokensPerSecond;
  lines.push(
    `- Entity recognition in wasm: ${fmtRate(nt.aggregate)} tokens/s over the corpus's English pages ` +
      `(${nt.tokens} tokens on ${nt.pages} pages; median page ${fmtRate(nt.medianPage)} tokens/s). ` +
      `The names tagger is English-only: on the other ${nt.notEnglish} pages (other languages, placeholder text) ` +
      'only the date, time, money and percentage rules run.',
  );
  lines.push(
    `- Wasm module (${(setup.wasmBytes / 1024).toFixed(0)} KB): compile ${ms(summary.init.compile.median)} ms + ` +
      `instantiate ${ms(summary.init.instantiate.median)} ms = ${ms(summary.init.total.median)} ms ` +
      `(median of ${inits.length} fresh pages); first \`process\` call after it: ${ms(coldFirstMs)} ms.`,
  );
  lines.push(
    `- Articles found: Lectern ${summary.lecternArticles}/${ok.length}, Readability.js ${summary.readabilityArticles}/${ok.length}` +
      (summary.harnessErrors ? `; ${summary.harnessErrors} pages failed in the harness.` : '.'),
  );
  lines.push('');
  lines.push('| target (issue 5) | measured | met |');
  lines.push('|---|---|---|');
  lines.push(`| whole-path median <= Readability.js median (aim: half) | ${ms(L.median)} vs ${ms(R.median)} ms | ${verdict(L.median <= R.median)} |`);
  if (E.pages && E.pages < ok.length) {
    lines.push(`| ... the same on the ${E.pages} English pages alone | ${ms(E.lectern.median)} vs ${ms(E.readability.median)} ms | ${verdict(E.lectern.median <= E.readability.median)} |`);
  }
  lines.push(`| whole-path p95 <= 1.5x Readability.js p95 | ${ms(L.p95)} vs ${ms(R.p95)} ms | ${verdict(L.p95 <= 1.5 * R.p95)} |`);
  lines.push(`| entity recognition >= 200,000 tokens/s | ${fmtRate(nt.aggregate)} | ${verdict(nt.aggregate >= 200000)} |`);
  lines.push(`| instantiation < 50 ms | ${ms(summary.init.total.median)} ms | ${verdict(summary.init.total.median < 50)} |`);
  lines.push('');

  return {
    machine,
    options: { corpus: path.relative(ROOT, o.corpus), reps: o.reps, warmup: o.warmup, inits: o.inits, pages: pages.length },
    lectern: { version: setup.version, git: gitDescribe(), wasmBytes: setup.wasmBytes },
    summary,
    inits,
    cold,
    pages: results,
    markdown: lines.join('\n'),
  };
}

/** The functions with the most self time in a V8 CPU profile, as a text table. */
function topSelfTime(profile, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] || 0;
    const node = byId.get(id);
    if (!node) return;
    const f = node.callFrame;
    const where = f.url ? path.basename(f.url.split('?')[0]) : '';
    const key = `${f.functionName || '(anonymous)'}${where ? ` [${where}]` : ''}`;
    self.set(key, (self.get(key) || 0) + dt);
    total += dt;
  });
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return rows
    .map(([k, us]) => `${pad((us / 1000).toFixed(1), 9)} ms ${pad(((100 * us) / total).toFixed(1), 5)}%  ${k}`)
    .join('\n');
}

const fmtRatio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '-');
const fmtRate = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');

main().catch((e) => {
  console.error(`bench: ${e.message || e}`);
  process.exit(1);
});
