#!/usr/bin/env node
// Where a click's time goes, per thread: a Chromium trace (CDP Tracing) of one real toolbar
// click after a warm-up click, summarised as the busy time of each thread from the click to the
// marks and its longest tasks, with what ran in them. The trace itself is written for
// chrome://tracing or Perfetto. Usage: node bench/click-trace.mjs [PAGE_PATH] [--ext DIR]
//   [--out FILE] [--fresh] (PAGE_PATH like /m/ars-1/; --fresh: the first click of a profile).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as chromium from '../tests/e2e/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.LECTERN_SHARED || path.resolve(ROOT, '..', 'shared');
const argv = process.argv.slice(2);
const flag = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const pagePath = argv.find((a, i) => a.startsWith('/') && argv[i - 1] !== '--ext' && argv[i - 1] !== '--out') || '/m/ars-1/';
const ext = path.resolve(flag('--ext', path.join(ROOT, 'extension')));
const out = flag('--out', '/tmp/lectern-click-trace.json');
const fresh = argv.includes('--fresh');

function body(p) {
  const [, kind, name] = p.split('/');
  if (kind === 'm') return fs.readFileSync(path.join(SHARED, 'corpus/readability', name, 'source.html'));
  if (kind === 'w') return zlib.gunzipSync(fs.readFileSync(path.join(SHARED, 'corpus/wceb-dev/html', `${name}.html.gz`)));
  return null;
}
const server = http.createServer((req, res) => {
  const b = body(new URL(req.url, 'http://x').pathname);
  res.writeHead(b ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(b || '');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const env = await chromium.launch({ ext });
if (!fresh) {
  const p = await chromium.openPage(env, `${ORIGIN}${pagePath}?warmup`);
  await chromium.click(env, p);
  await chromium.waitReader(env, p).catch(() => {});
  await chromium.closePage(env, p);
}
const page = await chromium.openPage(env, `${ORIGIN}${pagePath}?traced`);
await sleep(300);

const events = [];
env.cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => env.cdp.on('Tracing.tracingComplete', r));
await env.cdp.send('Tracing.start', {
  transferMode: 'ReportEvents',
  traceConfig: {
    includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
      'blink', 'loading', 'navigation', 'toplevel', 'blink.user_timing', 'extensions', 'ipc', 'mojom', 'disabled-by-default-v8.compile'],
  },
});
await sleep(100);
const t0 = Date.now();
await chromium.click(env, page);
await chromium.waitReader(env, page).catch(() => {});
const d = await chromium.evalReader(env, page, () => ({ ...document.documentElement.dataset })).catch(() => ({}));
await sleep(100);
await env.cdp.send('Tracing.end');
await done;
await env.close();
server.close();
fs.writeFileSync(out, JSON.stringify({ traceEvents: events }));

// Thread names, and the click's time on the trace clock: the first toplevel event carrying the
// extension's action (or simply the earliest event after tracing started).
const names = new Map();
const procs = new Map();
for (const e of events) {
  if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  if (e.ph === 'M' && e.name === 'process_labels') procs.set(e.pid, e.args.labels);
  if (e.ph === 'M' && e.name === 'process_name') procs.set(e.pid, procs.get(e.pid) || e.args.name);
}
const times = d.times ? JSON.parse(d.times) : {};
console.log(`page ${pagePath}: article ${d.articleAt - t0} ms, marks ${d.entitiesAt - t0} ms after the click was sent`);
console.log('phases (ms after the background got the click):', Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v - times.click])));
// Trace clock origin: the reader's timeOrigin ('frame') is navigationStart of the frame.
const navStarts = events.filter((e) => e.name === 'navigationStart' && e.args && e.args.data && /^chrome-extension:/.test(e.args.data.documentLoaderURL || ''));
const frameTs = navStarts.length ? navStarts[0].ts : null;
const clickTs = frameTs != null ? frameTs - (times.frame - times.click) * 1000 : Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
const endTs = clickTs + ((d.entitiesAt ? Number(d.entitiesAt) : Date.now()) - times.click) * 1000;
const rel = (ts) => ((ts - clickTs) / 1000).toFixed(1);

// Per thread: the top-level tasks in [click, marks], busy total, longest ones with their inner events.
const byThread = new Map();
for (const e of events) {
  if (e.ph !== 'X' || e.ts < clickTs - 5000 || e.ts > endTs) continue;
  const k = `${e.pid}:${e.tid}`;
  if (!byThread.has(k)) byThread.set(k, []);
  byThread.get(k).push(e);
}
const INTEREST = /^(EvaluateScript|FunctionCall|v8\.compile|v8\.compileModule|ParseHTML|Layout|UpdateLayoutTree|Paint|v8\.run|CompileScript|EventDispatch|TimerFire|ParseAuthorStyleSheet|ResourceReceivedData|ResourceFinish|HandlePostMessage|v8\.callFunction|V8\.GC_.*|MajorGC|MinorGC|BlinkGC.*|CommitLoad|.*Navigation.*|.*Commit.*|Document::.*|Extension.*|.*Message.*)$/;
const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'ThreadPool_RunTask']);
const rows = [];
for (const [k, evs] of byThread) {
  // A task shows as RunTask with ThreadControllerImpl::RunTask inside it: count the outer one
  // only (counting both doubled every thread's busy time and listed each task twice).
  const tops = [];
  let end = -Infinity;
  for (const e of evs.filter((x) => TASK.has(x.name)).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (e.ts >= end) { tops.push(e); end = e.ts + (e.dur || 0); }
  }
  const busy = tops.reduce((a, e) => a + (e.dur || 0), 0) / 1000;
  rows.push({ k, busy, tops, evs });
}
rows.sort((a, b) => b.busy - a.busy);
for (const { k, busy, tops, evs } of rows.slice(0, 10)) {
  const [pid] = k.split(':');
  console.log(`\n== ${procs.get(Number(pid)) || pid} / ${names.get(k) || k}: busy ${busy.toFixed(1)} ms in ${tops.length} tasks`);
  const long = tops.filter((e) => e.dur >= 1000).sort((a, b) => a.ts - b.ts);
  for (const t of long.slice(0, 40)) {
    const inner = evs.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && INTEREST.test(e.name) && (e.dur || 0) >= 300);
    const what = inner.slice(0, 6).map((e) => {
      const a = e.args && (e.args.data || e.args);
      const u = a && (a.url || a.fileName || a.functionName || a.type || '');
      return `${e.name}${u ? `(${String(u).replace(/^.*\//, '').slice(0, 40)})` : ''} ${(e.dur / 1000).toFixed(1)}`;
    }).join('; ');
    console.log(`  ${rel(t.ts).padStart(7)} +${(t.dur / 1000).toFixed(1).padStart(6)}  ${what}`);
  }
}
console.log(`\ntrace: ${out}`);
