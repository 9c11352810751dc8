// Shared helpers for the browser tests: a page server on 127.0.0.1 that logs every request,
// Debian's Chromium with the unpacked extension, and a real toolbar click (CDP triggerAction).
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXT = path.join(ROOT, 'extension');
export const SHOTS = path.join(ROOT, 'tests/e2e/screenshots');
const PAGES = path.join(ROOT, 'tests/e2e/pages');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Every /img/ URL gets the playground's sample picture (a drawn river scene, our own).
const PHOTO = fs.readFileSync(path.join(ROOT, 'www/samples/danube-wall.png'));

// Serves tests/e2e/pages/NAME.html at /NAME.html (with {{ORIGIN}}/{{ELSEWHERE}} filled in),
// images at /img/*.png, and the headers a page asks for in pages/NAME.headers.json.
export async function startServer({ root = PAGES, elsewhere = '' } = {}) {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push({ path: req.url, time: Date.now() });
    const url = new URL(req.url, 'http://x');
    const origin = `http://${req.headers.host}`;
    if (url.pathname.startsWith('/img/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(PHOTO);
      return;
    }
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const ext = path.extname(file);
    const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png' };
    const headers = { 'content-type': types[ext] || 'application/octet-stream', 'cache-control': 'no-store' };
    const extra = file.replace(/\.html$/, '.headers.json');
    if (ext === '.html' && fs.existsSync(extra)) Object.assign(headers, JSON.parse(fs.readFileSync(extra, 'utf8')));
    let body = fs.readFileSync(file);
    if (ext === '.html' && root === PAGES) {
      body = Buffer.from(body.toString('utf8').replaceAll('{{ORIGIN}}', origin).replaceAll('{{ELSEWHERE}}', elsewhere));
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, hits, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps',
  // Nothing may leave the machine: every host but the test servers is unresolvable.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// `ext`: the folder to load (a patched copy for tests that need granted optional permissions);
// `args`: more Chromium flags.
export async function launchWithExtension(ext = EXT, { args = [] } = {}) {
  if (!fs.existsSync(path.join(ext, 'pkg/lectern_bg.wasm'))) throw new Error('extension/pkg is missing: run `make build` first');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [...CHROMIUM_ARGS, ...args, '--enable-unsafe-extension-debugging', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  let sw = ctx.serviceWorkers()[0];
  if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  const extId = new URL(sw.url()).host;
  // The worker can be up before its top-level code registered the click listener.
  for (let i = 0; i < 100; i++) {
    if (await sw.evaluate(() => chrome.action.onClicked.hasListeners())) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const cdp = await ctx.browser().newBrowserCDPSession();
  const cleanup = async () => { await ctx.close(); fs.rmSync(profile, { recursive: true, force: true }); };
  return { ctx, sw, extId, cdp, close: cleanup };
}

// A real toolbar click on the tab showing `page` (grants activeTab like a user's click).
export async function clickAction(env, page) {
  const url = page.url();
  const { targetInfos } = await env.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab target for ${url}`);
  await env.cdp.send('Extensions.triggerAction', { id: env.extId, targetId: tab.targetId });
}

// Whether a URL is the reader page's. Its host is not the extension id: reader.html is
// web-accessible only at a per-session URL (use_dynamic_url).
export const isReaderUrl = (u) => /^chrome-extension:\/\/[a-z0-9-]+\/reader\.html(#|$)/.test(u);

// The reader's frame in `page`, once its state is one of `states`.
export async function readerFrame(env, page, states = ['ready', 'no-article', 'error'], timeout = 15000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    const frame = page.frames().find((f) => isReaderUrl(f.url()));
    if (frame) {
      const state = await frame.evaluate(() => document.documentElement.dataset.state).catch(() => null);
      if (states.includes(state)) return frame;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`reader did not reach ${states.join('/')} within ${timeout} ms`);
}

// The overlay's host (a plain div in the top layer; the attribute is only for finding it).
export const HOST = '[data-lectern-reader]';

export async function readerOpen(page) {
  return page.evaluate((sel) => !!document.querySelector(sel), HOST);
}

// A PNG screenshot's pixels (8-bit RGB or RGBA, not interlaced: what Chromium writes), enough to
// ask what is visible: {width, height, at(x, y) -> [r, g, b]}.
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, type = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const kind = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 2 && data[9] !== 6) || data[12] !== 0) throw new Error('unsupported PNG');
      type = data[9];
    } else if (kind === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? px[y * stride + i - bpp] : 0;
      const b = y > 0 ? px[(y - 1) * stride + i] : 0;
      const c = i >= bpp && y > 0 ? px[(y - 1) * stride + i - bpp] : 0;
      let v = line[i];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c; const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      px[y * stride + i] = v & 255;
    }
  }
  return { width, height, at: (x, y) => { const o = y * stride + x * bpp; return [px[o], px[o + 1], px[o + 2]]; } };
}

// How many pixels of a screenshot are dark (text on a light reader).
export function darkPixels(png) {
  const img = decodePng(png);
  let n = 0;
  for (let y = 0; y < img.height; y += 2) {
    for (let x = 0; x < img.width; x += 2) {
      const [r, g, b] = img.at(x, y);
      if (r + g + b < 240) n++;
    }
  }
  return n;
}

export function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
